//! The mandatory examinations and objective data of Appendix 2 to the Algorithm as data, and
//! the signing gate of para 4: with a mandatory examination missing the ВКК chair cannot sign.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::MseError;
use crate::nosology::Nosology;

/// The kind of an examination written on form 031/у: what it *is*. The requirements
/// ([`EXAM_REQUIREMENTS`]) say which kinds a nosology needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExamKind {
    /// Extract from the inpatient's medical card (выписка из медицинской карты стационарного
    /// пациента).
    InpatientExtract,
    /// Extract from the outpatient's medical card (выписка из медицинской карты амбулаторного
    /// пациента).
    OutpatientExtract,
    /// Conclusion of a traumatologist-orthopaedist, adult or paediatric.
    TraumatologistOrthopaedistConclusion,
    /// Conclusion of a surgeon.
    SurgeonConclusion,
    /// X-ray of the affected limb.
    LimbXray,
    /// Radiologist's conclusion stating the amputation level.
    RadiologistConclusion,
    /// Insert sheet 10 to form 001/у «Медицинская карта стационарного пациента».
    InsertSheet10,
    /// Karyotype of peripheral-blood lymphocytes.
    Karyotype,
    /// Geneticist's conclusion.
    GeneticistConclusion,
    /// Neurologist's (невропатолог) conclusion.
    NeurologistConclusion,
    /// Psychiatrist's conclusion on the severity of mental impairment.
    PsychiatristConclusion,
    /// Conclusion of the psychological-pedagogical commission («психолога-педагогической
    /// комиссии», as the seed names it; ПМПК).
    PsychologicalPedagogicalCommissionConclusion,
    /// Molecular-genetic test identifying the DNA mutations.
    MolecularGeneticTest,
    /// A specialist's consultation (additional, by indication).
    SpecialistConsultation,
    /// Any other examination (additional, by indication).
    OtherExamination,
}

/// Per kind: code, Russian wording of the seed, English.
const KINDS: &[(ExamKind, &str, &str, &str)] = &[
    (
        ExamKind::InpatientExtract,
        "inpatient_extract",
        "выписка из медицинской карты стационарного пациента",
        "extract from the inpatient medical card",
    ),
    (
        ExamKind::OutpatientExtract,
        "outpatient_extract",
        "выписка из медицинской карты амбулаторного пациента",
        "extract from the outpatient medical card",
    ),
    (
        ExamKind::TraumatologistOrthopaedistConclusion,
        "traumatologist_orthopaedist_conclusion",
        "заключение врача травматолога-ортопеда (взрослого, детского)",
        "conclusion of a traumatologist-orthopaedist (adult, paediatric)",
    ),
    (
        ExamKind::SurgeonConclusion,
        "surgeon_conclusion",
        "заключение хирурга",
        "conclusion of a surgeon",
    ),
    (
        ExamKind::LimbXray,
        "limb_xray",
        "рентгенография пораженной конечности",
        "X-ray of the affected limb",
    ),
    (
        ExamKind::RadiologistConclusion,
        "radiologist_conclusion",
        "заключение рентгенолога с указанием уровня ампутации",
        "radiologist's conclusion stating the amputation level",
    ),
    (
        ExamKind::InsertSheet10,
        "insert_sheet_10",
        "вкладной лист 10 к медицинской карте стационарного пациента по форме № 001/у",
        "insert sheet 10 to the inpatient medical card, form 001/у",
    ),
    (
        ExamKind::Karyotype,
        "karyotype",
        "кариотипическое исследование лимфоцитов периферической крови",
        "karyotype of peripheral-blood lymphocytes",
    ),
    (
        ExamKind::GeneticistConclusion,
        "geneticist_conclusion",
        "заключение генетика",
        "geneticist's conclusion",
    ),
    (
        ExamKind::NeurologistConclusion,
        "neurologist_conclusion",
        "заключение невропатолога",
        "neurologist's conclusion",
    ),
    (
        ExamKind::PsychiatristConclusion,
        "psychiatrist_conclusion",
        "заключение психиатра",
        "psychiatrist's conclusion",
    ),
    (
        ExamKind::PsychologicalPedagogicalCommissionConclusion,
        "psychological_pedagogical_commission_conclusion",
        "заключение психолога-педагогической комиссии",
        "conclusion of the psychological-pedagogical commission",
    ),
    (
        ExamKind::MolecularGeneticTest,
        "molecular_genetic_test",
        "молекулярно-генетический метод исследования с определением мутаций в ДНК",
        "molecular-genetic test identifying DNA mutations",
    ),
    (
        ExamKind::SpecialistConsultation,
        "specialist_consultation",
        "консультация специалиста",
        "specialist's consultation",
    ),
    (
        ExamKind::OtherExamination,
        "other_examination",
        "дополнительный метод обследования",
        "other examination",
    ),
];

impl ExamKind {
    /// Every kind.
    pub const ALL: [ExamKind; 15] = [
        ExamKind::InpatientExtract,
        ExamKind::OutpatientExtract,
        ExamKind::TraumatologistOrthopaedistConclusion,
        ExamKind::SurgeonConclusion,
        ExamKind::LimbXray,
        ExamKind::RadiologistConclusion,
        ExamKind::InsertSheet10,
        ExamKind::Karyotype,
        ExamKind::GeneticistConclusion,
        ExamKind::NeurologistConclusion,
        ExamKind::PsychiatristConclusion,
        ExamKind::PsychologicalPedagogicalCommissionConclusion,
        ExamKind::MolecularGeneticTest,
        ExamKind::SpecialistConsultation,
        ExamKind::OtherExamination,
    ];

    fn entry(self) -> (&'static str, &'static str, &'static str) {
        KINDS.iter().find(|k| k.0 == self).map_or(("", "", ""), |&(_, c, ru, en)| (c, ru, en))
    }

    /// The stable snake_case code (`limb_xray`).
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::ExamKind::LimbXray.code(), "limb_xray");
    /// ```
    pub fn code(self) -> &'static str {
        self.entry().0
    }

    /// The seed's Russian wording.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::ExamKind::GeneticistConclusion.name_ru(), "заключение генетика");
    /// ```
    pub fn name_ru(self) -> &'static str {
        self.entry().1
    }

    /// An English name.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::ExamKind::Karyotype.name_en(), "karyotype of peripheral-blood lymphocytes");
    /// ```
    pub fn name_en(self) -> &'static str {
        self.entry().2
    }
}

impl fmt::Display for ExamKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for ExamKind {
    type Err = MseError;

    /// The code exactly (surrounding whitespace ignored).
    fn from_str(s: &str) -> Result<ExamKind, MseError> {
        let t = s.trim();
        KINDS.iter().find(|k| k.1 == t).map(|k| k.0).ok_or_else(|| MseError::UnknownCode {
            what: "examination kind",
            value: t.to_owned(),
            expected: KINDS.iter().map(|k| k.1).collect::<Vec<_>>().join(", "),
        })
    }
}

impl Serialize for ExamKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for ExamKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ExamKind, D::Error> {
        crate::form::deserialize_str_with(d, "an examination code", str::parse)
    }
}

/// How binding a requirement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Obligation {
    /// «обязательные методы обследования»: missing blocks the signature (para 4).
    Mandatory,
    /// «при наличии»: listed among the mandatory ones, but only when available; never blocks.
    WhenAvailable,
    /// «дополнительные методы обследования (по медицинским показаниям)»: never blocks.
    ByIndication,
}

/// When a requirement applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    /// Always, for the nosology.
    Always,
    /// «при хирургической ампутации конечности»: only when the form says the amputation was
    /// surgical.
    SurgicalAmputation,
}

/// How recent the examination must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Timing {
    /// The act sets no age limit; nothing is checked.
    NoLimitStated,
    /// «при установлении диагноза»: done when the diagnosis was made, so it may be old.
    AtDiagnosis,
}

/// One requirement of Appendix 2 to the Algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExamRequirement {
    /// The stable snake_case code (the code of a missing exam), unique within a nosology.
    pub code: &'static str,
    /// The nosology.
    pub nosology: Nosology,
    /// Any one of these kinds satisfies it (two for the «и (или)» pair).
    pub any_of: &'static [ExamKind],
    /// Mandatory, when available, or by indication.
    pub obligation: Obligation,
    /// When it applies.
    pub condition: Condition,
    /// How recent it must be.
    pub timing: Timing,
    /// The item of Appendix 2 to the Algorithm (1 amputations, 2 Down syndrome, 3
    /// mucopolysaccharidosis).
    pub item: u8,
    /// The line within sub-item 1) (the mandatory list), `None` for sub-item 2) (additional).
    pub line: Option<u8>,
    /// The seed's wording.
    pub text_ru: &'static str,
    /// Where it stands (item, sub-item and the line within it, Russian numbering).
    pub citation: &'static str,
}

impl ExamRequirement {
    /// Whether a missing examination of this requirement blocks the signature.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let extracts = ereje_mse::EXAM_REQUIREMENTS.iter().find(|r| r.code == "extracts_when_available").unwrap();
    /// assert!(!extracts.blocks());
    /// ```
    pub fn blocks(&self) -> bool {
        self.obligation == Obligation::Mandatory
    }
}

macro_rules! req {
    ($code:literal, $nos:ident, [$($k:ident),+], $obl:ident, $cond:ident, $tim:ident, $ru:literal, $cit:literal, $item:literal, $line:expr) => {
        ExamRequirement {
            code: $code,
            nosology: Nosology::$nos,
            any_of: &[$(ExamKind::$k),+],
            obligation: Obligation::$obl,
            condition: Condition::$cond,
            timing: Timing::$tim,
            item: $item,
            line: $line,
            text_ru: $ru,
            citation: order!(", Appendix 2 to the Algorithm (Appendix 2 to the order), ", $cit),
        }
    };
}

/// Every requirement of Appendix 2 to the Algorithm, in the appendix's order.
pub static EXAM_REQUIREMENTS: &[ExamRequirement] = &[
    req!(
        "inpatient_extract",
        Amputation,
        [InpatientExtract],
        Mandatory,
        Always,
        NoLimitStated,
        "выписка из медицинской карты стационарного пациента",
        "item 1 sub-item 1), line 1",
        1,
        Some(1)
    ),
    req!(
        "traumatologist_orthopaedist_or_surgeon_conclusion",
        Amputation,
        [TraumatologistOrthopaedistConclusion, SurgeonConclusion],
        Mandatory,
        Always,
        NoLimitStated,
        "заключение врача травматолога-ортопеда (взрослого, детского) и (или) хирурга (с описанием полного локального статуса с указанием уровня ампутации, состояния культуры)",
        "item 1 sub-item 1), line 2",
        1,
        Some(2)
    ),
    req!(
        "limb_xray",
        Amputation,
        [LimbXray],
        Mandatory,
        Always,
        NoLimitStated,
        "рентгенография пораженной конечности",
        "item 1 sub-item 1), line 3",
        1,
        Some(3)
    ),
    req!(
        "radiologist_conclusion",
        Amputation,
        [RadiologistConclusion],
        Mandatory,
        Always,
        NoLimitStated,
        "заключение рентгенолога с указанием уровня ампутации",
        "item 1 sub-item 1), line 4",
        1,
        Some(4)
    ),
    req!(
        "insert_sheet_10",
        Amputation,
        [InsertSheet10],
        Mandatory,
        SurgicalAmputation,
        NoLimitStated,
        "при хирургической ампутации конечности – вкладной лист 10 к медицинской карте стационарного пациента по форме № 001/у",
        "item 1 sub-item 1), line 5",
        1,
        Some(5)
    ),
    req!(
        "additional_by_indication",
        Amputation,
        [SpecialistConsultation, OtherExamination],
        ByIndication,
        Always,
        NoLimitStated,
        "дополнительные методы обследования (по медицинским показаниям)",
        "item 1 sub-item 2)",
        1,
        None
    ),
    req!(
        "karyotype",
        DownSyndrome,
        [Karyotype],
        Mandatory,
        Always,
        AtDiagnosis,
        "кариотипическое исследование лимфоцитов периферической крови – при установлении диагноза",
        "item 2 sub-item 1), line 1",
        2,
        Some(1)
    ),
    req!(
        "geneticist_conclusion",
        DownSyndrome,
        [GeneticistConclusion],
        Mandatory,
        Always,
        AtDiagnosis,
        "заключение генетика – при установлении диагноза",
        "item 2 sub-item 1), line 2",
        2,
        Some(2)
    ),
    req!(
        "neurologist_conclusion",
        DownSyndrome,
        [NeurologistConclusion],
        Mandatory,
        Always,
        NoLimitStated,
        "заключение невропатолога",
        "item 2 sub-item 1), line 3",
        2,
        Some(3)
    ),
    req!(
        "psychiatrist_conclusion",
        DownSyndrome,
        [PsychiatristConclusion],
        Mandatory,
        Always,
        NoLimitStated,
        "заключение психиатра – для определения степени выраженности нарушений психических функций",
        "item 2 sub-item 1), line 4",
        2,
        Some(4)
    ),
    req!(
        "psychological_pedagogical_commission_conclusion",
        DownSyndrome,
        [PsychologicalPedagogicalCommissionConclusion],
        Mandatory,
        Always,
        NoLimitStated,
        "заключение психолога-педагогической комиссии",
        "item 2 sub-item 1), line 5",
        2,
        Some(5)
    ),
    req!(
        "extracts_when_available",
        DownSyndrome,
        [InpatientExtract, OutpatientExtract],
        WhenAvailable,
        Always,
        NoLimitStated,
        "копии выписок из медицинской карты стационарного пациента и (или) медицинской карты амбулаторного пациента – при наличии",
        "item 2 sub-item 1), line 6",
        2,
        Some(6)
    ),
    req!(
        "additional_by_indication",
        DownSyndrome,
        [SpecialistConsultation, OtherExamination],
        ByIndication,
        Always,
        NoLimitStated,
        "дополнительные методы обследования (по медицинским показаниям)",
        "item 2 sub-item 2)",
        2,
        None
    ),
    req!(
        "molecular_genetic_test",
        Mucopolysaccharidosis,
        [MolecularGeneticTest],
        Mandatory,
        Always,
        NoLimitStated,
        "молекулярно-генетический метод исследования с определением мутаций в ДНК",
        "item 3 sub-item 1), line 1",
        3,
        Some(1)
    ),
    req!(
        "extracts_when_available",
        Mucopolysaccharidosis,
        [InpatientExtract, OutpatientExtract],
        WhenAvailable,
        Always,
        NoLimitStated,
        "копии выписок из медицинской карты стационарного больного и (или) медицинской карты амбулаторного пациента – при наличии",
        "item 3 sub-item 1), line 2",
        3,
        Some(2)
    ),
    req!(
        "additional_by_indication",
        Mucopolysaccharidosis,
        [SpecialistConsultation, OtherExamination],
        ByIndication,
        Always,
        NoLimitStated,
        "дополнительные методы обследования (по медицинским показаниям)",
        "item 3 sub-item 2)",
        3,
        None
    ),
];

/// The requirements of one nosology.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_mse::{Nosology, requirements};
/// let blocking: Vec<_> = requirements(Nosology::DownSyndrome).filter(|r| r.blocks()).map(|r| r.code).collect();
/// assert_eq!(blocking.len(), 5);
/// ```
pub fn requirements(nosology: Nosology) -> impl Iterator<Item = &'static ExamRequirement> {
    EXAM_REQUIREMENTS.iter().filter(move |r| r.nosology == nosology)
}

/// A mandatory examination the form lacks: the requirement's code and citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MissingExam {
    /// The requirement.
    #[serde(skip)]
    pub requirement: &'static ExamRequirement,
    /// The requirement's code (`limb_xray`, `traumatologist_orthopaedist_or_surgeon_conclusion`).
    pub code: &'static str,
    /// Where the requirement stands.
    pub citation: &'static str,
    /// The examination kinds any one of which would satisfy it.
    pub any_of: &'static [ExamKind],
}

impl MissingExam {
    fn of(r: &'static ExamRequirement) -> MissingExam {
        MissingExam { requirement: r, code: r.code, citation: r.citation, any_of: r.any_of }
    }
}

/// Whether the ВКК chair can sign the form (para 4 of the Algorithm).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signability {
    /// Nothing mandatory is missing (or the pilot does not apply).
    Signable,
    /// The mandatory examinations that are missing: the MIS shows an error and the ВКК chair
    /// cannot sign.
    Missing(Vec<MissingExam>),
}

impl Signability {
    /// True for [`Signability::Signable`].
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(ereje_mse::Signability::Signable.is_signable());
    /// ```
    pub fn is_signable(&self) -> bool {
        matches!(self, Signability::Signable)
    }

    /// The missing examinations (empty when signable).
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(ereje_mse::Signability::Signable.missing().is_empty());
    /// ```
    pub fn missing(&self) -> &[MissingExam] {
        match self {
            Signability::Signable => &[],
            Signability::Missing(m) => m,
        }
    }

    /// [`Signability::Signable`] for an empty list, else [`Signability::Missing`].
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use ereje_mse::{ExamKind, Nosology, Signability, missing_exams};
    /// let missing = missing_exams(Nosology::Mucopolysaccharidosis, &[ExamKind::InpatientExtract], None);
    /// assert_eq!(Signability::from_missing(missing).missing()[0].code, "molecular_genetic_test");
    /// assert!(Signability::from_missing(vec![]).is_signable());
    /// ```
    pub fn from_missing(missing: Vec<MissingExam>) -> Signability {
        if missing.is_empty() { Signability::Signable } else { Signability::Missing(missing) }
    }
}

/// The signing gate for a pilot nosology: the mandatory requirements that none of the `present`
/// examination kinds satisfies. `surgical` is whether the form says the amputation was
/// surgical; `None` (not stated) does not require insert sheet 10 (the caller reports that the
/// requirement could not be checked).
///
/// Only blocking requirements are returned: extracts «при наличии» and the additional
/// examinations «по медицинским показаниям» never are. The examinations' dates are not
/// compared with anything: the act sets no age limit, and the karyotype and the geneticist's
/// conclusion are done «при установлении диагноза».
///
/// # Errors
/// None: the missing examinations are the answer.
///
/// # Example
/// ```
/// use ereje_mse::{ExamKind::*, Nosology, missing_exams};
/// let present = [InpatientExtract, SurgeonConclusion, LimbXray, RadiologistConclusion];
/// assert!(missing_exams(Nosology::Amputation, &present, Some(false)).is_empty());
/// let missing = missing_exams(Nosology::Amputation, &present, Some(true));
/// assert_eq!(missing[0].code, "insert_sheet_10");
/// ```
pub fn missing_exams(
    nosology: Nosology,
    present: &[ExamKind],
    surgical: Option<bool>,
) -> Vec<MissingExam> {
    requirements(nosology)
        .filter(|r| r.blocks())
        .filter(|r| match r.condition {
            Condition::Always => true,
            Condition::SurgicalAmputation => surgical == Some(true),
        })
        .filter(|r| !r.any_of.iter().any(|k| present.contains(k)))
        .map(MissingExam::of)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ExamKind::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for k in ExamKind::ALL {
            assert_eq!(k.code().parse::<ExamKind>().ok(), Some(k));
            assert!(!k.name_ru().is_empty() && !k.name_en().is_empty());
        }
        assert_eq!(KINDS.len(), ExamKind::ALL.len());
        for n in Nosology::ALL {
            let mut codes: Vec<_> = requirements(n).map(|r| r.code).collect();
            let len = codes.len();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), len, "{n}");
        }
        assert!("Limb_Xray".parse::<ExamKind>().is_err());
    }

    /// Everything a nosology's blocking requirements ask for, with the amputation done
    /// surgically.
    fn complete(n: Nosology) -> Vec<ExamKind> {
        match n {
            Nosology::Amputation => vec![
                InpatientExtract,
                TraumatologistOrthopaedistConclusion,
                SurgeonConclusion,
                LimbXray,
                RadiologistConclusion,
                InsertSheet10,
            ],
            Nosology::DownSyndrome => vec![
                Karyotype,
                GeneticistConclusion,
                NeurologistConclusion,
                PsychiatristConclusion,
                PsychologicalPedagogicalCommissionConclusion,
            ],
            Nosology::Mucopolysaccharidosis => vec![MolecularGeneticTest],
        }
    }

    #[test]
    fn complete_sets_are_signable() {
        for n in Nosology::ALL {
            assert!(missing_exams(n, &complete(n), Some(true)).is_empty(), "{n}");
        }
    }

    #[test]
    fn each_requirement_left_unmet_in_turn_blocks() {
        // (nosology, kind removed, expected missing code); the and/or pair is removed as a
        // whole in its own test.
        let cases: &[(Nosology, ExamKind, &str)] = &[
            (Nosology::Amputation, InpatientExtract, "inpatient_extract"),
            (Nosology::Amputation, LimbXray, "limb_xray"),
            (Nosology::Amputation, RadiologistConclusion, "radiologist_conclusion"),
            (Nosology::Amputation, InsertSheet10, "insert_sheet_10"),
            (Nosology::DownSyndrome, Karyotype, "karyotype"),
            (Nosology::DownSyndrome, GeneticistConclusion, "geneticist_conclusion"),
            (Nosology::DownSyndrome, NeurologistConclusion, "neurologist_conclusion"),
            (Nosology::DownSyndrome, PsychiatristConclusion, "psychiatrist_conclusion"),
            (
                Nosology::DownSyndrome,
                PsychologicalPedagogicalCommissionConclusion,
                "psychological_pedagogical_commission_conclusion",
            ),
            (Nosology::Mucopolysaccharidosis, MolecularGeneticTest, "molecular_genetic_test"),
        ];
        for &(n, removed, code) in cases {
            let present: Vec<_> = complete(n).into_iter().filter(|k| *k != removed).collect();
            let missing = missing_exams(n, &present, Some(true));
            let codes: Vec<_> = missing.iter().map(|m| m.code).collect();
            assert_eq!(codes, [code], "{n} without {removed}");
            assert!(missing[0].citation.contains("Appendix 2 to the Algorithm"));
        }
        // every blocking requirement is covered by a case or by the pair test
        let blocking = EXAM_REQUIREMENTS.iter().filter(|r| r.blocks()).count();
        assert_eq!(blocking, cases.len() + 1);
    }

    #[test]
    fn and_or_pair() {
        let n = Nosology::Amputation;
        let without = |drop: &[ExamKind]| -> Vec<&str> {
            let present: Vec<_> = complete(n).into_iter().filter(|k| !drop.contains(k)).collect();
            missing_exams(n, &present, Some(true)).iter().map(|m| m.code).collect()
        };
        assert!(without(&[TraumatologistOrthopaedistConclusion]).is_empty(), "surgeon alone");
        assert!(without(&[SurgeonConclusion]).is_empty(), "traumatologist alone");
        assert_eq!(
            without(&[TraumatologistOrthopaedistConclusion, SurgeonConclusion]),
            ["traumatologist_orthopaedist_or_surgeon_conclusion"]
        );
    }

    #[test]
    fn insert_sheet_10_only_when_surgical() {
        let n = Nosology::Amputation;
        let present: Vec<_> = complete(n).into_iter().filter(|k| *k != InsertSheet10).collect();
        let codes = |s| missing_exams(n, &present, s).iter().map(|m| m.code).collect::<Vec<_>>();
        assert_eq!(codes(Some(true)), ["insert_sheet_10"]);
        assert!(codes(Some(false)).is_empty());
        assert!(codes(None).is_empty(), "not stated: not required (reported as unchecked)");
    }

    #[test]
    fn optional_exams_never_block() {
        for n in Nosology::ALL {
            for r in requirements(n).filter(|r| !r.blocks()) {
                // the optional kinds are not in the complete set, and adding them changes nothing
                let mut present = complete(n);
                present.retain(|k| !r.any_of.contains(k) || n == Nosology::Amputation);
                assert!(missing_exams(n, &present, Some(true)).is_empty(), "{n}: {}", r.code);
                present.extend_from_slice(r.any_of);
                assert!(missing_exams(n, &present, Some(true)).is_empty(), "{n}: {}", r.code);
            }
        }
        // the nothing-at-all case lists every blocking requirement
        assert_eq!(missing_exams(Nosology::DownSyndrome, &[], None).len(), 5);
        assert_eq!(missing_exams(Nosology::Amputation, &[], Some(true)).len(), 5);
    }
}
