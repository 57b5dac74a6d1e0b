//! Reading a value into 12 ASCII digits and the structural checks of each kind, shared by the
//! strict constructors and by [`classify`](crate::classify). Every check appends to a list, so
//! all problems of a value are reported, in the order of the positions they concern.

use chrono::NaiveDate;

use crate::check::{check_digit, prefix};
use crate::error::IdError;

/// The two-digit БИН year `YY` is read as `19YY` when `YY ≥ BIN_YEAR_PIVOT`, else as `20YY`.
///
/// БИНs are issued from 1994 (the first registrations recorded in them; the oldest public ones
/// start `94…`), so `90` leaves room before the first and reads every year up to 2089 correctly.
///
/// ```
/// assert_eq!(ereje_id::bin_registration_year(94), 1994);
/// assert_eq!(ereje_id::bin_registration_year(7), 2007);
/// assert_eq!(ereje_id::bin_registration_year(89), 2089);
/// ```
pub const BIN_YEAR_PIVOT: u8 = 90;

/// The four-digit year of a БИН's two-digit year of registration `yy` (see [`BIN_YEAR_PIVOT`]).
pub fn bin_registration_year(yy: u8) -> i32 {
    if yy >= BIN_YEAR_PIVOT { 1900 + i32::from(yy) } else { 2000 + i32::from(yy) }
}

/// The value of an ASCII digit (the caller has checked that it is one).
pub(crate) fn value(b: u8) -> u8 {
    b.wrapping_sub(b'0')
}

/// The number made by two ASCII digits.
pub(crate) fn two(a: u8, b: u8) -> u32 {
    u32::from(value(a)) * 10 + u32::from(value(b))
}

/// Reads `text` into 12 ASCII digits, or reports the length (in characters) and the first
/// character that is not an ASCII digit.
pub(crate) fn digits(text: &str) -> Result<[u8; 12], Vec<IdError>> {
    let mut out = [0u8; 12];
    let mut len = 0usize;
    let mut bad = None;
    for (i, c) in text.chars().enumerate() {
        len = i + 1;
        if c.is_ascii_digit() {
            if let Some(slot) = out.get_mut(i) {
                // An ASCII digit fits one byte.
                *slot = u8::try_from(c).unwrap_or(b'0');
            }
        } else if bad.is_none() {
            bad = Some(IdError::NonDigit { position: i + 1, found: c });
        }
    }
    let mut errors = Vec::new();
    if len != 12 {
        errors.push(IdError::Length { len });
    }
    errors.extend(bad);
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// The century (first year) of an ИИН's digit 7, `None` when the digit is not 1–6.
pub(crate) fn century(digit7: u8) -> Option<i32> {
    match value(digit7) {
        d @ 1..=6 => Some(1800 + 100 * ((i32::from(d) - 1) / 2)),
        _ => None,
    }
}

/// The ИИН checks of digits 1–7; returns the birth date when both the date and the century are
/// valid.
pub(crate) fn check_iin(d: &[u8; 12], errors: &mut Vec<IdError>) -> Option<NaiveDate> {
    let yy = two(d[0], d[1]);
    let (month, day) = (two(d[2], d[3]), two(d[4], d[5]));
    let base = century(d[6]);
    // With an invalid century digit the date is judged in the most lenient century, 2000–2099:
    // there 29 February exists exactly when YY is a multiple of 4, as in some century of 1800–2099.
    let year = base.unwrap_or(2000) + i32::try_from(yy).unwrap_or(0);
    let date = NaiveDate::from_ymd_opt(year, month, day);
    if date.is_none() {
        let date = match base {
            Some(_) => format!("{year:04}-{month:02}-{day:02}"),
            None => format!("{yy:02}-{month:02}-{day:02}"),
        };
        errors.push(IdError::Date { date });
    }
    if base.is_none() {
        errors.push(IdError::Century { digit: value(d[6]) });
    }
    if base.is_some() { date } else { None }
}

/// The БИН checks of digits 3–6.
pub(crate) fn check_bin(d: &[u8; 12], errors: &mut Vec<IdError>) {
    let month = two(d[2], d[3]);
    if !(1..=12).contains(&month) {
        let year = bin_registration_year(value(d[0]) * 10 + value(d[1]));
        errors.push(IdError::Date { date: format!("{year:04}-{month:02}") });
    }
    if !(4..=6).contains(&value(d[4])) {
        errors.push(IdError::BinType { digit: value(d[4]) });
    }
    if value(d[5]) > 3 {
        errors.push(IdError::BinAttribute { digit: value(d[5]) });
    }
}

/// The check-digit check (`ID-CHECK-DIGIT` or `ID-NEVER-ISSUED`).
pub(crate) fn check_sum(d: &[u8; 12], errors: &mut Vec<IdError>) {
    let found = value(d[11]);
    match check_digit(&prefix(d)) {
        None => errors.push(IdError::NeverIssued),
        Some(expected) if expected != found => errors.push(IdError::CheckDigit { expected, found }),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_reports_length_in_characters_and_the_first_non_digit() {
        assert!(digits("871008401427").is_ok());
        assert_eq!(digits("12345"), Err(vec![IdError::Length { len: 5 }]));
        assert_eq!(digits(""), Err(vec![IdError::Length { len: 0 }]));
        assert_eq!(
            digits("абвгдеёжзикл"),
            Err(vec![IdError::NonDigit { position: 1, found: 'а' }])
        );
        assert_eq!(
            digits("12a4b"),
            Err(vec![IdError::Length { len: 5 }, IdError::NonDigit { position: 3, found: 'a' }])
        );
        assert_eq!(digits("8710084014271"), Err(vec![IdError::Length { len: 13 }]));
    }

    #[test]
    fn bin_year_pivot() {
        assert_eq!(bin_registration_year(90), 1990);
        assert_eq!(bin_registration_year(99), 1999);
        assert_eq!(bin_registration_year(0), 2000);
        assert_eq!(bin_registration_year(26), 2026);
    }

    #[test]
    fn centuries() {
        assert_eq!(
            (b'0'..=b'9').map(century).collect::<Vec<_>>(),
            [
                None,
                Some(1800),
                Some(1800),
                Some(1900),
                Some(1900),
                Some(2000),
                Some(2000),
                None,
                None,
                None
            ]
        );
    }
}
