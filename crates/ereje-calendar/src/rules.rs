//! The catalogue rules of the calendar, for validators that count terms in working days.
//!
//! - `CAL-PROVISIONAL` (info): an answer used a year whose calendar is provisional. It is an
//!   info finding so that `--fail-on warning` is not tripped by it.
//! - `CAL-UNKNOWN-YEAR` (warning): a term could not be counted because the calendar does not
//!   know a year. It is not a breach of the regulation by the record, so it is not an error (the
//!   record stays valid); it is a warning, not an info, because a term rule did not run: the user
//!   should load a calendar file with the missing year (`--calendar`).

use ereje_findings::{Confidence, Effective, Finding, Rule, Severity, Text};

/// An answer of the calendar rests on a provisional year.
///
/// **What it checks:** a term counted by a validator touched a year whose calendar data are
/// provisional (e.g. 2027: Kurban Ait estimated, no transfers known yet).
/// **Legal basis:** Labour Code art. 85 p. 3 (transfers are decided year by year) and art. 84
/// p. 5 (Kurban Ait follows the Muslim calendar); the Ereje calendar data mark the year provisional.
pub static CAL_PROVISIONAL: Rule = Rule {
    id: "CAL-PROVISIONAL",
    subject: "common",
    severity: Severity::Info,
    confidence: Confidence::Derived,
    citation: "Labour Code No. 414-V art. 84 p. 5, art. 85 p. 3: the year's transfers and Kurban Ait date are not yet fixed (Ereje calendar data)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "производственный календарь {year} года предварительный: переносы выходных дней и дата Курбан айта могут измениться",
        kk: "{year} жылғы өндірістік күнтізбе алдын ала: демалыс күндерін ауыстыру және Құрбан айт күні өзгеруі мүмкін",
        en: "the working-day calendar of {year} is provisional: transfers of days off and the Kurban Ait date may change",
    },
};

/// A term could not be counted: the calendar does not know a year.
///
/// **What it checks:** a date of the record, or the end of a term counted from it, lies in a
/// year the working-day calendar does not cover. The calendar never guesses.
/// **Legal basis:** none of its own: the terms of the regulation are counted in working days
/// (Law «On holidays» art. 5, Labour Code art. 84), which cannot be done without the year's data.
pub static CAL_UNKNOWN_YEAR: Rule = Rule {
    id: "CAL-UNKNOWN-YEAR",
    subject: "common",
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "Law «On holidays» No. 267-II art. 5, Labour Code No. 414-V art. 84: working days cannot be counted without the year's calendar (Ereje calendar data)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "срок не проверен: производственный календарь не содержит {year} год (известные годы: {known})",
        kk: "мерзім тексерілмеді: өндірістік күнтізбеде {year} жыл жоқ (белгілі жылдар: {known})",
        en: "the term was not checked: the working-day calendar does not cover {year} (known years: {known})",
    },
};

/// The rules of this crate.
pub static RULES: &[&Rule] = &[&CAL_PROVISIONAL, &CAL_UNKNOWN_YEAR];

/// A `CAL-PROVISIONAL` finding for `year` at `path` (a JSON pointer).
///
/// # Example
/// ```
/// use ereje_findings::Lang;
/// let f = ereje_calendar::provisional_finding(2027, "/decision_date");
/// assert_eq!(f.rule.id, "CAL-PROVISIONAL");
/// assert!(f.message(Lang::En).contains("2027"));
/// ```
pub fn provisional_finding(year: i32, path: impl Into<String>) -> Finding {
    Finding::new(&CAL_PROVISIONAL, path).with("year", year)
}

/// A `CAL-UNKNOWN-YEAR` finding for `year` at `path`; `known` lists the known years.
///
/// # Example
/// ```
/// use ereje_findings::Lang;
/// let f = ereje_calendar::unknown_year_finding(2031, "2023–2027", "/received");
/// assert_eq!(
///     f.message(Lang::En),
///     "the term was not checked: the working-day calendar does not cover 2031 (known years: 2023–2027)"
/// );
/// ```
pub fn unknown_year_finding(year: i32, known: &str, path: impl Into<String>) -> Finding {
    Finding::new(&CAL_UNKNOWN_YEAR, path).with("year", year).with("known", known)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ereje_findings::Lang;

    #[test]
    fn catalogue_is_consistent() {
        ereje_findings::check_catalogue(RULES.iter().copied()).unwrap();
    }

    #[test]
    fn provisional_is_info_so_fail_on_warning_is_not_tripped() {
        assert_eq!(CAL_PROVISIONAL.severity, Severity::Info);
        assert!(ereje_findings::is_valid(&[provisional_finding(2027, "")]));
        assert!(ereje_findings::is_valid(&[unknown_year_finding(2031, "2023–2027", "")]));
    }

    #[test]
    fn messages_fill_every_placeholder_in_every_language() {
        for f in [provisional_finding(2027, ""), unknown_year_finding(2031, "2023–2027", "")] {
            for lang in [Lang::Ru, Lang::Kk, Lang::En] {
                let m = f.message(lang);
                assert!(!m.contains('{'), "{m}");
            }
        }
    }
}
