//! The documented readings and parameters of subject `mse` (`--set KEY=VALUE`): a typed struct,
//! its parsing from key/value pairs, and the list of keys with their defaults and documentation.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::MseError;

/// How the launch schedule (Appendix 1 to the order) is read: see `docs/mse.md`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScheduleReading {
    /// The dates belong to the rows of the merged table: June for rows 1–10 (the Committee's
    /// territorial departments and the regions of rows 2–10), July for rows 11–12 (Mangystau,
    /// Kostanay), August for rows 13–21. The footnotes explain which MIS those regions use.
    /// Keyed on the organisation's region. The default.
    #[default]
    ByRegion,
    /// The footnotes decide: June for every organisation, July for those on the systems of ТОО
    /// «ЦИТ "ДАМУ"», August for those on ТОО «Жетысу», «Надежда», «Infomed Kazakhstan», «МИС
    /// Авиценна». Keyed on the organisation's MIS.
    ByMisVendor,
}

impl ScheduleReading {
    /// The name: `by-region` or `by-mis-vendor`.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::ScheduleReading::default().name(), "by-region");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ScheduleReading::ByRegion => "by-region",
            ScheduleReading::ByMisVendor => "by-mis-vendor",
        }
    }
}

impl fmt::Display for ScheduleReading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which region an «extraterritorial» expert (Algorithm para 7) may not come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extraterritorial {
    /// Neither the patient's region of residence nor the organisation's region. The default.
    #[default]
    Both,
    /// Not the patient's region of residence.
    PatientRegion,
    /// Not the medical organisation's region.
    OrganisationRegion,
}

impl Extraterritorial {
    /// The name used with `--set`.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::Extraterritorial::default().name(), "both");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Extraterritorial::Both => "both",
            Extraterritorial::PatientRegion => "patient-region",
            Extraterritorial::OrganisationRegion => "organisation-region",
        }
    }
}

/// How the automatic distribution (Algorithm para 7) picks one expert among the eligible ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Policy {
    /// The expert with the fewest open draft acts; ties go to the first in register order. The
    /// default.
    #[default]
    LeastLoaded,
    /// The next eligible expert after the last one assigned, in register order, wrapping around.
    RoundRobin,
}

impl Policy {
    /// The name used with `--set`.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::Policy::default().name(), "least-loaded");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Policy::LeastLoaded => "least-loaded",
            Policy::RoundRobin => "round-robin",
        }
    }
}

/// The default first official publication date of the joint order, **an assumption**: the text
/// does not give it and it was not found. The last minister signed on 11 June 2025 (MoH No. 56)
/// and para 6 sub-para 1) allows five calendar days to send the order for publication; the
/// default takes the last of those days, 16 June 2025, so that the order is in force from
/// 27 June 2025 and the June wave exists. Answers say when this default is used.
pub const DEFAULT_PUBLICATION: NaiveDate = match NaiveDate::from_ymd_opt(2025, 6, 16) {
    Some(d) => d,
    None => panic!("a valid constant date"),
};

/// The parameters in effect for a check (`--set KEY=VALUE`); [`Params::default`] gives the
/// documented defaults ([`PARAMS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Params {
    /// `schedule.reading`.
    pub reading: ScheduleReading,
    /// `order.published`: the first official publication date of the joint order.
    pub publication: NaiveDate,
    /// True while `order.published` is the built-in assumption, not a value set by the caller.
    pub publication_assumed: bool,
    /// `pilot.end_inclusive`: whether the day twelve months after the start is still inside.
    pub end_inclusive: bool,
    /// `distribution.exclude`.
    pub exclude: Extraterritorial,
    /// `distribution.policy`.
    pub policy: Policy,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            reading: ScheduleReading::default(),
            publication: DEFAULT_PUBLICATION,
            publication_assumed: true,
            end_inclusive: false,
            exclude: Extraterritorial::default(),
            policy: Policy::default(),
        }
    }
}

/// One documented parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ParamDoc {
    /// The key.
    pub key: &'static str,
    /// The default value.
    pub default: &'static str,
    /// The accepted values; empty for a date.
    pub allowed: &'static [&'static str],
    /// What it chooses.
    pub doc: &'static str,
}

/// Every parameter of subject `mse`, with its default and documentation.
pub static PARAMS: &[ParamDoc] = &[
    ParamDoc {
        key: "schedule.reading",
        default: "by-region",
        allowed: &["by-region", "by-mis-vendor"],
        doc: "How Appendix 1 to the order (launch schedule) is read: by the rows of the merged table (organisation's region) or by the footnotes' MIS vendors (organisation's MIS). docs/mse.md, «The launch schedule».",
    },
    ParamDoc {
        key: "order.published",
        default: "2025-06-16",
        allowed: &[],
        doc: "First official publication of the joint order (YYYY-MM-DD); it takes effect on the 11th day after it (para 8) and runs twelve months. The default is an ASSUMPTION (signature 11.06.2025 + the 5 days of para 6 1)), reported in every answer.",
    },
    ParamDoc {
        key: "pilot.end_inclusive",
        default: "false",
        allowed: &["false", "true"],
        doc: "Whether the day twelve months after the start (same date) is still inside the pilot: false → the last day is the day before it.",
    },
    ParamDoc {
        key: "distribution.exclude",
        default: "both",
        allowed: &["both", "patient-region", "organisation-region"],
        doc: "Which region an extraterritorial expert (Algorithm para 7) may not come from.",
    },
    ParamDoc {
        key: "distribution.policy",
        default: "least-loaded",
        allowed: &["least-loaded", "round-robin"],
        doc: "How one expert is chosen among the eligible ones (Algorithm para 7 says only «automatically»).",
    },
];

fn bad(key: &str, value: &str, expected: &str) -> MseError {
    MseError::ParameterValue {
        key: key.to_owned(),
        value: value.to_owned(),
        expected: expected.to_owned(),
    }
}

impl Params {
    /// Sets one parameter from its key and text value.
    ///
    /// # Errors
    /// [`MseError::UnknownParameter`] for a key not in [`PARAMS`]; [`MseError::ParameterValue`]
    /// for a value it does not accept.
    ///
    /// # Example
    /// ```
    /// let mut p = ereje_mse::Params::default();
    /// p.set("schedule.reading", "by-mis-vendor")?;
    /// assert_eq!(p.reading.name(), "by-mis-vendor");
    /// assert!(p.set("schedule.reading", "by-moon").is_err());
    /// assert!(p.set("nope", "1").is_err());
    /// # Ok::<(), ereje_mse::MseError>(())
    /// ```
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), MseError> {
        let (key, value) = (key.trim(), value.trim());
        let allowed = |k: &str| {
            PARAMS.iter().find(|p| p.key == k).map(|p| p.allowed.join(", ")).unwrap_or_default()
        };
        match key {
            "schedule.reading" => {
                self.reading = match value {
                    "by-region" => ScheduleReading::ByRegion,
                    "by-mis-vendor" => ScheduleReading::ByMisVendor,
                    _ => return Err(bad(key, value, &allowed(key))),
                }
            }
            "order.published" => {
                self.publication = ereje_calendar::parse_date(value)
                    .map_err(|_| bad(key, value, "a date YYYY-MM-DD"))?;
                self.publication_assumed = false;
            }
            "pilot.end_inclusive" => {
                self.end_inclusive = match value {
                    "true" => true,
                    "false" => false,
                    _ => return Err(bad(key, value, &allowed(key))),
                }
            }
            "distribution.exclude" => {
                self.exclude = match value {
                    "both" => Extraterritorial::Both,
                    "patient-region" => Extraterritorial::PatientRegion,
                    "organisation-region" => Extraterritorial::OrganisationRegion,
                    _ => return Err(bad(key, value, &allowed(key))),
                }
            }
            "distribution.policy" => {
                self.policy = match value {
                    "least-loaded" => Policy::LeastLoaded,
                    "round-robin" => Policy::RoundRobin,
                    _ => return Err(bad(key, value, &allowed(key))),
                }
            }
            _ => {
                return Err(MseError::UnknownParameter {
                    key: key.to_owned(),
                    known: PARAMS.iter().map(|p| p.key).collect::<Vec<_>>().join(", "),
                });
            }
        }
        Ok(())
    }

    /// The defaults with the given `(key, value)` pairs applied in order.
    ///
    /// # Errors
    /// As [`Params::set`], for the first pair that cannot be taken.
    ///
    /// # Example
    /// ```
    /// use ereje_mse::Params;
    /// let p = Params::from_key_value([("order.published", "2025-06-20")])?;
    /// assert_eq!(p.publication.to_string(), "2025-06-20");
    /// assert!(!p.publication_assumed);
    /// assert!(Params::from_key_value([("order.published", "20.06.2025")]).is_err());
    /// # Ok::<(), ereje_mse::MseError>(())
    /// ```
    pub fn from_key_value<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<Params, MseError> {
        let mut p = Params::default();
        for (k, v) in pairs {
            p.set(k.as_ref(), v.as_ref())?;
        }
        Ok(p)
    }

    /// The parameters in effect as `(key, value)` pairs in the order of [`PARAMS`], for the
    /// `--summary` echo.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let echo = ereje_mse::Params::default().to_key_value();
    /// assert_eq!(echo[0], ("schedule.reading", "by-region".to_owned()));
    /// ```
    pub fn to_key_value(&self) -> Vec<(&'static str, String)> {
        vec![
            ("schedule.reading", self.reading.name().to_owned()),
            ("order.published", self.publication.to_string()),
            ("pilot.end_inclusive", self.end_inclusive.to_string()),
            ("distribution.exclude", self.exclude.name().to_owned()),
            ("distribution.policy", self.policy.name().to_owned()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_documented_list() {
        let echo = Params::default().to_key_value();
        assert_eq!(echo.len(), PARAMS.len());
        for ((key, value), doc) in echo.iter().zip(PARAMS) {
            assert_eq!((*key, value.as_str()), (doc.key, doc.default));
            assert!(doc.allowed.is_empty() || doc.allowed.contains(&doc.default), "{key}");
            // every allowed value is accepted, and echoes back as itself
            for v in doc.allowed {
                let p = Params::from_key_value([(doc.key, *v)]).unwrap_or_else(|e| panic!("{e}"));
                assert!(p.to_key_value().contains(&(doc.key, (*v).to_owned())));
            }
        }
        assert!(Params::default().publication_assumed);
    }

    #[test]
    fn errors_name_the_key_and_what_is_expected() {
        let e = Params::from_key_value([("pilot.end_inclusive", "yes")]).unwrap_err();
        assert_eq!(e.to_string(), "parameter pilot.end_inclusive=yes: expected false, true");
        let e = Params::from_key_value([("order.published", "2025-02-30")]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "parameter order.published=2025-02-30: expected a date YYYY-MM-DD"
        );
        assert!(matches!(
            Params::from_key_value([("schedule", "by-region")]),
            Err(MseError::UnknownParameter { .. })
        ));
    }
}
