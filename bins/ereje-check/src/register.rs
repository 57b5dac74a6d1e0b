//! `ereje-check register`: the professional register of health workers — worker snapshots, the
//! event log (`--events`), and the monthly and quarterly reports (`--report`), crate
//! `ereje-register`.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use ereje_calendar::{Calendar, Territory};
use ereje_cli::input::{Located, RecordBody, for_each_record, open_all, parse_record};
use ereje_cli::output::Format;
use ereje_findings::Lang;
use ereje_register::{
    CertificateList, Checked, Context, EventChecker, ListedCertificate, Month, Params, Quarter,
    RegisterExtra, WireEvent, WireWorker, check_worker, monthly_report, quarterly_report,
};

use crate::common::{CommonArgs, Failure, SchemaKind};
use crate::records::{self, Outcome, RecordSubject, input_outcome};

/// The reports of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportKind {
    /// Registration, accounting, migration and outflow of month M (para 6).
    Monthly,
    /// The quarterly forecast data with upcoming certificate confirmations (para 7).
    Quarterly,
}

/// Arguments of `ereje-check register`.
#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// Worker snapshots, or with --events the event log (expected in order of entry date-time);
    /// none or `-` for stdin.
    pub files: Vec<PathBuf>,
    /// The files are an event log: one result per event; state findings go on each worker's last
    /// event on or before --as-of (results are written at the end of the input).
    #[arg(long)]
    pub events: bool,
    /// An external certificate list (NDJSON of {iin, number, specialty, issued_on, valid_until});
    /// without it the check that certificates are in the register (REG-012) does not run.
    #[arg(long, value_name = "FILE")]
    pub certificates: Option<PathBuf>,
    /// Write a report from the event log instead of checking records (exit 0, or 2 when the log
    /// cannot be read); with --period.
    #[arg(long, value_enum, requires = "period")]
    pub report: Option<ReportKind>,
    /// The report's period: YYYY-MM (monthly) or YYYY-QN (quarterly).
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// Print the JSON Schema of the input record (default) or of a result, and exit.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "input")]
    pub schema: Option<SchemaKind>,
    #[command(flatten)]
    pub common: CommonArgs,
}

struct Snapshots<'a> {
    ctx: Context<'a>,
    show_pii: bool,
}

/// `id_is_iin`: in snapshots mode the record's id is the worker's ИИН, masked unless asked.
fn outcome(checked: Checked, id_is_iin: bool, show_pii: bool) -> Outcome<RegisterExtra> {
    let mut human = match &checked.id {
        Some(id) if show_pii || !id_is_iin => id.clone(),
        Some(id) => ereje_id::mask(id),
        None => "(no id)".to_owned(),
    };
    if !checked.extra.notices_due.is_empty() {
        human.push_str(&format!("  notices_due={}", checked.extra.notices_due.len()));
    }
    if checked.extra.block_required {
        human.push_str("  block_required");
    }
    Outcome {
        id: checked.id,
        as_of: Some(checked.as_of),
        findings: checked.findings,
        extra: checked.extra,
        human,
    }
}

impl RecordSubject for Snapshots<'_> {
    type Extra = RegisterExtra;

    fn check(
        &mut self,
        at: &Located,
        bytes: &[u8],
        _lang: Lang,
        _show_pii: bool,
    ) -> Outcome<RegisterExtra> {
        match parse_record::<WireWorker>(at, bytes) {
            Ok(wire) => outcome(check_worker(&wire, &self.ctx), true, self.show_pii),
            Err(e) => input_outcome(e.path, e.detail),
        }
    }
}

fn read_certificates(path: &PathBuf) -> Result<CertificateList, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
    let mut list = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        let c: ListedCertificate = serde_json::from_str(line)
            .map_err(|e| Failure::Usage(format!("{}:{}: {e}", path.display(), i + 1)))?;
        list.push(c);
    }
    Ok(CertificateList::new(list))
}

/// Runs the subject.
pub fn run(args: RegisterArgs) -> Result<u8, Failure> {
    if let Some(kind) = args.schema {
        let text = match (kind, args.events) {
            (SchemaKind::Input, false) => ereje_register::WORKER_SCHEMA,
            (SchemaKind::Input, true) => ereje_register::EVENT_SCHEMA,
            (SchemaKind::Result, _) => RESULT_SCHEMA,
        };
        io::stdout().write_all(text.as_bytes())?;
        return Ok(ereje_cli::EXIT_OK);
    }
    let pairs = args.common.set_pairs()?;
    let params = Params::from_key_value(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|e| Failure::Usage(format!("--set: {e}")))?;
    if let Some(kind) = args.report {
        return report(&args, kind, params);
    }
    let mut parameters: std::collections::BTreeMap<String, String> = params.to_key_value();
    let as_of = args.common.as_of.unwrap_or_else(ereje_cli::today);
    parameters.insert("as_of".into(), as_of.to_string());
    let certificates = args.certificates.as_ref().map(read_certificates).transpose()?;
    let mut ctx = Context::new(as_of, Calendar::builtin()).with_params(params);
    if let Some(list) = &certificates {
        ctx = ctx.with_certificates(list);
    }
    let show_pii = args.common.show_pii;
    if !args.events {
        let mut subject = Snapshots { ctx, show_pii };
        return records::run("register", &mut subject, &args.files, &args.common, parameters);
    }
    records::run_custom("register", &args.files, &args.common, parameters, |inputs, emit| {
        // The state findings go on each worker's last event, known only at the end: buffer.
        let mut checker = EventChecker::new(ctx);
        let mut located = Vec::new();
        for_each_record(inputs, |at, body| -> Result<(), Failure> {
            match body {
                RecordBody::Json(bytes) => match parse_record::<WireEvent>(at, bytes) {
                    Ok(wire) => checker.push(&wire),
                    Err(e) => checker.push_unreadable(e.detail),
                },
                RecordBody::Unreadable(detail) => checker.push_unreadable(detail),
            };
            located.push(at.clone());
            Ok(())
        })?;
        for (at, checked) in located.iter().zip(checker.finish(as_of)) {
            emit(at, outcome(checked, false, show_pii))?;
        }
        Ok(())
    })
}

fn report(args: &RegisterArgs, kind: ReportKind, params: Params) -> Result<u8, Failure> {
    let period = args.period.as_deref().unwrap_or_default();
    let inputs = open_all(&args.files).map_err(|e| Failure::Usage(e.to_string()))?;
    let mut events = Vec::new();
    let mut skipped = 0u64;
    for_each_record(inputs, |at, body| -> Result<(), Failure> {
        let event = match body {
            RecordBody::Json(bytes) => parse_record::<WireEvent>(at, bytes)
                .ok()
                .and_then(|w| w.to_event(Territory::Astana).value),
            RecordBody::Unreadable(_) => None,
        };
        match event {
            Some(e) => events.push(e),
            None => skipped += 1,
        }
        Ok(())
    })?;
    if skipped > 0 {
        eprintln!(
            "ereje-check register: {skipped} event(s) could not be read and are not in the report (check them without --report)"
        );
    }
    let format = args.common.format.unwrap_or(if io::IsTerminal::is_terminal(&io::stdout()) {
        Format::Human
    } else {
        Format::Json
    });
    let lang = args.common.lang;
    let text = match kind {
        ReportKind::Monthly => {
            let month: Month =
                period.parse().map_err(|e| Failure::Usage(format!("--period {period}: {e}")))?;
            let r = monthly_report(&events, month, &params);
            render(format, &r, || r.to_csv(), || r.to_human(lang))?
        }
        ReportKind::Quarterly => {
            let q: Quarter =
                period.parse().map_err(|e| Failure::Usage(format!("--period {period}: {e}")))?;
            let r = quarterly_report(&events, q, &params);
            render(format, &r, || r.to_csv(), || r.to_human(lang))?
        }
    };
    io::stdout().write_all(text.as_bytes())?;
    Ok(ereje_cli::EXIT_OK)
}

fn render<R: serde::Serialize>(
    format: Format,
    report: &R,
    csv: impl FnOnce() -> String,
    human: impl FnOnce() -> String,
) -> Result<String, Failure> {
    Ok(match format {
        Format::Csv => csv(),
        Format::Human => human(),
        Format::Json | Format::Ndjson => {
            serde_json::to_string_pretty(report).map_err(|e| Failure::Usage(e.to_string()))? + "\n"
        }
    })
}

const RESULT_SCHEMA: &str = include_str!("../schemas/register.result.json");
