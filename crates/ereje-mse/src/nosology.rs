//! The pilot's nosologies (Appendix 1 to the Algorithm) as data: ICD-10 code sets with their
//! citations, the 22 named sub-forms of amputation, and the detection of a form's nosology.

use std::fmt;
use std::sync::OnceLock;

use ereje_icd10::{Icd10Code, Icd10Item, Icd10Set};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::MseError;

/// A nosology of the pilot (Appendix 1 to the Algorithm).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Nosology {
    /// Item 1: congenital and acquired irreversible defects, absence and/or amputation of a limb.
    Amputation,
    /// Item 2: Down syndrome (disease).
    DownSyndrome,
    /// Item 3: mucopolysaccharidosis **in children**.
    Mucopolysaccharidosis,
}

impl Nosology {
    /// Every nosology, in the order of the appendix.
    pub const ALL: [Nosology; 3] =
        [Nosology::Amputation, Nosology::DownSyndrome, Nosology::Mucopolysaccharidosis];

    /// The code: `amputation`, `down-syndrome`, `mucopolysaccharidosis`.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::Nosology::DownSyndrome.code(), "down-syndrome");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Nosology::Amputation => "amputation",
            Nosology::DownSyndrome => "down-syndrome",
            Nosology::Mucopolysaccharidosis => "mucopolysaccharidosis",
        }
    }

    /// The catalogue entry.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(ereje_mse::Nosology::Mucopolysaccharidosis.entry().children_only);
    /// ```
    pub fn entry(self) -> &'static NosologyEntry {
        match self {
            Nosology::Amputation => &NOSOLOGIES[0],
            Nosology::DownSyndrome => &NOSOLOGIES[1],
            Nosology::Mucopolysaccharidosis => &NOSOLOGIES[2],
        }
    }
}

impl fmt::Display for Nosology {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One nosology of Appendix 1 to the Algorithm, with its ICD-10 codes exactly as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NosologyEntry {
    /// The nosology.
    pub nosology: Nosology,
    /// The item number in the appendix (1–3).
    pub item: u8,
    /// The name as the seed prints it.
    pub name_ru: &'static str,
    /// An English name.
    pub name_en: &'static str,
    /// The code groups as printed, each an [`Icd10Set`] text: lists (`S98, S98.0, …`) and
    /// ranges (`S68 - S68.9`) keep their distinct meanings.
    pub code_groups: &'static [&'static str],
    /// Only for patients under 18 on the form's date.
    pub children_only: bool,
    /// Where the entry stands.
    pub citation: &'static str,
}

/// The age under which a patient is a child: the pilot names mucopolysaccharidosis «у детей»;
/// a child is a person under eighteen (Code «On marriage (matrimony) and family» art. 1, the
/// Law «On the rights of the child» art. 1).
pub const CHILD_AGE_LIMIT: u32 = 18;

/// The nosologies of the pilot, with their code sets.
pub static NOSOLOGIES: [NosologyEntry; 3] = [
    NosologyEntry {
        nosology: Nosology::Amputation,
        item: 1,
        name_ru: "Врожденные и приобретенные необратимые дефекты – отсутствие и (или) ампутация конечности",
        name_en: "Congenital and acquired irreversible defects: absence and/or amputation of a limb",
        code_groups: &[
            "Q71.0 - Q71.3",
            "Q72.0 - Q72.3",
            "S48, S48.0, S48.1, S48.9",
            "S58, S58.0, S58.1, S58.9",
            "S68 - S68.9",
            "S78, S78.0, S78.1, S78.9",
            "S88, S88.0, S88.1, S88.9",
            "S98, S98.0, S98.1, S98.2, S98.3",
            "T05 - T05.9",
        ],
        children_only: false,
        citation: order!(", Appendix 1 to the Algorithm (Appendix 2 to the order), item 1"),
    },
    NosologyEntry {
        nosology: Nosology::DownSyndrome,
        item: 2,
        name_ru: "Синдром (болезнь) Дауна",
        name_en: "Down syndrome (disease)",
        code_groups: &["Q90, Q90.0, Q90.1, Q90.2, Q90.9"],
        children_only: false,
        citation: order!(", Appendix 1 to the Algorithm (Appendix 2 to the order), item 2"),
    },
    NosologyEntry {
        nosology: Nosology::Mucopolysaccharidosis,
        item: 3,
        name_ru: "Мукополисахаридоз у детей",
        name_en: "Mucopolysaccharidosis in children",
        code_groups: &["E76, E76.0, E76.1, E76.2, E76.3, E76.8, E76.9"],
        children_only: true,
        citation: order!(", Appendix 1 to the Algorithm (Appendix 2 to the order), item 3"),
    },
];

/// One code group of a nosology, parsed.
#[derive(Debug)]
pub(crate) struct Group {
    pub(crate) nosology: Nosology,
    pub(crate) printed: &'static str,
    pub(crate) set: Icd10Set,
    pub(crate) categories: Vec<Icd10Code>,
}

/// The parsed groups of every nosology. A group that does not parse would be dropped; the
/// tests check that none is.
pub(crate) fn groups() -> &'static [Group] {
    static GROUPS: OnceLock<Vec<Group>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut out = Vec::new();
        for entry in &NOSOLOGIES {
            for printed in entry.code_groups {
                let Ok(set) = Icd10Set::parse(printed) else { continue };
                let mut categories: Vec<Icd10Code> = set
                    .items()
                    .iter()
                    .flat_map(|item| match item {
                        Icd10Item::Code(c) => [c.category(), c.category()],
                        Icd10Item::Range(r) => [r.from().category(), r.to().category()],
                    })
                    .collect();
                categories.sort();
                categories.dedup();
                out.push(Group { nosology: entry.nosology, printed, set, categories });
            }
        }
        out
    })
}

/// The ICD-10 set of a nosology: the union of its printed groups (`None` only if the built-in
/// data did not parse, which the tests rule out).
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_icd10::Icd10Code;
/// use ereje_mse::{Nosology, nosology_set};
/// let set = nosology_set(Nosology::Amputation).expect("built-in data");
/// assert!(set.contains(&Icd10Code::parse_canonical("S98.3")?));
/// assert!(!set.contains(&Icd10Code::parse_canonical("S98.4")?));
/// # Ok::<(), ereje_icd10::Icd10Error>(())
/// ```
pub fn nosology_set(nosology: Nosology) -> Option<&'static Icd10Set> {
    static SETS: OnceLock<Vec<(Nosology, Icd10Set)>> = OnceLock::new();
    SETS.get_or_init(|| {
        Nosology::ALL
            .iter()
            .filter_map(|&n| {
                let items: Vec<Icd10Item> = groups()
                    .iter()
                    .filter(|g| g.nosology == n)
                    .flat_map(|g| g.set.items().iter().copied())
                    .collect();
                Icd10Set::from_items(items).ok().map(|set| (n, set))
            })
            .collect()
    })
    .iter()
    .find(|(n, _)| *n == nosology)
    .map(|(_, set)| set)
}

/// One of the 22 named forms of limb absence or amputation of item 1 (informational: the seed
/// maps the ICD-10 codes only to the whole group, not to the sub-forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubForm {
    /// A stable snake_case code.
    pub code: &'static str,
    /// The text as the seed prints it («культуры» there reads as «культи», stumps).
    pub name_ru: &'static str,
    /// An English rendering.
    pub name_en: &'static str,
}

macro_rules! sub {
    ($code:literal, $ru:literal, $en:literal) => {
        SubForm { code: $code, name_ru: $ru, name_en: $en }
    };
}

/// The 22 named sub-forms of item 1 of Appendix 1 to the Algorithm, in the seed's order.
pub static AMPUTATION_SUB_FORMS: [SubForm; 22] = [
    sub!(
        "both_hands_all_fingers_or_higher",
        "отсутствие всех пальцев обеих кистей или более высокие уровни ампутации обеих верхних конечностей",
        "absence of all fingers of both hands or higher amputation of both upper limbs"
    ),
    sub!(
        "both_thighs_upper_third_stumps",
        "культи обеих нижних конечностей на уровне верхней трети бедер",
        "stumps of both lower limbs at the upper third of the thighs"
    ),
    sub!(
        "shoulder_and_hip_exarticulation",
        "сочетание экзартикуляции верхней (в плечевом суставе) и нижней (в тазобедренном суставе) конечностей",
        "exarticulation of an upper limb (shoulder joint) combined with a lower limb (hip joint)"
    ),
    sub!(
        "both_hands_four_fingers_except_thumbs",
        "отсутствие всех фаланг четырех пальцев, исключая первые, обеих кистей",
        "absence of all phalanges of four fingers, thumbs excepted, of both hands"
    ),
    sub!(
        "both_hands_three_fingers_incl_thumbs",
        "отсутствие всех фаланг трех пальцев, включая первые, обеих кистей",
        "absence of all phalanges of three fingers, thumbs included, of both hands"
    ),
    sub!(
        "both_hands_first_second_fingers_with_metacarpals",
        "отсутствие первого и второго пальцев с соответствующими пястными костями обеих кистей",
        "absence of the first and second fingers with their metacarpals of both hands"
    ),
    sub!(
        "both_hands_three_fingers_with_metacarpals",
        "отсутствие трех пальцев с соответствующими пястными костями обеих кистей",
        "absence of three fingers with their metacarpals of both hands"
    ),
    sub!(
        "shoulder_exarticulation",
        "экзартикуляция верхней конечности в плечевом суставе",
        "exarticulation of an upper limb at the shoulder joint"
    ),
    sub!("chopart_foot_stumps", "культы стоп по Шопару", "Chopart foot stumps"),
    sub!(
        "lower_leg_stumps_incl_pirogov",
        "культы голеней, в том числе ампутация стоп по Пирогову",
        "lower-leg stumps, Pirogov foot amputation included"
    ),
    sub!("hip_exarticulation", "экзартикуляция бедра", "exarticulation of the thigh (hip)"),
    sub!(
        "high_thigh_amputation_not_prosthetisable",
        "высокий уровень ампутации бедра (верхняя третья), не подлежащий протезированию",
        "high thigh amputation (upper third) that cannot be fitted with a prosthesis"
    ),
    sub!(
        "both_lower_limbs_prosthetised_stumps",
        "протезированные ампутационные культуры обеих нижних конечностей на уровне голени или бедра",
        "prosthetised amputation stumps of both lower limbs at lower-leg or thigh level"
    ),
    sub!(
        "lower_leg_or_higher_with_upper_limb_loss",
        "культы голени или более высокий уровень ампутации одной нижней конечности в сочетании с отсутствием всех фаланг четырех пальцев или более высокой ампутацией одной верхней конечности",
        "lower-leg stump or higher amputation of one lower limb combined with absence of all phalanges of four fingers or higher amputation of one upper limb"
    ),
    sub!(
        "hand_four_fingers_except_thumb",
        "отсутствие всех фаланг четырех пальцев кисти, исключая первый",
        "absence of all phalanges of four fingers of a hand, thumb excepted"
    ),
    sub!(
        "hand_three_fingers_incl_thumb",
        "отсутствие всех фаланг трех пальцев кисти, включая первый",
        "absence of all phalanges of three fingers of a hand, thumb included"
    ),
    sub!(
        "hand_first_second_fingers_with_metacarpals",
        "отсутствие первого и второго пальцев кисти с соответствующими пястными костями",
        "absence of the first and second fingers of a hand with their metacarpals"
    ),
    sub!(
        "hand_three_fingers_with_metacarpals",
        "отсутствие трех пальцев кисти с соответствующими пястными костями",
        "absence of three fingers of a hand with their metacarpals"
    ),
    sub!(
        "both_thumbs",
        "отсутствие первых пальцев обеих кистей",
        "absence of the thumbs of both hands"
    ),
    sub!(
        "one_upper_limb_stump",
        "ампутационная культура одной верхней конечности",
        "amputation stump of one upper limb"
    ),
    sub!(
        "pirogov_or_chopart_or_higher_one_lower_limb",
        "культа стопы после ампутации по Пирогову, порочная культура на уровне сустава Шопара и более высокие уровни ампутации одной нижней конечности",
        "foot stump after Pirogov amputation, faulty stump at the Chopart joint, or higher amputation of one lower limb"
    ),
    sub!(
        "both_feet_sharp_metatarsal_resection",
        "двусторонние культуры стоп с резекцией головок плюсневых костей по Шарпу",
        "bilateral foot stumps with Sharp resection of the metatarsal heads"
    ),
];

/// A named amputation sub-form chosen on a form: serialised as its code.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AmputationSubForm(&'static SubForm);

impl AmputationSubForm {
    /// The sub-form of `code`.
    ///
    /// # Errors
    /// [`MseError::UnknownCode`] for a code that is not one of [`AMPUTATION_SUB_FORMS`].
    ///
    /// # Example
    /// ```
    /// use ereje_mse::AmputationSubForm;
    /// assert_eq!(AmputationSubForm::from_code("both_thumbs")?.get().name_en, "absence of the thumbs of both hands");
    /// assert!(AmputationSubForm::from_code("tail").is_err());
    /// # Ok::<(), ereje_mse::MseError>(())
    /// ```
    pub fn from_code(code: &str) -> Result<AmputationSubForm, MseError> {
        AMPUTATION_SUB_FORMS
            .iter()
            .find(|s| s.code == code.trim())
            .map(AmputationSubForm)
            .ok_or_else(|| MseError::UnknownCode {
                what: "amputation sub-form",
                value: code.trim().to_owned(),
                expected: "the codes of docs/mse.md (e.g. both_thumbs)".to_owned(),
            })
    }

    /// The catalogue entry.
    /// # Errors
    /// None.
    pub fn get(self) -> &'static SubForm {
        self.0
    }

    /// The code.
    /// # Errors
    /// None.
    pub fn code(self) -> &'static str {
        self.0.code
    }
}

impl fmt::Debug for AmputationSubForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AmputationSubForm({})", self.0.code)
    }
}

impl Serialize for AmputationSubForm {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.code)
    }
}

impl<'de> Deserialize<'de> for AmputationSubForm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AmputationSubForm, D::Error> {
        crate::form::deserialize_str_with(
            d,
            "an amputation sub-form code",
            AmputationSubForm::from_code,
        )
    }
}

/// Why a form has, or has not, a pilot nosology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DetectionReason {
    /// The main diagnosis is in a nosology's list.
    Listed,
    /// The form has no (readable) main diagnosis.
    NoDiagnosis,
    /// The code is in no list, and no listed code shares its category.
    NotListed,
    /// The code shares its three-character category with a list but is not in it (`S98.4`,
    /// the bare `Q71`, `Q71.4`).
    NearMiss,
    /// Mucopolysaccharidosis in a patient aged 18 or more on the form's date.
    Adult,
    /// Mucopolysaccharidosis, but the patient's age on the form's date is unknown.
    AgeUnknown,
}

impl DetectionReason {
    /// The code (`listed`, `near-miss`, …).
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::DetectionReason::NearMiss.code(), "near-miss");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            DetectionReason::Listed => "listed",
            DetectionReason::NoDiagnosis => "no-diagnosis",
            DetectionReason::NotListed => "not-listed",
            DetectionReason::NearMiss => "near-miss",
            DetectionReason::Adult => "adult",
            DetectionReason::AgeUnknown => "age-unknown",
        }
    }
}

/// The nosology of a form: a pilot nosology, or none with the reason.
///
/// Serialised as `{"result": "amputation" | "down-syndrome" | "mucopolysaccharidosis" | "none",
/// "icd10": code | null, "reason": code, "group": printed group | null, "near": nosology | null,
/// "age": years | null}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detection {
    /// The pilot nosology, `None` for none.
    pub nosology: Option<Nosology>,
    /// The main diagnosis examined.
    pub icd10: Option<Icd10Code>,
    /// Why.
    pub reason: DetectionReason,
    /// The printed code group that matched, or that a near miss is near.
    pub group: Option<&'static str>,
    /// For a near miss, an adult or an unknown age: the nosology the code points to.
    pub near: Option<Nosology>,
    /// The age on the form's date, when it mattered (mucopolysaccharidosis).
    pub age: Option<u32>,
}

impl Serialize for Detection {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            result: &'a str,
            icd10: Option<Icd10Code>,
            reason: DetectionReason,
            group: Option<&'a str>,
            near: Option<Nosology>,
            age: Option<u32>,
        }
        Out {
            result: self.nosology.map_or("none", Nosology::code),
            icd10: self.icd10,
            reason: self.reason,
            group: self.group,
            near: self.near,
            age: self.age,
        }
        .serialize(s)
    }
}

impl Detection {
    fn none(icd10: Option<Icd10Code>, reason: DetectionReason) -> Detection {
        Detection { nosology: None, icd10, reason, group: None, near: None, age: None }
    }
}

/// Detects the pilot nosology of a main diagnosis. `age` is the patient's age in full years on
/// the form's date (`None` when unknown); it matters only for mucopolysaccharidosis, which the
/// pilot covers in children (under [`CHILD_AGE_LIMIT`]).
///
/// # Errors
/// None: "no pilot nosology" is a [`Detection`] with its reason.
///
/// # Example
/// ```
/// use ereje_icd10::Icd10Code;
/// use ereje_mse::{DetectionReason, Nosology, detect};
/// let code = |s| Icd10Code::parse_canonical(s).ok();
/// assert_eq!(detect(code("S88.1"), Some(40)).nosology, Some(Nosology::Amputation));
/// assert_eq!(detect(code("S98.4"), Some(40)).reason, DetectionReason::NearMiss);
/// assert_eq!(detect(code("E76.0"), Some(17)).nosology, Some(Nosology::Mucopolysaccharidosis));
/// assert_eq!(detect(code("E76.0"), Some(18)).reason, DetectionReason::Adult);
/// ```
pub fn detect(main: Option<Icd10Code>, age: Option<u32>) -> Detection {
    let Some(code) = main else { return Detection::none(None, DetectionReason::NoDiagnosis) };
    let all = groups();
    if let Some(g) = all.iter().find(|g| g.set.contains(&code)) {
        let entry = g.nosology.entry();
        if entry.children_only {
            let reason = match age {
                None => Some(DetectionReason::AgeUnknown),
                Some(a) if a >= CHILD_AGE_LIMIT => Some(DetectionReason::Adult),
                Some(_) => None,
            };
            if let Some(reason) = reason {
                return Detection {
                    nosology: None,
                    icd10: Some(code),
                    reason,
                    group: Some(g.printed),
                    near: Some(g.nosology),
                    age,
                };
            }
            return Detection {
                nosology: Some(g.nosology),
                icd10: Some(code),
                reason: DetectionReason::Listed,
                group: Some(g.printed),
                near: None,
                age,
            };
        }
        return Detection {
            nosology: Some(g.nosology),
            icd10: Some(code),
            reason: DetectionReason::Listed,
            group: Some(g.printed),
            near: None,
            age: None,
        };
    }
    let category = code.category();
    if let Some(g) = all.iter().find(|g| g.categories.contains(&category)) {
        return Detection {
            nosology: None,
            icd10: Some(code),
            reason: DetectionReason::NearMiss,
            group: Some(g.printed),
            near: Some(g.nosology),
            age: None,
        };
    }
    Detection::none(Some(code), DetectionReason::NotListed)
}

/// The pilot nosology a code belongs to, whatever the age (for secondary diagnoses).
pub(crate) fn listed_nosology(code: Icd10Code) -> Option<Nosology> {
    groups().iter().find(|g| g.set.contains(&code)).map(|g| g.nosology)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Icd10Code {
        Icd10Code::parse_canonical(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn every_group_parses_and_has_no_unknown_code() {
        let printed: usize = NOSOLOGIES.iter().map(|e| e.code_groups.len()).sum();
        assert_eq!(groups().len(), printed);
        for g in groups() {
            assert!(g.set.unknown_codes().is_empty(), "{}: {:?}", g.printed, g.set.unknown_codes());
        }
        assert_eq!(AMPUTATION_SUB_FORMS.len(), 22);
        let mut codes: Vec<_> = AMPUTATION_SUB_FORMS.iter().map(|s| s.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 22, "sub-form codes are unique");
    }

    /// Every code the seed lists, expanded over the WHO list, with the nosology it selects.
    const LISTED: &[(Nosology, &[&str])] = &[
        (
            Nosology::Amputation,
            &[
                "Q71.0", "Q71.1", "Q71.2", "Q71.3", "Q72.0", "Q72.1", "Q72.2", "Q72.3", "S48",
                "S48.0", "S48.1", "S48.9", "S58", "S58.0", "S58.1", "S58.9", "S68", "S68.0",
                "S68.1", "S68.2", "S68.3", "S68.4", "S68.8", "S68.9", "S78", "S78.0", "S78.1",
                "S78.9", "S88", "S88.0", "S88.1", "S88.9", "S98", "S98.0", "S98.1", "S98.2",
                "S98.3", "T05", "T05.0", "T05.1", "T05.2", "T05.3", "T05.4", "T05.5", "T05.6",
                "T05.8", "T05.9",
            ],
        ),
        (Nosology::DownSyndrome, &["Q90", "Q90.0", "Q90.1", "Q90.2", "Q90.9"]),
        (
            Nosology::Mucopolysaccharidosis,
            &["E76", "E76.0", "E76.1", "E76.2", "E76.3", "E76.8", "E76.9"],
        ),
    ];

    #[test]
    fn every_listed_code_is_detected_for_children_and_adults() {
        for &(nosology, codes) in LISTED {
            for c in codes {
                for age in [0, 6, 17, 18, 45, 90] {
                    let d = detect(Some(code(c)), Some(age));
                    let adult_mps = nosology == Nosology::Mucopolysaccharidosis && age >= 18;
                    if adult_mps {
                        assert_eq!(
                            (d.nosology, d.reason),
                            (None, DetectionReason::Adult),
                            "{c} at {age}"
                        );
                        assert_eq!(d.near, Some(nosology));
                    } else {
                        assert_eq!(
                            (d.nosology, d.reason),
                            (Some(nosology), DetectionReason::Listed),
                            "{c} at {age}"
                        );
                    }
                }
            }
            // and the listed codes are exactly the WHO codes of the nosology's set
            let set = nosology_set(nosology).unwrap_or_else(|| panic!("{nosology}"));
            let who: Vec<String> = set.who_codes().iter().map(ToString::to_string).collect();
            assert_eq!(who, codes.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{nosology}");
        }
    }

    #[test]
    fn near_misses_and_codes_outside() {
        let cases: &[(&str, DetectionReason, Option<Nosology>)] = &[
            ("S98.4", DetectionReason::NearMiss, Some(Nosology::Amputation)),
            ("Q71", DetectionReason::NearMiss, Some(Nosology::Amputation)),
            ("Q71.4", DetectionReason::NearMiss, Some(Nosology::Amputation)),
            ("Q71.9", DetectionReason::NearMiss, Some(Nosology::Amputation)),
            ("Q72", DetectionReason::NearMiss, Some(Nosology::Amputation)),
            ("Q72.4", DetectionReason::NearMiss, Some(Nosology::Amputation)),
            ("Q72.7", DetectionReason::NearMiss, Some(Nosology::Amputation)),
            ("S48.2", DetectionReason::NearMiss, Some(Nosology::Amputation)),
            ("S88.2", DetectionReason::NearMiss, Some(Nosology::Amputation)),
            ("Q90.3", DetectionReason::NearMiss, Some(Nosology::DownSyndrome)),
            ("E76.4", DetectionReason::NearMiss, Some(Nosology::Mucopolysaccharidosis)),
            ("Q73.0", DetectionReason::NotListed, None),
            ("S47", DetectionReason::NotListed, None),
            ("S99.0", DetectionReason::NotListed, None),
            ("T06.0", DetectionReason::NotListed, None),
            ("Q91.0", DetectionReason::NotListed, None),
            ("E77.0", DetectionReason::NotListed, None),
            ("J44.9", DetectionReason::NotListed, None),
        ];
        for &(c, reason, near) in cases {
            for age in [Some(5), Some(40), None] {
                let d = detect(Some(code(c)), age);
                assert_eq!((d.nosology, d.reason, d.near), (None, reason, near), "{c} at {age:?}");
            }
        }
    }

    #[test]
    fn a_range_holds_well_formed_codes_the_who_list_lacks() {
        // T05.7 and S68.5 are not WHO codes but lie inside «T05 - T05.9» and «S68 - S68.9»:
        // listed (the check adds ICD-UNKNOWN); in a list, S98.5 is only a near miss.
        for c in ["T05.7", "S68.5"] {
            assert_eq!(detect(Some(code(c)), Some(30)).reason, DetectionReason::Listed, "{c}");
            assert!(!code(c).exists());
        }
        assert_eq!(detect(Some(code("S98.5")), Some(30)).reason, DetectionReason::NearMiss);
    }

    #[test]
    fn mucopolysaccharidosis_needs_an_age_and_a_child() {
        assert_eq!(detect(Some(code("E76.1")), None).reason, DetectionReason::AgeUnknown);
        assert_eq!(detect(Some(code("E76.1")), Some(17)).age, Some(17));
        // other nosologies do not care about age
        assert_eq!(detect(Some(code("Q90.0")), None).nosology, Some(Nosology::DownSyndrome));
        assert_eq!(detect(None, Some(3)).reason, DetectionReason::NoDiagnosis);
    }

    #[test]
    fn detection_serialises() {
        let d = detect(Some(code("S98.4")), Some(30));
        let json = serde_json::to_string(&d).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"result":"none","icd10":"S98.4","reason":"near-miss","group":"S98, S98.0, S98.1, S98.2, S98.3","near":"amputation","age":null}"#
        );
    }
}
