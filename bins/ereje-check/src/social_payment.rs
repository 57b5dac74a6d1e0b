//! `ereje-check social-payment`: ГФСС social-payment applications — the application checks and
//! the amount with its explanation (crate `ereje-social-payment`).

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;
use ereje_cli::input::{Located, parse_record};
use ereje_findings::Lang;
use ereje_social_payment::{Amount, Context, Explanation, WireApplication, check};
use serde::Serialize;

use crate::common::{CommonArgs, Failure, SchemaKind};
use crate::records::{self, Outcome, RecordSubject, input_outcome};

/// Arguments of `ereje-check social-payment`.
#[derive(Debug, Args)]
pub struct SocialPaymentArgs {
    /// Application files (NDJSON, a JSON array or one object); none or `-` for stdin.
    pub files: Vec<PathBuf>,
    /// Print the JSON Schema of the input record (default) or of a result, and exit.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "input")]
    pub schema: Option<SchemaKind>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// The fields `social-payment` adds to a result.
#[derive(Debug, Default, Serialize)]
pub struct Extra {
    /// Gross, withheld, net and months, or `null` when it cannot be computed.
    pub amount: Option<Amount>,
    /// Every intermediate value with its citation, or `null`.
    pub explanation: Option<Explanation>,
}

struct Subject {
    ctx: Context,
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
        let wire: WireApplication = match parse_record(at, bytes) {
            Ok(w) => w,
            Err(e) => return input_outcome(e.path, e.detail),
        };
        let checked = check(&wire, &self.ctx);
        let mut human = format!(
            "{} {}",
            checked.id.as_deref().unwrap_or("(no id)"),
            wire.risk.as_deref().unwrap_or("?")
        );
        if let Some(a) = &checked.amount {
            human.push_str(&format!("  gross={} net={}", a.gross, a.net));
            if let Some(m) = a.months {
                human.push_str(&format!(" months={m}"));
            }
        }
        Outcome {
            id: checked.id,
            as_of: checked.as_of,
            findings: checked.findings,
            extra: Extra { amount: checked.amount, explanation: checked.explanation },
            human,
        }
    }
}

const INPUT_SCHEMA: &str = include_str!("../schemas/social-payment.input.json");
const RESULT_SCHEMA: &str = include_str!("../schemas/social-payment.result.json");

/// Runs the subject.
pub fn run(args: SocialPaymentArgs) -> Result<u8, Failure> {
    if let Some(kind) = args.schema {
        let text = match kind {
            SchemaKind::Input => INPUT_SCHEMA,
            SchemaKind::Result => RESULT_SCHEMA,
        };
        io::stdout().write_all(text.as_bytes())?;
        return Ok(ereje_cli::EXIT_OK);
    }
    let mut ctx = Context::new();
    ctx.as_of = args.common.as_of;
    for (k, v) in args.common.set_pairs()? {
        ctx.set(&k, &v).map_err(|e| Failure::Usage(format!("--set {k}={v}: {e}")))?;
    }
    let parameters = ctx.settings();
    let mut subject = Subject { ctx };
    records::run("social-payment", &mut subject, &args.files, &args.common, parameters)
}
