//! The expert's term of para 9 judged from the simulated cases, with the 16:00 cutoff and the
//! Kazakhstan working-day calendar ([`crate::expert_due`]), overall, by region and by
//! nosology; and the pilot's other per-form counts (forms, outside the pilot, returns for
//! missing examinations). One replication gives numbers ([`Val`]); [`aggregate`] gives their
//! means with 95 % Student-t intervals ([`Estimate`]) as the engine does for its own KPIs.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use ereje_calendar::Calendar;
use ereje_sim_engine::{CaseRecord, CaseState, Estimate, Scenario, Val, estimate};
use serde::Serialize;

use super::{EXPERT_STEP, OUTSIDE_PILOT, RETURN_STEP};
use crate::term::expert_due;

/// How the term is judged (echoed in the output).
pub const READING: &str = "Algorithm para 9: the expert conclusion by the end of the working day of receipt when received on a working day at or before 16:00:00, else by the end of the next working day (ereje_mse::expert_due, cutoff reading, built-in or --calendar working days); receipt = arrival in the expert's queue (push distribution); judged on cases that arrived after the warm-up; share within the term = within / (within + late + overdue in progress)";

/// The counts of one group of forms (post-warm-up arrivals).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TermKpis<N> {
    /// Forms created (arrivals).
    pub forms: N,
    /// Forms that ended outside the pilot (nosology or launch schedule).
    pub outside_pilot: N,
    /// Returns to the doctor for missing examinations (visits of `return_to_doctor`).
    pub returns: N,
    /// Draft acts received by an expert.
    pub received: N,
    /// Of those, received after 16:00 or on a non-working day (the term starts the next
    /// working day).
    pub received_after_cutoff: N,
    /// Received on a day whose term the calendar cannot compute (a year it does not know).
    pub no_term: N,
    /// Decided by the expert.
    pub decided: N,
    /// Decided by the end of the due day.
    pub within_term: N,
    /// Decided after the due day.
    pub late: N,
    /// Not decided at the horizon, the due day over: a breach known at the horizon.
    pub overdue_in_progress: N,
    /// Not decided at the horizon, the due day not over (left out of the share).
    pub pending: N,
    /// Breaches: `late` + `overdue_in_progress`.
    pub breaches: N,
    /// `within_term / (within_term + late + overdue_in_progress)`; `null` without any.
    pub share_within_term: N,
}

const FIELDS: usize = 13;

impl<N> TermKpis<N> {
    fn values(&self) -> [&N; FIELDS] {
        [
            &self.forms,
            &self.outside_pilot,
            &self.returns,
            &self.received,
            &self.received_after_cutoff,
            &self.no_term,
            &self.decided,
            &self.within_term,
            &self.late,
            &self.overdue_in_progress,
            &self.pending,
            &self.breaches,
            &self.share_within_term,
        ]
    }

    fn from_values(v: [N; FIELDS]) -> TermKpis<N> {
        let [
            forms,
            outside_pilot,
            returns,
            received,
            received_after_cutoff,
            no_term,
            decided,
            within_term,
            late,
            overdue_in_progress,
            pending,
            breaches,
            share_within_term,
        ] = v;
        TermKpis {
            forms,
            outside_pilot,
            returns,
            received,
            received_after_cutoff,
            no_term,
            decided,
            within_term,
            late,
            overdue_in_progress,
            pending,
            breaches,
            share_within_term,
        }
    }
}

/// The expert's term of a run: overall, by the `region` label of the form's source (the
/// medical organisation's region) and by its `nosology` label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExpertTermReport<N> {
    /// How the term is judged ([`READING`]).
    pub reading: &'static str,
    /// All forms.
    pub all: TermKpis<N>,
    /// By region code.
    pub by_region: BTreeMap<String, TermKpis<N>>,
    /// By nosology code.
    pub by_nosology: BTreeMap<String, TermKpis<N>>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    forms: u64,
    outside_pilot: u64,
    returns: u64,
    received: u64,
    received_after_cutoff: u64,
    no_term: u64,
    decided: u64,
    within_term: u64,
    late: u64,
    overdue_in_progress: u64,
    pending: u64,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.forms += o.forms;
        self.outside_pilot += o.outside_pilot;
        self.returns += o.returns;
        self.received += o.received;
        self.received_after_cutoff += o.received_after_cutoff;
        self.no_term += o.no_term;
        self.decided += o.decided;
        self.within_term += o.within_term;
        self.late += o.late;
        self.overdue_in_progress += o.overdue_in_progress;
        self.pending += o.pending;
    }

    fn kpis(&self) -> TermKpis<Val> {
        let judged = self.within_term + self.late + self.overdue_in_progress;
        TermKpis {
            forms: Val::count(self.forms),
            outside_pilot: Val::count(self.outside_pilot),
            returns: Val::count(self.returns),
            received: Val::count(self.received),
            received_after_cutoff: Val::count(self.received_after_cutoff),
            no_term: Val::count(self.no_term),
            decided: Val::count(self.decided),
            within_term: Val::count(self.within_term),
            late: Val::count(self.late),
            overdue_in_progress: Val::count(self.overdue_in_progress),
            pending: Val::count(self.pending),
            breaches: Val::count(self.late + self.overdue_in_progress),
            share_within_term: Val::ratio(self.within_term, judged),
        }
    }
}

/// Judges one case: its counts as a tally of one.
fn judge(
    case: &CaseRecord,
    receipt: Option<chrono::NaiveDateTime>,
    end: NaiveDate,
    calendar: &Calendar,
) -> Tally {
    let mut t = Tally {
        forms: 1,
        outside_pilot: u64::from(case.outcome.as_deref() == Some(OUTSIDE_PILOT)),
        returns: case.path.iter().filter(|s| *s == RETURN_STEP).count() as u64,
        ..Tally::default()
    };
    let Some(received) = receipt else { return t };
    t.received = 1;
    let Ok(due) = expert_due(received, calendar).map(|a| a.value) else {
        t.no_term = 1;
        return t;
    };
    t.received_after_cutoff = u64::from(due != received.date());
    let decided = (case.state == CaseState::Done && case.path.iter().any(|s| s == EXPERT_STEP))
        .then_some(case.end)
        .flatten();
    match decided {
        Some(at) => {
            t.decided = 1;
            if at.date() <= due {
                t.within_term = 1;
            } else {
                t.late = 1;
            }
        }
        // The horizon is the end of `end`: a due day up to it is over.
        None if due <= end => t.overdue_in_progress = 1,
        None => t.pending = 1,
    }
    t
}

/// The expert's term of one replication: `cases` are the case records of the full scenario,
/// `receipts` those of the same replication of [`super::receipt_scenario`] (a case that ended
/// there at [`EXPERT_STEP`] was received by an expert at its end). `scenario` gives the run's
/// last day (the horizon is its end) and the groups (every `region` and `nosology` label of its
/// sources, so that every replication has the same keys). Cases of the warm-up are left out.
///
/// # Errors
/// None: a receipt in a year the calendar does not know is counted in `no_term`.
///
/// # Example
/// ```
/// use ereje_calendar::Calendar;
/// use ereje_mse::process::{default_scenario, expert_term, receipt_scenario};
/// use ereje_sim_engine::{Model, WeekdaysOnly};
/// let mut s = default_scenario();
/// s.run.end = chrono::NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
/// let cut = receipt_scenario(&s).unwrap();
/// let (_, cases) = Model::compile(&s, &WeekdaysOnly).unwrap().run_replication(0, true);
/// let (_, receipts) = Model::compile(&cut, &WeekdaysOnly).unwrap().run_replication(0, true);
/// let report = expert_term(&s, &cases, &receipts, Calendar::builtin());
/// assert_eq!(report.all.forms.0, Some(cases.len() as f64));
/// assert!(report.all.share_within_term.0.unwrap() > 0.5);
/// assert_eq!(report.by_region.len(), 20);
/// ```
pub fn expert_term(
    scenario: &Scenario,
    cases: &[CaseRecord],
    receipts: &[CaseRecord],
    calendar: &Calendar,
) -> ExpertTermReport<Val> {
    let received: HashMap<_, _> = receipts
        .iter()
        .filter(|r| r.state == CaseState::Done && r.step == EXPERT_STEP)
        .filter_map(|r| Some((r.id, r.end?)))
        .collect();
    let mut all = Tally::default();
    let group = |key: &str| -> BTreeMap<String, Tally> {
        scenario
            .sources
            .iter()
            .filter_map(|s| s.labels.get(key))
            .map(|v| (v.clone(), Tally::default()))
            .collect()
    };
    let mut by_region = group("region");
    let mut by_nosology = group("nosology");
    for case in cases.iter().filter(|c| !c.warm_up) {
        let t = judge(case, received.get(&case.id).copied(), scenario.run.end, calendar);
        all.add(&t);
        for (key, map) in [("region", &mut by_region), ("nosology", &mut by_nosology)] {
            if let Some(v) = case.attributes.get(key) {
                map.entry(v.clone()).or_default().add(&t);
            }
        }
    }
    let kpis = |m: BTreeMap<String, Tally>| m.into_iter().map(|(k, t)| (k, t.kpis())).collect();
    ExpertTermReport {
        reading: READING,
        all: all.kpis(),
        by_region: kpis(by_region),
        by_nosology: kpis(by_nosology),
    }
}

fn combine<'a>(reps: impl Iterator<Item = &'a TermKpis<Val>>) -> TermKpis<Estimate> {
    let mut columns: [Vec<f64>; FIELDS] = Default::default();
    for k in reps {
        for (col, v) in columns.iter_mut().zip(k.values()) {
            col.extend(v.0);
        }
    }
    TermKpis::from_values(columns.map(|c| estimate(&c)))
}

fn combine_map(
    reps: &[ExpertTermReport<Val>],
    pick: fn(&ExpertTermReport<Val>) -> &BTreeMap<String, TermKpis<Val>>,
) -> BTreeMap<String, TermKpis<Estimate>> {
    let keys: Vec<&String> = reps.iter().flat_map(|r| pick(r).keys()).collect();
    let mut out = BTreeMap::new();
    for key in keys {
        if !out.contains_key(key) {
            out.insert(key.clone(), combine(reps.iter().filter_map(|r| pick(r).get(key))));
        }
    }
    out
}

/// The replications' reports combined: every number is the mean over the replications where
/// it is defined, with the 95 % Student-t interval of that mean (`null` with fewer than two).
///
/// # Errors
/// None: no replications give undefined numbers.
///
/// # Example
/// ```
/// use ereje_mse::process::{ExpertTermReport, TERM_READING, TermKpis, aggregate};
/// use ereje_sim_engine::Val;
/// let rep = |n: f64| ExpertTermReport {
///     reading: TERM_READING,
///     all: TermKpis { forms: Val::of(n), ..TermKpis::default() },
///     by_region: Default::default(),
///     by_nosology: Default::default(),
/// };
/// let a = aggregate(&[rep(10.0), rep(20.0)]);
/// assert_eq!(a.all.forms.mean, Val::of(15.0));
/// assert!(a.all.forms.ci95.is_some());
/// assert_eq!(a.all.share_within_term.mean, Val(None));
/// ```
pub fn aggregate(reps: &[ExpertTermReport<Val>]) -> ExpertTermReport<Estimate> {
    ExpertTermReport {
        reading: READING,
        all: combine(reps.iter().map(|r| &r.all)),
        by_region: combine_map(reps, |r| &r.by_region),
        by_nosology: combine_map(reps, |r| &r.by_nosology),
    }
}
