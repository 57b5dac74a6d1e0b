//! The professional register of health workers as Rust code: the Rules for accounting of human
//! resources in healthcare (maintaining the professional register), approved by order of the
//! Minister of Health No. ҚР ДСМ-253/2020 of 11.12.2020, in the wording of order No. 66 of
//! 16.07.2025 (Kazakh text), with the Code «On public health and the healthcare system» art. 27,
//! 266 and 271.
//!
//! - The worker's record of para 8, all fifteen [`Item`]s, typed ([`WorkerRecord`]) and as read
//!   ([`WireWorker`], lenient: every bad value is a finding with its JSON pointer).
//! - The event log ([`Event`]: hire, data change, transfer, dismissal, certificate issued or
//!   confirmed, advanced training) and its [`Replay`] into the [`State`] as of any date.
//! - Checks as of a date, each a catalogue rule ([`RULES`], `REG-001` …): the items of para 8,
//!   the ИИН and БИН, three working days for a new worker's data (para 8), changes (para 9), the
//!   2025 wording from P + 11, the certificate notice two months ahead (para 14.4), blocking on
//!   expiry (para 14.5), and certificates missing from the register (Code art. 266 p. 3).
//! - Validator entry points: [`check_worker`] for snapshots, [`EventChecker`] for the event log.
//! - Reports: [`monthly_report`] (para 6) and [`quarterly_report`] (para 7), with CSV and human
//!   renderings.
//!
//! The crate does no I/O and reads no clock: the caller passes the date ([`Context::as_of`]).
//! The readings and sources are in `docs/register.md`.
//!
//! ```
//! use chrono::NaiveDate;
//! use ereje_register::{check_worker, Context, WireWorker};
//!
//! let ctx = Context::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), ereje_calendar::Calendar::builtin());
//! let worker: WireWorker = serde_json::from_str(r#"{
//!     "iin": "900101400013", "surname": "Seitova", "name": "Aigerim", "sex": "female",
//!     "birth_date": "1990-01-01", "birthplace": "Astana", "citizenship": "KZ",
//!     "identity_document": {"kind": "id_card", "number": "000000001"},
//!     "residence": "Astana", "registration_address": "Astana", "registration_date": "2015-03-01",
//!     "education": [{"number": "D-1", "organisation": "Astana Medical University"}],
//!     "workplace": {"name": "City Polyclinic No. 1", "bin": "070140000015"},
//!     "position": "general practitioner",
//!     "certificates": [{"specialty": "general practice", "number": "C-1",
//!                       "issued_on": "2021-04-30", "valid_until": "2026-04-30"}],
//!     "hire_date": "2025-09-01",
//!     "entered": {"iin": {"at": "2025-09-03T10:00"}}
//! }"#)?;
//! let checked = check_worker(&worker, &ctx);
//! assert!(checked.valid());
//! // The certificate ends on 30 April 2026: the notice is due from 28 February.
//! assert_eq!(checked.extra.notices_due[0].notice_date.to_string(), "2026-02-28");
//! # Ok::<(), serde_json::Error>(())
//! ```
#![deny(missing_docs)]

mod certificates;
mod check;
mod events;
mod item;
mod model;
mod params;
pub mod process;
mod replay;
mod report;
mod rules;
#[cfg(any(test, feature = "proptest"))]
pub mod strategies;
mod wire;

#[cfg(test)]
mod tests;

pub use certificates::{
    CertificateDue, CertificateList, CertificateTerm, ListedCertificate, certificate_due,
};
pub use check::{Checked, Context, RegisterExtra, check_record, check_worker, hire_entry_due};
pub use events::EventChecker;
pub use item::{Item, UnknownItem};
pub use model::{
    Certificate, Change, Education, Event, EventKind, IdentityDocument, ItemEntry,
    ProfessionalDevelopment, Transfer, WorkerData, WorkerRecord, Workplace, notice_date,
};
pub use params::{
    CONFIRMATION_YEARS, ENTRY_INTO_FORCE_AFTER_DAYS, HIRE_TERM_WORKING_DAYS, MONTHLY_REPORT_DAY,
    NOTICE_MONTHS, PARAMS, ParamDoc, Params,
};
pub use replay::{Replay, State};
pub use report::{
    Breakdown, Category, ConfirmationTerm, Counts, Headcount, Month, MonthlyReport, Quarter,
    QuarterlyReport, ReportLine, UNKNOWN, monthly_report, quarterly_report,
};
pub use rules::{
    REG_BIN_INVALID, REG_BIN_NOT_LEGAL_ENTITY, REG_BLOCK_REQUIRED, REG_CERTIFICATE_DATES_REVERSED,
    REG_CERTIFICATE_NOT_REGISTERED, REG_CERTIFICATE_OVER_FIVE_YEARS, REG_CHANGE_ENTERED_LATE,
    REG_EARLIER_WORDING, REG_EVENT_FIELD_MISSING, REG_EVENT_KIND, REG_HIRE_ENTERED_LATE,
    REG_IIN_INVALID, REG_IIN_MISMATCH, REG_ITEM_MISSING, REG_NOTICE_DUE, REG_TERM_NOT_CHECKED,
    REG_UNKNOWN_ITEM, REG_VALUE_UNREADABLE, RULES,
};
pub use wire::{
    Converted, WireCertificate, WireData, WireEducation, WireEntry, WireEvent,
    WireIdentityDocument, WireProfessionalDevelopment, WireTransfer, WireWorker, WireWorkplace,
};

/// The JSON Schema of a worker snapshot (`ereje-check register --schema`).
pub const WORKER_SCHEMA: &str = include_str!("../schemas/worker.json");

/// The JSON Schema of an event of the log (`ereje-check register --events --schema`).
pub const EVENT_SCHEMA: &str = include_str!("../schemas/event.json");

/// Something this crate cannot do with what it was given (as opposed to a finding about a record).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegisterError {
    /// A parameter key that does not exist.
    #[error("unknown parameter `{key}` (known: {known})")]
    UnknownParam {
        /// The key given.
        key: String,
        /// The known keys.
        known: String,
    },
    /// A parameter value of the wrong shape.
    #[error("parameter {key}={value}: expected {expected}")]
    Param {
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A period (month or quarter) that cannot be read.
    #[error("`{input}` is not {expected}")]
    Period {
        /// The text given.
        input: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A strict [`Event`] without the payload of its kind.
    #[error("an event `{kind}` needs `{field}`")]
    EventPayload {
        /// The kind of event.
        kind: &'static str,
        /// The missing field.
        field: &'static str,
    },
}
