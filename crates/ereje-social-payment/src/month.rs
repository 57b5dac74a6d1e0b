//! A calendar month (`YYYY-MM`): the unit of social contributions and of the income window.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month, written `YYYY-MM` (four-digit year 1900–2199, two-digit month).
///
/// Social contributions are paid per month (Law No. 286-VI, art. 15 p. 5: "ежемесячный объект
/// исчисления"), and the average monthly income is taken over whole calendar months (art. 20 p. 4).
///
/// # Example
/// ```
/// use ereje_social_payment::Month;
/// let m: Month = "2024-03".parse()?;
/// assert_eq!(m.pred().to_string(), "2024-02");
/// assert!("2024-3".parse::<Month>().is_err());
/// # Ok::<(), ereje_social_payment::MonthError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

/// A string that is not a month `YYYY-MM`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a month YYYY-MM (year 1900-2199), found `{0}`")]
pub struct MonthError(pub String);

impl Month {
    /// The month `year`-`month`.
    ///
    /// # Errors
    /// [`MonthError`] when the month is not 1–12 or the year is outside 1900–2199.
    ///
    /// # Example
    /// ```
    /// use ereje_social_payment::Month;
    /// assert!(Month::new(2024, 12).is_ok());
    /// assert!(Month::new(2024, 13).is_err());
    /// ```
    pub fn new(year: i32, month: u32) -> Result<Month, MonthError> {
        if (1900..=2199).contains(&year) && (1..=12).contains(&month) {
            Ok(Month { year, month })
        } else {
            Err(MonthError(format!("{year:04}-{month:02}")))
        }
    }

    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> Month {
        Month { year: date.year(), month: date.month() }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month number, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        // Always valid: the month is 1–12 and the year within chrono's range by construction.
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The month before.
    pub fn pred(self) -> Month {
        if self.month == 1 {
            Month { year: self.year - 1, month: 12 }
        } else {
            Month { year: self.year, month: self.month - 1 }
        }
    }

    /// The month after.
    pub fn succ(self) -> Month {
        if self.month == 12 {
            Month { year: self.year + 1, month: 1 }
        } else {
            Month { year: self.year, month: self.month + 1 }
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = MonthError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        let ok = b.len() == 7
            && b[4] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit());
        if !ok {
            return Err(MonthError(s.to_owned()));
        }
        let year: i32 = s[0..4].parse().map_err(|_| MonthError(s.to_owned()))?;
        let month: u32 = s[5..7].parse().map_err(|_| MonthError(s.to_owned()))?;
        Month::new(year, month).map_err(|_| MonthError(s.to_owned()))
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print() {
        for (input, ok) in [
            ("2024-01", true),
            ("2024-12", true),
            ("1900-01", true),
            ("2024-00", false),
            ("2024-13", false),
            ("2024-1", false),
            ("24-01", false),
            ("2024/01", false),
            ("２０２４-01", false),
            ("1899-12", false),
            ("", false),
        ] {
            let parsed = input.parse::<Month>();
            assert_eq!(parsed.is_ok(), ok, "{input}");
            if let Ok(m) = parsed {
                assert_eq!(m.to_string(), input);
            }
        }
    }

    #[test]
    fn pred_and_succ_cross_years() {
        let jan = Month::new(2024, 1).unwrap();
        assert_eq!(jan.pred(), Month::new(2023, 12).unwrap());
        assert_eq!(jan.pred().succ(), jan);
        assert_eq!(Month::of(NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()).to_string(), "2026-03");
        assert_eq!(jan.first_day(), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    }

    #[test]
    fn serde_as_string() {
        let m: Month = serde_json::from_str("\"2025-07\"").unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"2025-07\"");
        assert!(serde_json::from_str::<Month>("\"2025-7\"").is_err());
    }
}
