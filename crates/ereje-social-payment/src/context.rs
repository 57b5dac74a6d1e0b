//! What a check or a calculation runs with: the date the rules are taken at, the parameters and
//! the documented readings a caller can choose with `--set KEY=VALUE`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::channels::SeedWindow;
use crate::params::{Params, SettingError};

/// How the 7 МЗП cap of art. 15 p. 5 treats a month with several payers (`--set several_payers`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeveralPayers {
    /// The law's text: the cap is on "the monthly object from **one** payer", so each payer's base
    /// is capped separately and a month with two payers may count up to 14 МЗП (default).
    #[default]
    PerPayer,
    /// The month's total is capped at 7 МЗП (the brief's "СМД is in effect capped at 7 МЗП",
    /// which holds for one payer).
    PerMonth,
}

/// How the childcare floor adds the pension contribution (`--set childcare_floor`).
///
/// Art. 24 p. 4 part 5: the payment "не может быть менее размера ежемесячного государственного
/// пособия … с дополнительным исчислением обязательных пенсионных взносов, подлежащих
/// удержанию". The text does not say how; the brief rates either reading low.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChildcareFloor {
    /// Gross floor = allowance ÷ (1 − pension rate), so that after the 10 % withheld the
    /// recipient gets at least the allowance (default: the only reading in which the withheld
    /// contribution is the one "additionally computed").
    #[default]
    GrossUp,
    /// Gross floor = allowance × (1 + pension rate).
    PlusPension,
    /// Gross floor = the allowance itself (the brief's worked example compares with it).
    Allowance,
}

/// Which ceiling the participation coefficient has (`--set participation_cap`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CapReading {
    /// The dated parameter: none under the 2019 law's text, 1.3 from the Social Code (default).
    #[default]
    Dated,
    /// No ceiling at any date.
    None,
    /// This ceiling at every date.
    Fixed(Decimal),
}

/// The documented readings a caller may choose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Readings {
    /// The cap of a month with several payers.
    pub several_payers: SeveralPayers,
    /// The childcare floor.
    pub childcare_floor: ChildcareFloor,
    /// The participation coefficient's ceiling.
    pub participation_cap: CapReading,
    /// The effective window of seed 003.
    pub seed003: SeedWindow,
}

/// The date the rules are taken at, the parameters and the readings.
///
/// # Example
/// ```
/// use ereje_social_payment::Context;
/// let mut ctx = Context::new();
/// ctx.set("mzp.2022", "60000")?;
/// ctx.set("several_payers", "per_month")?;
/// assert!(ctx.set("several_payers", "maybe").is_err());
/// assert_eq!(ctx.settings()["several_payers"], "per_month");
/// # Ok::<(), ereje_social_payment::SettingError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// The date the rules and deadlines are taken at (`--as-of`); `None` means the application's
    /// registration date. Amounts always take their parameters at the date the right arises.
    pub as_of: Option<NaiveDate>,
    /// The dated parameters.
    pub params: Params,
    /// The readings.
    pub readings: Readings,
}

/// One `--set` key the subject accepts (the shape of `ereje_cli::params::ParamSpec`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setting {
    /// The key.
    pub key: &'static str,
    /// The value used when the key is not set.
    pub default: &'static str,
    /// The accepted values; empty means any value the subject parses itself.
    pub allowed: &'static [&'static str],
    /// What it chooses.
    pub doc: &'static str,
}

const MZP_DOC: &str = "МЗП (minimum monthly wage) of that year in tenge; `builtin` keeps Ereje's value (2020–2026; none for 2027, whose budget law is not in the sources)";
const MRP_DOC: &str = "МРП (monthly calculation index) of that year in tenge, for the whole year (it replaces both values of 2020 and 2022, which changed on 1 April); `builtin` keeps Ereje's value (2020–2026; none for 2027)";

macro_rules! year_settings {
    ($($y:literal),*) => {
        [$(
            Setting { key: concat!("mzp.", $y), default: "builtin", allowed: &[], doc: MZP_DOC },
            Setting { key: concat!("mrp.", $y), default: "builtin", allowed: &[], doc: MRP_DOC },
        )*]
    };
}

const YEAR_SETTINGS: [Setting; 16] =
    year_settings!("2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027");

const ALLOWANCE_DOC: &str = "childcare allowance multiples of that year, `a,b,c,d` МРП for the 1st, 2nd, 3rd, 4th+ child; `builtin` keeps Ereje's (5.76,6.81,7.85,8.90 from 2023; none before, not in the project's sources)";

const ALLOWANCE_SETTINGS: [Setting; 3] = [
    Setting {
        key: "childcare_allowance_mrp.2020",
        default: "builtin",
        allowed: &[],
        doc: ALLOWANCE_DOC,
    },
    Setting {
        key: "childcare_allowance_mrp.2021",
        default: "builtin",
        allowed: &[],
        doc: ALLOWANCE_DOC,
    },
    Setting {
        key: "childcare_allowance_mrp.2022",
        default: "builtin",
        allowed: &[],
        doc: ALLOWANCE_DOC,
    },
];

const READING_SETTINGS: [Setting; 5] = [
    Setting {
        key: "several_payers",
        default: "per_payer",
        allowed: &["per_payer", "per_month"],
        doc: "the 7 МЗП cap of art. 15 p. 5 per payer (the law's text) or per month",
    },
    Setting {
        key: "childcare_floor",
        default: "gross_up",
        allowed: &["gross_up", "plus_pension", "allowance"],
        doc: "childcare floor (art. 24 p. 4): allowance ÷ (1 − ОПВ rate), allowance × (1 + rate), or the allowance",
    },
    Setting {
        key: "participation_cap",
        default: "dated",
        allowed: &[],
        doc: "ceiling of the participation coefficient: `dated` (none to 30.06.2023, 1.3 from 01.07.2023), `none`, or a number ≥ 1",
    },
    Setting {
        key: "seed003.from",
        default: "2016-01-21",
        allowed: &[],
        doc: "first day seed 003 (the Aktobe regulation) applies, YYYY-MM-DD",
    },
    Setting {
        key: "seed003.to",
        default: "2021-04-09",
        allowed: &[],
        doc: "last day seed 003 applies, YYYY-MM-DD, or `open`",
    },
];

/// Every `--set` key of the `social-payment` subject: readings first, then МЗП/МРП by year, then
/// the childcare allowance multiples of 2020–2022 (absent from Ereje's data). (`mzp.YYYY`, `mrp.YYYY` and
/// `childcare_allowance_mrp.YYYY` are accepted for any year 2020–2099; the listed years are the
/// ones a caller is likely to need.)
pub fn settings_catalogue() -> Vec<Setting> {
    READING_SETTINGS
        .iter()
        .chain(YEAR_SETTINGS.iter())
        .chain(ALLOWANCE_SETTINGS.iter())
        .copied()
        .collect()
}

fn parse_date(key: &str, value: &str) -> Result<NaiveDate, SettingError> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| SettingError::Value {
        key: key.to_owned(),
        value: value.to_owned(),
        expected: "a date YYYY-MM-DD",
    })
}

impl Context {
    /// The built-in parameters and the default readings; rules taken at each application's
    /// registration date.
    pub fn new() -> Context {
        Context::default()
    }

    /// Applies one `--set KEY=VALUE` (see [`settings_catalogue`]).
    ///
    /// # Errors
    /// [`SettingError`] for an unknown key or a value the key does not accept.
    ///
    /// # Example
    /// ```
    /// use ereje_social_payment::Context;
    /// let mut ctx = Context::new();
    /// ctx.set("seed003.to", "open")?;
    /// assert_eq!(ctx.readings.seed003.to, None);
    /// assert!(ctx.set("seed003.to", "2021-02-30").is_err());
    /// assert!(ctx.set("nope", "1").is_err());
    /// # Ok::<(), ereje_social_payment::SettingError>(())
    /// ```
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), SettingError> {
        let v = value.trim();
        let bad = |expected| SettingError::Value {
            key: key.to_owned(),
            value: value.to_owned(),
            expected,
        };
        match key {
            "several_payers" => {
                self.readings.several_payers = match v {
                    "per_payer" => SeveralPayers::PerPayer,
                    "per_month" => SeveralPayers::PerMonth,
                    _ => return Err(bad("per_payer or per_month")),
                }
            }
            "childcare_floor" => {
                self.readings.childcare_floor = match v {
                    "gross_up" => ChildcareFloor::GrossUp,
                    "plus_pension" => ChildcareFloor::PlusPension,
                    "allowance" => ChildcareFloor::Allowance,
                    _ => return Err(bad("gross_up, plus_pension or allowance")),
                }
            }
            "participation_cap" => {
                self.readings.participation_cap = match v {
                    "dated" => CapReading::Dated,
                    "none" => CapReading::None,
                    _ => match v.parse::<Decimal>() {
                        Ok(d) if d >= Decimal::ONE => CapReading::Fixed(d),
                        _ => return Err(bad("dated, none or a number ≥ 1")),
                    },
                }
            }
            "seed003.from" => self.readings.seed003.from = parse_date(key, v)?,
            "seed003.to" => {
                self.readings.seed003.to =
                    if v == "open" { None } else { Some(parse_date(key, v)?) }
            }
            _ => {
                let Some((series @ ("mzp" | "mrp" | "childcare_allowance_mrp"), year)) =
                    key.split_once('.')
                else {
                    return Err(SettingError::UnknownKey { key: key.to_owned() });
                };
                let year: i32 =
                    year.parse().map_err(|_| SettingError::UnknownKey { key: key.to_owned() })?;
                if v == "builtin" {
                    if !(2020..=2099).contains(&year) {
                        return Err(bad("a year 2020–2099"));
                    }
                    return Ok(());
                }
                self.params.set_year(series, year, v)?;
            }
        }
        Ok(())
    }

    /// The settings in effect, key by key (for the `--summary` echo): the readings, the seed
    /// window, and the МЗП/МРП of 2020–2027 as in force on 1 July of the year (`unknown` where
    /// there is none; 2020 and 2022 had another МРП from 1 January to 31 March).
    pub fn settings(&self) -> BTreeMap<String, String> {
        let r = &self.readings;
        let mut out = BTreeMap::new();
        let name = |s: &dyn erased::Name| s.name();
        out.insert("several_payers".to_owned(), name(&r.several_payers));
        out.insert("childcare_floor".to_owned(), name(&r.childcare_floor));
        out.insert(
            "participation_cap".to_owned(),
            match r.participation_cap {
                CapReading::Dated => "dated".to_owned(),
                CapReading::None => "none".to_owned(),
                CapReading::Fixed(d) => d.normalize().to_string(),
            },
        );
        out.insert("seed003.from".to_owned(), r.seed003.from.to_string());
        out.insert(
            "seed003.to".to_owned(),
            r.seed003.to.map_or("open".to_owned(), |d| d.to_string()),
        );
        for year in 2020..=2027 {
            let Some(mid) = NaiveDate::from_ymd_opt(year, 7, 1) else { continue };
            for (key, series) in [("mzp", &self.params.mzp), ("mrp", &self.params.mrp)] {
                let shown = series
                    .at(mid)
                    .map_or("unknown".to_owned(), |e| e.value.normalize().to_string());
                out.insert(format!("{key}.{year}"), shown);
            }
        }
        out
    }
}

mod erased {
    use super::{ChildcareFloor, SeveralPayers};

    pub(super) trait Name {
        fn name(&self) -> String;
    }

    impl Name for SeveralPayers {
        fn name(&self) -> String {
            match self {
                SeveralPayers::PerPayer => "per_payer",
                SeveralPayers::PerMonth => "per_month",
            }
            .to_owned()
        }
    }

    impl Name for ChildcareFloor {
        fn name(&self) -> String {
            match self {
                ChildcareFloor::GrossUp => "gross_up",
                ChildcareFloor::PlusPension => "plus_pension",
                ChildcareFloor::Allowance => "allowance",
            }
            .to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogued_setting_accepts_its_default() {
        for s in settings_catalogue() {
            let mut ctx = Context::new();
            ctx.set(s.key, s.default).unwrap_or_else(|e| panic!("{}: {e}", s.key));
            assert_eq!(ctx, Context::new(), "{} default changes nothing", s.key);
            for v in s.allowed {
                Context::new().set(s.key, v).unwrap();
            }
        }
    }

    #[test]
    fn settings_echo() {
        let mut ctx = Context::new();
        ctx.set("mzp.2021", "42500").unwrap();
        ctx.set("participation_cap", "1.25").unwrap();
        let s = ctx.settings();
        assert_eq!(s["mzp.2021"], "42500");
        assert_eq!(s["mzp.2022"], "60000");
        assert_eq!(s["mrp.2022"], "3180"); // the value from 1 April 2022
        assert_eq!(s["mzp.2027"], "unknown");
        assert_eq!(s["mzp.2024"], "85000");
        assert_eq!(s["mrp.2026"], "4325");
        assert_eq!(s["participation_cap"], "1.25");
        assert_eq!(s["seed003.to"], "2021-04-09");
    }

    #[test]
    fn bad_settings() {
        let mut ctx = Context::new();
        for (k, v) in [
            ("participation_cap", "0.9"),
            ("participation_cap", "x"),
            ("childcare_floor", "more"),
            ("seed003.from", "2016-13-01"),
            ("mzp.20x1", "1"),
            ("mzp.2019", "1"),
            ("mzp.2019", "builtin"),
            ("mzp", "1"),
            ("other.2020", "1"),
        ] {
            assert!(ctx.set(k, v).is_err(), "{k}={v}");
        }
    }
}
