//! `ereje-sim`: the Ereje simulators. `ereje-sim <process> [OPTIONS]` runs a process's scenario
//! (the built-in one, or `--scenario FILE`) through the simulation engine on the Kazakhstan
//! working-day calendar and writes its KPIs as a table or JSON, optionally the simulated cases
//! (`--cases-out`) and a self-contained HTML report (`--report`).
//!
//! Thin by design: it parses arguments, reads the scenario and calendar files, applies the
//! command line's overrides, calls `ereje-sim-engine` and writes the outputs. Exit status 0 on
//! success, 2 on a usage error or a bad scenario (the message names the file, the line and the
//! key); a closed output pipe exits quietly. The interface is fixed by `docs/contracts.md`
//! (`ereje-sim`); `docs/sim.md` documents it.

mod calendar;
mod cases;
mod html;
mod json;
mod locate;
mod mse;
mod process;
mod progress;
mod register;
mod scenario;
mod sick_leave;
mod table;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use ereje_calendar::Calendar;
use ereje_sim_engine::{Model, RunOptions, SimError};

use crate::cases::CasesFormat;
use crate::process::SimProcess;
use crate::scenario::{Override, ScenarioText};

const EXAMPLES: &str = "\
Examples:
  ereje-sim social-payment                                   the built-in scenario, KPI table
  ereje-sim social-payment --format json > kpis.json         the same as one JSON object
  ereje-sim social-payment --seed 7 --replications 20        another seed, more replications
  ereje-sim social-payment --set process.roles.executor.staff=3 --set sources.0.rate_per_working_day=40
  ereje-sim social-payment --from 2025-03-01 --to 2025-05-31 --report spring.html
  ereje-sim social-payment --cases-out cases.csv             one row per simulated case
  ereje-sim social-payment --print-scenario > my.toml        start a scenario of your own
  ereje-sim social-payment --scenario my.toml --calendar years.toml
  ereje-sim mse --set process.roles.expert.staff=2           the МСЭ pilot with two experts

Scenarios are TOML (docs/sim-engine.md; the built-in ones are shipped under fixtures/). --set takes
a key path of the scenario (dotted keys, array indices as numbers) and a value of the key's type.
Exit status: 0 success, 2 usage error or bad scenario (the message names the file, line and key).";

/// Simulators: how long a regulated procedure takes at a given volume and staffing, which norm
/// breaks first, where cases wait, how many are refused and why.
#[derive(Debug, Parser)]
#[command(name = "ereje-sim", version, long_version = long_version(), after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    process: ProcessCommand,
}

/// The processes; each takes the same options and has its own built-in scenario.
#[derive(Debug, Subcommand)]
enum ProcessCommand {
    /// The job-loss payment under the Aktobe regional service regulation (seed 003): department,
    /// State Corporation and portal routes; built-in scenario over 2025.
    #[command(after_help = EXAMPLES)]
    SocialPayment(SimArgs),
    /// The pilot of proactive absentee МСЭ (seed 004): forms 031/у by region and nosology, the
    /// signing gate, the waiting list, the experts and their 1-working-day term with the 16:00
    /// cutoff; built-in scenario over the pilot's twelve months (2025-06-27 – 2026-06-26).
    #[command(after_help = EXAMPLES)]
    Mse(SimArgs),
    /// The professional register of health workers (seed 002): hires, changes, transfers and
    /// dismissals entered by the personnel specialists (three working days, para 8), certificate
    /// notices (para 14.4) and blocks (para 14.5); built-in scenario over 2025.
    #[command(after_help = EXAMPLES)]
    Register(SimArgs),
    /// The 2023 Astana pilot of the electronic sick-leave sheet (seeds 000/001): MIS → ВШЭП/ШЭП →
    /// ИС «АПП» (the real ФЛК) → Е-қызмет status → delivery to Е-қызмет and the personnel
    /// service, one case per sheet event; built-in scenario over the pilot's window. `--generate
    /// N` writes synthetic sheets instead.
    #[command(after_help = sick_leave::EXAMPLES)]
    SickLeave(sick_leave::SickLeaveArgs),
}

impl ProcessCommand {
    fn split(self) -> (&'static SimProcess, SimArgs) {
        match self {
            ProcessCommand::SocialPayment(args) => (&process::SOCIAL_PAYMENT, args),
            ProcessCommand::Mse(args) => (&process::MSE, args),
            ProcessCommand::Register(args) => (&register::REGISTER, args),
            ProcessCommand::SickLeave(args) => (&sick_leave::SICK_LEAVE, sick_leave::take(args)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// KPI tables for people.
    Table,
    /// One JSON object.
    Json,
}

/// The options every process takes.
#[derive(Debug, Args)]
struct SimArgs {
    /// A scenario file (TOML, docs/sim-engine.md) [default: the process's built-in scenario].
    #[arg(long, value_name = "FILE")]
    scenario: Option<PathBuf>,
    /// The seed [default: the scenario's run.seed]; at most 9223372036854775807.
    #[arg(long, value_name = "N", value_parser = seed_arg)]
    seed: Option<u64>,
    /// Independent replications (at least 1) [default: the scenario's run.replications].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    replications: Option<u32>,
    /// First simulated day, YYYY-MM-DD [default: the scenario's run.start].
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    from: Option<NaiveDate>,
    /// Last simulated day (inclusive), YYYY-MM-DD [default: the scenario's run.end].
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    to: Option<NaiveDate>,
    /// Override one scenario value by its key path (repeatable), e.g.
    /// process.roles.executor.staff=3, sources.0.rate_per_working_day=40, run.warm_up_days=0.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    set: Vec<String>,
    /// Write one row per simulated case (every replication) to FILE: .csv or .ndjson.
    #[arg(long, value_name = "FILE")]
    cases_out: Option<PathBuf>,
    /// Output format [default: table when stdout is a terminal, else json].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write a self-contained HTML report with charts to FILE.
    #[arg(long, value_name = "FILE.html")]
    report: Option<PathBuf>,
    /// A calendar file (TOML, docs/calendar.md) extending or overriding the built-in years.
    #[arg(long, value_name = "FILE")]
    calendar: Option<PathBuf>,
    /// Worker threads for replications [default: the available cores]; the output does not
    /// depend on it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    threads: Option<u32>,
    /// Print the scenario in effect (TOML; with overrides applied) instead of simulating.
    #[arg(long)]
    print_scenario: bool,
}

fn date_arg(s: &str) -> Result<NaiveDate, String> {
    ereje_calendar::parse_date(s).map_err(|e| e.to_string())
}

fn seed_arg(s: &str) -> Result<u64, String> {
    match s.parse::<u64>() {
        Ok(n) if i64::try_from(n).is_ok() => Ok(n),
        Ok(_) => Err("a seed must fit a TOML integer (at most 9223372036854775807)".to_owned()),
        Err(_) => Err(format!("`{s}` is not a whole number ≥ 0")),
    }
}

fn long_version() -> &'static str {
    static V: OnceLock<String> = OnceLock::new();
    V.get_or_init(|| ereje_cli::long_version(&ereje_cli::data_versions()))
}

/// Why a run stopped.
#[derive(Debug)]
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
            Failure::Usage(format!("cannot write the output: {e}"))
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (process, args) = cli.process.split();
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = BufWriter::new(stdout.lock());
    let result =
        run(process, &args, terminal, &mut out).and_then(|()| out.flush().map_err(Failure::from));
    match result {
        Ok(()) | Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            let _ = writeln!(io::stderr(), "ereje-sim: {message}");
            ExitCode::from(ereje_cli::EXIT_USAGE)
        }
    }
}

fn read(path: &Path, what: &str) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|e| Failure::Usage(format!("cannot read {what} {}: {e}", path.display())))
}

/// The overrides of the command line, in the order they apply (`--set` first, then the options
/// that stand for keys).
fn overrides(args: &SimArgs) -> Result<Vec<Override>, Failure> {
    let mut v = Vec::new();
    for s in &args.set {
        v.push(Override::from_set(s).map_err(|e| Failure::Usage(e.to_string()))?);
    }
    if let Some(d) = args.from {
        v.push(Override::from_flag("--from", "run.start", d.to_string()));
    }
    if let Some(d) = args.to {
        v.push(Override::from_flag("--to", "run.end", d.to_string()));
    }
    if let Some(s) = args.seed {
        v.push(Override::from_flag("--seed", "run.seed", s.to_string()));
    }
    if let Some(n) = args.replications {
        v.push(Override::from_flag("--replications", "run.replications", n.to_string()));
    }
    Ok(v)
}

fn run(
    process: &SimProcess,
    args: &SimArgs,
    terminal: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    // Read every input before anything else.
    let source = match &args.scenario {
        Some(path) => {
            ScenarioText { name: path.display().to_string(), text: read(path, "scenario file")? }
        }
        None => ScenarioText {
            name: process.default_file.to_owned(),
            text: process.default_toml.to_owned(),
        },
    };
    let cal = match &args.calendar {
        None => Calendar::builtin().clone(),
        Some(path) => Calendar::with_overrides(&read(path, "calendar file")?)
            .map_err(|e| Failure::Usage(format!("calendar file {}: {e}", path.display())))?,
    };
    let ovs = overrides(args)?;
    let apply_setting =
        |sc: &mut ereje_sim_engine::Scenario, k: &str, v: &str| (process.apply_setting)(sc, k, v);
    let window_changed = |sc: &mut ereje_sim_engine::Scenario| (process.window_changed)(sc);
    let hooks = scenario::Hooks {
        settings: process.settings,
        apply_setting: &apply_setting,
        // A scenario file keeps its own term; the built-in one follows the window.
        window_changed: if args.scenario.is_none() { Some(&window_changed) } else { None },
    };
    let loaded =
        scenario::load(&source, &ovs, &hooks).map_err(|e| Failure::Usage(e.to_string()))?;
    if args.print_scenario {
        if ovs.is_empty() {
            out.write_all(source.text.as_bytes())?;
        } else {
            let text = toml::to_string(&loaded.scenario)
                .map_err(|e| Failure::Usage(format!("cannot print the scenario: {e}")))?;
            let given: Vec<&str> = ovs.iter().map(|o| o.origin.as_str()).collect();
            writeln!(out, "# {} with {}", source.name, given.join(", "))?;
            out.write_all(text.as_bytes())?;
        }
        return Ok(());
    }
    // `sick-leave`: the sheets become timed cases (or, with --generate, are written instead).
    let Some(loaded) = sick_leave::prepare(process, loaded, &cal, out)? else { return Ok(()) };
    let sc = &loaded.scenario;
    calendar::check_window(&cal, sc.run.start, sc.run.end).map_err(Failure::Usage)?;
    let cases_out = match &args.cases_out {
        None => None,
        Some(path) => {
            let format = CasesFormat::from_path(path).map_err(Failure::Usage)?;
            let file = File::create(path)
                .map_err(|e| Failure::Usage(format!("cannot create {}: {e}", path.display())))?;
            Some((path, format, BufWriter::new(file)))
        }
    };
    let model = Model::compile(sc, &calendar::KzCalendar(&cal)).map_err(|e| match e {
        SimError::UnknownDate { date } => Failure::Usage(calendar::unknown_date(&cal, date)),
        other => Failure::Usage(format!("{}: {other}", source.name)),
    })?;
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        |t| t as usize,
    );

    let progress = progress::Progress::start(format!(
        "simulating {} {}–{}, {} replication{}",
        process.name,
        sc.run.start,
        sc.run.end,
        sc.run.replications,
        if sc.run.replications == 1 { "" } else { "s" }
    ));
    let results = model.run(&RunOptions { threads, cases: false, per_replication: false });
    let elapsed = progress.finish();
    let output = &results.output;

    // Case records: a second pass, one chunk of replications at a time, in replication order.
    let mut leads = html::LeadTimes::default();
    if cases_out.is_some() || args.report.is_some() {
        let progress = progress::Progress::start("collecting the simulated cases".to_owned());
        let mut cases_out = cases_out;
        if let Some((_, format, w)) = cases_out.as_mut() {
            cases::write_header(w, *format)?;
        }
        let reps: Vec<u32> = (0..sc.run.replications).collect();
        for chunk in reps.chunks(threads.max(1)) {
            let batch: Vec<Vec<ereje_sim_engine::CaseRecord>> = std::thread::scope(|s| {
                let handles: Vec<_> = chunk
                    .iter()
                    .map(|r| {
                        let model = &model;
                        s.spawn(move || model.run_replication(*r, true).1)
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().map_err(|_| ())).collect::<Result<_, _>>()
            })
            .map_err(|()| {
                Failure::Usage("a replication failed while collecting cases".to_owned())
            })?;
            for cases in &batch {
                if let Some((path, format, w)) = cases_out.as_mut() {
                    cases::write_cases(w, *format, cases).map_err(|e| {
                        Failure::Usage(format!("cannot write {}: {e}", path.display()))
                    })?;
                }
                if args.report.is_some() {
                    leads.add(cases);
                }
            }
        }
        if let Some((path, _, mut w)) = cases_out {
            w.flush()
                .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))?;
        }
        progress.finish();
    }

    // What the process adds to the engine's KPIs (for `mse`: the expert's term).
    let extra = if process.name == process::MSE.name {
        mse::extra(&model, sc, &cal, threads).map_err(Failure::Usage)?
    } else if process.name == register::REGISTER.name {
        register::extra(&output.kpis)
    } else {
        sick_leave::extra(process, &model, sc, &cal, threads).map_err(Failure::Usage)?
    };

    let label = process.label_for(args.scenario.as_ref().map(|_| source.name.as_str()));
    let cal_info = json::CalendarInfo {
        known_years: cal.known_years_label().to_owned(),
        file: args.calendar.as_ref().map(|p| p.display().to_string()),
        provisional_years: calendar::provisional_years(&cal, sc.run.start, sc.run.end),
    };
    let report = json::Report {
        process: process.name,
        label: &label,
        scenario: json::ScenarioInfo {
            origin: if args.scenario.is_some() { "file" } else { "built-in" },
            file: &source.name,
            name: &sc.process.name,
        },
        seed: output.seed,
        replications: output.replications,
        start: output.start,
        end: output.end,
        warm_up_days: output.warm_up_days,
        working_days: output.working_days,
        cases: output.cases,
        events: output.events,
        events_per_case: output.events_per_case,
        parameters: &loaded.parameters,
        assumptions: json::assumptions(output, &label, &(process.notes)(sc), &cal_info),
        calendar: cal_info,
        model: &output.model,
        kpis: &output.kpis,
        process_kpis: extra.as_ref().map(|e| &e.json),
        process_sections: extra.as_ref().map_or(&[], |e| e.sections.as_slice()),
    };
    let format = args.format.unwrap_or(if terminal { Format::Table } else { Format::Json });
    match format {
        Format::Json => json::write(out, &report)?,
        Format::Table => out.write_all(table::render(&report).as_bytes())?,
    }
    if let Some(path) = &args.report {
        std::fs::write(path, html::render(&report, &leads)).map_err(|e| {
            Failure::Usage(format!("cannot write the report {}: {e}", path.display()))
        })?;
    }
    if !report.calendar.provisional_years.is_empty() {
        let years: Vec<String> =
            report.calendar.provisional_years.iter().map(i32::to_string).collect();
        eprintln!(
            "note: the run window touches provisional calendar years ({}); their transfers and Kurban Ait date may change",
            years.join(", ")
        );
    }
    if io::stderr().is_terminal() {
        let secs = elapsed.as_secs_f64();
        eprintln!(
            "simulated {} cases, {} events in {:.2} s ({:.1} million events/s, {} thread{})",
            table::thousands(output.cases as f64, 0),
            table::thousands(output.events as f64, 0),
            secs,
            if secs > 0.0 { output.events as f64 / secs / 1e6 } else { 0.0 },
            threads.min(sc.run.replications as usize).max(1),
            if threads.min(sc.run.replications as usize) > 1 { "s" } else { "" },
        );
    }
    Ok(())
}
