//! The register's parameters: the terms the act fixes (constants with their citations) and the
//! documented readings a caller may choose (`--set KEY=VALUE`).

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use ereje_calendar::{Territory, parse_date};

use crate::RegisterError;

/// The term for entering a new worker's data: three working days from the day of hiring (Rules
/// para 8), counted from the day after hiring.
pub const HIRE_TERM_WORKING_DAYS: u32 = 3;

/// The notice before a certificate's validity ends: two months (Rules para 14 sp. 4).
pub const NOTICE_MONTHS: u32 = 2;

/// The certificate's validity is confirmed every five years (Code art. 27 p. 2).
pub const CONFIRMATION_YEARS: u32 = 5;

/// The monthly information reaches the Ministry by this day of the following month (Rules
/// para 6: «есепті айдан кейінгі айдың 10-күніне дейін»).
pub const MONTHLY_REPORT_DAY: u32 = 10;

/// Days from the first official publication of order No. 66 to its entry into force: it is in
/// force «ten calendar days after» the publication day, so on day P + 11.
pub const ENTRY_INTO_FORCE_AFTER_DAYS: u64 = 11;

/// A parameter a caller may set, documented for `--set` and echoed in the run's summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamDoc {
    /// The key, e.g. `change.max_delay_days`.
    pub key: &'static str,
    /// The value used when the key is not set.
    pub default: &'static str,
    /// The accepted values; empty means any value of the documented shape.
    pub allowed: &'static [&'static str],
    /// What the parameter chooses and why the default is what it is.
    pub doc: &'static str,
}

/// The parameters of the `register` subject.
pub static PARAMS: &[ParamDoc] = &[
    ParamDoc {
        key: "order66.publication_date",
        default: "2025-07-21",
        allowed: &[],
        doc: "Date (YYYY-MM-DD) of the first official publication of order No. 66 of 16.07.2025; its wording of paras 6, 8, 9 is in force from the eleventh day after it (P + 11). The default is an ASSUMPTION (signed 16.07.2025; registration and publication usually take a few days; not verified), giving entry into force on 2025-08-01.",
    },
    ParamDoc {
        key: "change.max_delay_days",
        default: "30",
        allowed: &[],
        doc: "Calendar days from a change to its entry beyond which REG-008 warns. Para 9 sets no term; the value is Ereje's, not the act's.",
    },
    ParamDoc {
        key: "report.tenth_inclusive",
        default: "false",
        allowed: &["true", "false"],
        doc: "Whether the monthly information submitted ON the 10th of the following month is on time (para 6: «10-күніне дейін», 'by/before the 10th'). Default false: the strict reading of «дейін»/«до», so the last day is the 9th.",
    },
    ParamDoc {
        key: "quarterly.horizon_months",
        default: "12",
        allowed: &[],
        doc: "How many months after the quarter's end the quarterly report lists upcoming certificate confirmation terms (para 7 names the terms but no horizon).",
    },
    ParamDoc {
        key: "territory",
        default: "astana",
        allowed: &["astana", "aktobe"],
        doc: "Whose local time a date-time without an offset is in (the whole country is UTC+5 since 1 March 2024).",
    },
];

/// The register's parameters, typed. [`Params::default`] gives the documented defaults.
///
/// ```
/// use ereje_register::Params;
/// let p = Params::from_key_value([("change.max_delay_days", "10")])?;
/// assert_eq!(p.change_max_delay_days, 10);
/// assert_eq!(p.in_force().to_string(), "2025-08-01");
/// assert!(Params::from_key_value([("nope", "1")]).is_err());
/// # Ok::<(), ereje_register::RegisterError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    /// The first official publication of order No. 66 (`order66.publication_date`).
    pub publication_date: NaiveDate,
    /// REG-008's limit in calendar days (`change.max_delay_days`).
    pub change_max_delay_days: u32,
    /// Whether the 10th itself is in time for the monthly information (`report.tenth_inclusive`).
    pub report_tenth_inclusive: bool,
    /// Months after a quarter's end listed in its confirmation terms (`quarterly.horizon_months`).
    pub quarterly_horizon_months: u32,
    /// The local time of naive date-times (`territory`).
    pub territory: Territory,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            publication_date: NaiveDate::from_ymd_opt(2025, 7, 21).unwrap_or_default(),
            change_max_delay_days: 30,
            report_tenth_inclusive: false,
            quarterly_horizon_months: 12,
            territory: Territory::Astana,
        }
    }
}

impl Params {
    /// The parameters with `pairs` set over the defaults.
    ///
    /// # Errors
    /// [`RegisterError::UnknownParam`] for a key not in [`PARAMS`], [`RegisterError::Param`] for
    /// a value of the wrong shape.
    ///
    /// # Example
    /// ```
    /// use ereje_register::Params;
    /// let p = Params::from_key_value([("report.tenth_inclusive", "true")])?;
    /// assert!(p.report_tenth_inclusive);
    /// assert!(Params::from_key_value([("report.tenth_inclusive", "yes")]).is_err());
    /// # Ok::<(), ereje_register::RegisterError>(())
    /// ```
    pub fn from_key_value<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Params, RegisterError> {
        let mut p = Params::default();
        for (key, value) in pairs {
            p.set(key.trim(), value.trim())?;
        }
        Ok(p)
    }

    /// Sets one parameter.
    ///
    /// # Errors
    /// As [`Params::from_key_value`].
    ///
    /// # Example
    /// ```
    /// let mut p = ereje_register::Params::default();
    /// p.set("order66.publication_date", "2025-07-25")?;
    /// assert_eq!(p.in_force().to_string(), "2025-08-05");
    /// assert!(p.set("order66.publication_date", "25.07.2025").is_err());
    /// # Ok::<(), ereje_register::RegisterError>(())
    /// ```
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), RegisterError> {
        let bad = |expected: &'static str| RegisterError::Param {
            key: key.to_owned(),
            value: value.to_owned(),
            expected,
        };
        match key {
            "order66.publication_date" => {
                self.publication_date = parse_date(value).map_err(|_| bad("a date YYYY-MM-DD"))?;
            }
            "change.max_delay_days" => {
                self.change_max_delay_days =
                    value.parse().map_err(|_| bad("a whole number of days"))?;
            }
            "report.tenth_inclusive" => {
                self.report_tenth_inclusive = match value {
                    "true" => true,
                    "false" => false,
                    _ => return Err(bad("true or false")),
                };
            }
            "quarterly.horizon_months" => {
                self.quarterly_horizon_months =
                    value.parse().map_err(|_| bad("a whole number of months"))?;
            }
            "territory" => {
                self.territory = match value {
                    "astana" => Territory::Astana,
                    "aktobe" => Territory::Aktobe,
                    _ => return Err(bad("astana or aktobe")),
                };
            }
            _ => {
                return Err(RegisterError::UnknownParam {
                    key: key.to_owned(),
                    known: PARAMS.iter().map(|p| p.key).collect::<Vec<_>>().join(", "),
                });
            }
        }
        Ok(())
    }

    /// The parameters as `key → value`, every key of [`PARAMS`] (for the run's summary).
    ///
    /// # Example
    /// ```
    /// let kv = ereje_register::Params::default().to_key_value();
    /// assert_eq!(kv["report.tenth_inclusive"], "false");
    /// assert_eq!(kv.len(), ereje_register::PARAMS.len());
    /// ```
    pub fn to_key_value(&self) -> BTreeMap<String, String> {
        let mut m = BTreeMap::new();
        m.insert("order66.publication_date".to_owned(), self.publication_date.to_string());
        m.insert("change.max_delay_days".to_owned(), self.change_max_delay_days.to_string());
        m.insert("report.tenth_inclusive".to_owned(), self.report_tenth_inclusive.to_string());
        m.insert("quarterly.horizon_months".to_owned(), self.quarterly_horizon_months.to_string());
        m.insert("territory".to_owned(), self.territory.as_str().to_owned());
        m
    }

    /// The first day of the 2025 wording (paras 1, 2, 6, 8, 9): the publication date + 11 days.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_register::Params::default().in_force().to_string(), "2025-08-01");
    /// ```
    pub fn in_force(&self) -> NaiveDate {
        self.publication_date
            .checked_add_days(Days::new(ENTRY_INTO_FORCE_AFTER_DAYS))
            .unwrap_or(self.publication_date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_agree_with_the_documented_ones() {
        let p = Params::default();
        let kv = p.to_key_value();
        for doc in PARAMS {
            assert_eq!(kv.get(doc.key).map(String::as_str), Some(doc.default), "{}", doc.key);
            assert!(doc.allowed.is_empty() || doc.allowed.contains(&doc.default), "{}", doc.key);
        }
        assert_eq!(Params::from_key_value(PARAMS.iter().map(|d| (d.key, d.default))).unwrap(), p);
    }

    #[test]
    fn every_key_round_trips() {
        let p = Params::from_key_value([
            ("order66.publication_date", "2025-07-30"),
            ("change.max_delay_days", "7"),
            ("report.tenth_inclusive", "true"),
            ("quarterly.horizon_months", "6"),
            ("territory", "aktobe"),
        ])
        .unwrap();
        let kv = p.to_key_value();
        let back =
            Params::from_key_value(kv.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap();
        assert_eq!(back, p);
        assert_eq!(p.in_force().to_string(), "2025-08-10");
    }

    #[test]
    fn bad_values_name_the_key() {
        for (k, v) in [
            ("change.max_delay_days", "-1"),
            ("quarterly.horizon_months", "x"),
            ("territory", "almaty"),
            ("order66.publication_date", "2025-02-30"),
        ] {
            let e = Params::from_key_value([(k, v)]).unwrap_err();
            assert!(e.to_string().contains(k), "{e}");
        }
    }
}
