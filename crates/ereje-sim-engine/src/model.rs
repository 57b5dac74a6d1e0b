//! Compiling a valid scenario into the model the event loop runs: indices instead of names,
//! seconds instead of minutes, precomputed working intervals and arrival intensities.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use crate::calendar::WorkCalendar;
use crate::clock::{DAY, Days, WorkClock};
use crate::def::{Clock, Norm, Predicate, Scenario, Schedule, Step};
use crate::dist::CDist;
use crate::validate::{SOURCE_ATTRIBUTE, ValidationError, schedule_of, validate};

/// Why a simulation could not run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SimError {
    /// The scenario has problems (all of them, in a stable order).
    #[error("invalid scenario: {}", join(.0))]
    Invalid(Vec<ValidationError>),
    /// The calendar does not know a day of the run window.
    #[error("the calendar does not know whether {date} is a working day")]
    UnknownDate {
        /// The day.
        date: NaiveDate,
    },
}

fn join(errors: &[ValidationError]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// An attribute value a case does not have.
pub(crate) const NONE: u32 = u32::MAX;

/// A norm in engine units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum CNorm {
    WorkingSecs(i64, usize),
    WorkingDays(u32),
    CalendarSecs(i64),
    CalendarDays(i64),
}

impl CNorm {
    fn new(n: &Norm, clock: usize) -> CNorm {
        match *n {
            Norm::WorkingMinutes(m) => CNorm::WorkingSecs((m * 60.0).round() as i64, clock),
            Norm::WorkingDays(d) => CNorm::WorkingDays(d),
            Norm::CalendarMinutes(m) => CNorm::CalendarSecs((m * 60.0).round() as i64),
            Norm::CalendarDays(d) => CNorm::CalendarDays(i64::from(d)),
        }
    }
}

/// A compiled predicate.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CPred {
    Eq(usize, u32),
    Ne(usize, u32),
    In(usize, Vec<u32>),
}

impl CPred {
    #[inline]
    pub(crate) fn test(&self, attrs: &[u32]) -> bool {
        match self {
            CPred::Eq(a, v) => attrs.get(*a) == Some(v),
            CPred::Ne(a, v) => attrs.get(*a) != Some(v),
            CPred::In(a, vs) => attrs.get(*a).is_some_and(|x| *x != NONE && vs.contains(x)),
        }
    }
}

/// A compiled step.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CKind {
    Staffed {
        role: usize,
        effort: CDist,
        wait: Option<(CDist, Option<usize>)>,
    },
    System {
        latency: CDist,
        outages: Vec<(i64, i64)>,
    },
    Applicant {
        delay: CDist,
        clock: Option<usize>,
    },
    /// Cumulative probabilities with their targets; the last threshold is 1.
    Prob(Vec<(f64, u32)>),
    Attr {
        branches: Vec<(CPred, u32)>,
        otherwise: u32,
    },
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CStep {
    pub(crate) kind: CKind,
    pub(crate) next: u32,
    pub(crate) norm: Option<CNorm>,
    /// The clock of working-minute KPIs: the role's for a staffed step, the default otherwise.
    pub(crate) clock: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CRole {
    pub(crate) name: String,
    pub(crate) staff: u32,
    pub(crate) clock: usize,
}

/// A stretch of constant arrival intensity: cumulative intensity `lam0..lam1` over `t0..t1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Piece {
    pub(crate) t0: i64,
    pub(crate) t1: i64,
    pub(crate) lam0: f64,
    pub(crate) lam1: f64,
    /// Seconds per unit of cumulative intensity.
    pub(crate) inv_density: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CSource {
    pub(crate) name: String,
    pub(crate) entry: u32,
    pub(crate) pieces: Vec<Piece>,
    /// Value per attribute from the labels and the name ([`NONE`] where absent).
    pub(crate) labels: Vec<u32>,
    /// Drawn attributes: attribute index and cumulative probabilities with values.
    pub(crate) draws: Vec<(usize, Vec<(f64, u32)>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CTimed {
    pub(crate) at: i64,
    pub(crate) source: usize,
    pub(crate) values: Vec<(usize, u32)>,
    pub(crate) id: Option<uuid::Uuid>,
}

/// A compiled, validated scenario, ready to run any number of times.
///
/// Compiling asks the calendar about every day of the run window once; running never does, so a
/// model is `Send + Sync` and replications run in parallel on it.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) scenario: Scenario,
    pub(crate) days: Days,
    pub(crate) horizon: i64,
    pub(crate) warm_up_end: i64,
    pub(crate) clocks: Vec<WorkClock>,
    pub(crate) steps: Vec<CStep>,
    pub(crate) roles: Vec<CRole>,
    pub(crate) sources: Vec<CSource>,
    pub(crate) timed: Vec<CTimed>,
    pub(crate) attr_names: Vec<String>,
    pub(crate) attr_values: Vec<Vec<String>>,
    pub(crate) term: Option<CNorm>,
    /// End-of-working-day sample times after the warm-up, with their day index.
    pub(crate) samples: Vec<(i64, usize)>,
    pub(crate) expected_cases: usize,
}

struct Interner {
    names: Vec<String>,
    index: BTreeMap<String, usize>,
    values: Vec<BTreeMap<String, u32>>,
}

impl Interner {
    fn attr(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len();
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        self.values.push(BTreeMap::new());
        i
    }

    fn value(&mut self, attr: usize, value: &str) -> u32 {
        let Some(map) = self.values.get_mut(attr) else { return NONE };
        let next = u32::try_from(map.len()).unwrap_or(NONE);
        *map.entry(value.to_string()).or_insert(next)
    }
}

impl Model {
    /// Validates a scenario and compiles it on a calendar.
    ///
    /// # Errors
    /// [`SimError::Invalid`] with every problem [`validate`] finds;
    /// [`SimError::UnknownDate`] when the calendar does not know a day of the window.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_sim_engine::*;
    /// let scenario = Scenario {
    ///     run: RunConfig {
    ///         start: NaiveDate::from_ymd_opt(2025, 1, 6).unwrap(),
    ///         end: NaiveDate::from_ymd_opt(2025, 1, 10).unwrap(),
    ///         warm_up_days: 0, seed: 7, replications: 2,
    ///     },
    ///     process: Process {
    ///         name: "tiny".into(), start: "work".into(), term: None, term_assumed: false,
    ///         term_citation: None, schedules: Default::default(),
    ///         roles: [("clerk".to_string(), Role::new(1))].into(),
    ///         steps: vec![Step::staffed("work", "clerk", Duration::fixed(20.0), "done"),
    ///                     Step::end("done", "assigned")],
    ///     },
    ///     sources: vec![Source::new("desk", 10.0)],
    ///     cases: vec![],
    /// };
    /// let model = Model::compile(&scenario, &WeekdaysOnly).unwrap();
    /// let results = model.run(&RunOptions::default());
    /// assert!(results.output.cases > 0);
    ///
    /// // A calendar that knows no day cannot run it:
    /// let blank = FnCalendar(|_| None);
    /// assert!(matches!(Model::compile(&scenario, &blank), Err(SimError::UnknownDate { .. })));
    /// ```
    pub fn compile(scenario: &Scenario, calendar: &dyn WorkCalendar) -> Result<Model, SimError> {
        let errors = validate(scenario);
        if !errors.is_empty() {
            return Err(SimError::Invalid(errors));
        }
        let run = &scenario.run;
        let process = &scenario.process;
        let mut working = Vec::new();
        let mut date = run.start;
        while date <= run.end {
            working.push(calendar.is_working_day(date).ok_or(SimError::UnknownDate { date })?);
            match date.succ_opt() {
                Some(d) => date = d,
                None => break,
            }
        }
        let days = Days::new(working);
        let n_days = days.len() as i64;
        let horizon = n_days * DAY;
        let warm_up_end = i64::from(run.warm_up_days) * DAY;

        // Clocks: 0 is `default`, then the other schedules by name.
        let fallback = Schedule::default();
        let mut clock_names: Vec<&str> = vec!["default"];
        clock_names
            .extend(process.schedules.keys().map(String::as_str).filter(|n| *n != "default"));
        let clocks: Vec<WorkClock> = clock_names
            .iter()
            .map(|n| WorkClock::new(&days, schedule_of(process, n, &fallback).unwrap_or(&fallback)))
            .collect();
        let clock_of =
            |name: Option<&str>| clock_names.iter().position(|n| Some(*n) == name).unwrap_or(0);

        let roles: Vec<CRole> = process
            .roles
            .iter()
            .map(|(name, r)| CRole {
                name: name.clone(),
                staff: u32::try_from(r.staff).unwrap_or(u32::MAX),
                clock: clock_of(r.schedule.as_deref()),
            })
            .collect();
        let role_index = |name: &str| roles.iter().position(|r| r.name == name).unwrap_or(0);
        let step_index: BTreeMap<&str, u32> = process
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id(), u32::try_from(i).unwrap_or(0)))
            .collect();
        let idx = |id: &str| step_index.get(id).copied().unwrap_or(0);

        // Attributes: `source` first, then every name mentioned anywhere, sorted.
        let mut interner =
            Interner { names: Vec::new(), index: BTreeMap::new(), values: Vec::new() };
        interner.attr(SOURCE_ATTRIBUTE);
        let mut mentioned: Vec<&str> = Vec::new();
        for s in &scenario.sources {
            mentioned.extend(s.labels.keys().map(String::as_str));
            mentioned.extend(s.attributes.keys().map(String::as_str));
        }
        for c in &scenario.cases {
            mentioned.extend(c.attributes.keys().map(String::as_str));
        }
        mentioned.sort_unstable();
        for name in mentioned {
            interner.attr(name);
        }

        let mut steps = Vec::with_capacity(process.steps.len());
        for step in &process.steps {
            let mut clock = 0;
            let (kind, next) = match step {
                Step::Staffed { role, effort, wait, wait_clock, next, .. } => {
                    let r = role_index(role.as_deref().unwrap_or(""));
                    clock = roles.get(r).map_or(0, |r| r.clock);
                    let wait = wait.map(|w| {
                        (
                            CDist::new(&w.dist),
                            if *wait_clock == Clock::Working { Some(clock) } else { None },
                        )
                    });
                    (CKind::Staffed { role: r, effort: CDist::new(&effort.dist), wait }, idx(next))
                }
                Step::System { latency, outages, next, .. } => {
                    let mut windows: Vec<(i64, i64)> = outages
                        .iter()
                        .map(|o| (secs_of(run.start, o.from), secs_of(run.start, o.to)))
                        .collect();
                    windows.sort_unstable();
                    let mut merged: Vec<(i64, i64)> = Vec::new();
                    for (a, b) in windows {
                        match merged.last_mut() {
                            Some(last) if a <= last.1 => last.1 = last.1.max(b),
                            _ => merged.push((a, b)),
                        }
                    }
                    (
                        CKind::System { latency: CDist::new(&latency.dist), outages: merged },
                        idx(next),
                    )
                }
                Step::Applicant { delay, clock: c, next, .. } => (
                    CKind::Applicant {
                        delay: CDist::new(&delay.dist),
                        clock: if *c == Clock::Working { Some(0) } else { None },
                    },
                    idx(next),
                ),
                Step::Condition { branches, otherwise, .. } => {
                    if branches.iter().all(|b| b.probability.is_some()) {
                        let mut cum = 0.0;
                        let mut table: Vec<(f64, u32)> = branches
                            .iter()
                            .map(|b| {
                                cum += b.probability.unwrap_or(0.0);
                                (cum, idx(&b.to))
                            })
                            .collect();
                        if let Some(last) = table.last_mut() {
                            last.0 = f64::INFINITY;
                        }
                        (CKind::Prob(table), 0)
                    } else {
                        let compiled = branches
                            .iter()
                            .filter_map(|b| {
                                b.when
                                    .as_ref()
                                    .map(|p| (compile_pred(p, &mut interner), idx(&b.to)))
                            })
                            .collect();
                        let o = idx(otherwise.as_deref().unwrap_or(""));
                        (CKind::Attr { branches: compiled, otherwise: o }, o)
                    }
                }
                Step::End { .. } => (CKind::End, 0),
            };
            steps.push(CStep {
                kind,
                next,
                norm: step.norm().map(|n| CNorm::new(&n, clock)),
                clock,
            });
        }

        let n_attrs = interner.names.len();
        let working_days = f64::from(days.working_count());
        let mut sources = Vec::with_capacity(scenario.sources.len());
        let mut expected = 0.0;
        for s in &scenario.sources {
            let mut labels = vec![NONE; n_attrs];
            if let Some(v) = labels.first_mut() {
                *v = interner.value(0, &s.name);
            }
            for (k, v) in &s.labels {
                let a = interner.attr(k);
                let value = interner.value(a, v);
                if let Some(slot) = labels.get_mut(a) {
                    *slot = value;
                }
            }
            let draws = s
                .attributes
                .iter()
                .map(|(k, values)| {
                    let a = interner.attr(k);
                    let mut cum = 0.0;
                    let mut table: Vec<(f64, u32)> = values
                        .iter()
                        .map(|(v, p)| {
                            cum += p;
                            (cum, interner.value(a, v))
                        })
                        .collect();
                    if let Some(last) = table.last_mut() {
                        last.0 = f64::INFINITY;
                    }
                    (a, table)
                })
                .collect();
            let clock = &clocks[clock_of(s.schedule.as_deref())];
            let pieces = arrival_pieces(s, clock, &days, working_days);
            expected += s.rate_per_working_day * working_days;
            sources.push(CSource {
                name: s.name.clone(),
                entry: idx(s.entry.as_deref().unwrap_or(&process.start)),
                pieces,
                labels,
                draws,
            });
        }

        let mut timed: Vec<(usize, CTimed)> = scenario
            .cases
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let at = secs_of(run.start, c.at);
                let source = scenario.sources.iter().position(|s| s.name == c.source)?;
                (0..horizon)
                    .contains(&at)
                    .then_some((i, CTimed { at, source, values: Vec::new(), id: c.id }))
            })
            .collect();
        for (i, t) in &mut timed {
            if let Some(c) = scenario.cases.get(*i) {
                t.values = c
                    .attributes
                    .iter()
                    .map(|(k, v)| {
                        let a = interner.attr(k);
                        (a, interner.value(a, v))
                    })
                    .collect();
            }
        }
        timed.sort_by_key(|(i, t)| (t.at, *i));
        let timed: Vec<CTimed> = timed.into_iter().map(|(_, t)| t).collect();

        let samples = (0..days.len())
            .filter_map(|d| clocks.first().and_then(|c| c.day_end(d)).map(|t| (t, d)))
            .filter(|(t, _)| *t >= warm_up_end)
            .collect();
        let mut attr_values: Vec<Vec<String>> = Vec::with_capacity(n_attrs);
        for map in &interner.values {
            let mut v = vec![String::new(); map.len()];
            for (name, &i) in map {
                if let Some(slot) = v.get_mut(i as usize) {
                    *slot = name.clone();
                }
            }
            attr_values.push(v);
        }
        Ok(Model {
            scenario: scenario.clone(),
            days,
            horizon,
            warm_up_end,
            term: process.term.map(|n| CNorm::new(&n, 0)),
            clocks,
            steps,
            roles,
            sources,
            expected_cases: (expected * 1.05) as usize + timed.len() + 16,
            timed,
            attr_names: interner.names,
            attr_values,
            samples,
        })
    }

    /// The scenario the model was compiled from.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Whether a stay from `entry` to `exit` (seconds) is within a norm.
    #[inline]
    pub(crate) fn within(&self, norm: CNorm, entry: i64, exit: i64) -> bool {
        match norm {
            CNorm::WorkingSecs(s, c) => match self.clocks.get(c) {
                Some(clock) => clock.pos(exit) - clock.pos(entry) <= s,
                None => true,
            },
            CNorm::WorkingDays(n) => self.days.working_days_between(entry, exit) <= n,
            CNorm::CalendarSecs(s) => exit - entry <= s,
            CNorm::CalendarDays(n) => exit.div_euclid(DAY) - entry.div_euclid(DAY) <= n,
        }
    }

    /// The local date-time `secs` seconds after the start of the run.
    pub(crate) fn datetime(&self, secs: i64) -> NaiveDateTime {
        self.scenario.run.start.and_time(chrono::NaiveTime::MIN) + TimeDelta::seconds(secs)
    }
}

fn compile_pred(p: &Predicate, interner: &mut Interner) -> CPred {
    match p {
        Predicate::Eq { attribute, value } => {
            let a = interner.attr(attribute);
            CPred::Eq(a, interner.value(a, value))
        }
        Predicate::Ne { attribute, value } => {
            let a = interner.attr(attribute);
            CPred::Ne(a, interner.value(a, value))
        }
        Predicate::In { attribute, values } => {
            let a = interner.attr(attribute);
            CPred::In(a, values.iter().map(|v| interner.value(a, v)).collect())
        }
    }
}

/// Seconds from 00:00 of `start` to `t`.
fn secs_of(start: NaiveDate, t: NaiveDateTime) -> i64 {
    (t - start.and_time(chrono::NaiveTime::MIN)).num_seconds()
}

/// The piecewise-constant arrival intensity of a source over the window: stretches of working
/// time (or all time) split at clock hours, weighted by the hour profile and scaled so that the
/// expected total is `rate × working days`.
fn arrival_pieces(
    s: &crate::def::Source,
    clock: &WorkClock,
    days: &Days,
    working_days: f64,
) -> Vec<Piece> {
    let expected = s.rate_per_working_day * working_days;
    if expected <= 0.0 {
        return Vec::new();
    }
    let weight = |t: i64| -> f64 {
        let hour = usize::try_from(t.rem_euclid(DAY) / 3600).unwrap_or(0);
        s.hour_profile.as_ref().map_or(1.0, |p| p.get(hour).copied().unwrap_or(0.0))
    };
    let stretches: Vec<(i64, i64)> = match s.clock {
        Clock::Working => clock.intervals().collect(),
        Clock::Calendar => vec![(0, days.len() as i64 * DAY)],
    };
    let mut raw: Vec<(i64, i64, f64)> = Vec::new();
    for (a, b) in stretches {
        let mut t = a;
        while t < b {
            let hour_end = (t.div_euclid(3600) + 1) * 3600;
            let e = hour_end.min(b);
            let w = weight(t);
            if w > 0.0 {
                raw.push((t, e, w));
            }
            t = e;
        }
    }
    let total: f64 = raw.iter().map(|(a, b, w)| (b - a) as f64 * w).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let scale = expected / total;
    let mut lam = 0.0;
    raw.into_iter()
        .map(|(t0, t1, w)| {
            let density = w * scale;
            let lam0 = lam;
            lam += (t1 - t0) as f64 * density;
            Piece { t0, t1, lam0, lam1: lam, inv_density: 1.0 / density }
        })
        .collect()
}
