//! Kazakhstan's identification numbers: the ИИН of a person and the БИН of a business (ЖСН and
//! БСН in Kazakh), as Rust types.
//!
//! - [`Iin`] and [`Bin`]: 12 ASCII digits, checked on construction (`FromStr`, `Deserialize`,
//!   [`Iin::check`] / [`Bin::check`] for every problem at once), decoded (birth date, sex, age;
//!   year and month of registration, type, attribute), masked for display.
//! - [`classify`]: tells an ИИН from a БИН by digit 5 and reports every problem as an [`IdError`],
//!   each tied to a catalogue rule ([`RULES`]) and turned into a finding with
//!   [`Classified::findings`].
//! - [`check_digit`]: the two-pass modulo-11 check digit; a prefix whose passes both give 10 is
//!   never issued.
//! - [`Iin::from_parts`] / [`Bin::from_parts`]: the deterministic generator of the synthetic
//!   numbers the project's fixtures use; [`strategies`] (feature `proptest`) for property tests.
//!
//! The structure and the algorithm follow Government decree No. 406 of 22.05.2007 as several
//! independent implementations agree on it; the decree's text was not read. The rules are
//! therefore `medium` confidence and at most warnings; whether a value *is* an ИИН or a БИН is
//! [`Classified::kind`]. Sources, test vectors and the reading: `docs/identifiers.md`.
//!
//! ```
//! use ereje_findings::Lang;
//! use ereje_id::{classify, Kind};
//!
//! let ok = classify("900101400013");
//! assert_eq!(ok.kind, Kind::Iin);
//! assert_eq!(
//!     serde_json::to_string(&ok)?,
//!     r#"{"kind":"iin","birth_date":"1990-01-01","sex":"female","century_digit":4,"serial":1}"#
//! );
//!
//! let bad = classify("900231400013"); // 31 February, and the check digit no longer fits
//! assert_eq!(bad.kind, Kind::Invalid);
//! let messages: Vec<_> = bad.findings("/iin").iter().map(|f| f.message(Lang::En)).collect();
//! assert_eq!(
//!     messages,
//!     ["the date 1990-02-31 encoded in the number does not exist", "check digit is 3, expected 0"]
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```
#![deny(missing_docs)]

mod bin_number;
mod check;
mod error;
mod iin;
mod mask;
mod parse;
mod rules;
#[cfg(any(test, feature = "proptest"))]
pub mod strategies;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod vectors;

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use ereje_findings::Finding;
use serde::{Deserialize, Serialize};

pub use bin_number::{Bin, BinAttribute, BinInfo, BinType};
pub use check::{Pass, check_digit, deciding_pass};
pub use error::{IdError, PartsError};
pub use iin::{Iin, IinInfo, Sex};
pub use mask::{mask, normalize_input};
pub use parse::{BIN_YEAR_PIVOT, bin_registration_year};
pub use rules::{
    ID_BIN_ATTRIBUTE, ID_BIN_TYPE, ID_CENTURY, ID_CHECK_DIGIT, ID_DATE, ID_LENGTH, ID_NEVER_ISSUED,
    ID_NON_DIGIT, RULES,
};

/// What a value is, by structure: the `kind` of a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A valid ИИН.
    Iin,
    /// A valid БИН.
    Bin,
    /// Neither: at least one [`IdError`].
    Invalid,
}

/// A valid ИИН or БИН.
///
/// Parsed by [`classify`]; serialised as its 12 digits.
///
/// ```
/// use ereje_id::Id;
/// assert!(matches!("900101400013".parse::<Id>()?, Id::Iin(_)));
/// assert!(matches!("070140000015".parse::<Id>()?, Id::Bin(_)));
/// # Ok::<(), ereje_id::IdError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Id {
    /// An ИИН (digit 5 is 0–3).
    Iin(Iin),
    /// A БИН (digit 5 is 4–6).
    Bin(Bin),
}

impl Id {
    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        match self {
            Id::Iin(v) => v.as_str(),
            Id::Bin(v) => v.as_str(),
        }
    }

    /// The kind, [`Kind::Iin`] or [`Kind::Bin`].
    pub fn kind(&self) -> Kind {
        match self {
            Id::Iin(_) => Kind::Iin,
            Id::Bin(_) => Kind::Bin,
        }
    }

    /// The decoded fields.
    pub fn decoded(&self) -> Decoded {
        match self {
            Id::Iin(v) => Decoded::Iin(v.info()),
            Id::Bin(v) => Decoded::Bin(v.info()),
        }
    }

    /// The number for display to people (see [`mask`]).
    pub fn masked(&self) -> String {
        mask(self.as_str())
    }
}

impl FromStr for Id {
    type Err = IdError;

    /// Parses exactly 12 ASCII digits as an ИИН or a БИН by digit 5; the error is the first
    /// problem [`classify`] finds.
    fn from_str(s: &str) -> Result<Id, IdError> {
        let c = classify(s);
        match (c.id, c.errors.into_iter().next()) {
            (Some(id), _) => Ok(id),
            (None, Some(e)) => Err(e),
            (None, None) => Err(IdError::Length { len: 0 }),
        }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        deserializer.deserialize_str(FromStrVisitor::new("an IIN or BIN of 12 digits"))
    }
}

/// The decoded fields of a valid number, written flat into a result next to `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Decoded {
    /// Birth date, sex, century digit, serial.
    Iin(IinInfo),
    /// Registration year and month, type, attribute, serial.
    Bin(BinInfo),
}

/// What [`classify`] found: the kind, the number when valid, and every problem.
///
/// Serialises as `kind` plus the decoded fields of a valid number (`birth_date`, `sex`,
/// `century_digit`, `serial` for an ИИН; `registration_year`, `registration_month`, `type`,
/// `attribute`, `serial` for a БИН), the fields `ereje-check id` adds to its results. The errors
/// are written as findings (see [`Classified::findings`]), not here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    /// The structural verdict: [`Kind::Invalid`] exactly when `errors` is not empty.
    pub kind: Kind,
    /// The number, when valid.
    pub id: Option<Id>,
    /// Every problem found, in the order of the positions they concern.
    pub errors: Vec<IdError>,
}

impl Classified {
    /// The decoded fields, when the number is valid.
    pub fn decoded(&self) -> Option<Decoded> {
        self.id.map(|id| id.decoded())
    }

    /// The findings of every error at `path` (a JSON pointer), with the messages' placeholders
    /// filled.
    ///
    /// # Example
    /// ```
    /// let f = ereje_id::classify("90010140001").findings("/iin");
    /// assert_eq!((f[0].rule.id, f[0].path.as_str()), ("ID-LENGTH", "/iin"));
    /// ```
    pub fn findings(&self, path: &str) -> Vec<Finding> {
        self.errors.iter().map(|e| e.finding(path)).collect()
    }
}

impl Serialize for Classified {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out {
            kind: Kind,
            #[serde(flatten)]
            decoded: Option<Decoded>,
        }
        Out { kind: self.kind, decoded: self.decoded() }.serialize(serializer)
    }
}

/// Decides whether `value` is an ИИН or a БИН and reports every problem.
///
/// The value is taken as it is (see [`normalize_input`] for grouped or padded input). After the
/// length and the characters, digit 5 decides: 0–3 → checked as an ИИН (a day of birth 01–31
/// starts with 0–3), 4–6 → checked as a БИН (its type), 7–9 → neither ([`IdError::BinType`]); the
/// check digit is checked in every case. A well-formed ИИН and a well-formed БИН can never be the
/// same string. No date is compared with today: a birth date in the future is the caller's check
/// (e.g. [`Iin::age_on`] gives `None`).
///
/// # Errors
/// None: the problems are in [`Classified::errors`], and `kind` is [`Kind::Invalid`] when there
/// is any.
///
/// # Example
/// ```
/// use ereje_id::{classify, IdError, Kind};
/// assert_eq!(classify("070140000015").kind, Kind::Bin);
/// let c = classify("070190000015");
/// assert_eq!(c.kind, Kind::Invalid);
/// assert_eq!(c.errors, [IdError::BinType { digit: 9 }, IdError::CheckDigit { expected: 8, found: 5 }]);
/// ```
pub fn classify(value: &str) -> Classified {
    let digits = match parse::digits(value) {
        Ok(d) => d,
        Err(errors) => return Classified { kind: Kind::Invalid, id: None, errors },
    };
    let result = match parse::value(digits[4]) {
        0..=3 => Iin::check_digits(digits).map(Id::Iin),
        4..=6 => Bin::check_digits(digits).map(Id::Bin),
        digit => {
            let mut errors = vec![IdError::BinType { digit }];
            parse::check_sum(&digits, &mut errors);
            Err(errors)
        }
    };
    match result {
        Ok(id) => Classified { kind: id.kind(), id: Some(id), errors: Vec::new() },
        Err(errors) => Classified { kind: Kind::Invalid, id: None, errors },
    }
}

/// Deserialises a string through `FromStr`, failing with the parser's message.
pub(crate) struct FromStrVisitor<T> {
    expecting: &'static str,
    marker: PhantomData<T>,
}

impl<T> FromStrVisitor<T> {
    pub(crate) fn new(expecting: &'static str) -> Self {
        FromStrVisitor { expecting, marker: PhantomData }
    }
}

impl<T> serde::de::Visitor<'_> for FromStrVisitor<T>
where
    T: FromStr<Err = IdError>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use ereje_findings::Lang;

    use super::*;

    /// Synthetic numbers from the generator, valid and broken, as `ereje-check id` would show
    /// them: the classification and the findings in English.
    #[test]
    fn classification_of_synthetic_numbers() {
        let born = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default();
        let iin = Iin::from_parts(born, Sex::Female, 1).map(|v| v.to_string()).unwrap_or_default();
        let bin: String = Bin::from_parts(2007, 1, BinType::Resident, BinAttribute::Branch, 7)
            .map(|v| v.to_string())
            .unwrap_or_default();
        let never = (0..)
            .map(|s| format!("9001014{s:04}"))
            .find(|p| check_digit(p.as_bytes().try_into().unwrap_or(&[0; 11])).is_none())
            .map(|p| format!("{p}0"))
            .unwrap_or_default();
        let wrong_check = format!("{}{}", &iin[..11], (iin.as_bytes()[11] - b'0' + 1) % 10);
        let values = [
            iin.clone(),
            bin.clone(),
            wrong_check,
            never,
            format!("{}0{}", &iin[..6], &iin[7..]),
            format!("{}0231{}", &iin[..2], &iin[6..]),
            format!("{}9{}", &bin[..4], &bin[5..]),
            format!("{}7{}", &bin[..5], &bin[6..]),
            iin[..11].to_owned(),
            format!("{}٣", &iin[..11]),
        ];
        let out: Vec<_> = values
            .iter()
            .map(|v| {
                let c = classify(v);
                let findings: Vec<_> =
                    c.findings("").iter().map(|f| f.to_output(Lang::En)).collect();
                serde_json::json!({
                    "value": v, "masked": mask(v), "classified": c, "findings": findings,
                })
            })
            .collect();
        insta::assert_json_snapshot!(out);
    }

    /// The examples in the rules' documentation (synthetic numbers) give exactly their rule.
    #[test]
    fn rule_examples_are_what_they_say() {
        for (value, rule) in [
            ("90010140001", "ID-LENGTH"),
            ("90010140001X", "ID-NON-DIGIT"),
            ("900101700012", "ID-CENTURY"),
            ("900431400018", "ID-DATE"),
            ("070190000018", "ID-BIN-TYPE"),
            ("070149000014", "ID-BIN-ATTRIBUTE"),
            ("900101400014", "ID-CHECK-DIGIT"),
            ("900101400430", "ID-NEVER-ISSUED"),
        ] {
            let ids: Vec<_> = classify(value).errors.iter().map(|e| e.rule().id).collect();
            assert_eq!(ids, [rule], "{value}");
        }
    }

    #[test]
    fn id_parses_either_kind_and_reports_the_first_error() {
        assert!(matches!("900101400013".parse::<Id>(), Ok(Id::Iin(_))));
        assert!(matches!("070140000015".parse::<Id>(), Ok(Id::Bin(_))));
        assert_eq!("0701400000".parse::<Id>(), Err(IdError::Length { len: 10 }));
        let json = serde_json::to_string(&"070140000015".parse::<Id>().unwrap()).unwrap();
        assert_eq!(serde_json::from_str::<Id>(&json).unwrap().kind(), Kind::Bin);
    }
}
