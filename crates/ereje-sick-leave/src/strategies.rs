//! Proptest strategies for downstream tests (feature `proptest`): valid sheets, and batches with
//! one chosen defect, each defect mapped to the rule it must trigger.
//!
//! Every sheet of [`valid_sheet`] is checked by a fresh [`crate::Checker`] with no finding at
//! all; every [`DefectCase`] has, on its target record, a finding of [`Defect::rule`] (the
//! defects and how they are put in live in [`crate::defect`], shared with the generator).
//! Synthetic ИИН only (the project's generator); issue dates 2023-02-01 to 2026-05-16, inside
//! the built-in calendar.

use chrono::{Days, NaiveDate};
use ereje_icd10::Icd10Code;
use ereje_id::{Iin, Sex};
use proptest::prelude::*;
use proptest::sample::select;

pub use crate::defect::{Defect, DefectCase, Needs, RequiredItem};
use crate::law::{self, MATERNITY_CASES};
use crate::model::*;
use crate::routing::RoutingContext;
use crate::wire::WireSheet;

/// ICD-10 codes of the WHO list used for adults' sheets.
pub const ADULT_CODES: &[&str] =
    &["J06.9", "J20.9", "A09", "M54.5", "I10", "K29.7", "S93.4", "N39.0"];
/// ICD-10 codes used for a sick child.
pub const CHILD_CODES: &[&str] = &["J02.9", "B01.9", "A08.4", "J06.9"];
/// The ICD-10 code used on maternity sheets (supervision of normal pregnancy).
pub const MATERNITY_CODE: &str = "Z34.9";

const SURNAMES: &[&str] = &["Ахметова", "Серікбаев", "Иванова", "Нұрланұлы", "Ким", "Абдрахманов"];
const NAMES: &[&str] = &["Динара", "Ерлан", "Айгерим", "Сергей", "Мәдина", "Асхат"];
const DOCTORS: &[&str] = &["Сапарова А. Н.", "Жумабеков Е. К.", "Петрова О. В.", "Оспанов Д. С."];
const POSITIONS: &[&str] = &["врач общей практики", "терапевт", "педиатр", "заведующий отделением"];
const WORKPLACES: &[&str] =
    &["ГУ «Министерство здравоохранения»", "ГУ «Акимат города Астаны»", "ТОО «Астана Сервис»"];
const JOBS: &[&str] = &["главный эксперт", "руководитель управления", "бухгалтер", "инженер"];
const SERIES: &[&str] = &["АА", "АБ", "ВК"];

const FIRST_ISSUE: NaiveDate = match NaiveDate::from_ymd_opt(2023, 2, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

fn code(s: &str) -> Option<Icd10Code> {
    Icd10Code::from_canonical(s)
}

fn add(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n))).unwrap_or(d)
}

fn sub(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(n))).unwrap_or(d)
}

/// The random choices a valid sheet is built from.
#[derive(Debug, Clone)]
struct Choices {
    issue_offset: u32,
    kind: IncapacityKind,
    age: u32,
    birth_shift: u32,
    sex: Sex,
    serial: u16,
    rows: Vec<u32>,
    maternity_case: usize,
    split: bool,
    weeks: u8,
    with_weeks: bool,
    inpatient: bool,
    stay_len: u32,
    closed: bool,
    closure_type: bool,
    continuation: bool,
    child_age: u8,
    pick: usize,
    quarantine_child: bool,
    mse: bool,
    number: u32,
    second_doctor: bool,
    violation: bool,
    routing: Option<RoutingContext>,
}

fn kind() -> impl Strategy<Value = IncapacityKind> {
    prop_oneof![
        4 => Just(IncapacityKind::Disease),
        2 => Just(IncapacityKind::Injury),
        2 => Just(IncapacityKind::ChildCare),
        2 => Just(IncapacityKind::Maternity),
        1 => Just(IncapacityKind::Abortion),
        1 => Just(IncapacityKind::Adoption),
        1 => Just(IncapacityKind::Sanatorium),
        1 => Just(IncapacityKind::Quarantine),
        1 => Just(IncapacityKind::Prosthetics),
        1 => Just(IncapacityKind::Tuberculosis),
        1 => Just(IncapacityKind::Other),
    ]
}

fn routing_context() -> impl Strategy<Value = Option<RoutingContext>> {
    prop::option::of((any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(a, l, f)| {
        RoutingContext { attached_to_bmc: a, lives_in_astana: l, first_polyclinic_department: f }
    }))
}

fn choices() -> impl Strategy<Value = Choices> {
    let person = (
        0u32..1200,
        kind(),
        18u32..=64,
        0u32..=364,
        prop_oneof![Just(Sex::Male), Just(Sex::Female)],
        0u16..9000,
    );
    let periods = (
        prop::collection::vec(1u32..=10, 1..=3),
        0..MATERNITY_CASES.len(),
        any::<bool>(),
        30u8..=40,
        any::<bool>(),
        any::<bool>(),
        0u32..=5,
    );
    let state = (
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.2),
        0u8..=17,
        0usize..1000,
        any::<bool>(),
    );
    let rest = (
        prop::bool::weighted(0.1),
        0u32..9_999_999,
        any::<bool>(),
        prop::bool::weighted(0.1),
        routing_context(),
    );
    (person, periods, state, rest).prop_map(
        |(
            (issue_offset, kind, age, birth_shift, sex, serial),
            (rows, maternity_case, split, weeks, with_weeks, inpatient, stay_len),
            (closed, closure_type, continuation, child_age, pick, quarantine_child),
            (mse, number, second_doctor, violation, routing),
        )| Choices {
            issue_offset,
            kind,
            age,
            birth_shift,
            sex,
            serial,
            rows,
            maternity_case,
            split,
            weeks,
            with_weeks,
            inpatient,
            stay_len,
            closed,
            closure_type,
            continuation,
            child_age,
            pick,
            quarantine_child,
            mse,
            number,
            second_doctor,
            violation,
            routing,
        },
    )
}

fn pick<'a>(list: &[&'a str], i: usize) -> &'a str {
    list.get(i % list.len().max(1)).copied().unwrap_or("")
}

/// Builds a valid sheet from the choices; `None` when the generator cannot issue the ИИН.
fn build(c: &Choices) -> Option<Sheet> {
    let issue = add(FIRST_ISSUE, c.issue_offset);
    let maternity = c.kind == IncapacityKind::Maternity;
    let sex = if maternity { Sex::Female } else { c.sex };
    let age = if maternity { 18 + c.age % 28 } else { c.age };
    let birth = sub(issue, age * 365 + age / 4 + c.birth_shift);
    let iin = Iin::next_issued(birth, sex, c.serial).ok()?;
    let age = u8::try_from(iin.age_on(issue)?).ok()?;

    let doctor = |i: usize| Signatory {
        position: pick(POSITIONS, i).to_owned(),
        name: pick(DOCTORS, i).to_owned(),
    };
    let lengths: Vec<u32> = if maternity {
        let total = MATERNITY_CASES.get(c.maternity_case)?.days;
        if c.split { vec![total / 2, total - total / 2] } else { vec![total] }
    } else {
        c.rows.clone()
    };
    let mut release_periods = Vec::with_capacity(lengths.len());
    let mut from = issue;
    for (i, len) in lengths.iter().enumerate() {
        let to = add(from, len.saturating_sub(1));
        release_periods.push(ReleasePeriod {
            from,
            to,
            doctor: doctor(c.pick + i),
            second_doctor: (i > 0 && c.second_doctor).then(|| doctor(c.pick + i + 1)),
        });
        from = add(to, 1);
    }
    let last = sub(from, 1);
    let total: u32 = lengths.iter().sum();

    let icd = if maternity {
        code(MATERNITY_CODE)?
    } else if c.kind == IncapacityKind::ChildCare {
        code(pick(CHILD_CODES, c.pick))?
    } else {
        code(pick(ADULT_CODES, c.pick))?
    };
    let number = format!("{:07}", c.number);
    let series = pick(SERIES, c.pick).to_owned();
    let continues = if c.continuation && !maternity {
        Some(SheetRef {
            series: Some(series.clone()),
            number: SheetNumber::new(&format!("{:07}", (c.number + 1) % 10_000_000)).ok()?,
        })
    } else {
        None
    };
    let sheet_type = match (c.closed && c.closure_type, continues.is_some()) {
        (_, true) => SheetType::Continuation,
        (true, false) => SheetType::Closure,
        (false, false) => SheetType::Primary,
    };
    let status = match (c.closed, continues.is_some()) {
        (true, _) => Status::Closed,
        (false, true) => Status::Extended,
        (false, false) => Status::Open,
    };
    let inpatient = c.inpatient && !maternity;
    let case = MATERNITY_CASES.get(c.maternity_case);
    let postnatal_only = case.is_some_and(|k| k.postnatal_only);
    Some(Sheet {
        series: Some(series),
        number: SheetNumber::new(&number).ok()?,
        status,
        sheet_type,
        sex,
        organisation: Organisation {
            name: "РГП «Больница Медицинского центра Управления делами Президента Республики Казахстан» на ПХВ"
                .to_owned(),
            address: "г. Астана".to_owned(),
        },
        issue_date: issue,
        age,
        full_name: FullName {
            surname: pick(SURNAMES, c.pick).to_owned(),
            name: pick(NAMES, c.pick / 7).to_owned(),
            patronymic: (c.pick % 3 != 0).then(|| "Серікқызы".to_owned()),
        },
        workplace: pick(WORKPLACES, c.pick / 3).to_owned(),
        position: pick(JOBS, c.pick / 5).to_owned(),
        icd10: icd,
        final_icd10: c.closed.then_some(icd),
        kind: c.kind,
        child_age: (c.kind == IncapacityKind::ChildCare
            || (c.kind == IncapacityKind::Quarantine && c.quarantine_child))
            .then_some(c.child_age),
        child_icd10: if c.kind == IncapacityKind::ChildCare { code(pick(CHILD_CODES, c.pick)) } else { None },
        child_quarantine_icd10: if c.kind == IncapacityKind::Quarantine && c.quarantine_child {
            code(pick(CHILD_CODES, c.pick + 1))
        } else {
            None
        },
        sanatorium: (c.kind == IncapacityKind::Sanatorium).then_some(Period { from: issue, to: last }),
        regime: if inpatient { Regime::Inpatient } else { Regime::Outpatient },
        regime_violations: if c.violation {
            vec![RegimeViolation { date: Some(issue), mark: "неявка на приём".to_owned() }]
        } else {
            Vec::new()
        },
        doctor: pick(DOCTORS, c.pick).to_owned(),
        inpatient_stay: inpatient
            .then(|| Period { from: issue, to: add(issue, c.stay_len.min(total.saturating_sub(1))) }),
        other_work: None,
        chief_doctor: (c.pick % 2 == 0).then(|| "Цой А. В.".to_owned()),
        mse: if c.mse && !maternity {
            Mse {
                referred: true,
                referral_date: Some(issue),
                referring_doctor: Some(pick(DOCTORS, c.pick + 2).to_owned()),
                examination_date: Some(last),
                conclusion: Some("инвалидность не установлена".to_owned()),
                head: Some("Ибраев Н. Т.".to_owned()),
            }
        } else {
            Mse::default()
        },
        release_periods,
        return_to_work: c.closed.then(|| add(last, 1)),
        new_sheet: None,
        closing_doctor: c.closed.then(|| doctor(c.pick)),
        sender_mis: "МИС БМЦ".to_owned(),
        outcome: c.closed.then_some(ClosingOutcome::ReturnToWork),
        iin,
        continues,
        gestational_weeks: (maternity && c.with_weeks && !postnatal_only).then_some(c.weeks),
        routing: c.routing,
    })
}

/// A valid sheet: no finding at all when checked alone.
pub fn valid_sheet() -> impl Strategy<Value = Sheet> {
    choices().prop_filter_map("the generator issued no ИИН", |c| build(&c))
}

/// A valid sheet on the wire.
pub fn valid_wire() -> impl Strategy<Value = WireSheet<'static>> {
    valid_sheet().prop_map(|s| WireSheet::from(&s))
}

/// A valid sheet with some choices fixed.
fn configured(
    kind: Option<IncapacityKind>,
    closed: Option<bool>,
    sex: Option<Sex>,
) -> impl Strategy<Value = Sheet> {
    choices().prop_filter_map("the generator issued no ИИН", move |mut c| {
        if let Some(k) = kind {
            c.kind = k;
        }
        if let Some(closed) = closed {
            c.closed = closed;
        }
        if let Some(s) = sex {
            c.sex = s;
        }
        c.continuation = false;
        build(&c)
    })
}

/// A batch with `defect`: a valid base sheet as [`Defect::needs`] describes it, with the defect
/// put in by [`Defect::apply`].
pub fn case_with(defect: Defect) -> BoxedStrategy<DefectCase> {
    let needs = defect.needs();
    configured(needs.kind, needs.closed, needs.sex).prop_map(move |s| defect.apply(&s)).boxed()
}

/// Any defect.
pub fn any_defect() -> impl Strategy<Value = Defect> {
    select(Defect::all())
}

/// A batch with any one defect.
pub fn any_defect_case() -> impl Strategy<Value = DefectCase> {
    any_defect().prop_flat_map(case_with)
}

/// The plausibility bound the generator keeps gestational ages in (for downstream generators).
pub fn gestational_weeks() -> impl Strategy<Value = u8> {
    law::GESTATIONAL_WEEKS
}
