//! Proptest strategies for downstream tests (feature `proptest`): valid sheets, and batches with
//! one chosen defect, each defect mapped to the rule it must trigger.
//!
//! Every sheet of [`valid_sheet`] is checked by a fresh [`crate::Checker`] with no finding at
//! all; every [`DefectCase`] has, on its target record, a finding of [`Defect::rule`]. Synthetic
//! ИИН only (the project's generator); issue dates 2023-02-01 to 2026-05-16, inside the
//! built-in calendar.

use chrono::{Datelike, Days, NaiveDate};
use ereje_findings::Rule;
use ereje_icd10::Icd10Code;
use ereje_id::{Iin, Sex};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Number;

use crate::law::{self, MATERNITY_CASES};
use crate::model::*;
use crate::routing::RoutingContext;
use crate::rules::*;
use crate::wire::{WirePeriod, WireReleasePeriod, WireSheet, WireSheetRef, WireSignatory, WireStr};

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

/// A required item a defect removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequiredItem {
    /// Item 1.
    Number,
    /// Item 2.
    Status,
    /// Item 3.
    Type,
    /// Item 4.
    Sex,
    /// Item 5 (name).
    OrganisationName,
    /// Item 6.
    IssueDate,
    /// Item 7.
    Age,
    /// Item 8 (surname).
    Surname,
    /// Item 9.
    Workplace,
    /// Item 10.
    Position,
    /// Item 11.
    Icd10,
    /// Item 13.
    Kind,
    /// Item 18.
    Regime,
    /// Item 20.
    Doctor,
    /// Item 29 (the whole table).
    ReleasePeriods,
    /// Item 31 (the first row's doctor).
    PeriodDoctorName,
    /// Item 38.
    SenderMis,
}

impl RequiredItem {
    /// Every item a defect may remove.
    pub const ALL: &'static [RequiredItem] = &[
        RequiredItem::Number,
        RequiredItem::Status,
        RequiredItem::Type,
        RequiredItem::Sex,
        RequiredItem::OrganisationName,
        RequiredItem::IssueDate,
        RequiredItem::Age,
        RequiredItem::Surname,
        RequiredItem::Workplace,
        RequiredItem::Position,
        RequiredItem::Icd10,
        RequiredItem::Kind,
        RequiredItem::Regime,
        RequiredItem::Doctor,
        RequiredItem::ReleasePeriods,
        RequiredItem::PeriodDoctorName,
        RequiredItem::SenderMis,
    ];

    fn remove(self, w: &mut WireSheet<'static>) {
        match self {
            RequiredItem::Number => w.number = None,
            RequiredItem::Status => w.status = None,
            RequiredItem::Type => w.sheet_type = None,
            RequiredItem::Sex => w.sex = Some(WireStr::from("  ")),
            RequiredItem::OrganisationName => {
                if let Some(o) = &mut w.organisation {
                    o.name = None;
                }
            }
            RequiredItem::IssueDate => w.issue_date = None,
            RequiredItem::Age => w.age = None,
            RequiredItem::Surname => w.full_name = None,
            RequiredItem::Workplace => w.workplace = Some(WireStr::from("")),
            RequiredItem::Position => w.position = None,
            RequiredItem::Icd10 => w.icd10 = None,
            RequiredItem::Kind => w.kind = None,
            RequiredItem::Regime => w.regime = None,
            RequiredItem::Doctor => w.doctor = None,
            RequiredItem::ReleasePeriods => w.release_periods = Some(Vec::new()),
            RequiredItem::PeriodDoctorName => {
                if let Some(row) = w.release_periods.as_mut().and_then(|r| r.first_mut()) {
                    row.doctor = Some(WireSignatory {
                        name: None,
                        ..row.doctor.clone().unwrap_or_default()
                    });
                }
            }
            RequiredItem::SenderMis => w.sender_mis = None,
        }
    }
}

/// One defect, put into otherwise valid sheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Defect {
    /// A required item removed (`SL-001`).
    MissingItem(RequiredItem),
    /// The ИИН's check digit changed (`SL-002`).
    InvalidIin,
    /// An issue date of 30 February (`SL-003`).
    ImpossibleDate,
    /// An ICD-10 code with a decimal comma (`SL-004`).
    MalformedIcd,
    /// A type the appendix does not name (`SL-005`).
    TypeNotAllowed,
    /// An age of x.5 years (`SL-006`).
    FractionalAge,
    /// Item 4 the other sex (`SL-007`).
    SexMismatch,
    /// Item 7 one year off (`SL-008`).
    AgeMismatch,
    /// The same sheet twice (`SL-009`).
    Duplicate,
    /// A closed maternity sheet of 100 days (`SL-010`).
    MaternityLength,
    /// An unknown kind (`SL-011`).
    UnknownKind,
    /// Type closure with status open (`SL-012`).
    ClosureNotClosed,
    /// A continuation without `continues` (`SL-013`).
    ContinuationWithoutPrevious,
    /// A closed sheet without outcome, return to work or new sheet (`SL-014`).
    NoOutcome,
    /// A closed sheet with outcome death and a return-to-work date (`SL-015`).
    IncompatibleOutcomes,
    /// A closed sheet without final ICD-10 (`SL-016`).
    NoFinalIcd,
    /// A closed sheet without closing doctor (`SL-017`).
    NoClosingDoctor,
    /// A transfer to other work that ends before it starts (`SL-018`).
    ReversedPeriod,
    /// A second release period three days after the first (`SL-019`).
    ReleaseGap,
    /// Return to work 15 days after the last release day (`SL-020`).
    LateReturn,
    /// An inpatient stay starting before the release (`SL-021`).
    InpatientOutside,
    /// An inpatient stay with the outpatient regime (`SL-022`).
    InpatientRegime,
    /// Referred to МСЭ without doctor or date (`SL-023`).
    MseReferralIncomplete,
    /// Examined before the referral (`SL-024`).
    MseExaminedBeforeReferral,
    /// Examined without conclusion (`SL-025`).
    MseWithoutConclusion,
    /// Care of a sick child without the child's items (`SL-026`).
    ChildItemsMissing,
    /// Quarantine of a child without the disease at quarantine (`SL-027`).
    QuarantineItemsMissing,
    /// Sanatorium after-care without voucher dates (`SL-028`).
    SanatoriumDatesMissing,
    /// A maternity sheet for a man (`SL-029`).
    MaternityMale,
    /// A maternity sheet at week 25 (`SL-030`).
    EarlyMaternity,
    /// `gestational_weeks` of 50 (`SL-031`).
    BadGestationalWeeks,
    /// A continuation starting three days after its predecessor (`SL-032`).
    ChainGap,
    /// Two sheets of one person on the same days (`SL-033`).
    Overlap,
    /// A continuation before the sheet it continues (`SL-034`).
    PredecessorLater,
    /// The predecessor names another new sheet (`SL-035`).
    NewSheetMismatch,
    /// The first release day before the issue date (`SL-036`, info).
    Retroactive,
    /// A well-formed code the WHO list lacks (`ICD-UNKNOWN`).
    UnknownIcd,
    /// A Cyrillic letter in the code (`ICD-CYRILLIC`, info).
    CyrillicIcd,
}

impl Defect {
    /// Every defect (with each required item).
    pub fn all() -> Vec<Defect> {
        let mut out: Vec<Defect> =
            RequiredItem::ALL.iter().map(|i| Defect::MissingItem(*i)).collect();
        out.extend([
            Defect::InvalidIin,
            Defect::ImpossibleDate,
            Defect::MalformedIcd,
            Defect::TypeNotAllowed,
            Defect::FractionalAge,
            Defect::SexMismatch,
            Defect::AgeMismatch,
            Defect::Duplicate,
            Defect::MaternityLength,
            Defect::UnknownKind,
            Defect::ClosureNotClosed,
            Defect::ContinuationWithoutPrevious,
            Defect::NoOutcome,
            Defect::IncompatibleOutcomes,
            Defect::NoFinalIcd,
            Defect::NoClosingDoctor,
            Defect::ReversedPeriod,
            Defect::ReleaseGap,
            Defect::LateReturn,
            Defect::InpatientOutside,
            Defect::InpatientRegime,
            Defect::MseReferralIncomplete,
            Defect::MseExaminedBeforeReferral,
            Defect::MseWithoutConclusion,
            Defect::ChildItemsMissing,
            Defect::QuarantineItemsMissing,
            Defect::SanatoriumDatesMissing,
            Defect::MaternityMale,
            Defect::EarlyMaternity,
            Defect::BadGestationalWeeks,
            Defect::ChainGap,
            Defect::Overlap,
            Defect::PredecessorLater,
            Defect::NewSheetMismatch,
            Defect::Retroactive,
            Defect::UnknownIcd,
            Defect::CyrillicIcd,
        ]);
        out
    }

    /// The rule the defect must trigger on the case's target record.
    pub fn rule(self) -> &'static Rule {
        match self {
            Defect::MissingItem(_) => &REQUIRED_ITEM_MISSING,
            Defect::InvalidIin => &IIN_INVALID,
            Defect::ImpossibleDate => &DATE_INVALID,
            Defect::MalformedIcd => &ICD_MALFORMED,
            Defect::TypeNotAllowed => &VALUE_NOT_ALLOWED,
            Defect::FractionalAge => &AGE_NOT_WHOLE,
            Defect::SexMismatch => &SEX_MISMATCH,
            Defect::AgeMismatch => &AGE_MISMATCH,
            Defect::Duplicate => &DUPLICATE_NUMBER,
            Defect::MaternityLength => &MATERNITY_LENGTH,
            Defect::UnknownKind => &VALUE_UNKNOWN,
            Defect::ClosureNotClosed => &TYPE_STATUS_MISMATCH,
            Defect::ContinuationWithoutPrevious => &CONTINUATION_WITHOUT_PREVIOUS,
            Defect::NoOutcome => &CLOSED_WITHOUT_OUTCOME,
            Defect::IncompatibleOutcomes => &CLOSED_INCOMPATIBLE_OUTCOMES,
            Defect::NoFinalIcd => &CLOSED_WITHOUT_FINAL_ICD,
            Defect::NoClosingDoctor => &CLOSED_WITHOUT_CLOSING_DOCTOR,
            Defect::ReversedPeriod => &PERIOD_REVERSED,
            Defect::ReleaseGap => &RELEASE_PERIODS_NOT_CONTIGUOUS,
            Defect::LateReturn => &RETURN_TO_WORK_DATE,
            Defect::InpatientOutside => &INPATIENT_OUTSIDE_INCAPACITY,
            Defect::InpatientRegime => &INPATIENT_REGIME,
            Defect::MseReferralIncomplete => &MSE_REFERRAL_INCOMPLETE,
            Defect::MseExaminedBeforeReferral => &MSE_EXAMINED_BEFORE_REFERRAL,
            Defect::MseWithoutConclusion => &MSE_EXAMINED_WITHOUT_CONCLUSION,
            Defect::ChildItemsMissing => &CHILD_CARE_ITEMS_MISSING,
            Defect::QuarantineItemsMissing => &QUARANTINE_CHILD_ITEMS_MISSING,
            Defect::SanatoriumDatesMissing => &SANATORIUM_DATES_MISSING,
            Defect::MaternityMale => &MATERNITY_MALE,
            Defect::EarlyMaternity => &MATERNITY_BEFORE_ISSUE_WEEK,
            Defect::BadGestationalWeeks => &GESTATIONAL_WEEKS_INVALID,
            Defect::ChainGap => &CHAIN_NOT_CONTIGUOUS,
            Defect::Overlap => &SHEETS_OVERLAP,
            Defect::PredecessorLater => &PREDECESSOR_AFTER_CONTINUATION,
            Defect::NewSheetMismatch => &NEW_SHEET_MISMATCH,
            Defect::Retroactive => &RETROACTIVE_ISSUE,
            Defect::UnknownIcd => &ereje_icd10::ICD_UNKNOWN,
            Defect::CyrillicIcd => &ereje_icd10::ICD_CYRILLIC,
        }
    }
}

/// A batch with one defect: checked in order by a fresh checker, the record `target` has a
/// finding of `defect.rule()`.
#[derive(Debug, Clone, PartialEq)]
pub struct DefectCase {
    /// The defect.
    pub defect: Defect,
    /// The records, in input order.
    pub sheets: Vec<WireSheet<'static>>,
    /// The index of the record that carries the finding.
    pub target: usize,
}

fn text(s: impl Into<String>) -> Option<WireStr<'static>> {
    Some(WireStr::from(s.into()))
}

fn date_text(d: NaiveDate) -> Option<WireStr<'static>> {
    text(d.to_string())
}

fn last_day(s: &Sheet) -> NaiveDate {
    s.incapacity().map_or(s.issue_date, |p| p.to)
}

fn first_day(s: &Sheet) -> NaiveDate {
    s.incapacity().map_or(s.issue_date, |p| p.from)
}

/// A continuation of `s` (same person) starting `shift` days after its last release day.
fn continuation_of(s: &Sheet, shift: u32, number: &str) -> WireSheet<'static> {
    let start = add(last_day(s), shift);
    let mut w = WireSheet::from(s);
    w.number = text(number);
    w.sheet_type = text("continuation");
    w.status = text("closed");
    w.issue_date = date_text(start);
    w.age = s.iin.age_on(start).map(Number::from);
    w.continues = Some(WireSheetRef {
        series: s.series.clone().and_then(text),
        number: text(s.number.as_str()),
    });
    w.release_periods = Some(vec![WireReleasePeriod {
        from: date_text(start),
        to: date_text(add(start, 4)),
        doctor: s.release_periods.first().map(|p| WireSignatory {
            position: text(p.doctor.position.clone()),
            name: text(p.doctor.name.clone()),
        }),
        second_doctor: None,
    }]);
    w.return_to_work = date_text(add(start, 5));
    w.outcome = text("return_to_work");
    w.final_icd10 = text(s.icd10.to_string());
    w.closing_doctor =
        w.release_periods.as_ref().and_then(|r| r.first()).and_then(|r| r.doctor.clone());
    w
}

/// The predecessor of a chain: closed with a new sheet issued instead of a return to work.
fn predecessor(s: &Sheet, next: Option<&str>) -> WireSheet<'static> {
    let mut w = WireSheet::from(s);
    w.status = text("closed");
    w.final_icd10 = text(s.icd10.to_string());
    w.closing_doctor =
        w.release_periods.as_ref().and_then(|r| r.first()).and_then(|r| r.doctor.clone());
    w.return_to_work = None;
    w.outcome = text("new_sheet");
    w.new_sheet =
        next.map(|n| WireSheetRef { series: s.series.clone().and_then(text), number: text(n) });
    w
}

fn other_number(s: &Sheet, delta: u32) -> String {
    let n: u32 = s.number.as_str().parse().unwrap_or(0);
    format!("{:07}", (n + delta) % 10_000_000)
}

fn single(defect: Defect, w: WireSheet<'static>) -> DefectCase {
    DefectCase { defect, sheets: vec![w], target: 0 }
}

/// A batch with `defect`.
pub fn case_with(defect: Defect) -> BoxedStrategy<DefectCase> {
    use IncapacityKind as K;
    let any_kind = configured(None, None, None);
    let disease = || configured(Some(K::Disease), None, None);
    let closed = || configured(Some(K::Disease), Some(true), None);
    let modify = move |base: BoxedStrategy<Sheet>, f: fn(&Sheet, &mut WireSheet<'static>)| {
        base.prop_map(move |s| {
            let mut w = WireSheet::from(&s);
            f(&s, &mut w);
            single(defect, w)
        })
        .boxed()
    };
    match defect {
        Defect::MissingItem(item) => any_kind
            .prop_map(move |s| {
                let mut w = WireSheet::from(&s);
                item.remove(&mut w);
                single(defect, w)
            })
            .boxed(),
        Defect::InvalidIin => modify(any_kind.boxed(), |s, w| {
            let mut digits: Vec<u8> = s.iin.as_str().bytes().collect();
            if let Some(last) = digits.last_mut() {
                *last = b'0' + (*last - b'0' + 1) % 10;
            }
            w.iin = text(String::from_utf8_lossy(&digits).into_owned());
        }),
        Defect::ImpossibleDate => modify(any_kind.boxed(), |s, w| {
            w.issue_date = text(format!("{}-02-30", s.issue_date.year()));
        }),
        Defect::MalformedIcd => modify(any_kind.boxed(), |s, w| {
            let code = s.icd10.to_string();
            w.icd10 =
                text(if code.contains('.') { code.replace('.', ",") } else { format!("{code},0") });
        }),
        Defect::TypeNotAllowed => modify(any_kind.boxed(), |_, w| w.sheet_type = text("first")),
        Defect::FractionalAge => modify(any_kind.boxed(), |s, w| {
            w.age = Number::from_f64(f64::from(s.age) + 0.5);
        }),
        Defect::SexMismatch => modify(disease().boxed(), |s, w| {
            w.sex = text(if s.sex == Sex::Male { "female" } else { "male" });
        }),
        Defect::AgeMismatch => {
            modify(any_kind.boxed(), |s, w| w.age = Some(Number::from(s.age + 1)))
        }
        Defect::Duplicate => any_kind
            .prop_map(move |s| {
                let w = WireSheet::from(&s);
                DefectCase { defect, sheets: vec![w.clone(), w], target: 1 }
            })
            .boxed(),
        Defect::MaternityLength => {
            modify(configured(Some(K::Maternity), Some(true), None).boxed(), |s, w| {
                set_single_period(s, w, s.issue_date, add(s.issue_date, 99));
            })
        }
        Defect::UnknownKind => modify(any_kind.boxed(), |_, w| w.kind = text("flu")),
        Defect::ClosureNotClosed => modify(any_kind.boxed(), |_, w| {
            w.sheet_type = text("closure");
            w.status = text("open");
        }),
        Defect::ContinuationWithoutPrevious => modify(disease().boxed(), |_, w| {
            w.sheet_type = text("continuation");
            w.continues = None;
        }),
        Defect::NoOutcome => modify(closed().boxed(), |_, w| {
            w.outcome = None;
            w.return_to_work = None;
            w.new_sheet = None;
        }),
        Defect::IncompatibleOutcomes => modify(closed().boxed(), |_, w| w.outcome = text("death")),
        Defect::NoFinalIcd => modify(closed().boxed(), |_, w| w.final_icd10 = None),
        Defect::NoClosingDoctor => modify(closed().boxed(), |_, w| w.closing_doctor = None),
        Defect::ReversedPeriod => modify(any_kind.boxed(), |s, w| {
            w.other_work = Some(WirePeriod {
                from: date_text(add(s.issue_date, 5)),
                to: date_text(s.issue_date),
            });
        }),
        Defect::ReleaseGap => modify(disease().boxed(), |s, w| {
            let from = add(last_day(s), 3);
            if let Some(rows) = &mut w.release_periods {
                let doctor = rows.first().and_then(|r| r.doctor.clone());
                rows.push(WireReleasePeriod {
                    from: date_text(from),
                    to: date_text(add(from, 2)),
                    doctor,
                    second_doctor: None,
                });
            }
        }),
        Defect::LateReturn => {
            modify(closed().boxed(), |s, w| w.return_to_work = date_text(add(last_day(s), 15)))
        }
        Defect::InpatientOutside => modify(disease().boxed(), |s, w| {
            w.regime = text("inpatient");
            w.inpatient_stay = Some(WirePeriod {
                from: date_text(sub(first_day(s), 3)),
                to: date_text(first_day(s)),
            });
        }),
        Defect::InpatientRegime => modify(disease().boxed(), |s, w| {
            w.regime = text("outpatient");
            w.inpatient_stay =
                Some(WirePeriod { from: date_text(first_day(s)), to: date_text(first_day(s)) });
        }),
        Defect::MseReferralIncomplete => modify(disease().boxed(), |_, w| {
            w.mse = Some(crate::wire::WireMse { referred: Some(true), ..Default::default() });
        }),
        Defect::MseExaminedBeforeReferral => modify(disease().boxed(), |s, w| {
            w.mse = Some(crate::wire::WireMse {
                referred: Some(true),
                referral_date: date_text(add(s.issue_date, 10)),
                referring_doctor: text("Жумабеков Е. К."),
                examination_date: date_text(add(s.issue_date, 5)),
                conclusion: text("инвалидность не установлена"),
                head: text("Ибраев Н. Т."),
            });
        }),
        Defect::MseWithoutConclusion => modify(disease().boxed(), |s, w| {
            w.mse = Some(crate::wire::WireMse {
                referred: Some(true),
                referral_date: date_text(s.issue_date),
                referring_doctor: text("Жумабеков Е. К."),
                examination_date: date_text(add(s.issue_date, 1)),
                conclusion: None,
                head: None,
            });
        }),
        Defect::ChildItemsMissing => {
            modify(configured(Some(K::ChildCare), None, None).boxed(), |_, w| {
                w.child_age = None;
                w.child_icd10 = None;
            })
        }
        Defect::QuarantineItemsMissing => {
            modify(configured(Some(K::Quarantine), None, None).boxed(), |_, w| {
                w.child_age = Some(Number::from(5));
                w.child_quarantine_icd10 = None;
            })
        }
        Defect::SanatoriumDatesMissing => {
            modify(configured(Some(K::Sanatorium), None, None).boxed(), |_, w| w.sanatorium = None)
        }
        Defect::MaternityMale => {
            modify(configured(Some(K::Disease), None, Some(Sex::Male)).boxed(), |_, w| {
                w.kind = text("maternity");
            })
        }
        Defect::EarlyMaternity => {
            modify(configured(Some(K::Maternity), None, None).boxed(), |s, w| {
                set_single_period(s, w, s.issue_date, add(s.issue_date, 125));
                w.gestational_weeks = Some(Number::from(25));
            })
        }
        Defect::BadGestationalWeeks => {
            modify(configured(Some(K::Maternity), None, None).boxed(), |_, w| {
                w.gestational_weeks = Some(Number::from(50));
            })
        }
        Defect::ChainGap => disease()
            .prop_map(move |s| {
                let next = other_number(&s, 1);
                let first = predecessor(&s, Some(&next));
                let second = continuation_of(&s, 3, &next);
                DefectCase { defect, sheets: vec![first, second], target: 1 }
            })
            .boxed(),
        Defect::Overlap => disease()
            .prop_map(move |s| {
                let first = WireSheet::from(&s);
                let mut second = first.clone();
                second.number = text(other_number(&s, 1));
                DefectCase { defect, sheets: vec![first, second], target: 1 }
            })
            .boxed(),
        Defect::PredecessorLater => disease()
            .prop_map(move |s| {
                let next = other_number(&s, 1);
                let first = predecessor(&s, Some(&next));
                let second = continuation_of(&s, 1, &next);
                DefectCase { defect, sheets: vec![second, first], target: 1 }
            })
            .boxed(),
        Defect::NewSheetMismatch => disease()
            .prop_map(move |s| {
                let next = other_number(&s, 1);
                let first = predecessor(&s, Some(&other_number(&s, 2)));
                let second = continuation_of(&s, 1, &next);
                DefectCase { defect, sheets: vec![first, second], target: 1 }
            })
            .boxed(),
        Defect::Retroactive => modify(disease().boxed(), |s, w| {
            if let Some(row) = w.release_periods.as_mut().and_then(|r| r.first_mut()) {
                row.from = date_text(sub(s.issue_date, 2));
            }
        }),
        Defect::UnknownIcd => modify(any_kind.boxed(), |_, w| w.icd10 = text("U99.9")),
        Defect::CyrillicIcd => modify(any_kind.boxed(), |_, w| w.icd10 = text("Т14.0")),
    }
}

/// Replaces the release table by one period.
fn set_single_period(s: &Sheet, w: &mut WireSheet<'static>, from: NaiveDate, to: NaiveDate) {
    let doctor = s.release_periods.first().map(|p| WireSignatory {
        position: text(p.doctor.position.clone()),
        name: text(p.doctor.name.clone()),
    });
    w.release_periods = Some(vec![WireReleasePeriod {
        from: date_text(from),
        to: date_text(to),
        doctor,
        second_doctor: None,
    }]);
    if w.return_to_work.is_some() {
        w.return_to_work = date_text(add(to, 1));
    }
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
