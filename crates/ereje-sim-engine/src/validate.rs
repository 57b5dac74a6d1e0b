//! Validation of scenarios and process definitions: every problem, each with its key path.
//!
//! Validation accumulates: [`validate`] returns all the errors it finds, in a stable order
//! (run, process, sources, cases), so a caller can report them all at once and map each
//! [`KeyPath`] back to a line of the scenario file.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::def::{Dist, Duration, Norm, Process, Scenario, Schedule, Step};

/// Where in a scenario a value is: `process.steps[2].role`, `sources[0].rate_per_working_day`.
///
/// Segments are table keys and array indices, as in the TOML/JSON document, so a caller can find
/// the key's line in the file it parsed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct KeyPath(pub Vec<PathSegment>);

/// One segment of a [`KeyPath`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PathSegment {
    /// A table key.
    Key(String),
    /// An array index (from 0).
    Index(usize),
}

impl KeyPath {
    /// The path of one top-level key.
    ///
    /// # Example
    /// ```
    /// use ereje_sim_engine::KeyPath;
    /// let p = KeyPath::root("process").key("steps").index(2).key("role");
    /// assert_eq!(p.to_string(), "process.steps[2].role");
    /// ```
    pub fn root(key: &str) -> KeyPath {
        KeyPath(vec![PathSegment::Key(key.to_string())])
    }

    /// This path followed by a key.
    pub fn key(&self, key: &str) -> KeyPath {
        let mut p = self.clone();
        p.0.push(PathSegment::Key(key.to_string()));
        p
    }

    /// This path followed by an index.
    pub fn index(&self, i: usize) -> KeyPath {
        let mut p = self.clone();
        p.0.push(PathSegment::Index(i));
        p
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, seg) in self.0.iter().enumerate() {
            match seg {
                PathSegment::Index(i) => write!(f, "[{i}]")?,
                PathSegment::Key(k) => {
                    if n > 0 {
                        f.write_str(".")?;
                    }
                    let bare = !k.is_empty()
                        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                    if bare { f.write_str(k)? } else { write!(f, "{k:?}")? }
                }
            }
        }
        Ok(())
    }
}

/// A problem in a scenario or a process definition.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidationError {
    /// The process has no steps.
    #[error("{path}: the process has no steps")]
    NoSteps {
        /// Where.
        path: KeyPath,
    },
    /// Two steps share an id.
    #[error("{path}: duplicate step id `{id}`")]
    DuplicateStep {
        /// Where (the second occurrence).
        path: KeyPath,
        /// The id.
        id: String,
    },
    /// A reference to a step that does not exist.
    #[error("{path}: unknown step `{target}`")]
    UnknownStep {
        /// Where the reference is.
        path: KeyPath,
        /// The id referred to.
        target: String,
    },
    /// A staffed step names no role.
    #[error("{path}: staffed step `{step}` has no role")]
    MissingRole {
        /// Where (the step).
        path: KeyPath,
        /// The step.
        step: String,
    },
    /// A staffed step names a role that does not exist.
    #[error("{path}: step `{step}` names unknown role `{role}`")]
    UnknownRole {
        /// Where.
        path: KeyPath,
        /// The step.
        step: String,
        /// The role named.
        role: String,
    },
    /// A role's staff is zero or negative.
    #[error("{path}: role `{role}` has {staff} staff, expected at least 1")]
    StaffNotPositive {
        /// Where.
        path: KeyPath,
        /// The role.
        role: String,
        /// The staff given.
        staff: i64,
    },
    /// A schedule name that does not exist.
    #[error("{path}: unknown schedule `{schedule}`")]
    UnknownSchedule {
        /// Where.
        path: KeyPath,
        /// The name.
        schedule: String,
    },
    /// A schedule whose times do not make a day.
    #[error("{path}: bad schedule: {reason}")]
    BadSchedule {
        /// Where.
        path: KeyPath,
        /// What is wrong.
        reason: String,
    },
    /// A duration with impossible parameters.
    #[error("{path}: bad duration: {reason}")]
    BadDuration {
        /// Where.
        path: KeyPath,
        /// What is wrong.
        reason: String,
    },
    /// A norm or term that is negative or not a number.
    #[error("{path}: bad norm `{norm}`: must be a finite number ≥ 0")]
    BadNorm {
        /// Where.
        path: KeyPath,
        /// The norm.
        norm: String,
    },
    /// An outage that ends before it starts.
    #[error("{path}: outage ends before it starts")]
    BadOutage {
        /// Where.
        path: KeyPath,
    },
    /// A condition without branches.
    #[error("{path}: condition `{step}` has no branches")]
    NoBranches {
        /// Where.
        path: KeyPath,
        /// The step.
        step: String,
    },
    /// A condition mixing probability and predicate branches (or a branch with both, or an
    /// `otherwise` with probability branches).
    #[error("{path}: condition `{step}` mixes probability and predicate branching")]
    MixedBranches {
        /// Where.
        path: KeyPath,
        /// The step.
        step: String,
    },
    /// A condition branching by predicate without an `otherwise`.
    #[error("{path}: condition `{step}` branches by predicate but has no `otherwise`")]
    MissingOtherwise {
        /// Where.
        path: KeyPath,
        /// The step.
        step: String,
    },
    /// A probability outside [0, 1].
    #[error("{path}: probability {probability} is outside [0, 1]")]
    ProbabilityOutOfRange {
        /// Where.
        path: KeyPath,
        /// The value.
        probability: f64,
    },
    /// Probabilities that do not sum to 1.
    #[error("{path}: probabilities sum to {sum}, expected 1")]
    ProbabilitiesDoNotSumToOne {
        /// Where.
        path: KeyPath,
        /// Their sum.
        sum: f64,
    },
    /// A cycle made of condition steps only (it would take no time and could loop forever).
    #[error("{path}: condition `{step}` is on a cycle of conditions only")]
    ConditionCycle {
        /// Where.
        path: KeyPath,
        /// A step on the cycle.
        step: String,
    },
    /// A reachable step from which no terminal step can be reached (a cycle without exit, or a
    /// dead end).
    #[error("{path}: no terminal step can be reached from step `{step}`")]
    NoExit {
        /// Where.
        path: KeyPath,
        /// The step.
        step: String,
    },
    /// The run window ends before it starts, or spans more than 10,000 years.
    #[error("{path}: the run ends before it starts or lasts more than 10,000 years")]
    BadRunWindow {
        /// Where.
        path: KeyPath,
    },
    /// No replications.
    #[error("{path}: at least one replication is needed")]
    ZeroReplications {
        /// Where.
        path: KeyPath,
    },
    /// The warm-up covers the whole run window.
    #[error("{path}: the warm-up covers the whole run window")]
    WarmUpTooLong {
        /// Where.
        path: KeyPath,
    },
    /// Two sources share a name.
    #[error("{path}: duplicate source `{name}`")]
    DuplicateSource {
        /// Where.
        path: KeyPath,
        /// The name.
        name: String,
    },
    /// An arrival rate that is negative or not a number.
    #[error("{path}: rate {rate} must be a finite number ≥ 0")]
    BadRate {
        /// Where.
        path: KeyPath,
        /// The rate.
        rate: f64,
    },
    /// An hour profile that is not 24 non-negative weights, not all zero.
    #[error("{path}: bad hour profile: {reason}")]
    BadHourProfile {
        /// Where.
        path: KeyPath,
        /// What is wrong.
        reason: String,
    },
    /// A timed case names a source that does not exist.
    #[error("{path}: unknown source `{source_name}`")]
    UnknownSource {
        /// Where.
        path: KeyPath,
        /// The name.
        source_name: String,
    },
    /// A predicate reads an attribute no case can have.
    #[error("{path}: unknown attribute `{attribute}`")]
    UnknownAttribute {
        /// Where.
        path: KeyPath,
        /// The attribute.
        attribute: String,
    },
    /// A label or attribute named `source`, which is the implicit attribute holding the source's
    /// name.
    #[error("{path}: `source` is reserved for the source's name")]
    ReservedAttribute {
        /// Where.
        path: KeyPath,
    },
}

impl ValidationError {
    /// Where the problem is.
    pub fn path(&self) -> &KeyPath {
        match self {
            ValidationError::NoSteps { path }
            | ValidationError::DuplicateStep { path, .. }
            | ValidationError::UnknownStep { path, .. }
            | ValidationError::MissingRole { path, .. }
            | ValidationError::UnknownRole { path, .. }
            | ValidationError::StaffNotPositive { path, .. }
            | ValidationError::UnknownSchedule { path, .. }
            | ValidationError::BadSchedule { path, .. }
            | ValidationError::BadDuration { path, .. }
            | ValidationError::BadNorm { path, .. }
            | ValidationError::BadOutage { path }
            | ValidationError::NoBranches { path, .. }
            | ValidationError::MixedBranches { path, .. }
            | ValidationError::MissingOtherwise { path, .. }
            | ValidationError::ProbabilityOutOfRange { path, .. }
            | ValidationError::ProbabilitiesDoNotSumToOne { path, .. }
            | ValidationError::ConditionCycle { path, .. }
            | ValidationError::NoExit { path, .. }
            | ValidationError::BadRunWindow { path }
            | ValidationError::ZeroReplications { path }
            | ValidationError::WarmUpTooLong { path }
            | ValidationError::DuplicateSource { path, .. }
            | ValidationError::BadRate { path, .. }
            | ValidationError::BadHourProfile { path, .. }
            | ValidationError::UnknownSource { path, .. }
            | ValidationError::UnknownAttribute { path, .. }
            | ValidationError::ReservedAttribute { path } => path,
        }
    }
}

/// The tolerance for probabilities summing to 1.
const SUM_TOLERANCE: f64 = 1e-9;

/// The longest run window, in days (10,000 years: event times fit in 40 bits of seconds).
const MAX_DAYS: i64 = 3_652_425;

/// The implicit attribute holding a case's source name.
pub(crate) const SOURCE_ATTRIBUTE: &str = "source";

/// Every problem of a scenario, in a stable order; empty when the scenario is valid.
///
/// # Errors
/// None as such: the problems are the returned list.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_sim_engine::{validate, Duration, Process, Role, RunConfig, Scenario, Step, ValidationError};
/// let mut scenario = Scenario {
///     run: RunConfig {
///         start: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
///         end: NaiveDate::from_ymd_opt(2025, 1, 31).unwrap(),
///         warm_up_days: 0, seed: 1, replications: 1,
///     },
///     process: Process {
///         name: "tiny".into(), start: "work".into(), term: None, term_assumed: false,
///         term_citation: None, schedules: Default::default(),
///         roles: [("clerk".to_string(), Role::new(1))].into(),
///         steps: vec![Step::staffed("work", "clerk", Duration::fixed(20.0), "done"),
///                     Step::end("done", "assigned")],
///     },
///     sources: vec![], cases: vec![],
/// };
/// assert!(validate(&scenario).is_empty());
/// scenario.process.roles.insert("clerk".into(), Role::new(0));
/// assert!(matches!(validate(&scenario)[0], ValidationError::StaffNotPositive { staff: 0, .. }));
/// assert_eq!(validate(&scenario)[0].path().to_string(), "process.roles.clerk.staff");
/// ```
pub fn validate(scenario: &Scenario) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let run = &scenario.run;
    let rp = KeyPath::root("run");
    if run.end < run.start {
        errors.push(ValidationError::BadRunWindow { path: rp.key("end") });
    } else {
        let days = (run.end - run.start).num_days() + 1;
        if days > MAX_DAYS {
            errors.push(ValidationError::BadRunWindow { path: rp.key("end") });
        } else if i64::from(run.warm_up_days) >= days {
            errors.push(ValidationError::WarmUpTooLong { path: rp.key("warm_up_days") });
        }
    }
    if run.replications == 0 {
        errors.push(ValidationError::ZeroReplications { path: rp.key("replications") });
    }

    let process = &scenario.process;
    let entries: Vec<&str> = scenario.sources.iter().filter_map(|s| s.entry.as_deref()).collect();
    errors.extend(validate_process_with_entries(process, &entries));

    let ids: BTreeSet<&str> = process.steps.iter().map(Step::id).collect();
    let mut known_attributes: BTreeSet<&str> = [SOURCE_ATTRIBUTE].into();
    let mut names = BTreeSet::new();
    for (i, s) in scenario.sources.iter().enumerate() {
        let sp = KeyPath::root("sources").index(i);
        if !names.insert(s.name.as_str()) {
            errors.push(ValidationError::DuplicateSource {
                path: sp.key("name"),
                name: s.name.clone(),
            });
        }
        if let Some(entry) = &s.entry {
            if !ids.contains(entry.as_str()) {
                errors.push(ValidationError::UnknownStep {
                    path: sp.key("entry"),
                    target: entry.clone(),
                });
            }
        }
        if !(s.rate_per_working_day.is_finite() && s.rate_per_working_day >= 0.0) {
            errors.push(ValidationError::BadRate {
                path: sp.key("rate_per_working_day"),
                rate: s.rate_per_working_day,
            });
        }
        if let Some(name) = &s.schedule {
            if !schedule_exists(process, name) {
                errors.push(ValidationError::UnknownSchedule {
                    path: sp.key("schedule"),
                    schedule: name.clone(),
                });
            }
        }
        if let Some(profile) = &s.hour_profile {
            let reason = if profile.len() != 24 {
                Some(format!("{} weights, expected 24", profile.len()))
            } else if profile.iter().any(|w| !(w.is_finite() && *w >= 0.0)) {
                Some("weights must be finite and ≥ 0".to_string())
            } else if profile.iter().all(|w| *w == 0.0) {
                Some("all weights are zero".to_string())
            } else {
                None
            };
            if let Some(reason) = reason {
                errors
                    .push(ValidationError::BadHourProfile { path: sp.key("hour_profile"), reason });
            }
        }
        for key in s.labels.keys() {
            if key == SOURCE_ATTRIBUTE {
                errors.push(ValidationError::ReservedAttribute { path: sp.key("labels").key(key) });
            }
            known_attributes.insert(key);
        }
        for (key, values) in &s.attributes {
            let ap = sp.key("attributes").key(key);
            if key == SOURCE_ATTRIBUTE {
                errors.push(ValidationError::ReservedAttribute { path: ap.clone() });
            }
            known_attributes.insert(key);
            check_probabilities(values.iter().map(|(v, p)| (ap.key(v), *p)), &ap, &mut errors);
        }
    }
    for (i, c) in scenario.cases.iter().enumerate() {
        let cp = KeyPath::root("cases").index(i);
        if !names.contains(c.source.as_str()) {
            errors.push(ValidationError::UnknownSource {
                path: cp.key("source"),
                source_name: c.source.clone(),
            });
        }
        for key in c.attributes.keys() {
            known_attributes.insert(key);
        }
    }
    for (i, step) in process.steps.iter().enumerate() {
        if let Step::Condition { branches, .. } = step {
            for (j, b) in branches.iter().enumerate() {
                if let Some(pred) = &b.when {
                    if !known_attributes.contains(pred.attribute()) {
                        errors.push(ValidationError::UnknownAttribute {
                            path: KeyPath::root("process")
                                .key("steps")
                                .index(i)
                                .key("branches")
                                .index(j)
                                .key("when")
                                .key("attribute"),
                            attribute: pred.attribute().to_string(),
                        });
                    }
                }
            }
        }
    }
    errors
}

/// Every problem of a process definition on its own (entry at `start` only); empty when valid.
///
/// # Errors
/// None as such: the problems are the returned list.
///
/// # Example
/// ```
/// use ereje_sim_engine::{validate_process, Duration, Process, Step, ValidationError};
/// let process = Process {
///     name: "p".into(), start: "work".into(), term: None, term_assumed: false,
///     term_citation: None, schedules: Default::default(), roles: Default::default(),
///     steps: vec![Step::staffed("work", "clerk", Duration::fixed(5.0), "nowhere")],
/// };
/// let errors = validate_process(&process);
/// assert!(errors.iter().any(|e| matches!(e, ValidationError::UnknownRole { .. })));
/// assert!(errors.iter().any(|e| matches!(e, ValidationError::UnknownStep { .. })));
/// ```
pub fn validate_process(process: &Process) -> Vec<ValidationError> {
    validate_process_with_entries(process, &[])
}

fn schedule_exists(process: &Process, name: &str) -> bool {
    name == "default" || process.schedules.contains_key(name)
}

fn check_probabilities(
    items: impl Iterator<Item = (KeyPath, f64)>,
    whole: &KeyPath,
    errors: &mut Vec<ValidationError>,
) {
    let mut sum = 0.0;
    let mut all_in_range = true;
    for (path, p) in items {
        if !(p.is_finite() && (0.0..=1.0).contains(&p)) {
            all_in_range = false;
            errors.push(ValidationError::ProbabilityOutOfRange { path, probability: p });
        } else {
            sum += p;
        }
    }
    if all_in_range && (sum - 1.0).abs() > SUM_TOLERANCE {
        errors.push(ValidationError::ProbabilitiesDoNotSumToOne { path: whole.clone(), sum });
    }
}

fn check_schedule(s: &Schedule, path: &KeyPath, errors: &mut Vec<ValidationError>) {
    let mut reason = None;
    if s.end <= s.start {
        reason = Some(format!("the day ends at {} before it starts at {}", s.end, s.start));
    }
    let mut last = s.start;
    for (i, b) in s.breaks.iter().enumerate() {
        if reason.is_some() {
            break;
        }
        if b.end <= b.start {
            reason = Some(format!("break {i} ends at {} before it starts at {}", b.end, b.start));
        } else if b.start < last || b.end > s.end {
            reason = Some(format!(
                "break {i} ({}–{}) is not inside the day after the previous break",
                b.start, b.end
            ));
        }
        last = b.end;
    }
    if let Some(reason) = reason {
        errors.push(ValidationError::BadSchedule { path: path.clone(), reason });
    }
}

/// The reason a duration's parameters are impossible, if they are.
pub(crate) fn duration_problem(d: &Duration) -> Option<String> {
    let finite = |xs: &[f64]| xs.iter().all(|x| x.is_finite());
    match d.dist {
        Dist::Fixed { minutes } => (!(finite(&[minutes]) && minutes >= 0.0))
            .then(|| format!("minutes {minutes} must be ≥ 0")),
        Dist::Uniform { min, max } => (!(finite(&[min, max]) && 0.0 <= min && min <= max))
            .then(|| format!("expected 0 ≤ min ≤ max, got min {min}, max {max}")),
        Dist::Triangular { min, mode, max } => {
            (!(finite(&[min, mode, max]) && 0.0 <= min && min <= mode && mode <= max)).then(|| {
                format!("expected 0 ≤ min ≤ mode ≤ max, got min {min}, mode {mode}, max {max}")
            })
        }
        Dist::Lognormal { mean, sd } => (!(finite(&[mean, sd]) && mean > 0.0 && sd >= 0.0))
            .then(|| format!("expected mean > 0 and sd ≥ 0, got mean {mean}, sd {sd}")),
        Dist::LognormalLog { mu, sigma } => (!(finite(&[mu, sigma]) && sigma >= 0.0 && mu < 30.0))
            .then(|| format!("expected finite mu < 30 and sigma ≥ 0, got mu {mu}, sigma {sigma}")),
    }
}

fn check_norm(norm: &Option<Norm>, path: KeyPath, errors: &mut Vec<ValidationError>) {
    if let Some(n @ (Norm::WorkingMinutes(m) | Norm::CalendarMinutes(m))) = norm {
        if !(m.is_finite() && *m >= 0.0) {
            errors.push(ValidationError::BadNorm { path, norm: n.to_string() });
        }
    }
}

fn validate_process_with_entries(
    process: &Process,
    extra_entries: &[&str],
) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let pp = KeyPath::root("process");
    let steps_path = pp.key("steps");
    if process.steps.is_empty() {
        errors.push(ValidationError::NoSteps { path: steps_path.clone() });
    }
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, step) in process.steps.iter().enumerate() {
        if index.contains_key(step.id()) {
            errors.push(ValidationError::DuplicateStep {
                path: steps_path.index(i).key("id"),
                id: step.id().to_string(),
            });
        } else {
            index.insert(step.id(), i);
        }
    }
    let known = |id: &str| index.contains_key(id);
    if !process.steps.is_empty() && !known(&process.start) {
        errors.push(ValidationError::UnknownStep {
            path: pp.key("start"),
            target: process.start.clone(),
        });
    }
    check_norm(&process.term, pp.key("term"), &mut errors);
    for (name, s) in &process.schedules {
        check_schedule(s, &pp.key("schedules").key(name), &mut errors);
    }
    for (name, role) in &process.roles {
        let rp = pp.key("roles").key(name);
        if role.staff < 1 {
            errors.push(ValidationError::StaffNotPositive {
                path: rp.key("staff"),
                role: name.clone(),
                staff: role.staff,
            });
        }
        if let Some(s) = &role.schedule {
            if !schedule_exists(process, s) {
                errors.push(ValidationError::UnknownSchedule {
                    path: rp.key("schedule"),
                    schedule: s.clone(),
                });
            }
        }
    }
    for (i, step) in process.steps.iter().enumerate() {
        let sp = steps_path.index(i);
        let check_next = |next: &str, path: KeyPath, errors: &mut Vec<ValidationError>| {
            if !known(next) {
                errors.push(ValidationError::UnknownStep { path, target: next.to_string() });
            }
        };
        match step {
            Step::Staffed { id, role, next, .. } => {
                match role {
                    None => errors
                        .push(ValidationError::MissingRole { path: sp.clone(), step: id.clone() }),
                    Some(r) if !process.roles.contains_key(r) => {
                        errors.push(ValidationError::UnknownRole {
                            path: sp.key("role"),
                            step: id.clone(),
                            role: r.clone(),
                        })
                    }
                    Some(_) => {}
                }
                check_next(next, sp.key("next"), &mut errors);
            }
            Step::System { next, outages, .. } => {
                for (j, o) in outages.iter().enumerate() {
                    if o.to <= o.from {
                        errors
                            .push(ValidationError::BadOutage { path: sp.key("outages").index(j) });
                    }
                }
                check_next(next, sp.key("next"), &mut errors);
            }
            Step::Applicant { next, .. } => check_next(next, sp.key("next"), &mut errors),
            Step::Condition { id, branches, otherwise, .. } => {
                let bp = sp.key("branches");
                if branches.is_empty() {
                    errors.push(ValidationError::NoBranches { path: bp.clone(), step: id.clone() });
                }
                for (j, b) in branches.iter().enumerate() {
                    check_next(&b.to, bp.index(j).key("to"), &mut errors);
                }
                if let Some(o) = otherwise {
                    check_next(o, sp.key("otherwise"), &mut errors);
                }
                let by_p = branches.iter().filter(|b| b.probability.is_some()).count();
                let by_pred = branches.iter().filter(|b| b.when.is_some()).count();
                let each_one = branches.iter().all(|b| b.probability.is_some() != b.when.is_some());
                if !branches.is_empty() {
                    if !each_one || (by_p > 0 && by_pred > 0) || (by_p > 0 && otherwise.is_some()) {
                        errors.push(ValidationError::MixedBranches {
                            path: bp.clone(),
                            step: id.clone(),
                        });
                    } else if by_p > 0 {
                        check_probabilities(
                            branches.iter().enumerate().map(|(j, b)| {
                                (bp.index(j).key("probability"), b.probability.unwrap_or(0.0))
                            }),
                            &bp,
                            &mut errors,
                        );
                    } else if otherwise.is_none() {
                        errors.push(ValidationError::MissingOtherwise {
                            path: sp.clone(),
                            step: id.clone(),
                        });
                    }
                }
            }
            Step::End { .. } => {}
        }
        for (name, d) in step.durations() {
            if let Some(reason) = duration_problem(d) {
                errors.push(ValidationError::BadDuration { path: sp.key(name), reason });
            }
        }
        check_norm(&step.norm(), sp.key("norm"), &mut errors);
    }
    if errors.iter().any(|e| {
        matches!(e, ValidationError::DuplicateStep { .. } | ValidationError::NoSteps { .. })
    }) {
        return errors;
    }
    graph_checks(process, &index, extra_entries, &mut errors);
    errors
}

/// Condition-only cycles and steps from which no terminal is reachable.
fn graph_checks(
    process: &Process,
    index: &BTreeMap<&str, usize>,
    extra_entries: &[&str],
    errors: &mut Vec<ValidationError>,
) {
    let n = process.steps.len();
    let succ: Vec<Vec<usize>> = process
        .steps
        .iter()
        .map(|s| s.successors().iter().filter_map(|t| index.get(t).copied()).collect())
        .collect();
    let steps_path = KeyPath::root("process").key("steps");

    // Cycles of conditions only: depth-first search restricted to condition steps.
    let is_cond = |i: usize| matches!(process.steps.get(i), Some(Step::Condition { .. }));
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut reported = vec![false; n];
    for root in (0..n).filter(|&i| is_cond(i)) {
        if state.get(root) != Some(&0) {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        if let Some(s) = state.get_mut(root) {
            *s = 1;
        }
        while let Some((node, k)) = stack.pop() {
            let nexts = succ.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(&m) = nexts.get(k) {
                stack.push((node, k + 1));
                if !is_cond(m) {
                    continue;
                }
                match state.get(m) {
                    Some(0) => {
                        if let Some(s) = state.get_mut(m) {
                            *s = 1;
                        }
                        stack.push((m, 0));
                    }
                    Some(1) if !reported.get(m).copied().unwrap_or(true) => {
                        if let Some(r) = reported.get_mut(m) {
                            *r = true;
                        }
                        errors.push(ValidationError::ConditionCycle {
                            path: steps_path.index(m),
                            step: process
                                .steps
                                .get(m)
                                .map(|s| s.id().to_string())
                                .unwrap_or_default(),
                        });
                    }
                    _ => {}
                }
            } else if let Some(s) = state.get_mut(node) {
                *s = 2;
            }
        }
    }

    // Reachable from the entries.
    let mut reachable = vec![false; n];
    let mut work: Vec<usize> = std::iter::once(process.start.as_str())
        .chain(extra_entries.iter().copied())
        .filter_map(|e| index.get(e).copied())
        .collect();
    while let Some(i) = work.pop() {
        if let Some(r) = reachable.get_mut(i) {
            if !*r {
                *r = true;
                work.extend(succ.get(i).into_iter().flatten().copied());
            }
        }
    }
    // Co-reachable: can reach a terminal.
    let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, ss) in succ.iter().enumerate() {
        for &j in ss {
            if let Some(p) = pred.get_mut(j) {
                p.push(i);
            }
        }
    }
    let mut exits = vec![false; n];
    let mut work: Vec<usize> = process
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s, Step::End { .. }))
        .map(|(i, _)| i)
        .collect();
    while let Some(i) = work.pop() {
        if let Some(e) = exits.get_mut(i) {
            if !*e {
                *e = true;
                work.extend(pred.get(i).into_iter().flatten().copied());
            }
        }
    }
    for (i, step) in process.steps.iter().enumerate() {
        if reachable.get(i) == Some(&true) && exits.get(i) == Some(&false) {
            errors.push(ValidationError::NoExit {
                path: steps_path.index(i),
                step: step.id().to_string(),
            });
        }
    }
}

/// The schedule a name refers to (`default` falls back to [`Schedule::default`]).
pub(crate) fn schedule_of<'a>(
    process: &'a Process,
    name: &str,
    fallback: &'a Schedule,
) -> Option<&'a Schedule> {
    match process.schedules.get(name) {
        Some(s) => Some(s),
        None if name == "default" => Some(fallback),
        None => None,
    }
}
