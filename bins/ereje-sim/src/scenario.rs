//! Loading a scenario: the TOML text (a file or a built-in one), the command line's overrides
//! (`--set KEY=VALUE`, `--seed`, `--replications`, `--from`, `--to`) applied as edits of the
//! parsed TOML before it is deserialized, and every problem reported with the file, the line and
//! the key.
//!
//! Errors of the file itself name `FILE:LINE:COLUMN` and the key path; a problem in a value that
//! an override put there names the override instead (its value is not in the file). How a key
//! path is mapped to a line is described in `crate::locate`.

use std::collections::BTreeMap;
use std::fmt;

use ereje_sim_engine::{
    Branch, Clock, Duration, KeyPath, Norm, Outage, PathSegment, Predicate, Scenario, Step,
    ValidationError,
};
use serde::Deserialize;
use toml::Value;
use toml_edit::ImDocument;

use crate::locate;

/// A scenario's text and the name to show for it in messages.
#[derive(Debug, Clone)]
pub struct ScenarioText {
    /// The file as the user gave it, or the shipped file a built-in scenario comes from.
    pub name: String,
    /// The TOML text.
    pub text: String,
}

/// One override of a scenario value from the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// How it was given, for messages: `--set run.seed=7`, `--from 2025-02-01`.
    pub origin: String,
    /// The key path as given, dotted: `process.roles.executor.staff`, `sources.0.rate_per_working_day`.
    pub key: String,
    /// The value as given.
    pub value: String,
}

impl Override {
    /// Parses a `--set KEY=VALUE` argument.
    pub fn from_set(arg: &str) -> Result<Override, SetError> {
        let (key, value) =
            arg.split_once('=').ok_or_else(|| SetError::Form { arg: arg.to_owned() })?;
        let (key, value) = (key.trim(), value.trim());
        if key.is_empty() {
            return Err(SetError::Form { arg: arg.to_owned() });
        }
        Ok(Override {
            origin: format!("--set {key}={value}"),
            key: key.to_owned(),
            value: value.to_owned(),
        })
    }

    /// An option that stands for a key (`--seed 7` is `run.seed = 7`).
    pub fn from_flag(flag: &str, key: &str, value: String) -> Override {
        Override { origin: format!("{flag} {value}"), key: key.to_owned(), value }
    }
}

/// A command-line override that cannot be applied. Every message names the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetError {
    /// Not of the form `KEY=VALUE`.
    #[error("--set {arg}: expected KEY=VALUE, e.g. --set process.roles.executor.staff=3")]
    Form {
        /// The argument.
        arg: String,
    },
    /// A key that is not a dotted key path.
    #[error(
        "{origin}: `{key}` is not a key path (dotted keys and indices, e.g. sources.0.rate_per_working_day)"
    )]
    BadKey {
        /// How the override was given.
        origin: String,
        /// The key.
        key: String,
    },
    /// A key the scenario does not have on the way to the value.
    #[error("{origin}: unknown key `{missing}` in {within} (keys there: {known})")]
    UnknownKey {
        /// How the override was given.
        origin: String,
        /// The segment that is not there.
        missing: String,
        /// Where it was looked for.
        within: String,
        /// The keys that are there.
        known: String,
    },
    /// An index past the end of an array, or not a number.
    #[error(
        "{origin}: {within} has {len} entries (indices 0 to {last}), `{index}` is not one of them"
    )]
    BadIndex {
        /// How the override was given.
        origin: String,
        /// The index given.
        index: String,
        /// The array.
        within: String,
        /// Its length.
        len: usize,
        /// Its last index (or `none`).
        last: String,
    },
    /// A path that goes on below a plain value.
    #[error("{origin}: {within} is a single value, it has no key `{next}`")]
    NotATable {
        /// How the override was given.
        origin: String,
        /// The value's key.
        within: String,
        /// The segment after it.
        next: String,
    },
    /// A value of another type than the key holds.
    #[error("{origin}: {key} expects {expected}")]
    Type {
        /// How the override was given.
        origin: String,
        /// The key.
        key: String,
        /// What the key holds.
        expected: &'static str,
    },
    /// The edited scenario does not deserialize (an unknown key, a wrong value).
    #[error("{origin}: {key}: {message}")]
    Rejected {
        /// How the override was given.
        origin: String,
        /// The key.
        key: String,
        /// The deserializer's message.
        message: String,
    },
}

/// One problem of a scenario, placed in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: `FILE:LINE[:COLUMN]`, or the override that put the value there.
    pub at: String,
    /// The key path, e.g. `process.steps[3].role`.
    pub key: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}: {}", self.at, self.message)
        } else {
            write!(f, "{}: {}: {}", self.at, self.key, self.message)
        }
    }
}

/// Why a scenario cannot be run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// The file is not TOML, or not the shape of a scenario (an unknown key, a wrong type, a
    /// missing key).
    #[error("bad scenario: {0}")]
    Syntax(Problem),
    /// An override that cannot be applied.
    #[error("bad override: {0}")]
    Set(#[from] SetError),
    /// The scenario is well-formed but has problems (all of them, in the engine's order).
    #[error("{}", problems_text(.problems, .overrides))]
    Invalid {
        /// The problems.
        problems: Vec<Problem>,
        /// The overrides in effect, for the note.
        overrides: Vec<String>,
    },
}

fn problems_text(problems: &[Problem], overrides: &[String]) -> String {
    let mut s = format!(
        "bad scenario ({} problem{}):",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for p in problems {
        s.push_str("\n  ");
        s.push_str(&p.to_string());
    }
    if !overrides.is_empty() {
        s.push_str("\n  (overrides in effect: ");
        s.push_str(&overrides.join(", "));
        s.push(')');
    }
    s
}

/// A scenario ready to run, and what the command line changed in it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The scenario.
    pub scenario: Scenario,
    /// The overridden keys (normalized key paths) and the values in effect.
    pub parameters: BTreeMap<String, serde_json::Value>,
}

/// What a process adds to loading: settings that are not key paths, and what to do when the
/// command line changes the run window.
pub struct Hooks<'a> {
    /// `--set` keys that are settings of the process.
    pub settings: &'a [&'a str],
    /// Applies a setting (a message naming the problem otherwise).
    pub apply_setting: &'a dyn Fn(&mut Scenario, &str, &str) -> Result<(), String>,
    /// Called after an override changed `run.start` or `run.end` (the built-in scenario's term
    /// depends on the window), unless an override set the term itself; `None` leaves a scenario
    /// file as written.
    pub window_changed: Option<&'a dyn Fn(&mut Scenario)>,
}

impl fmt::Debug for Hooks<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Hooks").field("settings", &self.settings).finish_non_exhaustive()
    }
}

/// Parses, overrides and validates a scenario: key-path overrides edit the parsed TOML (in
/// order, each checked by deserializing), then the process's settings apply, then the scenario
/// is validated.
pub fn load(
    source: &ScenarioText,
    all_overrides: &[Override],
    hooks: &Hooks<'_>,
) -> Result<Loaded, ScenarioError> {
    let (settings, overrides): (Vec<Override>, Vec<Override>) =
        all_overrides.iter().cloned().partition(|o| hooks.settings.contains(&o.key.as_str()));
    let overrides = overrides.as_slice();
    let doc = ImDocument::parse(source.text.as_str()).ok();
    let scenario: Scenario = toml::from_str(&source.text)
        .map_err(|e| ScenarioError::Syntax(syntax_problem(source, doc.as_ref(), &e)))?;
    let mut parameters = BTreeMap::new();
    let mut edited: Vec<KeyPath> = Vec::new();
    let scenario = if overrides.is_empty() {
        scenario
    } else {
        let table: toml::Table = source.text.parse().map_err(|e: toml::de::Error| {
            ScenarioError::Syntax(syntax_problem(source, doc.as_ref(), &e))
        })?;
        let mut root = Value::Table(table);
        let mut last = None;
        for ov in overrides {
            let (path, value) = apply(&mut root, ov)?;
            let scenario = Scenario::deserialize(root.clone()).map_err(|e| SetError::Rejected {
                origin: ov.origin.clone(),
                key: path.to_string(),
                message: e.message().to_owned(),
            })?;
            parameters.insert(path.to_string(), json_of(&value));
            edited.push(path);
            last = Some(scenario);
        }
        last.unwrap_or(scenario)
    };
    let mut scenario = scenario;
    for ov in &settings {
        (hooks.apply_setting)(&mut scenario, &ov.key, &ov.value).map_err(|message| {
            SetError::Rejected { origin: ov.origin.clone(), key: ov.key.clone(), message }
        })?;
        parameters.insert(ov.key.clone(), serde_json::Value::String(ov.value.clone()));
    }
    let window = [KeyPath::root("run").key("start"), KeyPath::root("run").key("end")];
    // A term set on the command line wins over the one that follows the window.
    let term_set = edited.iter().any(|p| {
        matches!(p.0.as_slice(), [PathSegment::Key(a), PathSegment::Key(b), ..]
            if a == "process" && b.starts_with("term"))
    });
    if let Some(changed) = hooks.window_changed.filter(|_| !term_set) {
        if edited.iter().any(|p| window.contains(p)) {
            changed(&mut scenario);
        }
    }
    let errors = ereje_sim_engine::validate(&scenario);
    if errors.is_empty() {
        return Ok(Loaded { scenario, parameters });
    }
    let problems = errors
        .iter()
        .map(|e| validation_problem(source, doc.as_ref(), overrides, &edited, e))
        .collect();
    Err(ScenarioError::Invalid {
        problems,
        overrides: all_overrides.iter().map(|o| o.origin.clone()).collect(),
    })
}

fn json_of(value: &Value) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// `FILE:LINE:COLUMN` of a byte offset.
fn at(source: &ScenarioText, offset: usize) -> String {
    let (line, col) = locate::line_col(&source.text, offset);
    format!("{}:{line}:{col}", source.name)
}

/// Places a TOML or deserialization error: the parser's span, the key path there, and for errors
/// inside a step (whose spans cover all steps) the step and field found by re-reading each step.
fn syntax_problem(
    source: &ScenarioText,
    doc: Option<&ImDocument<&str>>,
    e: &toml::de::Error,
) -> Problem {
    let message = e.message().trim().to_owned();
    let Some(span) = e.span() else {
        return Problem { at: source.name.clone(), key: String::new(), message };
    };
    let Some(doc) = doc else {
        // Not TOML at all: the parser's position is all there is.
        return Problem { at: at(source, span.start), key: String::new(), message };
    };
    let mut path = locate::path_at(doc, span.start);
    let steps = KeyPath::root("process").key("steps");
    let in_steps = path.0.len() <= 3 && path.0.starts_with(&steps.0);
    let mut offset = span.start;
    if in_steps {
        if let Some(refined) = refine_in_steps(&source.text, &message) {
            if let Some(found) = locate::locate(doc, &refined) {
                offset = found.span.start;
            }
            path = refined;
        }
    }
    Problem { at: at(source, offset), key: path.to_string(), message }
}

/// The key named by an `unknown field` message.
fn unknown_field(message: &str) -> Option<&str> {
    message.strip_prefix("unknown field `")?.split('`').next()
}

/// Finds the first step that does not deserialize and, in it, the field that does not.
fn refine_in_steps(text: &str, message: &str) -> Option<KeyPath> {
    let table: toml::Table = text.parse().ok()?;
    let steps = table.get("process")?.get("steps")?.as_array()?;
    for (i, step) in steps.iter().enumerate() {
        if Step::deserialize(step.clone()).is_ok() {
            continue;
        }
        let mut path = KeyPath::root("process").key("steps").index(i);
        let Some(fields) = step.as_table() else { return Some(path) };
        let field = unknown_field(message);
        if let Some(f) = field.filter(|f| fields.contains_key(*f)) {
            return Some(path.key(f));
        }
        for (k, v) in fields {
            if let Some(rest) = probe_field(k, v) {
                path = path.key(k);
                path.0.extend(rest);
                // The key inside the failing field's own table, when the message names it.
                let inner = path.0.get(3..).and_then(|segs| value_at(step, segs));
                if let Some(Value::Table(t)) = inner {
                    if let Some(k) = offending_key(t, message) {
                        path = path.key(&k);
                    }
                }
                return Some(path);
            }
        }
        return Some(path);
    }
    None
}

/// The key of `table` that a deserializer's message is about: the one it calls unknown, or the
/// one holding the value it calls invalid (`invalid type: string "one", expected f64`).
fn offending_key(table: &toml::Table, message: &str) -> Option<String> {
    if let Some(f) = unknown_field(message) {
        return table.contains_key(f).then(|| f.to_owned());
    }
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))?;
    let shown = rest.split(", expected").next()?;
    table
        .iter()
        .find(|(_, v)| {
            let text = match v {
                Value::String(s) => format!("string {s:?}"),
                Value::Integer(i) => format!("integer `{i}`"),
                Value::Float(x) => format!("floating point `{x}`"),
                Value::Boolean(b) => format!("boolean `{b}`"),
                _ => return false,
            };
            text == shown
        })
        .map(|(k, _)| k.clone())
}

fn value_at<'a>(mut v: &'a Value, segs: &[PathSegment]) -> Option<&'a Value> {
    for s in segs {
        v = match (v, s) {
            (Value::Table(t), PathSegment::Key(k)) => t.get(k)?,
            (Value::Array(a), PathSegment::Index(i)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

/// Whether one field of a step fails on its own: `None` when it is fine, else the segments below
/// the field that fail (an index into `branches` or `outages`, `when`).
fn probe_field(key: &str, v: &Value) -> Option<Vec<PathSegment>> {
    fn fails<T: for<'de> Deserialize<'de>>(v: &Value) -> bool {
        T::deserialize(v.clone()).is_err()
    }
    let bad = match key {
        "effort" | "wait" | "latency" | "delay" => fails::<Duration>(v),
        "norm" => fails::<Norm>(v),
        "clock" | "wait_clock" => fails::<Clock>(v),
        "norm_assumed" => fails::<bool>(v),
        "id" | "kind" | "role" | "next" | "otherwise" | "outcome" | "reason" | "citation" => {
            fails::<String>(v)
        }
        "outages" | "branches" => {
            let Some(items) = v.as_array() else { return Some(Vec::new()) };
            for (j, item) in items.iter().enumerate() {
                let bad =
                    if key == "outages" { fails::<Outage>(item) } else { fails::<Branch>(item) };
                if bad {
                    let mut segs = vec![PathSegment::Index(j)];
                    if key == "branches" {
                        if let Some(w) = item.get("when") {
                            if fails::<Predicate>(w) {
                                segs.push(PathSegment::Key("when".to_owned()));
                            }
                        }
                    }
                    return Some(segs);
                }
            }
            false
        }
        _ => true,
    };
    bad.then(Vec::new)
}

/// Places a validation error: the override that set the value, or the key's line in the file
/// (the table that should hold it when the key is absent).
fn validation_problem(
    source: &ScenarioText,
    doc: Option<&ImDocument<&str>>,
    overrides: &[Override],
    edited: &[KeyPath],
    e: &ValidationError,
) -> Problem {
    let path = e.path();
    let key = path.to_string();
    let full = e.to_string();
    let message = full.strip_prefix(&format!("{key}: ")).unwrap_or(&full).to_owned();
    // The last override at or above the key put the value there.
    let by_override = edited
        .iter()
        .zip(overrides)
        .rev()
        .find(|(p, _)| path.0.starts_with(&p.0))
        .map(|(_, o)| o.origin.clone());
    let at = match (by_override, doc.and_then(|d| locate::locate(d, path))) {
        (Some(origin), _) => origin,
        (None, Some(found)) => {
            let (line, _) = locate::line_col(&source.text, found.span.start);
            format!("{}:{line}", source.name)
        }
        (None, None) => source.name.clone(),
    };
    Problem { at, key, message }
}

/// Applies one override to the parsed TOML: returns the key path it resolved to and the value
/// put there.
fn apply(root: &mut Value, ov: &Override) -> Result<(KeyPath, Value), SetError> {
    let normalized = normalize_key(&ov.key);
    let segs: Vec<String> = toml_edit::Key::parse(&normalized)
        .map_err(|_| SetError::BadKey { origin: ov.origin.clone(), key: ov.key.clone() })?
        .iter()
        .map(|k| k.get().to_owned())
        .collect();
    let Some((last, parents)) = segs.split_last() else {
        return Err(SetError::BadKey { origin: ov.origin.clone(), key: ov.key.clone() });
    };
    let mut path = KeyPath::default();
    let mut cur: &mut Value = root;
    for seg in parents {
        let within = shown(&path);
        cur = match cur {
            Value::Table(t) => {
                let known = keys_of(t);
                path.0.push(PathSegment::Key(seg.clone()));
                t.get_mut(seg).ok_or_else(|| SetError::UnknownKey {
                    origin: ov.origin.clone(),
                    missing: seg.clone(),
                    within,
                    known,
                })?
            }
            Value::Array(a) => {
                let len = a.len();
                let i = index(seg, len).ok_or_else(|| bad_index(ov, seg, &within, len))?;
                path.0.push(PathSegment::Index(i));
                a.get_mut(i).ok_or_else(|| bad_index(ov, seg, &within, len))?
            }
            _ => {
                return Err(SetError::NotATable {
                    origin: ov.origin.clone(),
                    within,
                    next: seg.clone(),
                });
            }
        };
    }
    let within = shown(&path);
    let slot: &mut Value = match cur {
        Value::Table(t) => {
            path.0.push(PathSegment::Key(last.clone()));
            let key = path.to_string();
            let value = coerce(t.get(last), &ov.value).map_err(|expected| SetError::Type {
                origin: ov.origin.clone(),
                key,
                expected,
            })?;
            t.insert(last.clone(), value);
            t.get_mut(last).ok_or_else(|| SetError::BadKey {
                origin: ov.origin.clone(),
                key: ov.key.clone(),
            })?
        }
        Value::Array(a) => {
            let len = a.len();
            let i = index(last, len).ok_or_else(|| bad_index(ov, last, &within, len))?;
            path.0.push(PathSegment::Index(i));
            let key = path.to_string();
            let slot = a.get_mut(i).ok_or_else(|| bad_index(ov, last, &within, len))?;
            *slot = coerce(Some(slot), &ov.value).map_err(|expected| SetError::Type {
                origin: ov.origin.clone(),
                key,
                expected,
            })?;
            slot
        }
        _ => {
            return Err(SetError::NotATable {
                origin: ov.origin.clone(),
                within,
                next: last.clone(),
            });
        }
    };
    Ok((path, slot.clone()))
}

/// `[N]` → `.N`, so `sources[0].rate` and `sources.0.rate` are the same key.
fn normalize_key(key: &str) -> String {
    key.replace('[', ".").replace(']', "")
}

/// A key path for messages (`the scenario` for the root).
fn shown(path: &KeyPath) -> String {
    if path.0.is_empty() { "the scenario".to_owned() } else { path.to_string() }
}

fn keys_of(t: &toml::Table) -> String {
    let keys: Vec<&str> = t.keys().map(String::as_str).collect();
    if keys.is_empty() { "none".to_owned() } else { keys.join(", ") }
}

fn index(seg: &str, len: usize) -> Option<usize> {
    seg.parse::<usize>().ok().filter(|i| *i < len)
}

fn bad_index(ov: &Override, seg: &str, within: &str, len: usize) -> SetError {
    SetError::BadIndex {
        origin: ov.origin.clone(),
        index: seg.to_owned(),
        within: within.to_owned(),
        len,
        last: len.checked_sub(1).map_or_else(|| "none".to_owned(), |l| l.to_string()),
    }
}

/// The value `raw` as TOML, shaped like the value it replaces: text for a string key (quotes
/// optional), an integer for an integer key, a number for a number key (integers accepted),
/// `true`/`false`, an inline table or array for a table or array. A new key takes the TOML
/// reading of `raw` (dates stay strings, as scenarios write them), or the text itself.
fn coerce(existing: Option<&Value>, raw: &str) -> Result<Value, &'static str> {
    let parsed = format!("v = {raw}").parse::<toml::Table>().ok().and_then(|mut t| t.remove("v"));
    match (existing, parsed) {
        (Some(Value::String(_)), Some(Value::String(s))) => Ok(Value::String(s)),
        (Some(Value::String(_)), _) => Ok(Value::String(raw.to_owned())),
        (Some(Value::Integer(_)), Some(Value::Integer(i))) => Ok(Value::Integer(i)),
        (Some(Value::Integer(_)), _) => Err("an integer"),
        (Some(Value::Float(_)), Some(Value::Integer(i))) => Ok(Value::Float(i as f64)),
        (Some(Value::Float(_)), Some(Value::Float(x))) => Ok(Value::Float(x)),
        (Some(Value::Float(_)), _) => Err("a number"),
        (Some(Value::Boolean(_)), Some(Value::Boolean(b))) => Ok(Value::Boolean(b)),
        (Some(Value::Boolean(_)), _) => Err("true or false"),
        (Some(Value::Array(_)), Some(Value::Array(a))) => Ok(Value::Array(a)),
        (Some(Value::Array(_)), _) => Err("an array, e.g. [1, 2]"),
        (Some(Value::Table(_)), Some(Value::Table(t))) => Ok(Value::Table(t)),
        (Some(Value::Table(_)), _) => Err("an inline table, e.g. { working_days = 6 }"),
        (Some(Value::Datetime(_)), Some(Value::Datetime(d))) => Ok(Value::Datetime(d)),
        (Some(Value::Datetime(_)), _) => Err("a date"),
        (None, Some(Value::Datetime(d))) => Ok(Value::String(d.to_string())),
        (None, Some(v)) => Ok(v),
        (None, None) => Ok(Value::String(raw.to_owned())),
    }
}
