//! The typed (strict) model of the register: a worker's record, its parts, certificates, and the
//! events of the log. `Deserialize` on these types fails fast on a bad value (for library users);
//! validators read the lenient [`wire`](crate::wire) model instead.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate, NaiveDateTime};
use ereje_id::{Bin, Iin, Sex};
use serde::{Deserialize, Serialize};

use crate::Item;
use crate::params::NOTICE_MONTHS;

/// Serde for dates `YYYY-MM-DD` (exactly that shape).
pub(crate) mod date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        ereje_calendar::parse_date(&s).map_err(serde::de::Error::custom)
    }
}

/// Serde for optional dates.
pub(crate) mod opt_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<std::borrow::Cow<'de, str>>::deserialize(d)? {
            Some(s) => ereje_calendar::parse_date(&s).map(Some).map_err(serde::de::Error::custom),
            None => Ok(None),
        }
    }
}

/// Serde for local date-times: written `YYYY-MM-DDTHH:MM:SS`; read as `YYYY-MM-DDTHH:MM[:SS]`
/// (Astana local time) or RFC 3339 with an offset (converted to Astana local time; the whole
/// country is UTC+5 since 1 March 2024).
pub(crate) mod datetime {
    use chrono::NaiveDateTime;
    use ereje_calendar::Territory;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(d: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&d.format("%Y-%m-%dT%H:%M:%S"))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        ereje_calendar::parse_datetime(&s, Territory::Astana).map_err(serde::de::Error::custom)
    }
}

/// Item 7: the data of the identity document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IdentityDocument {
    /// The kind of document (`id_card`, `passport`, a residence permit …), as the source writes it.
    pub kind: String,
    /// Its number.
    pub number: String,
    /// The date of issue.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// The issuing authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_by: Option<String>,
}

/// Item 11: an education document, with the education (or science) organisation that issued it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Education {
    /// The kind of document (`diploma`, `certificate_of_residency` …), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The document's number.
    pub number: String,
    /// The date of issue.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// The education or science organisation.
    pub organisation: String,
    /// The qualification or specialty obtained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualification: Option<String>,
}

/// Item 12: the workplace, an organisation providing medical services, with its БИН.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Workplace {
    /// The organisation's name.
    pub name: String,
    /// Its business identification number.
    pub bin: Bin,
}

/// Item 14: a healthcare specialist certificate.
///
/// `valid_until` is the **last day of validity** (inclusive): the certificate is valid through
/// that day, expired from the next, when the account is to be blocked (Rules para 14 sp. 5); the
/// notice is due two months before it (para 14 sp. 4). `issued_on` is the date of issue or of
/// the last confirmation of validity (Code art. 27 p. 2).
///
/// ```
/// use chrono::NaiveDate;
/// use ereje_register::Certificate;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let c = Certificate {
///     specialty: "therapy".into(),
///     number: "KZ-1".into(),
///     issued_on: d(2021, 4, 30),
///     valid_until: d(2026, 4, 30),
/// };
/// assert_eq!(c.notice_date(), d(2026, 2, 28));
/// assert_eq!(c.block_from(), d(2026, 5, 1));
/// assert!(c.is_valid_on(d(2026, 4, 30)) && !c.is_valid_on(d(2026, 5, 1)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Certificate {
    /// The specialty (or specialization) the certificate is for.
    pub specialty: String,
    /// The certificate's number.
    pub number: String,
    /// The date of issue or of the last confirmation.
    #[serde(with = "date")]
    pub issued_on: NaiveDate,
    /// The last day of validity (inclusive).
    #[serde(with = "date")]
    pub valid_until: NaiveDate,
}

impl Certificate {
    /// The day the notice of para 14 sp. 4 is due: the last valid day minus two months, clamped
    /// to the end of a shorter month (30 April and 29 April → the last day of February;
    /// 31 December → 31 October).
    pub fn notice_date(&self) -> NaiveDate {
        notice_date(self.valid_until)
    }

    /// The first day the certificate is no longer valid, from which the account is to be blocked
    /// (para 14 sp. 5).
    pub fn block_from(&self) -> NaiveDate {
        self.valid_until.succ_opt().unwrap_or(self.valid_until)
    }

    /// Whether the certificate is valid on `date`: from the issue (or confirmation) to the last
    /// valid day, both inclusive.
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.issued_on <= date && date <= self.valid_until
    }
}

/// The notice date for a certificate valid until `valid_until`: two months earlier, clamped to the
/// end of a shorter month.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(ereje_register::notice_date(d(2026, 4, 29)), d(2026, 2, 28));
/// assert_eq!(ereje_register::notice_date(d(2028, 4, 30)), d(2028, 2, 29));
/// assert_eq!(ereje_register::notice_date(d(2025, 12, 31)), d(2025, 10, 31));
/// ```
pub fn notice_date(valid_until: NaiveDate) -> NaiveDate {
    valid_until.checked_sub_months(Months::new(NOTICE_MONTHS)).unwrap_or(valid_until)
}

/// Item 15: an advanced training (professional development) record.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ProfessionalDevelopment {
    /// The course or programme.
    pub title: String,
    /// The organisation that ran it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The date it was completed.
    #[serde(with = "date")]
    pub completed_on: NaiveDate,
    /// Its volume in hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<u32>,
    /// The number of the document confirming it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
}

/// The items of para 8 other than the ИИН, each optional: a whole record when a worker is hired, the
/// changed items in a data change. Lists replace the whole item when given.
///
/// `Validate` states which items para 8 requires of a complete record (all but the patronymic
/// "if any", the certificates "if any" and item 15); `check_worker` maps each violation to the
/// catalogue rule `REG-001` with its JSON pointer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, validator::Validate)]
#[serde(default)]
pub struct WorkerData {
    /// Item 2: surname.
    #[validate(required(code = "para8"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    /// Item 2: name.
    #[validate(required(code = "para8"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Item 2: patronymic (if any).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
    /// Item 3: sex.
    #[validate(required(code = "para8"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Item 4: date of birth.
    #[validate(required(code = "para8"))]
    #[serde(with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    /// Item 5: place of birth.
    #[validate(required(code = "para8"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birthplace: Option<String>,
    /// Item 6: citizenship.
    #[validate(required(code = "para8"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citizenship: Option<String>,
    /// Item 7: identity document.
    #[validate(required(code = "para8"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_document: Option<IdentityDocument>,
    /// Item 8: place of residence.
    #[validate(required(code = "para8"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub residence: Option<String>,
    /// Item 9: place of registration.
    #[validate(required(code = "para8"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration_address: Option<String>,
    /// Item 10: date of registration.
    #[validate(required(code = "para8"))]
    #[serde(with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub registration_date: Option<NaiveDate>,
    /// Item 11: education documents.
    #[validate(required(code = "para8"), length(min = 1, code = "para8"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<Vec<Education>>,
    /// Item 12: workplace with its БИН.
    #[validate(required(code = "para8"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workplace: Option<Workplace>,
    /// Item 13: position.
    #[validate(required(code = "para8"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Item 14: certificates (if any).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificates: Option<Vec<Certificate>>,
    /// Item 15: advanced training.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub professional_development: Option<Vec<ProfessionalDevelopment>>,
    /// The region (oblast or city of republican significance) of the workplace: not an item of
    /// para 8, needed for the reports' breakdowns (Rules paras 4, 12).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

impl WorkerData {
    /// The items of para 8 this data sets (the ИИН is not part of it).
    ///
    /// # Example
    /// ```
    /// use ereje_register::{Item, WorkerData};
    /// let d = WorkerData { residence: Some("Astana".into()), ..WorkerData::default() };
    /// assert_eq!(d.items(), [Item::Residence]);
    /// ```
    pub fn items(&self) -> Vec<Item> {
        let given = [
            (
                Item::FullName,
                self.surname.is_some() || self.name.is_some() || self.patronymic.is_some(),
            ),
            (Item::Sex, self.sex.is_some()),
            (Item::BirthDate, self.birth_date.is_some()),
            (Item::Birthplace, self.birthplace.is_some()),
            (Item::Citizenship, self.citizenship.is_some()),
            (Item::IdentityDocument, self.identity_document.is_some()),
            (Item::Residence, self.residence.is_some()),
            (Item::RegistrationAddress, self.registration_address.is_some()),
            (Item::RegistrationDate, self.registration_date.is_some()),
            (Item::Education, self.education.is_some()),
            (Item::Workplace, self.workplace.is_some()),
            (Item::Position, self.position.is_some()),
            (Item::Certificates, self.certificates.is_some()),
            (Item::ProfessionalDevelopment, self.professional_development.is_some()),
        ];
        given.into_iter().filter(|(_, g)| *g).map(|(i, _)| i).collect()
    }

    /// Lays `other` over this data: every item `other` gives replaces this one's (what a data
    /// change does).
    ///
    /// # Example
    /// ```
    /// use ereje_register::WorkerData;
    /// let mut d = WorkerData { residence: Some("Astana".into()), position: Some("nurse".into()), ..Default::default() };
    /// d.overlay(&WorkerData { residence: Some("Kokshetau".into()), ..Default::default() });
    /// assert_eq!((d.residence.as_deref(), d.position.as_deref()), (Some("Kokshetau"), Some("nurse")));
    /// ```
    pub fn overlay(&mut self, other: &WorkerData) {
        fn set<T: Clone>(slot: &mut Option<T>, v: &Option<T>) {
            if let Some(v) = v {
                *slot = Some(v.clone());
            }
        }
        set(&mut self.surname, &other.surname);
        set(&mut self.name, &other.name);
        set(&mut self.patronymic, &other.patronymic);
        set(&mut self.sex, &other.sex);
        set(&mut self.birth_date, &other.birth_date);
        set(&mut self.birthplace, &other.birthplace);
        set(&mut self.citizenship, &other.citizenship);
        set(&mut self.identity_document, &other.identity_document);
        set(&mut self.residence, &other.residence);
        set(&mut self.registration_address, &other.registration_address);
        set(&mut self.registration_date, &other.registration_date);
        set(&mut self.education, &other.education);
        set(&mut self.workplace, &other.workplace);
        set(&mut self.position, &other.position);
        set(&mut self.certificates, &other.certificates);
        set(&mut self.professional_development, &other.professional_development);
        set(&mut self.region, &other.region);
    }
}

/// When an item was entered into the register: the date-time of entry, and for a change the date
/// the data changed (absent for the data entered when the worker was hired).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemEntry {
    /// The date-time the item was entered or last changed (local time).
    #[serde(with = "datetime")]
    pub at: NaiveDateTime,
    /// The date the data changed, for a change; `None` for the data entered at hiring.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub changed_on: Option<NaiveDate>,
}

/// A worker's record in the register: the fifteen items of para 8 (each optional: a missing item
/// is a finding, not a parse error), and what the rules need: the region, the hire and dismissal
/// dates, and when each item was entered.
///
/// This is also the shape of a worker snapshot (`workers.ndjson`) and of each worker in a
/// replayed [`State`](crate::State).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerRecord {
    /// Item 1: the ИИН.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iin: Option<Iin>,
    /// Items 2–15 and the region.
    #[serde(flatten)]
    pub data: WorkerData,
    /// The day the worker was hired by the organisation of item 12 (the day the term of para 8
    /// starts from).
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub hire_date: Option<NaiveDate>,
    /// The day of dismissal, when the worker has left (outflow).
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub dismissal_date: Option<NaiveDate>,
    /// When each item was entered or last changed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub entered: BTreeMap<Item, ItemEntry>,
}

impl WorkerRecord {
    /// Whether the worker is in service on `date`: hired (when the hire date is known) on or
    /// before it and not dismissed on or before it.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_register::WorkerRecord;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
    /// let w = WorkerRecord { hire_date: Some(d(9, 1)), dismissal_date: Some(d(10, 15)), ..Default::default() };
    /// assert!(w.in_service_on(d(10, 14)) && !w.in_service_on(d(10, 15)) && !w.in_service_on(d(8, 31)));
    /// ```
    pub fn in_service_on(&self, date: NaiveDate) -> bool {
        self.hire_date.is_none_or(|h| h <= date) && self.dismissal_date.is_none_or(|d| d > date)
    }

    /// The current certificates: of each specialty, the one with the latest validity end
    /// (a confirmation supersedes the earlier certificate of its specialty).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_register::{Certificate, WorkerData, WorkerRecord};
    /// let d = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    /// let c = |n: &str, until| Certificate { specialty: "therapy".into(), number: n.into(), issued_on: d(2020), valid_until: until };
    /// let w = WorkerRecord {
    ///     data: WorkerData { certificates: Some(vec![c("old", d(2025)), c("new", d(2030))]), ..Default::default() },
    ///     ..Default::default()
    /// };
    /// assert_eq!(w.current_certificates()[0].number, "new");
    /// ```
    pub fn current_certificates(&self) -> Vec<&Certificate> {
        let mut by_specialty: BTreeMap<&str, &Certificate> = BTreeMap::new();
        for c in self.data.certificates.iter().flatten() {
            let e = by_specialty.entry(c.specialty.trim()).or_insert(c);
            if c.valid_until >= e.valid_until {
                *e = c;
            }
        }
        by_specialty.into_values().collect()
    }
}

/// The kind of an event of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A worker hired: the whole record of para 8 (registration).
    Hire,
    /// Items of the record changed or supplemented (para 9).
    DataChange,
    /// A move to another organisation, position or region (migration).
    Transfer,
    /// The worker left (outflow).
    Dismissal,
    /// A certificate issued.
    CertificateIssued,
    /// A certificate's validity confirmed (Code art. 27 p. 2).
    CertificateConfirmed,
    /// Advanced training recorded.
    ProfessionalDevelopment,
}

impl EventKind {
    /// Every kind.
    pub const ALL: [EventKind; 7] = [
        EventKind::Hire,
        EventKind::DataChange,
        EventKind::Transfer,
        EventKind::Dismissal,
        EventKind::CertificateIssued,
        EventKind::CertificateConfirmed,
        EventKind::ProfessionalDevelopment,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Hire => "hire",
            EventKind::DataChange => "data_change",
            EventKind::Transfer => "transfer",
            EventKind::Dismissal => "dismissal",
            EventKind::CertificateIssued => "certificate_issued",
            EventKind::CertificateConfirmed => "certificate_confirmed",
            EventKind::ProfessionalDevelopment => "professional_development",
        }
    }

    /// The kind named `s`, if any.
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A transfer: the new workplace, position or region (each when it changes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Transfer {
    /// The new workplace; another БИН means a hire by that organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workplace: Option<Workplace>,
    /// The new position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// The new region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// What an event changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Hired: the record's items (the hire date is the event date).
    Hire(Box<WorkerData>),
    /// The items given replace the record's.
    DataChange(Box<WorkerData>),
    /// A move.
    Transfer(Transfer),
    /// Dismissed on the event date.
    Dismissal,
    /// A certificate issued: it replaces the certificate of its specialty, if any.
    CertificateIssued(Certificate),
    /// A certificate confirmed: it replaces the certificate of its specialty, if any.
    CertificateConfirmed(Certificate),
    /// Advanced training recorded: added to item 15.
    ProfessionalDevelopment(ProfessionalDevelopment),
}

impl Change {
    /// The kind of event.
    pub fn kind(&self) -> EventKind {
        match self {
            Change::Hire(_) => EventKind::Hire,
            Change::DataChange(_) => EventKind::DataChange,
            Change::Transfer(_) => EventKind::Transfer,
            Change::Dismissal => EventKind::Dismissal,
            Change::CertificateIssued(_) => EventKind::CertificateIssued,
            Change::CertificateConfirmed(_) => EventKind::CertificateConfirmed,
            Change::ProfessionalDevelopment(_) => EventKind::ProfessionalDevelopment,
        }
    }
}

/// An event of the register's log: what happened to a worker (`event_date`) and when it was
/// entered into the register (`entered_at`, local time). The log is expected in order of
/// `entered_at`.
///
/// JSON: `{"id": …, "event": "hire", "iin": …, "event_date": "YYYY-MM-DD", "entered_at":
/// "YYYY-MM-DDTHH:MM[:SS]", …payload}` with the payload `worker` (hire, data change), `transfer`,
/// `certificate` (issued, confirmed) or `professional_development`. Strict: a bad value or a
/// missing payload fails the parse.
///
/// ```
/// use ereje_register::{Change, Event};
/// let e: Event = serde_json::from_str(
///     r#"{"event":"dismissal","iin":"900101400013","event_date":"2025-10-01","entered_at":"2025-10-02T09:00"}"#,
/// )?;
/// assert_eq!(e.change, Change::Dismissal);
/// assert!(serde_json::from_str::<Event>(r#"{"event":"certificate_issued","iin":"900101400013","event_date":"2025-10-01","entered_at":"2025-10-02T09:00"}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "EventRepr", into = "EventRepr")]
pub struct Event {
    /// The event's own id, if the source gives one.
    pub id: Option<String>,
    /// The worker.
    pub iin: Iin,
    /// The day it happened (hire, change, transfer, dismissal, issue …).
    pub event_date: NaiveDate,
    /// When it was entered into the register (local time).
    pub entered_at: NaiveDateTime,
    /// What changed.
    pub change: Change,
}

impl Event {
    /// The kind of event.
    pub fn kind(&self) -> EventKind {
        self.change.kind()
    }
}

/// The JSON shape of an [`Event`].
#[derive(Debug, Clone, Serialize, Deserialize)]
struct EventRepr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    event: EventKind,
    iin: Iin,
    #[serde(with = "date")]
    event_date: NaiveDate,
    #[serde(with = "datetime")]
    entered_at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    worker: Option<Box<WorkerData>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    transfer: Option<Transfer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    certificate: Option<Certificate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    professional_development: Option<ProfessionalDevelopment>,
}

impl TryFrom<EventRepr> for Event {
    type Error = crate::RegisterError;

    fn try_from(r: EventRepr) -> Result<Event, crate::RegisterError> {
        let missing = |field: &'static str| crate::RegisterError::EventPayload {
            kind: r.event.as_str(),
            field,
        };
        let change = match r.event {
            EventKind::Hire => Change::Hire(r.worker.ok_or_else(|| missing("worker"))?),
            EventKind::DataChange => Change::DataChange(r.worker.ok_or_else(|| missing("worker"))?),
            EventKind::Transfer => Change::Transfer(r.transfer.ok_or_else(|| missing("transfer"))?),
            EventKind::Dismissal => Change::Dismissal,
            EventKind::CertificateIssued => {
                Change::CertificateIssued(r.certificate.ok_or_else(|| missing("certificate"))?)
            }
            EventKind::CertificateConfirmed => {
                Change::CertificateConfirmed(r.certificate.ok_or_else(|| missing("certificate"))?)
            }
            EventKind::ProfessionalDevelopment => Change::ProfessionalDevelopment(
                r.professional_development.ok_or_else(|| missing("professional_development"))?,
            ),
        };
        Ok(Event {
            id: r.id,
            iin: r.iin,
            event_date: r.event_date,
            entered_at: r.entered_at,
            change,
        })
    }
}

impl From<Event> for EventRepr {
    fn from(e: Event) -> EventRepr {
        let mut r = EventRepr {
            id: e.id,
            event: e.change.kind(),
            iin: e.iin,
            event_date: e.event_date,
            entered_at: e.entered_at,
            worker: None,
            transfer: None,
            certificate: None,
            professional_development: None,
        };
        match e.change {
            Change::Hire(w) | Change::DataChange(w) => r.worker = Some(w),
            Change::Transfer(t) => r.transfer = Some(t),
            Change::Dismissal => {}
            Change::CertificateIssued(c) | Change::CertificateConfirmed(c) => {
                r.certificate = Some(c)
            }
            Change::ProfessionalDevelopment(p) => r.professional_development = Some(p),
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Notice dates at month ends: the last valid day minus two months, clamped.
    #[test]
    fn notice_dates_at_month_ends() {
        for (valid_until, notice) in [
            (d(2026, 4, 30), d(2026, 2, 28)),
            (d(2026, 4, 29), d(2026, 2, 28)),
            (d(2028, 4, 30), d(2028, 2, 29)),
            (d(2028, 4, 29), d(2028, 2, 29)),
            (d(2026, 4, 28), d(2026, 2, 28)),
            (d(2025, 12, 31), d(2025, 10, 31)),
            (d(2026, 12, 31), d(2026, 10, 31)),
            (d(2026, 5, 31), d(2026, 3, 31)),
            (d(2026, 1, 31), d(2025, 11, 30)),
            (d(2026, 2, 28), d(2025, 12, 28)),
            (d(2026, 3, 1), d(2026, 1, 1)),
        ] {
            assert_eq!(notice_date(valid_until), notice, "valid until {valid_until}");
        }
    }

    /// The account is blocked on the first day after the last valid day.
    #[test]
    fn blocking_starts_the_day_after_the_last_valid_day() {
        for (valid_until, block) in [
            (d(2026, 3, 31), d(2026, 4, 1)),
            (d(2025, 12, 31), d(2026, 1, 1)),
            (d(2028, 2, 28), d(2028, 2, 29)),
            (d(2026, 2, 28), d(2026, 3, 1)),
        ] {
            let c = Certificate {
                specialty: "s".into(),
                number: "n".into(),
                issued_on: d(2021, 1, 1),
                valid_until,
            };
            assert_eq!(c.block_from(), block);
            assert!(c.is_valid_on(valid_until));
            assert!(!c.is_valid_on(block));
        }
    }

    #[test]
    fn event_round_trips_through_json() {
        let json = r#"{"id":"e1","event":"certificate_confirmed","iin":"900101400013","event_date":"2025-10-01","entered_at":"2025-10-02T09:00:00","certificate":{"specialty":"therapy","number":"KZ-1","issued_on":"2025-10-01","valid_until":"2030-09-30"}}"#;
        let e: Event = serde_json::from_str(json).unwrap();
        assert_eq!(e.kind(), EventKind::CertificateConfirmed);
        assert_eq!(serde_json::to_string(&e).unwrap(), json);
        // An offset is converted to Astana local time.
        let e: Event = serde_json::from_str(
            r#"{"event":"dismissal","iin":"900101400013","event_date":"2025-10-01","entered_at":"2025-10-02T04:00:00Z"}"#,
        )
        .unwrap();
        assert_eq!(e.entered_at.to_string(), "2025-10-02 09:00:00");
    }

    #[test]
    fn current_certificates_keep_the_latest_of_each_specialty() {
        let c = |s: &str, n: &str, until| Certificate {
            specialty: s.into(),
            number: n.into(),
            issued_on: d(2020, 1, 1),
            valid_until: until,
        };
        let w = WorkerRecord {
            data: WorkerData {
                certificates: Some(vec![
                    c("therapy", "1", d(2025, 1, 1)),
                    c("therapy", "2", d(2030, 1, 1)),
                    c("surgery", "3", d(2026, 1, 1)),
                ]),
                ..WorkerData::default()
            },
            ..WorkerRecord::default()
        };
        let numbers: Vec<_> = w.current_certificates().iter().map(|c| c.number.as_str()).collect();
        assert_eq!(numbers, ["3", "2"]);
    }
}
