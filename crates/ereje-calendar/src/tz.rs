//! Dates, date-times and time zones as the regulations read them.
//!
//! A regulation counts terms in the local time of its territory. A date-time without an offset
//! is taken as that local time; one with an RFC 3339 offset is converted to it with the dated
//! rule of Kazakhstan's time zones: the whole country has been on UTC+5 since 00:00 on 1 March
//! 2024 (Government decree of 19.01.2024 No. 20 amending decree of 23.11.2000 No. 1749 «О порядке
//! исчисления времени на территории Республики Казахстан»); before that Astana (with most of the
//! country) was on UTC+6 and the western regions, Aktobe among them, on UTC+5. At 00:00 on
//! 1 March 2024 (UTC+6) Astana's clocks went back to 23:00 on 29 February, so the local hour
//! 23:00–24:00 of 29 February 2024 happened twice in Astana.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};
use serde::{Deserialize, Serialize};

/// A territory whose local time a regulation uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Territory {
    /// Astana (and the former UTC+6 regions): UTC+6 until 29.02.2024 18:00 UTC, UTC+5 since.
    #[default]
    Astana,
    /// Aktobe (a western region): UTC+5 throughout.
    Aktobe,
}

const UTC5: FixedOffset = match FixedOffset::east_opt(5 * 3600) {
    Some(o) => o,
    None => panic!("UTC+5 is a valid offset"),
};
const UTC6: FixedOffset = match FixedOffset::east_opt(6 * 3600) {
    Some(o) => o,
    None => panic!("UTC+6 is a valid offset"),
};

/// The instant the single time zone began: 1 March 2024 00:00 at UTC+6 = 29 February 2024
/// 18:00 UTC.
fn single_zone_utc() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 2, 29).and_then(|d| d.and_hms_opt(18, 0, 0)).unwrap_or_default()
}

/// The first local time of the single zone in Astana: 1 March 2024 00:00.
fn single_zone_local() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 3, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).unwrap_or_default()
}

impl Territory {
    /// Every territory.
    pub const ALL: [Territory; 2] = [Territory::Astana, Territory::Aktobe];

    /// The lowercase name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Territory::Astana => "astana",
            Territory::Aktobe => "aktobe",
        }
    }

    /// The UTC offset in force at the instant `utc` (a UTC date-time).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_calendar::Territory;
    /// let utc = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap().and_hms_opt(17, 59, 59).unwrap();
    /// assert_eq!(Territory::Astana.offset_at_utc(utc).local_minus_utc(), 6 * 3600);
    /// let utc = utc + chrono::TimeDelta::seconds(1);
    /// assert_eq!(Territory::Astana.offset_at_utc(utc).local_minus_utc(), 5 * 3600);
    /// assert_eq!(Territory::Aktobe.offset_at_utc(utc).local_minus_utc(), 5 * 3600);
    /// ```
    pub fn offset_at_utc(self, utc: NaiveDateTime) -> FixedOffset {
        match self {
            Territory::Astana if utc < single_zone_utc() => UTC6,
            Territory::Astana | Territory::Aktobe => UTC5,
        }
    }

    /// The UTC offset of the local time `local`. In Astana the local hour 23:00–24:00 of
    /// 29 February 2024 happened twice; it is read as the earlier one (UTC+6).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_calendar::Territory;
    /// let local = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
    /// assert_eq!(Territory::Astana.offset_at_local(local).local_minus_utc(), 5 * 3600);
    /// ```
    pub fn offset_at_local(self, local: NaiveDateTime) -> FixedOffset {
        match self {
            Territory::Astana if local < single_zone_local() => UTC6,
            Territory::Astana | Territory::Aktobe => UTC5,
        }
    }

    /// The local time of the territory at an instant.
    ///
    /// # Errors
    /// [`DateTimeError::OutOfRange`] at the very ends of chrono's range.
    ///
    /// # Example
    /// ```
    /// use ereje_calendar::Territory;
    /// let t = chrono::DateTime::parse_from_rfc3339("2024-02-29T12:00:00Z").unwrap();
    /// assert_eq!(Territory::Astana.to_local(t).unwrap().to_string(), "2024-02-29 18:00:00");
    /// ```
    pub fn to_local(self, instant: DateTime<FixedOffset>) -> Result<NaiveDateTime, DateTimeError> {
        let utc = instant.naive_utc();
        let offset = self.offset_at_utc(utc);
        utc.checked_add_signed(TimeDelta::seconds(i64::from(offset.local_minus_utc())))
            .ok_or_else(|| DateTimeError::OutOfRange { input: instant.to_rfc3339() })
    }
}

impl fmt::Display for Territory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Territory {
    type Err = DateTimeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Territory::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| DateTimeError::UnknownTerritory { input: s.to_owned() })
    }
}

/// A date, date-time, time or territory that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateTimeError {
    /// The text does not have the expected shape.
    #[error("`{input}` is not {expected}")]
    Format {
        /// The text given.
        input: String,
        /// The shape expected.
        expected: &'static str,
    },
    /// The shape is right but there is no such date (31 April, 29 February 2025).
    #[error("`{input}`: no such date")]
    NoSuchDate {
        /// The text given.
        input: String,
    },
    /// The shape is right but there is no such time of day (24:00, 12:60).
    #[error("`{input}`: no such time of day")]
    NoSuchTime {
        /// The text given.
        input: String,
    },
    /// An offset beyond ±23:59.
    #[error("`{input}`: invalid UTC offset")]
    InvalidOffset {
        /// The text given.
        input: String,
    },
    /// The conversion leaves chrono's range of dates.
    #[error("`{input}` is out of range")]
    OutOfRange {
        /// The text given.
        input: String,
    },
    /// A territory that is not `astana` or `aktobe`.
    #[error("unknown territory `{input}`, expected astana or aktobe")]
    UnknownTerritory {
        /// The text given.
        input: String,
    },
}

const DATE_SHAPE: &str = "a date YYYY-MM-DD";
const DATETIME_SHAPE: &str =
    "a date-time YYYY-MM-DDTHH:MM[:SS] or an RFC 3339 date-time with an offset (Z, +05:00)";
const CUTOFF_SHAPE: &str = "a time HH:MM";

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    s.iter().try_fold(0u32, |acc, &b| acc.checked_mul(10)?.checked_add(u32::from(b - b'0')))
}

/// Parses a date `YYYY-MM-DD` (exactly that shape, ASCII digits).
///
/// # Errors
/// [`DateTimeError::Format`] for another shape, [`DateTimeError::NoSuchDate`] for a date that
/// does not exist.
///
/// # Example
/// ```
/// use ereje_calendar::parse_date;
/// assert_eq!(parse_date("2025-01-03").unwrap().to_string(), "2025-01-03");
/// assert!(parse_date("2025-02-29").is_err());
/// assert!(parse_date("3.1.2025").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate, DateTimeError> {
    let b = s.as_bytes();
    let format = || DateTimeError::Format { input: s.to_owned(), expected: DATE_SHAPE };
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return Err(format());
    }
    let (Some(y), Some(m), Some(d)) =
        (b.get(0..4).and_then(digits), b.get(5..7).and_then(digits), b.get(8..10).and_then(digits))
    else {
        return Err(format());
    };
    let y = i32::try_from(y).map_err(|_| format())?;
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| DateTimeError::NoSuchDate { input: s.to_owned() })
}

/// Parses a cutoff `HH:MM`, meaning `HH:MM:00`.
///
/// # Errors
/// [`DateTimeError::Format`] for another shape, [`DateTimeError::NoSuchTime`] for 24:00 or 12:60.
///
/// # Example
/// ```
/// use ereje_calendar::parse_cutoff;
/// assert_eq!(parse_cutoff("16:00").unwrap().to_string(), "16:00:00");
/// assert!(parse_cutoff("16:00:00").is_err());
/// assert!(parse_cutoff("24:00").is_err());
/// ```
pub fn parse_cutoff(s: &str) -> Result<NaiveTime, DateTimeError> {
    let b = s.as_bytes();
    let format = || DateTimeError::Format { input: s.to_owned(), expected: CUTOFF_SHAPE };
    if b.len() != 5 || b.get(2) != Some(&b':') {
        return Err(format());
    }
    let (Some(h), Some(m)) = (b.get(0..2).and_then(digits), b.get(3..5).and_then(digits)) else {
        return Err(format());
    };
    NaiveTime::from_hms_opt(h, m, 0)
        .ok_or_else(|| DateTimeError::NoSuchTime { input: s.to_owned() })
}

/// Parses a date-time into the local time of `territory`.
///
/// Accepted: `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, read as the territory's local time;
/// or the same followed by an RFC 3339 offset (`Z` or `±HH:MM`, fractional seconds allowed),
/// converted to the territory's local time with the dated rule (see the module documentation).
///
/// # Errors
/// [`DateTimeError`]: a wrong shape, a date or time of day that does not exist, an offset beyond
/// ±23:59.
///
/// # Example
/// ```
/// use ereje_calendar::{Territory, parse_datetime};
/// let t = parse_datetime("2024-01-10T15:30", Territory::Astana).unwrap();
/// assert_eq!(t.to_string(), "2024-01-10 15:30:00");
/// // 10:00 UTC is 16:00 in Astana before 1 March 2024, 15:00 after it.
/// let t = parse_datetime("2024-02-01T10:00:00Z", Territory::Astana).unwrap();
/// assert_eq!(t.to_string(), "2024-02-01 16:00:00");
/// let t = parse_datetime("2024-03-01T10:00:00Z", Territory::Astana).unwrap();
/// assert_eq!(t.to_string(), "2024-03-01 15:00:00");
/// assert!(parse_datetime("2024-03-01 10:00", Territory::Astana).is_err());
/// ```
pub fn parse_datetime(s: &str, territory: Territory) -> Result<NaiveDateTime, DateTimeError> {
    let format = || DateTimeError::Format { input: s.to_owned(), expected: DATETIME_SHAPE };
    let b = s.as_bytes();
    // Split off an offset: `Z`, or `±HH:MM` after the time.
    let (body, offset) = if let Some(body) = s.strip_suffix(['Z', 'z']) {
        (body, Some(0i32))
    } else if b.len() >= 16 + 6
        && matches!(b.get(b.len() - 6), Some(b'+' | b'-'))
        && b.get(b.len() - 3) == Some(&b':')
    {
        let at = b.len() - 6;
        let sign = if b.get(at) == Some(&b'-') { -1 } else { 1 };
        let (Some(h), Some(m)) =
            (b.get(at + 1..at + 3).and_then(digits), b.get(at + 4..at + 6).and_then(digits))
        else {
            return Err(format());
        };
        if h > 23 || m > 59 {
            return Err(DateTimeError::InvalidOffset { input: s.to_owned() });
        }
        let secs = i32::try_from(h * 3600 + m * 60).map_err(|_| format())?;
        (s.get(..at).ok_or_else(format)?, Some(sign * secs))
    } else {
        (s, None)
    };
    let local = parse_naive(body, offset.is_some()).map_err(|e| match e {
        NaiveError::Format => format(),
        NaiveError::Date => DateTimeError::NoSuchDate { input: s.to_owned() },
        NaiveError::Time => DateTimeError::NoSuchTime { input: s.to_owned() },
    })?;
    match offset {
        None => Ok(local),
        Some(secs) => {
            let offset = FixedOffset::east_opt(secs)
                .ok_or_else(|| DateTimeError::InvalidOffset { input: s.to_owned() })?;
            let instant = local
                .and_local_timezone(offset)
                .single()
                .ok_or_else(|| DateTimeError::OutOfRange { input: s.to_owned() })?;
            territory
                .to_local(instant)
                .map_err(|_| DateTimeError::OutOfRange { input: s.to_owned() })
        }
    }
}

enum NaiveError {
    Format,
    Date,
    Time,
}

/// `YYYY-MM-DDTHH:MM[:SS[.fff]]`; a fraction only when `fraction_ok`.
fn parse_naive(s: &str, fraction_ok: bool) -> Result<NaiveDateTime, NaiveError> {
    let (date, time) = s.split_once('T').ok_or(NaiveError::Format)?;
    let date = parse_date(date).map_err(|e| match e {
        DateTimeError::NoSuchDate { .. } => NaiveError::Date,
        _ => NaiveError::Format,
    })?;
    let (time, fraction) = match time.split_once('.') {
        Some((t, f)) if fraction_ok && time.len() == 8 + 1 + f.len() => (t, Some(f)),
        Some(_) => return Err(NaiveError::Format),
        None => (time, None),
    };
    let b = time.as_bytes();
    let num = |r: std::ops::Range<usize>| b.get(r).and_then(digits).ok_or(NaiveError::Format);
    let (h, m, sec) = match b.len() {
        5 if b.get(2) == Some(&b':') && fraction.is_none() => (num(0..2)?, num(3..5)?, 0),
        8 if b.get(2) == Some(&b':') && b.get(5) == Some(&b':') => {
            (num(0..2)?, num(3..5)?, num(6..8)?)
        }
        _ => return Err(NaiveError::Format),
    };
    let nanos = match fraction {
        None => 0,
        Some(f) if !f.is_empty() && f.len() <= 9 => {
            let v = digits(f.as_bytes()).ok_or(NaiveError::Format)?;
            let scale = 10u32.pow(9 - u32::try_from(f.len()).map_err(|_| NaiveError::Format)?);
            v * scale
        }
        Some(_) => return Err(NaiveError::Format),
    };
    let t = NaiveTime::from_hms_nano_opt(h, m, sec, nanos).ok_or(NaiveError::Time)?;
    if t.second() != sec {
        return Err(NaiveError::Time);
    }
    Ok(date.and_time(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn naive_values_are_local_time() {
        for (input, expect) in [
            ("2024-02-29T23:30", "2024-02-29 23:30:00"),
            ("2023-01-10T08:00:59", "2023-01-10 08:00:59"),
        ] {
            for t in Territory::ALL {
                assert_eq!(parse_datetime(input, t).unwrap(), dt(expect), "{input} {t}");
            }
        }
    }

    #[test]
    fn offsets_convert_with_the_dated_rule() {
        let cases = [
            // Astana: UTC+6 until 2024-02-29 18:00 UTC.
            ("2024-02-29T17:59:59Z", Territory::Astana, "2024-02-29 23:59:59"),
            ("2024-02-29T18:00:00Z", Territory::Astana, "2024-02-29 23:00:00"),
            ("2024-03-01T00:00:00+05:00", Territory::Astana, "2024-03-01 00:00:00"),
            ("2024-03-01T00:00:00+06:00", Territory::Astana, "2024-02-29 23:00:00"),
            ("2023-06-01T16:00:00+06:00", Territory::Astana, "2023-06-01 16:00:00"),
            ("2023-06-01T16:00:00+05:00", Territory::Astana, "2023-06-01 17:00:00"),
            ("2025-06-01T16:00:00+06:00", Territory::Astana, "2025-06-01 15:00:00"),
            ("2025-06-01T09:00:00.999Z", Territory::Astana, "2025-06-01 14:00:00"),
            // Aktobe: UTC+5 on both sides.
            ("2024-02-29T17:59:59Z", Territory::Aktobe, "2024-02-29 22:59:59"),
            ("2024-02-29T18:00:00Z", Territory::Aktobe, "2024-02-29 23:00:00"),
            ("2023-06-01T16:00:00+06:00", Territory::Aktobe, "2023-06-01 15:00:00"),
            ("2025-12-31T20:00:00-03:30", Territory::Aktobe, "2026-01-01 04:30:00"),
            ("2025-12-31T23:00+05:00", Territory::Aktobe, "2025-12-31 23:00:00"),
        ];
        for (input, territory, expect) in cases {
            let got = parse_datetime(input, territory).unwrap();
            let got = got.with_nanosecond(0).unwrap();
            assert_eq!(got, dt(expect), "{input} in {territory}");
        }
    }

    #[test]
    fn bad_date_times_are_typed_errors() {
        use DateTimeError as E;
        type Check = fn(&E) -> bool;
        let cases: &[(&str, Check)] = &[
            ("2024-03-01", |e| matches!(e, E::Format { .. })),
            ("2024-03-01 10:00", |e| matches!(e, E::Format { .. })),
            ("2024-03-01T10", |e| matches!(e, E::Format { .. })),
            ("2024-03-01T10:00:00.5", |e| matches!(e, E::Format { .. })),
            ("2024-03-01T1a:00", |e| matches!(e, E::Format { .. })),
            ("2024-03-01T10:00+0500", |e| matches!(e, E::Format { .. })),
            ("２０２４-03-01T10:00", |e| matches!(e, E::Format { .. })),
            ("2025-02-29T10:00", |e| matches!(e, E::NoSuchDate { .. })),
            ("2025-04-31T10:00Z", |e| matches!(e, E::NoSuchDate { .. })),
            ("2025-04-30T24:00", |e| matches!(e, E::NoSuchTime { .. })),
            ("2025-04-30T23:59:60", |e| matches!(e, E::NoSuchTime { .. })),
            ("2025-04-30T10:00+24:00", |e| matches!(e, E::InvalidOffset { .. })),
        ];
        for (input, check) in cases {
            let e = parse_datetime(input, Territory::Astana).unwrap_err();
            assert!(check(&e), "{input}: {e:?}");
            assert!(e.to_string().contains(input), "{e}");
        }
    }

    #[test]
    fn territories_parse() {
        assert_eq!("aktobe".parse::<Territory>().unwrap(), Territory::Aktobe);
        assert_eq!(
            "Almaty".parse::<Territory>().unwrap_err().to_string(),
            "unknown territory `Almaty`, expected astana or aktobe"
        );
    }

    #[test]
    fn cutoffs_parse() {
        assert_eq!(parse_cutoff("09:05").unwrap(), NaiveTime::from_hms_opt(9, 5, 0).unwrap());
        for bad in ["9:05", "09-05", "0905", "09:60", "", "16:00 "] {
            assert!(parse_cutoff(bad).is_err(), "{bad}");
        }
    }
}
