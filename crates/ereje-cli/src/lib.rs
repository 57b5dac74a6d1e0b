//! Command-line plumbing shared by the Ereje binaries, and only by them.
//!
//! This is the one library crate that does I/O: it opens input files, reads the clock for
//! "today", writes results in the contract's formats and maps outcomes to exit codes. Domain crates
//! never depend on it.
#![deny(missing_docs)]

pub mod input;
pub mod output;
pub mod params;

use std::io;

use chrono::{Duration, NaiveDate, Utc};

/// Exit status: nothing at or above the `--fail-on` severity.
pub const EXIT_OK: u8 = 0;
/// Exit status: a finding at or above the `--fail-on` severity.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage error, or an input that cannot be read (nothing processed).
pub const EXIT_USAGE: u8 = 2;

/// Today's date in Kazakhstan (the whole country is UTC+5 since 1 March 2024).
///
/// The only place the binaries read the clock; domain crates receive the date as an argument.
pub fn today() -> NaiveDate {
    #[allow(clippy::disallowed_methods)] // binaries may read the clock; this is the one place
    let now = Utc::now();
    (now + Duration::hours(5)).date_naive()
}

/// Whether an I/O error is a closed output pipe, after which a binary exits quietly.
pub fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// Formats the `--version` text: the program's version, then one line per built-in data set.
///
/// ```
/// let v = ereje_cli::long_version(&[("rules", "0.1.0".to_owned())]);
/// assert!(v.starts_with(env!("CARGO_PKG_VERSION")));
/// assert!(v.contains("\nrules: 0.1.0"));
/// ```
pub fn long_version(data: &[(&str, String)]) -> String {
    let mut s = env!("CARGO_PKG_VERSION").to_owned();
    for (k, v) in data {
        s.push('\n');
        s.push_str(k);
        s.push_str(": ");
        s.push_str(v);
    }
    s
}

/// The versions of the built-in data, one `--version` line each: rule catalogue, calendar
/// years, ICD-10 list.
pub fn data_versions() -> Vec<(&'static str, String)> {
    let cal = ereje_calendar::Calendar::builtin();
    let provisional: Vec<String> = cal
        .known_years()
        .into_iter()
        .filter(|&y| cal.is_provisional(y).unwrap_or(false))
        .map(|y| y.to_string())
        .collect();
    let mut years = cal.known_years_label().to_owned();
    if !provisional.is_empty() {
        years.push_str(&format!(" ({} provisional)", provisional.join(", ")));
    }
    vec![
        ("rules", ereje_findings::RULESET_VERSION.to_owned()),
        ("calendar years", years),
        ("icd-10", ereje_icd10::LIST_VERSION.to_owned()),
    ]
}
