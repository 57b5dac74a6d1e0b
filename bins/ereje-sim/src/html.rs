//! `--report FILE.html`: a self-contained HTML report (inline CSS, charts as inline SVG drawn by
//! `plotters`' SVG backend, no script, no external reference), viewable without a network.
//!
//! Charts: a lead-time histogram per channel, norm compliance per step, utilisation per role,
//! queue length per role over the working days, and cases in the process over the working days.
//! Then the KPI tables of `--format table`, the assumptions and the model's steps with their
//! citations. The same run gives the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use plotters::prelude::*;

use crate::json::Report;
use crate::table::{self, Align, Section};

/// Lead times of completed post-warm-up cases of every replication, per channel.
#[derive(Debug, Clone, Default)]
pub struct LeadTimes {
    /// Channel (the `channel` attribute, else the source) → lead times in working days.
    pub working_days: BTreeMap<String, Vec<u32>>,
    /// Channel → lead times in calendar hours.
    pub hours: BTreeMap<String, Vec<f64>>,
}

impl LeadTimes {
    /// Adds the cases of one replication.
    pub fn add(&mut self, cases: &[ereje_sim_engine::CaseRecord]) {
        for c in cases.iter().filter(|c| !c.warm_up) {
            let (Some(days), Some(hours)) = (c.lead_time_working_days, c.lead_time_hours) else {
                continue;
            };
            let channel = c.attributes.get("channel").unwrap_or(&c.source).clone();
            self.working_days.entry(channel.clone()).or_default().push(days);
            self.hours.entry(channel).or_default().push(hours);
        }
    }
}

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:2rem auto;max-width:1100px;color:#1d2430;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #d6dbe3;padding-bottom:.2rem}
h3{font-size:1rem;margin:1.4rem 0 .2rem}
p.label{font-size:1.1rem;margin-top:0;color:#8a4b00;font-weight:600}
p.note{color:#5b6472;margin:.1rem 0 .5rem;font-size:.9rem}
table{border-collapse:collapse;font-size:.88rem;margin:.3rem 0 1rem}
th,td{padding:.25rem .6rem;border-bottom:1px solid #e4e8ee;vertical-align:top}
th{background:#f3f5f8;text-align:left;font-weight:600}
td.r,th.r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.meta th{background:none;width:8rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem}
figure{margin:0}figcaption{font-size:.85rem;color:#5b6472}
ul.assumptions li{margin:.15rem 0}";

/// The palette of the charts' series.
fn colour(i: usize) -> RGBColor {
    const C: [RGBColor; 8] = [
        RGBColor(31, 119, 180),
        RGBColor(255, 127, 14),
        RGBColor(44, 160, 44),
        RGBColor(214, 39, 40),
        RGBColor(148, 103, 189),
        RGBColor(140, 86, 75),
        RGBColor(227, 119, 194),
        RGBColor(127, 127, 127),
    ];
    C[i % C.len()]
}

/// Renders the report.
pub fn render(r: &Report<'_>, leads: &LeadTimes) -> String {
    let mut h = String::new();
    let title = format!("ereje-sim {}: {}", r.process, r.label);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n",
        esc(&title)
    );
    let _ = writeln!(h, "<h1>ereje-sim {}</h1>", esc(r.process));
    let _ = writeln!(h, "<p class=\"label\">{}</p>", esc(r.label));
    h.push_str("<table class=\"meta\">\n");
    for (k, v) in table::header(r) {
        let _ = writeln!(h, "<tr><th>{}</th><td>{}</td></tr>", esc(&k), esc(&v));
    }
    h.push_str("</table>\n");

    h.push_str("<h2>Charts</h2>\n");
    let term = match r.model.term.as_ref().map(|t| t.norm) {
        Some(ereje_sim_engine::Norm::WorkingDays(d)) => Some(d),
        _ => None,
    };
    h.push_str("<h3>Lead time per channel</h3>\n<p class=\"note\">Cases that arrived after the warm-up and ended, all replications; share of the channel's cases per working day of lead time (working days in (arrival date, end date]); the dashed line is the process term.</p>\n<div class=\"charts\">\n");
    for (channel, days) in &leads.working_days {
        let svg = lead_histogram(channel, days, term);
        let _ = writeln!(h, "<figure>{svg}</figure>");
    }
    if leads.working_days.is_empty() {
        h.push_str("<p class=\"note\">No case completed after the warm-up.</p>\n");
    }
    h.push_str("</div>\n");

    let steps: Vec<(String, f64)> = r
        .model
        .steps
        .iter()
        .filter(|s| s.norm.is_some())
        .filter_map(|s| {
            let v = r.kpis.steps.get(&s.id)?.within_norm.mean.0?;
            let n = s.norm.as_ref().map_or_else(String::new, |n| n.text.clone());
            Some((format!("{} ({n})", s.id), v))
        })
        .collect();
    h.push_str("<h3>Norm compliance per step</h3>\n<p class=\"note\">Share of the step's visits done within its norm (steps with no norm set are not shown), mean over replications; green from 95%, orange from 80%, red below.</p>\n");
    let _ = writeln!(h, "<figure>{}</figure>", share_bars("Within the step's norm", &steps, true));

    let roles: Vec<(String, f64)> =
        r.kpis.roles.iter().filter_map(|(k, v)| Some((k.clone(), v.utilisation.mean.0?))).collect();
    h.push_str("<h3>Utilisation per role</h3>\n<p class=\"note\">Busy staff time over staff × working time, after the warm-up.</p>\n");
    let _ = writeln!(h, "<figure>{}</figure>", share_bars("Utilisation", &roles, false));

    h.push_str("<h3>Queue length over time</h3>\n<p class=\"note\">Cases waiting in each role's queue at the end of each working day (mean over replications), and cases in the process.</p>\n<div class=\"charts\">\n");
    let dates: Vec<String> = r.kpis.queue_series.iter().map(|s| s.date.to_string()).collect();
    let mut queues: Vec<(String, Vec<f64>)> = r
        .kpis
        .roles
        .keys()
        .map(|role| {
            let v = r
                .kpis
                .queue_series
                .iter()
                .map(|s| s.queued.get(role).and_then(|e| e.mean.0).unwrap_or(0.0))
                .collect();
            (role.clone(), v)
        })
        .collect();
    let _ = writeln!(h, "<figure>{}</figure>", lines("Queued per role", &dates, &queues));
    queues = vec![(
        "in the process".to_owned(),
        r.kpis.queue_series.iter().map(|s| s.in_system.mean.0.unwrap_or(0.0)).collect(),
    )];
    let _ = writeln!(h, "<figure>{}</figure>", lines("Cases in the process", &dates, &queues));
    h.push_str("</div>\n");

    h.push_str("<h2>KPI tables</h2>\n");
    for s in table::sections(r) {
        h.push_str(&section_html(&s));
    }

    h.push_str("<h2>Assumptions</h2>\n<p class=\"note\">* marks a scenario assumption, not a figure of the act.</p>\n<ul class=\"assumptions\">\n");
    for a in &r.assumptions {
        let _ = writeln!(h, "<li>{}</li>", esc(a));
    }
    h.push_str("</ul>\n");

    h.push_str("<h2>The simulated procedure</h2>\n");
    h.push_str(&section_html(&steps_section(r)));
    h.push_str("</body>\n</html>\n");
    h
}

/// The model's steps with kinds, roles, norms and citations.
fn steps_section(r: &Report<'_>) -> Section {
    Section {
        title: "Steps".to_owned(),
        note: "in the order of the scenario; a step without a norm has \"no norm set\"".to_owned(),
        headers: ["step", "kind", "role", "norm", "outcome", "citation"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        aligns: vec![Align::Left; 6],
        rows: r
            .model
            .steps
            .iter()
            .map(|s| {
                vec![
                    s.id.clone(),
                    s.kind.to_owned(),
                    s.role.clone().unwrap_or_default(),
                    match (&s.norm, s.kind) {
                        (Some(n), _) => {
                            format!("{}{}", n.text, if n.assumed { table::ASSUMED } else { "" })
                        }
                        (None, "condition" | "end") => String::new(),
                        (None, _) => "no norm set".to_owned(),
                    },
                    match (&s.outcome, &s.reason) {
                        (Some(o), Some(why)) => format!("{o}: {why}"),
                        (Some(o), None) => o.clone(),
                        _ => String::new(),
                    },
                    s.citation.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    }
}

fn section_html(s: &Section) -> String {
    let mut h = format!("<h3>{}</h3>\n", esc(&s.title));
    if !s.note.is_empty() {
        let _ = writeln!(h, "<p class=\"note\">{}</p>", esc(&s.note));
    }
    h.push_str("<table>\n<tr>");
    let class = |i: usize| match s.aligns.get(i) {
        Some(Align::Right) => " class=\"r\"",
        _ => "",
    };
    for (i, c) in s.headers.iter().enumerate() {
        let _ = write!(h, "<th{}>{}</th>", class(i), esc(c));
    }
    h.push_str("</tr>\n");
    for row in &s.rows {
        h.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let _ = write!(h, "<td{}>{}</td>", class(i), esc(c));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
    h
}

/// Draws with plotters into an SVG string; a drawing error leaves a note instead of a chart.
fn svg(
    width: u32,
    height: u32,
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Result<(), String>,
) -> String {
    let mut out = String::new();
    let result = {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let r = root.fill(&WHITE).map_err(|e| e.to_string()).and_then(|()| draw(&root));
        r.and_then(|()| root.present().map_err(|e| e.to_string()))
    };
    match result {
        Ok(()) => out,
        Err(e) => format!("<p class=\"note\">chart not drawn: {}</p>", esc(&e)),
    }
}

/// A histogram of lead times in working days: the share of the channel's cases per day, the
/// days past the 99.9th percentile pooled in the last bar, a dashed line at the term.
fn lead_histogram(channel: &str, days: &[u32], term: Option<u32>) -> String {
    let n = days.len();
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    let cap_at = sorted
        .get(((n as f64 * 0.999).ceil() as usize).clamp(1, n.max(1)) - 1)
        .copied()
        .unwrap_or(0)
        .max(term.unwrap_or(0) + 1)
        .max(1);
    let max = sorted.last().copied().unwrap_or(0);
    let top = cap_at.min(max.max(cap_at));
    let mut counts = vec![0usize; top as usize + 1];
    for d in days {
        let i = (*d).min(top) as usize;
        if let Some(c) = counts.get_mut(i) {
            *c += 1;
        }
    }
    let shares: Vec<f64> =
        counts.iter().map(|c| if n == 0 { 0.0 } else { *c as f64 / n as f64 * 100.0 }).collect();
    let ymax = shares.iter().copied().fold(0.0, f64::max).max(1.0) * 1.12;
    let caption = format!("{channel}: {} cases", table::thousands(n as f64, 0));
    svg(520, 300, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(caption, ("sans-serif", 16))
            .margin(10)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d((0u32..top).into_segmented(), 0f64..ymax)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .max_light_lines(1)
            .x_desc("lead time, working days")
            .y_desc("% of cases")
            .x_labels((top as usize + 1).min(16))
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(d) | SegmentValue::Exact(d) => {
                    if *d == top && max > top {
                        format!("≥{d}")
                    } else {
                        d.to_string()
                    }
                }
                SegmentValue::Last => String::new(),
            })
            .y_label_formatter(&|y| format!("{y:.0}"))
            .draw()
            .map_err(|e| e.to_string())?;
        // Bars drawn one by one, in order (plotters' `Histogram` groups through a hash map,
        // whose order would change the SVG's bytes from run to run).
        chart
            .draw_series(shares.iter().enumerate().map(|(i, s)| {
                let i = i as u32;
                let mut bar = Rectangle::new(
                    [(SegmentValue::Exact(i), 0.0), (SegmentValue::Exact(i + 1), *s)],
                    colour(0).filled(),
                );
                bar.set_margin(0, 0, 1, 1);
                bar
            }))
            .map_err(|e| e.to_string())?;
        if let Some(t) = term {
            if t <= top {
                let x = SegmentValue::Exact(t + 1);
                chart
                    .draw_series(DashedLineSeries::new(
                        [(x.clone(), 0.0), (x, ymax)],
                        6,
                        4,
                        ShapeStyle::from(&RGBColor(214, 39, 40)).stroke_width(2),
                    ))
                    .map_err(|e| e.to_string())?;
            }
        }
        Ok(())
    })
}

/// Horizontal bars of shares (0–100%), labelled with their values.
fn share_bars(what: &str, bars: &[(String, f64)], traffic_lights: bool) -> String {
    if bars.is_empty() {
        return "<p class=\"note\">Nothing to show.</p>".to_owned();
    }
    let n = bars.len() as u32;
    let longest = bars.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(4) as u32;
    let height = 70 + 28 * n;
    let names: Vec<String> = bars.iter().map(|(k, _)| k.clone()).collect();
    svg(900, height, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(10)
            .x_label_area_size(36)
            .y_label_area_size((longest * 7 + 10).min(420))
            // A discrete range `0..k` has k + 1 segments: `0..n - 1` gives one per bar.
            .build_cartesian_2d(0f64..110f64, (0u32..n.saturating_sub(1).max(1)).into_segmented())
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .max_light_lines(1)
            .x_desc(format!("{what}, %"))
            .y_labels(n as usize)
            .y_label_formatter(&|v| match v {
                // The first bar on top.
                SegmentValue::CenterOf(i) if *i < n => names
                    .get((n.saturating_sub(1).saturating_sub(*i)) as usize)
                    .cloned()
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .x_label_formatter(&|x| if *x <= 100.0 { format!("{x:.0}") } else { String::new() })
            .draw()
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
                let i = n.saturating_sub(1).saturating_sub(i as u32);
                let pct = v * 100.0;
                let c = if !traffic_lights {
                    colour(0)
                } else if pct >= 95.0 {
                    RGBColor(44, 160, 44)
                } else if pct >= 80.0 {
                    RGBColor(255, 159, 28)
                } else {
                    RGBColor(214, 39, 40)
                };
                let mut bar = Rectangle::new(
                    [(0.0, SegmentValue::Exact(i)), (pct, SegmentValue::Exact(i + 1))],
                    c.filled(),
                );
                bar.set_margin(4, 4, 0, 0);
                bar
            }))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
                Text::new(
                    format!("{:.1}%", v * 100.0),
                    (
                        (v * 100.0).min(100.0) + 0.8,
                        SegmentValue::CenterOf(n.saturating_sub(1).saturating_sub(i as u32)),
                    ),
                    ("sans-serif", 13).into_font(),
                )
            }))
            .map_err(|e| e.to_string())?;
        Ok(())
    })
}

/// Lines over the working days (x: day index, labelled with dates).
fn lines(caption: &str, dates: &[String], series: &[(String, Vec<f64>)]) -> String {
    let n = dates.len().max(1) as u32;
    let ymax =
        series.iter().flat_map(|(_, v)| v.iter().copied()).fold(0.0, f64::max).max(1.0) * 1.1;
    svg(540, 320, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(caption, ("sans-serif", 16))
            .margin(10)
            .x_label_area_size(40)
            .y_label_area_size(55)
            .build_cartesian_2d(0u32..n, 0f64..ymax)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .x_labels(6)
            .max_light_lines(1)
            .x_label_formatter(&|i| dates.get(*i as usize).cloned().unwrap_or_default())
            .y_label_formatter(&|y| table::thousands(*y, if ymax < 10.0 { 1 } else { 0 }))
            .y_desc("cases")
            .draw()
            .map_err(|e| e.to_string())?;
        for (k, (name, values)) in series.iter().enumerate() {
            let c = colour(k);
            chart
                .draw_series(LineSeries::new(
                    values.iter().enumerate().map(|(i, y)| (i as u32, *y)),
                    c.stroke_width(2),
                ))
                .map_err(|e| e.to_string())?
                .label(name.clone())
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], c.stroke_width(2)));
        }
        if series.len() > 1 {
            chart
                .configure_series_labels()
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK.mix(0.3))
                .position(SeriesLabelPosition::UpperLeft)
                .draw()
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn charts_are_inline_svg() {
        let s = lead_histogram("portal", &[0, 1, 1, 2, 9, 30], Some(6));
        assert!(s.starts_with("<svg"), "{}", &s[..s.len().min(200)]);
        assert!(!s.contains("http://") || s.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        let b = share_bars("x", &[("a".into(), 0.5), ("b".into(), 1.0)], true);
        assert!(b.contains("<svg"));
        let l = lines(
            "q",
            &["2025-01-01".into(), "2025-01-02".into()],
            &[("r".into(), vec![1.0, 2.0])],
        );
        assert!(l.contains("<svg"));
    }
}
