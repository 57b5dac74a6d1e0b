//! The regulation of seed 003 as data: every step and condition of paras 5, 7–8 and 9 in the
//! seed's order, with its paragraph and sub-paragraph, its actor and the time norm the seed sets
//! (`None` = "no norm set"); the roles of para 6; the refusal points.
//!
//! This table is the single source of the norms and citations: [`super::process`] builds the
//! engine's steps from it, and the tests check that the two agree.

use ereje_sim_engine::Norm;

use super::{Actor, Para, RefusalPoint, RegulationStep, RoleDoc, Route, SeedLabel, StepKind};

const fn para(para: u8, sub: u8) -> Para {
    Para { para, sub: Some(sub) }
}

/// Minutes as the seed writes them for a step done by staff: working minutes of the role's
/// schedule (the norm is judged from entering the step, the queue included).
const fn staff_minutes(m: f64) -> Option<Norm> {
    Some(Norm::WorkingMinutes(m))
}

/// Minutes as the seed writes them for an information-system step: calendar minutes (the systems
/// run round the clock; the act does not say which minutes it means).
const fn system_minutes(m: f64) -> Option<Norm> {
    Some(Norm::CalendarMinutes(m))
}

/// The name of the scenario switch, a label on the State Corporation and portal sources:
/// `yes` sends their cases through the para-5 procedure, `no` (default) does not.
pub const SWITCH: &str = "department_procedure";

/// The roles of the model: the three of para 6 and the State Corporation's operator (paras 7–8).
pub static ROLES: &[RoleDoc] = &[
    RoleDoc {
        name: "office",
        citation: Para { para: 6, sub: Some(1) },
        kk: "бөлімнің кеңсе маманы",
        en: "office specialist of the department",
    },
    RoleDoc {
        name: "head",
        citation: Para { para: 6, sub: Some(2) },
        kk: "бөлімнің басшысы",
        en: "head of the department",
    },
    RoleDoc {
        name: "executor",
        citation: Para { para: 6, sub: Some(3) },
        kk: "бөлімнің жауапты орындаушысы",
        en: "responsible executor of the department (also does the department's documents checks \
             of paras 8(2) and 9(9), which name the department but no role: an assumption)",
    },
    RoleDoc {
        name: "sc_operator",
        citation: Para { para: 7, sub: Some(2) },
        kk: "Мемлекеттік корпорацияның операторы",
        en: "operator of the State Corporation (not a role of para 6: the State Corporation's staff)",
    },
];

/// Every step and condition of the regulation, in the seed's order: the department's procedure
/// (para 5) with the model's route-back and decision, the State Corporation route (paras 7–8),
/// the portal route (para 9). The `id`s are the engine's step ids.
pub static REGULATION: &[RegulationStep] = &[
    // ---- para 5: the department's procedure -------------------------------------------------
    RegulationStep {
        id: "d_receive",
        route: Route::Department,
        kind: StepKind::Staffed,
        citation: para(5, 1),
        label: None,
        note: None,
        actor: Actor::OfficeSpecialist,
        what: "receives the documents of para 9 of the Standard and registers them; sends them to \
               the head for a resolution",
        norm: staff_minutes(20.0),
    },
    RegulationStep {
        id: "d_assign",
        route: Route::Department,
        kind: StepKind::Staffed,
        citation: para(5, 2),
        label: None,
        note: None,
        actor: Actor::Head,
        what: "reads the incoming documents and names the responsible executor",
        norm: staff_minutes(10.0),
    },
    RegulationStep {
        id: "d_examine",
        route: Route::Department,
        kind: StepKind::Staffed,
        citation: para(5, 3),
        label: None,
        note: None,
        actor: Actor::ResponsibleExecutor,
        what: "examines the documents and drafts the notice of assignment (or refusal) of the \
               job-loss payment; sends it to the head for signature",
        norm: Some(Norm::WorkingDays(8)),
    },
    RegulationStep {
        id: "d_sign",
        route: Route::Department,
        kind: StepKind::Staffed,
        citation: para(5, 4),
        label: None,
        note: None,
        actor: Actor::Head,
        what: "signs the notice of assignment (refusal); sends it to the office",
        norm: staff_minutes(10.0),
    },
    RegulationStep {
        id: "d_hand_over",
        route: Route::Department,
        kind: StepKind::Staffed,
        citation: para(5, 5),
        label: None,
        note: None,
        actor: Actor::OfficeSpecialist,
        what: "registers the notice and hands the result to the applicant",
        norm: staff_minutes(20.0),
    },
    RegulationStep {
        id: "d_route_back",
        route: Route::Department,
        kind: StepKind::Condition,
        citation: para(5, 5),
        label: None,
        note: Some("route back by channel under the scenario switch department_procedure"),
        actor: Actor::Routing,
        what: "cases of the State Corporation and the portal (switch on) return to their own \
               route's documents condition (8(2), 9(9)); the department's own cases go on to the \
               decision",
        norm: None,
    },
    RegulationStep {
        id: "d_decision",
        route: Route::Department,
        kind: StepKind::Condition,
        citation: para(5, 3),
        label: None,
        note: Some("assignment or refusal"),
        actor: Actor::ResponsibleExecutor,
        what: "the notice drafted in 5(3) assigns the payment or refuses it (the model draws the \
               outcome after hand-over, when it reaches the applicant)",
        norm: None,
    },
    RegulationStep {
        id: "d_assigned",
        route: Route::Department,
        kind: StepKind::End,
        citation: para(5, 5),
        label: None,
        note: Some("notice of assignment (para 3)"),
        actor: Actor::OfficeSpecialist,
        what: "the applicant has the notice of assignment",
        norm: None,
    },
    RegulationStep {
        id: "d_refused",
        route: Route::Department,
        kind: StepKind::End,
        citation: para(5, 3),
        label: None,
        note: Some("notice of refusal (para 3)"),
        actor: Actor::OfficeSpecialist,
        what: "the applicant has the notice of refusal",
        norm: None,
    },
    // ---- paras 7–8: the State Corporation ---------------------------------------------------
    RegulationStep {
        id: "sc_submit",
        route: Route::StateCorporation,
        kind: StepKind::Staffed,
        citation: para(7, 1),
        label: None,
        note: None,
        actor: Actor::Applicant,
        what: "the applicant hands the application and documents (para 9 of the Standard) to an \
               operator in the operations hall, through the electronic queue",
        norm: staff_minutes(2.0),
    },
    RegulationStep {
        id: "sc_authorise",
        route: Route::StateCorporation,
        kind: StepKind::Staffed,
        citation: para(7, 2),
        label: Some(SeedLabel::Process(1)),
        note: None,
        actor: Actor::StateCorporationOperator,
        what: "the operator logs in to the workstation of the State Corporation's integrated \
               information system (authorisation)",
        norm: staff_minutes(1.0),
    },
    RegulationStep {
        id: "sc_enter_request",
        route: Route::StateCorporation,
        kind: StepKind::Staffed,
        citation: para(7, 3),
        label: Some(SeedLabel::Process(2)),
        note: None,
        actor: Actor::StateCorporationOperator,
        what: "the operator chooses the service, opens the request form and enters the data of \
               the applicant (and of a representative under a power of attorney)",
        norm: staff_minutes(2.0),
    },
    RegulationStep {
        id: "sc_gbd_fl_request",
        route: Route::StateCorporation,
        kind: StepKind::System,
        citation: para(7, 4),
        label: Some(SeedLabel::Process(3)),
        note: None,
        actor: Actor::InformationSystem,
        what: "request for the applicant's data to the state database of individuals (ГБД ФЛ, ЖТ \
               МДҚ) through the e-government gateway (ШЭП, ЭҮШ)",
        norm: system_minutes(2.0),
    },
    RegulationStep {
        id: "sc_data_check",
        route: Route::StateCorporation,
        kind: StepKind::System,
        citation: para(7, 5),
        label: Some(SeedLabel::Condition(1)),
        note: Some("the check"),
        actor: Actor::InformationSystem,
        what: "ГБД ФЛ checks that the applicant's data are present",
        norm: system_minutes(1.0),
    },
    RegulationStep {
        id: "sc_data_present",
        route: Route::StateCorporation,
        kind: StepKind::Condition,
        citation: para(7, 5),
        label: Some(SeedLabel::Condition(1)),
        note: Some("data present"),
        actor: Actor::InformationSystem,
        what: "data present: go on (7(7)); absent: refusal branch (7(6))",
        norm: None,
    },
    RegulationStep {
        id: "sc_no_data_notice",
        route: Route::StateCorporation,
        kind: StepKind::System,
        citation: para(7, 6),
        label: Some(SeedLabel::Process(4)),
        note: None,
        actor: Actor::InformationSystem,
        what: "message that the data cannot be obtained because the applicant's data are absent \
               in ГБД ФЛ",
        norm: system_minutes(2.0),
    },
    RegulationStep {
        id: "sc_send_to_gateway",
        route: Route::StateCorporation,
        kind: StepKind::System,
        citation: para(7, 7),
        label: Some(SeedLabel::Process(5)),
        note: None,
        actor: Actor::InformationSystem,
        what: "the request, signed with the operator's ЭЦП (ЭЦҚ), goes through ШЭП to the \
               workstation of the regional e-government gateway (ЭҮАШ АЖО)",
        norm: system_minutes(2.0),
    },
    RegulationStep {
        id: "sc_register_gateway",
        route: Route::StateCorporation,
        kind: StepKind::System,
        citation: para(8, 1),
        label: Some(SeedLabel::Process(6)),
        note: None,
        actor: Actor::InformationSystem,
        what: "the electronic document is registered in the regional gateway's workstation",
        norm: system_minutes(2.0),
    },
    RegulationStep {
        id: "sc_department_procedure",
        route: Route::StateCorporation,
        kind: StepKind::Condition,
        citation: para(8, 2),
        label: None,
        note: Some(
            "scenario switch department_procedure: the para-5 procedure or the 2-minute check",
        ),
        actor: Actor::Routing,
        what: "switch on: the case goes through the department's procedure (para 5) before \
               condition 2; off (default): the department checks it in 2 minutes (8(2))",
        norm: None,
    },
    RegulationStep {
        id: "sc_documents_check",
        route: Route::StateCorporation,
        kind: StepKind::Staffed,
        citation: para(8, 2),
        label: Some(SeedLabel::Condition(2)),
        note: Some("the check"),
        actor: Actor::Department,
        what: "the department checks that the attached documents comply with para 9 of the \
               Standard (processing)",
        norm: staff_minutes(2.0),
    },
    RegulationStep {
        id: "sc_documents_comply",
        route: Route::StateCorporation,
        kind: StepKind::Condition,
        citation: para(8, 2),
        label: Some(SeedLabel::Condition(2)),
        note: Some("documents comply"),
        actor: Actor::Department,
        what: "documents comply: result (8(4)); violations: refusal branch (8(3))",
        norm: None,
    },
    RegulationStep {
        id: "sc_refusal_notice",
        route: Route::StateCorporation,
        kind: StepKind::System,
        citation: para(8, 3),
        label: Some(SeedLabel::Process(7)),
        note: None,
        actor: Actor::InformationSystem,
        what: "message refusing the service because of violations in the applicant's documents",
        norm: system_minutes(2.0),
    },
    RegulationStep {
        id: "sc_result",
        route: Route::StateCorporation,
        kind: StepKind::Staffed,
        citation: para(8, 4),
        label: Some(SeedLabel::Process(8)),
        note: None,
        actor: Actor::StateCorporationOperator,
        what: "the applicant receives through the operator the result formed in the regional \
               gateway (notice of assignment of the payment)",
        norm: staff_minutes(2.0),
    },
    RegulationStep {
        id: "sc_assigned",
        route: Route::StateCorporation,
        kind: StepKind::End,
        citation: para(8, 4),
        label: Some(SeedLabel::Process(8)),
        note: Some("notice of assignment (para 3)"),
        actor: Actor::StateCorporationOperator,
        what: "the applicant has the notice of assignment",
        norm: None,
    },
    RegulationStep {
        id: "sc_refused_no_data",
        route: Route::StateCorporation,
        kind: StepKind::End,
        citation: para(7, 6),
        label: Some(SeedLabel::Process(4)),
        note: Some("refused at condition 1 (7(5))"),
        actor: Actor::InformationSystem,
        what: "refused: the applicant's data are absent in ГБД ФЛ",
        norm: None,
    },
    RegulationStep {
        id: "sc_refused_documents",
        route: Route::StateCorporation,
        kind: StepKind::End,
        citation: para(8, 3),
        label: Some(SeedLabel::Process(7)),
        note: Some("refused at condition 2 (8(2))"),
        actor: Actor::Department,
        what: "refused: violations in the applicant's documents",
        norm: None,
    },
    // ---- para 9: the portal (no time norms) ---------------------------------------------------
    RegulationStep {
        id: "p_register",
        route: Route::Portal,
        kind: StepKind::Applicant,
        citation: para(9, 1),
        label: None,
        note: None,
        actor: Actor::Applicant,
        what: "the applicant registers on the portal with ИИН (ЖСН) and a password (only if not \
               yet registered)",
        norm: None,
    },
    RegulationStep {
        id: "p_authorise",
        route: Route::Portal,
        kind: StepKind::Applicant,
        citation: para(9, 2),
        label: Some(SeedLabel::Process(1)),
        note: None,
        actor: Actor::Applicant,
        what: "the applicant enters ИИН and password (authorisation)",
        norm: None,
    },
    RegulationStep {
        id: "p_data_check",
        route: Route::Portal,
        kind: StepKind::System,
        citation: para(9, 3),
        label: Some(SeedLabel::Condition(1)),
        note: Some("the check"),
        actor: Actor::Portal,
        what: "the portal checks the registered applicant's data (ИИН and password)",
        norm: None,
    },
    RegulationStep {
        id: "p_data_valid",
        route: Route::Portal,
        kind: StepKind::Condition,
        citation: para(9, 3),
        label: Some(SeedLabel::Condition(1)),
        note: Some("data valid"),
        actor: Actor::Portal,
        what: "data valid: go on (9(5)); violations: refusal branch (9(4))",
        norm: None,
    },
    RegulationStep {
        id: "p_authorisation_refusal",
        route: Route::Portal,
        kind: StepKind::System,
        citation: para(9, 4),
        label: Some(SeedLabel::Process(2)),
        note: None,
        actor: Actor::Portal,
        what: "message refusing authorisation because of violations in the applicant's data",
        norm: None,
    },
    RegulationStep {
        id: "p_fill_form",
        route: Route::Portal,
        kind: StepKind::Applicant,
        citation: para(9, 5),
        label: Some(SeedLabel::Process(3)),
        note: None,
        actor: Actor::Applicant,
        what: "the applicant chooses the service, fills in the request form, attaches electronic \
               copies of the documents of para 9 of the Standard and chooses the ЭЦП certificate \
               to sign",
        norm: None,
    },
    RegulationStep {
        id: "p_signature_check",
        route: Route::Portal,
        kind: StepKind::System,
        citation: para(9, 6),
        label: Some(SeedLabel::Condition(2)),
        note: Some("the check"),
        actor: Actor::Portal,
        what: "the portal checks the ЭЦП certificate: valid, not in the list of revoked \
               certificates, and the ИИН of the request matches the ИИН of the certificate",
        norm: None,
    },
    RegulationStep {
        id: "p_signature_valid",
        route: Route::Portal,
        kind: StepKind::Condition,
        citation: para(9, 6),
        label: Some(SeedLabel::Condition(2)),
        note: Some("ЭЦП valid, not revoked, ИИН matches"),
        actor: Actor::Portal,
        what: "signature confirmed: go on (9(8)); not confirmed: refusal branch (9(7))",
        norm: None,
    },
    RegulationStep {
        id: "p_signature_refusal",
        route: Route::Portal,
        kind: StepKind::System,
        citation: para(9, 7),
        label: Some(SeedLabel::Process(4)),
        note: None,
        actor: Actor::Portal,
        what: "message refusing the service because the applicant's ЭЦП is not confirmed",
        norm: None,
    },
    RegulationStep {
        id: "p_send",
        route: Route::Portal,
        kind: StepKind::System,
        citation: para(9, 8),
        label: Some(SeedLabel::Process(5)),
        note: None,
        actor: Actor::InformationSystem,
        what: "the signed electronic documents go through ШЭП to the regional gateway's \
               workstation (ЭҮАШ АЖО) for processing",
        norm: None,
    },
    RegulationStep {
        id: "p_department_procedure",
        route: Route::Portal,
        kind: StepKind::Condition,
        citation: para(9, 9),
        label: None,
        note: Some("scenario switch department_procedure: the para-5 procedure or the check"),
        actor: Actor::Routing,
        what: "switch on: the case goes through the department's procedure (para 5) before \
               condition 3; off (default): the department checks it (9(9))",
        norm: None,
    },
    RegulationStep {
        id: "p_documents_check",
        route: Route::Portal,
        kind: StepKind::Staffed,
        citation: para(9, 9),
        label: Some(SeedLabel::Condition(3)),
        note: Some("the check"),
        actor: Actor::Department,
        what: "the department checks that the attached documents comply with para 9 of the \
               Standard",
        norm: None,
    },
    RegulationStep {
        id: "p_documents_comply",
        route: Route::Portal,
        kind: StepKind::Condition,
        citation: para(9, 9),
        label: Some(SeedLabel::Condition(3)),
        note: Some("documents comply"),
        actor: Actor::Department,
        what: "documents comply: result (9(11)); violations: refusal branch (9(10))",
        norm: None,
    },
    RegulationStep {
        id: "p_refusal_notice",
        route: Route::Portal,
        kind: StepKind::System,
        citation: para(9, 10),
        label: Some(SeedLabel::Process(6)),
        note: None,
        actor: Actor::InformationSystem,
        what: "message refusing the service because of violations in the applicant's documents",
        norm: None,
    },
    RegulationStep {
        id: "p_result",
        route: Route::Portal,
        kind: StepKind::System,
        citation: para(9, 11),
        label: Some(SeedLabel::Process(7)),
        note: None,
        actor: Actor::Portal,
        what: "the result (a notice as an electronic document signed with the ЭЦП of the \
               department's authorised person) goes to the applicant's personal cabinet",
        norm: None,
    },
    RegulationStep {
        id: "p_assigned",
        route: Route::Portal,
        kind: StepKind::End,
        citation: para(9, 11),
        label: Some(SeedLabel::Process(7)),
        note: Some("notice of assignment in the personal cabinet (para 3)"),
        actor: Actor::Portal,
        what: "the applicant has the notice of assignment in the personal cabinet",
        norm: None,
    },
    RegulationStep {
        id: "p_refused_data",
        route: Route::Portal,
        kind: StepKind::End,
        citation: para(9, 4),
        label: Some(SeedLabel::Process(2)),
        note: Some("refused at condition 1 (9(3))"),
        actor: Actor::Portal,
        what: "refused: authorisation refused, violations in the applicant's data",
        norm: None,
    },
    RegulationStep {
        id: "p_refused_signature",
        route: Route::Portal,
        kind: StepKind::End,
        citation: para(9, 7),
        label: Some(SeedLabel::Process(4)),
        note: Some("refused at condition 2 (9(6))"),
        actor: Actor::Portal,
        what: "refused: the ЭЦП is not confirmed",
        norm: None,
    },
    RegulationStep {
        id: "p_refused_documents",
        route: Route::Portal,
        kind: StepKind::End,
        citation: para(9, 10),
        label: Some(SeedLabel::Process(6)),
        note: Some("refused at condition 3 (9(9))"),
        actor: Actor::Department,
        what: "refused: violations in the applicant's documents",
        norm: None,
    },
];

/// Where a case can be refused: the condition, the branch it takes on refusal, and the terminal
/// step it ends in, with the reason the engine reports.
pub static REFUSALS: &[RefusalPoint] = &[
    RefusalPoint {
        condition: "d_decision",
        branch: "d_refused",
        end: "d_refused",
        reason: "notice of refusal drafted on examination (para 5(3))",
    },
    RefusalPoint {
        condition: "sc_data_present",
        branch: "sc_no_data_notice",
        end: "sc_refused_no_data",
        reason: "condition 1 (para 7(5)): the applicant's data are absent in ГБД ФЛ",
    },
    RefusalPoint {
        condition: "sc_documents_comply",
        branch: "sc_refusal_notice",
        end: "sc_refused_documents",
        reason: "condition 2 (para 8(2)): the documents do not comply",
    },
    RefusalPoint {
        condition: "p_data_valid",
        branch: "p_authorisation_refusal",
        end: "p_refused_data",
        reason: "condition 1 (para 9(3)): violations in the applicant's data, authorisation refused",
    },
    RefusalPoint {
        condition: "p_signature_valid",
        branch: "p_signature_refusal",
        end: "p_refused_signature",
        reason: "condition 2 (para 9(6)): the ЭЦП is not confirmed (validity, revocation, ИИН)",
    },
    RefusalPoint {
        condition: "p_documents_comply",
        branch: "p_refusal_notice",
        end: "p_refused_documents",
        reason: "condition 3 (para 9(9)): the documents do not comply",
    },
];
