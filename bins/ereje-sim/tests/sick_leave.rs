//! Integration tests of `ereje-sim sick-leave`: the built binary run from the repository root on
//! the built-in pipeline of the 2023 Astana pilot; the JSON of a short window with a small volume
//! (snapshot), the label on every output, the KPIs the process adds, `--sheets`, and
//! `--generate` (its records read back with the crate's own checker).

mod common;

use std::path::PathBuf;

use common::*;

fn json(args: &[&str]) -> serde_json::Value {
    json_format(args)
}

use ereje_sick_leave::{Checker, Context, WireSheet};

const LABEL: &str = "the 2023 Astana sick-leave pilot pipeline (volumes and latencies: assumption)";

fn temp(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// One week of February 2024 around the assumed ШЭП outage, 2 sheets a working day, two
/// replications, a fixed seed.
const SHORT: &[&str] = &[
    "sick-leave",
    "--seed",
    "7",
    "--replications",
    "2",
    "--from",
    "2024-02-12",
    "--to",
    "2024-02-18",
    "--set",
    "sources.0.rate_per_working_day=2",
    "--threads",
    "1",
];

#[test]
fn short_window_json() {
    let v = json(SHORT);
    assert_eq!(v["process"], "sick-leave");
    assert_eq!(v["label"], LABEL);
    assert_eq!(v["scenario"]["file"], "fixtures/sick-leave/sim-default.toml");
    assert_eq!(v["parameters"]["sources[0].rate_per_working_day"], 2);
    // Every arrival is a sheet event and ends in one outcome or is in progress.
    let all = &v["kpis"]["cases"]["all"];
    let arrived = all["arrived"]["mean"].as_f64().unwrap();
    let outcomes: f64 =
        all["outcomes"].as_object().unwrap().values().map(|o| o["mean"].as_f64().unwrap()).sum();
    let in_progress = all["in_progress"]["mean"].as_f64().unwrap();
    assert!(arrived > 10.0);
    assert_eq!(outcomes + in_progress, arrived);
    // The process's KPIs: rejections by rule are the rejected ends, the outage held events.
    let k = &v["process_kpis"];
    let rejected: f64 = k["rejected_by_rule"]
        .as_object()
        .unwrap()
        .values()
        .map(|e| e["mean"].as_f64().unwrap())
        .sum();
    assert_eq!(rejected, all["outcomes"]["rejected"]["mean"].as_f64().unwrap_or(0.0));
    let shep = k["outages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["step"] == "shep" && o["from"] == "2024-02-14T16:00:00")
        .unwrap();
    assert!(shep["held"]["mean"].as_f64().unwrap() > 0.0, "{shep}");
    assert!(
        v["assumptions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a.as_str().unwrap().contains("sheets: "))
    );
    insta::assert_json_snapshot!("short_window_json", v);
}

#[test]
fn the_label_is_on_every_output() {
    let table = ok(&[SHORT, &["--format", "table"]].concat());
    assert!(table.starts_with(&format!("ereje-sim sick-leave: {LABEL}")), "{table}");
    for title in [
        "Rejected by the ФЛК, by rule",
        "Not eligible, by routing step",
        "Latency of delivered events (hours)",
        "Outages: events held",
    ] {
        assert!(table.contains(title), "{title}");
    }
    let report = temp("sick-leave-report.html");
    ok(&[SHORT, &["--format", "json", "--report", report.to_str().unwrap()]].concat());
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains(LABEL));
}

#[test]
fn runs_are_byte_identical_for_any_thread_count() {
    let a = ok(&[SHORT, &["--format", "json"]].concat());
    let b = ok(&[SHORT, &["--format", "json"]].concat());
    let mut two = SHORT.to_vec();
    let n = two.len();
    two[n - 1] = "2";
    let c = ok(&[two.as_slice(), &["--format", "json"]].concat());
    assert_eq!(a, b);
    assert_eq!(a, c);
}

#[test]
fn the_defect_share_setting_changes_the_rejections() {
    let rejected = |share: &str| {
        let v = json(&[SHORT, &["--set", &format!("defect_share={share}")]].concat());
        v["kpis"]["cases"]["all"]["outcomes"]["rejected"]["mean"].as_f64().unwrap_or(0.0)
    };
    assert_eq!(rejected("0"), 0.0);
    assert!(rejected("0.5") > 0.0);
    let r = run(&[SHORT, &["--set", "defect_share=1.5"]].concat());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("defect_share"), "{}", r.stderr);
}

#[test]
fn given_sheets_are_checked_and_routed() {
    let v = json(&[
        "sick-leave",
        "--sheets",
        "fixtures/sick-leave/routing.ndjson",
        "--status",
        "fixtures/sick-leave/status.txt",
        "--replications",
        "1",
    ]);
    let outcomes = &v["kpis"]["cases"]["all"]["outcomes"];
    // routing.ndjson has one record per routing step.
    assert_eq!(outcomes["rejected"]["mean"], 1);
    assert_eq!(outcomes["no_status_answer"]["mean"], 1);
    let reasons = v["process_kpis"]["not_eligible_by_reason"].as_object().unwrap();
    for step in [
        "maternity",
        "bmc_attachment",
        "astana_residence",
        "first_polyclinic_department",
        "civil_servant_status",
    ] {
        assert_eq!(reasons[step]["mean"], 1, "{step}");
    }
    assert!(
        v["assumptions"][1]
            .as_str()
            .unwrap()
            .starts_with("sheets read from fixtures/sick-leave/routing.ndjson: 15 records")
    );
    let r = run(&["sick-leave", "--sheets", "fixtures/sick-leave/none.ndjson"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("none.ndjson"), "{}", r.stderr);
}

/// The generated records read back with the crate's own checker: the share of records with a
/// finding is the defect share asked for, every record parses, the run is deterministic.
#[test]
fn generate_writes_sheets_with_the_asked_defect_share() {
    let (sheets, status) = (temp("generated.ndjson"), temp("generated.status.txt"));
    let args = [
        "sick-leave",
        "--generate",
        "400",
        "--seed",
        "11",
        "--defect-share",
        "0.1",
        "--out",
        sheets.to_str().unwrap(),
        "--status-out",
        status.to_str().unwrap(),
    ];
    let r = run(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("400 synthetic sick-leave sheets"), "{}", r.stderr);
    assert!(r.stderr.contains("40 with one defect"), "{}", r.stderr);
    let text = std::fs::read_to_string(&sheets).unwrap();
    assert_eq!(text.lines().count(), 400);
    let service =
        ereje_sick_leave::FixtureStatusService::parse(&std::fs::read_to_string(&status).unwrap())
            .unwrap();
    let mut checker = Checker::new();
    let ctx = Context { status: Some(&service), ..Context::default() };
    let with_findings = text
        .lines()
        .filter(|line| {
            !checker
                .check(&WireSheet::from_slice(line.as_bytes()).unwrap(), &ctx)
                .findings
                .is_empty()
        })
        .count();
    assert_eq!(with_findings, 40);
    // The same N, seed and share: the same bytes.
    let first = ok(&["sick-leave", "--generate", "3", "--seed", "7"]);
    assert_eq!(first, ok(&["sick-leave", "--generate", "3", "--seed", "7"]));
    assert_ne!(first, ok(&["sick-leave", "--generate", "3", "--seed", "8"]));
    insta::assert_snapshot!("generate_3_seed_7", first);
}

#[test]
fn generate_options_are_checked() {
    let r = run(&["sick-leave", "--out", "x.ndjson"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--generate"), "{}", r.stderr);
    let r = run(&["sick-leave", "--generate", "3", "--defect-share", "-1"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(&["sick-leave", "--generate", "3", "--sheets", "fixtures/sick-leave/clean.ndjson"]);
    assert_eq!(r.code, 2);
}
