//! What the `ereje-sim` integration tests share: running the built binary from the repository root
//! (so fixture paths in messages are stable) and reading its output.
#![allow(dead_code)] // each test target uses a part

use std::path::{Path, PathBuf};
use std::process::Command;

/// One run of the binary.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `ereje-sim args` from the repository root.
pub fn run(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_ereje-sim"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// The standard output of a run that must succeed.
pub fn ok(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

/// The one JSON object a JSON run prints, on one line.
pub fn one_json(out: &str) -> serde_json::Value {
    assert_eq!(out.lines().count(), 1, "one JSON object on one line");
    serde_json::from_str(out).unwrap()
}

/// The JSON of a run that must succeed, `--format json` added.
pub fn json_format(args: &[&str]) -> serde_json::Value {
    one_json(&ok(&[args, &["--format", "json"]].concat()))
}
