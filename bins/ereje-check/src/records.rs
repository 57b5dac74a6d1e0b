//! The driver every JSON-record subject shares: open all inputs, split them into records, hand
//! each record's bytes to the subject, write one result per record in input order.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use ereje_cli::input::{Input, Located, RecordBody, for_each_record, open_all};
use ereje_cli::output::{Format, ResultSink};
use ereje_findings::{Finding, INPUT, Lang, RecordResult, Summary};
use serde::Serialize;

use crate::common::{CommonArgs, Failure, finish_summary};

/// What a subject says about one record.
#[derive(Debug)]
pub struct Outcome<E> {
    /// The record's own id (sheet number, form id), if it has one.
    pub id: Option<String>,
    /// The date the rules were taken at.
    pub as_of: Option<NaiveDate>,
    /// Every finding.
    pub findings: Vec<Finding>,
    /// The subject's own fields.
    pub extra: E,
    /// The human header line (personal data masked unless asked).
    pub human: String,
}

/// A subject that checks JSON records.
pub trait RecordSubject {
    /// The fields the subject adds to a result.
    type Extra: Serialize + Default;

    /// Checks one record's bytes. A record that does not parse into the subject's wire model
    /// (bad JSON, a wrong primitive type) is an `INPUT` outcome: parse with
    /// [`ereje_cli::input::parse_record`] and use [`input_outcome`].
    fn check(
        &mut self,
        at: &Located,
        bytes: &[u8],
        lang: Lang,
        show_pii: bool,
    ) -> Outcome<Self::Extra>;
}

/// The outcome of a record that cannot be read; `path` is the field the parser stopped at.
pub fn input_outcome<E: Default>(path: String, detail: String) -> Outcome<E> {
    Outcome {
        id: None,
        as_of: None,
        findings: vec![Finding::new(&INPUT, path).with("detail", detail)],
        extra: E::default(),
        human: "(unreadable record)".to_owned(),
    }
}

/// Runs `subject` over `files` and returns the exit status.
pub fn run<S: RecordSubject>(
    name: &str,
    subject: &mut S,
    files: &[PathBuf],
    common: &CommonArgs,
    parameters: BTreeMap<String, String>,
) -> Result<u8, Failure> {
    let lang = common.lang;
    let show_pii = common.show_pii;
    run_custom(name, files, common, parameters, |inputs, emit| {
        for_each_record(inputs, |at, body| -> Result<(), Failure> {
            let outcome = match body {
                RecordBody::Json(bytes) => subject.check(at, bytes, lang, show_pii),
                RecordBody::Unreadable(detail) => input_outcome(String::new(), detail),
            };
            emit(at, outcome)
        })
    })
}

/// Opens all inputs (a missing one is exit status 2 with nothing processed), lets `drive` turn
/// them into outcomes through `emit` (one per record, in input order), then writes the summary
/// and returns the exit status. For subjects whose records are not JSON (CSV layouts).
pub fn run_custom<E: Serialize>(
    name: &str,
    files: &[PathBuf],
    common: &CommonArgs,
    parameters: BTreeMap<String, String>,
    drive: impl FnOnce(
        Vec<Input>,
        &mut dyn FnMut(&Located, Outcome<E>) -> Result<(), Failure>,
    ) -> Result<(), Failure>,
) -> Result<u8, Failure> {
    let format = common.format.unwrap_or_else(Format::default_for_records);
    if format == Format::Csv {
        return Err(Failure::Usage(
            "--format csv is for reports only; records are human, json or ndjson".into(),
        ));
    }
    let inputs = open_all(files).map_err(|e| Failure::Usage(e.to_string()))?;
    let mut summary = Summary::new(name);
    summary.parameters = parameters;
    let stdout = io::stdout();
    let mut sink = ResultSink::new(io::BufWriter::new(stdout.lock()), format, common.lang, summary);
    let lang = common.lang;
    drive(inputs, &mut |at, outcome| write(&mut sink, at, outcome, lang))?;
    let summary = sink.finish()?;
    finish_summary(&summary, format, common.summary.as_ref())?;
    Ok(ereje_cli::output::exit_status(&summary, common.fail_on))
}

fn write<W: Write, E: Serialize>(
    sink: &mut ResultSink<W>,
    at: &Located,
    o: Outcome<E>,
    lang: Lang,
) -> Result<(), Failure> {
    let result = RecordResult::new(at.origin.clone(), o.id, o.as_of, &o.findings, lang, o.extra);
    let human = o.human;
    sink.write(&result, || human)?;
    Ok(())
}
