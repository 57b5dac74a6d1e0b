//! The working-day calendar the engine runs on, as a trait, with simple implementations.
//!
//! The engine depends on no particular country's calendar: a caller adapts its own (e.g. the
//! Kazakhstan calendar of `ereje-calendar`) to [`WorkCalendar`]. The calendar is asked once per
//! simulated day when a model is compiled, never in the event loop.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

/// Says which days are working days.
pub trait WorkCalendar {
    /// `Some(true)` for a working day, `Some(false)` for a day off, `None` when the calendar does
    /// not know the date (e.g. a year it has no data for): compiling a model whose window contains
    /// such a date fails with [`crate::SimError::UnknownDate`].
    fn is_working_day(&self, date: NaiveDate) -> Option<bool>;
}

impl<T: WorkCalendar + ?Sized> WorkCalendar for &T {
    fn is_working_day(&self, date: NaiveDate) -> Option<bool> {
        (**self).is_working_day(date)
    }
}

impl<T: WorkCalendar + ?Sized> WorkCalendar for Box<T> {
    fn is_working_day(&self, date: NaiveDate) -> Option<bool> {
        (**self).is_working_day(date)
    }
}

/// Monday to Friday are working days, every year; no holidays.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_sim_engine::{WeekdaysOnly, WorkCalendar};
/// let saturday = NaiveDate::from_ymd_opt(2025, 1, 4).unwrap();
/// assert_eq!(WeekdaysOnly.is_working_day(saturday), Some(false));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WeekdaysOnly;

impl WorkCalendar for WeekdaysOnly {
    fn is_working_day(&self, date: NaiveDate) -> Option<bool> {
        Some(!matches!(date.weekday(), Weekday::Sat | Weekday::Sun))
    }
}

/// Monday to Friday, minus listed holidays, plus listed worked weekend days, for a range of known
/// years (other years are unknown).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_sim_engine::{HolidayCalendar, WorkCalendar};
/// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
/// let cal = HolidayCalendar::new(2025..=2025).holiday(d(1, 1)).worked(d(1, 4));
/// assert_eq!(cal.is_working_day(d(1, 1)), Some(false));
/// assert_eq!(cal.is_working_day(d(1, 4)), Some(true));
/// assert_eq!(cal.is_working_day(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayCalendar {
    years: std::ops::RangeInclusive<i32>,
    holidays: BTreeSet<NaiveDate>,
    worked: BTreeSet<NaiveDate>,
}

impl HolidayCalendar {
    /// Weekdays only, knowing the given years.
    pub fn new(years: std::ops::RangeInclusive<i32>) -> HolidayCalendar {
        HolidayCalendar { years, holidays: BTreeSet::new(), worked: BTreeSet::new() }
    }

    /// The same calendar with `date` a day off.
    pub fn holiday(mut self, date: NaiveDate) -> HolidayCalendar {
        self.worked.remove(&date);
        self.holidays.insert(date);
        self
    }

    /// The same calendar with `date` a working day (e.g. a transferred Saturday).
    pub fn worked(mut self, date: NaiveDate) -> HolidayCalendar {
        self.holidays.remove(&date);
        self.worked.insert(date);
        self
    }
}

impl WorkCalendar for HolidayCalendar {
    fn is_working_day(&self, date: NaiveDate) -> Option<bool> {
        if !self.years.contains(&date.year()) {
            return None;
        }
        if self.holidays.contains(&date) {
            return Some(false);
        }
        if self.worked.contains(&date) {
            return Some(true);
        }
        WeekdaysOnly.is_working_day(date)
    }
}

/// A calendar given by a function (handy in tests and adapters).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_sim_engine::{FnCalendar, WorkCalendar};
/// let every_day = FnCalendar(|_d: NaiveDate| Some(true));
/// assert_eq!(every_day.is_working_day(NaiveDate::from_ymd_opt(2025, 1, 5).unwrap()), Some(true));
/// ```
#[derive(Clone, Copy)]
pub struct FnCalendar<F>(pub F);

impl<F> fmt::Debug for FnCalendar<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FnCalendar(..)")
    }
}

impl<F: Fn(NaiveDate) -> Option<bool>> WorkCalendar for FnCalendar<F> {
    fn is_working_day(&self, date: NaiveDate) -> Option<bool> {
        (self.0)(date)
    }
}
