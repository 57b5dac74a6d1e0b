//! `ereje-sim register`: the professional register of health workers (seed 002) as a simulated
//! process (`ereje_register::process`), and the KPIs it adds to the engine's, read from the
//! engine's step and role KPIs: entries within the three working days of para 8, notices sent on
//! time (para 14.4), accounts blocked, on time (para 14.5) and for how long, expired certificates
//! left unblocked (the register-side proxy of practising on them), monthly reports on time (para 6). They go to the JSON
//! as `process_kpis.register` and to the tables as one section.

use ereje_register::process;
use ereje_sim_engine::{Estimate, Kpis, StepKpis, Val};

use crate::mse::Extra;
use crate::process::SimProcess;
use crate::table::{Align, Section, thousands};

/// `ereje-sim register`: one region's health-worker register over 2025.
pub static REGISTER: SimProcess = SimProcess {
    name: process::NAME,
    default_file: "fixtures/register/sim-default.toml",
    default_toml: include_str!("../../../fixtures/register/sim-default.toml"),
    label: process::LABEL,
    settings: &[],
    apply_setting: |_, key, _| Err(format!("unknown setting `{key}`")),
    window_changed: |_| {},
    notes: process::notes,
};

/// An estimate times `factor` (the interval too).
fn scaled(e: &Estimate, factor: f64) -> Estimate {
    Estimate {
        mean: Val(e.mean.0.map(|m| m * factor)),
        ci95: e.ci95.map(|[lo, hi]| [lo * factor, hi * factor]),
    }
}

/// The register's KPIs, from the engine's: `None` when the scenario lacks the register's steps
/// (a scenario file of another shape: the engine's KPIs stand alone).
pub fn extra(kpis: &Kpis<Estimate>) -> Option<Extra> {
    let step = |id: &str| kpis.steps.get(id);
    let (hire, transfer, notice, block, blocked, report) = (
        step("hire_entry")?,
        step("transfer_entry")?,
        step("notice")?,
        step("block")?,
        step("blocked")?,
        step("monthly_report")?,
    );
    let role = kpis.roles.get(process::ROLE)?;
    let at_horizon = kpis.cases.all.in_progress_at.get("blocked").cloned().unwrap_or_default();
    let json = serde_json::json!({ "register": {
        "hires_entered": hire.completed,
        "hires_within_three_working_days": hire.within_norm,
        "hires_overdue_at_horizon": hire.overdue_in_progress,
        "transfers_entered": transfer.completed,
        "transfers_within_three_working_days": transfer.within_norm,
        "transfers_overdue_at_horizon": transfer.overdue_in_progress,
        "personnel_utilisation": role.utilisation,
        "personnel_wait_working_minutes": role.wait_working_minutes,
        "notices_sent": notice.completed,
        "notices_on_time": notice.within_norm,
        "accounts_blocked": block.completed,
        "blocks_on_time": block.within_norm,
        "blocked_days": { "mean": scaled(&blocked.calendar_hours.mean, 1.0 / 24.0), "p90": scaled(&blocked.calendar_hours.p90, 1.0 / 24.0) },
        "accounts_blocked_at_horizon": at_horizon,
        "monthly_reports_submitted": report.completed,
        "monthly_reports_on_time": report.within_norm,
        "expired_certificates_blocked_late": late_share(block),
        "hours_on_an_expired_certificate_before_the_block": { "mean": block.calendar_hours.mean, "p90": block.calendar_hours.p90 },
        "proxies": [
            "practice on an expired certificate: the register cannot see practice; its proxy is the time an expired certificate's account stays unblocked (from the end of validity to the block, para 14.5)"
        ],
    }});
    let days = |s: &StepKpis<Estimate>| cell(&scaled(&s.calendar_hours.mean, 1.0 / 24.0), false);
    let rows = vec![
        vec!["hires entered".into(), cell(&hire.completed, false)],
        vec!["hires within 3 working days (para 8)".into(), cell(&hire.within_norm, true)],
        vec!["transfers entered".into(), cell(&transfer.completed, false)],
        vec!["transfers within 3 working days (para 8)".into(), cell(&transfer.within_norm, true)],
        vec!["personnel utilisation".into(), cell(&role.utilisation, true)],
        vec!["notices sent".into(), cell(&notice.completed, false)],
        vec!["notices on time (para 14.4)".into(), cell(&notice.within_norm, true)],
        vec!["accounts blocked".into(), cell(&block.completed, false)],
        vec!["blocked on time (para 14.5)".into(), cell(&block.within_norm, true)],
        vec!["days blocked (mean, unblocked accounts)".into(), days(blocked)],
        vec!["accounts still blocked at the horizon".into(), cell(&at_horizon, false)],
        vec![
            "expired certificates blocked late (proxy: practising)".into(),
            cell(&late_share(block), true),
        ],
        vec![
            "hours on an expired certificate before the block (mean)".into(),
            cell(&block.calendar_hours.mean, false),
        ],
        vec!["monthly reports submitted (para 6)".into(), cell(&report.completed, false)],
        vec!["monthly reports on time (by the 9th)".into(), cell(&report.within_norm, true)],
    ];
    let section = Section {
        title: "Register KPIs".to_owned(),
        note: "per replication; practising on an expired certificate: the register cannot see practice, the proxy is an expired certificate's account left unblocked".to_owned(),
        headers: vec!["KPI".to_owned(), "value".to_owned()],
        aligns: vec![Align::Left, Align::Right],
        rows,
    };
    Some(Extra { json, sections: vec![section] })
}

/// The share of blocks not done on the day validity ended: 1 − the block step's share within norm.
fn late_share(block: &StepKpis<Estimate>) -> Estimate {
    let within = &block.within_norm;
    Estimate {
        mean: Val(within.mean.0.map(|m| 1.0 - m)),
        ci95: within.ci95.map(|[lo, hi]| [1.0 - hi, 1.0 - lo]),
    }
}

/// An estimate as the tables show it: the mean (`—` when undefined), shares as percentages.
fn cell(e: &Estimate, percent: bool) -> String {
    let Some(mean) = e.mean.0.filter(|m| m.is_finite()) else { return "—".to_owned() };
    if percent {
        format!("{}%", thousands(mean * 100.0, 1))
    } else {
        thousands(mean, usize::from(mean.fract() != 0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_scenario_is_the_crates_default() {
        let sc: ereje_sim_engine::Scenario = toml::from_str(REGISTER.default_toml).unwrap();
        assert_eq!(sc, process::default_scenario());
        assert_eq!(ereje_sim_engine::validate(&sc), vec![]);
        assert!((REGISTER.apply_setting)(&mut sc.clone(), "x", "y").is_err());
    }

    #[test]
    fn cells_and_scaling() {
        let e = Estimate { mean: Val::of(48.0), ci95: Some([24.0, 72.0]) };
        assert_eq!(scaled(&e, 0.5).ci95, Some([12.0, 36.0]));
        assert_eq!(cell(&scaled(&e, 1.0 / 24.0), false), "2");
        assert_eq!(cell(&Estimate { mean: Val::of(0.5), ci95: None }, true), "50.0%");
        assert_eq!(cell(&Estimate::default(), true), "—");
    }
}
