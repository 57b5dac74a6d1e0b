//! Form 031/у «Заключение на медико-социальную экспертизу» and the 2025 pilot of proactive
//! absentee medico-social expertise (МСЭ) for selected nosologies, as Rust code.
//!
//! The act: the joint order of the Minister of Labour and Social Protection No. 168 of
//! 05.06.2025, the Minister of Health No. 56 of 11.06.2025 and the Minister of Digital
//! Development No. 292/НҚ of 09.06.2025 (seed `004_*.txt`; paragraph numbers as in its Russian
//! text). Appendix 1 to the order is the launch schedule; Appendix 2 is the Algorithm, whose
//! Appendix 1 lists the nosologies and Appendix 2 the mandatory examinations.
//!
//! - The form: the strict [`Form`] (fail-fast `Deserialize`) and the lenient [`WireForm`] a
//!   validator reads, converted inside [`check`] so that each bad value is one finding with its
//!   JSON pointer.
//! - The nosologies as data ([`NOSOLOGIES`], [`AMPUTATION_SUB_FORMS`]) and [`detect`]:
//!   `amputation`, `down-syndrome`, `mucopolysaccharidosis` (children only), or none with the
//!   reason (a near miss such as `S98.4`, an adult).
//! - The mandatory examinations as data ([`EXAM_REQUIREMENTS`]) and the signing gate of para 4
//!   ([`missing_exams`], [`signable`]): a missing mandatory examination is an error and the ВКК
//!   chair cannot sign.
//! - The launch schedule under two readings ([`ScheduleReading`]) and [`pilot_applies`]; the
//!   order takes effect on the eleventh day after its publication (a parameter whose default is
//!   an assumption, reported in every answer) and runs twelve months.
//! - The expert's term of para 9 ([`expert_due`]: one working day, 16:00 cutoff) and the
//!   waiting list, which has no norm ([`WaitingList`]).
//! - The distribution of para 7 ([`distribute`]): one extraterritorial expert, by a policy.
//! - The rule catalogue ([`RULES`], ids `MSE-001`…) and the parameters ([`Params`], [`PARAMS`]).
//! - The pilot as a process for the simulation engine ([`process`]): the default scenario of
//!   `ereje-sim mse` and the expert's term judged from the simulated cases.
//!
//! The crate does no I/O and reads no clock or environment: the caller passes the as-of date
//! and the calendar. See `docs/mse.md`.
//!
//! ```
//! use ereje_mse::{Context, WireForm, check};
//! let line = r#"{"created_on": "2025-09-01",
//!   "patient": {"iin": "900101400013", "birth_date": "1990-01-01", "sex": "female", "region": "abai"},
//!   "organisation": {"region": "abai", "mis": "Avicenna"},
//!   "diagnosis": {"main": "Q90.0"},
//!   "examinations": [
//!     {"kind": "karyotype", "date": "1991-03-01", "conclusion": "47,XX,+21"},
//!     {"kind": "geneticist_conclusion", "date": "1991-03-10", "document": "doc-7"},
//!     {"kind": "neurologist_conclusion", "date": "2025-08-25", "conclusion": "…"},
//!     {"kind": "psychiatrist_conclusion", "date": "2025-08-26", "conclusion": "…"},
//!     {"kind": "psychological_pedagogical_commission_conclusion", "date": "2025-08-27", "document": "doc-9"}
//!   ],
//!   "vkk": {"signed_at": "2025-09-02T11:00:00"}}"#;
//! let form: WireForm = serde_json::from_str(line)?;
//! let checked = check(&form, &Context::builtin());
//! assert!(checked.pilot.applies && checked.signable && checked.valid());
//! assert_eq!(
//!     serde_json::to_value(&checked.pilot)?["reason"],
//!     "in-wave"
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```
#![deny(missing_docs)]

/// A citation into the joint order: the act's name followed by the literal given.
macro_rules! order {
    ($($rest:literal),*) => {
        concat!(
            "Joint order MLSP No. 168 of 05.06.2025, MoH No. 56 of 11.06.2025, MDDIAI No. 292/НҚ of 09.06.2025",
            $($rest),*
        )
    };
}

mod check;
mod distribution;
mod error;
mod exams;
mod form;
mod nosology;
mod params;
pub mod process;
mod region;
mod rules;
mod schedule;
mod schema;
#[cfg(any(test, feature = "proptest"))]
pub mod strategies;
mod term;
mod wire;

#[cfg(test)]
mod tests;

pub use check::{Checked, Context, check, check_form, signable};
pub use distribution::{CaseRegions, Expert, distribute};
pub use error::MseError;
pub use exams::{
    Condition, EXAM_REQUIREMENTS, ExamKind, ExamRequirement, MissingExam, Obligation, Signability,
    Timing, missing_exams, requirements,
};
pub use form::{Amputation, Diagnosis, Examination, Form, Organisation, Patient, Vkk};
pub use nosology::{
    AMPUTATION_SUB_FORMS, AmputationSubForm, CHILD_AGE_LIMIT, Detection, DetectionReason,
    NOSOLOGIES, Nosology, NosologyEntry, SubForm, detect, nosology_set,
};
pub use params::{
    DEFAULT_PUBLICATION, Extraterritorial, PARAMS, ParamDoc, Params, Policy, ScheduleReading,
};
pub use region::{Mis, Region};
pub use rules::*;
pub use schedule::{
    PilotAnswer, PilotQuery, PilotReason, WAVES, Wave, WaveEntry, in_force_from, last_day,
    pilot_applies, wave_by_mis, wave_by_region, wave_start,
};
pub use schema::{input_schema, result_schema};
pub use term::{EXPERT_TERM, ExpertTerm, ExpertTermNorm, WaitingList, expert_due};
pub use wire::{
    WireAmputation, WireDiagnosis, WireExamination, WireForm, WireOrganisation, WirePatient,
    WireVkk,
};
