//! The typed sheet: the 38 data items of the pilot's appendix, the patient's ИИН, the sheet it
//! continues, and the enumerations of the items that take one of a few values.
//!
//! These types are strict: [`Deserialize`] fails on the first bad value (fail-fast parsing for
//! library users). The validator reads records through the lenient [`crate::WireSheet`] instead
//! and converts inside its check, so that every bad value becomes a finding.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use ereje_icd10::Icd10Code;
use ereje_id::{Iin, Sex};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::routing::RoutingContext;

/// A value that is not one of an enumeration's codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{value}` (expected one of: {expected})")]
pub struct UnknownCode {
    /// The item (`status`, `type`, `kind`, …).
    pub what: &'static str,
    /// The value given.
    pub value: String,
    /// The codes accepted, comma-separated.
    pub expected: &'static str,
}

/// Declares a closed enumeration with its JSON codes, `FromStr` (trimmed, ASCII case-insensitive)
/// and `Display`.
macro_rules! codes {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident => $code:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The codes accepted, comma-separated (for messages).
            pub const EXPECTED: &'static str = concat!($($code, ", "),+);

            /// The JSON code.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }
        }

        impl FromStr for $name {
            type Err = UnknownCode;
            /// Reads a code; surrounding whitespace and ASCII case are ignored.
            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                let t = s.trim();
                $( if t.eq_ignore_ascii_case($code) { return Ok($name::$variant); } )+
                Err(UnknownCode {
                    what: $what,
                    value: t.to_owned(),
                    expected: Self::EXPECTED.trim_end_matches(", "),
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

codes! {
    /// Item 2, «Статус» / «Мәртебесі»: the state of the sheet.
    ///
    /// The appendix names the item but not its values. The three codes are those of the events
    /// the pilot's Е-қызмет service receives («сведения об открытии/продлении/закрытии
    /// больничного листа», algorithm p. 6 ru / p. 5 kk).
    Status, "status" {
        /// Open (issued, not yet extended or closed).
        Open => "open",
        /// Extended (a release period was added, or a continuation sheet issued).
        Extended => "extended",
        /// Closed.
        Closed => "closed",
    }
}

codes! {
    /// Item 3, «Тип (Первичный/продолжение листка/закрытие)» / «Түрі (бастапқы / парақтың
    /// жалғасы/жабылуы)»: the three values are the appendix's own.
    ///
    /// Reading (see `docs/sick-leave.md`): a *primary* sheet opens a case; a *continuation* is a
    /// new sheet that continues an earlier one (the paper form's «продолжение листка №»); a
    /// *closure* is the sheet on which the case is closed (it may itself continue an earlier
    /// sheet, named in `continues`).
    SheetType, "type" {
        /// «Первичный» / «бастапқы».
        Primary => "primary",
        /// «Продолжение листка» / «парақтың жалғасы».
        Continuation => "continuation",
        /// «Закрытие» / «жабылуы».
        Closure => "closure",
    }
}

codes! {
    /// Item 13, «Вид временной нетрудоспособности» / «Еңбекке уақытша жарамсыздық түрі».
    ///
    /// The grounds for a sheet under order ҚР ДСМ-198/2020 as secondary sources list them (the
    /// list is cut off in the source, hence `other`); tuberculosis has its own section of the
    /// rules.
    IncapacityKind, "kind" {
        /// Acute disease or exacerbation of a chronic disease.
        Disease => "disease",
        /// Injury or poisoning.
        Injury => "injury",
        /// Abortion (artificial termination of pregnancy).
        Abortion => "abortion",
        /// Care of a sick child.
        ChildCare => "child_care",
        /// Pregnancy and childbirth (excluded from the pilot's routing).
        Maternity => "maternity",
        /// Adoption of a newborn.
        Adoption => "adoption",
        /// After-care in a sanatorium.
        Sanatorium => "sanatorium",
        /// Quarantine.
        Quarantine => "quarantine",
        /// Orthopaedic prosthetics.
        Prosthetics => "prosthetics",
        /// Tuberculosis.
        Tuberculosis => "tuberculosis",
        /// A ground not listed above.
        Other => "other",
    }
}

codes! {
    /// Item 18, «Тип режима (амбулаторный, стационарный)» / «Режим түрі (амбулаториялық,
    /// стационарлық)»: the two values are the appendix's own.
    Regime, "regime" {
        /// Outpatient («амбулаторный»).
        Outpatient => "outpatient",
        /// Inpatient («стационарный»).
        Inpatient => "inpatient",
    }
}

codes! {
    /// How a closed sheet closed (an Ereje field, `outcome`; not one of the 38 items).
    ///
    /// Items 34 (return to work) and 35 (new sheet issued) state two of the outcomes themselves;
    /// disability established (after МСЭ, items 24–28), death and other outcomes have no item of
    /// their own, so a sender states them here.
    ClosingOutcome, "outcome" {
        /// The person returns to work (item 34 gives the date).
        ReturnToWork => "return_to_work",
        /// A new sheet was issued (item 35 gives its number).
        NewSheet => "new_sheet",
        /// Disability established by МСЭ.
        Disability => "disability",
        /// Death.
        Death => "death",
        /// Another outcome.
        Other => "other",
    }
}

/// Reads the sex code `male` / `female` (item 4).
///
/// # Errors
/// [`UnknownCode`] for any other value.
///
/// # Example
/// ```
/// use ereje_id::Sex;
/// assert_eq!(ereje_sick_leave::parse_sex(" Female ")?, Sex::Female);
/// assert!(ereje_sick_leave::parse_sex("f").is_err());
/// # Ok::<(), ereje_sick_leave::UnknownCode>(())
/// ```
pub fn parse_sex(s: &str) -> Result<Sex, UnknownCode> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("male") {
        Ok(Sex::Male)
    } else if t.eq_ignore_ascii_case("female") {
        Ok(Sex::Female)
    } else {
        Err(UnknownCode { what: "sex", value: t.to_owned(), expected: "male, female" })
    }
}

/// The code of a sex (`male` / `female`).
pub fn sex_code(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "male",
        Sex::Female => "female",
    }
}

/// Why a text is not a sheet number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetNumberError {
    /// Empty or only whitespace.
    #[error("empty sheet number")]
    Empty,
    /// Longer than [`SheetNumber::MAX_LEN`] characters.
    #[error("sheet number of {len} characters, at most {max}")]
    TooLong {
        /// Its length in characters.
        len: usize,
        /// The maximum.
        max: usize,
    },
    /// Holds a control character.
    #[error("sheet number holds a control character")]
    Control,
}

/// The number of a sheet (item 1, «Номер и серия больничного листа» / «Еңбекке уақытша
/// жарамсыздық парағының нөмірі мен сериясы», without the series).
///
/// The paper form of order ҚР ДСМ-198/2020 prints «Серия № 0000000», a series and a 7-digit
/// number; the numbering of electronic sheets is not public, so only what any number must be is
/// checked: not blank, at most [`SheetNumber::MAX_LEN`] characters, no control characters.
/// Surrounding whitespace is trimmed.
///
/// ```
/// use ereje_sick_leave::SheetNumber;
/// assert_eq!(SheetNumber::new(" 0012345 ")?.as_str(), "0012345");
/// assert!(SheetNumber::new("  ").is_err());
/// # Ok::<(), ereje_sick_leave::SheetNumberError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SheetNumber(String);

impl SheetNumber {
    /// The longest number accepted, in characters.
    pub const MAX_LEN: usize = 40;

    /// Checks and trims a number.
    ///
    /// # Errors
    /// [`SheetNumberError`] when blank, too long or holding a control character.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::{SheetNumber, SheetNumberError};
    /// assert!(SheetNumber::new("0000001").is_ok());
    /// assert_eq!(SheetNumber::new(""), Err(SheetNumberError::Empty));
    /// ```
    pub fn new(value: &str) -> Result<SheetNumber, SheetNumberError> {
        let t = value.trim();
        if t.is_empty() {
            return Err(SheetNumberError::Empty);
        }
        let len = t.chars().count();
        if len > SheetNumber::MAX_LEN {
            return Err(SheetNumberError::TooLong { len, max: SheetNumber::MAX_LEN });
        }
        if t.chars().any(char::is_control) {
            return Err(SheetNumberError::Control);
        }
        Ok(SheetNumber(t.to_owned()))
    }

    /// The number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SheetNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for SheetNumber {
    type Err = SheetNumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SheetNumber::new(s)
    }
}

impl Serialize for SheetNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SheetNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SheetNumber, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        SheetNumber::new(&s).map_err(serde::de::Error::custom)
    }
}

/// A reference to another sheet: its series and number (the continued sheet, `continues`; the
/// new sheet issued, item 35).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SheetRef {
    /// The series, when the numbering has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// The number.
    pub number: SheetNumber,
}

impl SheetRef {
    /// The identity of the sheet in a batch: the series (trimmed, upper case) and the number.
    pub fn key(&self) -> SheetKey {
        SheetKey::new(self.series.as_deref(), self.number.as_str())
    }
}

/// The identity of a sheet: series (trimmed, upper-cased) and number (trimmed), as compared
/// across a batch (duplicates, chains).
///
/// ```
/// use ereje_sick_leave::SheetKey;
/// assert_eq!(SheetKey::new(Some(" аа "), "0000001"), SheetKey::new(Some("АА"), " 0000001"));
/// assert_eq!(SheetKey::new(Some("АА"), "0000001").to_string(), "АА 0000001");
/// assert_eq!(SheetKey::new(None, "0000001").to_string(), "0000001");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SheetKey {
    text: Box<str>,
}

impl SheetKey {
    /// The key of a series (optional, blank = none) and a number.
    pub fn new(series: Option<&str>, number: &str) -> SheetKey {
        let series = series.map(crate::wire::trim).filter(|s| !s.is_empty());
        let number = crate::wire::trim(number);
        let mut text = String::with_capacity(series.map_or(0, |s| s.len() + 1) + number.len());
        if let Some(s) = series {
            text.extend(s.chars().flat_map(char::to_uppercase));
            text.push(' ');
        }
        text.push_str(number);
        SheetKey { text: text.into_boxed_str() }
    }

    /// The key as an owned string.
    pub fn into_string(self) -> String {
        self.text.into_string()
    }

    /// The key as written in messages and results: `SERIES NUMBER`, or the number alone.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// A 128-bit fingerprint (FNV-1a) of the key, the few bytes the batch keeps per sheet
    /// number seen. Two distinct keys share one with probability about 2⁻¹²⁸ per pair.
    pub fn fingerprint(&self) -> u128 {
        const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
        const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
        self.text.bytes().fold(OFFSET, |h, b| (h ^ u128::from(b)).wrapping_mul(PRIME))
    }
}

impl fmt::Display for SheetKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Item 5, «Наименование и адрес медицинской организации».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// The name.
    pub name: String,
    /// The address.
    pub address: String,
}

/// Item 8, «ФИО» / «ТАӘ»: the paper form asks for the surname, the name and the patronymic
/// (only when there is one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FullName {
    /// Surname.
    pub surname: String,
    /// Given name.
    pub name: String,
    /// Patronymic, when the person has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
}

/// A span of days, both ends included (items 17, 21, 22 and each row of item 29).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
}

impl Period {
    /// The number of calendar days, both ends counted; 0 when `to` is before `from`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_sick_leave::Period;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// assert_eq!(Period { from: d(1, 1), to: d(1, 1) }.days(), 1);
    /// assert_eq!(Period { from: d(1, 2), to: d(1, 1) }.days(), 0);
    /// ```
    pub fn days(&self) -> u32 {
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(0)
    }
}

/// A doctor who signs: position and full name (items 30–31, 32–33, 36–37).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    /// Position («Должность врача» / «Дәрігер лауазымы»).
    pub position: String,
    /// Full name («ФИО врача» / «Дәрігердің ТАӘ»).
    pub name: String,
}

/// One row of the release-from-work table (items 29–33).
///
/// Reading of items 29–33 (see `docs/sick-leave.md`): item 29 is the table of release periods,
/// one row per period; each row is signed by the doctor of items 30–31 and, where a second
/// signature is needed (the head of department or the ВКК chair on an extension), by the doctor
/// of items 32–33. A sheet with one period and two signatories and a sheet with several rows are
/// both expressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleasePeriod {
    /// First day released from work.
    pub from: NaiveDate,
    /// Last day released from work (inclusive).
    pub to: NaiveDate,
    /// Items 30–31: the doctor who released.
    pub doctor: Signatory,
    /// Items 32–33: the second signatory, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_doctor: Option<Signatory>,
}

impl ReleasePeriod {
    /// The period's days.
    pub fn period(&self) -> Period {
        Period { from: self.from, to: self.to }
    }
}

/// Item 19, «Отметки о нарушении режима»: one mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegimeViolation {
    /// The day of the violation, when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The mark as written.
    pub mark: String,
}

/// Items 24–28: the referral to medico-social examination (МСЭ / МӘС) and its result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mse {
    /// Item 24, «Направлен на МСЭ»: referred.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub referred: bool,
    /// Item 24: the date of the referral, as the paper form records it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral_date: Option<NaiveDate>,
    /// Item 25, «ФИО врача, направившего на МСЭ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referring_doctor: Option<String>,
    /// Item 26, «Дата освидетельствования».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub examination_date: Option<NaiveDate>,
    /// Item 27, «Экспертное заключение».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
    /// Item 28, «ФИО начальника отдела МСЭ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
}

impl Mse {
    /// True when nothing of items 24–28 is filled.
    pub fn is_empty(&self) -> bool {
        *self == Mse::default()
    }
}

/// The electronic sick-leave sheet: the 38 items of the appendix to the pilot's algorithm (joint
/// order No. 160 of 31.10.2023), the patient's ИИН, the sheet it continues, and two optional
/// Ereje fields (`outcome`, `gestational_weeks`) plus the routing context of the pilot.
///
/// The JSON layout (field names, types, which are optional) is documented in
/// `docs/sick-leave.md` and in [`crate::INPUT_SCHEMA`]; the same layout is read leniently by
/// [`crate::WireSheet`]. `Deserialize` here is strict: it fails on the first bad value.
///
/// ```
/// let sheet = ereje_sick_leave::example_sheet();
/// let json = serde_json::to_string(&sheet)?;
/// let back: ereje_sick_leave::Sheet = serde_json::from_str(&json)?;
/// assert_eq!(back, sheet);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    /// Item 1: the series, when the numbering has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// Item 1: the number.
    pub number: SheetNumber,
    /// Item 2.
    pub status: Status,
    /// Item 3.
    #[serde(rename = "type")]
    pub sheet_type: SheetType,
    /// Item 4.
    pub sex: Sex,
    /// Item 5.
    pub organisation: Organisation,
    /// Item 6.
    pub issue_date: NaiveDate,
    /// Item 7: age in full years.
    pub age: u8,
    /// Item 8.
    pub full_name: FullName,
    /// Item 9: place of work (the legal entity).
    pub workplace: String,
    /// Item 10: position.
    pub position: String,
    /// Item 11.
    pub icd10: Icd10Code,
    /// Item 12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_icd10: Option<Icd10Code>,
    /// Item 13.
    pub kind: IncapacityKind,
    /// Item 14: the sick child's age in full years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_age: Option<u8>,
    /// Item 15: the child's disease by ICD-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_icd10: Option<Icd10Code>,
    /// Item 16: the child's disease by ICD-10 at quarantine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_quarantine_icd10: Option<Icd10Code>,
    /// Item 17: the sanatorium voucher's first and last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sanatorium: Option<Period>,
    /// Item 18.
    pub regime: Regime,
    /// Item 19.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regime_violations: Vec<RegimeViolation>,
    /// Item 20: the doctor's full name.
    pub doctor: String,
    /// Item 21: the inpatient stay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inpatient_stay: Option<Period>,
    /// Item 22: the temporary transfer to other work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_work: Option<Period>,
    /// Item 23: the chief doctor's full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chief_doctor: Option<String>,
    /// Items 24–28.
    #[serde(default, skip_serializing_if = "Mse::is_empty")]
    pub mse: Mse,
    /// Items 29–33: the release-from-work table, in order.
    pub release_periods: Vec<ReleasePeriod>,
    /// Item 34: the day to return to work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_to_work: Option<NaiveDate>,
    /// Item 35: the new sheet issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_sheet: Option<SheetRef>,
    /// Items 36–37: the doctor who closed the sheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_doctor: Option<Signatory>,
    /// Item 38: the sending medical information system.
    pub sender_mis: String,
    /// How the sheet closed (Ereje field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ClosingOutcome>,
    /// The patient's ИИН (the pilot queries the civil-servant status by it).
    pub iin: Iin,
    /// The sheet this one continues (the paper form's «продолжение листка №»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<SheetRef>,
    /// The gestational age in weeks on the issue date (Ereje field; maternity sheets only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gestational_weeks: Option<u8>,
    /// The pilot's routing context of the patient (Ereje field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing: Option<RoutingContext>,
}

impl Sheet {
    /// The sheet's identity in a batch.
    pub fn key(&self) -> SheetKey {
        SheetKey::new(self.series.as_deref(), self.number.as_str())
    }

    /// True when the sheet is closed: status `closed` or type `closure`.
    pub fn is_closed(&self) -> bool {
        self.status == Status::Closed || self.sheet_type == SheetType::Closure
    }

    /// The first and last day released from work over all rows, if any row.
    pub fn incapacity(&self) -> Option<Period> {
        let from = self.release_periods.iter().map(|p| p.from).min()?;
        let to = self.release_periods.iter().map(|p| p.to).max()?;
        Some(Period { from, to })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_from_str_and_serde() {
        for k in IncapacityKind::ALL {
            assert_eq!(k.code().parse::<IncapacityKind>(), Ok(*k));
            assert_eq!(serde_json::to_string(k).unwrap(), format!("\"{}\"", k.code()));
        }
        for s in Status::ALL {
            assert_eq!(s.code().to_uppercase().parse::<Status>(), Ok(*s));
        }
        let e = "first".parse::<SheetType>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown type `first` (expected one of: primary, continuation, closure)"
        );
    }

    #[test]
    fn sheet_number_rules() {
        assert_eq!(
            SheetNumber::new(&"1".repeat(41)),
            Err(SheetNumberError::TooLong { len: 41, max: 40 })
        );
        assert_eq!(SheetNumber::new("12\u{7}"), Err(SheetNumberError::Control));
        assert!(serde_json::from_str::<SheetNumber>("\" \"").is_err());
    }

    #[test]
    fn fingerprints_differ_for_different_keys() {
        let a = SheetKey::new(Some("АА"), "0000001");
        let b = SheetKey::new(Some("АА"), "0000002");
        let c = SheetKey::new(None, "АА 0000001");
        assert_ne!(a.fingerprint(), b.fingerprint());
        // The same text is the same sheet, however it was split into series and number.
        assert_eq!(a.fingerprint(), c.fingerprint());
    }
}
