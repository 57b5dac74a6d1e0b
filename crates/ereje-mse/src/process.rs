//! The pilot of proactive absentee МСЭ as a process the simulation engine runs, and the default
//! scenario of `ereje-sim mse`: forms 031/у created per region and nosology, gated by the
//! nosology list and the launch schedule, the signing gate's returns to the doctor, the route
//! MIS → ИС МЗ РК → АИС «ЦБДИ», the waiting list, the distribution to an expert and the decision.
//!
//! - [`default_scenario`]: the pilot's twelve months from the order's entry into force
//!   (2025-06-27 – 2026-06-26 with the assumed publication date [`crate::DEFAULT_PUBLICATION`]),
//!   labelled [`LABEL`]; shipped as `fixtures/mse/sim-default.toml` (a test keeps the two equal).
//!   Every volume, share, duration and staff figure is a scenario assumption (the act sets none
//!   of them but the expert's term).
//! - The launch schedule gates by region: a source per region and nosology carries its wave
//!   (`by-region` reading) and draws the attribute `in_wave` with the share of the run's working
//!   days inside the wave and the pilot's twelve months ([`in_wave_share`]); [`apply_window`]
//!   recomputes it when the run window changes.
//! - The expert's term (Algorithm para 9: one working day, from the next working day after
//!   16:00) is judged exactly from the simulated cases by [`expert_term`], which needs each
//!   case's receipt by the expert: [`receipt_scenario`] gives the same scenario cut at the
//!   expert's step, whose cases end at their receipt (see `docs/sim.md`, «`ereje-sim mse`»).
//!   The engine's own norm on the step is an approximation (one working day after the date of
//!   receipt, without the cutoff).
//!
//! ```
//! use ereje_mse::process;
//! let s = process::default_scenario();
//! assert!(ereje_sim_engine::validate(&s).is_empty());
//! assert_eq!(s.run.start.to_string(), "2025-06-27");
//! assert_eq!(s.sources.len(), 60);
//! assert!(process::notes(&s).iter().any(|n| n.contains("assumption")));
//! ```

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use ereje_calendar::Calendar;
use ereje_sim_engine::{
    Branch, Break, Clock, ClockTime, Dist, Duration, Norm, Predicate, Process, Role, RunConfig,
    Scenario, Schedule, Source, Step,
};

use crate::nosology::Nosology;
use crate::params::Params;
use crate::region::Region;
use crate::schedule::{in_force_from, last_day, wave_by_region, wave_start};

mod kpis;

/// A citation into the joint order of June 2025 (seed 004): a short prefix and the place.
macro_rules! cite {
    ($place:literal) => {
        concat!("pilot order (seed 004), ", $place)
    };
}

pub use kpis::{ExpertTermReport, READING as TERM_READING, TermKpis, aggregate, expert_term};

/// The label every output of the default scenario carries.
pub const LABEL: &str = "the МСЭ proactive pilot, 2025–2026 (volumes: assumption)";

/// The process name (`process.name` of the scenario, the `ereje-sim` subcommand).
pub const NAME: &str = "mse";

/// The expert's step: its role is [`EXPERT_ROLE`]; the term of para 9 runs from entering it.
pub const EXPERT_STEP: &str = "expert";

/// The role of the extraterritorial experts (heads of МСЭ departments, Algorithm para 7).
pub const EXPERT_ROLE: &str = "expert";

/// The step of a form returned to the doctor for missing examinations (Algorithm para 4).
pub const RETURN_STEP: &str = "return_to_doctor";

/// The waiting list of АИС «ЦБДИ» (Algorithm paras 6–7): no legal norm.
pub const WAITING_LIST_STEP: &str = "waiting_list";

/// The outcome of a form the pilot does not take (nosology or launch schedule).
pub const OUTSIDE_PILOT: &str = "outside-pilot";

/// The drawn attribute saying whether a form falls inside its region's wave and the pilot's
/// twelve months (`yes`/`no`).
pub const IN_WAVE: &str = "in_wave";

/// Absentee МСЭ cases in 2025 over all nosologies (inform.kz, 09.01.2026; secondary source):
/// the context of the volumes, 42.5 % of all examinations.
pub const ABSENTEE_CASES_2025: u32 = 113_100;

/// The share of [`ABSENTEE_CASES_2025`] assumed to be forms of the pilot's nosologies: **an
/// assumption** (no source gives it).
pub const PILOT_SHARE: f64 = 0.035;

/// Forms of the pilot's nosologies created per working day nationwide: 113,100 × 3.5 % ≈ 3,960
/// a year over the 246 working days of 2025, rounded. **An assumption.**
pub const NATIONAL_RATE: f64 = 16.1;

/// The mix of the pilot's forms by nosology: **an assumption** (amputations and limb defects
/// dominate; Down syndrome is about one birth in 800; mucopolysaccharidosis in children is rare).
pub static NOSOLOGY_MIX: [(Nosology, f64); 3] = [
    (Nosology::Amputation, 0.78),
    (Nosology::DownSyndrome, 0.21),
    (Nosology::Mucopolysaccharidosis, 0.01),
];

/// Population by region, millions, approximate estimates for early 2025 rounded to 0.01: forms
/// are **assumed** proportional to it.
pub static POPULATION: [(Region, f64); 20] = [
    (Region::Akmola, 0.78),
    (Region::Pavlodar, 0.75),
    (Region::Astana, 1.55),
    (Region::WestKazakhstan, 0.69),
    (Region::Karaganda, 1.14),
    (Region::NorthKazakhstan, 0.53),
    (Region::AlmatyRegion, 1.55),
    (Region::Almaty, 2.30),
    (Region::Turkestan, 2.13),
    (Region::Mangystau, 0.79),
    (Region::Kostanay, 0.83),
    (Region::Shymkent, 1.26),
    (Region::Zhambyl, 1.22),
    (Region::Atyrau, 0.70),
    (Region::EastKazakhstan, 0.70),
    (Region::Kyzylorda, 0.84),
    (Region::Aktobe, 0.93),
    (Region::Ulytau, 0.22),
    (Region::Zhetysu, 0.70),
    (Region::Abai, 0.60),
];

/// Forms of a nosology's codes that the pilot does not take, **assumed**: amputation forms with
/// a near-miss code (`S98.4`, a bare `Q71`), mucopolysaccharidosis in adults (18 or older).
pub static OUTSIDE_SHARE: [(Nosology, &str, f64); 2] =
    [(Nosology::Amputation, "near-miss", 0.02), (Nosology::Mucopolysaccharidosis, "adult", 0.2)];

/// Experts (full-time equivalents working on the pilot's acts) in the default scenario: **an
/// assumption**; `--set process.roles.expert.staff=N` changes it.
pub const DEFAULT_EXPERTS: i64 = 3;

const START: NaiveDate = ymd(2025, 6, 27);
const END: NaiveDate = ymd(2026, 6, 26);

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

/// Rounds to four decimals (what the shipped file writes).
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A triangular duration in minutes, labelled a scenario assumption.
fn tri(min: f64, mode: f64, max: f64) -> Duration {
    Duration::new(Dist::Triangular { min, mode, max }).assumed()
}

fn clock(hour: u16, minute: u16) -> ClockTime {
    ClockTime::new(hour, minute).unwrap_or_else(|| Schedule::default().start)
}

fn schedule(from: u16, to: u16, lunch: u16) -> Schedule {
    Schedule {
        start: clock(from, 0),
        end: clock(to, 0),
        breaks: vec![Break { start: clock(lunch, 0), end: clock(lunch + 1, 0) }],
    }
}

fn end(id: &str, outcome: &str, reason: Option<&str>, citation: &str) -> Step {
    Step::End {
        id: id.to_string(),
        outcome: outcome.to_string(),
        reason: reason.map(str::to_string),
        citation: Some(citation.to_string()),
    }
}

fn applicant(id: &str, delay: Duration, next: &str, citation: &str) -> Step {
    Step::Applicant {
        id: id.to_string(),
        delay,
        clock: Clock::Working,
        next: next.to_string(),
        norm: None,
        norm_assumed: false,
        citation: Some(citation.to_string()),
    }
}

/// The pilot's steps with the default scenario's assumed durations and probabilities.
fn steps() -> Vec<Step> {
    let when = |to: &str, p: Predicate| Branch::when(to, p);
    vec![
        Step::condition(
            "nosology_check",
            vec![when(
                "outside_pilot_nosology",
                Predicate::In {
                    attribute: "detection".into(),
                    values: vec!["adult".into(), "near-miss".into()],
                },
            )],
        )
        .with_otherwise("schedule_check")
        .with_citation(cite!(
            "Algorithm Appendix 1 (nosologies; mucopolysaccharidosis in children)"
        )),
        Step::condition(
            "schedule_check",
            vec![when(
                "outside_pilot_schedule",
                Predicate::Eq { attribute: IN_WAVE.into(), value: "no".into() },
            )],
        )
        .with_otherwise("vkk_review")
        .with_citation(cite!(
            "Appendix 1 (launch schedule, by-region reading) and para 8 (in force P + 11, twelve months)"
        )),
        applicant(
            "vkk_review",
            tri(60.0, 960.0, 2400.0),
            "exam_gate",
            cite!(
                "Algorithm paras 3–4: the attending doctor forms 031/у in the MIS, the ВКК decides, its chair signs with ЭЦП (the medical organisation's working time)"
            ),
        ),
        Step::condition(
            "exam_gate",
            vec![
                Branch::probability("send_to_is_mz", 0.85),
                Branch::probability(RETURN_STEP, 0.15),
            ],
        )
        .with_citation(cite!(
            "Algorithm para 4 and Appendix 2: a missing mandatory examination blocks the chair's ЭЦП"
        )),
        applicant(
            RETURN_STEP,
            tri(480.0, 2400.0, 7200.0),
            "exam_recheck",
            cite!(
                "Algorithm para 4: back to the doctor for the missing examinations, then the ВКК again (delay assumed)"
            ),
        ),
        Step::condition(
            "exam_recheck",
            vec![
                Branch::probability("send_to_is_mz", 0.95),
                Branch::probability(RETURN_STEP, 0.05),
            ],
        )
        .with_citation(cite!("Algorithm para 4: the signing gate on the completed form")),
        Step::system("send_to_is_mz", tri(0.1, 1.0, 10.0), "to_cbdi").with_citation(cite!(
            "Algorithm para 5: sent automatically from the MIS to ИС МЗ РК"
        )),
        Step::system("to_cbdi", tri(0.1, 2.0, 30.0), WAITING_LIST_STEP).with_citation(cite!(
            "Algorithm para 5: ИС МЗ РК → АИС «ЦБДИ» through the e-government gateway"
        )),
        Step::system(WAITING_LIST_STEP, tri(1.0, 10.0, 60.0), EXPERT_STEP).with_citation(cite!(
            "Algorithm paras 6–7: draft act formed in АИС «ЦБДИ», waiting list, automatic distribution to one extraterritorial expert; no norm"
        )),
        Step::Staffed {
            id: EXPERT_STEP.into(),
            role: Some(EXPERT_ROLE.into()),
            effort: tri(20.0, 45.0, 120.0),
            wait: None,
            wait_clock: Clock::Working,
            next: "decision".into(),
            norm: Some(Norm::WorkingDays(1)),
            norm_assumed: true,
            citation: Some(
                cite!(
                    "Algorithm para 9: the expert conclusion within 1 working day of receipt, from the next working day after 16:00 (engine norm: ≤ 1 working day after the date of receipt, an approximation without the cutoff; the exact term is process_kpis.expert_term)"
                )
                .to_string(),
            ),
        },
        Step::condition(
            "decision",
            vec![
                Branch::probability("established", 0.95),
                Branch::probability("not_established", 0.05),
            ],
        )
        .with_citation(cite!(
            "Algorithm para 9: the expert conclusion, to the register of МСЭ acts of АИС «ЦБДИ»"
        )),
        end(
            "established",
            "established",
            None,
            cite!("Algorithm para 9: disability and/or loss of working capacity established"),
        ),
        end(
            "not_established",
            "not-established",
            None,
            cite!("Algorithm para 9: not established"),
        ),
        end(
            "outside_pilot_nosology",
            OUTSIDE_PILOT,
            Some("main diagnosis not a pilot nosology (near-miss code, mucopolysaccharidosis in an adult)"),
            cite!("Algorithm Appendix 1"),
        ),
        end(
            "outside_pilot_schedule",
            OUTSIDE_PILOT,
            Some("before the region's wave or after the pilot's twelve months"),
            cite!("Appendix 1 and para 8"),
        ),
    ]
}

/// The process: the steps, the medical organisations' working day (the `default` schedule:
/// 08:00–17:00, lunch 13:00–14:00) and the experts' (09:00–18:00, lunch 13:00–14:00), and the
/// role [`EXPERT_ROLE`] with [`DEFAULT_EXPERTS`] staff. No whole-process term: the act sets
/// only the expert's.
///
/// # Example
/// ```
/// let p = ereje_mse::process::process();
/// assert!(ereje_sim_engine::validate_process(&p).is_empty());
/// assert_eq!(p.roles["expert"].staff, 3);
/// ```
pub fn process() -> Process {
    Process {
        name: NAME.into(),
        start: "nosology_check".into(),
        term: None,
        term_assumed: false,
        term_citation: None,
        schedules: [
            ("default".to_string(), schedule(8, 17, 13)),
            ("expert".to_string(), schedule(9, 18, 13)),
        ]
        .into(),
        roles: [(
            EXPERT_ROLE.to_string(),
            Role { staff: DEFAULT_EXPERTS, schedule: Some("expert".into()) },
        )]
        .into(),
        steps: steps(),
    }
}

/// Counts working days in `[from, to]` by the calendar, or Monday to Friday for a year it does
/// not know.
fn working_days(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> u32 {
    let mut n = 0;
    let mut d = from;
    while d <= to {
        let working = calendar
            .is_working(d)
            .map_or(!matches!(d.weekday(), Weekday::Sat | Weekday::Sun), |a| a.value);
        n += u32::from(working);
        match d.succ_opt() {
            Some(next) => d = next,
            None => break,
        }
    }
    n
}

/// The share of a run's forms of `region` that fall inside its wave and the pilot's twelve
/// months: working days of `[start, end]` from the wave's first day ([`wave_start`], by-region
/// reading) to the pilot's last day ([`last_day`]), over the working days of `[start, end]`
/// (arrivals are spread evenly over working time), rounded to four decimals. 0 for an empty
/// window.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_calendar::Calendar;
/// use ereje_mse::{Params, Region, process::in_wave_share};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let (p, cal) = (Params::default(), Calendar::builtin());
/// let (from, to) = (d(2025, 6, 27), d(2026, 6, 26));
/// assert_eq!(in_wave_share(Region::Akmola, from, to, &p, cal), 1.0);
/// // August wave: 222 of the window's 246 working days.
/// assert_eq!(in_wave_share(Region::Shymkent, from, to, &p, cal), 0.9024);
/// assert_eq!(in_wave_share(Region::Shymkent, d(2025, 7, 1), d(2025, 7, 31), &p, cal), 0.0);
/// ```
pub fn in_wave_share(
    region: Region,
    start: NaiveDate,
    end: NaiveDate,
    params: &Params,
    calendar: &Calendar,
) -> f64 {
    let all = working_days(calendar, start, end);
    if all == 0 {
        return 0.0;
    }
    let first = wave_start(wave_by_region(region), params).max(start);
    let last = last_day(in_force_from(params.publication), params.end_inclusive).min(end);
    let inside = if first <= last { working_days(calendar, first, last) } else { 0 };
    round4(f64::from(inside) / f64::from(all))
}

fn in_wave_attribute(share: f64) -> BTreeMap<String, f64> {
    [("yes".to_string(), share), ("no".to_string(), round4(1.0 - share))].into()
}

fn region_of(code: &str) -> Option<Region> {
    Region::ALL.into_iter().find(|r| r.code() == code)
}

/// Sets the `in_wave` attribute of every source labelled with a `region` to
/// [`in_wave_share`] for the scenario's run window, with the default parameters (by-region
/// reading, the assumed publication date) and the built-in calendar. `ereje-sim` calls it when
/// `--from`/`--to` change the built-in scenario's window.
///
/// # Errors
/// None: a source without a known region is left as it is.
///
/// # Example
/// ```
/// use ereje_mse::process::{apply_window, default_scenario};
/// let mut s = default_scenario();
/// s.run.start = chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
/// s.run.end = chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
/// apply_window(&mut s);
/// assert!(s.sources.iter().all(|src| src.attributes["in_wave"]["yes"] == 1.0));
/// ```
pub fn apply_window(scenario: &mut Scenario) {
    let (start, end) = (scenario.run.start, scenario.run.end);
    let params = Params::default();
    let calendar = Calendar::builtin();
    for source in &mut scenario.sources {
        let Some(region) = source.labels.get("region").and_then(|c| region_of(c)) else {
            continue;
        };
        let share = in_wave_share(region, start, end, &params, calendar);
        source.attributes.insert(IN_WAVE.to_string(), in_wave_attribute(share));
    }
}

/// The default scenario's rate of one region and nosology: [`NATIONAL_RATE`] × the region's
/// share of [`POPULATION`] × the nosology's share of [`NOSOLOGY_MIX`], rounded to four decimals.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_mse::{Nosology, Region, process::rate};
/// assert_eq!(rate(Region::Almaty, Nosology::Amputation), 1.4292);
/// ```
pub fn rate(region: Region, nosology: Nosology) -> f64 {
    let total: f64 = POPULATION.iter().map(|(_, p)| p).sum();
    let pop = POPULATION.iter().find(|(r, _)| *r == region).map_or(0.0, |(_, p)| *p);
    let mix = NOSOLOGY_MIX.iter().find(|(n, _)| *n == nosology).map_or(0.0, |(_, s)| *s);
    round4(NATIONAL_RATE * pop / total * mix)
}

fn detection(nosology: Nosology) -> BTreeMap<String, f64> {
    match OUTSIDE_SHARE.iter().find(|(n, _, _)| *n == nosology) {
        Some((_, reason, share)) => {
            [("listed".to_string(), round4(1.0 - share)), ((*reason).to_string(), *share)].into()
        }
        None => [("listed".to_string(), 1.0)].into(),
    }
}

/// The default scenario: the pilot over its twelve months from the order's entry into force
/// (2025-06-27 – 2026-06-26 with the assumed publication date 2025-06-16), one source per
/// region and nosology (60: [`rate`], labels `channel` = `nosology`, `region`, `wave`; drawn
/// `detection` and `in_wave`), [`DEFAULT_EXPERTS`] experts, no warm-up (the pilot starts
/// empty), seed 4 (seed file 004), 5 replications. Equal to `fixtures/mse/sim-default.toml`.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// let s = ereje_mse::process::default_scenario();
/// let akmola = s.sources.iter().find(|s| s.name == "akmola/amputation").unwrap();
/// assert_eq!(akmola.labels["wave"], "june");
/// assert_eq!(akmola.attributes["in_wave"]["yes"], 1.0);
/// ```
pub fn default_scenario() -> Scenario {
    let mut scenario = Scenario {
        run: RunConfig { start: START, end: END, warm_up_days: 0, seed: 4, replications: 5 },
        process: process(),
        sources: Vec::new(),
        cases: Vec::new(),
    };
    for region in Region::ALL {
        for (nosology, _) in NOSOLOGY_MIX {
            let mut s = Source::new(&format!("{}/{}", region.code(), nosology.code()), 0.0)
                .with_label("channel", nosology.code())
                .with_label("nosology", nosology.code())
                .with_label("region", region.code())
                .with_label("wave", wave_by_region(region).code());
            s.rate_per_working_day = rate(region, nosology);
            s.attributes.insert("detection".to_string(), detection(nosology));
            scenario.sources.push(s);
        }
    }
    apply_window(&mut scenario);
    scenario
}

/// The scenario cut at the expert's step: [`EXPERT_STEP`] becomes a terminal step (outcome
/// `received`), so that every case ends at its receipt by the expert. Every step before it is
/// unchanged and, in the default scenario, holds no staff, so a case's draws and times up to
/// the receipt are those of the full scenario (the engine draws each case's durations from its
/// own stream, in path order). `None` when the scenario has no staffed step [`EXPERT_STEP`].
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_mse::process::{default_scenario, receipt_scenario};
/// let cut = receipt_scenario(&default_scenario()).unwrap();
/// assert!(ereje_sim_engine::validate(&cut).is_empty());
/// let mut other = default_scenario();
/// other.process.steps.retain(|s| s.id() != "expert");
/// assert!(receipt_scenario(&other).is_none());
/// ```
pub fn receipt_scenario(scenario: &Scenario) -> Option<Scenario> {
    let mut cut = scenario.clone();
    let step = cut
        .process
        .steps
        .iter_mut()
        .find(|s| s.id() == EXPERT_STEP && matches!(s, Step::Staffed { .. }))?;
    *step = Step::End {
        id: EXPERT_STEP.into(),
        outcome: "received".into(),
        reason: None,
        citation: None,
    };
    Some(cut)
}

/// The lines every output of a run should carry besides the label and the engine's own
/// assumptions: the act's window and whether the run lies in it, the launch schedule and how it
/// gates, the volumes, the expert's term and how it is judged, the distribution, the waiting
/// list.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_mse::process::{default_scenario, notes};
/// let n = notes(&default_scenario());
/// assert!(n[0].contains("2025-06-27") && n[0].contains("inside"));
/// ```
pub fn notes(scenario: &Scenario) -> Vec<String> {
    let params = Params::default();
    let from = in_force_from(params.publication);
    let to = last_day(from, params.end_inclusive);
    let run = &scenario.run;
    let inside = if from <= run.start && run.end <= to {
        "inside it"
    } else {
        "not wholly inside it: forms outside the twelve months end outside the pilot"
    };
    let waves: Vec<String> = crate::WAVES
        .iter()
        .map(|w| format!("{} from {}", w.wave.code(), wave_start(w.wave, &params)))
        .collect();
    let experts = scenario
        .process
        .roles
        .get(EXPERT_ROLE)
        .map_or_else(|| "no role `expert`".to_string(), |r| format!("{} experts", r.staff));
    vec![
        format!(
            "act: the joint order MLSP No. 168 / MoH No. 56 / MDDIAI No. 292/НҚ of June 2025 (seed 004); first published {} (ASSUMPTION: the date was not found), in force {from} (publication + 11 days), the pilot runs to {to} (twelve months); the run {} - {} is {inside}",
            params.publication, run.start, run.end
        ),
        format!(
            "launch schedule, by-region reading of Appendix 1 ({}): a form enters the pilot only inside its region's wave; modelled by the drawn attribute in_wave (the share of the run's working days inside the wave), so the forms left out are spread over the run instead of falling before the wave (an approximation)",
            waves.join(", ")
        ),
        format!(
            "volumes: {:.1} % of the {:.1} thousand absentee МСЭ cases of 2025 (42.5 % of all examinations, a secondary source) are assumed to be pilot-nosology forms: {NATIONAL_RATE} a working day nationwide, split by nosology (amputation 78 %, Down syndrome 21 %, mucopolysaccharidosis 1 %) and by region in proportion to population; near-miss codes (2 % of amputations) and adults (20 % of mucopolysaccharidosis) end outside the pilot: all assumptions",
            PILOT_SHARE * 100.0,
            f64::from(ABSENTEE_CASES_2025) / 1000.0
        ),
        "expert's term (Algorithm para 9): 1 working day from the receipt of the draft act, from the next working day when received after 16:00; judged exactly in process_kpis.expert_term (ereje_mse::expert_due on the working-day calendar, from each case's receipt); the engine's norm on the step `expert` (≤ 1 working day after the date of receipt) is an approximation that ignores the cutoff".to_string(),
        format!(
            "distribution (Algorithm para 7): {experts} (full-time equivalents on the pilot, an assumption; --set process.roles.expert.staff=N) serve one queue, first come first served: least-loaded distribution with perfect rebalancing; extraterritoriality is not modelled (a national pool); the term runs from the act's arrival in the expert's queue"
        ),
        "the waiting list has no legal norm: its time (step waiting_list) is reported, never judged; returns for missing examinations are visits of step return_to_doctor".to_string(),
        "arrival rates, staff, schedules, durations and branch probabilities are scenario assumptions (fixtures/mse/sim-default.toml, docs/sim.md)".to_string(),
    ]
}

#[cfg(test)]
mod tests;
