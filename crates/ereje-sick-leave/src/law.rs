//! The values the acts set, in one place, each with its dates and its legal reference: the
//! pilot's window, the maternity leave lengths of the Labour Code, the week a maternity sheet is
//! issued at.

use chrono::NaiveDate;
use ereje_findings::Effective;
use serde::Serialize;

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

/// The pilot of the electronic sheet for civil servants: the window of joint order No. 160.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PilotWindow {
    /// The first day: 27 November 2023 («с 27 ноября 2023 года»).
    pub start: NaiveDate,
    /// The day the text names as the end: 1 April 2024 («до 1 апреля 2024 года» / «2024 жылғы
    /// 1 сәуірге дейін»). Whether it is inside is the parameter `pilot.end_inclusive`.
    pub end_named: NaiveDate,
    /// The legal reference.
    pub citation: &'static str,
}

impl PilotWindow {
    /// The window's days: `start` to `end_named`, the last day included only when
    /// `end_inclusive`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_sick_leave::law::PILOT;
    /// let april_1 = NaiveDate::from_ymd_opt(2024, 4, 1).unwrap();
    /// assert!(!PILOT.effective(false).contains(april_1));
    /// assert!(PILOT.effective(true).contains(april_1));
    /// ```
    pub fn effective(&self, end_inclusive: bool) -> Effective {
        let last = if end_inclusive {
            self.end_named
        } else {
            self.end_named.pred_opt().unwrap_or(self.end_named)
        };
        Effective::between(self.start, last)
    }
}

/// The pilot's window.
pub static PILOT: PilotWindow = PilotWindow {
    start: date(2023, 11, 27),
    end_named: date(2024, 4, 1),
    citation: "Joint order No. 160 of 31.10.2023 (MoH; ARDS No. 212; MLSP No. 462; MDDIAI No. 530/НҚ; MC UDP No. 138), item 1: «с 27 ноября 2023 года до 1 апреля 2024 года» / «2023 жылғы 27 қарашадан бастап 2024 жылғы 1 сәуірге дейін»",
};

/// A case of maternity leave and its total length in calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MaternityCase {
    /// Total calendar days of the leave in this case.
    pub days: u32,
    /// The case, as the Code words it (English summary).
    pub case: &'static str,
    /// True when the whole leave is after the birth (premature birth, or the woman applied
    /// after the birth): no gestational-week rule applies to such a sheet.
    pub postnatal_only: bool,
}

/// The legal reference of [`MATERNITY_CASES`].
pub const MATERNITY_CITATION: &str = "Labour Code of RK No. 414-V of 23.11.2015, art. 99 p. 2 (ru)";

/// The dates the lengths of [`MATERNITY_CASES`] are in force (the Code since 1 January 2016;
/// the premature-birth cases as amended by Law No. 321-VI of 04.05.2020 are read as in force for
/// every sheet the validator sees).
pub const MATERNITY_EFFECTIVE: Effective = Effective::ALWAYS;

/// The lengths of maternity leave, Labour Code art. 99 p. 2: the total over a chain of sheets
/// (primary plus continuations) must be one of them.
///
/// A complicated birth after a normal-birth sheet is a further sheet of 14 days: 126 + 14 = 140,
/// and 170 + 14 = 184 in the territories affected by nuclear tests.
pub static MATERNITY_CASES: &[MaternityCase] = &[
    MaternityCase {
        days: 126,
        case: "normal birth: 70 days before and 56 after",
        postnatal_only: false,
    },
    MaternityCase {
        days: 140,
        case: "complicated birth or two or more children: 70 days before and 70 after",
        postnatal_only: false,
    },
    MaternityCase {
        days: 170,
        case: "nuclear-test territories, normal birth: 91 days before and 79 after",
        postnatal_only: false,
    },
    MaternityCase {
        days: 184,
        case: "nuclear-test territories, complicated birth or two or more children: 91 before and 93 after",
        postnatal_only: false,
    },
    MaternityCase {
        days: 70,
        case: "birth at 22–29 weeks, child of 500 g or more who lived more than 7 days; or complicated birth, applied after the birth",
        postnatal_only: true,
    },
    MaternityCase {
        days: 56,
        case: "birth at 22–29 weeks, stillbirth or child who died within 7 days; or normal birth, applied after the birth",
        postnatal_only: true,
    },
    MaternityCase {
        days: 93,
        case: "nuclear-test territories: birth at 22–29 weeks, child who lived more than 7 days; or complicated birth, applied after the birth",
        postnatal_only: true,
    },
    MaternityCase {
        days: 79,
        case: "nuclear-test territories: birth at 22–29 weeks, stillbirth or child who died within 7 days; or normal birth, applied after the birth",
        postnatal_only: true,
    },
];

/// The longest maternity leave of [`MATERNITY_CASES`]: a chain longer than this can match no
/// case whatever follows.
pub fn maternity_max_days() -> u32 {
    MATERNITY_CASES.iter().map(|c| c.days).max().unwrap_or(0)
}

/// The case of a total, if any.
///
/// # Example
/// ```
/// use ereje_sick_leave::law::maternity_case;
/// assert!(maternity_case(140).is_some());
/// assert!(maternity_case(130).is_none());
/// ```
pub fn maternity_case(days: u32) -> Option<&'static MaternityCase> {
    MATERNITY_CASES.iter().find(|c| c.days == days)
}

/// The week of pregnancy a maternity sheet is issued at (a secondary source: the 2025 wording of
/// para 57 of order ҚР ДСМ-198/2020 as quoted in the news; the 2015 predecessor said the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct IssueWeek {
    /// The week, in general.
    pub general: u8,
    /// The week for women of the territories affected by nuclear tests (2015 predecessor, para
    /// 56), recognised from a sheet of 170 or 184 days.
    pub nuclear: u8,
    /// The legal reference.
    pub citation: &'static str,
}

/// The week a maternity sheet is issued at.
pub static MATERNITY_ISSUE_WEEK: IssueWeek =
    IssueWeek { general: 30, nuclear: 27, citation: ISSUE_WEEK_CITATION };

/// The legal reference of [`MATERNITY_ISSUE_WEEK`] (medium: a secondary source).
pub const ISSUE_WEEK_CITATION: &str = "Order ҚР ДСМ-198/2020, para 57 as amended by order No. 12 of 21.02.2025 (in force 08.03.2025), quoted by a secondary source: issued at the 30th week; 2015 predecessor (order No. 183), para 56: the 27th week in the territories affected by nuclear tests";

/// The gestational ages accepted in `gestational_weeks` (a plausibility bound of Ereje).
pub const GESTATIONAL_WEEKS: std::ops::RangeInclusive<u8> = 1..=45;

/// The ages (full years) accepted in items 7 and 14 (a technical bound of Ereje).
pub const AGE_YEARS: std::ops::RangeInclusive<u8> = 0..=150;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_the_sums_of_the_code() {
        let days: Vec<u32> = MATERNITY_CASES.iter().map(|c| c.days).collect();
        assert_eq!(days, [70 + 56, 70 + 70, 91 + 79, 91 + 93, 70, 56, 93, 79]);
        assert_eq!(maternity_max_days(), 184);
        // 14 extra days after a complicated birth move one case to the other.
        assert!(maternity_case(126 + 14).is_some() && maternity_case(170 + 14).is_some());
    }

    #[test]
    fn the_pilot_window_ends_before_or_on_1_april() {
        let e = PILOT.effective(false);
        assert_eq!(e.from, Some(date(2023, 11, 27)));
        assert_eq!(e.to, Some(date(2024, 3, 31)));
        assert_eq!(PILOT.effective(true).to, Some(date(2024, 4, 1)));
    }
}
