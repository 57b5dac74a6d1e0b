//! `--cases-out FILE`: one row per simulated case, as CSV or NDJSON (chosen by the extension),
//! written replication by replication so that memory holds one replication's cases at a time.

use std::io::{self, Write};
use std::path::Path;

use ereje_sim_engine::CaseRecord;

/// The layout of a cases file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CasesFormat {
    /// Comma-separated, one header line (see [`CSV_HEADER`]).
    Csv,
    /// One JSON object per line (the engine's `CaseRecord`).
    Ndjson,
}

impl CasesFormat {
    /// The layout named by the file's extension (`.csv`, `.ndjson`).
    ///
    /// # Errors
    /// A message for any other extension.
    pub fn from_path(path: &Path) -> Result<CasesFormat, String> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("csv") => Ok(CasesFormat::Csv),
            Some("ndjson") => Ok(CasesFormat::Ndjson),
            _ => {
                Err(format!("--cases-out {}: the file must end in .csv or .ndjson", path.display()))
            }
        }
    }
}

/// The CSV columns. `attributes` is `key=value` pairs joined by `;`, `path` the steps visited
/// joined by `>`; empty cells for what a case in progress does not have.
pub const CSV_HEADER: &str = "replication,id,source,attributes,arrival,warm_up,state,step,outcome,reason,end,lead_time_hours,lead_time_working_days,queue_hours,path";

/// Quotes a CSV cell when it needs it (RFC 4180).
fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// Writes the header (CSV only).
///
/// # Errors
/// An I/O error of the writer.
pub fn write_header(out: &mut dyn Write, format: CasesFormat) -> io::Result<()> {
    match format {
        CasesFormat::Csv => writeln!(out, "{CSV_HEADER}"),
        CasesFormat::Ndjson => Ok(()),
    }
}

/// Writes the cases, one row each.
///
/// # Errors
/// An I/O error of the writer.
pub fn write_cases(
    out: &mut dyn Write,
    format: CasesFormat,
    cases: &[CaseRecord],
) -> io::Result<()> {
    for c in cases {
        match format {
            CasesFormat::Ndjson => {
                serde_json::to_writer(&mut *out, c).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            }
            CasesFormat::Csv => {
                let attributes: Vec<String> =
                    c.attributes.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let state = serde_json::to_value(c.state)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                let fields = [
                    c.replication.to_string(),
                    c.id.to_string(),
                    cell(&c.source),
                    cell(&attributes.join(";")),
                    c.arrival.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    c.warm_up.to_string(),
                    state,
                    cell(&c.step),
                    cell(&opt(c.outcome.as_deref())),
                    cell(&opt(c.reason.as_deref())),
                    opt(c.end.map(|e| e.format("%Y-%m-%dT%H:%M:%S"))),
                    opt(c.lead_time_hours),
                    opt(c.lead_time_working_days),
                    c.queue_hours.to_string(),
                    cell(&c.path.join(">")),
                ];
                writeln!(out, "{}", fields.join(","))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"no\""), "\"say \"\"no\"\"\"");
    }

    #[test]
    fn the_extension_chooses_the_layout() {
        assert_eq!(CasesFormat::from_path(Path::new("x.csv")), Ok(CasesFormat::Csv));
        assert_eq!(CasesFormat::from_path(Path::new("x.NDJSON")), Ok(CasesFormat::Ndjson));
        assert!(CasesFormat::from_path(Path::new("x.json")).is_err());
    }
}
