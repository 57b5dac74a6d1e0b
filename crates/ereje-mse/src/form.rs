//! The strict typed model of form 031/у as the pilot needs it, for library users who want
//! fail-fast parsing; validators read [`WireForm`](crate::WireForm) instead.

use chrono::{NaiveDate, NaiveDateTime};
use ereje_icd10::Icd10Code;
use ereje_id::{Iin, Sex};
use serde::{Deserialize, Serialize};

use crate::exams::ExamKind;
use crate::nosology::AmputationSubForm;
use crate::region::{Mis, Region};

/// Form 031/у «Заключение на медико-социальную экспертизу» (order ҚР ДСМ-175/2020 of
/// 30.10.2020, registry No. 21579), filled in the medical organisation's MIS and signed with the
/// ЭЦП of the ВКК chair (Algorithm para 2 sub-para 4)), restricted to what the pilot needs.
///
/// The form's own field list was not available (see `docs/mse.md`): the fields are those the
/// pilot's algorithm relies on. Date-times are local time of Astana (the whole country is UTC+5
/// since 1 March 2024); on the wire they may carry an RFC 3339 offset.
///
/// Strict [`Deserialize`]: canonical ICD-10 codes, a valid ИИН, codes of the crate's
/// enumerations; the first problem fails the whole form.
///
/// ```
/// let json = r#"{
///   "created_on": "2025-09-01",
///   "patient": {"iin": "900101400013", "birth_date": "1990-01-01", "sex": "female", "region": "akmola"},
///   "organisation": {"region": "akmola", "mis": "damu"},
///   "diagnosis": {"main": "Q90.0"},
///   "vkk": {"signed_at": "2025-09-02T10:00:00"}
/// }"#;
/// let form: ereje_mse::Form = serde_json::from_str(json)?;
/// assert_eq!(form.diagnosis.main.to_string(), "Q90.0");
/// assert!(serde_json::from_str::<ereje_mse::Form>(&json.replace("Q90.0", "q900")).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// The form's number in the MIS, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The date the form was created in the MIS.
    pub created_on: NaiveDate,
    /// The patient.
    pub patient: Patient,
    /// The medical organisation that refers the patient.
    pub organisation: Organisation,
    /// The diagnoses.
    pub diagnosis: Diagnosis,
    /// The examinations and objective data written on the form.
    #[serde(default)]
    pub examinations: Vec<Examination>,
    /// What the form says about an amputation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amputation: Option<Amputation>,
    /// The ВКК's decision and signature.
    #[serde(default)]
    pub vkk: Vkk,
    /// When the signed form left the MIS (MIS → ИС МЗ РК → АИС «ЦБДИ», para 5).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "local_datetime_opt")]
    pub sent_at: Option<NaiveDateTime>,
    /// When the draft МСЭ act reached the expert after distribution (para 7, 9).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "local_datetime_opt")]
    pub expert_received_at: Option<NaiveDateTime>,
    /// When the expert signed the expert conclusion (para 9).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "local_datetime_opt")]
    pub expert_concluded_at: Option<NaiveDateTime>,
}

/// The patient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    /// The ИИН.
    pub iin: Iin,
    /// The date of birth as written on the form.
    pub birth_date: NaiveDate,
    /// The sex as written on the form.
    pub sex: Sex,
    /// The region of residence.
    pub region: Region,
}

/// The medical organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The name, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The region the organisation is in.
    pub region: Region,
    /// The MIS it fills forms in.
    pub mis: Mis,
}

/// The diagnoses, each with its ICD-10 code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diagnosis {
    /// The main diagnosis: it decides the nosology.
    pub main: Icd10Code,
    /// Complications of the main diagnosis.
    #[serde(default)]
    pub complications: Vec<Icd10Code>,
    /// Concomitant diseases.
    #[serde(default)]
    pub concomitant: Vec<Icd10Code>,
}

/// One examination or item of objective data written on the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examination {
    /// What it is.
    pub kind: ExamKind,
    /// When it was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The conclusion's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
    /// A reference to the document (its id in the MIS, a file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

impl Examination {
    /// Whether the entry carries data: a non-blank conclusion or document reference. An entry
    /// without either does not count as done.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use ereje_mse::{ExamKind, Examination};
    /// let e = Examination { kind: ExamKind::LimbXray, date: None, conclusion: Some("  ".into()), document: None };
    /// assert!(!e.has_content());
    /// ```
    pub fn has_content(&self) -> bool {
        let filled = |s: &Option<String>| s.as_deref().is_some_and(|t| !t.trim().is_empty());
        filled(&self.conclusion) || filled(&self.document)
    }
}

/// What the form says about an amputation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amputation {
    /// Whether the amputation was surgical (then insert sheet 10 to form 001/у is required);
    /// `None`: the form does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surgical: Option<bool>,
    /// The named sub-form of item 1 (informational).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_form: Option<AmputationSubForm>,
}

/// The ВКК (врачебно-консультативная комиссия) part of the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vkk {
    /// The protocol number of the decision to refer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// The chair who signs with ЭЦП.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    /// When the chair signed; `None` while unsigned.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "local_datetime_opt")]
    pub signed_at: Option<NaiveDateTime>,
}

impl Form {
    /// The form's own date: the ВКК signing date, or the creation date while unsigned (the
    /// default `--as-of` of `ereje-check mse`).
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let form: ereje_mse::Form = serde_json::from_str(r#"{"created_on": "2025-09-01",
    ///   "patient": {"iin": "780412300219", "birth_date": "1978-04-12", "sex": "male", "region": "akmola"},
    ///   "organisation": {"region": "akmola", "mis": "damu"}, "diagnosis": {"main": "S88.1"},
    ///   "examinations": [{"kind": "limb_xray", "document": "PACS-1"}, {"kind": "surgeon_conclusion"}],
    ///   "amputation": {"surgical": true}, "vkk": {"signed_at": "2025-09-02T10:00"}}"#)?;
    /// assert_eq!(form.own_date().to_string(), "2025-09-02");
    /// assert_eq!(form.present_exam_kinds(), [ereje_mse::ExamKind::LimbXray]); // the other is empty
    /// assert_eq!(form.surgical(), Some(true));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn own_date(&self) -> NaiveDate {
        self.vkk.signed_at.map_or(self.created_on, |t| t.date())
    }

    /// The kinds of the examinations that carry data.
    /// # Errors
    /// None.
    pub fn present_exam_kinds(&self) -> Vec<ExamKind> {
        self.examinations.iter().filter(|e| e.has_content()).map(|e| e.kind).collect()
    }

    /// The surgical flag, when an amputation part is present.
    /// # Errors
    /// None.
    pub fn surgical(&self) -> Option<bool> {
        self.amputation.and_then(|a| a.surgical)
    }
}

/// Deserialises a string through `parse` without allocating (the string is only borrowed for the
/// call), reporting `parse`'s error.
pub(crate) fn deserialize_str_with<'de, D, T, E>(
    d: D,
    expecting: &'static str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    E: std::fmt::Display,
{
    struct V<F>(&'static str, F);
    impl<'de, T, E: std::fmt::Display, F: FnOnce(&str) -> Result<T, E>> serde::de::Visitor<'de>
        for V<F>
    {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<Er: serde::de::Error>(self, v: &str) -> Result<T, Er> {
            (self.1)(v).map_err(Er::custom)
        }
    }
    d.deserialize_str(V(expecting, parse))
}

/// Writes dates as `YYYY-MM-DD` without the formatting machinery (a result carries several).
pub(crate) mod fast_date {
    use chrono::{Datelike, NaiveDate};
    use serde::Serializer;

    pub(crate) fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        let year = match u32::try_from(d.year()) {
            Ok(y) if y <= 9999 => y,
            _ => return s.collect_str(d),
        };
        let mut b = *b"0000-00-00";
        let mut put = |at: usize, width: usize, mut n: u32| {
            for i in (at..at + width).rev() {
                if let Some(slot) = b.get_mut(i) {
                    *slot = b'0' + u8::try_from(n % 10).unwrap_or(0);
                }
                n /= 10;
            }
        };
        put(0, 4, year);
        put(5, 2, d.month());
        put(8, 2, d.day());
        s.serialize_str(std::str::from_utf8(&b).unwrap_or_default())
    }

    /// The same for an optional date.
    pub(crate) mod opt {
        use chrono::NaiveDate;
        use serde::Serializer;

        pub(crate) fn serialize<S: Serializer>(
            d: &Option<NaiveDate>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }
    }
}

/// Serde for an optional local date-time: written `YYYY-MM-DDTHH:MM:SS`; read as the contract's
/// date-times (`YYYY-MM-DDTHH:MM[:SS]` local to Astana, or RFC 3339 with an offset).
pub(crate) mod local_datetime_opt {
    use chrono::NaiveDateTime;
    use ereje_calendar::{Territory, parse_datetime};
    use serde::{Deserializer, Serializer};

    pub(crate) const FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

    /// Writes `t` as `YYYY-MM-DDTHH:MM:SS` without going through a format string (results are
    /// written by the hundred thousand); years outside 0–9999 take the general path.
    pub(crate) fn write<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        use chrono::{Datelike, Timelike};
        let year = match u32::try_from(t.year()) {
            Ok(y) if y <= 9999 => y,
            _ => return s.collect_str(&t.format(FORMAT)),
        };
        let mut b = *b"0000-00-00T00:00:00";
        let mut put = |at: usize, width: usize, mut n: u32| {
            for i in (at..at + width).rev() {
                if let Some(slot) = b.get_mut(i) {
                    *slot = b'0' + u8::try_from(n % 10).unwrap_or(0);
                }
                n /= 10;
            }
        };
        put(0, 4, year);
        put(5, 2, t.month());
        put(8, 2, t.day());
        put(11, 2, t.hour());
        put(14, 2, t.minute());
        put(17, 2, t.second());
        s.serialize_str(std::str::from_utf8(&b).unwrap_or_default())
    }

    pub(crate) fn serialize<S: Serializer>(
        v: &Option<NaiveDateTime>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(t) => write(t, s),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<NaiveDateTime>, D::Error> {
        struct Opt;
        impl<'de> serde::de::Visitor<'de> for Opt {
            type Value = Option<NaiveDateTime>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date-time YYYY-MM-DDTHH:MM[:SS] or null")
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                super::deserialize_str_with(d, "a date-time", |s| {
                    parse_datetime(s, Territory::Astana).map(Some)
                })
            }
        }
        d.deserialize_option(Opt)
    }
}
