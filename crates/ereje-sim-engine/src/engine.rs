//! The event loop of one replication and the KPIs it yields.
//!
//! An *event* is one pop of a binary heap ordered by (time, sequence number): arrivals,
//! the end of a staff effort, the end of a wait, the end of a system or applicant step. Conditions
//! and terminal steps are passed through at once, without an event. Cases live in one `Vec`
//! indexed by `u32`; queues are `VecDeque<u32>` per role; nothing is allocated per event except
//! the amortised growth of the statistics vectors.

use std::collections::{BTreeMap, BinaryHeap, VecDeque};

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

use crate::clock::NEVER;
use crate::dist::{open_unit, unit};
use crate::kpi::{
    Counts, Grouped, Kpis, Lead, QueueSample, RoleKpis, StepKpis, Summary, Val, quantiles, summary,
};
use crate::model::{CKind, Model, NONE};
use crate::output::{CaseRecord, CaseState};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Waiting in a role's queue.
    Queued,
    /// Being served by staff.
    Service,
    /// In the elapsed wait of a staffed step.
    Waiting,
    /// In a system or applicant step.
    Busy,
    /// At a terminal step.
    Done,
}

#[derive(Debug, Clone, Copy)]
struct Case {
    arrival: i64,
    /// When the case entered its current step.
    entry: i64,
    end: i64,
    /// Calendar seconds spent in role queues so far.
    queued: i64,
    rng: u64,
    step: u32,
    source: u32,
    phase: Phase,
    kpi: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Arrival = 0,
    Timed = 1,
    EffortDone = 2,
    WaitDone = 3,
    StepDone = 4,
}

/// An event, packed in one `u128` whose order is the event order: time (40 bits, seconds; the
/// run window is at most 10,000 years), sequence number of the push (53 bits: unique, so ties in
/// time pop in push order), kind (3 bits) and case (or source, or timed-case) index (32 bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Ev(u128);

impl Ev {
    #[inline]
    fn new(time: i64, seq: u64, kind: Kind, case: u32) -> Ev {
        Ev(((time as u128) << 88)
            | (u128::from(seq) << 35)
            | ((kind as u128) << 32)
            | u128::from(case))
    }

    #[inline]
    fn time(self) -> i64 {
        (self.0 >> 88) as i64
    }

    #[inline]
    fn kind(self) -> Kind {
        match (self.0 >> 32) & 7 {
            0 => Kind::Arrival,
            1 => Kind::Timed,
            2 => Kind::EffortDone,
            3 => Kind::WaitDone,
            _ => Kind::StepDone,
        }
    }

    #[inline]
    fn case(self) -> u32 {
        self.0 as u32
    }
}

struct SourceState {
    rng: ChaCha8Rng,
    piece: usize,
    lam: f64,
}

/// A post-warm-up case that reached a terminal step.
struct LeadRec {
    source: u32,
    secs: i64,
    working_days: u32,
    within_term: bool,
}

/// The result of one replication.
pub(crate) struct Replication {
    pub(crate) kpis: Kpis<Val>,
    pub(crate) arrivals: u64,
    pub(crate) events: u64,
    pub(crate) cases: Vec<CaseRecord>,
}

/// The ChaCha8 key of replication `rep`: the seed and the replication index, little-endian.
fn rng_for(seed: u64, rep: u32, stream: u64) -> ChaCha8Rng {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..12].copy_from_slice(&rep.to_le_bytes());
    key[16..25].copy_from_slice(b"ereje-sim");
    let mut rng = ChaCha8Rng::from_seed(key);
    rng.set_stream(stream);
    rng
}

struct Sim<'m> {
    m: &'m Model,
    keep: bool,
    /// Min-heap through `Reverse`.
    heap: BinaryHeap<std::cmp::Reverse<Ev>>,
    seq: u64,
    cases: Vec<Case>,
    attrs: Vec<u32>,
    n_attrs: usize,
    ids: Vec<[u8; 16]>,
    path: Vec<(u32, u32)>,
    sources: Vec<SourceState>,
    timed_rng: ChaCha8Rng,
    queues: Vec<VecDeque<u32>>,
    free: Vec<u32>,
    events: u64,
    done: u64,
    arrived: Vec<u64>,
    warm: Vec<u64>,
    /// `ends[source * steps + step]` for terminal steps.
    ends: Vec<u64>,
    lead: Vec<LeadRec>,
    step_done: Vec<u64>,
    step_within: Vec<u64>,
    step_work: Vec<Vec<f64>>,
    step_cal: Vec<Vec<f64>>,
    waits: Vec<Vec<f64>>,
    busy: Vec<i64>,
    q_area: Vec<i128>,
    q_last: Vec<i64>,
    q_max: Vec<u64>,
    next_sample: usize,
    /// Per sample: queue length per role, then cases in the system.
    sampled: Vec<u64>,
}

impl<'m> Sim<'m> {
    fn new(m: &'m Model, rep: u32, keep: bool) -> Sim<'m> {
        let seed = m.scenario.run.seed;
        let n_steps = m.steps.len();
        let n_roles = m.roles.len();
        let cap = m.expected_cases;
        Sim {
            m,
            keep,
            heap: BinaryHeap::with_capacity(1024),
            seq: 0,
            cases: Vec::with_capacity(cap),
            attrs: Vec::with_capacity(cap * m.attr_names.len()),
            n_attrs: m.attr_names.len(),
            ids: Vec::with_capacity(if keep { cap } else { 0 }),
            path: Vec::new(),
            sources: (0..m.sources.len())
                .map(|s| SourceState { rng: rng_for(seed, rep, s as u64), piece: 0, lam: 0.0 })
                .collect(),
            timed_rng: rng_for(seed, rep, u64::MAX),
            queues: (0..n_roles).map(|_| VecDeque::with_capacity(256)).collect(),
            free: m.roles.iter().map(|r| r.staff).collect(),
            events: 0,
            done: 0,
            arrived: vec![0; m.sources.len()],
            warm: vec![0; m.sources.len()],
            ends: vec![0; m.sources.len() * n_steps],
            lead: Vec::with_capacity(cap),
            step_done: vec![0; n_steps],
            step_within: vec![0; n_steps],
            step_work: m
                .steps
                .iter()
                .map(|s| Vec::with_capacity(if matches!(s.kind, CKind::End) { 0 } else { cap / 2 }))
                .collect(),
            step_cal: m
                .steps
                .iter()
                .map(|s| Vec::with_capacity(if matches!(s.kind, CKind::End) { 0 } else { cap / 2 }))
                .collect(),
            waits: (0..n_roles).map(|_| Vec::with_capacity(cap)).collect(),
            busy: vec![0; n_roles],
            q_area: vec![0; n_roles],
            q_last: vec![0; n_roles],
            q_max: vec![0; n_roles],
            next_sample: 0,
            sampled: Vec::with_capacity(m.samples.len() * (n_roles + 1)),
        }
    }

    #[inline]
    fn push(&mut self, time: i64, kind: Kind, case: u32) {
        if time >= self.m.horizon || time < 0 {
            return;
        }
        self.seq += 1;
        self.heap.push(std::cmp::Reverse(Ev::new(time, self.seq, kind, case)));
    }

    fn schedule_arrival(&mut self, s: usize) {
        let Some(src) = self.m.sources.get(s) else { return };
        let Some(st) = self.sources.get_mut(s) else { return };
        st.lam -= open_unit(st.rng.next_u64()).ln();
        while src.pieces.get(st.piece).is_some_and(|p| p.lam1 < st.lam) {
            st.piece += 1;
        }
        if let Some(p) = src.pieces.get(st.piece) {
            let t = p.t0 + ((st.lam - p.lam0) * p.inv_density) as i64;
            self.push(t.clamp(p.t0, p.t1 - 1), Kind::Arrival, s as u32);
        }
    }

    fn schedule_timed(&mut self, i: usize) {
        if let Some(t) = self.m.timed.get(i) {
            self.push(t.at, Kind::Timed, i as u32);
        }
    }

    /// Creates a case; the attribute slots are filled by the caller.
    fn new_case(&mut self, now: i64, source: usize, id: [u8; 16], key: u64) -> u32 {
        let c = self.cases.len() as u32;
        let kpi = now >= self.m.warm_up_end;
        let entry = self.m.sources.get(source).map_or(0, |s| s.entry);
        self.cases.push(Case {
            arrival: now,
            entry: now,
            end: NEVER,
            queued: 0,
            rng: key,
            step: entry,
            source: source as u32,
            phase: Phase::Busy,
            kpi,
        });
        if self.keep {
            self.ids.push(id);
        }
        if let Some(a) = self.arrived.get_mut(source) {
            *a += 1;
        }
        if !kpi {
            if let Some(w) = self.warm.get_mut(source) {
                *w += 1;
            }
        }
        c
    }

    fn arrival(&mut self, now: i64, s: usize) {
        let m = self.m;
        let Some(src) = m.sources.get(s) else { return };
        let Some(st) = self.sources.get_mut(s) else { return };
        let mut id = [0u8; 16];
        st.rng.fill_bytes(&mut id);
        let key = st.rng.next_u64();
        let base = self.attrs.len();
        self.attrs.extend_from_slice(&src.labels);
        for (a, table) in &src.draws {
            let u = (st.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
            let v = table.iter().find(|(cum, _)| u < *cum).map_or(NONE, |(_, v)| *v);
            if let Some(slot) = self.attrs.get_mut(base + a) {
                *slot = v;
            }
        }
        let c = self.new_case(now, s, id, key);
        self.schedule_arrival(s);
        self.enter(c, now, src.entry);
    }

    fn timed_arrival(&mut self, now: i64, i: usize) {
        let m = self.m;
        let Some(t) = m.timed.get(i) else { return };
        let Some(src) = m.sources.get(t.source) else { return };
        let mut id = [0u8; 16];
        self.timed_rng.fill_bytes(&mut id);
        if let Some(given) = t.id {
            id = *given.as_bytes();
        }
        let key = self.timed_rng.next_u64();
        let base = self.attrs.len();
        self.attrs.extend_from_slice(&src.labels);
        for (a, table) in &src.draws {
            let u = (self.timed_rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
            let v = table.iter().find(|(cum, _)| u < *cum).map_or(NONE, |(_, v)| *v);
            if let Some(slot) = self.attrs.get_mut(base + a) {
                *slot = v;
            }
        }
        for &(a, v) in &t.values {
            if let Some(slot) = self.attrs.get_mut(base + a) {
                *slot = v;
            }
        }
        let c = self.new_case(now, t.source, id, key);
        self.schedule_timed(i + 1);
        self.enter(c, now, src.entry);
    }

    /// Moves case `c` into `step` at `now`, passing conditions and terminal steps at once.
    fn enter(&mut self, c: u32, now: i64, mut step: u32) {
        let m = self.m;
        loop {
            let Some(def) = m.steps.get(step as usize) else { return };
            if self.keep {
                self.path.push((c, step));
            }
            let Some(case) = self.cases.get_mut(c as usize) else { return };
            case.step = step;
            case.entry = now;
            match &def.kind {
                CKind::End => {
                    case.phase = Phase::Done;
                    case.end = now;
                    self.done += 1;
                    let (src, arrival, kpi) = (case.source, case.arrival, case.kpi);
                    if let Some(e) = self.ends.get_mut(src as usize * m.steps.len() + step as usize)
                    {
                        *e += 1;
                    }
                    if kpi {
                        self.lead.push(LeadRec {
                            source: src,
                            secs: now - arrival,
                            working_days: m.days.working_days_between(arrival, now),
                            within_term: m.term.is_some_and(|t| m.within(t, arrival, now)),
                        });
                    }
                    return;
                }
                CKind::Prob(table) => {
                    let u = unit(&mut case.rng);
                    let kpi = case.kpi;
                    self.count_pass(kpi, step);
                    step = table.iter().find(|(cum, _)| u < *cum).map_or(def.next, |(_, to)| *to);
                }
                CKind::Attr { branches, otherwise } => {
                    let kpi = case.kpi;
                    self.count_pass(kpi, step);
                    let base = c as usize * self.n_attrs;
                    let attrs = self.attrs.get(base..base + self.n_attrs).unwrap_or(&[]);
                    step = branches
                        .iter()
                        .find(|(p, _)| p.test(attrs))
                        .map_or(*otherwise, |(_, to)| *to);
                }
                CKind::Staffed { role, .. } => {
                    let role = *role;
                    if let Some(f) = self.free.get_mut(role).filter(|f| **f > 0) {
                        *f -= 1;
                        self.start_service(c, now, role);
                    } else {
                        case.phase = Phase::Queued;
                        self.queue_change(role, now, 1);
                        if let Some(q) = self.queues.get_mut(role) {
                            q.push_back(c);
                        }
                    }
                    return;
                }
                CKind::System { latency, outages } => {
                    case.phase = Phase::Busy;
                    let mut t = now;
                    let k = outages.partition_point(|&(_, end)| end <= now);
                    if let Some(&(a, b)) = outages.get(k) {
                        if a <= now {
                            t = b;
                        }
                    }
                    let d = latency.sample(&mut case.rng);
                    self.push(t.saturating_add(d), Kind::StepDone, c);
                    return;
                }
                CKind::Applicant { delay, clock } => {
                    case.phase = Phase::Busy;
                    let d = delay.sample(&mut case.rng);
                    let t = match clock.and_then(|k| m.clocks.get(k)) {
                        Some(clk) => clk.add(now, d),
                        None => now.saturating_add(d),
                    };
                    self.push(t, Kind::StepDone, c);
                    return;
                }
            }
        }
    }

    /// Counts a pass through condition `step` (no duration, no norm).
    #[inline]
    fn count_pass(&mut self, kpi: bool, step: u32) {
        if kpi {
            if let Some(d) = self.step_done.get_mut(step as usize) {
                *d += 1;
            }
        }
    }

    /// Accounts the queue of `role` up to `now`, before its length changes by `delta`.
    fn queue_change(&mut self, role: usize, now: i64, delta: i64) {
        let wu = self.m.warm_up_end;
        let len = self.queues.get(role).map_or(0, VecDeque::len) as u64;
        let (Some(area), Some(last), Some(max)) =
            (self.q_area.get_mut(role), self.q_last.get_mut(role), self.q_max.get_mut(role))
        else {
            return;
        };
        let from = (*last).max(wu);
        if now > from {
            *area += i128::from(len) * i128::from(now - from);
            *max = (*max).max(len);
        }
        *last = now;
        if now >= wu {
            *max = (*max).max(len.saturating_add_signed(delta));
        }
    }

    fn start_service(&mut self, c: u32, now: i64, role: usize) {
        let m = self.m;
        let Some(r) = m.roles.get(role) else { return };
        let Some(clock) = m.clocks.get(r.clock) else { return };
        let Some(case) = self.cases.get_mut(c as usize) else { return };
        let Some(CKind::Staffed { effort, .. }) = m.steps.get(case.step as usize).map(|s| &s.kind)
        else {
            return;
        };
        case.phase = Phase::Service;
        case.queued += now - case.entry;
        let d = effort.sample(&mut case.rng);
        let (done, ws) = clock.add_with_pos(now, d);
        if case.kpi {
            let w = ws - clock.pos(case.entry);
            if let Some(v) = self.waits.get_mut(role) {
                v.push(w as f64 / 60.0);
            }
        }
        let lo = clock.pos(m.warm_up_end);
        let overlap = (ws + d).min(clock.total()) - ws.max(lo);
        if overlap > 0 {
            if let Some(b) = self.busy.get_mut(role) {
                *b += overlap;
            }
        }
        self.push(done, Kind::EffortDone, c);
    }

    fn effort_done(&mut self, c: u32, now: i64) {
        let m = self.m;
        let Some(case) = self.cases.get_mut(c as usize) else { return };
        let Some(CKind::Staffed { role, wait, .. }) =
            m.steps.get(case.step as usize).map(|s| &s.kind)
        else {
            return;
        };
        let role = *role;
        let wait_until = wait.map(|(dist, clock)| {
            let d = dist.sample(&mut case.rng);
            match clock.and_then(|k| m.clocks.get(k)) {
                Some(clk) => clk.add(now, d),
                None => now.saturating_add(d),
            }
        });
        // Release the staff member: the head of the queue, or free.
        if self.queues.get(role).is_some_and(|q| !q.is_empty()) {
            self.queue_change(role, now, -1);
            if let Some(next) = self.queues.get_mut(role).and_then(VecDeque::pop_front) {
                self.start_service(next, now, role);
            }
        } else if let Some(f) = self.free.get_mut(role) {
            *f += 1;
        }
        match wait_until {
            Some(t) => {
                if let Some(case) = self.cases.get_mut(c as usize) {
                    case.phase = Phase::Waiting;
                }
                self.push(t, Kind::WaitDone, c);
            }
            None => self.leave(c, now),
        }
    }

    /// Case `c` leaves its current (timed) step at `now`.
    fn leave(&mut self, c: u32, now: i64) {
        let m = self.m;
        let Some(case) = self.cases.get(c as usize) else { return };
        let s = case.step as usize;
        let Some(def) = m.steps.get(s) else { return };
        if case.kpi {
            let entry = case.entry;
            if let Some(d) = self.step_done.get_mut(s) {
                *d += 1;
            }
            if let Some(norm) = def.norm {
                if m.within(norm, entry, now) {
                    if let Some(w) = self.step_within.get_mut(s) {
                        *w += 1;
                    }
                }
            }
            if let Some(clock) = m.clocks.get(def.clock) {
                let w = clock.pos(now) - clock.pos(entry);
                if let Some(v) = self.step_work.get_mut(s) {
                    v.push(w as f64 / 60.0);
                }
            }
            if let Some(v) = self.step_cal.get_mut(s) {
                v.push((now - entry) as f64 / 3600.0);
            }
        }
        self.enter(c, now, def.next);
    }

    fn sample_until(&mut self, t: i64) {
        while let Some(&(st, _)) = self.m.samples.get(self.next_sample) {
            if st > t {
                break;
            }
            for q in &self.queues {
                self.sampled.push(q.len() as u64);
            }
            self.sampled.push(self.cases.len() as u64 - self.done);
            self.next_sample += 1;
        }
    }

    fn run(&mut self) {
        for s in 0..self.m.sources.len() {
            self.schedule_arrival(s);
        }
        self.schedule_timed(0);
        while let Some(std::cmp::Reverse(ev)) = self.heap.pop() {
            self.events += 1;
            let now = ev.time();
            if self.m.samples.get(self.next_sample).is_some_and(|&(st, _)| st <= now) {
                self.sample_until(now);
            }
            let case = ev.case();
            match ev.kind() {
                Kind::Arrival => self.arrival(now, case as usize),
                Kind::Timed => self.timed_arrival(now, case as usize),
                Kind::EffortDone => self.effort_done(case, now),
                Kind::WaitDone | Kind::StepDone => self.leave(case, now),
            }
        }
        self.sample_until(self.m.horizon);
        let h = self.m.horizon;
        for role in 0..self.queues.len() {
            self.queue_change(role, h, 0);
        }
    }
}

/// Runs replication `rep` of a model.
pub(crate) fn replicate(m: &Model, rep: u32, keep_cases: bool) -> Replication {
    let mut sim = Sim::new(m, rep, keep_cases);
    sim.run();
    let kpis = sim.kpis();
    let cases = if keep_cases { sim.case_records(rep) } else { Vec::new() };
    Replication { kpis, arrivals: sim.cases.len() as u64, events: sim.events, cases }
}

impl Sim<'_> {
    fn kpis(&mut self) -> Kpis<Val> {
        let m = self.m;
        let sc = &m.scenario;
        let n_steps = m.steps.len();
        let h = m.horizon;
        let step_ids: Vec<&str> = sc.process.steps.iter().map(|s| s.id()).collect();
        let end_steps: Vec<usize> =
            (0..n_steps).filter(|&i| matches!(m.steps[i].kind, CKind::End)).collect();

        // In progress at the horizon.
        let mut in_prog = vec![0u64; m.sources.len() * n_steps];
        let mut step_overdue = vec![0u64; n_steps];
        let mut term_overdue = vec![0u64; m.sources.len()];
        for case in &self.cases {
            if case.phase == Phase::Done {
                continue;
            }
            let s = case.step as usize;
            if let Some(x) = in_prog.get_mut(case.source as usize * n_steps + s) {
                *x += 1;
            }
            if case.kpi {
                if let Some(norm) = m.steps.get(s).and_then(|d| d.norm) {
                    if !m.within(norm, case.entry, h) {
                        if let Some(x) = step_overdue.get_mut(s) {
                            *x += 1;
                        }
                    }
                }
                if let Some(t) = m.term {
                    if !m.within(t, case.arrival, h) {
                        if let Some(x) = term_overdue.get_mut(case.source as usize) {
                            *x += 1;
                        }
                    }
                }
            }
        }

        // Counts per source, then summed into groups.
        let counts_of = |srcs: &[usize]| -> Counts<Val> {
            let sum = |f: &dyn Fn(usize) -> u64| Val::count(srcs.iter().map(|&s| f(s)).sum());
            let mut outcomes: BTreeMap<String, u64> = BTreeMap::new();
            let mut ends = BTreeMap::new();
            for &e in &end_steps {
                let n: u64 = srcs
                    .iter()
                    .map(|&s| self.ends.get(s * n_steps + e).copied().unwrap_or(0))
                    .sum();
                ends.insert(
                    step_ids.get(e).copied().unwrap_or_default().to_string(),
                    Val::count(n),
                );
                if let Some(crate::def::Step::End { outcome, .. }) = sc.process.steps.get(e) {
                    *outcomes.entry(outcome.clone()).or_default() += n;
                }
            }
            let mut in_progress_at = BTreeMap::new();
            let mut total_in_progress = 0;
            for (i, id) in step_ids.iter().enumerate() {
                if end_steps.contains(&i) {
                    continue;
                }
                let n: u64 =
                    srcs.iter().map(|&s| in_prog.get(s * n_steps + i).copied().unwrap_or(0)).sum();
                total_in_progress += n;
                in_progress_at.insert(id.to_string(), Val::count(n));
            }
            Counts {
                arrived: sum(&|s| self.arrived.get(s).copied().unwrap_or(0)),
                warm_up: sum(&|s| self.warm.get(s).copied().unwrap_or(0)),
                ends,
                outcomes: outcomes.into_iter().map(|(k, v)| (k, Val::count(v))).collect(),
                in_progress: Val::count(total_in_progress),
                in_progress_at,
            }
        };
        let has_term = m.term.is_some();
        let lead_of = |srcs: &[usize]| -> Lead<Val> {
            let mut hours = Vec::new();
            let mut wdays = Vec::new();
            let mut within = 0u64;
            for r in self.lead.iter().filter(|r| srcs.contains(&(r.source as usize))) {
                hours.push(r.secs as f64 / 3600.0);
                wdays.push(f64::from(r.working_days));
                within += u64::from(r.within_term);
            }
            let n = hours.len() as u64;
            Lead {
                completed: Val::count(n),
                calendar_hours: quantiles(&mut hours),
                working_days: quantiles(&mut wdays),
                within_term: if has_term { Val::ratio(within, n) } else { Val(None) },
                overdue_in_progress: if has_term {
                    Val::count(
                        srcs.iter().map(|&s| term_overdue.get(s).copied().unwrap_or(0)).sum(),
                    )
                } else {
                    Val(None)
                },
            }
        };
        let all: Vec<usize> = (0..m.sources.len()).collect();
        let mut label_groups: BTreeMap<String, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
        for (i, s) in sc.sources.iter().enumerate() {
            for (k, v) in &s.labels {
                label_groups.entry(k.clone()).or_default().entry(v.clone()).or_default().push(i);
            }
        }
        let grouped = |f: &dyn Fn(&[usize]) -> Counts<Val>| Grouped {
            all: f(&all),
            by_source: m
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.name.clone(), f(&[i])))
                .collect(),
            by_label: label_groups
                .iter()
                .map(|(k, vs)| {
                    (k.clone(), vs.iter().map(|(v, srcs)| (v.clone(), f(srcs))).collect())
                })
                .collect(),
        };
        let cases = grouped(&counts_of);
        let lead_time = Grouped {
            all: lead_of(&all),
            by_source: m
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.name.clone(), lead_of(&[i])))
                .collect(),
            by_label: label_groups
                .iter()
                .map(|(k, vs)| {
                    (k.clone(), vs.iter().map(|(v, srcs)| (v.clone(), lead_of(srcs))).collect())
                })
                .collect(),
        };

        let mut steps = BTreeMap::new();
        for (i, def) in m.steps.iter().enumerate() {
            if matches!(def.kind, CKind::End) {
                continue;
            }
            let done = self.step_done.get(i).copied().unwrap_or(0);
            let timed = !matches!(def.kind, CKind::Prob(_) | CKind::Attr { .. });
            let mut work = std::mem::take(self.step_work.get_mut(i).unwrap_or(&mut Vec::new()));
            let mut cal = std::mem::take(self.step_cal.get_mut(i).unwrap_or(&mut Vec::new()));
            let none = || Summary { mean: Val(None), p90: Val(None) };
            steps.insert(
                step_ids.get(i).copied().unwrap_or_default().to_string(),
                StepKpis {
                    completed: Val::count(done),
                    within_norm: if def.norm.is_some() {
                        Val::ratio(self.step_within.get(i).copied().unwrap_or(0), done)
                    } else {
                        Val(None)
                    },
                    overdue_in_progress: if def.norm.is_some() {
                        Val::count(step_overdue.get(i).copied().unwrap_or(0))
                    } else {
                        Val(None)
                    },
                    working_minutes: if timed { summary(&mut work) } else { none() },
                    calendar_hours: if timed { summary(&mut cal) } else { none() },
                },
            );
        }

        let mut roles = BTreeMap::new();
        for (r, role) in m.roles.iter().enumerate() {
            let clock = m.clocks.get(role.clock);
            let avail = clock.map_or(0, |c| c.total() - c.pos(m.warm_up_end));
            let mut waits = std::mem::take(self.waits.get_mut(r).unwrap_or(&mut Vec::new()));
            let span = h - m.warm_up_end;
            roles.insert(
                role.name.clone(),
                RoleKpis {
                    served: Val::count(waits.len() as u64),
                    wait_working_minutes: summary(&mut waits),
                    utilisation: Val((avail > 0).then(|| {
                        self.busy.get(r).copied().unwrap_or(0) as f64
                            / (f64::from(role.staff) * avail as f64)
                    })),
                    queue_mean: Val((span > 0)
                        .then(|| self.q_area.get(r).copied().unwrap_or(0) as f64 / span as f64)),
                    queue_max: Val::count(self.q_max.get(r).copied().unwrap_or(0)),
                },
            );
        }

        let width = m.roles.len() + 1;
        let queue_series = m
            .samples
            .iter()
            .enumerate()
            .map(|(k, &(_, d))| {
                let row = self.sampled.get(k * width..(k + 1) * width).unwrap_or(&[]);
                QueueSample {
                    date: m.scenario.run.start + chrono::Days::new(d as u64),
                    queued: m
                        .roles
                        .iter()
                        .enumerate()
                        .map(|(r, role)| {
                            (role.name.clone(), Val::count(row.get(r).copied().unwrap_or(0)))
                        })
                        .collect(),
                    in_system: Val::count(row.get(width - 1).copied().unwrap_or(0)),
                }
            })
            .collect();

        let arrivals = self.cases.len() as u64;
        Kpis {
            events: Val::count(self.events),
            events_per_case: Val::ratio(self.events, arrivals),
            cases,
            lead_time,
            steps,
            roles,
            queue_series,
        }
    }

    fn case_records(&self, rep: u32) -> Vec<CaseRecord> {
        let m = self.m;
        let sc = &m.scenario;
        let n = self.cases.len();
        // Group the path log by case (counting sort keeps each case's visits in order).
        let mut start = vec![0usize; n + 1];
        for &(c, _) in &self.path {
            if let Some(x) = start.get_mut(c as usize + 1) {
                *x += 1;
            }
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut visits = vec![0u32; self.path.len()];
        for &(c, s) in &self.path {
            if let Some(pos) = fill.get_mut(c as usize) {
                if let Some(v) = visits.get_mut(*pos) {
                    *v = s;
                }
                *pos += 1;
            }
        }
        let step_id = |s: u32| {
            sc.process.steps.get(s as usize).map(|x| x.id().to_string()).unwrap_or_default()
        };
        self.cases
            .iter()
            .enumerate()
            .map(|(i, case)| {
                let base = i * self.n_attrs;
                let attributes = (0..self.n_attrs)
                    .filter_map(|a| {
                        let v = *self.attrs.get(base + a)?;
                        let name = m.attr_names.get(a)?;
                        let value = m.attr_values.get(a)?.get(v as usize)?;
                        Some((name.clone(), value.clone()))
                    })
                    .collect();
                let done = case.phase == Phase::Done;
                let (outcome, reason) = match sc.process.steps.get(case.step as usize) {
                    Some(crate::def::Step::End { outcome, reason, .. }) if done => {
                        (Some(outcome.clone()), reason.clone())
                    }
                    _ => (None, None),
                };
                let path = visits
                    .get(start[i]..start[i + 1])
                    .unwrap_or(&[])
                    .iter()
                    .map(|&s| step_id(s))
                    .collect();
                CaseRecord {
                    replication: rep,
                    id: uuid::Builder::from_random_bytes(
                        self.ids.get(i).copied().unwrap_or_default(),
                    )
                    .into_uuid(),
                    source: m
                        .sources
                        .get(case.source as usize)
                        .map(|s| s.name.clone())
                        .unwrap_or_default(),
                    attributes,
                    arrival: m.datetime(case.arrival),
                    warm_up: !case.kpi,
                    state: match case.phase {
                        Phase::Done => CaseState::Done,
                        Phase::Queued => CaseState::Queued,
                        Phase::Service => CaseState::InService,
                        Phase::Waiting => CaseState::Waiting,
                        Phase::Busy => CaseState::InStep,
                    },
                    step: step_id(case.step),
                    outcome,
                    reason,
                    end: done.then(|| m.datetime(case.end)),
                    lead_time_hours: done.then(|| (case.end - case.arrival) as f64 / 3600.0),
                    lead_time_working_days: done
                        .then(|| m.days.working_days_between(case.arrival, case.end)),
                    queue_hours: case.queued as f64 / 3600.0,
                    path,
                }
            })
            .collect()
    }
}
