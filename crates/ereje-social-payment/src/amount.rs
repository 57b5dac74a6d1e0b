//! The amount of a payment: the average monthly income over the law's window, the coefficients,
//! floors and caps, the pension contribution withheld, and a step-by-step explanation.
//!
//! The formulas (Law No. 286-VI of 26.12.2019; kept by the Social Code from 01.07.2023, medium):
//!
//! | risk | monthly or lump sum | formula |
//! |---|---|---|
//! | loss of working capacity (art. 20 p. 4) | monthly | (СМД − 0.5 МЗП) × 0.6 × КУТ × КСУ |
//! | loss of breadwinner (art. 21 pp. 7–8) | monthly | (СМД − 0.5 МЗП) × 0.6 × ККИ × КСУ |
//! | job loss (art. 22 pp. 2–4) | monthly, 1–6 months | СМД × 0.45 (0.40 to 2022) × КСУ |
//! | maternity, adoption (art. 23 p. 3) | lump sum | СМД₁₂ × days ÷ 30 |
//! | childcare (art. 24 p. 4) | monthly, to 1 / 1.5 years | СМД × 0.4, within [allowance, 40 % × 7 МЗП] |
//!
//! **Average monthly income (СМД).** The sum of the contribution bases of the 24 calendar months
//! before the month the right arises (12 for maternity and adoption), divided by 24 (12) whatever
//! the gaps. Months of the emergency "loss of income" payment are left out and replaced by the
//! months just before the window (art. 20 p. 4 part 4). Each payer's monthly base is capped at
//! 7 МЗП of that month's year (art. 15 p. 5); a month with several payers counts each payer's
//! capped base, so it may exceed 7 МЗП ([`SeveralPayers`] gives the other
//! reading). Entries without a payer are one "unnamed payer" per month (the conservative choice).
//!
//! **Parameters** are taken at the date the right arises (МЗП, МРП, coefficients); a window
//! month's cap takes the МЗП in force on that month's first day.
//!
//! **Rounding** is done in one place, [`round_tenge`]: the gross monthly payment (or lump sum) is
//! rounded to the whole tenge, half away from zero; the pension contribution is 10 % of that,
//! rounded the same way; net = gross − withheld; totals = rounded monthly × months. Intermediate
//! values are exact decimals (the explanation shows them to two places).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::context::{CapReading, ChildcareFloor, Context, SeveralPayers};
use crate::month::Month;
use crate::params::{Dated, LAW_2019_START, LegalBasis, Lookup, ParamUsed, ParamValue, Series};
use crate::risk::Risk;

/// An amount of money in tenge that cannot be negative.
///
/// # Example
/// ```
/// use ereje_social_payment::Tenge;
/// use rust_decimal::Decimal;
/// assert!(Tenge::new(Decimal::new(-1, 0)).is_none());
/// let t: Tenge = serde_json::from_str("\"300000.50\"")?;
/// assert_eq!(t.value().to_string(), "300000.50");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Tenge(Decimal);

/// The largest amount accepted anywhere (10¹⁵ tenge), so no sum of inputs can overflow.
pub const MAX_TENGE: i64 = 1_000_000_000_000_000;

impl Tenge {
    /// The amount, if it is between 0 and [`MAX_TENGE`].
    pub fn new(value: Decimal) -> Option<Tenge> {
        (value >= Decimal::ZERO && value <= Decimal::from(MAX_TENGE)).then_some(Tenge(value))
    }

    /// The amount.
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl TryFrom<Decimal> for Tenge {
    type Error = String;
    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        Tenge::new(value)
            .ok_or_else(|| format!("expected an amount from 0 to {MAX_TENGE} tenge, found {value}"))
    }
}

impl From<Tenge> for Decimal {
    fn from(t: Tenge) -> Decimal {
        t.0
    }
}

/// One month's contribution base from one payer (an entry of the contributions record).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    /// The month the contributions were paid for.
    pub month: Month,
    /// The payer (БИН of the employer, ИИН of a self-employed person), if known.
    #[serde(default)]
    pub payer: Option<String>,
    /// The object of calculation of social contributions (the base), tenge.
    pub base: Tenge,
}

/// The risk of a case and the specifics its formula needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "risk", rename_all = "snake_case")]
pub enum RiskCase {
    /// Loss of working capacity: the degree of loss of general working capacity set by МСЭ.
    LossOfWorkingCapacity {
        /// 30–100 (%).
        degree_percent: u32,
    },
    /// Loss of breadwinner: the number of dependants.
    LossOfBreadwinner {
        /// At least 1.
        dependants: u32,
    },
    /// Job loss: months of job-loss payment received before (art. 22 p. 4).
    JobLoss {
        /// Months paid on earlier claims.
        prior_payment_months: u32,
    },
    /// Pregnancy and childbirth: days on the temporary-incapacity sheet.
    Maternity {
        /// At least 1.
        sheet_days: u32,
    },
    /// Adoption of a newborn: days on the temporary-incapacity sheet.
    Adoption {
        /// At least 1.
        sheet_days: u32,
    },
    /// Childcare: the child's birth order and birth date.
    Childcare {
        /// 1 for the first child; 4 and more share the last allowance.
        birth_order: u32,
        /// The birth date when the right arises later (adoption, guardianship); `None` = the
        /// right arises at birth.
        child_birth_date: Option<NaiveDate>,
    },
}

impl RiskCase {
    /// The risk.
    pub fn risk(&self) -> Risk {
        match self {
            RiskCase::LossOfWorkingCapacity { .. } => Risk::LossOfWorkingCapacity,
            RiskCase::LossOfBreadwinner { .. } => Risk::LossOfBreadwinner,
            RiskCase::JobLoss { .. } => Risk::JobLoss,
            RiskCase::Maternity { .. } => Risk::Maternity,
            RiskCase::Adoption { .. } => Risk::Adoption,
            RiskCase::Childcare { .. } => Risk::Childcare,
        }
    }
}

/// Everything the amount depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// The date the right arises (art. 19 p. 7): the МСЭ decision, the death, the registration as
    /// unemployed, the leave start on the sheet, the birth (or adoption, guardianship).
    pub right_arises: NaiveDate,
    /// The risk and its specifics.
    #[serde(flatten)]
    pub risk: RiskCase,
    /// Months for which contributions were received in total (общий стаж участия, art. 1
    /// sp. 23); used by the participation coefficient and the job-loss duration.
    #[serde(default)]
    pub participation_months: u32,
    /// The contribution bases (any months; only the window's count).
    #[serde(default)]
    pub contributions: Vec<Contribution>,
    /// Months of the emergency "loss of income" payment, left out of the window.
    #[serde(default)]
    pub excluded_months: Vec<Month>,
}

/// Whether a payment is monthly or paid once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    /// Paid every month.
    Monthly,
    /// Paid once (maternity, adoption).
    LumpSum,
}

/// The amount of a payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Amount {
    /// The risk.
    pub risk: Risk,
    /// Monthly or lump sum.
    pub kind: PaymentKind,
    /// The date the right arises (the parameters' date).
    pub right_arises: NaiveDate,
    /// The average monthly income, to the tiyn (exact value in the explanation's inputs).
    pub average_income: Decimal,
    /// The gross payment (a month's, or the lump sum), whole tenge.
    pub gross: Decimal,
    /// The pension contribution withheld (0 for loss of breadwinner).
    pub withheld: Decimal,
    /// gross − withheld.
    pub net: Decimal,
    /// Months of payment where the law fixes them (job loss; childcare from birth), else `None`
    /// (paid for the period МСЭ sets, while dependants keep their right, or once).
    pub months: Option<u32>,
    /// gross × months, when months are known.
    pub total_gross: Option<Decimal>,
    /// net × months, when months are known.
    pub total_net: Option<Decimal>,
    /// Childcare: the last day paid (the day the child turns 1 or 1.5, inclusive).
    pub period_to: Option<NaiveDate>,
}

/// One step of the calculation, to be checked by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// A stable name (`average_monthly_income`, `income.2025-03`, `gross`, …).
    pub name: String,
    /// The value, as text.
    pub value: String,
    /// How it was obtained, when not obvious.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The act and paragraph.
    pub citation: String,
}

/// The steps of a calculation and the parameter values it used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// Every parameter value taken, with its window, citation and confidence.
    pub parameters: Vec<ParamUsed>,
}

impl Explanation {
    /// The step named `name`, if any.
    pub fn step(&self, name: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.name == name)
    }
}

/// One payer's base in a window month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PayerIncome {
    /// The payer as given (`None`: unnamed).
    pub payer: Option<String>,
    /// The sum of the payer's entries for the month.
    pub reported: Decimal,
    /// What counts after the cap.
    pub counted: Decimal,
}

/// One month of the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthIncome {
    /// The month.
    pub month: Month,
    /// The cap per payer (or per month) in force, `None` when the МЗП of the month is unknown.
    pub cap: Option<Decimal>,
    /// The payers.
    pub payers: Vec<PayerIncome>,
    /// What the month counts.
    pub counted: Decimal,
}

/// The income window of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncomeWindow {
    /// The months counted, ascending.
    pub months: Vec<MonthIncome>,
    /// The months left out (emergency payment), ascending.
    pub excluded: Vec<Month>,
    /// The divisor (24 or 12).
    pub divisor: u32,
    /// The sum counted.
    pub sum: Decimal,
    /// sum ÷ divisor, exact.
    pub average: Decimal,
}

/// Something the caller should know about a computed amount (a check turns these into findings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The right arose under the Social Code: the 2019 law's rules were applied.
    SocialCodePeriod,
    /// No contribution in the window: the average income is 0.
    NoContributions {
        /// First month of the window.
        first: Month,
        /// Last month of the window.
        last: Month,
    },
    /// The МЗП of these months is unknown: their bases were taken uncapped.
    CapNotVerified {
        /// The months.
        months: Vec<Month>,
    },
    /// A contribution outside the window, ignored.
    OutsideWindow {
        /// Its index in [`Case::contributions`].
        index: usize,
        /// Its month.
        month: Month,
    },
    /// The average income does not exceed 50 % of the МЗП: the payment is 0.
    BelowHalfMzp {
        /// The average income (to the tiyn).
        average: Decimal,
        /// 50 % of the МЗП.
        deduction: Decimal,
    },
}

/// A computed amount with its explanation, window and notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Computed {
    /// The amount.
    pub amount: Amount,
    /// The steps and parameters.
    pub explanation: Explanation,
    /// The window.
    pub window: IncomeWindow,
    /// Notes for the caller.
    pub notes: Vec<Note>,
}

/// Why an amount cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// The right arose before 01.01.2020, under the 2003 law, which is not modelled.
    #[error(
        "the right arose on {right_arises}, before the 2019 law (01.01.2020); the 2003 law is not modelled"
    )]
    BeforeLaw {
        /// The date.
        right_arises: NaiveDate,
    },
    /// A parameter has no value at the date it is needed.
    #[error("parameter {key} has no value on {date}")]
    MissingParameter {
        /// The key (`mzp`, `mrp`, …).
        key: String,
        /// The date.
        date: NaiveDate,
    },
    /// The degree of loss is outside 30–100 %.
    #[error("degree of loss {percent}% is outside 30-100%")]
    Degree {
        /// The degree.
        percent: u32,
    },
    /// No dependants.
    #[error("loss of breadwinner needs at least one dependant")]
    NoDependants,
    /// Birth order 0.
    #[error("birth order must be at least 1")]
    BirthOrder,
    /// Sheet days 0.
    #[error("the sheet must cover at least one day")]
    SheetDays,
    /// Job loss with too little participation.
    #[error(
        "job loss needs {minimum} months of participation, found {participation_months} after deducting {deducted}"
    )]
    NotEntitled {
        /// Participation after the repeat-claim deduction.
        participation_months: u32,
        /// Months deducted for earlier payments.
        deducted: u32,
        /// The minimum.
        minimum: u32,
    },
    /// A value too large for the arithmetic.
    #[error("an amount is too large to compute")]
    Overflow,
}

/// Rounds money to the whole tenge, half away from zero: the one rounding rule of the crate.
///
/// # Example
/// ```
/// use ereje_social_payment::amount::round_tenge;
/// use rust_decimal::Decimal;
/// assert_eq!(round_tenge(Decimal::new(1215005, 1)).to_string(), "121501");
/// assert_eq!(round_tenge(Decimal::new(1215004, 1)).to_string(), "121500");
/// ```
pub fn round_tenge(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero).normalize()
}

/// How an intermediate value is shown in an explanation (two decimals, trailing zeros dropped).
fn show(value: Decimal) -> String {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero).normalize().to_string()
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, AmountError> {
    a.checked_mul(b).ok_or(AmountError::Overflow)
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, AmountError> {
    a.checked_add(b).ok_or(AmountError::Overflow)
}

fn div(a: Decimal, b: Decimal) -> Result<Decimal, AmountError> {
    a.checked_div(b).ok_or(AmountError::Overflow)
}

struct Calc<'a> {
    ctx: &'a Context,
    lookup: Lookup,
    steps: Vec<Step>,
    notes: Vec<Note>,
}

impl<'a> Calc<'a> {
    fn need<T: ParamValue>(
        &mut self,
        series: &'a Series<T>,
        date: NaiveDate,
    ) -> Result<&'a Dated<T>, AmountError> {
        self.lookup
            .get(series, date)
            .ok_or_else(|| AmountError::MissingParameter { key: series.key().to_owned(), date })
    }

    fn step(
        &mut self,
        name: impl Into<String>,
        value: impl fmt::Display,
        citation: impl Into<String>,
    ) {
        self.steps.push(Step {
            name: name.into(),
            value: value.to_string(),
            detail: None,
            citation: citation.into(),
        });
    }

    fn step_with(
        &mut self,
        name: impl Into<String>,
        value: impl fmt::Display,
        detail: impl Into<String>,
        citation: impl Into<String>,
    ) {
        self.steps.push(Step {
            name: name.into(),
            value: value.to_string(),
            detail: Some(detail.into()),
            citation: citation.into(),
        });
    }

    /// The coefficient of participation for `months`, with the ceiling the reading gives.
    fn participation(&mut self, right: NaiveDate, months: u32) -> Result<Decimal, AmountError> {
        let p = &self.ctx.params;
        let scale = self.need(&p.participation, right)?;
        let raw = scale.value.coefficient(months);
        let (cap, cap_source) = match self.ctx.readings.participation_cap {
            CapReading::Dated => {
                let c = self.need(&p.participation_cap, right)?;
                (c.value, c.citation.to_string())
            }
            CapReading::None => (None, "--set participation_cap=none".to_owned()),
            CapReading::Fixed(c) => (Some(c), format!("--set participation_cap={}", c.normalize())),
        };
        let k = match cap {
            Some(c) if raw > c => c,
            _ => raw,
        };
        let detail = match cap {
            Some(c) if raw > c => format!(
                "{} months → {}, above the ceiling {}",
                months,
                raw.normalize(),
                c.normalize()
            ),
            Some(c) => format!("{} months; ceiling {}", months, c.normalize()),
            None => format!("{months} months; no ceiling"),
        };
        let citation = format!("{}; ceiling: {}", scale.citation, cap_source);
        self.step_with("participation_coefficient", k.normalize(), detail, citation);
        Ok(k)
    }

    /// The income window and the average monthly income.
    fn window(
        &mut self,
        case: &Case,
        divisor: u32,
    ) -> Result<(IncomeWindow, Vec<Step>), AmountError> {
        let p = &self.ctx.params;
        let mut month_steps = Vec::with_capacity(divisor as usize);
        let excluded: BTreeSet<Month> = case.excluded_months.iter().copied().collect();
        let mut months = Vec::with_capacity(divisor as usize);
        let mut left_out = Vec::new();
        let mut m = Month::of(case.right_arises).pred();
        while months.len() < divisor as usize {
            if excluded.contains(&m) {
                left_out.push(m);
            } else {
                months.push(m);
            }
            m = m.pred();
        }
        months.reverse();
        left_out.reverse();
        let in_window: BTreeSet<Month> = months.iter().copied().collect();

        // month → payer → reported sum
        let mut by_month: BTreeMap<Month, BTreeMap<Option<String>, Decimal>> = BTreeMap::new();
        for (index, c) in case.contributions.iter().enumerate() {
            if !in_window.contains(&c.month) {
                // Months left out on purpose (emergency payment) are not "outside".
                if !excluded.contains(&c.month) {
                    self.notes.push(Note::OutsideWindow { index, month: c.month });
                }
                continue;
            }
            let payer = c.payer.as_ref().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
            let slot = by_month.entry(c.month).or_default().entry(payer).or_default();
            *slot = add(*slot, c.base.value())?;
        }

        let several = self.ctx.readings.several_payers;
        let mut unverified = Vec::new();
        let mut incomes = Vec::with_capacity(months.len());
        let mut sum = Decimal::ZERO;
        for month in &months {
            let first = month.first_day();
            let multiple = self.lookup.get(&p.contribution_cap_mzp, first);
            let mzp = self.lookup.get(&p.mzp, first);
            let cap = match (multiple, mzp) {
                (Some(k), Some(w)) => Some(mul(k.value, w.value)?),
                _ => None,
            };
            let payers_in = by_month.remove(month).unwrap_or_default();
            let mut payers = Vec::with_capacity(payers_in.len());
            let mut reported_total = Decimal::ZERO;
            let mut counted = Decimal::ZERO;
            for (payer, reported) in payers_in {
                let c = match (several, cap) {
                    (SeveralPayers::PerPayer, Some(cap)) => reported.min(cap),
                    _ => reported,
                };
                reported_total = add(reported_total, reported)?;
                counted = add(counted, c)?;
                payers.push(PayerIncome { payer, reported, counted: c });
            }
            if let (SeveralPayers::PerMonth, Some(cap)) = (several, cap) {
                counted = counted.min(cap);
            }
            if cap.is_none() && !payers.is_empty() {
                unverified.push(*month);
            }
            sum = add(sum, counted)?;

            let capped = counted != reported_total;
            let detail = if payers.len() > 1 || capped || (cap.is_none() && !payers.is_empty()) {
                let parts: Vec<String> = payers
                    .iter()
                    .map(|pi| {
                        let who = pi.payer.as_deref().unwrap_or("unnamed payer");
                        if pi.counted == pi.reported {
                            format!("{who}: {}", show(pi.reported))
                        } else {
                            format!("{who}: {} → {}", show(pi.reported), show(pi.counted))
                        }
                    })
                    .collect();
                let cap_text = match (cap, mzp, several) {
                    (Some(c), Some(w), SeveralPayers::PerPayer) => {
                        format!("cap {} per payer (7 × МЗП {})", show(c), show(w.value))
                    }
                    (Some(c), Some(w), SeveralPayers::PerMonth) => {
                        format!(
                            "cap {} per month (7 × МЗП {}; --set several_payers=per_month)",
                            show(c),
                            show(w.value)
                        )
                    }
                    _ => "МЗП of the month unknown: not capped".to_owned(),
                };
                Some(format!("{}; {}", parts.join("; "), cap_text))
            } else {
                None
            };
            let citation = if cap.is_some() {
                "Law No. 286-VI, art. 15 p. 5 (a payer's monthly base ≤ 7 МЗП of the financial year); art. 20 p. 4 part 2"
            } else {
                "no cap known for this month (art. 15 p. 5 of Law No. 286-VI applies from 01.01.2020; the month's МЗП is not in Ereje's data)"
            };
            month_steps.push(Step {
                name: format!("income.{month}"),
                value: show(counted),
                detail,
                citation: citation.to_owned(),
            });
            incomes.push(MonthIncome { month: *month, cap, payers, counted });
        }
        if !unverified.is_empty() {
            self.notes.push(Note::CapNotVerified { months: unverified });
        }
        let average = div(sum, Decimal::from(divisor))?;
        Ok((
            IncomeWindow { months: incomes, excluded: left_out, divisor, sum, average },
            month_steps,
        ))
    }
}

/// Computes the amount of a payment, with its explanation.
///
/// # Errors
/// [`AmountError`] when the right arose before 2020, a parameter needed at the date of the right
/// is not known (e.g. the МЗП of 2021 unless given with `--set`), a specific is out of range, or
/// job loss has less than the minimum participation.
///
/// # Example
/// The brief's job-loss example (2026 parameters): СМД 300,000, 40 months of participation.
/// ```
/// use ereje_social_payment::{compute, Case, Context, Contribution, Month, RiskCase, Tenge};
/// use chrono::NaiveDate;
/// use rust_decimal::Decimal;
/// let right = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
/// let mut month: Month = "2024-03".parse()?;
/// let mut contributions = Vec::new();
/// for _ in 0..24 {
///     contributions.push(Contribution { month, payer: None, base: Tenge::new(Decimal::from(300_000)).unwrap() });
///     month = month.succ();
/// }
/// let case = Case {
///     right_arises: right,
///     risk: RiskCase::JobLoss { prior_payment_months: 0 },
///     participation_months: 40,
///     contributions,
///     excluded_months: vec![],
/// };
/// let c = compute(&case, &Context::new()).unwrap();
/// assert_eq!((c.amount.gross.to_string(), c.amount.net.to_string()), ("121500".into(), "109350".into()));
/// assert_eq!(c.amount.total_gross.unwrap().to_string(), "486000");
///
/// let too_early = Case { right_arises: NaiveDate::from_ymd_opt(2019, 5, 1).unwrap(), ..case };
/// assert!(compute(&too_early, &Context::new()).is_err());
/// # Ok::<(), ereje_social_payment::MonthError>(())
/// ```
pub fn compute(case: &Case, ctx: &Context) -> Result<Computed, AmountError> {
    let right = case.right_arises;
    if right < LAW_2019_START {
        return Err(AmountError::BeforeLaw { right_arises: right });
    }
    let p = &ctx.params;
    let mut c = Calc { ctx, lookup: Lookup::default(), steps: Vec::new(), notes: Vec::new() };
    let risk = case.risk.risk();

    let basis = c.need(&p.legal_basis, right)?;
    c.step_with(
        "legal_basis",
        basis.value.show(),
        format!("parameters taken at {right}, the date the right arises"),
        basis.citation.to_string(),
    );
    if basis.value == LegalBasis::SocialCode {
        c.notes.push(Note::SocialCodePeriod);
    }

    // Validate the specifics before any arithmetic.
    match case.risk {
        RiskCase::LossOfWorkingCapacity { degree_percent }
            if !(30..=100).contains(&degree_percent) =>
        {
            return Err(AmountError::Degree { percent: degree_percent });
        }
        RiskCase::LossOfBreadwinner { dependants: 0 } => return Err(AmountError::NoDependants),
        RiskCase::Maternity { sheet_days: 0 } | RiskCase::Adoption { sheet_days: 0 } => {
            return Err(AmountError::SheetDays);
        }
        RiskCase::Childcare { birth_order: 0, .. } => return Err(AmountError::BirthOrder),
        _ => {}
    }

    // Job-loss entitlement comes before the window, so a refusal needs no income data.
    let mut job_loss = None;
    if let RiskCase::JobLoss { prior_payment_months } = case.risk {
        let per_month = c.need(&p.repeat_claim_months, right)?;
        let deducted = prior_payment_months.saturating_mul(per_month.value);
        let effective = case.participation_months.saturating_sub(deducted);
        let table = c.need(&p.job_loss_duration, right)?;
        let Some(months) = table.value.months(effective) else {
            return Err(AmountError::NotEntitled {
                participation_months: effective,
                deducted,
                minimum: table.value.minimum(),
            });
        };
        job_loss = Some((
            prior_payment_months,
            deducted,
            effective,
            months,
            table.citation.to_string(),
            per_month.citation.to_string(),
        ));
    }

    let window_series = match risk {
        Risk::Maternity | Risk::Adoption => &p.maternity_window_months,
        _ => &p.window_months,
    };
    let window_param = c.need(window_series, right)?;
    let divisor = window_param.value;
    if divisor == 0 {
        return Err(AmountError::MissingParameter {
            key: window_series.key().to_owned(),
            date: right,
        });
    }
    let window_citation = window_param.citation.to_string();
    let (window, month_steps) = c.window(case, divisor)?;
    let (first, last) = match (window.months.first(), window.months.last()) {
        (Some(f), Some(l)) => (f.month, l.month),
        _ => {
            return Err(AmountError::MissingParameter {
                key: window_series.key().to_owned(),
                date: right,
            });
        }
    };
    let excluded_text = if window.excluded.is_empty() {
        "the months before the month the right arises".to_owned()
    } else {
        let ex: Vec<String> = window.excluded.iter().map(Month::to_string).collect();
        format!(
            "left out (emergency payment, art. 20 p. 4 part 4): {}; replaced by earlier months",
            ex.join(", ")
        )
    };
    c.step_with(
        "window",
        format!("{first} – {last} ({divisor} months)"),
        excluded_text,
        window_citation.clone(),
    );
    c.steps.extend(month_steps);
    if window.sum.is_zero() {
        c.notes.push(Note::NoContributions { first, last });
    }
    c.step("income_sum", show(window.sum), window_citation.clone());
    c.step_with(
        "average_monthly_income",
        show(window.average),
        format!("{} ÷ {divisor}, gaps counting as zero", show(window.sum)),
        window_citation,
    );
    let avg = window.average;

    let mut months: Option<u32> = None;
    let mut period_to = None;
    let kind;
    let gross = match case.risk {
        RiskCase::LossOfWorkingCapacity { degree_percent: d }
        | RiskCase::LossOfBreadwinner { dependants: d } => {
            kind = PaymentKind::Monthly;
            let mzp = c.need(&p.mzp, right)?;
            let share = c.need(&p.income_deduction_mzp, right)?;
            let deduction = mul(share.value, mzp.value)?;
            c.step_with(
                "minimum_wage",
                show(mzp.value),
                format!("МЗП on {right}"),
                mzp.citation.to_string(),
            );
            c.step_with(
                "deduction",
                show(deduction),
                format!("{} × {}", share.value.normalize(), show(mzp.value)),
                share.citation.to_string(),
            );
            let mut base = avg - deduction;
            if base <= Decimal::ZERO {
                c.notes.push(Note::BelowHalfMzp { average: avg.round_dp(2), deduction });
                base = Decimal::ZERO;
            }
            c.step_with(
                "income_less_deduction",
                show(base),
                format!(
                    "{} − {}, not below 0 (assumed: no floor rule found)",
                    show(avg),
                    show(deduction)
                ),
                share.citation.to_string(),
            );
            let (replacement, specific, specific_name, specific_detail, specific_cite) = if risk
                == Risk::LossOfWorkingCapacity
            {
                let r = c.need(&p.replacement_working_capacity, right)?;
                let kut = div(Decimal::from(d), Decimal::from(100))?;
                (r, kut, "degree_coefficient", format!("degree of loss {d}% set by МСЭ"), "Law No. 286-VI, art. 20 p. 4 (коэффициент утраты трудоспособности = the degree set, 30–100 %)".to_owned())
            } else {
                let r = c.need(&p.replacement_breadwinner, right)?;
                let table = c.need(&p.dependants, right)?;
                let index = (d.min(4) as usize).saturating_sub(1);
                let kki = table.value.get(index).copied().unwrap_or(Decimal::ONE);
                (
                    r,
                    kki,
                    "dependants_coefficient",
                    format!("{d} dependant(s)"),
                    table.citation.to_string(),
                )
            };
            c.step(
                "replacement_coefficient",
                replacement.value.normalize(),
                replacement.citation.to_string(),
            );
            c.step_with(specific_name, specific.normalize(), specific_detail, specific_cite);
            let ksu = c.participation(right, case.participation_months)?;
            let g = mul(mul(mul(base, replacement.value)?, specific)?, ksu)?;
            c.step_with(
                "amount_before_rounding",
                show(g),
                format!(
                    "{} × {} × {} × {}",
                    show(base),
                    replacement.value.normalize(),
                    specific.normalize(),
                    ksu.normalize()
                ),
                replacement.citation.to_string(),
            );
            g
        }
        RiskCase::JobLoss { .. } => {
            kind = PaymentKind::Monthly;
            let (prior, deducted, effective, n, table_cite, repeat_cite) =
                job_loss.clone().ok_or(AmountError::Overflow)?;
            c.step(
                "participation_months",
                case.participation_months,
                "Law No. 286-VI, art. 1 sp. 23 (months for which contributions were received)",
            );
            if prior > 0 {
                c.step_with(
                    "effective_participation_months",
                    effective,
                    format!(
                        "{} − {prior} earlier payment month(s) × 12 = {} − {deducted}",
                        case.participation_months, case.participation_months
                    ),
                    repeat_cite,
                );
            }
            c.step_with(
                "payment_months",
                n,
                format!("{effective} months of contributions"),
                table_cite,
            );
            months = Some(n);
            let r = c.need(&p.replacement_job_loss, right)?;
            c.step("replacement_coefficient", r.value.normalize(), r.citation.to_string());
            let ksu = c.participation(right, effective)?;
            let g = mul(mul(avg, r.value)?, ksu)?;
            c.step_with(
                "amount_before_rounding",
                show(g),
                format!("{} × {} × {}", show(avg), r.value.normalize(), ksu.normalize()),
                r.citation.to_string(),
            );
            g
        }
        RiskCase::Maternity { sheet_days } | RiskCase::Adoption { sheet_days } => {
            kind = PaymentKind::LumpSum;
            let divisor = c.need(&p.maternity_day_divisor, right)?;
            if divisor.value <= Decimal::ZERO {
                return Err(AmountError::MissingParameter {
                    key: p.maternity_day_divisor.key().to_owned(),
                    date: right,
                });
            }
            let kdn = div(Decimal::from(sheet_days), divisor.value)?;
            c.step_with(
                "days_coefficient",
                show(kdn),
                format!("{sheet_days} days on the sheet ÷ {}", divisor.value.normalize()),
                divisor.citation.to_string(),
            );
            let g = div(mul(avg, Decimal::from(sheet_days))?, divisor.value)?;
            c.step_with(
                "amount_before_rounding",
                show(g),
                format!("{} × {sheet_days} ÷ {}", show(avg), divisor.value.normalize()),
                divisor.citation.to_string(),
            );
            g
        }
        RiskCase::Childcare { birth_order, child_birth_date } => {
            kind = PaymentKind::Monthly;
            let r = c.need(&p.replacement_childcare, right)?;
            c.step("replacement_coefficient", r.value.normalize(), r.citation.to_string());
            let x = mul(avg, r.value)?;
            c.step_with(
                "amount_before_bounds",
                show(x),
                format!("{} × {}", show(avg), r.value.normalize()),
                r.citation.to_string(),
            );

            let mrp = c.need(&p.mrp, right)?;
            let multiples = c.need(&p.childcare_allowance_mrp, right)?;
            let rate = c.need(&p.pension_rate, right)?;
            let index = (birth_order.min(4) as usize).saturating_sub(1);
            let multiple = multiples.value.get(index).copied().unwrap_or(Decimal::ZERO);
            let allowance = mul(multiple, mrp.value)?;
            c.step_with(
                "monthly_calculation_index",
                show(mrp.value),
                format!("МРП on {right}"),
                mrp.citation.to_string(),
            );
            c.step_with(
                "state_allowance",
                show(allowance),
                format!(
                    "child no. {birth_order}: {} МРП × {}",
                    multiple.normalize(),
                    show(mrp.value)
                ),
                multiples.citation.to_string(),
            );
            let (floor, how) = match ctx.readings.childcare_floor {
                ChildcareFloor::GrossUp => (
                    div(allowance, Decimal::ONE - rate.value)?,
                    format!(
                        "{} ÷ (1 − {}) (--set childcare_floor=gross_up)",
                        show(allowance),
                        rate.value.normalize()
                    ),
                ),
                ChildcareFloor::PlusPension => (
                    mul(allowance, Decimal::ONE + rate.value)?,
                    format!(
                        "{} × (1 + {}) (--set childcare_floor=plus_pension)",
                        show(allowance),
                        rate.value.normalize()
                    ),
                ),
                ChildcareFloor::Allowance => {
                    (allowance, "the allowance itself (--set childcare_floor=allowance)".to_owned())
                }
            };
            c.step_with("floor", show(floor), how, "Law No. 286-VI, art. 24 p. 4 part 5 (not less than the state allowance by birth order, with the pension contribution additionally computed; the reading is low confidence)");

            let mzp = c.need(&p.mzp, right)?;
            let share = c.need(&p.childcare_cap_share, right)?;
            let multiple_mzp = c.need(&p.childcare_cap_mzp, right)?;
            let cap = mul(mul(share.value, multiple_mzp.value)?, mzp.value)?;
            c.step_with(
                "minimum_wage",
                show(mzp.value),
                format!("МЗП on {right}"),
                mzp.citation.to_string(),
            );
            c.step_with(
                "cap",
                show(cap),
                format!(
                    "{} × {} × {}",
                    share.value.normalize(),
                    multiple_mzp.value.normalize(),
                    show(mzp.value)
                ),
                share.citation.to_string(),
            );
            let (g, bound) = if x > cap {
                (cap, "cap")
            } else if x < floor {
                (floor, "floor")
            } else {
                (x, "none")
            };
            let g = g.max(floor);
            c.step_with(
                "bound_applied",
                bound,
                format!("{} within [{}, {}]", show(x), show(floor), show(cap)),
                "Law No. 286-VI, art. 24 p. 4 parts 5–6",
            );

            let birth = child_birth_date.unwrap_or(right);
            // The duration in force on the day the child turns one: 18 months for a child under
            // one on 01.01.2023 (the extension applied to them), 12 before.
            let first_birthday = birth.checked_add_months(Months::new(12)).unwrap_or(birth);
            let duration = c.need(&p.childcare_months, first_birthday.max(right))?;
            let to = birth
                .checked_add_months(Months::new(duration.value))
                .ok_or(AmountError::Overflow)?;
            period_to = Some(to);
            if child_birth_date.is_none_or(|b| b == right) {
                months = Some(duration.value);
            }
            c.step_with("period_to", to, format!("to the day the child turns {} months, inclusive (duration in force on the first birthday)", duration.value), duration.citation.to_string());
            g
        }
    };

    let gross_r = round_tenge(gross);
    c.step_with(
        "gross",
        gross_r,
        "rounded to the whole tenge, half away from zero (Ereje's rounding: the source is silent)",
        "docs/social-payment.md, «Rounding»",
    );
    let withheld = if risk == Risk::LossOfBreadwinner {
        c.step_with(
            "withheld",
            0,
            "no pension contribution from the loss-of-breadwinner payment",
            "Law No. 286-VI, art. 26 p. 1 (lists every payment but loss of breadwinner)",
        );
        Decimal::ZERO
    } else {
        let rate = c.need(&p.pension_rate, right)?;
        let w = round_tenge(mul(gross_r, rate.value)?);
        c.step_with(
            "withheld",
            w,
            format!(
                "{} × {} (pension contribution, ОПВ), rounded",
                gross_r,
                rate.value.normalize()
            ),
            rate.citation.to_string(),
        );
        w
    };
    let net = gross_r - withheld;
    c.step_with(
        "net",
        net,
        format!("{gross_r} − {withheld}"),
        "Law No. 286-VI, art. 26 p. 3 (withheld from the sum due)",
    );
    let (total_gross, total_net) = match months {
        Some(n) => {
            let tg = mul(gross_r, Decimal::from(n))?;
            let tn = mul(net, Decimal::from(n))?;
            c.step_with(
                "total_gross",
                tg,
                format!("{gross_r} × {n} months"),
                "months of payment (above)",
            );
            c.step_with(
                "total_net",
                tn,
                format!("{net} × {n} months"),
                "months of payment (above)",
            );
            (Some(tg), Some(tn))
        }
        None => (None, None),
    };

    let amount = Amount {
        risk,
        kind,
        right_arises: right,
        average_income: avg
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            .normalize(),
        gross: gross_r,
        withheld,
        net,
        months,
        total_gross,
        total_net,
        period_to,
    };
    Ok(Computed {
        amount,
        explanation: Explanation { steps: c.steps, parameters: c.lookup.used },
        window,
        notes: c.notes,
    })
}

#[cfg(test)]
#[path = "amount_tests.rs"]
mod tests;
