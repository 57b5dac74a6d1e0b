//! The KPI tables for people: built once as data ([`Section`]s of cells), rendered as aligned
//! text for `--format table` and as HTML tables in the `--report`.

use std::collections::BTreeMap;

use ereje_sim_engine::{Estimate, Grouped, StepInfo};

use crate::json::Report;

/// How a column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Names.
    Left,
    /// Numbers.
    Right,
}

/// The usual columns: a name, then `numbers` numeric columns.
pub fn name_then_numbers(numbers: usize) -> Vec<Align> {
    let mut v = vec![Align::Right; numbers + 1];
    v[0] = Align::Left;
    v
}

/// A titled table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The title.
    pub title: String,
    /// A line under the title (units, what is counted), may be empty.
    pub note: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Column alignments.
    pub aligns: Vec<Align>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// The mark of an assumed figure.
pub const ASSUMED: &str = "*";

/// `1234567.25` → `1,234,567.3` with `decimals` decimals.
pub fn thousands(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if x < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// A count: whole numbers without decimals, means of counts with one.
fn count(x: f64) -> String {
    if x.fract() == 0.0 { thousands(x, 0) } else { thousands(x, 1) }
}

/// How an estimate's numbers are shown.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Count,
    Fixed(usize),
    Percent,
}

fn number(x: f64, kind: Kind) -> String {
    match kind {
        Kind::Count => count(x),
        Kind::Fixed(d) => thousands(x, d),
        Kind::Percent => format!("{}%", thousands(x * 100.0, 1)),
    }
}

/// An estimate: the mean, and `±` the half-width of its 95% interval when there is one; `—` when
/// undefined.
fn est(e: &Estimate, kind: Kind) -> String {
    let Some(mean) = e.mean.0.filter(|m| m.is_finite()) else { return "—".to_owned() };
    let mut s = number(mean, kind);
    if let Some([lo, hi]) = e.ci95 {
        let half = (hi - lo) / 2.0;
        let h = match kind {
            Kind::Count => thousands(half, 1),
            Kind::Fixed(d) => thousands(half, d),
            Kind::Percent => thousands(half * 100.0, 1),
        };
        // A half-width that rounds to zero at the shown precision is left out.
        if h.chars().any(|c| c.is_ascii_digit() && c != '0') {
            s.push_str(" ±");
            s.push_str(&h);
        }
    }
    s
}

/// The groups to show "per channel": the `channel` label when the sources have one, else the
/// sources; then `all`.
fn per_channel<T>(g: &Grouped<T>) -> (&'static str, Vec<(String, &T)>) {
    let (name, map): (&'static str, &BTreeMap<String, T>) = match g.by_label.get("channel") {
        Some(m) if !m.is_empty() => ("channel", m),
        _ => ("source", &g.by_source),
    };
    let mut v: Vec<(String, &T)> = map.iter().map(|(k, t)| (k.clone(), t)).collect();
    v.push(("all".to_owned(), &g.all));
    (name, v)
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

/// The header lines (label, scenario, window, run, volume, parameters, calendar).
pub fn header(r: &Report<'_>) -> Vec<(String, String)> {
    let mut v = vec![
        (
            "scenario".to_owned(),
            format!("{} {} (process `{}`)", r.scenario.origin, r.scenario.file, r.scenario.name),
        ),
        (
            "window".to_owned(),
            format!(
                "{} to {}, {} working days, warm-up {} days (counted, left out of the KPIs)",
                r.start, r.end, r.working_days, r.warm_up_days
            ),
        ),
        (
            "run".to_owned(),
            format!(
                "seed {}, {} replication{}; figures are means per replication{}",
                r.seed,
                r.replications,
                if r.replications == 1 { "" } else { "s" },
                if r.replications > 1 {
                    " ± half-width of the 95% confidence interval (left out when it rounds to 0)"
                } else {
                    " (no confidence interval with 1 replication)"
                }
            ),
        ),
        (
            "volume".to_owned(),
            format!(
                "{} cases, {} events ({} per case), all replications",
                thousands(r.cases as f64, 0),
                thousands(r.events as f64, 0),
                r.events_per_case.0.map_or_else(|| "—".to_owned(), |x| thousands(x, 2))
            ),
        ),
    ];
    if !r.parameters.is_empty() {
        let p: Vec<String> = r.parameters.iter().map(|(k, v)| format!("{k}={v}")).collect();
        v.push(("parameters".to_owned(), p.join(", ")));
    }
    let mut cal = format!("Kazakhstan, known years {}", r.calendar.known_years);
    if let Some(f) = &r.calendar.file {
        cal.push_str(&format!(" (with {f})"));
    }
    if !r.calendar.provisional_years.is_empty() {
        let y: Vec<String> = r.calendar.provisional_years.iter().map(i32::to_string).collect();
        cal.push_str(&format!("; provisional: {}", y.join(", ")));
    }
    v.push(("calendar".to_owned(), cal));
    v
}

/// The term of the process, for titles: `6 working days (citation)*`.
fn term_text(r: &Report<'_>) -> String {
    match &r.model.term {
        None => "no term set".to_owned(),
        Some(t) => {
            let mut s = format!("term {}", t.text);
            if t.assumed {
                s.push_str(ASSUMED);
            }
            s.push_str(" (its source: see the assumptions)");
            s
        }
    }
}

/// Every KPI table, in reading order.
pub fn sections(r: &Report<'_>) -> Vec<Section> {
    let k = r.kpis;
    let mut out = Vec::new();

    // Cases by channel and outcome.
    let (group, rows) = per_channel(&k.cases);
    let outcomes: Vec<String> = k.cases.all.outcomes.keys().cloned().collect();
    let mut headers = vec![group.to_owned(), "arrived".to_owned(), "warm-up".to_owned()];
    headers.extend(outcomes.iter().cloned());
    headers.push("in progress".to_owned());
    let mut aligns = vec![Align::Left];
    aligns.resize(headers.len(), Align::Right);
    out.push(Section {
        title: format!("Cases by {group} and outcome"),
        note: "per replication; every arrival is in one outcome or in progress at the horizon"
            .to_owned(),
        headers,
        aligns,
        rows: rows
            .iter()
            .map(|(name, c)| {
                let mut row = vec![name.clone(), est(&c.arrived, Kind::Count)];
                row.push(est(&c.warm_up, Kind::Count));
                for o in &outcomes {
                    row.push(
                        c.outcomes.get(o).map_or_else(|| "0".to_owned(), |e| est(e, Kind::Count)),
                    );
                }
                row.push(est(&c.in_progress, Kind::Count));
                row
            })
            .collect(),
    });

    // Ends: which terminal step, why.
    let ends: Vec<&StepInfo> = r.model.steps.iter().filter(|s| s.kind == "end").collect();
    let arrived = k.cases.all.arrived.mean.0.unwrap_or(0.0);
    out.push(Section {
        title: "Outcomes by terminal step".to_owned(),
        note: "per replication; share of all arrivals".to_owned(),
        headers: strings(&["end", "outcome", "cases", "share", "reason"]),
        aligns: vec![Align::Left, Align::Left, Align::Right, Align::Right, Align::Left],
        rows: ends
            .iter()
            .map(|s| {
                let e = k.cases.all.ends.get(&s.id);
                let mean = e.and_then(|e| e.mean.0).unwrap_or(0.0);
                vec![
                    s.id.clone(),
                    s.outcome.clone().unwrap_or_default(),
                    e.map_or_else(|| "0".to_owned(), |e| est(e, Kind::Count)),
                    if arrived > 0.0 {
                        number(mean / arrived, Kind::Percent)
                    } else {
                        "—".into()
                    },
                    s.reason.clone().unwrap_or_else(|| "—".to_owned()),
                ]
            })
            .collect(),
    });

    // Lead time.
    let (group, rows) = per_channel(&k.lead_time);
    out.push(Section {
        title: format!("Lead time in working days by {group}"),
        note: format!(
            "cases that arrived after the warm-up and ended; working days in (arrival date, end date]; {}",
            term_text(r)
        ),
        headers: strings(&[
            group,
            "completed",
            "mean",
            "p50",
            "p90",
            "p99",
            "max",
            "within term",
            "overdue in progress",
        ]),
        aligns: name_then_numbers(8),
        rows: rows
            .iter()
            .map(|(name, l)| {
                let q = &l.working_days;
                vec![
                    name.clone(),
                    est(&l.completed, Kind::Count),
                    est(&q.mean, Kind::Fixed(2)),
                    est(&q.p50, Kind::Fixed(1)),
                    est(&q.p90, Kind::Fixed(1)),
                    est(&q.p99, Kind::Fixed(1)),
                    est(&q.max, Kind::Fixed(1)),
                    est(&l.within_term, Kind::Percent),
                    est(&l.overdue_in_progress, Kind::Count),
                ]
            })
            .collect(),
    });
    out.push(Section {
        title: format!("Lead time in calendar hours by {group}"),
        note: "the same cases, arrival to outcome on the wall clock".to_owned(),
        headers: strings(&[group, "mean", "p50", "p90", "p99", "max"]),
        aligns: name_then_numbers(5),
        rows: rows
            .iter()
            .map(|(name, l)| {
                let q = &l.calendar_hours;
                vec![
                    name.clone(),
                    est(&q.mean, Kind::Fixed(1)),
                    est(&q.p50, Kind::Fixed(1)),
                    est(&q.p90, Kind::Fixed(1)),
                    est(&q.p99, Kind::Fixed(1)),
                    est(&q.max, Kind::Fixed(1)),
                ]
            })
            .collect(),
    });

    // Steps and norms.
    out.push(Section {
        title: "Steps: norm compliance and time in step".to_owned(),
        note: format!(
            "visits after the warm-up; mean and p90 of the time in the step (queue included), working minutes; overdue = in the step at the horizon past its norm; {ASSUMED} = scenario assumption"
        ),
        headers: strings(&[
            "step",
            "kind",
            "role",
            "norm",
            "visits",
            "within norm",
            "overdue",
            "mean",
            "p90",
            "assumed",
        ]),
        aligns: vec![
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Left,
        ],
        rows: r
            .model
            .steps
            .iter()
            .filter(|s| matches!(s.kind, "staffed" | "system" | "applicant"))
            .filter_map(|s| {
                let sk = k.steps.get(&s.id)?;
                let norm = s.norm.as_ref().map_or_else(
                    || "no norm set".to_owned(),
                    |n| format!("{}{}", n.text, if n.assumed { ASSUMED } else { "" }),
                );
                let mut assumed: Vec<&str> = s.assumed.clone();
                if s.norm.as_ref().is_some_and(|n| n.assumed) {
                    assumed.push("norm");
                }
                Some(vec![
                    s.id.clone(),
                    s.kind.to_owned(),
                    s.role.clone().unwrap_or_else(|| "—".to_owned()),
                    norm,
                    est(&sk.completed, Kind::Count),
                    est(&sk.within_norm, Kind::Percent),
                    est(&sk.overdue_in_progress, Kind::Count),
                    est(&sk.working_minutes.mean, Kind::Fixed(1)),
                    est(&sk.working_minutes.p90, Kind::Fixed(1)),
                    if assumed.is_empty() { "—".to_owned() } else { assumed.join(", ") },
                ])
            })
            .collect(),
    });

    // Roles.
    out.push(Section {
        title: "Roles: waiting, utilisation, queues".to_owned(),
        note: format!(
            "waiting in the queue before service, in working minutes of the role's schedule; staff{ASSUMED} are scenario inputs"
        ),
        headers: strings(&[
            "role",
            "staff",
            "served",
            "wait mean",
            "wait p90",
            "utilisation",
            "queue mean",
            "queue max",
        ]),
        aligns: name_then_numbers(7),
        rows: k
            .roles
            .iter()
            .map(|(name, rk)| {
                let staff = r.model.roles.get(name).map_or(0, |i| i.staff);
                vec![
                    name.clone(),
                    format!("{staff}{ASSUMED}"),
                    est(&rk.served, Kind::Count),
                    est(&rk.wait_working_minutes.mean, Kind::Fixed(1)),
                    est(&rk.wait_working_minutes.p90, Kind::Fixed(1)),
                    est(&rk.utilisation, Kind::Percent),
                    est(&rk.queue_mean, Kind::Fixed(1)),
                    est(&rk.queue_max, Kind::Count),
                ]
            })
            .collect(),
    });

    // Queue length over time, summarised.
    let series = &k.queue_series;
    let mut rows = Vec::new();
    let mut summarise = |name: String, values: Vec<f64>| {
        if values.is_empty() {
            rows.push(vec![name, "—".into(), "—".into(), "—".into(), "—".into()]);
            return;
        }
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let p90 = sorted
            .get(((0.9 * n).ceil() as usize).clamp(1, sorted.len()) - 1)
            .copied()
            .unwrap_or(0.0);
        let (imax, max) = values
            .iter()
            .enumerate()
            .fold((0usize, f64::MIN), |a, (i, x)| if *x > a.1 { (i, *x) } else { a });
        let last = values.last().copied().unwrap_or(0.0);
        let when = series
            .get(imax)
            .filter(|_| max > 0.0)
            .map_or_else(String::new, |s| format!(" ({})", s.date));
        rows.push(vec![
            name,
            thousands(mean, 1),
            thousands(p90, 1),
            format!("{}{when}", thousands(max, 1)),
            thousands(last, 1),
        ]);
    };
    for role in k.roles.keys() {
        let values: Vec<f64> =
            series.iter().filter_map(|s| s.queued.get(role).and_then(|e| e.mean.0)).collect();
        summarise(role.clone(), values);
    }
    summarise(
        "in the process".to_owned(),
        series.iter().filter_map(|s| s.in_system.mean.0).collect(),
    );
    out.push(Section {
        title: "Queue length at the end of each working day".to_owned(),
        note: format!(
            "{} working days after the warm-up; cases waiting per role (mean over replications), and cases in the process",
            series.len()
        ),
        headers: strings(&["queue", "mean", "p90", "max (day)", "last day"]),
        aligns: name_then_numbers(4),
        rows,
    });
    out.extend(r.process_sections.iter().cloned());
    out
}

/// Renders a section as aligned text.
pub fn render_text(s: &Section) -> String {
    let width = |c: &str| c.chars().count();
    let mut widths: Vec<usize> = s.headers.iter().map(|h| width(h)).collect();
    for row in &s.rows {
        for (i, c) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(width(c));
            }
        }
    }
    let line = |cells: &[String]| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(0);
            let pad = " ".repeat(w.saturating_sub(width(c)));
            if i > 0 {
                l.push_str("  ");
            }
            match s.aligns.get(i).copied().unwrap_or(Align::Left) {
                Align::Left => {
                    l.push_str(c);
                    l.push_str(&pad);
                }
                Align::Right => {
                    l.push_str(&pad);
                    l.push_str(c);
                }
            }
        }
        l.trim_end().to_owned()
    };
    let mut out = format!("{}\n", s.title);
    if !s.note.is_empty() {
        out.push_str(&format!("  {}\n", s.note));
    }
    out.push_str(&line(&s.headers));
    out.push('\n');
    let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
    out.push_str(&"-".repeat(total));
    out.push('\n');
    for row in &s.rows {
        out.push_str(&line(row));
        out.push('\n');
    }
    out
}

/// The whole `--format table` output.
pub fn render(r: &Report<'_>) -> String {
    let mut out = format!("ereje-sim {}: {}\n", r.process, r.label);
    let head = header(r);
    let w = head.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    for (k, v) in &head {
        out.push_str(&format!("  {k:<w$}  {v}\n"));
    }
    for s in sections(r) {
        out.push('\n');
        out.push_str(&render_text(&s));
    }
    out.push_str(&format!("\nAssumptions ({ASSUMED}: a scenario assumption, not the act)\n"));
    for a in compact_assumptions(&r.assumptions) {
        out.push_str(&format!("  - {a}\n"));
    }
    out
}

/// The assumption lines for the table: the engine's one line per assumed step duration or norm
/// (`step d_receive: effort (assumed)`) become one line pointing at the steps table, which
/// shows them in its `assumed` column; the JSON keeps every line.
pub fn compact_assumptions(lines: &[String]) -> Vec<String> {
    let is_step = |a: &str| a.starts_with("step ") && a.ends_with(" (assumed)");
    let mut steps: Vec<&str> = lines
        .iter()
        .filter(|a| is_step(a))
        .filter_map(|a| a.strip_prefix("step ")?.split(':').next())
        .collect();
    steps.dedup();
    let mut out = Vec::new();
    let mut placed = false;
    for a in lines {
        if !is_step(a) {
            out.push(a.clone());
        } else if !placed {
            placed = true;
            out.push(format!(
                "assumed durations or norms of {} step{}: the `assumed` column of the steps table",
                steps.len(),
                if steps.len() == 1 { "" } else { "s" }
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_thousands_separators() {
        let cases = [
            (0.0, 0, "0"),
            (999.0, 0, "999"),
            (1000.0, 0, "1,000"),
            (1234567.25, 1, "1,234,567.2"),
            (-1234.5, 1, "-1,234.5"),
            (-0.01, 1, "0.0"),
        ];
        for (x, d, want) in cases {
            assert_eq!(thousands(x, d), want, "{x}");
        }
    }

    #[test]
    fn estimates_show_the_interval_half_width() {
        use ereje_sim_engine::Val;
        let e = Estimate { mean: Val::of(0.5), ci95: Some([0.4, 0.6]) };
        assert_eq!(est(&e, Kind::Percent), "50.0% ±10.0");
        let e = Estimate { mean: Val::of(2.0), ci95: Some([2.0, 2.0]) };
        assert_eq!(est(&e, Kind::Fixed(1)), "2.0");
        assert_eq!(est(&Estimate { mean: Val(None), ci95: None }, Kind::Count), "—");
        assert_eq!(est(&Estimate { mean: Val::of(12.5), ci95: None }, Kind::Count), "12.5");
    }

    #[test]
    fn step_assumptions_are_pointed_to_once() {
        let lines = strings(&[
            "scenario: x",
            "step a: effort (assumed)",
            "step a: wait (assumed)",
            "step b: norm (assumed)",
            "calendar year 2027 is provisional",
        ]);
        assert_eq!(
            compact_assumptions(&lines),
            strings(&[
                "scenario: x",
                "assumed durations or norms of 2 steps: the `assumed` column of the steps table",
                "calendar year 2027 is provisional",
            ])
        );
    }

    #[test]
    fn columns_are_aligned() {
        let s = Section {
            title: "T".into(),
            note: String::new(),
            headers: strings(&["name", "n"]),
            aligns: vec![Align::Left, Align::Right],
            rows: vec![strings(&["a", "1000"]), strings(&["long name", "2"])],
        };
        assert_eq!(
            render_text(&s),
            "T\nname          n\n---------------\na          1000\nlong name     2\n"
        );
    }
}
