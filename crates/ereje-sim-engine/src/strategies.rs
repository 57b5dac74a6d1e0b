//! Proptest strategies for distributions, durations and whole valid scenarios (feature
//! `proptest`), for this crate's property tests and for crates that build on the engine.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use crate::def::{Branch, Clock, Dist, Duration, Process, Role, RunConfig, Scenario, Source, Step};

/// A valid distribution with parameters up to `max_minutes`.
pub fn dist(max_minutes: f64) -> impl Strategy<Value = Dist> {
    let m = max_minutes.max(1.0);
    prop_oneof![
        (0.0..m).prop_map(|minutes| Dist::Fixed { minutes }),
        (0.0..m, 0.0..m).prop_map(|(a, b)| Dist::Uniform { min: a.min(b), max: a.max(b) }),
        (0.0..m, 0.0..m, 0.0..m).prop_map(|(a, b, c)| {
            let mut v = [a, b, c];
            v.sort_by(f64::total_cmp);
            Dist::Triangular { min: v[0], mode: v[1], max: v[2] }
        }),
        (0.1..m, 0.0..m).prop_map(|(mean, sd)| Dist::Lognormal { mean, sd }),
        (0.0..m.ln().max(0.1), 0.0..1.0f64)
            .prop_map(|(mu, sigma)| Dist::LognormalLog { mu, sigma }),
    ]
}

/// A valid duration, sometimes labelled an assumption.
pub fn duration(max_minutes: f64) -> impl Strategy<Value = Duration> {
    (dist(max_minutes), any::<bool>()).prop_map(|(dist, assumed)| Duration { dist, assumed })
}

/// One step of a generated chain, before ids are assigned.
#[derive(Debug, Clone)]
enum Shape {
    Staffed {
        role: usize,
        effort: Duration,
        wait: Option<Duration>,
    },
    System {
        latency: Duration,
    },
    Applicant {
        delay: Duration,
        clock: Clock,
    },
    /// Probabilities of: the next step, a refusal, a jump back to the first step.
    Condition {
        refuse: f64,
        back: f64,
    },
}

fn shape(roles: usize) -> impl Strategy<Value = Shape> {
    prop_oneof![
        3 => (0..roles, duration(60.0), proptest::option::weighted(0.2, duration(600.0)))
            .prop_map(|(role, effort, wait)| Shape::Staffed { role, effort, wait }),
        1 => duration(5.0).prop_map(|latency| Shape::System { latency }),
        1 => (duration(240.0), prop_oneof![Just(Clock::Working), Just(Clock::Calendar)])
            .prop_map(|(delay, clock)| Shape::Applicant { delay, clock }),
        1 => (0.0..0.5f64, prop_oneof![Just(0.0), 0.0..0.3f64])
            .prop_map(|(refuse, back)| Shape::Condition { refuse, back }),
    ]
}

/// A valid scenario: a chain of 1–6 steps (staffed, system, applicant, conditions that refuse or
/// send cases back to the start), 1–3 roles, 1–2 sources, a window of 3–30 days in 2025 on a
/// weekdays-only calendar, a short warm-up and 1–3 replications.
pub fn scenario() -> impl Strategy<Value = Scenario> {
    (1usize..=3)
        .prop_flat_map(|roles| {
            (
                proptest::collection::vec(1i64..=4, roles),
                proptest::collection::vec(shape(roles), 1..=6),
                proptest::collection::vec((0.0..40.0f64, any::<bool>()), 1..=2),
                (0u64..60, 2u64..30, 0u32..3, 0..=i64::MAX as u64, 1u32..=3),
            )
        })
        .prop_map(|(staff, shapes, sources, (offset, len, warm, seed, reps))| {
            build(&staff, &shapes, &sources, offset, len, warm, seed, reps)
        })
}

#[allow(clippy::too_many_arguments)]
fn build(
    staff: &[i64],
    shapes: &[Shape],
    sources: &[(f64, bool)],
    offset: u64,
    len: u64,
    warm: u32,
    seed: u64,
    reps: u32,
) -> Scenario {
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default() + Days::new(offset);
    let id = |i: usize| if i < shapes.len() { format!("s{i}") } else { "done".to_string() };
    let roles: BTreeMap<String, Role> =
        staff.iter().enumerate().map(|(i, &s)| (format!("r{i}"), Role::new(s))).collect();
    let mut steps: Vec<Step> = shapes
        .iter()
        .enumerate()
        .map(|(i, sh)| {
            let (me, next) = (id(i), id(i + 1));
            match sh {
                Shape::Staffed { role, effort, wait } => {
                    let mut s = Step::staffed(&me, &format!("r{role}"), *effort, &next);
                    if let Step::Staffed { wait: w, .. } = &mut s {
                        *w = *wait;
                    }
                    s
                }
                Shape::System { latency } => Step::system(&me, *latency, &next),
                Shape::Applicant { delay, clock } => {
                    let mut s = Step::applicant(&me, *delay, &next);
                    if let Step::Applicant { clock: c, .. } = &mut s {
                        *c = *clock;
                    }
                    s
                }
                Shape::Condition { refuse, back } => {
                    // A jump back needs a step that takes time on the cycle.
                    let timed = shapes
                        .get(..i)
                        .is_some_and(|s| s.iter().any(|s| !matches!(s, Shape::Condition { .. })));
                    let back = if timed { back } else { &0.0 };
                    let mut branches = vec![Branch::probability(&next, 1.0 - refuse - *back)];
                    branches.push(Branch::probability("refused", *refuse));
                    if *back > 0.0 {
                        branches.push(Branch::probability(&id(0), *back));
                    }
                    Step::condition(&me, branches)
                }
            }
        })
        .collect();
    steps.push(Step::end("done", "assigned"));
    steps.push(Step::end("refused", "refused"));
    Scenario {
        run: RunConfig {
            start,
            end: start + Days::new(len),
            warm_up_days: warm,
            seed,
            replications: reps,
        },
        process: Process {
            name: "generated".into(),
            start: id(0),
            term: Some(crate::def::Norm::WorkingDays(2)),
            term_assumed: true,
            term_citation: None,
            schedules: BTreeMap::new(),
            roles,
            steps,
        },
        sources: sources
            .iter()
            .enumerate()
            .map(|(i, &(rate, calendar))| {
                let mut s = Source::new(&format!("src{i}"), rate)
                    .with_label("channel", if i == 0 { "a" } else { "b" });
                if calendar {
                    s.clock = Clock::Calendar;
                }
                s
            })
            .collect(),
        cases: Vec::new(),
    }
}
