//! The human listing of `ereje-cal year`.

use std::fmt::Write;

use ereje_calendar::{DayNote, YearInfo};

/// Renders a year for people: counts, status, the non-working weekdays and the worked weekend
/// days with reasons, and where the holidays that fell on a weekend went.
pub fn year(info: &YearInfo) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {} working days, {} days off, {} calendar days (five-day week)",
        info.year, info.working_days, info.non_working_days, info.calendar_days
    );
    let status = if info.provisional { "PROVISIONAL" } else { "final" };
    let _ = writeln!(s, "status: {status}");
    if let Some(note) = &info.note {
        let _ = writeln!(s, "note: {note}");
    }
    let _ = write!(s, "Kurban Ait: {} {}", info.kurban_ait.format("%a"), info.kurban_ait);
    match &info.kurban_ait_source {
        Some(src) => {
            let _ = writeln!(s, " — {src}");
        }
        None => s.push('\n'),
    }
    section(&mut s, "non-working weekdays", &info.non_working_weekdays);
    section(&mut s, "worked weekend days", &info.worked_weekend_days);
    let _ = writeln!(s, "\nholidays on a weekend ({}):", info.weekend_holidays.len());
    if info.weekend_holidays.is_empty() {
        s.push_str("  none\n");
    }
    for h in &info.weekend_holidays {
        let to = match h.carried_to {
            Some(d) => format!("day off on {} {d}", d.format("%a")),
            None => "not carried over".to_owned(),
        };
        let _ = writeln!(s, "  {} {}  {} → {to}", h.date, h.weekday, h.name.en);
    }
    s
}

fn section(s: &mut String, title: &str, days: &[DayNote]) {
    let _ = writeln!(s, "\n{title} ({}):", days.len());
    if days.is_empty() {
        s.push_str("  none\n");
    }
    for day in days {
        let reasons: Vec<String> = day.reasons.iter().map(|r| r.describe()).collect();
        let _ = writeln!(s, "  {} {}  {}", day.date, day.weekday, reasons.join("; "));
    }
}
