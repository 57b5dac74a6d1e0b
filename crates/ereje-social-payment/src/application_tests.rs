//! Tests of the check: table-driven records, every rule firing, the conversions, fixtures.

use chrono::NaiveDate;
use ereje_findings::{Lang, Severity};
use serde_json::{Value, json};

use super::*;
use crate::context::Context;

/// `n` monthly contributions of `base` ending the month before `right` (a `YYYY-MM-DD`).
fn months(right: &str, base: u64, n: u32) -> Value {
    let right = NaiveDate::parse_from_str(right, "%Y-%m-%d").unwrap();
    let mut m = Month::of(right).pred();
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(json!({"month": m.to_string(), "base": base}));
        m = m.pred();
    }
    Value::Array(out)
}

/// A valid record of `risk` (registered on `right` + a few days), with `patch` merged in
/// (a `null` in the patch removes the field).
fn record(risk: &str, right: &str, registered: &str, patch: Value) -> WireApplication {
    let mut v = json!({
        "id": "T",
        "risk": risk,
        "registration_date": registered,
        "right_arises": right,
        "channel": "state_corporation",
        "region": "astana",
        "participation_months": 60,
        "contributions": months(right, 300_000, 24),
    });
    let specifics = match risk {
        "loss_of_working_capacity" => json!({"degree_percent": 60, "degree_first_set": false}),
        "loss_of_breadwinner" => {
            json!({"dependants": [{"birth_date": "2015-05-05", "relation": "child"}]})
        }
        "job_loss" => json!({"unemployed_registered": true}),
        "maternity" => json!({"sheet_days": 126}),
        "adoption" => json!({"sheet_days": 50}),
        "childcare" => json!({"birth_order": 1}),
        _ => json!({}),
    };
    let obj = v.as_object_mut().unwrap();
    for (k, x) in specifics.as_object().unwrap().iter().chain(patch.as_object().unwrap()) {
        if x.is_null() {
            obj.remove(k);
        } else {
            obj.insert(k.clone(), x.clone());
        }
    }
    serde_json::from_value(v).unwrap()
}

fn run(w: &WireApplication) -> Checked {
    check(w, &Context::new())
}

/// The findings as `ID path`.
fn ids(c: &Checked) -> Vec<String> {
    c.findings.iter().map(|f| format!("{} {}", f.rule.id, f.path)).collect()
}

/// The findings other than the info ones.
fn problems(c: &Checked) -> Vec<String> {
    c.findings
        .iter()
        .filter(|f| f.severity() > Severity::Info)
        .map(|f| format!("{} {}", f.rule.id, f.path))
        .collect()
}

#[test]
fn valid_records_of_every_risk() {
    for risk in Risk::ALL {
        let w = record(risk.as_str(), "2026-03-10", "2026-03-12", json!({}));
        let c = run(&w);
        assert_eq!(problems(&c), Vec::<String>::new(), "{risk}");
        assert!(c.valid());
        assert!(c.amount.is_some(), "{risk}");
        assert!(
            ids(&c).contains(&"SP-024 /right_arises".to_owned()),
            "{risk}: Social Code period info"
        );
        assert!(c.findings.iter().all(|f| f.severity() == Severity::Info), "{risk}");
        assert_eq!(c.as_of, Some(NaiveDate::from_ymd_opt(2026, 3, 12).unwrap()));
    }
}

#[test]
fn each_rule_fires_where_it_should() {
    // (description, risk, right, registered, patch, context settings, expected findings)
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Value,
        &'static [(&'static str, &'static str)],
        &'static [&'static str],
    );
    let rows: Vec<Row> = vec![
        (
            "risk missing",
            "",
            "2026-03-10",
            "2026-03-12",
            json!({"risk": null}),
            &[],
            &["SP-001 /risk"],
        ),
        (
            "risk unknown",
            "disability",
            "2026-03-10",
            "2026-03-12",
            json!({}),
            &[],
            &["SP-001 /risk"],
        ),
        (
            "bad date, other rules still run",
            "job_loss",
            "2026-03-10",
            "12.03.2026",
            json!({"participation_months": null}),
            &[],
            &["SP-002 /registration_date", "SP-003 /participation_months"],
        ),
        (
            "bad right date: no amount",
            "job_loss",
            "2026-03-10",
            "2026-03-12",
            json!({"right_arises": "2026-02-30"}),
            &[],
            &["SP-002 /right_arises"],
        ),
        (
            "degree missing",
            "loss_of_working_capacity",
            "2026-03-10",
            "2026-03-12",
            json!({"degree_percent": null}),
            &[],
            &["SP-003 /degree_percent"],
        ),
        (
            "no dependants",
            "loss_of_breadwinner",
            "2026-03-10",
            "2026-03-12",
            json!({"dependants": []}),
            &[],
            &["SP-003 /dependants"],
        ),
        (
            "channel and contributions missing",
            "maternity",
            "2026-03-10",
            "2026-03-12",
            json!({"channel": null, "contributions": null}),
            &[],
            &["SP-003 /channel", "SP-003 /contributions"],
        ),
        (
            "registered before the right",
            "job_loss",
            "2026-03-10",
            "2026-03-01",
            json!({}),
            &[],
            &["SP-004 /registration_date"],
        ),
        (
            "job loss deadline, law period",
            "job_loss",
            "2022-02-01",
            "2023-02-02",
            json!({}),
            &[],
            &["SP-005 /registration_date"],
        ),
        (
            "job loss deadline, last day inside",
            "job_loss",
            "2022-02-01",
            "2023-02-01",
            json!({}),
            &[],
            &[],
        ),
        (
            "maternity deadline, Code period",
            "maternity",
            "2024-02-01",
            "2025-02-02",
            json!({}),
            &[],
            &["SP-006 /registration_date"],
        ),
        (
            "childcare deadline 18 months",
            "childcare",
            "2024-01-10",
            "2025-07-11",
            json!({}),
            &[],
            &["SP-006 /registration_date"],
        ),
        (
            "childcare on the 18th month",
            "childcare",
            "2024-01-10",
            "2025-07-10",
            json!({}),
            &[],
            &[],
        ),
        (
            "breadwinner deadline, law period",
            "loss_of_breadwinner",
            "2023-01-10",
            "2023-02-01",
            json!({"dependants": [{"birth_date": "2000-01-01", "relation": "child"}]}),
            &[],
            &["SP-007 /dependants"],
        ),
        (
            "breadwinner: disabled before 18",
            "loss_of_breadwinner",
            "2024-01-10",
            "2024-02-01",
            json!({"dependants": [{"birth_date": "2000-01-01", "disabled_before_18": true}]}),
            &[],
            &[],
        ),
        (
            "breadwinner deadline, Code period",
            "loss_of_breadwinner",
            "2025-01-10",
            "2025-02-01",
            json!({"dependants": [{"birth_date": "2001-01-01"}, {"relation": "carer", "birth_date": "1970-01-01"}]}),
            &[],
            &["SP-008 /dependants"],
        ),
        (
            "job loss, 5 months, Code",
            "job_loss",
            "2026-03-10",
            "2026-03-12",
            json!({"participation_months": 5}),
            &[],
            &["SP-010 /participation_months"],
        ),
        (
            "job loss, repeat claim, law",
            "job_loss",
            "2023-03-10",
            "2023-03-12",
            json!({"participation_months": 30, "prior_job_loss_months": 3}),
            &[],
            &["SP-009 /participation_months"],
        ),
        (
            "degree 25, Code",
            "loss_of_working_capacity",
            "2026-03-10",
            "2026-03-12",
            json!({"degree_percent": 25}),
            &[],
            &["SP-012 /degree_percent"],
        ),
        (
            "degree 101, law",
            "loss_of_working_capacity",
            "2023-03-10",
            "2023-03-12",
            json!({"degree_percent": "101"}),
            &[],
            &["SP-011 /degree_percent"],
        ),
        (
            "maternity 127 days",
            "maternity",
            "2026-03-10",
            "2026-03-12",
            json!({"sheet_days": 127}),
            &[],
            &["SP-013 /sheet_days"],
        ),
        (
            "maternity 184 days",
            "maternity",
            "2026-03-10",
            "2026-03-12",
            json!({"sheet_days": 184}),
            &[],
            &[],
        ),
        (
            "adoption 57 days",
            "adoption",
            "2026-03-10",
            "2026-03-12",
            json!({"sheet_days": 57}),
            &[],
            &["SP-013 /sheet_days"],
        ),
        (
            "seed: breadwinner via the portal",
            "loss_of_breadwinner",
            "2020-06-01",
            "2020-06-03",
            json!({"region": "aktobe", "channel": "egov_portal"}),
            &[],
            &["SP-014 /channel", "SP-021 /contributions"],
        ),
        (
            "seed: job loss at the State Corporation without the certificate",
            "job_loss",
            "2020-06-01",
            "2020-06-03",
            json!({"region": "Ақтөбе", "unemployed_registered": false}),
            &[],
            &["SP-015 /unemployed_registered", "SP-021 /contributions"],
        ),
        (
            "seed: proactive is not a channel of the seed",
            "job_loss",
            "2020-06-01",
            "2020-06-03",
            json!({"region": "aktobe", "channel": "proactive"}),
            &[],
            &["SP-014 /channel", "SP-021 /contributions"],
        ),
        (
            "seed: МСЭ unit, degree not first set",
            "loss_of_working_capacity",
            "2020-06-01",
            "2020-06-03",
            json!({"region": "aktobe", "channel": "mse_unit", "degree_first_set": false}),
            &[],
            &["SP-015 /degree_first_set", "SP-021 /contributions"],
        ),
        (
            "seed window ended: national table",
            "loss_of_breadwinner",
            "2025-06-01",
            "2025-06-03",
            json!({"region": "aktobe", "channel": "egov_portal"}),
            &[],
            &["SP-016 /channel"],
        ),
        (
            "seed window opened by --set",
            "loss_of_breadwinner",
            "2025-06-01",
            "2025-06-03",
            json!({"region": "aktobe", "channel": "egov_portal"}),
            &[("seed003.to", "open")],
            &["SP-014 /channel"],
        ),
        (
            "national: maternity via the portal",
            "maternity",
            "2026-03-10",
            "2026-03-12",
            json!({"channel": "egov_portal"}),
            &[],
            &["SP-016 /channel"],
        ),
        (
            "national: МСЭ unit, degree not first set",
            "loss_of_working_capacity",
            "2026-03-10",
            "2026-03-12",
            json!({"channel": "mse_unit", "degree_first_set": false}),
            &[],
            &["SP-017 /degree_first_set"],
        ),
        (
            "national: condition not given is not judged",
            "job_loss",
            "2026-03-10",
            "2026-03-12",
            json!({"unemployed_registered": null}),
            &[],
            &[],
        ),
        (
            "income below half МЗП",
            "loss_of_working_capacity",
            "2026-03-10",
            "2026-03-12",
            json!({"contributions": months("2026-03-10", 40_000, 24)}),
            &[],
            &["SP-018 /contributions"],
        ),
        (
            "no contributions",
            "job_loss",
            "2026-03-10",
            "2026-03-12",
            json!({"contributions": []}),
            &[],
            &["SP-019 /contributions"],
        ),
        (
            "МЗП unknown at the right (2027)",
            "loss_of_working_capacity",
            "2027-05-01",
            "2027-05-03",
            json!({}),
            &[],
            &["SP-020 /right_arises"],
        ),
        (
            "МЗП known at the right (2021, built in)",
            "loss_of_working_capacity",
            "2021-05-01",
            "2021-05-03",
            json!({}),
            &[],
            &["SP-021 /contributions"],
        ),
        (
            "childcare allowance multiples unknown before 2023",
            "childcare",
            "2022-04-01",
            "2022-04-04",
            json!({"birth_order": 1}),
            &[],
            &["SP-020 /right_arises"],
        ),
        (
            "caps of 2019 not verified",
            "job_loss",
            "2021-03-10",
            "2021-03-12",
            json!({}),
            &[],
            &["SP-021 /contributions"],
        ),
        ("caps of 2022 verified", "job_loss", "2024-03-10", "2024-03-12", json!({}), &[], &[]),
        (
            "right before 2020",
            "job_loss",
            "2019-11-05",
            "2019-11-06",
            json!({}),
            &[],
            &["SP-023 /right_arises"],
        ),
        (
            "bad payer and applicant",
            "job_loss",
            "2026-03-10",
            "2026-03-12",
            json!({"applicant_iin": "900101400014", "contributions": [{"month": "2025-05", "payer": "15034000001", "base": "1"}]}),
            &[],
            &["ID-CHECK-DIGIT /applicant_iin", "ID-LENGTH /contributions/0/payer"],
        ),
        (
            "a БИН as the applicant",
            "job_loss",
            "2026-03-10",
            "2026-03-12",
            json!({"applicant_iin": "150340000015"}),
            &[],
            &["SP-002 /applicant_iin"],
        ),
        (
            "bad contribution: no amount",
            "job_loss",
            "2026-03-10",
            "2026-03-12",
            json!({"contributions": [{"month": "2025-05", "base": "-5"}, {"month": "2025-13", "base": 1}, {"base": 1}]}),
            &[],
            &[
                "SP-002 /contributions/0/base",
                "SP-002 /contributions/1/month",
                "SP-003 /contributions/2/month",
            ],
        ),
        (
            "not whole months",
            "job_loss",
            "2026-03-10",
            "2026-03-12",
            json!({"participation_months": "40.5"}),
            &[],
            &["SP-002 /participation_months"],
        ),
        (
            "bad excluded month",
            "job_loss",
            "2026-03-10",
            "2026-03-12",
            json!({"excluded_months": ["2020-4"]}),
            &[],
            &["SP-002 /excluded_months/0"],
        ),
        (
            "unknown channel",
            "job_loss",
            "2026-03-10",
            "2026-03-12",
            json!({"channel": "cон"}),
            &[],
            &["SP-002 /channel"],
        ),
        (
            "bad dependant",
            "loss_of_breadwinner",
            "2026-03-10",
            "2026-03-12",
            json!({"dependants": [{"relation": "cousin", "birth_date": "2010-02-30"}]}),
            &[],
            &["SP-002 /dependants/0/birth_date", "SP-002 /dependants/0/relation"],
        ),
        (
            "birth order 0",
            "childcare",
            "2026-03-10",
            "2026-03-12",
            json!({"birth_order": 0}),
            &[],
            &["SP-002 /birth_order"],
        ),
    ];
    for (what, risk, right, registered, patch, settings, expected) in rows {
        let mut ctx = Context::new();
        for (k, v) in settings {
            ctx.set(k, v).unwrap();
        }
        let mut w = record(risk, right, registered, patch);
        if risk.is_empty() {
            w.risk = None;
        }
        let c = check(&w, &ctx);
        assert_eq!(
            problems(&c),
            expected.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "{what}: {:#?}",
            ids(&c)
        );
    }
}

#[test]
fn as_of_chooses_the_rule_variant() {
    let w = record("job_loss", "2022-06-01", "2023-07-05", json!({}));
    assert!(problems(&run(&w)).contains(&"SP-006 /registration_date".to_owned()));
    let ctx = Context { as_of: NaiveDate::from_ymd_opt(2023, 6, 30), ..Context::new() };
    let c = check(&w, &ctx);
    assert!(problems(&c).contains(&"SP-005 /registration_date".to_owned()));
    assert!(!c.valid());
    assert_eq!(c.as_of, NaiveDate::from_ymd_opt(2023, 6, 30));
}

#[test]
fn amount_is_computed_even_when_the_application_is_invalid() {
    // A missed deadline makes the record invalid; the amount still says what it would pay.
    let c = run(&record("job_loss", "2022-02-01", "2023-02-02", json!({})));
    assert!(!c.valid());
    // 2020-02 – 2022-01: 23 months capped at 7 × 42,500 = 297,500, 2022-01 at 420,000:
    // (23 × 297,500 + 300,000) ÷ 24 = 297,604.17 × 0.40 × 1.0 = 119,041.67 → 119,042.
    assert_eq!(c.amount.unwrap().gross.to_string(), "119042");
}

#[test]
fn numbers_may_be_strings_or_numbers() {
    let w = record(
        "job_loss",
        "2026-03-10",
        "2026-03-12",
        json!({"participation_months": "40", "contributions": [{"month": "2025-05", "base": "7200000.00"}, {"month": "2025-06", "base": 1.5e2}]}),
    );
    let c = run(&w);
    assert_eq!(problems(&c), Vec::<String>::new());
    // 595,000 (capped) + 150 = 595,150 ÷ 24 × 0.45 × 0.9
    assert_eq!(c.amount.unwrap().average_income.to_string(), "24797.92");
}

#[test]
fn messages_in_three_languages() {
    let c = run(&record("maternity", "2026-03-10", "2026-03-12", json!({"sheet_days": 127})));
    let f = c.findings.iter().find(|f| f.rule.id == "SP-013").unwrap();
    assert_eq!(
        f.message(Lang::En),
        "the sheet gives 127 days; the Labour Code (art. 99) allows 126, 140, 170, 184 (56, 70, 79, 93 after birth)"
    );
    assert!(f.message(Lang::Ru).starts_with("в листе о временной нетрудоспособности 127 дн."));
    assert!(f.message(Lang::Kk).contains("127 күн"));
    for f in &c.findings {
        for lang in [Lang::Ru, Lang::Kk, Lang::En] {
            assert!(!f.message(lang).contains('{'), "{}: {}", f.rule.id, f.message(lang));
        }
    }
}

#[test]
fn strict_model_round_trips_through_the_wire() {
    let w = record(
        "loss_of_breadwinner",
        "2026-03-10",
        "2026-03-12",
        json!({"applicant_iin": "900101400013", "dependants": [{"birth_date": "2015-05-05", "relation": "child", "iin": "900101400013"}]}),
    );
    let strict: Application = serde_json::from_value(serde_json::to_value(&w).unwrap()).unwrap();
    assert_eq!(strict.risk(), Risk::LossOfBreadwinner);
    let a = strict.check(&Context::new());
    let b = run(&w);
    assert_eq!((&a.amount, ids(&a)), (&b.amount, ids(&b)));
    let again: Application =
        serde_json::from_value(serde_json::to_value(strict.to_wire()).unwrap()).unwrap();
    assert_eq!(again, strict);
    // Strict parsing fails fast where the wire model reports findings.
    for bad in [
        json!({"risk": "maternity", "registration_date": "2026-03-12", "channel": "state_corporation", "right_arises": "2026-03-10", "contributions": [], "sheet_days": 0}),
        json!({"risk": "loss_of_working_capacity", "registration_date": "2026-03-12", "channel": "mse_unit", "right_arises": "2026-03-10", "contributions": [], "degree_percent": 20}),
        json!({"risk": "job_loss", "registration_date": "2026-03-12", "channel": "state_corporation", "right_arises": "2026-03-10", "contributions": [{"month": "2025-01", "base": "-1"}]}),
        json!({"risk": "job_loss", "registration_date": "12.03.2026", "channel": "state_corporation", "right_arises": "2026-03-10", "contributions": []}),
    ] {
        assert!(serde_json::from_value::<Application>(bad.clone()).is_err(), "{bad}");
    }
}

#[test]
fn checked_extra_serialises_amount_and_explanation() {
    let c =
        run(&record("job_loss", "2026-03-10", "2026-03-12", json!({"participation_months": 40})));
    let v = serde_json::to_value(c.extra()).unwrap();
    assert_eq!(v["amount"]["gross"], "121500");
    assert_eq!(v["amount"]["months"], 4);
    assert_eq!(v["explanation"]["steps"][0]["name"], "legal_basis");
    let none =
        run(&record("job_loss", "2026-03-10", "2026-03-12", json!({"participation_months": 5})));
    let v = serde_json::to_value(none.extra()).unwrap();
    assert!(v["amount"].is_null() && v["explanation"].is_null());
}

/// The fixtures: every record checked; results snapshotted (rule ids, paths, English messages,
/// amounts).
#[test]
fn fixtures() {
    let text = include_str!("../../../fixtures/social-payment/applications.ndjson");
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let w: WireApplication =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", i + 1));
        let c = run(&w);
        out.push(json!({
            "line": i + 1,
            "id": c.id,
            "valid": c.valid(),
            "findings": c.findings.iter().map(|f| format!("{} {} {}: {}", f.rule.id, f.severity(), f.path, f.message(Lang::En))).collect::<Vec<_>>(),
            "amount": c.amount,
        }));
    }
    insta::assert_json_snapshot!("fixtures", out);
}
