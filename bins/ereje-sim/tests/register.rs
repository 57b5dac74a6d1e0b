//! Integration tests of `ereje-sim register`: the built binary run from the repository root on
//! the built-in register scenario; the JSON of a short window (snapshot), the label on every
//! output, and the what-if on the number of personnel specialists.

mod common;

use common::*;

fn json(args: &[&str]) -> serde_json::Value {
    json_format(args)
}

const LABEL: &str = "one region's health-worker register, 2025 (volumes: assumption)";

/// Three weeks of March, two replications, a fixed seed.
const SHORT: &[&str] = &[
    "register",
    "--replications",
    "2",
    "--seed",
    "7",
    "--from",
    "2025-03-03",
    "--to",
    "2025-03-21",
];

fn hires_within(v: &serde_json::Value) -> f64 {
    v["process_kpis"]["register"]["hires_within_three_working_days"]["mean"].as_f64().unwrap()
}

#[test]
fn short_window_json() {
    let v = json(SHORT);
    assert_eq!(v["process"], "register");
    assert_eq!(v["label"], LABEL);
    assert_eq!(v["scenario"]["file"], "fixtures/register/sim-default.toml");
    let r = &v["process_kpis"]["register"];
    assert_eq!(r["hires_entered"]["mean"], v["kpis"]["steps"]["hire_entry"]["completed"]["mean"]);
    assert_eq!(r["proxies"].as_array().unwrap().len(), 1);
    assert!(r["monthly_reports_on_time"].is_object(), "{r}");
    insta::assert_json_snapshot!(v);
}

#[test]
fn the_label_is_on_every_output() {
    let table = ok(&[SHORT, &["--format", "table"]].concat());
    assert!(table.starts_with(&format!("ereje-sim register: {LABEL}\n")), "{table}");
    assert!(table.contains("Register KPIs"), "{table}");
    assert!(table.contains("hires within 3 working days (para 8)"), "{table}");
}

#[test]
fn more_specialists_never_lower_the_share_within_the_norm() {
    let at = |n: u32| {
        let set = format!("process.roles.personnel.staff={n}");
        hires_within(&json(&[SHORT, &["--set", &set]].concat()))
    };
    let shares: Vec<f64> = (1..=3).map(at).collect();
    assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{shares:?}");
    assert!(shares[0] < shares[2], "one specialist is overloaded: {shares:?}");
}

#[test]
fn a_year_has_eleven_monthly_reports_and_the_expired_certificate_proxy() {
    let v = json(&["register", "--replications", "1", "--seed", "7"]);
    let r = &v["process_kpis"]["register"];
    assert_eq!(r["monthly_reports_submitted"]["mean"], 11.0, "{r}");
    let on_time = r["monthly_reports_on_time"]["mean"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&on_time));
    let late = r["expired_certificates_blocked_late"]["mean"].as_f64().unwrap();
    let within = v["kpis"]["steps"]["block"]["within_norm"]["mean"].as_f64().unwrap();
    assert!((late + within - 1.0).abs() < 1e-12, "late = 1 - within");
    // With no coordinator capacity to spare the reports are late: one coordinator, ten working days of work each.
    let slow = json(&[
        "register",
        "--replications",
        "1",
        "--seed",
        "7",
        "--set",
        "process.steps.5.effort.min=4800",
        "--set",
        "process.steps.5.effort.mode=4800",
        "--set",
        "process.steps.5.effort.max=4801",
    ]);
    let slow_on_time =
        slow["process_kpis"]["register"]["monthly_reports_on_time"]["mean"].as_f64().unwrap();
    assert!(slow_on_time < on_time, "{slow_on_time} vs {on_time}");
}
