//! The check digit shared by the ИИН and the БИН: two weighted passes modulo 11, and the prefixes
//! that are never issued because both passes give 10.

use serde::Serialize;

/// Weights of the first pass, for digits 1–11.
const FIRST: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/// Weights of the second pass, used when the first gives 10.
const SECOND: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// Which pass of the check-digit computation decides a prefix of 11 digits.
///
/// ```
/// use ereje_id::{deciding_pass, Pass};
/// assert_eq!(deciding_pass(b"90010140001"), Pass::First);
/// assert_eq!(deciding_pass(b"90010140040"), Pass::Second);
/// assert_eq!(deciding_pass(b"90010140043"), Pass::NeverIssued);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pass {
    /// The first pass (weights 1–11) gives 0–9.
    First,
    /// The first pass gives 10 and the second (weights 3–11, 1, 2) gives 0–9.
    Second,
    /// Both passes give 10: no number with this prefix is issued.
    NeverIssued,
}

fn weighted(prefix: &[u8; 11], weights: &[u32; 11]) -> u32 {
    prefix.iter().zip(weights).map(|(&d, &w)| u32::from(d) * w).sum::<u32>() % 11
}

/// The pass that decides the check digit of `prefix` (see [`check_digit`] for what `prefix`
/// may hold).
///
/// # Example
/// ```
/// use ereje_id::{deciding_pass, Pass};
/// assert_eq!(deciding_pass(&[9, 0, 0, 1, 0, 1, 4, 0, 0, 0, 1]), Pass::First);
/// ```
pub fn deciding_pass(prefix: &[u8; 11]) -> Pass {
    if weighted(prefix, &FIRST) != 10 {
        Pass::First
    } else if weighted(prefix, &SECOND) != 10 {
        Pass::Second
    } else {
        Pass::NeverIssued
    }
}

/// The check digit (12th digit) of an ИИН or БИН whose first 11 digits are `prefix`, or `None`
/// when the prefix is never issued.
///
/// The algorithm (Government decree No. 406 of 22.05.2007, as agreed by independent
/// implementations; the decree's text was not read): `S1 = Σ dᵢ·i` for i = 1…11, `c = S1 mod 11`;
/// if `c = 10`, `S2 = Σ dᵢ·vᵢ` with `v = 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2`, `c = S2 mod 11`; if `c`
/// is 10 again the prefix is never issued (the Russian rule "then 0" does not apply).
///
/// `prefix` may hold digit values `0–9` or ASCII digits `b'0'–b'9'`: both weight sequences sum to
/// 66 = 6 × 11, so adding 48 to every digit changes neither sum modulo 11. Any other byte is
/// used as a number as it is (no panic, but the answer means nothing).
///
/// # Errors
/// None: a prefix that is never issued is `None`, not an error.
///
/// # Example
/// ```
/// use ereje_id::check_digit;
/// assert_eq!(check_digit(b"90010140001"), Some(3)); // first pass
/// assert_eq!(check_digit(b"90010140040"), Some(4)); // second pass
/// assert_eq!(check_digit(b"90010140043"), None); // both passes give 10
/// ```
pub fn check_digit(prefix: &[u8; 11]) -> Option<u8> {
    let first = weighted(prefix, &FIRST);
    let c = if first == 10 { weighted(prefix, &SECOND) } else { first };
    // `c` is below 11, so the conversion never fails.
    if c == 10 { None } else { u8::try_from(c).ok() }
}

/// The first 11 bytes of a 12-byte number.
pub(crate) fn prefix(digits: &[u8; 12]) -> [u8; 11] {
    let mut p = [0u8; 11];
    p.copy_from_slice(&digits[..11]);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> [u8; 11] {
        let mut p = [0u8; 11];
        for (slot, b) in p.iter_mut().zip(s.bytes()) {
            *slot = b - b'0';
        }
        p
    }

    #[test]
    fn brief_reference_cases() {
        for (prefix, expected, pass) in [
            ("87100840142", Some(7), Pass::First),
            ("83071735086", Some(7), Pass::Second),
            ("06121160001", Some(2), Pass::Second),
            ("96114100002", Some(3), Pass::Second),
            ("00081315989", None, Pass::NeverIssued),
            ("82121424009", None, Pass::NeverIssued),
            ("99010130000", Some(3), Pass::First),
            ("94014000038", Some(5), Pass::First),
        ] {
            let p = values(prefix);
            assert_eq!(check_digit(&p), expected, "{prefix}");
            assert_eq!(deciding_pass(&p), pass, "{prefix}");
            let ascii: [u8; 11] = prefix.as_bytes().try_into().unwrap();
            assert_eq!(check_digit(&ascii), expected, "ascii {prefix}");
        }
    }

    #[test]
    fn never_issued_is_not_check_digit_zero() {
        // The Russian ОКПО rule would give 0 here; the Kazakh rule rejects the prefix.
        assert_eq!(check_digit(&values("82121424009")), None);
    }

    #[test]
    fn weight_sums_are_multiples_of_eleven() {
        // The reason ASCII digits and digit values give the same check digit.
        assert_eq!(FIRST.iter().sum::<u32>() % 11, 0);
        assert_eq!(SECOND.iter().sum::<u32>() % 11, 0);
    }

    #[test]
    fn share_of_never_issued_prefixes_is_about_one_in_121() {
        // All prefixes that differ in the last 4 digits after a fixed start: the brief says
        // about 82-83 in 10,000 serials are unusable and about 9.1 % need the second pass.
        let mut never = 0;
        let mut second = 0;
        for serial in 0..10_000u32 {
            let s = format!("8307173{serial:04}");
            match deciding_pass(&values(&s)) {
                Pass::First => {}
                Pass::Second => second += 1,
                Pass::NeverIssued => never += 1,
            }
        }
        // Pass 1 ignores digit 11 (weight 11), so exactly 1 serial in 11 needs pass 2 (909 or
        // so), and about 1 in 11 of those is never issued.
        assert!((75..=90).contains(&never), "{never}");
        assert!((880..=940).contains(&(second + never)), "{second} + {never}");
    }
}
