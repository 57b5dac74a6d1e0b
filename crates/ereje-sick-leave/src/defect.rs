//! One-defect sheets: the defects a sender's data can carry (a required item missing, a wrong
//! ИИН, an inconsistent period, …), each mapped to the rule it must trigger, and how to put one
//! into an otherwise valid sheet.
//!
//! Shared by the proptest strategies (`crate::strategies`, feature `proptest`) and the
//! synthetic-sheet generator ([`crate::generate`]): [`Defect::needs`] says what base sheet a
//! defect needs (a kind, a closed sheet, a sex), [`Defect::apply`] puts it in. The result is a
//! [`DefectCase`]: one record, or two for the defects that involve two sheets (a duplicate, a
//! chain, an overlap), with the record that carries the finding.

use chrono::{Datelike, Days, NaiveDate};
use ereje_findings::Rule;
use ereje_id::Sex;
use serde_json::Number;

use crate::model::{IncapacityKind, Sheet};
use crate::rules::*;
use crate::wire::{
    WireMse, WirePeriod, WireReleasePeriod, WireSheet, WireSheetRef, WireSignatory, WireStr,
};

fn add(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n))).unwrap_or(d)
}

fn sub(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(n))).unwrap_or(d)
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

/// What base sheet a defect needs: a valid sheet that continues no other, with these choices
/// fixed (`None`: any).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Needs {
    /// The kind (item 13).
    pub kind: Option<IncapacityKind>,
    /// Closed (`Some(true)`) or not.
    pub closed: Option<bool>,
    /// The sex (item 4).
    pub sex: Option<Sex>,
}

impl Defect {
    /// What base sheet the defect is put into.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::defect::Defect;
    /// use ereje_sick_leave::IncapacityKind;
    /// assert_eq!(Defect::NoFinalIcd.needs().closed, Some(true));
    /// assert_eq!(Defect::MaternityLength.needs().kind, Some(IncapacityKind::Maternity));
    /// assert_eq!(Defect::InvalidIin.needs(), Default::default());
    /// ```
    pub fn needs(self) -> Needs {
        use IncapacityKind as K;
        let kind = |k| Needs { kind: Some(k), ..Needs::default() };
        let closed_disease = Needs { kind: Some(K::Disease), closed: Some(true), sex: None };
        match self {
            Defect::MissingItem(_)
            | Defect::InvalidIin
            | Defect::ImpossibleDate
            | Defect::MalformedIcd
            | Defect::TypeNotAllowed
            | Defect::FractionalAge
            | Defect::AgeMismatch
            | Defect::Duplicate
            | Defect::UnknownKind
            | Defect::ClosureNotClosed
            | Defect::ReversedPeriod
            | Defect::UnknownIcd
            | Defect::CyrillicIcd => Needs::default(),
            Defect::SexMismatch
            | Defect::ContinuationWithoutPrevious
            | Defect::ReleaseGap
            | Defect::InpatientOutside
            | Defect::InpatientRegime
            | Defect::MseReferralIncomplete
            | Defect::MseExaminedBeforeReferral
            | Defect::MseWithoutConclusion
            | Defect::ChainGap
            | Defect::Overlap
            | Defect::PredecessorLater
            | Defect::NewSheetMismatch
            | Defect::Retroactive => kind(K::Disease),
            Defect::NoOutcome
            | Defect::IncompatibleOutcomes
            | Defect::NoFinalIcd
            | Defect::NoClosingDoctor
            | Defect::LateReturn => closed_disease,
            Defect::MaternityLength => {
                Needs { kind: Some(K::Maternity), closed: Some(true), sex: None }
            }
            Defect::EarlyMaternity | Defect::BadGestationalWeeks => kind(K::Maternity),
            Defect::ChildItemsMissing => kind(K::ChildCare),
            Defect::QuarantineItemsMissing => kind(K::Quarantine),
            Defect::SanatoriumDatesMissing => kind(K::Sanatorium),
            Defect::MaternityMale => {
                Needs { kind: Some(K::Disease), closed: None, sex: Some(Sex::Male) }
            }
        }
    }

    /// How many records the defect's case has: 2 for the defects that involve two sheets (a
    /// duplicate, a chain, an overlap; the first record is valid), 1 otherwise.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::defect::Defect;
    /// assert_eq!(Defect::Duplicate.records(), 2);
    /// assert_eq!(Defect::InvalidIin.records(), 1);
    /// ```
    pub fn records(self) -> usize {
        match self {
            Defect::Duplicate
            | Defect::ChainGap
            | Defect::Overlap
            | Defect::PredecessorLater
            | Defect::NewSheetMismatch => 2,
            _ => 1,
        }
    }

    /// Puts the defect into `base`, a valid sheet as [`Defect::needs`] describes it. The second
    /// sheet of a two-sheet defect takes the number one or two above the base's (7 digits), so a
    /// caller that numbers sheets itself leaves those two numbers free.
    ///
    /// # Errors
    /// None: a base that does not meet the needs gives a case whose target may lack the finding.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::defect::Defect;
    /// use ereje_sick_leave::{Checker, Context};
    /// let case = Defect::AgeMismatch.apply(&ereje_sick_leave::example_sheet());
    /// let checked = Checker::new().check(&case.sheets[case.target], &Context::default());
    /// assert!(checked.findings.iter().any(|f| f.rule.id == "SL-008"));
    /// ```
    pub fn apply(self, base: &Sheet) -> DefectCase {
        let s = base;
        let mut w = WireSheet::from(s);
        let defect = self;
        match self {
            Defect::MissingItem(item) => item.remove(&mut w),
            Defect::InvalidIin => {
                let mut digits: Vec<u8> = s.iin.as_str().bytes().collect();
                if let Some(last) = digits.last_mut() {
                    *last = b'0' + (*last - b'0' + 1) % 10;
                }
                w.iin = text(String::from_utf8_lossy(&digits).into_owned());
            }
            Defect::ImpossibleDate => {
                w.issue_date = text(format!("{}-02-30", s.issue_date.year()));
            }
            Defect::MalformedIcd => {
                let code = s.icd10.to_string();
                w.icd10 = text(if code.contains('.') {
                    code.replace('.', ",")
                } else {
                    format!("{code},0")
                });
            }
            Defect::TypeNotAllowed => w.sheet_type = text("first"),
            Defect::FractionalAge => w.age = Number::from_f64(f64::from(s.age) + 0.5),
            Defect::SexMismatch => {
                w.sex = text(if s.sex == Sex::Male { "female" } else { "male" });
            }
            Defect::AgeMismatch => w.age = Some(Number::from(s.age + 1)),
            Defect::Duplicate => {
                return DefectCase { defect, sheets: vec![w.clone(), w], target: 1 };
            }
            Defect::MaternityLength => {
                set_single_period(s, &mut w, s.issue_date, add(s.issue_date, 99));
            }
            Defect::UnknownKind => w.kind = text("flu"),
            Defect::ClosureNotClosed => {
                w.sheet_type = text("closure");
                w.status = text("open");
            }
            Defect::ContinuationWithoutPrevious => {
                w.sheet_type = text("continuation");
                w.continues = None;
            }
            Defect::NoOutcome => {
                w.outcome = None;
                w.return_to_work = None;
                w.new_sheet = None;
            }
            Defect::IncompatibleOutcomes => w.outcome = text("death"),
            Defect::NoFinalIcd => w.final_icd10 = None,
            Defect::NoClosingDoctor => w.closing_doctor = None,
            Defect::ReversedPeriod => {
                w.other_work = Some(WirePeriod {
                    from: date_text(add(s.issue_date, 5)),
                    to: date_text(s.issue_date),
                });
            }
            Defect::ReleaseGap => {
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
            }
            Defect::LateReturn => w.return_to_work = date_text(add(last_day(s), 15)),
            Defect::InpatientOutside => {
                w.regime = text("inpatient");
                w.inpatient_stay = Some(WirePeriod {
                    from: date_text(sub(first_day(s), 3)),
                    to: date_text(first_day(s)),
                });
            }
            Defect::InpatientRegime => {
                w.regime = text("outpatient");
                w.inpatient_stay =
                    Some(WirePeriod { from: date_text(first_day(s)), to: date_text(first_day(s)) });
            }
            Defect::MseReferralIncomplete => {
                w.mse = Some(WireMse { referred: Some(true), ..Default::default() });
            }
            Defect::MseExaminedBeforeReferral => {
                w.mse = Some(WireMse {
                    referred: Some(true),
                    referral_date: date_text(add(s.issue_date, 10)),
                    referring_doctor: text("Жумабеков Е. К."),
                    examination_date: date_text(add(s.issue_date, 5)),
                    conclusion: text("инвалидность не установлена"),
                    head: text("Ибраев Н. Т."),
                });
            }
            Defect::MseWithoutConclusion => {
                w.mse = Some(WireMse {
                    referred: Some(true),
                    referral_date: date_text(s.issue_date),
                    referring_doctor: text("Жумабеков Е. К."),
                    examination_date: date_text(add(s.issue_date, 1)),
                    conclusion: None,
                    head: None,
                });
            }
            Defect::ChildItemsMissing => {
                w.child_age = None;
                w.child_icd10 = None;
            }
            Defect::QuarantineItemsMissing => {
                w.child_age = Some(Number::from(5));
                w.child_quarantine_icd10 = None;
            }
            Defect::SanatoriumDatesMissing => w.sanatorium = None,
            Defect::MaternityMale => w.kind = text("maternity"),
            Defect::EarlyMaternity => {
                set_single_period(s, &mut w, s.issue_date, add(s.issue_date, 125));
                w.gestational_weeks = Some(Number::from(25));
            }
            Defect::BadGestationalWeeks => w.gestational_weeks = Some(Number::from(50)),
            Defect::ChainGap => {
                let next = other_number(s, 1);
                let first = predecessor(s, Some(&next));
                let second = continuation_of(s, 3, &next);
                return DefectCase { defect, sheets: vec![first, second], target: 1 };
            }
            Defect::Overlap => {
                let mut second = w.clone();
                second.number = text(other_number(s, 1));
                return DefectCase { defect, sheets: vec![w, second], target: 1 };
            }
            Defect::PredecessorLater => {
                let next = other_number(s, 1);
                let first = predecessor(s, Some(&next));
                let second = continuation_of(s, 1, &next);
                return DefectCase { defect, sheets: vec![second, first], target: 1 };
            }
            Defect::NewSheetMismatch => {
                let next = other_number(s, 1);
                let first = predecessor(s, Some(&other_number(s, 2)));
                let second = continuation_of(s, 1, &next);
                return DefectCase { defect, sheets: vec![first, second], target: 1 };
            }
            Defect::Retroactive => {
                if let Some(row) = w.release_periods.as_mut().and_then(|r| r.first_mut()) {
                    row.from = date_text(sub(s.issue_date, 2));
                }
            }
            Defect::UnknownIcd => w.icd10 = text("U99.9"),
            Defect::CyrillicIcd => w.icd10 = text("Т14.0"),
        }
        single(defect, w)
    }
}
