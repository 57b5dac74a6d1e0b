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
