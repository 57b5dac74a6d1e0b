//! The `--format json` objects: one per answer, the command, its inputs, the answer and
//! `provisional`, in that order.

use chrono::NaiveDate;
use ereje_calendar::{Reason, Territory, YearInfo};
use serde::Serialize;

/// `is-working`; `reasons` says why a weekday is off or a weekend day worked.
#[derive(Debug, Serialize)]
pub struct IsWorking<'a> {
    pub command: &'static str,
    pub date: NaiveDate,
    pub answer: bool,
    pub reasons: &'a [Reason],
    pub provisional: bool,
}

/// `add`.
#[derive(Debug, Serialize)]
pub struct Add {
    pub command: &'static str,
    pub date: NaiveDate,
    pub n: u32,
    pub answer: NaiveDate,
    pub provisional: bool,
}

/// `between`.
#[derive(Debug, Serialize)]
pub struct Between {
    pub command: &'static str,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub answer: u32,
    pub provisional: bool,
}

/// `deadline`: `local` is the date-time as read in the territory's local time, `first_day` the
/// first working day counted.
#[derive(Debug, Serialize)]
pub struct Deadline<'a> {
    pub command: &'static str,
    pub datetime: &'a str,
    pub territory: Territory,
    pub local: String,
    pub working_days: u32,
    pub cutoff: Option<String>,
    pub reading: &'static str,
    pub first_day: NaiveDate,
    pub answer: NaiveDate,
    pub provisional: bool,
}

/// `year`.
#[derive(Debug, Serialize)]
pub struct Year<'a> {
    pub command: &'static str,
    pub year: i32,
    pub answer: &'a YearInfo,
    pub provisional: bool,
}
