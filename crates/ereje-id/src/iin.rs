//! The individual identification number, ИИН (ЖСН in Kazakh): [`Iin`], its decoded fields and
//! the generator of synthetic numbers.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::check::{check_digit, prefix};
use crate::error::{IdError, PartsError};
use crate::mask::mask;
use crate::parse::{self, value};

/// A valid ИИН (individual identification number, «индивидуальный идентификационный номер»,
/// Law No. 223-III of 12.01.2007): 12 ASCII digits.
///
/// Digits 1–6 are the date of birth `YYMMDD`; digit 7 the century of birth and the sex (1/2 →
/// 1800s, 3/4 → 1900s, 5/6 → 2000s; odd male, even female); digits 8–11 a serial; digit 12 the
/// check digit ([`check_digit`](crate::check_digit)). The structure is that of Government decree
/// No. 406 of 22.05.2007 as independent implementations agree on it (the decree's text was not
/// read; see `docs/identifiers.md`).
///
/// Constructed only through checks, so every `Iin` has a real birth date, a century digit 1–6 and
/// a correct check digit. `FromStr` and `Deserialize` take the 12 digits exactly: no spaces, no
/// full-width digits (use [`normalize_input`](crate::normalize_input) first for grouped input).
/// `Debug` and `Display` show the whole number: use [`Iin::masked`] for display to people.
///
/// ```
/// use chrono::NaiveDate;
/// use ereje_id::{Iin, Sex};
///
/// let iin: Iin = "900101400013".parse()?;
/// assert_eq!(iin.birth_date(), NaiveDate::from_ymd_opt(1990, 1, 1).unwrap());
/// assert_eq!(iin.sex(), Sex::Female);
/// assert_eq!(iin.masked(), "9001******13");
/// assert!("900101400014".parse::<Iin>().is_err()); // wrong check digit
/// # Ok::<(), ereje_id::IdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Iin {
    digits: [u8; 12],
    birth: NaiveDate,
}

/// The sex encoded in an ИИН's digit 7 (odd male, even female).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    /// Odd digit 7 (1, 3, 5).
    Male,
    /// Even digit 7 (2, 4, 6).
    Female,
}

/// The decoded fields of an ИИН, as written in results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IinInfo {
    /// Date of birth (digits 1–6, century from digit 7).
    pub birth_date: NaiveDate,
    /// Sex (digit 7).
    pub sex: Sex,
    /// Digit 7 itself, 1–6.
    pub century_digit: u8,
    /// Digits 8–11, 0–9999.
    pub serial: u16,
}

impl Iin {
    /// Checks `value` as an ИИН and reports every problem found.
    ///
    /// # Errors
    /// All [`IdError`]s of the value, in the order of the positions they concern: length and the
    /// first non-digit (then nothing else is checked), the date, the century digit, the check
    /// digit or never-issued. A БИН is not an ИИН: its digits 5–6 make an impossible day.
    ///
    /// # Example
    /// ```
    /// use ereje_id::{IdError, Iin};
    /// assert!(Iin::check("900101400013").is_ok());
    /// assert_eq!(
    ///     Iin::check("900231700013").unwrap_err(),
    ///     vec![
    ///         IdError::Date { date: "90-02-31".into() },
    ///         IdError::Century { digit: 7 },
    ///         IdError::CheckDigit { expected: 1, found: 3 },
    ///     ]
    /// );
    /// ```
    pub fn check(value: &str) -> Result<Iin, Vec<IdError>> {
        let digits = parse::digits(value)?;
        Iin::check_digits(digits)
    }

    pub(crate) fn check_digits(digits: [u8; 12]) -> Result<Iin, Vec<IdError>> {
        let mut errors = Vec::new();
        let birth = parse::check_iin(&digits, &mut errors);
        parse::check_sum(&digits, &mut errors);
        match birth {
            Some(birth) if errors.is_empty() => Ok(Iin { digits, birth }),
            _ => Err(errors),
        }
    }

    /// Builds the ИИН of a person born on `birth_date` with `sex` and `serial` (digits 8–11),
    /// computing the century digit and the check digit. Deterministic: the generator of the
    /// project's synthetic numbers (fixtures never use numbers found on the web).
    ///
    /// # Errors
    /// [`PartsError::Year`] outside 1800–2099, [`PartsError::Serial`] above 9999, and
    /// [`PartsError::NeverIssued`] when both check-digit passes give 10 for these digits (about
    /// 1 serial in 121; [`Iin::next_issued`] skips them as the registry does).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_id::{Iin, PartsError, Sex};
    /// let born = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
    /// assert_eq!(Iin::from_parts(born, Sex::Female, 1)?.to_string(), "900101400013");
    /// let old = NaiveDate::from_ymd_opt(1799, 12, 31).unwrap();
    /// assert!(matches!(Iin::from_parts(old, Sex::Male, 1), Err(PartsError::Year { .. })));
    /// # Ok::<(), PartsError>(())
    /// ```
    pub fn from_parts(birth_date: NaiveDate, sex: Sex, serial: u16) -> Result<Iin, PartsError> {
        let year = birth_date.year();
        if !(1800..=2099).contains(&year) {
            return Err(PartsError::Year { year, min: 1800, max: 2099 });
        }
        if serial > 9999 {
            return Err(PartsError::Serial { serial: u32::from(serial), max: 9999 });
        }
        // 0, 1 or 2 after the range check.
        let century = u8::try_from((year - 1800) / 100).unwrap_or(0);
        let digit7 = century * 2 + if sex == Sex::Male { 1 } else { 2 };
        let yy = u32::try_from(year % 100).unwrap_or(0);
        let mut d = [0u8; 12];
        put(&mut d[0..2], yy);
        put(&mut d[2..4], birth_date.month());
        put(&mut d[4..6], birth_date.day());
        d[6] = b'0' + digit7;
        put(&mut d[7..11], u32::from(serial));
        let check = check_digit(&prefix(&d)).ok_or(PartsError::NeverIssued)?;
        d[11] = b'0' + check;
        Ok(Iin { digits: d, birth: birth_date })
    }

    /// The ИИН with the first serial at or after `serial` that is issued: the registry skips a
    /// prefix whose check-digit passes both give 10 and takes the next serial.
    ///
    /// # Errors
    /// As [`Iin::from_parts`]; [`PartsError::NeverIssued`] when no serial from `serial` to 9999 is
    /// issued.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_id::{Iin, PartsError, Sex};
    /// let born = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
    /// assert_eq!(Iin::from_parts(born, Sex::Female, 43), Err(PartsError::NeverIssued));
    /// assert_eq!(Iin::next_issued(born, Sex::Female, 43)?.serial(), 44);
    /// # Ok::<(), PartsError>(())
    /// ```
    pub fn next_issued(birth_date: NaiveDate, sex: Sex, serial: u16) -> Result<Iin, PartsError> {
        let mut s = serial;
        loop {
            match Iin::from_parts(birth_date, sex, s) {
                Err(PartsError::NeverIssued) if s < 9999 => s += 1,
                other => return other,
            }
        }
    }

    /// The date of birth.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth
    }

    /// The sex (digit 7: odd male, even female).
    pub fn sex(&self) -> Sex {
        if value(self.digits[6]) % 2 == 1 { Sex::Male } else { Sex::Female }
    }

    /// Digit 7 (century of birth and sex), 1–6.
    pub fn century_digit(&self) -> u8 {
        value(self.digits[6])
    }

    /// Digits 8–11, the serial.
    pub fn serial(&self) -> u16 {
        let s = self.digits[7..11].iter().fold(0u32, |acc, &b| acc * 10 + u32::from(value(b)));
        u16::try_from(s).unwrap_or(0)
    }

    /// The age in full years on `date`, or `None` when `date` is before the birth.
    ///
    /// A year is complete on the birthday itself; a person born on 29 February completes a year
    /// on 1 March of a common year (the day after 28 February).
    ///
    /// # Errors
    /// None: a date before the birth is `None`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_id::Iin;
    /// let iin: Iin = "900101400013".parse()?;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert_eq!(iin.age_on(d(2025, 12, 31)), Some(35));
    /// assert_eq!(iin.age_on(d(2026, 1, 1)), Some(36));
    /// assert_eq!(iin.age_on(d(1989, 12, 31)), None);
    /// # Ok::<(), ereje_id::IdError>(())
    /// ```
    pub fn age_on(&self, date: NaiveDate) -> Option<u32> {
        if date < self.birth {
            return None;
        }
        let mut years = date.year() - self.birth.year();
        if (date.month(), date.day()) < (self.birth.month(), self.birth.day()) {
            years -= 1;
        }
        u32::try_from(years).ok()
    }

    /// The decoded fields.
    pub fn info(&self) -> IinInfo {
        IinInfo {
            birth_date: self.birth,
            sex: self.sex(),
            century_digit: self.century_digit(),
            serial: self.serial(),
        }
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored, so this is always `Ok`.
        std::str::from_utf8(&self.digits).unwrap_or_default()
    }

    /// The number for display to people: first 4 and last 2 digits shown (`9001******17`).
    pub fn masked(&self) -> String {
        mask(self.as_str())
    }
}

/// Writes `n` as ASCII digits into `out`, zero-padded (the caller guarantees it fits).
pub(crate) fn put(out: &mut [u8], mut n: u32) {
    for slot in out.iter_mut().rev() {
        *slot = b'0' + u8::try_from(n % 10).unwrap_or(0);
        n /= 10;
    }
}

impl FromStr for Iin {
    type Err = IdError;

    /// Parses exactly 12 ASCII digits; the error is the first problem [`Iin::check`] finds.
    fn from_str(s: &str) -> Result<Iin, IdError> {
        Iin::check(s).map_err(first)
    }
}

/// The first of a non-empty list of errors (the checks never return an empty list).
pub(crate) fn first(errors: Vec<IdError>) -> IdError {
    errors.into_iter().next().unwrap_or(IdError::Length { len: 0 })
}

impl fmt::Display for Iin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Iin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Iin").field(&self.as_str()).finish()
    }
}

impl AsRef<str> for Iin {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Serialize for Iin {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Iin {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Iin, D::Error> {
        deserializer.deserialize_str(crate::FromStrVisitor::new("an IIN of 12 digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn from_parts_round_trips() {
        for (born, sex, serial) in [
            (d(1800, 1, 1), Sex::Male, 0),
            (d(1899, 12, 31), Sex::Female, 9999),
            (d(1987, 10, 8), Sex::Female, 142),
            (d(2000, 2, 29), Sex::Male, 1),
            (d(2099, 12, 31), Sex::Female, 5),
        ] {
            let iin = Iin::next_issued(born, sex, serial).unwrap();
            let back: Iin = iin.to_string().parse().unwrap();
            assert_eq!(back, iin);
            assert_eq!((back.birth_date(), back.sex()), (born, sex));
            assert!(back.serial() >= serial);
        }
    }

    #[test]
    fn from_parts_rejects_what_cannot_be_written() {
        assert_eq!(
            Iin::from_parts(d(2100, 1, 1), Sex::Male, 1),
            Err(PartsError::Year { year: 2100, min: 1800, max: 2099 })
        );
        assert_eq!(
            Iin::from_parts(d(1990, 1, 1), Sex::Male, 10_000),
            Err(PartsError::Serial { serial: 10_000, max: 9999 })
        );
    }

    #[test]
    fn next_issued_gives_up_at_the_last_serial() {
        // Find a birth date and sex whose serial 9999 is never issued.
        let mut day = d(1990, 1, 1);
        let never = loop {
            if Iin::from_parts(day, Sex::Male, 9999) == Err(PartsError::NeverIssued) {
                break day;
            }
            day = day.succ_opt().unwrap();
        };
        assert_eq!(Iin::next_issued(never, Sex::Male, 9999), Err(PartsError::NeverIssued));
    }

    #[test]
    fn age_on_dates() {
        let iin = Iin::from_parts(d(1987, 10, 8), Sex::Female, 142).unwrap();
        for (on, age) in [
            (d(1987, 10, 7), None),
            (d(1987, 10, 8), Some(0)),
            (d(2024, 10, 7), Some(36)),
            (d(2024, 10, 8), Some(37)),
            (d(2024, 12, 31), Some(37)),
        ] {
            assert_eq!(iin.age_on(on), age, "{on}");
        }
        let leap = Iin::next_issued(d(2000, 2, 29), Sex::Male, 1).unwrap();
        for (on, age) in [
            (d(2001, 2, 28), Some(0)),
            (d(2001, 3, 1), Some(1)),
            (d(2004, 2, 28), Some(3)),
            (d(2004, 2, 29), Some(4)),
        ] {
            assert_eq!(leap.age_on(on), age, "{on}");
        }
    }

    #[test]
    fn serde_is_a_string_and_deserialize_validates() {
        let iin = Iin::from_parts(d(1990, 1, 1), Sex::Female, 1).unwrap();
        let json = serde_json::to_string(&iin).unwrap();
        assert_eq!(json, "\"900101400013\"");
        assert_eq!(serde_json::from_str::<Iin>(&json).unwrap(), iin);
        let err = serde_json::from_str::<Iin>("\"900101400018\"").unwrap_err().to_string();
        assert!(err.contains("check digit 8, expected 3"), "{err}");
        assert!(serde_json::from_str::<Iin>("900101400013").is_err(), "a number is not accepted");
    }

    #[test]
    fn debug_display_and_as_ref() {
        let iin = Iin::from_parts(d(1990, 1, 1), Sex::Female, 1).unwrap();
        assert_eq!(format!("{iin:?}"), "Iin(\"900101400013\")");
        assert_eq!(iin.as_ref(), "900101400013");
        assert_eq!(iin.info().century_digit, 4);
    }
}
