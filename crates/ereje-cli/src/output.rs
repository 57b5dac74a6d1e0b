//! Writing per-record results in the contract's formats (`human`, `json`, `ndjson`), keeping the
//! run's [`Summary`] and deciding the exit status.

use std::io::{self, IsTerminal, Write};

use ereje_findings::{Lang, RecordResult, Severity, Summary};
use serde::Serialize;

/// The output format of record results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable text; personal data masked unless `--show-pii`.
    Human,
    /// One JSON array.
    Json,
    /// One JSON object per input record, flushed as it goes.
    Ndjson,
    /// Comma-separated values: reports only (e.g. `ereje-check register --report`).
    Csv,
}

impl Format {
    /// The contract's default for record results: `human` on a terminal, else `ndjson`.
    pub fn default_for_records() -> Format {
        if io::stdout().is_terminal() { Format::Human } else { Format::Ndjson }
    }
}

/// Writes results one by one and counts them.
#[derive(Debug)]
pub struct ResultSink<W: Write> {
    out: W,
    format: Format,
    written: u64,
    summary: Summary,
    lang: Lang,
}

impl<W: Write> ResultSink<W> {
    /// A sink writing `format` to `out`; `summary` starts the counts (subject, parameters).
    pub fn new(out: W, format: Format, lang: Lang, summary: Summary) -> ResultSink<W> {
        ResultSink { out, format, written: 0, summary, lang }
    }

    /// The language of human messages.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Writes one result. `human` renders the header line for the human format (the subject
    /// decides what to show and masks personal data there).
    ///
    /// # Errors
    /// Write errors (a broken pipe among them).
    pub fn write<E: Serialize>(
        &mut self,
        result: &RecordResult<E>,
        human: impl FnOnce() -> String,
    ) -> io::Result<()> {
        self.summary.add(result);
        match self.format {
            Format::Ndjson => {
                serde_json::to_writer(&mut self.out, result)?;
                self.out.write_all(b"\n")?;
                self.out.flush()?;
            }
            Format::Json => {
                self.out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer(&mut self.out, result)?;
            }
            Format::Csv => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "--format csv is for reports only",
                ));
            }
            Format::Human => {
                let mark = match result.max_severity() {
                    None => "ok",
                    Some(Severity::Info) => "ok (info)",
                    Some(Severity::Warning) => "warnings",
                    Some(Severity::Error) => "ERRORS (invalid)",
                };
                writeln!(
                    self.out,
                    "#{} {}:{}  {}  {}",
                    result.record,
                    result.file,
                    result.line,
                    human(),
                    mark
                )?;
                for f in &result.findings {
                    let path = if f.path.is_empty() { "(record)" } else { f.path.as_str() };
                    writeln!(
                        self.out,
                        "  {:<7} {:<20} {}  {}",
                        f.severity.as_str(),
                        f.rule,
                        path,
                        f.message
                    )?;
                    writeln!(self.out, "          {}", f.citation)?;
                }
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the output (the JSON array's bracket) and returns the summary.
    ///
    /// # Errors
    /// Write errors.
    pub fn finish(mut self) -> io::Result<Summary> {
        if self.format == Format::Json {
            self.out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.summary)
    }
}

/// The exit status for a run: 1 when a finding is at or above `fail_on`, else 0.
pub fn exit_status(summary: &Summary, fail_on: Severity) -> u8 {
    match summary.max_severity() {
        Some(s) if s >= fail_on => crate::EXIT_FINDINGS,
        _ => crate::EXIT_OK,
    }
}

/// The human summary written to standard error.
pub fn human_summary(summary: &Summary) -> String {
    let mut s = format!(
        "{}: {} records, {} valid, {} invalid",
        summary.subject, summary.records, summary.valid, summary.invalid
    );
    if !summary.findings_by_rule.is_empty() {
        s.push_str("\nfindings by rule:");
        for (rule, n) in &summary.findings_by_rule {
            s.push_str(&format!("\n  {rule:<22} {n}"));
        }
    }
    if !summary.parameters.is_empty() {
        s.push_str("\nparameters:");
        for (k, v) in &summary.parameters {
            s.push_str(&format!("\n  {k} = {v}"));
        }
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use ereje_findings::{Finding, INPUT, NoExtra, Origin};

    fn result(n: u64, bad: bool) -> RecordResult<NoExtra> {
        let f = if bad { vec![Finding::new(&INPUT, "").with("detail", "x")] } else { vec![] };
        RecordResult::new(
            Origin { record: n, file: "f".into(), line: n },
            None,
            None,
            &f,
            Lang::En,
            NoExtra {},
        )
    }

    fn run(format: Format, n: usize) -> (String, Summary) {
        let mut buf = Vec::new();
        let mut sink = ResultSink::new(&mut buf, format, Lang::En, Summary::new("t"));
        for i in 0..n {
            sink.write(&result(i as u64 + 1, i % 2 == 1), || "rec".into()).unwrap();
        }
        let s = sink.finish().unwrap();
        (String::from_utf8(buf).unwrap(), s)
    }

    #[test]
    fn json_is_one_array_even_when_empty() {
        let (out, _) = run(Format::Json, 0);
        assert_eq!(out, "[]\n");
        let (out, _) = run(Format::Json, 2);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 2);
    }

    #[test]
    fn ndjson_is_one_line_per_record() {
        let (out, s) = run(Format::Ndjson, 3);
        assert_eq!(out.lines().count(), 3);
        assert_eq!((s.records, s.valid, s.invalid), (3, 2, 1));
        assert_eq!(exit_status(&s, Severity::Error), 1);
        assert_eq!(exit_status(&run(Format::Ndjson, 1).1, Severity::Warning), 0);
    }

    #[test]
    fn human_shows_findings() {
        let (out, _) = run(Format::Human, 2);
        assert!(out.contains("#2 f:2  rec  ERRORS (invalid)"), "{out}");
        assert!(out.contains("INPUT"));
    }
}
