//! Reading record files the way every `ereje-check` subject reads them.
//!
//! A file holds NDJSON (one record per line), a JSON array of records, or one JSON object (which
//! may span several lines). A UTF-8 byte order mark is skipped, CRLF is accepted, blank lines are
//! not records but still count for line numbers. NDJSON is streamed line by line through one
//! reused buffer; an array file is read whole (an array has no record boundaries a stream can
//! recover at: a syntax error inside it makes one `INPUT` result for the rest of the file).
//!
//! The reader finds record *boundaries* only; the subject parses the bytes of each record into its
//! own wire model, so that no record goes through a `serde_json::Value` on the way.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

use ereje_findings::Origin;
use serde::de::IgnoredAny;

/// One input: a named reader.
pub struct Input {
    name: String,
    reader: Box<dyn BufRead>,
}

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Input").field("name", &self.name).finish_non_exhaustive()
    }
}

impl Input {
    /// An input over any reader, shown under `name` in results.
    pub fn from_reader(name: impl Into<String>, reader: impl Read + 'static) -> Input {
        Input { name: name.into(), reader: Box::new(BufReader::with_capacity(1 << 16, reader)) }
    }

    /// Standard input, named `-`.
    pub fn stdin() -> Input {
        Input::from_reader("-", io::stdin())
    }

    /// The name shown in results.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The buffered reader behind the input, for subjects that read lines of values.
    pub fn into_reader(self) -> Box<dyn BufRead> {
        self.reader
    }
}

/// A file that cannot be opened: the run stops before anything is processed (exit status 2).
#[derive(Debug, thiserror::Error)]
#[error("cannot open {path}: {source}")]
pub struct OpenError {
    /// The path as given.
    pub path: PathBuf,
    /// The operating system's reason.
    pub source: io::Error,
}

/// Opens every path before anything is read; no path, or `-`, means standard input.
///
/// # Errors
/// The first path that cannot be opened.
pub fn open_all(paths: &[PathBuf]) -> Result<Vec<Input>, OpenError> {
    if paths.is_empty() {
        return Ok(vec![Input::stdin()]);
    }
    let mut inputs = Vec::with_capacity(paths.len());
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::stdin());
            continue;
        }
        let file = File::open(p).map_err(|source| OpenError { path: p.clone(), source })?;
        if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
            return Err(OpenError {
                path: p.clone(),
                source: io::Error::new(io::ErrorKind::InvalidInput, "is a directory"),
            });
        }
        inputs.push(Input::from_reader(p.display().to_string(), file));
    }
    Ok(inputs)
}

/// Where a record starts: its [`Origin`] plus the column of its first byte (1 for NDJSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Record number, file and line.
    pub origin: Origin,
    /// Column (in bytes, from 1) of the record's first byte on its line.
    pub column: u64,
}

impl Located {
    /// The parser's message for an error in this record's bytes, with the position in the file
    /// (`… at line L column C`).
    pub fn parse_error(&self, e: &serde_json::Error) -> String {
        let text = e.to_string();
        let msg = match text.rfind(" at line ") {
            Some(i) => &text[..i],
            None => text.as_str(),
        };
        if e.line() == 0 {
            return msg.to_owned();
        }
        let line = self.origin.line + e.line() as u64 - 1;
        let column =
            if e.line() == 1 { self.column + e.column() as u64 - 1 } else { e.column() as u64 };
        format!("{msg} at line {line} column {column}")
    }
}

/// A record that does not fit the subject's wire model: bad JSON or a wrong primitive type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// JSON pointer of the field the parser stopped at (`""` for the record itself).
    pub path: String,
    /// The parser's message with the field and the position in the file.
    pub detail: String,
}

/// Parses one record's bytes into the subject's wire model `T`; on failure names the field (as a
/// JSON pointer and in the message) and the file position.
///
/// # Errors
/// [`RecordError`] when the bytes are not JSON or a value has the wrong type.
///
/// # Example
/// ```
/// use ereje_cli::input::{parse_record, Located};
/// use ereje_findings::Origin;
/// #[derive(serde::Deserialize, Debug)]
/// struct W { #[allow(dead_code)] n: Option<u32> }
/// let at = Located { origin: Origin { record: 1, file: "f".into(), line: 7 }, column: 1 };
/// let e = parse_record::<W>(&at, br#"{"n": "x"}"#).unwrap_err();
/// assert_eq!(e.path, "/n");
/// assert_eq!(e.detail, "field /n: invalid type: string \"x\", expected u32 at line 7 column 9");
/// ```
pub fn parse_record<'de, T: serde::Deserialize<'de>>(
    at: &Located,
    bytes: &'de [u8],
) -> Result<T, RecordError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = pointer_of(e.path());
        let detail = at.parse_error(e.inner());
        let detail = if path.is_empty() { detail } else { format!("field {path}: {detail}") };
        RecordError { path, detail }
    })?;
    de.end().map_err(|e| RecordError { path: String::new(), detail: at.parse_error(&e) })?;
    Ok(value)
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&ereje_findings::pointer_token(key));
            }
            Segment::Enum { variant } => {
                out.push('/');
                out.push_str(&ereje_findings::pointer_token(variant));
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// What the reader hands over for one record: its bytes, or why there are none.
#[derive(Debug)]
pub enum RecordBody<'a> {
    /// The bytes of one JSON value (not yet parsed by the subject).
    Json(&'a [u8]),
    /// The input could not be split into records here; the message is the `INPUT` detail.
    Unreadable(String),
}

/// Reads every record of every input, in order, and calls `f` once per record.
///
/// `f` returns `Err` to stop (e.g. a closed output pipe); that error is returned.
///
/// # Errors
/// Only the errors `f` returns: read errors inside a file become one [`RecordBody::Unreadable`]
/// for the rest of that file.
///
/// # Example
/// ```
/// use ereje_cli::input::{for_each_record, Input, RecordBody};
/// let data = "\u{feff}{\"a\":1}\r\n\r\n{\"a\":\n";
/// let mut seen = Vec::new();
/// for_each_record(vec![Input::from_reader("x.ndjson", data.as_bytes())], |at, body| {
///     seen.push((at.origin.line, matches!(body, RecordBody::Json(_))));
///     Ok::<(), ()>(())
/// })
/// .unwrap();
/// assert_eq!(seen, vec![(1, true), (3, true)]);
/// ```
pub fn for_each_record<E>(
    inputs: Vec<Input>,
    mut f: impl FnMut(&Located, RecordBody<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let mut record = 0u64;
    for input in inputs {
        read_one(input, &mut record, &mut f)?;
    }
    Ok(())
}

fn read_one<E>(
    input: Input,
    record: &mut u64,
    f: &mut impl FnMut(&Located, RecordBody<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let Input { name, mut reader } = input;
    let mut line_no = 0u64;
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut first = true;
    let mut at = |record: &mut u64, line: u64, column: u64| {
        *record += 1;
        Located { origin: Origin { record: *record, file: name.clone(), line }, column }
    };
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) => {
                let loc = at(record, line_no + 1, 1);
                return f(&loc, RecordBody::Unreadable(format!("read error: {e}")));
            }
        }
        line_no += 1;
        let mut start = 0;
        if first && buf.starts_with(b"\xEF\xBB\xBF") {
            start = 3;
        }
        let line = buf[start..].trim_ascii();
        if line.is_empty() {
            continue;
        }
        let lead = line.as_ptr() as usize - buf.as_ptr() as usize;
        let column = (lead - start) as u64 + 1;
        if first {
            first = false;
            if line[0] == b'[' {
                return read_array(&mut reader, &buf[lead..], line_no, column, record, &mut at, f);
            }
            if line[0] == b'{' && is_eof_error(line) {
                return read_document(
                    &mut reader,
                    &buf[lead..],
                    line_no,
                    column,
                    record,
                    &mut at,
                    f,
                );
            }
        }
        let loc = at(record, line_no, column);
        f(&loc, RecordBody::Json(line))?;
    }
}

/// Whether `line` is the start of a JSON value that continues on later lines.
fn is_eof_error(line: &[u8]) -> bool {
    matches!(serde_json::from_slice::<IgnoredAny>(line), Err(e) if e.is_eof())
}

/// Reads the rest of a file whose first record does not end on its first line: the rest is a
/// sequence of JSON values (usually one pretty-printed object).
fn read_document<E>(
    reader: &mut dyn BufRead,
    head: &[u8],
    first_line: u64,
    first_column: u64,
    record: &mut u64,
    at: &mut impl FnMut(&mut u64, u64, u64) -> Located,
    f: &mut impl FnMut(&Located, RecordBody<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let mut all = head.to_vec();
    if let Err(e) = reader.read_to_end(&mut all) {
        let loc = at(record, first_line, first_column);
        return f(&loc, RecordBody::Unreadable(format!("read error: {e}")));
    }
    let mut pos = Cursor { line: first_line, column: first_column, offset: 0 };
    loop {
        pos.skip_ws(&all);
        if pos.offset >= all.len() {
            return Ok(());
        }
        let rest = &all[pos.offset..];
        match next_value(rest) {
            Some(Ok(end)) => {
                let loc = at(record, pos.line, pos.column);
                f(&loc, RecordBody::Json(&rest[..end]))?;
                pos.advance(&all, end);
            }
            Some(Err(e)) => {
                let loc = at(record, pos.line, pos.column);
                let msg = loc.parse_error(&e);
                return f(&loc, RecordBody::Unreadable(msg));
            }
            None => return Ok(()),
        }
    }
}

/// Reads a JSON array file: one record per element.
fn read_array<E>(
    reader: &mut dyn BufRead,
    head: &[u8],
    first_line: u64,
    first_column: u64,
    record: &mut u64,
    at: &mut impl FnMut(&mut u64, u64, u64) -> Located,
    f: &mut impl FnMut(&Located, RecordBody<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let mut all = head.to_vec();
    if let Err(e) = reader.read_to_end(&mut all) {
        let loc = at(record, first_line, first_column);
        return f(&loc, RecordBody::Unreadable(format!("read error: {e}")));
    }
    // `all[0]` is the opening bracket.
    let mut pos = Cursor { line: first_line, column: first_column, offset: 0 };
    pos.advance(&all, 1);
    let mut expect_value = true;
    let mut any = false;
    loop {
        pos.skip_ws(&all);
        let Some(&b) = all.get(pos.offset) else {
            let loc = at(record, pos.line, pos.column);
            return f(
                &loc,
                RecordBody::Unreadable(format!(
                    "EOF while parsing a list at line {} column {}",
                    pos.line, pos.column
                )),
            );
        };
        if b == b']' && (!expect_value || !any) {
            pos.advance(&all, 1);
            pos.skip_ws(&all);
            if pos.offset < all.len() {
                let loc = at(record, pos.line, pos.column);
                return f(
                    &loc,
                    RecordBody::Unreadable(format!(
                        "trailing characters at line {} column {}",
                        pos.line, pos.column
                    )),
                );
            }
            return Ok(());
        }
        if !expect_value {
            if b == b',' {
                pos.advance(&all, 1);
                expect_value = true;
                continue;
            }
            let loc = at(record, pos.line, pos.column);
            return f(
                &loc,
                RecordBody::Unreadable(format!(
                    "expected `,` or `]` at line {} column {}",
                    pos.line, pos.column
                )),
            );
        }
        let rest = &all[pos.offset..];
        match next_value(rest) {
            Some(Ok(end)) => {
                let loc = at(record, pos.line, pos.column);
                f(&loc, RecordBody::Json(&rest[..end]))?;
                pos.advance(&all, end);
                expect_value = false;
                any = true;
            }
            Some(Err(e)) => {
                let loc = at(record, pos.line, pos.column);
                let msg = loc.parse_error(&e);
                return f(&loc, RecordBody::Unreadable(msg));
            }
            None => {
                let loc = at(record, pos.line, pos.column);
                return f(&loc, RecordBody::Unreadable("EOF while parsing a list".to_owned()));
            }
        }
    }
}

/// The length of the JSON value at the start of `rest`, or the parser's error; `None` at the end.
fn next_value(rest: &[u8]) -> Option<Result<usize, serde_json::Error>> {
    let mut stream = serde_json::Deserializer::from_slice(rest).into_iter::<IgnoredAny>();
    Some(stream.next()?.map(|_| stream.byte_offset()))
}

/// A position in a buffer with its line and column.
struct Cursor {
    line: u64,
    column: u64,
    offset: usize,
}

impl Cursor {
    fn advance(&mut self, all: &[u8], n: usize) {
        let end = (self.offset + n).min(all.len());
        for &b in &all[self.offset..end] {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.offset = end;
    }

    fn skip_ws(&mut self, all: &[u8]) {
        let n = all[self.offset.min(all.len())..]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .count();
        self.advance(all, n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `data` as one file and returns (record, line, column, body) per record.
    fn read(data: &str) -> Vec<(u64, u64, u64, String)> {
        let mut out = Vec::new();
        for_each_record(
            vec![Input::from_reader("f", io::Cursor::new(data.as_bytes().to_vec()))],
            |at, body| {
                let body = match body {
                    RecordBody::Json(b) => String::from_utf8_lossy(b).into_owned(),
                    RecordBody::Unreadable(m) => format!("!{m}"),
                };
                out.push((at.origin.record, at.origin.line, at.column, body));
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn ndjson_with_bom_crlf_and_blank_lines() {
        let got = read("\u{feff}{\"a\":1}\r\n\r\n  {\"a\":2}\n\n");
        assert_eq!(got, vec![(1, 1, 1, "{\"a\":1}".into()), (2, 3, 3, "{\"a\":2}".into())]);
    }

    #[test]
    fn ndjson_bad_line_is_its_own_record() {
        let got = read("{\"a\":1}\nnot json\n{\"a\":\n{\"a\":3}\n");
        assert_eq!(got.len(), 4);
        assert_eq!(got[1].3, "not json");
        assert_eq!(got[2].3, "{\"a\":");
        assert_eq!(got[3].1, 4);
    }

    #[test]
    fn array_elements_with_positions() {
        let got = read("[\n  {\"a\":1},\n  {\"a\":2}\n]\n");
        assert_eq!(got, vec![(1, 2, 3, "{\"a\":1}".into()), (2, 3, 3, "{\"a\":2}".into())]);
    }

    #[test]
    fn empty_array_has_no_records() {
        assert!(read("[]").is_empty());
        assert!(read(" [ \n ] ").is_empty());
    }

    #[test]
    fn truncated_array_gives_one_input_result_for_the_rest() {
        let got = read("[{\"a\":1},\n{\"a\":2},\n{\"a\":");
        assert_eq!(got.len(), 3);
        assert!(got[2].3.starts_with('!'), "{got:?}");
        assert_eq!(got[2].1, 3);
    }

    #[test]
    fn syntax_error_in_array_stops_that_file_only() {
        let mut n = 0;
        let a: &'static [u8] = b"[{\"a\":1} {\"a\":2}]";
        let b: &'static [u8] = b"{\"b\":1}\n";
        for_each_record(
            vec![Input::from_reader("a", a), Input::from_reader("b", b)],
            |at, body| {
                n += 1;
                if at.origin.file == "a" && at.origin.record == 2 {
                    assert!(matches!(body, RecordBody::Unreadable(_)));
                }
                if at.origin.file == "b" {
                    assert_eq!(at.origin.record, 3);
                }
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(n, 3);
    }

    #[test]
    fn pretty_single_object() {
        let got = read("{\n  \"a\": 1,\n  \"b\": [1, 2]\n}\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, 1);
        assert!(got[0].3.ends_with('}'));
    }

    #[test]
    fn parse_error_positions_are_file_positions() {
        let loc = Located { origin: Origin { record: 1, file: "f".into(), line: 10 }, column: 3 };
        let e = serde_json::from_slice::<IgnoredAny>(b"{\"a\": x}").unwrap_err();
        assert_eq!(loc.parse_error(&e), "expected value at line 10 column 9");
    }
}
