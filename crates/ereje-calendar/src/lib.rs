//! The working-day calendar of Kazakhstan (five-day week) and the counting of terms in working
//! days.
//!
//! The years are data with citations (`data/calendar.toml`, embedded): the holidays of the Law
//! "On holidays" with the dates each is in force, the days off of Labour Code art. 84 p. 5
//! (7 January, the first day of Kurban Ait), and per year the Kurban Ait date, the transfers of
//! days off and a provisional flag. The carry-over rule of the Law art. 5 is code. Built-in years:
//! 2023–2026, and 2027 marked provisional. A calendar file in the same format extends or
//! overrides them ([`Calendar::with_overrides`]), so next year's decree is a data change.
//!
//! Queries are O(1): the calendar is precomputed into a bitset of working days, prefix counts
//! and the list of working days across all known years. A date in a year the calendar does not
//! know is an error, never a guess. Every answer says whether it touched a provisional year
//! ([`Answer::provisional`]); validators report that with the info rule [`CAL_PROVISIONAL`].
//!
//! ```
//! use chrono::NaiveDate;
//! use ereje_calendar::{Calendar, TermReading};
//!
//! let cal = Calendar::builtin();
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! // 3 January 2025 is a day off (transfer), Sunday 5 January 2025 is worked.
//! assert!(!cal.is_working(d(2025, 1, 3)).unwrap().value);
//! assert!(cal.is_working(d(2025, 1, 5)).unwrap().value);
//! assert_eq!(cal.between(d(2025, 1, 1), d(2025, 12, 31)).unwrap().value, 246);
//! // Friday 27 December 2024 + 5 working days: 30, 31 December, Sunday 5 January (worked),
//! // 6 January, then 8 January (1–3 January and 7 January are off).
//! assert_eq!(cal.add(d(2024, 12, 27), 5).unwrap().value, d(2025, 1, 8));
//! // Years the calendar does not know are errors.
//! assert!(cal.is_working(d(2031, 1, 5)).is_err());
//! // 2027 is provisional, and the answers say so.
//! assert!(cal.add(d(2026, 12, 30), 3).unwrap().provisional);
//! # let _ = TermReading::General;
//! ```
#![deny(missing_docs)]

mod data;
mod rules;
#[cfg(any(test, feature = "proptest"))]
pub mod strategies;
mod tz;
mod year;

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::Serialize;

pub use data::{Name, Transfer};
pub use rules::{
    CAL_PROVISIONAL, CAL_UNKNOWN_YEAR, RULES, provisional_finding, unknown_year_finding,
};
pub use tz::{DateTimeError, Territory, parse_cutoff, parse_date, parse_datetime};
pub use year::{DayInfo, DayNote, Reason, WeekendHoliday, YearInfo};

/// The built-in calendar data, in the calendar file format.
pub const BUILTIN_TOML: &str = include_str!("../data/calendar.toml");

/// An answer of the calendar and whether it rests on a provisional year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Answer<T> {
    /// The answer.
    pub value: T,
    /// True when a year the answer touched is provisional (its data may still change).
    pub provisional: bool,
}

/// How a term of N working days is counted from an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermReading {
    /// The general rule of the Civil Code: a term defined by a period starts on the day after
    /// the event, so "N working days from X" ends on [`Calendar::add`]`(X, N)`.
    General,
    /// A cutoff time of day (`HH:MM:00`, inclusive, compared to the second): received on a
    /// working day at or before the cutoff, that day is the first working day of the term (so a
    /// term of 1 working day ends the same day); received later, or on a non-working day, the
    /// term starts on the next working day. The МСЭ pilot's rule (cutoff 16:00).
    Cutoff(NaiveTime),
}

/// The result of [`Calendar::deadline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The first working day counted.
    pub first_day: NaiveDate,
    /// The last day of the term.
    pub due: NaiveDate,
}

/// Something the calendar cannot answer, or a calendar file it cannot use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// A date in a year the calendar does not know.
    #[error("year {year} is not in the calendar (known years: {known})")]
    UnknownYear {
        /// The year.
        year: i32,
        /// The known years, e.g. `2023–2027`.
        known: String,
    },
    /// Counting runs past the last known year.
    #[error("{n} working days after {date} run past the last known year {last}")]
    BeyondKnownYears {
        /// The start date.
        date: NaiveDate,
        /// The number of working days.
        n: u32,
        /// The last year the calendar knows.
        last: i32,
        /// The known years, e.g. `2023–2027`.
        known: String,
    },
    /// A term of zero working days.
    #[error("the number of working days must be at least 1")]
    ZeroDays,
    /// A range whose start is after its end.
    #[error("the range starts after it ends: {from} > {to}")]
    ReversedRange {
        /// The start.
        from: NaiveDate,
        /// The end.
        to: NaiveDate,
    },
    /// A calendar file that is not valid TOML or does not have the calendar's shape.
    #[error("calendar file is not valid TOML for a calendar: {message}")]
    Syntax {
        /// The TOML parser's message, with the line and column.
        message: String,
    },
    /// A `format` other than 1.
    #[error("calendar file format {found} is not supported (expected 1)")]
    UnsupportedFormat {
        /// The format given.
        found: u32,
    },
    /// A holiday entry that makes no sense.
    #[error("holiday `{id}`: {reason}")]
    InvalidHoliday {
        /// The holiday's id.
        id: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// Two holidays with one id in one file.
    #[error("holiday `{id}` is given twice")]
    DuplicateHoliday {
        /// The id.
        id: String,
    },
    /// Two entries for one year in one file.
    #[error("year {year} is given twice")]
    DuplicateYear {
        /// The year.
        year: i32,
    },
    /// A year outside 1901–2199.
    #[error("year {year} is outside the years a calendar may describe (1901–2199)")]
    YearOutOfBounds {
        /// The year.
        year: i32,
    },
    /// A new year without its Kurban Ait date.
    #[error("year {year}: kurban_ait is missing")]
    MissingKurbanAit {
        /// The year.
        year: i32,
    },
    /// A complete calendar without the `[kurban_ait]` descriptor.
    #[error("the calendar has no [kurban_ait] table (name and citation)")]
    MissingKurbanAitName,
    /// A calendar without any year.
    #[error("the calendar has no year")]
    NoYears,
    /// A date of a year entry that lies in another year.
    #[error("{field} {date} is outside year {year}")]
    DateOutsideYear {
        /// The year entry.
        year: i32,
        /// The field (`kurban_ait`, `transfer.worked`, `transfer.off`).
        field: &'static str,
        /// The date given.
        date: NaiveDate,
    },
    /// A transfer that cannot be applied.
    #[error("transfer {date}: {reason}")]
    InvalidTransfer {
        /// The date at fault.
        date: NaiveDate,
        /// What is wrong.
        reason: &'static str,
    },
    /// A holiday whose carried-over day off would fall in the next year.
    #[error("the holiday of {date} would be carried over into the next year")]
    CarryOverPastYearEnd {
        /// The holiday's date.
        date: NaiveDate,
    },
}

impl CalendarError {
    /// The `CAL-UNKNOWN-YEAR` finding for an error that comes from a year the calendar does not
    /// know ([`CalendarError::UnknownYear`], [`CalendarError::BeyondKnownYears`]); `None` for
    /// the others, which are mistakes of the caller or of a calendar file.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_calendar::Calendar;
    /// let err = Calendar::builtin().add(NaiveDate::from_ymd_opt(2031, 1, 5).unwrap(), 3).unwrap_err();
    /// assert_eq!(err.finding("/received").unwrap().rule.id, "CAL-UNKNOWN-YEAR");
    /// ```
    pub fn finding(&self, path: impl Into<String>) -> Option<ereje_findings::Finding> {
        match self {
            CalendarError::UnknownYear { year, known } => {
                Some(unknown_year_finding(*year, known, path))
            }
            CalendarError::BeyondKnownYears { last, known, .. } => {
                Some(unknown_year_finding(last.saturating_add(1), known, path))
            }
            _ => None,
        }
    }
}

/// The working-day calendar: the known years, precomputed.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// The merged data (holidays, years), kept for [`Calendar::with_overrides`].
    spec: data::Spec,
    /// The first year of the span of the tables.
    first_year: i32,
    /// Per year of the span (index `year - first_year`): the computed year, `None` for a gap.
    years: Vec<Option<year::YearData>>,
    /// `num_days_from_ce` of 1 January of `first_year`.
    start_ce: i32,
    /// Working-day flags over the span, one bit per day.
    bits: Vec<u64>,
    /// `prefix[i]`: working days among the first `i` days of the span.
    prefix: Vec<u32>,
    /// Day indexes of the working days, in order.
    positions: Vec<u32>,
    /// `known_prefix[k]`: known years among the first `k` years of the span.
    known_prefix: Vec<u32>,
    /// `provisional_prefix[k]`: provisional years among the first `k` years of the span.
    provisional_prefix: Vec<u32>,
    /// The known years for messages, e.g. `2023–2027`.
    known_label: String,
}

static BUILTIN: OnceLock<Calendar> = OnceLock::new();

impl Calendar {
    /// The built-in calendar: 2023–2026, and 2027 provisional.
    ///
    /// # Example
    /// ```
    /// let cal = ereje_calendar::Calendar::builtin();
    /// assert_eq!(cal.known_years(), vec![2023, 2024, 2025, 2026, 2027]);
    /// assert_eq!(cal.is_provisional(2027), Ok(true));
    /// ```
    pub fn builtin() -> &'static Calendar {
        BUILTIN.get_or_init(|| {
            // The embedded data are checked by the crate's tests; they are not input.
            data::Spec::parse_complete(BUILTIN_TOML)
                .and_then(Calendar::from_spec)
                .expect("the built-in calendar data are valid")
        })
    }

    /// The built-in calendar with a calendar file (TOML, the format of `docs/calendar.md`) laid
    /// over it: its holidays replace built-in ones with the same id or are added, and its years
    /// replace the given fields of a built-in year or add a year.
    ///
    /// # Errors
    /// [`CalendarError`] for invalid TOML, unknown keys, impossible dates, a transfer that is not
    /// a weekend day for a weekday, a new year without its Kurban Ait date.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_calendar::Calendar;
    /// let file = r#"
    /// [[year]]
    /// year = 2028
    /// provisional = true
    /// kurban_ait = 2028-05-05
    /// "#;
    /// let cal = Calendar::with_overrides(file).unwrap();
    /// assert!(!cal.is_working(NaiveDate::from_ymd_opt(2028, 1, 1).unwrap()).unwrap().value);
    /// assert!(Calendar::with_overrides("[[year]]\nyear = 2028\n").is_err());
    /// ```
    pub fn with_overrides(file_toml: &str) -> Result<Calendar, CalendarError> {
        Calendar::builtin().overlay(file_toml)
    }

    /// This calendar with a calendar file laid over it (see [`Calendar::with_overrides`]).
    ///
    /// # Errors
    /// As [`Calendar::with_overrides`].
    ///
    /// # Example
    /// ```
    /// use ereje_calendar::Calendar;
    /// let a = Calendar::with_overrides("[[year]]\nyear = 2028\nkurban_ait = 2028-05-05").unwrap();
    /// let b = a.overlay("[[year]]\nyear = 2029\nkurban_ait = 2029-04-24").unwrap();
    /// assert_eq!(b.known_years().last(), Some(&2029));
    /// assert!(a.overlay("year = 1").is_err());
    /// ```
    pub fn overlay(&self, file_toml: &str) -> Result<Calendar, CalendarError> {
        Calendar::from_spec(self.spec.overlay(file_toml)?)
    }

    fn from_spec(spec: data::Spec) -> Result<Calendar, CalendarError> {
        let (Some(&first_year), Some(&last_year)) =
            (spec.years.keys().next(), spec.years.keys().last())
        else {
            return Err(CalendarError::NoYears);
        };
        let start = NaiveDate::from_ymd_opt(first_year, 1, 1)
            .ok_or(CalendarError::YearOutOfBounds { year: first_year })?;
        let mut years = Vec::new();
        let mut flags: Vec<bool> = Vec::new();
        let mut known_prefix = vec![0u32];
        let mut provisional_prefix = vec![0u32];
        for y in first_year..=last_year {
            let data = match spec.years.get(&y) {
                Some(ys) => Some(year::build(&spec, y, ys)?),
                None => None,
            };
            match &data {
                Some(d) => flags.extend_from_slice(&d.working),
                None => {
                    let len = NaiveDate::from_ymd_opt(y, 1, 1)
                        .map_or(365, |d| if d.leap_year() { 366 } else { 365 });
                    flags.extend(std::iter::repeat_n(false, len));
                }
            }
            let (k, p) = (known_prefix.last().copied(), provisional_prefix.last().copied());
            known_prefix.push(k.unwrap_or(0) + u32::from(data.is_some()));
            provisional_prefix.push(
                p.unwrap_or(0) + u32::from(data.as_ref().is_some_and(|d| d.info.provisional)),
            );
            years.push(data);
        }
        let mut bits = vec![0u64; flags.len().div_ceil(64)];
        let mut prefix = Vec::with_capacity(flags.len() + 1);
        let mut positions = Vec::new();
        let mut count = 0u32;
        prefix.push(0);
        for (i, &w) in flags.iter().enumerate() {
            if w {
                if let Some(word) = bits.get_mut(i / 64) {
                    *word |= 1 << (i % 64);
                }
                positions.push(u32::try_from(i).unwrap_or(u32::MAX));
                count += 1;
            }
            prefix.push(count);
        }
        let known: Vec<i32> = spec.years.keys().copied().collect();
        Ok(Calendar {
            known_label: years_label(&known),
            spec,
            first_year,
            years,
            start_ce: start.num_days_from_ce(),
            bits,
            prefix,
            positions,
            known_prefix,
            provisional_prefix,
        })
    }

    /// The years the calendar knows, ascending.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_calendar::Calendar::builtin().known_years()[0], 2023);
    /// ```
    pub fn known_years(&self) -> Vec<i32> {
        self.spec.years.keys().copied().collect()
    }

    /// The known years for people: ranges joined by commas, e.g. `2023–2027` or
    /// `2023–2027, 2030`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_calendar::Calendar::builtin().known_years_label(), "2023–2027");
    /// ```
    pub fn known_years_label(&self) -> &str {
        &self.known_label
    }

    /// Whether `year`'s data are provisional.
    ///
    /// # Errors
    /// [`CalendarError::UnknownYear`] for a year the calendar does not know.
    ///
    /// # Example
    /// ```
    /// let cal = ereje_calendar::Calendar::builtin();
    /// assert_eq!(cal.is_provisional(2026), Ok(false));
    /// assert!(cal.is_provisional(2030).is_err());
    /// ```
    pub fn is_provisional(&self, year: i32) -> Result<bool, CalendarError> {
        Ok(self.year_data(year)?.info.provisional)
    }

    /// The year's summary: counts, the non-working weekdays and the worked weekend days with
    /// reasons, the holidays that fell on weekends, the provisional flag.
    ///
    /// # Errors
    /// [`CalendarError::UnknownYear`] for a year the calendar does not know.
    ///
    /// # Example
    /// ```
    /// let cal = ereje_calendar::Calendar::builtin();
    /// let info = cal.year_info(2024).unwrap();
    /// assert_eq!(info.working_days, 249);
    /// assert_eq!(info.worked_weekend_days[0].date.to_string(), "2024-05-04");
    /// assert!(cal.year_info(2022).is_err());
    /// ```
    pub fn year_info(&self, year: i32) -> Result<&YearInfo, CalendarError> {
        Ok(&self.year_data(year)?.info)
    }

    /// What the calendar says about one day: working or not, and why.
    ///
    /// # Errors
    /// [`CalendarError::UnknownYear`] for a date outside the known years.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = ereje_calendar::Calendar::builtin();
    /// let day = cal.day_info(NaiveDate::from_ymd_opt(2025, 3, 10).unwrap()).unwrap().value;
    /// assert!(!day.working);
    /// assert!(matches!(day.reasons[0], ereje_calendar::Reason::CarryOver { .. }));
    /// assert!(cal.day_info(NaiveDate::from_ymd_opt(2022, 3, 10).unwrap()).is_err());
    /// ```
    pub fn day_info(&self, date: NaiveDate) -> Result<Answer<DayInfo>, CalendarError> {
        let data = self.year_data(date.year())?;
        let i = date.ordinal0() as usize;
        let info = DayInfo {
            date,
            weekday: date.weekday(),
            working: data.working.get(i).copied().unwrap_or(false),
            weekend: data::is_weekend(date),
            reasons: data.reasons.get(i).cloned().unwrap_or_default(),
        };
        Ok(Answer { value: info, provisional: data.info.provisional })
    }

    /// Whether `date` is a working day of the five-day week.
    ///
    /// # Errors
    /// [`CalendarError::UnknownYear`] for a date outside the known years.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = ereje_calendar::Calendar::builtin();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(cal.is_working(d(2026, 8, 31)).unwrap().value, true); // no longer carried over
    /// assert_eq!(cal.is_working(d(2026, 5, 27)).unwrap().value, false); // Kurban Ait
    /// assert!(cal.is_working(d(2022, 12, 30)).is_err());
    /// ```
    pub fn is_working(&self, date: NaiveDate) -> Result<Answer<bool>, CalendarError> {
        let i = self.index(date)?;
        let working = self.bits.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1);
        Ok(Answer {
            value: working,
            provisional: self.provisional_between(date.year(), date.year()),
        })
    }

    /// The first working day after `date` (`date` itself not counted): `add(date, 1)`.
    ///
    /// # Errors
    /// [`CalendarError::UnknownYear`], [`CalendarError::BeyondKnownYears`].
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = ereje_calendar::Calendar::builtin();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(cal.next_working(d(2024, 5, 6)).unwrap().value, d(2024, 5, 10));
    /// assert!(cal.next_working(d(2027, 12, 31)).is_err());
    /// ```
    pub fn next_working(&self, date: NaiveDate) -> Result<Answer<NaiveDate>, CalendarError> {
        self.add(date, 1)
    }

    /// The date `n` working days after `date`, `date` itself not counted (`n` ≥ 1).
    ///
    /// # Errors
    /// [`CalendarError::ZeroDays`] for `n = 0`; [`CalendarError::UnknownYear`] for a date (or a
    /// year crossed) the calendar does not know; [`CalendarError::BeyondKnownYears`] when the
    /// count runs past the last known year.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = ereje_calendar::Calendar::builtin();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // Thursday 4 July 2024: 5 July, then Monday 8 July is a carry-over of Capital Day.
    /// assert_eq!(cal.add(d(2024, 7, 4), 2).unwrap().value, d(2024, 7, 9));
    /// assert!(cal.add(d(2024, 7, 4), 0).is_err());
    /// ```
    pub fn add(&self, date: NaiveDate, n: u32) -> Result<Answer<NaiveDate>, CalendarError> {
        if n == 0 {
            return Err(CalendarError::ZeroDays);
        }
        let i = self.index(date)?;
        let done = self.prefix.get(i + 1).copied().unwrap_or(0) as usize;
        let j = done + n as usize - 1;
        let Some(&pos) = self.positions.get(j) else {
            if let Some(year) = self.first_unknown_after(date.year()) {
                return Err(self.unknown(year));
            }
            return Err(CalendarError::BeyondKnownYears {
                date,
                n,
                last: self.last_year(),
                known: self.known_label.clone(),
            });
        };
        let target = self.date_at(pos)?;
        self.check_known(date.year(), target.year())?;
        Ok(Answer {
            value: target,
            provisional: self.provisional_between(date.year(), target.year()),
        })
    }

    /// The number of working days in `[from, to]`, both included.
    ///
    /// # Errors
    /// [`CalendarError::ReversedRange`] when `from > to`; [`CalendarError::UnknownYear`] when a
    /// year of the range is not known.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = ereje_calendar::Calendar::builtin();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(cal.between(d(2023, 1, 1), d(2023, 12, 31)).unwrap().value, 246);
    /// assert_eq!(cal.between(d(2025, 1, 3), d(2025, 1, 3)).unwrap().value, 0);
    /// assert!(cal.between(d(2025, 1, 4), d(2025, 1, 3)).is_err());
    /// ```
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> Result<Answer<u32>, CalendarError> {
        if from > to {
            return Err(CalendarError::ReversedRange { from, to });
        }
        let i = self.index(from)?;
        let j = self.index(to)?;
        self.check_known(from.year(), to.year())?;
        let count =
            self.prefix.get(j + 1).copied().unwrap_or(0) - self.prefix.get(i).copied().unwrap_or(0);
        Ok(Answer { value: count, provisional: self.provisional_between(from.year(), to.year()) })
    }

    /// The last day of a term of `n` working days from an event at `received` (local time of
    /// the regulation's territory), under a [`TermReading`].
    ///
    /// # Errors
    /// As [`Calendar::add`].
    ///
    /// # Example
    /// ```
    /// use chrono::{NaiveDate, NaiveTime};
    /// use ereje_calendar::{Calendar, TermReading};
    /// let cal = Calendar::builtin();
    /// let at = |h, m, s| NaiveDate::from_ymd_opt(2025, 6, 2).unwrap().and_hms_opt(h, m, s).unwrap();
    /// let cutoff = TermReading::Cutoff(NaiveTime::from_hms_opt(16, 0, 0).unwrap());
    /// // Monday 2 June 2025 at 16:00:00: that day is day 1.
    /// assert_eq!(cal.deadline(at(16, 0, 0), 1, cutoff).unwrap().value.due.to_string(), "2025-06-02");
    /// // One second later: the term starts on Tuesday.
    /// assert_eq!(cal.deadline(at(16, 0, 1), 1, cutoff).unwrap().value.due.to_string(), "2025-06-03");
    /// // The general reading always starts the day after.
    /// let general = cal.deadline(at(9, 0, 0), 1, TermReading::General).unwrap();
    /// assert_eq!(general.value.due.to_string(), "2025-06-03");
    /// assert!(cal.deadline(at(9, 0, 0), 0, TermReading::General).is_err());
    /// ```
    pub fn deadline(
        &self,
        received: NaiveDateTime,
        n: u32,
        reading: TermReading,
    ) -> Result<Answer<Deadline>, CalendarError> {
        if n == 0 {
            return Err(CalendarError::ZeroDays);
        }
        let date = received.date();
        let on_time = match reading {
            TermReading::General => false,
            TermReading::Cutoff(cutoff) => {
                let seconds = |t: NaiveTime| t.num_seconds_from_midnight();
                self.is_working(date)?.value && seconds(received.time()) <= seconds(cutoff)
            }
        };
        let (first_day, due) = if on_time {
            let due = if n == 1 { date } else { self.add(date, n - 1)?.value };
            (date, due)
        } else {
            (self.add(date, 1)?.value, self.add(date, n)?.value)
        };
        Ok(Answer {
            value: Deadline { first_day, due },
            provisional: self.provisional_between(date.year(), due.year()),
        })
    }

    // ---- internals ----

    fn last_year(&self) -> i32 {
        self.spec.years.keys().last().copied().unwrap_or(self.first_year)
    }

    fn unknown(&self, year: i32) -> CalendarError {
        CalendarError::UnknownYear { year, known: self.known_label.clone() }
    }

    fn year_data(&self, year: i32) -> Result<&year::YearData, CalendarError> {
        usize::try_from(year - self.first_year)
            .ok()
            .and_then(|k| self.years.get(k))
            .and_then(Option::as_ref)
            .ok_or_else(|| self.unknown(year))
    }

    /// The index of `date` in the span; an error when its year is not known.
    fn index(&self, date: NaiveDate) -> Result<usize, CalendarError> {
        self.year_data(date.year())?;
        usize::try_from(date.num_days_from_ce() - self.start_ce)
            .map_err(|_| self.unknown(date.year()))
    }

    fn date_at(&self, pos: u32) -> Result<NaiveDate, CalendarError> {
        i32::try_from(pos)
            .ok()
            .and_then(|p| NaiveDate::from_num_days_from_ce_opt(self.start_ce + p))
            .ok_or_else(|| self.unknown(self.last_year()))
    }

    /// The span index range of years `a..=b` (both inside the span).
    fn year_slots(&self, a: i32, b: i32) -> Option<(usize, usize)> {
        let a = usize::try_from(a - self.first_year).ok()?;
        let b = usize::try_from(b - self.first_year).ok()?;
        (a <= b && b < self.years.len()).then_some((a, b))
    }

    /// Every year in `a..=b` is known.
    fn check_known(&self, a: i32, b: i32) -> Result<(), CalendarError> {
        let all_known = self.year_slots(a, b).is_some_and(|(i, j)| {
            let known = self.known_prefix.get(j + 1).copied().unwrap_or(0)
                - self.known_prefix.get(i).copied().unwrap_or(0);
            known as usize == j - i + 1
        });
        if all_known {
            return Ok(());
        }
        let year = (a..=b).find(|&y| self.year_data(y).is_err()).unwrap_or(a);
        Err(self.unknown(year))
    }

    /// The first year after `year` in the span that is not known.
    fn first_unknown_after(&self, year: i32) -> Option<i32> {
        (year + 1..=self.last_year()).find(|&y| self.year_data(y).is_err())
    }

    /// Any year in `a..=b` is provisional (years outside the span count as not provisional).
    fn provisional_between(&self, a: i32, b: i32) -> bool {
        self.year_slots(a, b).is_some_and(|(i, j)| {
            self.provisional_prefix.get(j + 1).copied().unwrap_or(0)
                > self.provisional_prefix.get(i).copied().unwrap_or(0)
        })
    }
}

/// Formats years as ranges: `2023–2027, 2030`.
fn years_label(years: &[i32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut iter = years.iter().copied().peekable();
    while let Some(start) = iter.next() {
        let mut end = start;
        while iter.peek() == Some(&(end + 1)) {
            end += 1;
            iter.next();
        }
        parts.push(if start == end { start.to_string() } else { format!("{start}–{end}") });
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests;
