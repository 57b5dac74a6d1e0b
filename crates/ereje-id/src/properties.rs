//! Property tests of the crate, driven by its own exported strategies ([`crate::strategies`]).

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use crate::strategies::{
    DigitChange, bin_with_digit_changed_at, bin_with_single_digit_change, birth_date, digits12,
    iin_with_digit_changed_at, iin_with_single_digit_change, sex, valid_bin, valid_iin,
};
use crate::{
    Bin, Id, IdError, Iin, Kind, PartsError, Pass, check_digit, classify, deciding_pass, mask,
    normalize_input,
};

fn prefix(s: &str) -> [u8; 11] {
    let mut p = [0u8; 11];
    p.copy_from_slice(&s.as_bytes()[..11]);
    p
}

/// Whether the check digit catches the change: the changed number fails `ID-CHECK-DIGIT` or
/// `ID-NEVER-ISSUED` (other rules, e.g. the date, may fail too; they are not the point here).
fn checksum_fails(value: &str) -> bool {
    classify(value)
        .errors
        .iter()
        .any(|e| matches!(e, IdError::CheckDigit { .. } | IdError::NeverIssued))
}

/// The single-digit property, stated precisely. Let `p` be the original prefix (digits 1–11),
/// `p'` the changed one, the change in positions 1–10. If the same pass decides both (`First`
/// and `First`, or `Second` and `Second`), the old check digit is wrong for `p'`; if `p'` is
/// never issued, the changed number is rejected as such. Only a change that moves the number
/// between pass 1 and pass 2 can go undetected.
fn single_digit_property(c: &DigitChange) -> Result<(), TestCaseError> {
    let (old, new) = (prefix(&c.original), prefix(&c.changed));
    let (p_old, p_new) = (deciding_pass(&old), deciding_pass(&new));
    prop_assert_ne!(p_old, Pass::NeverIssued, "a valid number has an issued prefix");
    match p_new {
        Pass::NeverIssued => {
            prop_assert!(classify(&c.changed).errors.contains(&IdError::NeverIssued));
        }
        _ if p_new == p_old => {
            prop_assert_ne!(check_digit(&new), check_digit(&old));
            prop_assert!(checksum_fails(&c.changed));
        }
        _ => {}
    }
    if !checksum_fails(&c.changed) {
        prop_assert!(p_new != p_old, "undetected only when the pass changes");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_generated_iin_validates(iin in valid_iin()) {
        let c = classify(iin.as_str());
        prop_assert_eq!(c.kind, Kind::Iin);
        prop_assert!(c.errors.is_empty());
        prop_assert_eq!(c.id, Some(Id::Iin(iin)));
        prop_assert_eq!(iin.as_str().parse::<Iin>(), Ok(iin));
        prop_assert!(iin.as_str().parse::<Bin>().is_err());
    }

    #[test]
    fn a_generated_bin_validates(bin in valid_bin()) {
        let c = classify(bin.as_str());
        prop_assert_eq!(c.kind, Kind::Bin);
        prop_assert!(c.errors.is_empty());
        prop_assert_eq!(bin.as_str().parse::<Bin>(), Ok(bin));
        prop_assert!(bin.as_str().parse::<Iin>().is_err());
    }

    #[test]
    fn from_parts_decodes_back_to_its_parts(born in birth_date(), s in sex(), serial in 0u16..=9999) {
        match Iin::from_parts(born, s, serial) {
            Ok(iin) => {
                prop_assert_eq!((iin.birth_date(), iin.sex(), iin.serial()), (born, s, serial));
                prop_assert_eq!(iin.age_on(born), Some(0));
            }
            Err(e) => {
                // Only the check digit can fail for parts in range; the registry skips the serial.
                prop_assert_eq!(e, PartsError::NeverIssued);
                if let Ok(next) = Iin::next_issued(born, s, serial) {
                    prop_assert!(next.serial() > serial);
                }
            }
        }
    }

    #[test]
    fn iin_single_digit_change_in_positions_1_to_10(c in iin_with_digit_changed_at(1..=10)) {
        single_digit_property(&c)?;
    }

    #[test]
    fn bin_single_digit_change_in_positions_1_to_10(c in bin_with_digit_changed_at(1..=10)) {
        single_digit_property(&c)?;
    }

    /// Digit 11 has weight 11 ≡ 0 in pass 1: a change there is never detected when pass 1
    /// decides (the pass stays the same), and always detected when pass 2 decides (weight 2;
    /// pass 1 still gives 10, so the number stays in pass 2 or becomes never issued).
    #[test]
    fn digit_11_change_is_detected_exactly_under_pass_2(c in iin_with_digit_changed_at(11..=11)) {
        let pass = deciding_pass(&prefix(&c.original));
        let new = deciding_pass(&prefix(&c.changed));
        if pass == Pass::First {
            prop_assert_eq!(new, Pass::First);
        } else {
            prop_assert_ne!(new, Pass::First);
        }
        prop_assert_eq!(checksum_fails(&c.changed), pass == Pass::Second);
    }

    #[test]
    fn the_position_11_property_holds_for_bins_too(c in bin_with_digit_changed_at(11..=11)) {
        let pass = deciding_pass(&prefix(&c.original));
        prop_assert_eq!(checksum_fails(&c.changed), pass == Pass::Second);
    }

    #[test]
    fn digit_12_change_is_always_detected(c in bin_with_digit_changed_at(12..=12)) {
        prop_assert!(checksum_fails(&c.changed));
    }

    #[test]
    fn the_unrestricted_strategies_change_exactly_one_digit(
        c in prop_oneof![iin_with_single_digit_change(), bin_with_single_digit_change()]
    ) {
        let differing: Vec<usize> = c.original.bytes().zip(c.changed.bytes()).enumerate()
            .filter(|(_, (a, b))| a != b).map(|(i, _)| i + 1).collect();
        prop_assert_eq!(differing, vec![c.position]);
    }

    #[test]
    fn ascii_digits_and_digit_values_give_the_same_check_digit(s in digits12()) {
        let ascii = prefix(&s);
        let values = ascii.map(|b| b - b'0');
        prop_assert_eq!(check_digit(&ascii), check_digit(&values));
        prop_assert_eq!(deciding_pass(&ascii), deciding_pass(&values));
    }

    #[test]
    fn classify_agrees_with_the_strict_parsers(s in digits12()) {
        let c = classify(&s);
        prop_assert_eq!(c.kind == Kind::Invalid, !c.errors.is_empty());
        prop_assert_eq!(c.kind == Kind::Iin, s.parse::<Iin>().is_ok());
        prop_assert_eq!(c.kind == Kind::Bin, s.parse::<Bin>().is_ok());
        if let Ok(id) = s.parse::<Id>() {
            prop_assert_eq!(id.to_string(), s);
        }
    }

    #[test]
    fn nothing_panics_on_any_string(s in "\\PC{0,20}|[0-9 ]{10,14}") {
        let c = classify(&s);
        prop_assert_eq!(c.kind == Kind::Invalid, !c.errors.is_empty());
        let _ = c.findings("/x");
        let m = mask(&s);
        prop_assert_eq!(m.chars().count(), s.chars().count());
        let n = normalize_input(&s);
        prop_assert_eq!(normalize_input(&n), n.clone());
    }

    #[test]
    fn masking_hides_the_middle(iin in valid_iin()) {
        let m = iin.masked();
        prop_assert_eq!(&m[..4], &iin.as_str()[..4]);
        prop_assert_eq!(&m[4..10], "******");
        prop_assert_eq!(&m[10..], &iin.as_str()[10..]);
    }

    #[test]
    fn age_is_full_years(iin in valid_iin(), days in 0u64..40_000) {
        let born = iin.birth_date();
        if let Some(on) = born.checked_add_days(chrono::Days::new(days)) {
            let age = iin.age_on(on);
            prop_assert!(age.is_some());
            let age = age.unwrap_or_default();
            // `age` full years have passed (the anniversary of a 29 February birth in a common
            // year is 1 March), and `age + 1` have not.
            let anniversary = |n: u32| {
                let year = born.year() + i32::try_from(n).unwrap_or(0);
                NaiveDate::from_ymd_opt(year, born.month(), born.day())
                    .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
            };
            prop_assert!(anniversary(age).is_some_and(|d| d <= on));
            prop_assert!(anniversary(age + 1).is_none_or(|d| d > on));
        }
        if let Some(before) = born.pred_opt() {
            prop_assert_eq!(iin.age_on(before), None);
        }
    }
}
