//! Running a model: replications in parallel, merged in replication order, into one [`Output`]
//! (serializable, no timestamps) and optional per-case records.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::def::{Clock, Norm, Step};
use crate::engine::{Replication, replicate};
use crate::kpi::{Estimate, Kpis, Val, aggregate};
use crate::model::Model;

/// How to run a model. The results do not depend on `threads`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOptions {
    /// Worker threads for replications (at least 1 is used, at most one per replication).
    pub threads: usize,
    /// Keep one [`CaseRecord`] per simulated case (for `--cases-out`).
    pub cases: bool,
    /// Keep the KPIs of every replication in [`Output::replication_kpis`].
    pub per_replication: bool,
}

impl Default for RunOptions {
    /// One thread, no case records, per-replication KPIs kept.
    fn default() -> RunOptions {
        RunOptions { threads: 1, cases: false, per_replication: true }
    }
}

/// What a run yields.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// The KPIs and the echo of the model.
    pub output: Output,
    /// One record per case of every replication, in replication then arrival order (empty unless
    /// [`RunOptions::cases`]).
    pub cases: Vec<CaseRecord>,
}

/// The result of a run, serializable as the `ereje-sim` JSON (no timestamps: same seed and
/// scenario give byte-identical JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Output {
    /// The process's name.
    pub process: String,
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
    /// `events / cases`.
    pub events_per_case: Val,
    /// What was simulated: steps with norms, citations and assumptions; roles; sources.
    pub model: ModelInfo,
    /// Means and 95% confidence intervals across replications.
    pub kpis: Kpis<Estimate>,
    /// The KPIs of each replication, in order (when asked for).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub replication_kpis: Vec<Kpis<Val>>,
}

/// The echo of the model in an output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelInfo {
    /// The whole-process term, if any.
    pub term: Option<NormInfo>,
    /// The steps, in process order.
    pub steps: Vec<StepInfo>,
    /// The roles.
    pub roles: BTreeMap<String, RoleInfo>,
    /// The sources.
    pub sources: BTreeMap<String, SourceInfo>,
    /// Everything labelled a scenario assumption, one line each.
    pub assumptions: Vec<String>,
}

/// A norm as shown in outputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormInfo {
    /// The norm.
    pub norm: Norm,
    /// Readable, e.g. `8 working days`.
    pub text: String,
    /// A scenario assumption, not the act.
    pub assumed: bool,
    /// Its citation.
    pub citation: Option<String>,
}

/// A step as shown in outputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepInfo {
    /// Id.
    pub id: String,
    /// Kind (`staffed`, `system`, `applicant`, `condition`, `end`).
    pub kind: &'static str,
    /// Role of a staffed step.
    pub role: Option<String>,
    /// The norm, or `null`: "no norm set".
    pub norm: Option<NormInfo>,
    /// The citation.
    pub citation: Option<String>,
    /// The step's durations that are scenario assumptions (`effort`, `wait`, `latency`, `delay`).
    pub assumed: Vec<&'static str>,
    /// Outcome of a terminal step.
    pub outcome: Option<String>,
    /// Reason of a terminal step.
    pub reason: Option<String>,
}

/// A role as shown in outputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleInfo {
    /// Staff.
    pub staff: i64,
    /// Schedule name.
    pub schedule: String,
}

/// A source as shown in outputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceInfo {
    /// Labels.
    pub labels: BTreeMap<String, String>,
    /// Entry step.
    pub entry: String,
    /// Expected arrivals per working day.
    pub rate_per_working_day: f64,
    /// Working or calendar clock.
    pub clock: Clock,
}

/// Where a case was at the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    /// At a terminal step.
    Done,
    /// In a role's queue.
    Queued,
    /// Being served by staff.
    InService,
    /// In the elapsed wait of a staffed step.
    Waiting,
    /// In a system or applicant step.
    InStep,
}

/// One simulated case (a row of `--cases-out`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseRecord {
    /// Replication index (from 0).
    pub replication: u32,
    /// Case id, drawn from the replication's random stream (or given with a timed case).
    pub id: uuid::Uuid,
    /// Source name.
    pub source: String,
    /// Attribute values (labels, drawn and given attributes, `source`).
    pub attributes: BTreeMap<String, String>,
    /// Arrival, local time.
    pub arrival: NaiveDateTime,
    /// Arrived during the warm-up (excluded from KPIs).
    pub warm_up: bool,
    /// State at the end: done or where it is.
    pub state: CaseState,
    /// The terminal step, or the step the case is in at the horizon.
    pub step: String,
    /// Outcome, when done.
    pub outcome: Option<String>,
    /// The terminal step's reason, when done.
    pub reason: Option<String>,
    /// End, when done.
    pub end: Option<NaiveDateTime>,
    /// Lead time in calendar hours, when done.
    pub lead_time_hours: Option<f64>,
    /// Lead time in working days (working days in (arrival date, end date]), when done.
    pub lead_time_working_days: Option<u32>,
    /// Calendar hours spent waiting in role queues (before service started).
    pub queue_hours: f64,
    /// The steps visited, in order (conditions and the terminal step included).
    pub path: Vec<String>,
}

impl Model {
    /// Runs every replication (in parallel over `options.threads`) and merges them in replication
    /// order: the result is the same for any number of threads.
    ///
    /// # Example
    /// ```
    /// use ereje_sim_engine::{example_scenario, Model, RunOptions, WeekdaysOnly};
    /// let mut scenario = example_scenario();
    /// scenario.run.replications = 4;
    /// let model = Model::compile(&scenario, &WeekdaysOnly).unwrap();
    /// let one = model.run(&RunOptions { threads: 1, ..RunOptions::default() });
    /// let two = model.run(&RunOptions { threads: 2, ..RunOptions::default() });
    /// assert_eq!(one, two);
    /// assert!(one.output.kpis.lead_time.all.completed.ci95.is_some());
    /// ```
    pub fn run(&self, options: &RunOptions) -> Results {
        let n = self.scenario.run.replications;
        let threads = options.threads.clamp(1, n.max(1) as usize);
        let reps: Vec<Replication> = if threads == 1 {
            (0..n).map(|r| replicate(self, r, options.cases)).collect()
        } else {
            let next = AtomicU32::new(0);
            let slots: Mutex<Vec<Option<Replication>>> = Mutex::new((0..n).map(|_| None).collect());
            std::thread::scope(|s| {
                for _ in 0..threads {
                    s.spawn(|| {
                        loop {
                            let r = next.fetch_add(1, Ordering::Relaxed);
                            if r >= n {
                                break;
                            }
                            let rep = replicate(self, r, options.cases);
                            let mut guard =
                                slots.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                            if let Some(slot) = guard.get_mut(r as usize) {
                                *slot = Some(rep);
                            }
                        }
                    });
                }
            });
            slots
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .into_iter()
                .flatten()
                .collect()
        };
        self.merge(reps, options)
    }

    /// Runs one replication alone (replication `rep` of a full run gives the same KPIs), with its
    /// case records when `cases` is true.
    ///
    /// # Example
    /// ```
    /// use ereje_sim_engine::{example_scenario, Model, WeekdaysOnly};
    /// let model = Model::compile(&example_scenario(), &WeekdaysOnly).unwrap();
    /// let (kpis, cases) = model.run_replication(0, true);
    /// assert_eq!(kpis.cases.all.arrived.0, Some(cases.len() as f64));
    /// ```
    pub fn run_replication(&self, rep: u32, cases: bool) -> (Kpis<Val>, Vec<CaseRecord>) {
        let r = replicate(self, rep, cases);
        (r.kpis, r.cases)
    }

    fn merge(&self, reps: Vec<Replication>, options: &RunOptions) -> Results {
        let sc = &self.scenario;
        let cases_total: u64 = reps.iter().map(|r| r.arrivals).sum();
        let events: u64 = reps.iter().map(|r| r.events).sum();
        let kpi_list: Vec<Kpis<Val>> = reps.iter().map(|r| r.kpis.clone()).collect();
        let kpis = aggregate(&kpi_list).unwrap_or_else(|| self.empty_kpis());
        let mut cases = Vec::new();
        if options.cases {
            for r in reps {
                cases.extend(r.cases);
            }
        }
        let output = Output {
            process: sc.process.name.clone(),
            seed: sc.run.seed,
            replications: sc.run.replications,
            start: sc.run.start,
            end: sc.run.end,
            warm_up_days: sc.run.warm_up_days,
            working_days: self.days.working_count(),
            cases: cases_total,
            events,
            events_per_case: Val::ratio(events, cases_total),
            model: self.info(),
            kpis,
            replication_kpis: if options.per_replication { kpi_list } else { Vec::new() },
        };
        Results { output, cases }
    }

    fn empty_kpis(&self) -> Kpis<Estimate> {
        replicate(self, 0, false).kpis.map(&mut |_| Estimate::default())
    }

    /// The echo of the model that outputs carry.
    ///
    /// # Example
    /// ```
    /// use ereje_sim_engine::{example_scenario, Model, WeekdaysOnly};
    /// let info = Model::compile(&example_scenario(), &WeekdaysOnly).unwrap().info();
    /// assert_eq!(info.steps[0].norm, None); // "no norm set"
    /// ```
    pub fn info(&self) -> ModelInfo {
        let p = &self.scenario.process;
        let mut assumptions = Vec::new();
        let term = p.term.map(|n| NormInfo {
            norm: n,
            text: n.to_string(),
            assumed: p.term_assumed,
            citation: p.term_citation.clone(),
        });
        if p.term_assumed {
            if let Some(t) = &term {
                assumptions.push(format!("process term {} (assumed)", t.text));
            }
        }
        let steps = p
            .steps
            .iter()
            .map(|s| {
                let assumed: Vec<&'static str> =
                    s.durations().into_iter().filter(|(_, d)| d.assumed).map(|(n, _)| n).collect();
                for a in &assumed {
                    assumptions.push(format!("step {}: {a} (assumed)", s.id()));
                }
                if s.norm_assumed() {
                    assumptions.push(format!("step {}: norm (assumed)", s.id()));
                }
                let (role, outcome, reason) = match s {
                    Step::Staffed { role, .. } => (role.clone(), None, None),
                    Step::End { outcome, reason, .. } => {
                        (None, Some(outcome.clone()), reason.clone())
                    }
                    _ => (None, None, None),
                };
                StepInfo {
                    id: s.id().to_string(),
                    kind: s.kind(),
                    role,
                    norm: s.norm().map(|n| NormInfo {
                        norm: n,
                        text: n.to_string(),
                        assumed: s.norm_assumed(),
                        citation: s.citation().map(str::to_string),
                    }),
                    citation: s.citation().map(str::to_string),
                    assumed,
                    outcome,
                    reason,
                }
            })
            .collect();
        let roles = p
            .roles
            .iter()
            .map(|(k, r)| {
                (
                    k.clone(),
                    RoleInfo {
                        staff: r.staff,
                        schedule: r.schedule.clone().unwrap_or_else(|| "default".into()),
                    },
                )
            })
            .collect();
        let sources = self
            .scenario
            .sources
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    SourceInfo {
                        labels: s.labels.clone(),
                        entry: s.entry.clone().unwrap_or_else(|| p.start.clone()),
                        rate_per_working_day: s.rate_per_working_day,
                        clock: s.clock,
                    },
                )
            })
            .collect();
        ModelInfo { term, steps, roles, sources, assumptions }
    }
}
