//! `ereje-check`: the Ereje validators. Parses arguments, reads inputs, calls the domain crates and
//! writes one result per input record; exit status 0 (nothing at or above `--fail-on`), 1 (findings
//! at or above it) or 2 (usage error, unreadable input: nothing processed).

mod common;
mod id;
mod mse;
mod records;
mod register;
mod rules;
mod sick_leave;
mod social_payment;

use std::io::Write;
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  ereje-check id 900101400003 900101400004          check ИИН/БИН values (synthetic numbers)
  ereje-check id --file numbers.txt --format json   one value per line
  ereje-check sick-leave fixtures/sick-leave/clean.ndjson --format human
  ereje-check mse fixtures/mse/valid.ndjson --format human --lang en
  ereje-check register --events fixtures/register/events.ndjson --as-of 2025-12-01
  ereje-check register --report monthly --period 2025-11 fixtures/register/events.ndjson --format csv
  ereje-check social-payment fixtures/social-payment/applications.ndjson --format human
  ereje-check rules --format markdown               the rule catalogue
  ereje-check rules id                              the rules of one subject";

/// Validators (format-logical control, ФЛК) of Kazakhstan's health and social-protection records.
#[derive(Debug, Parser)]
#[command(name = "ereje-check", version, long_version = long_version(), after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    subject: Subject,
}

#[derive(Debug, Subcommand)]
enum Subject {
    /// Check ИИН / БИН values (arguments, or one per line from --file or stdin).
    Id(id::IdArgs),
    /// Check conclusions for МСЭ (form 031/у) under the 2025 proactive absentee pilot.
    Mse(mse::MseArgs),
    /// Check the professional register of health workers: snapshots, the event log, reports.
    Register(register::RegisterArgs),
    /// Check electronic sick-leave sheets (ФЛК, chains, the 2023 Astana pilot routing).
    SickLeave(sick_leave::SickLeaveArgs),
    /// Check ГФСС social-payment applications and compute the amount with its explanation.
    SocialPayment(social_payment::SocialPaymentArgs),
    /// Print the rule catalogue (all subjects, or one).
    Rules(rules::RulesArgs),
}

fn long_version() -> &'static str {
    static V: OnceLock<String> = OnceLock::new();
    V.get_or_init(|| ereje_cli::long_version(&ereje_cli::data_versions()))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.subject {
        Subject::Id(args) => id::run(args),
        Subject::Mse(args) => mse::run(args),
        Subject::Register(args) => register::run(args),
        Subject::SickLeave(args) => sick_leave::run(args),
        Subject::SocialPayment(args) => social_payment::run(args),
        Subject::Rules(args) => rules::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(common::Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(common::Failure::Usage(msg)) => {
            let _ = writeln!(std::io::stderr(), "ereje-check: {msg}");
            ExitCode::from(ereje_cli::EXIT_USAGE)
        }
    }
}
