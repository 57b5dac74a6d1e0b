//! The procedure of seed 003 (the Aktobe regulation of the social-payment service) as a process
//! the simulation engine runs, and the default scenario of `ereje-sim social-payment`.
//!
//! - [`REGULATION`]: every step and condition of the department's procedure (para 5), the State
//!   Corporation route (paras 7–8) and the portal route (para 9), in the seed's order, each with
//!   its paragraph and sub-paragraph ([`Para`]), the seed's own label ("process 3", "condition
//!   1"), its actor and the norm the seed sets (`None`: "no norm set"; para 9 sets none).
//!   [`ROLES`]: the roles of para 6 and the State Corporation's operator. [`REFUSALS`]: where a case
//!   can be refused.
//! - [`process`]: the regulation as an [`ereje_sim_engine::Process`], with the durations the
//!   default scenario assumes (every one labelled `assumed`). [`default_scenario`]: the job-loss
//!   payment under this regulation over 2025, labelled [`LABEL`]; shipped as
//!   `fixtures/social-payment/default.toml` (a test keeps the two equal).
//! - The scenario switch [`SWITCH`] (`department_procedure`, a label on the State Corporation and
//!   portal sources): whether their cases also pass through the para-5 procedure. The seed gives
//!   the department 8 working days for the documents in para 5(3) but 2 minutes for the same check
//!   on the State Corporation route (para 8(2)); the default (`no`) follows paras 8(2) and 9(9).
//! - The whole-service term is not in the seed: [`LAW_2019_TERM`] (Law No. 286-VI of 26.12.2019,
//!   art. 19 p. 8 part 2: 8 working days, 6 for job loss; in force 2020-01-01 – 2023-06-30).
//!   [`term_for_window`] applies it as the law inside that window and as a labelled scenario
//!   assumption outside it (2025 is outside).
//! - The act has a territory ([`TERRITORY`], [`crate::channels::in_seed_territory`]) and an
//!   effective window ([`crate::channels::SeedWindow`], a documented parameter); [`notes`] says
//!   whether a run lies inside it.
//!
//! Details, the diagram and every assumption: `docs/social-payment-procedure.md`.
//!
//! ```
//! use ereje_social_payment::procedure;
//! use ereje_sim_engine::{simulate, RunOptions, WeekdaysOnly};
//!
//! let mut scenario = procedure::default_scenario();
//! assert!(ereje_sim_engine::validate(&scenario).is_empty());
//! scenario.run.end = chrono::NaiveDate::from_ymd_opt(2025, 2, 28).unwrap();
//! scenario.run.replications = 1;
//! let out = simulate(&scenario, &WeekdaysOnly, &RunOptions::default()).unwrap().output;
//! assert!(out.cases > 1_000);
//! // Para 9 sets no norms: "no norm set".
//! let fill = out.model.steps.iter().find(|s| s.id == "p_fill_form").unwrap();
//! assert_eq!(fill.norm, None);
//! assert_eq!(fill.citation.as_deref(), Some("para 9(5), process 3"));
//! ```

use std::fmt;

use chrono::NaiveDate;
use ereje_sim_engine::{Norm, Process, Scenario, Step};
use serde::Serialize;

use crate::channels::SeedWindow;
use crate::params::{LAW_2019_END, LAW_2019_START};

mod regulation;
mod scenario;
#[cfg(test)]
mod tests;

pub use regulation::{REFUSALS, REGULATION, ROLES, SWITCH};

/// The label every output of the default scenario carries.
pub const LABEL: &str = "the Aktobe procedure applied to 2025 volumes (assumption)";

/// The seed's territory: the employment and social-programme departments of Aktobe city and of
/// the districts (para 1 part 2 sub-para 2).
pub const TERRITORY: &str =
    "Aktobe city and the districts of Aktobe region (para 1 part 2 sub-para 2)";

/// A place in the seed: a paragraph and, where there is one, a sub-paragraph. Displays as
/// `para 5(1)` or `para 6`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Para {
    /// The paragraph (пункт / тармақ).
    pub para: u8,
    /// The sub-paragraph (подпункт / тармақша).
    pub sub: Option<u8>,
}

impl fmt::Display for Para {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sub {
            Some(s) => write!(f, "para {}({s})", self.para),
            None => write!(f, "para {}", self.para),
        }
    }
}

/// The seed's own numbering inside paras 7–9: «N-үдеріс» (process N) and «N-шарт» (condition N).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeedLabel {
    /// «N-үдеріс».
    Process(u8),
    /// «N-шарт».
    Condition(u8),
}

impl SeedLabel {
    /// The label in the seed's Kazakh, e.g. `3-үдеріс`.
    ///
    /// # Example
    /// ```
    /// use ereje_social_payment::procedure::SeedLabel;
    /// assert_eq!(SeedLabel::Condition(2).kk(), "2-шарт");
    /// assert_eq!(SeedLabel::Process(8).to_string(), "process 8");
    /// ```
    pub fn kk(self) -> String {
        match self {
            SeedLabel::Process(n) => format!("{n}-үдеріс"),
            SeedLabel::Condition(n) => format!("{n}-шарт"),
        }
    }
}

impl fmt::Display for SeedLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeedLabel::Process(n) => write!(f, "process {n}"),
            SeedLabel::Condition(n) => write!(f, "condition {n}"),
        }
    }
}

/// The route a step belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// The department's procedure (para 5): applications lodged at the employment and
    /// social-programme department (para 1 part 2 sub-para 2).
    Department,
    /// The State Corporation (paras 7–8; para 1 part 2 sub-para 1).
    StateCorporation,
    /// The portal www.egov.kz (para 9; para 1 part 2 sub-para 4).
    Portal,
}

impl Route {
    /// A heading for the route.
    ///
    /// # Example
    /// ```
    /// use ereje_social_payment::procedure::Route;
    /// assert!(Route::Portal.title().contains("no time norms"));
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            Route::Department => {
                "Department route: para 5 (applications lodged at the department, para 1 part 2 sub-para 2)"
            }
            Route::StateCorporation => {
                "State Corporation route: paras 7-8 (para 1 part 2 sub-para 1)"
            }
            Route::Portal => "Portal route: para 9, no time norms (para 1 part 2 sub-para 4)",
        }
    }
}

/// The engine kind a step is modelled as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Work by a role's staff, from a FIFO queue.
    Staffed,
    /// An information system (gateway, database, portal check): unlimited capacity.
    System,
    /// Something the applicant does alone.
    Applicant,
    /// A branch taking no time.
    Condition,
    /// A terminal outcome.
    End,
}

impl StepKind {
    /// The kind's name in scenario files (`staffed`, `system`, …), as
    /// [`ereje_sim_engine::Step::kind`].
    ///
    /// # Example
    /// ```
    /// use ereje_social_payment::procedure::{process, StepKind, REGULATION};
    /// assert_eq!(StepKind::Staffed.as_str(), "staffed");
    /// assert_eq!(process().steps[0].kind(), REGULATION[0].kind.as_str());
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Staffed => "staffed",
            StepKind::System => "system",
            StepKind::Applicant => "applicant",
            StepKind::Condition => "condition",
            StepKind::End => "end",
        }
    }
}

/// Who acts in a step according to the seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The applicant (көрсетілетін қызметті алушы).
    Applicant,
    /// The department's office specialist (para 6(1)).
    OfficeSpecialist,
    /// The head of the department (para 6(2)).
    Head,
    /// The department's responsible executor (para 6(3)).
    ResponsibleExecutor,
    /// "The department" without a role (paras 8(2), 9(9)); modelled as the responsible executor.
    Department,
    /// The State Corporation's operator (paras 7(2)–7(3), 8(4)).
    StateCorporationOperator,
    /// An information system: ШЭП, ГБД ФЛ, the regional gateway (ЭҮАШ АЖО).
    InformationSystem,
    /// The portal www.egov.kz.
    Portal,
    /// Not in the seed: a routing step of the model (the scenario switch, the route back).
    Routing,
}

/// One step or condition of the regulation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RegulationStep {
    /// The engine's step id.
    pub id: &'static str,
    /// The route.
    pub route: Route,
    /// How the step is modelled.
    pub kind: StepKind,
    /// The paragraph and sub-paragraph of the seed.
    pub citation: Para,
    /// The seed's own label, when it numbers the step.
    pub label: Option<SeedLabel>,
    /// What part of the sub-paragraph this step is, when a sub-paragraph gives several steps.
    pub note: Option<&'static str>,
    /// Who acts.
    pub actor: Actor,
    /// What happens (English summary of the seed's text).
    pub what: &'static str,
    /// The time norm the seed sets; `None`: "no norm set".
    pub norm: Option<Norm>,
}

impl RegulationStep {
    /// The citation as the engine carries it: `para 7(5), condition 1; data present`.
    ///
    /// # Example
    /// ```
    /// use ereje_social_payment::procedure::REGULATION;
    /// let texts: Vec<String> = REGULATION.iter().take(2).map(|s| s.citation_text()).collect();
    /// assert_eq!(texts, ["para 5(1)", "para 5(2)"]);
    /// ```
    pub fn citation_text(&self) -> String {
        let mut s = self.citation.to_string();
        if let Some(l) = self.label {
            s.push_str(&format!(", {l}"));
        }
        if let Some(n) = self.note {
            s.push_str(&format!("; {n}"));
        }
        s
    }
}

/// A role of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RoleDoc {
    /// The engine's role name.
    pub name: &'static str,
    /// Where the seed names it.
    pub citation: Para,
    /// The seed's name.
    pub kk: &'static str,
    /// In English.
    pub en: &'static str,
}

/// A point where a case can be refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RefusalPoint {
    /// The condition step that refuses.
    pub condition: &'static str,
    /// The step its refusal branch leads to.
    pub branch: &'static str,
    /// The terminal step the refused case ends in.
    pub end: &'static str,
    /// The reason the engine reports.
    pub reason: &'static str,
}

/// The whole-service term of Law No. 286-VI of 26.12.2019, art. 19 p. 8 part 2, with the law's
/// window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ServiceTerm {
    /// The term for social payments in general, working days.
    pub working_days: u32,
    /// The term for the job-loss payment, working days.
    pub job_loss_working_days: u32,
    /// First day of the law.
    pub from: NaiveDate,
    /// Last day of the law.
    pub to: NaiveDate,
    /// The citation.
    pub citation: &'static str,
}

/// Art. 19 p. 8 part 2 of the 2019 law: «Срок назначения социальных выплат не превышает восьми
/// рабочих дней, за исключением социальной выплаты на случай потери работы, срок назначения
/// которой не превышает шести рабочих дней со дня регистрации заявления со всеми необходимыми
/// документами в Государственной корпорации …, если иное не предусмотрено пунктом 5» (p. 5: a
/// check of the documents may delay the decision by at most one month, with notice).
pub const LAW_2019_TERM: ServiceTerm = ServiceTerm {
    working_days: 8,
    job_loss_working_days: 6,
    from: LAW_2019_START,
    to: LAW_2019_END,
    citation: "Law No. 286-VI of 26.12.2019, art. 19 p. 8 part 2",
};

/// The whole-process term a run uses, and whether it is the law or a scenario assumption.
#[derive(Debug, Clone, PartialEq)]
pub struct TermUse {
    /// The term (job loss: 6 working days).
    pub norm: Norm,
    /// True when the run window is not wholly inside the law's window.
    pub assumed: bool,
    /// The citation, saying which.
    pub citation: String,
}

/// The job-loss term for a run from `start` to `end`: the 2019 law's 6 working days, as the law
/// when the whole window lies in 2020-01-01 – 2023-06-30, otherwise as a labelled scenario
/// assumption.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_social_payment::procedure::term_for_window;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// assert!(!term_for_window(d(2021, 1, 1), d(2021, 12, 31)).assumed);
/// let t = term_for_window(d(2025, 1, 1), d(2025, 12, 31));
/// assert!(t.assumed);
/// assert_eq!(t.norm, ereje_sim_engine::Norm::WorkingDays(6));
/// assert!(t.citation.contains("scenario assumption"));
/// ```
pub fn term_for_window(start: NaiveDate, end: NaiveDate) -> TermUse {
    let t = LAW_2019_TERM;
    let inside = t.from <= start && end <= t.to;
    let base = format!(
        "{}: job loss, at most {} working days from registering the application with all documents \
         (law in force {} - {})",
        t.citation, t.job_loss_working_days, t.from, t.to
    );
    let citation = if inside {
        base
    } else {
        format!("{base}; the run {start} - {end} is outside that window: a scenario assumption")
    };
    TermUse { norm: Norm::WorkingDays(t.job_loss_working_days), assumed: !inside, citation }
}

/// Sets the scenario's process term from its run window ([`term_for_window`]); call it after
/// changing `run.start` or `run.end`.
///
/// # Example
/// ```
/// use ereje_social_payment::procedure::{apply_term, default_scenario};
/// let mut s = default_scenario();
/// assert!(s.process.term_assumed);
/// s.run.start = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
/// s.run.end = chrono::NaiveDate::from_ymd_opt(2021, 6, 30).unwrap();
/// apply_term(&mut s);
/// assert!(!s.process.term_assumed);
/// ```
pub fn apply_term(scenario: &mut Scenario) {
    let t = term_for_window(scenario.run.start, scenario.run.end);
    scenario.process.term = Some(t.norm);
    scenario.process.term_assumed = t.assumed;
    scenario.process.term_citation = Some(t.citation);
}

/// The regulation as an engine process: the steps of [`REGULATION`] in order, with their
/// citations and norms, the roles of [`ROLES`] with the default scenario's staff, and the
/// durations the default scenario assumes (each labelled `assumed`). The term is the 2019 law's,
/// as an assumption for 2025 ([`term_for_window`]).
///
/// # Example
/// ```
/// let p = ereje_social_payment::procedure::process();
/// assert_eq!(p.start, "d_receive");
/// assert!(ereje_sim_engine::validate_process(&p).is_empty());
/// assert_eq!(p.steps.len(), ereje_social_payment::procedure::REGULATION.len());
/// ```
pub fn process() -> Process {
    scenario::process()
}

/// The default scenario: the job-loss payment under this regulation over 2025 (2025-01-01 to
/// 2025-12-31), three arrival sources (department, State Corporation, portal) with assumed
/// rates, assumed staff, a 14-day warm-up, seed 3, 5 replications, the switch
/// [`SWITCH`] = `no`. Equal to `fixtures/social-payment/default.toml`.
///
/// # Example
/// ```
/// let s = ereje_social_payment::procedure::default_scenario();
/// assert_eq!(s.sources.len(), 3);
/// assert_eq!(ereje_social_payment::procedure::department_procedure(&s), Some(false));
/// assert!(ereje_sim_engine::validate(&s).is_empty());
/// ```
pub fn default_scenario() -> Scenario {
    scenario::scenario()
}

/// Every step id with its citation, in process order (for reports).
///
/// # Example
/// ```
/// let c = ereje_social_payment::procedure::step_citations();
/// assert_eq!(c[0], ("d_receive", "para 5(1)".to_string()));
/// ```
pub fn step_citations() -> Vec<(&'static str, String)> {
    REGULATION.iter().map(|s| (s.id, s.citation_text())).collect()
}

/// The switch's value in `scenario`: `Some(true)` when every source carrying the [`SWITCH`]
/// label has `yes`, `Some(false)` when every one has `no`, `None` when mixed or absent.
///
/// # Example
/// ```
/// use ereje_social_payment::procedure::{default_scenario, department_procedure, set_department_procedure};
/// let mut s = default_scenario();
/// set_department_procedure(&mut s, true);
/// assert_eq!(department_procedure(&s), Some(true));
/// ```
pub fn department_procedure(scenario: &Scenario) -> Option<bool> {
    let values: Vec<&str> =
        scenario.sources.iter().filter_map(|s| s.labels.get(SWITCH)).map(String::as_str).collect();
    if values.is_empty() {
        None
    } else if values.iter().all(|v| *v == "yes") {
        Some(true)
    } else if values.iter().all(|v| *v == "no") {
        Some(false)
    } else {
        None
    }
}

/// Sets the switch on every State Corporation and portal source (by their `channel` label);
/// returns how many sources were changed or labelled.
///
/// # Example
/// ```
/// let mut s = ereje_social_payment::procedure::default_scenario();
/// assert_eq!(ereje_social_payment::procedure::set_department_procedure(&mut s, true), 2);
/// ```
pub fn set_department_procedure(scenario: &mut Scenario, on: bool) -> usize {
    let value = if on { "yes" } else { "no" };
    let mut n = 0;
    for s in &mut scenario.sources {
        let remote = matches!(
            s.labels.get("channel").map(String::as_str),
            Some("state_corporation" | "egov_portal")
        );
        if remote {
            s.labels.insert(SWITCH.to_string(), value.to_string());
            n += 1;
        }
    }
    n
}

/// An error in a setting of the procedure's scenario.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProcedureError {
    /// The key is not a setting of this procedure.
    #[error("unknown setting `{0}` (known: {SWITCH})")]
    UnknownKey(String),
    /// The value is not allowed for the key.
    #[error("invalid value `{value}` for `{key}`: expected yes or no")]
    BadValue {
        /// The key.
        key: String,
        /// The value given.
        value: String,
    },
}

/// Applies one `--set KEY=VALUE` setting of the procedure: `department_procedure=yes|no` (also
/// `true|false`, `on|off`).
///
/// # Errors
/// [`ProcedureError::UnknownKey`] for any other key; [`ProcedureError::BadValue`] for another
/// value.
///
/// # Example
/// ```
/// use ereje_social_payment::procedure::{apply_setting, default_scenario, ProcedureError};
/// let mut s = default_scenario();
/// assert_eq!(apply_setting(&mut s, "department_procedure", "yes"), Ok(()));
/// assert!(matches!(apply_setting(&mut s, "department_procedure", "maybe"), Err(ProcedureError::BadValue { .. })));
/// assert!(matches!(apply_setting(&mut s, "speed", "1"), Err(ProcedureError::UnknownKey(_))));
/// ```
pub fn apply_setting(
    scenario: &mut Scenario,
    key: &str,
    value: &str,
) -> Result<(), ProcedureError> {
    if key != SWITCH {
        return Err(ProcedureError::UnknownKey(key.to_string()));
    }
    let on = match value.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "on" => true,
        "no" | "false" | "off" => false,
        _ => return Err(ProcedureError::BadValue { key: key.into(), value: value.into() }),
    };
    set_department_procedure(scenario, on);
    Ok(())
}

/// The lines every output of a run of this procedure should carry besides the engine's own
/// assumptions: the [`LABEL`], whether the run lies in the act's effective `window` (a parameter),
/// the term and whether it is assumed, the switch, and where the other assumptions are listed.
///
/// # Example
/// ```
/// use ereje_social_payment::channels::SeedWindow;
/// use ereje_social_payment::procedure::{default_scenario, notes, LABEL};
/// let n = notes(&default_scenario(), &SeedWindow::DEFAULT);
/// assert_eq!(n[0], LABEL);
/// assert!(n[1].contains("outside"));
/// ```
pub fn notes(scenario: &Scenario, window: &SeedWindow) -> Vec<String> {
    let run = &scenario.run;
    let to = window.to.map_or_else(|| "open".to_string(), |d| d.to_string());
    let inside = window.contains(run.start) && window.contains(run.end);
    let act = format!(
        "act: the regional regulation of seed 003 for {TERRITORY}; effective window {} - {to} (a \
         parameter); the run {} - {} is {}",
        window.from,
        run.start,
        run.end,
        if inside {
            "inside it"
        } else {
            "outside it: the procedure is applied as a scenario assumption"
        }
    );
    let term = match (&scenario.process.term, &scenario.process.term_citation) {
        (Some(t), c) => format!(
            "term: {t}{} ({})",
            if scenario.process.term_assumed { ", assumed" } else { "" },
            c.as_deref().unwrap_or("no citation")
        ),
        (None, _) => "term: none set".to_string(),
    };
    let switch = match department_procedure(scenario) {
        Some(true) => format!(
            "{SWITCH} = yes: State Corporation and portal cases also pass through the para-5 \
             procedure (scenario switch)"
        ),
        Some(false) => format!(
            "{SWITCH} = no: State Corporation and portal cases are checked by the department in \
             paras 8(2) and 9(9) only (scenario switch)"
        ),
        None => format!("{SWITCH}: mixed or absent (scenario switch)"),
    };
    vec![
        LABEL.to_string(),
        act,
        term,
        switch,
        "arrival rates, staff, schedules, durations and branch probabilities are scenario \
         assumptions (docs/social-payment-procedure.md)"
            .to_string(),
    ]
}

/// The process as text: route by route, each step with its kind, role or actor, norm ("no norm
/// set" when the seed sets none), citation and where it leads (with the default scenario's
/// branch probabilities, which are assumptions). `docs/social-payment-procedure.md` carries it.
///
/// # Example
/// ```
/// let d = ereje_social_payment::procedure::diagram();
/// assert!(d.contains("d_examine"));
/// assert!(d.contains("8 working days"));
/// assert!(d.contains("no norm set"));
/// ```
pub fn diagram() -> String {
    let p = process();
    let mut out = String::new();
    let mut route = None;
    for r in REGULATION {
        if route != Some(r.route) {
            if route.is_some() {
                out.push('\n');
            }
            out.push_str(r.route.title());
            out.push('\n');
            route = Some(r.route);
        }
        let Some(step) = p.steps.iter().find(|s| s.id() == r.id) else { continue };
        let who = match step {
            Step::Staffed { role, .. } => format!("staffed: {}", role.as_deref().unwrap_or("?")),
            other => other.kind().to_string(),
        };
        let norm = match r.kind {
            StepKind::Condition | StepKind::End => String::new(),
            _ => r.norm.map_or_else(|| "no norm set".to_string(), |n| n.to_string()),
        };
        out.push_str(&format!("  {:<24} {:<22} {:<20} {}\n", r.id, who, norm, r.citation_text()));
        let next = match step {
            Step::Condition { branches, otherwise, .. } => {
                let mut parts: Vec<String> = branches
                    .iter()
                    .map(|b| match (&b.probability, &b.when) {
                        (Some(p), _) => format!("{} (p = {p})", b.to),
                        (None, Some(w)) => {
                            format!("{} if {} = {}", b.to, w.attribute(), when_value(w))
                        }
                        (None, None) => b.to.clone(),
                    })
                    .collect();
                if let Some(o) = otherwise {
                    parts.push(format!("{o} otherwise"));
                }
                format!("-> {}", parts.join(" | "))
            }
            Step::End { outcome, reason, .. } => match reason {
                Some(why) => format!("= {outcome}: {why}"),
                None => format!("= {outcome}"),
            },
            other => format!("-> {}", other.successors().join(", ")),
        };
        out.push_str(&format!("  {:<24} {next}\n", ""));
    }
    out
}

fn when_value(p: &ereje_sim_engine::Predicate) -> String {
    match p {
        ereje_sim_engine::Predicate::Eq { value, .. } => value.clone(),
        ereje_sim_engine::Predicate::Ne { value, .. } => format!("not {value}"),
        ereje_sim_engine::Predicate::In { values, .. } => values.join("/"),
    }
}
