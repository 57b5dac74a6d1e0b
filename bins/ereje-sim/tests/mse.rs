//! Integration tests of `ereje-sim mse`: the built binary run from the repository root on the
//! built-in МСЭ pilot scenario; the JSON of a short window (snapshot), the label on every output,
//! the expert's term with the 16:00 cutoff, the what-if on the number of experts, the window
//! hook of the launch schedule.

mod common;

use std::path::PathBuf;

use common::*;

fn json(args: &[&str]) -> serde_json::Value {
    json_format(args)
}

const LABEL: &str = "the МСЭ proactive pilot, 2025–2026 (volumes: assumption)";

/// Three weeks around the start of the August wave, one replication, a fixed seed.
const SHORT: &[&str] =
    &["mse", "--replications", "1", "--seed", "7", "--from", "2025-07-21", "--to", "2025-08-08"];

/// Two months with the default seed, for the what-if.
const TWO_MONTHS: &[&str] =
    &["mse", "--replications", "2", "--from", "2025-07-01", "--to", "2025-08-31"];

fn share_within_term(v: &serde_json::Value) -> f64 {
    v["process_kpis"]["expert_term"]["all"]["share_within_term"]["mean"].as_f64().unwrap()
}

#[test]
fn short_window_json() {
    let v = json(SHORT);
    assert_eq!(v["process"], "mse");
    assert_eq!(v["label"], LABEL);
    assert_eq!(v["scenario"]["file"], "fixtures/mse/sim-default.toml");
    let term = &v["process_kpis"]["expert_term"];
    assert!(term["reading"].as_str().unwrap().contains("16:00:00"));
    assert_eq!(term["by_region"].as_object().unwrap().len(), 20);
    assert_eq!(term["by_nosology"].as_object().unwrap().len(), 3);
    // Forms by region and nosology are the engine's label groups.
    let by_label = &v["kpis"]["cases"]["by_label"];
    assert_eq!(by_label["region"].as_object().unwrap().len(), 20);
    assert_eq!(by_label["nosology"].as_object().unwrap().len(), 3);
    // The JSON's forms are the engine's arrivals.
    assert_eq!(term["all"]["forms"]["mean"], v["kpis"]["cases"]["all"]["arrived"]["mean"]);
    assert!(
        v["assumptions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a.as_str().unwrap().contains("2025-06-16 (ASSUMPTION"))
    );
    // The 60 sources are left out of the snapshot (their totals are in the label groups).
    insta::assert_json_snapshot!(v, {
        ".kpis.cases.by_source" => "[60 sources]",
        ".kpis.lead_time.by_source" => "[60 sources]",
        ".model.sources" => "[60 sources]",
    });
}

#[test]
fn the_label_is_on_every_output() {
    let table = ok(&[SHORT, &["--format", "table"]].concat());
    assert!(table.starts_with(&format!("ereje-sim mse: {LABEL}\n")), "{table}");
    for title in [
        "Cases by channel and outcome",
        "Expert's term (16:00 cutoff) by nosology",
        "Expert's term (16:00 cutoff) by region",
        "Assumptions",
    ] {
        assert!(table.contains(title), "{title}");
    }
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mse-report.html");
    ok(&[SHORT, &["--format", "json", "--report", path.to_str().unwrap()]].concat());
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains(&format!("<title>ereje-sim mse: {LABEL}</title>")));
    assert!(html.contains("Expert&#39;s term (16:00 cutoff) by region"));
}

#[test]
fn more_experts_never_lower_the_share_decided_within_the_term() {
    let two = json(&[TWO_MONTHS, &["--set", "process.roles.expert.staff=2"]].concat());
    let four = json(&[TWO_MONTHS, &["--set", "process.roles.expert.staff=4"]].concat());
    assert_eq!(two["parameters"]["process.roles.expert.staff"], 2);
    assert_eq!(four["model"]["roles"]["expert"]["staff"], 4);
    // Same seed, same forms: only the experts differ.
    assert_eq!(two["cases"], four["cases"]);
    let (a, b) = (share_within_term(&two), share_within_term(&four));
    assert!(b >= a, "4 experts: {b} < 2 experts: {a}");
    assert!(a < 0.9 && b > 0.99, "the what-if bites: {a} vs {b}");
    let util = |v: &serde_json::Value| {
        v["kpis"]["roles"]["expert"]["utilisation"]["mean"].as_f64().unwrap()
    };
    assert!(util(&two) > util(&four));
}

#[test]
fn a_window_before_the_august_wave_leaves_its_regions_out() {
    let v = json(&["mse", "--replications", "1", "--from", "2025-07-01", "--to", "2025-07-31"]);
    let august = &v["kpis"]["cases"]["by_label"]["wave"]["august"];
    assert!(august["arrived"]["mean"].as_f64().unwrap() > 0.0);
    assert_eq!(august["outcomes"]["outside-pilot"]["mean"], august["arrived"]["mean"]);
    let term = &v["process_kpis"]["expert_term"]["by_region"]["shymkent"];
    assert_eq!(term["received"]["mean"], 0);
    let june = &v["kpis"]["cases"]["by_label"]["wave"]["june"];
    assert!(june["outcomes"]["established"]["mean"].as_f64().unwrap() > 0.0);
}

#[test]
fn print_scenario_is_the_shipped_file() {
    let out = ok(&["mse", "--print-scenario"]);
    assert_eq!(out, std::fs::read_to_string(root().join("fixtures/mse/sim-default.toml")).unwrap());
}

#[test]
fn output_does_not_depend_on_threads() {
    let a = ok(&[SHORT, &["--format", "json", "--threads", "1"]].concat());
    let b = ok(&[SHORT, &["--format", "json", "--threads", "2"]].concat());
    assert_eq!(a, b);
}
