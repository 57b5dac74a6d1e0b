//! Crate-level tests: the hand-checked fixtures of `fixtures/mse/` (expectations and a
//! snapshot), the check's own tables, and properties over generated forms.

use chrono::NaiveDate;
use ereje_findings::{Lang, Origin, RecordResult};
use proptest::prelude::*;

use crate::*;

const VALID: &str = include_str!("../../../fixtures/mse/valid.ndjson");
const MISSING: &str = include_str!("../../../fixtures/mse/missing-exams.ndjson");
const EDGE: &str = include_str!("../../../fixtures/mse/edge.ndjson");
const INPUT_ERRORS: &str = include_str!("../../../fixtures/mse/input-errors.ndjson");

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
}

fn wire(line: &str) -> WireForm {
    serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"))
}

fn ids(c: &Checked) -> Vec<&'static str> {
    c.findings.iter().map(|f| f.rule.id).collect()
}

/// One expected outcome per fixture line: (file, line, valid, signable, nosology result,
/// pilot reason, rule ids in order), each worked out by hand (see fixtures/mse/README.md).
type Expect =
    (&'static str, usize, bool, bool, &'static str, &'static str, &'static [&'static str]);

const EXPECTED: &[Expect] = &[
    ("valid", 1, true, true, "amputation", "in-wave", &[]),
    ("valid", 2, true, true, "amputation", "in-wave", &[]),
    ("valid", 3, true, true, "amputation", "in-wave", &[]),
    ("valid", 4, true, true, "down-syndrome", "in-wave", &[]),
    ("valid", 5, true, true, "mucopolysaccharidosis", "in-wave", &[]),
    ("valid", 6, true, true, "none", "not-listed", &["MSE-006"]),
    ("valid", 7, true, true, "none", "near-miss", &["MSE-007"]),
    ("valid", 8, true, true, "none", "adult", &["MSE-008"]),
    ("valid", 9, true, true, "amputation", "before-wave", &["MSE-011"]),
    ("valid", 10, true, true, "down-syndrome", "in-wave", &[]),
    ("missing-exams", 1, false, false, "amputation", "in-wave", &["MSE-005"]),
    ("missing-exams", 2, false, false, "amputation", "in-wave", &["MSE-005"]),
    ("missing-exams", 3, false, false, "down-syndrome", "in-wave", &["MSE-005", "MSE-005"]),
    ("missing-exams", 4, false, false, "mucopolysaccharidosis", "in-wave", &["MSE-005"]),
    ("missing-exams", 5, false, false, "amputation", "in-wave", &["MSE-017", "MSE-005"]),
    ("missing-exams", 6, false, false, "amputation", "in-wave", &["MSE-005"]),
    ("edge", 1, true, true, "amputation", "in-wave", &["ID-CHECK-DIGIT", "ICD-CYRILLIC"]),
    ("edge", 2, true, true, "none", "no-diagnosis", &["ICD-FORMAT", "MSE-010"]),
    ("edge", 3, true, true, "down-syndrome", "no-date", &["MSE-002", "MSE-002", "MSE-013"]),
    ("edge", 4, true, true, "down-syndrome", "in-wave", &["MSE-014"]),
    ("edge", 5, true, true, "amputation", "in-wave", &["MSE-020"]),
    ("edge", 6, true, true, "none", "not-listed", &["MSE-016", "MSE-006"]),
    ("edge", 7, true, true, "amputation", "unknown-region", &["MSE-002", "MSE-012"]),
    ("edge", 8, true, true, "mucopolysaccharidosis", "in-wave", &["MSE-003", "MSE-004"]),
    ("edge", 9, true, true, "none", "not-listed", &["MSE-022", "MSE-023", "MSE-006"]),
    ("edge", 10, true, true, "down-syndrome", "in-wave", &["MSE-018"]),
    ("edge", 11, true, true, "amputation", "in-wave", &["MSE-019"]),
    ("edge", 12, true, true, "amputation", "after-end", &["MSE-011"]),
    ("edge", 13, false, false, "amputation", "in-wave", &["MSE-002", "MSE-002", "MSE-005"]),
];

fn fixture(name: &str) -> &'static str {
    match name {
        "valid" => VALID,
        "missing-exams" => MISSING,
        "edge" => EDGE,
        _ => "",
    }
}

#[test]
fn fixtures_give_the_hand_checked_outcomes() {
    let lines: usize =
        ["valid", "missing-exams", "edge"].iter().map(|f| fixture(f).lines().count()).sum();
    assert_eq!(lines, EXPECTED.len(), "every fixture line has an expectation");
    let ctx = Context::builtin();
    for &(file, line, valid, signable, nosology, reason, rules) in EXPECTED {
        let text = fixture(file).lines().nth(line - 1).unwrap_or("");
        let c = check(&wire(text), &ctx);
        let got = (
            c.valid(),
            c.signable,
            serde_json::to_value(c.nosology).unwrap_or_default()["result"]
                .as_str()
                .unwrap_or("")
                .to_owned(),
            c.pilot.reason.code(),
            ids(&c),
        );
        assert_eq!(
            got,
            (valid, signable, nosology.to_owned(), reason, rules.to_vec()),
            "{file}:{line}"
        );
        assert_eq!(c.signable, c.missing_exams.is_empty(), "{file}:{line}");
        assert_eq!(c.id.as_deref().map(|s| s.starts_with("031-2025-")), Some(true));
    }
}

#[test]
fn fixture_details() {
    let ctx = Context::builtin();
    let line = |f: &str, n: usize| check(&wire(fixture(f).lines().nth(n - 1).unwrap_or("")), &ctx);

    // valid 1: received 15:59:59 on Wednesday 3 September → due that day, concluded on time
    let c = line("valid", 1);
    let t = c.expert_term.unwrap_or_else(|| panic!("term"));
    assert_eq!((t.due, t.on_time, t.provisional), (d(2025, 9, 3), Some(true), false));
    assert_eq!(c.waiting_list.map(|w| w.minutes), Some(1783));
    // valid 2: Kostanay on the first day of the July wave
    let c = line("valid", 2);
    assert_eq!((c.pilot.wave, c.pilot.wave_start), (Some(Wave::July), Some(d(2025, 7, 1))));
    // valid 3: received at 16:00:00 exactly → that day
    assert_eq!(line("valid", 3).expert_term.map(|t| t.due), Some(d(2025, 10, 14)));
    // valid 10: 16:00:01 on Monday 15 December, 16 December is Independence Day → 17 December
    assert_eq!(line("valid", 10).expert_term.map(|t| t.due), Some(d(2025, 12, 17)));
    // missing 1: unsigned, as-of is the creation date; only insert sheet 10 missing
    let c = line("missing-exams", 1);
    assert_eq!(c.as_of, Some(d(2025, 9, 22)));
    assert_eq!(c.missing_exams.iter().map(|m| m.code).collect::<Vec<_>>(), ["insert_sheet_10"]);
    // missing 2: the and/or pair
    let c = line("missing-exams", 2);
    assert_eq!(c.missing_exams[0].code, "traumatologist_orthopaedist_or_surgeon_conclusion");
    assert_eq!(c.missing_exams[0].any_of.len(), 2);
    // missing 3: Down syndrome without psychiatrist and commission
    let codes: Vec<_> = line("missing-exams", 3).missing_exams.iter().map(|m| m.code).collect();
    assert_eq!(
        codes,
        ["psychiatrist_conclusion", "psychological_pedagogical_commission_conclusion"]
    );
    // edge 4: judged at the expert's receipt, 15 October > 1 October
    let c = line("edge", 4);
    assert_eq!(c.findings[0].path, "/expert_received_at");
    assert_eq!(
        c.findings[0].message(Lang::En),
        "form 031/у was signed on 2025-09-01 and is valid until 2025-10-01, but /expert_received_at is 2025-10-15"
    );
    // edge 5: 16:00:01 Friday 29 August → Tuesday 2 September; concluded 3 September
    let c = line("edge", 5);
    assert_eq!(c.expert_term.map(|t| (t.due, t.on_time)), Some((d(2025, 9, 2), Some(false))));
    // edge 13: the unknown kinds are pointed at
    let paths: Vec<_> = line("edge", 13).findings.iter().map(|f| f.path.clone()).collect();
    assert_eq!(paths, ["/examinations/4/kind", "/examinations/5/kind", "/examinations"]);
}

#[test]
fn input_errors_fixture() {
    let lines: Vec<&str> = INPUT_ERRORS.lines().collect();
    assert!(serde_json::from_str::<WireForm>(lines[0]).is_err(), "truncated JSON");
    assert!(serde_json::from_str::<WireForm>(lines[1]).is_err(), "a number for the ИИН");
    assert!(lines[2].trim().is_empty());
    let c = check(&wire(lines[3]), &Context::builtin());
    assert_eq!(ids(&c), ["MSE-001", "MSE-001", "MSE-001", "MSE-001", "MSE-013"]);
    assert!(c.valid() && c.signable && c.as_of.is_none());
}

#[test]
fn fixtures_snapshot() {
    let ctx = Context::builtin();
    let mut out = Vec::new();
    let mut record = 0;
    for file in ["valid", "missing-exams", "edge"] {
        for (i, line) in fixture(file).lines().enumerate() {
            record += 1;
            let c = check(&wire(line), &ctx);
            let origin = Origin { record, file: format!("{file}.ndjson"), line: i as u64 + 1 };
            let extra = serde_json::to_value(&c).unwrap_or_default();
            out.push(RecordResult::new(
                origin,
                c.id.clone(),
                c.as_of,
                &c.findings,
                Lang::En,
                extra,
            ));
        }
    }
    insta::assert_json_snapshot!(out, { "[].ruleset" => "[ruleset]" });
}

#[test]
fn every_message_fills_its_placeholders_in_three_languages() {
    let ctx = Context::builtin();
    for text in [VALID, MISSING, EDGE] {
        for line in text.lines() {
            for f in check(&wire(line), &ctx).findings {
                assert!(placeholders_filled(&f), "{} {:?}", f.rule.id, f.args);
                for lang in [Lang::Ru, Lang::Kk, Lang::En] {
                    let m = f.message(lang);
                    assert!(!m.contains('{'), "{}: {m}", f.rule.id);
                }
            }
        }
    }
}

#[test]
fn messages_of_the_gate_in_three_languages() {
    let c = check(&wire(MISSING.lines().next().unwrap_or("")), &Context::builtin());
    let msgs: Vec<String> =
        [Lang::Ru, Lang::Kk, Lang::En].iter().map(|&l| c.findings[0].message(l)).collect();
    insta::assert_json_snapshot!(msgs);
}

#[test]
fn as_of_overrides_the_form_date() {
    // missing 1 is in force for Almaty from 27 June 2025; taken at 26 June the gate does not run
    let w = wire(MISSING.lines().next().unwrap_or(""));
    let c = check(&w, &Context::builtin().with_as_of(d(2025, 6, 26)));
    assert_eq!(
        (c.pilot.reason, c.signable, ids(&c)),
        (PilotReason::BeforeInForce, true, vec!["MSE-011"])
    );
    // and a later --as-of with no conclusion makes the expert overdue
    let w = wire(EDGE.lines().nth(3).unwrap_or(""));
    let c = check(&w, &Context::builtin().with_as_of(d(2025, 10, 20)));
    assert_eq!(ids(&c), ["MSE-014", "MSE-021"]);
}

#[test]
fn the_schedule_reading_changes_the_answer() {
    // valid 9: Shymkent on Infomed, signed 15 July 2025: August under both readings.
    let w = wire(VALID.lines().nth(8).unwrap_or(""));
    let by_mis = Context::builtin().with_params(
        Params::from_key_value([("schedule.reading", "by-mis-vendor")]).unwrap_or_default(),
    );
    assert_eq!(check(&w, &by_mis).pilot.reason, PilotReason::BeforeWave);
    // valid 2: Kostanay on Avicenna, 1 July 2025: July by region, August by vendor
    let w = wire(VALID.lines().nth(1).unwrap_or(""));
    let c = check(&w, &by_mis);
    assert_eq!((c.pilot.reason, c.pilot.wave), (PilotReason::BeforeWave, Some(Wave::August)));
    assert_eq!(serde_json::to_value(c.pilot).unwrap_or_default()["reading"], "by-mis-vendor");
    // valid 3: Astana on «Damumed» (another system), June under both
    let w = wire(VALID.lines().nth(2).unwrap_or(""));
    assert!(check(&w, &by_mis).pilot.applies);
}

#[test]
fn provisional_calendar_year_is_an_info_finding() {
    // Published 1 June 2026 (a what-if): the pilot runs to 11 June 2027, and a draft act received
    // on 31 December 2026 after 16:00 is due on 5 January 2027 (1 and 2 January off, 2 January a
    // Saturday carried over to Monday 4 January), a provisional year.
    let mut form = wire(VALID.lines().next().unwrap_or(""));
    form.vkk = Some(WireVkk { signed_at: Some("2026-12-30T10:00".into()), ..WireVkk::default() });
    form.created_on = Some("2026-12-29".into());
    form.sent_at = Some("2026-12-30T10:05".into());
    form.expert_received_at = Some("2026-12-31T17:00".into());
    form.expert_concluded_at = None;
    let ctx = Context::builtin().with_params(
        Params::from_key_value([("order.published", "2026-06-01")]).unwrap_or_default(),
    );
    let c = check(&form, &ctx);
    assert_eq!(ids(&c), ["CAL-PROVISIONAL"]);
    assert_eq!(
        c.findings[0].message(Lang::En),
        "the working-day calendar of 2027 is provisional: transfers of days off and the Kurban Ait date may change"
    );
    assert_eq!(c.expert_term.map(|t| (t.due, t.provisional)), Some((d(2027, 1, 5), true)));
    assert!(c.valid());
    // a year the calendar does not know
    let ctx = Context::builtin().with_params(
        Params::from_key_value([("order.published", "2029-06-01")]).unwrap_or_default(),
    );
    form.vkk = Some(WireVkk { signed_at: Some("2029-12-30T10:00".into()), ..WireVkk::default() });
    form.created_on = Some("2029-12-29".into());
    form.sent_at = Some("2029-12-30T10:05".into());
    form.expert_received_at = Some("2029-12-31T17:00".into());
    let c = check(&form, &ctx);
    assert_eq!(ids(&c), ["CAL-UNKNOWN-YEAR"]);
    assert!(c.expert_term.is_none());
}

#[test]
fn strict_forms_and_wire_forms_agree_on_the_fixtures() {
    let ctx = Context::builtin();
    for text in [VALID, MISSING] {
        for line in text.lines() {
            let w = wire(line);
            let (form, _) = w.to_form();
            let Some(form) = form else { panic!("{line}") };
            // the strict parse reads the same lines (codes are canonical, regions are codes or
            // names the strict parse refuses, so go through the typed form)
            let again: Form =
                serde_json::from_str(&serde_json::to_string(&form).unwrap_or_default())
                    .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(again, form);
            let a = check(&w, &ctx);
            let b = check_form(&form, &ctx);
            assert_eq!((a.signable, a.pilot, a.nosology), (b.signable, b.pilot, b.nosology));
            assert_eq!(signable(&form, &ctx).is_signable(), a.signable);
        }
    }
}

/// Every `{name}` of the rule's messages has a value in the finding.
fn placeholders_filled(f: &ereje_findings::Finding) -> bool {
    [f.rule.message.ru, f.rule.message.kk, f.rule.message.en].iter().all(|m| {
        m.split('{')
            .skip(1)
            .filter_map(|p| p.split('}').next())
            .all(|name| f.args.iter().any(|(k, _)| *k == name))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_wire_form_yields_a_consistent_result(w in strategies::wire_form()) {
        let c = check(&w, &Context::builtin());
        prop_assert_eq!(c.signable, c.missing_exams.is_empty());
        prop_assert_eq!(c.valid(), c.findings.iter().all(|f| f.rule.id != "MSE-005"));
        prop_assert!(c.missing_exams.is_empty() || c.pilot.applies);
        for f in &c.findings {
            prop_assert!(f.path.is_empty() || f.path.starts_with('/'), "{}", f.path);
            prop_assert!(placeholders_filled(f), "{} {:?}", f.rule.id, f.args);
        }
        // the result always serialises
        prop_assert!(serde_json::to_string(&c).is_ok());
    }

    #[test]
    fn a_complete_form_is_signable_and_valid(form in strategies::complete_form()) {
        let c = check_form(&form, &Context::builtin());
        prop_assert!(c.pilot.applies, "{:?}", c.pilot);
        prop_assert!(c.signable, "{:?}", c.missing_exams);
        prop_assert!(c.valid(), "{:?}", c.findings.iter().map(|f| f.rule.id).collect::<Vec<_>>());
        prop_assert_eq!(c.expert_term.and_then(|t| t.on_time), Some(true));
        // and through the wire it is the same
        let w = WireForm::from(&form);
        let via_wire = check(&w, &Context::builtin());
        prop_assert_eq!(&via_wire.findings, &c.findings);
        prop_assert_eq!(w.to_form().0, Some(form.clone()));
        // strict serde round trip
        let json = serde_json::to_string(&form).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(serde_json::from_str::<Form>(&json).ok(), Some(form));
    }

    #[test]
    fn removing_a_blocking_exam_makes_a_complete_form_unsignable(
        (form, pick) in strategies::complete_form().prop_flat_map(|f| { let n = f.examinations.len(); (Just(f), 0..n) })
    ) {
        let mut form = form;
        let removed = form.examinations.remove(pick);
        let c = check_form(&form, &Context::builtin());
        // only one of an and/or pair, when the other is there too, keeps the form signable
        let other_of_pair = form.examinations.iter().any(|e| {
            matches!((removed.kind, e.kind),
                (ExamKind::SurgeonConclusion, ExamKind::TraumatologistOrthopaedistConclusion)
                | (ExamKind::TraumatologistOrthopaedistConclusion, ExamKind::SurgeonConclusion))
        });
        prop_assert_eq!(c.signable, other_of_pair, "removed {}", removed.kind);
        prop_assert_eq!(c.valid(), other_of_pair);
    }

    #[test]
    fn distribution_never_picks_an_excluded_region(
        register in prop::collection::vec((strategies::region(), 0u32..5), 1..12),
        patient in strategies::region(),
        organisation in strategies::region(),
        last in proptest::option::of(0usize..12),
        round_robin in any::<bool>(),
    ) {
        let register: Vec<Expert> = register.into_iter().enumerate()
            .map(|(i, (region, load))| Expert { id: format!("e{i}"), region, load }).collect();
        let case = CaseRegions { patient: Some(patient), organisation: Some(organisation) };
        let policy = if round_robin { Policy::RoundRobin } else { Policy::LeastLoaded };
        match distribute(&register, case, Extraterritorial::Both, policy, last) {
            Ok(i) => {
                let e = &register[i];
                prop_assert!(e.region != patient && e.region != organisation);
                if !round_robin {
                    let min = register.iter().filter(|e| e.region != patient && e.region != organisation).map(|e| e.load).min();
                    prop_assert_eq!(Some(e.load), min);
                }
            }
            Err(_) => prop_assert!(register.iter().all(|e| e.region == patient || e.region == organisation)),
        }
    }
}

/// `docs/mse.md` lists every code a user may meet: exam kinds, requirement codes, sub-forms,
/// regions, MIS vendors, rule ids, parameters, reasons.
#[test]
fn docs_list_every_code() {
    let doc = include_str!("../../../docs/mse.md");
    let mut codes: Vec<String> = Vec::new();
    codes.extend(ExamKind::ALL.iter().map(|k| k.code().to_owned()));
    codes.extend(EXAM_REQUIREMENTS.iter().map(|r| r.code.to_owned()));
    codes.extend(AMPUTATION_SUB_FORMS.iter().map(|s| s.code.to_owned()));
    codes.extend(Region::ALL.iter().map(|r| r.code().to_owned()));
    codes.extend(
        ["damu", "zhetysu", "nadezhda", "infomed-kazakhstan", "avicenna"].map(str::to_owned),
    );
    codes.extend(RULES.iter().map(|r| r.id.to_owned()));
    codes.extend(PARAMS.iter().map(|p| p.key.to_owned()));
    codes.extend(PARAMS.iter().flat_map(|p| p.allowed.iter().map(|a| (*a).to_owned())));
    codes.extend(Nosology::ALL.iter().map(|n| n.code().to_owned()));
    for reason in [
        PilotReason::InWave,
        PilotReason::NoDate,
        PilotReason::NoDiagnosis,
        PilotReason::NotListed,
        PilotReason::NearMiss,
        PilotReason::Adult,
        PilotReason::AgeUnknown,
        PilotReason::BeforeInForce,
        PilotReason::AfterEnd,
        PilotReason::BeforeWave,
        PilotReason::UnknownRegion,
        PilotReason::UnknownMis,
    ] {
        codes.push(reason.code().to_owned());
    }
    for code in codes {
        assert!(doc.contains(&format!("`{code}`")), "docs/mse.md does not list `{code}`");
    }
    for entry in &NOSOLOGIES {
        for group in entry.code_groups {
            assert!(doc.contains(&format!("`{group}`")), "docs/mse.md does not list `{group}`");
        }
    }
}

/// Small changes to a valid, signable form (valid.ndjson line 1) and the findings each brings.
#[test]
fn one_change_one_finding() {
    type Change = fn(&mut WireForm);
    type Case = (&'static str, Change, &'static [(&'static str, &'static str)]);
    let cases: &[Case] = &[
        (
            "sent before signing",
            |w| w.sent_at = Some("2025-09-02T10:00:00".into()),
            &[("MSE-015", "/sent_at")],
        ),
        (
            "signed before creation",
            |w| {
                if let Some(v) = w.vkk.as_mut() {
                    v.signed_at = Some("2025-08-31T23:59:59".into());
                }
            },
            &[("MSE-015", "/vkk/signed_at")],
        ),
        (
            "received before sending",
            |w| w.expert_received_at = Some("2025-09-02T10:16:00".into()),
            // and the term now ends on 2 September, so the conclusion of 3 September is late
            &[("MSE-015", "/expert_received_at"), ("MSE-020", "/expert_concluded_at")],
        ),
        (
            "concluded before receipt",
            |w| w.expert_concluded_at = Some("2025-09-03T15:00:00".into()),
            &[("MSE-015", "/expert_concluded_at")],
        ),
        (
            "no signature but sent",
            |w| {
                if let Some(v) = w.vkk.as_mut() {
                    v.signed_at = None;
                }
            },
            &[("MSE-016", "/sent_at")],
        ),
        (
            "an empty X-ray entry and no other",
            |w| {
                if let Some(e) = w.examinations.as_mut().and_then(|e| e.get_mut(3)) {
                    e.document = Some(" ".into());
                }
            },
            &[("MSE-017", "/examinations/3"), ("MSE-005", "/examinations")],
        ),
        (
            "sex unreadable",
            |w| {
                if let Some(p) = w.patient.as_mut() {
                    p.sex = Some("x".into());
                }
            },
            &[("MSE-002", "/patient/sex")],
        ),
        (
            "unknown sub-form",
            |w| {
                w.amputation =
                    Some(WireAmputation { surgical: Some(true), sub_form: Some("tail".into()) })
            },
            &[("MSE-002", "/amputation/sub_form")],
        ),
        ("no patient", |w| w.patient = None, &[("MSE-001", "/patient")]),
        (
            "complication with a Cyrillic letter",
            |w| {
                if let Some(d) = w.diagnosis.as_mut() {
                    d.complications = vec!["Т87.4".into()];
                }
            },
            &[("ICD-CYRILLIC", "/diagnosis/complications/0")],
        ),
        (
            "unknown ICD-10 code in a range",
            |w| {
                if let Some(d) = w.diagnosis.as_mut() {
                    d.main = Some("T05.7".into());
                }
            },
            &[("ICD-UNKNOWN", "/diagnosis/main")],
        ),
        (
            "date-time with an offset: 11:00:00Z is 16:00:00 in Astana, still on time",
            |w| w.expert_received_at = Some("2025-09-03T11:00:00Z".into()),
            &[],
        ),
        (
            "one second later it is the next day, concluded on time all the same",
            |w| w.expert_received_at = Some("2025-09-03T11:00:01Z".into()),
            &[],
        ),
        (
            "concluded two days late",
            |w| w.expert_concluded_at = Some("2025-09-05T09:00:00".into()),
            &[("MSE-020", "/expert_concluded_at")],
        ),
    ];
    let base = wire(VALID.lines().next().unwrap_or(""));
    assert!(check(&base, &Context::builtin()).findings.is_empty());
    for (why, change, expected) in cases {
        let mut w = base.clone();
        change(&mut w);
        let c = check(&w, &Context::builtin());
        let got: Vec<(&str, &str)> =
            c.findings.iter().map(|f| (f.rule.id, f.path.as_str())).collect();
        assert_eq!(got, *expected, "{why}");
    }
}

/// Mucopolysaccharidosis with no usable birth date: the gate does not run.
#[test]
fn age_unknown() {
    let mut w = wire(VALID.lines().nth(4).unwrap_or(""));
    if let Some(p) = w.patient.as_mut() {
        p.iin = Some("160214600055".into()); // wrong check digit
        p.birth_date = None;
    }
    let c = check(&w, &Context::builtin());
    assert_eq!(ids(&c), ["ID-CHECK-DIGIT", "MSE-001", "MSE-009"]);
    assert_eq!((c.pilot.reason, c.signable), (PilotReason::AgeUnknown, true));
}

proptest! {
    /// The hand-written date and date-time writers agree with chrono's formatting.
    #[test]
    fn fast_writers_match_chrono(days in -1_000_000i64..3_000_000, secs in 0u32..86_400) {
        #[derive(serde::Serialize)]
        struct W {
            #[serde(serialize_with = "crate::form::fast_date::serialize")]
            d: NaiveDate,
            #[serde(with = "crate::form::local_datetime_opt")]
            t: Option<chrono::NaiveDateTime>,
        }
        let d = NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or_default() + chrono::TimeDelta::days(days);
        let t = d.and_hms_opt(secs / 3600, secs / 60 % 60, secs % 60).unwrap_or_default();
        let json = serde_json::to_string(&W { d, t: Some(t) }).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let expected = format!(r#"{{"d":"{}","t":"{}"}}"#, d, t.format("%Y-%m-%dT%H:%M:%S"));
        prop_assert_eq!(json, expected);
    }
}
