//! The electronic sheet of temporary incapacity for work (лист о временной нетрудоспособности /
//! еңбекке уақытша жарамсыздық парағы) as the 2023 pilot for civil servants exchanges it: the
//! 38 data items of the appendix to the pilot's algorithm (joint order No. 160 of 31.10.2023,
//! seeds `000` kk / `001` ru), the format-logical control (ФЛК) of a batch of sheets, and the
//! pilot's routing of each sheet event to ИИС «Е-қызмет».
//!
//! - [`Sheet`]: the typed model (strict `Deserialize`, fail-fast); [`WireSheet`]: the same JSON
//!   layout read leniently, so that only bad JSON or a wrong primitive type is an `INPUT`
//!   result and every other problem is a finding with its JSON pointer ([`INPUT_SCHEMA`] is
//!   the layout's JSON Schema; [`csv`] the flat layout).
//! - [`Checker`]: checks sheets in input order with a [`Context`] (as-of date, [`Params`],
//!   calendar, routing); the rules are the catalogue [`RULES`] (`SL-001` …), with severities
//!   set by their sources. Across the sheets of one person it checks chains, overlaps and the
//!   maternity leave length, within a look-back window.
//! - [`route`]: the pilot's steps (window, maternity, population, ФЛК, the Е-қызмет status
//!   service through the caller's [`StatusService`]) and the step that stopped an event.
//! - [`strategies`] (feature `proptest`): valid sheets and sheets with one chosen defect (the
//!   defects themselves: [`defect`]).
//! - [`generate`]: realistic synthetic sheets with a set share of one-defect records;
//!   [`pipeline`]: the pilot's integration pipeline as a process of `ereje-sim-engine`
//!   (`ereje-sim sick-leave`).
//!
//! The ФЛК of ИС «АПП» is not public: this validator stands in for it. Readings, parameters and
//! the list of items with their Russian and Kazakh names: `docs/sick-leave.md`.
//!
//! ```
//! use ereje_sick_leave::{Checker, Context, FixtureAnswer, FixtureStatusService, RoutingContext,
//!     Step, WireSheet};
//!
//! let mut sheet = ereje_sick_leave::example_sheet();
//! sheet.routing = Some(RoutingContext::IN_PILOT);
//! let bytes = serde_json::to_vec(&sheet)?;
//!
//! let service = FixtureStatusService::new(FixtureAnswer::CivilServant);
//! let ctx = Context { status: Some(&service), ..Context::default() };
//! let mut checker = Checker::new();
//! let checked = checker.check(&WireSheet::from_slice(&bytes)?, &ctx);
//! assert!(checked.findings.is_empty());
//! // Issued on 15 January 2024, inside the pilot: delivered to Е-қызмет.
//! assert_eq!(checked.routing.and_then(|r| r.stopped_at()), None);
//!
//! // The same sheet as a maternity sheet of 7 days: a Labour Code error, and excluded from the pilot.
//! sheet.number = "0000002".parse()?;
//! sheet.kind = ereje_sick_leave::IncapacityKind::Maternity;
//! let bytes = serde_json::to_vec(&sheet)?;
//! let checked = checker.check(&WireSheet::from_slice(&bytes)?, &ctx);
//! let ids: Vec<_> = checked.findings.iter().map(|f| f.rule.id).collect();
//! assert!(ids.contains(&"SL-010"));
//! assert_eq!(checked.routing.and_then(|r| r.stopped_at()), Some(Step::Maternity));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod checker;
pub mod csv;
pub mod defect;
pub mod generate;
mod hash;
pub mod law;
mod model;
mod params;
pub mod pipeline;
mod routing;
mod rules;
mod single;
#[cfg(any(test, feature = "proptest"))]
pub mod strategies;
mod wire;

#[cfg(test)]
mod properties;

use chrono::NaiveDate;

pub use checker::{Checked, Checker, Context, Memory, ResultExtra};
pub use model::{
    ClosingOutcome, FullName, IncapacityKind, Mse, Organisation, Period, Regime, RegimeViolation,
    ReleasePeriod, Sheet, SheetKey, SheetNumber, SheetNumberError, SheetRef, SheetType, Signatory,
    Status, UnknownCode, parse_sex, sex_code,
};
pub use params::{EventDateReading, ParamDoc, ParamError, Params, ReturnToWorkReading};
pub use routing::{
    CivilServantStatus, DELIVERY_SERVICE_KEY, Decision, DeliveryService, FixtureAnswer,
    FixtureError, FixtureStatusService, RouteInput, Routing, RoutingContext, STATUS_SERVICE_KEY,
    SheetEvent, StatusError, StatusService, Step, event_date, route,
};
pub use rules::*;
pub use wire::{
    WireFullName, WireMse, WireOrganisation, WirePeriod, WireReleasePeriod, WireSheet,
    WireSheetRef, WireSignatory, WireStr, WireViolation,
};

/// The JSON Schema (draft 2020-12) of one input record: the layout of [`Sheet`] as
/// [`WireSheet`] reads it (`ereje-check sick-leave --schema`).
pub const INPUT_SCHEMA: &str = include_str!("sheet.schema.json");

/// The 38 items of the appendix to the pilot's algorithm: number, Russian name (seed `001`),
/// Kazakh name (seed `000`), and the JSON pointer(s) of the layout that hold it.
pub static ITEMS: &[(u8, &str, &str, &str)] = &[
    (
        1,
        "Номер и серия больничного листа",
        "Еңбекке уақытша жарамсыздық парағының нөмірі мен сериясы",
        "/number, /series",
    ),
    (2, "Статус", "Мәртебесі", "/status"),
    (
        3,
        "Тип (Первичный/продолжение листка/закрытие)",
        "Түрі (бастапқы / парақтың жалғасы/жабылуы)",
        "/type",
    ),
    (4, "Пол", "Жынысы", "/sex"),
    (
        5,
        "Наименование и адрес медицинской организации",
        "Медициналық ұйымның атауы мен мекенжайы",
        "/organisation/name, /organisation/address",
    ),
    (6, "Дата выдачи", "Берілген күні", "/issue_date"),
    (7, "Возраст", "Жасы", "/age"),
    (8, "ФИО", "ТАӘ", "/full_name/surname, /full_name/name, /full_name/patronymic"),
    (9, "Место работы", "Жұмыс орны", "/workplace"),
    (10, "Должность", "Лауазымы", "/position"),
    (11, "МКБ-10", "АХЖ-10", "/icd10"),
    (12, "Заключительный код МКБ-10", "АХЖ-10 қорытынды коды", "/final_icd10"),
    (13, "Вид временной нетрудоспособности", "Еңбекке уақытша жарамсыздық түрі", "/kind"),
    (14, "Возраст больного ребенка", "Науқас баланың жасы", "/child_age"),
    (
        15,
        "Название заболевания ребенка по МКБ-10",
        "АХЖ-10 бойынша баланың ауруының атауы",
        "/child_icd10",
    ),
    (
        16,
        "Название заболевания ребенка по МКБ-10 при карантине",
        "Карантин кезінде баланың АХЖ-10 бойынша ауруының атауы",
        "/child_quarantine_icd10",
    ),
    (
        17,
        "Дата начала и дата завершения путевки на санаторно-курортное лечение",
        "Санаторийлік-курорттық емделуге жолдаманың басталу күні және аяқталу күні",
        "/sanatorium/from, /sanatorium/to",
    ),
    (
        18,
        "Тип режима (амбулаторный, стационарный)",
        "Режим түрі (амбулаториялық, стационарлық)",
        "/regime",
    ),
    (
        19,
        "Отметки о нарушении режима",
        "Режимнің бұзылуы туралы белгілер",
        "/regime_violations/N/date, /regime_violations/N/mark",
    ),
    (20, "ФИО врача", "Дәрігердің ТАӘ", "/doctor"),
    (
        21,
        "Период нахождения в стационаре",
        "Стационарда болу кезеңі",
        "/inpatient_stay/from, /inpatient_stay/to",
    ),
    (
        22,
        "Период временного нахождения на другой работе",
        "Басқа жұмыста уақытша болу кезеңі",
        "/other_work/from, /other_work/to",
    ),
    (23, "ФИО главного врача", "Бас дәрігердің ТАӘ", "/chief_doctor"),
    (24, "Направлен на МСЭ", "МӘС-ке жіберілді", "/mse/referred, /mse/referral_date"),
    (
        25,
        "ФИО врача, направившего на МСЭ",
        "МӘС-ке жіберген дәрігердің ТАӘ",
        "/mse/referring_doctor",
    ),
    (26, "Дата освидетельствования", "Куәландыру күні", "/mse/examination_date"),
    (27, "Экспертное заключение", "Сараптамалық қорытынды", "/mse/conclusion"),
    (28, "ФИО начальника отдела МСЭ", "МӘС бөлімі бастығының ТАӘ", "/mse/head"),
    (
        29,
        "Период освобождения от работы",
        "Жұмыстан босату кезеңі",
        "/release_periods/N/from, /release_periods/N/to",
    ),
    (30, "Должность врача", "Дәрігер лауазымы", "/release_periods/N/doctor/position"),
    (31, "ФИО врача", "Дәрігердің ТАӘ", "/release_periods/N/doctor/name"),
    (32, "Должность врача", "Дәрігер лауазымы", "/release_periods/N/second_doctor/position"),
    (33, "ФИО врача", "Дәрігердің ТАӘ", "/release_periods/N/second_doctor/name"),
    (34, "Приступить к работе", "Жұмысқа кірісу", "/return_to_work"),
    (35, "Выдан новый лист", "Жаңа парақ берілді", "/new_sheet/series, /new_sheet/number"),
    (36, "Должность врача", "Дәрігер лауазымы", "/closing_doctor/position"),
    (37, "ФИО врача", "Дәрігердің ТАӘ", "/closing_doctor/name"),
    (38, "МИС-Отправитель", "МАЖ-жіберуші", "/sender_mis"),
];

/// A valid closed sheet (synthetic ИИН, 1990-01-01, female; 15–21 January 2024), for examples
/// and tests.
///
/// # Example
/// ```
/// let sheet = ereje_sick_leave::example_sheet();
/// assert_eq!(sheet.key().as_str(), "АА 0000001");
/// ```
pub fn example_sheet() -> Sheet {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
    // Built by the project's generator: never a number found on the web.
    #[allow(clippy::expect_used)]
    let iin = ereje_id::Iin::from_parts(d(1990, 1, 1), ereje_id::Sex::Female, 1)
        .expect("a synthetic ИИН");
    #[allow(clippy::expect_used)]
    let icd = |c| ereje_icd10::Icd10Code::from_canonical(c).expect("a canonical code");
    let doctor = Signatory {
        position: "врач общей практики".to_owned(),
        name: "Сапарова Айгерим Нурлановна".to_owned(),
    };
    Sheet {
        series: Some("АА".to_owned()),
        #[allow(clippy::expect_used)]
        number: SheetNumber::new("0000001").expect("a valid number"),
        status: Status::Closed,
        sheet_type: SheetType::Primary,
        sex: ereje_id::Sex::Female,
        organisation: Organisation {
            name: "РГП «Больница Медицинского центра Управления делами Президента Республики Казахстан» на ПХВ".to_owned(),
            address: "г. Астана".to_owned(),
        },
        issue_date: d(2024, 1, 15),
        age: 34,
        full_name: FullName {
            surname: "Ахметова".to_owned(),
            name: "Динара".to_owned(),
            patronymic: Some("Ержановна".to_owned()),
        },
        workplace: "Государственное учреждение «Министерство»".to_owned(),
        position: "главный эксперт".to_owned(),
        icd10: icd("J06.9"),
        final_icd10: Some(icd("J06.9")),
        kind: IncapacityKind::Disease,
        child_age: None,
        child_icd10: None,
        child_quarantine_icd10: None,
        sanatorium: None,
        regime: Regime::Outpatient,
        regime_violations: Vec::new(),
        doctor: doctor.name.clone(),
        inpatient_stay: None,
        other_work: None,
        chief_doctor: None,
        mse: Mse::default(),
        release_periods: vec![ReleasePeriod {
            from: d(2024, 1, 15),
            to: d(2024, 1, 21),
            doctor: doctor.clone(),
            second_doctor: None,
        }],
        return_to_work: Some(d(2024, 1, 22)),
        new_sheet: None,
        closing_doctor: Some(doctor),
        sender_mis: "МИС БМЦ".to_owned(),
        outcome: Some(ClosingOutcome::ReturnToWork),
        iin,
        continues: None,
        gestational_weeks: None,
        routing: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// A wire sheet with every field filled, nested ones included.
    fn full() -> WireSheet<'static> {
        let s = || Some(WireStr::from("x".to_owned()));
        let period = || Some(WirePeriod { from: s(), to: s() });
        let signatory = || Some(WireSignatory { position: s(), name: s() });
        let reference = || Some(WireSheetRef { series: s(), number: s() });
        WireSheet {
            series: s(),
            number: s(),
            status: s(),
            sheet_type: s(),
            sex: s(),
            organisation: Some(WireOrganisation { name: s(), address: s() }),
            issue_date: s(),
            age: Some(1.into()),
            full_name: Some(WireFullName { surname: s(), name: s(), patronymic: s() }),
            workplace: s(),
            position: s(),
            icd10: s(),
            final_icd10: s(),
            kind: s(),
            child_age: Some(1.into()),
            child_icd10: s(),
            child_quarantine_icd10: s(),
            sanatorium: period(),
            regime: s(),
            regime_violations: Some(vec![WireViolation { date: s(), mark: s() }]),
            doctor: s(),
            inpatient_stay: period(),
            other_work: period(),
            chief_doctor: s(),
            mse: Some(WireMse {
                referred: Some(true),
                referral_date: s(),
                referring_doctor: s(),
                examination_date: s(),
                conclusion: s(),
                head: s(),
            }),
            release_periods: Some(vec![WireReleasePeriod {
                from: s(),
                to: s(),
                doctor: signatory(),
                second_doctor: signatory(),
            }]),
            return_to_work: s(),
            new_sheet: reference(),
            closing_doctor: signatory(),
            sender_mis: s(),
            outcome: s(),
            iin: s(),
            continues: reference(),
            gestational_weeks: Some(1.into()),
            routing: Some(RoutingContext::IN_PILOT),
        }
    }

    /// The JSON pointers of every leaf of `v`, arrays read through their first item as `N`.
    fn leaves(v: &Value, prefix: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, inner) in map {
                    leaves(inner, &format!("{prefix}/{k}"), out);
                }
            }
            Value::Array(items) => {
                for inner in items.iter().take(1) {
                    leaves(inner, &format!("{prefix}/N"), out);
                }
            }
            _ => out.push(prefix.to_owned()),
        }
    }

    fn schema_leaves(node: &Value, prefix: &str, out: &mut Vec<String>) {
        if let Some(props) = node.get("properties").and_then(Value::as_object) {
            for (k, inner) in props {
                schema_leaves(inner, &format!("{prefix}/{k}"), out);
            }
        } else if let Some(items) = node.get("items") {
            schema_leaves(items, &format!("{prefix}/N"), out);
        } else {
            out.push(prefix.to_owned());
        }
    }

    #[test]
    fn the_schema_describes_exactly_the_wire_layout() {
        let mut from_wire = Vec::new();
        leaves(&serde_json::to_value(full()).unwrap_or(Value::Null), "", &mut from_wire);
        let schema: Value = serde_json::from_str(INPUT_SCHEMA).unwrap_or(Value::Null);
        let mut from_schema = Vec::new();
        schema_leaves(&schema, "", &mut from_schema);
        from_wire.sort();
        from_schema.sort();
        assert_eq!(from_wire, from_schema);
        assert_eq!(from_wire.len(), 57);
    }

    #[test]
    fn the_38_items_are_numbered_and_point_into_the_layout() {
        let mut from_wire = Vec::new();
        leaves(&serde_json::to_value(full()).unwrap_or(Value::Null), "", &mut from_wire);
        assert_eq!(ITEMS.len(), 38);
        for (i, (n, ru, kk, pointers)) in ITEMS.iter().enumerate() {
            assert_eq!(usize::from(*n), i + 1);
            assert!(!ru.is_empty() && !kk.is_empty());
            for p in pointers.split(", ") {
                assert!(from_wire.iter().any(|w| w == p), "item {n}: {p}");
            }
        }
    }

    #[test]
    fn the_example_sheet_is_clean() {
        let w = WireSheet::from(&example_sheet());
        let checked = Checker::new().check(&w, &Context::default());
        assert!(checked.findings.is_empty(), "{:?}", checked.findings);
        assert_eq!(checked.id.as_deref(), Some("АА 0000001"));
        assert_eq!(checked.event, Some(SheetEvent::Closed));
    }
}
