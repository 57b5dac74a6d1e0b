//! Tests across modules: the three-working-day term (holidays, calendar transfers, worker
//! transfers), notices and blocking at month ends, the fixtures (insta snapshots), the monthly
//! report of the hand-counted log, and the properties of the replay and the reports.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use ereje_calendar::Calendar;
use ereje_findings::Lang;
use proptest::prelude::*;
use serde_json::json;

use super::*;

const EVENTS: &str = include_str!("../../../fixtures/register/events.ndjson");
const WORKERS: &str = include_str!("../../../fixtures/register/workers.ndjson");
const CERTIFICATES: &str = include_str!("../../../fixtures/register/certificates.ndjson");

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn cal() -> &'static Calendar {
    Calendar::builtin()
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim().is_empty())
}

fn fixture_events() -> Vec<Event> {
    lines(EVENTS).map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn fixture_list() -> CertificateList {
    CertificateList::new(lines(CERTIFICATES).map(|l| serde_json::from_str(l).unwrap()))
}

/// Params under which the 2025 wording applies to every date of the tables (the terms of
/// 2023–2024 are counted as if it had been in force, to exercise the calendar's transfers).
fn params_always() -> Params {
    Params { publication_date: d(2022, 12, 1), ..Params::default() }
}

fn rule_ids(findings: &[ereje_findings::Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.rule.id).collect()
}

fn hire_json(id: &str, iin: &str, hired: NaiveDate, entered: &str, bin: &str) -> WireEvent {
    serde_json::from_value(json!({
        "id": id, "event": "hire", "iin": iin, "event_date": hired.to_string(), "entered_at": entered,
        "worker": {"surname": "S", "workplace": {"name": "Org", "bin": bin}, "position": "nurse"}
    }))
    .unwrap()
}

const IIN: &str = "900101400013";
const ORG_A: &str = "070140000015";
const ORG_B: &str = "120540000278";

// ---- the three-working-day term ----

/// One row of the term table: hired (or transferred) on `event`, entered at `entered`; the term
/// ends on `due`; `late` says whether REG-007 fires.
struct TermCase {
    name: &'static str,
    event: NaiveDate,
    entered: &'static str,
    due: NaiveDate,
    late: bool,
}

#[test]
fn three_working_days_across_holidays_and_calendar_transfers() {
    let cases = [
        TermCase {
            name: "ordinary week: Mon → Thu",
            event: d(2025, 9, 1),
            entered: "2025-09-04T18:00",
            due: d(2025, 9, 4),
            late: false,
        },
        TermCase {
            name: "ordinary week, a day late",
            event: d(2025, 9, 1),
            entered: "2025-09-05T08:00",
            due: d(2025, 9, 4),
            late: true,
        },
        TermCase {
            name: "entered before the hire day",
            event: d(2025, 9, 1),
            entered: "2025-08-29T12:00",
            due: d(2025, 9, 4),
            late: false,
        },
        TermCase {
            name: "over a weekend: Fri → Wed",
            event: d(2025, 11, 28),
            entered: "2025-12-03T17:59",
            due: d(2025, 12, 3),
            late: false,
        },
        TermCase {
            name: "over a weekend, a day late",
            event: d(2025, 11, 28),
            entered: "2025-12-04T09:00",
            due: d(2025, 12, 3),
            late: true,
        },
        TermCase {
            name: "Republic Day (Sat 25.10.2025) carried to Mon 27.10",
            event: d(2025, 10, 24),
            entered: "2025-10-30T16:00",
            due: d(2025, 10, 30),
            late: false,
        },
        TermCase {
            name: "Nauryz 2025 with two carry-overs",
            event: d(2025, 3, 20),
            entered: "2025-03-28T10:00",
            due: d(2025, 3, 28),
            late: false,
        },
        TermCase {
            name: "Nauryz 2025, a day late",
            event: d(2025, 3, 20),
            entered: "2025-03-31T10:00",
            due: d(2025, 3, 28),
            late: true,
        },
        TermCase {
            name: "Independence Day 16.12.2025",
            event: d(2025, 12, 12),
            entered: "2025-12-19T09:00",
            due: d(2025, 12, 18),
            late: true,
        },
        TermCase {
            name: "New Year, the 2025 transfer (Fri 3.1 off, Sun 5.1 worked), Christmas",
            event: d(2024, 12, 31),
            entered: "2025-01-08T10:00",
            due: d(2025, 1, 8),
            late: false,
        },
        TermCase {
            name: "the 2025 transfer, a day late",
            event: d(2024, 12, 31),
            entered: "2025-01-09T10:00",
            due: d(2025, 1, 8),
            late: true,
        },
        TermCase {
            name: "2024: Saturday 4 May worked",
            event: d(2024, 5, 2),
            entered: "2024-05-07T09:00",
            due: d(2024, 5, 6),
            late: true,
        },
        TermCase {
            name: "2024: 7, 8 (transfer), 9 May off",
            event: d(2024, 5, 6),
            entered: "2024-05-14T17:00",
            due: d(2024, 5, 14),
            late: false,
        },
        TermCase {
            name: "2023: Saturday 1 July worked",
            event: d(2023, 6, 29),
            entered: "2023-07-04T09:00",
            due: d(2023, 7, 3),
            late: true,
        },
        TermCase {
            name: "into the provisional 2027",
            event: d(2026, 12, 30),
            entered: "2027-01-07T09:00",
            due: d(2027, 1, 6),
            late: true,
        },
    ];
    for c in &cases {
        assert_eq!(hire_entry_due(cal(), c.event).unwrap().value, c.due, "{}", c.name);
        let ctx = Context::new(d(2027, 6, 30), cal()).with_params(params_always());
        let mut checker = EventChecker::new(ctx);
        checker.push(&hire_json("h", IIN, c.event, c.entered, ORG_A));
        let results = checker.finish(d(2027, 6, 30));
        let ids = rule_ids(&results[0].findings);
        assert_eq!(ids.contains(&"REG-007"), c.late, "{}: {ids:?}", c.name);
        if c.due.year() == 2027 {
            assert!(ids.contains(&"CAL-PROVISIONAL"), "{}", c.name);
        }
    }
}

#[test]
fn a_transfer_to_another_organisation_is_a_hire_and_within_one_is_a_change() {
    // (name, destination БИН, entered, REG-007 expected)
    let cases = [
        ("to another organisation, in time", Some(ORG_B), "2025-12-18T17:00", false),
        (
            "to another organisation, late (Independence Day counted)",
            Some(ORG_B),
            "2025-12-19T09:00",
            true,
        ),
        ("within the organisation: no three-day term", Some(ORG_A), "2025-12-19T09:00", false),
        ("position only: no three-day term", None, "2025-12-26T09:00", false),
    ];
    for (name, bin, entered, late) in cases {
        let mut checker = EventChecker::new(Context::new(d(2026, 1, 31), cal()));
        checker.push(&hire_json("h", IIN, d(2025, 9, 1), "2025-09-02T09:00", ORG_A));
        let mut transfer = json!({"id": "t", "event": "transfer", "iin": IIN, "event_date": "2025-12-12",
            "entered_at": entered, "transfer": {"position": "senior nurse"}});
        if let Some(bin) = bin {
            transfer["transfer"]["workplace"] = json!({"name": "Other", "bin": bin});
        }
        checker.push(&serde_json::from_value(transfer).unwrap());
        let results = checker.finish(d(2026, 1, 31));
        let ids = rule_ids(&results[1].findings);
        assert_eq!(ids.contains(&"REG-007"), late, "{name}: {ids:?}");
        assert!(!ids.contains(&"REG-008"), "{name}: {ids:?}");
    }
}

#[test]
fn the_term_is_not_applied_before_the_2025_wording() {
    let mut checker = EventChecker::new(Context::new(d(2025, 12, 31), cal()));
    checker.push(&hire_json("h", IIN, d(2025, 7, 25), "2025-08-20T09:00", ORG_A));
    checker.push(&hire_json("h2", "850630300021", d(2025, 8, 1), "2025-08-20T09:00", ORG_A));
    let r = checker.finish(d(2025, 12, 31));
    assert_eq!(rule_ids(&r[0].findings)[0], "REG-009");
    assert!(!rule_ids(&r[0].findings).contains(&"REG-007"));
    // From the day of entry into force (P + 11 = 1 August 2025) the term applies.
    assert!(rule_ids(&r[1].findings).contains(&"REG-007"));
    // A later publication date moves it.
    let p = Params::from_key_value([("order66.publication_date", "2025-07-31")]).unwrap();
    let mut checker = EventChecker::new(Context::new(d(2025, 12, 31), cal()).with_params(p));
    checker.push(&hire_json("h2", "850630300021", d(2025, 8, 1), "2025-08-20T09:00", ORG_A));
    assert_eq!(rule_ids(&checker.finish(d(2025, 12, 31))[0].findings)[0], "REG-009");
}

#[test]
fn a_change_is_late_only_past_the_parameter() {
    let run = |entered: &str, max: &str| {
        let p = Params::from_key_value([("change.max_delay_days", max)]).unwrap();
        let mut checker = EventChecker::new(Context::new(d(2026, 3, 1), cal()).with_params(p));
        checker.push(&hire_json("h", IIN, d(2025, 9, 1), "2025-09-02T09:00", ORG_A));
        let change = json!({"event": "data_change", "iin": IIN, "event_date": "2025-12-01",
            "entered_at": entered, "worker": {"residence": "Astana"}});
        checker.push(&serde_json::from_value(change).unwrap());
        rule_ids(&checker.finish(d(2026, 3, 1))[1].findings)
    };
    assert!(!run("2025-12-31T23:59", "30").contains(&"REG-008"));
    assert!(run("2026-01-01T00:00", "30").contains(&"REG-008"));
    assert!(run("2025-12-11T00:00", "9").contains(&"REG-008"));
}

// ---- certificates: notices and blocking ----

fn worker_with_certificate(valid_until: NaiveDate, dismissal: Option<NaiveDate>) -> WireWorker {
    let mut v = json!({"iin": IIN, "hire_date": "2020-01-01",
        "certificates": [{"specialty": "nursing", "number": "C-1", "issued_on": "2021-01-01",
                          "valid_until": valid_until.to_string()}]});
    if let Some(dd) = dismissal {
        v["dismissal_date"] = json!(dd.to_string());
    }
    serde_json::from_value(v).unwrap()
}

#[test]
fn notices_at_month_ends_and_blocking_the_day_after_validity() {
    // (valid until, checked on, notice due, block required)
    let cases = [
        (d(2026, 4, 30), d(2026, 2, 27), false, false),
        (d(2026, 4, 30), d(2026, 2, 28), true, false),
        (d(2026, 4, 29), d(2026, 2, 27), false, false),
        (d(2026, 4, 29), d(2026, 2, 28), true, false),
        (d(2028, 4, 30), d(2028, 2, 28), false, false),
        (d(2028, 4, 30), d(2028, 2, 29), true, false),
        (d(2025, 12, 31), d(2025, 10, 30), false, false),
        (d(2025, 12, 31), d(2025, 10, 31), true, false),
        (d(2025, 12, 31), d(2025, 12, 31), true, false),
        (d(2025, 12, 31), d(2026, 1, 1), false, true),
        (d(2026, 3, 31), d(2026, 4, 1), false, true),
    ];
    for (valid_until, on, notice, block) in cases {
        let r = check_worker(&worker_with_certificate(valid_until, None), &Context::new(on, cal()));
        let ids = rule_ids(&r.findings);
        assert_eq!(r.extra.notices_due.len() == 1, notice, "{valid_until} on {on}");
        assert_eq!(ids.contains(&"REG-010"), notice, "{valid_until} on {on}");
        assert_eq!(r.extra.block_required, block, "{valid_until} on {on}");
        assert_eq!(ids.contains(&"REG-011"), block, "{valid_until} on {on}");
        if block {
            assert_eq!(r.extra.block_from, valid_until.succ_opt());
        }
    }
    // A dismissed worker is no longer the organisation's: no notice, no blocking.
    let gone = worker_with_certificate(d(2025, 12, 31), Some(d(2025, 11, 1)));
    let r = check_worker(&gone, &Context::new(d(2026, 1, 1), cal()));
    assert!(!r.extra.block_required && r.extra.notices_due.is_empty());
}

// ---- fixtures ----

#[derive(serde::Serialize)]
struct Shown {
    id: Option<String>,
    valid: bool,
    findings: Vec<ereje_findings::FindingOut>,
    #[serde(flatten)]
    extra: RegisterExtra,
}

fn shown(c: &Checked) -> Shown {
    Shown {
        id: c.id.clone(),
        valid: c.valid(),
        findings: c.findings.iter().map(|f| f.to_output(Lang::En)).collect(),
        extra: c.extra.clone(),
    }
}

#[test]
fn fixture_workers_as_of_2026_03_02() {
    let list = fixture_list();
    let ctx = Context::new(d(2026, 3, 2), cal()).with_certificates(&list);
    let results: Vec<Checked> =
        lines(WORKERS).map(|l| check_worker(&serde_json::from_str(l).unwrap(), &ctx)).collect();
    let ids: Vec<Vec<&str>> = results.iter().map(|r| rule_ids(&r.findings)).collect();
    // Hand-checked expectations (fixtures/register/README.md).
    assert_eq!(ids[0], ["REG-010", "REG-012"]);
    assert_eq!(ids[1], ["REG-011", "REG-007"]);
    assert_eq!(ids[2], ["REG-003", "ID-CHECK-DIGIT", "REG-002", "REG-005", "REG-001"]);
    assert_eq!(ids[3], ["REG-004", "REG-006", "REG-014", "REG-008"]);
    assert_eq!(ids[4], ["REG-016", "REG-009"]);
    assert_eq!(
        results.iter().map(Checked::valid).collect::<Vec<_>>(),
        [false, false, false, true, true]
    );
    assert!(results[1].extra.block_required);
    assert_eq!(results[1].extra.block_from, Some(d(2026, 3, 1)));
    assert_eq!(results[0].extra.notices_due[0].notice_date, d(2026, 2, 28));
    // The register of the snapshots: the list's holder 880909300073 is not in it.
    let workers = lines(WORKERS)
        .filter_map(|l| serde_json::from_str::<WireWorker>(l).ok())
        .map(|w| w.to_record(ereje_calendar::Territory::Astana).value)
        .filter_map(|r| r.iin.map(|iin| (iin, r)))
        .collect();
    let state = State { as_of: d(2026, 3, 2), workers };
    let missing: Vec<String> =
        list.holders_not_registered(&state).iter().map(|l| l.iin.to_string()).collect();
    assert_eq!(missing, ["880909300073"]);
    insta::assert_json_snapshot!(results.iter().map(shown).collect::<Vec<_>>());
}

#[test]
fn fixture_workers_round_trip_through_the_strict_type() {
    for l in lines(WORKERS) {
        let strict: Result<WorkerRecord, _> = serde_json::from_str(l);
        let wire: WireWorker = serde_json::from_str(l).unwrap();
        let converted = wire.to_record(ereje_calendar::Territory::Astana);
        match strict {
            // A record that parses strictly converts without findings, to the same value.
            Ok(r) => {
                assert_eq!(r, converted.value);
                assert!(converted.findings.is_empty(), "{:?}", converted.findings);
            }
            Err(_) => assert!(!converted.findings.is_empty()),
        }
    }
}

#[test]
fn fixture_event_log_as_of_2026_01_20() {
    let mut checker = EventChecker::new(Context::new(d(2026, 1, 20), cal()));
    for l in lines(EVENTS) {
        checker.push(&serde_json::from_str(l).unwrap());
    }
    let results = checker.finish(d(2026, 1, 20));
    let by_id: BTreeMap<&str, &Checked> =
        results.iter().map(|r| (r.id.as_deref().unwrap_or(""), r)).collect();
    let ids = |id: &str| rule_ids(&by_id[id].findings);
    assert_eq!(ids("e02"), ["REG-007"]);
    assert_eq!(ids("e08"), ["REG-007"]);
    assert_eq!(ids("e10"), ["REG-001"]); // W5's state: citizenship missing
    assert_eq!(ids("e11"), ["REG-008"]); // 45 days; W3 dismissed: no certificate checks
    assert_eq!(ids("e05"), ["REG-011"]); // W4's obstetrics certificate ended on 15.01.2026
    assert!(by_id["e05"].extra.block_required);
    assert_eq!(by_id["e05"].extra.block_from, Some(d(2026, 1, 16)));
    let with_state: Vec<&str> =
        results.iter().filter(|r| r.extra.worker_state).filter_map(|r| r.id.as_deref()).collect();
    assert_eq!(with_state, ["e05", "e07", "e08", "e10", "e11"]);
    insta::assert_json_snapshot!(results.iter().map(shown).collect::<Vec<_>>());
}

#[test]
fn events_after_the_date_carry_event_level_findings_only() {
    let mut checker = EventChecker::new(Context::new(d(2025, 12, 3), cal()));
    for l in lines(EVENTS) {
        checker.push(&serde_json::from_str(l).unwrap());
    }
    let results = checker.finish(d(2025, 12, 3));
    let by_id: BTreeMap<&str, &Checked> =
        results.iter().map(|r| (r.id.as_deref().unwrap_or(""), r)).collect();
    // W2's transfer of 28.11 was entered on 04.12: after the date, so W2's state goes on e02.
    assert!(by_id["e02"].extra.worker_state);
    assert!(!by_id["e08"].extra.worker_state);
    assert_eq!(rule_ids(&by_id["e08"].findings), ["REG-007"]);
    // W1's nursing certificate was confirmed on 20.11: no notice as of 03.12.
    assert!(by_id["e07"].extra.worker_state && by_id["e07"].extra.notices_due.is_empty());
    // W4's obstetrics certificate (valid until 15.01.2026) is in its notice window.
    assert_eq!(by_id["e05"].extra.notices_due[0].notice_date, d(2025, 11, 15));
    assert!(results.iter().all(|r| r.as_of == d(2025, 12, 3)));
}

#[test]
fn unreadable_events_keep_their_place() {
    let mut checker = EventChecker::new(Context::new(d(2026, 1, 20), cal()));
    let mut expected = Vec::new();
    for (k, l) in lines(EVENTS).enumerate() {
        if k == 3 {
            checker.push_unreadable("EOF while parsing an object at line 4 column 10");
            expected.push(None);
        }
        let e: WireEvent = serde_json::from_str(l).unwrap();
        expected.push(e.id.clone());
        checker.push(&e);
    }
    let bad: WireEvent =
        serde_json::from_str(r#"{"id":"x","event":"promotion","iin":"900101400013"}"#).unwrap();
    checker.push(&bad);
    expected.push(Some("x".to_owned()));
    let results = checker.finish(d(2026, 1, 20));
    assert_eq!(results.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), expected);
    assert_eq!(rule_ids(&results[3].findings), ["INPUT"]);
    assert_eq!(rule_ids(&results.last().unwrap().findings)[0], "REG-015");
}

#[test]
fn certificates_missing_from_the_register_only_with_a_list() {
    let w: WireWorker = serde_json::from_str(lines(WORKERS).next().unwrap()).unwrap();
    let without = check_worker(&w, &Context::new(d(2026, 3, 2), cal()));
    assert!(!rule_ids(&without.findings).contains(&"REG-012"));
    let list = fixture_list();
    let with = check_worker(&w, &Context::new(d(2026, 3, 2), cal()).with_certificates(&list));
    let f: Vec<_> = with.findings.iter().filter(|f| f.rule.id == "REG-012").collect();
    assert_eq!(f.len(), 1);
    assert!(f[0].message(Lang::En).contains("KZ-ANS-2024-0021"));
    // Before the listed certificate is issued it is not required.
    let early = check_worker(&w, &Context::new(d(2024, 1, 31), cal()).with_certificates(&list));
    assert!(!rule_ids(&early.findings).contains(&"REG-012"));
}

#[test]
fn before_the_2025_wording_the_items_are_not_checked() {
    let w: WireWorker =
        serde_json::from_str(r#"{"iin": "900101400014", "hire_date": "2025-06-01"}"#).unwrap();
    let r = check_worker(&w, &Context::new(d(2025, 7, 15), cal()));
    assert_eq!(rule_ids(&r.findings), ["ID-CHECK-DIGIT", "REG-009", "REG-016"]);
    assert!(r.valid());
    let r = check_worker(&w, &Context::new(d(2025, 8, 1), cal()));
    assert!(rule_ids(&r.findings).contains(&"REG-003"));
    assert!(rule_ids(&r.findings).contains(&"REG-001"));
}

// ---- reports ----

#[test]
fn monthly_reports_of_the_hand_counted_log() {
    let events = fixture_events();
    let p = Params::default();
    let month = |s: &str| monthly_report(&events, s.parse().unwrap(), &p);
    // (month, registration, accounting, migration, outflow, late entries)
    for (m, reg, acc, mig, out, late) in [
        ("2025-09", 0, 0, 0, 0, 0),
        ("2025-10", 3, 1, 0, 0, 0),
        ("2025-11", 1, 1, 0, 0, 1), // the hire of Friday 31.10 entered on 04.11
        ("2025-12", 0, 1, 2, 0, 2),
        ("2026-01", 1, 0, 0, 1, 2),
        ("2026-02", 0, 0, 0, 0, 0),
    ] {
        let r = month(m);
        let t = r.entered.total;
        assert_eq!(
            (t.registration, t.accounting, t.migration, t.outflow, r.late_entries),
            (reg, acc, mig, out, late),
            "{m}"
        );
    }
    let oct = month("2025-10");
    assert_eq!(oct.submission_due, d(2025, 11, 9));
    assert_eq!(oct.entered.by_organisation[ORG_A].registration, 2);
    assert_eq!(oct.entered.by_organisation[ORG_A].accounting, 1);
    assert_eq!(oct.entered.by_organisation[ORG_B].registration, 1);
    let nov = month("2025-11");
    assert_eq!(nov.entered.by_region["Akmola"].registration, 1);
    assert_eq!(nov.lines[0].id.as_deref(), Some("e05"));
    assert!(nov.lines[0].late);
    let dec = month("2025-12");
    // W2's transfer is counted at the organisation it moved to; W1 as a senior nurse.
    assert_eq!(dec.entered.by_organisation[ORG_B].migration, 1);
    assert_eq!(dec.entered.by_position["senior nurse"].migration, 1);
    let jan = month("2026-01");
    // W3's dismissal is counted at the organisation left.
    assert_eq!(jan.entered.by_organisation[ORG_B].outflow, 1);
    insta::assert_json_snapshot!("monthly_2025_11_json", nov);
    insta::assert_snapshot!("monthly_2025_12_csv", dec.to_csv());
    insta::assert_snapshot!("monthly_2025_10_human_en", oct.to_human(Lang::En));
    insta::assert_snapshot!("monthly_2025_10_human_kk", oct.to_human(Lang::Kk));
}

#[test]
fn quarterly_report_of_the_hand_counted_log() {
    let events = fixture_events();
    let q = quarterly_report(&events, "2025-Q4".parse().unwrap(), &Params::default());
    let t = q.entered.total;
    assert_eq!((t.registration, t.accounting, t.migration, t.outflow), (4, 3, 2, 0));
    // In service on 31.12.2025 as the register showed it then: W1–W4 (W3's dismissal was
    // entered in January, W5's hire too).
    assert_eq!(q.headcount.total, 4);
    // Within 12 months: W4's obstetrics (15.01.2026), W2's general practice (30.04.2026).
    let terms: Vec<_> =
        q.confirmations.iter().map(|c| (c.valid_until, c.specialty.as_str())).collect();
    assert_eq!(terms, [(d(2026, 1, 15), "obstetrics"), (d(2026, 4, 30), "general practice")]);
    assert_eq!(q.expired_at_end, 0);
    insta::assert_snapshot!("quarterly_2025_q4_csv", q.to_csv());
    insta::assert_snapshot!("quarterly_2025_q4_human_ru", q.to_human(Lang::Ru));
}

// ---- schemas ----

/// Every key of a JSON value, as dotted paths (`worker.identity_document.kind`).
fn keys(v: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                out.push(p.clone());
                keys(v, &p, out);
            }
        }
        serde_json::Value::Array(a) => {
            for v in a {
                keys(v, prefix, out);
            }
        }
        _ => {}
    }
}

/// Every property the schema declares, as dotted paths.
fn schema_keys(
    v: &serde_json::Value,
    defs: &serde_json::Value,
    prefix: &str,
    out: &mut Vec<String>,
) {
    let v = match v.get("$ref").and_then(|r| r.as_str()) {
        Some(r) => &defs[r.trim_start_matches("#/$defs/")],
        None => v,
    };
    if let Some(items) = v.get("items") {
        schema_keys(items, defs, prefix, out);
    }
    if let Some(extra) = v.get("additionalProperties").filter(|a| a.is_object()) {
        out.push(format!("{prefix}.*"));
        schema_keys(extra, defs, &format!("{prefix}.*"), out);
    }
    if let Some(props) = v.get("properties").and_then(|p| p.as_object()) {
        for (k, v) in props {
            let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
            out.push(p.clone());
            schema_keys(v, defs, &p, out);
        }
    }
}

fn full_data() -> serde_json::Value {
    json!({
        "surname": "", "name": "", "patronymic": "", "sex": "", "birth_date": "", "birthplace": "",
        "citizenship": "", "identity_document": {}, "residence": "", "registration_address": "",
        "registration_date": "", "education": [{}], "workplace": {}, "position": "",
        "certificates": [{}], "professional_development": [{}], "region": ""
    })
}

#[test]
fn the_schemas_declare_every_field_of_the_wire_model() {
    // Serialising wire values with every optional part present lists every field.
    let mut w: WireWorker = serde_json::from_value(full_data()).unwrap();
    w.entered = Some(BTreeMap::from([("iin".to_owned(), WireEntry::default())]));
    let mut worker_keys = Vec::new();
    keys(&serde_json::to_value(&w).unwrap(), "", &mut worker_keys);
    let worker_keys: Vec<String> =
        worker_keys.into_iter().map(|k| k.replace("entered.iin", "entered.*")).collect();
    let schema: serde_json::Value = serde_json::from_str(WORKER_SCHEMA).unwrap();
    let mut declared = Vec::new();
    schema_keys(&schema, &schema["$defs"], "", &mut declared);
    for k in &worker_keys {
        assert!(declared.contains(k), "worker schema lacks {k}");
    }
    for k in &declared {
        assert!(worker_keys.contains(k), "worker schema declares {k}, which the wire model lacks");
    }
    let e = WireEvent {
        worker: Some(serde_json::from_value(full_data()).unwrap()),
        transfer: Some(WireTransfer {
            workplace: Some(WireWorkplace::default()),
            ..WireTransfer::default()
        }),
        certificate: Some(WireCertificate::default()),
        professional_development: Some(WireProfessionalDevelopment::default()),
        ..WireEvent::default()
    };
    let mut event_keys = Vec::new();
    keys(&serde_json::to_value(&e).unwrap(), "", &mut event_keys);
    let schema: serde_json::Value = serde_json::from_str(EVENT_SCHEMA).unwrap();
    let mut declared = Vec::new();
    schema_keys(&schema, &schema["$defs"], "", &mut declared);
    for k in &event_keys {
        assert!(declared.contains(k), "event schema lacks {k}");
    }
    for k in &declared {
        assert!(event_keys.contains(k), "event schema declares {k}, which the wire model lacks");
    }
}

#[test]
fn fixture_numbers_come_from_the_generator() {
    use ereje_id::{Bin, BinAttribute, BinType, Iin, Sex};
    let iins = [
        (d(1990, 1, 1), Sex::Female, 1, "900101400013"),
        (d(1985, 6, 30), Sex::Male, 2, "850630300021"),
        (d(1998, 11, 15), Sex::Female, 3, "981115400037"),
        (d(1979, 3, 8), Sex::Male, 4, "790308300047"),
        (d(2001, 7, 20), Sex::Female, 5, "010720600055"),
        (d(1988, 9, 9), Sex::Male, 7, "880909300073"),
    ];
    for (born, sex, serial, value) in iins {
        assert_eq!(Iin::from_parts(born, sex, serial).unwrap().to_string(), value);
    }
    let bins = [
        (2007, 1, BinType::Resident, BinAttribute::HeadUnit, 1, "070140000015"),
        (2012, 5, BinType::Resident, BinAttribute::HeadUnit, 27, "120540000278"),
        (2015, 3, BinType::Resident, BinAttribute::Branch, 5, "150341000055"),
        (2019, 2, BinType::JointEntrepreneurship, BinAttribute::HeadUnit, 3, "190260000032"),
    ];
    for (y, m, t, a, serial, value) in bins {
        assert_eq!(Bin::from_parts(y, m, t, a, serial).unwrap().to_string(), value);
    }
    // Every 12-digit number in the fixtures is one of them, or the deliberately broken ИИН.
    let known: Vec<&str> =
        iins.iter().map(|x| x.3).chain(bins.iter().map(|x| x.5)).chain(["981115400038"]).collect();
    for text in [EVENTS, WORKERS, CERTIFICATES] {
        let v: Vec<serde_json::Value> =
            lines(text).map(|l| serde_json::from_str(l).unwrap()).collect();
        let mut found = Vec::new();
        collect_numbers(&serde_json::Value::Array(v), &mut found);
        for n in found {
            assert!(known.contains(&n.as_str()), "{n} is not a generated number");
        }
    }
}

fn collect_numbers(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) => {
            out.push(s.clone())
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect_numbers(v, out)),
        serde_json::Value::Object(m) => m.values().for_each(|v| collect_numbers(v, out)),
        _ => {}
    }
}

// ---- properties ----

fn months_spanned(events: &[Event]) -> Vec<Month> {
    let (Some(first), Some(last)) = (
        events.iter().map(|e| e.entered_at.date()).min(),
        events.iter().map(|e| e.entered_at.date()).max(),
    ) else {
        return Vec::new();
    };
    let mut m = Month::of(first);
    let mut out = vec![];
    while m <= Month::of(last) {
        out.push(m);
        m = m.next();
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Replaying a log in one go or in two halves (with a look at the state in between) gives
    /// the same state, at the split's entry date, at the end and after it.
    #[test]
    fn replay_in_one_go_equals_two_halves(log in strategies::event_log(6, 60), cut in 0usize..=60) {
        let cut = cut.min(log.len());
        let mut whole = Replay::new();
        whole.extend(log.iter().cloned());
        let mut halves = Replay::new();
        halves.extend(log[..cut].iter().cloned());
        let end = log.last().map(|e| e.entered_at.date()).unwrap_or(d(2025, 8, 1));
        let _ = halves.state_as_of(end);
        halves.extend(log[cut..].iter().cloned());
        let mid = log.get(cut).map(|e| e.entered_at.date()).unwrap_or(end);
        for date in [mid, end, end + chrono::Days::new(400)] {
            prop_assert_eq!(whole.state_as_of(date), halves.state_as_of(date));
        }
    }

    /// The state as of a day depends only on the events entered by then.
    #[test]
    fn the_state_as_of_a_day_ignores_later_entries(log in strategies::event_log(6, 60), k in 0usize..60) {
        let day = log.get(k.min(log.len() - 1)).map(|e| e.entered_at.date()).unwrap_or(d(2025, 8, 1));
        let mut all = Replay::new();
        all.extend(log.iter().cloned());
        let mut known = Replay::new();
        known.extend(log.iter().filter(|e| e.entered_at.date() <= day).cloned());
        prop_assert_eq!(all.state_as_of(day), known.state_as_of(day));
    }

    /// Each hire appears in exactly one monthly report: that of the month it was entered.
    #[test]
    fn each_hire_is_reported_once_in_the_month_it_became_known(log in strategies::event_log(6, 60)) {
        let p = Params::default();
        let mut seen: BTreeMap<u64, Vec<Month>> = BTreeMap::new();
        for m in months_spanned(&log) {
            for line in monthly_report(&log, m, &p).lines {
                seen.entry(line.record).or_default().push(m);
            }
        }
        for (k, e) in log.iter().enumerate() {
            let months = seen.get(&(k as u64 + 1)).cloned().unwrap_or_default();
            prop_assert_eq!(months, vec![Month::of(e.entered_at.date())], "event {}", k + 1);
        }
    }

    /// The event checker returns one result per event, in order, and attaches each worker's
    /// state at most once.
    #[test]
    fn one_result_per_event_and_one_state_per_worker(log in strategies::event_log(6, 40), extra in 0u64..60) {
        let end = log.last().map(|e| e.entered_at.date()).unwrap_or(d(2025, 8, 1)) + chrono::Days::new(extra);
        let mut checker = EventChecker::new(Context::new(end, cal()));
        for e in &log {
            checker.push(&serde_json::from_value(serde_json::to_value(e).unwrap()).unwrap());
        }
        let results = checker.finish(end);
        prop_assert_eq!(results.len(), log.len());
        let workers: std::collections::BTreeSet<_> = log.iter().map(|e| e.iin).collect();
        prop_assert_eq!(results.iter().filter(|r| r.extra.worker_state).count(), workers.len());
        for (r, e) in results.iter().zip(&log) {
            prop_assert_eq!(r.id.as_ref(), e.id.as_ref());
            prop_assert_eq!(r.extra.event, Some(e.kind()));
        }
    }
}
