//! The JSON Schemas of subject `mse`: the input record (`ereje-check mse --schema`) and the
//! fields the subject adds to a result (`--schema result`).

use serde_json::{Value, json};

use crate::exams::ExamKind;
use crate::nosology::AMPUTATION_SUB_FORMS;
use crate::region::Region;

fn string(description: &str) -> Value {
    json!({"type": ["string", "null"], "description": description})
}

/// The JSON Schema (draft 2020-12) of one input record: the lenient wire model. Every field is
/// optional at this level (a missing one is a finding, not a parse error); the enumerations
/// list the canonical codes, while the validator also reads names (regions, MIS vendors).
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// let schema = ereje_mse::input_schema();
/// assert_eq!(schema["properties"]["diagnosis"]["properties"]["main"]["type"][0], "string");
/// ```
pub fn input_schema() -> Value {
    let regions: Vec<&str> = Region::ALL.iter().map(|r| r.code()).collect();
    let kinds: Vec<&str> = ExamKind::ALL.iter().map(|k| k.code()).collect();
    let sub_forms: Vec<&str> = AMPUTATION_SUB_FORMS.iter().map(|s| s.code).collect();
    let datetime = "YYYY-MM-DDTHH:MM[:SS] local time of Astana, or RFC 3339 with an offset";
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ereje-check mse input record: form 031/у (conclusion for МСЭ)",
        "type": "object",
        "properties": {
            "id": string("the form's number in the MIS"),
            "created_on": string("YYYY-MM-DD"),
            "patient": {
                "type": ["object", "null"],
                "properties": {
                    "iin": string("ИИН, 12 digits"),
                    "birth_date": string("YYYY-MM-DD"),
                    "sex": {"type": ["string", "null"], "examples": ["male", "female"]},
                    "region": {"type": ["string", "null"], "description": "region of residence: code or name", "examples": regions},
                },
            },
            "organisation": {
                "type": ["object", "null"],
                "properties": {
                    "name": string("the medical organisation's name"),
                    "region": {"type": ["string", "null"], "description": "code or name", "examples": regions},
                    "mis": {"type": ["string", "null"], "description": "the MIS vendor: code or name; others are kept as given",
                            "examples": ["damu", "zhetysu", "nadezhda", "infomed-kazakhstan", "avicenna"]},
                },
            },
            "diagnosis": {
                "type": ["object", "null"],
                "properties": {
                    "main": string("ICD-10 code of the main diagnosis"),
                    "complications": {"type": "array", "items": {"type": "string"}},
                    "concomitant": {"type": "array", "items": {"type": "string"}},
                },
            },
            "examinations": {
                "type": ["array", "null"],
                "items": {
                    "type": "object",
                    "properties": {
                        "kind": {"type": ["string", "null"], "enum": kinds.iter().map(|k| Value::from(*k)).chain([Value::Null]).collect::<Vec<_>>()},
                        "date": string("YYYY-MM-DD"),
                        "conclusion": string("the conclusion's text"),
                        "document": string("a document reference"),
                    },
                },
            },
            "amputation": {
                "type": ["object", "null"],
                "properties": {
                    "surgical": {"type": ["boolean", "null"]},
                    "sub_form": {"type": ["string", "null"], "examples": sub_forms},
                },
            },
            "vkk": {
                "type": ["object", "null"],
                "properties": {
                    "protocol": string("protocol number of the ВКК decision"),
                    "chair": string("the ВКК chair"),
                    "signed_at": string(datetime),
                },
            },
            "sent_at": string(datetime),
            "expert_received_at": string(datetime),
            "expert_concluded_at": string(datetime),
        },
    })
}

/// The JSON Schema of the fields subject `mse` adds to the contract's result object.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// let schema = ereje_mse::result_schema();
/// assert!(schema["required"].as_array().is_some_and(|r| r.len() == 6));
/// ```
pub fn result_schema() -> Value {
    let date = json!({"type": "string", "format": "date"});
    let ndate = json!({"type": ["string", "null"], "format": "date"});
    let dt = json!({"type": "string", "description": "YYYY-MM-DDTHH:MM:SS, Astana time"});
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "fields added by ereje-check mse to each result",
        "type": "object",
        "required": ["nosology", "pilot", "missing_exams", "signable", "expert_term", "waiting_list"],
        "properties": {
            "nosology": {
                "type": "object",
                "required": ["result", "icd10", "reason", "group", "near", "age"],
                "properties": {
                    "result": {"enum": ["amputation", "down-syndrome", "mucopolysaccharidosis", "none"]},
                    "icd10": {"type": ["string", "null"]},
                    "reason": {"enum": ["listed", "no-diagnosis", "not-listed", "near-miss", "adult", "age-unknown"]},
                    "group": {"type": ["string", "null"]},
                    "near": {"enum": ["amputation", "down-syndrome", "mucopolysaccharidosis", null]},
                    "age": {"type": ["integer", "null"]},
                },
            },
            "pilot": {
                "type": "object",
                "required": ["applies", "reason", "reading", "wave", "wave_start", "last_day", "publication_date", "publication_date_assumed"],
                "properties": {
                    "applies": {"type": "boolean"},
                    "reason": {"enum": ["in-wave", "no-date", "no-diagnosis", "not-listed", "near-miss", "adult", "age-unknown",
                                        "before-in-force", "after-end", "before-wave", "unknown-region", "unknown-mis"]},
                    "reading": {"enum": ["by-region", "by-mis-vendor"]},
                    "wave": {"enum": ["june", "july", "august", null]},
                    "wave_start": ndate,
                    "last_day": date,
                    "publication_date": date,
                    "publication_date_assumed": {"type": "boolean"},
                },
            },
            "missing_exams": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["code", "citation", "any_of"],
                    "properties": {
                        "code": {"type": "string"},
                        "citation": {"type": "string"},
                        "any_of": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
            "signable": {"type": "boolean"},
            "expert_term": {
                "type": ["object", "null"],
                "properties": {
                    "received_at": dt,
                    "due": date,
                    "concluded_at": {"type": ["string", "null"]},
                    "on_time": {"type": ["boolean", "null"]},
                    "provisional": {"type": "boolean"},
                },
            },
            "waiting_list": {
                "type": ["object", "null"],
                "properties": {
                    "from": dt,
                    "to": dt,
                    "minutes": {"type": "integer"},
                    "norm": {"type": "null"},
                },
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::WireForm;
    use crate::strategies;
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    /// Every key a fully filled wire form serialises is in the schema, and vice versa.
    #[test]
    fn input_schema_names_exactly_the_wire_fields() {
        let mut runner = TestRunner::deterministic();
        let form = strategies::complete_form().new_tree(&mut runner).map(|t| t.current());
        let Ok(form) = form else { panic!("strategy") };
        let mut wire = WireForm::from(&form);
        wire.id = Some("x".into());
        wire.amputation = Some(crate::WireAmputation {
            surgical: Some(true),
            sub_form: Some("both_thumbs".into()),
        });
        wire.sent_at = Some("2025-09-02T10:00:00".into());
        wire.expert_received_at = Some("2025-09-02T10:00:00".into());
        wire.expert_concluded_at = Some("2025-09-02T10:00:00".into());
        if let Some(o) = wire.organisation.as_mut() {
            o.name = Some("x".into());
        }
        if let Some(v) = wire.vkk.as_mut() {
            v.protocol = Some("1".into());
            v.chair = Some("x".into());
            v.signed_at = Some("2025-09-02T10:00:00".into());
        }
        if let Some(d) = wire.diagnosis.as_mut() {
            d.complications = vec!["I10".into()];
            d.concomitant = vec!["I10".into()];
        }
        wire.examinations = Some(vec![crate::WireExamination {
            kind: Some("limb_xray".into()),
            date: Some("2025-09-01".into()),
            conclusion: Some("x".into()),
            document: Some("x".into()),
        }]);
        let value = serde_json::to_value(&wire).unwrap_or_default();
        let schema = input_schema();
        fn keys(v: &Value) -> Vec<String> {
            let mut k: Vec<String> =
                v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
            k.sort();
            k
        }
        assert_eq!(keys(&value), keys(&schema["properties"]));
        for nested in ["patient", "organisation", "diagnosis", "amputation", "vkk"] {
            assert_eq!(
                keys(&value[nested]),
                keys(&schema["properties"][nested]["properties"]),
                "{nested}"
            );
        }
        assert_eq!(
            keys(&value["examinations"][0]),
            keys(&schema["properties"]["examinations"]["items"]["properties"])
        );
        let _ = any::<u8>();
    }

    /// The keys a result serialises are the schema's.
    #[test]
    fn result_schema_names_exactly_the_result_fields() {
        let line =
            include_str!("../../../fixtures/mse/valid.ndjson").lines().next().unwrap_or("{}");
        let wire: WireForm = serde_json::from_str(line).unwrap_or_default();
        let checked = crate::check(&wire, &crate::Context::builtin());
        let value = serde_json::to_value(&checked).unwrap_or_default();
        let schema = result_schema();
        let obj_keys = |v: &Value| {
            let mut k: Vec<String> =
                v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
            k.sort();
            k
        };
        assert_eq!(obj_keys(&value), obj_keys(&schema["properties"]));
        for nested in ["nosology", "pilot", "expert_term", "waiting_list"] {
            assert_eq!(
                obj_keys(&value[nested]),
                obj_keys(&schema["properties"][nested]["properties"]),
                "{nested}"
            );
        }
    }
}
