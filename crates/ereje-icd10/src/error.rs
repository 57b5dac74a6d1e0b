//! The error type of the crate: why a code or a code set could not be read.

use crate::Icd10Code;

/// Why a text is not an ICD-10 code or a code set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Icd10Error {
    /// The value is empty or only whitespace.
    #[error("empty ICD-10 code")]
    Empty,
    /// The value is not a letter, two digits and optionally a dot with one or two digits (the
    /// letter may be a Cyrillic look-alike, the dot may be missing).
    #[error(
        "malformed ICD-10 code `{value}`: expected a letter, two digits and optionally a dot with one or two digits"
    )]
    Malformed {
        /// The value as given (trimmed, cut after 40 characters).
        value: String,
    },
    /// The value is a code, but not written in its canonical form (`Q71.0`); only strict
    /// deserialisation and [`Icd10Code::parse_canonical`] ask for it.
    #[error("ICD-10 code `{value}` is not written canonically, expected `{canonical}`")]
    NotCanonical {
        /// The value as given (cut after 40 characters).
        value: String,
        /// The code it stands for.
        canonical: Icd10Code,
    },
    /// A code set holds no code at all.
    #[error("empty ICD-10 code set")]
    EmptySet,
    /// A code set has a separator (`,` or `;`) with no code before or after it.
    #[error("empty item in ICD-10 code set `{text}`")]
    EmptyItem {
        /// The set as given (cut after 40 characters).
        text: String,
    },
    /// A dash in a code set without exactly one code on each side (`- A00`, `A00 -`,
    /// `A00 - A01 - A02`).
    #[error("a range needs one code on each side of the dash in `{text}`")]
    RangeBound {
        /// The set as given (cut after 40 characters).
        text: String,
    },
    /// A range whose lower bound comes after its upper bound.
    #[error("range `{from} - {to}` ends before it starts")]
    ReversedRange {
        /// The lower bound as written.
        from: Icd10Code,
        /// The upper bound as written.
        to: Icd10Code,
    },
}

/// Cuts a value quoted in an error so that a whole paragraph pasted into a code field does not
/// end up in a message.
pub(crate) fn excerpt(s: &str) -> String {
    const MAX: usize = 40;
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(MAX).collect();
    if chars.next().is_some() { format!("{head}…") } else { head }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_cuts_long_values_on_char_boundaries() {
        assert_eq!(excerpt("Q71.0"), "Q71.0");
        let long = "Ж".repeat(50);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), 41);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn messages_are_lowercase_without_period() {
        let code = Icd10Code::from_canonical("Q71.3");
        let errors = [
            Icd10Error::Empty,
            Icd10Error::Malformed { value: "x".into() },
            Icd10Error::EmptySet,
            Icd10Error::EmptyItem { text: "A00,".into() },
            Icd10Error::RangeBound { text: "- A00".into() },
        ];
        for e in errors {
            let m = e.to_string();
            assert!(m.chars().next().is_some_and(|c| c.is_lowercase()), "{m}");
            assert!(!m.ends_with('.'), "{m}");
        }
        if let Some(c) = code {
            let e = Icd10Error::ReversedRange { from: c, to: c };
            assert_eq!(e.to_string(), "range `Q71.3 - Q71.3` ends before it starts");
        }
    }
}
