//! `ereje-cal`: the Kazakhstan working-day calendar on the command line.
//!
//! Thin by design: it parses arguments, reads the `--calendar` file, asks `ereje-calendar` and
//! writes the answer (`human` or `json`). Exit status 0 on an answer, 2 on a usage error or a
//! question the calendar cannot answer (a year it does not know, N < 1, FROM > TO, a calendar
//! file that cannot be read); a closed output pipe exits quietly. The interface is fixed by
//! `docs/contracts.md` (`ereje-cal`); `docs/calendar.md` documents it.

mod json;
mod render;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveTime};
use clap::{Parser, Subcommand, ValueEnum};
use ereje_calendar::{Calendar, TermReading, Territory};

const EXAMPLES: &str = "\
Examples:
  ereje-cal is-working 2025-01-03
  ereje-cal add 2024-12-27 5
  ereje-cal between 2025-01-01 2025-12-31
  ereje-cal deadline 2025-06-13T16:00 --working-days 3 --cutoff 16:00
  ereje-cal deadline 2024-02-29T12:00:00Z --working-days 5 --territory aktobe
  ereje-cal year 2025 --format json
  ereje-cal --calendar next-year.toml year 2028

Dates are YYYY-MM-DD. Date-times are YYYY-MM-DDTHH:MM[:SS] in the local time of the territory,
or RFC 3339 with an offset (converted: the whole country is UTC+5 since 2024-03-01; before that
Astana was UTC+6 and Aktobe UTC+5). A cutoff HH:MM means HH:MM:00, inclusive, to the second.
Exit status: 0 answered, 2 usage error or a question the calendar cannot answer.";

/// The Kazakhstan working-day calendar (five-day week): working days, terms, deadlines.
#[derive(Debug, Parser)]
#[command(name = "ereje-cal", version, long_version = long_version(), after_help = EXAMPLES)]
struct Cli {
    /// A calendar file (TOML, see docs/calendar.md) that extends or overrides the built-in years.
    #[arg(long, global = true, value_name = "FILE")]
    calendar: Option<PathBuf>,
    /// Output: `human` (plain answers) or `json` (one object with the inputs, the answer and
    /// `provisional`).
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    format: Format,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TerritoryArg {
    Astana,
    Aktobe,
}

impl From<TerritoryArg> for Territory {
    fn from(t: TerritoryArg) -> Territory {
        match t {
            TerritoryArg::Astana => Territory::Astana,
            TerritoryArg::Aktobe => Territory::Aktobe,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Prints `true` if DATE is a working day, else `false`.
    IsWorking {
        /// The date, YYYY-MM-DD.
        #[arg(value_parser = date_arg)]
        date: NaiveDate,
    },
    /// Prints the date N working days after DATE (DATE itself not counted).
    Add {
        /// The date, YYYY-MM-DD.
        #[arg(value_parser = date_arg)]
        date: NaiveDate,
        /// The number of working days, at least 1.
        #[arg(value_parser = days_arg, allow_negative_numbers = true)]
        n: u32,
    },
    /// Prints the number of working days in [FROM, TO], both included (FROM ≤ TO).
    Between {
        /// The first day, YYYY-MM-DD.
        #[arg(value_parser = date_arg)]
        from: NaiveDate,
        /// The last day, YYYY-MM-DD.
        #[arg(value_parser = date_arg)]
        to: NaiveDate,
    },
    /// Prints the last day of a term of N working days from DATETIME.
    ///
    /// Without --cutoff the term starts the day after (the Civil Code's general rule): the due
    /// date is `add DATE N`. With --cutoff, a receipt on a working day at or before the cutoff
    /// counts that day as day 1; a later receipt, or one on a non-working day, starts the term
    /// on the next working day.
    Deadline {
        /// When the term's event happened: YYYY-MM-DDTHH:MM[:SS] (local time of --territory) or
        /// RFC 3339 with an offset.
        datetime: String,
        /// The term in working days, at least 1.
        #[arg(long, value_name = "N", value_parser = days_arg, allow_negative_numbers = true)]
        working_days: u32,
        /// The cutoff time of day, HH:MM (inclusive).
        #[arg(long, value_name = "HH:MM", value_parser = cutoff_arg)]
        cutoff: Option<NaiveTime>,
        /// Whose local time a date-time without an offset is, and into whose local time an
        /// offset is converted.
        #[arg(long, value_enum, default_value_t = TerritoryArg::Astana)]
        territory: TerritoryArg,
    },
    /// Lists the non-working weekdays and the worked weekend days of YEAR, with reasons, and
    /// says if the year is provisional.
    Year {
        /// The year, YYYY.
        #[arg(allow_negative_numbers = true)]
        year: i32,
    },
}

fn date_arg(s: &str) -> Result<NaiveDate, String> {
    ereje_calendar::parse_date(s).map_err(|e| e.to_string())
}

fn cutoff_arg(s: &str) -> Result<NaiveTime, String> {
    ereje_calendar::parse_cutoff(s).map_err(|e| e.to_string())
}

fn days_arg(s: &str) -> Result<u32, String> {
    match s.parse::<i64>() {
        Ok(n) if n >= 1 => u32::try_from(n).map_err(|_| format!("{n} working days is too many")),
        Ok(_) => Err("the number of working days must be at least 1".to_owned()),
        Err(_) => Err(format!("`{s}` is not a whole number")),
    }
}

fn long_version() -> &'static str {
    static V: OnceLock<String> = OnceLock::new();
    V.get_or_init(|| ereje_cli::long_version(&ereje_cli::data_versions()))
}

/// Why a run stopped.
enum Failure {
    /// Standard output was closed: exit quietly.
    BrokenPipe,
    /// A message for standard error, exit status 2.
    Usage(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if ereje_cli::is_broken_pipe(&e) {
            Failure::BrokenPipe
        } else {
            Failure::Usage(format!("cannot write the answer: {e}"))
        }
    }
}

impl From<ereje_calendar::CalendarError> for Failure {
    fn from(e: ereje_calendar::CalendarError) -> Failure {
        Failure::Usage(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(&cli, &mut out).and_then(|()| out.flush().map_err(Failure::from));
    match result {
        Ok(()) | Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(ereje_cli::EXIT_USAGE)
        }
    }
}

fn load_calendar(path: Option<&PathBuf>) -> Result<Calendar, Failure> {
    let Some(path) = path else { return Ok(Calendar::builtin().clone()) };
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::Usage(format!("cannot read calendar file {}: {e}", path.display()))
    })?;
    Calendar::with_overrides(&text)
        .map_err(|e| Failure::Usage(format!("calendar file {}: {e}", path.display())))
}

fn run(cli: &Cli, out: &mut impl Write) -> Result<(), Failure> {
    let cal = load_calendar(cli.calendar.as_ref())?;
    let json = cli.format == Format::Json;
    let provisional = match &cli.command {
        Command::IsWorking { date } => {
            let day = cal.day_info(*date)?;
            if json {
                write_json(
                    out,
                    &json::IsWorking {
                        command: "is-working",
                        date: *date,
                        answer: day.value.working,
                        reasons: &day.value.reasons,
                        provisional: day.provisional,
                    },
                )?;
            } else {
                writeln!(out, "{}", day.value.working)?;
            }
            day.provisional
        }
        Command::Add { date, n } => {
            let a = cal.add(*date, *n)?;
            if json {
                write_json(
                    out,
                    &json::Add {
                        command: "add",
                        date: *date,
                        n: *n,
                        answer: a.value,
                        provisional: a.provisional,
                    },
                )?;
            } else {
                writeln!(out, "{}", a.value)?;
            }
            a.provisional
        }
        Command::Between { from, to } => {
            let a = cal.between(*from, *to)?;
            if json {
                write_json(
                    out,
                    &json::Between {
                        command: "between",
                        from: *from,
                        to: *to,
                        answer: a.value,
                        provisional: a.provisional,
                    },
                )?;
            } else {
                writeln!(out, "{}", a.value)?;
            }
            a.provisional
        }
        Command::Deadline { datetime, working_days, cutoff, territory } => {
            let territory = Territory::from(*territory);
            let local = ereje_calendar::parse_datetime(datetime, territory)
                .map_err(|e| Failure::Usage(e.to_string()))?;
            let reading = cutoff.map_or(TermReading::General, TermReading::Cutoff);
            let a = cal.deadline(local, *working_days, reading)?;
            if json {
                write_json(
                    out,
                    &json::Deadline {
                        command: "deadline",
                        datetime,
                        territory,
                        local: local.format("%Y-%m-%dT%H:%M:%S").to_string(),
                        working_days: *working_days,
                        cutoff: cutoff.map(|c| c.format("%H:%M").to_string()),
                        reading: if cutoff.is_some() { "cutoff" } else { "general" },
                        first_day: a.value.first_day,
                        answer: a.value.due,
                        provisional: a.provisional,
                    },
                )?;
            } else {
                writeln!(out, "{}", a.value.due)?;
            }
            a.provisional
        }
        Command::Year { year } => {
            let info = cal.year_info(*year)?;
            if json {
                write_json(
                    out,
                    &json::Year {
                        command: "year",
                        year: *year,
                        answer: info,
                        provisional: info.provisional,
                    },
                )?;
            } else {
                out.write_all(render::year(info).as_bytes())?;
            }
            // The human listing says so itself.
            false
        }
    };
    if provisional && !json {
        let years: Vec<String> = cal
            .known_years()
            .into_iter()
            .filter(|&y| cal.is_provisional(y).unwrap_or(false))
            .map(|y| y.to_string())
            .collect();
        eprintln!(
            "note: the answer touches a provisional year of the calendar (provisional years: {}); its transfers and Kurban Ait date may change",
            years.join(", ")
        );
    }
    Ok(())
}

fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> Result<(), Failure> {
    serde_json::to_writer(&mut *out, value).map_err(|e| Failure::from(io::Error::from(e)))?;
    writeln!(out)?;
    Ok(())
}
