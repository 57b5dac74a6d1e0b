//! Integration tests of `ereje-sim`: the built binary run as a user runs it (from the repository
//! root, so fixture paths in messages are stable), its standard output, standard error, exit
//! status and the files it writes.

mod common;

use std::path::PathBuf;

use common::*;

fn json(args: &[&str]) -> serde_json::Value {
    one_json(&ok(args))
}

/// A short run of the built-in scenario: two replications over March 2025 (two weeks of warm-up).
const SHORT: &[&str] =
    &["social-payment", "--replications", "2", "--from", "2025-03-03", "--to", "2025-03-31"];

fn with<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    base.iter().chain(more).copied().collect()
}

/// A file in the test's temporary folder.
fn temp(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

#[test]
fn default_scenario_table() {
    let out = ok(&with(SHORT, &["--format", "table"]));
    assert!(
        out.starts_with(
            "ereje-sim social-payment: the Aktobe procedure applied to 2025 volumes (assumption)\n"
        ),
        "{out}"
    );
    for title in [
        "Cases by channel and outcome",
        "Lead time in working days by channel",
        "Steps: norm compliance",
        "Roles: waiting, utilisation, queues",
        "Queue length at the end of each working day",
        "Assumptions",
    ] {
        assert!(out.contains(title), "{title}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn default_scenario_json() {
    let v = json(&with(SHORT, &["--format", "json"]));
    assert_eq!(v["process"], "social-payment");
    assert_eq!(v["label"], "the Aktobe procedure applied to 2025 volumes (assumption)");
    assert_eq!(v["replications"], 2);
    assert_eq!(v["parameters"]["run.start"], "2025-03-03");
    assert!(v["kpis"]["lead_time"]["all"]["completed"]["ci95"].is_array());
    insta::assert_json_snapshot!(v);
}

/// The whole built-in scenario, as shipped: the structure of the contract, not the numbers.
#[test]
fn full_default_run_has_the_contract_fields() {
    let v = json(&["social-payment"]);
    for key in ["process", "seed", "replications", "cases", "events", "kpis", "label", "parameters"]
    {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["process"], "social-payment");
    assert_eq!(v["start"], "2025-01-01");
    assert_eq!(v["end"], "2025-12-31");
    assert_eq!(v["parameters"], serde_json::json!({}));
    let reps = v["replications"].as_u64().unwrap();
    assert!(reps >= 1);
    let cases = v["cases"].as_u64().unwrap();
    let events = v["events"].as_u64().unwrap();
    assert!(cases > 1000 && events > cases, "{cases} cases, {events} events");
    let ci = &v["kpis"]["lead_time"]["all"]["completed"]["ci95"];
    assert_eq!(ci.is_null(), reps < 2, "{ci}");
    // Every arrival ends in one outcome or is in progress at the horizon.
    let all = &v["kpis"]["cases"]["all"];
    let ended: f64 =
        all["outcomes"].as_object().unwrap().values().map(|e| e["mean"].as_f64().unwrap()).sum();
    let total = ended + all["in_progress"]["mean"].as_f64().unwrap();
    assert!((total - all["arrived"]["mean"].as_f64().unwrap()).abs() < 1e-6);
    assert!(!v["assumptions"].as_array().unwrap().is_empty());
    assert!(v["kpis"]["queue_series"].as_array().unwrap().len() > 200);
}

#[test]
fn one_replication_has_no_confidence_intervals() {
    let v = json(&[
        "social-payment",
        "--replications",
        "1",
        "--from",
        "2025-03-03",
        "--to",
        "2025-03-31",
    ]);
    assert!(v["kpis"]["lead_time"]["all"]["completed"]["ci95"].is_null());
    assert!(
        v["kpis"]["roles"]
            .as_object()
            .unwrap()
            .values()
            .all(|r| r["utilisation"]["ci95"].is_null())
    );
}

#[test]
fn output_is_byte_identical_across_runs_and_thread_counts() {
    let args = [
        "social-payment",
        "--replications",
        "3",
        "--from",
        "2025-03-03",
        "--to",
        "2025-04-11",
        "--format",
        "json",
    ];
    let a = ok(&with(&args, &["--threads", "1"]));
    let b = ok(&with(&args, &["--threads", "2"]));
    let c = ok(&with(&args, &["--threads", "2"]));
    assert_eq!(a, b, "--threads 1 vs --threads 2");
    assert_eq!(b, c, "two identical runs");
    let table_1 = ok(&with(&args[..7], &["--format", "table", "--threads", "1"]));
    let table_2 = ok(&with(&args[..7], &["--format", "table", "--threads", "2"]));
    assert_eq!(table_1, table_2);
    // And a different seed changes it.
    let d = ok(&with(&args, &["--seed", "99"]));
    assert_ne!(a, d);
}

#[test]
fn without_format_a_pipe_gets_json() {
    let out = ok(&[
        "social-payment",
        "--replications",
        "1",
        "--from",
        "2025-03-03",
        "--to",
        "2025-03-31",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["process"], "social-payment");
}

/// Every bad-scenario fixture: exit 2, nothing on stdout, and a message with the file, the line
/// and the key.
#[test]
fn bad_scenarios_name_file_line_and_key() {
    let cases: &[(&str, &str, &str)] = &[
        ("unknown-key", ":19:", "process.roles.executor.shift"),
        ("unknown-step-key", ":31:", "process.steps[1].colour"),
        ("negative-staff", ":18:", "process.roles.executor.staff"),
        ("probability-above-one", ":39:", "process.steps[2].branches[0].probability"),
        (
            "staffed-step-without-role",
            ":28:",
            "process.steps[1]: staffed step `examine` has no role",
        ),
        ("cycle-without-exit", ":28:", "process.steps[1]: no terminal step can be reached"),
    ];
    let mut all = String::new();
    for (name, line, key) in cases {
        let file = format!("fixtures/social-payment/bad/{name}.toml");
        let r = run(&["social-payment", "--scenario", &file]);
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{name}");
        assert!(r.stderr.contains(&format!("{file}{line}")), "{name}: {}", r.stderr);
        assert!(r.stderr.contains(key), "{name}: {}", r.stderr);
        all.push_str(&format!("$ ereje-sim social-payment --scenario {file}\n{}\n", r.stderr));
    }
    let found: Vec<_> = std::fs::read_dir(root().join("fixtures/social-payment/bad"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "toml"))
        .collect();
    assert_eq!(found.len(), cases.len(), "every fixture is tested");
    insta::assert_snapshot!(all);
}

#[test]
fn set_overrides_a_known_key_and_rejects_an_unknown_one() {
    let base = [
        "social-payment",
        "--replications",
        "1",
        "--from",
        "2025-03-03",
        "--to",
        "2025-03-31",
        "--format",
        "json",
    ];
    let before = json(&base);
    let role = before["model"]["roles"].as_object().unwrap().keys().next().unwrap().clone();
    let staff = before["model"]["roles"][&role]["staff"].as_i64().unwrap();
    let key = format!("process.roles.{role}.staff={}", staff + 5);
    let after = json(&with(&base, &["--set", &key, "--set", "run.seed=7"]));
    assert_eq!(after["model"]["roles"][&role]["staff"], staff + 5);
    assert_eq!(after["seed"], 7);
    assert_eq!(after["parameters"][format!("process.roles.{role}.staff")], staff + 5);
    assert_eq!(after["parameters"]["run.seed"], 7);

    let cases: &[(&str, &str)] = &[
        ("process.roles.nobody.staff=3", "unknown key `nobody` in process.roles"),
        (&format!("process.roles.{role}.staf=3"), "unknown field `staf`"),
        ("run.seed=seven", "run.seed expects an integer"),
        ("sources.99.rate_per_working_day=1", "`99` is not one of them"),
        ("run.seed", "expected KEY=VALUE"),
        (&format!("process.roles.{role}.staff=-1"), "expected at least 1"),
    ];
    for (set, message) in cases {
        let r = run(&with(&base, &["--set", set]));
        assert_eq!(r.code, 2, "{set}");
        assert!(r.stderr.contains(message), "{set}: {}", r.stderr);
        assert!(
            r.stderr.contains(set.split('=').next().unwrap()),
            "{set}: names the key: {}",
            r.stderr
        );
    }
}

#[test]
fn the_department_procedure_switch_is_a_setting() {
    let base = [
        "social-payment",
        "--replications",
        "1",
        "--from",
        "2025-03-03",
        "--to",
        "2025-04-25",
        "--format",
        "json",
    ];
    let off = json(&base);
    let on = json(&with(&base, &["--set", "department_procedure=yes"]));
    assert_eq!(on["parameters"]["department_procedure"], "yes");
    let note = |v: &serde_json::Value, s: &str| {
        v["assumptions"].as_array().unwrap().iter().any(|a| a.as_str().unwrap().starts_with(s))
    };
    assert!(note(&off, "department_procedure = no"));
    assert!(note(&on, "department_procedure = yes"));
    // More cases pass through the department's examination when the switch is on.
    let visits = |v: &serde_json::Value| {
        v["kpis"]["steps"]["d_examine"]["completed"]["mean"].as_f64().unwrap()
    };
    assert!(visits(&on) > visits(&off), "{} vs {}", visits(&on), visits(&off));
    let r = run(&with(&base, &["--set", "department_procedure=maybe"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--set department_procedure=maybe"), "{}", r.stderr);
}

/// The term of the 2019 law applies as the law inside its window (2020 – June 2023) and as an
/// assumption outside it; --from/--to move the built-in scenario's window.
#[test]
fn the_term_follows_the_window() {
    let inside = json(&[
        "social-payment",
        "--replications",
        "1",
        "--from",
        "2023-02-01",
        "--to",
        "2023-03-31",
        "--format",
        "json",
    ]);
    assert_eq!(inside["model"]["term"]["assumed"], false);
    let outside = json(&with(SHORT, &["--format", "json"]));
    assert_eq!(outside["model"]["term"]["assumed"], true);
}

#[test]
fn cases_out_has_one_row_per_case() {
    let csv = temp("cases.csv");
    let ndjson = temp("cases.ndjson");
    let args = [
        "social-payment",
        "--replications",
        "2",
        "--from",
        "2025-03-03",
        "--to",
        "2025-03-31",
        "--format",
        "json",
    ];
    let v = json(&with(&args, &["--cases-out", csv.to_str().unwrap()]));
    let cases = v["cases"].as_u64().unwrap() as usize;
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("replication,id,source,"));
    assert_eq!(lines.count(), cases);

    let w = json(&with(&args, &["--cases-out", ndjson.to_str().unwrap()]));
    assert_eq!(v, w, "writing cases does not change the KPIs");
    let text = std::fs::read_to_string(&ndjson).unwrap();
    assert_eq!(text.lines().count(), cases);
    for line in text.lines() {
        let c: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(c["id"].is_string() && c["path"].is_array());
    }

    let r = run(&with(&args, &["--cases-out", temp("cases.txt").to_str().unwrap()]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(".csv or .ndjson"), "{}", r.stderr);
}

#[test]
fn report_is_a_self_contained_html_file() {
    let path = temp("report.html");
    ok(&with(SHORT, &["--format", "json", "--report", path.to_str().unwrap()]));
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<title>ereje-sim social-payment: the Aktobe procedure applied to 2025 volumes (assumption)</title>"));
    assert!(html.matches("<svg").count() >= 4, "charts");
    for needle in ["<script", "<link", "<img", "@import", "url(", "src=", "href="] {
        assert!(!html.contains(needle), "{needle}");
    }
    // The only URL is the SVG namespace, which is a name, not a reference.
    let urls = html.matches("http://").count() + html.matches("https://").count();
    assert_eq!(urls, html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count());
    let again = temp("report-again.html");
    ok(&with(SHORT, &["--format", "json", "--report", again.to_str().unwrap()]));
    assert!(html == std::fs::read_to_string(&again).unwrap(), "reports are reproducible");
}

#[test]
fn years_outside_the_calendar_need_a_calendar_file() {
    let r = run(&[
        "social-payment",
        "--from",
        "2030-01-01",
        "--to",
        "2030-01-31",
        "--set",
        "run.warm_up_days=0",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("2030-01-01") && r.stderr.contains("2023–2027"), "{}", r.stderr);
    assert!(r.stderr.contains("--calendar"), "{}", r.stderr);

    let cal = temp("years.toml");
    std::fs::write(&cal, "[[year]]\nyear = 2028\nprovisional = true\nkurban_ait = 2028-05-05\n")
        .unwrap();
    let r = run(&[
        "social-payment",
        "--calendar",
        cal.to_str().unwrap(),
        "--from",
        "2028-03-01",
        "--to",
        "2028-03-31",
        "--set",
        "run.warm_up_days=0",
        "--replications",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["calendar"]["provisional_years"], serde_json::json!([2028]));
    assert!(r.stderr.contains("provisional"), "{}", r.stderr);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["social-payment", "--replications", "0"][..],
        &["social-payment", "--from", "2025-02-30"],
        &["social-payment", "--format", "xml"],
        &["social-payment", "--scenario", "no/such/file.toml"],
        &["flying"],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(r.stdout, "", "{args:?}");
    }
}

#[test]
fn help_has_examples_and_version_has_data_versions() {
    let help = ok(&["--help"]);
    assert!(help.contains("Examples:") && help.contains("social-payment"), "{help}");
    let help = ok(&["social-payment", "--help"]);
    for opt in [
        "--scenario",
        "--seed",
        "--replications",
        "--from",
        "--to",
        "--set",
        "--cases-out",
        "--format",
        "--report",
        "--calendar",
        "--threads",
    ] {
        assert!(help.contains(opt), "{opt}");
    }
    let version = ok(&["--version"]);
    assert!(version.contains("calendar years: 2023–2027"), "{version}");
}

#[test]
fn print_scenario_round_trips() {
    let text = ok(&["social-payment", "--print-scenario"]);
    let path = temp("printed.toml");
    std::fs::write(&path, &text).unwrap();
    let a = ok(&with(SHORT, &["--format", "json"]));
    let mut args = SHORT.to_vec();
    let p = path.to_str().unwrap();
    args.extend(["--scenario", p, "--format", "json"]);
    let b: serde_json::Value = serde_json::from_str(&ok(&args)).unwrap();
    let a: serde_json::Value = serde_json::from_str(&a).unwrap();
    assert_eq!(a["kpis"], b["kpis"], "the printed scenario is the built-in one");
    let edited = ok(&["social-payment", "--print-scenario", "--set", "run.seed=5"]);
    assert!(edited.starts_with("# fixtures/social-payment/default.toml with --set run.seed=5\n"));
    assert!(edited.contains("seed = 5"));
}
