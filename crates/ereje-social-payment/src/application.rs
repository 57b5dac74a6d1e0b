//! An application for a payment: the lenient wire model a validator reads, the strict model for
//! library users, and [`check`], which converts the one into the other inside the check, runs
//! every rule and computes the amount.
//!
//! Two layers (docs/architecture.md): a record is read into [`WireApplication`] (strings,
//! numbers, options; only bad JSON or a wrong primitive type fails, as `INPUT`). Each value is
//! then converted to its domain type; a failed conversion is one `SP-002` finding with its JSON
//! pointer, and every other rule still runs.

use std::collections::BTreeSet;
use std::num::NonZeroU32;

use chrono::{Months, NaiveDate};
use ereje_findings::{Finding, is_valid};
use ereje_id::{Iin, Kind};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use crate::amount::{
    Amount, AmountError, Case, Contribution, Explanation, Note, RiskCase, Tenge, compute,
};
use crate::channels::{Channel, Facts, SEED_003, Verdict, judge, national_table, seed_applies};
use crate::context::Context;
use crate::month::Month;
use crate::risk::Risk;
use crate::rules::{
    BREADWINNER_DEADLINE_MISSED, BREADWINNER_DEADLINE_MISSED_CODE, CAP_NOT_VERIFIED,
    CHANNEL_CONDITION_NATIONAL, CHANNEL_CONDITION_SEED, CHANNEL_NOT_IN_SEED, CHANNEL_NOT_LISTED,
    CONTRIBUTION_OUTSIDE_WINDOW, DEADLINE_MISSED, DEADLINE_MISSED_CODE, DEGREE_OUT_OF_RANGE,
    DEGREE_OUT_OF_RANGE_CODE, INCOME_BELOW_HALF_MZP, JOB_LOSS_PARTICIPATION_SHORT,
    JOB_LOSS_PARTICIPATION_SHORT_CODE, NO_CONTRIBUTIONS, PARAMETER_UNKNOWN,
    REGISTERED_BEFORE_RIGHT, REQUIRED_MISSING, RIGHT_BEFORE_2019_LAW, RISK_UNKNOWN,
    SHEET_DAYS_NOT_A_LEAVE_LENGTH, SOCIAL_CODE_PERIOD, VALUE_UNREADABLE, pick,
};

/// A number as a record may give it: a JSON number or a string (`"300000.50"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum WireNumber {
    /// A JSON number.
    Number(serde_json::Number),
    /// A string holding a number.
    Text(String),
}

impl WireNumber {
    fn decimal(&self) -> Result<Decimal, String> {
        let text = match self {
            WireNumber::Number(n) => n.to_string(),
            WireNumber::Text(s) => s.trim().to_owned(),
        };
        let ok = !text.is_empty()
            && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
            && text.chars().filter(|c| *c == '.').count() <= 1;
        if !ok {
            return Err(format!("expected a decimal number, found `{text}`"));
        }
        let parsed = if text.contains(['e', 'E']) {
            Decimal::from_scientific(&text)
        } else {
            text.parse::<Decimal>()
        };
        parsed.map_err(|_| format!("`{text}` is not a number Ereje can hold"))
    }

    fn whole(&self, min: u32, max: u32) -> Result<u32, String> {
        let d = self.decimal()?;
        if d.fract() != Decimal::ZERO {
            return Err(format!("expected a whole number, found {d}"));
        }
        let out_of_range = || format!("expected a whole number from {min} to {max}, found {d}");
        let n = d.to_u32().ok_or_else(out_of_range)?;
        if (min..=max).contains(&n) { Ok(n) } else { Err(out_of_range()) }
    }
}

impl From<u32> for WireNumber {
    fn from(n: u32) -> Self {
        WireNumber::Number(n.into())
    }
}

/// One contribution as a record gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireContribution {
    /// `YYYY-MM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
    /// БИН of the employer or ИИН of the self-employed payer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payer: Option<String>,
    /// The base (object of social contributions), tenge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<WireNumber>,
}

/// One dependant as a record gives it (loss of breadwinner).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireDependant {
    /// ИИН.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iin: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// `child`, `sibling`, `grandchild` or `carer`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    /// Disability set before 18 (no age limit then).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled_before_18: Option<bool>,
}

/// An application as a record gives it: every field optional, numbers as numbers or strings.
///
/// Field by field (docs/social-payment.md, «Input record»):
/// - `id`: the application's own id (echoed in results);
/// - `risk`: one of [`Risk`]'s names;
/// - `registration_date`: the day the application was registered (art. 19 p. 8), `YYYY-MM-DD`;
/// - `channel`, `region`: where it was submitted (see [`Channel`]; `aktobe` for Aktobe city and
///   districts);
/// - `applicant_iin`;
/// - `right_arises`: the day the right arises (art. 19 p. 7);
/// - `participation_months`, `prior_job_loss_months`;
/// - `contributions`: `[{month, payer, base}]`; `excluded_months`: months of the emergency
///   payment;
/// - `degree_percent`, `degree_first_set` (loss of working capacity); `dependants` (loss of
///   breadwinner); `unemployed_registered` (job loss); `sheet_days` (maternity, adoption);
///   `birth_order`, `child_birth_date` (childcare).
///
/// # Example
/// ```
/// use ereje_social_payment::WireApplication;
/// let w: WireApplication = serde_json::from_str(r#"{"risk": "job_loss", "participation_months": "40"}"#)?;
/// assert_eq!(w.risk.as_deref(), Some("job_loss"));
/// assert!(serde_json::from_str::<WireApplication>(r#"{"risk": 7}"#).is_err()); // wrong primitive type: INPUT
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireApplication {
    /// The application's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The risk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<String>,
    /// The registration date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration_date: Option<String>,
    /// The channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// The region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The applicant's ИИН.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applicant_iin: Option<String>,
    /// The date the right arises.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right_arises: Option<String>,
    /// Months of participation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participation_months: Option<WireNumber>,
    /// Months of job-loss payment received before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prior_job_loss_months: Option<WireNumber>,
    /// The contribution bases.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributions: Option<Vec<WireContribution>>,
    /// Months of the emergency "loss of income" payment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded_months: Option<Vec<String>>,
    /// Degree of loss of general working capacity, %.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degree_percent: Option<WireNumber>,
    /// Whether the degree was set for the first time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degree_first_set: Option<bool>,
    /// Whether the applicant is registered as unemployed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unemployed_registered: Option<bool>,
    /// The dependants.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dependants: Option<Vec<WireDependant>>,
    /// Days on the maternity / adoption sheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet_days: Option<WireNumber>,
    /// Birth order of the child.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_order: Option<WireNumber>,
    /// The child's birth date (childcare; when the right arises later than the birth).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub child_birth_date: Option<String>,
}

/// The relation of a dependant to the deceased (art. 21 p. 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A child (adopted included).
    Child,
    /// A brother or sister.
    Sibling,
    /// A grandchild.
    Grandchild,
    /// A parent, spouse, grandparent or sibling caring for the deceased's children under three
    /// (art. 21 p. 1 sp. 2).
    Carer,
}

impl Relation {
    fn parse(s: &str) -> Option<Relation> {
        match s {
            "child" => Some(Relation::Child),
            "sibling" => Some(Relation::Sibling),
            "grandchild" => Some(Relation::Grandchild),
            "carer" => Some(Relation::Carer),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Relation::Child => "child",
            Relation::Sibling => "sibling",
            Relation::Grandchild => "grandchild",
            Relation::Carer => "carer",
        }
    }
}

/// A dependant (strict).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dependant {
    /// ИИН.
    #[serde(default)]
    pub iin: Option<Iin>,
    /// Birth date.
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
    /// Relation to the deceased.
    #[serde(default)]
    pub relation: Option<Relation>,
    /// Disabled before 18.
    #[serde(default)]
    pub disabled_before_18: Option<bool>,
}

/// The degree of loss of general working capacity, 30–100 % (art. 20 p. 4).
///
/// # Example
/// ```
/// use ereje_social_payment::Degree;
/// assert!(Degree::new(60).is_some());
/// assert!(Degree::new(29).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Degree(u32);

impl Degree {
    /// The degree, if 30–100.
    pub fn new(percent: u32) -> Option<Degree> {
        (30..=100).contains(&percent).then_some(Degree(percent))
    }

    /// The percentage.
    pub fn percent(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Degree {
    type Error = String;
    fn try_from(v: u32) -> Result<Self, Self::Error> {
        Degree::new(v).ok_or_else(|| format!("degree of loss {v}% is outside 30-100%"))
    }
}

impl From<Degree> for u32 {
    fn from(d: Degree) -> u32 {
        d.0
    }
}

/// The risk-specific part of a strict application, tagged by `risk`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "risk", rename_all = "snake_case")]
pub enum Details {
    /// Loss of working capacity.
    LossOfWorkingCapacity {
        /// The degree set by МСЭ.
        degree_percent: Degree,
        /// Whether it was set for the first time.
        #[serde(default)]
        degree_first_set: Option<bool>,
    },
    /// Loss of breadwinner.
    LossOfBreadwinner {
        /// The dependants (at least one).
        dependants: Vec<Dependant>,
    },
    /// Job loss.
    JobLoss {
        /// Months of job-loss payment received before.
        #[serde(default)]
        prior_job_loss_months: u32,
        /// Registered as unemployed.
        #[serde(default)]
        unemployed_registered: Option<bool>,
    },
    /// Pregnancy and childbirth.
    Maternity {
        /// Days on the sheet.
        sheet_days: NonZeroU32,
    },
    /// Adoption of a newborn.
    Adoption {
        /// Days on the sheet.
        sheet_days: NonZeroU32,
    },
    /// Childcare.
    Childcare {
        /// Birth order.
        birth_order: NonZeroU32,
        /// Birth date when the right arises later.
        #[serde(default)]
        child_birth_date: Option<NaiveDate>,
    },
}

/// An application with every value in its domain type: strict `Deserialize` for library users
/// who want to fail fast. [`Application::check`] runs the same rules as [`check`].
///
/// # Example
/// ```
/// use ereje_social_payment::{Application, Context};
/// let app: Application = serde_json::from_str(r#"{
///     "risk": "maternity", "registration_date": "2026-03-05", "channel": "state_corporation",
///     "right_arises": "2026-03-01", "sheet_days": 126,
///     "contributions": [{"month": "2026-02", "base": "4200000"}]
/// }"#)?;
/// let checked = app.check(&Context::new());
/// // One month of 4.2 mln counts 7 МЗП = 595,000; ÷ 12 months × 126 / 30 days:
/// assert_eq!(checked.amount.unwrap().gross.to_string(), "208250");
/// assert!(serde_json::from_str::<Application>(r#"{"risk": "maternity", "sheet_days": 0}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    /// The application's id.
    #[serde(default)]
    pub id: Option<String>,
    /// The registration date.
    pub registration_date: NaiveDate,
    /// The channel.
    pub channel: Channel,
    /// The region.
    #[serde(default)]
    pub region: Option<String>,
    /// The applicant's ИИН.
    #[serde(default)]
    pub applicant_iin: Option<Iin>,
    /// The date the right arises.
    pub right_arises: NaiveDate,
    /// Months of participation.
    #[serde(default)]
    pub participation_months: u32,
    /// The contribution bases.
    pub contributions: Vec<Contribution>,
    /// Months of the emergency payment.
    #[serde(default)]
    pub excluded_months: Vec<Month>,
    /// The risk and its specifics.
    #[serde(flatten)]
    pub details: Details,
}

impl Application {
    /// The risk.
    pub fn risk(&self) -> Risk {
        match self.details {
            Details::LossOfWorkingCapacity { .. } => Risk::LossOfWorkingCapacity,
            Details::LossOfBreadwinner { .. } => Risk::LossOfBreadwinner,
            Details::JobLoss { .. } => Risk::JobLoss,
            Details::Maternity { .. } => Risk::Maternity,
            Details::Adoption { .. } => Risk::Adoption,
            Details::Childcare { .. } => Risk::Childcare,
        }
    }

    /// The case the amount is computed from.
    pub fn case(&self) -> Case {
        let risk = match &self.details {
            Details::LossOfWorkingCapacity { degree_percent, .. } => {
                RiskCase::LossOfWorkingCapacity { degree_percent: degree_percent.percent() }
            }
            Details::LossOfBreadwinner { dependants } => RiskCase::LossOfBreadwinner {
                dependants: u32::try_from(dependants.len()).unwrap_or(u32::MAX),
            },
            Details::JobLoss { prior_job_loss_months, .. } => {
                RiskCase::JobLoss { prior_payment_months: *prior_job_loss_months }
            }
            Details::Maternity { sheet_days } => {
                RiskCase::Maternity { sheet_days: sheet_days.get() }
            }
            Details::Adoption { sheet_days } => RiskCase::Adoption { sheet_days: sheet_days.get() },
            Details::Childcare { birth_order, child_birth_date } => RiskCase::Childcare {
                birth_order: birth_order.get(),
                child_birth_date: *child_birth_date,
            },
        };
        Case {
            right_arises: self.right_arises,
            risk,
            participation_months: self.participation_months,
            contributions: self.contributions.clone(),
            excluded_months: self.excluded_months.clone(),
        }
    }

    /// The same application as a wire record.
    pub fn to_wire(&self) -> WireApplication {
        let date = |d: NaiveDate| Some(d.to_string());
        let mut w = WireApplication {
            id: self.id.clone(),
            risk: Some(self.risk().as_str().to_owned()),
            registration_date: date(self.registration_date),
            channel: Some(self.channel.as_str().to_owned()),
            region: self.region.clone(),
            applicant_iin: self.applicant_iin.map(|i| i.to_string()),
            right_arises: date(self.right_arises),
            participation_months: Some(self.participation_months.into()),
            contributions: Some(
                self.contributions
                    .iter()
                    .map(|c| WireContribution {
                        month: Some(c.month.to_string()),
                        payer: c.payer.clone(),
                        base: Some(WireNumber::Text(c.base.value().to_string())),
                    })
                    .collect(),
            ),
            excluded_months: Some(self.excluded_months.iter().map(Month::to_string).collect()),
            ..WireApplication::default()
        };
        match &self.details {
            Details::LossOfWorkingCapacity { degree_percent, degree_first_set } => {
                w.degree_percent = Some(degree_percent.percent().into());
                w.degree_first_set = *degree_first_set;
            }
            Details::LossOfBreadwinner { dependants } => {
                w.dependants = Some(
                    dependants
                        .iter()
                        .map(|d| WireDependant {
                            iin: d.iin.map(|i| i.to_string()),
                            birth_date: d.birth_date.map(|b| b.to_string()),
                            relation: d.relation.map(|r| r.as_str().to_owned()),
                            disabled_before_18: d.disabled_before_18,
                        })
                        .collect(),
                );
            }
            Details::JobLoss { prior_job_loss_months, unemployed_registered } => {
                w.prior_job_loss_months = Some((*prior_job_loss_months).into());
                w.unemployed_registered = *unemployed_registered;
            }
            Details::Maternity { sheet_days } | Details::Adoption { sheet_days } => {
                w.sheet_days = Some(sheet_days.get().into());
            }
            Details::Childcare { birth_order, child_birth_date } => {
                w.birth_order = Some(birth_order.get().into());
                w.child_birth_date = child_birth_date.map(|d| d.to_string());
            }
        }
        w
    }

    /// Checks the application (see [`check`]).
    pub fn check(&self, ctx: &Context) -> Checked {
        check(&self.to_wire(), ctx)
    }
}

/// What [`check`] returns: the findings, and the amount with its explanation when it could be
/// computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The application's id, if given.
    pub id: Option<String>,
    /// The date the rules were taken at: `Context::as_of`, else the registration date.
    pub as_of: Option<NaiveDate>,
    /// Every finding, in the order the checks ran.
    pub findings: Vec<Finding>,
    /// The amount, when every input it needs is present and valid.
    pub amount: Option<Amount>,
    /// The explanation of the amount.
    pub explanation: Option<Explanation>,
}

impl Checked {
    /// No finding of severity error.
    pub fn valid(&self) -> bool {
        is_valid(&self.findings)
    }

    /// The fields the `social-payment` subject adds to a result (`amount`, `explanation`).
    pub fn extra(&self) -> ResultExtra {
        ResultExtra { amount: self.amount.clone(), explanation: self.explanation.clone() }
    }
}

/// The subject's own fields of a result, flattened into the contract's object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultExtra {
    /// The amount, or `null`.
    pub amount: Option<Amount>,
    /// The explanation, or `null`.
    pub explanation: Option<Explanation>,
}

/// The values of a wire record after conversion; `None` where missing or unreadable.
#[derive(Debug, Default)]
struct Parsed {
    risk: Option<Risk>,
    registration: Option<NaiveDate>,
    channel: Option<Channel>,
    region: Option<String>,
    right: Option<NaiveDate>,
    participation: Option<u32>,
    prior: Option<u32>,
    /// `Some` only when every entry converted.
    contributions: Option<Vec<Contribution>>,
    contributions_given: bool,
    excluded: Option<Vec<Month>>,
    degree: Option<u32>,
    degree_first_set: Option<bool>,
    unemployed_registered: Option<bool>,
    dependants: Option<Vec<Dependant>>,
    dependants_given: bool,
    sheet_days: Option<u32>,
    birth_order: Option<u32>,
    child_birth: Option<NaiveDate>,
    /// Fields present but unreadable (their SP-002 already reported).
    unreadable: BTreeSet<&'static str>,
}

fn unreadable(path: &str, field: &str, reason: impl std::fmt::Display) -> Finding {
    Finding::new(&VALUE_UNREADABLE, path).with("field", field).with("reason", reason)
}

fn read_date(value: &str) -> Result<NaiveDate, String> {
    let v = value.trim();
    if v.len() != 10 {
        return Err(format!("expected a date YYYY-MM-DD, found `{value}`"));
    }
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .map_err(|_| format!("expected a date YYYY-MM-DD, found `{value}`"))
}

/// The largest count of months accepted (100 years).
const MAX_MONTHS: u32 = 1200;

impl Parsed {
    fn from_wire(w: &WireApplication, f: &mut Vec<Finding>) -> Parsed {
        let mut p = Parsed::default();
        let date_field =
            |p: &mut Parsed, value: &Option<String>, name: &'static str, f: &mut Vec<Finding>| {
                let v = value.as_deref()?;
                match read_date(v) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        p.unreadable.insert(name);
                        f.push(unreadable(&format!("/{name}"), name, e));
                        None
                    }
                }
            };
        match w.risk.as_deref().map(str::trim) {
            None => f.push(Finding::new(&RISK_UNKNOWN, "/risk").with("value", "null")),
            Some(s) => match s.parse::<Risk>() {
                Ok(r) => p.risk = Some(r),
                Err(_) => f.push(
                    Finding::new(&RISK_UNKNOWN, "/risk")
                        .with("value", format!("`{s}` ({})", Risk::names())),
                ),
            },
        }
        p.registration = date_field(&mut p, &w.registration_date, "registration_date", f);
        p.right = date_field(&mut p, &w.right_arises, "right_arises", f);
        p.child_birth = date_field(&mut p, &w.child_birth_date, "child_birth_date", f);
        if let Some(c) = w.channel.as_deref() {
            match c.trim().parse::<Channel>() {
                Ok(ch) => p.channel = Some(ch),
                Err(_) => {
                    p.unreadable.insert("channel");
                    f.push(unreadable(
                        "/channel",
                        "channel",
                        format!("unknown channel `{c}` ({})", Channel::names()),
                    ));
                }
            }
        }
        p.region = w.region.as_ref().map(|r| r.trim().to_owned()).filter(|r| !r.is_empty());
        if let Some(iin) = w.applicant_iin.as_deref() {
            check_iin(iin, "/applicant_iin", "applicant_iin", f);
        }
        let whole = |p: &mut Parsed,
                     value: &Option<WireNumber>,
                     name: &'static str,
                     min,
                     max,
                     f: &mut Vec<Finding>| {
            let v = value.as_ref()?;
            match v.whole(min, max) {
                Ok(n) => Some(n),
                Err(e) => {
                    p.unreadable.insert(name);
                    f.push(unreadable(&format!("/{name}"), name, e));
                    None
                }
            }
        };
        p.participation =
            whole(&mut p, &w.participation_months, "participation_months", 0, MAX_MONTHS, f);
        p.prior =
            whole(&mut p, &w.prior_job_loss_months, "prior_job_loss_months", 0, MAX_MONTHS, f);
        p.degree = whole(&mut p, &w.degree_percent, "degree_percent", 0, 100_000, f);
        p.sheet_days = whole(&mut p, &w.sheet_days, "sheet_days", 1, 10_000, f);
        p.birth_order = whole(&mut p, &w.birth_order, "birth_order", 1, 100, f);
        p.degree_first_set = w.degree_first_set;
        p.unemployed_registered = w.unemployed_registered;

        let risk_name = p.risk.map_or("any", Risk::as_str);
        if let Some(list) = &w.contributions {
            p.contributions_given = true;
            let mut ok = Vec::with_capacity(list.len());
            let mut all = true;
            for (i, c) in list.iter().enumerate() {
                let month = match c.month.as_deref() {
                    None => {
                        f.push(
                            Finding::new(&REQUIRED_MISSING, format!("/contributions/{i}/month"))
                                .with("risk", risk_name)
                                .with("field", "month"),
                        );
                        None
                    }
                    Some(m) => match m.trim().parse::<Month>() {
                        Ok(m) => Some(m),
                        Err(e) => {
                            f.push(unreadable(&format!("/contributions/{i}/month"), "month", e));
                            None
                        }
                    },
                };
                let base = match &c.base {
                    None => {
                        f.push(
                            Finding::new(&REQUIRED_MISSING, format!("/contributions/{i}/base"))
                                .with("risk", risk_name)
                                .with("field", "base"),
                        );
                        None
                    }
                    Some(b) => match b.decimal().and_then(Tenge::try_from) {
                        Ok(t) => Some(t),
                        Err(e) => {
                            f.push(unreadable(&format!("/contributions/{i}/base"), "base", e));
                            None
                        }
                    },
                };
                if let Some(payer) = c.payer.as_deref() {
                    check_payer(payer, &format!("/contributions/{i}/payer"), f);
                }
                match (month, base) {
                    (Some(month), Some(base)) => {
                        ok.push(Contribution { month, payer: c.payer.clone(), base })
                    }
                    _ => all = false,
                }
            }
            if all {
                p.contributions = Some(ok);
            } else {
                p.unreadable.insert("contributions");
            }
        }

        let mut excluded = Vec::new();
        let mut excluded_ok = true;
        for (i, m) in w.excluded_months.iter().flatten().enumerate() {
            match m.trim().parse::<Month>() {
                Ok(m) => excluded.push(m),
                Err(e) => {
                    excluded_ok = false;
                    f.push(unreadable(&format!("/excluded_months/{i}"), "excluded_months", e));
                }
            }
        }
        if excluded_ok {
            p.excluded = Some(excluded);
        } else {
            p.unreadable.insert("excluded_months");
        }

        if let Some(list) = &w.dependants {
            p.dependants_given = true;
            let mut out = Vec::with_capacity(list.len());
            let mut all = true;
            for (i, d) in list.iter().enumerate() {
                let mut dep =
                    Dependant { disabled_before_18: d.disabled_before_18, ..Dependant::default() };
                if let Some(b) = d.birth_date.as_deref() {
                    match read_date(b) {
                        Ok(b) => dep.birth_date = Some(b),
                        Err(e) => {
                            all = false;
                            f.push(unreadable(
                                &format!("/dependants/{i}/birth_date"),
                                "birth_date",
                                e,
                            ));
                        }
                    }
                }
                if let Some(r) = d.relation.as_deref() {
                    match Relation::parse(r.trim()) {
                        Some(r) => dep.relation = Some(r),
                        None => {
                            all = false;
                            f.push(unreadable(
                                &format!("/dependants/{i}/relation"),
                                "relation",
                                format!(
                                    "unknown relation `{r}` (child, sibling, grandchild, carer)"
                                ),
                            ));
                        }
                    }
                }
                if let Some(iin) = d.iin.as_deref() {
                    dep.iin = check_iin(iin, &format!("/dependants/{i}/iin"), "iin", f);
                }
                out.push(dep);
            }
            if all {
                p.dependants = Some(out);
            } else {
                p.unreadable.insert("dependants");
            }
        }
        p
    }
}

/// Checks an ИИН with `ereje-id` (its `ID-*` findings at `path`); a БИН where an ИИН is expected
/// is `SP-002`.
fn check_iin(value: &str, path: &str, field: &str, f: &mut Vec<Finding>) -> Option<Iin> {
    let c = ereje_id::classify(value.trim());
    match c.kind {
        Kind::Iin => value.trim().parse::<Iin>().ok(),
        Kind::Bin => {
            f.push(unreadable(path, field, "a БИН where an ИИН is expected"));
            None
        }
        Kind::Invalid => {
            f.extend(c.findings(path));
            None
        }
    }
}

/// Checks a payer's БИН or ИИН with `ereje-id`.
fn check_payer(value: &str, path: &str, f: &mut Vec<Finding>) {
    let c = ereje_id::classify(value.trim());
    if c.kind == Kind::Invalid {
        f.extend(c.findings(path));
    }
}

/// The fields a risk needs (beyond the common ones).
fn required_fields(risk: Risk) -> &'static [&'static str] {
    match risk {
        Risk::LossOfWorkingCapacity => &["degree_percent", "participation_months"],
        Risk::LossOfBreadwinner => &["dependants", "participation_months"],
        Risk::JobLoss => &["participation_months"],
        Risk::Maternity | Risk::Adoption => &["sheet_days"],
        Risk::Childcare => &["birth_order"],
    }
}

const COMMON_FIELDS: [&str; 4] = ["registration_date", "right_arises", "channel", "contributions"];

const MATERNITY_DAYS: [u32; 8] = [56, 70, 79, 93, 126, 140, 170, 184];

/// Checks an application and computes its amount.
///
/// The rules are taken at `ctx.as_of`, or else at the registration date; the amount always takes
/// its parameters at the date the right arises. Every rule runs even when some values are
/// unreadable; the amount is computed when every input it needs is present and readable (also
/// when other findings make the application invalid: `valid` says whether it can be assigned,
/// `amount` what it would pay).
///
/// # Errors
/// None: every problem is a finding.
///
/// # Example
/// ```
/// use ereje_social_payment::{check, Context, WireApplication};
/// let w: WireApplication = serde_json::from_str(r#"{
///     "id": "A-1", "risk": "childcare", "registration_date": "2026-02-10",
///     "channel": "egov_portal", "right_arises": "2026-01-20", "birth_order": 2,
///     "contributions": [{"month": "2025-12", "base": 4800000}]
/// }"#)?;
/// let checked = check(&w, &Context::new());
/// assert!(checked.valid());
/// // One month of 4.8 mln counts 595,000 (7 МЗП); ÷ 24 × 0.4 = 9,917 is below the floor for a
/// // second child: 6.81 МРП × 4,325 ÷ 0.9 = 32,726.
/// assert_eq!(checked.amount.as_ref().unwrap().gross.to_string(), "32726");
///
/// let bad: WireApplication = serde_json::from_str(r#"{"risk": "childcare", "registration_date": "10.02.2026"}"#)?;
/// let checked = check(&bad, &Context::new());
/// assert!(!checked.valid());
/// assert_eq!(checked.findings[0].rule.id, "SP-002");
/// assert_eq!(checked.findings[0].path, "/registration_date");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn check(wire: &WireApplication, ctx: &Context) -> Checked {
    let mut f = Vec::new();
    let p = Parsed::from_wire(wire, &mut f);
    let as_of = ctx.as_of.or(p.registration);
    let mut checked = Checked {
        id: wire.id.clone(),
        as_of,
        findings: Vec::new(),
        amount: None,
        explanation: None,
    };

    if let (Some(reg), Some(right)) = (p.registration, p.right) {
        if reg < right {
            f.push(
                Finding::new(&REGISTERED_BEFORE_RIGHT, "/registration_date")
                    .with("registration", reg)
                    .with("right", right),
            );
        }
    }

    let Some(risk) = p.risk else {
        checked.findings = f;
        return checked;
    };

    // SP-003: required data.
    let present = |name: &str| -> bool {
        match name {
            "registration_date" => wire.registration_date.is_some(),
            "right_arises" => wire.right_arises.is_some(),
            "channel" => wire.channel.is_some(),
            "contributions" => p.contributions_given,
            "degree_percent" => wire.degree_percent.is_some(),
            "participation_months" => wire.participation_months.is_some(),
            "dependants" => {
                p.dependants_given && wire.dependants.as_ref().is_some_and(|d| !d.is_empty())
            }
            "sheet_days" => wire.sheet_days.is_some(),
            "birth_order" => wire.birth_order.is_some(),
            _ => true,
        }
    };
    for field in COMMON_FIELDS.iter().chain(required_fields(risk)) {
        if !present(field) {
            f.push(
                Finding::new(&REQUIRED_MISSING, format!("/{field}"))
                    .with("risk", risk)
                    .with("field", field),
            );
        }
    }

    // Deadlines (art. 19 p. 7), judged at the registration date, the rule's variant at as_of.
    if let (Some(reg), Some(right), Some(on)) = (p.registration, p.right, as_of) {
        deadline(&p, risk, reg, right, on, ctx, &mut f);
    }

    // Ranges.
    if let (Risk::LossOfWorkingCapacity, Some(d), Some(on)) = (risk, p.degree, as_of) {
        if !(30..=100).contains(&d) {
            if let Some(rule) = pick(&DEGREE_OUT_OF_RANGE, &DEGREE_OUT_OF_RANGE_CODE, on) {
                f.push(Finding::new(rule, "/degree_percent").with("degree", d));
            }
        }
    }
    if let Some(days) = p.sheet_days {
        let allowed = match risk {
            Risk::Maternity => Some((
                MATERNITY_DAYS.contains(&days),
                "126, 140, 170, 184 (56, 70, 79, 93 after birth)",
            )),
            Risk::Adoption => Some(((1..=56).contains(&days), "1–56")),
            _ => None,
        };
        if let Some((false, text)) = allowed {
            f.push(
                Finding::new(&SHEET_DAYS_NOT_A_LEAVE_LENGTH, "/sheet_days")
                    .with("days", days)
                    .with("allowed", text),
            );
        }
    }

    // Job-loss entitlement (art. 22 pp. 3–4), with the table in force when the right arises.
    if let (Risk::JobLoss, Some(m), Some(right), Some(on)) = (risk, p.participation, p.right, as_of)
    {
        let params = &ctx.params;
        if let (Some(table), Some(per)) =
            (params.job_loss_duration.at(right), params.repeat_claim_months.at(right))
        {
            let deducted = p.prior.unwrap_or(0).saturating_mul(per.value);
            let effective = m.saturating_sub(deducted);
            if table.value.months(effective).is_none() {
                if let Some(rule) =
                    pick(&JOB_LOSS_PARTICIPATION_SHORT, &JOB_LOSS_PARTICIPATION_SHORT_CODE, on)
                {
                    f.push(
                        Finding::new(rule, "/participation_months")
                            .with("months", effective)
                            .with("deducted", deducted)
                            .with("minimum", table.value.minimum()),
                    );
                }
            }
        }
    }

    // Channel (seed 003 where it applies, else the national table as warnings).
    if let (Some(channel), Some(on)) = (p.channel, as_of) {
        let facts = Facts {
            degree_first_set: p.degree_first_set,
            unemployed_registered: p.unemployed_registered,
        };
        let seed = seed_applies(p.region.as_deref(), on, &ctx.readings.seed003);
        let table = if seed { Some(SEED_003) } else { national_table(on) };
        if let Some(table) = table {
            let (not_listed, condition) = if seed {
                (&CHANNEL_NOT_IN_SEED, &CHANNEL_CONDITION_SEED)
            } else {
                (&CHANNEL_NOT_LISTED, &CHANNEL_CONDITION_NATIONAL)
            };
            match judge(table, risk, channel, &facts) {
                Verdict::Accepted => {}
                Verdict::NotListed { allowed } => {
                    let allowed: Vec<&str> = allowed.iter().map(|c| c.as_str()).collect();
                    f.push(
                        Finding::new(not_listed, "/channel")
                            .with("channel", channel)
                            .with("risk", risk)
                            .with("allowed", allowed.join(", ")),
                    );
                }
                Verdict::ConditionNotMet(c) => f.push(
                    Finding::new(condition, format!("/{}", c.field()))
                        .with("channel", channel)
                        .with("risk", risk)
                        .with("field", c.field())
                        .with("expected", c.expected()),
                ),
            }
        }
    }

    // The amount.
    if let Some(case) = build_case(&p, risk) {
        match compute(&case, ctx) {
            Ok(c) => {
                for note in &c.notes {
                    f.push(note_finding(note, &c));
                }
                checked.amount = Some(c.amount);
                checked.explanation = Some(c.explanation);
            }
            Err(e) => {
                if let Some(finding) = error_finding(&e) {
                    f.push(finding);
                }
            }
        }
    }
    checked.findings = f;
    checked
}

fn deadline(
    p: &Parsed,
    risk: Risk,
    reg: NaiveDate,
    right: NaiveDate,
    on: NaiveDate,
    ctx: &Context,
    f: &mut Vec<Finding>,
) {
    let Some(d) = ctx.params.deadlines.at(on).map(|e| e.value) else { return };
    let months = match risk {
        Risk::JobLoss => d.job_loss,
        Risk::Maternity | Risk::Adoption => d.maternity,
        Risk::Childcare => d.childcare,
        Risk::LossOfBreadwinner => {
            breadwinner_deadline(p, reg, d.breadwinner_age, on, f);
            return;
        }
        Risk::LossOfWorkingCapacity => return,
    };
    let Some(last) = right.checked_add_months(Months::new(months)) else { return };
    if reg > last {
        if let Some(rule) = pick(&DEADLINE_MISSED, &DEADLINE_MISSED_CODE, on) {
            f.push(
                Finding::new(rule, "/registration_date")
                    .with("right", right)
                    .with("last_day", last)
                    .with("months", months)
                    .with("registration", reg),
            );
        }
    }
}

fn breadwinner_deadline(p: &Parsed, reg: NaiveDate, age: u32, on: NaiveDate, f: &mut Vec<Finding>) {
    let Some(deps) = &p.dependants else { return };
    let counted: Vec<&Dependant> =
        deps.iter().filter(|d| !matches!(d.relation, Some(Relation::Carer))).collect();
    if counted.is_empty() || counted.iter().any(|d| d.disabled_before_18 == Some(true)) {
        return;
    }
    let mut all_too_old = true;
    for d in counted {
        let Some(birth) = d.birth_date else { return };
        match birth.checked_add_months(Months::new(age.saturating_mul(12))) {
            Some(limit) if reg >= limit => {}
            _ => all_too_old = false,
        }
    }
    if all_too_old {
        if let Some(rule) =
            pick(&BREADWINNER_DEADLINE_MISSED, &BREADWINNER_DEADLINE_MISSED_CODE, on)
        {
            f.push(Finding::new(rule, "/dependants").with("registration", reg).with("age", age));
        }
    }
}

fn build_case(p: &Parsed, risk: Risk) -> Option<Case> {
    let right = p.right?;
    let contributions = p.contributions.clone()?;
    let excluded = p.excluded.clone()?;
    let participation = match risk {
        Risk::LossOfWorkingCapacity | Risk::LossOfBreadwinner | Risk::JobLoss => p.participation?,
        _ => p.participation.unwrap_or(0),
    };
    let risk = match risk {
        Risk::LossOfWorkingCapacity => {
            RiskCase::LossOfWorkingCapacity { degree_percent: p.degree? }
        }
        Risk::LossOfBreadwinner => {
            let deps = p.dependants.as_ref()?;
            if deps.is_empty() {
                return None;
            }
            RiskCase::LossOfBreadwinner {
                dependants: u32::try_from(deps.len()).unwrap_or(u32::MAX),
            }
        }
        Risk::JobLoss => {
            if p.unreadable.contains("prior_job_loss_months") {
                return None;
            }
            RiskCase::JobLoss { prior_payment_months: p.prior.unwrap_or(0) }
        }
        Risk::Maternity => RiskCase::Maternity { sheet_days: p.sheet_days? },
        Risk::Adoption => RiskCase::Adoption { sheet_days: p.sheet_days? },
        Risk::Childcare => {
            if p.unreadable.contains("child_birth_date") {
                return None;
            }
            RiskCase::Childcare { birth_order: p.birth_order?, child_birth_date: p.child_birth }
        }
    };
    Some(Case {
        right_arises: right,
        risk,
        participation_months: participation,
        contributions,
        excluded_months: excluded,
    })
}

fn note_finding(note: &Note, c: &crate::amount::Computed) -> Finding {
    let (first, last) = match (c.window.months.first(), c.window.months.last()) {
        (Some(a), Some(b)) => (a.month.to_string(), b.month.to_string()),
        _ => (String::new(), String::new()),
    };
    match note {
        Note::SocialCodePeriod => {
            Finding::new(&SOCIAL_CODE_PERIOD, "/right_arises").with("right", c.amount.right_arises)
        }
        Note::NoContributions { first, last } => Finding::new(&NO_CONTRIBUTIONS, "/contributions")
            .with("first", first)
            .with("last", last),
        Note::CapNotVerified { months } => {
            Finding::new(&CAP_NOT_VERIFIED, "/contributions").with("months", month_runs(months))
        }
        Note::OutsideWindow { index, month } => {
            Finding::new(&CONTRIBUTION_OUTSIDE_WINDOW, format!("/contributions/{index}/month"))
                .with("month", month)
                .with("first", first)
                .with("last", last)
        }
        Note::BelowHalfMzp { average, deduction } => {
            Finding::new(&INCOME_BELOW_HALF_MZP, "/contributions")
                .with("average", average.normalize())
                .with("deduction", deduction.normalize())
        }
    }
}

/// Months as runs of consecutive months: `2018-06 – 2020-05, 2021-01`.
fn month_runs(months: &[Month]) -> String {
    let mut runs: Vec<(Month, Month)> = Vec::new();
    for m in months {
        match runs.last_mut() {
            Some((_, last)) if last.succ() == *m => *last = *m,
            _ => runs.push((*m, *m)),
        }
    }
    runs.iter()
        .map(|(a, b)| if a == b { a.to_string() } else { format!("{a} – {b}") })
        .collect::<Vec<_>>()
        .join(", ")
}

fn error_finding(e: &AmountError) -> Option<Finding> {
    match e {
        AmountError::BeforeLaw { right_arises } => {
            Some(Finding::new(&RIGHT_BEFORE_2019_LAW, "/right_arises").with("right", right_arises))
        }
        AmountError::MissingParameter { key, date } => Some(
            Finding::new(&PARAMETER_UNKNOWN, "/right_arises").with("key", key).with("date", date),
        ),
        AmountError::Overflow => Some(unreadable(
            "/contributions",
            "contributions",
            "the amounts are too large to compute",
        )),
        // Already reported by the rules above (SP-009/010, SP-011/012, SP-003, SP-002).
        AmountError::NotEntitled { .. }
        | AmountError::Degree { .. }
        | AmountError::NoDependants
        | AmountError::BirthOrder
        | AmountError::SheetDays => None,
    }
}

#[cfg(test)]
#[test]
fn month_runs_join_consecutive_months() {
    let m = |s: &str| s.parse::<Month>().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        month_runs(&[m("2019-11"), m("2019-12"), m("2020-01"), m("2020-03")]),
        "2019-11 – 2020-01, 2020-03"
    );
    assert_eq!(month_runs(&[]), "");
}

#[cfg(test)]
#[path = "application_tests.rs"]
mod tests;
