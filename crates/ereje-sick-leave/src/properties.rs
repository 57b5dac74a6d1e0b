//! Property tests: generated valid sheets have no finding, every one-defect batch has the
//! defect's finding on its target, and the layouts round-trip.

use proptest::prelude::*;

use crate::strategies::{Defect, any_defect_case, case_with, valid_sheet, valid_wire};
use crate::{Checker, Context, Sheet, WireSheet, csv};

fn ids(checked: &crate::Checked) -> Vec<&'static str> {
    checked.findings.iter().map(|f| f.rule.id).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_valid_sheet_has_no_finding(sheet in valid_sheet()) {
        let bytes = serde_json::to_vec(&sheet).unwrap_or_default();
        let wire = WireSheet::from_slice(&bytes);
        prop_assert!(wire.is_ok());
        let checked = Checker::new().check(&wire.unwrap_or_default(), &Context::default());
        prop_assert!(checked.findings.is_empty(), "{:?}\n{}", ids(&checked), String::from_utf8_lossy(&bytes));
        prop_assert!(checked.valid());
    }

    #[test]
    fn a_one_defect_batch_has_the_defect_s_finding(case in any_defect_case()) {
        let mut checker = Checker::new();
        let ctx = Context::default();
        let mut target = None;
        for (i, w) in case.sheets.iter().enumerate() {
            let checked = checker.check(w, &ctx);
            if i == case.target {
                target = Some(checked);
            }
        }
        let target = target.unwrap_or_else(|| unreachable!("the target is in the batch"));
        prop_assert!(
            target.findings.iter().any(|f| f.rule.id == case.defect.rule().id),
            "{:?}: {:?}\n{}",
            case.defect,
            ids(&target),
            serde_json::to_string(&case.sheets).unwrap_or_default()
        );
    }

    #[test]
    fn the_typed_layout_round_trips(sheet in valid_sheet()) {
        let json = serde_json::to_string(&sheet).unwrap_or_default();
        let back: Result<Sheet, _> = serde_json::from_str(&json);
        prop_assert_eq!(back.ok(), Some(sheet));
    }

    #[test]
    fn the_csv_layout_round_trips(wire in valid_wire()) {
        let rows = wire.release_periods.as_ref().map_or(0, Vec::len);
        let marks = wire.regime_violations.as_ref().map_or(0, Vec::len);
        let text = format!("{}\r\n{}\r\n", csv::header(rows, marks), csv::record(&wire, rows, marks));
        let back = csv::read(&text).ok().and_then(|mut r| r.next()).map(|r| r.sheet);
        prop_assert_eq!(back, Some(Ok(wire)));
    }
}

/// Every defect is generated at least once per run, whatever `any_defect_case` draws.
#[test]
fn every_defect_fires_on_its_target() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    for defect in Defect::all() {
        for _ in 0..8 {
            let case = case_with(defect)
                .new_tree(&mut runner)
                .map(|t| t.current())
                .unwrap_or_else(|e| panic!("{defect:?}: {e}"));
            let mut checker = Checker::new();
            let checked: Vec<_> =
                case.sheets.iter().map(|w| checker.check(w, &Context::default())).collect();
            let target = &checked[case.target];
            assert!(
                target.findings.iter().any(|f| f.rule.id == defect.rule().id),
                "{defect:?}: {:?}\n{}",
                ids(target),
                serde_json::to_string(&case.sheets).unwrap_or_default()
            );
        }
    }
}

#[test]
fn the_generator_s_codes_are_in_the_who_list() {
    use crate::strategies::{ADULT_CODES, CHILD_CODES, MATERNITY_CODE};
    for c in ADULT_CODES.iter().chain(CHILD_CODES).chain([&MATERNITY_CODE]) {
        let code = ereje_icd10::Icd10Code::from_canonical(c);
        assert!(code.is_some_and(|c| c.exists()), "{c}");
    }
}
