//! The catalogue rules of the `id` subject: one rule per kind of [`IdError`](crate::IdError).
//!
//! Every rule is `medium` confidence and therefore at most a warning: the structure and the check
//! digit come from Government decree No. 406 of 22.05.2007, whose text was not read; what is known
//! of it is what several independent implementations agree on (see `docs/identifiers.md`). The
//! structural verdict is carried by [`Kind`](crate::Kind), not by the severity.

use ereje_findings::{Confidence, Effective, Rule, Severity, Text};

/// `ID-LENGTH`: the value does not have 12 characters.
///
/// **What it checks.** An ИИН or БИН is exactly 12 digits; the length is counted in characters.
///
/// **Legal basis.** Law No. 223-III of 12.01.2007 (what the IIN and BIN are); Government decree
/// No. 406 of 22.05.2007, Rules for forming the identification number (text not read; structure
/// agreed by independent implementations).
///
/// **Example.** `90010140001` (11 characters).
pub static ID_LENGTH: Rule = Rule {
    id: "ID-LENGTH",
    subject: "id",
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Law No. 223-III of 12.01.2007 «On national registers of identification numbers» (IIN, BIN); Government decree No. 406 of 22.05.2007, Rules for forming the identification number: 12 digits (text not read; structure agreed by independent implementations, see docs/identifiers.md)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "в номере {len} симв., а ИИН и БИН состоят из 12 цифр",
        kk: "нөмірде {len} таңба бар, ал ЖСН мен БСН 12 цифрдан тұрады",
        en: "the number has {len} characters; an IIN or BIN has 12 digits",
    },
};

/// `ID-NON-DIGIT`: a character that is not an ASCII digit `0`–`9`.
///
/// **What it checks.** Every character is `0`–`9`. Full-width (`８`), superscript (`²`) and other
/// Unicode digits are rejected; so are spaces (see `normalize_input` for grouped input).
///
/// **Legal basis.** As `ID-LENGTH`.
///
/// **Example.** `90010140001X` (position 12).
pub static ID_NON_DIGIT: Rule = Rule {
    id: "ID-NON-DIGIT",
    subject: "id",
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Law No. 223-III of 12.01.2007 «On national registers of identification numbers» (IIN, BIN); Government decree No. 406 of 22.05.2007, Rules for forming the identification number: a number of 12 digits (text not read; structure agreed by independent implementations, see docs/identifiers.md)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "символ {found} в позиции {position} не является цифрой 0–9",
        kk: "{position}-позициядағы {found} таңбасы 0–9 цифры емес",
        en: "character {found} at position {position} is not a digit 0–9",
    },
};

/// `ID-CENTURY`: digit 7 of an ИИН is not 1–6.
///
/// **What it checks.** Digit 7 gives the century of birth and the sex: 1/2 → 1800s, 3/4 → 1900s,
/// 5/6 → 2000s; odd male, even female. 0, 7, 8 and 9 are not assigned.
///
/// **Legal basis.** Government decree No. 406 of 22.05.2007 (text not read; all implementations
/// read agree on the table).
///
/// **Example.** `900101700012` (digit 7 is 7).
pub static ID_CENTURY: Rule = Rule {
    id: "ID-CENTURY",
    subject: "id",
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Government decree No. 406 of 22.05.2007, Rules for forming the identification number: IIN digit 7 = century of birth and sex, 1–6 (text not read; table agreed by independent implementations, see docs/identifiers.md)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "7-я цифра ИИН равна {digit}, а допустимы 1–6 (век рождения и пол)",
        kk: "ЖСН-ның 7-ші цифры {digit}, ал 1–6 болуы керек (туған ғасыры мен жынысы)",
        en: "IIN digit 7 is {digit}; it must be 1–6 (century of birth and sex)",
    },
};

/// `ID-DATE`: the date encoded in the number does not exist.
///
/// **What it checks.** An ИИН's digits 1–6 with the century from digit 7 form a real calendar date
/// (no 30 February, no 31 April, 29 February only in leap years, so not in 1900); a БИН's digits
/// 3–4 are a month 01–12.
///
/// **Legal basis.** Government decree No. 406 of 22.05.2007 (text not read; structure agreed by
/// independent implementations).
///
/// **Example.** `900431400018` (31 April 1990; the check digit is right).
pub static ID_DATE: Rule = Rule {
    id: "ID-DATE",
    subject: "id",
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Government decree No. 406 of 22.05.2007, Rules for forming the identification number: IIN digits 1–6 = date of birth, BIN digits 3–4 = month of registration (text not read; structure agreed by independent implementations, see docs/identifiers.md)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "закодированная в номере дата {date} не существует",
        kk: "нөмірде көрсетілген {date} күні күнтізбеде жоқ",
        en: "the date {date} encoded in the number does not exist",
    },
};

/// `ID-BIN-TYPE`: digit 5 is neither an ИИН's day digit (0–3) nor a БИН's type (4–6).
///
/// **What it checks.** Digit 5 of a БИН is the type: 4 resident legal entity, 5 non-resident legal
/// entity, 6 individual entrepreneur in joint entrepreneurship. A value whose digit 5 is 7–9 is
/// neither an ИИН nor a БИН.
///
/// **Legal basis.** Government decree No. 406 of 22.05.2007 (text not read; structure agreed by
/// independent implementations and the official description of the TIN for the OECD).
///
/// **Example.** `070190000018` (digit 5 is 9).
pub static ID_BIN_TYPE: Rule = Rule {
    id: "ID-BIN-TYPE",
    subject: "id",
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Government decree No. 406 of 22.05.2007, Rules for forming the identification number: BIN digit 5 = type 4/5/6 (text not read; structure agreed by independent implementations, see docs/identifiers.md)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "5-я цифра равна {digit}: в БИН здесь тип 4, 5 или 6, в ИИН — 0–3 (день рождения)",
        kk: "5-ші цифр {digit}: БСН-да бұл орында түрі 4, 5 немесе 6, ЖСН-да 0–3 (туған күні) болады",
        en: "digit 5 is {digit}: a BIN has its type 4, 5 or 6 there, an IIN 0–3 (day of birth)",
    },
};

/// `ID-BIN-ATTRIBUTE`: digit 6 of a БИН is not 0–3.
///
/// **What it checks.** Digit 6 of a БИН is the attribute: 0 head unit, 1 branch, 2 representative
/// office, 3 peasant (farm) enterprise in joint entrepreneurship.
///
/// **Legal basis.** Government decree No. 406 of 22.05.2007 (text not read; structure agreed by
/// independent implementations).
///
/// **Example.** `070149000014` (digit 6 is 9).
pub static ID_BIN_ATTRIBUTE: Rule = Rule {
    id: "ID-BIN-ATTRIBUTE",
    subject: "id",
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Government decree No. 406 of 22.05.2007, Rules for forming the identification number: BIN digit 6 = attribute 0–3 (text not read; structure agreed by independent implementations, see docs/identifiers.md)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "6-я цифра БИН равна {digit}, а признак — 0–3 (головное подразделение, филиал, представительство, крестьянское хозяйство)",
        kk: "БСН-ның 6-шы цифры {digit}, ал белгісі 0–3 болады (бас бөлімше, филиал, өкілдік, шаруа қожалығы)",
        en: "BIN digit 6 is {digit}; the attribute is 0–3 (head unit, branch, representative office, farm)",
    },
};

/// `ID-CHECK-DIGIT`: the 12th digit is not the check digit of the first 11.
///
/// **What it checks.** The check digit computed by [`check_digit`](crate::check_digit) equals
/// digit 12. Note that when the first pass decides, a change in digit 11 alone is not detected
/// (weight 11 ≡ 0 mod 11).
///
/// **Legal basis.** Government decree No. 406 of 22.05.2007 (text not read; algorithm agreed by
/// independent implementations).
///
/// **Example.** `900101400014` (expected 3).
pub static ID_CHECK_DIGIT: Rule = Rule {
    id: "ID-CHECK-DIGIT",
    subject: "id",
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Government decree No. 406 of 22.05.2007, Rules for forming the identification number: check digit, weights 1–11 then 3–11,1,2, mod 11 (text not read; algorithm agreed by independent implementations, see docs/identifiers.md)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "контрольная цифра {found}, а должна быть {expected}",
        kk: "бақылау цифры {found}, ал {expected} болуы керек",
        en: "check digit is {found}, expected {expected}",
    },
};

/// `ID-NEVER-ISSUED`: both passes of the check digit give 10.
///
/// **What it checks.** No number is issued with such a first 11 digits: the registry skips the
/// prefix and takes the next serial (about 1 prefix in 121). It is not "check digit 0", which is
/// the Russian ОКПО rule.
///
/// **Legal basis.** Government decree No. 406 of 22.05.2007 (text not read; algorithm agreed by
/// independent implementations).
///
/// **Example.** `900101400430` (any digit 12).
pub static ID_NEVER_ISSUED: Rule = Rule {
    id: "ID-NEVER-ISSUED",
    subject: "id",
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Government decree No. 406 of 22.05.2007, Rules for forming the identification number: a prefix whose both check-digit passes give 10 is not used (text not read; algorithm agreed by independent implementations, see docs/identifiers.md)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "оба прохода расчёта контрольной цифры дают 10: номер с такими первыми 11 цифрами не выдаётся",
        kk: "бақылау цифрын есептеудің екі өтуі де 10 береді: алғашқы 11 цифры осындай нөмір берілмейді",
        en: "both check-digit passes give 10: no number is issued with these first 11 digits",
    },
};

/// The rules of this crate, in the order of the positions they check.
pub static RULES: &[&Rule] = &[
    &ID_LENGTH,
    &ID_NON_DIGIT,
    &ID_DATE,
    &ID_BIN_TYPE,
    &ID_BIN_ATTRIBUTE,
    &ID_CENTURY,
    &ID_CHECK_DIGIT,
    &ID_NEVER_ISSUED,
];

#[cfg(test)]
mod tests {
    use super::*;
    use ereje_findings::check_catalogue;

    #[test]
    fn catalogue_is_consistent() {
        check_catalogue(RULES.iter().copied()).unwrap();
    }

    #[test]
    fn every_rule_is_a_medium_warning_of_subject_id() {
        for r in RULES {
            assert_eq!(r.subject, "id", "{}", r.id);
            assert_eq!(r.confidence, Confidence::Medium, "{}", r.id);
            assert_eq!(r.severity, Severity::Warning, "{}", r.id);
            assert!(r.id.starts_with("ID-"), "{}", r.id);
            assert!(r.citation.contains("text not read"), "{}", r.id);
        }
    }

    #[test]
    fn placeholders_agree_across_languages() {
        fn keys(s: &str) -> Vec<&str> {
            let mut out: Vec<&str> =
                s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(k, _)| k)).collect();
            out.sort_unstable();
            out
        }
        for r in RULES {
            assert_eq!(keys(r.message.ru), keys(r.message.en), "{}", r.id);
            assert_eq!(keys(r.message.kk), keys(r.message.en), "{}", r.id);
        }
    }
}
