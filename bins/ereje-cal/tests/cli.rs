//! Integration tests of `ereje-cal`: the built binary run as a user runs it, its standard
//! output and its exit status, for every subcommand and the error cases of the contract.

use std::path::PathBuf;
use std::process::Command;

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn run(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_ereje-cal")).args(args).output().unwrap();
    Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn json(args: &[&str]) -> serde_json::Value {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1, "one object: {}", r.stdout);
    serde_json::from_str(&r.stdout).unwrap()
}

/// A calendar file in the test's temporary folder.
fn calendar_file(name: &str, text: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn year_2025_human() {
    let r = run(&["year", "2025"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("2025: 246 working days"));
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn year_2025_json() {
    let v = json(&["year", "2025", "--format", "json"]);
    assert_eq!(v["answer"]["working_days"], 246);
    assert_eq!(v["provisional"], false);
    insta::assert_json_snapshot!(v);
}

#[test]
fn year_2027_is_provisional() {
    let r = run(&["year", "2027"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("status: PROVISIONAL"), "{}", r.stdout);
    assert_eq!(json(&["--format", "json", "year", "2027"])["provisional"], true);
}

/// Every subcommand, and the error cases: the command line, the exit status and stdout.
#[test]
fn answers_and_exit_codes() {
    let cases: &[(&[&str], i32, &str)] = &[
        (&["is-working", "2025-01-03"], 0, "false\n"),
        (&["is-working", "2025-01-05"], 0, "true\n"),
        (&["is-working", "2026-08-31"], 0, "true\n"),
        (&["add", "2024-12-27", "5"], 0, "2025-01-08\n"),
        (&["add", "2024-05-06", "1"], 0, "2024-05-10\n"),
        (&["between", "2025-01-01", "2025-12-31"], 0, "246\n"),
        (&["between", "2025-01-04", "2025-01-04"], 0, "0\n"),
        (
            &["deadline", "2025-06-13T15:59:59", "--working-days", "1", "--cutoff", "16:00"],
            0,
            "2025-06-13\n",
        ),
        (
            &["deadline", "2025-06-13T16:00", "--working-days", "1", "--cutoff", "16:00"],
            0,
            "2025-06-13\n",
        ),
        (
            &["deadline", "2025-06-13T16:00:01", "--working-days", "1", "--cutoff", "16:00"],
            0,
            "2025-06-16\n",
        ),
        (&["deadline", "2025-06-13T10:00", "--working-days", "1"], 0, "2025-06-16\n"),
        (
            &["deadline", "2024-05-04T09:00", "--working-days", "2", "--cutoff", "16:00"],
            0,
            "2024-05-06\n",
        ),
        // 12:00 UTC is 18:00 in Astana (UTC+6), 17:00 in Aktobe (UTC+5), before 1 March 2024.
        (
            &["deadline", "2024-02-29T12:00:00Z", "--working-days", "1", "--cutoff", "17:30"],
            0,
            "2024-03-01\n",
        ),
        (
            &[
                "deadline",
                "2024-02-29T12:00:00Z",
                "--working-days",
                "1",
                "--cutoff",
                "17:30",
                "--territory",
                "aktobe",
            ],
            0,
            "2024-02-29\n",
        ),
        // Errors: exit 2, nothing on stdout.
        (&["is-working", "2031-01-01"], 2, ""),
        (&["is-working", "2022-12-31"], 2, ""),
        (&["is-working", "2025-02-29"], 2, ""),
        (&["is-working", "03.01.2025"], 2, ""),
        (&["add", "2025-01-01", "0"], 2, ""),
        (&["add", "2025-01-01", "-1"], 2, ""),
        (&["add", "2027-12-30", "2"], 2, ""),
        (&["between", "2025-02-01", "2025-01-01"], 2, ""),
        (&["between", "2022-12-01", "2023-01-31"], 2, ""),
        (&["deadline", "2025-06-13T16:00", "--working-days", "0"], 2, ""),
        (&["deadline", "2025-06-13 16:00", "--working-days", "1"], 2, ""),
        (&["deadline", "2025-06-13T16:00", "--working-days", "1", "--cutoff", "4pm"], 2, ""),
        (&["deadline", "2025-06-13T16:00", "--working-days", "1", "--territory", "almaty"], 2, ""),
        (&["year", "2031"], 2, ""),
        (&["--calendar", "/nonexistent/ereje-calendar.toml", "year", "2025"], 2, ""),
        (&["frobnicate"], 2, ""),
    ];
    let mut transcript = String::new();
    for (args, code, stdout) in cases {
        let r = run(args);
        assert_eq!(r.code, *code, "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, *stdout, "{args:?}");
        if *code == 2 {
            assert!(r.stderr.starts_with("error: "), "{args:?}: {}", r.stderr);
        }
        transcript.push_str(&format!(
            "$ ereje-cal {}\n[exit {}]\n{}",
            args.join(" "),
            r.code,
            r.stdout
        ));
        if *code != 0 {
            transcript.push_str(&format!("stderr: {}\n", r.stderr.lines().next().unwrap_or("")));
        }
    }
    insta::assert_snapshot!(transcript);
}

#[test]
fn json_answers_carry_inputs_and_provisional() {
    let v = json(&["--format", "json", "add", "2026-12-31", "1"]);
    assert_eq!(
        v,
        serde_json::json!({
            "command": "add", "date": "2026-12-31", "n": 1, "answer": "2027-01-05", "provisional": true
        })
    );
    let v = json(&["between", "2025-01-01", "2025-01-31", "--format", "json"]);
    assert_eq!(
        v,
        serde_json::json!({
            "command": "between", "from": "2025-01-01", "to": "2025-01-31", "answer": 20, "provisional": false
        })
    );
    let v = json(&["is-working", "2025-01-03", "--format", "json"]);
    assert_eq!(v["answer"], false);
    assert_eq!(v["reasons"][0]["kind"], "transfer_off");
    let v = json(&[
        "deadline",
        "2024-02-29T12:00:00Z",
        "--working-days",
        "2",
        "--cutoff",
        "17:30",
        "--format",
        "json",
    ]);
    assert_eq!(
        v,
        serde_json::json!({
            "command": "deadline", "datetime": "2024-02-29T12:00:00Z", "territory": "astana",
            "local": "2024-02-29T18:00:00", "working_days": 2, "cutoff": "17:30", "reading": "cutoff",
            "first_day": "2024-03-01", "answer": "2024-03-04", "provisional": false
        })
    );
    let v = json(&["deadline", "2025-06-13T10:00", "--working-days", "1", "--format", "json"]);
    assert_eq!(v["reading"], "general");
    assert_eq!(v["cutoff"], serde_json::Value::Null);
}

#[test]
fn provisional_human_answers_note_it_on_stderr() {
    let r = run(&["is-working", "2027-01-04"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, "false\n"));
    assert!(r.stderr.contains("provisional"), "{}", r.stderr);
    let r = run(&["is-working", "2026-01-05"]);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn calendar_file_adds_a_year() {
    let path = calendar_file(
        "cal-2028.toml",
        "[[year]]\nyear = 2028\nprovisional = true\nkurban_ait = 2028-05-05\n",
    );
    let path = path.to_str().unwrap();
    assert_eq!(run(&["--calendar", path, "is-working", "2028-01-03"]).stdout, "false\n");
    assert_eq!(run(&["add", "2027-12-30", "2", "--calendar", path]).stdout, "2028-01-05\n");
    let r = run(&["--calendar", path, "year", "2028"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("status: PROVISIONAL"));
}

#[test]
fn broken_calendar_file_is_exit_2_with_its_name() {
    let path = calendar_file("cal-bad.toml", "[[year]]\nyear = 2028\n");
    let r = run(&["--calendar", path.to_str().unwrap(), "year", "2025"]);
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));
    assert!(
        r.stderr.contains("cal-bad.toml") && r.stderr.contains("kurban_ait is missing"),
        "{}",
        r.stderr
    );
    let r = run(&["--calendar", "/nonexistent/x.toml", "year", "2025"]);
    assert!(
        r.stderr.starts_with("error: cannot read calendar file /nonexistent/x.toml"),
        "{}",
        r.stderr
    );
}

#[test]
fn version_lists_the_data() {
    let r = run(&["--version"]);
    assert_eq!(r.code, 0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.first().copied(), Some(concat!("ereje-cal ", env!("CARGO_PKG_VERSION"))));
    assert!(lines.contains(&"calendar years: 2023–2027 (2027 provisional)"), "{}", r.stdout);
    assert!(lines.iter().any(|l| l.starts_with("rules: ")), "{}", r.stdout);
}

#[test]
fn help_has_examples() {
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("Examples:") && r.stdout.contains("ereje-cal deadline"),
        "{}",
        r.stdout
    );
}
