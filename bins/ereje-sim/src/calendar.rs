//! The Kazakhstan working-day calendar (`ereje-calendar`) as the engine's `WorkCalendar`, and
//! the checks of a run window against the years it knows.

use chrono::{Datelike, NaiveDate};
use ereje_calendar::Calendar;
use ereje_sim_engine::WorkCalendar;

/// The Kazakhstan calendar seen by the simulation engine: a day of a year the calendar does not
/// know is `None`, which the engine refuses (the run needs a `--calendar` file for that year).
#[derive(Debug, Clone, Copy)]
pub struct KzCalendar<'a>(pub &'a Calendar);

impl WorkCalendar for KzCalendar<'_> {
    fn is_working_day(&self, date: NaiveDate) -> Option<bool> {
        self.0.is_working(date).ok().map(|a| a.value)
    }
}

/// The message for a day of the run window that the calendar does not know.
pub fn unknown_date(cal: &Calendar, date: NaiveDate) -> String {
    format!(
        "the run window needs {date}, which the working-day calendar does not know (known years: {}); \
         give a --calendar file with year {} (see docs/calendar.md)",
        cal.known_years_label(),
        date.year()
    )
}

/// Checks that every year of `[start, end]` is known. A window whose end is before its start is
/// left to the scenario's validation.
///
/// # Errors
/// The message of [`unknown_date`] for the first day of the first unknown year.
pub fn check_window(cal: &Calendar, start: NaiveDate, end: NaiveDate) -> Result<(), String> {
    for year in start.year()..=end.year() {
        if cal.is_provisional(year).is_err() {
            let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(start).max(start);
            return Err(unknown_date(cal, first));
        }
    }
    Ok(())
}

/// The provisional years of the calendar that the window `[start, end]` touches.
pub fn provisional_years(cal: &Calendar, start: NaiveDate, end: NaiveDate) -> Vec<i32> {
    (start.year()..=end.year()).filter(|y| cal.is_provisional(*y).unwrap_or(false)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_adapter_answers_from_the_calendar() {
        let cal = KzCalendar(Calendar::builtin());
        assert_eq!(cal.is_working_day(d(2025, 1, 3)), Some(false)); // a holiday
        assert_eq!(cal.is_working_day(d(2025, 1, 6)), Some(true));
        assert_eq!(cal.is_working_day(d(2019, 1, 6)), None);
    }

    #[test]
    fn windows_outside_the_known_years_are_refused_with_the_date() {
        let cal = Calendar::builtin();
        assert!(check_window(cal, d(2025, 1, 1), d(2025, 12, 31)).is_ok());
        let e = check_window(cal, d(2019, 6, 1), d(2019, 12, 31)).unwrap_err();
        assert!(e.contains("2019-06-01") && e.contains("2023–2027"), "{e}");
        let e = check_window(cal, d(2027, 6, 1), d(2028, 2, 1)).unwrap_err();
        assert!(e.contains("2028-01-01"), "{e}");
        assert_eq!(provisional_years(cal, d(2026, 6, 1), d(2027, 2, 1)), vec![2027]);
    }
}
