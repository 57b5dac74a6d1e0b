//! Tests of the pilot as a process: the shipped scenario, the launch-schedule gate, the cut at
//! the expert's receipt, the expert's term judged case by case, and the what-if on experts.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use ereje_sim_engine::{CaseRecord, CaseState, FnCalendar, Model, Val};
use proptest::prelude::*;

use super::*;

const SHIPPED: &str = include_str!("../../../../fixtures/mse/sim-default.toml");

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

/// The Kazakhstan calendar as the engine sees it.
fn kz() -> FnCalendar<impl Fn(NaiveDate) -> Option<bool>> {
    FnCalendar(|d| Calendar::builtin().is_working(d).ok().map(|a| a.value))
}

#[test]
fn the_shipped_file_parses_equals_the_default_and_validates() {
    let shipped: Scenario = toml::from_str(SHIPPED).unwrap();
    assert_eq!(shipped, default_scenario());
    assert_eq!(ereje_sim_engine::validate(&shipped), vec![]);
    assert!(SHIPPED.contains(LABEL), "the file names its label");
}

#[test]
fn the_default_window_is_the_pilots_twelve_months() {
    let s = default_scenario();
    let p = Params::default();
    assert!(p.publication_assumed);
    assert_eq!(s.run.start, in_force_from(p.publication));
    assert_eq!(s.run.end, last_day(s.run.start, false));
}

#[test]
fn rates_add_up_to_the_national_rate() {
    let s = default_scenario();
    let total: f64 = s.sources.iter().map(|s| s.rate_per_working_day).sum();
    assert!((total - NATIONAL_RATE).abs() < 0.005, "{total}");
    let mix: f64 = NOSOLOGY_MIX.iter().map(|(_, m)| m).sum();
    assert!((mix - 1.0).abs() < 1e-12);
    for r in Region::ALL {
        assert_eq!(POPULATION.iter().filter(|(x, _)| *x == r).count(), 1, "{r:?}");
    }
}

#[test]
fn wave_shares_at_the_edges_of_each_wave() {
    let (p, cal) = (Params::default(), Calendar::builtin());
    // (region, window, share): each wave's first day and the day before.
    let cases = [
        (Region::Akmola, d(2025, 6, 26), d(2025, 6, 26), 0.0), // the day before entry into force
        (Region::Akmola, d(2025, 6, 27), d(2025, 6, 27), 1.0),
        (Region::Mangystau, d(2025, 6, 30), d(2025, 6, 30), 0.0),
        (Region::Mangystau, d(2025, 7, 1), d(2025, 7, 1), 1.0),
        (Region::Mangystau, d(2025, 6, 30), d(2025, 7, 1), 0.5),
        (Region::Abai, d(2025, 7, 31), d(2025, 7, 31), 0.0),
        (Region::Abai, d(2025, 8, 1), d(2025, 8, 1), 1.0),
        (Region::Abai, d(2026, 6, 26), d(2026, 6, 26), 1.0), // the pilot's last day
        (Region::Abai, d(2026, 6, 29), d(2026, 6, 29), 0.0), // Monday after it
        (Region::Abai, d(2025, 8, 2), d(2025, 8, 3), 0.0),   // a weekend: no working day
        (Region::Kostanay, d(2025, 6, 27), d(2026, 6, 26), 0.9919),
        (Region::Shymkent, d(2025, 6, 27), d(2026, 6, 26), 0.9024),
    ];
    for (region, from, to, share) in cases {
        assert_eq!(in_wave_share(region, from, to, &p, cal), share, "{region:?} {from} {to}");
    }
}

#[test]
fn the_window_hook_recomputes_the_gate() {
    let mut s = default_scenario();
    s.run.start = d(2025, 7, 1);
    s.run.end = d(2025, 7, 31);
    apply_window(&mut s);
    let share = |name: &str| {
        s.sources.iter().find(|x| x.name == name).map(|x| x.attributes[IN_WAVE]["yes"]).unwrap()
    };
    assert_eq!(share("akmola/amputation"), 1.0);
    assert_eq!(share("kostanay/down-syndrome"), 1.0);
    assert_eq!(share("shymkent/amputation"), 0.0);
    assert_eq!(ereje_sim_engine::validate(&s), vec![]);
}

proptest! {
    #[test]
    fn wave_gates_are_probabilities_for_any_window(
        start in 0i64..900, len in 0i64..500,
    ) {
        let mut s = default_scenario();
        s.run.start = d(2025, 1, 1) + chrono::TimeDelta::days(start);
        s.run.end = s.run.start + chrono::TimeDelta::days(len);
        apply_window(&mut s);
        for src in &s.sources {
            let g = &src.attributes[IN_WAVE];
            prop_assert!((0.0..=1.0).contains(&g["yes"]));
            prop_assert!((g["yes"] + g["no"] - 1.0).abs() < 1e-9);
        }
        prop_assert!(ereje_sim_engine::validate(&s).is_empty());
    }
}

fn case(id: u128, path: &[&str], end: Option<&str>) -> CaseRecord {
    let last = path.last().copied().unwrap_or("nosology_check");
    let done = matches!(last, "established" | "not_established" | "outside_pilot_schedule");
    CaseRecord {
        replication: 0,
        id: uuid::Uuid::from_u128(id),
        source: "akmola/amputation".into(),
        attributes: [
            ("region".to_string(), "akmola".to_string()),
            ("nosology".to_string(), "amputation".to_string()),
        ]
        .into(),
        arrival: at("2025-09-01 09:00:00"),
        warm_up: false,
        state: if done { CaseState::Done } else { CaseState::InService },
        step: last.into(),
        outcome: done.then(|| {
            if last == "outside_pilot_schedule" { OUTSIDE_PILOT } else { "established" }.into()
        }),
        reason: None,
        end: end.map(at),
        lead_time_hours: None,
        lead_time_working_days: None,
        queue_hours: 0.0,
        path: path.iter().map(|s| (*s).to_string()).collect(),
    }
}

fn receipt(id: u128, when: &str) -> CaseRecord {
    let mut r = case(id, &["nosology_check", EXPERT_STEP], Some(when));
    r.state = CaseState::Done;
    r.outcome = Some("received".into());
    r
}

const DECIDED: &[&str] = &["nosology_check", "exam_gate", EXPERT_STEP, "decision", "established"];

/// One case judged alone: (received, after cutoff, within, late, overdue, pending, no term).
fn judged(path: &[&str], received: Option<&str>, decided: Option<&str>) -> [f64; 7] {
    let mut s = default_scenario();
    s.run.end = d(2025, 12, 31);
    let c = case(1, path, decided);
    let r: Vec<CaseRecord> = received.map(|w| receipt(1, w)).into_iter().collect();
    let k = expert_term(&s, &[c], &r, Calendar::builtin()).all;
    let v = |x: Val| x.0.unwrap();
    [
        v(k.received),
        v(k.received_after_cutoff),
        v(k.within_term),
        v(k.late),
        v(k.overdue_in_progress),
        v(k.pending),
        v(k.no_term),
    ]
}

/// A path, the receipt, the decision and the expected counts of [`judged`].
type TermCase<'a> = (&'a [&'a str], Option<&'a str>, Option<&'a str>, [f64; 7]);

#[test]
fn the_term_is_judged_with_the_cutoff_and_the_calendar() {
    let in_service = &["nosology_check", EXPERT_STEP][..];
    #[rustfmt::skip]
    let cases: &[TermCase] = &[
        // Wed 03.09.2025: at or before 16:00:00 → due that day.
        (DECIDED, Some("2025-09-03 15:59:59"), Some("2025-09-03 17:59:00"), [1., 0., 1., 0., 0., 0., 0.]),
        (DECIDED, Some("2025-09-03 16:00:00"), Some("2025-09-04 09:30:00"), [1., 0., 0., 1., 0., 0., 0.]),
        // 16:00:01 → due the next working day.
        (DECIDED, Some("2025-09-03 16:00:01"), Some("2025-09-04 17:00:00"), [1., 1., 1., 0., 0., 0., 0.]),
        (DECIDED, Some("2025-09-03 16:00:01"), Some("2025-09-05 09:00:00"), [1., 1., 0., 1., 0., 0., 0.]),
        // Fri 29.08.2025 16:00:01 → Tue 02.09 (30.08 carried over to Mon 01.09).
        (DECIDED, Some("2025-08-29 16:00:01"), Some("2025-09-02 17:30:00"), [1., 1., 1., 0., 0., 0., 0.]),
        // Received on a Saturday → Monday.
        (DECIDED, Some("2025-09-06 10:00:00"), Some("2025-09-08 12:00:00"), [1., 1., 1., 0., 0., 0., 0.]),
        // Mon 15.12.2025 16:00:01 → Wed 17.12 (Independence Day 16.12).
        (DECIDED, Some("2025-12-15 16:00:01"), Some("2025-12-17 11:00:00"), [1., 1., 1., 0., 0., 0., 0.]),
        // Not decided at the horizon (end of 31.12.2025): due over → overdue; due after → pending.
        (in_service, Some("2025-12-30 10:00:00"), None, [1., 0., 0., 0., 1., 0., 0.]),
        (in_service, Some("2025-12-31 10:00:00"), None, [1., 0., 0., 0., 1., 0., 0.]),
        (in_service, Some("2025-12-31 16:30:00"), None, [1., 1., 0., 0., 0., 1., 0.]),
        // Never received: only a form.
        (&["nosology_check", "schedule_check", "outside_pilot_schedule"], None, Some("2025-09-01 09:00:00"), [0.; 7]),
        // A year the calendar does not know.
        (DECIDED, Some("2031-03-03 10:00:00"), Some("2031-03-03 12:00:00"), [1., 0., 0., 0., 0., 0., 1.]),
    ];
    for (path, received, decided, expect) in cases {
        assert_eq!(judged(path, *received, *decided), *expect, "{received:?} {decided:?}");
    }
}

#[test]
fn groups_returns_warm_up_and_the_share() {
    let mut s = default_scenario();
    s.run.end = d(2025, 12, 31);
    let mut late = case(2, DECIDED, Some("2025-09-05 10:00:00"));
    late.attributes.insert("region".into(), "abai".into());
    late.path.insert(1, RETURN_STEP.into());
    late.path.insert(1, RETURN_STEP.into());
    let mut warm = case(3, DECIDED, Some("2025-09-03 12:00:00"));
    warm.warm_up = true;
    let outside =
        case(4, &["nosology_check", "outside_pilot_schedule"], Some("2025-09-01 09:00:00"));
    let cases = [case(1, DECIDED, Some("2025-09-03 12:00:00")), late, warm, outside];
    let receipts = [
        receipt(1, "2025-09-03 10:00:00"),
        receipt(2, "2025-09-03 10:00:00"),
        receipt(3, "2025-09-03 10:00:00"),
    ];
    let r = expert_term(&s, &cases, &receipts, Calendar::builtin());
    assert_eq!(r.all.forms, Val::of(3.0));
    assert_eq!(r.all.outside_pilot, Val::of(1.0));
    assert_eq!(r.all.returns, Val::of(2.0));
    assert_eq!(r.all.share_within_term, Val::of(0.5));
    assert_eq!(r.all.breaches, Val::of(1.0));
    assert_eq!(r.by_region["abai"].late, Val::of(1.0));
    assert_eq!(r.by_region["akmola"].within_term, Val::of(1.0));
    // Every region and nosology of the scenario is a key, even without forms.
    assert_eq!(r.by_region.len(), 20);
    assert_eq!(r.by_region["ulytau"].forms, Val::of(0.0));
    assert_eq!(r.by_region["ulytau"].share_within_term, Val(None));
    assert_eq!(r.by_nosology.len(), 3);
}

/// Two months of the default scenario with `staff` experts: KPIs, cases, receipts.
fn run(staff: i64) -> (ereje_sim_engine::Kpis<Val>, Vec<CaseRecord>, Vec<CaseRecord>, Scenario) {
    let mut s = default_scenario();
    s.run.end = d(2025, 8, 31);
    apply_window(&mut s);
    if let Some(r) = s.process.roles.get_mut(EXPERT_ROLE) {
        r.staff = staff;
    }
    let cut = receipt_scenario(&s).unwrap();
    let (k, cases) = Model::compile(&s, &kz()).unwrap().run_replication(0, true);
    let (_, receipts) = Model::compile(&cut, &kz()).unwrap().run_replication(0, true);
    (k, cases, receipts, s)
}

#[test]
fn receipts_of_the_cut_scenario_are_those_of_the_full_run() {
    let (k, cases, receipts, _) = run(2);
    assert_eq!(cases.len(), receipts.len());
    let received: HashMap<_, _> =
        receipts.iter().filter(|r| r.step == EXPERT_STEP).map(|r| (r.id, r.end.unwrap())).collect();
    // Every case that reached the expert in the full run was received in the cut one, and
    // every receipt is a case that reached the expert.
    let reached = cases.iter().filter(|c| c.path.iter().any(|s| s == EXPERT_STEP)).count();
    assert_eq!(reached, received.len());
    // The engine's own time in the step equals decision − receipt, case by case on average.
    let hours: Vec<f64> = cases
        .iter()
        .filter(|c| c.state == CaseState::Done && c.path.iter().any(|s| s == EXPERT_STEP))
        .map(|c| {
            let r = received[&c.id];
            assert!(r <= c.end.unwrap());
            assert!(c.queue_hours * 3600.0 <= (c.end.unwrap() - r).num_seconds() as f64 + 1e-6);
            (c.end.unwrap() - r).num_seconds() as f64 / 3600.0
        })
        .collect();
    let mean = hours.iter().sum::<f64>() / hours.len() as f64;
    let engine = k.steps[EXPERT_STEP].calendar_hours.mean.0.unwrap();
    assert!((mean - engine).abs() < 1e-6, "{mean} vs {engine}");
}

#[test]
fn more_experts_never_lower_the_share_within_the_term() {
    let mut last: Option<f64> = None;
    for staff in [1, 2, 3, 5] {
        let (_, cases, receipts, s) = run(staff);
        let share = expert_term(&s, &cases, &receipts, Calendar::builtin())
            .all
            .share_within_term
            .0
            .unwrap();
        if let Some(prev) = last {
            assert!(share >= prev, "{staff} experts: {share} < {prev}");
        }
        last = Some(share);
    }
    assert!(last.unwrap() > 0.99);
}

#[test]
fn the_engine_norm_is_lenient_compared_with_the_cutoff() {
    // With too few experts the engine's approximation (≤ 1 working day after the date of
    // receipt) counts more acts within than the act's term with the 16:00 cutoff.
    let (k, cases, receipts, s) = run(2);
    let exact = expert_term(&s, &cases, &receipts, Calendar::builtin()).all.share_within_term;
    let approx = k.steps[EXPERT_STEP].within_norm;
    assert!(approx.0.unwrap() >= exact.0.unwrap(), "{approx:?} {exact:?}");
}

#[test]
fn notes_carry_the_assumptions() {
    let n = notes(&default_scenario());
    for needle in ["ASSUMPTION", "2025-06-16", "2026-06-26", "16:00", "3 experts", "no legal norm"]
    {
        assert!(n.iter().any(|l| l.contains(needle)), "{needle}: {n:#?}");
    }
    let mut s = default_scenario();
    s.run.end = d(2026, 12, 31);
    assert!(notes(&s)[0].contains("not wholly inside"));
}
