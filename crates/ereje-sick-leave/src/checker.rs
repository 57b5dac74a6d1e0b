//! The stateful checker of a batch of sheets: one sheet's rules, then the rules across sheets
//! of one person (duplicates, chains, overlaps, the maternity total), then the pilot routing.
//!
//! Memory: the set of sheet numbers seen (a 128-bit fingerprint and a record number each) and,
//! per person, the sheets whose last release day lies within the look-back window
//! (`chain.lookback_days`) of that person's latest release day.

use std::fmt;

use chrono::{Days, NaiveDate};
use ereje_calendar::Calendar;
use ereje_findings::{Finding, Lang, Origin, RecordResult, is_valid};
use ereje_id::Iin;
use serde::{Deserialize, Serialize};

use crate::hash::FxMap;
use crate::law;
use crate::model::{IncapacityKind, Period, SheetKey};
use crate::params::Params;
use crate::routing::{
    RouteInput, Routing, RoutingContext, SheetEvent, StatusService, event_date, route,
};
use crate::rules::*;
use crate::single::{View, check_sheet};
use crate::wire::WireSheet;

/// What a check is run with.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The date the rules are taken at; `None`: the sheet's issue date.
    pub as_of: Option<NaiveDate>,
    /// The readings and parameters.
    pub params: Params,
    /// The working-day calendar (the return-to-work reading `next_working_day`).
    pub calendar: &'a Calendar,
    /// The routing context for sheets that carry none; `None` with no `routing` in the record:
    /// no routing.
    pub routing: Option<RoutingContext>,
    /// The Е-қызмет status service the routing asks.
    pub status: Option<&'a dyn StatusService>,
    /// The record's number as the caller counts it (messages that refer to an earlier record
    /// use these numbers); `None`: the checker's own count of the sheets checked.
    pub record: Option<u64>,
}

impl fmt::Debug for Context<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("as_of", &self.as_of)
            .field("params", &self.params)
            .field("routing", &self.routing)
            .field("status", &self.status.map(|_| "<status service>"))
            .field("record", &self.record)
            .finish_non_exhaustive()
    }
}

impl Default for Context<'static> {
    fn default() -> Context<'static> {
        Context::new(Calendar::builtin())
    }
}

impl<'a> Context<'a> {
    /// Default parameters, no fixed as-of date, no routing.
    pub fn new(calendar: &'a Calendar) -> Context<'a> {
        Context {
            as_of: None,
            params: Params::default(),
            calendar,
            routing: None,
            status: None,
            record: None,
        }
    }
}

/// The fields the `sick-leave` subject adds to a result: the routing, when there was one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultExtra {
    /// The pilot routing of the sheet's event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing: Option<Routing>,
}

/// The outcome of checking one sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The sheet's key (`SERIES NUMBER`), when it has a number.
    pub id: Option<String>,
    /// The date the rules were taken at.
    pub as_of: Option<NaiveDate>,
    /// Every finding, in the order the checks found them.
    pub findings: Vec<Finding>,
    /// The patient's ИИН when valid (for masked display).
    pub iin: Option<Iin>,
    /// The sheet's event, when it could be established.
    pub event: Option<SheetEvent>,
    /// The pilot routing, when a routing context was given.
    pub routing: Option<Routing>,
}

impl Checked {
    /// No finding of severity error: the ФЛК passed.
    pub fn valid(&self) -> bool {
        is_valid(&self.findings)
    }

    /// The result in the shape of the interface contract.
    pub fn into_result(self, origin: Origin, lang: Lang) -> RecordResult<ResultExtra> {
        RecordResult::new(
            origin,
            self.id,
            self.as_of,
            &self.findings,
            lang,
            ResultExtra { routing: self.routing },
        )
    }
}

/// A sheet of a person kept for the cross-sheet checks.
#[derive(Debug, Clone)]
struct Stored {
    key: SheetKey,
    fingerprint: u128,
    record: u64,
    days: Vec<Period>,
    last: NaiveDate,
    continues: Option<u128>,
    new_sheet: Option<SheetKey>,
    maternity: bool,
    closed: bool,
    own_days: u32,
}

/// How much a [`Checker`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Memory {
    /// Sheet numbers seen.
    pub numbers: usize,
    /// Persons with kept sheets.
    pub persons: usize,
    /// Sheets kept for the cross-sheet checks.
    pub sheets: usize,
}

/// The checker of a batch: checks each sheet in input order and remembers what the cross-sheet
/// rules need.
///
/// Input order: by issue date, a continued sheet before its continuation. Findings that involve
/// two sheets are reported on the later record in input order.
///
/// ```
/// use ereje_sick_leave::{Checker, Context, WireSheet};
/// let mut checker = Checker::new();
/// let ctx = Context::default();
/// let line = serde_json::to_vec(&WireSheet::from(&ereje_sick_leave::example_sheet()))?;
/// let first = checker.check(&WireSheet::from_slice(&line)?, &ctx);
/// assert!(first.valid() && first.findings.is_empty());
/// let again = checker.check(&WireSheet::from_slice(&line)?, &ctx);
/// assert_eq!(again.findings[0].rule.id, "SL-009"); // duplicate series and number
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Checker {
    seen: FxMap<u128, u64>,
    persons: FxMap<Iin, Vec<Stored>>,
    kept: usize,
    records: u64,
    high_water: Option<NaiveDate>,
}

impl Checker {
    /// Kept sheets above which a sweep drops, across all persons, the sheets older than the
    /// look-back window before the batch's latest release day (a memory guard).
    pub const SWEEP_ABOVE: usize = 1 << 20;

    /// An empty batch.
    pub fn new() -> Checker {
        Checker::default()
    }

    /// How much the checker holds.
    pub fn memory(&self) -> Memory {
        Memory { numbers: self.seen.len(), persons: self.persons.len(), sheets: self.kept }
    }

    /// Checks one sheet and remembers it for the sheets that follow.
    ///
    /// # Errors
    /// None: every problem is a finding.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::{Checker, Context, WireSheet};
    /// let w = WireSheet::from_slice(br#"{"number":"0000001","issue_date":"2024-02-30"}"#)?;
    /// let checked = Checker::new().check(&w, &Context::default());
    /// assert!(!checked.valid());
    /// assert!(checked.findings.iter().any(|f| f.rule.id == "SL-003" && f.path == "/issue_date"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn check(&mut self, wire: &WireSheet<'_>, ctx: &Context<'_>) -> Checked {
        self.records += 1;
        let record = ctx.record.unwrap_or(self.records);
        let mut findings = Vec::new();
        let mut view = check_sheet(wire, &ctx.params, ctx.calendar, &mut findings);

        let duplicate = match &view.key {
            Some(key) => match self.seen.get(&key.fingerprint()) {
                Some(&first) => {
                    findings.push(
                        Finding::new(&DUPLICATE_NUMBER, "/number")
                            .with("number", key)
                            .with("record", first),
                    );
                    true
                }
                None => {
                    self.seen.insert(key.fingerprint(), record);
                    false
                }
            },
            None => false,
        };
        if !duplicate {
            self.across(&mut view, record, &ctx.params, &mut findings);
        }

        let as_of = ctx.as_of.or(view.issue_date);
        if let Some(date) = as_of {
            findings.retain(|f| f.rule.in_force(date));
        }
        let routing = wire.routing.or(ctx.routing).map(|context| {
            let event_date = view.event.and_then(|e| {
                event_date(e, view.issue_date, view.last_period, ctx.params.pilot_event_date)
            });
            let input = RouteInput {
                event: view.event,
                event_date,
                maternity: view.kind == Some(IncapacityKind::Maternity),
                flk_passed: is_valid(&findings),
                iin: view.iin,
                context,
            };
            route(&input, &ctx.params, ctx.status)
        });
        Checked {
            id: view.key.map(SheetKey::into_string),
            as_of,
            findings,
            iin: view.iin,
            event: view.event,
            routing,
        }
    }

    /// The rules across the sheets of one person, then remembering this sheet.
    fn across(&mut self, v: &mut View, record: u64, params: &Params, out: &mut Vec<Finding>) {
        let (Some(iin), Some(key), Some(span)) = (v.iin, &v.key, v.incapacity()) else { return };
        let lookback = Days::new(u64::from(params.lookback_days));
        let entries = self.persons.entry(iin).or_default();
        let latest = entries.iter().map(|e| e.last).chain([span.to]).max().unwrap_or(span.to);
        let before = entries.len();
        entries.retain(|e| e.last.checked_add_days(lookback).is_none_or(|end| end >= latest));
        self.kept -= before - entries.len();

        let me = key.fingerprint();
        let continues = v.continues.as_ref().map(SheetKey::fingerprint);
        let maternity = v.kind == Some(IncapacityKind::Maternity);
        let own_days = v.own_days();

        // The sheet it continues, if already seen.
        if let Some(prev) = continues.and_then(|fp| entries.iter().find(|e| e.fingerprint == fp)) {
            let expected = prev.last.succ_opt();
            if Some(span.from) != expected {
                out.push(
                    Finding::new(&CHAIN_NOT_CONTIGUOUS, "/continues")
                        .with("sheet", key)
                        .with("previous", &prev.key)
                        .with("last", prev.last)
                        .with("first", span.from)
                        .with("expected", expected.map(|d| d.to_string()).unwrap_or_default()),
                );
            }
            if let Some(named) = prev.new_sheet.as_ref().filter(|n| n.fingerprint() != me) {
                out.push(
                    Finding::new(&NEW_SHEET_MISMATCH, "/continues")
                        .with("previous", &prev.key)
                        .with("named", named)
                        .with("sheet", key),
                );
            }
        }
        // Its continuations that came earlier in the input.
        for next in entries.iter().filter(|e| e.continues == Some(me)) {
            out.push(
                Finding::new(&PREDECESSOR_AFTER_CONTINUATION, "")
                    .with("sheet", key)
                    .with("next", &next.key)
                    .with("record", next.record),
            );
            let first = next.days.first().map(|p| p.from);
            let expected = span.to.succ_opt();
            if first != expected {
                out.push(
                    Finding::new(&CHAIN_NOT_CONTIGUOUS, "/release_periods")
                        .with("sheet", &next.key)
                        .with("previous", key)
                        .with("last", span.to)
                        .with("first", first.map(|d| d.to_string()).unwrap_or_default())
                        .with("expected", expected.map(|d| d.to_string()).unwrap_or_default()),
                );
            }
            if let Some(named) =
                v.new_sheet.as_ref().filter(|n| n.fingerprint() != next.fingerprint)
            {
                out.push(
                    Finding::new(&NEW_SHEET_MISMATCH, "/new_sheet")
                        .with("previous", key)
                        .with("named", named)
                        .with("sheet", &next.key),
                );
            }
        }
        // Other sheets of the person covering the same days.
        for other in entries.iter() {
            let linked = Some(other.fingerprint) == continues || other.continues == Some(me);
            if linked {
                continue;
            }
            if let Some(common) = first_overlap(&v.days, &other.days) {
                out.push(
                    Finding::new(&SHEETS_OVERLAP, "/release_periods")
                        .with("sheet", key)
                        .with("other", &other.key)
                        .with("from", common.from)
                        .with("to", common.to),
                );
            }
        }

        let stored = Stored {
            key: key.clone(),
            fingerprint: me,
            record,
            days: std::mem::take(&mut v.days),
            last: span.to,
            continues,
            new_sheet: v.new_sheet.clone(),
            maternity,
            closed: v.closed,
            own_days,
        };
        if maternity {
            if let Some(days) = maternity_verdict(entries, &stored) {
                let cases: Vec<String> =
                    law::MATERNITY_CASES.iter().map(|c| c.days.to_string()).collect();
                out.push(
                    Finding::new(&MATERNITY_LENGTH, "/release_periods")
                        .with("days", days)
                        .with("cases", cases.join(", ")),
                );
            }
        }
        entries.push(stored);
        self.kept += 1;
        if self.high_water.is_none_or(|h| span.to > h) {
            self.high_water = Some(span.to);
        }
        if self.kept > Checker::SWEEP_ABOVE {
            self.sweep(lookback);
        }
    }

    /// Drops, across all persons, the sheets whose last release day is more than the look-back
    /// window before the batch's latest release day.
    fn sweep(&mut self, lookback: Days) {
        let Some(latest) = self.high_water else { return };
        let mut kept = 0;
        self.persons.retain(|_, entries| {
            entries.retain(|e| e.last.checked_add_days(lookback).is_none_or(|end| end >= latest));
            kept += entries.len();
            !entries.is_empty()
        });
        self.kept = kept;
    }
}

/// The first span of days two sorted, disjoint lists share.
fn first_overlap(a: &[Period], b: &[Period]) -> Option<Period> {
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        let from = x.from.max(y.from);
        let to = x.to.min(y.to);
        if from <= to {
            return Some(Period { from, to });
        }
        if x.to < y.to {
            i += 1;
        } else {
            j += 1;
        }
    }
    None
}

/// The total of the maternity chain through `me` when it matches no case of the Labour Code:
/// judged when the chain is complete (its head is known and its last sheet closed without a new
/// sheet), or when it already exceeds the longest case.
fn maternity_verdict(entries: &[Stored], me: &Stored) -> Option<u32> {
    let find = |fp: u128| entries.iter().find(|e| e.fingerprint == fp && e.maternity);
    let mut total = me.own_days;
    let mut visited = vec![me.fingerprint];
    // Backwards to the head.
    let mut head_known = true;
    let mut cur = me.continues;
    while let Some(fp) = cur {
        if visited.contains(&fp) {
            break;
        }
        match find(fp) {
            Some(prev) => {
                visited.push(fp);
                total += prev.own_days;
                cur = prev.continues;
            }
            None => {
                // A predecessor not seen (or not a maternity sheet): the head is unknown unless
                // the predecessor exists but is of another kind.
                head_known = entries.iter().any(|e| e.fingerprint == fp);
                break;
            }
        }
    }
    // Forwards to the tail.
    let mut tail = me;
    while let Some(next) = entries.iter().find(|e| {
        e.maternity && e.continues == Some(tail.fingerprint) && !visited.contains(&e.fingerprint)
    }) {
        visited.push(next.fingerprint);
        total += next.own_days;
        tail = next;
    }
    let complete = head_known && tail.closed && tail.new_sheet.is_none();
    let matches = law::maternity_case(total).is_some();
    ((complete && !matches) || total > law::maternity_max_days()).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Sheet, SheetNumber, SheetRef, Status};
    use crate::{ClosingOutcome, example_sheet};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, m, day).unwrap_or_default()
    }

    /// A sheet of the example's person released from `from` to `to`, closed with a return to
    /// work or, when `next` is given, with that new sheet.
    fn sheet(
        number: &str,
        from: NaiveDate,
        to: NaiveDate,
        continues: Option<&str>,
        next: Option<&str>,
    ) -> Sheet {
        let mut s = example_sheet();
        let r = |n: &str| SheetRef {
            series: s.series.clone(),
            number: SheetNumber::new(n).unwrap_or_else(|_| unreachable!()),
        };
        s.number = SheetNumber::new(number).unwrap_or_else(|_| unreachable!());
        s.issue_date = from;
        s.age = s.iin.age_on(from).and_then(|a| u8::try_from(a).ok()).unwrap_or(0);
        s.release_periods[0].from = from;
        s.release_periods[0].to = to;
        s.continues = continues.map(r);
        if continues.is_some() {
            s.sheet_type = crate::SheetType::Continuation;
        }
        s.status = Status::Closed;
        match next {
            Some(n) => {
                s.new_sheet = Some(r(n));
                s.return_to_work = None;
                s.outcome = Some(ClosingOutcome::NewSheet);
            }
            None => s.return_to_work = to.succ_opt(),
        }
        s
    }

    fn maternity(mut s: Sheet) -> Sheet {
        s.kind = IncapacityKind::Maternity;
        s.icd10 = ereje_icd10::Icd10Code::from_canonical("Z34.9").unwrap_or(s.icd10);
        s.final_icd10 = Some(s.icd10);
        s
    }

    fn run(sheets: &[Sheet], params: Params) -> Vec<Vec<&'static str>> {
        let mut checker = Checker::new();
        let ctx = Context { params, ..Context::default() };
        sheets
            .iter()
            .map(|s| {
                let w = WireSheet::from(s);
                checker.check(&w, &ctx).findings.iter().map(|f| f.rule.id).collect()
            })
            .collect()
    }

    #[test]
    fn maternity_chain_is_judged_when_complete_whatever_the_order() {
        let a = maternity(sheet("1", d(1, 8), d(5, 12), None, Some("2")));
        let b = maternity(sheet("2", d(5, 13), d(5, 26), Some("1"), None));
        let short = maternity(sheet("2", d(5, 13), d(5, 22), Some("1"), None));
        let none: Vec<Vec<&str>> = vec![vec![], vec![]];
        // 126 + 14 = 140 in either order; out of order, the predecessor is itself a warning.
        assert_eq!(run(&[a.clone(), b.clone()], Params::default()), none);
        assert_eq!(run(&[b, a.clone()], Params::default()), vec![vec![], vec!["SL-034"]]);
        // 126 + 10 = 136 matches no case: reported on the record that completes the chain.
        assert_eq!(
            run(&[a.clone(), short.clone()], Params::default()),
            vec![vec![], vec!["SL-010"]]
        );
        assert_eq!(run(&[short, a], Params::default()), vec![vec![], vec!["SL-034", "SL-010"]]);
    }

    #[test]
    fn the_look_back_window_bounds_the_chain_checks() {
        let a = sheet("1", d(1, 1), d(1, 5), None, Some("2"));
        let c = sheet("2", d(2, 1), d(2, 5), Some("1"), None);
        assert_eq!(run(&[a.clone(), c.clone()], Params::default()), vec![vec![], vec!["SL-032"]]);
        let short = Params { lookback_days: 10, ..Params::default() };
        assert_eq!(run(&[a, c], short), vec![Vec::<&str>::new(), vec![]]);
    }

    #[test]
    fn memory_counts_numbers_persons_and_kept_sheets() {
        let mut checker = Checker::new();
        let ctx = Context::default();
        for s in
            [sheet("1", d(1, 1), d(1, 5), None, None), sheet("2", d(3, 1), d(3, 5), None, None)]
        {
            checker.check(&WireSheet::from(&s), &ctx);
        }
        checker.check(&WireSheet::default(), &ctx);
        assert_eq!(checker.memory(), Memory { numbers: 2, persons: 1, sheets: 2 });
    }

    #[test]
    fn as_of_defaults_to_the_issue_date_and_record_numbers_to_the_count() {
        let s = sheet("1", d(1, 1), d(1, 5), None, None);
        let w = WireSheet::from(&s);
        let mut checker = Checker::new();
        let first = checker.check(&w, &Context::default());
        assert_eq!(first.as_of, Some(d(1, 1)));
        let ctx = Context { as_of: Some(d(6, 1)), record: Some(7), ..Context::default() };
        let again = checker.check(&w, &ctx);
        assert_eq!(again.as_of, Some(d(6, 1)));
        assert_eq!(
            again.findings[0].args,
            vec![("number", "АА 1".to_owned()), ("record", "1".to_owned())]
        );
    }

    #[test]
    fn overlap_of_sorted_lists() {
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap_or_default();
        let p = |a, b| Period { from: a, to: b };
        assert_eq!(first_overlap(&[p(d(1, 1), d(1, 5))], &[p(d(1, 6), d(1, 9))]), None);
        assert_eq!(
            first_overlap(&[p(d(1, 1), d(1, 5)), p(d(2, 1), d(2, 5))], &[p(d(1, 6), d(2, 2))]),
            Some(p(d(2, 1), d(2, 2)))
        );
    }
}
