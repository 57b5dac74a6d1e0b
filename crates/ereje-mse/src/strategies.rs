//! Proptest strategies for forms 031/у (feature `proptest`): complete strict forms of each pilot
//! nosology that pass the signing gate, codes inside and outside the pilot's lists, and
//! arbitrary lenient wire forms for robustness tests.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use ereje_icd10::Icd10Code;
use ereje_id::{Iin, Sex};
use proptest::prelude::*;
use proptest::sample::select;

use crate::exams::{ExamKind, requirements};
use crate::form::{Amputation, Diagnosis, Examination, Form, Organisation, Patient, Vkk};
use crate::nosology::{AMPUTATION_SUB_FORMS, AmputationSubForm, Nosology, nosology_set};
use crate::region::{Mis, Region};
use crate::wire::{
    WireAmputation, WireDiagnosis, WireExamination, WireForm, WireOrganisation, WirePatient,
    WireVkk,
};

/// Any of the twenty regions.
pub fn region() -> impl Strategy<Value = Region> {
    select(Region::ALL.to_vec())
}

/// A named vendor or another system.
pub fn mis() -> impl Strategy<Value = Mis> {
    prop_oneof![
        Just(Mis::Damu),
        Just(Mis::Zhetysu),
        Just(Mis::Nadezhda),
        Just(Mis::InfomedKazakhstan),
        Just(Mis::Avicenna),
        "[A-Za-zА-Яа-я]{3,12}".prop_map(|s| Mis::parse_lenient(&s).unwrap_or(Mis::Other(s))),
    ]
}

/// Any examination kind.
pub fn exam_kind() -> impl Strategy<Value = ExamKind> {
    select(ExamKind::ALL.to_vec())
}

/// Any nosology.
pub fn nosology() -> impl Strategy<Value = Nosology> {
    select(Nosology::ALL.to_vec())
}

/// A WHO code in the nosology's lists.
pub fn pilot_code(nosology: Nosology) -> impl Strategy<Value = Icd10Code> {
    let codes = nosology_set(nosology).map(|s| s.who_codes()).unwrap_or_default();
    select(codes)
}

/// A WHO code in no pilot list.
pub fn non_pilot_code() -> impl Strategy<Value = Icd10Code> {
    let sets: Vec<_> = Nosology::ALL.iter().filter_map(|&n| nosology_set(n)).collect();
    let codes: Vec<Icd10Code> = ereje_icd10::who_codes()
        .iter()
        .copied()
        .filter(|c| !sets.iter().any(|s| s.contains(c)))
        .collect();
    select(codes)
}

fn at(date: NaiveDate, minutes: i64) -> NaiveDateTime {
    date.and_hms_opt(9, 0, 0).unwrap_or_default() + TimeDelta::minutes(minutes)
}

/// A complete strict form of `nosology`: a patient of a fitting age, signed on a date inside
/// every wave under the default parameters (1 August 2025 – 1 June 2026), every blocking
/// examination present (for amputations the traumatologist, the surgeon or both, and insert
/// sheet 10 when surgical), sent, received and concluded on time.
pub fn complete_form_of(nosology: Nosology) -> impl Strategy<Value = Form> {
    let max_age_days: i64 =
        if nosology == Nosology::Mucopolysaccharidosis { 17 * 365 } else { 90 * 365 };
    (
        pilot_code(nosology),
        0i64..305,           // signing day after 1 August 2025
        0i64..10,            // created that many days before
        30i64..max_age_days, // age in days on the signing date
        any::<bool>(),       // sex
        0u16..9999,          // serial
        (region(), region(), mis()),
        any::<bool>(),           // surgical
        0usize..3,               // and/or pair: trauma, surgeon, both
        (0i64..600, 0i64..2880), // sending and receipt delays in minutes
        proptest::option::of(select(
            AMPUTATION_SUB_FORMS.iter().map(|s| s.code).collect::<Vec<_>>(),
        )),
    )
        .prop_filter_map(
            "an ИИН that is issued",
            move |(
                main,
                day,
                before,
                age_days,
                male,
                serial,
                (home, org_region, mis),
                surgical,
                pair,
                (send, receive),
                sub,
            )| {
                let signed_date = NaiveDate::from_ymd_opt(2025, 8, 1)? + TimeDelta::days(day);
                let created_on = signed_date - TimeDelta::days(before);
                let birth = signed_date - TimeDelta::days(age_days);
                let sex = if male { Sex::Male } else { Sex::Female };
                let iin = Iin::next_issued(birth, sex, serial).ok()?;
                let exam_date = created_on - TimeDelta::days(1);
                let mut examinations: Vec<Examination> = Vec::new();
                for r in requirements(nosology).filter(|r| r.blocks()) {
                    let kinds: Vec<ExamKind> = if r.any_of.len() == 2 {
                        match pair {
                            0 => vec![r.any_of[0]],
                            1 => vec![r.any_of[1]],
                            _ => r.any_of.to_vec(),
                        }
                    } else {
                        r.any_of.to_vec()
                    };
                    for kind in kinds {
                        if kind == ExamKind::InsertSheet10 && !surgical {
                            continue;
                        }
                        examinations.push(Examination {
                            kind,
                            date: Some(exam_date),
                            conclusion: Some(format!("{} — заключение", kind.code())),
                            document: None,
                        });
                    }
                }
                let signed_at = at(signed_date, 0);
                let sent_at = signed_at + TimeDelta::minutes(send);
                let received_at = sent_at + TimeDelta::minutes(receive);
                let amputation = (nosology == Nosology::Amputation).then(|| Amputation {
                    surgical: Some(surgical),
                    sub_form: sub.and_then(|c| AmputationSubForm::from_code(c).ok()),
                });
                Some(Form {
                    id: Some(format!("031-{}", iin.serial())),
                    created_on,
                    patient: Patient { iin, birth_date: birth, sex, region: home },
                    organisation: Organisation { name: None, region: org_region, mis },
                    diagnosis: Diagnosis {
                        main,
                        complications: Vec::new(),
                        concomitant: Vec::new(),
                    },
                    examinations,
                    amputation,
                    vkk: Vkk {
                        protocol: Some("1".into()),
                        chair: Some("Председатель ВКК".into()),
                        signed_at: Some(signed_at),
                    },
                    sent_at: Some(sent_at),
                    expert_received_at: Some(received_at),
                    expert_concluded_at: Some(received_at),
                })
            },
        )
}

/// A complete strict form of any nosology (see [`complete_form_of`]).
pub fn complete_form() -> impl Strategy<Value = Form> {
    nosology().prop_flat_map(complete_form_of)
}

fn messy(valid: impl Strategy<Value = String> + 'static) -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        3 => valid.prop_map(Some),
        1 => Just(None),
        1 => Just(Some(String::new())),
        1 => ".{0,16}".prop_map(Some),
    ]
}

fn date_text() -> impl Strategy<Value = String> {
    (2024i32..2028, 1u32..13, 1u32..32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn datetime_text() -> impl Strategy<Value = String> {
    (date_text(), 0u32..25, 0u32..61, prop::bool::ANY).prop_map(|(d, h, m, z)| {
        if z { format!("{d}T{h:02}:{m:02}:00+05:00") } else { format!("{d}T{h:02}:{m:02}") }
    })
}

fn code_text() -> impl Strategy<Value = String> {
    prop_oneof![
        pilot_code(Nosology::Amputation).prop_map(|c| c.to_string()),
        pilot_code(Nosology::DownSyndrome).prop_map(|c| c.to_string()),
        pilot_code(Nosology::Mucopolysaccharidosis).prop_map(|c| c.to_string()),
        non_pilot_code().prop_map(|c| c.to_string()),
        "[A-ZА-Я][0-9]{2}\\.?[0-9]?",
    ]
}

/// An arbitrary lenient form: valid values mixed with blanks, garbage, impossible dates and
/// missing parts. Every one must yield a result without panicking.
pub fn wire_form() -> impl Strategy<Value = WireForm> {
    let patient = (
        messy("[0-9]{12}"),
        messy(date_text()),
        messy(prop_oneof![Just("male".to_owned()), Just("female".to_owned())]),
        messy(region().prop_map(|r| r.code().to_owned())),
    )
        .prop_map(|(iin, birth_date, sex, region)| WirePatient {
            iin,
            birth_date,
            sex,
            region,
        });
    let organisation = (
        messy(region().prop_map(|r| r.code().to_owned())),
        messy(mis().prop_map(|m| m.code().to_owned())),
    )
        .prop_map(|(region, mis)| WireOrganisation { name: None, region, mis });
    let diagnosis = (messy(code_text()), prop::collection::vec(code_text(), 0..3)).prop_map(
        |(main, complications)| WireDiagnosis { main, complications, concomitant: Vec::new() },
    );
    let exam = (
        messy(exam_kind().prop_map(|k| k.code().to_owned())),
        messy(date_text()),
        messy(".{1,8}".boxed()),
        messy(".{1,8}".boxed()),
    )
        .prop_map(|(kind, date, conclusion, document)| WireExamination {
            kind,
            date,
            conclusion,
            document,
        });
    let vkk = messy(datetime_text()).prop_map(|signed_at| WireVkk {
        protocol: None,
        chair: None,
        signed_at,
    });
    (
        messy(date_text()),
        proptest::option::of(patient),
        proptest::option::of(organisation),
        proptest::option::of(diagnosis),
        proptest::option::of(prop::collection::vec(exam, 0..8)),
        proptest::option::of((
            proptest::option::of(any::<bool>()),
            messy(Just("both_thumbs".to_owned())),
        ))
        .prop_map(|a| a.map(|(surgical, sub_form)| WireAmputation { surgical, sub_form })),
        proptest::option::of(vkk),
        (messy(datetime_text()), messy(datetime_text()), messy(datetime_text())),
    )
        .prop_map(
            |(
                created_on,
                patient,
                organisation,
                diagnosis,
                examinations,
                amputation,
                vkk,
                (sent, received, concluded),
            )| {
                WireForm {
                    id: None,
                    created_on,
                    patient,
                    organisation,
                    diagnosis,
                    examinations,
                    amputation,
                    vkk,
                    sent_at: sent,
                    expert_received_at: received,
                    expert_concluded_at: concluded,
                }
            },
        )
}
