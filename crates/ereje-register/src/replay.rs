//! Replaying the event log into the register's state as of any date.
//!
//! The state as of a day D is what the register showed on D: the events that had happened by D
//! (`event_date` ≤ D) and had been entered by D (`entered_at` on or before D), applied in the order
//! of their event dates (ties: entry date-time, then the order applied). So a late entry of an
//! earlier event (a transfer of 1 March entered on 10 March after a change of 5 March) lands where
//! it belongs, and the state does not depend on how the log was split into batches.
//!
//! Storage: a replay of a million events must not keep millions of small strings alive nor touch
//! a random worker's slot per event (the benchmark's target is 1.5× a plain parse). Each applied
//! event is appended to arenas: its texts to large text chunks, its item values to a vector of
//! fixed-size [`Val`]s, its worker and dates to the event list; the parsed [`Event`] is then
//! dropped while its memory is still hot. A state is folded by sorting the events by worker and
//! date, working on spans and values by reference, and allocating only for the records it
//! returns. [`Replay::with_worker_index`] also keeps the positions of each worker's events, for
//! callers that query worker by worker.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, NaiveDateTime};
use ereje_id::{Bin, Iin, Sex};
use serde::Serialize;

use crate::Item;
use crate::model::{
    Certificate, Change, Education, Event, EventKind, IdentityDocument, ItemEntry,
    ProfessionalDevelopment, WorkerData, WorkerRecord, Workplace,
};

/// The register replayed from its event log.
///
/// ```
/// use ereje_register::{Event, Replay};
/// let hire: Event = serde_json::from_str(r#"{"event":"hire","iin":"900101400013","event_date":"2025-09-01",
///     "entered_at":"2025-09-02T10:00","worker":{"surname":"Ainur","position":"nurse"}}"#)?;
/// let leave: Event = serde_json::from_str(r#"{"event":"dismissal","iin":"900101400013",
///     "event_date":"2025-10-31","entered_at":"2025-11-03T09:00"}"#)?;
/// let mut replay = Replay::new();
/// replay.apply(hire);
/// replay.apply(leave);
/// let d = |m, day| chrono::NaiveDate::from_ymd_opt(2025, m, day).unwrap();
/// assert_eq!(replay.state_as_of(d(8, 31)).workers.len(), 0);
/// assert_eq!(replay.state_as_of(d(11, 1)).in_service().count(), 1); // dismissal not yet entered
/// assert_eq!(replay.state_as_of(d(11, 3)).in_service().count(), 0);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Replay {
    /// The applied events, in order (the position is the sequence number).
    events: Vec<Stored>,
    text: Text,
    vals: Vec<Val>,
    /// Per worker, the positions of their events, when asked for ([`Replay::with_worker_index`]).
    index: Option<HashMap<Iin, Vec<usize>>>,
}

/// One applied event: the worker, its dates, kind and the range of its values in `vals`.
#[derive(Debug, Clone, Copy)]
struct Stored {
    iin: Iin,
    event_date: NaiveDate,
    entered_at: NaiveDateTime,
    kind: EventKind,
    start: usize,
    len: u32,
}

/// The register's state as of a day: each known worker's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct State {
    /// The day.
    pub as_of: NaiveDate,
    /// The workers, by ИИН (dismissed workers stay, with their dismissal date).
    pub workers: BTreeMap<Iin, WorkerRecord>,
}

impl State {
    /// The workers in service on the state's day.
    pub fn in_service(&self) -> impl Iterator<Item = &WorkerRecord> {
        self.workers.values().filter(|w| w.in_service_on(self.as_of))
    }
}

/// The ИИН as a number (12 decimal digits fit in a `u64`; the order is that of [`Iin`]).
fn iin_key(iin: &Iin) -> u64 {
    iin.as_str().bytes().fold(0u64, |acc, b| acc * 10 + u64::from(b.wrapping_sub(b'0')))
}

impl Replay {
    /// An empty register, tuned for replaying a log into states ([`Replay::state_as_of`]): an
    /// event is appended without looking up its worker. A query about one worker scans the log.
    pub fn new() -> Replay {
        Replay::default()
    }

    /// An empty register that also keeps, per worker, the positions of their events, so that
    /// [`Replay::worker_as_of`] and [`Replay::worker_known_on`] take time in proportion to that
    /// worker's events (the event checker and the reports query worker by worker).
    ///
    /// # Example
    /// ```
    /// use ereje_register::{Event, Replay};
    /// let hire: Event = serde_json::from_str(r#"{"event":"hire","iin":"900101400013","event_date":"2025-09-01",
    ///     "entered_at":"2025-09-05T10:00","worker":{"position":"nurse"}}"#)?;
    /// let iin = hire.iin;
    /// let mut replay = Replay::with_worker_index();
    /// replay.apply(hire);
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2025, 9, day).unwrap();
    /// // Hired on 1 September, entered on the 5th: known on the 5th, and now known about the 1st.
    /// assert!(replay.worker_as_of(&iin, d(4)).is_none());
    /// assert!(replay.worker_as_of(&iin, d(5)).is_some());
    /// assert!(replay.worker_known_on(&iin, d(1)).is_some());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn with_worker_index() -> Replay {
        Replay { index: Some(HashMap::new()), ..Replay::default() }
    }

    /// Applies one event (events are expected in order of entry).
    pub fn apply(&mut self, event: Event) {
        let start = self.vals.len();
        encode(&event.change, &mut self.text, &mut self.vals);
        let len = u32::try_from(self.vals.len() - start).unwrap_or(u32::MAX);
        if let Some(index) = self.index.as_mut() {
            index.entry(event.iin).or_default().push(self.events.len());
        }
        self.events.push(Stored {
            iin: event.iin,
            event_date: event.event_date,
            entered_at: event.entered_at,
            kind: event.change.kind(),
            start,
            len,
        });
    }

    /// Applies every event of `events`, in order.
    pub fn extend(&mut self, events: impl IntoIterator<Item = Event>) {
        for e in events {
            self.apply(e);
        }
    }

    /// The number of events applied.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether no event was applied.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The state as of `date`: the events that happened and were entered on or before it.
    pub fn state_as_of(&self, date: NaiveDate) -> State {
        // Group by worker: sort (worker, position) packed in one integer; within a worker the
        // positions are in order of entry, which is usually the order of event dates too.
        let mut keys: Vec<u128> = self
            .events
            .iter()
            .enumerate()
            .filter(|(_, s)| known_by(s, date))
            .map(|(i, s)| (u128::from(iin_key(&s.iin)) << 64) | i as u128)
            .collect();
        keys.sort_unstable();
        let mut group: Vec<&Stored> = Vec::new();
        let workers = keys
            .chunk_by(|a, b| a >> 64 == b >> 64)
            .filter_map(|g| {
                group.clear();
                group.extend(
                    g.iter().filter_map(|k| self.events.get((k & u128::from(u64::MAX)) as usize)),
                );
                let iin = group.first()?.iin;
                Some((iin, self.fold_group(iin, &mut group)))
            })
            .collect();
        State { as_of: date, workers }
    }

    /// One worker's record as of `date` (as in [`Replay::state_as_of`]).
    pub fn worker_as_of(&self, iin: &Iin, date: NaiveDate) -> Option<WorkerRecord> {
        self.fold_worker(iin, |e| known_by(e, date))
    }

    /// One worker's record on `date` from every event applied so far that happened on or before
    /// it, whenever entered: what the register knows now about that day.
    pub fn worker_known_on(&self, iin: &Iin, date: NaiveDate) -> Option<WorkerRecord> {
        self.fold_worker(iin, |e| e.event_date <= date)
    }

    /// Folds one worker's events that pass `keep`.
    fn fold_worker(&self, iin: &Iin, keep: impl Fn(&Stored) -> bool) -> Option<WorkerRecord> {
        let mut group: Vec<&Stored> = match &self.index {
            Some(index) => index
                .get(iin)?
                .iter()
                .filter_map(|&i| self.events.get(i))
                .filter(|s| keep(s))
                .collect(),
            None => self.events.iter().filter(|s| s.iin == *iin && keep(s)).collect(),
        };
        if group.is_empty() {
            return None;
        }
        Some(self.fold_group(*iin, &mut group))
    }

    /// Folds a worker's events, given in order of entry, in order of (event date, entry
    /// date-time, position) — a stable sort keeps the order of entry for ties.
    fn fold_group(&self, iin: Iin, group: &mut [&Stored]) -> WorkerRecord {
        let key = |s: &&Stored| (s.event_date, s.entered_at);
        if !group.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
            group.sort_by_key(key);
        }
        let mut r = RefRecord::default();
        for s in group.iter() {
            self.apply_ref(&mut r, s);
        }
        self.materialise(iin, r)
    }

    fn vals_of(&self, s: &Stored) -> &[Val] {
        self.vals.get(s.start..s.start + s.len as usize).unwrap_or(&[])
    }

    /// Applies one stored event to a record of references (the semantics of [`apply_to`]).
    fn apply_ref(&self, r: &mut RefRecord, s: &Stored) {
        let change = ItemEntry { at: s.entered_at, changed_on: Some(s.event_date) };
        let initial = ItemEntry { at: s.entered_at, changed_on: None };
        let vals = self.vals_of(s);
        match s.kind {
            EventKind::Hire | EventKind::DataChange => {
                let entry = if s.kind == EventKind::Hire { initial } else { change };
                if s.kind == EventKind::Hire {
                    r.hire_date = Some(s.event_date);
                    r.dismissal_date = None;
                    r.enter(Item::Iin, initial);
                }
                let mut i = 0;
                while i < vals.len() {
                    let (item, used) = self.set_item(r, s.start, vals, i);
                    if let Some(item) = item {
                        r.enter(item, entry);
                    }
                    i += used.max(1);
                }
            }
            EventKind::Transfer => {
                let (mut workplace, mut position, mut region) = (None, None, None);
                let mut i = 0;
                while let Some(v) = vals.get(i) {
                    match *v {
                        Val::WorkplaceName(n) => {
                            if let Some(Val::WorkplaceBin(b)) = vals.get(i + 1) {
                                workplace = Some((n, *b));
                                i += 1;
                            }
                        }
                        Val::Position(p) => position = Some(p),
                        Val::Region(g) => region = Some(g),
                        _ => {}
                    }
                    i += 1;
                }
                let new_employer = match (workplace, r.workplace) {
                    (Some(new), Some(old)) => new.1 != old.1,
                    (Some(_), None) => true,
                    (None, _) => false,
                };
                // A transfer to another employer is a hire by it (Labour Code art. 49 sp. 4).
                let entry = if new_employer { initial } else { change };
                if new_employer {
                    r.hire_date = Some(s.event_date);
                }
                if let Some(w) = workplace {
                    r.workplace = Some(w);
                    r.enter(Item::Workplace, entry);
                }
                if let Some(p) = position {
                    r.position = Some(p);
                    r.enter(Item::Position, entry);
                }
                if let Some(g) = region {
                    r.region = Some(g);
                }
            }
            EventKind::Dismissal => r.dismissal_date = Some(s.event_date),
            EventKind::CertificateIssued | EventKind::CertificateConfirmed => {
                if let Some(c) = cert_ref(vals) {
                    let list = r.certificates.get_or_insert_with(Vec::new);
                    let specialty = self.text.get(c.specialty).trim();
                    match list.iter_mut().find(|x| self.text.get(x.specialty).trim() == specialty) {
                        Some(slot) => *slot = c,
                        None => list.push(c),
                    }
                }
                r.enter(Item::Certificates, change);
            }
            EventKind::ProfessionalDevelopment => {
                r.pd.get_or_insert_with(Vec::new).push((s.start, s.len as usize));
                r.enter(Item::ProfessionalDevelopment, change);
            }
        }
    }

    /// Sets the item whose value starts at `vals[i]` (`vals` starting at `start` in the arena);
    /// returns the item and how many values it used.
    fn set_item(
        &self,
        r: &mut RefRecord,
        start: usize,
        vals: &[Val],
        i: usize,
    ) -> (Option<Item>, usize) {
        let Some(v) = vals.get(i) else { return (None, 1) };
        // The `n` values after `vals[i]`, as an absolute range of the arena.
        let after = |n: u32| (start + i + 1, n as usize);
        match *v {
            Val::Surname(x) => {
                r.surname = Some(x);
                (Some(Item::FullName), 1)
            }
            Val::Name(x) => {
                r.name = Some(x);
                (Some(Item::FullName), 1)
            }
            Val::Patronymic(x) => {
                r.patronymic = Some(x);
                (Some(Item::FullName), 1)
            }
            Val::Sex(x) => {
                r.sex = Some(x);
                (Some(Item::Sex), 1)
            }
            Val::BirthDate(x) => {
                r.birth_date = Some(x);
                (Some(Item::BirthDate), 1)
            }
            Val::Birthplace(x) => {
                r.birthplace = Some(x);
                (Some(Item::Birthplace), 1)
            }
            Val::Citizenship(x) => {
                r.citizenship = Some(x);
                (Some(Item::Citizenship), 1)
            }
            Val::IdentityDocument(n) => {
                r.identity_document = Some(after(n));
                (Some(Item::IdentityDocument), 1 + n as usize)
            }
            Val::Residence(x) => {
                r.residence = Some(x);
                (Some(Item::Residence), 1)
            }
            Val::RegistrationAddress(x) => {
                r.registration_address = Some(x);
                (Some(Item::RegistrationAddress), 1)
            }
            Val::RegistrationDate(x) => {
                r.registration_date = Some(x);
                (Some(Item::RegistrationDate), 1)
            }
            Val::Education(n) => {
                r.education = Some(after(n));
                (Some(Item::Education), 1 + n as usize)
            }
            Val::WorkplaceName(name) => match vals.get(i + 1) {
                Some(Val::WorkplaceBin(b)) => {
                    r.workplace = Some((name, *b));
                    (Some(Item::Workplace), 2)
                }
                _ => (None, 1),
            },
            Val::Position(x) => {
                r.position = Some(x);
                (Some(Item::Position), 1)
            }
            Val::Certificates(n) => {
                let range = after(n);
                let items = self.vals.get(range.0..range.0 + range.1).unwrap_or(&[]);
                r.certificates = Some(items.chunks(4).filter_map(cert_ref).collect());
                (Some(Item::Certificates), 1 + n as usize)
            }
            Val::ProfessionalDevelopments(n) => {
                let range = after(n);
                let items = self.vals.get(range.0..range.0 + range.1).unwrap_or(&[]);
                let mut list = Vec::new();
                let mut k = 0;
                while k < items.len() {
                    let len = pd_len(&items[k..]);
                    list.push((range.0 + k, len));
                    k += len.max(1);
                }
                r.pd = Some(list);
                (Some(Item::ProfessionalDevelopment), 1 + n as usize)
            }
            Val::Region(x) => {
                r.region = Some(x);
                (None, 1)
            }
            _ => (None, 1),
        }
    }

    fn s(&self, span: Span) -> String {
        self.text.get(span).to_owned()
    }

    fn opt(&self, span: Option<Span>) -> Option<String> {
        span.map(|s| self.s(s))
    }

    /// Builds the owned record from a record of references.
    fn materialise(&self, iin: Iin, r: RefRecord) -> WorkerRecord {
        let range = |(start, len): (usize, usize)| self.vals.get(start..start + len).unwrap_or(&[]);
        let identity_document = r.identity_document.map(|x| {
            let mut d = IdentityDocument {
                kind: String::new(),
                number: String::new(),
                issued_on: None,
                issued_by: None,
            };
            for v in range(x) {
                match *v {
                    Val::IdKind(s) => d.kind = self.s(s),
                    Val::IdNumber(s) => d.number = self.s(s),
                    Val::IdIssuedOn(x) => d.issued_on = Some(x),
                    Val::IdIssuedBy(s) => d.issued_by = Some(self.s(s)),
                    _ => {}
                }
            }
            d
        });
        let education = r.education.map(|x| {
            let mut out: Vec<Education> = Vec::new();
            for v in range(x) {
                match *v {
                    Val::EduNumber(s) => out.push(Education {
                        document: None,
                        number: self.s(s),
                        issued_on: None,
                        organisation: String::new(),
                        qualification: None,
                    }),
                    Val::EduDocument(s) => {
                        if let Some(e) = out.last_mut() {
                            e.document = Some(self.s(s));
                        }
                    }
                    Val::EduIssuedOn(x) => {
                        if let Some(e) = out.last_mut() {
                            e.issued_on = Some(x);
                        }
                    }
                    Val::EduOrganisation(s) => {
                        if let Some(e) = out.last_mut() {
                            e.organisation = self.s(s);
                        }
                    }
                    Val::EduQualification(s) => {
                        if let Some(e) = out.last_mut() {
                            e.qualification = Some(self.s(s));
                        }
                    }
                    _ => {}
                }
            }
            out
        });
        let certificates = r.certificates.map(|list| {
            list.into_iter()
                .map(|c| Certificate {
                    specialty: self.s(c.specialty),
                    number: self.s(c.number),
                    issued_on: c.issued_on,
                    valid_until: c.valid_until,
                })
                .collect()
        });
        let professional_development = r.pd.map(|list| {
            list.into_iter()
                .filter_map(|x| {
                    let mut p: Option<ProfessionalDevelopment> = None;
                    for v in range(x) {
                        match *v {
                            Val::PdTitle(s) => {
                                p = Some(ProfessionalDevelopment {
                                    title: self.s(s),
                                    organisation: None,
                                    completed_on: NaiveDate::MIN,
                                    hours: None,
                                    document_number: None,
                                })
                            }
                            Val::PdOrganisation(s) => {
                                if let Some(p) = p.as_mut() {
                                    p.organisation = Some(self.s(s));
                                }
                            }
                            Val::PdCompletedOn(x) => {
                                if let Some(p) = p.as_mut() {
                                    p.completed_on = x;
                                }
                            }
                            Val::PdHours(x) => {
                                if let Some(p) = p.as_mut() {
                                    p.hours = Some(x);
                                }
                            }
                            Val::PdDocumentNumber(s) => {
                                if let Some(p) = p.as_mut() {
                                    p.document_number = Some(self.s(s));
                                }
                            }
                            _ => {}
                        }
                    }
                    p
                })
                .collect()
        });
        WorkerRecord {
            iin: Some(iin),
            data: WorkerData {
                surname: self.opt(r.surname),
                name: self.opt(r.name),
                patronymic: self.opt(r.patronymic),
                sex: r.sex,
                birth_date: r.birth_date,
                birthplace: self.opt(r.birthplace),
                citizenship: self.opt(r.citizenship),
                identity_document,
                residence: self.opt(r.residence),
                registration_address: self.opt(r.registration_address),
                registration_date: r.registration_date,
                education,
                workplace: r.workplace.map(|(n, bin)| Workplace { name: self.s(n), bin }),
                position: self.opt(r.position),
                certificates,
                professional_development,
                region: self.opt(r.region),
            },
            hire_date: r.hire_date,
            dismissal_date: r.dismissal_date,
            entered: Item::ALL
                .into_iter()
                .zip(r.entered)
                .filter_map(|(i, e)| e.map(|e| (i, e)))
                .collect(),
        }
    }
}

fn known_by(e: &Stored, date: NaiveDate) -> bool {
    e.event_date <= date && e.entered_at.date() <= date
}

/// A string in the text arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    chunk: u32,
    start: u32,
    len: u32,
}

/// The text arena: chunks that are never reallocated, so spans stay valid and growing costs no
/// copy.
#[derive(Debug, Clone, Default)]
struct Text {
    chunks: Vec<String>,
}

/// The first text chunk's size; each next chunk doubles, up to [`MAX_CHUNK`] (a longer string
/// gets a chunk of its own). Large chunks are above the allocator's mmap threshold, so freeing a
/// replay returns them to the system instead of leaving holes in the heap.
const FIRST_CHUNK: usize = 1 << 16;

/// The largest text chunk (64 MiB).
const MAX_CHUNK: usize = 1 << 26;

impl Text {
    fn push(&mut self, s: &str) -> Span {
        let fits = self.chunks.last().is_some_and(|c| c.capacity() - c.len() >= s.len());
        if !fits {
            let next =
                self.chunks.last().map_or(FIRST_CHUNK, |c| (c.capacity() * 2).min(MAX_CHUNK));
            self.chunks.push(String::with_capacity(next.max(s.len())));
        }
        let chunk = self.chunks.len() - 1;
        let start = self.chunks.last().map_or(0, String::len);
        if let Some(c) = self.chunks.last_mut() {
            c.push_str(s);
        }
        Span {
            chunk: u32::try_from(chunk).unwrap_or(u32::MAX),
            start: u32::try_from(start).unwrap_or(u32::MAX),
            len: u32::try_from(s.len()).unwrap_or(u32::MAX),
        }
    }

    fn get(&self, s: Span) -> &str {
        let (start, len) = (s.start as usize, s.len as usize);
        self.chunks.get(s.chunk as usize).and_then(|c| c.get(start..start + len)).unwrap_or("")
    }
}

/// One value of an item, fixed-size. A composite item is a head value followed by its parts:
/// `IdentityDocument(n)`, `Education(n)`, `Certificates(n)` and `ProfessionalDevelopments(n)`
/// are followed by `n` part values; an education document starts with `EduNumber`, a
/// certificate is four values starting with `CertSpecialty`, an advanced training starts with
/// `PdTitle`; a workplace is `WorkplaceName` then `WorkplaceBin`.
#[derive(Debug, Clone, Copy)]
enum Val {
    Surname(Span),
    Name(Span),
    Patronymic(Span),
    Sex(Sex),
    BirthDate(NaiveDate),
    Birthplace(Span),
    Citizenship(Span),
    IdentityDocument(u32),
    IdKind(Span),
    IdNumber(Span),
    IdIssuedOn(NaiveDate),
    IdIssuedBy(Span),
    Residence(Span),
    RegistrationAddress(Span),
    RegistrationDate(NaiveDate),
    Education(u32),
    EduNumber(Span),
    EduDocument(Span),
    EduIssuedOn(NaiveDate),
    EduOrganisation(Span),
    EduQualification(Span),
    WorkplaceName(Span),
    WorkplaceBin(Bin),
    Position(Span),
    Certificates(u32),
    CertSpecialty(Span),
    CertNumber(Span),
    CertIssuedOn(NaiveDate),
    CertValidUntil(NaiveDate),
    ProfessionalDevelopments(u32),
    PdTitle(Span),
    PdOrganisation(Span),
    PdCompletedOn(NaiveDate),
    PdHours(u32),
    PdDocumentNumber(Span),
    Region(Span),
}

/// A certificate by reference.
#[derive(Debug, Clone, Copy)]
struct CertRef {
    specialty: Span,
    number: Span,
    issued_on: NaiveDate,
    valid_until: NaiveDate,
}

fn cert_ref(vals: &[Val]) -> Option<CertRef> {
    match vals {
        [
            Val::CertSpecialty(specialty),
            Val::CertNumber(number),
            Val::CertIssuedOn(issued_on),
            Val::CertValidUntil(valid_until),
            ..,
        ] => Some(CertRef {
            specialty: *specialty,
            number: *number,
            issued_on: *issued_on,
            valid_until: *valid_until,
        }),
        _ => None,
    }
}

/// The number of values of the advanced training starting at `vals[0]`.
fn pd_len(vals: &[Val]) -> usize {
    1 + vals
        .iter()
        .skip(1)
        .take_while(|v| {
            matches!(
                v,
                Val::PdOrganisation(_)
                    | Val::PdCompletedOn(_)
                    | Val::PdHours(_)
                    | Val::PdDocumentNumber(_)
            )
        })
        .count()
}

/// A worker's record by reference into the arenas.
#[derive(Debug, Default)]
struct RefRecord {
    surname: Option<Span>,
    name: Option<Span>,
    patronymic: Option<Span>,
    sex: Option<Sex>,
    birth_date: Option<NaiveDate>,
    birthplace: Option<Span>,
    citizenship: Option<Span>,
    identity_document: Option<(usize, usize)>,
    residence: Option<Span>,
    registration_address: Option<Span>,
    registration_date: Option<NaiveDate>,
    education: Option<(usize, usize)>,
    workplace: Option<(Span, Bin)>,
    position: Option<Span>,
    certificates: Option<Vec<CertRef>>,
    pd: Option<Vec<(usize, usize)>>,
    region: Option<Span>,
    hire_date: Option<NaiveDate>,
    dismissal_date: Option<NaiveDate>,
    entered: [Option<ItemEntry>; 15],
}

impl RefRecord {
    /// Records when `item` was entered.
    fn enter(&mut self, item: Item, entry: ItemEntry) {
        if let Some(slot) = self.entered.get_mut(usize::from(item.number()).saturating_sub(1)) {
            *slot = Some(entry);
        }
    }
}

/// Writes the values of `change` into the arenas.
fn encode(change: &Change, text: &mut Text, vals: &mut Vec<Val>) {
    match change {
        Change::Hire(d) | Change::DataChange(d) => encode_data(d, text, vals),
        Change::Transfer(t) => {
            if let Some(w) = &t.workplace {
                vals.push(Val::WorkplaceName(text.push(&w.name)));
                vals.push(Val::WorkplaceBin(w.bin));
            }
            if let Some(p) = &t.position {
                vals.push(Val::Position(text.push(p)));
            }
            if let Some(r) = &t.region {
                vals.push(Val::Region(text.push(r)));
            }
        }
        Change::Dismissal => {}
        Change::CertificateIssued(c) | Change::CertificateConfirmed(c) => {
            encode_certificate(c, text, vals)
        }
        Change::ProfessionalDevelopment(p) => encode_pd(p, text, vals),
    }
}

/// Pushes a head value `head(n)` followed by what `parts` pushes, `n` being their number.
fn with_head(vals: &mut Vec<Val>, head: fn(u32) -> Val, parts: impl FnOnce(&mut Vec<Val>)) {
    let at = vals.len();
    vals.push(head(0));
    parts(vals);
    let n = u32::try_from(vals.len() - at - 1).unwrap_or(u32::MAX);
    if let Some(slot) = vals.get_mut(at) {
        *slot = head(n);
    }
}

fn encode_data(d: &WorkerData, text: &mut Text, vals: &mut Vec<Val>) {
    fn s(text: &mut Text, v: &Option<String>, f: fn(Span) -> Val, vals: &mut Vec<Val>) {
        if let Some(v) = v {
            vals.push(f(text.push(v)));
        }
    }
    s(text, &d.surname, Val::Surname, vals);
    s(text, &d.name, Val::Name, vals);
    s(text, &d.patronymic, Val::Patronymic, vals);
    if let Some(x) = d.sex {
        vals.push(Val::Sex(x));
    }
    if let Some(x) = d.birth_date {
        vals.push(Val::BirthDate(x));
    }
    s(text, &d.birthplace, Val::Birthplace, vals);
    s(text, &d.citizenship, Val::Citizenship, vals);
    if let Some(doc) = &d.identity_document {
        with_head(vals, Val::IdentityDocument, |vals| {
            vals.push(Val::IdKind(text.push(&doc.kind)));
            vals.push(Val::IdNumber(text.push(&doc.number)));
            if let Some(x) = doc.issued_on {
                vals.push(Val::IdIssuedOn(x));
            }
            if let Some(x) = &doc.issued_by {
                vals.push(Val::IdIssuedBy(text.push(x)));
            }
        });
    }
    s(text, &d.residence, Val::Residence, vals);
    s(text, &d.registration_address, Val::RegistrationAddress, vals);
    if let Some(x) = d.registration_date {
        vals.push(Val::RegistrationDate(x));
    }
    if let Some(list) = &d.education {
        with_head(vals, Val::Education, |vals| {
            for e in list {
                vals.push(Val::EduNumber(text.push(&e.number)));
                if let Some(x) = &e.document {
                    vals.push(Val::EduDocument(text.push(x)));
                }
                if let Some(x) = e.issued_on {
                    vals.push(Val::EduIssuedOn(x));
                }
                vals.push(Val::EduOrganisation(text.push(&e.organisation)));
                if let Some(x) = &e.qualification {
                    vals.push(Val::EduQualification(text.push(x)));
                }
            }
        });
    }
    if let Some(w) = &d.workplace {
        vals.push(Val::WorkplaceName(text.push(&w.name)));
        vals.push(Val::WorkplaceBin(w.bin));
    }
    if let Some(p) = &d.position {
        vals.push(Val::Position(text.push(p)));
    }
    if let Some(list) = &d.certificates {
        with_head(vals, Val::Certificates, |vals| {
            for c in list {
                encode_certificate(c, text, vals);
            }
        });
    }
    if let Some(list) = &d.professional_development {
        with_head(vals, Val::ProfessionalDevelopments, |vals| {
            for p in list {
                encode_pd(p, text, vals);
            }
        });
    }
    if let Some(r) = &d.region {
        vals.push(Val::Region(text.push(r)));
    }
}

fn encode_certificate(c: &Certificate, text: &mut Text, vals: &mut Vec<Val>) {
    vals.push(Val::CertSpecialty(text.push(&c.specialty)));
    vals.push(Val::CertNumber(text.push(&c.number)));
    vals.push(Val::CertIssuedOn(c.issued_on));
    vals.push(Val::CertValidUntil(c.valid_until));
}

fn encode_pd(p: &ProfessionalDevelopment, text: &mut Text, vals: &mut Vec<Val>) {
    vals.push(Val::PdTitle(text.push(&p.title)));
    if let Some(x) = &p.organisation {
        vals.push(Val::PdOrganisation(text.push(x)));
    }
    vals.push(Val::PdCompletedOn(p.completed_on));
    if let Some(x) = p.hours {
        vals.push(Val::PdHours(x));
    }
    if let Some(x) = &p.document_number {
        vals.push(Val::PdDocumentNumber(text.push(x)));
    }
}

/// Applies one event to a worker's record: the reference semantics of the replay, on the typed
/// model (the arena fold is tested against it).
#[cfg(test)]
pub(crate) fn apply_to(record: &mut WorkerRecord, e: &Event) {
    record.iin = Some(e.iin);
    let change = ItemEntry { at: e.entered_at, changed_on: Some(e.event_date) };
    let initial = ItemEntry { at: e.entered_at, changed_on: None };
    match &e.change {
        Change::Hire(data) => {
            record.data.overlay(data);
            record.hire_date = Some(e.event_date);
            record.dismissal_date = None;
            record.entered.insert(Item::Iin, initial);
            for item in data.items() {
                record.entered.insert(item, initial);
            }
        }
        Change::DataChange(data) => {
            record.data.overlay(data);
            for item in data.items() {
                record.entered.insert(item, change);
            }
        }
        Change::Transfer(t) => {
            let new_employer = match (&t.workplace, &record.data.workplace) {
                (Some(new), Some(old)) => new.bin != old.bin,
                (Some(_), None) => true,
                (None, _) => false,
            };
            let entry = if new_employer { initial } else { change };
            if new_employer {
                record.hire_date = Some(e.event_date);
            }
            if let Some(w) = &t.workplace {
                record.data.workplace = Some(w.clone());
                record.entered.insert(Item::Workplace, entry);
            }
            if let Some(p) = &t.position {
                record.data.position = Some(p.clone());
                record.entered.insert(Item::Position, entry);
            }
            if let Some(r) = &t.region {
                record.data.region = Some(r.clone());
            }
        }
        Change::Dismissal => record.dismissal_date = Some(e.event_date),
        Change::CertificateIssued(c) | Change::CertificateConfirmed(c) => {
            let list = record.data.certificates.get_or_insert_with(Vec::new);
            match list.iter_mut().find(|x| x.specialty.trim() == c.specialty.trim()) {
                Some(slot) => *slot = c.clone(),
                None => list.push(c.clone()),
            }
            record.entered.insert(Item::Certificates, change);
        }
        Change::ProfessionalDevelopment(p) => {
            record.data.professional_development.get_or_insert_with(Vec::new).push(p.clone());
            record.entered.insert(Item::ProfessionalDevelopment, change);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Transfer;
    use ereje_id::{BinAttribute, BinType};
    use proptest::prelude::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }
    fn at(m: u32, day: u32, h: u32) -> NaiveDateTime {
        d(m, day).and_hms_opt(h, 0, 0).unwrap()
    }
    fn iin() -> Iin {
        Iin::from_parts(NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(), Sex::Female, 1).unwrap()
    }
    fn org(serial: u32) -> Workplace {
        let bin =
            Bin::next_issued(2010, 1, BinType::Resident, BinAttribute::HeadUnit, serial).unwrap();
        Workplace { name: format!("Org {serial}"), bin }
    }
    fn ev(date: NaiveDate, entered: NaiveDateTime, change: Change) -> Event {
        Event { id: None, iin: iin(), event_date: date, entered_at: entered, change }
    }

    #[test]
    fn a_late_entry_of_an_earlier_transfer_lands_in_event_date_order() {
        let hire = ev(
            d(1, 15),
            at(1, 16, 9),
            Change::Hire(Box::new(WorkerData { workplace: Some(org(1)), ..WorkerData::default() })),
        );
        // Transfer to org 2 on 1 March, entered on 10 March; transfer to org 3 on 5 March,
        // entered on 6 March.
        let to2 = ev(
            d(3, 1),
            at(3, 10, 9),
            Change::Transfer(Transfer { workplace: Some(org(2)), ..Transfer::default() }),
        );
        let to3 = ev(
            d(3, 5),
            at(3, 6, 9),
            Change::Transfer(Transfer { workplace: Some(org(3)), ..Transfer::default() }),
        );
        let mut r = Replay::new();
        r.extend([hire, to3, to2]);
        let name =
            |date| r.worker_as_of(&iin(), date).and_then(|w| w.data.workplace).map(|w| w.name);
        assert_eq!(name(d(3, 5)).as_deref(), Some("Org 1")); // the 5 March transfer not yet entered
        assert_eq!(name(d(3, 6)).as_deref(), Some("Org 3"));
        assert_eq!(name(d(3, 10)).as_deref(), Some("Org 3")); // 1 March is earlier than 5 March
        let w = r.worker_as_of(&iin(), d(3, 10)).unwrap();
        assert_eq!(w.hire_date, Some(d(3, 5)));
        assert_eq!(w.entered[&Item::Workplace], ItemEntry { at: at(3, 6, 9), changed_on: None });
    }

    #[test]
    fn rehire_clears_the_dismissal() {
        let hire = |date, e| ev(date, e, Change::Hire(Box::default()));
        let mut r = Replay::new();
        r.extend([
            hire(d(1, 10), at(1, 10, 9)),
            ev(d(2, 1), at(2, 2, 9), Change::Dismissal),
            hire(d(4, 1), at(4, 1, 9)),
        ]);
        let w = |date| r.worker_as_of(&iin(), date).unwrap();
        assert_eq!(w(d(3, 1)).dismissal_date, Some(d(2, 1)));
        assert!(!w(d(3, 1)).in_service_on(d(3, 1)));
        assert_eq!(w(d(4, 1)).dismissal_date, None);
        assert_eq!(w(d(4, 1)).hire_date, Some(d(4, 1)));
    }

    #[test]
    fn text_chunks_hold_long_strings_and_spans_stay_valid() {
        let mut t = Text::default();
        let long = "x".repeat(FIRST_CHUNK + 5);
        let a = t.push("first");
        let b = t.push(&long);
        let c = t.push("after");
        assert_eq!((t.get(a), t.get(b).len(), t.get(c)), ("first", FIRST_CHUNK + 5, "after"));
        assert_eq!(t.chunks.len(), 2); // the long string opened a 128 KiB chunk, "after" fits in it
        assert_eq!(t.get(Span { chunk: 99, start: 0, len: 1 }), "");
    }

    /// The reference fold on the typed model.
    fn reference(events: &[Event], keep: impl Fn(&Event) -> bool) -> BTreeMap<Iin, WorkerRecord> {
        let mut by_worker: BTreeMap<Iin, Vec<(usize, &Event)>> = BTreeMap::new();
        for (k, e) in events.iter().enumerate().filter(|(_, e)| keep(e)) {
            by_worker.entry(e.iin).or_default().push((k, e));
        }
        by_worker
            .into_iter()
            .map(|(iin, mut list)| {
                list.sort_by_key(|(k, e)| (e.event_date, e.entered_at, *k));
                let mut r = WorkerRecord::default();
                for (_, e) in list {
                    apply_to(&mut r, e);
                }
                (iin, r)
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// A replay with the per-worker index answers as one without.
        #[test]
        fn the_worker_index_changes_no_answer(log in crate::strategies::event_log(5, 50)) {
            let mut plain = Replay::new();
            let mut indexed = Replay::with_worker_index();
            plain.extend(log.iter().cloned());
            indexed.extend(log.iter().cloned());
            let day = log.last().map(|e| e.entered_at.date()).unwrap_or(d(8, 1));
            prop_assert_eq!(plain.state_as_of(day), indexed.state_as_of(day));
            for e in &log {
                prop_assert_eq!(plain.worker_as_of(&e.iin, e.event_date), indexed.worker_as_of(&e.iin, e.event_date));
                prop_assert_eq!(plain.worker_known_on(&e.iin, e.event_date), indexed.worker_known_on(&e.iin, e.event_date));
            }
        }

        /// The arena fold gives the records of the reference fold on the typed model, at any day.
        #[test]
        fn arena_fold_equals_the_typed_fold(log in crate::strategies::event_log(5, 50), k in 0usize..50) {
            let mut replay = Replay::new();
            replay.extend(log.iter().cloned());
            let day = log.get(k.min(log.len() - 1)).map(|e| e.event_date).unwrap_or(d(8, 1));
            for date in [day, day + chrono::Days::new(3), NaiveDate::MAX] {
                let expected = reference(&log, |e| e.event_date <= date && e.entered_at.date() <= date);
                prop_assert_eq!(replay.state_as_of(date).workers, expected);
            }
        }
    }
}
