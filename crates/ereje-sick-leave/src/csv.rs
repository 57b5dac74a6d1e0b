//! The flat CSV layout of a sheet, for exports from spreadsheets and registers (`ereje-check
//! sick-leave --input csv`).
//!
//! - RFC 4180: comma-separated, fields quoted with `"` when they hold a comma, a quote (doubled)
//!   or a line break; records end with LF or CRLF; a UTF-8 BOM is skipped; blank lines are not
//!   records (they count for line numbers).
//! - The first record is the header. A column's name is the JSON pointer of the field with `.`
//!   for `/` and without the leading slash: `number`, `organisation.name`, `mse.referral_date`,
//!   `release_periods.0.from`, `release_periods.0.doctor.name`, `regime_violations.1.mark`.
//!   Columns may come in any order; unknown columns are ignored (see
//!   [`CsvLayout::unknown_columns`]).
//! - **Several release periods** are column groups `release_periods.N.*` with N from 0: as
//!   many groups as the header has (exports usually carry 3, the rows of the paper form). A
//!   group whose cells are all empty is no row; the others become rows in the order of N, so a
//!   finding's pointer `/release_periods/1` is the second non-empty group. The same for
//!   `regime_violations.N.*`.
//! - An empty cell is an absent field. `age`, `child_age` and `gestational_weeks` are numbers;
//!   `mse.referred` and `routing.*` are `true` / `false`. A cell that is not of its column's
//!   type, a record with another number of fields than the header, or an unterminated quote
//!   is a [`CsvError`] for that record: the caller's `INPUT` result.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Map, Number, Value};

use crate::wire::WireSheet;

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Text,
    Number,
    Bool,
}

/// The columns of one sheet outside the repeated groups, with their type.
const SCALARS: &[(&str, Cell)] = &[
    ("series", Cell::Text),
    ("number", Cell::Text),
    ("status", Cell::Text),
    ("type", Cell::Text),
    ("sex", Cell::Text),
    ("organisation.name", Cell::Text),
    ("organisation.address", Cell::Text),
    ("issue_date", Cell::Text),
    ("age", Cell::Number),
    ("full_name.surname", Cell::Text),
    ("full_name.name", Cell::Text),
    ("full_name.patronymic", Cell::Text),
    ("workplace", Cell::Text),
    ("position", Cell::Text),
    ("icd10", Cell::Text),
    ("final_icd10", Cell::Text),
    ("kind", Cell::Text),
    ("child_age", Cell::Number),
    ("child_icd10", Cell::Text),
    ("child_quarantine_icd10", Cell::Text),
    ("sanatorium.from", Cell::Text),
    ("sanatorium.to", Cell::Text),
    ("regime", Cell::Text),
    ("doctor", Cell::Text),
    ("inpatient_stay.from", Cell::Text),
    ("inpatient_stay.to", Cell::Text),
    ("other_work.from", Cell::Text),
    ("other_work.to", Cell::Text),
    ("chief_doctor", Cell::Text),
    ("mse.referred", Cell::Bool),
    ("mse.referral_date", Cell::Text),
    ("mse.referring_doctor", Cell::Text),
    ("mse.examination_date", Cell::Text),
    ("mse.conclusion", Cell::Text),
    ("mse.head", Cell::Text),
    ("return_to_work", Cell::Text),
    ("new_sheet.series", Cell::Text),
    ("new_sheet.number", Cell::Text),
    ("closing_doctor.position", Cell::Text),
    ("closing_doctor.name", Cell::Text),
    ("sender_mis", Cell::Text),
    ("outcome", Cell::Text),
    ("iin", Cell::Text),
    ("continues.series", Cell::Text),
    ("continues.number", Cell::Text),
    ("gestational_weeks", Cell::Number),
    ("routing.attached_to_bmc", Cell::Bool),
    ("routing.lives_in_astana", Cell::Bool),
    ("routing.first_polyclinic_department", Cell::Bool),
];

/// The columns of one release-period group, after `release_periods.N.`.
const RELEASE_FIELDS: &[&str] = &[
    "from",
    "to",
    "doctor.position",
    "doctor.name",
    "second_doctor.position",
    "second_doctor.name",
];

/// The columns of one regime-violation group, after `regime_violations.N.`.
const VIOLATION_FIELDS: &[&str] = &["date", "mark"];

/// The most groups of one kind a header may have.
pub const MAX_GROUPS: usize = 100;

/// A CSV text or record that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    /// The text has no header.
    #[error("the CSV text has no header")]
    NoHeader,
    /// A column named twice in the header.
    #[error("line {line}: column `{column}` appears twice in the header")]
    DuplicateColumn {
        /// The header's line.
        line: u64,
        /// The column.
        column: String,
    },
    /// A quoted field that does not end.
    #[error("line {line}: a quoted field is not closed")]
    UnterminatedQuote {
        /// The line the record starts on.
        line: u64,
    },
    /// A record with another number of fields than the header.
    #[error("line {line}: {found} fields, the header has {expected}")]
    FieldCount {
        /// The line the record starts on.
        line: u64,
        /// Fields in the header.
        expected: usize,
        /// Fields in the record.
        found: usize,
    },
    /// A cell that is not of its column's type.
    #[error("line {line}: column `{column}`: `{value}` is not {expected}")]
    Cell {
        /// The line the record starts on.
        line: u64,
        /// The column.
        column: String,
        /// The cell.
        value: String,
        /// What the column holds.
        expected: &'static str,
    },
    /// The record does not fit the wire model (should not happen for a known layout).
    #[error("line {line}: {message}")]
    Shape {
        /// The line the record starts on.
        line: u64,
        /// The deserializer's message.
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Scalar { path: Vec<&'static str>, cell: Cell },
    Group { array: &'static str, index: usize, path: Vec<&'static str> },
    Unknown,
}

fn target(name: &str) -> Target {
    if let Some((column, cell)) = SCALARS.iter().find(|(c, _)| *c == name) {
        return Target::Scalar { path: column.split('.').collect(), cell: *cell };
    }
    for (array, fields) in
        [("release_periods", RELEASE_FIELDS), ("regime_violations", VIOLATION_FIELDS)]
    {
        let Some(rest) = name.strip_prefix(array).and_then(|r| r.strip_prefix('.')) else {
            continue;
        };
        let Some((digits, field)) = rest.split_once('.') else { continue };
        let Ok(index) = digits.parse::<usize>() else { continue };
        if index >= MAX_GROUPS || index.to_string() != digits {
            continue;
        }
        if let Some(f) = fields.iter().find(|f| **f == field) {
            return Target::Group { array, index, path: f.split('.').collect() };
        }
    }
    Target::Unknown
}

/// The columns of a header, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvLayout {
    names: Vec<String>,
    targets: Vec<Target>,
}

impl CsvLayout {
    /// Resolves the header's column names.
    ///
    /// # Errors
    /// [`CsvError::DuplicateColumn`] for a column named twice (`line` is 1).
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::csv::CsvLayout;
    /// let layout = CsvLayout::from_header(&["number", "release_periods.0.from", "note"])?;
    /// assert_eq!(layout.unknown_columns(), vec!["note"]);
    /// assert!(CsvLayout::from_header(&["number", "number"]).is_err());
    /// # Ok::<(), ereje_sick_leave::csv::CsvError>(())
    /// ```
    pub fn from_header<S: AsRef<str>>(names: &[S]) -> Result<CsvLayout, CsvError> {
        let mut seen = std::collections::HashSet::new();
        let mut out = CsvLayout { names: Vec::new(), targets: Vec::new() };
        for name in names {
            let name = name.as_ref().trim();
            if !seen.insert(name.to_owned()) {
                return Err(CsvError::DuplicateColumn { line: 1, column: name.to_owned() });
            }
            out.names.push(name.to_owned());
            out.targets.push(target(name));
        }
        Ok(out)
    }

    /// The header's columns that are not part of the layout (ignored).
    pub fn unknown_columns(&self) -> Vec<&str> {
        self.names
            .iter()
            .zip(&self.targets)
            .filter(|(_, t)| **t == Target::Unknown)
            .map(|(n, _)| n.as_str())
            .collect()
    }

    /// The number of columns.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when the header has no column.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Builds the wire sheet of one record's fields.
    ///
    /// # Errors
    /// [`CsvError::FieldCount`] and [`CsvError::Cell`], with `line`.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::csv::CsvLayout;
    /// let layout = CsvLayout::from_header(&["number", "age", "release_periods.0.from"])?;
    /// let w = layout.record(&["0000001", "34", "2024-01-15"], 2)?;
    /// assert_eq!(w.age.map(|n| n.to_string()).as_deref(), Some("34"));
    /// assert_eq!(w.release_periods.map(|r| r.len()), Some(1));
    /// assert!(layout.record(&["0000001", "34 years", ""], 3).is_err());
    /// # Ok::<(), ereje_sick_leave::csv::CsvError>(())
    /// ```
    pub fn record<S: AsRef<str>>(
        &self,
        fields: &[S],
        line: u64,
    ) -> Result<WireSheet<'static>, CsvError> {
        if fields.len() != self.names.len() {
            return Err(CsvError::FieldCount {
                line,
                expected: self.names.len(),
                found: fields.len(),
            });
        }
        let mut root = Map::new();
        let mut groups: BTreeMap<(&'static str, usize), Map<String, Value>> = BTreeMap::new();
        for ((name, target), field) in self.names.iter().zip(&self.targets).zip(fields) {
            let value = field.as_ref();
            if value.is_empty() {
                continue;
            }
            let bad = |expected| CsvError::Cell {
                line,
                column: name.clone(),
                value: value.to_owned(),
                expected,
            };
            match target {
                Target::Unknown => {}
                Target::Scalar { path, cell } => {
                    let v = match cell {
                        Cell::Text => Value::String(value.to_owned()),
                        Cell::Number => Value::Number(
                            serde_json::from_str::<Number>(value.trim())
                                .map_err(|_| bad("a number"))?,
                        ),
                        Cell::Bool => match value.trim().to_ascii_lowercase().as_str() {
                            "true" => Value::Bool(true),
                            "false" => Value::Bool(false),
                            _ => return Err(bad("`true` or `false`")),
                        },
                    };
                    insert(&mut root, path, v);
                }
                Target::Group { array, index, path } => {
                    insert(
                        groups.entry((array, *index)).or_default(),
                        path,
                        Value::String(value.to_owned()),
                    );
                }
            }
        }
        for ((array, _), group) in groups {
            let list = root.entry(array).or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(items) = list {
                items.push(Value::Object(group));
            }
        }
        WireSheet::deserialize(Value::Object(root))
            .map_err(|e| CsvError::Shape { line, message: e.to_string() })
    }
}

fn insert(map: &mut Map<String, Value>, path: &[&str], value: Value) {
    match path {
        [] => {}
        [last] => {
            map.insert((*last).to_owned(), value);
        }
        [first, rest @ ..] => {
            let entry = map.entry((*first).to_owned()).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = entry {
                insert(inner, rest, value);
            }
        }
    }
}

/// One record of a CSV text: the line it starts on and the sheet, or why it cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvRecord {
    /// The line the record starts on, from 1 (the header is line 1 or later).
    pub line: u64,
    /// The sheet.
    pub sheet: Result<WireSheet<'static>, CsvError>,
}

/// The records of a CSV text, after its header.
#[derive(Debug, Clone)]
pub struct Records<'a> {
    layout: CsvLayout,
    rest: &'a str,
    line: u64,
    failed: bool,
}

impl Records<'_> {
    /// The header's layout.
    pub fn layout(&self) -> &CsvLayout {
        &self.layout
    }
}

/// Splits off one record: its fields, the line after it, and the rest of the text. `None` at
/// the end of the text.
/// One record split off a text: its fields, the line after it, the rest of the text.
type Split<'a> = (Vec<String>, u64, &'a str);

fn split_record(text: &str, line: u64) -> Option<Result<Split<'_>, CsvError>> {
    if text.is_empty() {
        return None;
    }
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut lines = 0u64;
    let mut chars = text.char_indices().peekable();
    let mut quoted = false;
    let mut at_field_start = true;
    while let Some((i, c)) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek().map(|(_, n)| *n) == Some('"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    lines += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\n' => {
                if field.ends_with('\r') {
                    field.pop();
                }
                fields.push(field);
                return Some(Ok((fields, line + lines + 1, text.get(i + 1..).unwrap_or(""))));
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Some(Err(CsvError::UnterminatedQuote { line }));
    }
    if field.ends_with('\r') {
        field.pop();
    }
    fields.push(field);
    Some(Ok((fields, line + lines + 1, "")))
}

fn is_blank(fields: &[String]) -> bool {
    matches!(fields, [only] if only.trim().is_empty())
}

/// Reads the header of a CSV text and returns its records.
///
/// # Errors
/// [`CsvError::NoHeader`] for a text with no record, [`CsvError::UnterminatedQuote`] in the
/// header, [`CsvError::DuplicateColumn`].
///
/// # Example
/// ```
/// let text = "\u{feff}number,age\r\n0000001,34\r\n\r\n0000002,x\r\n";
/// let records: Vec<_> = ereje_sick_leave::csv::read(text)?.collect();
/// assert_eq!(records.len(), 2);
/// assert_eq!(records[0].line, 2);
/// assert!(records[0].sheet.is_ok());
/// assert_eq!(records[1].line, 4);
/// assert!(records[1].sheet.is_err()); // `x` is not a number
/// # Ok::<(), ereje_sick_leave::csv::CsvError>(())
/// ```
pub fn read(text: &str) -> Result<Records<'_>, CsvError> {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut line = 1;
    loop {
        let (fields, next, after) = split_record(rest, line).ok_or(CsvError::NoHeader)??;
        rest = after;
        if is_blank(&fields) {
            line = next;
            continue;
        }
        let layout = CsvLayout::from_header(&fields).map_err(|e| match e {
            CsvError::DuplicateColumn { column, .. } => CsvError::DuplicateColumn { line, column },
            other => other,
        })?;
        return Ok(Records { layout, rest, line: next, failed: false });
    }
}

impl Iterator for Records<'_> {
    type Item = CsvRecord;

    fn next(&mut self) -> Option<CsvRecord> {
        loop {
            if self.failed {
                return None;
            }
            let line = self.line;
            match split_record(self.rest, line)? {
                Err(e) => {
                    self.failed = true;
                    return Some(CsvRecord { line, sheet: Err(e) });
                }
                Ok((fields, next, after)) => {
                    self.rest = after;
                    self.line = next;
                    if is_blank(&fields) {
                        continue;
                    }
                    return Some(CsvRecord { line, sheet: self.layout.record(&fields, line) });
                }
            }
        }
    }
}

/// The header of the layout with `release_rows` release-period groups and `violation_rows`
/// regime-violation groups.
///
/// # Example
/// ```
/// let header = ereje_sick_leave::csv::header(1, 0);
/// assert!(header.starts_with("series,number,status,type,"));
/// assert!(header.contains(",release_periods.0.second_doctor.name,"));
/// ```
pub fn header(release_rows: usize, violation_rows: usize) -> String {
    columns(release_rows, violation_rows).join(",")
}

fn columns(release_rows: usize, violation_rows: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (name, _) in SCALARS {
        out.push((*name).to_owned());
        if *name == "regime" {
            for n in 0..violation_rows {
                out.extend(VIOLATION_FIELDS.iter().map(|f| format!("regime_violations.{n}.{f}")));
            }
        }
        if *name == "mse.head" {
            for n in 0..release_rows {
                out.extend(RELEASE_FIELDS.iter().map(|f| format!("release_periods.{n}.{f}")));
            }
        }
    }
    out
}

fn quote(cell: &str) -> String {
    let needs = cell.contains([',', '"', '\n', '\r']) || cell.trim() != cell;
    if needs { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell.to_owned() }
}

/// One record in the layout of [`header`] with the same group counts; rows beyond them are
/// left out (choose the counts from the data).
///
/// # Example
/// ```
/// use ereje_sick_leave::{csv, WireSheet};
/// let sheet = WireSheet::from(&ereje_sick_leave::example_sheet());
/// let text = format!("{}\n{}\n", csv::header(1, 0), csv::record(&sheet, 1, 0));
/// let back = csv::read(&text)?.next().map(|r| r.sheet);
/// assert_eq!(back, Some(Ok(sheet)));
/// # Ok::<(), csv::CsvError>(())
/// ```
pub fn record(sheet: &WireSheet<'_>, release_rows: usize, violation_rows: usize) -> String {
    let value = serde_json::to_value(sheet).unwrap_or(Value::Null);
    columns(release_rows, violation_rows)
        .iter()
        .map(|column| {
            let pointer = format!("/{}", column.replace('.', "/"));
            match value.pointer(&pointer) {
                Some(Value::String(s)) => quote(s),
                Some(Value::Number(n)) => n.to_string(),
                Some(Value::Bool(b)) => b.to_string(),
                _ => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_commas_quotes_and_line_breaks() {
        let text = "number,doctor,organisation.name\n1,\"Иванов, И.\",\"a \"\"b\"\"\nc\"\n2,x,y";
        let records: Vec<CsvRecord> = read(text).map(Iterator::collect).unwrap_or_default();
        assert_eq!(records.len(), 2);
        let first = records[0].sheet.clone().unwrap_or_default();
        assert_eq!(first.doctor.as_deref(), Some("Иванов, И."));
        assert_eq!(first.organisation.and_then(|o| o.name).as_deref(), Some("a \"b\"\nc"));
        assert_eq!(records[1].line, 4);
    }

    #[test]
    fn record_errors() {
        let records: Vec<CsvRecord> =
            read("number,age\n1,2,3\n1,\"x\n").map(Iterator::collect).unwrap_or_default();
        assert!(matches!(
            records[0].sheet,
            Err(CsvError::FieldCount { line: 2, expected: 2, found: 3 })
        ));
        assert!(matches!(records[1].sheet, Err(CsvError::UnterminatedQuote { line: 3 })));
        assert_eq!(records.len(), 2);
        assert!(matches!(read(""), Err(CsvError::NoHeader)));
        assert!(matches!(read("\n\na,a\n"), Err(CsvError::DuplicateColumn { line: 3, .. })));
    }

    #[test]
    fn empty_groups_are_no_rows_and_bools_parse() {
        let layout = CsvLayout::from_header(&[
            "release_periods.0.from",
            "release_periods.1.from",
            "release_periods.2.from",
            "mse.referred",
            "routing.attached_to_bmc",
        ])
        .unwrap_or_else(|_| unreachable!());
        let w = layout
            .record(&["", "2024-01-01", "2024-01-05", "TRUE", "false"], 2)
            .unwrap_or_default();
        let rows = w.release_periods.unwrap_or_default();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].from.as_deref(), Some("2024-01-01"));
        assert_eq!(w.mse.and_then(|m| m.referred), Some(true));
        assert_eq!(w.routing.map(|r| r.attached_to_bmc), Some(false));
        assert!(layout.record(&["", "", "", "yes", ""], 2).is_err());
    }

    #[test]
    fn every_scalar_column_is_a_field_of_the_schema() {
        let schema: Value = serde_json::from_str(crate::INPUT_SCHEMA).unwrap_or(Value::Null);
        for (column, _) in SCALARS {
            let mut node = &schema;
            for part in column.split('.') {
                node = &node["properties"][part];
            }
            assert!(node.is_object(), "{column}");
        }
    }
}
