//! Engine tests on tiny processes with hand-computable answers (one server, fixed durations, a
//! lunch break, a weekend, a holiday, waits, outages, branches, warm-up, horizon), validation
//! tables, TOML round trips, reproducibility, and properties over generated scenarios.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use proptest::prelude::*;

use crate::*;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).unwrap_or_default()
}

fn at(date: NaiveDate, h: u32, min: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(h, min, 0).unwrap_or_default())
}

/// One clerk-served step `work` (effort fixed) → `done`, with timed arrivals from source `desk`.
fn one_server(
    effort: f64,
    staff: i64,
    from: NaiveDate,
    to: NaiveDate,
    arrivals: &[NaiveDateTime],
) -> Scenario {
    Scenario {
        run: RunConfig { start: from, end: to, warm_up_days: 0, seed: 1, replications: 1 },
        process: Process {
            name: "one-server".into(),
            start: "work".into(),
            term: None,
            term_assumed: false,
            term_citation: None,
            schedules: BTreeMap::new(),
            roles: [("clerk".to_string(), Role::new(staff))].into(),
            steps: vec![
                Step::staffed("work", "clerk", Duration::fixed(effort), "done"),
                Step::end("done", "assigned"),
            ],
        },
        sources: vec![Source::new("desk", 0.0)],
        cases: arrivals
            .iter()
            .map(|&t| TimedCase {
                source: "desk".into(),
                at: t,
                attributes: BTreeMap::new(),
                id: None,
            })
            .collect(),
    }
}

fn run_on(sc: &Scenario, cal: &dyn WorkCalendar) -> Results {
    match simulate(sc, cal, &RunOptions { threads: 1, cases: true, per_replication: true }) {
        Ok(r) => r,
        Err(e) => panic!("scenario should run: {e}"),
    }
}

fn ends(r: &Results) -> Vec<Option<NaiveDateTime>> {
    r.cases.iter().map(|c| c.end).collect()
}

fn mean(e: &Estimate) -> Option<f64> {
    e.mean.0
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn one_server_fixed_durations() {
    let mon = day(1, 6);
    let sc = one_server(20.0, 1, mon, mon, &[at(mon, 9, 0), at(mon, 9, 5), at(mon, 9, 10)]);
    let r = run_on(&sc, &WeekdaysOnly);
    assert_eq!(ends(&r), vec![Some(at(mon, 9, 20)), Some(at(mon, 9, 40)), Some(at(mon, 10, 0))]);
    let queued: Vec<f64> = r.cases.iter().map(|c| c.queue_hours * 60.0).collect();
    assert_eq!(queued, vec![0.0, 15.0, 30.0]);
    let k = &r.output.kpis;
    let clerk = &k.roles["clerk"];
    assert!(close(mean(&clerk.wait_working_minutes.mean), 15.0));
    assert!(close(mean(&clerk.wait_working_minutes.p90), 30.0));
    assert!(close(mean(&clerk.utilisation), 60.0 / 480.0));
    assert!(close(mean(&clerk.queue_mean), 2700.0 / 86400.0));
    assert!(close(mean(&clerk.queue_max), 2.0));
    let lead = &k.lead_time.all;
    assert!(close(mean(&lead.calendar_hours.p50), 35.0 / 60.0));
    assert!(close(mean(&lead.calendar_hours.max), 50.0 / 60.0));
    assert!(close(mean(&lead.working_days.max), 0.0));
    assert_eq!(r.output.events, 6);
    assert!(close(r.output.events_per_case.0, 2.0));
    assert_eq!(k.queue_series.len(), 1);
    assert!(close(mean(&k.queue_series[0].in_system), 0.0));
    let mut output = r.output.clone();
    output.replication_kpis.clear();
    insta::assert_json_snapshot!("one_server_fixed_durations", output);
}

#[test]
fn effort_pauses_over_lunch_nights_weekends_and_holidays() {
    let fri = day(1, 10);
    let mon = day(1, 13);
    let tue = day(1, 14);
    let holiday_monday = HolidayCalendar::new(2025..=2025).holiday(mon);
    // (arrival, calendar, expected end, expected lead in working days)
    let cases: Vec<(NaiveDateTime, &dyn WorkCalendar, NaiveDateTime, u32)> = vec![
        (at(fri, 12, 50), &WeekdaysOnly, at(fri, 14, 40), 0),
        (at(fri, 13, 10), &WeekdaysOnly, at(fri, 14, 50), 0),
        (at(fri, 18, 20), &WeekdaysOnly, at(mon, 9, 10), 1),
        (at(fri, 18, 20), &holiday_monday, at(tue, 9, 10), 1),
        (at(day(1, 11), 11, 0), &WeekdaysOnly, at(mon, 9, 20), 1),
        (at(fri, 7, 30), &WeekdaysOnly, at(fri, 9, 20), 0),
    ];
    for (arrival, cal, want, wd) in cases {
        let sc = one_server(20.0, 1, fri, tue, &[arrival]);
        let r = run_on(&sc, cal);
        assert_eq!(ends(&r), vec![Some(want)], "arrival {arrival}");
        assert_eq!(r.cases[0].lead_time_working_days, Some(wd), "arrival {arrival}");
    }
}

#[test]
fn elapsed_wait_holds_no_staff() {
    let mon = day(1, 6);
    let mut sc = one_server(10.0, 1, mon, mon, &[at(mon, 9, 0), at(mon, 9, 0)]);
    if let Some(Step::Staffed { wait, .. }) = sc.process.steps.get_mut(0) {
        *wait = Some(Duration::fixed(60.0));
    }
    let r = run_on(&sc, &WeekdaysOnly);
    assert_eq!(ends(&r), vec![Some(at(mon, 10, 10)), Some(at(mon, 10, 20))]);
    assert!(close(mean(&r.output.kpis.roles["clerk"].utilisation), 20.0 / 480.0));
}

fn chain(steps: Vec<Step>, from: NaiveDate, to: NaiveDate, arrivals: &[NaiveDateTime]) -> Scenario {
    let mut sc = one_server(0.0, 1, from, to, arrivals);
    sc.process.start = steps.first().map(|s| s.id().to_string()).unwrap_or_default();
    sc.process.steps = steps;
    sc
}

#[test]
fn system_outage_holds_work_and_applicant_delay_follows_its_clock() {
    let mon = day(1, 6);
    let mut system = Step::system("gateway", Duration::fixed(1.0), "done");
    if let Step::System { outages, .. } = &mut system {
        outages.push(Outage { from: at(mon, 9, 0), to: at(mon, 11, 0) });
    }
    let sc = chain(
        vec![system, Step::end("done", "assigned")],
        mon,
        mon,
        &[at(mon, 10, 0), at(mon, 12, 0)],
    );
    let r = run_on(&sc, &WeekdaysOnly);
    assert_eq!(ends(&r), vec![Some(at(mon, 11, 1)), Some(at(mon, 12, 1))]);

    let fri = day(1, 10);
    let mut working = Step::applicant("fill", Duration::fixed(60.0), "done");
    if let Step::Applicant { clock, .. } = &mut working {
        *clock = Clock::Working;
    }
    let sc =
        chain(vec![working, Step::end("done", "assigned")], fri, day(1, 13), &[at(fri, 18, 0)]);
    assert_eq!(ends(&run_on(&sc, &WeekdaysOnly)), vec![Some(at(day(1, 13), 9, 30))]);
    let calendar = Step::applicant("fill", Duration::fixed(60.0), "done");
    let sc =
        chain(vec![calendar, Step::end("done", "assigned")], fri, day(1, 13), &[at(fri, 18, 0)]);
    assert_eq!(ends(&run_on(&sc, &WeekdaysOnly)), vec![Some(at(fri, 19, 0))]);
}

#[test]
fn norms_and_the_term_are_judged_per_visit_and_per_case() {
    let mon = day(1, 6);
    let mut sc = one_server(20.0, 1, mon, mon, &[at(mon, 9, 0), at(mon, 9, 5), at(mon, 9, 10)]);
    sc.process.term = Some(Norm::CalendarMinutes(40.0));
    for (norm, share) in [
        (Norm::WorkingMinutes(20.0), 1.0 / 3.0),
        (Norm::WorkingMinutes(35.0), 2.0 / 3.0),
        (Norm::WorkingDays(0), 1.0),
        (Norm::CalendarMinutes(49.0), 2.0 / 3.0),
        (Norm::CalendarDays(0), 1.0),
    ] {
        if let Some(step) = sc.process.steps.first_mut() {
            *step = step.clone().with_norm(norm);
        }
        let r = run_on(&sc, &WeekdaysOnly);
        assert!(close(mean(&r.output.kpis.steps["work"].within_norm), share), "{norm}");
        assert!(close(mean(&r.output.kpis.lead_time.all.within_term), 2.0 / 3.0));
    }
    sc.process.term = None;
    let r = run_on(&sc, &WeekdaysOnly);
    assert_eq!(mean(&r.output.kpis.lead_time.all.within_term), None);
}

#[test]
fn working_day_norms_count_from_the_day_after_entry() {
    // 8 working hours of effort started Friday 10:00 end Monday 10:00: 1 working day later.
    let fri = day(1, 10);
    let mut sc = one_server(480.0, 1, fri, day(1, 14), &[at(fri, 10, 0)]);
    for (days, share) in [(0, 0.0), (1, 1.0)] {
        if let Some(step) = sc.process.steps.first_mut() {
            *step = step.clone().with_norm(Norm::WorkingDays(days));
        }
        let r = run_on(&sc, &WeekdaysOnly);
        assert_eq!(ends(&r), vec![Some(at(day(1, 13), 10, 0))]);
        assert!(close(mean(&r.output.kpis.steps["work"].within_norm), share), "{days}");
    }
}

#[test]
fn predicates_route_by_source_label() {
    let mon = day(1, 6);
    let mut sc = chain(
        vec![
            Step::Condition {
                id: "route".into(),
                branches: vec![Branch::when(
                    "portal_end",
                    Predicate::Eq { attribute: "channel".into(), value: "portal".into() },
                )],
                otherwise: Some("office_end".into()),
                citation: None,
            },
            Step::end("portal_end", "assigned"),
            Step::end("office_end", "refused"),
        ],
        mon,
        mon,
        &[],
    );
    sc.sources = vec![
        Source::new("p", 0.0).with_label("channel", "portal"),
        Source::new("o", 0.0).with_label("channel", "office"),
    ];
    for s in ["p", "o", "p"] {
        sc.cases.push(TimedCase {
            source: s.into(),
            at: at(mon, 10, 0),
            attributes: BTreeMap::new(),
            id: None,
        });
    }
    let r = run_on(&sc, &WeekdaysOnly);
    let cases = &r.output.kpis.cases;
    assert!(close(mean(&cases.by_label["channel"]["portal"].ends["portal_end"]), 2.0));
    assert!(close(mean(&cases.by_source["o"].outcomes["refused"]), 1.0));
    assert!(close(mean(&cases.all.outcomes["assigned"]), 2.0));
    assert!(close(mean(&r.output.kpis.steps["route"].completed), 3.0));
    assert_eq!(r.cases[1].path, vec!["route".to_string(), "office_end".to_string()]);
    assert_eq!(r.output.events, 3, "conditions and terminal steps take no event");
}

#[test]
fn warm_up_cases_are_counted_but_not_measured() {
    let mon = day(1, 6);
    let mut sc = one_server(20.0, 1, mon, day(1, 7), &[at(mon, 10, 0), at(day(1, 7), 10, 0)]);
    sc.run.warm_up_days = 1;
    let r = run_on(&sc, &WeekdaysOnly);
    let all = &r.output.kpis.cases.all;
    assert!(close(mean(&all.arrived), 2.0));
    assert!(close(mean(&all.warm_up), 1.0));
    assert!(close(mean(&r.output.kpis.lead_time.all.completed), 1.0));
    assert!(close(mean(&r.output.kpis.roles["clerk"].served), 1.0));
    assert_eq!(r.output.kpis.queue_series.len(), 1);
    assert_eq!(r.output.kpis.queue_series[0].date, day(1, 7));
    assert!(r.cases[0].warm_up && !r.cases[1].warm_up);
}

#[test]
fn cases_in_progress_at_the_horizon_say_where_they_are() {
    let mon = day(1, 6);
    let mut sc = one_server(600.0, 1, mon, mon, &[at(mon, 9, 0), at(mon, 9, 30)]);
    if let Some(step) = sc.process.steps.first_mut() {
        *step = step.clone().with_norm(Norm::WorkingMinutes(20.0));
    }
    let r = run_on(&sc, &WeekdaysOnly);
    let all = &r.output.kpis.cases.all;
    assert!(close(mean(&all.in_progress), 2.0));
    assert!(close(mean(&all.in_progress_at["work"]), 2.0));
    assert!(close(mean(&all.ends["done"]), 0.0));
    assert!(close(mean(&r.output.kpis.steps["work"].overdue_in_progress), 2.0));
    assert_eq!(r.cases[0].state, CaseState::InService);
    assert_eq!(r.cases[1].state, CaseState::Queued);
    assert!(close(mean(&r.output.kpis.roles["clerk"].utilisation), 1.0));
}

#[test]
fn arrivals_follow_the_rate_and_the_clock() {
    let (from, to) = (day(1, 6), day(2, 2)); // 20 working days
    let mut sc = one_server(1.0, 5, from, to, &[]);
    sc.sources = vec![Source::new("desk", 100.0)];
    let r = run_on(&sc, &WeekdaysOnly);
    let n = r.cases.len() as f64;
    assert!((n - 2000.0).abs() < 5.0 * 2000f64.sqrt(), "{n} arrivals");
    let in_hours = |t: NaiveDateTime| {
        let m = chrono::Timelike::hour(&t) * 60 + chrono::Timelike::minute(&t);
        let wd = chrono::Datelike::weekday(&t).number_from_monday() <= 5;
        wd && ((540..780).contains(&m) || (870..1110).contains(&m))
    };
    assert!(r.cases.iter().all(|c| in_hours(c.arrival)));

    sc.sources[0].clock = Clock::Calendar;
    let r = run_on(&sc, &WeekdaysOnly);
    let outside = r.cases.iter().filter(|c| !in_hours(c.arrival)).count() as f64;
    // 24/7 arrivals: working hours are 40 of the 168 hours of a week.
    assert!((outside / r.cases.len() as f64 - 128.0 / 168.0).abs() < 0.05);

    sc.sources[0].clock = Clock::Working;
    let mut profile = vec![0.0; 24];
    profile[10] = 1.0;
    sc.sources[0].hour_profile = Some(profile);
    let r = run_on(&sc, &WeekdaysOnly);
    assert!(r.cases.iter().all(|c| chrono::Timelike::hour(&c.arrival) == 10));
    assert!((r.cases.len() as f64 - 2000.0).abs() < 5.0 * 2000f64.sqrt());
}

#[test]
fn drawn_attributes_follow_their_probabilities() {
    let mon = day(1, 6);
    let mut sc = chain(
        vec![
            Step::Condition {
                id: "has_degree".into(),
                branches: vec![Branch::when(
                    "yes",
                    Predicate::In { attribute: "degree".into(), values: vec!["set".into()] },
                )],
                otherwise: Some("no".into()),
                citation: None,
            },
            Step::end("yes", "assigned"),
            Step::end("no", "refused"),
        ],
        mon,
        day(1, 31),
        &[],
    );
    let mut s = Source::new("desk", 200.0);
    s.attributes
        .insert("degree".into(), [("set".to_string(), 0.25), ("unset".to_string(), 0.75)].into());
    sc.sources = vec![s];
    let r = run_on(&sc, &WeekdaysOnly);
    let all = &r.output.kpis.cases.all;
    let yes = mean(&all.ends["yes"]).unwrap_or(0.0);
    let n = mean(&all.arrived).unwrap_or(1.0);
    assert!((yes / n - 0.25).abs() < 0.02, "{yes} of {n}");
    assert!(
        r.cases
            .iter()
            .all(|c| c.attributes.contains_key("degree") && c.attributes["source"] == "desk")
    );
}

#[test]
fn same_seed_same_bytes_for_any_thread_count() {
    let mut sc = example_scenario();
    sc.run.replications = 5;
    sc.sources[0].rate_per_working_day = 60.0;
    let json = |threads: usize, seed: u64| {
        let mut sc = sc.clone();
        sc.run.seed = seed;
        let r = simulate(
            &sc,
            &WeekdaysOnly,
            &RunOptions { threads, cases: true, per_replication: true },
        );
        r.map(|r| {
            (
                serde_json::to_string(&r.output).unwrap_or_default(),
                serde_json::to_string(&r.cases).unwrap_or_default(),
            )
        })
        .unwrap_or_default()
    };
    let one = json(1, 7);
    assert!(!one.0.is_empty() && one.1.len() > 100);
    assert_eq!(one, json(1, 7));
    assert_eq!(one, json(2, 7));
    assert_eq!(one, json(3, 7));
    assert_ne!(one, json(1, 8));
    assert!(!one.0.contains("T00:00:00Z"), "no wall-clock timestamps");
}

#[test]
fn confidence_intervals_need_two_replications() {
    let mut sc = example_scenario();
    let r = run_on(&sc, &WeekdaysOnly);
    assert_eq!(r.output.kpis.cases.all.arrived.ci95, None);
    sc.run.replications = 4;
    let r = run_on(&sc, &WeekdaysOnly);
    let e = r.output.kpis.cases.all.arrived;
    let [lo, hi] = e.ci95.unwrap_or([1.0, 0.0]);
    assert!(lo <= e.mean.0.unwrap_or(f64::NAN) && e.mean.0.unwrap_or(f64::NAN) <= hi);
    assert_eq!(r.output.replication_kpis.len(), 4);
    // Replication 2 of the run is replication 2 run alone.
    let model = Model::compile(&sc, &WeekdaysOnly).ok();
    let alone = model.map(|m| m.run_replication(2, false).0);
    assert_eq!(alone.as_ref(), r.output.replication_kpis.get(2));
}

#[test]
fn assumptions_and_missing_norms_are_echoed() {
    let mut sc = example_scenario();
    sc.process.term = Some(Norm::WorkingDays(6));
    sc.process.term_assumed = true;
    if let Some(Step::Staffed { effort, .. }) = sc.process.steps.get_mut(0) {
        *effort = effort.assumed();
    }
    let r = run_on(&sc, &WeekdaysOnly);
    let info = &r.output.model;
    assert_eq!(
        info.assumptions,
        vec!["process term 6 working days (assumed)", "step work: effort (assumed)"]
    );
    assert_eq!(info.steps[0].norm, None);
    assert_eq!(info.steps[0].assumed, vec!["effort"]);
    assert_eq!(mean(&r.output.kpis.steps["work"].within_norm), None);
}

// ---------------------------------------------------------------- validation

fn full_scenario() -> Scenario {
    let text = r#"
[run]
start = "2025-01-01"
end = "2025-03-31"
warm_up_days = 7
seed = 42
replications = 3

[process]
name = "full"
start = "receive"
term = { working_days = 6 }
term_assumed = true
term_citation = "law art. 19 p. 8"

[process.schedules.default]
start = "09:00"
end = "18:30"
breaks = [{ start = "13:00", end = "14:30" }]

[process.schedules.short]
start = "09:00"
end = "13:00"

[process.roles.office]
staff = 2

[process.roles.executor]
staff = 3
schedule = "short"

[[process.steps]]
kind = "staffed"
id = "receive"
role = "office"
effort = { dist = "fixed", minutes = 20 }
norm = { working_minutes = 20 }
citation = "para 5(1)"
next = "route"

[[process.steps]]
kind = "condition"
id = "route"
branches = [{ to = "gateway", when = { op = "eq", attribute = "channel", value = "portal" } }]
otherwise = "examine"

[[process.steps]]
kind = "system"
id = "gateway"
latency = { dist = "lognormal", mu = -2.0, sigma = 0.5 }
outages = [{ from = "2025-02-01T00:00:00", to = "2025-02-01T06:00:00" }]
next = "examine"

[[process.steps]]
kind = "staffed"
id = "examine"
role = "executor"
effort = { dist = "triangular", min = 60, mode = 120, max = 240, assumed = true }
wait = { dist = "uniform", min = 0, max = 2400, assumed = true }
wait_clock = "calendar"
norm = { working_days = 8 }
norm_assumed = true
next = "complete"

[[process.steps]]
kind = "applicant"
id = "complete"
delay = { dist = "lognormal", mean = 30, sd = 10 }
clock = "working"
next = "check"

[[process.steps]]
kind = "condition"
id = "check"
branches = [{ to = "assigned", probability = 0.9 }, { to = "refused", probability = 0.1 }]

[[process.steps]]
kind = "end"
id = "assigned"
outcome = "assigned"

[[process.steps]]
kind = "end"
id = "refused"
outcome = "refused"
reason = "condition 2"
citation = "para 8(2)"

[[sources]]
name = "portal-job-loss"
labels = { channel = "portal", risk = "job_loss" }
rate_per_working_day = 40
clock = "calendar"
hour_profile = [0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0]
attributes = { urgent = { yes = 0.1, no = 0.9 } }

[[sources]]
name = "office-job-loss"
labels = { channel = "office", risk = "job_loss" }
rate_per_working_day = 20
schedule = "default"

[[cases]]
source = "office-job-loss"
at = "2025-01-09T10:00:00"
attributes = { urgent = "yes" }
"#;
    match toml::from_str(text) {
        Ok(s) => s,
        Err(e) => panic!("fixture must parse: {e}"),
    }
}

#[test]
fn scenarios_round_trip_through_toml_and_json() {
    let sc = full_scenario();
    assert_eq!(validate(&sc), Vec::<ValidationError>::new());
    let text = toml::to_string(&sc).unwrap_or_default();
    let back: Result<Scenario, _> = toml::from_str(&text);
    assert_eq!(back.as_ref().ok(), Some(&sc), "{text}");
    let json = serde_json::to_string(&sc).unwrap_or_default();
    let back: Result<Scenario, _> = serde_json::from_str(&json);
    assert_eq!(back.ok(), Some(sc.clone()));
    // And it runs.
    let r = run_on(&sc, &WeekdaysOnly);
    assert!(r.output.cases > 1000);
    assert_eq!(
        r.output.model.assumptions,
        vec![
            "process term 6 working days (assumed)",
            "step examine: effort (assumed)",
            "step examine: wait (assumed)",
            "step examine: norm (assumed)"
        ]
    );
}

#[test]
fn unknown_keys_are_rejected_by_the_parser() {
    for (from, to) in [
        ("replications = 3", "replications = 3\ncolour = 1"),
        ("next = \"complete\"", "next = \"complete\"\nnorms = 1"),
        ("staff = 2", "staff = 2\nstafff = 3"),
        ("minutes = 20.0", "minute = 20.0"),
        ("op = \"eq\"", "op = \"like\""),
        ("kind = \"system\"", "kind = \"robot\""),
    ] {
        let text = toml::to_string(&full_scenario()).unwrap_or_default();
        assert!(text.contains(from), "{from}");
        let bad = text.replacen(from, to, 1);
        let parsed: Result<Scenario, _> = toml::from_str(&bad);
        assert!(parsed.is_err(), "{to}");
    }
}

type Mutation = fn(&mut Scenario);
type Expect = fn(&ValidationError) -> bool;

fn check_invalid(name: &str, mutate: Mutation, path: &str, want: Expect) {
    let mut sc = full_scenario();
    mutate(&mut sc);
    let errors = validate(&sc);
    let hit = errors.iter().find(|e| want(e));
    assert!(hit.is_some(), "{name}: expected error not among {errors:?}");
    assert_eq!(hit.map(|e| e.path().to_string()).as_deref(), Some(path), "{name}");
    assert!(matches!(Model::compile(&sc, &WeekdaysOnly), Err(SimError::Invalid(_))), "{name}");
}

#[test]
fn each_bad_definition_has_its_typed_error_and_path() {
    use ValidationError as E;
    let table: Vec<(&str, Mutation, &str, Expect)> = vec![
        (
            "unknown next step",
            |s| {
                if let Some(Step::Staffed { next, .. }) = s.process.steps.get_mut(0) {
                    *next = "nowhere".into();
                }
            },
            "process.steps[0].next",
            |e| matches!(e, E::UnknownStep { target, .. } if target == "nowhere"),
        ),
        (
            "unknown start",
            |s| s.process.start = "nowhere".into(),
            "process.start",
            |e| matches!(e, E::UnknownStep { .. }),
        ),
        (
            "unknown branch target",
            |s| {
                if let Some(Step::Condition { branches, .. }) = s.process.steps.get_mut(5) {
                    branches[1].to = "nowhere".into();
                }
            },
            "process.steps[5].branches[1].to",
            |e| matches!(e, E::UnknownStep { .. }),
        ),
        (
            "unknown source entry",
            |s| s.sources[0].entry = Some("nowhere".into()),
            "sources[0].entry",
            |e| matches!(e, E::UnknownStep { .. }),
        ),
        (
            "zero staff",
            |s| {
                s.process.roles.insert("office".into(), Role::new(0));
            },
            "process.roles.office.staff",
            |e| matches!(e, E::StaffNotPositive { staff: 0, .. }),
        ),
        (
            "negative staff",
            |s| {
                s.process.roles.insert("office".into(), Role::new(-2));
            },
            "process.roles.office.staff",
            |e| matches!(e, E::StaffNotPositive { staff: -2, .. }),
        ),
        (
            "probability above 1",
            |s| {
                if let Some(Step::Condition { branches, .. }) = s.process.steps.get_mut(5) {
                    branches[0].probability = Some(1.3);
                }
            },
            "process.steps[5].branches[0].probability",
            |e| matches!(e, E::ProbabilityOutOfRange { .. }),
        ),
        (
            "negative probability",
            |s| {
                if let Some(Step::Condition { branches, .. }) = s.process.steps.get_mut(5) {
                    branches[1].probability = Some(-0.1);
                }
            },
            "process.steps[5].branches[1].probability",
            |e| matches!(e, E::ProbabilityOutOfRange { .. }),
        ),
        (
            "probabilities not summing to 1",
            |s| {
                if let Some(Step::Condition { branches, .. }) = s.process.steps.get_mut(5) {
                    branches[0].probability = Some(0.8);
                }
            },
            "process.steps[5].branches",
            |e| matches!(e, E::ProbabilitiesDoNotSumToOne { sum, .. } if (sum - 0.9).abs() < 1e-9),
        ),
        (
            "attribute probabilities not summing to 1",
            |s| {
                s.sources[0].attributes.insert("urgent".into(), [("yes".to_string(), 0.5)].into());
            },
            "sources[0].attributes.urgent",
            |e| matches!(e, E::ProbabilitiesDoNotSumToOne { .. }),
        ),
        (
            "staffed step without a role",
            |s| {
                if let Some(Step::Staffed { role, .. }) = s.process.steps.get_mut(3) {
                    *role = None;
                }
            },
            "process.steps[3]",
            |e| matches!(e, E::MissingRole { step, .. } if step == "examine"),
        ),
        (
            "unknown role",
            |s| {
                if let Some(Step::Staffed { role, .. }) = s.process.steps.get_mut(3) {
                    *role = Some("ghost".into());
                }
            },
            "process.steps[3].role",
            |e| matches!(e, E::UnknownRole { .. }),
        ),
        (
            "cycle without exit",
            |s| {
                // complete → check; make check loop back to examine only.
                if let Some(Step::Condition { branches, .. }) = s.process.steps.get_mut(5) {
                    *branches = vec![Branch::probability("examine", 1.0)];
                }
            },
            "process.steps[3]",
            |e| matches!(e, E::NoExit { step, .. } if step == "examine"),
        ),
        (
            "cycle of conditions only",
            |s| {
                if let Some(Step::Condition { branches, .. }) = s.process.steps.get_mut(5) {
                    branches[0].to = "check".into();
                }
            },
            "process.steps[5]",
            |e| matches!(e, E::ConditionCycle { .. }),
        ),
        (
            "duplicate step",
            |s| {
                let copy = s.process.steps[0].clone();
                s.process.steps.push(copy);
            },
            "process.steps[8].id",
            |e| matches!(e, E::DuplicateStep { .. }),
        ),
        (
            "no steps",
            |s| s.process.steps.clear(),
            "process.steps",
            |e| matches!(e, E::NoSteps { .. }),
        ),
        (
            "mixed branching",
            |s| {
                if let Some(Step::Condition { branches, .. }) = s.process.steps.get_mut(5) {
                    branches[0].when =
                        Some(Predicate::Eq { attribute: "channel".into(), value: "x".into() });
                }
            },
            "process.steps[5].branches",
            |e| matches!(e, E::MixedBranches { .. }),
        ),
        (
            "predicate branching without otherwise",
            |s| {
                if let Some(Step::Condition { otherwise, .. }) = s.process.steps.get_mut(1) {
                    *otherwise = None;
                }
            },
            "process.steps[1]",
            |e| matches!(e, E::MissingOtherwise { .. }),
        ),
        (
            "empty branches",
            |s| {
                if let Some(Step::Condition { branches, .. }) = s.process.steps.get_mut(5) {
                    branches.clear();
                }
            },
            "process.steps[5].branches",
            |e| matches!(e, E::NoBranches { .. }),
        ),
        (
            "unknown attribute",
            |s| {
                if let Some(Step::Condition { branches, .. }) = s.process.steps.get_mut(1) {
                    branches[0].when =
                        Some(Predicate::Eq { attribute: "colour".into(), value: "x".into() });
                }
            },
            "process.steps[1].branches[0].when.attribute",
            |e| matches!(e, E::UnknownAttribute { .. }),
        ),
        (
            "bad triangular",
            |s| {
                if let Some(Step::Staffed { effort, .. }) = s.process.steps.get_mut(3) {
                    effort.dist = Dist::Triangular { min: 10.0, mode: 5.0, max: 20.0 };
                }
            },
            "process.steps[3].effort",
            |e| matches!(e, E::BadDuration { .. }),
        ),
        (
            "negative fixed duration",
            |s| {
                if let Some(Step::Staffed { effort, .. }) = s.process.steps.get_mut(0) {
                    effort.dist = Dist::Fixed { minutes: -1.0 };
                }
            },
            "process.steps[0].effort",
            |e| matches!(e, E::BadDuration { .. }),
        ),
        (
            "lognormal with zero mean",
            |s| {
                if let Some(Step::Applicant { delay, .. }) = s.process.steps.get_mut(4) {
                    delay.dist = Dist::Lognormal { mean: 0.0, sd: 1.0 };
                }
            },
            "process.steps[4].delay",
            |e| matches!(e, E::BadDuration { .. }),
        ),
        (
            "negative norm",
            |s| {
                if let Some(step) = s.process.steps.get_mut(0) {
                    *step = step.clone().with_norm(Norm::WorkingMinutes(-5.0));
                }
            },
            "process.steps[0].norm",
            |e| matches!(e, E::BadNorm { .. }),
        ),
        (
            "outage ending before it starts",
            |s| {
                if let Some(Step::System { outages, .. }) = s.process.steps.get_mut(2) {
                    let o = &mut outages[0];
                    (o.from, o.to) = (o.to, o.from);
                }
            },
            "process.steps[2].outages[0]",
            |e| matches!(e, E::BadOutage { .. }),
        ),
        (
            "unknown schedule",
            |s| {
                if let Some(r) = s.process.roles.get_mut("executor") {
                    r.schedule = Some("night".into());
                }
            },
            "process.roles.executor.schedule",
            |e| matches!(e, E::UnknownSchedule { .. }),
        ),
        (
            "schedule ending before it starts",
            |s| {
                if let Some(sch) = s.process.schedules.get_mut("short") {
                    sch.end = ClockTime::new(8, 0).unwrap_or(sch.end);
                }
            },
            "process.schedules.short",
            |e| matches!(e, E::BadSchedule { .. }),
        ),
        (
            "break outside the day",
            |s| {
                if let Some(sch) = s.process.schedules.get_mut("short") {
                    let (a, b) = (ClockTime::new(12, 0), ClockTime::new(14, 0));
                    if let (Some(start), Some(end)) = (a, b) {
                        sch.breaks.push(Break { start, end });
                    }
                }
            },
            "process.schedules.short",
            |e| matches!(e, E::BadSchedule { .. }),
        ),
        (
            "negative rate",
            |s| s.sources[1].rate_per_working_day = -1.0,
            "sources[1].rate_per_working_day",
            |e| matches!(e, E::BadRate { .. }),
        ),
        (
            "short hour profile",
            |s| s.sources[0].hour_profile = Some(vec![1.0; 23]),
            "sources[0].hour_profile",
            |e| matches!(e, E::BadHourProfile { .. }),
        ),
        (
            "duplicate source",
            |s| s.sources[1].name = s.sources[0].name.clone(),
            "sources[1].name",
            |e| matches!(e, E::DuplicateSource { .. }),
        ),
        (
            "timed case from an unknown source",
            |s| s.cases[0].source = "ghost".into(),
            "cases[0].source",
            |e| matches!(e, E::UnknownSource { .. }),
        ),
        (
            "reserved attribute",
            |s| {
                s.sources[0].labels.insert("source".into(), "x".into());
            },
            "sources[0].labels.source",
            |e| matches!(e, E::ReservedAttribute { .. }),
        ),
        (
            "run ending before it starts",
            |s| s.run.end = day(1, 1) - chrono::Days::new(1),
            "run.end",
            |e| matches!(e, E::BadRunWindow { .. }),
        ),
        (
            "zero replications",
            |s| s.run.replications = 0,
            "run.replications",
            |e| matches!(e, E::ZeroReplications { .. }),
        ),
        (
            "warm-up covering the window",
            |s| s.run.warm_up_days = 90,
            "run.warm_up_days",
            |e| matches!(e, E::WarmUpTooLong { .. }),
        ),
    ];
    for (name, mutate, path, want) in table {
        check_invalid(name, mutate, path, want);
    }
}

#[test]
fn validation_messages_are_lowercase_without_a_trailing_period() {
    let mut sc = full_scenario();
    sc.process.roles.insert("office".into(), Role::new(0));
    sc.run.replications = 0;
    for e in validate(&sc) {
        let msg = e.to_string();
        assert!(!msg.ends_with('.'), "{msg}");
        assert_eq!(msg.chars().next().map(char::is_lowercase), Some(true), "{msg}");
    }
}

#[test]
fn unknown_calendar_years_fail_with_a_typed_error() {
    let sc = full_scenario();
    let cal = HolidayCalendar::new(2024..=2024);
    assert_eq!(Model::compile(&sc, &cal).err(), Some(SimError::UnknownDate { date: day(1, 1) }));
}

// ---------------------------------------------------------------- properties

fn secs(a: NaiveDateTime, b: NaiveDateTime) -> i64 {
    (b - a).num_seconds()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_arrival_ends_in_exactly_one_place(sc in strategies::scenario()) {
        let r = simulate(&sc, &WeekdaysOnly, &RunOptions { threads: 1, cases: true, per_replication: true });
        let r = r.map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(r.cases.len() as u64, r.output.cases);
        for rep in &r.output.replication_kpis {
            let groups = std::iter::once(&rep.cases.all).chain(rep.cases.by_source.values());
            for c in groups {
                let ended: f64 = c.ends.values().filter_map(|v| v.0).sum();
                let outcomes: f64 = c.outcomes.values().filter_map(|v| v.0).sum();
                let inside: f64 = c.in_progress_at.values().filter_map(|v| v.0).sum();
                let arrived = c.arrived.0.unwrap_or(-1.0);
                prop_assert_eq!(ended + c.in_progress.0.unwrap_or(-1.0), arrived);
                prop_assert_eq!(ended, outcomes);
                prop_assert_eq!(inside, c.in_progress.0.unwrap_or(-1.0));
            }
        }
        for c in &r.cases {
            prop_assert_eq!(c.state == CaseState::Done, c.outcome.is_some());
            prop_assert_eq!(c.end.is_some(), c.outcome.is_some());
            prop_assert_eq!(c.path.last(), Some(&c.step));
        }
    }

    #[test]
    fn same_seed_same_output_for_any_thread_count(sc in strategies::scenario()) {
        let run = |threads| simulate(&sc, &WeekdaysOnly, &RunOptions { threads, cases: true, per_replication: true })
            .map(|r| (serde_json::to_string(&r.output).unwrap_or_default(), serde_json::to_string(&r.cases).unwrap_or_default()))
            .map_err(|e| TestCaseError::fail(e.to_string()));
        let a = run(1)?;
        prop_assert_eq!(&a, &run(1)?);
        prop_assert_eq!(&a, &run(3)?);
    }

    #[test]
    fn generated_scenarios_round_trip_through_toml(sc in strategies::scenario()) {
        let text = toml::to_string(&sc).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: Scenario = toml::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, sc);
    }

    #[test]
    fn lead_time_is_at_least_the_sum_of_norms_on_the_path(
        steps in proptest::collection::vec((0u8..4, 0.0..240.0f64), 1..6),
        rate in 1.0..80.0f64,
        staff in 1i64..3,
        seed in any::<u64>(),
    ) {
        let mut list = Vec::new();
        let mut norm_secs = BTreeMap::new();
        for (i, &(kind, minutes)) in steps.iter().enumerate() {
            let (id, next) = (format!("s{i}"), if i + 1 == steps.len() { "done".to_string() } else { format!("s{}", i + 1) });
            let d = Duration::fixed(minutes);
            let step = match kind {
                0 => Step::staffed(&id, "clerk", d, &next).with_norm(Norm::WorkingMinutes(minutes)),
                1 => Step::system(&id, d, &next).with_norm(Norm::CalendarMinutes(minutes)),
                2 => Step::applicant(&id, d, &next).with_norm(Norm::CalendarMinutes(minutes)),
                _ => {
                    let mut s = Step::applicant(&id, d, &next).with_norm(Norm::WorkingMinutes(minutes));
                    if let Step::Applicant { clock, .. } = &mut s { *clock = Clock::Working; }
                    s
                }
            };
            norm_secs.insert(id, (minutes * 60.0).round() as i64);
            list.push(step);
        }
        list.push(Step::end("done", "assigned"));
        let mut sc = chain(list, day(3, 3), day(3, 28), &[]);
        sc.process.roles.insert("clerk".into(), Role::new(staff));
        sc.sources = vec![Source::new("desk", rate)];
        sc.run.seed = seed;
        let r = simulate(&sc, &WeekdaysOnly, &RunOptions { threads: 1, cases: true, per_replication: false })
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for c in r.cases.iter().filter(|c| c.state == CaseState::Done) {
            let sum: i64 = c.path.iter().filter_map(|s| norm_secs.get(s)).sum();
            let lead = c.end.map(|e| secs(c.arrival, e)).unwrap_or(-1);
            prop_assert!(lead >= sum, "lead {} < norms {} on {:?}", lead, sum, c.path);
        }
    }

    #[test]
    fn adding_staff_never_increases_a_wait(
        offsets in proptest::collection::vec(0i64..(5 * 24 * 60), 1..60),
        dist in strategies::dist(300.0),
        staff in 1i64..4,
        seed in any::<u64>(),
    ) {
        let start = day(1, 6);
        let arrivals: Vec<NaiveDateTime> =
            offsets.iter().map(|m| start.and_time(NaiveTime::MIN) + chrono::TimeDelta::minutes(*m)).collect();
        let mut sc = one_server(1.0, staff, start, day(1, 19), &arrivals);
        if let Some(Step::Staffed { effort, .. }) = sc.process.steps.get_mut(0) {
            effort.dist = dist;
        }
        sc.run.seed = seed;
        let run = |sc: &Scenario| simulate(sc, &WeekdaysOnly, &RunOptions { threads: 1, cases: true, per_replication: false })
            .map_err(|e| TestCaseError::fail(e.to_string()));
        let fewer = run(&sc)?;
        sc.process.roles.insert("clerk".into(), Role::new(staff + 1));
        let more = run(&sc)?;
        prop_assert_eq!(fewer.cases.len(), more.cases.len());
        for (a, b) in fewer.cases.iter().zip(&more.cases) {
            prop_assert_eq!(a.arrival, b.arrival);
            // Cases still queued at the horizon have waited at least until it.
            let wait = |c: &CaseRecord| if c.state == CaseState::Queued { f64::INFINITY } else { c.queue_hours };
            prop_assert!(wait(b) <= wait(a), "case at {}: {} > {}", a.arrival, wait(b), wait(a));
            if let (Some(ea), Some(eb)) = (a.end, b.end) {
                prop_assert!(eb <= ea);
            }
        }
    }
}
