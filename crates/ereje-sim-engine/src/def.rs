//! Process definitions and scenarios as typed, serde (TOML round-trippable) data.
//!
//! These are the *wire model*: every value that a file can hold is representable, including bad
//! ones (zero staff, a probability of 1.3, a staffed step without a role), so that
//! [`crate::validate`] can report each problem with its key path instead of failing on the first.
//! [`crate::Model::compile`] turns a valid [`Scenario`] into the checked, precomputed model that the
//! event loop runs.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

fn is_false(b: &bool) -> bool {
    !*b
}

fn one() -> u32 {
    1
}

/// Everything one simulation needs: the run window, the process, the arrival sources and the
/// timestamped cases given by the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The simulated window, the seed and the number of replications.
    pub run: RunConfig,
    /// The process: schedules, roles, steps, an optional whole-process term.
    pub process: Process,
    /// Arrival sources (a channel × risk, or any labels), each with a rate per working day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Timestamped cases given by the caller (e.g. from a fixture), in addition to the sources'
    /// random arrivals. Each names the source whose labels and entry step it takes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<TimedCase>,
}

/// The simulated window and the randomness of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunConfig {
    /// The first simulated day (from 00:00 local time).
    pub start: NaiveDate,
    /// The last simulated day, inclusive: the horizon is the end of this day (24:00).
    pub end: NaiveDate,
    /// Calendar days from `start` whose arrivals are simulated and counted but left out of the
    /// KPIs (lead times, norms, waits); time-based KPIs (utilisation, queues) start after it.
    #[serde(default)]
    pub warm_up_days: u32,
    /// The seed: with the scenario, it fixes every random draw of every replication.
    #[serde(default)]
    pub seed: u64,
    /// Independent replications (each its own random stream); at least 1.
    #[serde(default = "one")]
    pub replications: u32,
}

/// A process definition: how cases flow from an entry step to a terminal outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Process {
    /// A name, echoed in outputs.
    pub name: String,
    /// The id of the step where cases enter unless their source names another.
    pub start: String,
    /// A whole-process term (arrival → terminal outcome), when one applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<Norm>,
    /// The term is a scenario assumption, not taken from the act; outputs repeat the label.
    #[serde(default, skip_serializing_if = "is_false")]
    pub term_assumed: bool,
    /// Where the term comes from (opaque to the engine, echoed in outputs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_citation: Option<String>,
    /// Working-hour schedules by name. A schedule named `default` is used by roles that name none
    /// and by working-time norms of non-staffed steps; when absent it is
    /// [`Schedule::default`] (09:00–18:30 with lunch 13:00–14:30).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub schedules: BTreeMap<String, Schedule>,
    /// Roles by name, each with a pool of staff.
    #[serde(default)]
    pub roles: BTreeMap<String, Role>,
    /// The steps, in the order they are listed in outputs.
    pub steps: Vec<Step>,
}

/// A role: a pool of interchangeable staff serving one FIFO queue per role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Number of staff (must be ≥ 1; signed so that a negative value reaches validation).
    pub staff: i64,
    /// The schedule the staff work to; `default` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
}

impl Role {
    /// A role of `staff` people on the default schedule.
    ///
    /// # Example
    /// ```
    /// let role = ereje_sim_engine::Role::new(3);
    /// assert_eq!(role.staff, 3);
    /// ```
    pub fn new(staff: i64) -> Role {
        Role { staff, schedule: None }
    }
}

/// A time of day, `HH:MM` (00:00 to 24:00), stored as minutes since midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    /// The time `hour:minute`; `None` unless it lies in 00:00..=24:00.
    ///
    /// # Example
    /// ```
    /// use ereje_sim_engine::ClockTime;
    /// assert_eq!(ClockTime::new(13, 30).map(|t| t.minutes()), Some(810));
    /// assert_eq!(ClockTime::new(24, 1), None);
    /// ```
    pub fn new(hour: u16, minute: u16) -> Option<ClockTime> {
        let m = hour.checked_mul(60)?.checked_add(minute)?;
        (minute < 60 && m <= 24 * 60).then_some(ClockTime(m))
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// Error parsing a [`ClockTime`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid time of day `{0}`: expected HH:MM between 00:00 and 24:00")]
pub struct ClockTimeError(String);

impl FromStr for ClockTime {
    type Err = ClockTimeError;

    fn from_str(s: &str) -> Result<ClockTime, ClockTimeError> {
        let err = || ClockTimeError(s.to_string());
        let (h, m) = s.split_once(':').ok_or_else(err)?;
        if h.len() != 2 || m.len() != 2 {
            return Err(err());
        }
        let h: u16 = h.parse().map_err(|_| err())?;
        let m: u16 = m.parse().map_err(|_| err())?;
        ClockTime::new(h, m).ok_or_else(err)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ClockTime, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A daily working-hour schedule, applied on every working day of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// When work starts.
    pub start: ClockTime,
    /// When work ends (after `start`).
    pub end: ClockTime,
    /// Breaks inside the day (lunch): ordered, not overlapping, inside `start..end`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<Break>,
}

impl Default for Schedule {
    /// 09:00–18:30 with lunch 13:00–14:30 (eight working hours).
    fn default() -> Schedule {
        Schedule {
            start: ClockTime(9 * 60),
            end: ClockTime(18 * 60 + 30),
            breaks: vec![Break { start: ClockTime(13 * 60), end: ClockTime(14 * 60 + 30) }],
        }
    }
}

/// A break in a [`Schedule`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Break {
    /// When the break starts.
    pub start: ClockTime,
    /// When the break ends.
    pub end: ClockTime,
}

/// Which clock a delay or an arrival process runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    /// Working time of a schedule on working days: pauses over breaks, nights, weekends and
    /// holidays.
    #[default]
    Working,
    /// Calendar (wall-clock) time: runs day and night.
    Calendar,
}

/// A norm: the longest time a step (from entering it, queue included, to leaving it) or the whole
/// process (arrival to terminal outcome) may take.
///
/// TOML: `{ working_minutes = 20 }`, `{ working_days = 8 }`, `{ calendar_minutes = 120 }`,
/// `{ calendar_days = 30 }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Norm {
    /// At most this many working minutes of the step's schedule (the role's for a staffed step,
    /// `default` otherwise) between entry and exit.
    WorkingMinutes(f64),
    /// Done by the end of the N-th working day after the day of entry: the number of working days
    /// in (entry date, exit date] is at most N (the term starts the day after; same-day is 0).
    WorkingDays(u32),
    /// At most this many calendar minutes between entry and exit.
    CalendarMinutes(f64),
    /// Exit date at most N calendar days after the entry date.
    CalendarDays(u32),
}

impl fmt::Display for Norm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Norm::WorkingMinutes(m) => write!(f, "{m} working minutes"),
            Norm::WorkingDays(d) => write!(f, "{d} working days"),
            Norm::CalendarMinutes(m) => write!(f, "{m} calendar minutes"),
            Norm::CalendarDays(d) => write!(f, "{d} calendar days"),
        }
    }
}

/// A probability distribution of a duration, in minutes.
///
/// Draws are rounded to whole seconds; a negative draw (impossible for the valid parameters)
/// would count as zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Dist {
    /// Always `minutes`.
    Fixed {
        /// The duration.
        minutes: f64,
    },
    /// Uniform on `[min, max]`.
    Uniform {
        /// Lower bound.
        min: f64,
        /// Upper bound.
        max: f64,
    },
    /// Triangular on `[min, max]` with the most likely value `mode`.
    Triangular {
        /// Lower bound.
        min: f64,
        /// Most likely value.
        mode: f64,
        /// Upper bound.
        max: f64,
    },
    /// Lognormal given by the mean and standard deviation *of the duration itself* (minutes).
    Lognormal {
        /// Mean duration (> 0).
        mean: f64,
        /// Standard deviation of the duration (≥ 0).
        sd: f64,
    },
    /// Lognormal given by the parameters of the underlying normal: `ln(minutes) ~ N(mu, sigma²)`;
    /// the median is `exp(mu)` minutes.
    LognormalLog {
        /// Mean of `ln(minutes)`.
        mu: f64,
        /// Standard deviation of `ln(minutes)` (≥ 0).
        sigma: f64,
    },
}

/// A duration the scenario gives to a step: a distribution in minutes, and whether it is a
/// scenario assumption (outputs repeat the label).
///
/// TOML (flat): `{ dist = "fixed", minutes = 20 }`,
/// `{ dist = "triangular", min = 10, mode = 20, max = 40, assumed = true }`,
/// `{ dist = "uniform", min = 1, max = 3 }`, `{ dist = "lognormal", mean = 30, sd = 10 }` or
/// `{ dist = "lognormal", mu = 3.3, sigma = 0.3 }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "DurationWire", into = "DurationWire")]
pub struct Duration {
    /// The distribution.
    pub dist: Dist,
    /// The duration is assumed by the scenario, not set by the act.
    pub assumed: bool,
}

impl Duration {
    /// A fixed duration of `minutes`, not an assumption.
    ///
    /// # Example
    /// ```
    /// use ereje_sim_engine::{Dist, Duration};
    /// assert_eq!(Duration::fixed(20.0).dist, Dist::Fixed { minutes: 20.0 });
    /// ```
    pub fn fixed(minutes: f64) -> Duration {
        Duration { dist: Dist::Fixed { minutes }, assumed: false }
    }

    /// A duration with this distribution, not an assumption.
    pub fn new(dist: Dist) -> Duration {
        Duration { dist, assumed: false }
    }

    /// The same duration labelled as a scenario assumption.
    pub fn assumed(self) -> Duration {
        Duration { assumed: true, ..self }
    }
}

/// The names of [`Dist`] variants in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum DistKind {
    Fixed,
    Uniform,
    Triangular,
    Lognormal,
}

/// The flat file form of a [`Duration`].
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DurationWire {
    dist: DistKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    minutes: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mode: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mean: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sd: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mu: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sigma: Option<f64>,
    #[serde(default, skip_serializing_if = "is_false")]
    assumed: bool,
}

impl TryFrom<DurationWire> for Duration {
    type Error = String;

    fn try_from(w: DurationWire) -> Result<Duration, String> {
        let given: Vec<&str> = [
            ("minutes", w.minutes),
            ("min", w.min),
            ("mode", w.mode),
            ("max", w.max),
            ("mean", w.mean),
            ("sd", w.sd),
            ("mu", w.mu),
            ("sigma", w.sigma),
        ]
        .iter()
        .filter(|(_, v)| v.is_some())
        .map(|(k, _)| *k)
        .collect();
        let exactly =
            |keys: &[&str]| given.len() == keys.len() && keys.iter().all(|k| given.contains(k));
        let assumed = w.assumed;
        let dist = match (w.dist, w) {
            (DistKind::Fixed, DurationWire { minutes: Some(minutes), .. })
                if exactly(&["minutes"]) =>
            {
                Dist::Fixed { minutes }
            }
            (DistKind::Uniform, DurationWire { min: Some(min), max: Some(max), .. })
                if exactly(&["min", "max"]) =>
            {
                Dist::Uniform { min, max }
            }
            (
                DistKind::Triangular,
                DurationWire { min: Some(min), mode: Some(mode), max: Some(max), .. },
            ) if exactly(&["min", "mode", "max"]) => Dist::Triangular { min, mode, max },
            (DistKind::Lognormal, DurationWire { mean: Some(mean), sd: Some(sd), .. })
                if exactly(&["mean", "sd"]) =>
            {
                Dist::Lognormal { mean, sd }
            }
            (DistKind::Lognormal, DurationWire { mu: Some(mu), sigma: Some(sigma), .. })
                if exactly(&["mu", "sigma"]) =>
            {
                Dist::LognormalLog { mu, sigma }
            }
            (kind, _) => {
                let need = match kind {
                    DistKind::Fixed => "`minutes`",
                    DistKind::Uniform => "`min` and `max`",
                    DistKind::Triangular => "`min`, `mode` and `max`",
                    DistKind::Lognormal => "`mean` and `sd`, or `mu` and `sigma`",
                };
                return Err(format!(
                    "a {} duration takes exactly {need} (given: {})",
                    kind.name(),
                    if given.is_empty() { "nothing".to_string() } else { given.join(", ") }
                ));
            }
        };
        Ok(Duration { dist, assumed })
    }
}

impl DistKind {
    fn name(self) -> &'static str {
        match self {
            DistKind::Fixed => "fixed",
            DistKind::Uniform => "uniform",
            DistKind::Triangular => "triangular",
            DistKind::Lognormal => "lognormal",
        }
    }
}

impl From<Duration> for DurationWire {
    fn from(d: Duration) -> DurationWire {
        let mut w = DurationWire {
            dist: DistKind::Fixed,
            minutes: None,
            min: None,
            mode: None,
            max: None,
            mean: None,
            sd: None,
            mu: None,
            sigma: None,
            assumed: d.assumed,
        };
        match d.dist {
            Dist::Fixed { minutes } => w.minutes = Some(minutes),
            Dist::Uniform { min, max } => {
                w.dist = DistKind::Uniform;
                w.min = Some(min);
                w.max = Some(max);
            }
            Dist::Triangular { min, mode, max } => {
                w.dist = DistKind::Triangular;
                w.min = Some(min);
                w.mode = Some(mode);
                w.max = Some(max);
            }
            Dist::Lognormal { mean, sd } => {
                w.dist = DistKind::Lognormal;
                w.mean = Some(mean);
                w.sd = Some(sd);
            }
            Dist::LognormalLog { mu, sigma } => {
                w.dist = DistKind::Lognormal;
                w.mu = Some(mu);
                w.sigma = Some(sigma);
            }
        }
        w
    }
}

/// A window during which a system step is down: work reaching it then is held until the window
/// ends, and its latency runs from there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outage {
    /// Start (local time, `YYYY-MM-DDTHH:MM:SS`).
    pub from: NaiveDateTime,
    /// End (after `from`).
    pub to: NaiveDateTime,
}

/// A predicate on a case attribute (a source label, a drawn attribute, a timed case's attribute,
/// or the implicit attribute `source`, the source's name). A case without the attribute matches
/// `ne` and fails `eq` and `in`.
///
/// TOML: `{ op = "eq", attribute = "channel", value = "portal" }`,
/// `{ op = "in", attribute = "risk", values = ["job_loss", "childcare"] }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Predicate {
    /// `attribute == value`.
    Eq {
        /// The attribute's name.
        attribute: String,
        /// The value it must have.
        value: String,
    },
    /// `attribute != value`.
    Ne {
        /// The attribute's name.
        attribute: String,
        /// The value it must not have.
        value: String,
    },
    /// `attribute ∈ values`.
    In {
        /// The attribute's name.
        attribute: String,
        /// The values it may have.
        values: Vec<String>,
    },
}

impl Predicate {
    /// The attribute the predicate reads.
    pub fn attribute(&self) -> &str {
        match self {
            Predicate::Eq { attribute, .. }
            | Predicate::Ne { attribute, .. }
            | Predicate::In { attribute, .. } => attribute,
        }
    }
}

/// One branch of a condition step: by probability, or by a predicate (then the condition needs
/// an `otherwise`). A condition's branches are all of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// The step the case goes to.
    pub to: String,
    /// The probability of this branch (probability branching; they sum to 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
    /// The predicate choosing this branch (predicate branching; the first match wins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Predicate>,
}

impl Branch {
    /// A branch taken with probability `p`.
    ///
    /// # Example
    /// ```
    /// let b = ereje_sim_engine::Branch::probability("refused", 0.1);
    /// assert_eq!((b.to.as_str(), b.probability), ("refused", Some(0.1)));
    /// ```
    pub fn probability(to: &str, p: f64) -> Branch {
        Branch { to: to.to_string(), probability: Some(p), when: None }
    }

    /// A branch taken when `predicate` holds.
    pub fn when(to: &str, predicate: Predicate) -> Branch {
        Branch { to: to.to_string(), probability: None, when: Some(predicate) }
    }
}

/// A step of a process. `kind` in files: `staffed`, `system`, `applicant`, `condition`, `end`.
///
/// Every non-terminal step may carry a norm (`None` = "no norm set") and a citation (opaque,
/// echoed in outputs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Step {
    /// Work done by a member of a role's staff, taken from the role's FIFO queue. `effort` is staff
    /// time in working minutes of the role's schedule; after it, an optional `wait` (e.g. answers
    /// to inquiries) holds no staff; the step ends when the wait ends.
    Staffed {
        /// Unique step id.
        id: String,
        /// The role doing the work (required: `None` is a validation error).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
        /// Staff time, in working minutes of the role's schedule.
        effort: Duration,
        /// Elapsed time after the effort that holds no staff.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        wait: Option<Duration>,
        /// The clock of `wait` (working time of the role's schedule by default).
        #[serde(default, skip_serializing_if = "is_working")]
        wait_clock: Clock,
        /// The next step.
        next: String,
        /// The norm of the step, from entering the queue to the end of the wait.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        norm: Option<Norm>,
        /// The norm is a scenario assumption.
        #[serde(default, skip_serializing_if = "is_false")]
        norm_assumed: bool,
        /// Where the step comes from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        citation: Option<String>,
    },
    /// An information system (gateway, database check): unlimited capacity, a latency in calendar
    /// minutes, optional outages during which it holds work.
    System {
        /// Unique step id.
        id: String,
        /// Latency, calendar minutes.
        latency: Duration,
        /// Outage windows.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        outages: Vec<Outage>,
        /// The next step.
        next: String,
        /// The norm of the step.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        norm: Option<Norm>,
        /// The norm is a scenario assumption.
        #[serde(default, skip_serializing_if = "is_false")]
        norm_assumed: bool,
        /// Where the step comes from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        citation: Option<String>,
    },
    /// Something the applicant does (no staff, unlimited capacity): a delay.
    Applicant {
        /// Unique step id.
        id: String,
        /// The delay, minutes on `clock`.
        delay: Duration,
        /// The clock of the delay (calendar time by default).
        #[serde(default = "calendar", skip_serializing_if = "is_calendar")]
        clock: Clock,
        /// The next step.
        next: String,
        /// The norm of the step.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        norm: Option<Norm>,
        /// The norm is a scenario assumption.
        #[serde(default, skip_serializing_if = "is_false")]
        norm_assumed: bool,
        /// Where the step comes from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        citation: Option<String>,
    },
    /// A branch, taking no time: by probability, or by predicates on case attributes.
    Condition {
        /// Unique step id.
        id: String,
        /// The branches, all by probability or all by predicate.
        branches: Vec<Branch>,
        /// Where cases go when no predicate matches (predicate branching only; required there).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        otherwise: Option<String>,
        /// Where the condition comes from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        citation: Option<String>,
    },
    /// A terminal outcome.
    End {
        /// Unique step id (the key of the outcome in outputs).
        id: String,
        /// The outcome, e.g. `assigned` or `refused`.
        outcome: String,
        /// Why, e.g. the condition that refused.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// Where the outcome comes from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        citation: Option<String>,
    },
}

fn is_working(c: &Clock) -> bool {
    *c == Clock::Working
}

fn is_calendar(c: &Clock) -> bool {
    *c == Clock::Calendar
}

fn calendar() -> Clock {
    Clock::Calendar
}

impl Step {
    /// A staffed step with a role, an effort and a next step (no wait, norm or citation).
    ///
    /// # Example
    /// ```
    /// use ereje_sim_engine::{Duration, Norm, Step};
    /// let step = Step::staffed("receive", "office", Duration::fixed(20.0), "assign")
    ///     .with_norm(Norm::WorkingMinutes(20.0))
    ///     .with_citation("para 5(1)");
    /// assert_eq!(step.id(), "receive");
    /// assert_eq!(step.norm(), Some(Norm::WorkingMinutes(20.0)));
    /// ```
    pub fn staffed(id: &str, role: &str, effort: Duration, next: &str) -> Step {
        Step::Staffed {
            id: id.to_string(),
            role: Some(role.to_string()),
            effort,
            wait: None,
            wait_clock: Clock::Working,
            next: next.to_string(),
            norm: None,
            norm_assumed: false,
            citation: None,
        }
    }

    /// A system step with a latency and a next step.
    pub fn system(id: &str, latency: Duration, next: &str) -> Step {
        Step::System {
            id: id.to_string(),
            latency,
            outages: Vec::new(),
            next: next.to_string(),
            norm: None,
            norm_assumed: false,
            citation: None,
        }
    }

    /// An applicant step with a calendar-time delay and a next step.
    pub fn applicant(id: &str, delay: Duration, next: &str) -> Step {
        Step::Applicant {
            id: id.to_string(),
            delay,
            clock: Clock::Calendar,
            next: next.to_string(),
            norm: None,
            norm_assumed: false,
            citation: None,
        }
    }

    /// A condition with these branches (no `otherwise`: see [`Step::with_otherwise`]).
    pub fn condition(id: &str, branches: Vec<Branch>) -> Step {
        Step::Condition { id: id.to_string(), branches, otherwise: None, citation: None }
    }

    /// This condition with an `otherwise` (for predicate branching; ignored by other kinds).
    ///
    /// # Example
    /// ```
    /// use ereje_sim_engine::{Branch, Predicate, Step};
    /// let portal = Predicate::Eq { attribute: "channel".into(), value: "portal".into() };
    /// let route = Step::condition("route", vec![Branch::when("online", portal)]).with_otherwise("office");
    /// assert_eq!(route.successors(), vec!["online", "office"]);
    /// ```
    pub fn with_otherwise(mut self, to: &str) -> Step {
        if let Step::Condition { otherwise, .. } = &mut self {
            *otherwise = Some(to.to_string());
        }
        self
    }

    /// A terminal outcome.
    pub fn end(id: &str, outcome: &str) -> Step {
        Step::End { id: id.to_string(), outcome: outcome.to_string(), reason: None, citation: None }
    }

    /// This step with a norm (ignored by conditions and terminal steps, which take no time).
    pub fn with_norm(mut self, new: Norm) -> Step {
        if let Step::Staffed { norm, .. }
        | Step::System { norm, .. }
        | Step::Applicant { norm, .. } = &mut self
        {
            *norm = Some(new);
        }
        self
    }

    /// This step with a citation.
    pub fn with_citation(mut self, text: &str) -> Step {
        match &mut self {
            Step::Staffed { citation, .. }
            | Step::System { citation, .. }
            | Step::Applicant { citation, .. }
            | Step::Condition { citation, .. }
            | Step::End { citation, .. } => *citation = Some(text.to_string()),
        }
        self
    }

    /// The step's id.
    pub fn id(&self) -> &str {
        match self {
            Step::Staffed { id, .. }
            | Step::System { id, .. }
            | Step::Applicant { id, .. }
            | Step::Condition { id, .. }
            | Step::End { id, .. } => id,
        }
    }

    /// The kind's name as in files.
    pub fn kind(&self) -> &'static str {
        match self {
            Step::Staffed { .. } => "staffed",
            Step::System { .. } => "system",
            Step::Applicant { .. } => "applicant",
            Step::Condition { .. } => "condition",
            Step::End { .. } => "end",
        }
    }

    /// The step's norm, if any.
    pub fn norm(&self) -> Option<Norm> {
        match self {
            Step::Staffed { norm, .. }
            | Step::System { norm, .. }
            | Step::Applicant { norm, .. } => *norm,
            Step::Condition { .. } | Step::End { .. } => None,
        }
    }

    /// Whether the step's norm is a scenario assumption.
    pub fn norm_assumed(&self) -> bool {
        match self {
            Step::Staffed { norm_assumed, .. }
            | Step::System { norm_assumed, .. }
            | Step::Applicant { norm_assumed, .. } => *norm_assumed,
            Step::Condition { .. } | Step::End { .. } => false,
        }
    }

    /// The step's citation, if any.
    pub fn citation(&self) -> Option<&str> {
        match self {
            Step::Staffed { citation, .. }
            | Step::System { citation, .. }
            | Step::Applicant { citation, .. }
            | Step::Condition { citation, .. }
            | Step::End { citation, .. } => citation.as_deref(),
        }
    }

    /// The ids of the steps this one can lead to, in definition order (a condition's branches,
    /// then its `otherwise`).
    ///
    /// # Example
    /// ```
    /// use ereje_sim_engine::{Branch, Step};
    /// let c = Step::condition("c", vec![Branch::probability("a", 0.5), Branch::probability("b", 0.5)]);
    /// assert_eq!(c.successors(), vec!["a", "b"]);
    /// ```
    pub fn successors(&self) -> Vec<&str> {
        match self {
            Step::Staffed { next, .. }
            | Step::System { next, .. }
            | Step::Applicant { next, .. } => {
                vec![next.as_str()]
            }
            Step::Condition { branches, otherwise, .. } => {
                branches.iter().map(|b| b.to.as_str()).chain(otherwise.as_deref()).collect()
            }
            Step::End { .. } => Vec::new(),
        }
    }

    /// The durations the step uses, named as in files (`effort`, `wait`, `latency`, `delay`).
    pub fn durations(&self) -> Vec<(&'static str, &Duration)> {
        match self {
            Step::Staffed { effort, wait, .. } => {
                let mut v = vec![("effort", effort)];
                if let Some(w) = wait {
                    v.push(("wait", w));
                }
                v
            }
            Step::System { latency, .. } => vec![("latency", latency)],
            Step::Applicant { delay, .. } => vec![("delay", delay)],
            Step::Condition { .. } | Step::End { .. } => Vec::new(),
        }
    }
}

/// An arrival source: a channel × risk (or any labels) with a Poisson arrival process.
///
/// The expected number of arrivals over the run window is `rate_per_working_day` × the number of
/// working days in the window. With `clock = "working"` arrivals happen only in the working time
/// of `schedule`; with `clock = "calendar"` at any hour of any day (24/7 portals). Within those
/// hours the intensity is proportional to `hour_profile[h]` for clock hour `h` (flat without a
/// profile).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique source name (the key in outputs).
    pub name: String,
    /// Labels, e.g. `channel = "portal"`, `risk = "job_loss"`: grouped on in outputs and usable
    /// as case attributes in predicates.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// The step where this source's cases enter (the process's `start` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// Expected arrivals per working day (≥ 0).
    #[serde(default)]
    pub rate_per_working_day: f64,
    /// Whether arrivals follow working time or calendar time.
    #[serde(default, skip_serializing_if = "is_working")]
    pub clock: Clock,
    /// The schedule for `clock = "working"` (`default` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// 24 non-negative weights, one per clock hour 0..=23 (not all zero).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hour_profile: Option<Vec<f64>>,
    /// Attributes drawn for each case: attribute → value → probability (summing to 1).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, BTreeMap<String, f64>>,
}

impl Source {
    /// A source with a name and a rate per working day, on working time, entering at the
    /// process's start.
    ///
    /// # Example
    /// ```
    /// let s = ereje_sim_engine::Source::new("portal", 40.0).with_label("channel", "portal");
    /// assert_eq!(s.labels["channel"], "portal");
    /// ```
    pub fn new(name: &str, rate_per_working_day: f64) -> Source {
        Source {
            name: name.to_string(),
            labels: BTreeMap::new(),
            entry: None,
            rate_per_working_day,
            clock: Clock::Working,
            schedule: None,
            hour_profile: None,
            attributes: BTreeMap::new(),
        }
    }

    /// This source with one more label.
    pub fn with_label(mut self, key: &str, value: &str) -> Source {
        self.labels.insert(key.to_string(), value.to_string());
        self
    }
}

/// A case given by the caller with its arrival time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimedCase {
    /// The source whose labels and entry step the case takes.
    pub source: String,
    /// Arrival (local time); cases outside the run window are ignored.
    pub at: NaiveDateTime,
    /// Attribute values (override the source's labels and drawn attributes).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    /// The case id; drawn from the random stream when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<uuid::Uuid>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_time_parses_and_prints() {
        for (s, ok) in
            [("09:00", true), ("24:00", true), ("24:01", false), ("9:00", false), ("12:60", false)]
        {
            let parsed = s.parse::<ClockTime>();
            assert_eq!(parsed.is_ok(), ok, "{s}");
            if let Ok(t) = parsed {
                assert_eq!(t.to_string(), s);
            }
        }
    }

    #[test]
    fn duration_wire_rejects_missing_and_extra_parameters() {
        let cases = [
            ("dist = 'fixed'\nminutes = 3", true),
            ("dist = 'fixed'", false),
            ("dist = 'fixed'\nminutes = 3\nmax = 4", false),
            ("dist = 'triangular'\nmin = 1\nmode = 2\nmax = 3", true),
            ("dist = 'triangular'\nmin = 1\nmax = 3", false),
            ("dist = 'lognormal'\nmean = 1\nsd = 2", true),
            ("dist = 'lognormal'\nmu = 1\nsigma = 2", true),
            ("dist = 'lognormal'\nmean = 1\nsigma = 2", false),
            ("dist = 'uniform'\nmin = 1\nmax = 2\nassumed = true", true),
            ("dist = 'gamma'\nmin = 1", false),
            ("dist = 'fixed'\nminutes = 3\ncolour = 1", false),
        ];
        for (text, ok) in cases {
            let r: Result<Duration, _> = toml::from_str(text);
            assert_eq!(r.is_ok(), ok, "{text}: {r:?}");
        }
    }
}
