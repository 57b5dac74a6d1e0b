//! `ereje-check sick-leave`: electronic sick-leave sheets — the ФЛК rules, checks across the sheets
//! of a batch, and the 2023 Astana pilot routing (crate `ereje-sick-leave`).

use std::io::{self, Read, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use ereje_calendar::Calendar;
use ereje_cli::input::{Located, parse_record};
use ereje_findings::{Lang, Origin};
use ereje_sick_leave::{
    Checker, Context, FixtureStatusService, Params, Routing, StatusService, WireSheet,
};
use serde::Serialize;

use crate::common::{CommonArgs, Failure, SchemaKind};
use crate::records::{self, Outcome, RecordSubject, input_outcome};

/// The input layouts of the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputLayout {
    /// NDJSON, a JSON array, or one JSON object.
    Json,
    /// The flat CSV export (docs/sick-leave.md, «CSV layout»).
    Csv,
}

/// Arguments of `ereje-check sick-leave`.
#[derive(Debug, Args)]
pub struct SickLeaveArgs {
    /// Sheet files, expected in order of issue date; none or `-` for stdin.
    pub files: Vec<PathBuf>,
    /// The input layout.
    #[arg(long, value_enum, default_value = "json")]
    pub input: InputLayout,
    /// Answers of the Е-қызмет status service for the pilot routing: a text file of lines
    /// `IIN ANSWER` (docs/sick-leave.md); without it routing stops at `status_service`.
    #[arg(long, value_name = "FILE")]
    pub status: Option<PathBuf>,
    /// Print the JSON Schema of the input record (default) or of a result, and exit.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "input")]
    pub schema: Option<SchemaKind>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// The field `sick-leave` adds to a result: the pilot routing of the sheet's event.
#[derive(Debug, Default, Serialize)]
pub struct Extra {
    #[serde(skip_serializing_if = "Option::is_none")]
    routing: Option<Routing>,
}

struct Subject<'a> {
    checker: Checker,
    ctx: Context<'a>,
    show_pii: bool,
}

impl Subject<'_> {
    fn check_wire(&mut self, origin: &Origin, wire: &WireSheet<'_>) -> Outcome<Extra> {
        let mut ctx = self.ctx;
        ctx.record = Some(origin.record);
        let checked = self.checker.check(wire, &ctx);
        let mut human = checked.id.clone().unwrap_or_else(|| "(no number)".to_owned());
        if let Some(iin) = &checked.iin {
            let shown = if self.show_pii { iin.to_string() } else { iin.masked() };
            human.push_str(&format!("  patient {shown}"));
        }
        if let Some(r) = &checked.routing {
            if let Ok(v) = serde_json::to_value(r) {
                let outcome = v.get("outcome").and_then(|x| x.as_str()).unwrap_or("?");
                let step = v
                    .get("step")
                    .and_then(|x| x.as_str())
                    .map(|s| format!(" at {s}"))
                    .unwrap_or_default();
                human.push_str(&format!("  routing={outcome}{step}"));
            }
        }
        Outcome {
            id: checked.id,
            as_of: checked.as_of,
            findings: checked.findings,
            extra: Extra { routing: checked.routing },
            human,
        }
    }
}

impl RecordSubject for Subject<'_> {
    type Extra = Extra;

    fn check(
        &mut self,
        at: &Located,
        bytes: &[u8],
        _lang: Lang,
        _show_pii: bool,
    ) -> Outcome<Extra> {
        match parse_record::<WireSheet<'_>>(at, bytes) {
            Ok(wire) => self.check_wire(&at.origin, &wire),
            Err(e) => input_outcome(e.path, e.detail),
        }
    }
}

/// Runs the subject.
pub fn run(args: SickLeaveArgs) -> Result<u8, Failure> {
    if let Some(kind) = args.schema {
        let text = match kind {
            SchemaKind::Input => ereje_sick_leave::INPUT_SCHEMA,
            SchemaKind::Result => RESULT_SCHEMA,
        };
        io::stdout().write_all(text.as_bytes())?;
        return Ok(ereje_cli::EXIT_OK);
    }
    let pairs = args.common.set_pairs()?;
    let params = Params::from_key_value(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|e| Failure::Usage(format!("--set: {e}")))?;
    let parameters =
        params.to_key_value().into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let status = match &args.status {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
            Some(
                FixtureStatusService::parse(&text)
                    .map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))?,
            )
        }
        None => None,
    };
    let mut ctx = Context::new(Calendar::builtin());
    ctx.as_of = args.common.as_of;
    ctx.params = params;
    ctx.status = status.as_ref().map(|s| s as &dyn StatusService);
    let mut subject = Subject { checker: Checker::new(), ctx, show_pii: args.common.show_pii };
    match args.input {
        InputLayout::Json => {
            records::run("sick-leave", &mut subject, &args.files, &args.common, parameters)
        }
        InputLayout::Csv => records::run_custom(
            "sick-leave",
            &args.files,
            &args.common,
            parameters,
            |inputs, emit| {
                let mut record = 0u64;
                for input in inputs {
                    let name = input.name().to_owned();
                    let mut text = String::new();
                    let read = input.into_reader().read_to_string(&mut text);
                    let mut at = |line: u64| {
                        record += 1;
                        Located { origin: Origin { record, file: name.clone(), line }, column: 1 }
                    };
                    if let Err(e) = read {
                        emit(
                            &at(1),
                            input_outcome(
                                String::new(),
                                format!("cannot read the file as UTF-8 text: {e}"),
                            ),
                        )?;
                        continue;
                    }
                    match ereje_sick_leave::csv::read(&text) {
                        Err(e) => emit(&at(1), input_outcome(String::new(), e.to_string()))?,
                        Ok(rows) => {
                            for row in rows {
                                let loc = at(row.line);
                                let outcome = match &row.sheet {
                                    Ok(wire) => subject.check_wire(&loc.origin, wire),
                                    Err(e) => input_outcome(
                                        String::new(),
                                        format!("{e} (line {})", row.line),
                                    ),
                                };
                                emit(&loc, outcome)?;
                            }
                        }
                    }
                }
                Ok(())
            },
        ),
    }
}

const RESULT_SCHEMA: &str = include_str!("../schemas/sick-leave.result.json");
