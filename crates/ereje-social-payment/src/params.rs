//! Dated parameters, OpenFisca style: every value the law (or the budget law) sets, with the days
//! it is in force, its own citation and the confidence of its source.
//!
//! A [`Series`] is the history of one parameter; [`Series::at`] gives the value in force on a
//! date. The amount of a payment always takes its parameters at the date the right arises
//! (Law No. 286-VI, art. 20 p. 4: "МЗП, установленного … на дату возникновения права"), and the
//! explanation lists every value it used ([`ParamUsed`]).
//!
//! Values are data, not literals scattered through the calculation: [`Params::builtin`] is the
//! one place they are written. Where a value could not be found in a source it is **absent**,
//! never guessed: the minimum wage (МЗП) and the monthly calculation index (МРП) from 2027, and
//! the childcare allowance multiples before 2023, must be given with `--set mzp.YYYY=…` /
//! `--set mrp.YYYY=…` / `--set childcare_allowance_mrp.YYYY=…` ([`Params::set_year`]); see
//! `docs/social-payment.md`. The МЗП and МРП of 2020–2022 are taken from public secondary
//! sources quoting the budget laws (medium), each with its page; the МРП changed within 2020 and
//! within 2022 (from 1 April both times), and a series holds both values of such a year.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The confidence of a parameter's source (the brief's scale, plus values the caller gives).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// Read in the act's own text.
    High,
    /// An official secondary source, or a predecessor's value the successor is said to keep.
    Medium,
    /// A single unofficial source, or an inference.
    Low,
    /// Given by the caller (`--set`), not part of Ereje's data.
    Given,
}

impl Grade {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::High => "high",
            Grade::Medium => "medium",
            Grade::Low => "low",
            Grade::Given => "given",
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One value of a parameter and the days it is in force (`from` and `to` inclusive; `to: None`
/// is open-ended).
#[derive(Debug, Clone, PartialEq)]
pub struct Dated<T> {
    /// The value.
    pub value: T,
    /// First day in force.
    pub from: NaiveDate,
    /// Last day in force, if known.
    pub to: Option<NaiveDate>,
    /// The act and paragraph (and for `medium`/`low`, what the value rests on).
    pub citation: Cow<'static, str>,
    /// The confidence of the source.
    pub grade: Grade,
}

impl<T> Dated<T> {
    /// Whether the value is in force on `date`.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }
}

/// The history of one parameter.
///
/// # Example
/// ```
/// use ereje_social_payment::params::Params;
/// use chrono::NaiveDate;
/// let p = Params::builtin();
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(p.mzp.at(d(2024, 6, 1)).unwrap().value.to_string(), "85000");
/// assert_eq!(p.mrp.at(d(2022, 3, 31)).unwrap().value.to_string(), "3063");
/// assert_eq!(p.mrp.at(d(2022, 4, 1)).unwrap().value.to_string(), "3180"); // changed within 2022
/// assert!(p.mzp.at(d(2027, 6, 1)).is_none()); // no budget law for 2027 in the sources
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Series<T> {
    key: &'static str,
    entries: Vec<Dated<T>>,
}

impl<T> Series<T> {
    /// A series named `key` (the name in explanations and `--set`).
    pub fn new(key: &'static str, entries: Vec<Dated<T>>) -> Series<T> {
        Series { key, entries }
    }

    /// The parameter's key, e.g. `mzp` or `replacement.job_loss`.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// Every value, in the order given (built-in first, then overrides).
    pub fn entries(&self) -> &[Dated<T>] {
        &self.entries
    }

    /// The value in force on `date`: the last added entry whose window contains it, so an
    /// override added with [`Series::push`] wins over the built-in value.
    pub fn at(&self, date: NaiveDate) -> Option<&Dated<T>> {
        self.entries.iter().rev().find(|e| e.contains(date))
    }

    /// Adds a value (an override when its window overlaps an existing one).
    pub fn push(&mut self, entry: Dated<T>) {
        self.entries.push(entry);
    }
}

/// How a parameter value is written in an explanation.
pub trait ParamValue {
    /// The value as text.
    fn show(&self) -> String;
}

impl ParamValue for Decimal {
    fn show(&self) -> String {
        self.normalize().to_string()
    }
}

impl ParamValue for u32 {
    fn show(&self) -> String {
        self.to_string()
    }
}

impl ParamValue for Option<Decimal> {
    fn show(&self) -> String {
        match self {
            Some(v) => v.show(),
            None => "none".to_owned(),
        }
    }
}

impl ParamValue for [Decimal; 4] {
    fn show(&self) -> String {
        self.iter().map(ParamValue::show).collect::<Vec<_>>().join(" / ")
    }
}

/// The participation-length coefficient (коэффициент стажа участия, КСУ) of art. 20 p. 4.
///
/// Half-open bands `[from, next from)` in months of participation; from `above` months on,
/// `step` is added for every full `step_months` beyond `above` (60 → 1.0, 72 → 1.02, 84 → 1.04).
/// The ceiling is a separate parameter ([`Params::participation_cap`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipationScale {
    /// `(from months, coefficient)`, ascending; the first band starts at 0.
    pub bands: Vec<(u32, Decimal)>,
    /// From this many months the step is added (60).
    pub above: u32,
    /// The step is added per this many full months beyond `above` (12).
    pub step_months: u32,
    /// The step (0.02).
    pub step: Decimal,
}

impl ParticipationScale {
    /// The coefficient for `months` of participation, before any ceiling.
    ///
    /// # Example
    /// ```
    /// use ereje_social_payment::params::Params;
    /// use chrono::NaiveDate;
    /// let p = Params::builtin();
    /// let scale = &p.participation.at(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).unwrap().value;
    /// let k = |m| scale.coefficient(m).to_string();
    /// assert_eq!([k(5), k(6), k(59), k(60), k(71), k(72)], ["0.1", "0.7", "0.95", "1.0", "1.0", "1.02"]);
    /// ```
    pub fn coefficient(&self, months: u32) -> Decimal {
        let band = self
            .bands
            .iter()
            .rev()
            .find(|(from, _)| *from <= months)
            .map_or(Decimal::ZERO, |(_, k)| *k);
        if months >= self.above && self.step_months > 0 {
            let steps = (months - self.above) / self.step_months;
            band + self.step * Decimal::from(steps)
        } else {
            band
        }
    }
}

impl ParamValue for ParticipationScale {
    fn show(&self) -> String {
        let bands: Vec<String> =
            self.bands.iter().map(|(m, k)| format!("≥{m}: {}", k.normalize())).collect();
        format!(
            "{}; +{} per full {} months beyond {}",
            bands.join(", "),
            self.step.normalize(),
            self.step_months,
            self.above
        )
    }
}

/// The job-loss duration table of art. 22 p. 3: `(from months of contributions, months of
/// payment)`, ascending half-open bands. Below the first band nothing is assigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationTable(pub Vec<(u32, u32)>);

impl DurationTable {
    /// The months of payment for `months` of contributions, `None` below the first band.
    ///
    /// # Example
    /// ```
    /// use ereje_social_payment::params::Params;
    /// use chrono::NaiveDate;
    /// let p = Params::builtin();
    /// let t = &p.job_loss_duration.at(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).unwrap().value;
    /// assert_eq!([t.months(5), t.months(6), t.months(40), t.months(300)], [None, Some(1), Some(4), Some(6)]);
    /// ```
    pub fn months(&self, contribution_months: u32) -> Option<u32> {
        self.0.iter().rev().find(|(from, _)| *from <= contribution_months).map(|(_, n)| *n)
    }

    /// The fewest months of contributions that give a payment.
    pub fn minimum(&self) -> u32 {
        self.0.first().map_or(0, |(from, _)| *from)
    }
}

impl ParamValue for DurationTable {
    fn show(&self) -> String {
        self.0.iter().map(|(m, n)| format!("≥{m}: {n}")).collect::<Vec<_>>().join(", ")
    }
}

/// The application deadlines of art. 19 p. 7, in months from the day the right arises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    /// Job loss: 12 months.
    pub job_loss: u32,
    /// Pregnancy and childbirth, adoption of a newborn (and their recalculation): 12 months.
    pub maternity: u32,
    /// Childcare: 18 months.
    pub childcare: u32,
    /// Loss of breadwinner: while a dependant child (sibling, grandchild) is under this age, in
    /// years, at the application date, unless disabled before 18: 23.
    pub breadwinner_age: u32,
}

impl ParamValue for Deadlines {
    fn show(&self) -> String {
        format!(
            "job loss {} months; maternity/adoption {} months; childcare {} months; breadwinner: a dependant child under {}",
            self.job_loss, self.maternity, self.childcare, self.breadwinner_age
        )
    }
}

/// The act the payment rules are taken from on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    /// Law No. 286-VI of 26.12.2019 «Об обязательном социальном страховании», 01.01.2020–30.06.2023.
    Law2019,
    /// The Social Code of 20.04.2023 No. 224-VII, from 01.07.2023 (its text was not read: the
    /// 2019 law's rules and values, which the Fund's pages say it kept; medium).
    SocialCode,
}

impl ParamValue for LegalBasis {
    fn show(&self) -> String {
        match self {
            LegalBasis::Law2019 => "Law No. 286-VI of 26.12.2019".to_owned(),
            LegalBasis::SocialCode => {
                "Social Code No. 224-VII of 20.04.2023 (the 2019 law's rules, kept)".to_owned()
            }
        }
    }
}

/// Every parameter of the payments, as dated series.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Which act governs on a date.
    pub legal_basis: Series<LegalBasis>,
    /// The minimum monthly wage (МЗП), tenge, by the law on the republican budget.
    pub mzp: Series<Decimal>,
    /// The monthly calculation index (МРП), tenge, by the law on the republican budget: the
    /// value «для исчисления пособий и иных социальных выплат» (where a year had a second value
    /// for fines and taxes, as 2022 from 1 April, this series holds the social-payment one).
    pub mrp: Series<Decimal>,
    /// The monthly contribution base of one payer is capped at this many МЗП (art. 15 p. 5).
    pub contribution_cap_mzp: Series<Decimal>,
    /// Months in the income window for every risk but maternity and adoption (art. 20 p. 4).
    pub window_months: Series<u32>,
    /// Months in the income window for maternity and adoption (art. 23 p. 3).
    pub maternity_window_months: Series<u32>,
    /// Share of the МЗП subtracted from the average income for loss of working capacity and loss
    /// of breadwinner (art. 20 p. 4, art. 21 p. 7): 0.5.
    pub income_deduction_mzp: Series<Decimal>,
    /// Income-replacement coefficient, loss of working capacity (art. 20 p. 4): 0.6.
    pub replacement_working_capacity: Series<Decimal>,
    /// Income-replacement coefficient, loss of breadwinner (art. 21 p. 8 with art. 20 p. 4): 0.6.
    pub replacement_breadwinner: Series<Decimal>,
    /// Income-replacement coefficient, job loss (art. 22 p. 2): 0.40 to 2022, 0.45 from 2023.
    pub replacement_job_loss: Series<Decimal>,
    /// Income-replacement coefficient, childcare (art. 24 p. 4): 0.4.
    pub replacement_childcare: Series<Decimal>,
    /// The participation-length coefficient scale (art. 20 p. 4).
    pub participation: Series<ParticipationScale>,
    /// The ceiling of the participation coefficient: none in the 2019 law's text, 1.3 in the
    /// Social Code period (gfss.kz; medium).
    pub participation_cap: Series<Option<Decimal>>,
    /// The dependants coefficient for 1, 2, 3, 4+ dependants (art. 21 p. 8).
    pub dependants: Series<[Decimal; 4]>,
    /// The job-loss duration table (art. 22 p. 3).
    pub job_loss_duration: Series<DurationTable>,
    /// Months of participation subtracted per month of earlier job-loss payment (art. 22 p. 4).
    pub repeat_claim_months: Series<u32>,
    /// Divisor of the days on the maternity/adoption sheet (art. 23 p. 3): 30.
    pub maternity_day_divisor: Series<Decimal>,
    /// Months of childcare payment from birth: 12 to 2022, 18 from 2023 (art. 24 p. 3).
    pub childcare_months: Series<u32>,
    /// The state childcare allowance in МРП for the 1st, 2nd, 3rd, 4th-and-later child: the
    /// floor of the childcare payment (art. 24 p. 4).
    pub childcare_allowance_mrp: Series<[Decimal; 4]>,
    /// The childcare cap as a share of the МЗП multiple below: 0.4 (art. 24 p. 4).
    pub childcare_cap_share: Series<Decimal>,
    /// The МЗП multiple of the childcare cap: 7 (art. 24 p. 4).
    pub childcare_cap_mzp: Series<Decimal>,
    /// The pension contribution (ОПВ) withheld from every payment but loss of breadwinner
    /// (art. 26 p. 1): 10 %.
    pub pension_rate: Series<Decimal>,
    /// The application deadlines (art. 19 p. 7), taken at the date the rules apply (`as_of`).
    pub deadlines: Series<Deadlines>,
}

/// The first day of the 2019 law (art. 40 p. 1).
pub const LAW_2019_START: NaiveDate = date(2020, 1, 1);
/// The last day of the 2019 law; the Social Code from the next day.
pub const LAW_2019_END: NaiveDate = date(2023, 6, 30);
/// The first day of the Social Code of 20.04.2023 No. 224-VII.
pub const SOCIAL_CODE_START: NaiveDate = date(2023, 7, 1);
/// The first day of the 2019 law's edition read in full (Law No. 168-VII of 26.12.2022).
pub const EDITION_2023_START: NaiveDate = date(2023, 1, 1);

/// A date from constant parts, valid by construction (`NaiveDate::MIN` otherwise, which a test
/// rules out for every built-in date).
pub(crate) const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

/// A decimal from an integer mantissa and a scale: `dec(45, 2)` is 0.45.
pub(crate) fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

const LAW: &str = "Law No. 286-VI of 26.12.2019 «Об обязательном социальном страховании»";
const CODE: &str = "kept by the Social Code No. 224-VII from 01.07.2023 (its text not read; gfss.kz, docs/domain/social-payments.md, medium)";
const BRIEF_PARAMS: &str = "docs/domain/social-payments.md §4";

fn entry<T>(
    value: T,
    from: NaiveDate,
    to: Option<NaiveDate>,
    citation: impl Into<Cow<'static, str>>,
    grade: Grade,
) -> Dated<T> {
    Dated { value, from, to, citation: citation.into(), grade }
}

/// The 2019 law's value (01.01.2020–30.06.2023, high, as the brief rates the law's formulas for
/// its whole period) followed by the same value under the Social Code (from 01.07.2023, at
/// `code_grade`).
fn law_then_code<T: Clone>(value: T, law_cite: &str, code_grade: Grade) -> Vec<Dated<T>> {
    vec![
        entry(
            value.clone(),
            LAW_2019_START,
            Some(LAW_2019_END),
            format!("{LAW}, {law_cite}"),
            Grade::High,
        ),
        entry(
            value,
            SOCIAL_CODE_START,
            None,
            format!("Law No. 286-VI, {law_cite}, {CODE}"),
            code_grade,
        ),
    ]
}

/// A budget-law value in force from `from` to `to` (inclusive), from a secondary source quoting
/// the law (medium): `citation` names the act and the pages where the value was read.
fn budget_value(value: i64, from: NaiveDate, to: NaiveDate, citation: &str) -> Dated<Decimal> {
    entry(
        Decimal::from(value),
        from,
        Some(to),
        format!("{citation} (secondary sources quoting the act; the act's text not read; medium)"),
        Grade::Medium,
    )
}

/// The law on the republican budget for 2020–2022.
const BUDGET_2020: &str =
    "Law No. 276-VI of 04.12.2019 «О республиканском бюджете на 2020–2022 годы»";
/// The law on the republican budget for 2021–2023.
const BUDGET_2021: &str = "Law of 02.12.2020 «О республиканском бюджете на 2021–2023 годы»";
/// The law on the republican budget for 2022–2024.
const BUDGET_2022: &str = "Law of 02.12.2021 «О республиканском бюджете на 2022–2024 годы»";
/// The amendment of the 2022–2024 budget law that changed the МРП from 01.04.2022.
const BUDGET_2022_AMENDED: &str = "Law No. 121-VII of 12.05.2022 amending the Law of 02.12.2021 «О республиканском бюджете на 2022–2024 годы» (ealegislation.com/document.fwx?rgn=139935 gives the act's heading)";
/// The egov.kz / gov.kz pages that list the indicators by year.
const EGOV_INDICATORS: &str = "egov.kz/cms/en/articles/article_mci_2012 and gov.kz/article/17157 («Minimum calculated indexes»)";

/// A budget-law value for a whole year.
fn year_value(year: i32, value: i64, source: &str) -> Dated<Decimal> {
    entry(
        Decimal::from(value),
        date(year, 1, 1),
        Some(date(year, 12, 31)),
        format!(
            "set by the law on the republican budget for {year}; the value as reported by {source} ({BRIEF_PARAMS}, medium)"
        ),
        Grade::Medium,
    )
}

impl Params {
    /// The built-in parameters, with their citations. See `docs/social-payment.md` for the table
    /// and for what is absent.
    pub fn builtin() -> Params {
        let law_start = LAW_2019_START;
        Params {
            legal_basis: Series::new(
                "legal_basis",
                vec![
                    entry(
                        LegalBasis::Law2019,
                        law_start,
                        Some(LAW_2019_END),
                        format!(
                            "{LAW}, art. 40 p. 1 (in force 01.01.2020); replaced by the Social Code from 01.07.2023"
                        ),
                        Grade::High,
                    ),
                    entry(
                        LegalBasis::SocialCode,
                        SOCIAL_CODE_START,
                        None,
                        "Social Code of 20.04.2023 No. 224-VII, in force 01.07.2023 (docs/domain/social-payments.md §0, medium)",
                        Grade::Medium,
                    ),
                ],
            ),
            mzp: Series::new(
                "mzp",
                vec![
                    budget_value(
                        42_500,
                        date(2020, 1, 1),
                        date(2020, 12, 31),
                        &format!(
                            "{BUDGET_2020}: МЗП 42,500 from 01.01.2020, unchanged by the revision of 01.04.2020; as listed for 2020 by {EGOV_INDICATORS} and by 16news.kz (10.04.2020, «минимальный размер заработной платы — 42500 тг (без изменений)»)"
                        ),
                    ),
                    budget_value(
                        42_500,
                        date(2021, 1, 1),
                        date(2021, 12, 31),
                        &format!(
                            "{BUDGET_2021}: «Установить с 1 января 2021 года: 1) минимальный размер заработной платы – 42 500 тенге», as quoted by kt.kz (01.01.2021) and informburo.kz; listed by {EGOV_INDICATORS}"
                        ),
                    ),
                    budget_value(
                        60_000,
                        date(2022, 1, 1),
                        date(2022, 12, 31),
                        &format!(
                            "{BUDGET_2022}: МЗП 60,000 from 01.01.2022 (massaget.kz on the signing; {EGOV_INDICATORS}); not changed from 01.04.2022 (kaz.zakon.kz on the amendment)"
                        ),
                    ),
                    year_value(2023, 70_000, "knews.kz, prodengi.kz, egov.kz"),
                    year_value(2024, 85_000, "the President's 2023 Address (mayak1932.kz)"),
                    year_value(2025, 85_000, "tengrinews.kz and gfss.kz"),
                    year_value(
                        2026,
                        85_000,
                        "zakon.kz on the Law on the republican budget for 2026–2028 of 08.12.2025 (unchanged; 110,000 rejected)",
                    ),
                ],
            ),
            mrp: Series::new(
                "mrp",
                vec![
                    budget_value(
                        2_651,
                        date(2020, 1, 1),
                        date(2020, 3, 31),
                        &format!(
                            "{BUDGET_2020}: МРП 2,651 from 01.01.2020 to the revision of 01.04.2020, as reported by 16news.kz (10.04.2020: «с 1 апреля он составляет 2778 тг, против 2651 тг до изменений (то есть с 1 января текущего года)») and Kazinform (lenta.inform.kz, 04.05.2020: raised «from KZT2651 to KZT2778» on 1 April)"
                        ),
                    ),
                    budget_value(
                        2_778,
                        date(2020, 4, 1),
                        date(2020, 12, 31),
                        &format!(
                            "{BUDGET_2020} as revised from 01.04.2020 (the revising act not read): МРП 2,778 per 16news.kz (10.04.2020) and Kazinform (04.05.2020); the 2020 value «for calculation of benefits and other social payments» listed by {EGOV_INDICATORS}"
                        ),
                    ),
                    budget_value(
                        2_917,
                        date(2021, 1, 1),
                        date(2021, 12, 31),
                        &format!(
                            "{BUDGET_2021}: «Установить с 1 января 2021 года: … 4) МРП для исчисления пособий и иных социальных выплат … – 2917 тенге», as quoted by kt.kz (01.01.2021) and informburo.kz; listed by {EGOV_INDICATORS}"
                        ),
                    ),
                    budget_value(
                        3_063,
                        date(2022, 1, 1),
                        date(2022, 3, 31),
                        &format!(
                            "{BUDGET_2022}: МРП 3,063 from 01.01.2022 (massaget.kz on the signing; {EGOV_INDICATORS}: «From January 1, 2022 … 3 063 KZT»)"
                        ),
                    ),
                    budget_value(
                        3_180,
                        date(2022, 4, 1),
                        date(2022, 12, 31),
                        &format!(
                            "{BUDGET_2022_AMENDED}: МРП «for calculation of benefits and other social payments» 3,180 from 01.04.2022 ({EGOV_INDICATORS}: «From April 1, 2022 … 3 180 KZT»; kaz.tengrinews.kz 13.05.2022; kaz.zakon.kz); for fines and taxes 3,063 stayed (atpress.kz 15.05.2022, quoting the Ministry of Finance)"
                        ),
                    ),
                    year_value(2023, 3_450, "knews.kz, egov.kz"),
                    year_value(
                        2024,
                        3_692,
                        "tengrinews.kz (derived there: the 2025 value is +240 on 2024)",
                    ),
                    year_value(2025, 3_932, "tengrinews.kz"),
                    year_value(
                        2026,
                        4_325,
                        "zakon.kz on the Law on the republican budget for 2026–2028 of 08.12.2025",
                    ),
                ],
            ),
            contribution_cap_mzp: Series::new(
                "contribution_cap_mzp",
                law_then_code(
                    Decimal::from(7),
                    "art. 15 p. 5 (monthly object from one payer ≤ 7 МЗП of the financial year)",
                    Grade::Medium,
                ),
            ),
            window_months: Series::new(
                "window_months",
                law_then_code(
                    24,
                    "art. 20 p. 4 part 2 (last 24 calendar months before the month of the right, ÷ 24)",
                    Grade::Medium,
                ),
            ),
            maternity_window_months: Series::new(
                "maternity_window_months",
                law_then_code(
                    12,
                    "art. 23 p. 3 part 2 (last 12 calendar months before the month of the right, ÷ 12)",
                    Grade::Medium,
                ),
            ),
            income_deduction_mzp: Series::new(
                "income_deduction_mzp",
                law_then_code(
                    dec(5, 1),
                    "art. 20 p. 4 part 1, art. 21 p. 7 (minus 50 % of the МЗП at the date of the right)",
                    Grade::Medium,
                ),
            ),
            replacement_working_capacity: Series::new(
                "replacement.loss_of_working_capacity",
                law_then_code(
                    dec(6, 1),
                    "art. 20 p. 4 («коэффициент замещения дохода составляет 0,6»)",
                    Grade::Medium,
                ),
            ),
            replacement_breadwinner: Series::new(
                "replacement.loss_of_breadwinner",
                law_then_code(
                    dec(6, 1),
                    "art. 21 p. 8 part 2 with art. 20 p. 4 (0,6)",
                    Grade::Medium,
                ),
            ),
            replacement_job_loss: Series::new(
                "replacement.job_loss",
                vec![
                    entry(
                        dec(40, 2),
                        law_start,
                        Some(date(2022, 12, 31)),
                        format!(
                            "{LAW}, art. 22 p. 2 before Law No. 168-VII of 26.12.2022: 0.40 in 2020–2022 per gfss.kz and ministry news (docs/domain/social-payments.md §2, medium)"
                        ),
                        Grade::Medium,
                    ),
                    entry(
                        dec(45, 2),
                        EDITION_2023_START,
                        Some(LAW_2019_END),
                        format!(
                            "{LAW}, art. 22 p. 2 as amended by Law No. 168-VII of 26.12.2022 (from 01.01.2023): «0,45»"
                        ),
                        Grade::High,
                    ),
                    entry(
                        dec(45, 2),
                        SOCIAL_CODE_START,
                        None,
                        format!("Law No. 286-VI, art. 22 p. 2, {CODE}"),
                        Grade::Medium,
                    ),
                ],
            ),
            replacement_childcare: Series::new(
                "replacement.childcare",
                law_then_code(dec(4, 1), "art. 24 p. 4 part 2 (0,4)", Grade::Medium),
            ),
            participation: Series::new(
                "participation",
                law_then_code(
                    ParticipationScale {
                        bands: vec![
                            (0, dec(1, 1)),
                            (6, dec(7, 1)),
                            (12, dec(75, 2)),
                            (24, dec(85, 2)),
                            (36, dec(9, 1)),
                            (48, dec(95, 2)),
                            (60, dec(10, 1)),
                        ],
                        above: 60,
                        step_months: 12,
                        step: dec(2, 2),
                    },
                    "art. 20 p. 4 (the coefficient table; «к 1,0 прибавляется 0,02 за каждые двенадцать месяцев» read as full 12 months beyond 60, as the 60–72 band of 1,0 implies)",
                    Grade::Medium,
                ),
            ),
            participation_cap: Series::new(
                "participation_cap",
                vec![
                    entry(
                        None,
                        law_start,
                        Some(LAW_2019_END),
                        format!("{LAW}, art. 20 p. 4: the text sets no ceiling"),
                        Grade::High,
                    ),
                    entry(
                        Some(dec(13, 1)),
                        SOCIAL_CODE_START,
                        None,
                        "gfss.kz «on-disability» page and the Rules of order No. 237 p. 37 as quoted by a public calculator: ceiling 1.3 (docs/domain/social-payments.md §2, medium)",
                        Grade::Medium,
                    ),
                ],
            ),
            dependants: Series::new("dependants", {
                let mut v = law_then_code(
                    [dec(5, 1), dec(65, 2), dec(8, 1), dec(10, 1)],
                    "art. 21 p. 8 (1 → 0,5; 2 → 0,65; 3 → 0,8; 4 and more → 1,0)",
                    Grade::Low,
                );
                if let Some(code) = v.get_mut(1) {
                    code.citation = Cow::Owned("Law No. 286-VI, art. 21 p. 8, taken as kept by the Social Code No. 224-VII from 01.07.2023 — not re-checked for the Code (the Fund's page was cut off before the table; docs/domain/social-payments.md §3.2, low)".to_owned());
                }
                v
            }),
            job_loss_duration: Series::new(
                "job_loss_duration",
                law_then_code(
                    DurationTable(vec![(6, 1), (12, 2), (24, 3), (36, 4), (48, 5), (60, 6)]),
                    "art. 22 p. 3 (6–12 months of contributions → 1 month … 60 and more → 6 months)",
                    Grade::Medium,
                ),
            ),
            repeat_claim_months: Series::new(
                "repeat_claim_months",
                law_then_code(
                    12,
                    "art. 22 p. 4 (12 months of participation subtracted per month of earlier job-loss payment)",
                    Grade::Medium,
                ),
            ),
            maternity_day_divisor: Series::new(
                "maternity_day_divisor",
                law_then_code(
                    Decimal::from(30),
                    "art. 23 p. 3 part 4 (days on the sheet ÷ 30)",
                    Grade::Medium,
                ),
            ),
            childcare_months: Series::new(
                "childcare_months",
                vec![
                    entry(
                        12,
                        law_start,
                        Some(date(2022, 12, 31)),
                        format!(
                            "{LAW}, art. 24 before Law No. 168-VII of 26.12.2022: until the child turns one (laws/README.md; docs/domain/social-payments.md §3.5, medium)"
                        ),
                        Grade::Medium,
                    ),
                    entry(
                        18,
                        EDITION_2023_START,
                        Some(LAW_2019_END),
                        format!(
                            "{LAW}, art. 24 p. 3 as amended by Law No. 168-VII (from 01.01.2023): to the day the child turns 1.5, inclusive"
                        ),
                        Grade::High,
                    ),
                    entry(
                        18,
                        SOCIAL_CODE_START,
                        None,
                        format!(
                            "Law No. 286-VI, art. 24 p. 3, {CODE}; confirmed for 2025 by zakon.kz"
                        ),
                        Grade::Medium,
                    ),
                ],
            ),
            childcare_allowance_mrp: Series::new(
                "childcare_allowance_mrp",
                vec![entry(
                    [dec(576, 2), dec(681, 2), dec(785, 2), dec(890, 2)],
                    EDITION_2023_START,
                    None,
                    format!(
                        "{LAW}, art. 24 p. 4 part 5 (floor = the state childcare allowance by birth order under the Law «О государственных пособиях семьям, имеющим детей»); the МРП multiples 5.76 / 6.81 / 7.85 / 8.90 as given for 2023–2026 in {BRIEF_PARAMS} (medium); earlier multiples not found"
                    ),
                    Grade::Medium,
                )],
            ),
            childcare_cap_share: Series::new(
                "childcare_cap_share",
                law_then_code(
                    dec(4, 1),
                    "art. 24 p. 4 part 6 (at most 40 % of 7 МЗП at the date of the right)",
                    Grade::Medium,
                ),
            ),
            childcare_cap_mzp: Series::new(
                "childcare_cap_mzp",
                law_then_code(
                    Decimal::from(7),
                    "art. 24 p. 4 part 6 (7-fold МЗП at the date of the right)",
                    Grade::Medium,
                ),
            ),
            pension_rate: Series::new(
                "pension_rate",
                vec![
                    entry(
                        dec(10, 2),
                        law_start,
                        Some(LAW_2019_END),
                        format!(
                            "{LAW}, art. 26 p. 1 (ОПВ withheld from every payment but loss of breadwinner, under the pension law); the rate 10 % from docs/domain/social-payments.md §2 (the pension law is not in /work/shared; medium)"
                        ),
                        Grade::Medium,
                    ),
                    entry(
                        dec(10, 2),
                        SOCIAL_CODE_START,
                        None,
                        format!(
                            "Law No. 286-VI, art. 26 p. 1, {CODE}; rate 10 % (gfss.kz, calculators)"
                        ),
                        Grade::Medium,
                    ),
                ],
            ),
            deadlines: Series::new(
                "deadlines",
                law_then_code(
                    Deadlines { job_loss: 12, maternity: 12, childcare: 18, breadwinner_age: 23 },
                    "art. 19 p. 7 parts 3–4 (edition from 01.01.2023; the 18 months of childcare are applied to earlier dates too, which is lenient)",
                    Grade::Medium,
                ),
            ),
        }
    }

    /// Sets the МЗП (`series = "mzp"`) or МРП (`"mrp"`) for a whole year, as a caller's value
    /// ([`Grade::Given`]) that overrides the built-in one (for the whole year, so it also
    /// replaces both halves of a year whose МРП changed on 1 April). This is how the absent
    /// values of 2027 and later are supplied.
    ///
    /// # Errors
    /// [`SettingError`] for an unknown series, a year outside 2020–2099 or a value that is not a
    /// positive decimal.
    ///
    /// # Example
    /// ```
    /// use ereje_social_payment::params::Params;
    /// use chrono::NaiveDate;
    /// let mut p = Params::builtin();
    /// p.set_year("mzp", 2021, "42500")?;
    /// assert_eq!(p.mzp.at(NaiveDate::from_ymd_opt(2021, 5, 1).unwrap()).unwrap().value.to_string(), "42500");
    /// assert!(p.set_year("mzp", 2021, "-1").is_err());
    /// # Ok::<(), ereje_social_payment::SettingError>(())
    /// ```
    pub fn set_year(&mut self, series: &str, year: i32, value: &str) -> Result<(), SettingError> {
        let key = format!("{series}.{year}");
        if !(2020..=2099).contains(&year) {
            return Err(SettingError::Value {
                key,
                value: value.to_owned(),
                expected: "a year 2020–2099",
            });
        }
        let target = match series {
            "mzp" => &mut self.mzp,
            "mrp" => &mut self.mrp,
            "childcare_allowance_mrp" => return self.set_allowance_year(year, value),
            _ => return Err(SettingError::UnknownKey { key }),
        };
        let amount =
            value.trim().parse::<Decimal>().ok().filter(|v| *v > Decimal::ZERO).ok_or_else(
                || SettingError::Value {
                    key: key.clone(),
                    value: value.to_owned(),
                    expected: "a positive amount in tenge",
                },
            )?;
        target.push(entry(
            amount,
            date(year, 1, 1),
            Some(date(year, 12, 31)),
            format!("--set {key}={value} (caller's value)"),
            Grade::Given,
        ));
        Ok(())
    }
}

impl Params {
    /// Sets the childcare allowance multiples (МРП for the 1st, 2nd, 3rd, 4th-and-later child)
    /// for a whole year, as `a,b,c,d` (e.g. `5.76,6.81,7.85,8.90`): the floor of the childcare
    /// payment before 2023, which the project's sources do not give.
    ///
    /// # Errors
    /// [`SettingError::Value`] unless four positive decimals separated by commas, or a year
    /// outside 2020–2099.
    ///
    /// # Example
    /// ```
    /// use ereje_social_payment::params::Params;
    /// let mut p = Params::builtin();
    /// assert!(p.set_allowance_year(2022, "1,2,3,4").is_ok());
    /// assert!(p.set_allowance_year(2022, "1,2,3").is_err());
    /// ```
    pub fn set_allowance_year(&mut self, year: i32, value: &str) -> Result<(), SettingError> {
        let key = format!("childcare_allowance_mrp.{year}");
        let bad =
            |expected| SettingError::Value { key: key.clone(), value: value.to_owned(), expected };
        if !(2020..=2099).contains(&year) {
            return Err(bad("a year 2020–2099"));
        }
        let parts: Vec<Option<Decimal>> = value
            .split(',')
            .map(|p| p.trim().parse::<Decimal>().ok().filter(|v| *v > Decimal::ZERO))
            .collect();
        let [Some(a), Some(b), Some(c), Some(d)] = parts[..] else {
            return Err(bad(
                "four positive numbers a,b,c,d (МРП for the 1st, 2nd, 3rd, 4th+ child)",
            ));
        };
        self.childcare_allowance_mrp.push(entry(
            [a, b, c, d],
            date(year, 1, 1),
            Some(date(year, 12, 31)),
            format!("--set {key}={value} (caller's value)"),
            Grade::Given,
        ));
        Ok(())
    }
}

impl Default for Params {
    fn default() -> Self {
        Params::builtin()
    }
}

/// A `--set KEY=VALUE` that cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingError {
    /// A key the subject does not define.
    #[error("unknown setting `{key}`")]
    UnknownKey {
        /// The key given.
        key: String,
    },
    /// A value the key does not accept.
    #[error("setting {key}={value}: expected {expected}")]
    Value {
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// What is accepted.
        expected: &'static str,
    },
}

/// One parameter value an amount used: which, at what date, its value, window and source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParamUsed {
    /// The parameter's key (`mzp`, `replacement.job_loss`, …).
    pub key: String,
    /// The date it was taken at (the date the right arises, or the first day of a window month).
    pub at: NaiveDate,
    /// The value.
    pub value: String,
    /// First day the value is in force.
    pub from: NaiveDate,
    /// Last day the value is in force, if known.
    pub to: Option<NaiveDate>,
    /// Its citation.
    pub citation: String,
    /// The confidence of its source.
    pub confidence: Grade,
}

/// Records the parameter values a calculation takes, once per dated entry.
#[derive(Debug, Default)]
pub(crate) struct Lookup {
    pub(crate) used: Vec<ParamUsed>,
}

impl Lookup {
    /// The value of `series` on `date`, recorded; `None` when no value is in force.
    pub(crate) fn get<'a, T: ParamValue>(
        &mut self,
        series: &'a Series<T>,
        date: NaiveDate,
    ) -> Option<&'a Dated<T>> {
        let found = series.at(date)?;
        let already = self.used.iter().any(|u| u.key == series.key() && u.from == found.from);
        if !already {
            self.used.push(ParamUsed {
                key: series.key().to_owned(),
                at: date,
                value: found.value.show(),
                from: found.from,
                to: found.to,
                citation: found.citation.to_string(),
                confidence: found.grade,
            });
        }
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_dates(p: &Params) -> Vec<NaiveDate> {
        fn dates<T>(s: &Series<T>, out: &mut Vec<NaiveDate>) {
            for e in s.entries() {
                out.push(e.from);
                out.extend(e.to);
            }
        }
        let mut out = vec![LAW_2019_START, LAW_2019_END, SOCIAL_CODE_START, EDITION_2023_START];
        dates(&p.legal_basis, &mut out);
        dates(&p.mzp, &mut out);
        dates(&p.mrp, &mut out);
        dates(&p.replacement_job_loss, &mut out);
        dates(&p.childcare_months, &mut out);
        dates(&p.childcare_allowance_mrp, &mut out);
        dates(&p.participation_cap, &mut out);
        out
    }

    #[test]
    fn built_in_dates_are_real() {
        for d in all_dates(&Params::builtin()) {
            assert_ne!(d, NaiveDate::MIN);
        }
    }

    #[test]
    fn values_by_date() {
        let p = Params::builtin();
        let at = |y, m, d| date(y, m, d);
        let v = |s: &Series<Decimal>, d| s.at(d).map(|e| e.value.show());
        let table: &[(&Series<Decimal>, NaiveDate, Option<&str>)] = &[
            (&p.mzp, at(2023, 1, 1), Some("70000")),
            (&p.mzp, at(2023, 12, 31), Some("70000")),
            (&p.mzp, at(2024, 1, 1), Some("85000")),
            (&p.mzp, at(2026, 12, 31), Some("85000")),
            (&p.mzp, at(2027, 1, 1), None),
            (&p.mzp, at(2019, 12, 31), None),
            (&p.mrp, at(2019, 12, 31), None),
            (&p.mrp, at(2027, 1, 1), None),
            (&p.mrp, at(2024, 7, 1), Some("3692")),
            (&p.mrp, at(2026, 1, 1), Some("4325")),
            (&p.replacement_job_loss, at(2022, 12, 31), Some("0.4")),
            (&p.replacement_job_loss, at(2023, 1, 1), Some("0.45")),
            (&p.replacement_job_loss, at(2025, 1, 1), Some("0.45")),
            (&p.replacement_job_loss, at(2019, 12, 31), None),
        ];
        for (series, d, expected) in table {
            assert_eq!(v(series, *d).as_deref(), *expected, "{} at {d}", series.key());
        }
        assert_eq!(p.childcare_months.at(at(2022, 12, 31)).unwrap().value, 12);
        assert_eq!(p.childcare_months.at(at(2023, 1, 1)).unwrap().value, 18);
        assert_eq!(p.participation_cap.at(at(2023, 6, 30)).unwrap().value, None);
        assert_eq!(p.participation_cap.at(at(2023, 7, 1)).unwrap().value, Some(dec(13, 1)));
        assert_eq!(p.dependants.at(at(2024, 1, 1)).unwrap().grade, Grade::Low);
        assert_eq!(p.dependants.at(at(2021, 1, 1)).unwrap().grade, Grade::High);
    }

    /// One row per built-in МЗП / МРП value of 2020–2022: its first and last day, and the
    /// confidence (medium: secondary sources quoting the budget laws).
    #[test]
    fn budget_values_2020_to_2022() {
        let p = Params::builtin();
        let rows: &[(&Series<Decimal>, NaiveDate, NaiveDate, &str)] = &[
            (&p.mzp, date(2020, 1, 1), date(2020, 12, 31), "42500"),
            (&p.mzp, date(2021, 1, 1), date(2021, 12, 31), "42500"),
            (&p.mzp, date(2022, 1, 1), date(2022, 12, 31), "60000"),
            (&p.mrp, date(2020, 1, 1), date(2020, 3, 31), "2651"),
            (&p.mrp, date(2020, 4, 1), date(2020, 12, 31), "2778"),
            (&p.mrp, date(2021, 1, 1), date(2021, 12, 31), "2917"),
            (&p.mrp, date(2022, 1, 1), date(2022, 3, 31), "3063"),
            (&p.mrp, date(2022, 4, 1), date(2022, 12, 31), "3180"),
        ];
        for (series, from, to, value) in rows {
            for d in [*from, *to] {
                let e = series.at(d).unwrap_or_else(|| panic!("{} at {d}", series.key()));
                assert_eq!(e.value.show(), *value, "{} at {d}", series.key());
                assert_eq!((e.from, e.to), (*from, Some(*to)), "{} at {d}", series.key());
                assert_eq!(e.grade, Grade::Medium, "{} at {d}", series.key());
                assert!(e.citation.contains("республиканском бюджете"), "{}", e.citation);
            }
        }
    }

    #[test]
    fn mrp_changed_on_1_april_2020_and_2022() {
        let p = Params::builtin();
        let v = |d| p.mrp.at(d).map(|e| e.value.show());
        assert_eq!(v(date(2020, 3, 31)).as_deref(), Some("2651"));
        assert_eq!(v(date(2020, 4, 1)).as_deref(), Some("2778"));
        assert_eq!(v(date(2022, 3, 31)).as_deref(), Some("3063"));
        assert_eq!(v(date(2022, 4, 1)).as_deref(), Some("3180"));
        // The 2022 change was made by the amendment of 12.05.2022, cited on the April value.
        assert!(p.mrp.at(date(2022, 4, 1)).unwrap().citation.contains("121-VII"));
        assert!(!p.mrp.at(date(2022, 3, 31)).unwrap().citation.contains("121-VII"));
        // A caller's whole-year value replaces both halves.
        let mut q = Params::builtin();
        q.set_year("mrp", 2022, "3100").unwrap();
        for d in [date(2022, 1, 1), date(2022, 3, 31), date(2022, 4, 1), date(2022, 12, 31)] {
            assert_eq!(q.mrp.at(d).unwrap().grade, Grade::Given);
        }
    }

    #[test]
    fn budget_values_have_no_gap_or_overlap_2020_to_2026() {
        // Every day from 2020-01-01 to 2026-12-31 has exactly one built-in МЗП and МРП.
        let p = Params::builtin();
        for series in [&p.mzp, &p.mrp] {
            let mut d = date(2020, 1, 1);
            while d <= date(2026, 12, 31) {
                let n = series.entries().iter().filter(|e| e.contains(d)).count();
                assert_eq!(n, 1, "{} on {d}", series.key());
                d = d.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn every_series_is_continuous_from_2020_except_budget_values() {
        // The law's series cover every day from 2020-01-01 on, without a gap at the Code.
        let p = Params::builtin();
        for d in
            [LAW_2019_START, date(2022, 12, 31), LAW_2019_END, SOCIAL_CODE_START, date(2030, 1, 1)]
        {
            assert!(p.window_months.at(d).is_some());
            assert!(p.participation.at(d).is_some());
            assert!(p.replacement_job_loss.at(d).is_some());
            assert!(p.childcare_months.at(d).is_some());
            assert!(p.deadlines.at(d).is_some());
            assert!(p.pension_rate.at(d).is_some());
            assert!(p.legal_basis.at(d).is_some());
        }
    }

    #[test]
    fn overrides_win_and_are_marked_given() {
        let mut p = Params::builtin();
        p.set_year("mrp", 2024, "4000").unwrap();
        let e = p.mrp.at(date(2024, 3, 1)).unwrap();
        assert_eq!((e.value.show(), e.grade), ("4000".to_owned(), Grade::Given));
        assert!(matches!(p.set_year("mzq", 2024, "1"), Err(SettingError::UnknownKey { .. })));
        assert!(p.set_year("mzp", 2019, "1").is_err());
        assert!(p.set_year("mzp", 2021, "abc").is_err());
        assert!(p.set_year("mzp", 2021, "0").is_err());
    }

    #[test]
    fn duration_table_bands_are_half_open() {
        let t = DurationTable(vec![(6, 1), (12, 2), (24, 3), (36, 4), (48, 5), (60, 6)]);
        let got: Vec<_> = [0, 5, 6, 11, 12, 23, 24, 35, 36, 47, 48, 59, 60, 500]
            .iter()
            .map(|m| t.months(*m))
            .collect();
        assert_eq!(
            got,
            [
                None,
                None,
                Some(1),
                Some(1),
                Some(2),
                Some(2),
                Some(3),
                Some(3),
                Some(4),
                Some(4),
                Some(5),
                Some(5),
                Some(6),
                Some(6)
            ]
        );
        assert_eq!(t.minimum(), 6);
    }

    #[test]
    fn lookup_records_each_entry_once() {
        let p = Params::builtin();
        let mut l = Lookup::default();
        l.get(&p.mzp, date(2024, 1, 1));
        l.get(&p.mzp, date(2024, 5, 1));
        l.get(&p.mzp, date(2025, 5, 1));
        assert_eq!(l.used.len(), 2);
        assert_eq!(l.used[0].at, date(2024, 1, 1));
    }
}
