//! The social risks the State Social Insurance Fund pays for, and their names in three languages.

use std::fmt;
use std::str::FromStr;

use ereje_findings::Text;
use serde::{Deserialize, Serialize};

/// A social risk (социальный риск / әлеуметтік тәуекел) of Law No. 286-VI of 26.12.2019, art. 1
/// sp. 8: the event after which a participant (or, on death, the dependants) has a right to a
/// payment from the Fund. Maternity and adoption are one article (art. 23) but two risks, as in
/// the title of seed 003.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    /// Loss of working capacity (утрата трудоспособности), art. 20.
    LossOfWorkingCapacity,
    /// Loss of breadwinner (потеря кормильца), art. 21.
    LossOfBreadwinner,
    /// Job loss (потеря работы), art. 22.
    JobLoss,
    /// Loss of income due to pregnancy and childbirth (беременность и роды), art. 23.
    Maternity,
    /// Loss of income due to adoption of a newborn (усыновление новорожденного), art. 23.
    Adoption,
    /// Loss of income due to caring for a child until 1 (to 2022) or 1.5 years (from 2023), art. 24.
    Childcare,
}

/// A string that is not the name of a risk.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown risk `{0}`")]
pub struct RiskError(pub String);

impl Risk {
    /// Every risk, in the order of the law's articles.
    pub const ALL: [Risk; 6] = [
        Risk::LossOfWorkingCapacity,
        Risk::LossOfBreadwinner,
        Risk::JobLoss,
        Risk::Maternity,
        Risk::Adoption,
        Risk::Childcare,
    ];

    /// The name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::LossOfWorkingCapacity => "loss_of_working_capacity",
            Risk::LossOfBreadwinner => "loss_of_breadwinner",
            Risk::JobLoss => "job_loss",
            Risk::Maternity => "maternity",
            Risk::Adoption => "adoption",
            Risk::Childcare => "childcare",
        }
    }

    /// The risk's name in the three languages (the law's and seed 003's wording).
    pub fn name(self) -> Text {
        match self {
            Risk::LossOfWorkingCapacity => Text {
                ru: "утрата трудоспособности",
                kk: "еңбек ету қабілетінен айырылу",
                en: "loss of working capacity",
            },
            Risk::LossOfBreadwinner => Text {
                ru: "потеря кормильца",
                kk: "асыраушысынан айырылу",
                en: "loss of breadwinner",
            },
            Risk::JobLoss => Text {
                ru: "потеря работы", kk: "жұмысынан айырылу", en: "job loss"
            },
            Risk::Maternity => Text {
                ru: "потеря дохода в связи с беременностью и родами",
                kk: "жүкті болу мен босануға байланысты табысынан айырылу",
                en: "loss of income due to pregnancy and childbirth",
            },
            Risk::Adoption => Text {
                ru: "потеря дохода в связи с усыновлением (удочерением) новорожденного ребенка",
                kk: "жаңа туған баланы асырап алуға байланысты табысынан айырылу",
                en: "loss of income due to adoption of a newborn",
            },
            Risk::Childcare => Text {
                ru: "потеря дохода в связи с уходом за ребенком",
                kk: "бала күтіміне байланысты табысынан айырылу",
                en: "loss of income due to childcare",
            },
        }
    }

    /// The article of Law No. 286-VI that sets the payment.
    pub fn article(self) -> &'static str {
        match self {
            Risk::LossOfWorkingCapacity => "art. 20",
            Risk::LossOfBreadwinner => "art. 21",
            Risk::JobLoss => "art. 22",
            Risk::Maternity | Risk::Adoption => "art. 23",
            Risk::Childcare => "art. 24",
        }
    }

    /// Every name, comma-separated (for messages).
    pub fn names() -> String {
        Risk::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", ")
    }
}

impl fmt::Display for Risk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Risk {
    type Err = RiskError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Risk::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| RiskError(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in Risk::ALL {
            assert_eq!(r.as_str().parse::<Risk>(), Ok(r));
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{}\"", r.as_str()));
            assert!(!r.name().kk.is_empty());
        }
        assert!("disability".parse::<Risk>().is_err());
    }
}
