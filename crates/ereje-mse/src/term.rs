//! The expert's term (Algorithm para 9): one working day from the receipt of the draft МСЭ act,
//! from the next working day when it arrives after 16:00; and the time on the waiting list,
//! which has no legal norm and is only reported.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ereje_calendar::{Answer, Calendar, CalendarError, TermReading};
use serde::Serialize;

use crate::form::local_datetime_opt;

/// The norm of para 9 as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExpertTermNorm {
    /// Working days for the expert conclusion.
    pub working_days: u32,
    /// The cutoff: received at or before it on a working day, that day is the first day.
    pub cutoff: NaiveTime,
    /// Where it stands.
    pub citation: &'static str,
}

/// «в течение 1 (одного) рабочего дня со дня поступления проекта акта МСЭ. В случае
/// поступления проекта акта МСЭ после 16.00 часов, срок … исчисляется со следующего рабочего
/// дня» (Algorithm para 9). 16:00 means 16:00:00, inclusive, compared to the second (the
/// calendar crate's cutoff reading).
pub const EXPERT_TERM: ExpertTermNorm = ExpertTermNorm {
    working_days: 1,
    cutoff: match NaiveTime::from_hms_opt(16, 0, 0) {
        Some(t) => t,
        None => panic!("a valid constant time"),
    },
    citation: order!(", Appendix 2 (Algorithm) para 9"),
};

/// The expert's term for a draft act received at `received` (local time of Astana).
///
/// # Errors
/// [`CalendarError`] when the calendar does not know a year the term touches.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_calendar::Calendar;
/// // Friday 29 August 2025 at 16:00:01: Saturday 30 August is Constitution Day, carried over
/// // to Monday 1 September, so the term is Tuesday 2 September.
/// let at = NaiveDate::from_ymd_opt(2025, 8, 29).unwrap().and_hms_opt(16, 0, 1).unwrap();
/// let due = ereje_mse::expert_due(at, Calendar::builtin())?;
/// assert_eq!(due.value.to_string(), "2025-09-02");
/// assert!(ereje_mse::expert_due(at.with_year(2031).unwrap(), Calendar::builtin()).is_err());
/// # use chrono::Datelike;
/// # Ok::<(), ereje_calendar::CalendarError>(())
/// ```
pub fn expert_due(
    received: NaiveDateTime,
    calendar: &Calendar,
) -> Result<Answer<NaiveDate>, CalendarError> {
    let a = calendar.deadline(
        received,
        EXPERT_TERM.working_days,
        TermReading::Cutoff(EXPERT_TERM.cutoff),
    )?;
    Ok(Answer { value: a.value.due, provisional: a.provisional })
}

/// The expert's term of one form, as reported in a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExpertTerm {
    /// When the draft act reached the expert.
    #[serde(with = "local_datetime")]
    pub received_at: NaiveDateTime,
    /// The last day of the term.
    #[serde(serialize_with = "crate::form::fast_date::serialize")]
    pub due: NaiveDate,
    /// When the expert concluded, if known.
    #[serde(with = "local_datetime_opt")]
    pub concluded_at: Option<NaiveDateTime>,
    /// Whether the conclusion came within the term (`None` while there is none).
    pub on_time: Option<bool>,
    /// Whether the term rests on a provisional calendar year.
    pub provisional: bool,
}

/// The time a form spent on the waiting list of АИС «ЦБДИ», from sending (the draft act is
/// formed on arrival) to the expert's receipt. No act sets a norm for it: it is reported, never
/// judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WaitingList {
    /// Sent from the MIS (taken as the arrival on the waiting list).
    #[serde(with = "local_datetime")]
    pub from: NaiveDateTime,
    /// Received by the expert.
    #[serde(with = "local_datetime")]
    pub to: NaiveDateTime,
    /// Whole minutes in between.
    pub minutes: i64,
    /// Always `null`: no legal norm.
    pub norm: Option<u32>,
}

impl WaitingList {
    /// The time between `from` and `to`; `None` when `to` is before `from`.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let t = |h| NaiveDate::from_ymd_opt(2025, 9, 1).unwrap().and_hms_opt(h, 0, 0).unwrap();
    /// assert_eq!(ereje_mse::WaitingList::between(t(9), t(11)).map(|w| w.minutes), Some(120));
    /// assert!(ereje_mse::WaitingList::between(t(11), t(9)).is_none());
    /// ```
    pub fn between(from: NaiveDateTime, to: NaiveDateTime) -> Option<WaitingList> {
        (to >= from).then(|| WaitingList {
            from,
            to,
            minutes: (to - from).num_minutes(),
            norm: None,
        })
    }
}

mod local_datetime {
    use chrono::NaiveDateTime;
    use serde::Serializer;

    pub(crate) fn serialize<S: Serializer>(v: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        crate::form::local_datetime_opt::write(v, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(h, min, s)).unwrap_or_default()
    }

    fn due(received: NaiveDateTime) -> String {
        expert_due(received, Calendar::builtin())
            .map(|a| a.value.to_string())
            .unwrap_or_else(|e| e.to_string())
    }

    /// (received, due, why), each checked by hand against the calendar of docs/calendar.md.
    #[test]
    fn expert_term_table() {
        let cases: &[(NaiveDateTime, &str, &str)] = &[
            // the 16:00 edge on an ordinary Wednesday (3 September 2025)
            (at(2025, 9, 3, 15, 59, 59), "2025-09-03", "before the cutoff: same day"),
            (at(2025, 9, 3, 16, 0, 0), "2025-09-03", "at the cutoff: inclusive"),
            (at(2025, 9, 3, 16, 0, 1), "2025-09-04", "one second after: next working day"),
            (at(2025, 9, 3, 0, 0, 0), "2025-09-03", "midnight"),
            (at(2025, 9, 3, 23, 59, 59), "2025-09-04", "late evening"),
            // weekends: Friday 5 September 2025
            (at(2025, 9, 5, 15, 59, 59), "2025-09-05", "Friday before the cutoff"),
            (at(2025, 9, 5, 16, 0, 0), "2025-09-05", "Friday at the cutoff"),
            (at(2025, 9, 5, 16, 0, 1), "2025-09-08", "Friday after: Monday"),
            (at(2025, 9, 6, 10, 0, 0), "2025-09-08", "Saturday: Monday"),
            (at(2025, 9, 7, 15, 0, 0), "2025-09-08", "Sunday: Monday"),
            // holidays and carry-overs
            (
                at(2025, 8, 29, 16, 0, 1),
                "2025-09-02",
                "Constitution Day Sat 30.08 carried to Mon 01.09",
            ),
            (at(2025, 9, 1, 9, 0, 0), "2025-09-02", "received on the carried-over day off"),
            (
                at(2025, 10, 24, 17, 0, 0),
                "2025-10-28",
                "Republic Day Sat 25.10 carried to Mon 27.10",
            ),
            (
                at(2025, 12, 15, 16, 0, 0),
                "2025-12-15",
                "Monday before Independence Day at the cutoff",
            ),
            (at(2025, 12, 15, 16, 0, 1), "2025-12-17", "Independence Day Tue 16.12"),
            (at(2025, 12, 31, 16, 0, 1), "2026-01-05", "New Year 1–2 January 2026, then a weekend"),
            (
                at(2026, 1, 6, 16, 30, 0),
                "2026-01-08",
                "Orthodox Christmas 7 January, no carry-over",
            ),
            (
                at(2026, 3, 20, 16, 0, 1),
                "2026-03-26",
                "Nauryz Sat 21 – Mon 23.03 with carry-overs to 24, 25.03",
            ),
            (at(2026, 5, 26, 16, 0, 1), "2026-05-28", "Kurban Ait 27.05.2026"),
            (at(2025, 7, 4, 18, 0, 0), "2025-07-08", "Capital Day Sun 06.07 carried to Mon 07.07"),
            // a transfer: Friday 3 January 2025 off, Sunday 5 January 2025 worked
            (
                at(2025, 1, 2, 12, 0, 0),
                "2025-01-05",
                "holiday 2 January, 3 January transferred off, Sunday 5 January worked",
            ),
            (at(2025, 1, 5, 15, 0, 0), "2025-01-05", "the worked Sunday before the cutoff"),
            (at(2025, 1, 5, 16, 0, 1), "2025-01-06", "the worked Sunday after the cutoff"),
            (at(2025, 1, 6, 16, 0, 1), "2025-01-08", "then Orthodox Christmas 7 January"),
        ];
        for &(received, expected, why) in cases {
            assert_eq!(due(received), expected, "{why}: {received}");
        }
    }

    #[test]
    fn provisional_and_unknown_years() {
        let a = expert_due(at(2026, 12, 31, 17, 0, 0), Calendar::builtin());
        assert_eq!(
            a.map(|a| (a.value.to_string(), a.provisional)),
            Ok(("2027-01-05".to_owned(), true))
        );
        let a = expert_due(at(2026, 12, 30, 9, 0, 0), Calendar::builtin());
        assert_eq!(a.map(|a| a.provisional), Ok(false));
        assert!(expert_due(at(2030, 1, 10, 9, 0, 0), Calendar::builtin()).is_err());
    }

    #[test]
    fn waiting_list_has_no_norm() {
        let w = WaitingList::between(at(2025, 9, 1, 10, 0, 0), at(2025, 9, 2, 11, 30, 0));
        assert_eq!(w.map(|w| (w.minutes, w.norm)), Some((25 * 60 + 30, None)));
        assert!(WaitingList::between(at(2025, 9, 2, 10, 0, 0), at(2025, 9, 1, 10, 0, 0)).is_none());
        let json = serde_json::to_string(&w).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"from":"2025-09-01T10:00:00","to":"2025-09-02T11:30:00","minutes":1530,"norm":null}"#
        );
    }
}
