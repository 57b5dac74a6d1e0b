//! Proptest strategies for downstream crates (feature `proptest`): valid synthetic ИИНs and БИНs
//! from the generator, and the same numbers with one digit changed.

use std::ops::RangeInclusive;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use crate::{Bin, BinAttribute, BinType, Iin, Sex};

/// Any date of birth an ИИН can hold, 1800-01-01 to 2099-12-31.
pub fn birth_date() -> impl Strategy<Value = NaiveDate> {
    // 109,572 days from 1800-01-01 to 2099-12-31 inclusive.
    (0u64..109_573).prop_filter_map("date in range", |days| {
        NaiveDate::from_ymd_opt(1800, 1, 1).and_then(|d| d.checked_add_days(Days::new(days)))
    })
}

/// Either sex.
pub fn sex() -> impl Strategy<Value = Sex> {
    prop_oneof![Just(Sex::Male), Just(Sex::Female)]
}

/// Any БИН type.
pub fn bin_type() -> impl Strategy<Value = BinType> {
    prop_oneof![
        Just(BinType::Resident),
        Just(BinType::NonResident),
        Just(BinType::JointEntrepreneurship)
    ]
}

/// Any БИН attribute.
pub fn bin_attribute() -> impl Strategy<Value = BinAttribute> {
    prop_oneof![
        Just(BinAttribute::HeadUnit),
        Just(BinAttribute::Branch),
        Just(BinAttribute::RepresentativeOffice),
        Just(BinAttribute::Farm)
    ]
}

/// A valid synthetic ИИН with any birth date 1800–2099, sex and serial (never-issued prefixes
/// skipped as the registry does).
pub fn valid_iin() -> impl Strategy<Value = Iin> {
    (birth_date(), sex(), 0u16..=9999)
        .prop_filter_map("no issued serial left", |(d, s, n)| Iin::next_issued(d, s, n).ok())
}

/// A valid synthetic БИН registered 1990–2089 with any type, attribute and serial.
pub fn valid_bin() -> impl Strategy<Value = Bin> {
    (1990i32..=2089, 1u32..=12, bin_type(), bin_attribute(), 0u32..=99_999)
        .prop_filter_map("no issued serial left", |(y, m, t, a, n)| {
            Bin::next_issued(y, m, t, a, n).ok()
        })
}

/// Any string of 12 ASCII digits (most are not valid numbers).
pub fn digits12() -> impl Strategy<Value = String> {
    "[0-9]{12}"
}

/// A valid number and the same number with exactly one digit changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigitChange {
    /// The valid number.
    pub original: String,
    /// The number with one digit changed.
    pub changed: String,
    /// The position changed, 1–12.
    pub position: usize,
}

fn change(original: String, position: usize, shift: u8) -> DigitChange {
    let changed = original
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            if i + 1 == position {
                char::from(b'0' + (b - b'0' + shift) % 10)
            } else {
                char::from(b)
            }
        })
        .collect();
    DigitChange { original, changed, position }
}

/// A valid ИИН with one digit (position 1–12) replaced by a different digit.
pub fn iin_with_single_digit_change() -> impl Strategy<Value = DigitChange> {
    iin_with_digit_changed_at(1..=12)
}

/// A valid ИИН with the digit at one of `positions` (from 1; positions outside 1–12 change
/// nothing) replaced by a different digit.
pub fn iin_with_digit_changed_at(
    positions: RangeInclusive<usize>,
) -> impl Strategy<Value = DigitChange> {
    (valid_iin(), positions, 1u8..=9).prop_map(|(iin, p, s)| change(iin.to_string(), p, s))
}

/// A valid БИН with one digit (position 1–12) replaced by a different digit.
pub fn bin_with_single_digit_change() -> impl Strategy<Value = DigitChange> {
    bin_with_digit_changed_at(1..=12)
}

/// A valid БИН with the digit at one of `positions` (from 1; positions outside 1–12 change
/// nothing) replaced by a different digit.
pub fn bin_with_digit_changed_at(
    positions: RangeInclusive<usize>,
) -> impl Strategy<Value = DigitChange> {
    (valid_bin(), positions, 1u8..=9).prop_map(|(bin, p, s)| change(bin.to_string(), p, s))
}
