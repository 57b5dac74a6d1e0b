//! `ereje-check id`: ИИН / БИН values from the arguments, or one per line from `--file` or stdin.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use ereje_cli::input::Input;
use ereje_cli::output::{Format, ResultSink};
use ereje_findings::{Origin, RecordResult, Summary};
use ereje_id::{Classified, Id, classify, mask};
use serde::Serialize;

use crate::common::{CommonArgs, Failure, SchemaKind, finish_summary};

/// Arguments of `ereje-check id`.
#[derive(Debug, Args)]
pub struct IdArgs {
    /// Values to check (ИИН or БИН). Without values, read --file or stdin, one value per line.
    pub values: Vec<String>,
    /// Read values from FILE, one per line (`-` for stdin).
    #[arg(long, value_name = "FILE", conflicts_with = "values")]
    pub file: Option<PathBuf>,
    /// Print the JSON Schema of the input (default) or of a result, and exit.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "input")]
    pub schema: Option<SchemaKind>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// The fields `id` adds to the contract's result.
#[derive(Debug, Serialize)]
pub struct IdExtra {
    /// The value as given.
    pub value: String,
    /// `iin`, `bin` or `invalid`, and the decoded fields of a valid number.
    #[serde(flatten)]
    pub classified: Classified,
    /// For an ИИН: full years on the as-of date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
}

const INPUT_SCHEMA: &str = include_str!("../schemas/id.input.json");
const RESULT_SCHEMA: &str = include_str!("../schemas/id.result.json");

/// Runs the subject.
pub fn run(args: IdArgs) -> Result<u8, Failure> {
    if let Some(kind) = args.schema {
        let text = match kind {
            SchemaKind::Input => INPUT_SCHEMA,
            SchemaKind::Result => RESULT_SCHEMA,
        };
        io::stdout().write_all(text.as_bytes())?;
        return Ok(ereje_cli::EXIT_OK);
    }
    let common = &args.common;
    let params =
        ereje_cli::params::resolve(&[], &common.set).map_err(|e| Failure::Usage(e.to_string()))?;
    let as_of = common.as_of.unwrap_or_else(ereje_cli::today);
    let format = common.format.unwrap_or_else(Format::default_for_records);
    if format == Format::Csv {
        return Err(Failure::Usage(
            "--format csv is for reports only; results are human, json or ndjson".into(),
        ));
    }
    let mut summary = Summary::new("id");
    summary.parameters = params;
    summary.parameters.insert("as_of".into(), as_of.to_string());

    let stdout = io::stdout();
    let mut sink = ResultSink::new(io::BufWriter::new(stdout.lock()), format, common.lang, summary);
    if !args.values.is_empty() {
        for (i, v) in args.values.iter().enumerate() {
            let origin = Origin { record: i as u64 + 1, file: "argv".into(), line: i as u64 + 1 };
            write_one(&mut sink, origin, v, as_of, common.show_pii)?;
        }
    } else {
        let input = match &args.file {
            Some(p) => ereje_cli::input::open_all(std::slice::from_ref(p))
                .map_err(|e| Failure::Usage(e.to_string()))?
                .remove(0),
            None => Input::stdin(),
        };
        read_lines(input, |origin, value| {
            write_one(&mut sink, origin, value, as_of, common.show_pii)
        })?;
    }
    let summary = sink.finish()?;
    finish_summary(&summary, format, common.summary.as_ref())?;
    Ok(ereje_cli::output::exit_status(&summary, common.fail_on))
}

/// Calls `f` for each non-blank line (BOM skipped, CRLF and surrounding spaces trimmed).
fn read_lines(
    input: Input,
    mut f: impl FnMut(Origin, &str) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let name = input.name().to_owned();
    let mut reader = input.into_reader();
    let mut line = String::new();
    let (mut line_no, mut record) = (0u64, 0u64);
    loop {
        line.clear();
        let n = match reader.read_line(&mut line) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                // Not UTF-8: still one result for the line, as an invalid value.
                line_no += 1;
                record += 1;
                f(Origin { record, file: name.clone(), line: line_no }, "\u{FFFD}")?;
                let mut skip = Vec::new();
                reader.read_until(b'\n', &mut skip)?;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let v = line.trim_start_matches('\u{feff}').trim();
        if v.is_empty() {
            continue;
        }
        record += 1;
        f(Origin { record, file: name.clone(), line: line_no }, v)?;
    }
}

fn write_one<W: Write>(
    sink: &mut ResultSink<W>,
    origin: Origin,
    value: &str,
    as_of: NaiveDate,
    show_pii: bool,
) -> Result<(), Failure> {
    let classified = classify(value);
    let findings = classified.findings("");
    let age = match &classified.id {
        Some(Id::Iin(iin)) => iin.age_on(as_of),
        _ => None,
    };
    let human = || {
        let shown = if show_pii { value.to_owned() } else { mask(value) };
        let mut s = format!("{:<7} {shown}", format!("{:?}", classified.kind).to_lowercase());
        if let Ok(v) = serde_json::to_value(&classified) {
            for key in [
                "birth_date",
                "sex",
                "registration_year",
                "registration_month",
                "type",
                "attribute",
            ] {
                if let Some(x) = v.get(key) {
                    let x = x.as_str().map(str::to_owned).unwrap_or_else(|| x.to_string());
                    s.push_str(&format!("  {key}={x}"));
                }
            }
        }
        if let Some(a) = age {
            s.push_str(&format!("  age={a}"));
        }
        s
    };
    let lang = sink.lang();
    let header = human();
    let result = RecordResult::new(
        origin,
        Some(value.to_owned()),
        Some(as_of),
        &findings,
        lang,
        IdExtra { value: value.to_owned(), classified, age },
    );
    sink.write(&result, || header)?;
    Ok(())
}
