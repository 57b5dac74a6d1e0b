//! The business identification number, БИН (БСН in Kazakh): [`Bin`], its type and attribute, its
//! decoded fields and the generator of synthetic numbers.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::check::{check_digit, prefix};
use crate::error::{IdError, PartsError};
use crate::iin::{first, put};
use crate::mask::mask;
use crate::parse::{self, BIN_YEAR_PIVOT, bin_registration_year, two, value};

/// A valid БИН (business identification number, «бизнес-идентификационный номер», Law
/// No. 223-III of 12.01.2007): 12 ASCII digits.
///
/// Digits 1–4 are the year and month of state (accounting) registration `YYMM`; digit 5 the type
/// ([`BinType`]); digit 6 the attribute ([`BinAttribute`]); digits 7–11 a serial; digit 12 the
/// check digit, computed as for an ИИН. The structure is that of Government decree No. 406 of
/// 22.05.2007 as independent implementations agree on it (text not read; see
/// `docs/identifiers.md`). The year is read with [`BIN_YEAR_PIVOT`]: `YY ≥ 90` → `19YY`, else
/// `20YY`.
///
/// ```
/// use ereje_id::{Bin, BinAttribute, BinType};
/// let bin: Bin = "070140000015".parse()?;
/// assert_eq!(bin.registration_year(), 2007);
/// assert_eq!(bin.registration_month(), 1);
/// assert_eq!(bin.bin_type(), BinType::Resident);
/// assert_eq!(bin.attribute(), BinAttribute::HeadUnit);
/// assert_eq!(bin.masked(), "0701******15");
/// assert!("070190000015".parse::<Bin>().is_err()); // type digit 9
/// # Ok::<(), ereje_id::IdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bin {
    digits: [u8; 12],
}

/// A БИН's digit 5: the type of the registered person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BinType {
    /// 4: a resident legal entity.
    Resident,
    /// 5: a non-resident legal entity.
    NonResident,
    /// 6: an individual entrepreneur in joint entrepreneurship (ИП(С)).
    JointEntrepreneurship,
}

impl BinType {
    /// The digit, 4–6.
    pub fn digit(self) -> u8 {
        match self {
            BinType::Resident => 4,
            BinType::NonResident => 5,
            BinType::JointEntrepreneurship => 6,
        }
    }

    /// The type of digit `d`, `None` unless 4–6.
    pub fn from_digit(d: u8) -> Option<BinType> {
        match d {
            4 => Some(BinType::Resident),
            5 => Some(BinType::NonResident),
            6 => Some(BinType::JointEntrepreneurship),
            _ => None,
        }
    }
}

/// A БИН's digit 6: which unit of the registered person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BinAttribute {
    /// 0: the head unit of a legal entity or ИП(С).
    HeadUnit,
    /// 1: a branch.
    Branch,
    /// 2: a representative office.
    RepresentativeOffice,
    /// 3: a peasant (farm) enterprise in joint entrepreneurship.
    Farm,
}

impl BinAttribute {
    /// The digit, 0–3.
    pub fn digit(self) -> u8 {
        match self {
            BinAttribute::HeadUnit => 0,
            BinAttribute::Branch => 1,
            BinAttribute::RepresentativeOffice => 2,
            BinAttribute::Farm => 3,
        }
    }

    /// The attribute of digit `d`, `None` unless 0–3.
    pub fn from_digit(d: u8) -> Option<BinAttribute> {
        match d {
            0 => Some(BinAttribute::HeadUnit),
            1 => Some(BinAttribute::Branch),
            2 => Some(BinAttribute::RepresentativeOffice),
            3 => Some(BinAttribute::Farm),
            _ => None,
        }
    }
}

/// The decoded fields of a БИН, as written in results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BinInfo {
    /// Year of registration, four digits (see [`BIN_YEAR_PIVOT`]).
    pub registration_year: i32,
    /// Month of registration, 1–12.
    pub registration_month: u32,
    /// Digit 5.
    #[serde(rename = "type")]
    pub bin_type: BinType,
    /// Digit 6.
    pub attribute: BinAttribute,
    /// Digits 7–11, 0–99999.
    pub serial: u32,
}

impl Bin {
    /// Checks `value` as a БИН and reports every problem found.
    ///
    /// # Errors
    /// All [`IdError`]s of the value, in the order of the positions they concern: length and the
    /// first non-digit (then nothing else is checked), the month, the type digit (an ИИН has 0–3
    /// there), the attribute digit, the check digit or never-issued.
    ///
    /// # Example
    /// ```
    /// use ereje_id::{Bin, IdError};
    /// assert!(Bin::check("070140000015").is_ok());
    /// assert_eq!(
    ///     Bin::check("071349000015").unwrap_err(),
    ///     vec![
    ///         IdError::Date { date: "2007-13".into() },
    ///         IdError::BinAttribute { digit: 9 },
    ///         IdError::CheckDigit { expected: 4, found: 5 },
    ///     ]
    /// );
    /// ```
    pub fn check(value: &str) -> Result<Bin, Vec<IdError>> {
        let digits = parse::digits(value)?;
        Bin::check_digits(digits)
    }

    pub(crate) fn check_digits(digits: [u8; 12]) -> Result<Bin, Vec<IdError>> {
        let mut errors = Vec::new();
        parse::check_bin(&digits, &mut errors);
        parse::check_sum(&digits, &mut errors);
        if errors.is_empty() { Ok(Bin { digits }) } else { Err(errors) }
    }

    /// Builds the БИН registered in `year` and `month` with `bin_type`, `attribute` and `serial`
    /// (digits 7–11), computing the check digit. Deterministic: the generator of the project's
    /// synthetic numbers.
    ///
    /// # Errors
    /// [`PartsError::Year`] outside 1990–2089 (the window of [`BIN_YEAR_PIVOT`]),
    /// [`PartsError::Month`] outside 1–12, [`PartsError::Serial`] above 99999, and
    /// [`PartsError::NeverIssued`] when both check-digit passes give 10.
    ///
    /// # Example
    /// ```
    /// use ereje_id::{Bin, BinAttribute, BinType, PartsError};
    /// let bin = Bin::from_parts(2007, 1, BinType::Resident, BinAttribute::HeadUnit, 1)?;
    /// assert_eq!(bin.to_string(), "070140000015");
    /// assert_eq!(
    ///     Bin::from_parts(2007, 13, BinType::Resident, BinAttribute::HeadUnit, 1),
    ///     Err(PartsError::Month { month: 13 })
    /// );
    /// # Ok::<(), PartsError>(())
    /// ```
    pub fn from_parts(
        year: i32,
        month: u32,
        bin_type: BinType,
        attribute: BinAttribute,
        serial: u32,
    ) -> Result<Bin, PartsError> {
        let min = 1900 + i32::from(BIN_YEAR_PIVOT);
        if !(min..min + 100).contains(&year) {
            return Err(PartsError::Year { year, min, max: min + 99 });
        }
        if !(1..=12).contains(&month) {
            return Err(PartsError::Month { month });
        }
        if serial > 99_999 {
            return Err(PartsError::Serial { serial, max: 99_999 });
        }
        let mut d = [0u8; 12];
        put(&mut d[0..2], u32::try_from(year % 100).unwrap_or(0));
        put(&mut d[2..4], month);
        d[4] = b'0' + bin_type.digit();
        d[5] = b'0' + attribute.digit();
        put(&mut d[6..11], serial);
        let check = check_digit(&prefix(&d)).ok_or(PartsError::NeverIssued)?;
        d[11] = b'0' + check;
        Ok(Bin { digits: d })
    }

    /// The БИН with the first serial at or after `serial` that is issued (skipping prefixes whose
    /// check-digit passes both give 10).
    ///
    /// # Errors
    /// As [`Bin::from_parts`]; [`PartsError::NeverIssued`] when no serial from `serial` to 99999
    /// is issued.
    ///
    /// # Example
    /// ```
    /// use ereje_id::{Bin, BinAttribute, BinType};
    /// let bin = Bin::next_issued(2007, 1, BinType::Resident, BinAttribute::Branch, 0)?;
    /// assert_eq!(bin.serial(), 0);
    /// # Ok::<(), ereje_id::PartsError>(())
    /// ```
    pub fn next_issued(
        year: i32,
        month: u32,
        bin_type: BinType,
        attribute: BinAttribute,
        serial: u32,
    ) -> Result<Bin, PartsError> {
        let mut s = serial;
        loop {
            match Bin::from_parts(year, month, bin_type, attribute, s) {
                Err(PartsError::NeverIssued) if s < 99_999 => s += 1,
                other => return other,
            }
        }
    }

    /// The year of registration, four digits (see [`BIN_YEAR_PIVOT`]).
    pub fn registration_year(&self) -> i32 {
        bin_registration_year(value(self.digits[0]) * 10 + value(self.digits[1]))
    }

    /// The month of registration, 1–12.
    pub fn registration_month(&self) -> u32 {
        two(self.digits[2], self.digits[3])
    }

    /// The type (digit 5).
    pub fn bin_type(&self) -> BinType {
        // Always 4–6 in a checked `Bin`.
        BinType::from_digit(value(self.digits[4])).unwrap_or(BinType::Resident)
    }

    /// The attribute (digit 6).
    pub fn attribute(&self) -> BinAttribute {
        // Always 0–3 in a checked `Bin`.
        BinAttribute::from_digit(value(self.digits[5])).unwrap_or(BinAttribute::HeadUnit)
    }

    /// Digits 7–11, the serial.
    pub fn serial(&self) -> u32 {
        self.digits[6..11].iter().fold(0u32, |acc, &b| acc * 10 + u32::from(value(b)))
    }

    /// The decoded fields.
    pub fn info(&self) -> BinInfo {
        BinInfo {
            registration_year: self.registration_year(),
            registration_month: self.registration_month(),
            bin_type: self.bin_type(),
            attribute: self.attribute(),
            serial: self.serial(),
        }
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored, so this is always `Ok`.
        std::str::from_utf8(&self.digits).unwrap_or_default()
    }

    /// The number for display to people: first 4 and last 2 digits shown (`0701******16`).
    pub fn masked(&self) -> String {
        mask(self.as_str())
    }
}

impl FromStr for Bin {
    type Err = IdError;

    /// Parses exactly 12 ASCII digits; the error is the first problem [`Bin::check`] finds.
    fn from_str(s: &str) -> Result<Bin, IdError> {
        Bin::check(s).map_err(first)
    }
}

impl fmt::Display for Bin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Bin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Bin").field(&self.as_str()).finish()
    }
}

impl AsRef<str> for Bin {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Serialize for Bin {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Bin {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Bin, D::Error> {
        deserializer.deserialize_str(crate::FromStrVisitor::new("a BIN of 12 digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_parts_round_trips_every_type_and_attribute() {
        for t in [BinType::Resident, BinType::NonResident, BinType::JointEntrepreneurship] {
            for a in [
                BinAttribute::HeadUnit,
                BinAttribute::Branch,
                BinAttribute::RepresentativeOffice,
                BinAttribute::Farm,
            ] {
                for (year, month, serial) in [(1990, 1, 0), (2089, 12, 99_999), (2024, 6, 12_345)] {
                    let bin = Bin::next_issued(year, month, t, a, serial).unwrap();
                    let back: Bin = bin.to_string().parse().unwrap();
                    assert_eq!(back, bin);
                    let info = back.info();
                    assert_eq!(
                        (
                            info.registration_year,
                            info.registration_month,
                            info.bin_type,
                            info.attribute
                        ),
                        (year, month, t, a)
                    );
                    assert_eq!(BinType::from_digit(t.digit()), Some(t));
                    assert_eq!(BinAttribute::from_digit(a.digit()), Some(a));
                }
            }
        }
    }

    #[test]
    fn from_parts_rejects_what_cannot_be_written() {
        let (t, a) = (BinType::Resident, BinAttribute::HeadUnit);
        assert_eq!(
            Bin::from_parts(1989, 1, t, a, 0),
            Err(PartsError::Year { year: 1989, min: 1990, max: 2089 })
        );
        assert_eq!(
            Bin::from_parts(2090, 1, t, a, 0),
            Err(PartsError::Year { year: 2090, min: 1990, max: 2089 })
        );
        assert_eq!(Bin::from_parts(2000, 0, t, a, 0), Err(PartsError::Month { month: 0 }));
        assert_eq!(
            Bin::from_parts(2000, 1, t, a, 100_000),
            Err(PartsError::Serial { serial: 100_000, max: 99_999 })
        );
    }

    #[test]
    fn an_iin_is_not_a_bin() {
        let iin = crate::Iin::from_parts(
            chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(),
            crate::Sex::Male,
            1,
        )
        .unwrap();
        let errors = Bin::check(iin.as_str()).unwrap_err();
        assert_eq!(errors, vec![IdError::BinType { digit: 0 }]);
    }

    #[test]
    fn serde_is_a_string_and_deserialize_validates() {
        let bin = Bin::from_parts(2007, 1, BinType::Resident, BinAttribute::HeadUnit, 1).unwrap();
        let json = serde_json::to_string(&bin).unwrap();
        assert_eq!(serde_json::from_str::<Bin>(&json).unwrap(), bin);
        assert!(serde_json::from_str::<Bin>("\"070190000016\"").is_err());
        assert_eq!(format!("{bin:?}"), format!("Bin(\"{bin}\")"));
    }
}
