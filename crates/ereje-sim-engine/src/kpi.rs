//! KPI structures, per replication ([`Val`]) and across replications ([`Estimate`]), and the
//! statistics behind them (nearest-rank percentiles, Student-t confidence intervals).
//!
//! Every KPI structure is generic over its number type `N`, so one shape serves both a single
//! replication (`Kpis<Val>`) and the aggregate (`Kpis<Estimate>`). Every replication of a model has
//! the same keys (all sources, steps, roles, outcomes and sample days are present even when zero),
//! which is what lets [`aggregate`] combine them slot by slot.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// A number from one replication, or `null` when undefined (a percentile of no cases, a share
/// within a norm that is not set). Whole numbers serialize as JSON integers.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Val(pub Option<f64>);

impl Val {
    /// A defined value.
    pub fn of(x: f64) -> Val {
        Val(Some(x))
    }

    /// A count.
    pub fn count(n: u64) -> Val {
        Val(Some(n as f64))
    }

    /// `num / den`, undefined when `den` is 0.
    pub fn ratio(num: u64, den: u64) -> Val {
        Val((den > 0).then(|| num as f64 / den as f64))
    }
}

impl Serialize for Val {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            None => s.serialize_none(),
            Some(x) if !x.is_finite() => s.serialize_none(),
            Some(x) if x.fract() == 0.0 && x.abs() < 9.007_199_254_740_992e15 => {
                s.serialize_i64(x as i64)
            }
            Some(x) => s.serialize_f64(x),
        }
    }
}

/// A KPI across replications: the mean of the replications where it is defined, and the 95%
/// Student-t confidence interval of that mean (`null` with fewer than 2 such replications).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Estimate {
    /// The mean over replications (`null` when undefined in all of them).
    pub mean: Val,
    /// `[low, high]`: mean ∓ t(0.975, n−1) · s / √n.
    pub ci95: Option<[f64; 2]>,
}

/// Statistics of one group of cases, or of the whole set of cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grouped<T> {
    /// All cases.
    pub all: T,
    /// By source name.
    pub by_source: BTreeMap<String, T>,
    /// By label key, then label value (sources without the label are not in it).
    pub by_label: BTreeMap<String, BTreeMap<String, T>>,
}

impl<T> Grouped<T> {
    fn map<U>(&self, g: &mut dyn FnMut(&T) -> U) -> Grouped<U> {
        Grouped {
            all: g(&self.all),
            by_source: self.by_source.iter().map(|(k, v)| (k.clone(), g(v))).collect(),
            by_label: self
                .by_label
                .iter()
                .map(|(k, m)| (k.clone(), m.iter().map(|(v, t)| (v.clone(), g(t))).collect()))
                .collect(),
        }
    }
}

/// Where the arrivals of a group ended. Every arrival (warm-up included) is in exactly one of
/// `ends` or `in_progress`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counts<N> {
    /// Arrivals in the window, warm-up included.
    pub arrived: N,
    /// Of which arrived during the warm-up (excluded from the other KPIs).
    pub warm_up: N,
    /// By terminal step id.
    pub ends: BTreeMap<String, N>,
    /// By outcome (a terminal step's `outcome`).
    pub outcomes: BTreeMap<String, N>,
    /// Still in the process at the horizon.
    pub in_progress: N,
    /// Of those, by the step they are in (queued, served or waiting).
    pub in_progress_at: BTreeMap<String, N>,
}

/// Five numbers describing a distribution of values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantiles<N> {
    /// Mean.
    pub mean: N,
    /// Median (nearest rank).
    pub p50: N,
    /// 90th percentile (nearest rank).
    pub p90: N,
    /// 99th percentile (nearest rank).
    pub p99: N,
    /// Maximum.
    pub max: N,
}

/// Mean and 90th percentile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary<N> {
    /// Mean.
    pub mean: N,
    /// 90th percentile (nearest rank).
    pub p90: N,
}

/// Lead time (arrival → terminal outcome) of the cases that arrived after the warm-up and ended
/// before the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lead<N> {
    /// Cases measured.
    pub completed: N,
    /// In calendar hours.
    pub calendar_hours: Quantiles<N>,
    /// In working days: working days in (arrival date, end date] (0 = same day).
    pub working_days: Quantiles<N>,
    /// Share of `completed` within the process term (`null` when no term is set).
    pub within_term: N,
    /// Post-warm-up cases in progress at the horizon that are already past the term.
    pub overdue_in_progress: N,
}

/// A step's KPIs over the visits of post-warm-up cases that left the step before the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepKpis<N> {
    /// Visits completed.
    pub completed: N,
    /// Share of completed visits within the step's norm (`null`: no norm set, or no visits).
    pub within_norm: N,
    /// Visits in progress at the horizon already past the norm.
    pub overdue_in_progress: N,
    /// Time in the step (queue included), working minutes of the step's schedule.
    pub working_minutes: Summary<N>,
    /// Time in the step (queue included), calendar hours.
    pub calendar_hours: Summary<N>,
}

/// A role's KPIs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleKpis<N> {
    /// Services started for post-warm-up cases.
    pub served: N,
    /// Waiting time in the queue before service, working minutes of the role's schedule, over the
    /// services counted in `served` (cases still queued at the horizon are not included).
    pub wait_working_minutes: Summary<N>,
    /// Busy staff time / (staff × working time) over [end of warm-up, horizon).
    pub utilisation: N,
    /// Time-average queue length (waiting, not in service) over [end of warm-up, horizon), calendar time.
    pub queue_mean: N,
    /// Longest queue over [end of warm-up, horizon).
    pub queue_max: N,
}

/// The state at the end of one working day (the end of the default schedule's last working
/// interval that day): queue length per role and cases in the process.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueSample<N> {
    /// The day.
    pub date: NaiveDate,
    /// Cases waiting in each role's queue.
    pub queued: BTreeMap<String, N>,
    /// Cases arrived and not yet at a terminal step.
    pub in_system: N,
}

/// All KPIs of a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kpis<N> {
    /// Events (pops of the event queue).
    pub events: N,
    /// Events per arrival.
    pub events_per_case: N,
    /// Where the arrivals ended.
    pub cases: Grouped<Counts<N>>,
    /// Lead times.
    pub lead_time: Grouped<Lead<N>>,
    /// By step id (terminal steps excluded).
    pub steps: BTreeMap<String, StepKpis<N>>,
    /// By role.
    pub roles: BTreeMap<String, RoleKpis<N>>,
    /// One sample per working day after the warm-up.
    pub queue_series: Vec<QueueSample<N>>,
}

fn map_map<N, M>(m: &BTreeMap<String, N>, f: &mut dyn FnMut(&N) -> M) -> BTreeMap<String, M> {
    m.iter().map(|(k, v)| (k.clone(), f(v))).collect()
}

impl<N> Counts<N> {
    fn map<M>(&self, f: &mut dyn FnMut(&N) -> M) -> Counts<M> {
        Counts {
            arrived: f(&self.arrived),
            warm_up: f(&self.warm_up),
            ends: map_map(&self.ends, f),
            outcomes: map_map(&self.outcomes, f),
            in_progress: f(&self.in_progress),
            in_progress_at: map_map(&self.in_progress_at, f),
        }
    }
}

impl<N> Quantiles<N> {
    fn map<M>(&self, f: &mut dyn FnMut(&N) -> M) -> Quantiles<M> {
        Quantiles {
            mean: f(&self.mean),
            p50: f(&self.p50),
            p90: f(&self.p90),
            p99: f(&self.p99),
            max: f(&self.max),
        }
    }
}

impl<N> Summary<N> {
    fn map<M>(&self, f: &mut dyn FnMut(&N) -> M) -> Summary<M> {
        Summary { mean: f(&self.mean), p90: f(&self.p90) }
    }
}

impl<N> Lead<N> {
    fn map<M>(&self, f: &mut dyn FnMut(&N) -> M) -> Lead<M> {
        Lead {
            completed: f(&self.completed),
            calendar_hours: self.calendar_hours.map(f),
            working_days: self.working_days.map(f),
            within_term: f(&self.within_term),
            overdue_in_progress: f(&self.overdue_in_progress),
        }
    }
}

impl<N> StepKpis<N> {
    fn map<M>(&self, f: &mut dyn FnMut(&N) -> M) -> StepKpis<M> {
        StepKpis {
            completed: f(&self.completed),
            within_norm: f(&self.within_norm),
            overdue_in_progress: f(&self.overdue_in_progress),
            working_minutes: self.working_minutes.map(f),
            calendar_hours: self.calendar_hours.map(f),
        }
    }
}

impl<N> RoleKpis<N> {
    fn map<M>(&self, f: &mut dyn FnMut(&N) -> M) -> RoleKpis<M> {
        RoleKpis {
            served: f(&self.served),
            wait_working_minutes: self.wait_working_minutes.map(f),
            utilisation: f(&self.utilisation),
            queue_mean: f(&self.queue_mean),
            queue_max: f(&self.queue_max),
        }
    }
}

impl<N> Kpis<N> {
    /// The same KPIs with every number replaced by `f(number)`, visiting them in a fixed order.
    pub fn map<M>(&self, f: &mut dyn FnMut(&N) -> M) -> Kpis<M> {
        Kpis {
            events: f(&self.events),
            events_per_case: f(&self.events_per_case),
            cases: self.cases.map(&mut |c| c.map(f)),
            lead_time: self.lead_time.map(&mut |l| l.map(f)),
            steps: self.steps.iter().map(|(k, v)| (k.clone(), v.map(f))).collect(),
            roles: self.roles.iter().map(|(k, v)| (k.clone(), v.map(f))).collect(),
            queue_series: self
                .queue_series
                .iter()
                .map(|s| QueueSample {
                    date: s.date,
                    queued: map_map(&s.queued, f),
                    in_system: f(&s.in_system),
                })
                .collect(),
        }
    }
}

/// Combines replications slot by slot into means and confidence intervals. `None` when there is
/// no replication.
pub(crate) fn aggregate(reps: &[Kpis<Val>]) -> Option<Kpis<Estimate>> {
    let first = reps.first()?;
    let mut columns: Vec<Vec<f64>> = Vec::new();
    for rep in reps {
        let mut i = 0usize;
        rep.map(&mut |v| {
            if columns.len() <= i {
                columns.push(Vec::with_capacity(reps.len()));
            }
            if let (Some(col), Some(x)) = (columns.get_mut(i), v.0) {
                col.push(x);
            }
            i += 1;
        });
    }
    let mut i = 0usize;
    Some(first.map(&mut |_| {
        let e = columns.get(i).map(|c| estimate(c)).unwrap_or_default();
        i += 1;
        e
    }))
}

/// Mean and 95% Student-t interval of a sample (`ci95` is `None` with fewer than two values), as
/// the engine reports every KPI across replications; exported so that KPIs a regulation computes
/// from case records are summarised the same way.
///
/// ```
/// let e = ereje_sim_engine::estimate(&[1.0, 2.0, 3.0]);
/// assert_eq!(e.mean.0, Some(2.0));
/// let [lo, hi] = e.ci95.unwrap();
/// assert!((hi - 2.0 - 4.303 * (1.0f64 / 3.0).sqrt()).abs() < 1e-9 && lo < 2.0);
/// assert!(ereje_sim_engine::estimate(&[5.0]).ci95.is_none());
/// ```
pub fn estimate(xs: &[f64]) -> Estimate {
    let n = xs.len();
    if n == 0 {
        return Estimate::default();
    }
    let mean = xs.iter().sum::<f64>() / n as f64;
    if n < 2 {
        return Estimate { mean: Val::of(mean), ci95: None };
    }
    let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64;
    let half = t_975(n - 1) * (var / n as f64).sqrt();
    Estimate { mean: Val::of(mean), ci95: Some([mean - half, mean + half]) }
}

/// The 0.975 quantile of Student's t with `df` degrees of freedom (exact to 3 decimals from the
/// table up to 30, then the Cornish–Fisher expansion around the normal quantile).
pub(crate) fn t_975(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    if df == 0 {
        return f64::NAN;
    }
    if let Some(t) = TABLE.get(df - 1) {
        return *t;
    }
    let z: f64 = 1.959_963_984_540_054;
    let v = df as f64;
    let (z3, z5, z7, z9) = (z.powi(3), z.powi(5), z.powi(7), z.powi(9));
    z + (z3 + z) / (4.0 * v)
        + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * v * v)
        + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * v.powi(3))
        + (79.0 * z9 + 776.0 * z7 + 1482.0 * z5 - 1920.0 * z3 - 945.0 * z) / (92160.0 * v.powi(4))
}

/// The 1-based nearest rank of percentile `p` among `n` values: ⌈p·n⌉, at least 1.
fn rank(p: f64, n: usize) -> usize {
    ((p * n as f64).ceil() as usize).clamp(1, n)
}

/// Nearest-rank percentile of sorted values: the ⌈p·n⌉-th smallest.
#[cfg(test)]
pub(crate) fn percentile(sorted: &[f64], p: f64) -> Val {
    if sorted.is_empty() {
        return Val(None);
    }
    Val(sorted.get(rank(p, sorted.len()) - 1).copied())
}

/// The nearest-rank percentiles `ps` (ascending) of `values`, reordering them in linear time
/// (successive selections, each in the part above the previous one), then the maximum.
fn select(values: &mut [f64], ps: &[f64], out: &mut [Val]) -> Val {
    let n = values.len();
    if n == 0 {
        return Val(None);
    }
    let mut lo = 0usize;
    for (p, slot) in ps.iter().zip(out.iter_mut()) {
        let k = rank(*p, n) - 1;
        if let Some(rest) = values.get_mut(lo..) {
            if k >= lo {
                let (_, x, _) = rest.select_nth_unstable_by(k - lo, f64::total_cmp);
                *slot = Val::of(*x);
                lo = k;
            }
        }
    }
    Val(values.get(lo..).and_then(|r| r.iter().copied().max_by(f64::total_cmp)))
}

fn mean_of(values: &[f64]) -> Val {
    Val((!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64))
}

/// Describes the values (reordering them).
pub(crate) fn quantiles(values: &mut [f64]) -> Quantiles<Val> {
    let mean = mean_of(values);
    let mut out = [Val(None); 3];
    let max = select(values, &[0.5, 0.9, 0.99], &mut out);
    let [p50, p90, p99] = out;
    Quantiles { mean, p50, p90, p99, max }
}

/// Summarises the values (reordering them).
pub(crate) fn summary(values: &mut [f64]) -> Summary<Val> {
    let mean = mean_of(values);
    let mut out = [Val(None)];
    select(values, &[0.9], &mut out);
    let [p90] = out;
    Summary { mean, p90 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let xs: Vec<f64> = (1..=10).map(f64::from).collect();
        for (p, want) in [(0.5, 5.0), (0.9, 9.0), (0.99, 10.0), (0.05, 1.0), (1.0, 10.0)] {
            assert_eq!(percentile(&xs, p), Val::of(want), "p={p}");
        }
        assert_eq!(percentile(&[], 0.5), Val(None));
    }

    #[test]
    fn selection_agrees_with_sorting() {
        let mut state = 99u64;
        for n in [1usize, 2, 3, 7, 10, 100, 1001] {
            let mut xs: Vec<f64> =
                (0..n).map(|_| (crate::dist::unit(&mut state) * 50.0).floor()).collect();
            let mut sorted = xs.clone();
            sorted.sort_by(f64::total_cmp);
            let q = quantiles(&mut xs);
            assert_eq!(q.p50, percentile(&sorted, 0.5), "n={n}");
            assert_eq!(q.p90, percentile(&sorted, 0.9), "n={n}");
            assert_eq!(q.p99, percentile(&sorted, 0.99), "n={n}");
            assert_eq!(q.max, Val(sorted.last().copied()), "n={n}");
        }
        assert_eq!(quantiles(&mut []).max, Val(None));
    }

    #[test]
    fn estimates_have_student_intervals() {
        assert_eq!(estimate(&[]), Estimate { mean: Val(None), ci95: None });
        assert_eq!(estimate(&[3.0]), Estimate { mean: Val::of(3.0), ci95: None });
        let e = estimate(&[1.0, 2.0, 3.0]);
        // s = 1, t(0.975, 2) = 4.303, half = 4.303 / √3
        let half = 4.303 / 3f64.sqrt();
        assert_eq!(e.mean, Val::of(2.0));
        let [lo, hi] = e.ci95.unwrap_or([0.0, 0.0]);
        assert!((lo - (2.0 - half)).abs() < 1e-12 && (hi - (2.0 + half)).abs() < 1e-12);
    }

    #[test]
    fn t_quantiles_are_continuous_past_the_table() {
        assert!((t_975(30) - 2.042).abs() < 1e-9);
        assert!((t_975(31) - 2.0395).abs() < 1e-3);
        assert!((t_975(60) - 2.0003).abs() < 1e-3);
        assert!((t_975(120) - 1.9799).abs() < 1e-3);
        assert!((t_975(100_000) - 1.96).abs() < 1e-3);
    }

    #[test]
    fn values_serialize_whole_numbers_as_integers() {
        let json =
            serde_json::to_string(&[Val::of(3.0), Val::of(0.25), Val(None), Val::of(f64::NAN)]);
        assert_eq!(json.ok().as_deref(), Some("[3,0.25,null,null]"));
    }
}
