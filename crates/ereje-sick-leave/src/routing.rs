//! The pilot's routing (joint order No. 160 of 31.10.2023): for each sheet event (issued,
//! extended, closed), whether ИС «АПП» sends the sheet to ИИС «Е-қызмет», and if not, the step
//! that stopped it.
//!
//! The steps, in order:
//! 1. `pilot_window`: the event's date lies in the pilot's window (item 1 of the order: from
//!    27 November 2023 «до 1 апреля 2024 года»; whether 1 April is inside is the parameter
//!    `pilot.end_inclusive`, which date of the event is compared is `pilot.event_date`);
//! 2. `maternity`: sheets for pregnancy and childbirth are excluded (order items 2–3, the
//!    algorithm's title);
//! 3. `bmc_attachment`, `astana_residence`, `first_polyclinic_department`: the patient is
//!    attached to the БМЦ hospital, lives in Astana and is not served by its first polyclinic
//!    department (order item 1; algorithm p. 2 subpara 7 ru / p. 1 kk);
//! 4. `flk`: the format-logical control of ИС «АПП» passed (algorithm p. 5 ru / p. 4 kk). Its rule
//!    list is not public: this crate's validator stands in for it (no finding of severity
//!    error);
//! 5. `civil_servant_status`: the Е-қызмет status service (`PepKyzmetP2503Sync`), asked by the
//!    patient's ИИН, answers "civil servant" (algorithm p. 6 ru / p. 5 kk); `status_service`
//!    when it cannot be asked or does not answer;
//! 6. delivered to Е-қызмет (`EK_getStatusBL`, «Сервис получения сведений об открытии/продлении/
//!    закрытии больничного листа»).

use std::collections::HashMap;

use chrono::NaiveDate;
use ereje_id::Iin;
use serde::{Deserialize, Serialize};

use crate::law::PILOT;
use crate::params::{EventDateReading, Params};

/// The service key of the Е-қызмет status service the pilot queries by ИИН.
pub const STATUS_SERVICE_KEY: &str = "PepKyzmetP2503Sync";

/// The service key of the Е-қызмет service that receives the sheet's opening, extension and
/// closing.
pub const DELIVERY_SERVICE_KEY: &str = "EK_getStatusBL";

/// What the pilot needs to know about the patient besides the sheet: the population of order
/// item 1 («прикрепленным к … БМЦ … и проживающим в городе Астана, за исключением лиц,
/// обслуживающихся в первом поликлиническом отделении»).
///
/// In a record it is the optional object `routing`; a missing flag is `false`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RoutingContext {
    /// Attached to the hospital of the Medical Centre of the Presidential Affairs Administration
    /// (БМЦ).
    pub attached_to_bmc: bool,
    /// Lives in the city of Astana.
    pub lives_in_astana: bool,
    /// Served by the БМЦ's first polyclinic department (excluded from the pilot).
    pub first_polyclinic_department: bool,
}

impl RoutingContext {
    /// A patient inside the pilot's population.
    pub const IN_PILOT: RoutingContext = RoutingContext {
        attached_to_bmc: true,
        lives_in_astana: true,
        first_polyclinic_department: false,
    };
}

/// The event of a sheet the MIS sends: the Е-қызмет service receives «открытие/продление/
/// закрытие».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetEvent {
    /// The sheet was issued (opened).
    Issued,
    /// The sheet was extended (a continuation, or status `extended`).
    Extended,
    /// The sheet was closed.
    Closed,
}

/// The answer of the Е-қызмет status service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CivilServantStatus {
    /// «государственный служащий»: a positive answer.
    CivilServant,
    /// Not a civil servant.
    NotCivilServant,
}

/// The status service could not answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("status service {STATUS_SERVICE_KEY} did not answer: {reason}")]
pub struct StatusError {
    /// Why (timeout, outage, …).
    pub reason: String,
}

/// The Е-қызмет status service (`PepKyzmetP2503Sync`), implemented by the caller: a real client,
/// a simulator's model, or [`FixtureStatusService`].
pub trait StatusService {
    /// The civil-servant status of the person with `iin`.
    ///
    /// # Errors
    /// [`StatusError`] when the service cannot answer; the routing then stops at
    /// [`Step::StatusService`].
    fn civil_servant_status(&self, iin: &Iin) -> Result<CivilServantStatus, StatusError>;
}

/// One answer of a [`FixtureStatusService`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FixtureAnswer {
    /// Answers civil servant.
    CivilServant,
    /// Answers not a civil servant.
    NotCivilServant,
    /// Does not answer.
    Unavailable,
}

/// A [`StatusService`] backed by a table keyed by ИИН, for tests and the simulator.
///
/// ```
/// use ereje_id::Iin;
/// use ereje_sick_leave::{CivilServantStatus, FixtureStatusService, StatusService};
/// let service = FixtureStatusService::parse("# iin answer\n900101400003 civil_servant\n")?;
/// let iin: Iin = "900101400003".parse().unwrap();
/// assert_eq!(service.civil_servant_status(&iin), Ok(CivilServantStatus::CivilServant));
/// let other: Iin = "850630300001".parse().unwrap();
/// assert_eq!(service.civil_servant_status(&other), Ok(CivilServantStatus::NotCivilServant));
/// # Ok::<(), ereje_sick_leave::FixtureError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixtureStatusService {
    answers: HashMap<Iin, FixtureAnswer>,
    default: FixtureAnswer,
}

/// A fixture table that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FixtureError {
    /// A line that is not `IIN ANSWER`.
    #[error("line {line}: expected `IIN ANSWER`, found `{text}`")]
    Shape {
        /// The line, from 1.
        line: usize,
        /// The line's text.
        text: String,
    },
    /// Not a valid ИИН.
    #[error("line {line}: `{value}` is not a valid IIN")]
    Iin {
        /// The line, from 1.
        line: usize,
        /// The value.
        value: String,
    },
    /// An answer other than `civil_servant`, `not_civil_servant`, `unavailable`.
    #[error(
        "line {line}: unknown answer `{value}` (expected civil_servant, not_civil_servant or unavailable)"
    )]
    Answer {
        /// The line, from 1.
        line: usize,
        /// The value.
        value: String,
    },
}

impl FixtureStatusService {
    /// An empty table answering `default` for every ИИН.
    pub fn new(default: FixtureAnswer) -> FixtureStatusService {
        FixtureStatusService { answers: HashMap::new(), default }
    }

    /// Sets the answer for one ИИН.
    pub fn insert(&mut self, iin: Iin, answer: FixtureAnswer) -> &mut FixtureStatusService {
        self.answers.insert(iin, answer);
        self
    }

    /// Reads a table: one `IIN ANSWER` per line (`civil_servant`, `not_civil_servant`,
    /// `unavailable`), blank lines and `#` comments skipped; any other ИИН answers
    /// `not_civil_servant`.
    ///
    /// # Errors
    /// [`FixtureError`] for a line of another shape, an invalid ИИН or an unknown answer.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::FixtureStatusService;
    /// assert!(FixtureStatusService::parse("900101400003 unavailable").is_ok());
    /// assert!(FixtureStatusService::parse("900101400003 maybe").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<FixtureStatusService, FixtureError> {
        let mut service = FixtureStatusService::new(FixtureAnswer::NotCivilServant);
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = raw.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            let mut parts = content.split_whitespace();
            let (Some(iin), Some(answer), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(FixtureError::Shape { line, text: raw.to_owned() });
            };
            let iin: Iin =
                iin.parse().map_err(|_| FixtureError::Iin { line, value: iin.to_owned() })?;
            let answer = match answer {
                "civil_servant" => FixtureAnswer::CivilServant,
                "not_civil_servant" => FixtureAnswer::NotCivilServant,
                "unavailable" => FixtureAnswer::Unavailable,
                _ => return Err(FixtureError::Answer { line, value: answer.to_owned() }),
            };
            service.insert(iin, answer);
        }
        Ok(service)
    }
}

impl StatusService for FixtureStatusService {
    fn civil_servant_status(&self, iin: &Iin) -> Result<CivilServantStatus, StatusError> {
        match self.answers.get(iin).copied().unwrap_or(self.default) {
            FixtureAnswer::CivilServant => Ok(CivilServantStatus::CivilServant),
            FixtureAnswer::NotCivilServant => Ok(CivilServantStatus::NotCivilServant),
            FixtureAnswer::Unavailable => {
                Err(StatusError { reason: "fixture: unavailable".to_owned() })
            }
        }
    }
}

/// A step of the routing, in the order they are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The event's date is outside the pilot's window.
    PilotWindow,
    /// A pregnancy and childbirth sheet: excluded.
    Maternity,
    /// Not attached to the БМЦ hospital.
    BmcAttachment,
    /// Does not live in Astana.
    AstanaResidence,
    /// Served by the first polyclinic department: excluded.
    FirstPolyclinicDepartment,
    /// The ФЛК failed (a finding of severity error), or the event could not be established.
    Flk,
    /// The status service answered "not a civil servant".
    CivilServantStatus,
    /// The status service did not answer (or there is none).
    StatusService,
}

/// Where the sheet went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Decision {
    /// Sent to Е-қызмет through `EK_getStatusBL`.
    Delivered {
        /// Always [`DELIVERY_SERVICE_KEY`].
        service: DeliveryService,
    },
    /// Stopped at a step.
    Stopped {
        /// The step.
        step: Step,
    },
}

/// The Е-қызмет service a sheet is delivered to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeliveryService {
    /// `EK_getStatusBL`.
    #[serde(rename = "EK_getStatusBL")]
    EkGetStatusBl,
}

/// The routing of one sheet event.
///
/// Serialised flat: `{"event": "issued", "event_date": "2024-01-10", "outcome": "delivered",
/// "service": "EK_getStatusBL"}` or `{…, "outcome": "stopped", "step": "maternity"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Routing {
    /// The event, when it could be established (from items 2 and 3).
    pub event: Option<SheetEvent>,
    /// The date compared with the window.
    pub event_date: Option<NaiveDate>,
    /// The decision.
    #[serde(flatten)]
    pub decision: Decision,
}

impl Routing {
    /// The step that stopped the event, if it was stopped.
    pub fn stopped_at(&self) -> Option<Step> {
        match self.decision {
            Decision::Stopped { step } => Some(step),
            Decision::Delivered { .. } => None,
        }
    }
}

/// What the routing needs to know about one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteInput {
    /// The event.
    pub event: Option<SheetEvent>,
    /// The date of the event as the parameter `pilot.event_date` reads it (see
    /// [`event_date`]).
    pub event_date: Option<NaiveDate>,
    /// A pregnancy and childbirth sheet.
    pub maternity: bool,
    /// The ФЛК passed (no finding of severity error).
    pub flk_passed: bool,
    /// The patient's ИИН, when valid.
    pub iin: Option<Iin>,
    /// The patient's context.
    pub context: RoutingContext,
}

/// The date of an event that is compared with the pilot's window.
///
/// With [`EventDateReading::Event`]: *issued* → the issue date; *extended* → the first day of
/// the last release period; *closed* → its last day. With [`EventDateReading::IssueDate`]: the
/// issue date for every event. `last_period` is the release period that starts last.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_sick_leave::{event_date, EventDateReading, Period, SheetEvent};
/// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
/// let last = Some(Period { from: d(3, 25), to: d(4, 2) });
/// let ev = |e| event_date(e, Some(d(3, 20)), last, EventDateReading::Event);
/// assert_eq!(ev(SheetEvent::Issued), Some(d(3, 20)));
/// assert_eq!(ev(SheetEvent::Extended), Some(d(3, 25)));
/// assert_eq!(ev(SheetEvent::Closed), Some(d(4, 2)));
/// ```
pub fn event_date(
    event: SheetEvent,
    issue_date: Option<NaiveDate>,
    last_period: Option<crate::model::Period>,
    reading: EventDateReading,
) -> Option<NaiveDate> {
    match (reading, event) {
        (EventDateReading::IssueDate, _) | (EventDateReading::Event, SheetEvent::Issued) => {
            issue_date
        }
        (EventDateReading::Event, SheetEvent::Extended) => last_period.map(|p| p.from),
        (EventDateReading::Event, SheetEvent::Closed) => last_period.map(|p| p.to),
    }
}

/// Routes one event through the pilot's steps (see the module documentation); the status
/// service is asked only when every earlier step passed.
///
/// # Errors
/// None: a failure of the status service is the outcome [`Step::StatusService`].
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_sick_leave::{route, FixtureAnswer, FixtureStatusService, Params, RouteInput,
///     RoutingContext, SheetEvent, Step};
/// let iin = "900101400003".parse().unwrap();
/// let mut service = FixtureStatusService::new(FixtureAnswer::NotCivilServant);
/// service.insert(iin, FixtureAnswer::CivilServant);
/// let input = RouteInput {
///     event: Some(SheetEvent::Issued),
///     event_date: NaiveDate::from_ymd_opt(2024, 1, 10),
///     maternity: false,
///     flk_passed: true,
///     iin: Some(iin),
///     context: RoutingContext::IN_PILOT,
/// };
/// assert_eq!(route(&input, &Params::default(), Some(&service)).stopped_at(), None);
/// let maternity = RouteInput { maternity: true, ..input };
/// assert_eq!(route(&maternity, &Params::default(), Some(&service)).stopped_at(), Some(Step::Maternity));
/// ```
pub fn route(input: &RouteInput, params: &Params, status: Option<&dyn StatusService>) -> Routing {
    let stop = |step| Routing {
        event: input.event,
        event_date: input.event_date,
        decision: Decision::Stopped { step },
    };
    let (Some(_), Some(date)) = (input.event, input.event_date) else {
        // Without an event or its date the sheet lacks required items: the ФЛК has failed.
        return stop(Step::Flk);
    };
    if !PILOT.effective(params.pilot_end_inclusive).contains(date) {
        return stop(Step::PilotWindow);
    }
    if input.maternity {
        return stop(Step::Maternity);
    }
    let ctx = input.context;
    if !ctx.attached_to_bmc {
        return stop(Step::BmcAttachment);
    }
    if !ctx.lives_in_astana {
        return stop(Step::AstanaResidence);
    }
    if ctx.first_polyclinic_department {
        return stop(Step::FirstPolyclinicDepartment);
    }
    let (true, Some(iin)) = (input.flk_passed, input.iin) else {
        return stop(Step::Flk);
    };
    let Some(service) = status else {
        return stop(Step::StatusService);
    };
    match service.civil_servant_status(&iin) {
        Ok(CivilServantStatus::CivilServant) => Routing {
            event: input.event,
            event_date: input.event_date,
            decision: Decision::Delivered { service: DeliveryService::EkGetStatusBl },
        },
        Ok(CivilServantStatus::NotCivilServant) => stop(Step::CivilServantStatus),
        Err(_) => stop(Step::StatusService),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    struct Counting<'a> {
        calls: &'a Cell<u32>,
        answer: FixtureAnswer,
    }

    impl StatusService for Counting<'_> {
        fn civil_servant_status(&self, iin: &Iin) -> Result<CivilServantStatus, StatusError> {
            self.calls.set(self.calls.get() + 1);
            let mut f = FixtureStatusService::new(self.answer);
            f.insert(*iin, self.answer);
            f.civil_servant_status(iin)
        }
    }

    fn base() -> RouteInput {
        RouteInput {
            event: Some(SheetEvent::Issued),
            event_date: Some(d(2024, 1, 10)),
            maternity: false,
            flk_passed: true,
            iin: "900101400003".parse().ok(),
            context: RoutingContext::IN_PILOT,
        }
    }

    #[test]
    fn routing_table() {
        let out = |r: &Routing| match r.decision {
            Decision::Delivered { .. } => "delivered".to_owned(),
            Decision::Stopped { step } => format!("{step:?}"),
        };
        let ctx = |a, l, f| RoutingContext {
            attached_to_bmc: a,
            lives_in_astana: l,
            first_polyclinic_department: f,
        };
        #[rustfmt::skip]
        let cases: Vec<(&str, RouteInput, bool, FixtureAnswer, &str, u32)> = vec![
            ("inside", base(), false, FixtureAnswer::CivilServant, "delivered", 1),
            ("first day of the pilot", RouteInput { event_date: Some(d(2023, 11, 27)), ..base() }, false, FixtureAnswer::CivilServant, "delivered", 1),
            ("day before the pilot", RouteInput { event_date: Some(d(2023, 11, 26)), ..base() }, false, FixtureAnswer::CivilServant, "PilotWindow", 0),
            ("31 March", RouteInput { event_date: Some(d(2024, 3, 31)), ..base() }, false, FixtureAnswer::CivilServant, "delivered", 1),
            ("1 April, end exclusive", RouteInput { event_date: Some(d(2024, 4, 1)), ..base() }, false, FixtureAnswer::CivilServant, "PilotWindow", 0),
            ("1 April, end inclusive", RouteInput { event_date: Some(d(2024, 4, 1)), ..base() }, true, FixtureAnswer::CivilServant, "delivered", 1),
            ("2 April, end inclusive", RouteInput { event_date: Some(d(2024, 4, 2)), ..base() }, true, FixtureAnswer::CivilServant, "PilotWindow", 0),
            ("maternity", RouteInput { maternity: true, ..base() }, false, FixtureAnswer::CivilServant, "Maternity", 0),
            ("maternity outside the window", RouteInput { maternity: true, event_date: Some(d(2025, 1, 1)), ..base() }, false, FixtureAnswer::CivilServant, "PilotWindow", 0),
            ("not attached", RouteInput { context: ctx(false, true, false), ..base() }, false, FixtureAnswer::CivilServant, "BmcAttachment", 0),
            ("not in Astana", RouteInput { context: ctx(true, false, false), ..base() }, false, FixtureAnswer::CivilServant, "AstanaResidence", 0),
            ("first department", RouteInput { context: ctx(true, true, true), ..base() }, false, FixtureAnswer::CivilServant, "FirstPolyclinicDepartment", 0),
            ("ФЛК failed", RouteInput { flk_passed: false, ..base() }, false, FixtureAnswer::CivilServant, "Flk", 0),
            ("no ИИН", RouteInput { iin: None, ..base() }, false, FixtureAnswer::CivilServant, "Flk", 0),
            ("no event", RouteInput { event: None, ..base() }, false, FixtureAnswer::CivilServant, "Flk", 0),
            ("no event date", RouteInput { event_date: None, ..base() }, false, FixtureAnswer::CivilServant, "Flk", 0),
            ("not a civil servant", base(), false, FixtureAnswer::NotCivilServant, "CivilServantStatus", 1),
            ("service down", base(), false, FixtureAnswer::Unavailable, "StatusService", 1),
        ];
        for (name, input, inclusive, answer, expected, calls) in cases {
            let counter = Cell::new(0);
            let service = Counting { calls: &counter, answer };
            let params = Params { pilot_end_inclusive: inclusive, ..Params::default() };
            let r = route(&input, &params, Some(&service));
            assert_eq!(out(&r), expected, "{name}");
            assert_eq!(counter.get(), calls, "{name}: status service calls");
        }
        assert_eq!(
            route(&base(), &Params::default(), None).stopped_at(),
            Some(Step::StatusService)
        );
    }

    #[test]
    fn serialises_flat_with_the_step() {
        let r = route(&RouteInput { maternity: true, ..base() }, &Params::default(), None);
        assert_eq!(
            serde_json::to_string(&r).unwrap_or_default(),
            r#"{"event":"issued","event_date":"2024-01-10","outcome":"stopped","step":"maternity"}"#
        );
        let mut service = FixtureStatusService::new(FixtureAnswer::CivilServant);
        service.insert(base().iin.unwrap_or_else(|| unreachable!()), FixtureAnswer::CivilServant);
        let r = route(&base(), &Params::default(), Some(&service));
        let json = serde_json::to_string(&r).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"event":"issued","event_date":"2024-01-10","outcome":"delivered","service":"EK_getStatusBL"}"#
        );
        assert_eq!(serde_json::from_str::<Routing>(&json).ok(), Some(r));
    }

    #[test]
    fn fixture_table_errors() {
        assert!(matches!(
            FixtureStatusService::parse("1 2 3"),
            Err(FixtureError::Shape { line: 1, .. })
        ));
        assert!(matches!(
            FixtureStatusService::parse("\n900101400004 civil_servant"),
            Err(FixtureError::Iin { line: 2, .. })
        ));
    }
}
