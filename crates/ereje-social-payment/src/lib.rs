//! Social payments of the State Social Insurance Fund (ГФСС / МӘСҚ) as Rust code: the dated
//! parameters, the amount of each payment with an explanation a person can check by hand, the
//! channels of the Aktobe service regulation (seed `003_*.txt`), and the check of an application
//! (`ereje-check social-payment`).
//!
//! - [`params`]: every value the law and the budget laws set, OpenFisca style (start, end,
//!   citation, confidence). МЗП and МРП for 2020–2022 come from secondary sources quoting the
//!   budget laws (medium; the МРП changed on 1 April 2020 and 1 April 2022); 2027 and later, and
//!   the childcare allowance multiples before 2023, are absent: give them with
//!   `--set mzp.YYYY=…` ([`Context::set`]).
//! - [`amount`]: [`compute`] — average monthly income over the window, coefficients, floors and
//!   caps, pension contribution withheld; [`Amount`] and [`Explanation`].
//! - [`channels`]: which channel accepts which risk under which condition: seed 003 para 1 (a
//!   regional act with a territory and an effective window), the 2019 law's art. 12 p. 1, the
//!   Social Code period.
//! - [`application`]: the lenient [`WireApplication`], the strict [`Application`], and
//!   [`check`], which returns findings, the amount and its explanation.
//! - [`rules`]: the catalogue (`SP-001` …), [`RULES`].
//!
//! Sources: Law No. 286-VI of 26.12.2019 «Об обязательном социальном страховании» (read in full,
//! edition from 01.01.2023; in force 01.01.2020–30.06.2023), the Social Code of 20.04.2023
//! No. 224-VII (from 01.07.2023; its text was not read: the law's rules are taken as kept, medium),
//! the project's research brief `docs/domain/social-payments.md`, the Labour Code art. 99, and seed
//! 003. Details and every choice made where the sources are silent: `docs/social-payment.md`.
//!
//! ```
//! use ereje_social_payment::{check, Context, WireApplication, WireContribution, WireNumber};
//!
//! // The brief's disability example (2026 parameters): СМД 400,000 (24 months of 400,000),
//! // 120 months of participation (КСУ 1.10), degree of loss 60 %.
//! let mut w: WireApplication = serde_json::from_str(r#"{
//!     "risk": "loss_of_working_capacity", "registration_date": "2026-04-02",
//!     "channel": "mse_unit", "degree_first_set": true, "region": "astana",
//!     "right_arises": "2026-03-15", "degree_percent": 60, "participation_months": 120
//! }"#)?;
//! let months = (2024..=2026).flat_map(|y| (1..=12).map(move |m| format!("{y}-{m:02}")));
//! w.contributions = Some(
//!     months
//!         .skip(2) // from 2024-03
//!         .take(24) // to 2026-02
//!         .map(|month| WireContribution {
//!             month: Some(month),
//!             payer: Some("150340000015".into()),
//!             base: Some(WireNumber::Text("400000".into())),
//!         })
//!         .collect(),
//! );
//! let checked = check(&w, &Context::new());
//! assert!(checked.valid());
//! let amount = checked.amount.as_ref().unwrap();
//! assert_eq!(amount.gross.to_string(), "141570"); // (400,000 − 42,500) × 0.6 × 0.6 × 1.10
//! assert_eq!(amount.withheld.to_string(), "14157"); // 10 % pension contribution
//! assert_eq!(amount.net.to_string(), "127413");
//! let steps = &checked.explanation.as_ref().unwrap().steps;
//! assert!(steps.iter().any(|s| s.name == "participation_coefficient" && s.value == "1.1"));
//! # Ok::<(), serde_json::Error>(())
//! ```
#![deny(missing_docs)]

pub mod amount;
pub mod application;
pub mod channels;
mod context;
mod month;
pub mod params;
mod risk;
pub mod rules;
#[cfg(any(test, feature = "proptest"))]
pub mod strategies;

#[cfg(test)]
mod properties;

pub use amount::{
    Amount, AmountError, Case, Computed, Contribution, Explanation, IncomeWindow, MonthIncome,
    Note, PayerIncome, PaymentKind, RiskCase, Step, Tenge, compute, round_tenge,
};
pub use application::{
    Application, Checked, Degree, Dependant, Details, Relation, ResultExtra, WireApplication,
    WireContribution, WireDependant, WireNumber, check,
};
pub use channels::{Channel, SeedWindow};
pub use context::{
    CapReading, ChildcareFloor, Context, Readings, Setting, SeveralPayers, settings_catalogue,
};
pub use month::{Month, MonthError};
pub use params::{Grade, ParamUsed, Params, SettingError};
pub use risk::{Risk, RiskError};
pub use rules::RULES;
pub mod procedure;
