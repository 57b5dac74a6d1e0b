//! Property tests, on the crate's own strategies.

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::amount::{AmountError, Case, RiskCase, compute, round_tenge};
use crate::context::Context;
use crate::month::Month;
use crate::risk::Risk;
use crate::strategies;

/// The gross amount and the total over the fixed months (0 when not entitled).
fn gross_and_total(case: &Case) -> (Decimal, Decimal) {
    match compute(case, &Context::new()) {
        Ok(c) => (c.amount.gross, c.amount.total_gross.unwrap_or(c.amount.gross)),
        Err(AmountError::NotEntitled { .. }) => (Decimal::ZERO, Decimal::ZERO),
        Err(e) => panic!("{e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn more_participation_never_lowers_the_amount(case in strategies::case(), extra in 0u32..200) {
        prop_assume!(matches!(
            case.risk,
            RiskCase::LossOfWorkingCapacity { .. } | RiskCase::LossOfBreadwinner { .. } | RiskCase::JobLoss { .. }
        ));
        let more = Case { participation_months: case.participation_months + extra, ..case.clone() };
        let (g1, t1) = gross_and_total(&case);
        let (g2, t2) = gross_and_total(&more);
        prop_assert!(g1 <= g2, "gross {} > {} with {} more months", g1, g2, extra);
        prop_assert!(t1 <= t2, "total {} > {} with {} more months", t1, t2, extra);
    }

    #[test]
    fn childcare_lies_between_floor_and_cap(case in strategies::case()) {
        let RiskCase::Childcare { birth_order, .. } = case.risk else { return Ok(()) };
        let ctx = Context::new();
        let c = compute(&case, &ctx).unwrap();
        let p = &ctx.params;
        let right = case.right_arises;
        let mrp = p.mrp.at(right).unwrap().value;
        let mzp = p.mzp.at(right).unwrap().value;
        let multiples = p.childcare_allowance_mrp.at(right).unwrap().value;
        let index = usize::try_from(birth_order.min(4) - 1).unwrap();
        let rate = p.pension_rate.at(right).unwrap().value;
        let floor = round_tenge(multiples[index] * mrp / (Decimal::ONE - rate));
        let cap = round_tenge(Decimal::new(4, 1) * Decimal::from(7) * mzp);
        prop_assert!(floor <= c.amount.gross && c.amount.gross <= cap, "{} not in [{}, {}]", c.amount.gross, floor, cap);
    }

    #[test]
    fn no_monthly_base_above_7_mzp_per_payer(case in strategies::case()) {
        let ctx = Context::new();
        let Ok(c) = compute(&case, &ctx) else { return Ok(()) };
        for m in &c.window.months {
            let mzp = ctx.params.mzp.at(m.month.first_day()).unwrap().value;
            let cap = Decimal::from(7) * mzp;
            prop_assert_eq!(m.cap, Some(cap));
            let mut total = Decimal::ZERO;
            for payer in &m.payers {
                prop_assert!(payer.counted <= cap, "{}: {} counted above {}", m.month, payer.counted, cap);
                prop_assert!(payer.counted <= payer.reported);
                total += payer.counted;
            }
            prop_assert_eq!(total, m.counted);
        }
        prop_assert_eq!(c.window.months.iter().map(|m| m.counted).sum::<Decimal>(), c.window.sum);
    }

    #[test]
    fn net_is_gross_less_withheld(case in strategies::case()) {
        let Ok(c) = compute(&case, &Context::new()) else { return Ok(()) };
        let a = &c.amount;
        prop_assert_eq!(a.net, a.gross - a.withheld);
        prop_assert!(a.gross >= Decimal::ZERO && a.withheld >= Decimal::ZERO && a.net >= Decimal::ZERO);
        prop_assert_eq!(a.gross, a.gross.trunc());
        let expected = if a.risk == Risk::LossOfBreadwinner { Decimal::ZERO } else { round_tenge(a.gross * Decimal::new(10, 2)) };
        prop_assert_eq!(a.withheld, expected);
        if let Some(n) = a.months {
            prop_assert_eq!(a.total_gross, Some(a.gross * Decimal::from(n)));
            prop_assert_eq!(a.total_net, Some(a.net * Decimal::from(n)));
        }
    }

    #[test]
    fn strict_applications_check_to_the_computed_amount(app in strategies::application()) {
        let ctx = Context::new();
        let checked = app.check(&ctx);
        let direct = compute(&app.case(), &ctx).ok().map(|c| c.amount);
        prop_assert_eq!(checked.amount, direct);
    }

    #[test]
    fn check_never_panics(w in strategies::wire_application()) {
        let c = crate::check(&w, &Context::new());
        // Every finding has a pointer that starts with '/' or is empty.
        for f in &c.findings {
            prop_assert!(f.path.is_empty() || f.path.starts_with('/'));
        }
    }

    #[test]
    fn months_round_trip(y in 1900i32..=2199, m in 1u32..=12) {
        let month = Month::new(y, m).unwrap();
        prop_assert_eq!(month.to_string().parse::<Month>().unwrap(), month);
        prop_assert_eq!(month.succ().pred(), month);
    }
}
