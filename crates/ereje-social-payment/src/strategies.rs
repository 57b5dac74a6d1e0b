//! Proptest strategies for downstream crates (feature `proptest`): cases whose parameters are all
//! in the built-in data, strict applications, and arbitrary wire records for robustness tests.

use chrono::{Days, NaiveDate};
use proptest::collection::vec;
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::amount::{Case, Contribution, RiskCase, Tenge};
use crate::application::{
    Application, Degree, Dependant, Details, Relation, WireApplication, WireContribution,
    WireDependant, WireNumber,
};
use crate::channels::Channel;
use crate::month::Month;
use crate::risk::Risk;

/// A date from `from` to `to` inclusive.
pub fn date_between(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = u64::try_from((to - from).num_days().max(0)).unwrap_or(0);
    (0..=span).prop_map(move |d| from.checked_add_days(Days::new(d)).unwrap_or(from))
}

/// A date the right may arise on such that every window month has a built-in МЗП:
/// 2025-01-01 to 2026-12-31 (windows start in 2023-01 at the earliest).
pub fn right_date() -> impl Strategy<Value = NaiveDate> {
    date_between(
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or(NaiveDate::MIN),
    )
}

/// An amount of whole tenge from 0 to `max`.
pub fn tenge(max: u64) -> impl Strategy<Value = Tenge> {
    (0..=max).prop_filter_map("an amount Tenge holds", |v| Tenge::new(Decimal::from(v)))
}

/// Contributions for the `months` calendar months before `right`'s month (each month 0–2 payers
/// from a small set, bases up to 1.5 million, so the 7 МЗП cap is hit sometimes), plus up to two
/// entries outside the window.
pub fn contributions(right: NaiveDate, months: u32) -> impl Strategy<Value = Vec<Contribution>> {
    let payers = prop_oneof![
        Just(None),
        Just(Some("150340000015".to_owned())),
        Just(Some("181141000076".to_owned())),
    ];
    let entry = (0..months + 2, payers, tenge(1_500_000));
    vec(entry, 0..40).prop_map(move |entries| {
        let last = Month::of(right).pred();
        entries
            .into_iter()
            .map(|(back, payer, base)| {
                // back = 0 is the last window month; `months` and `months + 1` fall outside.
                let mut m = last;
                for _ in 0..back {
                    m = m.pred();
                }
                Contribution { month: m, payer, base }
            })
            .collect()
    })
}

/// The specifics of any risk, within the ranges the law allows.
pub fn risk_case() -> impl Strategy<Value = RiskCase> {
    prop_oneof![
        (30u32..=100).prop_map(|degree_percent| RiskCase::LossOfWorkingCapacity { degree_percent }),
        (1u32..=6).prop_map(|dependants| RiskCase::LossOfBreadwinner { dependants }),
        (0u32..=3).prop_map(|prior_payment_months| RiskCase::JobLoss { prior_payment_months }),
        prop::sample::select(vec![56u32, 70, 79, 93, 126, 140, 170, 184])
            .prop_map(|sheet_days| RiskCase::Maternity { sheet_days }),
        (1u32..=56).prop_map(|sheet_days| RiskCase::Adoption { sheet_days }),
        (1u32..=6)
            .prop_map(|birth_order| RiskCase::Childcare { birth_order, child_birth_date: None }),
    ]
}

/// A case whose every parameter is in the built-in data (rights arising 2025–2026).
pub fn case() -> impl Strategy<Value = Case> {
    (right_date(), risk_case(), 0u32..=400).prop_flat_map(|(right, risk, participation_months)| {
        let months = match risk {
            RiskCase::Maternity { .. } | RiskCase::Adoption { .. } => 12,
            _ => 24,
        };
        contributions(right, months).prop_map(move |contributions| Case {
            right_arises: right,
            risk: risk.clone(),
            participation_months,
            contributions,
            excluded_months: Vec::new(),
        })
    })
}

/// A strict application built around [`case`], registered 0–40 days after the right arises.
pub fn application() -> impl Strategy<Value = Application> {
    (
        case(),
        0u64..=40,
        prop::sample::select(Channel::ALL.to_vec()),
        prop::option::of(Just("aktobe".to_owned())),
    )
        .prop_filter_map("specifics in range", |(case, after, channel, region)| {
            let nz = std::num::NonZeroU32::new;
            let details = match case.risk {
                RiskCase::LossOfWorkingCapacity { degree_percent } => {
                    Details::LossOfWorkingCapacity {
                        degree_percent: Degree::new(degree_percent)?,
                        degree_first_set: Some(true),
                    }
                }
                RiskCase::LossOfBreadwinner { dependants } => Details::LossOfBreadwinner {
                    dependants: (0..dependants)
                        .map(|_| Dependant {
                            relation: Some(Relation::Child),
                            ..Dependant::default()
                        })
                        .collect(),
                },
                RiskCase::JobLoss { prior_payment_months } => Details::JobLoss {
                    prior_job_loss_months: prior_payment_months,
                    unemployed_registered: Some(true),
                },
                RiskCase::Maternity { sheet_days } => {
                    Details::Maternity { sheet_days: nz(sheet_days)? }
                }
                RiskCase::Adoption { sheet_days } => {
                    Details::Adoption { sheet_days: nz(sheet_days)? }
                }
                RiskCase::Childcare { birth_order, child_birth_date } => {
                    Details::Childcare { birth_order: nz(birth_order)?, child_birth_date }
                }
            };
            Some(Application {
                id: None,
                registration_date: case
                    .right_arises
                    .checked_add_days(Days::new(after))
                    .unwrap_or(case.right_arises),
                channel,
                region,
                applicant_iin: None,
                right_arises: case.right_arises,
                participation_months: case.participation_months,
                contributions: case.contributions,
                excluded_months: case.excluded_months,
                details,
            })
        })
}

fn messy_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("2026-02-30".to_owned()),
        Just("2026-03-01".to_owned()),
        Just("2025-13".to_owned()),
        Just("2025-06".to_owned()),
        Just("-5".to_owned()),
        Just("1e30".to_owned()),
        Just("12.5".to_owned()),
        Just("aktobe".to_owned()),
        Just("state_corporation".to_owned()),
        Just("900101400013".to_owned()),
        Just("900101400014".to_owned()),
        "\\PC{0,12}",
    ]
}

fn wire_number() -> impl Strategy<Value = WireNumber> {
    prop_oneof![
        any::<u32>().prop_map(WireNumber::from),
        any::<i64>().prop_map(|n| WireNumber::Number(n.into())),
        any::<f64>()
            .prop_filter_map("finite", |x| serde_json::Number::from_f64(x).map(WireNumber::Number)),
        messy_string().prop_map(WireNumber::Text),
    ]
}

/// An arbitrary wire record: known and unknown risks and channels, good and malformed dates,
/// months, numbers and identifiers. [`crate::check`] must never panic on any of them.
pub fn wire_application() -> impl Strategy<Value = WireApplication> {
    let risk = prop_oneof![
        prop::sample::select(Risk::ALL.to_vec()).prop_map(|r| r.as_str().to_owned()),
        messy_string()
    ];
    let channel = prop_oneof![
        prop::sample::select(Channel::ALL.to_vec()).prop_map(|c| c.as_str().to_owned()),
        messy_string()
    ];
    let contribution = (
        prop::option::of(messy_string()),
        prop::option::of(messy_string()),
        prop::option::of(wire_number()),
    )
        .prop_map(|(month, payer, base)| WireContribution { month, payer, base });
    let dependant = (
        prop::option::of(messy_string()),
        prop::option::of(messy_string()),
        prop::option::of(messy_string()),
        prop::option::of(any::<bool>()),
    )
        .prop_map(|(iin, birth_date, relation, disabled_before_18)| WireDependant {
            iin,
            birth_date,
            relation,
            disabled_before_18,
        });
    (
        (
            prop::option::of(risk),
            prop::option::of(messy_string()),
            prop::option::of(channel),
            prop::option::of(messy_string()),
        ),
        (
            prop::option::of(messy_string()),
            prop::option::of(messy_string()),
            prop::option::of(wire_number()),
            prop::option::of(wire_number()),
        ),
        (prop::option::of(vec(contribution, 0..6)), prop::option::of(vec(messy_string(), 0..3))),
        (
            prop::option::of(wire_number()),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
            prop::option::of(vec(dependant, 0..3)),
        ),
        (
            prop::option::of(wire_number()),
            prop::option::of(wire_number()),
            prop::option::of(messy_string()),
        ),
    )
        .prop_map(|(a, b, c, d, e)| WireApplication {
            id: None,
            risk: a.0,
            registration_date: a.1,
            channel: a.2,
            region: a.3,
            applicant_iin: b.0,
            right_arises: b.1,
            participation_months: b.2,
            prior_job_loss_months: b.3,
            contributions: c.0,
            excluded_months: c.1,
            degree_percent: d.0,
            degree_first_set: d.1,
            unemployed_registered: d.2,
            dependants: d.3,
            sheet_days: e.0,
            birth_order: e.1,
            child_birth_date: e.2,
        })
}
