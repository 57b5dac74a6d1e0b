//! The calendar file format: parsing a TOML calendar, checking it, and merging a calendar file
//! over the built-in data.
//!
//! The built-in calendar (`data/calendar.toml`) and a user's `--calendar` file share one format,
//! documented in `docs/calendar.md`: `[[holiday]]` entries with fixed dates, a `[kurban_ait]`
//! descriptor, and `[[year]]` entries with the Kurban Ait date, the transfers and the provisional
//! flag. This module only reads and merges; the days off are computed in `year.rs`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize};

use crate::CalendarError;

/// The only version of the file format.
pub(crate) const FORMAT: u32 = 1;

/// The years a calendar may describe (a sanity bound on the size of the tables).
pub(crate) const YEAR_BOUNDS: std::ops::RangeInclusive<i32> = 1901..=2199;

/// A name in the three languages of the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Name {
    /// Russian.
    pub ru: String,
    /// Kazakh.
    pub kk: String,
    /// English.
    pub en: String,
}

/// A transfer of a day off (Labour Code art. 85 p. 3): a weekend day becomes a working day and a
/// weekday becomes a day off instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transfer {
    /// The Saturday or Sunday that is worked.
    pub worked: NaiveDate,
    /// The weekday that is off instead.
    pub off: NaiveDate,
    /// The act that made the transfer.
    pub act: String,
}

/// A holiday on fixed dates of every year, in force between two dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Holiday {
    pub id: String,
    pub month: u32,
    pub days: Vec<u32>,
    pub carry_over: bool,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub name: Name,
    pub citation: String,
}

impl Holiday {
    /// Whether the entry is in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// How the first day of Kurban Ait is named and cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KurbanAit {
    pub name: Name,
    pub citation: String,
}

/// What is known of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearSpec {
    pub provisional: bool,
    pub kurban_ait: NaiveDate,
    pub kurban_ait_source: Option<String>,
    pub note: Option<String>,
    pub transfers: Vec<Transfer>,
}

/// A whole calendar after merging: the input of the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spec {
    pub holidays: Vec<Holiday>,
    pub kurban_ait: KurbanAit,
    pub years: BTreeMap<i32, YearSpec>,
}

// ---- the wire format ---------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDe {
    format: Option<u32>,
    #[serde(default)]
    holiday: Vec<HolidayDe>,
    kurban_ait: Option<KurbanDe>,
    #[serde(default)]
    year: Vec<YearDe>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayDe {
    id: String,
    month: u32,
    days: Vec<u32>,
    carry_over: bool,
    from: Option<TomlDate>,
    to: Option<TomlDate>,
    name: Name,
    citation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KurbanDe {
    name: Name,
    citation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearDe {
    year: i32,
    provisional: Option<bool>,
    kurban_ait: Option<TomlDate>,
    kurban_ait_source: Option<String>,
    note: Option<String>,
    transfer: Option<Vec<TransferDe>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TransferDe {
    worked: TomlDate,
    off: TomlDate,
    act: String,
}

/// A date written as a TOML local date (`2028-01-01`) or as a string (`"2028-01-01"`).
#[derive(Debug, Clone, Copy)]
struct TomlDate(NaiveDate);

impl<'de> Deserialize<'de> for TomlDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let expected = "a date such as 2028-01-01 (no time, no offset)";
        match toml::Value::deserialize(d)? {
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(date), None, None) => NaiveDate::from_ymd_opt(
                    i32::from(date.year),
                    u32::from(date.month),
                    u32::from(date.day),
                )
                .map(TomlDate)
                .ok_or_else(|| D::Error::custom(format!("no such date {dt}"))),
                _ => Err(D::Error::custom(format!("`{dt}` is not {expected}"))),
            },
            toml::Value::String(s) => {
                crate::tz::parse_date(&s).map(TomlDate).map_err(D::Error::custom)
            }
            other => {
                Err(D::Error::custom(format!("expected {expected}, found a {}", other.type_str())))
            }
        }
    }
}

// ---- parsing and merging -----------------------------------------------------------------------

impl Spec {
    /// Parses a complete calendar (the built-in one): every part is required.
    pub fn parse_complete(text: &str) -> Result<Spec, CalendarError> {
        let file = parse(text)?;
        let Some(kurban) = file.kurban_ait else {
            return Err(CalendarError::MissingKurbanAitName);
        };
        let mut spec = Spec {
            holidays: Vec::new(),
            kurban_ait: KurbanAit { name: kurban.name, citation: kurban.citation },
            years: BTreeMap::new(),
        };
        spec.merge_holidays(file.holiday)?;
        spec.merge_years(file.year)?;
        spec.check()?;
        Ok(spec)
    }

    /// Returns this calendar with a calendar file laid over it.
    pub fn overlay(&self, text: &str) -> Result<Spec, CalendarError> {
        let file = parse(text)?;
        let mut spec = self.clone();
        if let Some(k) = file.kurban_ait {
            spec.kurban_ait = KurbanAit { name: k.name, citation: k.citation };
        }
        spec.merge_holidays(file.holiday)?;
        spec.merge_years(file.year)?;
        spec.check()?;
        Ok(spec)
    }

    /// Adds holidays; an entry with the id of an existing one replaces it.
    fn merge_holidays(&mut self, list: Vec<HolidayDe>) -> Result<(), CalendarError> {
        let mut seen = BTreeSet::new();
        for h in list {
            if !seen.insert(h.id.clone()) {
                return Err(CalendarError::DuplicateHoliday { id: h.id });
            }
            let holiday = Holiday {
                id: h.id,
                month: h.month,
                days: h.days,
                carry_over: h.carry_over,
                from: h.from.map(|d| d.0),
                to: h.to.map(|d| d.0),
                name: h.name,
                citation: h.citation,
            };
            check_holiday(&holiday)?;
            match self.holidays.iter_mut().find(|x| x.id == holiday.id) {
                Some(slot) => *slot = holiday,
                None => self.holidays.push(holiday),
            }
        }
        Ok(())
    }

    /// Adds years; the fields given for a year already known replace the known ones.
    fn merge_years(&mut self, list: Vec<YearDe>) -> Result<(), CalendarError> {
        let mut seen = BTreeSet::new();
        for y in list {
            if !YEAR_BOUNDS.contains(&y.year) {
                return Err(CalendarError::YearOutOfBounds { year: y.year });
            }
            if !seen.insert(y.year) {
                return Err(CalendarError::DuplicateYear { year: y.year });
            }
            let transfers = y.transfer.map(|list| {
                list.into_iter()
                    .map(|t| Transfer { worked: t.worked.0, off: t.off.0, act: t.act })
                    .collect::<Vec<_>>()
            });
            let merged = match self.years.get(&y.year) {
                Some(old) => YearSpec {
                    provisional: y.provisional.unwrap_or(old.provisional),
                    kurban_ait: y.kurban_ait.map_or(old.kurban_ait, |d| d.0),
                    kurban_ait_source: y
                        .kurban_ait_source
                        .or_else(|| old.kurban_ait_source.clone()),
                    note: y.note.or_else(|| old.note.clone()),
                    transfers: transfers.unwrap_or_else(|| old.transfers.clone()),
                },
                None => YearSpec {
                    provisional: y.provisional.unwrap_or(false),
                    kurban_ait: y
                        .kurban_ait
                        .ok_or(CalendarError::MissingKurbanAit { year: y.year })?
                        .0,
                    kurban_ait_source: y.kurban_ait_source,
                    note: y.note,
                    transfers: transfers.unwrap_or_default(),
                },
            };
            self.years.insert(y.year, merged);
        }
        Ok(())
    }

    /// Checks what can be checked without computing the days off.
    fn check(&self) -> Result<(), CalendarError> {
        if self.years.is_empty() {
            return Err(CalendarError::NoYears);
        }
        for (&year, spec) in &self.years {
            if spec.kurban_ait.year() != year {
                return Err(CalendarError::DateOutsideYear {
                    year,
                    field: "kurban_ait",
                    date: spec.kurban_ait,
                });
            }
            for t in &spec.transfers {
                for (field, date) in [("transfer.worked", t.worked), ("transfer.off", t.off)] {
                    if date.year() != year {
                        return Err(CalendarError::DateOutsideYear { year, field, date });
                    }
                }
                if !is_weekend(t.worked) {
                    return Err(CalendarError::InvalidTransfer {
                        date: t.worked,
                        reason: "the worked day must be a Saturday or a Sunday",
                    });
                }
                if is_weekend(t.off) {
                    return Err(CalendarError::InvalidTransfer {
                        date: t.off,
                        reason: "the day off must be a weekday",
                    });
                }
            }
        }
        Ok(())
    }
}

fn parse(text: &str) -> Result<FileDe, CalendarError> {
    let file: FileDe = toml::from_str(text)
        .map_err(|e| CalendarError::Syntax { message: e.to_string().trim_end().to_owned() })?;
    match file.format {
        None | Some(FORMAT) => Ok(file),
        Some(found) => Err(CalendarError::UnsupportedFormat { found }),
    }
}

fn check_holiday(h: &Holiday) -> Result<(), CalendarError> {
    let bad = |reason: &'static str| CalendarError::InvalidHoliday { id: h.id.clone(), reason };
    if h.id.trim().is_empty() {
        return Err(bad("empty id"));
    }
    if h.days.is_empty() {
        return Err(bad("no days"));
    }
    // 2000 is a leap year: 29 February is a valid holiday date (it applies in leap years only).
    if h.days.iter().any(|&d| NaiveDate::from_ymd_opt(2000, h.month, d).is_none()) {
        return Err(bad("no such day of the month"));
    }
    if let (Some(f), Some(t)) = (h.from, h.to) {
        if t < f {
            return Err(bad("`to` is before `from`"));
        }
    }
    Ok(())
}

/// Saturday or Sunday: the days off of the five-day week (Labour Code art. 84 p. 2–3).
pub(crate) fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Spec {
        Spec::parse_complete(crate::BUILTIN_TOML).unwrap()
    }

    #[test]
    fn builtin_parses() {
        let spec = base();
        assert_eq!(spec.years.keys().copied().collect::<Vec<_>>(), [2023, 2024, 2025, 2026, 2027]);
        assert!(spec.years[&2027].provisional);
        assert!(spec.holidays.iter().any(|h| h.id == "orthodox-christmas" && !h.carry_over));
    }

    #[test]
    fn dates_may_be_toml_dates_or_strings() {
        let s = base().overlay("[[year]]\nyear = 2028\nkurban_ait = \"2028-05-05\"\n").unwrap();
        assert_eq!(s.years[&2028].kurban_ait, NaiveDate::from_ymd_opt(2028, 5, 5).unwrap());
    }

    #[test]
    fn overlay_errors() {
        let cases: &[(&str, &str)] = &[
            ("year = [", "calendar file is not valid TOML"),
            ("format = 2", "calendar file format 2"),
            ("colour = 1", "unknown field `colour`"),
            ("[[year]]\nyear = 2028", "year 2028: kurban_ait is missing"),
            ("[[year]]\nyear = 2028\nkurban_ait = 2029-05-05", "outside year 2028"),
            ("[[year]]\nyear = 2028\nkurban_ait = 2028-05-05T10:00:00", "is not a date"),
            ("[[year]]\nyear = 2028\nkurban_ait = 2028-02-30", "2028-02-30"),
            ("[[year]]\nyear = 1800\nkurban_ait = 1800-05-05", "year 1800 is outside"),
            ("[[year]]\nyear = 2026\n[[year]]\nyear = 2026", "year 2026 is given twice"),
            (
                "[[year]]\nyear = 2026\n[[year.transfer]]\nworked = 2026-05-04\noff = 2026-05-08\nact = \"x\"",
                "2026-05-04: the worked day must be a Saturday or a Sunday",
            ),
            (
                "[[year]]\nyear = 2026\n[[year.transfer]]\nworked = 2026-05-02\noff = 2026-05-03\nact = \"x\"",
                "the day off must be a weekday",
            ),
            (
                "[[holiday]]\nid = \"x\"\nmonth = 2\ndays = [30]\ncarry_over = true\nname = { ru = \"a\", kk = \"b\", en = \"c\" }\ncitation = \"c\"",
                "holiday `x`: no such day of the month",
            ),
            (
                "[[holiday]]\nid = \"x\"\nmonth = 2\ndays = []\ncarry_over = true\nname = { ru = \"a\", kk = \"b\", en = \"c\" }\ncitation = \"c\"",
                "holiday `x`: no days",
            ),
        ];
        for (text, expect) in cases {
            let err = base().overlay(text).unwrap_err().to_string();
            assert!(
                err.contains(expect),
                "{text:?}: got {err:?}, expected it to contain {expect:?}"
            );
        }
    }

    #[test]
    fn a_complete_calendar_needs_the_kurban_ait_descriptor_and_a_year() {
        assert_eq!(Spec::parse_complete(""), Err(CalendarError::MissingKurbanAitName));
        let only_name =
            "[kurban_ait]\nname = { ru = \"a\", kk = \"b\", en = \"c\" }\ncitation = \"c\"";
        assert_eq!(Spec::parse_complete(only_name), Err(CalendarError::NoYears));
    }

    #[test]
    fn holiday_with_a_known_id_replaces_it() {
        let text = "[[holiday]]\nid = \"capital-day\"\nmonth = 7\ndays = [6]\ncarry_over = true\nto = 2027-12-31\nname = { ru = \"a\", kk = \"b\", en = \"c\" }\ncitation = \"c\"";
        let s = base().overlay(text).unwrap();
        let h = s.holidays.iter().find(|h| h.id == "capital-day").unwrap();
        assert_eq!(h.name.en, "c");
        assert_eq!(s.holidays.len(), base().holidays.len());
    }
}
