//! The readings and parameters a caller may choose (`ereje-check sick-leave --set KEY=VALUE`):
//! a typed struct, its keys with defaults and documentation, and the conversion from key/value
//! pairs.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Which date of a sheet event is compared with the pilot's window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventDateReading {
    /// The date of the event itself: *issued* → the issue date (item 6); *extended* → the first
    /// day of the last release period (item 29); *closed* → the last day of the last release
    /// period.
    #[default]
    Event,
    /// The issue date (item 6) for every event.
    IssueDate,
}

/// Which return-to-work dates (item 34) are accepted after the last release day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnToWorkReading {
    /// Only the day after the last release day.
    NextDay,
    /// The day after, or the first working day after the last release day when the days
    /// between are days off (by the working-day calendar).
    #[default]
    NextWorkingDay,
}

/// The parameters of the check and of the pilot routing.
///
/// ```
/// use ereje_sick_leave::Params;
/// let p = Params::from_key_value([("pilot.end_inclusive", "true"), ("chain.lookback_days", "90")])?;
/// assert!(p.pilot_end_inclusive);
/// assert_eq!(p.lookback_days, 90);
/// assert!(Params::from_key_value([("pilot.end_inclusive", "yes")]).is_err());
/// # Ok::<(), ereje_sick_leave::ParamError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Params {
    /// `pilot.end_inclusive`: whether 1 April 2024, the day the order's «до 1 апреля 2024 года»
    /// names, is inside the pilot window. Default `false`: «до» read as "until, not including".
    pub pilot_end_inclusive: bool,
    /// `pilot.event_date`: which date of an event is compared with the window.
    pub pilot_event_date: EventDateReading,
    /// `chain.lookback_days`: how many days before a person's latest release day their earlier
    /// sheets are kept for the cross-sheet checks (chains, overlaps).
    pub lookback_days: u32,
    /// `return_to_work`: which return-to-work dates are accepted.
    pub return_to_work: ReturnToWorkReading,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            pilot_end_inclusive: false,
            pilot_event_date: EventDateReading::Event,
            lookback_days: 400,
            return_to_work: ReturnToWorkReading::NextWorkingDay,
        }
    }
}

/// One key of [`Params`]: its default, accepted values and what it chooses (the shape of
/// `ereje_cli::params::ParamSpec`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ParamDoc {
    /// The key.
    pub key: &'static str,
    /// The default value.
    pub default: &'static str,
    /// The accepted values; empty for a number.
    pub allowed: &'static [&'static str],
    /// What it chooses, and where the reading is documented.
    pub doc: &'static str,
}

/// A parameter that cannot be set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamError {
    /// A key [`Params`] does not have.
    #[error("unknown parameter `{key}` (known: {known})")]
    UnknownKey {
        /// The key given.
        key: String,
        /// The known keys.
        known: String,
    },
    /// A value the key does not accept.
    #[error("parameter `{key}`: `{value}` is not {expected}")]
    Value {
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// What is accepted.
        expected: &'static str,
    },
}

impl Params {
    /// The keys, defaults and documentation of every parameter.
    pub const DOCS: &'static [ParamDoc] = &[
        ParamDoc {
            key: "pilot.end_inclusive",
            default: "false",
            allowed: &["true", "false"],
            doc: "whether 1 April 2024 («до 1 апреля 2024 года», joint order No. 160 item 1) is inside the pilot window; docs/sick-leave.md#pilot-routing",
        },
        ParamDoc {
            key: "pilot.event_date",
            default: "event",
            allowed: &["event", "issue_date"],
            doc: "the date compared with the pilot window: `event` (issued: issue date; extended: first day of the last release period; closed: last release day) or `issue_date` for every event; docs/sick-leave.md#pilot-routing",
        },
        ParamDoc {
            key: "chain.lookback_days",
            default: "400",
            allowed: &[],
            doc: "days before a person's latest release day that their earlier sheets are kept for the cross-sheet checks (0–3650); docs/sick-leave.md#across-sheets",
        },
        ParamDoc {
            key: "return_to_work",
            default: "next_working_day",
            allowed: &["next_day", "next_working_day"],
            doc: "return-to-work dates accepted after the last release day: the next day only, or also the first working day after it; docs/sick-leave.md#return-to-work",
        },
    ];

    /// The largest look-back accepted, in days (10 years).
    pub const MAX_LOOKBACK_DAYS: u32 = 3650;

    /// Sets one parameter.
    ///
    /// # Errors
    /// [`ParamError::UnknownKey`] for a key not in [`Params::DOCS`], [`ParamError::Value`] for a
    /// value the key does not accept.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::{Params, ReturnToWorkReading};
    /// let mut p = Params::default();
    /// p.set("return_to_work", "next_day")?;
    /// assert_eq!(p.return_to_work, ReturnToWorkReading::NextDay);
    /// assert!(p.set("no_such_key", "1").is_err());
    /// # Ok::<(), ereje_sick_leave::ParamError>(())
    /// ```
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ParamError> {
        let bad =
            |expected| ParamError::Value { key: key.to_owned(), value: value.to_owned(), expected };
        match key {
            "pilot.end_inclusive" => {
                self.pilot_end_inclusive = match value {
                    "true" => true,
                    "false" => false,
                    _ => return Err(bad("`true` or `false`")),
                }
            }
            "pilot.event_date" => {
                self.pilot_event_date = match value {
                    "event" => EventDateReading::Event,
                    "issue_date" => EventDateReading::IssueDate,
                    _ => return Err(bad("`event` or `issue_date`")),
                }
            }
            "chain.lookback_days" => {
                self.lookback_days = u32::from_str(value)
                    .ok()
                    .filter(|d| *d <= Params::MAX_LOOKBACK_DAYS)
                    .ok_or_else(|| bad("a whole number of days 0–3650"))?;
            }
            "return_to_work" => {
                self.return_to_work = match value {
                    "next_day" => ReturnToWorkReading::NextDay,
                    "next_working_day" => ReturnToWorkReading::NextWorkingDay,
                    _ => return Err(bad("`next_day` or `next_working_day`")),
                }
            }
            _ => {
                return Err(ParamError::UnknownKey {
                    key: key.to_owned(),
                    known: Params::DOCS.iter().map(|d| d.key).collect::<Vec<_>>().join(", "),
                });
            }
        }
        Ok(())
    }

    /// The defaults with the given pairs set, in order.
    ///
    /// # Errors
    /// The first [`ParamError`] of [`Params::set`].
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::Params;
    /// assert_eq!(Params::from_key_value([])?, Params::default());
    /// assert!(Params::from_key_value([("chain.lookback_days", "-1")]).is_err());
    /// # Ok::<(), ereje_sick_leave::ParamError>(())
    /// ```
    pub fn from_key_value<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Params, ParamError> {
        let mut p = Params::default();
        for (k, v) in pairs {
            p.set(k, v)?;
        }
        Ok(p)
    }

    /// Every parameter with its value, for echoing in a summary.
    ///
    /// # Example
    /// ```
    /// let m = ereje_sick_leave::Params::default().to_key_value();
    /// assert_eq!(m["pilot.end_inclusive"], "false");
    /// assert_eq!(m.len(), ereje_sick_leave::Params::DOCS.len());
    /// ```
    pub fn to_key_value(&self) -> BTreeMap<String, String> {
        let event = match self.pilot_event_date {
            EventDateReading::Event => "event",
            EventDateReading::IssueDate => "issue_date",
        };
        let rtw = match self.return_to_work {
            ReturnToWorkReading::NextDay => "next_day",
            ReturnToWorkReading::NextWorkingDay => "next_working_day",
        };
        [
            ("pilot.end_inclusive", self.pilot_end_inclusive.to_string()),
            ("pilot.event_date", event.to_owned()),
            ("chain.lookback_days", self.lookback_days.to_string()),
            ("return_to_work", rtw.to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect()
    }
}

impl fmt::Display for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> =
            self.to_key_value().into_iter().map(|(k, v)| format!("{k}={v}")).collect();
        f.write_str(&parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_docs_and_every_documented_value_is_accepted() {
        let values = Params::default().to_key_value();
        for doc in Params::DOCS {
            assert_eq!(values[doc.key], doc.default, "{}", doc.key);
            for allowed in doc.allowed {
                let p = Params::from_key_value([(doc.key, *allowed)]).unwrap();
                assert_eq!(p.to_key_value()[doc.key], *allowed);
            }
        }
    }

    #[test]
    fn bad_values_are_refused_with_their_key() {
        let e = Params::from_key_value([("chain.lookback_days", "4000")]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "parameter `chain.lookback_days`: `4000` is not a whole number of days 0–3650"
        );
        let e = Params::from_key_value([("pilot.end", "true")]).unwrap_err();
        assert!(
            e.to_string().starts_with("unknown parameter `pilot.end` (known: pilot.end_inclusive")
        );
    }
}
