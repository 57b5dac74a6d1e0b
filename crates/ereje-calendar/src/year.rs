//! One year of the calendar: which days are off and why.
//!
//! This is where the rules that are code live: Saturday and Sunday are off (five-day week, Labour
//! Code art. 84 p. 2–3); the days of the holidays in force are off; a holiday of the Law "On
//! holidays" that falls on a Saturday or Sunday makes the next working day a day off, skipping
//! days already off (Law art. 5); the days off of Labour Code art. 84 p. 5 (7 January, the first
//! day of Kurban Ait) are not carried over; then the transfers of the year are applied.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use crate::CalendarError;
use crate::data::{Name, Spec, YearSpec, is_weekend};

/// The citation of the carry-over rule.
pub(crate) const CARRY_OVER_CITATION: &str = "Law «On holidays» No. 267-II art. 5";

/// Why a day is off (or, for a weekend day, why it is worked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// A holiday or a day off on a fixed date, or the first day of Kurban Ait.
    Holiday {
        /// The holiday's id in the calendar data (`new-year`, `kurban-ait`).
        id: String,
        /// Its name.
        name: Name,
        /// The act and article.
        citation: String,
    },
    /// The day off that replaces a holiday that fell on a Saturday or Sunday.
    CarryOver {
        /// The id of the holiday carried over.
        holiday: String,
        /// Its name.
        name: Name,
        /// The weekend day the holiday fell on.
        from: NaiveDate,
        /// The rule.
        citation: String,
    },
    /// A weekday off in exchange for a weekend day worked.
    TransferOff {
        /// The weekend day worked instead.
        worked: NaiveDate,
        /// The act.
        act: String,
    },
    /// A weekend day worked in exchange for a weekday off.
    TransferWorked {
        /// The weekday off instead.
        off: NaiveDate,
        /// The act.
        act: String,
    },
}

impl Reason {
    /// A one-line English description, for people.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = ereje_calendar::Calendar::builtin();
    /// let day = cal.day_info(NaiveDate::from_ymd_opt(2025, 3, 10).unwrap()).unwrap().value;
    /// assert!(day.reasons[0].describe().starts_with("carried over from International Women's Day, Sat 2025-03-08"));
    /// ```
    pub fn describe(&self) -> String {
        match self {
            Reason::Holiday { name, citation, .. } => format!("{} — {citation}", name.en),
            Reason::CarryOver { name, from, citation, .. } => {
                format!("carried over from {}, {} {from} — {citation}", name.en, from.weekday())
            }
            Reason::TransferOff { worked, act } => {
                format!("day off in exchange for {} {worked} worked — {act}", worked.weekday())
            }
            Reason::TransferWorked { off, act } => {
                format!("working day in exchange for {} {off} off — {act}", off.weekday())
            }
        }
    }
}

/// A day with the reasons it is listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayNote {
    /// The date.
    pub date: NaiveDate,
    /// Its day of the week.
    pub weekday: Weekday,
    /// Why it is off (or worked); at least one.
    pub reasons: Vec<Reason>,
}

/// A holiday that fell on a Saturday or Sunday, and where its day off went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekendHoliday {
    /// The date of the holiday.
    pub date: NaiveDate,
    /// Saturday or Sunday.
    pub weekday: Weekday,
    /// The holiday's id.
    pub id: String,
    /// Its name.
    pub name: Name,
    /// The weekday that is off instead, or `None` when the day is not carried over
    /// (7 January, Kurban Ait).
    pub carried_to: Option<NaiveDate>,
}

/// What the calendar says about one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayInfo {
    /// The date.
    pub date: NaiveDate,
    /// Its day of the week.
    pub weekday: Weekday,
    /// Whether it is a working day.
    pub working: bool,
    /// Whether it is a Saturday or Sunday.
    pub weekend: bool,
    /// Why it is off although a weekday, or worked although a weekend day (empty for an
    /// ordinary day); a holiday on a weekend is listed too.
    pub reasons: Vec<Reason>,
}

/// A year of the calendar: counts, the non-working weekdays and the worked weekend days, with
/// reasons (the `ereje-cal year` answer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearInfo {
    /// The year.
    pub year: i32,
    /// Whether the year's data are provisional (the decree of the year is not yet known).
    pub provisional: bool,
    /// Days in the year (365 or 366).
    pub calendar_days: u32,
    /// Working days of the five-day week.
    pub working_days: u32,
    /// Days off: weekends, holidays, carry-overs and transfers.
    pub non_working_days: u32,
    /// The first day of Kurban Ait.
    pub kurban_ait: NaiveDate,
    /// Where the Kurban Ait date comes from.
    pub kurban_ait_source: Option<String>,
    /// A remark of the calendar data on this year.
    pub note: Option<String>,
    /// Weekdays that are not working days, with reasons, in date order.
    pub non_working_weekdays: Vec<DayNote>,
    /// Saturdays and Sundays that are working days, with reasons, in date order.
    pub worked_weekend_days: Vec<DayNote>,
    /// Holidays that fell on a Saturday or Sunday, in date order.
    pub weekend_holidays: Vec<WeekendHoliday>,
}

/// A computed year: the per-day flags and reasons, and the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearData {
    /// Working flag per day, index = ordinal0.
    pub working: Vec<bool>,
    /// Reasons per day, index = ordinal0.
    pub reasons: Vec<Vec<Reason>>,
    /// The summary.
    pub info: YearInfo,
}

/// Computes a year from the calendar data.
pub(crate) fn build(spec: &Spec, year: i32, ys: &YearSpec) -> Result<YearData, CalendarError> {
    let jan1 =
        NaiveDate::from_ymd_opt(year, 1, 1).ok_or(CalendarError::YearOutOfBounds { year })?;
    let ndays: usize = if jan1.leap_year() { 366 } else { 365 };
    let dates: Vec<NaiveDate> = jan1.iter_days().take(ndays).collect();
    let idx = |d: NaiveDate| d.ordinal0() as usize;
    let mut reasons: Vec<Vec<Reason>> = vec![Vec::new(); ndays];
    // Whether the reason at a day is one that makes it off (a weekday holiday, a carry-over…).
    let mut off: Vec<bool> = dates.iter().map(|&d| is_weekend(d)).collect();
    let mut weekend_holidays = Vec::new();

    // 1. Holidays in force and the first day of Kurban Ait.
    let mut carry: Vec<(NaiveDate, usize)> = Vec::new(); // (date, index of the holiday)
    for (hi, h) in spec.holidays.iter().enumerate() {
        for &day in &h.days {
            let Some(date) = NaiveDate::from_ymd_opt(year, h.month, day) else { continue };
            if !h.in_force(date) {
                continue;
            }
            let i = idx(date);
            if let (Some(r), Some(o)) = (reasons.get_mut(i), off.get_mut(i)) {
                r.push(Reason::Holiday {
                    id: h.id.clone(),
                    name: h.name.clone(),
                    citation: h.citation.clone(),
                });
                *o = true;
            }
            if is_weekend(date) {
                if h.carry_over {
                    carry.push((date, hi));
                } else {
                    weekend_holidays.push(weekend_holiday(date, &h.id, &h.name, None));
                }
            }
        }
    }
    let k = ys.kurban_ait;
    if let (Some(r), Some(o)) = (reasons.get_mut(idx(k)), off.get_mut(idx(k))) {
        r.push(Reason::Holiday {
            id: "kurban-ait".to_owned(),
            name: spec.kurban_ait.name.clone(),
            citation: spec.kurban_ait.citation.clone(),
        });
        *o = true;
    }
    if is_weekend(k) {
        weekend_holidays.push(weekend_holiday(k, "kurban-ait", &spec.kurban_ait.name, None));
    }

    // 2. Carry-over, in date order; two holidays on one weekend day give one day off.
    carry.sort_by_key(|&(d, _)| d);
    carry.dedup_by_key(|&mut (d, _)| d);
    for (date, hi) in carry {
        let Some(h) = spec.holidays.get(hi) else { continue };
        let target = dates
            .iter()
            .skip(idx(date) + 1)
            .find(|&&d| !off.get(idx(d)).copied().unwrap_or(true))
            .copied()
            .ok_or(CalendarError::CarryOverPastYearEnd { date })?;
        let i = idx(target);
        if let (Some(r), Some(o)) = (reasons.get_mut(i), off.get_mut(i)) {
            r.push(Reason::CarryOver {
                holiday: h.id.clone(),
                name: h.name.clone(),
                from: date,
                citation: CARRY_OVER_CITATION.to_owned(),
            });
            *o = true;
        }
        weekend_holidays.push(weekend_holiday(date, &h.id, &h.name, Some(target)));
    }
    weekend_holidays.sort_by_key(|w| w.date);

    // 3. Transfers.
    let mut worked = vec![false; ndays];
    for t in &ys.transfers {
        let (w, o) = (idx(t.worked), idx(t.off));
        if reasons.get(w).is_none_or(|r| !r.is_empty()) {
            return Err(CalendarError::InvalidTransfer {
                date: t.worked,
                reason: "the worked day is a holiday or already moved",
            });
        }
        if off.get(o).copied().unwrap_or(true) {
            return Err(CalendarError::InvalidTransfer {
                date: t.off,
                reason: "the day off is already a day off",
            });
        }
        if let (Some(r), Some(flag)) = (reasons.get_mut(w), worked.get_mut(w)) {
            r.push(Reason::TransferWorked { off: t.off, act: t.act.clone() });
            *flag = true;
        }
        if let (Some(r), Some(flag)) = (reasons.get_mut(o), off.get_mut(o)) {
            r.push(Reason::TransferOff { worked: t.worked, act: t.act.clone() });
            *flag = true;
        }
    }

    let working: Vec<bool> = (0..ndays)
        .map(|i| worked.get(i).copied().unwrap_or(false) || !off.get(i).copied().unwrap_or(true))
        .collect();
    let note = |i: usize, d: NaiveDate| DayNote {
        date: d,
        weekday: d.weekday(),
        reasons: reasons.get(i).cloned().unwrap_or_default(),
    };
    let non_working_weekdays = dates
        .iter()
        .enumerate()
        .filter(|&(i, &d)| !is_weekend(d) && !working.get(i).copied().unwrap_or(true))
        .map(|(i, &d)| note(i, d))
        .collect();
    let worked_weekend_days = dates
        .iter()
        .enumerate()
        .filter(|&(i, &d)| is_weekend(d) && working.get(i).copied().unwrap_or(false))
        .map(|(i, &d)| note(i, d))
        .collect();
    let working_days = u32::try_from(working.iter().filter(|&&w| w).count()).unwrap_or(u32::MAX);
    let calendar_days = if ndays == 366 { 366 } else { 365 };
    let info = YearInfo {
        year,
        provisional: ys.provisional,
        calendar_days,
        working_days,
        non_working_days: calendar_days - working_days,
        kurban_ait: ys.kurban_ait,
        kurban_ait_source: ys.kurban_ait_source.clone(),
        note: ys.note.clone(),
        non_working_weekdays,
        worked_weekend_days,
        weekend_holidays,
    };
    Ok(YearData { working, reasons, info })
}

fn weekend_holiday(
    date: NaiveDate,
    id: &str,
    name: &Name,
    to: Option<NaiveDate>,
) -> WeekendHoliday {
    WeekendHoliday {
        date,
        weekday: date.weekday(),
        id: id.to_owned(),
        name: name.clone(),
        carried_to: to,
    }
}
