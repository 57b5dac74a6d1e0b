//! The lenient wire model of form 031/у (strings, numbers, options) and its conversion into
//! typed values inside the check: every value that cannot be converted becomes one finding
//! with its JSON pointer, and the other rules still run.

use chrono::{NaiveDate, NaiveDateTime};
use ereje_calendar::{Territory, parse_date, parse_datetime};
use ereje_findings::Finding;
use ereje_icd10::Icd10Code;
use ereje_id::{Iin, Sex};
use serde::{Deserialize, Serialize};

use crate::exams::ExamKind;
use crate::form::{
    Amputation, Diagnosis, Examination, Form, Organisation, Patient, Vkk, local_datetime_opt,
};
use crate::nosology::AmputationSubForm;
use crate::region::{Mis, Region};
use crate::rules::{MSE_BIRTH_DATE_MISMATCH, MSE_MISSING_FIELD, MSE_SEX_MISMATCH, MSE_UNREADABLE};

/// Form 031/у as read from JSON: every field optional, every value a string, a boolean or a
/// list, converted inside [`check`](crate::check). Only a record that is not JSON, or a value
/// of the wrong primitive type (a number where a string is expected), fails to deserialise.
/// Unknown fields are ignored. The shape is documented in `docs/mse.md` and by
/// [`input_schema`](crate::input_schema).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireForm {
    /// The form's number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_on: Option<String>,
    /// The patient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patient: Option<WirePatient>,
    /// The medical organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<WireOrganisation>,
    /// The diagnoses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diagnosis: Option<WireDiagnosis>,
    /// The examinations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub examinations: Option<Vec<WireExamination>>,
    /// What the form says about an amputation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amputation: Option<WireAmputation>,
    /// The ВКК part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vkk: Option<WireVkk>,
    /// Date-time the form was sent from the MIS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<String>,
    /// Date-time the draft act reached the expert.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expert_received_at: Option<String>,
    /// Date-time of the expert conclusion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expert_concluded_at: Option<String>,
}

/// The patient, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WirePatient {
    /// 12 digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iin: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// `male` / `female` (also `m`/`f`, `м`/`ж`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<String>,
    /// A region's code or name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// The medical organisation, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireOrganisation {
    /// The name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A region's code or name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The MIS vendor's code or name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mis: Option<String>,
}

/// The diagnoses, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireDiagnosis {
    /// The main diagnosis's ICD-10 code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub main: Option<String>,
    /// Complications' codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub complications: Vec<String>,
    /// Concomitant diseases' codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub concomitant: Vec<String>,
}

/// One examination, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireExamination {
    /// The kind's code (`limb_xray`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The conclusion's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
    /// A document reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

/// The amputation part, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireAmputation {
    /// Whether the amputation was surgical.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surgical: Option<bool>,
    /// A sub-form's code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_form: Option<String>,
}

/// The ВКК part, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireVkk {
    /// Protocol number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// The chair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    /// Date-time of the chair's ЭЦП.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<String>,
}

/// A secondary diagnosis: which list, its index, the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Secondary {
    pub(crate) field: &'static str,
    pub(crate) index: usize,
    pub(crate) code: Icd10Code,
}

impl Secondary {
    /// The JSON pointer (built only when a finding needs it).
    pub(crate) fn path(&self) -> String {
        format!("/diagnosis/{}/{}", self.field, self.index)
    }
}

/// An examination as read, borrowing its texts from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ExamPart<'a> {
    pub(crate) index: usize,
    pub(crate) kind: ExamKind,
    pub(crate) date: Option<NaiveDate>,
    pub(crate) conclusion: Option<&'a str>,
    pub(crate) document: Option<&'a str>,
}

impl ExamPart<'_> {
    /// A non-blank conclusion or document reference.
    pub(crate) fn has_content(&self) -> bool {
        let filled = |s: Option<&str>| s.is_some_and(|t| !t.trim().is_empty());
        filled(self.conclusion) || filled(self.document)
    }
}

/// The form as far as it could be converted: what the check's rules run on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Parts<'a> {
    pub(crate) id: Option<&'a str>,
    pub(crate) created_on: Option<NaiveDate>,
    pub(crate) iin: Option<Iin>,
    /// The birth date written on the form.
    pub(crate) birth_date_field: Option<NaiveDate>,
    /// The sex written on the form.
    pub(crate) sex_field: Option<Sex>,
    pub(crate) patient_region: Option<Region>,
    pub(crate) org_name: Option<&'a str>,
    pub(crate) org_region: Option<Region>,
    pub(crate) mis: Option<Mis>,
    pub(crate) main: Option<Icd10Code>,
    /// Secondary diagnoses with their pointers.
    pub(crate) secondary: Vec<Secondary>,
    pub(crate) complications: Vec<Icd10Code>,
    pub(crate) concomitant: Vec<Icd10Code>,
    /// Examinations whose kind could be read, with their index on the form.
    pub(crate) exams: Vec<ExamPart<'a>>,
    pub(crate) amputation: Option<Amputation>,
    pub(crate) vkk_protocol: Option<&'a str>,
    pub(crate) vkk_chair: Option<&'a str>,
    pub(crate) signed_at: Option<NaiveDateTime>,
    pub(crate) sent_at: Option<NaiveDateTime>,
    pub(crate) received_at: Option<NaiveDateTime>,
    pub(crate) concluded_at: Option<NaiveDateTime>,
    /// Whether every required value could be read (so a strict [`Form`] can be built).
    pub(crate) complete: bool,
}

impl Parts<'_> {
    /// The birth date the rules use: the ИИН's when valid, else the form's field.
    pub(crate) fn birth_date(&self) -> Option<NaiveDate> {
        self.iin.map(|i| i.birth_date()).or(self.birth_date_field)
    }

    /// The form's own date: signing date, else creation date.
    pub(crate) fn own_date(&self) -> Option<NaiveDate> {
        self.signed_at.map(|t| t.date()).or(self.created_on)
    }

    /// The strict form, when every required value was read.
    pub(crate) fn to_form(&self) -> Option<Form> {
        if !self.complete {
            return None;
        }
        Some(Form {
            id: self.id.map(str::to_owned),
            created_on: self.created_on?,
            patient: Patient {
                iin: self.iin?,
                birth_date: self.birth_date()?,
                sex: self.sex_field.or(self.iin.map(|i| i.sex()))?,
                region: self.patient_region?,
            },
            organisation: Organisation {
                name: self.org_name.map(str::to_owned),
                region: self.org_region?,
                mis: self.mis.clone()?,
            },
            diagnosis: Diagnosis {
                main: self.main?,
                complications: self.complications.clone(),
                concomitant: self.concomitant.clone(),
            },
            examinations: self
                .exams
                .iter()
                .map(|e| Examination {
                    kind: e.kind,
                    date: e.date,
                    conclusion: e.conclusion.map(str::to_owned),
                    document: e.document.map(str::to_owned),
                })
                .collect(),
            amputation: self.amputation,
            vkk: Vkk {
                protocol: self.vkk_protocol.map(str::to_owned),
                chair: self.vkk_chair.map(str::to_owned),
                signed_at: self.signed_at,
            },
            sent_at: self.sent_at,
            expert_received_at: self.received_at,
            expert_concluded_at: self.concluded_at,
        })
    }
}

impl<'a> From<&'a Form> for Parts<'a> {
    fn from(f: &'a Form) -> Parts<'a> {
        let mut secondary = Vec::new();
        for (i, c) in f.diagnosis.complications.iter().enumerate() {
            secondary.push(Secondary { field: "complications", index: i, code: *c });
        }
        for (i, c) in f.diagnosis.concomitant.iter().enumerate() {
            secondary.push(Secondary { field: "concomitant", index: i, code: *c });
        }
        Parts {
            id: f.id.as_deref(),
            created_on: Some(f.created_on),
            iin: Some(f.patient.iin),
            birth_date_field: Some(f.patient.birth_date),
            sex_field: Some(f.patient.sex),
            patient_region: Some(f.patient.region),
            org_name: f.organisation.name.as_deref(),
            org_region: Some(f.organisation.region),
            mis: Some(f.organisation.mis.clone()),
            main: Some(f.diagnosis.main),
            secondary,
            complications: f.diagnosis.complications.clone(),
            concomitant: f.diagnosis.concomitant.clone(),
            exams: f
                .examinations
                .iter()
                .enumerate()
                .map(|(index, e)| ExamPart {
                    index,
                    kind: e.kind,
                    date: e.date,
                    conclusion: e.conclusion.as_deref(),
                    document: e.document.as_deref(),
                })
                .collect(),
            amputation: f.amputation,
            vkk_protocol: f.vkk.protocol.as_deref(),
            vkk_chair: f.vkk.chair.as_deref(),
            signed_at: f.vkk.signed_at,
            sent_at: f.sent_at,
            received_at: f.expert_received_at,
            concluded_at: f.expert_concluded_at,
            complete: true,
        }
    }
}

impl From<&Form> for WireForm {
    fn from(f: &Form) -> WireForm {
        let dt =
            |t: &Option<NaiveDateTime>| t.map(|t| t.format(local_datetime_opt::FORMAT).to_string());
        let sex = match f.patient.sex {
            Sex::Male => "male",
            Sex::Female => "female",
        };
        WireForm {
            id: f.id.clone(),
            created_on: Some(f.created_on.to_string()),
            patient: Some(WirePatient {
                iin: Some(f.patient.iin.to_string()),
                birth_date: Some(f.patient.birth_date.to_string()),
                sex: Some(sex.to_owned()),
                region: Some(f.patient.region.code().to_owned()),
            }),
            organisation: Some(WireOrganisation {
                name: f.organisation.name.clone(),
                region: Some(f.organisation.region.code().to_owned()),
                mis: Some(f.organisation.mis.code().to_owned()),
            }),
            diagnosis: Some(WireDiagnosis {
                main: Some(f.diagnosis.main.to_string()),
                complications: f.diagnosis.complications.iter().map(ToString::to_string).collect(),
                concomitant: f.diagnosis.concomitant.iter().map(ToString::to_string).collect(),
            }),
            examinations: Some(
                f.examinations
                    .iter()
                    .map(|e| WireExamination {
                        kind: Some(e.kind.code().to_owned()),
                        date: e.date.map(|d| d.to_string()),
                        conclusion: e.conclusion.clone(),
                        document: e.document.clone(),
                    })
                    .collect(),
            ),
            amputation: f.amputation.map(|a| WireAmputation {
                surgical: a.surgical,
                sub_form: a.sub_form.map(|s| s.code().to_owned()),
            }),
            vkk: Some(WireVkk {
                protocol: f.vkk.protocol.clone(),
                chair: f.vkk.chair.clone(),
                signed_at: dt(&f.vkk.signed_at),
            }),
            sent_at: dt(&f.sent_at),
            expert_received_at: dt(&f.expert_received_at),
            expert_concluded_at: dt(&f.expert_concluded_at),
        }
    }
}

/// The value of an optional text field, `None` when absent or blank.
fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Collects the findings of the conversion.
struct Reader {
    findings: Vec<Finding>,
    complete: bool,
}

impl Reader {
    fn missing(&mut self, path: &str) {
        self.complete = false;
        self.findings.push(Finding::new(&MSE_MISSING_FIELD, path).with("field", path));
    }

    fn unreadable(&mut self, path: &str, value: &str, expected: &str) {
        self.complete = false;
        let shown: String = value.chars().take(60).collect();
        self.findings.push(
            Finding::new(&MSE_UNREADABLE, path)
                .with("field", path)
                .with("value", shown)
                .with("expected", expected),
        );
    }

    /// A required text field: its trimmed value, or a missing-field finding.
    fn required<'a>(&mut self, v: &'a Option<String>, path: &str) -> Option<&'a str> {
        let t = text(v);
        if t.is_none() {
            self.missing(path);
        }
        t
    }

    fn date(&mut self, v: Option<&str>, path: &str) -> Option<NaiveDate> {
        let v = v?;
        match parse_date(v) {
            Ok(d) => Some(d),
            Err(_) => {
                self.unreadable(path, v, "YYYY-MM-DD");
                None
            }
        }
    }

    fn datetime(&mut self, v: &Option<String>, path: &str) -> Option<NaiveDateTime> {
        let v = text(v)?;
        match parse_datetime(v, Territory::Astana) {
            Ok(t) => Some(t),
            Err(_) => {
                self.unreadable(path, v, "YYYY-MM-DDTHH:MM[:SS] | RFC 3339");
                None
            }
        }
    }

    fn region(&mut self, v: Option<&str>, path: &str) -> Option<Region> {
        let v = v?;
        match Region::parse_lenient(v) {
            Ok(r) => Some(r),
            Err(_) => {
                self.unreadable(path, v, "akmola, astana, … (docs/mse.md)");
                None
            }
        }
    }

    /// As [`Reader::icd10`], building the path only when a finding needs it.
    fn icd10_lazy(&mut self, v: &str, path: impl FnOnce() -> String) -> Option<Icd10Code> {
        match Icd10Code::parse(v) {
            Ok(p) if p.replaced_cyrillic.is_none() && p.code.exists() => Some(p.code),
            _ => self.icd10(v, &path()),
        }
    }

    fn icd10(&mut self, v: &str, path: &str) -> Option<Icd10Code> {
        let (code, findings) = ereje_icd10::check_value(v, path);
        if code.is_none() {
            self.complete = false;
        }
        self.findings.extend(findings);
        code
    }
}

fn parse_sex(v: &str) -> Option<Sex> {
    match v.to_lowercase().as_str() {
        "male" | "m" | "м" | "мужской" | "ер" => Some(Sex::Male),
        "female" | "f" | "ж" | "женский" | "әйел" => Some(Sex::Female),
        _ => None,
    }
}

/// Converts the wire form into [`Parts`], with a finding for every value that is missing or
/// cannot be read.
pub(crate) fn read(w: &WireForm) -> (Parts<'_>, Vec<Finding>) {
    let mut r = Reader { findings: Vec::new(), complete: true };
    let mut p = Parts { id: text(&w.id), ..Parts::default() };

    let created = r.required(&w.created_on, "/created_on");
    p.created_on = r.date(created, "/created_on");

    match &w.patient {
        None => r.missing("/patient"),
        Some(pt) => {
            if let Some(v) = r.required(&pt.iin, "/patient/iin") {
                match Iin::check(v) {
                    Ok(iin) => p.iin = Some(iin),
                    Err(errors) => {
                        r.complete = false;
                        r.findings.extend(errors.iter().map(|e| e.finding("/patient/iin")));
                    }
                }
            }
            let birth = r.required(&pt.birth_date, "/patient/birth_date");
            p.birth_date_field = r.date(birth, "/patient/birth_date");
            if let Some(v) = r.required(&pt.sex, "/patient/sex") {
                p.sex_field = parse_sex(v);
                if p.sex_field.is_none() {
                    r.unreadable("/patient/sex", v, "male | female");
                }
            }
            let region = r.required(&pt.region, "/patient/region");
            p.patient_region = r.region(region, "/patient/region");
        }
    }
    if let (Some(iin), Some(b)) = (p.iin, p.birth_date_field) {
        if iin.birth_date() != b {
            r.findings.push(
                Finding::new(&MSE_BIRTH_DATE_MISMATCH, "/patient/birth_date")
                    .with("birth_date", b)
                    .with("iin_date", iin.birth_date()),
            );
        }
    }
    if let (Some(iin), Some(s)) = (p.iin, p.sex_field) {
        if iin.sex() != s {
            let name = |s: Sex| if s == Sex::Male { "male" } else { "female" };
            r.findings.push(
                Finding::new(&MSE_SEX_MISMATCH, "/patient/sex")
                    .with("sex", name(s))
                    .with("iin_sex", name(iin.sex())),
            );
        }
    }

    match &w.organisation {
        None => r.missing("/organisation"),
        Some(o) => {
            p.org_name = text(&o.name);
            let region = r.required(&o.region, "/organisation/region");
            p.org_region = r.region(region, "/organisation/region");
            if let Some(v) = r.required(&o.mis, "/organisation/mis") {
                p.mis = Mis::parse_lenient(v).ok();
            }
        }
    }

    match &w.diagnosis {
        None => r.missing("/diagnosis"),
        Some(d) => {
            if let Some(v) = r.required(&d.main, "/diagnosis/main") {
                p.main = r.icd10(v, "/diagnosis/main");
            }
            for (field, list, out) in [
                ("complications", &d.complications, &mut p.complications),
                ("concomitant", &d.concomitant, &mut p.concomitant),
            ] {
                for (i, v) in list.iter().enumerate() {
                    let path = || format!("/diagnosis/{field}/{i}");
                    if v.trim().is_empty() {
                        r.missing(&path());
                        continue;
                    }
                    if let Some(code) = r.icd10_lazy(v, path) {
                        out.push(code);
                        p.secondary.push(Secondary { field, index: i, code });
                    }
                }
            }
        }
    }

    for (i, e) in w.examinations.iter().flatten().enumerate() {
        let Some(kind_text) = text(&e.kind) else {
            r.missing(&format!("/examinations/{i}/kind"));
            continue;
        };
        let kind = match kind_text.parse::<ExamKind>() {
            Ok(k) => k,
            Err(_) => {
                let path = format!("/examinations/{i}/kind");
                r.unreadable(&path, kind_text, "limb_xray, karyotype, … (docs/mse.md)");
                continue;
            }
        };
        let date = match text(&e.date) {
            None => None,
            Some(v) => match parse_date(v) {
                Ok(d) => Some(d),
                Err(_) => {
                    r.unreadable(&format!("/examinations/{i}/date"), v, "YYYY-MM-DD");
                    None
                }
            },
        };
        p.exams.push(ExamPart {
            index: i,
            kind,
            date,
            conclusion: e.conclusion.as_deref(),
            document: e.document.as_deref(),
        });
    }

    if let Some(a) = &w.amputation {
        let sub_form = match text(&a.sub_form) {
            None => None,
            Some(v) => match AmputationSubForm::from_code(v) {
                Ok(s) => Some(s),
                Err(_) => {
                    r.unreadable("/amputation/sub_form", v, "both_thumbs, … (docs/mse.md)");
                    None
                }
            },
        };
        p.amputation = Some(Amputation { surgical: a.surgical, sub_form });
    }

    if let Some(v) = &w.vkk {
        p.vkk_protocol = text(&v.protocol);
        p.vkk_chair = text(&v.chair);
        p.signed_at = r.datetime(&v.signed_at, "/vkk/signed_at");
    }
    p.sent_at = r.datetime(&w.sent_at, "/sent_at");
    p.received_at = r.datetime(&w.expert_received_at, "/expert_received_at");
    p.concluded_at = r.datetime(&w.expert_concluded_at, "/expert_concluded_at");

    p.complete = r.complete;
    (p, r.findings)
}

impl WireForm {
    /// The form's own date, the default as-of date of `ereje-check mse`: the ВКК signing date,
    /// or the creation date while unsigned; `None` when neither can be read.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use ereje_mse::WireForm;
    /// let w: WireForm = serde_json::from_str(r#"{"created_on": "2025-09-01", "vkk": {"signed_at": "2025-09-02T09:00"}}"#)?;
    /// assert_eq!(w.default_as_of().map(|d| d.to_string()).as_deref(), Some("2025-09-02"));
    /// let w: WireForm = serde_json::from_str(r#"{"created_on": "2025-09-01"}"#)?;
    /// assert_eq!(w.default_as_of().map(|d| d.to_string()).as_deref(), Some("2025-09-01"));
    /// assert_eq!(WireForm::default().default_as_of(), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn default_as_of(&self) -> Option<NaiveDate> {
        let signed = self
            .vkk
            .as_ref()
            .and_then(|v| text(&v.signed_at))
            .and_then(|s| parse_datetime(s, Territory::Astana).ok())
            .map(|t| t.date());
        signed.or_else(|| text(&self.created_on).and_then(|s| parse_date(s).ok()))
    }

    /// Converts to the strict [`Form`] when every required value can be read, with the findings
    /// of the conversion (warnings such as an unknown ICD-10 code do not prevent the form).
    ///
    /// # Errors
    /// None: `None` and the findings say why no form could be built.
    ///
    /// # Example
    /// ```
    /// use ereje_mse::WireForm;
    /// let w: WireForm = serde_json::from_str(r#"{"created_on": "2025-09-01"}"#)?;
    /// let (form, findings) = w.to_form();
    /// assert!(form.is_none());
    /// assert_eq!(findings[0].path, "/patient");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_form(&self) -> (Option<Form>, Vec<Finding>) {
        let (parts, findings) = read(self);
        (parts.to_form(), findings)
    }
}
