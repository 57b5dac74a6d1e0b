//! Tests of the procedure: the regulation data, the shipped fixture, runs of the default scenario
//! (invariants, refusals at the named conditions, the switch) and a run at the norms.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use ereje_sim_engine::{
    CaseRecord, CaseState, Clock, Dist, Duration, Model, Norm, Process, Scenario, Step,
    WeekdaysOnly, validate,
};

use super::*;
use crate::channels::SeedWindow;

const FIXTURE: &str = include_str!("../../../../fixtures/social-payment/default.toml");
const DOCS: &str = include_str!("../../../../docs/social-payment-procedure.md");

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn reg(id: &str) -> &'static RegulationStep {
    REGULATION.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no regulation step {id}"))
}

fn step<'a>(p: &'a Process, id: &str) -> &'a Step {
    p.steps.iter().find(|s| s.id() == id).unwrap_or_else(|| panic!("no step {id}"))
}

// ---- the data -----------------------------------------------------------------------------

#[test]
fn fixture_equals_the_default_scenario_and_is_valid() {
    let parsed: Scenario = toml::from_str(FIXTURE).expect("the fixture parses");
    let built = default_scenario();
    // Compare part by part first for a readable failure.
    assert_eq!(parsed.run, built.run);
    for (a, b) in parsed.process.steps.iter().zip(&built.process.steps) {
        assert_eq!(a, b, "step {}", b.id());
    }
    assert_eq!(parsed.process, built.process);
    assert_eq!(parsed.sources, built.sources);
    assert_eq!(parsed, built);
    assert_eq!(validate(&parsed), vec![]);
}

#[test]
fn fixture_has_a_comment_on_every_key() {
    // Every line that sets a key (outside multi-line arrays' items, which carry their own) has a
    // comment after the value.
    for (i, line) in FIXTURE.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') || t.starts_with('[') || t.starts_with(']') {
            continue;
        }
        assert!(t.contains(" # "), "line {} has no comment: {line}", i + 1);
    }
}

#[test]
fn default_scenario_round_trips_through_toml() {
    let s = default_scenario();
    let text = toml::to_string(&s).expect("serializes");
    let back: Scenario = toml::from_str(&text).expect("parses back");
    assert_eq!(back, s);
}

#[test]
fn process_follows_the_regulation_table() {
    let p = process();
    let ids: Vec<&str> = p.steps.iter().map(Step::id).collect();
    let reg_ids: Vec<&str> = REGULATION.iter().map(|r| r.id).collect();
    assert_eq!(ids, reg_ids);
    for (s, r) in p.steps.iter().zip(REGULATION) {
        assert_eq!(s.kind(), r.kind.as_str(), "{}", r.id);
        assert_eq!(s.citation(), Some(r.citation_text().as_str()), "{}", r.id);
        assert_eq!(s.norm(), r.norm, "{}", r.id);
        assert!(!s.norm_assumed(), "{}: norms come from the seed", r.id);
    }
    assert_eq!(validate_process_ok(&p), Vec::<String>::new());
}

fn validate_process_ok(p: &Process) -> Vec<String> {
    ereje_sim_engine::validate_process(p).iter().map(ToString::to_string).collect()
}

#[test]
fn every_step_and_condition_has_a_citation() {
    for s in &process().steps {
        let c = s.citation().unwrap_or_default();
        assert!(c.starts_with("para "), "{}: {c:?}", s.id());
    }
    for r in REGULATION {
        assert!(r.citation.sub.is_some(), "{}: cites a sub-paragraph", r.id);
        assert!(matches!(r.citation.para, 5 | 7 | 8 | 9), "{}", r.id);
    }
    let c = step_citations();
    assert_eq!(c.len(), REGULATION.len());
    assert!(c.contains(&("sc_data_present", "para 7(5), condition 1; data present".to_string())));
}

#[test]
fn para_9_sets_no_norms() {
    let p = process();
    let portal: Vec<&RegulationStep> = REGULATION.iter().filter(|r| r.citation.para == 9).collect();
    assert_eq!(portal.len(), 19);
    for r in portal {
        assert_eq!(r.route, Route::Portal);
        assert_eq!(r.norm, None, "{}", r.id);
        assert_eq!(step(&p, r.id).norm(), None, "{}", r.id);
    }
    // Every sub-paragraph 9(1)-(11) has a step.
    let subs: BTreeSet<u8> =
        REGULATION.iter().filter(|r| r.citation.para == 9).filter_map(|r| r.citation.sub).collect();
    assert_eq!(subs, (1..=11).collect());
}

#[test]
fn para_5_norms_are_20_10_8_days_10_20() {
    let p = process();
    let want = [
        ("d_receive", "office", Norm::WorkingMinutes(20.0), 1),
        ("d_assign", "head", Norm::WorkingMinutes(10.0), 2),
        ("d_examine", "executor", Norm::WorkingDays(8), 3),
        ("d_sign", "head", Norm::WorkingMinutes(10.0), 4),
        ("d_hand_over", "office", Norm::WorkingMinutes(20.0), 5),
    ];
    for (id, role, norm, sub) in want {
        let s = step(&p, id);
        assert_eq!(s.norm(), Some(norm), "{id}");
        assert_eq!(reg(id).citation, Para { para: 5, sub: Some(sub) });
        match s {
            Step::Staffed { role: r, .. } => assert_eq!(r.as_deref(), Some(role), "{id}"),
            other => panic!("{id} is {}", other.kind()),
        }
    }
    // No other para-5 step has a norm.
    let normed: Vec<&str> = REGULATION
        .iter()
        .filter(|r| r.citation.para == 5 && r.norm.is_some())
        .map(|r| r.id)
        .collect();
    assert_eq!(normed, want.map(|w| w.0));
}

#[test]
fn paras_7_and_8_in_order_with_their_minutes() {
    // (para, sub, minutes) as the seed sets them, every numbered item.
    let want: [(u8, u8, f64); 11] = [
        (7, 1, 2.0),
        (7, 2, 1.0),
        (7, 3, 2.0),
        (7, 4, 2.0),
        (7, 5, 1.0),
        (7, 6, 2.0),
        (7, 7, 2.0),
        (8, 1, 2.0),
        (8, 2, 2.0),
        (8, 3, 2.0),
        (8, 4, 2.0),
    ];
    let timed: Vec<(u8, u8, f64)> = REGULATION
        .iter()
        .filter(|r| r.route == Route::StateCorporation)
        .filter_map(|r| {
            let m = match r.norm? {
                Norm::WorkingMinutes(m) | Norm::CalendarMinutes(m) => m,
                other => panic!("{}: {other}", r.id),
            };
            Some((r.citation.para, r.citation.sub.unwrap_or(0), m))
        })
        .collect();
    assert_eq!(timed, want);
    // Conditions 1 and 2 with their refusal branches.
    let labels: Vec<(&str, Option<SeedLabel>)> = REGULATION
        .iter()
        .filter(|r| r.kind == StepKind::Condition && r.route == Route::StateCorporation)
        .map(|r| (r.id, r.label))
        .collect();
    assert_eq!(
        labels,
        [
            ("sc_data_present", Some(SeedLabel::Condition(1))),
            ("sc_department_procedure", None),
            ("sc_documents_comply", Some(SeedLabel::Condition(2))),
        ]
    );
    // Citations never go backwards along the table of a route.
    for route in [Route::Department, Route::StateCorporation, Route::Portal] {
        let cites: Vec<Para> = REGULATION
            .iter()
            .filter(|r| r.route == route && !matches!(r.kind, StepKind::End | StepKind::Condition))
            .map(|r| r.citation)
            .collect();
        assert!(cites.windows(2).all(|w| w[0] <= w[1]), "{route:?}: {cites:?}");
    }
}

#[test]
fn every_duration_is_an_assumption() {
    for s in &process().steps {
        for (name, dur) in s.durations() {
            assert!(dur.assumed, "{}: {name} is not labelled assumed", s.id());
        }
    }
}

#[test]
fn roles_are_those_of_para_6_and_the_operator() {
    let p = process();
    let names: BTreeSet<&str> = ROLES.iter().map(|r| r.name).collect();
    assert_eq!(p.roles.keys().map(String::as_str).collect::<BTreeSet<_>>(), names);
    let para6: Vec<Para> =
        ROLES.iter().filter(|r| r.citation.para == 6).map(|r| r.citation).collect();
    assert_eq!(para6, (1..=3).map(|s| Para { para: 6, sub: Some(s) }).collect::<Vec<_>>());
    for s in &p.steps {
        if let Step::Staffed { role, .. } = s {
            assert!(role.as_deref().is_some_and(|r| names.contains(r)), "{}", s.id());
        }
    }
}

#[test]
fn refusal_points_lead_to_their_ends() {
    let p = process();
    for r in REFUSALS {
        let Step::Condition { branches, .. } = step(&p, r.condition) else {
            panic!("{} is not a condition", r.condition)
        };
        assert!(branches.iter().any(|b| b.to == r.branch), "{}", r.condition);
        let b = step(&p, r.branch);
        assert!(b.id() == r.end || b.successors() == [r.end], "{} -> {}", r.branch, r.end);
        match step(&p, r.end) {
            Step::End { outcome, reason, .. } => {
                assert_eq!(outcome, "refused");
                assert_eq!(reason.as_deref(), Some(r.reason));
            }
            other => panic!("{} is {}", r.end, other.kind()),
        }
    }
    // Every refused end is a refusal point.
    for s in &p.steps {
        if let Step::End { id, outcome, .. } = s {
            assert_eq!(outcome == "refused", REFUSALS.iter().any(|r| r.end == id.as_str()), "{id}");
        }
    }
}

#[test]
fn labels_and_display() {
    assert_eq!(Para { para: 5, sub: Some(3) }.to_string(), "para 5(3)");
    assert_eq!(Para { para: 6, sub: None }.to_string(), "para 6");
    assert_eq!(SeedLabel::Process(3).kk(), "3-үдеріс");
    assert_eq!(SeedLabel::Condition(1).to_string(), "condition 1");
    assert_eq!(LABEL, "the Aktobe procedure applied to 2025 volumes (assumption)");
}

// ---- the term, the switch, the notes --------------------------------------------------------

#[test]
fn term_is_the_law_inside_its_window_and_an_assumption_outside() {
    assert_eq!((LAW_2019_TERM.working_days, LAW_2019_TERM.job_loss_working_days), (8, 6));
    assert_eq!((LAW_2019_TERM.from, LAW_2019_TERM.to), (d(2020, 1, 1), d(2023, 6, 30)));
    let cases = [
        (d(2020, 1, 1), d(2023, 6, 30), false),
        (d(2022, 3, 1), d(2022, 9, 30), false),
        (d(2019, 12, 31), d(2020, 6, 30), true),
        (d(2023, 1, 1), d(2023, 7, 1), true),
        (d(2025, 1, 1), d(2025, 12, 31), true),
    ];
    for (from, to, assumed) in cases {
        let t = term_for_window(from, to);
        assert_eq!(t.norm, Norm::WorkingDays(6));
        assert_eq!(t.assumed, assumed, "{from} - {to}");
        assert_eq!(t.citation.contains("scenario assumption"), assumed);
        assert!(t.citation.contains("art. 19 p. 8"));
    }
    let s = default_scenario();
    assert_eq!(s.process.term, Some(Norm::WorkingDays(6)));
    assert!(s.process.term_assumed);
}

#[test]
fn settings() {
    let cases = [
        ("department_procedure", "yes", Ok(Some(true))),
        ("department_procedure", "ON", Ok(Some(true))),
        ("department_procedure", "false", Ok(Some(false))),
        (
            "department_procedure",
            "maybe",
            Err("invalid value `maybe` for `department_procedure`: expected yes or no"),
        ),
        ("staff", "1", Err("unknown setting `staff` (known: department_procedure)")),
    ];
    for (key, value, want) in cases {
        let mut s = default_scenario();
        let got = apply_setting(&mut s, key, value)
            .map(|()| department_procedure(&s))
            .map_err(|e| e.to_string());
        assert_eq!(got, want.map_err(str::to_string), "{key}={value}");
    }
    let mut s = default_scenario();
    if let Some(src) = s.sources.get_mut(1) {
        src.labels.insert(SWITCH.into(), "yes".into());
    }
    assert_eq!(department_procedure(&s), None, "mixed");
}

#[test]
fn notes_say_where_the_run_lies() {
    let s = default_scenario();
    let n = notes(&s, &SeedWindow::DEFAULT);
    assert_eq!(n.len(), 5);
    assert!(n[1].contains("outside it"), "{}", n[1]);
    assert!(n[2].contains("6 working days, assumed"), "{}", n[2]);
    assert!(n[3].starts_with("department_procedure = no"), "{}", n[3]);
    let mut old = s.clone();
    old.run.start = d(2020, 2, 1);
    old.run.end = d(2020, 12, 31);
    apply_term(&mut old);
    let n = notes(&old, &SeedWindow::DEFAULT);
    assert!(n[1].ends_with("is inside it"), "{}", n[1]);
    assert!(!n[2].contains("assumed"), "{}", n[2]);
}

#[test]
fn docs_carry_the_diagram() {
    let diagram = diagram();
    assert!(
        DOCS.contains(&diagram),
        "docs/social-payment-procedure.md is out of date; its diagram block must be:\n{diagram}"
    );
    for r in REGULATION {
        assert!(diagram.contains(r.id), "{}", r.id);
    }
}

// ---- runs -------------------------------------------------------------------------------------

fn run(scenario: &Scenario) -> (ereje_sim_engine::Kpis<ereje_sim_engine::Val>, Vec<CaseRecord>) {
    let model = Model::compile(scenario, &WeekdaysOnly).expect("valid scenario");
    model.run_replication(0, true)
}

fn value(v: &ereje_sim_engine::Val) -> f64 {
    v.0.unwrap_or(0.0)
}

/// Checks the invariants every run must keep, and returns the number of cases ending at each
/// terminal step.
fn check_invariants(scenario: &Scenario) -> (BTreeMap<String, usize>, Vec<CaseRecord>) {
    let p = &scenario.process;
    let (kpis, cases) = run(scenario);
    let all = &kpis.cases.all;
    assert_eq!(value(&all.arrived) as usize, cases.len());
    let ends_total: f64 = all.ends.values().map(value).sum();
    assert_eq!(ends_total + value(&all.in_progress), value(&all.arrived));
    let terminal: BTreeMap<&str, &Step> =
        p.steps.iter().filter(|s| s.kind() == "end").map(|s| (s.id(), s)).collect();
    let branch_steps: BTreeSet<&str> = REFUSALS.iter().map(|r| r.branch).collect();
    let mut ends: BTreeMap<String, usize> = BTreeMap::new();
    for c in &cases {
        let last = c.path.last().map(String::as_str).unwrap_or_default();
        let done = c.state == CaseState::Done;
        // Exactly one outcome when done, none otherwise.
        assert_eq!(done, c.outcome.is_some(), "{c:?}");
        assert_eq!(done, c.end.is_some(), "{c:?}");
        assert_eq!(done, terminal.contains_key(last), "{c:?}");
        assert_eq!(
            c.path.iter().filter(|s| terminal.contains_key(s.as_str())).count(),
            usize::from(done)
        );
        if !done {
            continue;
        }
        assert_eq!(c.step, last);
        *ends.entry(c.step.clone()).or_default() += 1;
        if c.outcome.as_deref() == Some("refused") {
            // Refused at a named condition: the path takes that condition's refusal branch.
            let point = REFUSALS.iter().find(|r| r.end == c.step).expect("a refusal point");
            let at =
                c.path.iter().rposition(|s| s == point.condition).expect("passed the condition");
            assert_eq!(c.path.get(at + 1).map(String::as_str), Some(point.branch), "{c:?}");
            assert_eq!(c.reason.as_deref(), Some(point.reason));
        } else {
            assert_eq!(c.outcome.as_deref(), Some("assigned"));
            assert!(!c.path.iter().any(|s| branch_steps.contains(s.as_str())), "{c:?}");
        }
    }
    (ends, cases)
}

#[test]
fn default_scenario_one_replication_keeps_the_invariants() {
    let s = default_scenario();
    let (ends, cases) = check_invariants(&s);
    // Every outcome of the process occurs in a year.
    for step in s.process.steps.iter().filter(|s| s.kind() == "end") {
        assert!(ends.get(step.id()).copied().unwrap_or(0) > 0, "{} never reached", step.id());
    }
    // Switch off: no State Corporation or portal case passes through para 5.
    for c in &cases {
        let para5 = c.path.iter().any(|s| s == "d_receive");
        assert_eq!(para5, c.source == "department", "{c:?}");
    }
    // Volume: the assigned cases per year, on the 246 working days of 2025, are within 15 % of
    // 311,900 × 943.6 / 20,140 (the national 2025 assignments times Aktobe's population share).
    let assigned = cases.iter().filter(|c| c.outcome.as_deref() == Some("assigned")).count() as f64;
    let per_year_kz = assigned * 246.0 / 261.0;
    let basis = 311_900.0 * 943.6 / 20_140.0;
    assert!((per_year_kz / basis - 1.0).abs() < 0.15, "{per_year_kz} vs {basis}");
    // Department cases: lead time at least a day; State Corporation cases mostly the same day.
    let sc_same_day = cases
        .iter()
        .filter(|c| c.source == "state_corporation" && c.lead_time_working_days == Some(0))
        .count();
    let sc_done =
        cases.iter().filter(|c| c.source == "state_corporation" && c.end.is_some()).count();
    assert!(sc_same_day * 2 > sc_done, "{sc_same_day} of {sc_done}");
}

#[test]
fn default_scenario_roles_are_not_overloaded() {
    let mut s = default_scenario();
    s.run.end = d(2025, 6, 30);
    let (kpis, _) = run(&s);
    for (role, k) in &kpis.roles {
        let u = value(&k.utilisation);
        assert!(u > 0.0 && u < 0.8, "{role}: utilisation {u}");
    }
}

#[test]
fn switch_on_sends_remote_cases_through_para_5() {
    let mut s = default_scenario();
    s.run.end = d(2025, 3, 31);
    assert_eq!(set_department_procedure(&mut s, true), 2);
    assert_eq!(validate(&s), vec![]);
    let (ends, cases) = check_invariants(&s);
    assert!(ends.get("sc_refused_documents").copied().unwrap_or(0) > 0);
    let mut through = 0;
    for c in cases.iter().filter(|c| c.source != "department" && c.end.is_some()) {
        assert!(!c.path.iter().any(|s| s == "sc_documents_check" || s == "p_documents_check"));
        let own = if c.source == "portal" { "p_documents_comply" } else { "sc_documents_comply" };
        if let Some(i) = c.path.iter().position(|s| s == own) {
            // The para-5 chain comes right before the route's own documents condition.
            let before: Vec<&str> = c.path.iter().take(i).map(String::as_str).collect();
            assert!(
                before.ends_with(&[
                    "d_receive",
                    "d_assign",
                    "d_examine",
                    "d_sign",
                    "d_hand_over",
                    "d_route_back"
                ]),
                "{c:?}"
            );
            through += 1;
        }
    }
    assert!(through > 100, "{through}");
}

/// The process with every duration fixed at the step's norm (a working-days norm as that many
/// full working days of 480 minutes, most of it an elapsed wait), and 1 minute where there is
/// no norm.
fn at_norms(p: &Process) -> Process {
    let fixed = |m: f64| Duration::new(Dist::Fixed { minutes: m });
    let minutes = |n: Option<Norm>| match n {
        Some(Norm::WorkingMinutes(m) | Norm::CalendarMinutes(m)) => m,
        Some(Norm::WorkingDays(n) | Norm::CalendarDays(n)) => f64::from(n) * 480.0,
        None => 1.0,
    };
    let mut p = p.clone();
    for s in &mut p.steps {
        let m = minutes(s.norm());
        match s {
            Step::Staffed { effort, wait, wait_clock, .. } => {
                if m > 60.0 {
                    *effort = fixed(30.0);
                    *wait = Some(fixed(m - 30.0));
                    *wait_clock = Clock::Working;
                } else {
                    *effort = fixed(m);
                    *wait = None;
                }
            }
            Step::System { latency, .. } => *latency = fixed(m),
            Step::Applicant { delay, .. } => *delay = fixed(m),
            Step::Condition { .. } | Step::End { .. } => {}
        }
    }
    for r in p.roles.values_mut() {
        r.staff *= 3;
    }
    p
}

fn norm_minutes(p: &Process, path: &[String]) -> f64 {
    path.iter()
        .filter_map(|id| p.steps.iter().find(|s| s.id() == id).and_then(Step::norm))
        .map(|n| match n {
            Norm::WorkingMinutes(m) | Norm::CalendarMinutes(m) => m,
            Norm::WorkingDays(n) | Norm::CalendarDays(n) => f64::from(n) * 480.0,
        })
        .sum()
}

#[test]
fn at_the_norms_lead_time_is_at_least_the_sum_of_norms() {
    for on in [false, true] {
        let mut s = default_scenario();
        s.run.end = d(2025, 4, 30);
        s.process = at_norms(&s.process);
        set_department_procedure(&mut s, on);
        let (_, cases) = check_invariants(&s);
        let mut checked = 0;
        for c in cases.iter().filter(|c| c.end.is_some()) {
            let sum = norm_minutes(&s.process, &c.path);
            let lead = c.lead_time_hours.unwrap_or(0.0) * 60.0;
            assert!(
                lead + 1e-6 >= sum,
                "{}: lead {lead} min < norms {sum} min: {:?}",
                c.id,
                c.path
            );
            if c.path.iter().any(|s| s == "d_examine") {
                // 8 working days of 480 minutes span at least 7 working-day boundaries.
                assert!(c.lead_time_working_days.unwrap_or(0) >= 7, "{c:?}");
            }
            checked += 1;
        }
        assert!(checked > 1_000, "{checked}");
    }
}
