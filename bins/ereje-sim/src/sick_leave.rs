//! `ereje-sim sick-leave`: the 2023 Astana pilot of the electronic sick-leave sheet as a
//! process (`ereje_sick_leave::pipeline`). This file is the glue: the options the process adds
//! (`--generate`, `--defect-share`, `--out`, `--status-out`, `--sheets`, `--status`), the sheets
//! (generated, or read from a file) turned into the scenario's timed cases before the run, and
//! the KPIs the process adds after it (rejections by ФЛК rule, stops by routing step, latency
//! of delivered events, events held by each outage).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::OnceLock;

use clap::Args;
use ereje_calendar::Calendar;
use ereje_cli::input::{RecordBody, for_each_record, open_all, parse_record};
use ereje_sick_leave::generate::{self, Config};
use ereje_sick_leave::pipeline::{self, Hours, PipelineKpis, Reach, SheetInput};
use ereje_sick_leave::{FixtureAnswer, FixtureStatusService, WireSheet};
use ereje_sim_engine::{CaseRecord, Estimate, Model, Scenario, SimError};

use crate::calendar::{self as kz, KzCalendar};
use crate::mse::Extra;
use crate::process::SimProcess;
use crate::scenario::Loaded;
use crate::table::{Align, Section, thousands};
use crate::{Failure, SimArgs};

/// Examples for `ereje-sim sick-leave --help`.
pub const EXAMPLES: &str = "\
Examples:
  ereje-sim sick-leave                                       the pilot's pipeline, 27.11.2023 - 31.03.2024
  ereje-sim sick-leave --format json > kpis.json             the same as one JSON object
  ereje-sim sick-leave --set defect_share=0.1                10 % of the records with one defect
  ereje-sim sick-leave --set sources.0.rate_per_working_day=120 --replications 10
  ereje-sim sick-leave --sheets fixtures/sick-leave/routing.ndjson --status fixtures/sick-leave/status.txt
  ereje-sim sick-leave --generate 1000 --seed 7 --defect-share 0.05 --out sheets.ndjson --status-out status.txt
  ereje-check sick-leave sheets.ndjson --status status.txt   check the generated sheets

Every case is one event (issued, extended, closed) of a sheet that was generated (or given with
--sheets), checked by the real ФЛК and routed by the real pilot routing; volumes, latencies and
outages are assumptions of fixtures/sick-leave/sim-default.toml (docs/sim.md). Exit status: 0
success, 2 usage error or bad scenario.";

/// The options of `ereje-sim sick-leave`: every process's, and the sheets'.
#[derive(Debug, Args)]
pub struct SickLeaveArgs {
    #[command(flatten)]
    sim: SimArgs,
    /// Write N synthetic sheets (NDJSON, for `ereje-check sick-leave`) instead of simulating:
    /// issued in the run window, as they stand on its last day, with the scenario's shares and
    /// seed.
    #[arg(long, value_name = "N")]
    generate: Option<usize>,
    /// The share of records with one defect, 0 to 1 (the same as --set defect_share=P)
    /// [default: the scenario's, 0.03].
    #[arg(long, value_name = "P")]
    defect_share: Option<f64>,
    /// With --generate: write the sheets to FILE instead of standard output.
    #[arg(long, value_name = "FILE", requires = "generate")]
    out: Option<PathBuf>,
    /// With --generate: write the patients' Е-қызмет status answers to FILE (`IIN ANSWER`
    /// lines, for `ereje-check sick-leave --status`).
    #[arg(long, value_name = "FILE", requires = "generate")]
    status_out: Option<PathBuf>,
    /// Simulate the events of these sheets (NDJSON, a JSON array or one object, in input order)
    /// instead of generating them.
    #[arg(long, value_name = "FILE", conflicts_with = "generate")]
    sheets: Option<PathBuf>,
    /// With --sheets: the Е-қызмет status answers (`IIN ANSWER` lines) [default: every patient
    /// a civil servant].
    #[arg(long, value_name = "FILE", requires = "sheets")]
    status: Option<PathBuf>,
}

/// The sheet options of the run, kept when the arguments are split.
#[derive(Debug, Default)]
struct Sheets {
    generate: Option<usize>,
    out: Option<PathBuf>,
    status_out: Option<PathBuf>,
    sheets: Option<PathBuf>,
    status: Option<PathBuf>,
}

static SHEETS: OnceLock<Sheets> = OnceLock::new();
static NOTES: OnceLock<Vec<String>> = OnceLock::new();

/// Splits the arguments: the shared options go on (`--defect-share P` as the setting
/// `defect_share=P`), the sheet options are kept for [`prepare`].
pub fn take(args: SickLeaveArgs) -> SimArgs {
    let SickLeaveArgs { mut sim, generate, defect_share, out, status_out, sheets, status } = args;
    if let Some(p) = defect_share {
        sim.set.push(format!("{}={p}", pipeline::DEFECT_SHARE));
    }
    let _ = SHEETS.set(Sheets { generate, out, status_out, sheets, status });
    sim
}

/// `ereje-sim sick-leave`: the scenario and its label; the sheets become timed cases in
/// [`prepare`].
pub static SICK_LEAVE: SimProcess = SimProcess {
    name: "sick-leave",
    default_file: "fixtures/sick-leave/sim-default.toml",
    default_toml: include_str!("../../../fixtures/sick-leave/sim-default.toml"),
    label: pipeline::LABEL,
    settings: pipeline::SETTINGS,
    apply_setting: |sc, key, value| {
        pipeline::apply_setting(sc, key, value).map_err(|e| e.to_string())
    },
    window_changed: |_| {},
    notes: |sc| {
        let mut v = NOTES.get().cloned().unwrap_or_default();
        v.extend(pipeline::notes(sc));
        v
    },
};

fn usage(e: impl std::fmt::Display) -> Failure {
    Failure::Usage(e.to_string())
}

/// Before the run: for `sick-leave`, writes the generated sheets and stops (`--generate`,
/// `Ok(None)`), or turns the sheets (generated, or `--sheets`) into the scenario's timed cases.
/// Other processes pass through.
///
/// # Errors
/// A usage failure: a file that cannot be read or written, shares the generator refuses.
pub fn prepare(
    process: &SimProcess,
    mut loaded: Loaded,
    cal: &Calendar,
    out: &mut dyn Write,
) -> Result<Option<Loaded>, Failure> {
    if process.name != SICK_LEAVE.name {
        return Ok(Some(loaded));
    }
    let opts = SHEETS.get_or_init(Sheets::default);
    if let Some(n) = opts.generate {
        write_generated(&loaded.scenario, n, opts, cal, out)?;
        return Ok(None);
    }
    let mut notes = Vec::new();
    let prepared = match &opts.sheets {
        None => {
            pipeline::prepare(&mut loaded.scenario, SheetInput::Generate, cal).map_err(usage)?
        }
        Some(path) => {
            let (records, unreadable) = read_sheets(path)?;
            let status = match &opts.status {
                Some(p) => {
                    let text = std::fs::read_to_string(p)
                        .map_err(|e| usage(format!("cannot read {}: {e}", p.display())))?;
                    FixtureStatusService::parse(&text)
                        .map_err(|e| usage(format!("{}: {e}", p.display())))?
                }
                None => FixtureStatusService::new(FixtureAnswer::CivilServant),
            };
            notes.push(format!(
                "sheets read from {}: {} records{}; status answers: {}",
                path.display(),
                records.len(),
                if unreadable > 0 {
                    format!(", {unreadable} more that are not JSON sheets and are not simulated")
                } else {
                    String::new()
                },
                opts.status.as_ref().map_or_else(
                    || "every patient a civil servant (no --status)".to_owned(),
                    |p| p.display().to_string()
                ),
            ));
            let input = SheetInput::Given { records: &records, status: &status };
            pipeline::prepare(&mut loaded.scenario, input, cal).map_err(usage)?
        }
    };
    notes.extend(prepared.notes);
    let _ = NOTES.set(notes);
    Ok(Some(loaded))
}

/// Reads sheet records as `ereje-check` does; records that are not JSON sheets are counted.
fn read_sheets(path: &PathBuf) -> Result<(Vec<WireSheet<'static>>, usize), Failure> {
    let inputs = open_all(std::slice::from_ref(path)).map_err(usage)?;
    let mut records = Vec::new();
    let mut unreadable = 0usize;
    for_each_record(inputs, |at, body| {
        match body {
            RecordBody::Json(bytes) => match parse_record::<WireSheet<'_>>(at, bytes) {
                Ok(w) => records.push(w.into_owned()),
                Err(_) => unreadable += 1,
            },
            RecordBody::Unreadable(_) => unreadable += 1,
        }
        Ok::<(), ()>(())
    })
    .map_err(|()| usage(format!("cannot read {}", path.display())))?;
    Ok((records, unreadable))
}

fn write_generated(
    sc: &Scenario,
    n: usize,
    opts: &Sheets,
    cal: &Calendar,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mix = pipeline::mix(sc).map_err(usage)?;
    let config = Config {
        count: n,
        seed: sc.run.seed,
        from: sc.run.start,
        to: sc.run.end,
        as_of: Some(sc.run.end),
        mix,
    };
    let generated = generate::generate(&config, cal).map_err(usage)?;
    let write = |w: &mut dyn Write| -> std::io::Result<()> {
        for s in &generated.sheets {
            serde_json::to_writer(&mut *w, &s.sheet)?;
            w.write_all(b"\n")?;
        }
        w.flush()
    };
    match &opts.out {
        None => write(out)?,
        Some(path) => {
            let file = File::create(path)
                .map_err(|e| usage(format!("cannot create {}: {e}", path.display())))?;
            write(&mut BufWriter::new(file))
                .map_err(|e| usage(format!("cannot write {}: {e}", path.display())))?;
        }
    }
    if let Some(path) = &opts.status_out {
        std::fs::write(path, generated.status_table())
            .map_err(|e| usage(format!("cannot write {}: {e}", path.display())))?;
    }
    eprintln!(
        "ereje-sim: {n} synthetic sick-leave sheets (synthetic ИИН; seed {}, issued {} - {}, as of {}), {} with one defect (share {})",
        config.seed,
        config.from,
        config.to,
        config.to,
        generated.defective(),
        config.mix.defect_share,
    );
    Ok(())
}

/// After the run: the KPIs the process adds (a second pass over the replications with their
/// cases, and the same replications of the scenario cut at each step whose reaching time is
/// needed, one cut model at a time, each case record reduced at once). `None` for other
/// processes.
///
/// # Errors
/// A message when a cut scenario cannot be compiled or a replication fails.
pub fn extra(
    process: &SimProcess,
    model: &Model,
    scenario: &Scenario,
    cal: &Calendar,
    threads: usize,
) -> Result<Option<Extra>, String> {
    if process.name != SICK_LEAVE.name {
        return Ok(None);
    }
    let reps: Vec<u32> = (0..scenario.run.replications).collect();
    let mut reached: Vec<BTreeMap<String, Vec<Reach>>> = vec![BTreeMap::new(); reps.len()];
    for step in pipeline::reach_steps(scenario) {
        let Some(sc) = pipeline::reach_scenario(scenario, &step) else { continue };
        let cut = Model::compile(&sc, &KzCalendar(cal)).map_err(|e| match e {
            SimError::UnknownDate { date } => kz::unknown_date(cal, date),
            other => format!("the scenario cut at `{step}`: {other}"),
        })?;
        let runs =
            per_replication(&cut, &reps, threads, &|_, cases| pipeline::reaches(&step, cases))?;
        for (map, run) in reached.iter_mut().zip(runs) {
            map.insert(step.clone(), run);
        }
    }
    let none = BTreeMap::new();
    let per_rep = per_replication(model, &reps, threads, &|r, cases| {
        let reached = reached.get(r as usize).unwrap_or(&none);
        pipeline::replication_kpis(scenario, cases, reached)
    })?;
    let kpis = pipeline::aggregate(&per_rep);
    let json = serde_json::to_value(&kpis).map_err(|e| e.to_string())?;
    Ok(Some(Extra { json, sections: sections(&kpis) }))
}

/// Runs `f` on each replication of `m` and its case records, `threads` at a time, in
/// replication order (the records are dropped as soon as `f` has reduced them).
fn per_replication<T: Send>(
    m: &Model,
    reps: &[u32],
    threads: usize,
    f: &(dyn Fn(u32, &[CaseRecord]) -> T + Sync),
) -> Result<Vec<T>, String> {
    let mut out = Vec::with_capacity(reps.len());
    for chunk in reps.chunks(threads.max(1)) {
        let batch: Vec<T> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|&r| s.spawn(move || f(r, &m.run_replication(r, true).1)))
                .collect();
            handles.into_iter().map(|h| h.join().map_err(|_| ())).collect::<Result<_, _>>()
        })
        .map_err(|()| "a replication failed while collecting the pipeline's KPIs".to_owned())?;
        out.extend(batch);
    }
    Ok(out)
}

/// An estimate as the tables show it: the mean, `±` the half-width of the 95 % interval when it
/// does not round to zero, `—` when undefined.
fn cell(e: &Estimate, decimals: usize) -> String {
    let Some(mean) = e.mean.0.filter(|m| m.is_finite()) else { return "—".to_owned() };
    let decimals = if decimals == 0 && mean.fract() != 0.0 { 1 } else { decimals };
    let mut s = thousands(mean, decimals);
    if let Some([lo, hi]) = e.ci95 {
        let h = thousands((hi - lo) / 2.0, decimals.max(1));
        if h.chars().any(|c| c.is_ascii_digit() && c != '0') {
            s.push_str(" ±");
            s.push_str(&h);
        }
    }
    s
}

fn hours_row(name: &str, h: &Hours<Estimate>) -> Vec<String> {
    vec![
        name.to_owned(),
        cell(&h.count, 0),
        cell(&h.mean, 2),
        cell(&h.p50, 2),
        cell(&h.p90, 2),
        cell(&h.p99, 2),
        cell(&h.max, 2),
    ]
}

fn sections(k: &PipelineKpis<Estimate>) -> Vec<Section> {
    let count_table =
        |title: &str, note: &str, first: &str, m: &BTreeMap<String, Estimate>| Section {
            title: title.to_owned(),
            note: note.to_owned(),
            headers: vec![first.to_owned(), "events".to_owned()],
            aligns: vec![Align::Left, Align::Right],
            rows: if m.is_empty() {
                vec![vec!["(none)".to_owned(), "0".to_owned()]]
            } else {
                m.iter().map(|(r, e)| vec![r.clone(), cell(e, 0)]).collect()
            },
        };
    let mut out = vec![
        count_table(
            "Rejected by the ФЛК, by rule",
            "events per replication; this project's validator stands in for the unpublished ФЛК of ИС «АПП»; a sheet with several errors counts under its lowest rule id (docs/rules.md)",
            "rule",
            &k.rejected_by_rule,
        ),
        count_table(
            "Not eligible, by routing step",
            "events per replication; the step of ereje_sick_leave::route that stopped them",
            "step",
            &k.not_eligible_by_reason,
        ),
        Section {
            title: "Latency of delivered events (hours)".to_owned(),
            note: "calendar hours from the MIS's send, per replication; the personnel service works its working hours".to_owned(),
            headers: ["to", "events", "mean", "p50", "p90", "p99", "max"]
                .map(str::to_owned)
                .to_vec(),
            aligns: [Align::Left].into_iter().chain([Align::Right; 6]).collect(),
            rows: vec![
                hours_row("Е-қызмет (EK_getStatusBL)", &k.latency_to_e_kyzmet_hours),
                hours_row("personnel service", &k.latency_to_personnel_service_hours),
            ],
        },
    ];
    if !k.outages.is_empty() {
        out.push(Section {
            title: "Outages: events held".to_owned(),
            note: "events that reached the step during the outage and went on at its end, per replication (outage windows: scenario assumptions)".to_owned(),
            headers: ["step", "from", "to", "held", "longest hold (h)"].map(str::to_owned).to_vec(),
            aligns: vec![Align::Left, Align::Left, Align::Left, Align::Right, Align::Right],
            rows: k
                .outages
                .iter()
                .map(|o| {
                    vec![
                        o.step.clone(),
                        o.from.format("%Y-%m-%d %H:%M").to_string(),
                        o.to.format("%Y-%m-%d %H:%M").to_string(),
                        cell(&o.held, 0),
                        cell(&o.longest_hold_hours, 2),
                    ]
                })
                .collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ereje_sim_engine::Val;

    #[test]
    fn the_embedded_scenario_is_the_shipped_file_and_carries_the_default_mix() {
        let sc: Scenario = toml::from_str(SICK_LEAVE.default_toml).unwrap();
        assert_eq!(ereje_sim_engine::validate(&sc), vec![]);
        assert_eq!(pipeline::mix(&sc), Ok(generate::Mix::default()));
        let mut sc2 = sc.clone();
        assert_eq!((SICK_LEAVE.apply_setting)(&mut sc2, "defect_share", "0.2"), Ok(()));
        assert!((SICK_LEAVE.apply_setting)(&mut sc2, "defect_share", "two").is_err());
    }

    #[test]
    fn cells_show_means_and_intervals() {
        let e = |m: f64, ci: Option<[f64; 2]>| Estimate { mean: Val::of(m), ci95: ci };
        assert_eq!(cell(&e(12.0, None), 0), "12");
        assert_eq!(cell(&e(12.4, Some([10.0, 14.8])), 0), "12.4 ±2.4");
        assert_eq!(cell(&e(0.25, Some([0.25, 0.25])), 2), "0.25");
        assert_eq!(cell(&Estimate::default(), 2), "—");
    }
}
