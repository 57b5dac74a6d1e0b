//! Runs every file of `fixtures/sick-leave/` through a fresh checker and snapshots the results
//! (insta); checks that each rule's file fires its rule on some record and not on another, that
//! `clean.ndjson` has no finding, and that `routing.ndjson` stops at each step in turn.

use std::fs;
use std::path::{Path, PathBuf};

use ereje_findings::{Lang, Origin, RecordResult};
use ereje_sick_leave::{Checker, Context, FixtureStatusService, RULES, ResultExtra, WireSheet};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sick-leave")
}

fn run(name: &str) -> Vec<RecordResult<ResultExtra>> {
    let text = fs::read_to_string(dir().join(format!("{name}.ndjson")))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let status = fs::read_to_string(dir().join("status.txt")).unwrap_or_default();
    let service =
        FixtureStatusService::parse(&status).unwrap_or_else(|e| panic!("status.txt: {e}"));
    let mut checker = Checker::new();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let n = i as u64 + 1;
        let wire =
            WireSheet::from_slice(line.as_bytes()).unwrap_or_else(|e| panic!("{name}:{n}: {e}"));
        let ctx = Context { status: Some(&service), record: Some(n), ..Context::default() };
        let checked = checker.check(&wire, &ctx);
        // Every message fills its placeholders in every language.
        for f in &checked.findings {
            for lang in [Lang::Ru, Lang::Kk, Lang::En] {
                let m = f.message(lang);
                assert!(!m.contains('{'), "{name}:{n}: {m}");
            }
        }
        let origin = Origin { record: n, file: format!("{name}.ndjson"), line: n };
        out.push(checked.into_result(origin, Lang::En));
    }
    out
}

fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .and_then(|n| n.strip_suffix(".ndjson"))
                        .map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn every_fixture_file_matches_its_snapshot() {
    let names = fixture_names();
    assert!(names.len() > 40, "{names:?}");
    for name in names {
        let results = run(&name);
        insta::assert_json_snapshot!(name.clone(), results, { "[].ruleset" => "[ruleset]" });
    }
}

#[test]
fn each_rule_file_fires_its_rule_and_has_a_record_where_it_does_not() {
    for name in fixture_names().iter().filter(|n| *n != "clean" && *n != "routing") {
        let results = run(name);
        let fires = |r: &RecordResult<ResultExtra>| r.findings.iter().any(|f| f.rule == *name);
        assert!(results.iter().any(fires), "{name}: the rule never fires");
        assert!(!results.iter().all(fires), "{name}: no record where the rule does not fire");
    }
}

#[test]
fn every_rule_has_its_fixture_file() {
    let names = fixture_names();
    for rule in RULES {
        assert!(names.iter().any(|n| n == rule.id), "no fixture for {}", rule.id);
    }
}

#[test]
fn the_clean_file_has_no_finding() {
    for r in run("clean") {
        assert!(r.findings.is_empty(), "line {}: {:?}", r.line, r.findings);
        assert!(r.valid);
    }
}

#[test]
fn routing_stops_at_each_step() {
    let got: Vec<String> = run("routing")
        .iter()
        .map(|r| match r.extra.routing.and_then(|x| x.stopped_at()) {
            None if r.extra.routing.is_some() => "delivered".to_owned(),
            None => "none".to_owned(),
            Some(step) => serde_json::to_value(step)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        })
        .collect();
    assert_eq!(
        got,
        [
            "delivered",
            "delivered",
            "pilot_window",
            "delivered",
            "pilot_window",
            "delivered",
            "delivered",
            "pilot_window",
            "maternity",
            "bmc_attachment",
            "astana_residence",
            "first_polyclinic_department",
            "flk",
            "civil_servant_status",
            "status_service",
        ]
    );
}
