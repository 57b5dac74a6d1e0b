//! The catalogue rules about ICD-10 codes, and the conversion a validator runs on a code field.

use ereje_findings::{Confidence, Effective, Finding, Rule, Severity, Text};

use crate::{Icd10Code, Icd10Error, LIST_EDITION};

/// `ICD-FORMAT`: a diagnosis field does not hold an ICD-10 code.
///
/// **What it checks.** The value is read with [`Icd10Code::parse`]; when it is not a letter, two
/// digits and optionally a dot with one or two digits, the field gets this finding and the code
/// is treated as missing by the other checks.
///
/// **Legal basis.** Derived: the forms name the field «код МКБ-10» / «АХЖ-10 коды» (e.g. the data
/// list of the electronic sick-leave pilot, joint order No. 160 of 31.10.2023, appendix to the
/// algorithm, items 11–12; the nosology table of the absentee МСЭ pilot, joint order No. 168/56 of
/// June 2025, appendix 1 to the algorithm) and the code structure is the WHO one; no act states a
/// format rule, hence a warning. A validator whose act makes the code mandatory for a decision may
/// declare its own error rule.
///
/// **Example.** `Q71,0` (decimal comma), `G01*`, `Д50`.
pub static ICD_FORMAT: Rule = Rule {
    id: "ICD-FORMAT",
    subject: "common",
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "derived: the forms name the field «код МКБ-10» (joint order No. 160 of 31.10.2023, \
               appendix to the algorithm, items 11–12; joint order No. 168/56 of June 2025, appendix 1 to \
               the algorithm); code structure of WHO ICD-10",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "«{value}» не является кодом МКБ-10: ожидаются латинская буква, две цифры и, при \
             необходимости, точка с одной или двумя цифрами (например, Q71.0)",
        kk: "«{value}» АХЖ-10 коды емес: латын әрпі, екі цифр және қажет болса нүкте мен бір \
             немесе екі цифр болуы керек (мысалы, Q71.0)",
        en: "`{value}` is not an ICD-10 code: expected a Latin letter, two digits and optionally a \
             dot with one or two digits (e.g. Q71.0)",
    },
};

/// `ICD-CYRILLIC`: the code's letter was typed in Cyrillic and read as its Latin twin.
///
/// **What it checks.** A Cyrillic look-alike letter ([`crate::CYRILLIC_LOOKALIKES`]) in place of
/// the Latin letter, e.g. Cyrillic `С` in `С50.9`. The code is used as the Latin one; the finding
/// tells the sender that the stored value differs from the code.
///
/// **Legal basis.** Derived: ICD-10 codes are written with Latin letters (WHO ICD-10, Volume 2);
/// information only.
pub static ICD_CYRILLIC: Rule = Rule {
    id: "ICD-CYRILLIC",
    subject: "common",
    severity: Severity::Info,
    confidence: Confidence::Derived,
    citation: "derived: ICD-10 codes are written with Latin letters (WHO ICD-10, Volume 2)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "в коде МКБ-10 «{value}» кириллическая буква «{letter}» заменена латинской: {code}",
        kk: "«{value}» АХЖ-10 кодындағы кирилл әрпі «{letter}» латын әрпімен ауыстырылды: {code}",
        en: "Cyrillic letter `{letter}` in ICD-10 code `{value}` read as Latin: {code}",
    },
};

/// `ICD-UNKNOWN`: a well-formed code that the embedded WHO ICD-10 list does not have.
///
/// **What it checks.** [`Icd10Code::exists`] against the WHO ICD-10 2019 list
/// ([`crate::LIST_VERSION`]).
///
/// **Legal basis.** Derived. Kazakhstan codes diagnoses with the Russian-language МКБ-10 (the MoH
/// coding guide, order ҚР ДСМ-250/2020); national additions to it, if any, are not known, so a code
/// absent from the WHO list may still be valid there: a warning, never an error.
pub static ICD_UNKNOWN: Rule = Rule {
    id: "ICD-UNKNOWN",
    subject: "common",
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "derived: WHO ICD-10 2019 code list; Kazakhstan uses the Russian-language МКБ-10 \
               (coding guide, order ҚР ДСМ-250/2020), national additions unknown",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "код {code} отсутствует в перечне МКБ-10 ВОЗ (редакция {edition} г.); проверьте код",
        kk: "{code} коды ДДСҰ АХЖ-10 тізбесінде жоқ ({edition} жылғы редакция); кодты тексеріңіз",
        en: "code {code} is not in the WHO ICD-10 list ({edition} edition); check the code",
    },
};

/// The rules of this crate.
pub static RULES: &[&Rule] = &[&ICD_FORMAT, &ICD_CYRILLIC, &ICD_UNKNOWN];

/// Converts the value of a code field to an [`Icd10Code`], the way every validator does it: the
/// code (when it could be read) and the findings, each at `path` (a JSON pointer).
///
/// - not a code (also an empty value: a caller that requires the field checks presence first):
///   `ICD-FORMAT`, no code;
/// - a Cyrillic look-alike letter: `ICD-CYRILLIC` (info), the Latin code;
/// - a code the WHO list lacks: `ICD-UNKNOWN` (warning), the code all the same.
///
/// Case, surrounding whitespace and a missing dot are normalised without a finding.
///
/// # Example
/// ```
/// use ereje_findings::Lang;
/// let (code, findings) = ereje_icd10::check_value("С50.9", "/diagnosis");
/// assert_eq!(code.map(|c| c.to_string()).as_deref(), Some("C50.9"));
/// assert_eq!(findings[0].rule.id, "ICD-CYRILLIC");
///
/// let (code, findings) = ereje_icd10::check_value("Q71,0", "/diagnosis");
/// assert!(code.is_none());
/// assert_eq!(findings[0].rule.id, "ICD-FORMAT");
/// ```
pub fn check_value(value: &str, path: &str) -> (Option<Icd10Code>, Vec<Finding>) {
    let mut findings = Vec::new();
    let parsed = match Icd10Code::parse(value) {
        Ok(p) => p,
        Err(Icd10Error::Malformed { value: shown }) => {
            findings.push(Finding::new(&ICD_FORMAT, path).with("value", shown));
            return (None, findings);
        }
        Err(_) => {
            findings.push(Finding::new(&ICD_FORMAT, path).with("value", value.trim()));
            return (None, findings);
        }
    };
    if let Some(letter) = parsed.replaced_cyrillic {
        findings.push(
            Finding::new(&ICD_CYRILLIC, path)
                .with("value", value.trim())
                .with("letter", letter)
                .with("code", parsed.code),
        );
    }
    if !parsed.code.exists() {
        findings.push(
            Finding::new(&ICD_UNKNOWN, path)
                .with("code", parsed.code)
                .with("edition", LIST_EDITION),
        );
    }
    (Some(parsed.code), findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ereje_findings::{Lang, check_catalogue};

    #[test]
    fn catalogue_is_consistent() {
        check_catalogue(RULES.iter().copied()).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn ids_of_findings() {
        let cases: &[(&str, Option<&str>, &[&str])] = &[
            ("Q71.0", Some("Q71.0"), &[]),
            (" q710 ", Some("Q71.0"), &[]),
            ("С50.9", Some("C50.9"), &["ICD-CYRILLIC"]),
            ("U99.9", Some("U99.9"), &["ICD-UNKNOWN"]),
            ("Q71.7", Some("Q71.7"), &["ICD-UNKNOWN"]),
            ("Х99.9", Some("X99.9"), &["ICD-CYRILLIC", "ICD-UNKNOWN"]),
            ("Q71,0", None, &["ICD-FORMAT"]),
            ("", None, &["ICD-FORMAT"]),
        ];
        for &(value, code, ids) in cases {
            let (got, findings) = check_value(value, "/d");
            assert_eq!(got.map(|c| c.to_string()).as_deref(), code, "{value:?}");
            let got_ids: Vec<_> = findings.iter().map(|f| f.rule.id).collect();
            assert_eq!(got_ids, ids, "{value:?}");
            assert!(findings.iter().all(|f| f.path == "/d"));
        }
    }

    #[test]
    fn messages_in_three_languages() {
        let mut out = Vec::new();
        for value in ["Q71,0", "С50.9", "U99.9"] {
            let (_, findings) = check_value(value, "/diagnosis");
            for f in findings {
                for lang in [Lang::Ru, Lang::Kk, Lang::En] {
                    out.push(f.to_output(lang));
                }
            }
        }
        insta::assert_json_snapshot!(out);
    }
}
