//! Options every subject shares, and the run's failure modes.

use std::io;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use ereje_cli::output::Format;
use ereje_findings::{Lang, Severity, Summary};

/// Options shared by the record subjects.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Output format [default: human on a terminal, else ndjson].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Language of messages: ru, kk or en.
    #[arg(long, default_value = "ru", value_parser = parse_lang)]
    pub lang: Lang,
    /// Take the rules as of this date (YYYY-MM-DD) instead of the subject's own date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Choose a documented reading or parameter (repeatable): KEY=VALUE.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// The lowest severity that makes the exit status 1.
    #[arg(long, default_value = "error", value_parser = parse_severity)]
    pub fail_on: Severity,
    /// Write the run's summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Show personal data (ИИН, names) unmasked in human output.
    #[arg(long)]
    pub show_pii: bool,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse().map_err(|e: ereje_findings::ParseEnumError| e.to_string())
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse().map_err(|e: ereje_findings::ParseEnumError| e.to_string())
}

impl CommonArgs {
    /// The `--set KEY=VALUE` arguments as trimmed pairs, in order.
    pub fn set_pairs(&self) -> Result<Vec<(String, String)>, Failure> {
        self.set
            .iter()
            .map(|set| {
                set.split_once('=')
                    .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
                    .ok_or_else(|| Failure::Usage(format!("--set {set}: expected KEY=VALUE")))
            })
            .collect()
    }
}

/// Why a run stopped without a normal exit status.
#[derive(Debug)]
pub enum Failure {
    /// The reader of our output went away: exit quietly.
    BrokenPipe,
    /// Bad usage or unreadable input (exit status 2), with the message for stderr.
    Usage(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if ereje_cli::is_broken_pipe(&e) {
            Failure::BrokenPipe
        } else {
            Failure::Usage(e.to_string())
        }
    }
}

/// Writes the summary where asked: human text to stderr in the human format, JSON to `--summary`.
pub fn finish_summary(
    summary: &Summary,
    format: Format,
    path: Option<&PathBuf>,
) -> Result<(), Failure> {
    if format == Format::Human {
        eprint!("{}", ereje_cli::output::human_summary(summary));
    }
    if let Some(path) = path {
        let text =
            serde_json::to_string_pretty(summary).map_err(|e| Failure::Usage(e.to_string()))?;
        std::fs::write(path, text + "\n")
            .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

/// Which JSON Schema `--schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// The input (a value).
    Input,
    /// One result.
    Result,
}
