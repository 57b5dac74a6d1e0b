//! The lenient wire model: what a validator reads from JSON (strings, numbers, options, every field
//! defaulted), and its conversion into the typed model inside the check, where each value that
//! cannot be converted becomes a finding with its JSON pointer and the other values still count.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime};
use ereje_calendar::{Territory, parse_date, parse_datetime};
use ereje_findings::{Finding, pointer_token};
use ereje_id::{Bin, Id, Iin, Kind, Sex, classify};
use serde::{Deserialize, Serialize};

use crate::Item;
use crate::model::{
    Certificate, Change, Education, Event, EventKind, IdentityDocument, ItemEntry,
    ProfessionalDevelopment, Transfer, WorkerData, WorkerRecord, Workplace,
};
use crate::rules::{
    REG_BIN_INVALID, REG_EVENT_FIELD_MISSING, REG_EVENT_KIND, REG_IIN_INVALID, REG_ITEM_MISSING,
    REG_TERM_NOT_CHECKED, REG_UNKNOWN_ITEM, REG_VALUE_UNREADABLE,
};

/// Item 7 as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireIdentityDocument {
    /// Kind of document.
    pub kind: Option<String>,
    /// Number.
    pub number: Option<String>,
    /// Date of issue, `YYYY-MM-DD`.
    pub issued_on: Option<String>,
    /// Issuing authority.
    pub issued_by: Option<String>,
}

/// An education document as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireEducation {
    /// Kind of document.
    pub document: Option<String>,
    /// Number.
    pub number: Option<String>,
    /// Date of issue, `YYYY-MM-DD`.
    pub issued_on: Option<String>,
    /// Education or science organisation.
    pub organisation: Option<String>,
    /// Qualification or specialty.
    pub qualification: Option<String>,
}

/// Item 12 as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireWorkplace {
    /// Organisation name.
    pub name: Option<String>,
    /// Its БИН.
    pub bin: Option<String>,
}

/// A certificate as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireCertificate {
    /// Specialty.
    pub specialty: Option<String>,
    /// Number.
    pub number: Option<String>,
    /// Date of issue or last confirmation, `YYYY-MM-DD`.
    pub issued_on: Option<String>,
    /// Last valid day, `YYYY-MM-DD`.
    pub valid_until: Option<String>,
}

/// An advanced-training record as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireProfessionalDevelopment {
    /// Course or programme.
    pub title: Option<String>,
    /// Organisation.
    pub organisation: Option<String>,
    /// Completion date, `YYYY-MM-DD`.
    pub completed_on: Option<String>,
    /// Hours, a whole number ≥ 0.
    pub hours: Option<f64>,
    /// Document number.
    pub document_number: Option<String>,
}

/// When an item was entered, as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireEntry {
    /// Date-time of entry, `YYYY-MM-DDTHH:MM[:SS]` or RFC 3339.
    pub at: Option<String>,
    /// For a change: the date the data changed, `YYYY-MM-DD`.
    pub changed_on: Option<String>,
}

/// A transfer as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireTransfer {
    /// New workplace.
    pub workplace: Option<WireWorkplace>,
    /// New position.
    pub position: Option<String>,
    /// New region.
    pub region: Option<String>,
}

/// Declares a wire struct holding items 2–15 and the region, plus its own fields, and a view of
/// the shared fields.
macro_rules! wire_with_data {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* pub $field:ident : $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
            /// Item 2: surname.
            pub surname: Option<String>,
            /// Item 2: name.
            pub name: Option<String>,
            /// Item 2: patronymic (if any).
            pub patronymic: Option<String>,
            /// Item 3: `male` or `female`.
            pub sex: Option<String>,
            /// Item 4: `YYYY-MM-DD`.
            pub birth_date: Option<String>,
            /// Item 5.
            pub birthplace: Option<String>,
            /// Item 6.
            pub citizenship: Option<String>,
            /// Item 7.
            pub identity_document: Option<WireIdentityDocument>,
            /// Item 8.
            pub residence: Option<String>,
            /// Item 9.
            pub registration_address: Option<String>,
            /// Item 10: `YYYY-MM-DD`.
            pub registration_date: Option<String>,
            /// Item 11.
            pub education: Option<Vec<WireEducation>>,
            /// Item 12.
            pub workplace: Option<WireWorkplace>,
            /// Item 13.
            pub position: Option<String>,
            /// Item 14.
            pub certificates: Option<Vec<WireCertificate>>,
            /// Item 15.
            pub professional_development: Option<Vec<WireProfessionalDevelopment>>,
            /// The region of the workplace (for the reports).
            pub region: Option<String>,
        }

        impl $name {
            fn view(&self) -> DataView<'_> {
                DataView {
                    surname: &self.surname,
                    name: &self.name,
                    patronymic: &self.patronymic,
                    sex: &self.sex,
                    birth_date: &self.birth_date,
                    birthplace: &self.birthplace,
                    citizenship: &self.citizenship,
                    identity_document: &self.identity_document,
                    residence: &self.residence,
                    registration_address: &self.registration_address,
                    registration_date: &self.registration_date,
                    education: &self.education,
                    workplace: &self.workplace,
                    position: &self.position,
                    certificates: &self.certificates,
                    professional_development: &self.professional_development,
                    region: &self.region,
                }
            }
        }
    };
}

wire_with_data! {
    /// A worker snapshot as read (one record of `workers.ndjson`): the record of para 8 plus the
    /// hire and dismissal dates and the entry date-times.
    pub struct WireWorker {
        /// Item 1: the ИИН.
        pub iin: Option<String>,
        /// The day the worker was hired, `YYYY-MM-DD`.
        pub hire_date: Option<String>,
        /// The day of dismissal, `YYYY-MM-DD`.
        pub dismissal_date: Option<String>,
        /// When each item was entered or last changed, by item name.
        pub entered: Option<BTreeMap<String, WireEntry>>,
    }
}

wire_with_data! {
    /// The items of a hire or a data change, as read (an event's `worker`).
    pub struct WireData {}
}

/// An event of the log as read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireEvent {
    /// The event's own id.
    pub id: Option<String>,
    /// The kind: `hire`, `data_change`, `transfer`, `dismissal`, `certificate_issued`,
    /// `certificate_confirmed`, `professional_development`.
    pub event: Option<String>,
    /// The worker's ИИН.
    pub iin: Option<String>,
    /// The day it happened, `YYYY-MM-DD`.
    pub event_date: Option<String>,
    /// When it was entered, `YYYY-MM-DDTHH:MM[:SS]` or RFC 3339.
    pub entered_at: Option<String>,
    /// Hire, data change: the items.
    pub worker: Option<WireData>,
    /// Transfer: the move.
    pub transfer: Option<WireTransfer>,
    /// Certificate issued or confirmed.
    pub certificate: Option<WireCertificate>,
    /// Advanced training recorded.
    pub professional_development: Option<WireProfessionalDevelopment>,
}

/// The shared fields of [`WireWorker`] and [`WireData`], borrowed.
struct DataView<'a> {
    surname: &'a Option<String>,
    name: &'a Option<String>,
    patronymic: &'a Option<String>,
    sex: &'a Option<String>,
    birth_date: &'a Option<String>,
    birthplace: &'a Option<String>,
    citizenship: &'a Option<String>,
    identity_document: &'a Option<WireIdentityDocument>,
    residence: &'a Option<String>,
    registration_address: &'a Option<String>,
    registration_date: &'a Option<String>,
    education: &'a Option<Vec<WireEducation>>,
    workplace: &'a Option<WireWorkplace>,
    position: &'a Option<String>,
    certificates: &'a Option<Vec<WireCertificate>>,
    professional_development: &'a Option<Vec<WireProfessionalDevelopment>>,
    region: &'a Option<String>,
}

/// A converted value, the findings of its conversion, and the items whose given value could not
/// be used (so that "missing" is not reported again for them).
#[derive(Debug, Clone, PartialEq)]
pub struct Converted<T> {
    /// The typed value (what could be converted).
    pub value: T,
    /// One finding per value that could not be converted.
    pub findings: Vec<Finding>,
    /// Items given with a value that could not be used.
    pub bad_items: BTreeSet<Item>,
}

/// The shape a date must have, for messages.
pub(crate) const DATE_SHAPE: &str = "YYYY-MM-DD";
const DATETIME_SHAPE: &str = "YYYY-MM-DDTHH:MM[:SS] | RFC 3339";

/// Collects findings while converting.
struct Conv {
    findings: Vec<Finding>,
    bad: BTreeSet<Item>,
    territory: Territory,
}

impl Conv {
    fn new(territory: Territory) -> Conv {
        Conv { findings: Vec::new(), bad: BTreeSet::new(), territory }
    }

    /// A trimmed text; blank counts as not given.
    fn text(v: &Option<String>) -> Option<String> {
        v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
    }

    /// A required text of an item's part: missing → `REG-001`.
    fn required(
        &mut self,
        v: &Option<String>,
        base: &str,
        field: &str,
        item: Item,
    ) -> Option<String> {
        let t = Conv::text(v);
        if t.is_none() {
            self.missing(base, field, item);
        }
        t
    }

    fn missing(&mut self, base: &str, field: &str, item: Item) {
        self.bad.insert(item);
        self.findings.push(
            Finding::new(&REG_ITEM_MISSING, format!("{base}/{field}"))
                .with("item", item.number())
                .with("field", display_field(base, field)),
        );
    }

    fn unreadable(&mut self, path: String, value: &str, expected: &str, item: Option<Item>) {
        if let Some(item) = item {
            self.bad.insert(item);
        }
        let field = path.trim_start_matches('/').to_owned();
        self.findings.push(
            Finding::new(&REG_VALUE_UNREADABLE, path)
                .with("field", field)
                .with("value", value)
                .with("expected", expected),
        );
    }

    fn date(
        &mut self,
        v: &Option<String>,
        base: &str,
        field: &str,
        item: Option<Item>,
    ) -> Option<NaiveDate> {
        let s = Conv::text(v)?;
        match parse_date(&s) {
            Ok(d) => Some(d),
            Err(_) => {
                self.unreadable(format!("{base}/{field}"), &s, DATE_SHAPE, item);
                None
            }
        }
    }

    fn datetime(&mut self, v: &Option<String>, path: String) -> Option<NaiveDateTime> {
        let s = Conv::text(v)?;
        match parse_datetime(&s, self.territory) {
            Ok(d) => Some(d),
            Err(_) => {
                self.unreadable(path, &s, DATETIME_SHAPE, None);
                None
            }
        }
    }

    fn iin(&mut self, v: &Option<String>, path: &str) -> Option<Iin> {
        let s = Conv::text(v)?;
        let c = classify(&s);
        match c.id {
            Some(Id::Iin(iin)) => Some(iin),
            _ => {
                self.bad.insert(Item::Iin);
                self.findings.push(Finding::new(&REG_IIN_INVALID, path));
                self.findings.extend(c.findings(path));
                None
            }
        }
    }

    fn bin(&mut self, v: &Option<String>, base: &str) -> Option<Bin> {
        let path = format!("{base}/bin");
        let Some(s) = Conv::text(v) else {
            self.missing(base, "bin", Item::Workplace);
            return None;
        };
        let c = classify(&s);
        match c.id {
            Some(Id::Bin(bin)) => Some(bin),
            _ => {
                self.bad.insert(Item::Workplace);
                let kind = if c.kind == Kind::Iin { "iin" } else { "invalid" };
                self.findings.push(Finding::new(&REG_BIN_INVALID, path.clone()).with("kind", kind));
                self.findings.extend(c.findings(&path));
                None
            }
        }
    }

    fn sex(&mut self, v: &Option<String>, path: &str) -> Option<Sex> {
        let s = Conv::text(v)?;
        match s.as_str() {
            "male" => Some(Sex::Male),
            "female" => Some(Sex::Female),
            _ => {
                self.unreadable(path.to_owned(), &s, "male | female", Some(Item::Sex));
                None
            }
        }
    }

    fn workplace(&mut self, w: &WireWorkplace, base: &str) -> Option<Workplace> {
        let name = self.required(&w.name, base, "name", Item::Workplace);
        let bin = self.bin(&w.bin, base);
        Some(Workplace { name: name?, bin: bin? })
    }

    fn certificate(&mut self, c: &WireCertificate, base: &str) -> Option<Certificate> {
        let it = Item::Certificates;
        let specialty = self.required(&c.specialty, base, "specialty", it);
        let number = self.required(&c.number, base, "number", it);
        let issued_on = self.required_date(&c.issued_on, base, "issued_on", it);
        let valid_until = self.required_date(&c.valid_until, base, "valid_until", it);
        Some(Certificate {
            specialty: specialty?,
            number: number?,
            issued_on: issued_on?,
            valid_until: valid_until?,
        })
    }

    fn required_date(
        &mut self,
        v: &Option<String>,
        base: &str,
        field: &str,
        item: Item,
    ) -> Option<NaiveDate> {
        if Conv::text(v).is_none() {
            self.missing(base, field, item);
            return None;
        }
        self.date(v, base, field, Some(item))
    }

    fn professional_development(
        &mut self,
        p: &WireProfessionalDevelopment,
        base: &str,
    ) -> Option<ProfessionalDevelopment> {
        let it = Item::ProfessionalDevelopment;
        let title = self.required(&p.title, base, "title", it);
        let completed_on = self.required_date(&p.completed_on, base, "completed_on", it);
        let hours = match p.hours {
            None => None,
            Some(h) if h >= 0.0 && h.fract() == 0.0 && h <= f64::from(u32::MAX) => {
                // Checked: a whole number within u32.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Some(h as u32)
            }
            Some(h) => {
                self.unreadable(format!("{base}/hours"), &h.to_string(), "0, 1, 2, …", Some(it));
                None
            }
        };
        Some(ProfessionalDevelopment {
            title: title?,
            organisation: Conv::text(&p.organisation),
            completed_on: completed_on?,
            hours,
            document_number: Conv::text(&p.document_number),
        })
    }

    /// Converts items 2–15 and the region at `base` (`""` for a snapshot, `/worker` in an event).
    fn data(&mut self, v: &DataView<'_>, base: &str) -> WorkerData {
        let p = |f: &str| format!("{base}/{f}");
        // In the order of para 8, so that the findings are too.
        let sex = self.sex(v.sex, &p("sex"));
        let birth_date = self.date(v.birth_date, base, "birth_date", Some(Item::BirthDate));
        let identity_document = v.identity_document.as_ref().and_then(|d| {
            let b = p("identity_document");
            let it = Item::IdentityDocument;
            let kind = self.required(&d.kind, &b, "kind", it);
            let number = self.required(&d.number, &b, "number", it);
            let issued_on = self.date(&d.issued_on, &b, "issued_on", Some(it));
            Some(IdentityDocument {
                kind: kind?,
                number: number?,
                issued_on,
                issued_by: Conv::text(&d.issued_by),
            })
        });
        let registration_date =
            self.date(v.registration_date, base, "registration_date", Some(Item::RegistrationDate));
        let education = v.education.as_ref().map(|list| {
            list.iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    let b = format!("{base}/education/{i}");
                    let it = Item::Education;
                    let number = self.required(&e.number, &b, "number", it);
                    let organisation = self.required(&e.organisation, &b, "organisation", it);
                    let issued_on = self.date(&e.issued_on, &b, "issued_on", Some(it));
                    Some(Education {
                        document: Conv::text(&e.document),
                        number: number?,
                        issued_on,
                        organisation: organisation?,
                        qualification: Conv::text(&e.qualification),
                    })
                })
                .collect()
        });
        let workplace = v.workplace.as_ref().and_then(|w| self.workplace(w, &p("workplace")));
        let certificates = v.certificates.as_ref().map(|list| {
            list.iter()
                .enumerate()
                .filter_map(|(i, c)| self.certificate(c, &format!("{base}/certificates/{i}")))
                .collect()
        });
        let professional_development = v.professional_development.as_ref().map(|list| {
            list.iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    self.professional_development(
                        c,
                        &format!("{base}/professional_development/{i}"),
                    )
                })
                .collect()
        });
        WorkerData {
            surname: Conv::text(v.surname),
            name: Conv::text(v.name),
            patronymic: Conv::text(v.patronymic),
            sex,
            birth_date,
            birthplace: Conv::text(v.birthplace),
            citizenship: Conv::text(v.citizenship),
            identity_document,
            residence: Conv::text(v.residence),
            registration_address: Conv::text(v.registration_address),
            registration_date,
            education,
            workplace,
            position: Conv::text(v.position),
            certificates,
            professional_development,
            region: Conv::text(v.region),
        }
    }
}

/// The field of a finding as people read it: the pointer below the record without the leading
/// slash (`workplace/bin`, `education/0/number`).
fn display_field(base: &str, field: &str) -> String {
    format!("{}/{field}", base).trim_start_matches('/').to_owned()
}

impl WireWorker {
    /// Converts the snapshot into a typed record. Values that cannot be converted are findings
    /// (`REG-002` unreadable, `REG-003`/`REG-005` with the `ID-*` reasons for a bad ИИН or БИН,
    /// `REG-001` for a missing part of an item, `REG-017` for an unknown item name) and are left
    /// out of the record; a list element missing a required part is left out whole. Whether the
    /// items are present is checked later, on the record (see
    /// [`check_worker`](crate::check_worker)).
    ///
    /// # Errors
    /// None: problems are findings.
    ///
    /// # Example
    /// ```
    /// use ereje_calendar::Territory;
    /// use ereje_register::WireWorker;
    /// let w: WireWorker = serde_json::from_str(r#"{"iin":"900101400013","birth_date":"01.01.1990"}"#)?;
    /// let c = w.to_record(Territory::Astana);
    /// assert!(c.value.iin.is_some() && c.value.data.birth_date.is_none());
    /// assert_eq!((c.findings[0].rule.id, c.findings[0].path.as_str()), ("REG-002", "/birth_date"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_record(&self, territory: Territory) -> Converted<WorkerRecord> {
        let mut c = Conv::new(territory);
        let iin = c.iin(&self.iin, "/iin");
        let data = c.data(&self.view(), "");
        let hire_date = c.date(&self.hire_date, "", "hire_date", None);
        let dismissal_date = c.date(&self.dismissal_date, "", "dismissal_date", None);
        let mut entered = BTreeMap::new();
        for (key, e) in self.entered.iter().flatten() {
            let base = format!("/entered/{}", pointer_token(key));
            let Ok(item) = key.parse::<Item>() else {
                c.findings.push(Finding::new(&REG_UNKNOWN_ITEM, base).with("key", key));
                continue;
            };
            let changed_on = c.date(&e.changed_on, &base, "changed_on", None);
            if Conv::text(&e.changed_on).is_some() && changed_on.is_none() {
                continue;
            }
            match c.datetime(&e.at, format!("{base}/at")) {
                Some(at) => {
                    entered.insert(item, ItemEntry { at, changed_on });
                }
                None if Conv::text(&e.at).is_none() => c.findings.push(
                    Finding::new(&REG_TERM_NOT_CHECKED, format!("{base}/at"))
                        .with("field", format!("entered/{key}/at")),
                ),
                None => {}
            }
        }
        Converted {
            value: WorkerRecord { iin, data, hire_date, dismissal_date, entered },
            findings: c.findings,
            bad_items: c.bad,
        }
    }
}

impl WireData {
    /// Converts the items of an event's `worker` at `base` (its JSON pointer, e.g. `/worker`).
    ///
    /// # Errors
    /// None: problems are findings, as in [`WireWorker::to_record`].
    ///
    /// # Example
    /// ```
    /// use ereje_calendar::Territory;
    /// use ereje_register::WireData;
    /// let w: WireData = serde_json::from_str(r#"{"workplace":{"name":"Clinic","bin":"900101400013"}}"#)?;
    /// let c = w.to_data("/worker", Territory::Astana);
    /// assert!(c.value.workplace.is_none());
    /// assert_eq!((c.findings[0].rule.id, c.findings[0].path.as_str()), ("REG-005", "/worker/workplace/bin"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_data(&self, base: &str, territory: Territory) -> Converted<WorkerData> {
        let mut c = Conv::new(territory);
        let value = c.data(&self.view(), base);
        Converted { value, findings: c.findings, bad_items: c.bad }
    }
}

impl WireEvent {
    /// Converts the event into a typed [`Event`], or `None` when it cannot be applied (an unknown
    /// kind `REG-015`; a missing or invalid ИИН, date, date-time or payload `REG-018`). The
    /// findings point into the event (`/worker/birth_date`, `/certificate/valid_until`).
    ///
    /// # Errors
    /// None: problems are findings.
    ///
    /// # Example
    /// ```
    /// use ereje_calendar::Territory;
    /// use ereje_register::WireEvent;
    /// let e: WireEvent = serde_json::from_str(
    ///     r#"{"event":"dismissal","iin":"900101400013","event_date":"2025-10-01","entered_at":"2025-10-02T09:00"}"#,
    /// )?;
    /// assert!(e.to_event(Territory::Astana).value.is_some());
    /// let e: WireEvent = serde_json::from_str(r#"{"event":"promotion","iin":"900101400013"}"#)?;
    /// let c = e.to_event(Territory::Astana);
    /// assert!(c.value.is_none());
    /// assert_eq!(c.findings[0].rule.id, "REG-015");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_event(&self, territory: Territory) -> Converted<Option<Event>> {
        let mut c = Conv::new(territory);
        let kind_name = Conv::text(&self.event);
        let kind = match &kind_name {
            None => {
                c.findings.push(event_field_missing("?", "event").with_path("/event"));
                None
            }
            Some(k) => match EventKind::parse(k) {
                Some(k) => Some(k),
                None => {
                    c.findings.push(Finding::new(&REG_EVENT_KIND, "/event").with("kind", k));
                    None
                }
            },
        };
        let label = kind.map_or("?", EventKind::as_str);
        let iin = match Conv::text(&self.iin) {
            None => {
                c.findings.push(event_field_missing(label, "iin"));
                None
            }
            Some(s) => {
                let cl = classify(&s);
                match cl.id {
                    Some(Id::Iin(iin)) => Some(iin),
                    _ => {
                        c.findings.push(event_field_missing(label, "iin").with_path("/iin"));
                        c.findings.extend(cl.findings("/iin"));
                        None
                    }
                }
            }
        };
        let event_date = c.date(&self.event_date, "", "event_date", None);
        if event_date.is_none() {
            c.findings.push(event_field_missing(label, "event_date").with_path("/event_date"));
        }
        let entered_at = c.datetime(&self.entered_at, "/entered_at".to_owned());
        if entered_at.is_none() {
            c.findings.push(event_field_missing(label, "entered_at").with_path("/entered_at"));
        }
        let change = kind.and_then(|k| self.change(k, &mut c));
        let value = match (iin, event_date, entered_at, change) {
            (Some(iin), Some(event_date), Some(entered_at), Some(change)) => {
                Some(Event { id: Conv::text(&self.id), iin, event_date, entered_at, change })
            }
            _ => None,
        };
        Converted { value, findings: c.findings, bad_items: c.bad }
    }

    fn change(&self, kind: EventKind, c: &mut Conv) -> Option<Change> {
        let label = kind.as_str();
        let need = |field: &'static str, c: &mut Conv| {
            c.findings.push(event_field_missing(label, field).with_path(format!("/{field}")));
        };
        match kind {
            EventKind::Hire | EventKind::DataChange => {
                let Some(w) = &self.worker else {
                    need("worker", c);
                    return None;
                };
                let data = Box::new(c.data(&w.view(), "/worker"));
                Some(if kind == EventKind::Hire {
                    Change::Hire(data)
                } else {
                    Change::DataChange(data)
                })
            }
            EventKind::Transfer => {
                let Some(t) = &self.transfer else {
                    need("transfer", c);
                    return None;
                };
                let workplace =
                    t.workplace.as_ref().and_then(|w| c.workplace(w, "/transfer/workplace"));
                Some(Change::Transfer(Transfer {
                    workplace,
                    position: Conv::text(&t.position),
                    region: Conv::text(&t.region),
                }))
            }
            EventKind::Dismissal => Some(Change::Dismissal),
            EventKind::CertificateIssued | EventKind::CertificateConfirmed => {
                let cert = self.certificate.as_ref().and_then(|w| c.certificate(w, "/certificate"));
                let Some(cert) = cert else {
                    need("certificate", c);
                    return None;
                };
                Some(if kind == EventKind::CertificateIssued {
                    Change::CertificateIssued(cert)
                } else {
                    Change::CertificateConfirmed(cert)
                })
            }
            EventKind::ProfessionalDevelopment => {
                let pd = self
                    .professional_development
                    .as_ref()
                    .and_then(|w| c.professional_development(w, "/professional_development"));
                let Some(pd) = pd else {
                    need("professional_development", c);
                    return None;
                };
                Some(Change::ProfessionalDevelopment(pd))
            }
        }
    }
}

fn event_field_missing(kind: &str, field: &str) -> Finding {
    Finding::new(&REG_EVENT_FIELD_MISSING, "").with("kind", kind).with("field", field)
}

/// Sets a finding's path.
trait WithPath {
    fn with_path(self, path: impl Into<String>) -> Self;
}

impl WithPath for Finding {
    fn with_path(mut self, path: impl Into<String>) -> Finding {
        self.path = path.into();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(f: &[Finding]) -> Vec<(&'static str, String)> {
        f.iter().map(|f| (f.rule.id, f.path.clone())).collect()
    }

    #[test]
    fn bad_values_become_findings_with_pointers_and_the_rest_converts() {
        let w: WireWorker = serde_json::from_str(
            r#"{
            "iin": "900101400014", "surname": " ", "name": "Aigerim", "sex": "F",
            "birth_date": "1990-01-01", "registration_date": "2020-02-30",
            "identity_document": {"kind": "id_card"},
            "education": [{"number": "D-1", "organisation": "KazNMU"}, {"number": "D-2"}],
            "workplace": {"name": "Clinic", "bin": "070140000015"},
            "certificates": [{"specialty": "therapy", "number": "C-1", "issued_on": "2021-01-01", "valid_until": "2026-13-01"}],
            "professional_development": [{"title": "ECG", "completed_on": "2024-05-01", "hours": 36.5}],
            "entered": {"iin": {"at": "2025-09-03T10:00"}, "salary": {"at": "2025-09-03T10:00"}, "sex": {}}
        }"#,
        )
        .unwrap();
        let c = w.to_record(Territory::Astana);
        insta::assert_debug_snapshot!(ids(&c.findings));
        let r = &c.value;
        assert_eq!(r.iin, None);
        assert_eq!(r.data.surname, None);
        assert_eq!(r.data.name.as_deref(), Some("Aigerim"));
        assert_eq!(r.data.education.as_ref().map(Vec::len), Some(1));
        assert!(r.data.workplace.is_some());
        assert_eq!(r.data.certificates.as_ref().map(Vec::len), Some(0));
        assert_eq!(r.entered.len(), 1);
        assert!(c.bad_items.contains(&Item::Iin) && c.bad_items.contains(&Item::Sex));
        assert!(!c.bad_items.contains(&Item::FullName));
    }

    #[test]
    fn event_without_payload_or_with_bad_key_fields_is_not_applied() {
        for (json, expect) in [
            (
                r#"{"event":"hire","iin":"900101400013","event_date":"2025-09-01","entered_at":"2025-09-01T10:00"}"#,
                vec![("REG-018", "/worker")],
            ),
            (
                r#"{"event":"transfer","iin":"900101400013","event_date":"2025-09-01","entered_at":"2025-09-01T10:00"}"#,
                vec![("REG-018", "/transfer")],
            ),
            (
                r#"{"iin":"900101400013","event_date":"2025-09-01","entered_at":"2025-09-01T10:00"}"#,
                vec![("REG-018", "/event")],
            ),
            (
                r#"{"event":"dismissal","iin":"900101400013","event_date":"1.9.2025","entered_at":"2025-09-01 10:00"}"#,
                vec![
                    ("REG-002", "/event_date"),
                    ("REG-018", "/event_date"),
                    ("REG-002", "/entered_at"),
                    ("REG-018", "/entered_at"),
                ],
            ),
            (
                r#"{"event":"certificate_issued","iin":"900101400013","event_date":"2025-09-01","entered_at":"2025-09-01T10:00","certificate":{"number":"1"}}"#,
                vec![
                    ("REG-001", "/certificate/specialty"),
                    ("REG-001", "/certificate/issued_on"),
                    ("REG-001", "/certificate/valid_until"),
                    ("REG-018", "/certificate"),
                ],
            ),
        ] {
            let e: WireEvent = serde_json::from_str(json).unwrap();
            let c = e.to_event(Territory::Astana);
            assert!(c.value.is_none(), "{json}");
            let got: Vec<_> = c.findings.iter().map(|f| (f.rule.id, f.path.as_str())).collect();
            assert_eq!(got, expect, "{json}");
        }
        let e: WireEvent = serde_json::from_str(
            r#"{"event":"dismissal","iin":"070140000015","event_date":"2025-09-01","entered_at":"2025-09-01T10:00"}"#,
        )
        .unwrap();
        let c = e.to_event(Territory::Astana);
        assert_eq!(c.findings[0].rule.id, "REG-018");
        assert_eq!(c.findings[0].path, "/iin");
    }

    #[test]
    fn a_wrong_primitive_type_is_a_parse_error() {
        assert!(serde_json::from_str::<WireWorker>(r#"{"iin": 900101400013}"#).is_err());
        assert!(
            serde_json::from_str::<WireWorker>(
                r#"{"professional_development": [{"hours": "36"}]}"#
            )
            .is_err()
        );
        assert!(serde_json::from_str::<WireWorker>(r#"{"iin": null, "unknown": 1}"#).is_ok());
    }
}
