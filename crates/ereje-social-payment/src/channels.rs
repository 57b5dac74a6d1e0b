//! Where an application for a payment may be submitted: which channel accepts which risk, under
//! which condition.
//!
//! Three tables:
//! - [`SEED_003`]: para 1 of seed `003_*.txt`, the **regional** regulation of the service for
//!   Aktobe city and districts (resting on the service standard of order No. 279 as amended by
//!   order No. 68 of 21.01.2016). It is an act with a territory ([`in_seed_territory`]) and an
//!   effective window ([`SeedWindow`], a documented parameter: the text carries no dates of its
//!   own). Where it applies, a channel it does not list is an error.
//! - [`LAW_2019`]: Law No. 286-VI of 26.12.2019, art. 12 p. 1 (and art. 19 p. 1 part 2 for the
//!   proactive service), 01.01.2020–30.06.2023.
//! - [`SOCIAL_CODE`]: from 01.07.2023, the channels the Fund's and egov pages give
//!   (`docs/domain/social-payments.md` §1, medium).
//!
//! Outside the seed's territory and window the national table is used, and only for warnings.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::params::{LAW_2019_END, LAW_2019_START, SOCIAL_CODE_START, date};
use crate::risk::Risk;

/// A channel through which an application is submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The State Corporation «Правительство для граждан» (ЦОН; Мемлекеттік корпорация).
    StateCorporation,
    /// The employment office: the seed's «жұмыспен қамту және әлеуметтік бағдарламалар бөлімі»
    /// (department of employment and social programmes), the law's «центр занятости населения»
    /// (career centre).
    EmploymentOffice,
    /// A unit of medical and social expertise (подразделение МСЭ; МӘС бөлімшесі).
    MseUnit,
    /// The e-government portal www.egov.kz.
    EgovPortal,
    /// The portal «Электронная биржа труда» (enbek.kz).
    EnbekPortal,
    /// The proactive service: the applicant's consent, no application (art. 19 p. 1 part 2, p. 8).
    Proactive,
}

/// A string that is not the name of a channel.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown channel `{0}`")]
pub struct ChannelError(pub String);

impl Channel {
    /// Every channel.
    pub const ALL: [Channel; 6] = [
        Channel::StateCorporation,
        Channel::EmploymentOffice,
        Channel::MseUnit,
        Channel::EgovPortal,
        Channel::EnbekPortal,
        Channel::Proactive,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::StateCorporation => "state_corporation",
            Channel::EmploymentOffice => "employment_office",
            Channel::MseUnit => "mse_unit",
            Channel::EgovPortal => "egov_portal",
            Channel::EnbekPortal => "enbek_portal",
            Channel::Proactive => "proactive",
        }
    }

    /// Every name, comma-separated (for messages).
    pub fn names() -> String {
        Channel::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Channel {
    type Err = ChannelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s).ok_or_else(|| ChannelError(s.to_owned()))
    }
}

/// A condition under which a channel accepts a risk, stated on a field of the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The degree of loss of working capacity is already set at application (not a first setting):
    /// `degree_first_set = false`.
    DegreeAlreadySet,
    /// The general degree of loss is set for the first time: `degree_first_set = true`.
    DegreeFirstSet,
    /// The applicant is registered as unemployed (holds the certificate, or receives the status):
    /// `unemployed_registered = true`.
    UnemployedRegistered,
}

impl Condition {
    /// The application field the condition is stated on.
    pub fn field(self) -> &'static str {
        match self {
            Condition::DegreeAlreadySet | Condition::DegreeFirstSet => "degree_first_set",
            Condition::UnemployedRegistered => "unemployed_registered",
        }
    }

    /// The value the field must have.
    pub fn expected(self) -> bool {
        match self {
            Condition::DegreeAlreadySet => false,
            Condition::DegreeFirstSet | Condition::UnemployedRegistered => true,
        }
    }

    /// Whether the facts meet the condition: `None` when the field is not given.
    pub fn holds(self, facts: &Facts) -> Option<bool> {
        let value = match self {
            Condition::DegreeAlreadySet | Condition::DegreeFirstSet => facts.degree_first_set,
            Condition::UnemployedRegistered => facts.unemployed_registered,
        };
        value.map(|v| v == self.expected())
    }
}

/// One line of a channel table: `channel` accepts `risk` (under `condition`, if any).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acceptance {
    /// The risk.
    pub risk: Risk,
    /// The channel.
    pub channel: Channel,
    /// The condition, if any.
    pub condition: Option<Condition>,
    /// Where the table says so.
    pub citation: &'static str,
}

/// The facts of an application a channel's condition looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    /// Whether the degree of loss of working capacity was set for the first time.
    pub degree_first_set: Option<bool>,
    /// Whether the applicant is registered as unemployed.
    pub unemployed_registered: Option<bool>,
}

/// What a table says of a risk submitted through a channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The channel accepts the risk (its condition holds, or is not given and so not judged).
    Accepted,
    /// The channel does not accept the risk; these channels do.
    NotListed {
        /// The channels that accept the risk.
        allowed: Vec<Channel>,
    },
    /// The channel accepts the risk only under a condition the application does not meet.
    ConditionNotMet(Condition),
}

/// Judges `channel` for `risk` against a table.
///
/// # Example
/// ```
/// use ereje_social_payment::channels::{judge, Facts, Verdict, Condition, Channel, SEED_003};
/// use ereje_social_payment::Risk;
/// let no_status = Facts { unemployed_registered: Some(false), ..Facts::default() };
/// assert_eq!(judge(SEED_003, Risk::JobLoss, Channel::EgovPortal, &no_status), Verdict::Accepted);
/// assert_eq!(
///     judge(SEED_003, Risk::JobLoss, Channel::StateCorporation, &no_status),
///     Verdict::ConditionNotMet(Condition::UnemployedRegistered)
/// );
/// assert!(matches!(judge(SEED_003, Risk::Maternity, Channel::EgovPortal, &no_status), Verdict::NotListed { .. }));
/// ```
pub fn judge(table: &[Acceptance], risk: Risk, channel: Channel, facts: &Facts) -> Verdict {
    let mut failed = None;
    let mut listed = false;
    for a in table.iter().filter(|a| a.risk == risk && a.channel == channel) {
        listed = true;
        match a.condition {
            None => return Verdict::Accepted,
            Some(c) => match c.holds(facts) {
                Some(true) | None => return Verdict::Accepted,
                Some(false) => failed = failed.or(Some(c)),
            },
        }
    }
    match failed {
        Some(c) if listed => Verdict::ConditionNotMet(c),
        _ => Verdict::NotListed { allowed: allowed(table, risk) },
    }
}

/// The channels a table lists for `risk`, in the order of [`Channel::ALL`].
pub fn allowed(table: &[Acceptance], risk: Risk) -> Vec<Channel> {
    Channel::ALL
        .into_iter()
        .filter(|c| table.iter().any(|a| a.risk == risk && a.channel == *c))
        .collect()
}

const S1: &str = "seed 003, para 1 part 2 sub-para 1) (the State Corporation)";
const S2: &str =
    "seed 003, para 1 part 2 sub-para 2) (the employment departments of Aktobe city and districts)";
const S3: &str = "seed 003, para 1 part 2 sub-para 3) (the МСЭ units)";
const S4: &str = "seed 003, para 1 part 2 sub-para 4) (the egov portal)";

const fn acc(
    risk: Risk,
    channel: Channel,
    condition: Option<Condition>,
    citation: &'static str,
) -> Acceptance {
    Acceptance { risk, channel, condition, citation }
}

/// Seed 003, para 1: the State Corporation accepts every risk (loss of working capacity only if
/// the degree is already set at application; job loss only with the certificate of registration
/// as unemployed); the employment departments accept job loss on receiving the unemployed
/// status; the МСЭ units accept loss of working capacity when the general degree is first set;
/// the portal accepts job loss and childcare.
pub static SEED_003: &[Acceptance] = &[
    acc(
        Risk::LossOfWorkingCapacity,
        Channel::StateCorporation,
        Some(Condition::DegreeAlreadySet),
        S1,
    ),
    acc(Risk::LossOfBreadwinner, Channel::StateCorporation, None, S1),
    acc(Risk::JobLoss, Channel::StateCorporation, Some(Condition::UnemployedRegistered), S1),
    acc(Risk::Maternity, Channel::StateCorporation, None, S1),
    acc(Risk::Adoption, Channel::StateCorporation, None, S1),
    acc(Risk::Childcare, Channel::StateCorporation, None, S1),
    acc(Risk::JobLoss, Channel::EmploymentOffice, Some(Condition::UnemployedRegistered), S2),
    acc(Risk::LossOfWorkingCapacity, Channel::MseUnit, Some(Condition::DegreeFirstSet), S3),
    acc(Risk::JobLoss, Channel::EgovPortal, None, S4),
    acc(Risk::Childcare, Channel::EgovPortal, None, S4),
];

const L1: &str = "Law No. 286-VI of 26.12.2019, art. 12 p. 1 sp. 1) (loss of working capacity: МСЭ unit at the first setting; State Corporation when the degree is set at application)";
const L2: &str = "Law No. 286-VI, art. 12 p. 1 sp. 2) (loss of breadwinner: State Corporation)";
const L3: &str = "Law No. 286-VI, art. 12 p. 1 sp. 3) (job loss: State Corporation if registered as unemployed; career centre at registration; egov portal with the registration data; «Электронная биржа труда» at registration there)";
const L4: &str =
    "Law No. 286-VI, art. 12 p. 1 sp. 4) (pregnancy and childbirth, adoption: State Corporation)";
const L41: &str =
    "Law No. 286-VI, art. 12 p. 1 sp. 4-1) (childcare: State Corporation, egov portal)";
const LP: &str = "Law No. 286-VI, art. 19 p. 1 part 2 and p. 8 (assignment through the proactive service, on consent)";

/// Law No. 286-VI, art. 12 p. 1 (edition from 01.01.2023), and the proactive service of art. 19
/// p. 1 part 2 for every risk.
pub static LAW_2019: &[Acceptance] = &[
    acc(Risk::LossOfWorkingCapacity, Channel::MseUnit, Some(Condition::DegreeFirstSet), L1),
    acc(
        Risk::LossOfWorkingCapacity,
        Channel::StateCorporation,
        Some(Condition::DegreeAlreadySet),
        L1,
    ),
    acc(Risk::LossOfBreadwinner, Channel::StateCorporation, None, L2),
    acc(Risk::JobLoss, Channel::StateCorporation, Some(Condition::UnemployedRegistered), L3),
    acc(Risk::JobLoss, Channel::EmploymentOffice, Some(Condition::UnemployedRegistered), L3),
    acc(Risk::JobLoss, Channel::EgovPortal, Some(Condition::UnemployedRegistered), L3),
    acc(Risk::JobLoss, Channel::EnbekPortal, Some(Condition::UnemployedRegistered), L3),
    acc(Risk::Maternity, Channel::StateCorporation, None, L4),
    acc(Risk::Adoption, Channel::StateCorporation, None, L4),
    acc(Risk::Childcare, Channel::StateCorporation, None, L41),
    acc(Risk::Childcare, Channel::EgovPortal, None, L41),
    acc(Risk::LossOfWorkingCapacity, Channel::Proactive, None, LP),
    acc(Risk::LossOfBreadwinner, Channel::Proactive, None, LP),
    acc(Risk::JobLoss, Channel::Proactive, None, LP),
    acc(Risk::Maternity, Channel::Proactive, None, LP),
    acc(Risk::Adoption, Channel::Proactive, None, LP),
    acc(Risk::Childcare, Channel::Proactive, None, LP),
];

const C1: &str = "gfss.kz «on-disability»: the МСЭ unit when the degree is first set, egov.kz, the State Corporation (docs/domain/social-payments.md §1, medium)";
const C3: &str = "gfss.kz job-loss FAQ: the State Corporation if the unemployed status is registered, the career centre, egov.kz, enbek.kz (docs/domain/social-payments.md §1, medium)";
const CL: &str = "Social Code (text not read): the 2019 law's art. 12 p. 1 taken as kept (docs/domain/social-payments.md, medium)";

/// From 01.07.2023: the channels the Fund's pages give for loss of working capacity (adds the
/// egov portal) and job loss; the 2019 law's list for the other risks.
pub static SOCIAL_CODE: &[Acceptance] = &[
    acc(Risk::LossOfWorkingCapacity, Channel::MseUnit, Some(Condition::DegreeFirstSet), C1),
    acc(
        Risk::LossOfWorkingCapacity,
        Channel::StateCorporation,
        Some(Condition::DegreeAlreadySet),
        C1,
    ),
    acc(Risk::LossOfWorkingCapacity, Channel::EgovPortal, None, C1),
    acc(Risk::LossOfBreadwinner, Channel::StateCorporation, None, CL),
    acc(Risk::JobLoss, Channel::StateCorporation, Some(Condition::UnemployedRegistered), C3),
    acc(Risk::JobLoss, Channel::EmploymentOffice, None, C3),
    acc(Risk::JobLoss, Channel::EgovPortal, None, C3),
    acc(Risk::JobLoss, Channel::EnbekPortal, None, C3),
    acc(Risk::Maternity, Channel::StateCorporation, None, CL),
    acc(Risk::Adoption, Channel::StateCorporation, None, CL),
    acc(Risk::Childcare, Channel::StateCorporation, None, CL),
    acc(Risk::Childcare, Channel::EgovPortal, None, CL),
    acc(Risk::LossOfWorkingCapacity, Channel::Proactive, None, CL),
    acc(Risk::LossOfBreadwinner, Channel::Proactive, None, CL),
    acc(Risk::JobLoss, Channel::Proactive, None, CL),
    acc(Risk::Maternity, Channel::Proactive, None, CL),
    acc(Risk::Adoption, Channel::Proactive, None, CL),
    acc(Risk::Childcare, Channel::Proactive, None, CL),
];

/// The national table in force on `date`: [`LAW_2019`] from 01.01.2020 to 30.06.2023,
/// [`SOCIAL_CODE`] from 01.07.2023, none before 2020 (the 2003 law is not modelled).
pub fn national_table(date: NaiveDate) -> Option<&'static [Acceptance]> {
    if date < LAW_2019_START {
        None
    } else if date <= LAW_2019_END {
        Some(LAW_2019)
    } else if date >= SOCIAL_CODE_START {
        Some(SOCIAL_CODE)
    } else {
        None
    }
}

/// The effective window of seed 003 (both ends inclusive; `to: None` is open-ended).
///
/// The seed's text carries no date of adoption or repeal, so the window is a documented
/// parameter (`--set seed003.from=…`, `--set seed003.to=…|open`). Default
/// ([`SeedWindow::DEFAULT`]): from 21.01.2016, the date of order No. 68 amending the standard the
/// seed cites (para 4) — the seed cannot be older (a lower bound; adoption date unknown) — to
/// 09.04.2021, the day before the national regulations and standard No. 279 of its family were
/// repealed (order No. 84 of 25.03.2021, in force 10.04.2021; docs/domain/social-payments.md §0,
/// medium).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SeedWindow {
    /// First day.
    pub from: NaiveDate,
    /// Last day, if any.
    pub to: Option<NaiveDate>,
}

impl SeedWindow {
    /// 21.01.2016 – 09.04.2021 (see the type's documentation).
    pub const DEFAULT: SeedWindow =
        SeedWindow { from: date(2016, 1, 21), to: Some(date(2021, 4, 9)) };

    /// Whether `date` is inside the window.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }
}

impl Default for SeedWindow {
    fn default() -> Self {
        SeedWindow::DEFAULT
    }
}

/// Whether `region` names the seed's territory: Aktobe city and the districts of Aktobe region
/// (para 1 part 2 sub-para 2). Accepted (case-insensitive, anywhere in the value): `aktobe`,
/// `актобе`, `ақтөбе`, `актюбин` (Актюбинская область).
///
/// # Example
/// ```
/// use ereje_social_payment::channels::in_seed_territory;
/// assert!(in_seed_territory("aktobe"));
/// assert!(in_seed_territory("Ақтөбе облысы"));
/// assert!(!in_seed_territory("astana"));
/// ```
pub fn in_seed_territory(region: &str) -> bool {
    let r = region.trim().to_lowercase();
    ["aktobe", "актобе", "ақтөбе", "актюбин"].iter().any(|name| r.contains(name))
}

/// Whether seed 003 governs the channel of an application from `region` on `date`.
pub fn seed_applies(region: Option<&str>, date: NaiveDate, window: &SeedWindow) -> bool {
    region.is_some_and(in_seed_territory) && window.contains(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(first: Option<bool>, unemployed: Option<bool>) -> Facts {
        Facts { degree_first_set: first, unemployed_registered: unemployed }
    }

    #[test]
    fn seed_table_cases() {
        use Channel::*;
        use Risk::*;
        let none = facts(None, None);
        let cases: &[(Risk, Channel, Facts, &str)] = &[
            (LossOfWorkingCapacity, StateCorporation, facts(Some(false), None), "ok"),
            (LossOfWorkingCapacity, StateCorporation, facts(Some(true), None), "cond"),
            (LossOfWorkingCapacity, StateCorporation, none, "ok"),
            (LossOfWorkingCapacity, MseUnit, facts(Some(true), None), "ok"),
            (LossOfWorkingCapacity, MseUnit, facts(Some(false), None), "cond"),
            (LossOfWorkingCapacity, EgovPortal, none, "no"),
            (LossOfBreadwinner, StateCorporation, none, "ok"),
            (LossOfBreadwinner, EgovPortal, none, "no"),
            (JobLoss, StateCorporation, facts(None, Some(true)), "ok"),
            (JobLoss, StateCorporation, facts(None, Some(false)), "cond"),
            (JobLoss, EmploymentOffice, facts(None, Some(true)), "ok"),
            (JobLoss, EmploymentOffice, facts(None, Some(false)), "cond"),
            (JobLoss, EgovPortal, facts(None, Some(false)), "ok"),
            (JobLoss, EnbekPortal, none, "no"),
            (JobLoss, Proactive, none, "no"),
            (Maternity, StateCorporation, none, "ok"),
            (Adoption, EgovPortal, none, "no"),
            (Childcare, EgovPortal, none, "ok"),
            (Childcare, EmploymentOffice, none, "no"),
        ];
        for (risk, channel, f, want) in cases {
            let got = match judge(SEED_003, *risk, *channel, f) {
                Verdict::Accepted => "ok",
                Verdict::NotListed { .. } => "no",
                Verdict::ConditionNotMet(_) => "cond",
            };
            assert_eq!(got, *want, "{risk} via {channel}");
        }
    }

    #[test]
    fn allowed_lists_the_risk_channels() {
        assert_eq!(
            allowed(SEED_003, Risk::JobLoss),
            [Channel::StateCorporation, Channel::EmploymentOffice, Channel::EgovPortal]
        );
        assert_eq!(
            allowed(LAW_2019, Risk::Maternity),
            [Channel::StateCorporation, Channel::Proactive]
        );
    }

    #[test]
    fn tables_by_date() {
        assert!(national_table(date(2019, 12, 31)).is_none());
        assert_eq!(national_table(date(2020, 1, 1)).map(<[_]>::len), Some(LAW_2019.len()));
        assert_eq!(national_table(date(2023, 7, 1)).map(<[_]>::len), Some(SOCIAL_CODE.len()));
    }

    #[test]
    fn seed_territory_and_window() {
        let w = SeedWindow::DEFAULT;
        assert!(seed_applies(Some("Aktobe"), date(2020, 5, 1), &w));
        assert!(seed_applies(Some("Актюбинская область"), date(2016, 1, 21), &w));
        assert!(seed_applies(Some("aktobe"), date(2021, 4, 9), &w));
        assert!(!seed_applies(Some("aktobe"), date(2021, 4, 10), &w));
        assert!(!seed_applies(Some("aktobe"), date(2016, 1, 20), &w));
        assert!(!seed_applies(Some("almaty"), date(2020, 5, 1), &w));
        assert!(!seed_applies(None, date(2020, 5, 1), &w));
        let open = SeedWindow { to: None, ..w };
        assert!(seed_applies(Some("aktobe"), date(2026, 1, 1), &open));
    }

    #[test]
    fn channel_names_round_trip() {
        for c in Channel::ALL {
            assert_eq!(c.as_str().parse::<Channel>(), Ok(c));
        }
        assert!("cон".parse::<Channel>().is_err());
    }
}
