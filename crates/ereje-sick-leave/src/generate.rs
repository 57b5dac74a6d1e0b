//! Realistic synthetic sheets for `ereje-sim sick-leave --generate` and for the simulated
//! pipeline: episodes of incapacity of synthetic patients of the БМЦ hospital in Astana, with a
//! set share of records carrying one defect from the crate's [`Defect`] list.
//!
//! Deterministic: the same [`Config`] (count, seed, window, mix) gives the same records, on
//! every platform (integer arithmetic and a ChaCha8 stream; no floating-point function other
//! than comparisons of shares). Synthetic ИИН only ([`ereje_id::Iin::next_issued`]).
//!
//! **What is generated.** Each clean *episode* is one person's incapacity: a primary sheet and,
//! when the release rows do not fit the paper form's three rows, a continuation sheet (the
//! predecessor closed with a new sheet issued). Rows: the first release of 3–5 days, then
//! extensions of 3–7 days, the head of department co-signing each extension (items 32–33).
//! The state of each sheet is the one on the cut-off date [`Config::as_of`]: rows started after
//! it are not there; a sheet is closed (return to work the next day, final ICD-10, closing
//! doctor) when its last release day is not after it, open or extended otherwise. Durations,
//! kinds, ages, the inpatient share and the names are assumptions (`docs/sick-leave.md`,
//! «Synthetic sheets»); the ICD-10 codes are in the WHO list.
//!
//! **Defects.** `round(defect_share × count)` records carry one defect, drawn from
//! [`DEFECT_MIX`] and put into a fresh single sheet meeting [`Defect::needs`] with
//! [`Defect::apply`]. A defect that involves two sheets (a duplicate, a chain, an overlap)
//! brings a valid companion record, which takes one of the clean records' places (when none is
//! left, a one-record defect is drawn instead). The defect's record has the defect's finding;
//! every other record has none ([`Generated::sheets`]).

use std::collections::HashSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use ereje_calendar::Calendar;
use ereje_icd10::Icd10Code;
use ereje_id::{Iin, Sex};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

use crate::defect::{Defect, RequiredItem};
use crate::law::PILOT;
use crate::model::{
    ClosingOutcome, FullName, IncapacityKind, Mse, Organisation, Period, Regime, RegimeViolation,
    ReleasePeriod, Sheet, SheetNumber, SheetRef, SheetType, Signatory, Status,
};
use crate::routing::{FixtureAnswer, FixtureStatusService, RoutingContext};
use crate::wire::WireSheet;

/// The patient's place in the pilot's population (order item 1), as the generator draws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Population {
    /// Attached to the БМЦ hospital, living in Astana, not served by the first polyclinic
    /// department: inside the pilot.
    Pilot,
    /// Not attached to the БМЦ hospital.
    NotAttachedToBmc,
    /// Attached, but not living in Astana.
    OutsideAstana,
    /// Attached and in Astana, but served by the first polyclinic department (excluded).
    FirstPolyclinicDepartment,
}

impl Population {
    /// Every value, in the order of the routing's steps.
    pub const ALL: &'static [Population] = &[
        Population::Pilot,
        Population::NotAttachedToBmc,
        Population::OutsideAstana,
        Population::FirstPolyclinicDepartment,
    ];

    /// The code used in scenarios and case attributes.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::generate::Population;
    /// assert_eq!(Population::OutsideAstana.code(), "outside_astana");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Population::Pilot => "pilot",
            Population::NotAttachedToBmc => "not_attached_to_bmc",
            Population::OutsideAstana => "outside_astana",
            Population::FirstPolyclinicDepartment => "first_polyclinic_department",
        }
    }

    /// The value of a code.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::generate::Population;
    /// assert_eq!(Population::from_code("pilot"), Some(Population::Pilot));
    /// assert_eq!(Population::from_code("mars"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Population> {
        Population::ALL.iter().copied().find(|p| p.code() == code)
    }

    /// The routing context of a patient of this population.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::generate::Population;
    /// use ereje_sick_leave::RoutingContext;
    /// assert_eq!(Population::Pilot.context(), RoutingContext::IN_PILOT);
    /// ```
    pub fn context(self) -> RoutingContext {
        match self {
            Population::Pilot => RoutingContext::IN_PILOT,
            Population::NotAttachedToBmc => RoutingContext {
                attached_to_bmc: false,
                lives_in_astana: true,
                first_polyclinic_department: false,
            },
            Population::OutsideAstana => RoutingContext {
                attached_to_bmc: true,
                lives_in_astana: false,
                first_polyclinic_department: false,
            },
            Population::FirstPolyclinicDepartment => RoutingContext {
                attached_to_bmc: true,
                lives_in_astana: true,
                first_polyclinic_department: true,
            },
        }
    }

    /// The population of a routing context (the first step of the routing it fails).
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::generate::Population;
    /// use ereje_sick_leave::RoutingContext;
    /// assert_eq!(Population::of(RoutingContext::default()), Population::NotAttachedToBmc);
    /// ```
    pub fn of(ctx: RoutingContext) -> Population {
        if !ctx.attached_to_bmc {
            Population::NotAttachedToBmc
        } else if !ctx.lives_in_astana {
            Population::OutsideAstana
        } else if ctx.first_polyclinic_department {
            Population::FirstPolyclinicDepartment
        } else {
            Population::Pilot
        }
    }
}

/// The shares the generator draws with. Every share is an assumption (no statistics of the
/// pilot are public); the default is the one of `fixtures/sick-leave/sim-default.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Mix {
    /// Kinds of incapacity (item 13) and their shares of episodes.
    pub kinds: Vec<(IncapacityKind, f64)>,
    /// The patients' population (routing context) and its shares.
    pub population: Vec<(Population, f64)>,
    /// The share of patients the Е-қызмет status service knows as civil servants.
    pub civil_servant_share: f64,
    /// The share of records with one defect.
    pub defect_share: f64,
}

impl Default for Mix {
    /// The shipped scenario's assumptions: a winter season of a polyclinic serving civil
    /// servants (respiratory disease most of it).
    fn default() -> Mix {
        use IncapacityKind as K;
        Mix {
            // In the order of `IncapacityKind::ALL` (the order they are drawn in).
            kinds: vec![
                (K::Disease, 0.80),
                (K::Injury, 0.05),
                (K::Abortion, 0.01),
                (K::ChildCare, 0.09),
                (K::Maternity, 0.03),
                (K::Sanatorium, 0.01),
                (K::Quarantine, 0.01),
            ],
            population: vec![
                (Population::Pilot, 0.88),
                (Population::NotAttachedToBmc, 0.02),
                (Population::OutsideAstana, 0.03),
                (Population::FirstPolyclinicDepartment, 0.07),
            ],
            civil_servant_share: 0.85,
            defect_share: 0.03,
        }
    }
}

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The number of records.
    pub count: usize,
    /// The seed.
    pub seed: u64,
    /// The first issue date.
    pub from: NaiveDate,
    /// The last issue date.
    pub to: NaiveDate,
    /// The cut-off: each sheet as it stands at the end of this day (`None`: every episode
    /// complete, every sheet closed).
    pub as_of: Option<NaiveDate>,
    /// The shares.
    pub mix: Mix,
}

impl Config {
    /// `count` records issued in the pilot's window (27 November 2023 – 31 March 2024) as they
    /// stand on its last day, with the default mix.
    ///
    /// # Example
    /// ```
    /// let c = ereje_sick_leave::generate::Config::pilot(10, 7);
    /// assert_eq!(c.from.to_string(), "2023-11-27");
    /// assert_eq!(c.as_of, Some(c.to));
    /// ```
    pub fn pilot(count: usize, seed: u64) -> Config {
        let last = PILOT.end_named.pred_opt().unwrap_or(PILOT.end_named);
        Config { count, seed, from: PILOT.start, to: last, as_of: Some(last), mix: Mix::default() }
    }
}

/// One generated record.
#[derive(Debug, Clone, PartialEq)]
pub struct GeneratedSheet {
    /// The record as a sender sends it.
    pub sheet: WireSheet<'static>,
    /// The defect whose finding this record carries (`None`: no finding at all).
    pub defect: Option<Defect>,
    /// Whether the status service knows the patient as a civil servant.
    pub civil_servant: bool,
    /// The patient's population.
    pub population: Population,
}

/// The generated records, in input order (episodes by their first issue date; a continuation
/// after the sheet it continues).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Generated {
    /// The records.
    pub sheets: Vec<GeneratedSheet>,
}

impl Generated {
    /// The records that carry a defect.
    pub fn defective(&self) -> usize {
        self.sheets.iter().filter(|s| s.defect.is_some()).count()
    }

    /// The Е-қызмет status service of the generated patients: civil servants answer
    /// `civil_servant`, everyone else `not_civil_servant`.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::generate::{generate, Config};
    /// let g = generate(&Config::pilot(5, 1), ereje_calendar::Calendar::builtin())?;
    /// let _service = g.status_service();
    /// # Ok::<(), ereje_sick_leave::generate::GenerateError>(())
    /// ```
    pub fn status_service(&self) -> FixtureStatusService {
        let mut service = FixtureStatusService::new(FixtureAnswer::NotCivilServant);
        for s in &self.sheets {
            if let Some(iin) = s.sheet.iin.as_deref().and_then(|t| t.parse::<Iin>().ok()) {
                let answer = if s.civil_servant {
                    FixtureAnswer::CivilServant
                } else {
                    FixtureAnswer::NotCivilServant
                };
                service.insert(iin, answer);
            }
        }
        service
    }

    /// The same table as text for `ereje-check sick-leave --status`: one `IIN ANSWER` line per
    /// patient (valid ИИН only), in order of first appearance.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::generate::{generate, Config};
    /// let g = generate(&Config::pilot(5, 1), ereje_calendar::Calendar::builtin())?;
    /// let table = g.status_table();
    /// assert!(ereje_sick_leave::FixtureStatusService::parse(&table).is_ok());
    /// # Ok::<(), ereje_sick_leave::generate::GenerateError>(())
    /// ```
    pub fn status_table(&self) -> String {
        let mut seen = HashSet::new();
        let mut out = String::from(
            "# Е-қызмет status answers (PepKyzmetP2503Sync) of synthetic patients: IIN ANSWER\n",
        );
        for s in &self.sheets {
            let Some(iin) = s.sheet.iin.as_deref().and_then(|t| t.parse::<Iin>().ok()) else {
                continue;
            };
            if seen.insert(iin) {
                let answer = if s.civil_servant { "civil_servant" } else { "not_civil_servant" };
                out.push_str(&format!("{iin} {answer}\n"));
            }
        }
        out
    }
}

/// Why sheets cannot be generated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GenerateError {
    /// A share outside [0, 1] or not a number.
    #[error("{what} must be a share between 0 and 1, found {value}")]
    BadShare {
        /// Which share.
        what: String,
        /// Its value.
        value: f64,
    },
    /// Shares of a table that do not sum to 1, or a table without a positive share.
    #[error("the shares of {what} must sum to 1, found {sum}")]
    BadSum {
        /// Which table.
        what: String,
        /// Their sum.
        sum: f64,
    },
    /// The last issue date before the first.
    #[error("the window ends ({to}) before it starts ({from})")]
    BadWindow {
        /// The first date.
        from: NaiveDate,
        /// The last date.
        to: NaiveDate,
    },
    /// More records than the generator's numbering and ИИН allow.
    #[error("at most {max} records can be generated, {count} asked")]
    TooMany {
        /// Asked.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// The ИИН generator found no free serial for a birth date (should not happen).
    #[error("no free synthetic IIN for a person born on {birth}")]
    NoIin {
        /// The birth date.
        birth: NaiveDate,
    },
}

/// The most records one call generates (7-digit sheet numbers, 3 per defect case).
pub const MAX_RECORDS: usize = 2_000_000;

/// The defects of generated records and their weights (per 100 defective records). An
/// assumption: no statistics of ФЛК failures are public; the mix leans to missing items and
/// identifiers (errors: 58 of 100), and takes every defect of [`Defect::all`] at least once in
/// a thousand defective records.
pub static DEFECT_MIX: &[(Defect, u32)] = &[
    // SL-001, required items (27): the free-text items most often.
    (Defect::MissingItem(RequiredItem::Number), 1),
    (Defect::MissingItem(RequiredItem::Status), 1),
    (Defect::MissingItem(RequiredItem::Type), 1),
    (Defect::MissingItem(RequiredItem::Sex), 1),
    (Defect::MissingItem(RequiredItem::OrganisationName), 1),
    (Defect::MissingItem(RequiredItem::IssueDate), 2),
    (Defect::MissingItem(RequiredItem::Age), 2),
    (Defect::MissingItem(RequiredItem::Surname), 1),
    (Defect::MissingItem(RequiredItem::Workplace), 3),
    (Defect::MissingItem(RequiredItem::Position), 3),
    (Defect::MissingItem(RequiredItem::Icd10), 2),
    (Defect::MissingItem(RequiredItem::Kind), 1),
    (Defect::MissingItem(RequiredItem::Regime), 1),
    (Defect::MissingItem(RequiredItem::Doctor), 2),
    (Defect::MissingItem(RequiredItem::ReleasePeriods), 1),
    (Defect::MissingItem(RequiredItem::PeriodDoctorName), 3),
    (Defect::MissingItem(RequiredItem::SenderMis), 1),
    // Other errors (31).
    (Defect::InvalidIin, 7),
    (Defect::ImpossibleDate, 3),
    (Defect::MalformedIcd, 5),
    (Defect::TypeNotAllowed, 2),
    (Defect::FractionalAge, 1),
    (Defect::SexMismatch, 3),
    (Defect::AgeMismatch, 5),
    (Defect::Duplicate, 4),
    (Defect::MaternityLength, 1),
    // Warnings (39).
    (Defect::UnknownKind, 1),
    (Defect::ClosureNotClosed, 2),
    (Defect::ContinuationWithoutPrevious, 3),
    (Defect::NoOutcome, 2),
    (Defect::IncompatibleOutcomes, 1),
    (Defect::NoFinalIcd, 4),
    (Defect::NoClosingDoctor, 3),
    (Defect::ReversedPeriod, 1),
    (Defect::ReleaseGap, 2),
    (Defect::LateReturn, 2),
    (Defect::InpatientOutside, 1),
    (Defect::InpatientRegime, 1),
    (Defect::MseReferralIncomplete, 1),
    (Defect::MseExaminedBeforeReferral, 1),
    (Defect::MseWithoutConclusion, 1),
    (Defect::ChildItemsMissing, 2),
    (Defect::QuarantineItemsMissing, 1),
    (Defect::SanatoriumDatesMissing, 1),
    (Defect::MaternityMale, 1),
    (Defect::EarlyMaternity, 1),
    (Defect::BadGestationalWeeks, 1),
    (Defect::ChainGap, 1),
    (Defect::Overlap, 1),
    (Defect::PredecessorLater, 1),
    (Defect::NewSheetMismatch, 1),
    (Defect::UnknownIcd, 2),
    // Info (3).
    (Defect::Retroactive, 1),
    (Defect::CyrillicIcd, 2),
];

// ---------------------------------------------------------------------------------------------
// Assumed tables: (value, weight). Durations are calendar days of the whole episode.

const DISEASE_DAYS: &[(u32, u32)] = &[
    (3, 6),
    (4, 8),
    (5, 12),
    (6, 12),
    (7, 14),
    (8, 10),
    (9, 8),
    (10, 8),
    (12, 7),
    (14, 6),
    (17, 4),
    (21, 3),
    (28, 2),
];
const INJURY_DAYS: &[(u32, u32)] =
    &[(5, 10), (7, 15), (10, 20), (14, 20), (21, 15), (28, 10), (35, 6), (45, 4)];
const CHILD_CARE_DAYS: &[(u32, u32)] =
    &[(3, 15), (4, 15), (5, 20), (6, 15), (7, 15), (8, 8), (10, 7), (14, 5)];
const QUARANTINE_DAYS: &[(u32, u32)] = &[(7, 30), (10, 30), (14, 40)];
const SANATORIUM_DAYS: &[(u32, u32)] = &[(14, 40), (18, 30), (21, 20), (24, 10)];
const ABORTION_DAYS: &[(u32, u32)] = &[(3, 40), (5, 40), (7, 20)];

/// Adult diagnoses of a winter season (WHO list codes).
const DISEASE_CODES: &[(&str, u32)] = &[
    ("J06.9", 30),
    ("J11.1", 12),
    ("J20.9", 8),
    ("J03.9", 6),
    ("J01.9", 5),
    ("J18.9", 3),
    ("A09", 5),
    ("K29.7", 4),
    ("M54.5", 7),
    ("M42.1", 3),
    ("I10", 6),
    ("N39.0", 3),
    ("H66.9", 3),
    ("B34.9", 5),
];
const INJURY_CODES: &[(&str, u32)] =
    &[("S93.4", 30), ("S62.6", 15), ("S52.5", 15), ("S83.6", 15), ("T14.0", 15), ("S00.8", 10)];
const CHILD_CODES: &[(&str, u32)] =
    &[("J06.9", 40), ("J02.9", 15), ("B01.9", 10), ("A08.4", 15), ("J20.9", 10), ("H66.9", 10)];
const SANATORIUM_CODES: &[(&str, u32)] =
    &[("I21.9", 30), ("S82.2", 20), ("M51.1", 30), ("I63.9", 20)];
const QUARANTINE_CODE: &str = "Z20.8";
const ABORTION_CODE: &str = "O04.9";
const MATERNITY_CODE: &str = "Z34.9";
/// The code of a table that could not be read (never: the tables are tested).
const FALLBACK_CODE: Icd10Code = match Icd10Code::from_canonical("J06.9") {
    Some(c) => c,
    None => panic!("J06.9 is canonical"),
};

const MALE_SURNAMES: &[&str] = &[
    "Ахметов",
    "Серікбаев",
    "Иванов",
    "Жумабеков",
    "Касымов",
    "Тулегенов",
    "Ким",
    "Смагулов",
    "Петров",
    "Оспанов",
    "Абдрахманов",
    "Нұрланұлы",
];
const FEMALE_SURNAMES: &[&str] = &[
    "Ахметова",
    "Серікбаева",
    "Иванова",
    "Жумабекова",
    "Касымова",
    "Тулегенова",
    "Ким",
    "Смагулова",
    "Петрова",
    "Оспанова",
    "Абдрахманова",
    "Нұрланқызы",
];
const MALE_NAMES: &[&str] =
    &["Ерлан", "Асхат", "Сергей", "Даурен", "Нурлан", "Арман", "Бауыржан", "Алексей", "Тимур"];
const FEMALE_NAMES: &[&str] =
    &["Динара", "Айгерим", "Мәдина", "Гульнара", "Асель", "Елена", "Жанар", "Салтанат", "Ольга"];
const MALE_PATRONYMICS: &[&str] = &["Ерланович", "Серикович", "Нурланович", "Болатұлы", "Петрович"];
const FEMALE_PATRONYMICS: &[&str] =
    &["Ерлановна", "Сериковна", "Нурлановна", "Болатқызы", "Петровна"];
/// State bodies (civil servants).
const STATE_BODIES: &[&str] = &[
    "ГУ «Министерство здравоохранения Республики Казахстан»",
    "ГУ «Министерство финансов Республики Казахстан»",
    "ГУ «Министерство труда и социальной защиты населения Республики Казахстан»",
    "ГУ «Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан»",
    "ГУ «Агентство Республики Казахстан по делам государственной службы»",
    "ГУ «Аппарат акима города Астаны»",
    "ГУ «Министерство юстиции Республики Казахстан»",
    "ГУ «Министерство национальной экономики Республики Казахстан»",
];
const CIVIL_POSITIONS: &[&str] = &[
    "главный эксперт",
    "ведущий эксперт",
    "эксперт",
    "главный специалист",
    "руководитель управления",
    "заместитель директора департамента",
];
/// Employers of patients who are not civil servants.
const OTHER_EMPLOYERS: &[&str] =
    &["РГП на ПХВ «Республиканский центр»", "АО «Национальный холдинг»", "ТОО «Астана Сервис»"];
const OTHER_POSITIONS: &[&str] = &["инженер", "бухгалтер", "менеджер", "водитель"];
/// Treating doctors of the polyclinic (general practice, district therapists): position, name.
const DOCTORS: &[(&str, &str)] = &[
    ("врач общей практики", "Сапарова А. Н."),
    ("врач общей практики", "Петрова О. В."),
    ("терапевт участковый", "Жумабеков Е. К."),
    ("терапевт участковый", "Оспанов Д. С."),
];
/// Treats back pain (ICD-10 chapter M).
const NEUROLOGIST: (&str, &str) = ("невропатолог", "Әлиева Г. Б.");
/// Treats injuries.
const SURGEON: (&str, &str) = ("хирург", "Сыздыков Р. М.");
const PEDIATRICIAN: (&str, &str) = ("педиатр", "Муканова Л. Т.");
const GYNAECOLOGIST: (&str, &str) = ("акушер-гинеколог", "Ибраева С. К.");
const HEAD_OF_DEPARTMENT: (&str, &str) = ("заведующий отделением", "Каримова Н. Ж.");
const CHIEF_DOCTOR: &str = "Нуржанов Б. С.";
const ORGANISATION: &str =
    "РГП «Больница Медицинского центра Управления делами Президента Республики Казахстан» на ПХВ";
const ADDRESS: &str = "г. Астана";
const SENDER_MIS: &str = "МИС БМЦ";
const SERIES: &str = "АА";
const FIRST_NUMBER: u32 = 1_000_000;
/// Visits by clock hour 8–18 (polyclinic hours), weights.
pub(crate) const VISIT_HOURS: &[(u32, u32)] = &[
    (8, 6),
    (9, 12),
    (10, 14),
    (11, 14),
    (12, 10),
    (13, 6),
    (14, 10),
    (15, 10),
    (16, 8),
    (17, 6),
    (18, 4),
];
/// The weight of a non-working day against a working day for issuing a sheet (duty doctors,
/// the inpatient department).
const NON_WORKING_DAY_WEIGHT: u32 = 1;
const WORKING_DAY_WEIGHT: u32 = 10;
/// Per mille of disease and injury episodes with an inpatient stay.
const INPATIENT_PER_MILLE: u64 = 60;
/// Per mille of sheets with a regime-violation mark.
const VIOLATION_PER_MILLE: u64 = 20;
/// Per mille of maternity leaves extended after a complicated birth (126 + 14 days).
const COMPLICATED_BIRTH_PER_MILLE: u64 = 100;
/// Per mille of maternity sheets that state the gestational age.
const GESTATION_STATED_PER_MILLE: u64 = 500;
/// Per mille of women among the patients (besides maternity and abortion).
const FEMALE_PER_MILLE: u64 = 560;

// ---------------------------------------------------------------------------------------------
// Randomness.

/// A ChaCha8 stream keyed by the seed and a tag, with the few draws the generator needs.
#[derive(Debug)]
pub(crate) struct Draw(ChaCha8Rng);

impl Draw {
    pub(crate) fn new(seed: u64, tag: &[u8; 8]) -> Draw {
        let mut key = [0u8; 32];
        key[..8].copy_from_slice(&seed.to_le_bytes());
        key[8..16].copy_from_slice(tag);
        key[16..24].copy_from_slice(b"ereje-sl");
        Draw(ChaCha8Rng::from_seed(key))
    }

    /// Uniform in `0..n` (`0` when `n` is 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.0.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(u64::from(hi.saturating_sub(lo)) + 1) as u32
    }

    fn per_mille(&mut self, p: u64) -> bool {
        self.below(1000) < p
    }

    /// An index drawn with integer weights.
    pub(crate) fn weighted<T: Copy>(&mut self, table: &[(T, u32)]) -> Option<T> {
        let total: u64 = table.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut x = self.below(total);
        for (v, w) in table {
            let w = u64::from(*w);
            if x < w {
                return Some(*v);
            }
            x -= w;
        }
        None
    }

    /// A value drawn with shares (which sum to 1): compared in 2⁻⁵³ steps.
    fn shares<T: Copy>(&mut self, table: &[(T, f64)]) -> Option<T> {
        let u = (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let mut acc = 0.0;
        let mut last = None;
        for (v, p) in table {
            if *p <= 0.0 {
                continue;
            }
            acc += p;
            last = Some(*v);
            if u < acc {
                return last;
            }
        }
        last
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub(crate) fn pick<'a, T>(&mut self, list: &'a [T]) -> Option<&'a T> {
        list.get(self.below(list.len() as u64) as usize)
    }
}

fn add(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n))).unwrap_or(d)
}

fn sub(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(n))).unwrap_or(d)
}

fn code(s: &str) -> Option<Icd10Code> {
    Icd10Code::from_canonical(s)
}

/// Whether `date` is a working day: the calendar's answer, or Monday–Friday outside its years.
pub(crate) fn is_working(calendar: &Calendar, date: NaiveDate) -> bool {
    calendar
        .is_working(date)
        .map(|a| a.value)
        .unwrap_or(!matches!(date.weekday(), Weekday::Sat | Weekday::Sun))
}

// ---------------------------------------------------------------------------------------------
// Checking the configuration.

fn check_share(what: &str, value: f64) -> Result<(), GenerateError> {
    if (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(GenerateError::BadShare { what: what.to_owned(), value })
    }
}

fn check_table<T>(what: &str, table: &[(T, f64)]) -> Result<(), GenerateError> {
    for (_, p) in table {
        check_share(what, *p)?;
    }
    let sum: f64 = table.iter().map(|(_, p)| p).sum();
    if (sum - 1.0).abs() > 1e-9 {
        return Err(GenerateError::BadSum { what: what.to_owned(), sum });
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The generator.

/// A synthetic patient.
#[derive(Debug, Clone)]
struct Person {
    iin: Iin,
    sex: Sex,
    full_name: FullName,
    workplace: &'static str,
    position: &'static str,
    population: Population,
    civil_servant: bool,
}

/// A planned episode: its kind, first day and release rows (lengths in days).
#[derive(Debug, Clone)]
struct Plan {
    kind: IncapacityKind,
    start: NaiveDate,
    /// Lengths of release rows, per sheet.
    sheets: Vec<Vec<u32>>,
}

struct Generator<'a> {
    config: &'a Config,
    draw: Draw,
    /// Cumulative weights of the issue days of the window.
    days: Vec<(NaiveDate, u64)>,
    iins: HashSet<Iin>,
    serial: u16,
    number: u32,
}

/// One unit of records (an episode or a defect case) with its sort date.
struct Unit {
    start: NaiveDate,
    records: Vec<GeneratedSheet>,
}

impl<'a> Generator<'a> {
    fn new(config: &'a Config, calendar: &Calendar) -> Generator<'a> {
        let mut days = Vec::new();
        let mut acc = 0u64;
        let mut d = config.from;
        while d <= config.to {
            acc += u64::from(if is_working(calendar, d) {
                WORKING_DAY_WEIGHT
            } else {
                NON_WORKING_DAY_WEIGHT
            });
            days.push((d, acc));
            match d.succ_opt() {
                Some(n) => d = n,
                None => break,
            }
        }
        Generator {
            config,
            draw: Draw::new(config.seed, b"sheets\0\0"),
            days,
            iins: HashSet::new(),
            serial: 0,
            number: FIRST_NUMBER,
        }
    }

    fn issue_day(&mut self) -> NaiveDate {
        let total = self.days.last().map_or(0, |(_, w)| *w);
        let x = self.draw.below(total);
        let i = self.days.partition_point(|(_, w)| *w <= x);
        self.days.get(i).map_or(self.config.from, |(d, _)| *d)
    }

    fn next_number(&mut self, reserve: u32) -> Result<SheetNumber, GenerateError> {
        let n = self.number;
        self.number += reserve;
        SheetNumber::new(&format!("{n:07}"))
            .map_err(|_| GenerateError::TooMany { count: self.config.count, max: MAX_RECORDS })
    }

    fn person(
        &mut self,
        issue: NaiveDate,
        kind: IncapacityKind,
        sex: Option<Sex>,
    ) -> Result<Person, GenerateError> {
        let female_only = matches!(kind, IncapacityKind::Maternity | IncapacityKind::Abortion);
        let sex = match sex {
            Some(s) => s,
            None if female_only => Sex::Female,
            None if self.draw.per_mille(FEMALE_PER_MILLE) => Sex::Female,
            None => Sex::Male,
        };
        let age = if female_only { self.draw.range(22, 42) } else { self.draw.range(23, 62) };
        let birth = sub(issue, age * 365 + age / 4 + self.draw.range(0, 364));
        let mut iin = None;
        for _ in 0..10_000 {
            self.serial = self.serial % 9_999 + 1;
            if let Ok(candidate) = Iin::next_issued(birth, sex, self.serial) {
                if self.iins.insert(candidate) {
                    iin = Some(candidate);
                    break;
                }
            }
        }
        let iin = iin.ok_or(GenerateError::NoIin { birth })?;
        let female = sex == Sex::Female;
        let pick = |d: &mut Draw, list: &[&'static str]| d.pick(list).copied().unwrap_or("");
        let surname = pick(&mut self.draw, if female { FEMALE_SURNAMES } else { MALE_SURNAMES });
        let name = pick(&mut self.draw, if female { FEMALE_NAMES } else { MALE_NAMES });
        let patronymic = if self.draw.per_mille(900) {
            Some(
                pick(&mut self.draw, if female { FEMALE_PATRONYMICS } else { MALE_PATRONYMICS })
                    .to_owned(),
            )
        } else {
            None
        };
        let population = self.draw.shares(&self.config.mix.population).unwrap_or(Population::Pilot);
        let civil_servant = self.draw.chance(self.config.mix.civil_servant_share);
        let (workplace, position) = if civil_servant {
            (pick(&mut self.draw, STATE_BODIES), pick(&mut self.draw, CIVIL_POSITIONS))
        } else {
            (pick(&mut self.draw, OTHER_EMPLOYERS), pick(&mut self.draw, OTHER_POSITIONS))
        };
        Ok(Person {
            iin,
            sex,
            full_name: FullName { surname: surname.to_owned(), name: name.to_owned(), patronymic },
            workplace,
            position,
            population,
            civil_servant,
        })
    }

    /// Release rows of an episode of `total` days: the first release of 3–5 days, extensions
    /// of 3–7 days; three rows a sheet, at most `max_sheets` sheets (the rest folded into the
    /// last row).
    fn rows(&mut self, kind: IncapacityKind, total: u32, max_sheets: usize) -> Vec<Vec<u32>> {
        use IncapacityKind as K;
        if matches!(kind, K::Sanatorium | K::Quarantine | K::Maternity | K::Abortion) {
            return vec![vec![total]];
        }
        let mut rows = Vec::new();
        let mut left = total;
        let mut first = true;
        while left > 0 {
            let len = if first { self.draw.range(3, 5) } else { self.draw.range(3, 7) };
            let len = len.min(left);
            rows.push(len);
            left -= len;
            first = false;
        }
        let cap = 3 * max_sheets.max(1);
        if rows.len() > cap {
            let extra: u32 = rows.iter().skip(cap).sum();
            rows.truncate(cap);
            if let Some(last) = rows.last_mut() {
                *last += extra;
            }
        }
        rows.chunks(3).map(<[u32]>::to_vec).collect()
    }

    fn plan(&mut self, kind: IncapacityKind, start: NaiveDate, max_sheets: usize) -> Plan {
        use IncapacityKind as K;
        let table = match kind {
            K::Injury => INJURY_DAYS,
            K::ChildCare => CHILD_CARE_DAYS,
            K::Quarantine => QUARANTINE_DAYS,
            K::Sanatorium => SANATORIUM_DAYS,
            K::Abortion => ABORTION_DAYS,
            _ => DISEASE_DAYS,
        };
        let sheets = if kind == K::Maternity {
            if max_sheets >= 2 && self.draw.per_mille(COMPLICATED_BIRTH_PER_MILLE) {
                vec![vec![126], vec![14]]
            } else {
                vec![vec![126]]
            }
        } else {
            let total = self.draw.weighted(table).unwrap_or(7);
            self.rows(kind, total, max_sheets)
        };
        Plan { kind, start, sheets }
    }

    fn icd(&mut self, table: &[(&'static str, u32)]) -> Option<Icd10Code> {
        self.draw.weighted(table).and_then(code)
    }

    /// The sheets of a plan for a person, as they stand on the cut-off date.
    fn sheets(
        &mut self,
        plan: &Plan,
        person: &Person,
        force_closed: bool,
    ) -> Result<Vec<Sheet>, GenerateError> {
        use IncapacityKind as K;
        let as_of = if force_closed { None } else { self.config.as_of };
        let kind = plan.kind;
        let general = self.draw.pick(DOCTORS).copied().unwrap_or(PEDIATRICIAN);
        let (treating, icd) = match kind {
            K::ChildCare => (PEDIATRICIAN, self.icd(CHILD_CODES)),
            K::Maternity => (GYNAECOLOGIST, code(MATERNITY_CODE)),
            K::Abortion => (GYNAECOLOGIST, code(ABORTION_CODE)),
            K::Injury => (SURGEON, self.icd(INJURY_CODES)),
            K::Quarantine => (general, code(QUARANTINE_CODE)),
            K::Sanatorium => (general, self.icd(SANATORIUM_CODES)),
            _ => {
                let icd = self.icd(DISEASE_CODES);
                (if icd.is_some_and(|c| c.letter() == 'M') { NEUROLOGIST } else { general }, icd)
            }
        };
        let icd = icd.unwrap_or(FALLBACK_CODE);
        let signatory = |(position, name): (&str, &str)| Signatory {
            position: position.to_owned(),
            name: name.to_owned(),
        };
        let doctor = signatory(treating);
        let child = if kind == K::ChildCare {
            Some((self.draw.range(0, 13) as u8, self.icd(CHILD_CODES)))
        } else {
            None
        };
        let quarantine_child = if kind == K::Quarantine && self.draw.per_mille(500) {
            Some((self.draw.range(1, 13) as u8, self.icd(CHILD_CODES)))
        } else {
            None
        };
        let total: u32 = plan.sheets.iter().flatten().sum();
        let inpatient = matches!(kind, K::Disease | K::Injury)
            && total >= 5
            && self.draw.per_mille(INPATIENT_PER_MILLE);
        let stay = if inpatient { self.draw.range(3, total.min(14)) } else { 0 };
        let violation = self.draw.per_mille(VIOLATION_PER_MILLE);
        let weeks = if kind == K::Maternity && self.draw.per_mille(GESTATION_STATED_PER_MILLE) {
            Some(self.draw.range(30, 32) as u8)
        } else {
            None
        };

        // Release rows with dates, per sheet.
        let mut day = plan.start;
        let mut dated: Vec<Vec<ReleasePeriod>> = Vec::new();
        for lengths in &plan.sheets {
            let mut rows = Vec::new();
            for (i, len) in lengths.iter().enumerate() {
                let from = day;
                let to = add(from, len.saturating_sub(1));
                day = add(to, 1);
                if as_of.is_some_and(|cut| from > cut) {
                    continue;
                }
                let extension = i > 0 || !dated.is_empty();
                rows.push(ReleasePeriod {
                    from,
                    to,
                    doctor: doctor.clone(),
                    second_doctor: extension.then(|| signatory(HEAD_OF_DEPARTMENT)),
                });
            }
            if rows.is_empty() {
                break;
            }
            dated.push(rows);
        }

        let mut numbers = Vec::with_capacity(dated.len());
        for _ in &dated {
            numbers.push(self.next_number(1)?);
        }
        let reference =
            |n: &SheetNumber| SheetRef { series: Some(SERIES.to_owned()), number: n.clone() };
        let mut out = Vec::with_capacity(dated.len());
        for (i, rows) in dated.iter().enumerate() {
            let (Some(first), Some(last)) = (rows.first(), rows.last()) else { continue };
            let issue = first.from;
            let next = numbers.get(i + 1);
            let complete = rows.len() == plan.sheets.get(i).map_or(0, Vec::len);
            let closed = next.is_some() || (complete && as_of.is_none_or(|cut| last.to <= cut));
            let continues = if i > 0 { numbers.get(i - 1).map(reference) } else { None };
            let sheet_type =
                if continues.is_some() { SheetType::Continuation } else { SheetType::Primary };
            let status = if closed {
                Status::Closed
            } else if rows.len() > 1 || continues.is_some() {
                Status::Extended
            } else {
                Status::Open
            };
            let with_stay = inpatient && i == 0;
            let stay_to = add(issue, stay.saturating_sub(1)).min(last.to);
            let age = u8::try_from(person.iin.age_on(issue).unwrap_or(0)).unwrap_or(0);
            let Some(number) = numbers.get(i).cloned() else { continue };
            out.push(Sheet {
                series: Some(SERIES.to_owned()),
                number,
                status,
                sheet_type,
                sex: person.sex,
                organisation: Organisation {
                    name: ORGANISATION.to_owned(),
                    address: ADDRESS.to_owned(),
                },
                issue_date: issue,
                age,
                full_name: person.full_name.clone(),
                workplace: person.workplace.to_owned(),
                position: person.position.to_owned(),
                icd10: icd,
                final_icd10: closed.then_some(icd),
                kind,
                child_age: child.map(|c| c.0).or(quarantine_child.map(|c| c.0)),
                child_icd10: child.and_then(|c| c.1),
                child_quarantine_icd10: quarantine_child.and_then(|c| c.1),
                sanatorium: (kind == K::Sanatorium).then_some(Period { from: issue, to: last.to }),
                regime: if with_stay { Regime::Inpatient } else { Regime::Outpatient },
                regime_violations: if violation && i == 0 {
                    vec![RegimeViolation {
                        date: Some(first.to.min(add(issue, 1))),
                        mark: "неявка на приём".to_owned(),
                    }]
                } else {
                    Vec::new()
                },
                doctor: doctor.name.clone(),
                inpatient_stay: with_stay.then_some(Period { from: issue, to: stay_to }),
                other_work: None,
                chief_doctor: with_stay.then(|| CHIEF_DOCTOR.to_owned()),
                mse: Mse::default(),
                release_periods: rows.clone(),
                return_to_work: (closed && next.is_none()).then(|| add(last.to, 1)),
                new_sheet: next.map(reference),
                closing_doctor: closed.then(|| doctor.clone()),
                sender_mis: SENDER_MIS.to_owned(),
                outcome: closed.then_some(if next.is_some() {
                    ClosingOutcome::NewSheet
                } else {
                    ClosingOutcome::ReturnToWork
                }),
                iin: person.iin,
                continues,
                gestational_weeks: if i == 0 { weeks } else { None },
                routing: Some(person.population.context()),
            });
        }
        Ok(out)
    }

    fn kind(&mut self) -> IncapacityKind {
        self.draw.shares(&self.config.mix.kinds).unwrap_or(IncapacityKind::Disease)
    }

    /// A clean episode of at most `max_sheets` records.
    fn episode(&mut self, max_sheets: usize) -> Result<Unit, GenerateError> {
        let start = self.issue_day();
        let kind = self.kind();
        let person = self.person(start, kind, None)?;
        let plan = self.plan(kind, start, max_sheets);
        let sheets = self.sheets(&plan, &person, false)?;
        let records = sheets
            .iter()
            .map(|s| GeneratedSheet {
                sheet: WireSheet::from(s),
                defect: None,
                civil_servant: person.civil_servant,
                population: person.population,
            })
            .collect();
        Ok(Unit { start, records })
    }

    /// A defect case: a fresh single sheet meeting the defect's needs, the defect put in.
    fn defect_case(&mut self, defect: Defect) -> Result<Unit, GenerateError> {
        let needs = defect.needs();
        let kind = match needs.kind {
            Some(k) => k,
            None => self.kind(),
        };
        let mut start = self.issue_day();
        let plan = self.plan(kind, start, 1);
        let total: u32 = plan.sheets.iter().flatten().sum();
        let closed = needs.closed == Some(true);
        if closed {
            // Start early enough to be closed by the cut-off, where the window allows.
            if let Some(cut) = self.config.as_of {
                let latest = sub(cut, total.saturating_sub(1));
                if start > latest {
                    start = latest.max(self.config.from);
                }
            }
        }
        let plan = Plan { start, ..plan };
        let person = self.person(start, kind, needs.sex)?;
        // Numbers: the base's and the two above it, which a two-sheet defect may take.
        let after = self.number + 3;
        let sheets = self.sheets(&plan, &person, closed)?;
        self.number = after;
        let Some(base) = sheets.first() else {
            return Err(GenerateError::NoIin { birth: start });
        };
        let case = defect.apply(base);
        let records = case
            .sheets
            .into_iter()
            .enumerate()
            .map(|(i, sheet)| GeneratedSheet {
                sheet,
                defect: (i == case.target).then_some(defect),
                civil_servant: person.civil_servant,
                population: person.population,
            })
            .collect();
        Ok(Unit { start, records })
    }
}

/// Generates `config.count` records (see the module documentation).
///
/// # Errors
/// [`GenerateError`] for a share outside [0, 1], shares that do not sum to 1, a window that
/// ends before it starts, or more than [`MAX_RECORDS`] records.
///
/// # Example
/// ```
/// use ereje_sick_leave::generate::{generate, Config};
/// use ereje_sick_leave::{Checker, Context};
/// let mut config = Config::pilot(200, 42);
/// config.mix.defect_share = 0.1;
/// let g = generate(&config, ereje_calendar::Calendar::builtin())?;
/// assert_eq!(g.sheets.len(), 200);
/// assert_eq!(g.defective(), 20);
/// let mut checker = Checker::new();
/// for s in &g.sheets {
///     let checked = checker.check(&s.sheet, &Context::default());
///     match s.defect {
///         Some(d) => assert!(checked.findings.iter().any(|f| f.rule.id == d.rule().id)),
///         None => assert!(checked.findings.is_empty()),
///     }
/// }
/// config.mix.defect_share = 1.5;
/// assert!(generate(&config, ereje_calendar::Calendar::builtin()).is_err());
/// # Ok::<(), ereje_sick_leave::generate::GenerateError>(())
/// ```
pub fn generate(config: &Config, calendar: &Calendar) -> Result<Generated, GenerateError> {
    check_share("the defect share", config.mix.defect_share)?;
    check_share("the civil-servant share", config.mix.civil_servant_share)?;
    check_table("the kinds", &config.mix.kinds)?;
    check_table("the population", &config.mix.population)?;
    if config.to < config.from {
        return Err(GenerateError::BadWindow { from: config.from, to: config.to });
    }
    if config.count > MAX_RECORDS {
        return Err(GenerateError::TooMany { count: config.count, max: MAX_RECORDS });
    }
    let n = config.count;
    let defective = ((config.mix.defect_share * n as f64).round() as usize).min(n);
    let mut clean = n - defective;
    let mut g = Generator::new(config, calendar);
    let singles: Vec<(Defect, u32)> =
        DEFECT_MIX.iter().copied().filter(|(d, _)| d.records() == 1).collect();
    let mut units = Vec::new();
    for _ in 0..defective {
        let mut defect = g.draw.weighted(DEFECT_MIX).unwrap_or(Defect::InvalidIin);
        if defect.records() > 1 {
            if clean == 0 {
                defect = g.draw.weighted(&singles).unwrap_or(Defect::InvalidIin);
            } else {
                clean -= 1;
            }
        }
        units.push(g.defect_case(defect)?);
    }
    while clean > 0 {
        let unit = g.episode(clean.min(2))?;
        clean = clean.saturating_sub(unit.records.len().max(1));
        units.push(unit);
    }
    // Input order: units by their first issue date (ties in generation order); a unit's records
    // keep their order.
    units.sort_by_key(|u| u.start);
    Ok(Generated { sheets: units.into_iter().flat_map(|u| u.records).collect() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Checker, Context};
    use std::collections::BTreeMap;

    fn cal() -> &'static Calendar {
        Calendar::builtin()
    }

    fn config(count: usize, seed: u64, share: f64) -> Config {
        let mut c = Config::pilot(count, seed);
        c.mix.defect_share = share;
        c
    }

    fn ndjson(g: &Generated) -> String {
        g.sheets
            .iter()
            .map(|s| serde_json::to_string(&s.sheet).unwrap_or_default() + "\n")
            .collect()
    }

    #[test]
    fn the_same_configuration_gives_the_same_records() {
        for (n, seed, p) in [(0, 1, 0.0), (1, 1, 1.0), (50, 7, 0.1), (300, 2023, 0.03)] {
            let a = generate(&config(n, seed, p), cal()).unwrap();
            let b = generate(&config(n, seed, p), cal()).unwrap();
            assert_eq!(ndjson(&a), ndjson(&b), "n={n} seed={seed} p={p}");
            assert_eq!(a.sheets.len(), n);
        }
        let a = generate(&config(100, 1, 0.1), cal()).unwrap();
        let b = generate(&config(100, 2, 0.1), cal()).unwrap();
        assert_ne!(ndjson(&a), ndjson(&b), "another seed, other records");
    }

    /// Every defect's record has the defect's finding, every other record none, and the count
    /// of defective records is the share asked for.
    #[test]
    fn the_defect_share_is_the_share_of_records_with_the_defect_s_rule() {
        for (n, seed, p) in [
            (1000, 1, 0.05),
            (1000, 2, 0.2),
            (400, 3, 0.5),
            (200, 4, 1.0),
            (500, 5, 0.0),
            (3, 6, 0.34),
        ] {
            let g = generate(&config(n, seed, p), cal()).unwrap();
            assert_eq!(g.sheets.len(), n);
            let expected = (p * n as f64).round() as usize;
            assert_eq!(g.defective(), expected, "n={n} p={p}");
            let mut checker = Checker::new();
            let ctx = Context::default();
            let mut with_rule = 0;
            for (i, s) in g.sheets.iter().enumerate() {
                let checked = checker.check(&s.sheet, &ctx);
                let ids: Vec<&str> = checked.findings.iter().map(|f| f.rule.id).collect();
                match s.defect {
                    Some(d) => {
                        assert!(
                            ids.contains(&d.rule().id),
                            "record {i}: {d:?} without {}: {ids:?}\n{}",
                            d.rule().id,
                            serde_json::to_string(&s.sheet).unwrap_or_default()
                        );
                        with_rule += 1;
                    }
                    None => assert!(
                        ids.is_empty(),
                        "record {i} (no defect): {ids:?}\n{}",
                        serde_json::to_string(&s.sheet).unwrap_or_default()
                    ),
                }
            }
            assert_eq!(with_rule, expected);
        }
    }

    #[test]
    fn every_defect_of_the_crate_is_in_the_mix() {
        for d in Defect::all() {
            assert!(DEFECT_MIX.iter().any(|(m, w)| *m == d && *w > 0), "{d:?}");
        }
        assert_eq!(DEFECT_MIX.len(), Defect::all().len());
        assert_eq!(DEFECT_MIX.iter().map(|(_, w)| w).sum::<u32>(), 100);
        let errors: u32 = DEFECT_MIX
            .iter()
            .filter(|(d, _)| d.rule().severity == ereje_findings::Severity::Error)
            .map(|(_, w)| w)
            .sum();
        assert_eq!(errors, 58);
    }

    #[test]
    fn every_code_is_in_the_who_list() {
        let tables: &[&[(&str, u32)]] =
            &[DISEASE_CODES, INJURY_CODES, CHILD_CODES, SANATORIUM_CODES];
        for t in tables {
            for (c, _) in *t {
                let code = code(c).unwrap_or_else(|| panic!("{c} is not canonical"));
                assert!(ereje_icd10::exists(&code), "{c}");
            }
        }
        for c in [QUARANTINE_CODE, ABORTION_CODE, MATERNITY_CODE] {
            assert!(code(c).is_some_and(|x| ereje_icd10::exists(&x)), "{c}");
        }
    }

    #[test]
    fn records_are_realistic() {
        let g = generate(&config(3000, 11, 0.0), cal()).unwrap();
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        let mut closed = 0;
        let mut continuations = 0;
        let mut iins = HashSet::new();
        let mut numbers = HashSet::new();
        for s in &g.sheets {
            let w = &s.sheet;
            *kinds.entry(w.kind.as_deref().unwrap_or("").to_owned()).or_default() += 1;
            closed += usize::from(w.status.as_deref() == Some("closed"));
            continuations += usize::from(w.continues.is_some());
            iins.insert(w.iin.as_deref().unwrap_or("").to_owned());
            assert!(numbers.insert(w.number.as_deref().unwrap_or("").to_owned()));
            let issue: NaiveDate = w.issue_date.as_deref().unwrap_or("").parse().unwrap();
            assert!(issue >= PILOT.start && issue <= NaiveDate::from_ymd_opt(2024, 3, 31).unwrap());
        }
        let share = |k: &str| kinds.get(k).copied().unwrap_or(0) as f64 / 3000.0;
        assert!((0.70..0.88).contains(&share("disease")), "{kinds:?}");
        assert!(share("maternity") > 0.005, "{kinds:?}");
        // Most sheets closed by the end of the window; some continued on a second sheet.
        assert!(closed > 2500 && closed < 3000, "{closed}");
        assert!(continuations > 10, "{continuations}");
        // One person an episode: fewer patients than records by the continuations.
        assert!(iins.len() > 2500 && iins.len() < 3000, "{}", iins.len());
        let status = g.status_service();
        let table = crate::FixtureStatusService::parse(&g.status_table()).unwrap();
        assert!(status == table, "the table's text differs from the service");
    }

    #[test]
    fn bad_configurations_are_refused() {
        let mut c = config(10, 1, 0.1);
        c.mix.civil_servant_share = -0.1;
        assert!(matches!(generate(&c, cal()), Err(GenerateError::BadShare { .. })));
        let mut c = config(10, 1, 0.1);
        c.mix.kinds = vec![(IncapacityKind::Disease, 0.5)];
        assert!(matches!(generate(&c, cal()), Err(GenerateError::BadSum { .. })));
        let mut c = config(10, 1, f64::NAN);
        c.mix.defect_share = f64::NAN;
        assert!(matches!(generate(&c, cal()), Err(GenerateError::BadShare { .. })));
        let mut c = config(10, 1, 0.1);
        c.to = sub(c.from, 1);
        assert!(matches!(generate(&c, cal()), Err(GenerateError::BadWindow { .. })));
        assert!(matches!(
            generate(&config(MAX_RECORDS + 1, 1, 0.0), cal()),
            Err(GenerateError::TooMany { .. })
        ));
    }
}
