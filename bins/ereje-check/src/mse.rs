//! `ereje-check mse`: conclusions for МСЭ (form 031/у) under the 2025 proactive absentee pilot —
//! nosology, pilot applicability, the mandatory exams and the signing gate (crate `ereje-mse`).

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;
use ereje_cli::input::{Located, parse_record};
use ereje_findings::Lang;
use ereje_mse::{Checked, Context, Params, WireForm, check};
use serde::Serialize;

use crate::common::{CommonArgs, Failure, SchemaKind};
use crate::records::{self, Outcome, RecordSubject, input_outcome};

/// Arguments of `ereje-check mse`.
#[derive(Debug, Args)]
pub struct MseArgs {
    /// Form files (NDJSON, a JSON array or one object); none or `-` for stdin.
    pub files: Vec<PathBuf>,
    /// Print the JSON Schema of the input record (default) or of a result, and exit.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "input")]
    pub schema: Option<SchemaKind>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// The fields `mse` adds to a result: `nosology`, `pilot`, `missing_exams`, `signable`,
/// `expert_term`, `waiting_list` (absent only for an unreadable record).
#[derive(Debug, Default, Serialize)]
pub struct Extra {
    #[serde(flatten)]
    checked: Option<Checked>,
}

struct Subject {
    ctx: Context<'static>,
}

impl RecordSubject for Subject {
    type Extra = Extra;

    fn check(
        &mut self,
        at: &Located,
        bytes: &[u8],
        _lang: Lang,
        _show_pii: bool,
    ) -> Outcome<Extra> {
        let wire: WireForm = match parse_record(at, bytes) {
            Ok(w) => w,
            Err(e) => return input_outcome(e.path, e.detail),
        };
        let mut checked = check(&wire, &self.ctx);
        let mut human = checked.id.clone().unwrap_or_else(|| "(no id)".to_owned());
        let nosology = serde_json::to_value(checked.nosology).ok();
        if let Some(n) = nosology.as_ref().and_then(|v| v.get("result")).and_then(|v| v.as_str()) {
            human.push_str(&format!("  nosology={n}"));
        }
        human.push_str(&format!(
            "  pilot={}  signable={}",
            if checked.pilot.applies { "applies" } else { "no" },
            checked.signable
        ));
        let findings = std::mem::take(&mut checked.findings);
        Outcome {
            id: checked.id.clone(),
            as_of: checked.as_of,
            findings,
            extra: Extra { checked: Some(checked) },
            human,
        }
    }
}

/// Runs the subject.
pub fn run(args: MseArgs) -> Result<u8, Failure> {
    if let Some(kind) = args.schema {
        let schema = match kind {
            SchemaKind::Input => ereje_mse::input_schema(),
            SchemaKind::Result => ereje_mse::result_schema(),
        };
        let text = serde_json::to_string_pretty(&schema).map_err(io::Error::other)?;
        writeln!(io::stdout(), "{text}")?;
        return Ok(ereje_cli::EXIT_OK);
    }
    let pairs = args.common.set_pairs()?;
    let params =
        Params::from_key_value(pairs).map_err(|e| Failure::Usage(format!("--set: {e}")))?;
    let parameters =
        params.to_key_value().into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let mut ctx = Context::builtin().with_params(params);
    if let Some(d) = args.common.as_of {
        ctx = ctx.with_as_of(d);
    }
    let mut subject = Subject { ctx };
    records::run("mse", &mut subject, &args.files, &args.common, parameters)
}
