//! What can be wrong with an ИИН or БИН ([`IdError`]), each kind tied to its catalogue rule, and
//! what can be wrong with the parts given to the generator ([`PartsError`]).

use ereje_findings::{Finding, Rule};

use crate::rules;

/// Why a value is not a valid ИИН or БИН.
///
/// Each variant is one catalogue rule ([`IdError::rule`]); [`IdError::finding`] turns it into a
/// finding with the message's placeholders filled. Positions count from 1, in characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The value does not have 12 characters (`ID-LENGTH`).
    #[error("length {len}, expected 12 digits")]
    Length {
        /// The number of characters (not bytes) in the value.
        len: usize,
    },
    /// A character is not an ASCII digit `0`–`9` (`ID-NON-DIGIT`); only the first is reported.
    #[error("character {found:?} at position {position} is not a digit 0-9")]
    NonDigit {
        /// Its position, from 1, in characters.
        position: usize,
        /// The character found.
        found: char,
    },
    /// An ИИН's digit 7 (century and sex) is not 1–6 (`ID-CENTURY`).
    #[error("century digit {digit} is not 1-6")]
    Century {
        /// The digit found.
        digit: u8,
    },
    /// The date encoded in the number does not exist: an ИИН's date of birth, or a БИН's month of
    /// registration (`ID-DATE`).
    #[error("impossible date {date}")]
    Date {
        /// The date as encoded: `YYYY-MM-DD` for an ИИН with a valid century digit, `YY-MM-DD` (the
        /// digits as written) when the century digit is invalid, `YYYY-MM` for a БИН.
        date: String,
    },
    /// Digit 5 is not a БИН type 4, 5 or 6 (`ID-BIN-TYPE`): in a value read as a БИН, or a value
    /// whose digit 5 (7–9) makes it neither an ИИН nor a БИН.
    #[error("type digit {digit} is not 4, 5 or 6")]
    BinType {
        /// The digit found.
        digit: u8,
    },
    /// A БИН's digit 6 (attribute) is not 0–3 (`ID-BIN-ATTRIBUTE`).
    #[error("attribute digit {digit} is not 0-3")]
    BinAttribute {
        /// The digit found.
        digit: u8,
    },
    /// Digit 12 is not the check digit of the first 11 (`ID-CHECK-DIGIT`).
    #[error("check digit {found}, expected {expected}")]
    CheckDigit {
        /// The check digit computed from the first 11 digits.
        expected: u8,
        /// Digit 12 as written.
        found: u8,
    },
    /// Both passes of the check digit give 10: the prefix is never issued (`ID-NEVER-ISSUED`).
    #[error("both check-digit passes give 10: never issued")]
    NeverIssued,
}

impl IdError {
    /// The catalogue rule this error stands for.
    ///
    /// # Example
    /// ```
    /// use ereje_id::IdError;
    /// assert_eq!(IdError::NeverIssued.rule().id, "ID-NEVER-ISSUED");
    /// assert_eq!(IdError::Length { len: 11 }.rule().id, "ID-LENGTH");
    /// ```
    pub fn rule(&self) -> &'static Rule {
        match self {
            IdError::Length { .. } => &rules::ID_LENGTH,
            IdError::NonDigit { .. } => &rules::ID_NON_DIGIT,
            IdError::Century { .. } => &rules::ID_CENTURY,
            IdError::Date { .. } => &rules::ID_DATE,
            IdError::BinType { .. } => &rules::ID_BIN_TYPE,
            IdError::BinAttribute { .. } => &rules::ID_BIN_ATTRIBUTE,
            IdError::CheckDigit { .. } => &rules::ID_CHECK_DIGIT,
            IdError::NeverIssued => &rules::ID_NEVER_ISSUED,
        }
    }

    /// The finding of this error at `path` (a JSON pointer, `""` for the whole record), with the
    /// message's placeholders filled.
    ///
    /// # Example
    /// ```
    /// use ereje_findings::Lang;
    /// use ereje_id::IdError;
    /// let f = IdError::CheckDigit { expected: 3, found: 0 }.finding("/worker/iin");
    /// assert_eq!(f.rule.id, "ID-CHECK-DIGIT");
    /// assert_eq!(f.path, "/worker/iin");
    /// assert_eq!(f.message(Lang::En), "check digit is 0, expected 3");
    /// ```
    pub fn finding(&self, path: &str) -> Finding {
        let f = Finding::new(self.rule(), path);
        match self {
            IdError::Length { len } => f.with("len", len),
            IdError::NonDigit { position, found } => {
                f.with("found", format!("{found:?}")).with("position", position)
            }
            IdError::Century { digit }
            | IdError::BinType { digit }
            | IdError::BinAttribute { digit } => f.with("digit", digit),
            IdError::Date { date } => f.with("date", date),
            IdError::CheckDigit { expected, found } => {
                f.with("expected", expected).with("found", found)
            }
            IdError::NeverIssued => f,
        }
    }
}

/// Why the generator cannot build a number from the parts given
/// ([`Iin::from_parts`](crate::Iin::from_parts), [`Bin::from_parts`](crate::Bin::from_parts)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartsError {
    /// The year cannot be written: an ИИН's century digit covers 1800–2099; a БИН's two-digit
    /// year is read in the window 1990–2089.
    #[error("year {year} outside {min}-{max}")]
    Year {
        /// The year given.
        year: i32,
        /// The first year that can be written.
        min: i32,
        /// The last year that can be written.
        max: i32,
    },
    /// A БИН's month of registration is not 1–12.
    #[error("month {month} outside 1-12")]
    Month {
        /// The month given.
        month: u32,
    },
    /// The serial does not fit its digits (4 in an ИИН, 5 in a БИН).
    #[error("serial {serial} above {max}")]
    Serial {
        /// The serial given.
        serial: u32,
        /// The largest serial that fits.
        max: u32,
    },
    /// Both passes of the check digit give 10 for these parts: the registry never issues the
    /// number (use the `next_issued` constructors to skip to the next serial).
    #[error("both check-digit passes give 10: never issued")]
    NeverIssued,
}

#[cfg(test)]
mod tests {
    use super::*;
    use ereje_findings::Lang;

    #[test]
    fn every_variant_has_its_rule_and_fills_its_placeholders() {
        let all = [
            IdError::Length { len: 11 },
            IdError::NonDigit { position: 3, found: '８' },
            IdError::Century { digit: 7 },
            IdError::Date { date: "1900-02-29".into() },
            IdError::BinType { digit: 9 },
            IdError::BinAttribute { digit: 9 },
            IdError::CheckDigit { expected: 3, found: 0 },
            IdError::NeverIssued,
        ];
        let mut ids: Vec<_> = all.iter().map(|e| e.rule().id).collect();
        ids.sort_unstable();
        let mut catalogue: Vec<_> = rules::RULES.iter().map(|r| r.id).collect();
        catalogue.sort_unstable();
        assert_eq!(ids, catalogue, "one variant per rule");
        let mut lines = Vec::new();
        for e in &all {
            for lang in [Lang::Ru, Lang::Kk, Lang::En] {
                let m = e.finding("/iin").message(lang);
                assert!(!m.contains('{'), "unfilled placeholder in {m}");
                lines.push(format!("{} {:?}: {m}", e.rule().id, lang));
            }
            lines.push(format!("{} error: {e}", e.rule().id));
        }
        insta::assert_snapshot!(lines.join("\n"));
    }
}
