//! The pilot's integration pipeline as a simulated process (`ereje-sim sick-leave`): sheets
//! (generated, or given) become timed cases of the simulation engine, one per sheet event, each
//! carrying the verdict of the real ФЛК ([`Checker`]) and the step where the real routing
//! ([`route`]) stopped it, so that the scenario's conditions route by predicate.
//!
//! The scenario (`fixtures/sick-leave/sim-default.toml`) describes the steps: MIS → ВШЭП/ШЭП →
//! ИС «АПП» (ФЛК) → the pilot's scope → the Е-қызмет status query → delivery to Е-қызмет → the
//! personnel service. Its source [`SOURCE`] carries the generator's volume
//! (`rate_per_working_day`: sheets issued per working day) and shares (`attributes`: `kind`,
//! `population`, `civil_servant`, `defect`); [`prepare`] generates the sheets, checks them,
//! turns each into its events, sets the source's own rate to 0 and appends the events as the
//! scenario's timed cases.
//!
//! **Events of a sheet.** A record is a sheet as it stands at the cut-off; its events are
//! *issued* (a primary sheet) or *extended* (a continuation) on its issue date, *extended* on
//! the first day of each later release row, and *closed* on its last release day when it is
//! closed. Each event is routed on its own date (parameter `pilot.event_date`: `event`), so a
//! sheet issued inside the pilot may be closed outside it. Every event of a sheet takes the ФЛК
//! verdict of the sheet's record (one [`Checker`] over the records in input order): the checks
//! of a sheet that is still being extended are not re-run per message. The time of day of an
//! event is drawn from the polyclinic's visiting hours.
//!
//! No I/O: the caller reads files and writes outputs.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use ereje_calendar::Calendar;
use ereje_findings::Severity;
use ereje_sim_engine::{
    CaseRecord, CaseState, Estimate, Scenario, Step as EngineStep, TimedCase, Val,
};
use serde::Serialize;

use crate::checker::{Checker, Context};
use crate::generate::{
    self, Config, Draw, GenerateError, Generated, Mix, Population, VISIT_HOURS, is_working,
};
use crate::model::{IncapacityKind, SheetType, Status};
use crate::params::{EventDateReading, Params};
use crate::routing::{
    CivilServantStatus, Decision, RouteInput, RoutingContext, SheetEvent, StatusService, Step,
    route,
};
use crate::wire::WireSheet;

/// The label every output of the built-in scenario carries.
pub const LABEL: &str =
    "the 2023 Astana sick-leave pilot pipeline (volumes and latencies: assumption)";

/// The source whose rate and attribute shares drive the generator, and whose name every case
/// takes.
pub const SOURCE: &str = "mis";

/// Days before the run's start in which the generator issues sheets too, so that the window
/// opens with sheets already running (their extensions and closures).
pub const LEAD_IN_DAYS: u32 = 30;

/// The setting `defect_share=P`: the share of records with one defect.
pub const DEFECT_SHARE: &str = "defect_share";
/// The setting `civil_servant_share=P`: the share of patients known as civil servants.
pub const CIVIL_SERVANT_SHARE: &str = "civil_servant_share";
/// The settings of the process (`ereje-sim sick-leave --set KEY=VALUE`) besides key paths.
pub const SETTINGS: &[&str] = &[DEFECT_SHARE, CIVIL_SERVANT_SHARE];

/// The attributes of a case.
pub mod attribute {
    /// The sheet's key (`SERIES NUMBER`), or `record N` without a number.
    pub const SHEET: &str = "sheet";
    /// `issued`, `extended`, `closed`.
    pub const EVENT: &str = "event";
    /// The sheet's kind (item 13) as given, or `unknown`.
    pub const KIND: &str = "kind";
    /// `pass` or `fail`: the ФЛК verdict of the sheet.
    pub const FLK: &str = "flk";
    /// The lowest rule id of the sheet's errors, or `none`.
    pub const FLK_RULE: &str = "flk_rule";
    /// Where the routing stopped the event (a routing step), or `delivered`.
    pub const ROUTE: &str = "route";
    /// The patient's population (from the routing context).
    pub const POPULATION: &str = "population";
    /// `yes`, `no`, `unavailable`: the status service's answer for the patient (`unknown`
    /// without a valid ИИН).
    pub const CIVIL_SERVANT: &str = "civil_servant";
    /// Generated sheets: `none`, or the rule id of the record's defect; `unknown` for given
    /// sheets.
    pub const DEFECT: &str = "defect";
    /// Generator shares: the kind of incapacity.
    pub const MIX_KIND: &str = "kind";
    /// Generator shares: the population.
    pub const MIX_POPULATION: &str = "population";
    /// Generator shares: `yes` / `no`, civil servants.
    pub const MIX_CIVIL_SERVANT: &str = "civil_servant";
    /// Generator shares: `none` / `one`, records with one defect.
    pub const MIX_DEFECT: &str = "defect";
}

/// Why the scenario cannot be prepared.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PipelineError {
    /// The scenario has no source named [`SOURCE`].
    #[error(
        "the sick-leave process needs a source named `{SOURCE}` (its rate and attributes drive the sheet generator)"
    )]
    NoSource,
    /// A value of the generator's attribute tables that the generator does not know.
    #[error(
        "sources.{index}.attributes.{attribute}: unknown value `{value}` (expected one of: {expected})"
    )]
    Attribute {
        /// The source's index.
        index: usize,
        /// The attribute.
        attribute: String,
        /// The value.
        value: String,
        /// The values it takes.
        expected: String,
    },
    /// A setting that is not a share.
    #[error("{key} expects a share between 0 and 1, found `{value}`")]
    Setting {
        /// The setting.
        key: String,
        /// The value.
        value: String,
    },
    /// An unknown setting.
    #[error("unknown setting `{key}` (settings: {})", SETTINGS.join(", "))]
    UnknownSetting {
        /// The key.
        key: String,
    },
    /// The generator refused the mix.
    #[error(transparent)]
    Generate(#[from] GenerateError),
}

fn source_index(sc: &Scenario) -> Result<usize, PipelineError> {
    sc.sources.iter().position(|s| s.name == SOURCE).ok_or(PipelineError::NoSource)
}

/// The generator's shares in a scenario: the attribute tables of the source [`SOURCE`]; a table
/// that is absent keeps [`Mix::default`]'s.
///
/// # Errors
/// [`PipelineError::NoSource`] without the source; [`PipelineError::Attribute`] for a value
/// the generator does not know (a kind, a population, not `yes`/`no`, not `none`/`one`).
///
/// # Example
/// ```
/// use ereje_sick_leave::generate::Mix;
/// use ereje_sick_leave::pipeline;
/// let sc: ereje_sim_engine::Scenario = toml::from_str(include_str!("../../../fixtures/sick-leave/sim-default.toml")).unwrap();
/// assert_eq!(pipeline::mix(&sc)?, Mix::default());
/// # Ok::<(), pipeline::PipelineError>(())
/// ```
pub fn mix(sc: &Scenario) -> Result<Mix, PipelineError> {
    use attribute as a;
    let index = source_index(sc)?;
    let mut mix = Mix::default();
    let Some(source) = sc.sources.get(index) else { return Err(PipelineError::NoSource) };
    let bad = |attribute: &str, value: &str, expected: Vec<&str>| PipelineError::Attribute {
        index,
        attribute: attribute.to_owned(),
        value: value.to_owned(),
        expected: expected.join(", "),
    };
    if let Some(t) = source.attributes.get(a::MIX_KIND) {
        let mut kinds = Vec::new();
        for (k, p) in t {
            let kind: IncapacityKind = k.parse().map_err(|_| {
                bad(a::MIX_KIND, k, IncapacityKind::ALL.iter().map(|k| k.code()).collect())
            })?;
            kinds.push((kind, *p));
        }
        // In the order of the kinds' declaration, not of the table's keys.
        kinds.sort_by_key(|(k, _)| IncapacityKind::ALL.iter().position(|x| x == k));
        mix.kinds = kinds;
    }
    if let Some(t) = source.attributes.get(a::MIX_POPULATION) {
        let mut population = Vec::new();
        for (k, p) in t {
            let pop = Population::from_code(k).ok_or_else(|| {
                bad(a::MIX_POPULATION, k, Population::ALL.iter().map(|p| p.code()).collect())
            })?;
            population.push((pop, *p));
        }
        population.sort_by_key(|(p, _)| *p);
        mix.population = population;
    }
    let share_of = |attribute: &str, yes: &str, no: &str| -> Result<Option<f64>, PipelineError> {
        let Some(t) = source.attributes.get(attribute) else { return Ok(None) };
        for k in t.keys() {
            if k != yes && k != no {
                return Err(bad(attribute, k, vec![yes, no]));
            }
        }
        Ok(Some(t.get(yes).copied().unwrap_or(0.0)))
    };
    if let Some(p) = share_of(a::MIX_CIVIL_SERVANT, "yes", "no")? {
        mix.civil_servant_share = p;
    }
    if let Some(p) = share_of(a::MIX_DEFECT, "one", "none")? {
        mix.defect_share = p;
    }
    Ok(mix)
}

/// Applies a setting ([`SETTINGS`]): `defect_share=P` sets the source's `defect` table to
/// `{none = 1 − P, one = P}`, `civil_servant_share=P` its `civil_servant` table.
///
/// # Errors
/// [`PipelineError::UnknownSetting`], [`PipelineError::Setting`] for a value that is not a
/// share, [`PipelineError::NoSource`].
///
/// # Example
/// ```
/// use ereje_sick_leave::pipeline;
/// let mut sc: ereje_sim_engine::Scenario = toml::from_str(include_str!("../../../fixtures/sick-leave/sim-default.toml")).unwrap();
/// pipeline::apply_setting(&mut sc, "defect_share", "0.25")?;
/// assert_eq!(pipeline::mix(&sc)?.defect_share, 0.25);
/// assert!(pipeline::apply_setting(&mut sc, "defect_share", "2").is_err());
/// # Ok::<(), pipeline::PipelineError>(())
/// ```
pub fn apply_setting(sc: &mut Scenario, key: &str, value: &str) -> Result<(), PipelineError> {
    let (attribute, yes, no) = match key {
        DEFECT_SHARE => (attribute::MIX_DEFECT, "one", "none"),
        CIVIL_SERVANT_SHARE => (attribute::MIX_CIVIL_SERVANT, "yes", "no"),
        _ => return Err(PipelineError::UnknownSetting { key: key.to_owned() }),
    };
    let p: f64 =
        value.trim().parse().ok().filter(|p: &f64| (0.0..=1.0).contains(p)).ok_or_else(|| {
            PipelineError::Setting { key: key.to_owned(), value: value.to_owned() }
        })?;
    let index = source_index(sc)?;
    if let Some(source) = sc.sources.get_mut(index) {
        source.attributes.insert(
            attribute.to_owned(),
            BTreeMap::from([(yes.to_owned(), p), (no.to_owned(), 1.0 - p)]),
        );
    }
    Ok(())
}

/// The number of sheets the generator issues for a scenario: the source's rate × the working
/// days of [start − [`LEAD_IN_DAYS`], end], rounded.
///
/// # Errors
/// [`PipelineError::NoSource`].
///
/// # Example
/// ```
/// use ereje_sick_leave::pipeline;
/// let sc: ereje_sim_engine::Scenario = toml::from_str(include_str!("../../../fixtures/sick-leave/sim-default.toml")).unwrap();
/// // 60 sheets a working day over 27.10.2023 – 31.03.2024 (103 working days).
/// assert_eq!(pipeline::volume(&sc, ereje_calendar::Calendar::builtin())?, 6180);
/// # Ok::<(), pipeline::PipelineError>(())
/// ```
pub fn volume(sc: &Scenario, calendar: &Calendar) -> Result<usize, PipelineError> {
    let index = source_index(sc)?;
    let rate = sc.sources.get(index).map_or(0.0, |s| s.rate_per_working_day);
    let days = working_days(calendar, lead_in_start(sc), sc.run.end);
    Ok((rate.max(0.0) * days as f64).round() as usize)
}

fn lead_in_start(sc: &Scenario) -> NaiveDate {
    sc.run.start.checked_sub_days(Days::new(u64::from(LEAD_IN_DAYS))).unwrap_or(sc.run.start)
}

fn working_days(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> u64 {
    from.iter_days().take_while(|d| *d <= to).filter(|d| is_working(calendar, *d)).count() as u64
}

/// One event of a sheet, as a case for the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventCase {
    /// The index of its record in the input.
    pub record: usize,
    /// When the MIS sends it (local time).
    pub at: NaiveDateTime,
    /// The case's attributes ([`attribute`]).
    pub attributes: BTreeMap<String, String>,
}

/// The events of one record: (event, the day it happens, the date the routing compares).
fn lifecycle(
    w: &WireSheet<'_>,
    reading: EventDateReading,
) -> Vec<(SheetEvent, NaiveDate, Option<NaiveDate>)> {
    let date = |s: &Option<crate::wire::WireStr<'_>>| {
        s.as_deref().and_then(|t| NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok())
    };
    let issue = date(&w.issue_date);
    let mut rows: Vec<(NaiveDate, NaiveDate)> = w
        .release_periods
        .iter()
        .flatten()
        .filter_map(|r| Some((date(&r.from)?, date(&r.to)?)))
        .collect();
    rows.sort_by_key(|r| r.0);
    let sheet_type = w.sheet_type.as_deref().and_then(|t| t.parse::<SheetType>().ok());
    let status = w.status.as_deref().and_then(|t| t.parse::<Status>().ok());
    let continues = w
        .continues
        .as_ref()
        .is_some_and(|r| r.number.as_deref().is_some_and(|n| !n.trim().is_empty()));
    let closed = status == Some(Status::Closed) || sheet_type == Some(SheetType::Closure);
    let compared = |event_day: Option<NaiveDate>| match reading {
        EventDateReading::IssueDate => issue,
        EventDateReading::Event => event_day,
    };
    let mut out = Vec::new();
    let first = if sheet_type == Some(SheetType::Continuation) || continues {
        SheetEvent::Extended
    } else {
        SheetEvent::Issued
    };
    let first_day = issue.or(rows.first().map(|r| r.0));
    if let Some(day) = first_day {
        let event_day = match first {
            SheetEvent::Issued => issue,
            _ => rows.first().map(|r| r.0).or(issue),
        };
        out.push((first, day, compared(event_day)));
    }
    for r in rows.iter().skip(1) {
        out.push((SheetEvent::Extended, r.0, compared(Some(r.0))));
    }
    if closed {
        let last = rows.iter().map(|r| r.1).max().or(issue);
        if let Some(day) = last {
            out.push((SheetEvent::Closed, day, compared(Some(day))));
        }
    }
    out
}

fn event_code(e: SheetEvent) -> &'static str {
    match e {
        SheetEvent::Issued => "issued",
        SheetEvent::Extended => "extended",
        SheetEvent::Closed => "closed",
    }
}

/// The code of a routing step, as the routing serialises it.
pub fn step_code(step: Step) -> &'static str {
    match step {
        Step::PilotWindow => "pilot_window",
        Step::Maternity => "maternity",
        Step::BmcAttachment => "bmc_attachment",
        Step::AstanaResidence => "astana_residence",
        Step::FirstPolyclinicDepartment => "first_polyclinic_department",
        Step::Flk => "flk",
        Step::CivilServantStatus => "civil_servant_status",
        Step::StatusService => "status_service",
    }
}

/// The events of `records` (in input order) as cases: each record checked by one [`Checker`]
/// with `params`, each of its events routed with `status`; records without a routing context
/// are taken as inside the pilot's population. Times of day are drawn from `seed`. Sorted by
/// time (ties in record order).
///
/// # Errors
/// None: a record whose dates cannot be read has no events.
///
/// # Example
/// ```
/// use ereje_sick_leave::pipeline::{event_cases, attribute};
/// use ereje_sick_leave::{FixtureAnswer, FixtureStatusService, Params, WireSheet};
/// let sheet = WireSheet::from(&ereje_sick_leave::example_sheet());
/// let service = FixtureStatusService::new(FixtureAnswer::CivilServant);
/// let cases = event_cases(&[sheet], &service, &Params::default(), ereje_calendar::Calendar::builtin(), 1);
/// // Issued on 15 January 2024 and closed on 21 January: two events, both delivered.
/// assert_eq!(cases.len(), 2);
/// assert_eq!(cases[0].attributes[attribute::EVENT], "issued");
/// assert_eq!(cases[1].attributes[attribute::EVENT], "closed");
/// assert!(cases.iter().all(|c| c.attributes[attribute::ROUTE] == "delivered"));
/// ```
pub fn event_cases(
    records: &[WireSheet<'_>],
    status: &dyn StatusService,
    params: &Params,
    calendar: &Calendar,
    seed: u64,
) -> Vec<EventCase> {
    use attribute as a;
    let mut draw = Draw::new(seed, b"events\0\0");
    let mut checker = Checker::new();
    let mut ctx = Context::new(calendar);
    ctx.params = *params;
    let mut out = Vec::new();
    for (i, w) in records.iter().enumerate() {
        ctx.record = Some(i as u64 + 1);
        let checked = checker.check(w, &ctx);
        let flk_rule = checked
            .findings
            .iter()
            .filter(|f| f.rule.severity == Severity::Error)
            .map(|f| f.rule.id)
            .min()
            .unwrap_or("none");
        let kind = w.kind.as_deref().map(str::trim).filter(|k| !k.is_empty());
        let maternity =
            kind.and_then(|k| k.parse::<IncapacityKind>().ok()) == Some(IncapacityKind::Maternity);
        let context = w.routing.unwrap_or(RoutingContext::IN_PILOT);
        let sheet = checked.id.clone().unwrap_or_else(|| format!("record {}", i + 1));
        let civil_servant = match checked.iin.map(|iin| status.civil_servant_status(&iin)) {
            None => "unknown",
            Some(Ok(CivilServantStatus::CivilServant)) => "yes",
            Some(Ok(CivilServantStatus::NotCivilServant)) => "no",
            Some(Err(_)) => "unavailable",
        };
        let mut previous: Option<NaiveDateTime> = None;
        for (event, day, compared) in lifecycle(w, params.pilot_event_date) {
            let input = RouteInput {
                event: Some(event),
                event_date: compared,
                maternity,
                flk_passed: checked.valid(),
                iin: checked.iin,
                context,
            };
            let routing = route(&input, params, Some(status));
            let hour = draw.weighted(VISIT_HOURS).unwrap_or(10);
            let time = NaiveTime::from_hms_opt(hour, draw.range(0, 59), draw.range(0, 59))
                .unwrap_or_default();
            let mut at = day.and_time(time);
            if let Some(p) = previous.filter(|p| *p >= at) {
                at = p + chrono::Duration::minutes(1);
            }
            previous = Some(at);
            let route_code = match routing.decision {
                Decision::Delivered { .. } => "delivered",
                Decision::Stopped { step } => step_code(step),
            };
            let attributes = BTreeMap::from([
                (a::SHEET.to_owned(), sheet.clone()),
                (a::EVENT.to_owned(), event_code(event).to_owned()),
                (a::KIND.to_owned(), kind.unwrap_or("unknown").to_owned()),
                (a::FLK.to_owned(), if checked.valid() { "pass" } else { "fail" }.to_owned()),
                (a::FLK_RULE.to_owned(), flk_rule.to_owned()),
                (a::ROUTE.to_owned(), route_code.to_owned()),
                (a::POPULATION.to_owned(), Population::of(context).code().to_owned()),
                (a::CIVIL_SERVANT.to_owned(), civil_servant.to_owned()),
            ]);
            out.push(EventCase { record: i, attributes, at });
        }
    }
    out.sort_by_key(|c| c.at);
    out
}

/// Where the sheets of a run come from.
pub enum SheetInput<'a> {
    /// Generated from the scenario (volume and shares of [`SOURCE`], seed `run.seed`).
    Generate,
    /// Given records in input order, with the status service that answers for their patients.
    Given {
        /// The records.
        records: &'a [WireSheet<'a>],
        /// The Е-қызмет status service.
        status: &'a dyn StatusService,
    },
}

impl std::fmt::Debug for SheetInput<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetInput::Generate => f.write_str("Generate"),
            SheetInput::Given { records, .. } => {
                f.debug_struct("Given").field("records", &records.len()).finish_non_exhaustive()
            }
        }
    }
}

/// What [`prepare`] did.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The records the events come from.
    pub sheets: usize,
    /// The records that carry a defect (generated sheets only).
    pub defective: Option<usize>,
    /// The events appended as timed cases (the engine ignores those outside the window).
    pub events: usize,
    /// The generated records, when generated.
    pub generated: Option<Generated>,
    /// Lines for the outputs' assumptions.
    pub notes: Vec<String>,
}

/// Prepares a scenario for the engine: the sheets (generated from the scenario, or given), their
/// events as timed cases of [`SOURCE`] (appended to the scenario's own), and the source's own
/// rate set to 0. The routing reads the default [`Params`].
///
/// # Errors
/// [`PipelineError`]: no source [`SOURCE`], shares the generator refuses.
///
/// # Example
/// ```
/// use ereje_sick_leave::pipeline::{self, SheetInput};
/// let mut sc: ereje_sim_engine::Scenario = toml::from_str(include_str!("../../../fixtures/sick-leave/sim-default.toml")).unwrap();
/// sc.sources[0].rate_per_working_day = 2.0;
/// let done = pipeline::prepare(&mut sc, SheetInput::Generate, ereje_calendar::Calendar::builtin())?;
/// assert_eq!(done.sheets, 206);
/// assert_eq!(sc.sources[0].rate_per_working_day, 0.0);
/// assert_eq!(sc.cases.len(), done.events);
/// assert!(ereje_sim_engine::validate(&sc).is_empty());
/// # Ok::<(), pipeline::PipelineError>(())
/// ```
pub fn prepare(
    sc: &mut Scenario,
    input: SheetInput<'_>,
    calendar: &Calendar,
) -> Result<Prepared, PipelineError> {
    let index = source_index(sc)?;
    let params = Params::default();
    let rate = sc.sources.get(index).map_or(0.0, |s| s.rate_per_working_day);
    let (cases, prepared) = match input {
        SheetInput::Generate => {
            let mix = mix(sc)?;
            let count = volume(sc, calendar)?;
            let from = lead_in_start(sc);
            let config = Config {
                count,
                seed: sc.run.seed,
                from,
                to: sc.run.end,
                as_of: Some(sc.run.end),
                mix: mix.clone(),
            };
            let generated = generate::generate(&config, calendar)?;
            let records: Vec<WireSheet<'static>> =
                generated.sheets.iter().map(|s| s.sheet.clone()).collect();
            let status = generated.status_service();
            let mut cases = event_cases(&records, &status, &params, calendar, sc.run.seed);
            for c in &mut cases {
                let defect = generated.sheets.get(c.record).and_then(|s| s.defect);
                c.attributes.insert(
                    attribute::DEFECT.to_owned(),
                    defect.map_or("none", |d| d.rule().id).to_owned(),
                );
            }
            let notes = vec![
                format!(
                    "sheets: {count} synthetic records generated (ereje_sick_leave::generate, seed {}): source `{SOURCE}`'s {rate} sheets a working day x {} working days of {from} - {} (the run's start less {LEAD_IN_DAYS} days of lead-in), each as it stands on {}; the engine draws no arrivals of its own for `{SOURCE}`: every case is a sheet event",
                    sc.run.seed,
                    working_days(calendar, from, sc.run.end),
                    sc.run.end,
                    sc.run.end,
                ),
                format!(
                    "generator shares (assumptions, source `{SOURCE}`'s attributes): defect share {} ({} records with one defect, mix ereje_sick_leave::generate::DEFECT_MIX), civil servants {}, population {}, kinds {}",
                    mix.defect_share,
                    generated.defective(),
                    mix.civil_servant_share,
                    mix.population.iter().map(|(p, s)| format!("{} {s}", p.code())).collect::<Vec<_>>().join(", "),
                    mix.kinds.iter().map(|(k, s)| format!("{} {s}", k.code())).collect::<Vec<_>>().join(", "),
                ),
                "status answers (PepKyzmetP2503Sync): the generated patients' table (civil servants answer `civil_servant`, the others `not_civil_servant`)".to_owned(),
            ];
            let prepared = Prepared {
                sheets: count,
                defective: Some(generated.defective()),
                events: cases.len(),
                generated: Some(generated),
                notes,
            };
            (cases, prepared)
        }
        SheetInput::Given { records, status } => {
            let mut cases = event_cases(records, status, &params, calendar, sc.run.seed);
            for c in &mut cases {
                c.attributes.insert(attribute::DEFECT.to_owned(), "unknown".to_owned());
            }
            let prepared = Prepared {
                sheets: records.len(),
                defective: None,
                events: cases.len(),
                generated: None,
                notes: vec![format!(
                    "sheets: {} given records; the engine draws no arrivals of its own for `{SOURCE}` (its rate {rate} is not used): every case is a sheet event; records without `routing` are taken as inside the pilot's population",
                    records.len()
                )],
            };
            (cases, prepared)
        }
    };
    if let Some(source) = sc.sources.get_mut(index) {
        source.rate_per_working_day = 0.0;
    }
    sc.cases.extend(cases.into_iter().map(|c| TimedCase {
        source: SOURCE.to_owned(),
        at: c.at,
        attributes: c.attributes,
        id: None,
    }));
    Ok(prepared)
}

/// The lines every output repeats about a prepared scenario: the events inside the run window
/// by event, by the routing's outcome and by ФЛК rule, and how they were made.
///
/// # Example
/// ```
/// use ereje_sick_leave::pipeline::{self, SheetInput};
/// let mut sc: ereje_sim_engine::Scenario = toml::from_str(include_str!("../../../fixtures/sick-leave/sim-default.toml")).unwrap();
/// sc.sources[0].rate_per_working_day = 1.0;
/// pipeline::prepare(&mut sc, SheetInput::Generate, ereje_calendar::Calendar::builtin())?;
/// let notes = pipeline::notes(&sc);
/// assert!(notes.iter().any(|n| n.starts_with("sheet events in the run window")));
/// # Ok::<(), pipeline::PipelineError>(())
/// ```
pub fn notes(sc: &Scenario) -> Vec<String> {
    use attribute as a;
    let start = sc.run.start.and_time(NaiveTime::MIN);
    let end = sc.run.end.succ_opt().unwrap_or(sc.run.end).and_time(NaiveTime::MIN);
    let mut by_event: BTreeMap<&str, u64> = BTreeMap::new();
    let mut by_route: BTreeMap<&str, u64> = BTreeMap::new();
    let mut by_rule: BTreeMap<&str, u64> = BTreeMap::new();
    let mut total = 0u64;
    let mut inside = 0u64;
    for c in sc.cases.iter().filter(|c| c.source == SOURCE) {
        let Some(event) = c.attributes.get(a::EVENT) else { continue };
        total += 1;
        if c.at < start || c.at >= end {
            continue;
        }
        inside += 1;
        *by_event.entry(event).or_default() += 1;
        if let Some(r) = c.attributes.get(a::ROUTE) {
            *by_route.entry(r).or_default() += 1;
        }
        if let Some(r) = c.attributes.get(a::FLK_RULE).filter(|r| *r != "none") {
            *by_rule.entry(r).or_default() += 1;
        }
    }
    let list = |m: &BTreeMap<&str, u64>| {
        if m.is_empty() {
            "none".to_owned()
        } else {
            m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
        }
    };
    let mut v = Vec::new();
    if total > 0 {
        v.push(format!(
            "sheet events in the run window: {inside} of {total} timed cases ({})",
            list(&by_event)
        ));
        v.push(format!(
            "routing of those events (ereje_sick_leave::route, pilot.end_inclusive = false, pilot.event_date = event): {}",
            list(&by_route)
        ));
        v.push(format!(
            "events of sheets failing the ФЛК, by the lowest rule id of their errors (every stop, whatever step stopped the event): {}",
            list(&by_rule)
        ));
    }
    v.push("ФЛК: the ФЛК list of ИС «АПП» is not public; this project's validator (ereje_sick_leave::Checker, one batch over the records in input order) stands in for it, and every event of a sheet takes the verdict of the sheet's record".to_owned());
    v.push("replications vary the latencies; the sheets, their event times and their routing are the same in every replication".to_owned());
    v
}

// ---------------------------------------------------------------------------------------------
// What the process adds to the engine's KPIs.

/// The step whose reaching means "delivered to Е-қызмет" (the personnel service's step).
pub const DELIVERY_STEP: &str = "personnel_service";

/// The outcome of a reach scenario's cut step ([`reach_scenario`]).
pub const REACHED: &str = "reached";

/// A summary of durations in hours.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Hours<N> {
    /// The durations summarised.
    pub count: N,
    /// Mean.
    pub mean: N,
    /// Median (nearest rank).
    pub p50: N,
    /// 90th percentile.
    pub p90: N,
    /// 99th percentile.
    pub p99: N,
    /// Maximum.
    pub max: N,
}

/// The events an outage held.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutageKpis<N> {
    /// The system step.
    pub step: String,
    /// The outage's start.
    pub from: NaiveDateTime,
    /// Its end: the held events go on then.
    pub to: NaiveDateTime,
    /// Events that reached the step during the outage and waited for its end.
    pub held: N,
    /// The longest wait among them, hours (from the first held event's arrival at the step).
    pub longest_hold_hours: N,
}

/// The KPIs `ereje-sim sick-leave` adds to the engine's: the rejections by ФЛК rule and the
/// stops by routing step (from the terminal steps' reasons), the latency of delivered events,
/// and the events held by each outage. `N` is [`Val`] per replication, [`Estimate`] across.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PipelineKpis<N> {
    /// Events rejected by the ФЛК, by the rule (the terminal step's reason).
    pub rejected_by_rule: BTreeMap<String, N>,
    /// Events not eligible, by the routing step that stopped them.
    pub not_eligible_by_reason: BTreeMap<String, N>,
    /// Delivered events (post-warm-up): hours from the MIS's send to the delivery to Е-қызмет
    /// (reaching [`DELIVERY_STEP`]).
    pub latency_to_e_kyzmet_hours: Hours<N>,
    /// The same to the personnel service (the terminal step `delivered`).
    pub latency_to_personnel_service_hours: Hours<N>,
    /// Each outage window of each system step that overlaps the run window, in step order.
    pub outages: Vec<OutageKpis<N>>,
}

/// The scenario cut at `step`: the step replaced by a terminal step of outcome [`REACHED`], so
/// that a case ends when it reaches the step. A case's durations depend only on the seed, the
/// replication and the case, so each case reaches the step at the same time as in the full run.
/// `None` when the scenario has no such step.
///
/// # Example
/// ```
/// use ereje_sick_leave::pipeline;
/// let sc: ereje_sim_engine::Scenario = toml::from_str(include_str!("../../../fixtures/sick-leave/sim-default.toml")).unwrap();
/// let cut = pipeline::reach_scenario(&sc, "shep").unwrap();
/// assert!(ereje_sim_engine::validate(&cut).is_empty());
/// assert!(pipeline::reach_scenario(&sc, "nowhere").is_none());
/// ```
pub fn reach_scenario(sc: &Scenario, step: &str) -> Option<Scenario> {
    let mut cut = sc.clone();
    let s = cut.process.steps.iter_mut().find(|s| s.id() == step)?;
    *s = EngineStep::End { id: step.into(), outcome: REACHED.into(), reason: None, citation: None };
    Some(cut)
}

/// The steps [`replication_kpis`] needs the reaching times of: every system step with an
/// outage, and [`DELIVERY_STEP`] when the scenario has it.
///
/// # Example
/// ```
/// use ereje_sick_leave::pipeline;
/// let sc: ereje_sim_engine::Scenario = toml::from_str(include_str!("../../../fixtures/sick-leave/sim-default.toml")).unwrap();
/// assert_eq!(pipeline::reach_steps(&sc), ["shep", "app_flk", "status_request", "ek_delivery", "personnel_service"]);
/// ```
pub fn reach_steps(sc: &Scenario) -> Vec<String> {
    let mut v: Vec<String> = sc
        .process
        .steps
        .iter()
        .filter(|s| matches!(s, EngineStep::System { outages, .. } if !outages.is_empty()))
        .map(|s| s.id().to_owned())
        .collect();
    if sc.process.steps.iter().any(|s| s.id() == DELIVERY_STEP) {
        v.push(DELIVERY_STEP.to_owned());
    }
    v
}

/// Nearest-rank percentile of sorted values (the ⌈p·n⌉-th smallest).
fn percentile(sorted: &[f64], p: f64) -> Val {
    if sorted.is_empty() {
        return Val(None);
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Val(sorted.get(rank - 1).copied())
}

fn hours(mut xs: Vec<f64>) -> Hours<Val> {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    Hours {
        count: Val::count(n as u64),
        mean: Val((n > 0).then(|| xs.iter().sum::<f64>() / n as f64)),
        p50: percentile(&xs, 0.5),
        p90: percentile(&xs, 0.9),
        p99: percentile(&xs, 0.99),
        max: Val(xs.last().copied()),
    }
}

fn secs_hours(d: chrono::TimeDelta) -> f64 {
    d.num_seconds() as f64 / 3600.0
}

/// A case that reached a step, from the run of the scenario cut there ([`reach_scenario`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reach {
    /// When it reached the step.
    pub at: NaiveDateTime,
    /// Hours from its arrival.
    pub hours: f64,
    /// It arrived during the warm-up.
    pub warm_up: bool,
}

/// The cases of a cut run ([`reach_scenario`] at `step`) that reached the step: a few bytes a
/// case instead of the case records.
///
/// # Example
/// ```
/// assert!(ereje_sick_leave::pipeline::reaches("shep", &[]).is_empty());
/// ```
pub fn reaches(step: &str, cut_cases: &[CaseRecord]) -> Vec<Reach> {
    cut_cases
        .iter()
        .filter(|c| c.state == CaseState::Done && c.step == step)
        .filter_map(|c| Some(Reach { at: c.end?, hours: c.lead_time_hours?, warm_up: c.warm_up }))
        .collect()
}

/// The KPIs of one replication from its cases (`cases`: the full run) and, for each step of
/// [`reach_steps`], the cases of the same replication of its [`reach_scenario`] that reached
/// it ([`reaches`]).
///
/// # Errors
/// None: a step without reaching times gets empty figures.
///
/// # Example
/// ```
/// use std::collections::BTreeMap;
/// use ereje_sick_leave::pipeline;
/// let sc: ereje_sim_engine::Scenario = toml::from_str(include_str!("../../../fixtures/sick-leave/sim-default.toml")).unwrap();
/// let k = pipeline::replication_kpis(&sc, &[], &BTreeMap::new());
/// assert_eq!(k.outages.len(), 9); // every outage window of the shipped scenario is in the run
/// assert!(k.rejected_by_rule.is_empty());
/// ```
pub fn replication_kpis(
    sc: &Scenario,
    cases: &[CaseRecord],
    reached: &BTreeMap<String, Vec<Reach>>,
) -> PipelineKpis<Val> {
    let mut rejected: BTreeMap<String, u64> = BTreeMap::new();
    let mut not_eligible: BTreeMap<String, u64> = BTreeMap::new();
    let mut to_personnel = Vec::new();
    for c in cases.iter().filter(|c| c.state == CaseState::Done) {
        let reason = c.reason.clone().unwrap_or_default();
        match c.outcome.as_deref() {
            Some("rejected") => *rejected.entry(reason).or_default() += 1,
            Some("not_eligible") => *not_eligible.entry(reason).or_default() += 1,
            Some("delivered") if !c.warm_up => to_personnel.extend(c.lead_time_hours),
            _ => {}
        }
    }
    let reach = |step: &str| reached.get(step).map_or(&[][..], Vec::as_slice);
    let to_ek: Vec<f64> =
        reach(DELIVERY_STEP).iter().filter(|c| !c.warm_up).map(|c| c.hours).collect();
    let start = sc.run.start.and_time(NaiveTime::MIN);
    let horizon = sc.run.end.succ_opt().unwrap_or(sc.run.end).and_time(NaiveTime::MIN);
    let mut outages = Vec::new();
    for s in &sc.process.steps {
        let EngineStep::System { id, outages: windows, .. } = s else { continue };
        for w in windows.iter().filter(|w| w.to > start && w.from < horizon) {
            let times: Vec<NaiveDateTime> =
                reach(id).iter().map(|c| c.at).filter(|t| *t >= w.from && *t < w.to).collect();
            let first = times.iter().min().copied();
            outages.push(OutageKpis {
                step: id.clone(),
                from: w.from,
                to: w.to,
                held: Val::count(times.len() as u64),
                longest_hold_hours: Val(first.map(|t| secs_hours(w.to - t))),
            });
        }
    }
    let counts =
        |m: BTreeMap<String, u64>| m.into_iter().map(|(k, v)| (k, Val::count(v))).collect();
    PipelineKpis {
        rejected_by_rule: counts(rejected),
        not_eligible_by_reason: counts(not_eligible),
        latency_to_e_kyzmet_hours: hours(to_ek),
        latency_to_personnel_service_hours: hours(to_personnel),
        outages,
    }
}

/// The 0.975 quantile of Student's t with `df` degrees of freedom (the table to 30, the normal
/// quantile's Cornish–Fisher expansion beyond, as the engine's intervals).
fn t_975(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    if let Some(t) = df.checked_sub(1).and_then(|i| TABLE.get(i)) {
        return *t;
    }
    let z: f64 = 1.959_963_984_540_054;
    let v = df as f64;
    let (z3, z5) = (z.powi(3), z.powi(5));
    z + (z3 + z) / (4.0 * v) + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * v * v)
}

/// The mean of the defined values and its 95 % interval (`None` with fewer than two).
fn estimate(vals: &[&Val]) -> Estimate {
    let xs: Vec<f64> = vals.iter().filter_map(|v| v.0).collect();
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

fn estimate_map(maps: Vec<&BTreeMap<String, Val>>) -> BTreeMap<String, Estimate> {
    let keys: std::collections::BTreeSet<&String> = maps.iter().flat_map(|m| m.keys()).collect();
    let zero = Val::count(0);
    keys.into_iter()
        .map(|k| {
            // A replication without the key had none: 0, not undefined.
            let vals: Vec<&Val> = maps.iter().map(|m| m.get(k).unwrap_or(&zero)).collect();
            (k.clone(), estimate(&vals))
        })
        .collect()
}

fn estimate_hours(hs: Vec<&Hours<Val>>) -> Hours<Estimate> {
    let col = |f: fn(&Hours<Val>) -> &Val| estimate(&hs.iter().map(|h| f(h)).collect::<Vec<_>>());
    Hours {
        count: col(|h| &h.count),
        mean: col(|h| &h.mean),
        p50: col(|h| &h.p50),
        p90: col(|h| &h.p90),
        p99: col(|h| &h.p99),
        max: col(|h| &h.max),
    }
}

/// Means over replications with 95 % intervals (`null` with fewer than two); a rule or reason
/// missing in a replication counts 0 there.
///
/// # Example
/// ```
/// use std::collections::BTreeMap;
/// use ereje_sick_leave::pipeline;
/// let sc: ereje_sim_engine::Scenario = toml::from_str(include_str!("../../../fixtures/sick-leave/sim-default.toml")).unwrap();
/// let one = pipeline::replication_kpis(&sc, &[], &BTreeMap::new());
/// let all = pipeline::aggregate(&[one.clone(), one]);
/// assert_eq!(all.outages[0].held.mean.0, Some(0.0));
/// ```
pub fn aggregate(reps: &[PipelineKpis<Val>]) -> PipelineKpis<Estimate> {
    let outages = reps
        .first()
        .map(|first| {
            first
                .outages
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let at: Vec<&OutageKpis<Val>> =
                        reps.iter().filter_map(|r| r.outages.get(i)).collect();
                    OutageKpis {
                        step: o.step.clone(),
                        from: o.from,
                        to: o.to,
                        held: estimate(&at.iter().map(|x| &x.held).collect::<Vec<_>>()),
                        longest_hold_hours: estimate(
                            &at.iter().map(|x| &x.longest_hold_hours).collect::<Vec<_>>(),
                        ),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    PipelineKpis {
        rejected_by_rule: estimate_map(reps.iter().map(|r| &r.rejected_by_rule).collect()),
        not_eligible_by_reason: estimate_map(
            reps.iter().map(|r| &r.not_eligible_by_reason).collect(),
        ),
        latency_to_e_kyzmet_hours: estimate_hours(
            reps.iter().map(|r| &r.latency_to_e_kyzmet_hours).collect(),
        ),
        latency_to_personnel_service_hours: estimate_hours(
            reps.iter().map(|r| &r.latency_to_personnel_service_hours).collect(),
        ),
        outages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ereje_sim_engine::{RunOptions, WeekdaysOnly, validate};

    fn default_scenario() -> Scenario {
        toml::from_str(include_str!("../../../fixtures/sick-leave/sim-default.toml"))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_shipped_scenario_parses_validates_and_carries_the_default_mix() {
        let sc = default_scenario();
        assert_eq!(validate(&sc), vec![]);
        assert_eq!(mix(&sc), Ok(Mix::default()));
        assert_eq!(sc.run.start, crate::law::PILOT.start);
        assert_eq!(sc.run.end, NaiveDate::from_ymd_opt(2024, 3, 31).unwrap_or_default());
        assert_eq!(sc.process.name, "sick-leave");
        // One rejected end per error rule of the catalogue.
        let errors: Vec<&str> =
            crate::RULES.iter().filter(|r| r.severity == Severity::Error).map(|r| r.id).collect();
        for id in errors {
            let end = format!("rejected_{}", id.to_lowercase().replace('-', "_"));
            assert!(sc.process.steps.iter().any(|s| s.id() == end), "{end}");
        }
    }

    #[test]
    fn settings_change_the_mix_and_refuse_what_is_not_a_share() {
        let mut sc = default_scenario();
        apply_setting(&mut sc, DEFECT_SHARE, "0.5").unwrap_or_else(|e| panic!("{e}"));
        apply_setting(&mut sc, CIVIL_SERVANT_SHARE, "1").unwrap_or_else(|e| panic!("{e}"));
        let m = mix(&sc).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((m.defect_share, m.civil_servant_share), (0.5, 1.0));
        assert_eq!(validate(&sc), vec![]);
        for (k, v) in [(DEFECT_SHARE, "-0.1"), (DEFECT_SHARE, "x"), ("share", "0.1")] {
            assert!(apply_setting(&mut sc, k, v).is_err(), "{k}={v}");
        }
        let mut bad = default_scenario();
        if let Some(t) = bad.sources[0].attributes.get_mut("kind") {
            t.insert("flu".to_owned(), 0.0);
        }
        assert!(matches!(mix(&bad), Err(PipelineError::Attribute { .. })));
        bad.sources[0].name = "other".to_owned();
        assert_eq!(mix(&bad), Err(PipelineError::NoSource));
    }

    #[test]
    fn events_follow_the_sheet_and_the_real_routing() {
        use crate::{FixtureAnswer, FixtureStatusService};
        let cal = Calendar::builtin();
        let mut sheet = crate::example_sheet();
        // Two rows: issued on 15 January, extended on 18 January, closed on 21 January.
        let mut row = sheet.release_periods[0].clone();
        sheet.release_periods[0].to = NaiveDate::from_ymd_opt(2024, 1, 17).unwrap_or_default();
        row.from = NaiveDate::from_ymd_opt(2024, 1, 18).unwrap_or_default();
        sheet.release_periods.push(row);
        let w = WireSheet::from(&sheet);
        let not_cs = FixtureStatusService::new(FixtureAnswer::NotCivilServant);
        let cases = event_cases(std::slice::from_ref(&w), &not_cs, &Params::default(), cal, 3);
        let got: Vec<(String, &str, &str)> = cases
            .iter()
            .map(|c| {
                (
                    c.at.date().to_string(),
                    c.attributes[attribute::EVENT].as_str(),
                    c.attributes[attribute::ROUTE].as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("2024-01-15".to_owned(), "issued", "civil_servant_status"),
                ("2024-01-18".to_owned(), "extended", "civil_servant_status"),
                ("2024-01-21".to_owned(), "closed", "civil_servant_status"),
            ]
        );
        // Maternity: stopped before the status is asked; a missing ИИН: stopped at the ФЛК.
        let mut m = w.clone();
        m.kind = Some("maternity".into());
        let cases = event_cases(&[m], &not_cs, &Params::default(), cal, 3);
        assert!(cases.iter().all(|c| c.attributes[attribute::ROUTE] == "maternity"));
        let mut bad = w;
        bad.iin = None;
        let cases = event_cases(&[bad], &not_cs, &Params::default(), cal, 3);
        assert!(!cases.is_empty());
        for c in &cases {
            assert_eq!(c.attributes[attribute::ROUTE], "flk");
            assert_eq!(c.attributes[attribute::FLK], "fail");
            assert!(matches!(c.attributes[attribute::FLK_RULE].as_str(), "SL-001" | "SL-002"));
        }
    }

    #[test]
    fn a_prepared_scenario_runs_and_its_outcomes_are_the_routing_s() {
        let mut sc = default_scenario();
        sc.sources[0].rate_per_working_day = 5.0;
        sc.run.replications = 1;
        let done = prepare(&mut sc, SheetInput::Generate, Calendar::builtin())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(validate(&sc), vec![]);
        let start = sc.run.start.and_time(NaiveTime::MIN);
        let expected_delivered = sc
            .cases
            .iter()
            .filter(|c| c.at >= start && c.attributes[attribute::ROUTE] == "delivered")
            .count() as f64;
        let out = ereje_sim_engine::simulate(&sc, &WeekdaysOnly, &RunOptions::default())
            .unwrap_or_else(|e| panic!("{e}"))
            .output;
        assert!(done.events > done.sheets);
        let delivered = out.kpis.cases.all.ends["delivered"].mean.0.unwrap_or(0.0);
        let in_progress = out.kpis.cases.all.in_progress.mean.0.unwrap_or(0.0);
        // Every delivered event ends at `delivered`, but those still with the personnel
        // service at the horizon.
        assert!(delivered <= expected_delivered && delivered + in_progress >= expected_delivered);
        assert!(delivered > 0.0);
    }

    #[test]
    fn the_added_kpis_agree_with_the_engine_s() {
        use ereje_sim_engine::Model;
        let mut sc = default_scenario();
        sc.sources[0].rate_per_working_day = 8.0;
        sc.run.start = NaiveDate::from_ymd_opt(2024, 2, 5).unwrap_or_default();
        sc.run.end = NaiveDate::from_ymd_opt(2024, 2, 25).unwrap_or_default();
        sc.run.replications = 1;
        prepare(&mut sc, SheetInput::Generate, Calendar::builtin())
            .unwrap_or_else(|e| panic!("{e}"));
        let compile =
            |s: &Scenario| Model::compile(s, &WeekdaysOnly).unwrap_or_else(|e| panic!("{e}"));
        let (engine, cases) = compile(&sc).run_replication(0, true);
        let reached: BTreeMap<String, Vec<Reach>> = reach_steps(&sc)
            .into_iter()
            .map(|step| {
                let cut = reach_scenario(&sc, &step).unwrap_or_else(|| panic!("{step}"));
                let r = reaches(&step, &compile(&cut).run_replication(0, true).1);
                (step, r)
            })
            .collect();
        let k = replication_kpis(&sc, &cases, &reached);
        assert!(!k.rejected_by_rule.is_empty());
        for (rule, v) in &k.rejected_by_rule {
            let end = format!("rejected_{}", rule.to_lowercase().replace('-', "_"));
            assert_eq!(engine.cases.all.ends.get(&end), Some(v), "{rule}");
        }
        for (reason, v) in &k.not_eligible_by_reason {
            let n: f64 = sc
                .process
                .steps
                .iter()
                .filter(|s| match s {
                    EngineStep::End { outcome, reason: Some(r), .. } => {
                        outcome == "not_eligible" && r == reason
                    }
                    _ => false,
                })
                .filter_map(|s| engine.cases.all.ends.get(s.id()).and_then(|v| v.0))
                .sum();
            assert_eq!(v.0, Some(n), "{reason}");
        }
        // The ШЭП outage of 14 February (16:00 to 11:00 the next day) held events, none longer
        // than the outage.
        let shep = k
            .outages
            .iter()
            .find(|o| {
                o.step == "shep"
                    && o.from.date() == NaiveDate::from_ymd_opt(2024, 2, 14).unwrap_or_default()
            })
            .unwrap_or_else(|| panic!("the ШЭП outage"));
        assert!(shep.held.0.unwrap_or(0.0) > 0.0);
        assert!(shep.longest_hold_hours.0.unwrap_or(99.0) <= 19.0);
        // Delivered to Е-қызмет before the personnel service takes it.
        let (ek, hr) = (&k.latency_to_e_kyzmet_hours, &k.latency_to_personnel_service_hours);
        assert!(ek.count.0 >= hr.count.0);
        assert!(ek.p50.0 < hr.p50.0);
        assert!(ek.max.0.unwrap_or(0.0) >= 11.0, "an event held overnight: {:?}", ek.max);
    }

    #[test]
    fn preparing_is_deterministic() {
        let run = || {
            let mut sc = default_scenario();
            sc.sources[0].rate_per_working_day = 3.0;
            let _ = prepare(&mut sc, SheetInput::Generate, Calendar::builtin());
            sc.cases
        };
        assert_eq!(run(), run());
    }
}
