//! Reports from the event log: the monthly information on registration, accounting, migration and
//! outflow (Rules para 6) and the quarterly forecast data with the upcoming certificate
//! confirmation terms (para 7), with breakdowns by region, organisation and position; rendered as
//! CSV rows or a human table (pure string building).
//!
//! A report for a period holds the events **entered** (made known to the register) during it,
//! whatever their event dates: a late entry is reported once, in the period it was entered.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};
use ereje_findings::Lang;
use serde::{Deserialize, Serialize};

use crate::RegisterError;
use crate::model::{Event, EventKind, WorkerRecord};
use crate::params::{MONTHLY_REPORT_DAY, Params};
use crate::replay::Replay;

/// A calendar month, written `YYYY-MM`.
///
/// ```
/// use ereje_register::Month;
/// let m: Month = "2025-12".parse()?;
/// assert_eq!(m.last_day().to_string(), "2025-12-31");
/// assert_eq!(m.next().to_string(), "2026-01");
/// assert!("2025-13".parse::<Month>().is_err());
/// # Ok::<(), ereje_register::RegisterError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    first: NaiveDate,
}

impl Month {
    /// The month of `date`.
    pub fn of(date: NaiveDate) -> Month {
        Month { first: date.with_day(1).unwrap_or(date) }
    }

    /// The month `month` (1–12) of `year`, if it exists.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|first| Month { first })
    }

    /// The first day.
    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    /// The last day.
    pub fn last_day(self) -> NaiveDate {
        self.next().first.pred_opt().unwrap_or(self.first)
    }

    /// The following month.
    pub fn next(self) -> Month {
        Month { first: self.first.checked_add_months(Months::new(1)).unwrap_or(self.first) }
    }

    /// Whether `date` is in the month.
    pub fn contains(self, date: NaiveDate) -> bool {
        Month::of(date) == self
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.first.year(), self.first.month())
    }
}

impl FromStr for Month {
    type Err = RegisterError;

    fn from_str(s: &str) -> Result<Month, RegisterError> {
        let bad = || RegisterError::Period { input: s.to_owned(), expected: "a month YYYY-MM" };
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let (y, m) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        Month::new(y, m).ok_or_else(bad)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        std::borrow::Cow::<'de, str>::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

/// A calendar quarter, written `YYYY-QN`.
///
/// ```
/// use ereje_register::Quarter;
/// let q: Quarter = "2025-Q4".parse()?;
/// assert_eq!(q.last_day().to_string(), "2025-12-31");
/// assert_eq!(q.next().to_string(), "2026-Q1");
/// assert!("2025-Q5".parse::<Quarter>().is_err());
/// # Ok::<(), ereje_register::RegisterError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    first: NaiveDate,
}

impl Quarter {
    /// The quarter of `date`.
    pub fn of(date: NaiveDate) -> Quarter {
        let m = (date.month0() / 3) * 3 + 1;
        Quarter { first: NaiveDate::from_ymd_opt(date.year(), m, 1).unwrap_or(date) }
    }

    /// Quarter `q` (1–4) of `year`, if it exists.
    pub fn new(year: i32, q: u32) -> Option<Quarter> {
        if !(1..=4).contains(&q) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1).map(|first| Quarter { first })
    }

    /// The first day.
    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    /// The last day.
    pub fn last_day(self) -> NaiveDate {
        self.next().first.pred_opt().unwrap_or(self.first)
    }

    /// The following quarter.
    pub fn next(self) -> Quarter {
        Quarter { first: self.first.checked_add_months(Months::new(3)).unwrap_or(self.first) }
    }

    /// Whether `date` is in the quarter.
    pub fn contains(self, date: NaiveDate) -> bool {
        Quarter::of(date) == self
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-Q{}", self.first.year(), self.first.month0() / 3 + 1)
    }
}

impl FromStr for Quarter {
    type Err = RegisterError;

    fn from_str(s: &str) -> Result<Quarter, RegisterError> {
        let bad = || RegisterError::Period { input: s.to_owned(), expected: "a quarter YYYY-QN" };
        let (y, q) = s.split_once("-Q").ok_or_else(bad)?;
        if y.len() != 4 || q.len() != 1 || !(y.bytes().chain(q.bytes())).all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        Quarter::new(y.parse().map_err(|_| bad())?, q.parse().map_err(|_| bad())?).ok_or_else(bad)
    }
}

impl Serialize for Quarter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Quarter, D::Error> {
        std::borrow::Cow::<'de, str>::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

/// The four kinds of information of para 6 (and Code art. 266 p. 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Registration (тіркелуі): hires.
    Registration,
    /// Accounting (есепке алынуы): data changes, certificates, advanced training.
    Accounting,
    /// Migration (көші-қоны): transfers.
    Migration,
    /// Outflow (кету): dismissals.
    Outflow,
}

impl EventKind {
    /// The category of para 6 the event is reported under.
    pub fn category(self) -> Category {
        match self {
            EventKind::Hire => Category::Registration,
            EventKind::Transfer => Category::Migration,
            EventKind::Dismissal => Category::Outflow,
            EventKind::DataChange
            | EventKind::CertificateIssued
            | EventKind::CertificateConfirmed
            | EventKind::ProfessionalDevelopment => Category::Accounting,
        }
    }
}

/// Counts of events by category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Hires.
    pub registration: u64,
    /// Data changes, certificates, advanced training.
    pub accounting: u64,
    /// Transfers.
    pub migration: u64,
    /// Dismissals.
    pub outflow: u64,
}

impl Counts {
    /// All events.
    pub fn total(&self) -> u64 {
        self.registration + self.accounting + self.migration + self.outflow
    }

    fn add(&mut self, c: Category) {
        match c {
            Category::Registration => self.registration += 1,
            Category::Accounting => self.accounting += 1,
            Category::Migration => self.migration += 1,
            Category::Outflow => self.outflow += 1,
        }
    }

    fn values(&self) -> [u64; 5] {
        [self.registration, self.accounting, self.migration, self.outflow, self.total()]
    }
}

/// The key used when a worker's region, organisation or position is not known.
pub const UNKNOWN: &str = "(unknown)";

/// One event of a report: where it is counted. No personal data (the log's record number and
/// the event's own id identify it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLine {
    /// The event's position in the events given to the report, from 1 (the record number in
    /// the log when every event of the log was given).
    pub record: u64,
    /// The event's own id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The kind of event.
    pub event: EventKind,
    /// The category it is counted under.
    pub category: Category,
    /// The day it happened.
    pub event_date: NaiveDate,
    /// The day it was entered.
    pub entered_on: NaiveDate,
    /// Whether it happened in an earlier period than the one it is reported in.
    pub late: bool,
    /// The worker's region.
    pub region: String,
    /// The worker's organisation (its БИН).
    pub organisation: String,
    /// The worker's position.
    pub position: String,
}

/// Counts with the breakdowns by region, organisation and position.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    /// All events.
    pub total: Counts,
    /// By region.
    pub by_region: BTreeMap<String, Counts>,
    /// By organisation (БИН).
    pub by_organisation: BTreeMap<String, Counts>,
    /// By position.
    pub by_position: BTreeMap<String, Counts>,
}

impl Breakdown {
    fn add(&mut self, line: &ReportLine) {
        self.total.add(line.category);
        self.by_region.entry(line.region.clone()).or_default().add(line.category);
        self.by_organisation.entry(line.organisation.clone()).or_default().add(line.category);
        self.by_position.entry(line.position.clone()).or_default().add(line.category);
    }
}

/// The monthly information of para 6 for one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthlyReport {
    /// The month reported.
    pub month: Month,
    /// The last day the national coordinator submits it to the Ministry: the 10th of the
    /// following month, or the 9th when the 10th is not inside (`report.tenth_inclusive`).
    pub submission_due: NaiveDate,
    /// Whether the 10th itself was taken as inside.
    pub tenth_inclusive: bool,
    /// The events entered during the month, counted.
    pub entered: Breakdown,
    /// Of them, the events that happened in an earlier month (late entries).
    pub late_entries: u64,
    /// Organisation names by БИН (the latest name seen).
    pub organisation_names: BTreeMap<String, String>,
    /// Each event counted.
    pub lines: Vec<ReportLine>,
}

/// A certificate confirmation term in the quarterly data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmationTerm {
    /// The last valid day: the certificate's validity is to be confirmed by then (Code art. 27
    /// p. 2).
    pub valid_until: NaiveDate,
    /// The specialty.
    pub specialty: String,
    /// The worker's region.
    pub region: String,
    /// The worker's organisation (БИН).
    pub organisation: String,
    /// The worker's position.
    pub position: String,
}

/// Counts of workers or certificates with their breakdowns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headcount {
    /// All.
    pub total: u64,
    /// By region.
    pub by_region: BTreeMap<String, u64>,
    /// By organisation (БИН).
    pub by_organisation: BTreeMap<String, u64>,
    /// By position.
    pub by_position: BTreeMap<String, u64>,
}

impl Headcount {
    fn add(&mut self, region: &str, organisation: &str, position: &str) {
        self.total += 1;
        *self.by_region.entry(region.to_owned()).or_default() += 1;
        *self.by_organisation.entry(organisation.to_owned()).or_default() += 1;
        *self.by_position.entry(position.to_owned()).or_default() += 1;
    }
}

/// The quarterly forecast data of para 7 for one quarter. Para 7 sets no due day: there is no
/// timeliness rule for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarterlyReport {
    /// The quarter reported.
    pub quarter: Quarter,
    /// The quarter's last day: the workforce is counted as the register showed it then.
    pub as_of: NaiveDate,
    /// The events entered during the quarter, counted.
    pub entered: Breakdown,
    /// Workers in service at the quarter's end.
    pub headcount: Headcount,
    /// Months after the quarter's end covered by `confirmations` (`quarterly.horizon_months`).
    pub horizon_months: u32,
    /// Current certificates of workers in service whose validity ends within the horizon, by the
    /// last valid day.
    pub confirmations: Vec<ConfirmationTerm>,
    /// The same, counted by the quarter in which the validity ends.
    pub confirmations_by_quarter: BTreeMap<Quarter, u64>,
    /// The same, counted by specialty.
    pub confirmations_by_specialty: BTreeMap<String, u64>,
    /// Current certificates of workers in service already past their validity at the quarter's
    /// end (not confirmed).
    pub expired_at_end: u64,
    /// Organisation names by БИН.
    pub organisation_names: BTreeMap<String, String>,
}

/// Where a worker is counted: region, organisation (БИН), position.
fn place(w: Option<&WorkerRecord>) -> (String, String, String) {
    let d = w.map(|w| &w.data);
    (
        d.and_then(|d| d.region.clone()).unwrap_or_else(|| UNKNOWN.to_owned()),
        d.and_then(|d| d.workplace.as_ref())
            .map_or_else(|| UNKNOWN.to_owned(), |w| w.bin.to_string()),
        d.and_then(|d| d.position.clone()).unwrap_or_else(|| UNKNOWN.to_owned()),
    )
}

/// The report lines of the events entered in `[from, to]`, attributed to the worker's region,
/// organisation and position as the register knew them when the event was entered (for a
/// dismissal: the organisation left).
fn lines_entered(
    events: &[Event],
    from: NaiveDate,
    to: NaiveDate,
    names: &mut BTreeMap<String, String>,
) -> Vec<ReportLine> {
    let mut replay = Replay::with_worker_index();
    let mut out = Vec::new();
    for (k, e) in events.iter().enumerate() {
        let entered_on = e.entered_at.date();
        let (iin, event_date, kind, id) = (e.iin, e.event_date, e.kind(), e.id.clone());
        replay.apply(e.clone());
        if entered_on < from || entered_on > to {
            continue;
        }
        let worker = replay.worker_known_on(&iin, event_date);
        if let Some(w) = worker.as_ref().and_then(|w| w.data.workplace.as_ref()) {
            names.insert(w.bin.to_string(), w.name.clone());
        }
        let (region, organisation, position) = place(worker.as_ref());
        out.push(ReportLine {
            record: k as u64 + 1,
            id,
            event: kind,
            category: kind.category(),
            event_date,
            entered_on,
            late: event_date < from,
            region,
            organisation,
            position,
        });
    }
    out
}

/// The monthly information of para 6 for `month`: the events entered during it, whatever their
/// event dates, by category (registration, accounting, migration, outflow) with breakdowns by
/// region, organisation and position, and the day it is due at the Ministry.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_register::{monthly_report, Event, Month, Params};
/// let hire: Event = serde_json::from_str(r#"{"event":"hire","iin":"900101400013","event_date":"2025-10-31",
///     "entered_at":"2025-11-03T09:00","worker":{"region":"Astana","position":"nurse"}}"#)?;
/// let oct = monthly_report(std::slice::from_ref(&hire), "2025-10".parse().unwrap(), &Params::default());
/// let nov = monthly_report(std::slice::from_ref(&hire), "2025-11".parse().unwrap(), &Params::default());
/// assert_eq!((oct.entered.total.registration, nov.entered.total.registration), (0, 1));
/// assert_eq!(nov.late_entries, 1);
/// assert_eq!(nov.submission_due.to_string(), "2025-12-09");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn monthly_report(events: &[Event], month: Month, params: &Params) -> MonthlyReport {
    let mut names = BTreeMap::new();
    let lines = lines_entered(events, month.first_day(), month.last_day(), &mut names);
    let mut entered = Breakdown::default();
    for l in &lines {
        entered.add(l);
    }
    let day =
        if params.report_tenth_inclusive { MONTHLY_REPORT_DAY } else { MONTHLY_REPORT_DAY - 1 };
    let next = month.next().first_day();
    MonthlyReport {
        month,
        submission_due: next.with_day(day).unwrap_or(next),
        tenth_inclusive: params.report_tenth_inclusive,
        late_entries: lines.iter().filter(|l| l.late).count() as u64,
        entered,
        organisation_names: names,
        lines,
    }
}

/// The quarterly forecast data of para 7 for `quarter`: the events entered during it, the
/// workforce at its end (as the register showed it on the last day), and the upcoming
/// certificate confirmation terms within `quarterly.horizon_months` after it.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_register::{quarterly_report, Event, Params};
/// let hire: Event = serde_json::from_str(r#"{"event":"hire","iin":"900101400013","event_date":"2025-10-01",
///     "entered_at":"2025-10-02T09:00","worker":{"region":"Astana","certificates":[{"specialty":"therapy",
///     "number":"C-1","issued_on":"2021-06-01","valid_until":"2026-05-31"}]}}"#)?;
/// let q = quarterly_report(&[hire], "2025-Q4".parse().unwrap(), &Params::default());
/// assert_eq!(q.headcount.total, 1);
/// assert_eq!(q.confirmations_by_quarter[&"2026-Q2".parse().unwrap()], 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn quarterly_report(events: &[Event], quarter: Quarter, params: &Params) -> QuarterlyReport {
    let mut names = BTreeMap::new();
    let lines = lines_entered(events, quarter.first_day(), quarter.last_day(), &mut names);
    let mut entered = Breakdown::default();
    for l in &lines {
        entered.add(l);
    }
    let end = quarter.last_day();
    let horizon_end =
        end.checked_add_months(Months::new(params.quarterly_horizon_months)).unwrap_or(end);
    let mut replay = Replay::new();
    replay.extend(events.iter().cloned());
    let state = replay.state_as_of(end);
    let mut headcount = Headcount::default();
    let mut confirmations = Vec::new();
    let mut expired_at_end = 0;
    for w in state.in_service() {
        let (region, organisation, position) = place(Some(w));
        if let Some(wp) = &w.data.workplace {
            names.insert(wp.bin.to_string(), wp.name.clone());
        }
        headcount.add(&region, &organisation, &position);
        for c in w.current_certificates() {
            if c.valid_until <= end {
                expired_at_end += 1;
            } else if c.valid_until <= horizon_end {
                confirmations.push(ConfirmationTerm {
                    valid_until: c.valid_until,
                    specialty: c.specialty.clone(),
                    region: region.clone(),
                    organisation: organisation.clone(),
                    position: position.clone(),
                });
            }
        }
    }
    confirmations.sort_by(|a, b| {
        (a.valid_until, &a.specialty, &a.organisation).cmp(&(
            b.valid_until,
            &b.specialty,
            &b.organisation,
        ))
    });
    let mut by_quarter = BTreeMap::new();
    let mut by_specialty = BTreeMap::new();
    for c in &confirmations {
        *by_quarter.entry(Quarter::of(c.valid_until)).or_default() += 1;
        *by_specialty.entry(c.specialty.clone()).or_default() += 1;
    }
    QuarterlyReport {
        quarter,
        as_of: end,
        entered,
        headcount,
        horizon_months: params.quarterly_horizon_months,
        confirmations,
        confirmations_by_quarter: by_quarter,
        confirmations_by_specialty: by_specialty,
        expired_at_end,
        organisation_names: names,
    }
}

// ---- rendering ----

const CSV_HEADER: [&str; 9] = [
    "period",
    "section",
    "key",
    "name",
    "registration",
    "accounting",
    "migration",
    "outflow",
    "total",
];

/// Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn csv_join(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

fn counts_row(period: &str, section: &str, key: &str, name: &str, c: &Counts) -> Vec<String> {
    let mut row = vec![period.to_owned(), section.to_owned(), key.to_owned(), name.to_owned()];
    row.extend(c.values().iter().map(u64::to_string));
    row
}

fn total_row(period: &str, section: &str, key: &str, name: &str, total: u64) -> Vec<String> {
    let mut row = vec![period.to_owned(), section.to_owned(), key.to_owned(), name.to_owned()];
    row.extend(["", "", "", ""].map(str::to_owned));
    row.push(total.to_string());
    row
}

fn breakdown_rows(
    period: &str,
    b: &Breakdown,
    names: &BTreeMap<String, String>,
    rows: &mut Vec<Vec<String>>,
) {
    rows.push(counts_row(period, "total", "", "", &b.total));
    for (k, c) in &b.by_region {
        rows.push(counts_row(period, "region", k, "", c));
    }
    for (k, c) in &b.by_organisation {
        rows.push(counts_row(
            period,
            "organisation",
            k,
            names.get(k).map_or("", String::as_str),
            c,
        ));
    }
    for (k, c) in &b.by_position {
        rows.push(counts_row(period, "position", k, "", c));
    }
}

/// Labels of the human tables.
struct Labels {
    monthly: &'static str,
    quarterly: &'static str,
    due: &'static str,
    late: &'static str,
    columns: [&'static str; 5],
    total: &'static str,
    region: &'static str,
    organisation: &'static str,
    position: &'static str,
    headcount: &'static str,
    confirmations: &'static str,
    expired: &'static str,
    no_timeliness: &'static str,
}

fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Ru => Labels {
            monthly: "Информация о регистрации, учёте, миграции и оттоке работников здравоохранения (п. 6)",
            quarterly: "Ежеквартальные прогнозные данные и сроки подтверждения сертификатов (п. 7)",
            due: "срок представления в уполномоченный орган",
            late: "внесено с опозданием из прошлых периодов",
            columns: ["регистрация", "учёт", "миграция", "отток", "всего"],
            total: "Всего",
            region: "По регионам",
            organisation: "По организациям",
            position: "По должностям",
            headcount: "Работающие на конец квартала",
            confirmations: "Сроки подтверждения сертификатов",
            expired: "сертификаты с истёкшим сроком на конец квартала",
            no_timeliness: "срок представления пунктом 7 не установлен",
        },
        Lang::Kk => Labels {
            monthly: "Денсаулық сақтау қызметкерлерінің тіркелуі, есепке алынуы, көші-қоны және кетуі туралы ақпарат (6-т.)",
            quarterly: "Тоқсан сайынғы болжамды деректер және сертификаттарды растау мерзімдері (7-т.)",
            due: "уәкілетті органға ұсыну мерзімі",
            late: "бұрынғы кезеңдерден кешіктіріліп енгізілгені",
            columns: ["тіркелу", "есепке алу", "көші-қон", "кету", "барлығы"],
            total: "Барлығы",
            region: "Өңірлер бойынша",
            organisation: "Ұйымдар бойынша",
            position: "Лауазымдар бойынша",
            headcount: "Тоқсан соңында жұмыс істейтіндер",
            confirmations: "Сертификаттарды растау мерзімдері",
            expired: "тоқсан соңында мерзімі өткен сертификаттар",
            no_timeliness: "7-тармақ ұсыну мерзімін белгілемейді",
        },
        Lang::En => Labels {
            monthly: "Registration, accounting, migration and outflow of health workers (para 6)",
            quarterly: "Quarterly forecast data and certificate confirmation terms (para 7)",
            due: "due at the authorised body",
            late: "entered late from earlier periods",
            columns: ["registration", "accounting", "migration", "outflow", "total"],
            total: "Total",
            region: "By region",
            organisation: "By organisation",
            position: "By position",
            headcount: "In service at the quarter's end",
            confirmations: "Certificate confirmation terms",
            expired: "certificates past their validity at the quarter's end",
            no_timeliness: "para 7 sets no due day",
        },
    }
}

/// Lays out rows as a table with columns padded to their widths (counted in characters); the
/// first column is left-aligned, the others right-aligned.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let n = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(0);
            let pad = " ".repeat(w.saturating_sub(c.chars().count()));
            if i > 0 {
                s.push_str("  ");
            }
            if i == 0 {
                s.push_str(c);
                s.push_str(&pad);
            } else {
                s.push_str(&pad);
                s.push_str(c);
            }
        }
        s.trim_end().to_owned() + "\n"
    };
    let mut out = line(header.to_vec());
    let rule: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
    out.push_str(&"-".repeat(rule));
    out.push('\n');
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    out
}

fn breakdown_table(b: &Breakdown, names: &BTreeMap<String, String>, l: &Labels) -> String {
    let mut rows = vec![{
        let mut r = vec![l.total.to_owned()];
        r.extend(b.total.values().iter().map(u64::to_string));
        r
    }];
    let mut section = |title: &str, m: &BTreeMap<String, Counts>, named: bool| {
        rows.push(vec![format!("{title}:")]);
        for (k, c) in m {
            let label = match names.get(k) {
                Some(n) if named => format!("  {k} {n}"),
                _ => format!("  {k}"),
            };
            let mut r = vec![label];
            r.extend(c.values().iter().map(u64::to_string));
            rows.push(r);
        }
    };
    section(l.region, &b.by_region, false);
    section(l.organisation, &b.by_organisation, true);
    section(l.position, &b.by_position, false);
    let mut header = vec![""];
    header.extend(l.columns);
    table(&header, &rows)
}

impl MonthlyReport {
    /// The report as CSV rows: `period,section,key,name,registration,accounting,migration,
    /// outflow,total`, a header first, then the total and the rows by region, organisation (key:
    /// БИН, name) and position.
    pub fn csv_rows(&self) -> Vec<Vec<String>> {
        let period = self.month.to_string();
        let mut rows = vec![CSV_HEADER.map(str::to_owned).to_vec()];
        breakdown_rows(&period, &self.entered, &self.organisation_names, &mut rows);
        rows
    }

    /// The report as CSV text (RFC 4180 quoting, `\n` line ends).
    ///
    /// # Example
    /// ```
    /// use ereje_register::{monthly_report, Params};
    /// let r = monthly_report(&[], "2025-11".parse().unwrap(), &Params::default());
    /// assert_eq!(r.to_csv(), "period,section,key,name,registration,accounting,migration,outflow,total\n2025-11,total,,,0,0,0,0,0\n");
    /// ```
    pub fn to_csv(&self) -> String {
        csv_join(&self.csv_rows())
    }

    /// The report as a table for people, in `lang`.
    ///
    /// # Example
    /// ```
    /// use ereje_findings::Lang;
    /// use ereje_register::{monthly_report, Params};
    /// let r = monthly_report(&[], "2025-11".parse().unwrap(), &Params::default());
    /// assert!(r.to_human(Lang::En).contains("due at the authorised body: 2025-12-09"));
    /// ```
    pub fn to_human(&self, lang: Lang) -> String {
        let l = labels(lang);
        let mut s = format!("{} — {}\n", l.monthly, self.month);
        s.push_str(&format!("{}: {}\n", l.due, self.submission_due));
        s.push_str(&format!("{}: {}\n\n", l.late, self.late_entries));
        s.push_str(&breakdown_table(&self.entered, &self.organisation_names, &l));
        s
    }
}

impl QuarterlyReport {
    /// The report as CSV rows, in the columns of the monthly report: the events entered
    /// (sections `total`, `region`, `organisation`, `position`), the workforce at the quarter's
    /// end (`headcount*`, in `total`), the confirmation terms (`confirmations_by_quarter`,
    /// `confirmations_by_specialty`, `expired_at_end`, in `total`).
    pub fn csv_rows(&self) -> Vec<Vec<String>> {
        let p = self.quarter.to_string();
        let mut rows = vec![CSV_HEADER.map(str::to_owned).to_vec()];
        breakdown_rows(&p, &self.entered, &self.organisation_names, &mut rows);
        let h = &self.headcount;
        rows.push(total_row(&p, "headcount", "", "", h.total));
        for (k, v) in &h.by_region {
            rows.push(total_row(&p, "headcount_region", k, "", *v));
        }
        for (k, v) in &h.by_organisation {
            let name = self.organisation_names.get(k).map_or("", String::as_str);
            rows.push(total_row(&p, "headcount_organisation", k, name, *v));
        }
        for (k, v) in &h.by_position {
            rows.push(total_row(&p, "headcount_position", k, "", *v));
        }
        for (q, v) in &self.confirmations_by_quarter {
            rows.push(total_row(&p, "confirmations_by_quarter", &q.to_string(), "", *v));
        }
        for (k, v) in &self.confirmations_by_specialty {
            rows.push(total_row(&p, "confirmations_by_specialty", k, "", *v));
        }
        rows.push(total_row(&p, "expired_at_end", "", "", self.expired_at_end));
        rows
    }

    /// The report as CSV text.
    ///
    /// # Example
    /// ```
    /// use ereje_register::{quarterly_report, Params};
    /// let r = quarterly_report(&[], "2025-Q4".parse().unwrap(), &Params::default());
    /// assert!(r.to_csv().contains("2025-Q4,headcount,,,,,,,0\n"));
    /// ```
    pub fn to_csv(&self) -> String {
        csv_join(&self.csv_rows())
    }

    /// The report as tables for people, in `lang`.
    pub fn to_human(&self, lang: Lang) -> String {
        let l = labels(lang);
        let mut s = format!("{} — {} ({})\n\n", l.quarterly, self.quarter, l.no_timeliness);
        s.push_str(&breakdown_table(&self.entered, &self.organisation_names, &l));
        s.push('\n');
        let mut rows = vec![vec![l.total.to_owned(), self.headcount.total.to_string()]];
        for (title, m) in [
            (l.region, &self.headcount.by_region),
            (l.organisation, &self.headcount.by_organisation),
            (l.position, &self.headcount.by_position),
        ] {
            rows.push(vec![format!("{title}:")]);
            for (k, v) in m {
                let label = match self.organisation_names.get(k) {
                    Some(n) => format!("  {k} {n}"),
                    None => format!("  {k}"),
                };
                rows.push(vec![label, v.to_string()]);
            }
        }
        s.push_str(&table(&[l.headcount, ""], &rows));
        s.push('\n');
        let mut rows: Vec<Vec<String>> = self
            .confirmations_by_quarter
            .iter()
            .map(|(q, v)| vec![q.to_string(), v.to_string()])
            .collect();
        rows.push(vec![format!("{}:", l.expired), self.expired_at_end.to_string()]);
        s.push_str(&table(&[l.confirmations, ""], &rows));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_strictly_and_round_trip() {
        for s in ["2025-01", "2025-12", "2028-02"] {
            assert_eq!(s.parse::<Month>().unwrap().to_string(), s);
        }
        for s in ["2025-1", "2025-00", "25-01", "2025/01", "2025-01-01", "２０２５-01"] {
            assert!(s.parse::<Month>().is_err(), "{s}");
        }
        for s in ["2025-Q1", "2025-Q4"] {
            assert_eq!(s.parse::<Quarter>().unwrap().to_string(), s);
        }
        for s in ["2025-Q0", "2025-Q5", "2025Q1", "2025-q1", "2025-Q11"] {
            assert!(s.parse::<Quarter>().is_err(), "{s}");
        }
        let d = |m, day| NaiveDate::from_ymd_opt(2028, m, day).unwrap();
        assert_eq!("2028-02".parse::<Month>().unwrap().last_day(), d(2, 29));
        assert_eq!(Quarter::of(d(5, 17)).to_string(), "2028-Q2");
        assert_eq!(Quarter::of(d(5, 17)).first_day(), d(4, 1));
        assert_eq!(Quarter::of(d(5, 17)).last_day(), d(6, 30));
    }

    #[test]
    fn submission_day_follows_the_parameter() {
        let p = Params { report_tenth_inclusive: true, ..Params::default() };
        let m: Month = "2025-12".parse().unwrap();
        assert_eq!(monthly_report(&[], m, &p).submission_due.to_string(), "2026-01-10");
        assert_eq!(
            monthly_report(&[], m, &Params::default()).submission_due.to_string(),
            "2026-01-09"
        );
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
