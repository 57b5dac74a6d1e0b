//! The events-mode validator: each event of the log gets its event-level findings (entered late,
//! unreadable values) as it is pushed; at the end, each worker's state as of the check date is
//! checked and its findings, `notices_due` and `block_required` go on the worker's last event on
//! or before that date. Because that event is known only at the end, results are buffered.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use chrono::NaiveDate;
use ereje_findings::{Finding, INPUT};
use ereje_id::Iin;

use crate::check::{
    Checked, Context, RegisterExtra, change_term, check_record, dedupe_earlier_wording, gate,
    hire_term,
};
use crate::model::{Change, Event, EventKind};
use crate::replay::Replay;
use crate::wire::WireEvent;

/// Checks an event log, event by event, and the workers' states at the end.
///
/// ```
/// use chrono::NaiveDate;
/// use ereje_register::{Context, EventChecker, WireEvent};
/// let ctx = Context::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(), ereje_calendar::Calendar::builtin());
/// let mut checker = EventChecker::new(ctx);
/// // Hired Friday 28.11.2025, entered Thursday 04.12.2025: the term ended on 03.12.2025.
/// let hire: WireEvent = serde_json::from_str(r#"{"id":"e1","event":"hire","iin":"900101400013",
///     "event_date":"2025-11-28","entered_at":"2025-12-04T09:00","worker":{"surname":"A"}}"#)?;
/// checker.push(&hire);
/// checker.push_unreadable("expected value at line 1 column 1");
/// let results = checker.finish(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
/// assert_eq!(results[0].findings[0].rule.id, "REG-007");
/// assert!(results[0].extra.worker_state); // the worker's last event
/// assert_eq!(results[1].findings[0].rule.id, "INPUT");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug)]
pub struct EventChecker<'a> {
    ctx: Context<'a>,
    replay: Replay,
    slots: Vec<Slot>,
}

#[derive(Debug)]
struct Slot {
    id: Option<String>,
    kind: Option<EventKind>,
    findings: Vec<Finding>,
    /// For an applied event: the worker, the event date and the entry date.
    key: Option<(Iin, NaiveDate, NaiveDate)>,
}

impl<'a> EventChecker<'a> {
    /// A checker with `ctx` (its `as_of` is not used: [`EventChecker::finish`] takes the date).
    pub fn new(ctx: Context<'a>) -> EventChecker<'a> {
        EventChecker { ctx, replay: Replay::with_worker_index(), slots: Vec::new() }
    }

    /// Checks one event (in order of entry) and applies it; returns the index of its result.
    pub fn push(&mut self, wire: &WireEvent) -> usize {
        let converted = wire.to_event(self.ctx.params.territory);
        let mut findings = converted.findings;
        let kind = wire.event.as_deref().map(str::trim).and_then(EventKind::parse);
        let slot = match converted.value {
            Some(event) => {
                gate(&mut findings, event.event_date, &self.ctx.params, "/event_date");
                findings.extend(self.term(&event));
                dedupe_earlier_wording(&mut findings);
                let key = Some((event.iin, event.event_date, event.entered_at.date()));
                let id = event.id.clone();
                self.replay.apply(event);
                Slot { id, kind, findings, key }
            }
            None => Slot {
                id: wire.id.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned),
                kind,
                findings,
                key: None,
            },
        };
        self.slots.push(slot);
        self.slots.len() - 1
    }

    /// Keeps the place of a record that could not be read (rule `INPUT` with the parser's
    /// message), so that results stay in input order; returns its index.
    pub fn push_unreadable(&mut self, detail: impl fmt::Display) -> usize {
        self.slots.push(Slot {
            id: None,
            kind: None,
            findings: vec![Finding::new(&INPUT, "").with("detail", detail)],
            key: None,
        });
        self.slots.len() - 1
    }

    /// The register replayed so far.
    pub fn replay(&self) -> &Replay {
        &self.replay
    }

    /// The event-level terms: a hire, or a transfer to another organisation (a hire by it), within
    /// three working days; any other change within `change.max_delay_days`.
    fn term(&self, e: &Event) -> Vec<Finding> {
        let new_employer = match &e.change {
            Change::Hire(_) => true,
            Change::Transfer(t) => t.workplace.as_ref().is_some_and(|new| {
                let before = self.replay.worker_known_on(&e.iin, e.event_date);
                before.and_then(|w| w.data.workplace).is_none_or(|old| old.bin != new.bin)
            }),
            _ => false,
        };
        if new_employer {
            hire_term(&self.ctx, e.event_date, e.entered_at, "/event_date", "/entered_at")
        } else {
            change_term(&self.ctx, e.event_date, e.entered_at, "/entered_at")
        }
    }

    /// Checks each worker's state as of `as_of`, attaches it to the worker's last event on or
    /// before that date (the last in input order whose event date and entry date are both on or
    /// before it), and returns every result in input order. State-level findings have the path
    /// `""`: they concern the worker's record, not the event.
    pub fn finish(self, as_of: NaiveDate) -> Vec<Checked> {
        let ctx = self.ctx.at(as_of);
        let mut last: HashMap<Iin, usize> = HashMap::new();
        for (i, s) in self.slots.iter().enumerate() {
            if let Some((iin, event_date, entered_on)) = s.key {
                if event_date <= as_of && entered_on <= as_of {
                    last.insert(iin, i);
                }
            }
        }
        let mut attached: HashMap<usize, (Vec<Finding>, RegisterExtra)> = HashMap::new();
        for (iin, i) in last {
            if let Some(record) = self.replay.worker_as_of(&iin, as_of) {
                let (mut findings, extra) = check_record(&record, &ctx, &BTreeSet::new());
                dedupe_earlier_wording(&mut findings);
                for f in &mut findings {
                    f.path.clear();
                }
                attached.insert(i, (findings, extra));
            }
        }
        self.slots
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let mut findings = s.findings;
                let mut extra = RegisterExtra::default();
                if let Some((state, e)) = attached.remove(&i) {
                    findings.extend(state);
                    extra = e;
                }
                extra.event = s.kind;
                Checked { id: s.id, as_of, findings, extra }
            })
            .collect()
    }
}
