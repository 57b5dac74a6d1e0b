//! The `--format json` object: the engine's output with what the command line adds (the
//! process, the label, the scenario's origin, the overridden parameters, the assumptions, the
//! calendar). No timestamps, no thread count: same binary, seed and scenario give the same bytes.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ereje_sim_engine::{Estimate, Kpis, ModelInfo, Output, Val};
use serde::Serialize;

/// Everything an output (table, JSON, HTML) is made from.
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    /// The simulated process (the subcommand), e.g. `social-payment`.
    pub process: &'a str,
    /// What was simulated, in words; says when figures are assumptions.
    pub label: &'a str,
    /// Where the scenario comes from.
    pub scenario: ScenarioInfo<'a>,
    /// The seed.
    pub seed: u64,
    /// Replications run.
    pub replications: u32,
    /// First simulated day.
    pub start: NaiveDate,
    /// Last simulated day (inclusive).
    pub end: NaiveDate,
    /// Warm-up, calendar days.
    pub warm_up_days: u32,
    /// Working days in the window.
    pub working_days: u32,
    /// Arrivals, summed over replications.
    pub cases: u64,
    /// Events (pops of the event queue), summed over replications.
    pub events: u64,
    /// Events per case.
    pub events_per_case: Val,
    /// The scenario values set on the command line (`--set`, `--seed`, `--replications`,
    /// `--from`, `--to`), by key path, as in effect.
    pub parameters: &'a BTreeMap<String, serde_json::Value>,
    /// Every figure of the run that is a scenario assumption rather than the act, one line each.
    pub assumptions: Vec<String>,
    /// The working-day calendar used.
    pub calendar: CalendarInfo,
    /// The simulated model: steps with norms (or `null`: no norm set) and citations, roles,
    /// sources.
    pub model: &'a ModelInfo,
    /// Means over replications with 95% confidence intervals (`null` with fewer than 2).
    pub kpis: &'a Kpis<Estimate>,
    /// KPIs the process adds to the engine's (for `mse`: `expert_term`, the expert's term
    /// judged with the 16:00 cutoff); absent when it adds none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process_kpis: Option<&'a serde_json::Value>,
    /// The tables of `process_kpis`, after the engine's (not serialized).
    #[serde(skip)]
    pub process_sections: &'a [crate::table::Section],
}

/// Where the scenario comes from.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioInfo<'a> {
    /// `built-in` or `file`.
    pub origin: &'static str,
    /// The file (for a built-in scenario, the shipped file it is).
    pub file: &'a str,
    /// The scenario's process name.
    pub name: &'a str,
}

/// The calendar a run used.
#[derive(Debug, Clone, Serialize)]
pub struct CalendarInfo {
    /// The years the calendar knows, e.g. `2023–2027`.
    pub known_years: String,
    /// The `--calendar` file laid over the built-in years, if any.
    pub file: Option<String>,
    /// Provisional years the run window touches (their transfers may still change).
    pub provisional_years: Vec<i32>,
}

/// The assumption lines of a run: the label, the process's notes (the act's window, the term,
/// switches, which inputs are assumptions), the engine's (assumed durations, norms, term), and
/// provisional calendar years.
pub fn assumptions(
    output: &Output,
    label: &str,
    notes: &[String],
    calendar: &CalendarInfo,
) -> Vec<String> {
    let mut v = vec![format!("scenario: {label}")];
    v.extend(notes.iter().cloned());
    v.extend(output.model.assumptions.iter().cloned());
    for y in &calendar.provisional_years {
        v.push(format!(
            "calendar year {y} is provisional: its transfers and Kurban Ait date may change"
        ));
    }
    v
}

/// Writes the report as one JSON line.
///
/// # Errors
/// An I/O error of the writer.
pub fn write(out: &mut dyn std::io::Write, report: &Report<'_>) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, report).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}
