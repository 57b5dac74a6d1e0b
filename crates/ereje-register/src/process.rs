//! The professional register as a process the simulation engine runs, and the default scenario
//! of `ereje-sim register`: one region's health workforce over 2025 — hires, data changes,
//! transfers and dismissals entered by the personnel specialists, certificates reaching the
//! notice date (para 14.4) and, unconfirmed, the day after their validity ends (para 14.5).
//!
//! - [`default_scenario`]: 2025, labelled [`LABEL`]; shipped as
//!   `fixtures/register/sim-default.toml` (a test keeps the two equal). Every volume, share,
//!   duration and staff figure is a scenario assumption: the act sets only the three working days
//!   of para 8, the two months of para 14.4 and the blocking of para 14.5.
//! - The three-working-day term of para 8 is the norm `{ working_days = 3 }` of the steps
//!   `hire_entry` and `transfer_entry`: the engine counts the working days in (entry date, exit
//!   date], so the term starts the day after the hire, as [`crate::hire_entry_due`] counts it
//!   (the case enters the step on the hire date; it is within the norm when the entry is finished
//!   on or before the third working day after it).
//! - Certificates: each case of the source `certificate` arrives at 00:00–01:00 of a certificate's
//!   notice date; the register's job (`notice`, a system step) sends the notice, judged by the
//!   norm `{ calendar_days = 0 }` (sent on the notice date). An unconfirmed certificate waits
//!   62 calendar days (two months ≈ 60.8 days to the end of validity, plus the day after: an
//!   approximation of the exact month arithmetic of [`crate::notice_date`]) and reaches `block`,
//!   judged by `{ calendar_days = 0 }` (blocked on the day after validity ends); the account stays
//!   blocked (`blocked`) until the certificate is confirmed.
//! - Not modelled: the monthly reports of para 6 (compiled by the national coordinator from the
//!   register, not by the simulated staff), and whether a worker keeps practising on an expired
//!   certificate (the register does not see practice); [`notes`] says so on every output.
//!
//! ```
//! use ereje_register::process;
//! let s = process::default_scenario();
//! assert!(ereje_sim_engine::validate(&s).is_empty());
//! assert_eq!(s.process.roles["personnel"].staff, 2);
//! assert!(process::notes(&s).iter().any(|n| n.contains("monthly reports (para 6)")));
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ereje_sim_engine::{
    Branch, Clock, Dist, Duration, Norm, Outage, Process, Role, RunConfig, Scenario, Source, Step,
    TimedCase,
};

/// The label every output of the default scenario carries.
pub const LABEL: &str = "one region's health-worker register, 2025 (volumes: assumption)";

/// The process name (`process.name` of the scenario, the `ereje-sim` subcommand).
pub const NAME: &str = "register";

/// The role of the personnel specialists who enter the data.
pub const ROLE: &str = "personnel";

/// The order's short citation.
macro_rules! cite {
    ($place:literal) => {
        concat!("order ҚР ДСМ-253/2020 (wording of order No. 66 of 16.07.2025), ", $place)
    };
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn tri(min: f64, mode: f64, max: f64) -> Duration {
    Duration::new(Dist::Triangular { min, mode, max }).assumed()
}

fn uniform(min: f64, max: f64) -> Duration {
    Duration::new(Dist::Uniform { min, max }).assumed()
}

/// Minutes in a calendar day.
const DAY: f64 = 1440.0;

/// The assumed register outage (illustrative: the act says nothing of availability).
fn outages() -> Vec<Outage> {
    let at = |d: u32| date(2025, 9, d).and_hms_opt(0, 0, 0).unwrap_or_default();
    vec![Outage { from: at(15), to: at(17) }]
}

fn source(name: &str, rate: f64, entry: &str, event: &str) -> Source {
    let mut s = Source::new(name, rate).with_label("event", event);
    s.entry = Some(entry.to_owned());
    s
}

/// The built-in scenario of `ereje-sim register` (`fixtures/register/sim-default.toml`, key by
/// key with the basis of each figure).
///
/// # Example
/// ```
/// let s = ereje_register::process::default_scenario();
/// assert_eq!(s.run.start.to_string(), "2025-01-01");
/// assert_eq!(s.sources.len(), 6);
/// assert_eq!(s.cases.len(), 12);
/// ```
pub fn default_scenario() -> Scenario {
    let mut roles = BTreeMap::new();
    roles.insert(ROLE.to_owned(), Role::new(2));
    roles.insert(COORDINATOR.to_owned(), Role::new(1));
    let steps = vec![
        Step::staffed("hire_entry", ROLE, tri(20.0, 30.0, 60.0), "entered")
            .with_norm(Norm::WorkingDays(crate::HIRE_TERM_WORKING_DAYS))
            .with_citation(cite!(
                "para 8: a new worker's data within three working days of hiring"
            )),
        Step::staffed("transfer_entry", ROLE, tri(15.0, 25.0, 45.0), "entered")
            .with_norm(Norm::WorkingDays(crate::HIRE_TERM_WORKING_DAYS))
            .with_citation(cite!(
                "para 8; Labour Code art. 49 sp. 4: a transfer to another employer is a hire by it"
            )),
        Step::staffed("change_entry", ROLE, tri(5.0, 10.0, 20.0), "entered")
            .with_citation(cite!("para 9: changes entered, no term set")),
        Step::staffed("dismissal_entry", ROLE, tri(5.0, 8.0, 15.0), "entered")
            .with_citation(cite!("para 9: outflow entered, no term set")),
        Step::end("entered", "entered"),
        Step::staffed("monthly_report", COORDINATOR, tri(240.0, 480.0, 960.0), "reported")
            .with_norm(Norm::CalendarDays(REPORT_DAYS))
            .with_citation(cite!(
                "para 6: the information on registration, accounting, migration and outflow submitted to the Ministry by the 10th of the following month (the 10th outside by default: report.tenth_inclusive)"
            )),
        Step::end("reported", "report submitted"),
        Step::System {
            id: "notice".to_owned(),
            latency: uniform(30.0, 240.0),
            outages: outages(),
            next: "confirmation".to_owned(),
            norm: Some(Norm::CalendarDays(0)),
            norm_assumed: false,
            citation: Some(
                cite!("para 14.4: notice two months before the certificate's validity ends")
                    .to_owned(),
            ),
        },
        Step::condition(
            "confirmation",
            vec![
                Branch::probability("confirmed_in_time", 0.85),
                Branch::probability("until_expiry", 0.15),
            ],
        ),
        Step::applicant("confirmed_in_time", uniform(0.0, 60.0 * DAY), "confirmed")
            .with_citation("Code art. 27: validity confirmed every five years"),
        Step::end("confirmed", "confirmed before expiry"),
        Step::applicant("until_expiry", Duration::fixed(62.0 * DAY).assumed(), "block"),
        Step::System {
            id: "block".to_owned(),
            latency: uniform(30.0, 240.0),
            outages: outages(),
            next: "blocked".to_owned(),
            norm: Some(Norm::CalendarDays(0)),
            norm_assumed: false,
            citation: Some(
                cite!("para 14.5: the account blocked when the certificate's validity ends")
                    .to_owned(),
            ),
        },
        Step::applicant(
            "blocked",
            Duration::new(Dist::Lognormal { mean: 45.0 * DAY, sd: 40.0 * DAY }).assumed(),
            "unblocked",
        ),
        Step::end("unblocked", "confirmed after blocking"),
    ];
    let mut certificate = source("certificate", 9.7, "notice", "certificate_notice");
    certificate.clock = Clock::Calendar;
    let mut profile = vec![0.0; 24];
    if let Some(h) = profile.first_mut() {
        *h = 1.0;
    }
    certificate.hour_profile = Some(profile);
    Scenario {
        run: RunConfig {
            start: date(2025, 1, 1),
            end: date(2025, 12, 31),
            warm_up_days: 0,
            seed: 253,
            replications: 5,
        },
        process: Process {
            name: NAME.to_owned(),
            start: "hire_entry".to_owned(),
            term: None,
            term_assumed: false,
            term_citation: None,
            schedules: BTreeMap::new(),
            roles,
            steps,
        },
        sources: vec![
            source("hire", 7.5, "hire_entry", "hire"),
            source("transfer", 2.0, "transfer_entry", "transfer"),
            source("change", 30.0, "change_entry", "change"),
            source("dismissal", 7.0, "dismissal_entry", "dismissal"),
            certificate,
            source("monthly_report", 0.0, "monthly_report", "monthly_report"),
        ],
        cases: monthly_reports(2025),
    }
}

/// The coordinator's role: the national coordinator who compiles the monthly report (para 6).
pub const COORDINATOR: &str = "coordinator";

/// The monthly report's term in calendar days from the 1st of the following month: the last day is
/// the 10th (`MONTHLY_REPORT_DAY`, para 6), or the 9th under the default reading of «10-на дейін»
/// (`report.tenth_inclusive` = false); 8 days by default.
/// A scenario for the other reading sets `{ calendar_days = 9 }` on the step.
pub const REPORT_DAYS: u32 = crate::MONTHLY_REPORT_DAY - 2;

/// One timed case per month of `year`: the report on month M starts on the 1st of M + 1 at 09:00
/// (the December report falls after a one-year run and is left out by the engine).
pub fn monthly_reports(year: i32) -> Vec<TimedCase> {
    (1..=12u32)
        .filter_map(|m| {
            let (y, next) = if m == 12 { (year + 1, 1) } else { (year, m + 1) };
            let at = NaiveDate::from_ymd_opt(y, next, 1)?.and_hms_opt(9, 0, 0)?;
            let mut attributes = BTreeMap::new();
            attributes.insert("month".to_owned(), format!("{year}-{m:02}"));
            Some(TimedCase { source: "monthly_report".to_owned(), at, attributes, id: None })
        })
        .collect()
}

/// The lines every output of a register run carries besides the label and the engine's
/// assumptions: the reading of the terms and what is not modelled.
///
/// # Example
/// ```
/// let s = ereje_register::process::default_scenario();
/// let notes = ereje_register::process::notes(&s);
/// assert!(notes.iter().any(|n| n.contains("three working days")));
/// ```
pub fn notes(scenario: &Scenario) -> Vec<String> {
    let staff = scenario.process.roles.get(ROLE).map_or(0, |r| r.staff);
    vec![
        format!("personnel specialists (FTE on register work): {staff} (assumption)"),
        "para 8: three working days from the hire, counted from the next day (hire_entry, transfer_entry norm working_days = 3); applied over the whole window, also before the 2025 wording is in force".to_owned(),
        "para 14.4: a notice is on time when sent on its notice date (notice norm calendar_days = 0); para 14.5: an account is blocked on time on the day after validity ends (block norm calendar_days = 0); two months + 1 day ≈ 62 calendar days (approximation)".to_owned(),
        "register job latency 30–240 min and an outage 2025-09-15 – 2025-09-16: assumptions".to_owned(),
        "monthly reports (para 6): one timed case a month for the national coordinator (effort assumed), due by the 9th of the following month; practice on an expired certificate: the register cannot see practice, so the KPI is its register-side proxy, the time an expired certificate's account stays unblocked".to_owned(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_is_the_default_scenario() {
        let text = include_str!("../../../fixtures/register/sim-default.toml");
        let parsed: Scenario = toml::from_str(text).unwrap();
        assert_eq!(parsed, default_scenario());
        assert_eq!(ereje_sim_engine::validate(&parsed), vec![]);
    }

    #[test]
    fn the_entry_norm_counts_like_the_act() {
        // The engine's working-days norm counts the working days in (hire date, entry date]:
        // the act's due date is the third of them.
        let cal = ereje_calendar::Calendar::builtin();
        for hire in [date(2025, 1, 3), date(2025, 3, 6), date(2025, 12, 12), date(2025, 5, 8)] {
            let got = crate::hire_entry_due(cal, hire).unwrap().value;
            assert!(cal.is_working(got).unwrap().value, "{hire}");
            let mut n = 0;
            let mut d = hire;
            while d < got {
                d = d.succ_opt().unwrap();
                if cal.is_working(d).unwrap().value {
                    n += 1;
                }
            }
            assert_eq!(n, 3, "{hire}");
        }
    }
}
