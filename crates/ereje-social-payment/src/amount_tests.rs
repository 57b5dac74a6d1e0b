//! Tests of the amount: the brief's worked examples to the tenge, and table-driven edge cases.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;
use crate::context::Context;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

fn t(v: i64) -> Tenge {
    Tenge::new(Decimal::from(v)).unwrap()
}

/// `n` months of `base` (one unnamed payer) ending with the month before `right`.
fn uniform(right: &str, base: i64, n: u32) -> Vec<Contribution> {
    let mut month = Month::of(d(right)).pred();
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(Contribution { month, payer: None, base: t(base) });
        month = month.pred();
    }
    out
}

fn case(right: &str, risk: RiskCase, participation: u32, contributions: Vec<Contribution>) -> Case {
    Case {
        right_arises: d(right),
        risk,
        participation_months: participation,
        contributions,
        excluded_months: vec![],
    }
}

fn run(c: &Case) -> Computed {
    compute(c, &Context::new()).unwrap_or_else(|e| panic!("{e}"))
}

fn money(a: &Amount) -> (String, String, String) {
    (a.gross.to_string(), a.withheld.to_string(), a.net.to_string())
}

fn step<'a>(c: &'a Computed, name: &str) -> &'a str {
    &c.explanation.step(name).unwrap_or_else(|| panic!("no step {name}")).value
}

const DISABILITY_100: RiskCase = RiskCase::LossOfWorkingCapacity { degree_percent: 100 };
const JOB_LOSS: RiskCase = RiskCase::JobLoss { prior_payment_months: 0 };

#[test]
fn worked_example_job_loss() {
    // СМД 300,000; 40 months → КСУ 0.9, 4 months; 121,500 gross, 109,350 net, 486,000 over 4 months.
    let c = run(&case("2026-03-10", JOB_LOSS, 40, uniform("2026-03-10", 300_000, 24)));
    assert_eq!(money(&c.amount), ("121500".into(), "12150".into(), "109350".into()));
    assert_eq!(c.amount.months, Some(4));
    assert_eq!(c.amount.total_gross.unwrap().to_string(), "486000");
    assert_eq!(c.amount.total_net.unwrap().to_string(), "437400");
    assert_eq!(step(&c, "participation_coefficient"), "0.9");
    assert_eq!(step(&c, "average_monthly_income"), "300000");
    assert_eq!(step(&c, "window"), "2024-03 – 2026-02 (24 months)");
    assert_eq!(c.amount.kind, PaymentKind::Monthly);
}

#[test]
fn worked_example_disability() {
    // (400,000 − 42,500) × 0.6 × 0.6 × 1.10 = 141,570.
    let c = run(&case(
        "2026-03-15",
        RiskCase::LossOfWorkingCapacity { degree_percent: 60 },
        120,
        uniform("2026-03-15", 400_000, 24),
    ));
    assert_eq!(money(&c.amount), ("141570".into(), "14157".into(), "127413".into()));
    assert_eq!(step(&c, "deduction"), "42500");
    assert_eq!(step(&c, "participation_coefficient"), "1.1");
    assert_eq!(c.amount.months, None);
}

#[test]
fn worked_example_maternity() {
    // СМД₁₂ 350,000 × 126 / 30 = 1,470,000 gross, 1,323,000 net.
    let c = run(&case(
        "2026-03-01",
        RiskCase::Maternity { sheet_days: 126 },
        0,
        uniform("2026-03-01", 350_000, 12),
    ));
    assert_eq!(money(&c.amount), ("1470000".into(), "147000".into(), "1323000".into()));
    assert_eq!(c.amount.kind, PaymentKind::LumpSum);
    assert_eq!(step(&c, "window"), "2025-03 – 2026-02 (12 months)");
    assert_eq!(step(&c, "days_coefficient"), "4.2");
}

#[test]
fn maternity_maximum_is_7_mzp_times_4_2() {
    // The brief: maximum for 126 days in 2024–2026 is 595,000 × 4.2 = 2,499,000.
    let c = run(&case(
        "2026-03-01",
        RiskCase::Maternity { sheet_days: 126 },
        0,
        uniform("2026-03-01", 900_000, 12),
    ));
    assert_eq!(c.amount.gross.to_string(), "2499000");
    let c = run(&case(
        "2026-03-01",
        RiskCase::Adoption { sheet_days: 40 },
        0,
        uniform("2026-03-01", 300_000, 12),
    ));
    assert_eq!(c.amount.gross.to_string(), "400000"); // 300,000 × 40 / 30
}

#[test]
fn worked_example_childcare() {
    // Second child, СМД 200,000 → 80,000 (between the floor and the 238,000 cap).
    let c = run(&case(
        "2026-01-20",
        RiskCase::Childcare { birth_order: 2, child_birth_date: None },
        0,
        uniform("2026-01-20", 200_000, 24),
    ));
    assert_eq!(money(&c.amount), ("80000".into(), "8000".into(), "72000".into()));
    assert_eq!(c.amount.months, Some(18));
    assert_eq!(c.amount.period_to, Some(d("2027-07-20")));
    assert_eq!(c.amount.total_gross.unwrap().to_string(), "1440000");
    assert_eq!(step(&c, "state_allowance"), "29453.25"); // 6.81 × 4,325
    assert_eq!(step(&c, "cap"), "238000");
    assert_eq!(step(&c, "bound_applied"), "none");
}

/// (months, disability gross, job-loss (gross, months) or not entitled)
type ParticipationRow = (u32, &'static str, Option<(&'static str, u32)>);

#[test]
fn participation_coefficient_bands() {
    // (months, disability gross with degree 100 %, job-loss (gross, months) or None)
    // base: (400,000 − 42,500) × 0.6 = 214,500 × КСУ; job loss: 300,000 × 0.45 = 135,000 × КСУ.
    let table: &[ParticipationRow] = &[
        (0, "21450", None),
        (5, "21450", None),
        (6, "150150", Some(("94500", 1))),
        (11, "150150", Some(("94500", 1))),
        (12, "160875", Some(("101250", 2))),
        (59, "203775", Some(("128250", 5))),
        (60, "214500", Some(("135000", 6))),
        (71, "214500", Some(("135000", 6))),
        (72, "218790", Some(("137700", 6))),
        (83, "218790", Some(("137700", 6))),
        (84, "223080", Some(("140400", 6))),
    ];
    for (months, disability, job) in table {
        let c =
            run(&case("2026-03-15", DISABILITY_100, *months, uniform("2026-03-15", 400_000, 24)));
        assert_eq!(c.amount.gross.to_string(), *disability, "disability, {months} months");
        let j = compute(
            &case("2026-03-10", JOB_LOSS, *months, uniform("2026-03-10", 300_000, 24)),
            &Context::new(),
        );
        match (job, j) {
            (Some((gross, n)), Ok(c)) => {
                assert_eq!(
                    (c.amount.gross.to_string(), c.amount.months),
                    (gross.to_string(), Some(*n)),
                    "job loss, {months}"
                );
            }
            (None, Err(AmountError::NotEntitled { participation_months, minimum: 6, .. })) => {
                assert_eq!(participation_months, *months);
            }
            (want, got) => panic!("job loss, {months} months: want {want:?}, got {got:?}"),
        }
    }
}

#[test]
fn participation_ceiling_by_period_and_reading() {
    // 300 months: 1.0 + 0.02 × 20 = 1.4; the Social Code period caps at 1.3, the 2019 law does not.
    let base = uniform("2026-03-10", 300_000, 24);
    let c = run(&case("2026-03-10", JOB_LOSS, 300, base.clone()));
    assert_eq!(step(&c, "participation_coefficient"), "1.3");
    assert_eq!(c.amount.gross.to_string(), "175500");
    let mut ctx = Context::new();
    ctx.set("participation_cap", "none").unwrap();
    let c = compute(&case("2026-03-10", JOB_LOSS, 300, base.clone()), &ctx).unwrap();
    assert_eq!(step(&c, "participation_coefficient"), "1.4");
    ctx.set("participation_cap", "1.2").unwrap();
    let c = compute(&case("2026-03-10", JOB_LOSS, 300, base), &ctx).unwrap();
    assert_eq!(step(&c, "participation_coefficient"), "1.2");
    // 2023-03 (the 2019 law): no ceiling. The window reaches into 2021–2022, whose МЗП is known:
    // every cap is verified.
    let c = run(&case("2023-03-10", JOB_LOSS, 300, uniform("2023-03-10", 300_000, 24)));
    assert_eq!(step(&c, "participation_coefficient"), "1.4");
    assert!(!c.notes.iter().any(|n| matches!(n, Note::CapNotVerified { .. })));
}

#[test]
fn repeat_job_loss_claim_subtracts_12_months_per_month_paid() {
    let base = uniform("2026-03-10", 300_000, 24);
    let r = |prior| {
        compute(
            &case(
                "2026-03-10",
                RiskCase::JobLoss { prior_payment_months: prior },
                30,
                base.clone(),
            ),
            &Context::new(),
        )
    };
    let c = r(0).unwrap();
    assert_eq!(
        (c.amount.months, step(&c, "participation_coefficient").to_owned()),
        (Some(3), "0.85".to_owned())
    );
    let c = r(2).unwrap(); // 30 − 24 = 6
    assert_eq!(
        (c.amount.months, step(&c, "participation_coefficient").to_owned()),
        (Some(1), "0.7".to_owned())
    );
    assert_eq!(step(&c, "effective_participation_months"), "6");
    assert_eq!(
        r(3),
        Err(AmountError::NotEntitled { participation_months: 0, deducted: 36, minimum: 6 })
    );
}

#[test]
fn income_below_half_minimum_wage_gives_zero() {
    for (base, gross) in [(40_000, "0"), (42_500, "0"), (42_524, "9")] {
        // 42,524 − 42,500 = 24 × 0.6 × 0.6 (60 %) × 1.0 = 8.64 → 9
        let c = run(&case(
            "2026-03-15",
            RiskCase::LossOfWorkingCapacity { degree_percent: 60 },
            60,
            uniform("2026-03-15", base, 24),
        ));
        assert_eq!(c.amount.gross.to_string(), gross, "base {base}");
        let below = c.notes.iter().any(|n| matches!(n, Note::BelowHalfMzp { .. }));
        assert_eq!(below, base <= 42_500, "base {base}");
    }
    let c = run(&case(
        "2026-03-15",
        RiskCase::LossOfBreadwinner { dependants: 2 },
        60,
        uniform("2026-03-15", 10_000, 24),
    ));
    assert_eq!(c.amount.gross, Decimal::ZERO);
}

#[test]
fn window_across_two_minimum_wage_years() {
    // Right 2025-01-15: window 2023-01 – 2024-12; 2023 months cap at 7 × 70,000 = 490,000,
    // 2024 months at 7 × 85,000 = 595,000.
    let c = run(&case(
        "2025-01-15",
        RiskCase::JobLoss { prior_payment_months: 0 },
        60,
        uniform("2025-01-15", 595_000, 24),
    ));
    assert_eq!(c.window.sum.to_string(), "13020000");
    assert_eq!(c.amount.average_income.to_string(), "542500");
    assert_eq!(c.amount.gross.to_string(), "244125");
    assert!(!c.notes.iter().any(|n| matches!(n, Note::CapNotVerified { .. })));
    let first = &c.window.months[0];
    assert_eq!(
        (first.month, first.cap.map(|c| c.to_string())),
        (m("2023-01"), Some("490000".into()))
    );
    assert_eq!(step(&c, "income.2023-06"), "490000");
    assert_eq!(step(&c, "income.2024-06"), "595000");
    let detail = c.explanation.step("income.2023-06").unwrap().detail.clone().unwrap();
    assert!(detail.contains("595000 → 490000"), "{detail}");
}

#[test]
fn several_payers_in_one_month() {
    let right = "2026-03-10";
    let june = m("2025-06");
    let entry = |payer: Option<&str>, base| Contribution {
        month: june,
        payer: payer.map(str::to_owned),
        base: t(base),
    };
    // (entries, per-payer month income, per-month month income)
    let table: Vec<(Vec<Contribution>, &str, &str)> = vec![
        (vec![entry(Some("A"), 500_000), entry(Some("B"), 400_000)], "900000", "595000"),
        (vec![entry(Some("A"), 700_000), entry(Some("B"), 700_000)], "1190000", "595000"),
        (vec![entry(Some("A"), 400_000), entry(Some("A"), 400_000)], "595000", "595000"),
        (vec![entry(None, 400_000), entry(None, 400_000)], "595000", "595000"),
        (vec![entry(Some("A"), 100_000), entry(None, 100_000)], "200000", "200000"),
    ];
    let mut per_month = Context::new();
    per_month.set("several_payers", "per_month").unwrap();
    for (entries, want_payer, want_month) in table {
        let c = case(right, JOB_LOSS, 60, entries);
        assert_eq!(step(&run(&c), "income.2025-06"), want_payer);
        assert_eq!(step(&compute(&c, &per_month).unwrap(), "income.2025-06"), want_month);
    }
    // 900,000 ÷ 24 = 37,500 × 0.45 = 16,875.
    let c =
        run(&case(right, JOB_LOSS, 60, vec![entry(Some("A"), 500_000), entry(Some("B"), 400_000)]));
    assert_eq!(c.amount.gross.to_string(), "16875");
}

#[test]
fn childcare_cap_and_floor() {
    let right = "2026-01-20";
    let mut two_payers = uniform(right, 595_000, 24);
    two_payers.extend(uniform(right, 595_000, 24).into_iter().map(|mut c| {
        c.payer = Some("B".into());
        c
    }));
    let cc = |order| RiskCase::Childcare { birth_order: order, child_birth_date: None };
    let c = run(&case(right, cc(1), 0, two_payers));
    assert_eq!((c.amount.gross.to_string(), step(&c, "bound_applied")), ("238000".into(), "cap"));
    // Floor, first child: 5.76 × 4,325 = 24,912; ÷ 0.9 = 27,680 gross, 24,912 net.
    let low = uniform(right, 10_000, 24);
    let c = run(&case(right, cc(1), 0, low.clone()));
    assert_eq!(money(&c.amount), ("27680".into(), "2768".into(), "24912".into()));
    assert_eq!(step(&c, "bound_applied"), "floor");
    // The floor by birth order (4th and later share 8.90 МРП = 38,492.5).
    for (order, gross) in [(2, "32726"), (3, "37724"), (4, "42769"), (7, "42769")] {
        assert_eq!(
            run(&case(right, cc(order), 0, low.clone())).amount.gross.to_string(),
            gross,
            "child {order}"
        );
    }
    for (reading, gross) in [("plus_pension", "27403"), ("allowance", "24912")] {
        let mut ctx = Context::new();
        ctx.set("childcare_floor", reading).unwrap();
        assert_eq!(
            compute(&case(right, cc(1), 0, low.clone()), &ctx).unwrap().amount.gross.to_string(),
            gross
        );
    }
}

#[test]
fn childcare_period_one_year_before_2023_and_adoption() {
    let mut ctx = Context::new();
    // МЗП and МРП of 2021–2022 are built in; the allowance multiples before 2023 are not
    // (test-only values).
    for key in ["childcare_allowance_mrp.2021", "childcare_allowance_mrp.2022"] {
        ctx.set(key, "5,6,7,8").unwrap();
    }
    let cc = RiskCase::Childcare { birth_order: 1, child_birth_date: None };
    // Born 2021-06-01: turned one on 2022-06-01, under the 12-month rule.
    let c = compute(&case("2021-06-01", cc.clone(), 0, uniform("2021-06-01", 100_000, 24)), &ctx)
        .unwrap();
    assert_eq!((c.amount.months, c.amount.period_to), (Some(12), Some(d("2022-06-01"))));
    // Born 2022-03-01: under one on 01.01.2023, so extended to 1.5 years.
    let c = compute(&case("2022-03-01", cc, 0, uniform("2022-03-01", 100_000, 24)), &ctx).unwrap();
    assert_eq!((c.amount.months, c.amount.period_to), (Some(18), Some(d("2023-09-01"))));
    // Adoption: right 2026-02-01 for a child born 2025-12-01: months not fixed, paid to 2027-06-01.
    let adopted = RiskCase::Childcare { birth_order: 1, child_birth_date: Some(d("2025-12-01")) };
    let c = run(&case("2026-02-01", adopted, 0, uniform("2026-02-01", 300_000, 24)));
    assert_eq!((c.amount.months, c.amount.period_to), (None, Some(d("2027-06-01"))));
    assert_eq!(c.amount.total_gross, None);
}

#[test]
fn breadwinner_dependants_and_no_withholding() {
    // 357,500 × 0.6 × ККИ × 1.0
    for (dependants, gross) in
        [(1, "107250"), (2, "139425"), (3, "171600"), (4, "214500"), (6, "214500")]
    {
        let c = run(&case(
            "2026-03-15",
            RiskCase::LossOfBreadwinner { dependants },
            60,
            uniform("2026-03-15", 400_000, 24),
        ));
        assert_eq!(
            money(&c.amount),
            (gross.to_string(), "0".to_owned(), gross.to_string()),
            "{dependants}"
        );
    }
}

#[test]
fn job_loss_replacement_was_0_40_in_2022() {
    // Right 2022-10-01: the window 2020-10 – 2022-09 is capped at 7 × 42,500 = 297,500 (2020,
    // 2021) and 7 × 60,000 = 420,000 (2022); 100,000 a month is below both.
    let c = run(&case("2022-10-01", JOB_LOSS, 60, uniform("2022-10-01", 100_000, 24)));
    assert_eq!(c.amount.gross.to_string(), "40000");
    assert_eq!(step(&c, "replacement_coefficient"), "0.4");
    assert!(!c.notes.iter().any(|n| matches!(n, Note::CapNotVerified { .. })));
    let caps: Vec<_> = c.window.months.iter().map(|x| x.cap).collect();
    assert_eq!(caps.first(), Some(&Some(Decimal::from(297_500))));
    assert_eq!(caps.last(), Some(&Some(Decimal::from(420_000))));
    assert_eq!(
        run(&case("2023-01-01", JOB_LOSS, 60, uniform("2023-01-01", 100_000, 24)))
            .amount
            .gross
            .to_string(),
        "45000"
    );
}

#[test]
fn missing_parameters_and_dates_before_the_law() {
    // 2021: the МЗП is built in (42,500, medium); a caller's value still wins.
    let disability = case("2021-05-01", DISABILITY_100, 60, uniform("2021-05-01", 100_000, 24));
    let c = run(&disability);
    assert_eq!(step(&c, "deduction"), "21250");
    assert_eq!(c.amount.gross.to_string(), "47250"); // (100,000 − 21,250) × 0.6 × 1 × 1
    assert_eq!(
        c.explanation.parameters.iter().find(|p| p.key == "mzp" && p.at == d("2021-05-01")),
        None, // recorded once per entry: first taken at 2021-01-01, a window month
    );
    assert!(
        c.explanation
            .parameters
            .iter()
            .any(|p| p.key == "mzp" && p.value == "42500" && p.from == d("2021-01-01"))
    );
    // Still absent: the childcare allowance multiples before 2023.
    let childcare = RiskCase::Childcare { birth_order: 1, child_birth_date: None };
    assert_eq!(
        compute(
            &case("2021-05-01", childcare, 0, uniform("2021-05-01", 100_000, 24)),
            &Context::new()
        ),
        Err(AmountError::MissingParameter {
            key: "childcare_allowance_mrp".into(),
            date: d("2021-05-01")
        })
    );
    let mut ctx = Context::new();
    ctx.set("mzp.2021", "50000").unwrap(); // a test value
    let c = compute(&disability, &ctx).unwrap();
    assert_eq!(step(&c, "deduction"), "25000");
    assert_eq!(
        c.explanation
            .parameters
            .iter()
            .find(|p| p.key == "mzp" && p.from == d("2021-01-01"))
            .unwrap()
            .confidence,
        crate::params::Grade::Given
    );
    assert_eq!(
        compute(&case("2027-02-01", DISABILITY_100, 60, vec![]), &Context::new()),
        Err(AmountError::MissingParameter { key: "mzp".into(), date: d("2027-02-01") })
    );
    assert_eq!(
        compute(&case("2019-12-31", JOB_LOSS, 60, vec![]), &Context::new()),
        Err(AmountError::BeforeLaw { right_arises: d("2019-12-31") })
    );
}

#[test]
fn excluded_months_extend_the_window_backwards() {
    let mut c = case("2020-12-10", JOB_LOSS, 60, uniform("2020-12-10", 100_000, 30));
    c.excluded_months = vec![m("2020-04"), m("2020-05")];
    let r = run(&c);
    assert_eq!(r.window.months.first().map(|x| x.month), Some(m("2018-10")));
    assert_eq!(r.window.months.last().map(|x| x.month), Some(m("2020-11")));
    assert_eq!(r.window.months.len(), 24);
    assert_eq!(r.window.excluded, vec![m("2020-04"), m("2020-05")]);
    assert!(r.window.months.iter().all(|x| x.month != m("2020-04")));
    // Of the 30 months given, 24 are in the window, 2 excluded (not noted), 4 older (noted).
    let outside = r.notes.iter().filter(|n| matches!(n, Note::OutsideWindow { .. })).count();
    assert_eq!(outside, 4);
}

#[test]
fn gaps_count_as_zero_and_outside_months_are_noted() {
    let mut contributions = uniform("2026-03-10", 240_000, 12); // only the last 12 months
    contributions.push(Contribution { month: m("2026-03"), payer: None, base: t(1) }); // the right's own month
    let c = run(&case("2026-03-10", JOB_LOSS, 60, contributions));
    assert_eq!(c.amount.average_income.to_string(), "120000");
    assert!(c.notes.contains(&Note::OutsideWindow { index: 12, month: m("2026-03") }));
    let none = run(&case("2026-03-10", JOB_LOSS, 60, vec![]));
    assert_eq!(none.amount.gross, Decimal::ZERO);
    assert!(
        none.notes.contains(&Note::NoContributions { first: m("2024-03"), last: m("2026-02") })
    );
}

#[test]
fn rounding_is_half_away_from_zero_in_one_place() {
    // sum 240 → СМД 10 × 0.45 = 4.5 → 5; withheld 0.5 → 1; net 4.
    let c = run(&case(
        "2026-03-10",
        JOB_LOSS,
        60,
        vec![Contribution { month: m("2025-05"), payer: None, base: t(240) }],
    ));
    assert_eq!(money(&c.amount), ("5".into(), "1".into(), "4".into()));
    for (x, want) in
        [("0.5", "1"), ("1.49", "1"), ("2.5", "3"), ("-2.5", "-3"), ("121500.000", "121500")]
    {
        assert_eq!(round_tenge(x.parse().unwrap()).to_string(), want, "{x}");
    }
}

#[test]
fn specifics_out_of_range_are_errors() {
    let base = uniform("2026-03-10", 100_000, 24);
    let cases = [
        (
            RiskCase::LossOfWorkingCapacity { degree_percent: 29 },
            AmountError::Degree { percent: 29 },
        ),
        (
            RiskCase::LossOfWorkingCapacity { degree_percent: 101 },
            AmountError::Degree { percent: 101 },
        ),
        (RiskCase::LossOfBreadwinner { dependants: 0 }, AmountError::NoDependants),
        (RiskCase::Maternity { sheet_days: 0 }, AmountError::SheetDays),
        (RiskCase::Childcare { birth_order: 0, child_birth_date: None }, AmountError::BirthOrder),
    ];
    for (risk, err) in cases {
        assert_eq!(compute(&case("2026-03-10", risk, 60, base.clone()), &Context::new()), Err(err));
    }
}

#[test]
fn explanation_of_the_job_loss_example() {
    let c = run(&case("2026-03-10", JOB_LOSS, 40, uniform("2026-03-10", 300_000, 24)));
    insta::assert_json_snapshot!("job_loss_explanation", (&c.amount, &c.explanation));
}

#[test]
fn explanation_of_a_childcare_floor() {
    let mut contributions = uniform("2025-05-05", 20_000, 6);
    contributions.push(Contribution {
        month: m("2024-11"),
        payer: Some("150340000015".into()),
        base: t(700_000),
    });
    let c = run(&case(
        "2025-05-05",
        RiskCase::Childcare { birth_order: 3, child_birth_date: None },
        0,
        contributions,
    ));
    insta::assert_json_snapshot!("childcare_explanation", (&c.amount, &c.explanation));
}

/// The МРП changed on 1 April 2022 (3,063 → 3,180, the amendment of 12.05.2022) and on 1 April
/// 2020 (2,651 → 2,778): a childcare right arising on 31 March and one arising on 1 April take
/// different values, and so different floors. The allowance multiples before 2023 are not in
/// Ereje's data: test-only values here.
#[test]
fn mrp_at_the_right_date_across_the_april_changes() {
    let mut ctx = Context::new();
    for year in ["2020", "2022"] {
        ctx.set(&format!("childcare_allowance_mrp.{year}"), "5.76,6.81,7.85,8.90").unwrap();
    }
    let cc = RiskCase::Childcare { birth_order: 1, child_birth_date: None };
    // 24 × 10,000: 4,000 is below every floor. Floor = 5.76 × МРП ÷ 0.9 (gross-up), half up.
    for (right, mrp, gross) in [
        ("2020-03-31", "2651", "16966"), // 15,269.76 ÷ 0.9 = 16,966.4
        ("2020-04-01", "2778", "17779"), // 16,001.28 ÷ 0.9 = 17,779.2
        ("2022-03-31", "3063", "19603"), // 17,642.88 ÷ 0.9 = 19,603.2
        ("2022-04-01", "3180", "20352"), // 18,316.80 ÷ 0.9 = 20,352
    ] {
        let c = compute(&case(right, cc.clone(), 0, uniform(right, 10_000, 24)), &ctx).unwrap();
        assert_eq!(step(&c, "monthly_calculation_index"), mrp, "{right}");
        assert_eq!(c.amount.gross.to_string(), gross, "{right}");
        let used = c.explanation.parameters.iter().find(|p| p.key == "mrp").unwrap();
        assert_eq!((used.at, used.value.as_str()), (d(right), mrp), "{right}");
        assert_eq!(used.confidence, crate::params::Grade::Medium, "{right}");
    }
}
