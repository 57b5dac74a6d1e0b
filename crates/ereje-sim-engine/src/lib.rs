//! Discrete-event simulation of administrative processes on working time. The engine knows
//! nothing of any regulation: a regulation crate describes its procedure as a [`Process`] and the
//! engine answers how long it takes, which norm breaks first, where cases wait and how they end.
//!
//! - **Definitions** ([`Scenario`], [`Process`], [`Step`], [`Source`]) are typed serde data that
//!   round-trip through TOML; [`validate`] lists every problem with its [`KeyPath`].
//! - **Steps**: `staffed` (a role's pool of staff and FIFO queue; effort in working minutes, then
//!   an optional elapsed wait holding no staff), `system` (unlimited capacity, latency, outages),
//!   `applicant` (a delay), `condition` (by probability or by a predicate on case attributes),
//!   `end` (a terminal outcome). Each may carry a [`Norm`] and a citation; durations and norms
//!   can be labelled as scenario assumptions.
//! - **Time**: seconds since the start of the run; working time follows a [`Schedule`] on the
//!   working days of a [`WorkCalendar`]; working intervals are precomputed at compile time.
//! - **Randomness**: one ChaCha8 key per replication (seed, replication index), one stream per
//!   arrival source; each case gets its own sub-stream for its durations and branches; case ids
//!   are UUIDs built from the stream. Same seed and scenario → byte-identical output, for any
//!   number of threads.
//! - **Outputs**: [`Output`] with [`Kpis`] per replication ([`Val`]) and across replications
//!   ([`Estimate`]: mean and 95% Student-t interval); optional [`CaseRecord`]s.
//!
//! ```
//! use chrono::NaiveDate;
//! use ereje_sim_engine::*;
//!
//! let toml_text = r#"
//! [run]
//! start = "2025-01-06"
//! end = "2025-01-31"
//! seed = 1
//! replications = 3
//!
//! [process]
//! name = "desk"
//! start = "receive"
//! term = { working_days = 2 }
//!
//! [process.roles.clerk]
//! staff = 2
//!
//! [[process.steps]]
//! kind = "staffed"
//! id = "receive"
//! role = "clerk"
//! effort = { dist = "triangular", min = 10, mode = 20, max = 40, assumed = true }
//! norm = { working_minutes = 60 }
//! next = "complete"
//!
//! [[process.steps]]
//! kind = "condition"
//! id = "complete"
//! branches = [{ to = "assigned", probability = 0.9 }, { to = "refused", probability = 0.1 }]
//!
//! [[process.steps]]
//! kind = "end"
//! id = "assigned"
//! outcome = "assigned"
//!
//! [[process.steps]]
//! kind = "end"
//! id = "refused"
//! outcome = "refused"
//! reason = "documents incomplete"
//!
//! [[sources]]
//! name = "walk-in"
//! labels = { channel = "office" }
//! rate_per_working_day = 30
//! "#;
//! let scenario: Scenario = toml::from_str(toml_text).expect("well-formed scenario");
//! let model = Model::compile(&scenario, &WeekdaysOnly).expect("valid scenario");
//! let results = model.run(&RunOptions { threads: 2, ..RunOptions::default() });
//! let out = &results.output;
//! assert_eq!(out.replications, 3);
//! let all = &out.kpis.cases.all;
//! assert!(all.arrived.mean.0.unwrap_or(0.0) > 0.0);
//! assert!(out.kpis.steps["receive"].within_norm.mean.0.is_some());
//! assert_eq!(out.model.assumptions, vec!["step receive: effort (assumed)".to_string()]);
//! ```
#![deny(missing_docs)]

mod calendar;
mod clock;
mod def;
mod dist;
mod engine;
mod kpi;
mod model;
mod output;
#[cfg(any(test, feature = "proptest"))]
pub mod strategies;
#[cfg(test)]
mod tests;
mod validate;

pub use calendar::{FnCalendar, HolidayCalendar, WeekdaysOnly, WorkCalendar};
pub use def::{
    Branch, Break, Clock, ClockTime, ClockTimeError, Dist, Duration, Norm, Outage, Predicate,
    Process, Role, RunConfig, Scenario, Schedule, Source, Step, TimedCase,
};
pub use kpi::{
    Counts, Estimate, Grouped, Kpis, Lead, Quantiles, QueueSample, RoleKpis, StepKpis, Summary,
    Val, estimate,
};
pub use model::{Model, SimError};
pub use output::{
    CaseRecord, CaseState, ModelInfo, NormInfo, Output, Results, RoleInfo, RunOptions, SourceInfo,
    StepInfo,
};
pub use validate::{KeyPath, PathSegment, ValidationError, validate, validate_process};

/// Validates, compiles and runs a scenario in one call.
///
/// # Errors
/// As [`Model::compile`]: the scenario's problems, or a day the calendar does not know.
///
/// # Example
/// ```
/// use ereje_sim_engine::{simulate, RunOptions, Scenario, SimError, WeekdaysOnly};
/// let mut sc: Scenario = ereje_sim_engine::example_scenario();
/// assert!(simulate(&sc, &WeekdaysOnly, &RunOptions::default()).is_ok());
/// sc.run.replications = 0;
/// assert!(matches!(simulate(&sc, &WeekdaysOnly, &RunOptions::default()), Err(SimError::Invalid(_))));
/// ```
pub fn simulate(
    scenario: &Scenario,
    calendar: &dyn WorkCalendar,
    options: &RunOptions,
) -> Result<Results, SimError> {
    Ok(Model::compile(scenario, calendar)?.run(options))
}

/// A small valid scenario (one clerk, one step, one source over January 2025), for examples.
///
/// # Example
/// ```
/// assert!(ereje_sim_engine::validate(&ereje_sim_engine::example_scenario()).is_empty());
/// ```
pub fn example_scenario() -> Scenario {
    use chrono::NaiveDate;
    Scenario {
        run: RunConfig {
            start: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default(),
            end: NaiveDate::from_ymd_opt(2025, 1, 31).unwrap_or_default(),
            warm_up_days: 0,
            seed: 1,
            replications: 1,
        },
        process: Process {
            name: "example".into(),
            start: "work".into(),
            term: None,
            term_assumed: false,
            term_citation: None,
            schedules: Default::default(),
            roles: [("clerk".to_string(), Role::new(1))].into(),
            steps: vec![
                Step::staffed("work", "clerk", Duration::fixed(20.0), "done"),
                Step::end("done", "assigned"),
            ],
        },
        sources: vec![Source::new("desk", 10.0)],
        cases: vec![],
    }
}
