//! `ereje-sim mse`: the KPIs the МСЭ pilot adds to the engine's. The expert's term of para 9
//! (one working day, from the next working day after 16:00) is judged exactly from the
//! simulated cases by `ereje_mse::process::expert_term`, which needs each case's receipt by the
//! expert: the scenario cut at the expert's step (`receipt_scenario`) is run for the same
//! replications, and its cases end at their receipt. The result goes to the JSON as
//! `process_kpis.expert_term` and to the tables (and the HTML report) as two sections.

use ereje_calendar::Calendar;
use ereje_mse::process::{self, ExpertTermReport, TermKpis};
use ereje_sim_engine::{CaseRecord, Estimate, Model, Scenario, SimError};

use crate::calendar::{self as kz, KzCalendar};
use crate::table::{Align, Section, thousands};

/// What `mse` adds to a report.
#[derive(Debug, Clone)]
pub struct Extra {
    /// `process_kpis` of the JSON: `{"expert_term": …}`.
    pub json: serde_json::Value,
    /// The tables.
    pub sections: Vec<Section>,
}

/// The expert's term of a run of `scenario` (compiled as `model`), over every replication,
/// `threads` at a time. `None` when the scenario has no staffed step `expert` (a scenario file
/// of another shape): the engine's KPIs stand alone.
///
/// # Errors
/// A message when the cut scenario cannot be compiled or a replication fails.
pub fn extra(
    model: &Model,
    scenario: &Scenario,
    cal: &Calendar,
    threads: usize,
) -> Result<Option<Extra>, String> {
    let Some(cut) = process::receipt_scenario(scenario) else { return Ok(None) };
    let cut_model = Model::compile(&cut, &KzCalendar(cal)).map_err(|e| match e {
        SimError::UnknownDate { date } => kz::unknown_date(cal, date),
        other => format!("the scenario cut at the expert's receipt: {other}"),
    })?;
    let reps: Vec<u32> = (0..scenario.run.replications).collect();
    let mut per_rep = Vec::with_capacity(reps.len());
    for chunk in reps.chunks(threads.max(1)) {
        let batch: Vec<ExpertTermReport<ereje_sim_engine::Val>> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|&r| {
                    let (model, cut_model) = (model, &cut_model);
                    s.spawn(move || {
                        let cases: Vec<CaseRecord> = model.run_replication(r, true).1;
                        let receipts: Vec<CaseRecord> = cut_model.run_replication(r, true).1;
                        process::expert_term(scenario, &cases, &receipts, cal)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().map_err(|_| ())).collect::<Result<_, _>>()
        })
        .map_err(|()| "a replication failed while judging the expert's term".to_owned())?;
        per_rep.extend(batch);
    }
    let report = process::aggregate(&per_rep);
    let json = serde_json::json!({ "expert_term": &report });
    Ok(Some(Extra { json, sections: sections(&report, scenario) }))
}

/// An estimate as the tables show it: the mean, `±` the half-width of the 95 % interval when
/// it does not round to zero, `—` when undefined; shares as percentages.
fn cell(e: &Estimate, percent: bool) -> String {
    let Some(mean) = e.mean.0.filter(|m| m.is_finite()) else { return "—".to_owned() };
    let (scale, unit) = if percent { (100.0, "%") } else { (1.0, "") };
    let decimals = usize::from(percent || mean.fract() != 0.0);
    let mut s = format!("{}{unit}", thousands(mean * scale, decimals));
    if let Some([lo, hi]) = e.ci95 {
        let h = thousands((hi - lo) / 2.0 * scale, 1);
        if h.chars().any(|c| c.is_ascii_digit() && c != '0') {
            s.push_str(" ±");
            s.push_str(&h);
        }
    }
    s
}

const HEADERS: [&str; 10] = [
    "forms",
    "outside pilot",
    "returns",
    "received",
    "after 16:00",
    "decided",
    "within term",
    "late",
    "overdue",
    "pending",
];

fn row(name: String, extra: Option<String>, k: &TermKpis<Estimate>) -> Vec<String> {
    let mut r = vec![name];
    r.extend(extra);
    r.extend([
        cell(&k.forms, false),
        cell(&k.outside_pilot, false),
        cell(&k.returns, false),
        cell(&k.received, false),
        cell(&k.received_after_cutoff, false),
        cell(&k.decided, false),
        cell(&k.share_within_term, true),
        cell(&k.late, false),
        cell(&k.overdue_in_progress, false),
        cell(&k.pending, false),
    ]);
    r
}

fn headers(first: &[&str]) -> (Vec<String>, Vec<Align>) {
    let h: Vec<String> = first.iter().chain(HEADERS.iter()).map(|s| (*s).to_owned()).collect();
    let mut a = vec![Align::Left; first.len()];
    a.resize(h.len(), Align::Right);
    (h, a)
}

const NOTE: &str = "per replication; Algorithm para 9: due the working day of receipt, the next when received after 16:00 or on a day off (calendar); within term = within / (within + late + overdue at the horizon); returns = back to the doctor for missing exams";

fn sections(r: &ExpertTermReport<Estimate>, scenario: &Scenario) -> Vec<Section> {
    let (h, a) = headers(&["nosology"]);
    let mut rows = vec![row("all".to_owned(), None, &r.all)];
    rows.extend(r.by_nosology.iter().map(|(n, k)| row(n.clone(), None, k)));
    let overall = Section {
        title: "Expert's term (16:00 cutoff) by nosology".to_owned(),
        note: NOTE.to_owned(),
        headers: h,
        aligns: a,
        rows,
    };
    let wave = |region: &str| {
        scenario
            .sources
            .iter()
            .find(|s| s.labels.get("region").is_some_and(|r| r == region))
            .and_then(|s| s.labels.get("wave").cloned())
            .unwrap_or_default()
    };
    let (h, a) = headers(&["region", "wave"]);
    let by_region = Section {
        title: "Expert's term (16:00 cutoff) by region".to_owned(),
        note: "the medical organisation's region and its wave (by-region reading); breaches are late + overdue".to_owned(),
        headers: h,
        aligns: a,
        rows: r.by_region.iter().map(|(g, k)| row(g.clone(), Some(wave(g)), k)).collect(),
    };
    vec![overall, by_region]
}

#[cfg(test)]
mod tests {
    use super::*;
    use ereje_sim_engine::Val;

    #[test]
    fn cells_show_means_intervals_and_shares() {
        let e = |m: f64, ci: Option<[f64; 2]>| Estimate { mean: Val::of(m), ci95: ci };
        assert_eq!(cell(&e(3861.0, None), false), "3,861");
        assert_eq!(cell(&e(12.5, Some([10.0, 15.0])), false), "12.5 ±2.5");
        assert_eq!(cell(&e(0.9969, Some([0.9968, 0.997])), true), "99.7%");
        assert_eq!(cell(&e(0.58, Some([0.55, 0.61])), true), "58.0% ±3.0");
        assert_eq!(cell(&Estimate::default(), true), "—");
    }
}
