//! The default scenario: the regulation's steps (from [`super::REGULATION`]) with the durations,
//! staff, branch probabilities and arrivals the scenario assumes, over 2025.
//!
//! Every figure here that the seed does not set is a scenario assumption: durations carry
//! `assumed = true`; staff, rates and probabilities are listed in
//! `docs/social-payment-procedure.md` and commented in `fixtures/social-payment/default.toml`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ereje_sim_engine::{
    Branch, Break, Clock, ClockTime, Dist, Duration, Predicate, Process, Role, RunConfig, Scenario,
    Schedule, Source, Step,
};

use super::{REGULATION, SWITCH, term_for_window};

/// A triangular duration in minutes, labelled a scenario assumption.
fn tri(min: f64, mode: f64, max: f64) -> Duration {
    Duration::new(Dist::Triangular { min, mode, max }).assumed()
}

/// The step `step` with the citation and norm the regulation table gives its id.
fn cited(step: Step) -> Step {
    match REGULATION.iter().find(|r| r.id == step.id()) {
        Some(r) => {
            let step = step.with_citation(&r.citation_text());
            match r.norm {
                Some(n) => step.with_norm(n),
                None => step,
            }
        }
        None => step,
    }
}

fn eq(attribute: &str, value: &str) -> Predicate {
    Predicate::Eq { attribute: attribute.to_string(), value: value.to_string() }
}

fn end(id: &str, outcome: &str, reason: Option<&str>) -> Step {
    Step::End {
        id: id.to_string(),
        outcome: outcome.to_string(),
        reason: reason.map(str::to_string),
        citation: None,
    }
}

fn reason(end_id: &str) -> Option<&'static str> {
    super::REFUSALS.iter().find(|r| r.end == end_id).map(|r| r.reason)
}

/// The regulation's steps with the default scenario's assumed durations and probabilities.
fn steps() -> Vec<Step> {
    let channel = "channel";
    let yes = "yes";
    let steps = vec![
        // ---- para 5 ----
        Step::staffed("d_receive", "office", tri(5.0, 12.0, 25.0), "d_assign"),
        Step::staffed("d_assign", "head", tri(3.0, 6.0, 12.0), "d_examine"),
        Step::Staffed {
            id: "d_examine".into(),
            role: Some("executor".into()),
            // Staff time: reading the file, the inquiries, drafting the notice.
            effort: tri(20.0, 45.0, 120.0),
            // Elapsed time waiting for answers to inquiries, holding no staff: 1 to 9 working
            // days (of 480 working minutes), most likely 3.
            wait: Some(tri(480.0, 1440.0, 4320.0)),
            wait_clock: Clock::Working,
            next: "d_sign".into(),
            norm: None,
            norm_assumed: false,
            citation: None,
        },
        Step::staffed("d_sign", "head", tri(3.0, 6.0, 12.0), "d_hand_over"),
        Step::staffed("d_hand_over", "office", tri(5.0, 12.0, 25.0), "d_route_back"),
        Step::condition(
            "d_route_back",
            vec![
                Branch::when("sc_documents_comply", eq(channel, "state_corporation")),
                Branch::when("p_documents_comply", eq(channel, "egov_portal")),
            ],
        )
        .with_otherwise("d_decision"),
        Step::condition(
            "d_decision",
            vec![Branch::probability("d_assigned", 0.95), Branch::probability("d_refused", 0.05)],
        ),
        end("d_assigned", "assigned", None),
        end("d_refused", "refused", reason("d_refused")),
        // ---- paras 7–8 ----
        Step::staffed("sc_submit", "sc_operator", tri(0.5, 1.5, 3.0), "sc_authorise"),
        Step::staffed("sc_authorise", "sc_operator", tri(0.3, 0.8, 1.5), "sc_enter_request"),
        Step::staffed("sc_enter_request", "sc_operator", tri(0.5, 1.5, 3.0), "sc_gbd_fl_request"),
        Step::system("sc_gbd_fl_request", tri(0.1, 0.5, 3.0), "sc_data_check"),
        Step::system("sc_data_check", tri(0.1, 0.3, 1.5), "sc_data_present"),
        Step::condition(
            "sc_data_present",
            vec![
                Branch::probability("sc_send_to_gateway", 0.99),
                Branch::probability("sc_no_data_notice", 0.01),
            ],
        ),
        Step::system("sc_no_data_notice", tri(0.5, 1.0, 3.0), "sc_refused_no_data"),
        Step::system("sc_send_to_gateway", tri(0.2, 0.5, 3.0), "sc_register_gateway"),
        Step::system("sc_register_gateway", tri(0.2, 0.5, 3.0), "sc_department_procedure"),
        Step::condition(
            "sc_department_procedure",
            vec![Branch::when("d_receive", eq(SWITCH, yes))],
        )
        .with_otherwise("sc_documents_check"),
        Step::staffed("sc_documents_check", "executor", tri(0.5, 1.5, 3.0), "sc_documents_comply"),
        Step::condition(
            "sc_documents_comply",
            vec![
                Branch::probability("sc_result", 0.95),
                Branch::probability("sc_refusal_notice", 0.05),
            ],
        ),
        Step::system("sc_refusal_notice", tri(0.5, 1.0, 3.0), "sc_refused_documents"),
        Step::staffed("sc_result", "sc_operator", tri(0.5, 1.5, 3.0), "sc_assigned"),
        end("sc_assigned", "assigned", None),
        end("sc_refused_no_data", "refused", reason("sc_refused_no_data")),
        end("sc_refused_documents", "refused", reason("sc_refused_documents")),
        // ---- para 9 (no norms) ----
        Step::applicant("p_register", tri(0.0, 1.0, 10.0), "p_authorise"),
        Step::applicant("p_authorise", tri(0.5, 1.0, 3.0), "p_data_check"),
        Step::system("p_data_check", tri(0.02, 0.05, 0.5), "p_data_valid"),
        Step::condition(
            "p_data_valid",
            vec![
                Branch::probability("p_fill_form", 0.995),
                Branch::probability("p_authorisation_refusal", 0.005),
            ],
        ),
        Step::system("p_authorisation_refusal", tri(0.02, 0.05, 0.5), "p_refused_data"),
        Step::applicant("p_fill_form", tri(5.0, 15.0, 60.0), "p_signature_check"),
        Step::system("p_signature_check", tri(0.02, 0.05, 0.5), "p_signature_valid"),
        Step::condition(
            "p_signature_valid",
            vec![
                Branch::probability("p_send", 0.98),
                Branch::probability("p_signature_refusal", 0.02),
            ],
        ),
        Step::system("p_signature_refusal", tri(0.02, 0.05, 0.5), "p_refused_signature"),
        Step::system("p_send", tri(0.2, 0.5, 5.0), "p_department_procedure"),
        Step::condition("p_department_procedure", vec![Branch::when("d_receive", eq(SWITCH, yes))])
            .with_otherwise("p_documents_check"),
        Step::staffed("p_documents_check", "executor", tri(1.0, 3.0, 10.0), "p_documents_comply"),
        Step::condition(
            "p_documents_comply",
            vec![
                Branch::probability("p_result", 0.95),
                Branch::probability("p_refusal_notice", 0.05),
            ],
        ),
        Step::system("p_refusal_notice", tri(0.5, 1.0, 3.0), "p_refused_documents"),
        Step::system("p_result", tri(0.2, 0.5, 5.0), "p_assigned"),
        end("p_assigned", "assigned", None),
        end("p_refused_data", "refused", reason("p_refused_data")),
        end("p_refused_signature", "refused", reason("p_refused_signature")),
        end("p_refused_documents", "refused", reason("p_refused_documents")),
    ];
    steps.into_iter().map(cited).collect()
}

fn clock(hour: u16, minute: u16) -> ClockTime {
    ClockTime::new(hour, minute).unwrap_or_else(|| Schedule::default().start)
}

/// The State Corporation's opening hours assumed for its operators and arrivals: 09:00–20:00
/// without a break (Saturdays are not modelled: the calendar has working days only).
fn state_corporation_hours() -> Schedule {
    Schedule { start: clock(9, 0), end: clock(20, 0), breaks: Vec::new() }
}

/// The department's working day: 09:00–18:30, lunch 13:00–14:30 (the engine's default).
fn department_hours() -> Schedule {
    Schedule {
        start: clock(9, 0),
        end: clock(18, 30),
        breaks: vec![Break { start: clock(13, 0), end: clock(14, 30) }],
    }
}

pub(super) const START: NaiveDate = ymd(2025, 1, 1);
pub(super) const END: NaiveDate = ymd(2025, 12, 31);

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

pub(super) fn process() -> Process {
    let term = term_for_window(START, END);
    let role =
        |staff: i64, schedule: Option<&str>| Role { staff, schedule: schedule.map(str::to_string) };
    Process {
        name: "social-payment".into(),
        start: "d_receive".into(),
        term: Some(term.norm),
        term_assumed: term.assumed,
        term_citation: Some(term.citation),
        schedules: [
            ("default".to_string(), department_hours()),
            ("state_corporation".to_string(), state_corporation_hours()),
        ]
        .into(),
        roles: [
            ("office".to_string(), role(4, None)),
            ("head".to_string(), role(3, None)),
            ("executor".to_string(), role(10, None)),
            ("sc_operator".to_string(), role(2, Some("state_corporation"))),
        ]
        .into(),
        steps: steps(),
    }
}

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Portal arrivals by clock hour 0–23 (relative weights): little at night, a plateau in office
/// hours, an evening shoulder. An assumption.
pub(super) const PORTAL_HOURS: [f64; 24] = [
    1.0, 0.5, 0.3, 0.3, 0.3, 0.5, 1.0, 2.0, 4.0, 6.0, 7.0, 7.0, 6.0, 6.0, 7.0, 7.0, 6.0, 5.0, 4.0,
    4.0, 3.0, 3.0, 2.0, 1.5,
];

pub(super) fn scenario() -> Scenario {
    let switch = (SWITCH, "no");
    Scenario {
        run: RunConfig { start: START, end: END, warm_up_days: 14, seed: 3, replications: 5 },
        process: process(),
        sources: vec![
            Source {
                name: "department".into(),
                labels: labels(&[("channel", "employment_office"), ("risk", "job_loss")]),
                entry: Some("d_receive".into()),
                rate_per_working_day: 15.0,
                clock: Clock::Working,
                schedule: None,
                hour_profile: None,
                attributes: BTreeMap::new(),
            },
            Source {
                name: "state_corporation".into(),
                labels: labels(&[("channel", "state_corporation"), ("risk", "job_loss"), switch]),
                entry: Some("sc_submit".into()),
                rate_per_working_day: 20.0,
                clock: Clock::Working,
                schedule: Some("state_corporation".into()),
                hour_profile: None,
                attributes: BTreeMap::new(),
            },
            Source {
                name: "portal".into(),
                labels: labels(&[("channel", "egov_portal"), ("risk", "job_loss"), switch]),
                entry: Some("p_register".into()),
                rate_per_working_day: 30.0,
                clock: Clock::Calendar,
                schedule: None,
                hour_profile: Some(PORTAL_HOURS.to_vec()),
                attributes: BTreeMap::new(),
            },
        ],
        cases: Vec::new(),
    }
}
