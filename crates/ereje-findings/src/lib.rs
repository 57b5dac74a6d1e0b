//! The findings model shared by every Ereje validator.
//!
//! A regulation is checked by *rules*. Each rule is a catalogue entry ([`Rule`]) with a stable id
//! (`SL-017`), a [`Severity`], the [`Confidence`] of its legal source, a citation, the dates it is
//! in force ([`Effective`]) and a message in Russian, Kazakh and English ([`Text`]). A check
//! produces [`Finding`]s: a rule, a JSON pointer into the record and the values that fill the
//! message's placeholders. A validator turns the findings of one input record into one
//! [`RecordResult`], the shape fixed by the project's interface contract, the same for every
//! regulation.
//!
//! Two invariants are enforced by [`Rule::check`] and [`check_catalogue`], and tested by every crate
//! that declares rules:
//! - a rule whose source is not the act's own text (confidence `medium` or `derived`) is at most a
//!   warning;
//! - rule ids are unique across the catalogue.
//!
//! ```
//! use ereje_findings::{Confidence, Effective, Finding, Lang, Rule, Severity, Text};
//!
//! static LENGTH: Rule = Rule {
//!     id: "ID-LENGTH",
//!     subject: "id",
//!     severity: Severity::Error,
//!     confidence: Confidence::Medium,
//!     citation: "Decree No. 406 of 22.05.2007",
//!     since: "0.1.0",
//!     effective: Effective::ALWAYS,
//!     message: Text {
//!         ru: "длина {len} вместо 12",
//!         kk: "ұзындығы 12 емес, {len}",
//!         en: "length {len}, expected 12",
//!     },
//! };
//! let finding = Finding::new(&LENGTH, "").with("len", 11);
//! assert_eq!(finding.message(Lang::En), "length 11, expected 12");
//! // medium confidence cannot be an error:
//! assert!(LENGTH.check().is_err());
//! ```
#![deny(missing_docs)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The version of the rule catalogue: the version of this crate, which every validator reports
/// as `ruleset` in its results.
pub const RULESET_VERSION: &str = env!("CARGO_PKG_VERSION");

/// How serious a finding is.
///
/// Ordered: `Info < Warning < Error`. A record is *valid* exactly when it has no finding of
/// severity `Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something worth knowing that breaks no rule (e.g. an answer from a provisional calendar).
    Info,
    /// Probably wrong, but the source is not strong enough for an error, or the law sets no term.
    Warning,
    /// The act's own text is broken: the record is not valid.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = ParseEnumError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(ParseEnumError { what: "severity", value: s.to_owned() }),
        }
    }
}

/// How strong the legal source of a rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Read in the act's own text.
    High,
    /// A secondary source or a predecessor act: at most a warning.
    Medium,
    /// Follows from the form itself, with no explicit norm: at most a warning.
    Derived,
}

impl Confidence {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Derived => "derived",
        }
    }

    /// The highest severity a rule of this confidence may have.
    pub fn max_severity(self) -> Severity {
        match self {
            Confidence::High => Severity::Error,
            Confidence::Medium | Confidence::Derived => Severity::Warning,
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language of messages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Russian (the default).
    #[default]
    Ru,
    /// Kazakh.
    Kk,
    /// English.
    En,
}

impl FromStr for Lang {
    type Err = ParseEnumError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ru" => Ok(Lang::Ru),
            "kk" => Ok(Lang::Kk),
            "en" => Ok(Lang::En),
            _ => Err(ParseEnumError { what: "language", value: s.to_owned() }),
        }
    }
}

/// A value that is not one of an enumeration's names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{value}`")]
pub struct ParseEnumError {
    /// What was being parsed (`severity`, `language`).
    pub what: &'static str,
    /// The value given.
    pub value: String,
}

/// A text in the three languages of the project.
///
/// Messages may hold placeholders `{name}` that a [`Finding`] fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Text {
    /// Russian.
    pub ru: &'static str,
    /// Kazakh.
    pub kk: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ru => self.ru,
            Lang::Kk => self.kk,
            Lang::En => self.en,
        }
    }
}

/// The days a rule (or a dated parameter) is in force: `from` and `to` are both inclusive, and
/// `None` means open-ended.
///
/// ```
/// use chrono::NaiveDate;
/// use ereje_findings::Effective;
/// let pilot = Effective::between(
///     NaiveDate::from_ymd_opt(2023, 11, 27).unwrap(),
///     NaiveDate::from_ymd_opt(2024, 3, 31).unwrap(),
/// );
/// assert!(pilot.contains(NaiveDate::from_ymd_opt(2024, 3, 31).unwrap()));
/// assert!(!pilot.contains(NaiveDate::from_ymd_opt(2024, 4, 1).unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Effective {
    /// First day in force, `None` for "always has been".
    pub from: Option<NaiveDate>,
    /// Last day in force, `None` for "until further notice".
    pub to: Option<NaiveDate>,
}

impl Effective {
    /// In force on every day.
    pub const ALWAYS: Effective = Effective { from: None, to: None };

    /// In force from `from` (inclusive) on.
    pub const fn since(from: NaiveDate) -> Effective {
        Effective { from: Some(from), to: None }
    }

    /// In force from `from` to `to`, both inclusive.
    pub const fn between(from: NaiveDate, to: NaiveDate) -> Effective {
        Effective { from: Some(from), to: Some(to) }
    }

    /// Whether the window contains `date`.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

impl fmt::Display for Effective {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.to) {
            (None, None) => f.write_str("always"),
            (Some(a), None) => write!(f, "from {a}"),
            (None, Some(b)) => write!(f, "until {b}"),
            (Some(a), Some(b)) => write!(f, "{a} – {b}"),
        }
    }
}

/// A rule of the catalogue.
///
/// Rules are `static` items declared next to the code that checks them; each crate exports the
/// list of its rules, and the catalogue (`ereje-check rules`, `docs/rules.md`) is generated from
/// those lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The stable id, e.g. `SL-017` or `ID-CHECK-DIGIT`. Never reused for another meaning.
    pub id: &'static str,
    /// The `ereje-check` subject the rule belongs to (`id`, `sick-leave`, `mse`, …, or `common`).
    pub subject: &'static str,
    /// The severity of a finding of this rule.
    pub severity: Severity,
    /// The strength of the legal source.
    pub confidence: Confidence,
    /// The act and paragraph, naming the language version where the kk and ru numbering differ,
    /// and for `medium` / `derived` rules what the rule rests on.
    pub citation: &'static str,
    /// The Ereje version that introduced the rule.
    pub since: &'static str,
    /// The days the rule is in force.
    pub effective: Effective,
    /// The message, with `{placeholders}`.
    pub message: Text,
}

/// A rule that breaks a catalogue invariant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    /// A `medium` or `derived` rule declared as an error.
    #[error("rule {id}: confidence {confidence} allows at most a warning, not {severity}")]
    SeverityAboveConfidence {
        /// The rule id.
        id: &'static str,
        /// Its confidence.
        confidence: Confidence,
        /// Its severity.
        severity: Severity,
    },
    /// An empty id, citation or message.
    #[error("rule {id}: empty {field}")]
    Empty {
        /// The rule id (may be empty itself).
        id: &'static str,
        /// Which field is empty.
        field: &'static str,
    },
    /// A window that ends before it starts.
    #[error("rule {id}: effective window ends before it starts")]
    EmptyWindow {
        /// The rule id.
        id: &'static str,
    },
    /// Two rules with one id.
    #[error("rule id {id} is declared twice")]
    DuplicateId {
        /// The id.
        id: &'static str,
    },
}

impl Rule {
    /// Checks the invariants of one rule.
    ///
    /// # Errors
    /// [`CatalogueError`] when a `medium`/`derived` rule is an error, a text is empty, or the
    /// effective window is empty.
    pub fn check(&self) -> Result<(), CatalogueError> {
        if self.severity > self.confidence.max_severity() {
            return Err(CatalogueError::SeverityAboveConfidence {
                id: self.id,
                confidence: self.confidence,
                severity: self.severity,
            });
        }
        for (field, value) in [
            ("id", self.id),
            ("subject", self.subject),
            ("citation", self.citation),
            ("message.ru", self.message.ru),
            ("message.kk", self.message.kk),
            ("message.en", self.message.en),
        ] {
            if value.trim().is_empty() {
                return Err(CatalogueError::Empty { id: self.id, field });
            }
        }
        if let (Some(a), Some(b)) = (self.effective.from, self.effective.to) {
            if b < a {
                return Err(CatalogueError::EmptyWindow { id: self.id });
            }
        }
        Ok(())
    }

    /// Whether the rule is in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.effective.contains(date)
    }
}

/// Checks every rule and that ids are unique.
///
/// # Errors
/// The first [`CatalogueError`] found.
pub fn check_catalogue<'a>(
    rules: impl IntoIterator<Item = &'a Rule>,
) -> Result<(), CatalogueError> {
    let mut seen = BTreeSet::new();
    for rule in rules {
        rule.check()?;
        if !seen.insert(rule.id) {
            return Err(CatalogueError::DuplicateId { id: rule.id });
        }
    }
    Ok(())
}

/// The rule of a record that could not be read: not valid JSON, or a value of the wrong primitive
/// type. Its message is the parser's, with its position.
pub static INPUT: Rule = Rule {
    id: "INPUT",
    subject: "common",
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Ereje interface contract (docs/contracts.md): records are JSON",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "запись не прочитана: {detail}",
        kk: "жазба оқылмады: {detail}",
        en: "record cannot be read: {detail}",
    },
};

/// The rules of this crate.
pub static RULES: &[&Rule] = &[&INPUT];

/// One finding: a rule, where in the record, and the values of the message's placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule.
    pub rule: &'static Rule,
    /// A JSON pointer (RFC 6901) into the record; empty for the whole record.
    pub path: String,
    /// Values for the `{placeholders}` of the message, in order of addition.
    pub args: Vec<(&'static str, String)>,
}

impl Finding {
    /// A finding of `rule` at `path` (a JSON pointer, `""` for the whole record).
    pub fn new(rule: &'static Rule, path: impl Into<String>) -> Finding {
        Finding { rule, path: path.into(), args: Vec::new() }
    }

    /// Adds the value of the placeholder `{key}`.
    #[must_use]
    pub fn with(mut self, key: &'static str, value: impl fmt::Display) -> Finding {
        self.args.push((key, value.to_string()));
        self
    }

    /// The severity of the finding (the rule's).
    pub fn severity(&self) -> Severity {
        self.rule.severity
    }

    /// The message in `lang`, placeholders filled; an unknown placeholder stays as written.
    pub fn message(&self, lang: Lang) -> String {
        fill(self.rule.message.get(lang), &self.args)
    }

    /// The finding as it is written in a result.
    pub fn to_output(&self, lang: Lang) -> FindingOut {
        FindingOut {
            rule: self.rule.id.to_owned(),
            severity: self.rule.severity,
            path: self.path.clone(),
            message: self.message(lang),
            citation: self.rule.citation.to_owned(),
        }
    }
}

fn fill(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match args.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes one reference token of a JSON pointer (`~` → `~0`, `/` → `~1`).
///
/// ```
/// assert_eq!(ereje_findings::pointer_token("a/b~c"), "a~1b~0c");
/// ```
pub fn pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// A finding as written in a result (the contract's shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingOut {
    /// The rule id.
    pub rule: String,
    /// The severity.
    pub severity: Severity,
    /// The JSON pointer.
    pub path: String,
    /// The message in the chosen language.
    pub message: String,
    /// The rule's citation.
    pub citation: String,
}

/// The result of one input record, the same for every subject.
///
/// `E` carries the fields a subject adds (e.g. `nosology`, `signable`); it is flattened into the
/// object, so use a struct with named fields, or `()` … see [`NoExtra`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordResult<E> {
    /// The record's number, from 1 across all inputs.
    pub record: u64,
    /// The file the record comes from (`-` for standard input).
    pub file: String,
    /// The line the record starts on, from 1.
    pub line: u64,
    /// The record's own id when it has one (a sheet number, a value), else `null`.
    pub id: Option<String>,
    /// False exactly when there is a finding of severity `error`.
    pub valid: bool,
    /// The date the rules were taken at; `null` when no date could be established.
    pub as_of: Option<NaiveDate>,
    /// The rule catalogue version.
    pub ruleset: String,
    /// The findings, in the order the checks found them.
    pub findings: Vec<FindingOut>,
    /// The subject's own fields.
    #[serde(flatten)]
    pub extra: E,
}

/// No subject-specific fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoExtra {}

/// Where a record comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Record number, from 1 across all inputs.
    pub record: u64,
    /// File name (`-` for standard input).
    pub file: String,
    /// Line the record starts on, from 1.
    pub line: u64,
}

impl<E> RecordResult<E> {
    /// Builds a result from findings: `valid` is computed from them.
    pub fn new(
        origin: Origin,
        id: Option<String>,
        as_of: Option<NaiveDate>,
        findings: &[Finding],
        lang: Lang,
        extra: E,
    ) -> RecordResult<E> {
        RecordResult {
            record: origin.record,
            file: origin.file,
            line: origin.line,
            id,
            valid: is_valid(findings),
            as_of,
            ruleset: RULESET_VERSION.to_owned(),
            findings: findings.iter().map(|f| f.to_output(lang)).collect(),
            extra,
        }
    }

    /// The highest severity among the findings, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

/// Whether a set of findings leaves a record valid (no finding of severity `error`).
pub fn is_valid(findings: &[Finding]) -> bool {
    findings.iter().all(|f| f.severity() < Severity::Error)
}

/// Counts over a run of a validator: records, valid, invalid, findings by rule and severity, and
/// the parameters in effect.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The subject checked.
    pub subject: String,
    /// Records read (each input record is one result).
    pub records: u64,
    /// Results with `valid = true`.
    pub valid: u64,
    /// Results with `valid = false`.
    pub invalid: u64,
    /// Findings by rule id.
    pub findings_by_rule: BTreeMap<String, u64>,
    /// Findings by severity.
    pub findings_by_severity: BTreeMap<Severity, u64>,
    /// Parameters in effect (`--set` and their defaults).
    pub parameters: BTreeMap<String, String>,
    /// The rule catalogue version.
    pub ruleset: String,
}

impl Summary {
    /// An empty summary for `subject`.
    pub fn new(subject: &str) -> Summary {
        Summary {
            subject: subject.to_owned(),
            ruleset: RULESET_VERSION.to_owned(),
            ..Summary::default()
        }
    }

    /// Counts one result.
    pub fn add<E>(&mut self, result: &RecordResult<E>) {
        self.records += 1;
        if result.valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        for f in &result.findings {
            *self.findings_by_rule.entry(f.rule.clone()).or_default() += 1;
            *self.findings_by_severity.entry(f.severity).or_default() += 1;
        }
    }

    /// The highest severity seen, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings_by_severity.keys().copied().max()
    }
}

/// Converts the errors of a [`validator::Validate`] derive into findings, so that field-level
/// constraints with a legal source reach the caller as catalogue rules like every other check.
///
/// `prefix` is the JSON pointer of the validated struct; `lookup` maps a field name and a
/// validator error code to the rule that the constraint stands for. Nested structs and lists are
/// followed, their pointers extended.
///
/// ```
/// use ereje_findings::{from_validation_errors, INPUT};
/// use validator::Validate;
///
/// #[derive(Validate)]
/// struct Worker {
///     #[validate(length(min = 1, code = "required"))]
///     surname: String,
/// }
/// let errors = Worker { surname: String::new() }.validate().unwrap_err();
/// let findings = from_validation_errors(&errors, "/worker", |_field, _code| &INPUT);
/// assert_eq!(findings[0].path, "/worker/surname");
/// ```
pub fn from_validation_errors(
    errors: &validator::ValidationErrors,
    prefix: &str,
    lookup: impl Fn(&str, &str) -> &'static Rule + Copy,
) -> Vec<Finding> {
    let mut out = Vec::new();
    collect_validation(errors, prefix, lookup, &mut out);
    out
}

fn collect_validation(
    errors: &validator::ValidationErrors,
    prefix: &str,
    lookup: impl Fn(&str, &str) -> &'static Rule + Copy,
    out: &mut Vec<Finding>,
) {
    use validator::ValidationErrorsKind as K;
    // Sort for a stable order: the map behind `ValidationErrors` is a hash map.
    let mut fields: Vec<_> = errors.errors().iter().collect();
    fields.sort_by(|a, b| a.0.cmp(b.0));
    for (field, kind) in fields {
        let path = format!("{prefix}/{}", pointer_token(field));
        match kind {
            K::Field(list) => {
                for e in list {
                    let mut f = Finding::new(lookup(field, &e.code), path.clone());
                    f.args.push(("field", field.to_string()));
                    out.push(f);
                }
            }
            K::Struct(inner) => collect_validation(inner, &path, lookup, out),
            K::List(items) => {
                for (i, inner) in items {
                    collect_validation(inner, &format!("{path}/{i}"), lookup, out);
                }
            }
        }
    }
}

/// Renders a rule catalogue as a Markdown table (the generated `docs/rules.md` and
/// `ereje-check rules --format markdown`).
pub fn catalogue_markdown(rules: &[&Rule], lang: Lang) -> String {
    let mut s = String::from(
        "| id | subject | severity | confidence | citation | in force | since | message |\n|---|---|---|---|---|---|---|---|\n",
    );
    for r in rules {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} | {} | {} |\n",
            r.id,
            r.subject,
            r.severity,
            r.confidence,
            r.citation.replace('|', "\\|"),
            r.effective,
            r.since,
            r.message.get(lang).replace('|', "\\|"),
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    static DERIVED_ERROR: Rule = Rule {
        id: "X-1",
        subject: "test",
        severity: Severity::Error,
        confidence: Confidence::Derived,
        citation: "derived from appendix item 3",
        since: "0.1.0",
        effective: Effective::ALWAYS,
        message: Text { ru: "р", kk: "к", en: "e {a} {b} {missing}" },
    };

    #[test]
    fn input_rule_is_consistent() {
        check_catalogue(RULES.iter().copied()).unwrap();
    }

    #[test]
    fn derived_rule_cannot_be_an_error() {
        assert!(matches!(
            DERIVED_ERROR.check(),
            Err(CatalogueError::SeverityAboveConfidence { id: "X-1", .. })
        ));
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        assert_eq!(
            check_catalogue([&INPUT, &INPUT]),
            Err(CatalogueError::DuplicateId { id: "INPUT" })
        );
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        let f = Finding::new(&DERIVED_ERROR, "/a").with("a", 1).with("b", "two");
        assert_eq!(f.message(Lang::En), "e 1 two {missing}");
        assert_eq!(fill("no close {x", &[]), "no close {x");
    }

    #[test]
    fn valid_means_no_error() {
        let warn = Rule { severity: Severity::Warning, ..DERIVED_ERROR };
        let warn: &'static Rule = Box::leak(Box::new(warn));
        assert!(is_valid(&[Finding::new(warn, "")]));
        assert!(!is_valid(&[Finding::new(&INPUT, "")]));
        assert!(is_valid(&[]));
    }

    #[test]
    fn result_serialises_in_contract_shape() {
        #[derive(Serialize)]
        struct Extra {
            signable: bool,
        }
        let origin = Origin { record: 1, file: "sheets.ndjson".into(), line: 1 };
        let f = Finding::new(&INPUT, "").with("detail", "EOF while parsing at line 1 column 3");
        let r = RecordResult::new(origin, None, None, &[f], Lang::En, Extra { signable: false });
        insta::assert_json_snapshot!(r, { ".ruleset" => "[ruleset]" });
    }

    #[test]
    fn summary_counts() {
        let origin = Origin { record: 1, file: "-".into(), line: 1 };
        let r = RecordResult::new(
            origin,
            None,
            None,
            &[Finding::new(&INPUT, "")],
            Lang::Ru,
            NoExtra {},
        );
        let mut s = Summary::new("id");
        s.add(&r);
        assert_eq!((s.records, s.valid, s.invalid), (1, 0, 1));
        assert_eq!(s.findings_by_rule["INPUT"], 1);
        assert_eq!(s.max_severity(), Some(Severity::Error));
    }

    #[test]
    fn effective_window_bounds_are_inclusive() {
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
        let w = Effective::between(d(1, 1), d(1, 31));
        assert!(w.contains(d(1, 1)) && w.contains(d(1, 31)));
        assert!(!w.contains(d(2, 1)));
        assert!(Effective::since(d(1, 1)).contains(d(12, 31)));
    }
}
