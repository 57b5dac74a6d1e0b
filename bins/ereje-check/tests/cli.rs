//! The `ereje-check` command line on the fixtures: stdout, stderr and the exit status, snapshotted.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `ereje-check` from the workspace root with `args` and optional stdin; returns a snapshot
/// text of the exit status, stdout and stderr.
fn run(args: &[&str], stdin: Option<&[u8]>) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ereje-check"))
        .args(args)
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    let out = child.wait_with_output().unwrap();
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn id_human_masks_numbers() {
    let out = run(
        &[
            "id",
            "--file",
            "fixtures/id/values.txt",
            "--format",
            "human",
            "--lang",
            "en",
            "--as-of",
            "2026-11-23",
        ],
        None,
    );
    assert!(!out.contains("900101400003"), "an ИИН leaked into human output");
    insta::assert_snapshot!(out);
}

#[test]
fn id_human_show_pii() {
    let out = run(
        &["id", "900101400003", "--format", "human", "--show-pii", "--as-of", "2026-11-23"],
        None,
    );
    assert!(out.contains("900101400003"));
}

#[test]
fn id_ndjson_from_file() {
    insta::assert_snapshot!(run(
        &[
            "id",
            "--file",
            "fixtures/id/values.txt",
            "--format",
            "ndjson",
            "--lang",
            "en",
            "--as-of",
            "2026-11-23"
        ],
        None
    ));
}

#[test]
fn id_stdin_bom_crlf_blank_lines_json() {
    let out = run(
        &[
            "id",
            "--format",
            "json",
            "--as-of",
            "2026-01-01",
            "--fail-on",
            "warning",
            "--lang",
            "kk",
        ],
        Some(b"\xef\xbb\xbf900101400003\r\n\r\n150340000015\r\n900101400004\r\n"),
    );
    insta::assert_snapshot!(out);
}

#[test]
fn id_fail_on_warning_sets_exit_1() {
    assert!(
        run(&["id", "900101400004", "--format", "json", "--fail-on", "warning"], None)
            .starts_with("exit: 1")
    );
    assert!(run(&["id", "900101400004", "--format", "json"], None).starts_with("exit: 0"));
    assert!(
        run(&["id", "900101400003", "--format", "json", "--fail-on", "warning"], None)
            .starts_with("exit: 0")
    );
}

#[test]
fn id_missing_file_is_exit_2_with_nothing_processed() {
    let out = run(&["id", "--file", "no/such/file.txt", "--format", "ndjson"], None);
    assert!(out.starts_with("exit: 2\n--- stdout\n--- stderr\n"), "{out}");
    assert!(out.contains("no/such/file.txt"));
}

#[test]
fn id_unknown_set_key_is_exit_2() {
    let out = run(&["id", "900101400003", "--set", "nope=1"], None);
    assert!(out.starts_with("exit: 2"), "{out}");
}

#[test]
fn id_summary_file() {
    let dir = std::env::temp_dir().join(format!("ereje-summary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("s.json");
    let out = run(
        &[
            "id",
            "900101400003",
            "900101400004",
            "--format",
            "json",
            "--summary",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.starts_with("exit: 0"));
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(s["records"], 2);
    assert_eq!(s["findings_by_rule"]["ID-CHECK-DIGIT"], 1);
}

#[test]
fn id_result_schema_lists_every_field_of_a_result() {
    let schema = run(&["id", "--schema", "result"], None);
    let schema: serde_json::Value = serde_json::from_str(
        schema.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap(),
    )
    .unwrap();
    let props = schema["properties"].as_object().unwrap();
    for value in ["900101400003", "150340000015", "9001"] {
        let out = run(&["id", value, "--format", "json", "--as-of", "2026-01-01"], None);
        let body = out.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap();
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        for key in v[0].as_object().unwrap().keys() {
            assert!(props.contains_key(key), "result field {key} missing from the schema");
        }
        for key in schema["required"].as_array().unwrap() {
            assert!(v[0].get(key.as_str().unwrap()).is_some(), "required {key} missing");
        }
    }
}

#[test]
fn rules_catalogue_json_for_id() {
    let out = run(&["rules", "id", "--format", "json"], None);
    let body = out.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap();
    let v: serde_json::Value = serde_json::from_str(body).unwrap();
    let ids: Vec<&str> = v.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"ID-CHECK-DIGIT") && ids.contains(&"ID-NEVER-ISSUED"), "{ids:?}");
    assert!(v.as_array().unwrap().iter().all(|r| r["subject"] == "id"));
}

#[test]
fn rules_unknown_subject_is_exit_2() {
    assert!(run(&["rules", "nope"], None).starts_with("exit: 2"));
}

fn stdout_of(out: &str) -> &str {
    out.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap()
}

#[test]
fn social_payment_human_on_fixtures() {
    insta::assert_snapshot!(run(
        &[
            "social-payment",
            "fixtures/social-payment/applications.ndjson",
            "--format",
            "human",
            "--lang",
            "en"
        ],
        None
    ));
}

#[test]
fn social_payment_ndjson_on_fixtures() {
    let out = run(
        &["social-payment", "fixtures/social-payment/applications.ndjson", "--format", "ndjson"],
        None,
    );
    assert!(out.starts_with("exit: 1"), "invalid applications make exit status 1");
    let lines: Vec<serde_json::Value> =
        stdout_of(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 11);
    assert_eq!(lines[0]["amount"]["gross"], "121500");
    assert_eq!(lines[0]["amount"]["net"], "109350");
    insta::assert_snapshot!(out);
}

#[test]
fn bad_records_each_get_one_input_result_and_reading_goes_on() {
    let out = run(
        &["social-payment", "fixtures/input/mixed.ndjson", "--format", "ndjson", "--lang", "en"],
        None,
    );
    let results: Vec<serde_json::Value> =
        stdout_of(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let lines: Vec<u64> = results.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [1, 3, 4, 5, 6]);
    let first_rule =
        |r: &serde_json::Value| r["findings"][0]["rule"].as_str().unwrap_or("").to_owned();
    assert_ne!(first_rule(&results[0]), "INPUT", "the BOM and CRLF line is read");
    for r in &results[1..] {
        assert_eq!(first_rule(r), "INPUT", "{r}");
        assert_eq!(r["valid"], false);
    }
    insta::assert_snapshot!(out);
}

#[test]
fn truncated_array_gives_input_for_the_rest_of_the_file() {
    let out = run(
        &[
            "social-payment",
            "fixtures/input/truncated-array.json",
            "fixtures/social-payment/applications.ndjson",
            "--format",
            "ndjson",
        ],
        None,
    );
    let results: Vec<serde_json::Value> =
        stdout_of(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(results.len(), 3 + 11, "the next file is still read");
    assert_eq!(results[2]["findings"][0]["rule"], "INPUT");
    assert_eq!(results[2]["line"], 4);
    assert_eq!(results[3]["record"], 4);
    assert_eq!(results[3]["file"], "fixtures/social-payment/applications.ndjson");
}

#[test]
fn a_missing_file_among_several_processes_nothing() {
    let out = run(
        &["social-payment", "fixtures/social-payment/applications.ndjson", "nope.ndjson"],
        None,
    );
    assert!(out.starts_with("exit: 2\n--- stdout\n--- stderr\n"), "{out}");
}

#[test]
fn social_payment_schemas_cover_the_records_and_results() {
    let input: serde_json::Value =
        serde_json::from_str(stdout_of(&run(&["social-payment", "--schema"], None))).unwrap();
    let result: serde_json::Value =
        serde_json::from_str(stdout_of(&run(&["social-payment", "--schema", "result"], None)))
            .unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/social-payment/applications.ndjson"
    ))
    .unwrap();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in v.as_object().unwrap().keys() {
            assert!(
                input["properties"].get(key).is_some(),
                "input field {key} missing from the schema"
            );
        }
    }
    let out = run(
        &["social-payment", "fixtures/social-payment/applications.ndjson", "--format", "json"],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(stdout_of(&out)).unwrap();
    for r in v.as_array().unwrap() {
        for key in r.as_object().unwrap().keys() {
            assert!(
                result["properties"].get(key).is_some(),
                "result field {key} missing from the schema"
            );
        }
    }
}

#[test]
fn mse_fixtures_snapshots() {
    for file in ["valid", "missing-exams", "edge", "input-errors"] {
        let path = format!("fixtures/mse/{file}.ndjson");
        let out = run(&["mse", &path, "--format", "ndjson", "--lang", "en"], None);
        insta::assert_snapshot!(format!("mse_{file}"), out);
    }
}

#[test]
fn mse_human_and_unsignable_exit_status() {
    let out = run(
        &["mse", "fixtures/mse/missing-exams.ndjson", "--format", "human", "--lang", "en"],
        None,
    );
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(out.contains("signable=false"));
    let ok = run(&["mse", "fixtures/mse/valid.ndjson", "--format", "json"], None);
    assert!(ok.starts_with("exit: 0"), "{ok}");
    let v: serde_json::Value = serde_json::from_str(stdout_of(&ok)).unwrap();
    assert!(v.as_array().unwrap().iter().all(|r| r["signable"] == true && r["valid"] == true));
}

#[test]
fn mse_set_reading_is_echoed_in_summary_and_bad_key_is_exit_2() {
    let dir = std::env::temp_dir().join(format!("ereje-mse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("s.json");
    let out = run(
        &[
            "mse",
            "fixtures/mse/valid.ndjson",
            "--format",
            "json",
            "--set",
            "schedule.reading=by-mis-vendor",
            "--summary",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.starts_with("exit: 2"), "{out}");
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(s["parameters"]["schedule.reading"], "by-mis-vendor");
    assert!(
        run(&["mse", "fixtures/mse/valid.ndjson", "--set", "no.such=1"], None)
            .starts_with("exit: 2")
    );
}

fn results(out: &str) -> Vec<serde_json::Value> {
    stdout_of(out).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn sick_leave_clean_human_masks_the_patient() {
    let out = run(
        &["sick-leave", "fixtures/sick-leave/clean.ndjson", "--format", "human", "--lang", "en"],
        None,
    );
    assert!(out.starts_with("exit: 0"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn sick_leave_routing_with_status_answers() {
    let out = run(
        &[
            "sick-leave",
            "fixtures/sick-leave/routing.ndjson",
            "--status",
            "fixtures/sick-leave/status.txt",
            "--format",
            "ndjson",
        ],
        None,
    );
    let rs = results(&out);
    assert!(rs.iter().any(|r| r["routing"]["outcome"] == "delivered"));
    assert!(rs.iter().any(|r| r["routing"]["step"] == "maternity"));
    insta::assert_snapshot!(out);
}

#[test]
fn sick_leave_csv_layout_gives_the_same_results_as_json() {
    let json = results(&run(
        &["sick-leave", "fixtures/sick-leave/clean.ndjson", "--format", "ndjson"],
        None,
    ));
    let csv = results(&run(
        &["sick-leave", "--input", "csv", "fixtures/sick-leave/clean.csv", "--format", "ndjson"],
        None,
    ));
    assert_eq!(json.len(), csv.len());
    for (j, c) in json.iter().zip(&csv) {
        for key in ["id", "valid", "findings", "routing", "as_of"] {
            assert_eq!(j[key], c[key], "{key} differs for {}", j["id"]);
        }
        assert_eq!(
            c["line"].as_u64().unwrap(),
            j["line"].as_u64().unwrap() + 1,
            "the CSV header is line 1"
        );
    }
}

#[test]
fn sick_leave_rule_fixtures_fire_through_the_cli() {
    for rule in ["SL-002", "SL-010", "SL-020", "SL-030"] {
        let out = run(
            &["sick-leave", &format!("fixtures/sick-leave/{rule}.ndjson"), "--format", "ndjson"],
            None,
        );
        let fired = results(&out)
            .iter()
            .any(|r| r["findings"].as_array().unwrap().iter().any(|f| f["rule"] == rule));
        assert!(fired, "{rule} did not fire: {out}");
    }
}

#[test]
fn sick_leave_result_schema_covers_results() {
    let schema: serde_json::Value =
        serde_json::from_str(stdout_of(&run(&["sick-leave", "--schema", "result"], None))).unwrap();
    let _input: serde_json::Value =
        serde_json::from_str(stdout_of(&run(&["sick-leave", "--schema"], None))).unwrap();
    let out = run(
        &[
            "sick-leave",
            "fixtures/sick-leave/routing.ndjson",
            "--status",
            "fixtures/sick-leave/status.txt",
            "--format",
            "ndjson",
        ],
        None,
    );
    for r in results(&out) {
        for key in r.as_object().unwrap().keys() {
            assert!(
                schema["properties"].get(key).is_some(),
                "result field {key} missing from the schema"
            );
        }
    }
}

#[test]
fn register_snapshots_masked_and_json() {
    let out = run(
        &[
            "register",
            "fixtures/register/workers.ndjson",
            "--as-of",
            "2025-12-01",
            "--format",
            "human",
            "--lang",
            "en",
        ],
        None,
    );
    assert!(!out.contains("900101400013"), "an ИИН leaked into human output");
    insta::assert_snapshot!(out);
    let json = run(
        &[
            "register",
            "fixtures/register/workers.ndjson",
            "--as-of",
            "2025-12-01",
            "--format",
            "ndjson",
        ],
        None,
    );
    assert_eq!(results(&json).len(), 5);
}

#[test]
fn register_events_mode_one_result_per_event_in_order() {
    let out = run(
        &[
            "register",
            "--events",
            "fixtures/register/events.ndjson",
            "--as-of",
            "2025-12-01",
            "--format",
            "ndjson",
            "--lang",
            "en",
        ],
        None,
    );
    let rs = results(&out);
    let records: Vec<u64> = rs.iter().map(|r| r["record"].as_u64().unwrap()).collect();
    assert_eq!(records, (1..=rs.len() as u64).collect::<Vec<_>>());
    assert!(rs.iter().any(|r| r["worker_state"] == true));
    insta::assert_snapshot!(out);
}

#[test]
fn register_with_certificate_list() {
    let out = run(
        &[
            "register",
            "fixtures/register/workers.ndjson",
            "--certificates",
            "fixtures/register/certificates.ndjson",
            "--as-of",
            "2025-12-01",
            "--format",
            "ndjson",
        ],
        None,
    );
    assert!(!out.starts_with("exit: 2"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn register_monthly_report_formats() {
    for format in ["human", "json", "csv"] {
        let out = run(
            &[
                "register",
                "--report",
                "monthly",
                "--period",
                "2025-11",
                "fixtures/register/events.ndjson",
                "--format",
                format,
                "--lang",
                "en",
            ],
            None,
        );
        assert!(out.starts_with("exit: 0"), "{out}");
        insta::assert_snapshot!(format!("register_monthly_{format}"), out);
    }
    let q = run(
        &[
            "register",
            "--report",
            "quarterly",
            "--period",
            "2025-Q4",
            "fixtures/register/events.ndjson",
            "--format",
            "json",
        ],
        None,
    );
    assert!(q.starts_with("exit: 0"), "{q}");
    assert!(
        run(
            &[
                "register",
                "--report",
                "monthly",
                "--period",
                "2025-13",
                "fixtures/register/events.ndjson"
            ],
            None
        )
        .starts_with("exit: 2")
    );
    assert!(
        run(&["register", "--report", "monthly", "--period", "2025-11", "no/such.ndjson"], None)
            .starts_with("exit: 2")
    );
}

#[test]
fn csv_format_is_refused_for_record_results() {
    assert!(
        run(&["register", "fixtures/register/workers.ndjson", "--format", "csv"], None)
            .starts_with("exit: 2")
    );
    assert!(run(&["id", "900101400003", "--format", "csv"], None).starts_with("exit: 2"));
}

#[test]
fn sick_leave_bad_records_each_get_one_input_result_and_reading_goes_on() {
    let out = run(
        &[
            "sick-leave",
            "fixtures/input/sick-leave-mixed.ndjson",
            "--format",
            "ndjson",
            "--lang",
            "en",
        ],
        None,
    );
    let rs = results(&out);
    let lines: Vec<u64> = rs.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [1, 3, 4, 5]);
    assert_eq!(rs[0]["valid"], true, "the BOM and CRLF line is read: {}", rs[0]);
    for r in &rs[1..] {
        assert_eq!(r["findings"][0]["rule"], "INPUT", "{r}");
    }
    assert_eq!(rs[2]["findings"][0]["path"], "/number", "a wrong type names its field");
    let arr = results(&run(
        &["sick-leave", "fixtures/input/sick-leave-truncated.json", "--format", "ndjson"],
        None,
    ));
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[0]["valid"], true);
    assert_eq!(arr[1]["findings"][0]["rule"], "INPUT");
}
