//! The launch schedule of the pilot (Appendix 1 to the order) under its two readings, the
//! order's entry into force and twelve-month term (para 8), and the answer to «does the pilot
//! apply to this form».

use std::fmt;

use chrono::{Months, NaiveDate, TimeDelta};
use serde::{Serialize, Serializer};

use crate::nosology::{Detection, DetectionReason};
use crate::params::{Params, ScheduleReading};
use crate::region::{Mis, Region};

/// A wave of the launch schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Wave {
    /// «с июня 2025 года».
    June,
    /// «с июля 2025 года*».
    July,
    /// «с августа 2025 года**».
    August,
}

/// A wave as data: its month and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WaveEntry {
    /// The wave.
    pub wave: Wave,
    /// The first day of its month.
    pub month_start: NaiveDate,
    /// The table's wording.
    pub printed: &'static str,
    /// Where it stands.
    pub citation: &'static str,
}

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("a valid constant date"),
    }
}

/// The three waves of Appendix 1 to the order.
pub static WAVES: [WaveEntry; 3] = [
    WaveEntry {
        wave: Wave::June,
        month_start: date(2025, 6, 1),
        printed: "с июня 2025 года",
        citation: order!(", Appendix 1, row 1 (date cell of rows 1–10)"),
    },
    WaveEntry {
        wave: Wave::July,
        month_start: date(2025, 7, 1),
        printed: "с июля 2025 года*",
        citation: order!(", Appendix 1, rows 11–12 and footnote * (ТОО «ЦИТ \"ДАМУ\"»)"),
    },
    WaveEntry {
        wave: Wave::August,
        month_start: date(2025, 8, 1),
        printed: "с августа 2025 года**",
        citation: order!(
            ", Appendix 1, rows 13–21 and footnote ** (ТОО «Жетысу», «Надежда», «Infomed Kazakhstan», «МИС Авиценна»)"
        ),
    },
];

impl Wave {
    /// The wave's entry.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::Wave::July.entry().month_start.to_string(), "2025-07-01");
    /// ```
    pub fn entry(self) -> &'static WaveEntry {
        match self {
            Wave::June => &WAVES[0],
            Wave::July => &WAVES[1],
            Wave::August => &WAVES[2],
        }
    }

    /// The code: `june`, `july`, `august`.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::Wave::August.code(), "august");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Wave::June => "june",
            Wave::July => "july",
            Wave::August => "august",
        }
    }
}

/// The wave of a region under the `by-region` reading (rows 2–10 June, 11–12 July, 13–21
/// August).
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_mse::{Region, Wave, wave_by_region};
/// assert_eq!(wave_by_region(Region::Turkestan), Wave::June);
/// assert_eq!(wave_by_region(Region::Mangystau), Wave::July);
/// assert_eq!(wave_by_region(Region::Shymkent), Wave::August);
/// ```
pub fn wave_by_region(region: Region) -> Wave {
    match region.schedule_row() {
        0..=10 => Wave::June,
        11..=12 => Wave::July,
        _ => Wave::August,
    }
}

/// The wave of an MIS under the `by-mis-vendor` reading (ДАМУ July, the four vendors of
/// footnote ** August, any other system June).
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_mse::{Mis, Wave, wave_by_mis};
/// assert_eq!(wave_by_mis(&Mis::Damu), Wave::July);
/// assert_eq!(wave_by_mis(&Mis::Nadezhda), Wave::August);
/// assert_eq!(wave_by_mis(&Mis::Other("x".into())), Wave::June);
/// ```
pub fn wave_by_mis(mis: &Mis) -> Wave {
    match mis {
        Mis::Damu => Wave::July,
        Mis::Zhetysu | Mis::Nadezhda | Mis::InfomedKazakhstan | Mis::Avicenna => Wave::August,
        Mis::Other(_) => Wave::June,
    }
}

/// The day the order takes effect: «по истечении десяти календарных дней после дня его первого
/// официального опубликования» (para 8), i.e. publication + 11 days.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let p = NaiveDate::from_ymd_opt(2025, 6, 16).unwrap();
/// assert_eq!(ereje_mse::in_force_from(p).to_string(), "2025-06-27");
/// ```
pub fn in_force_from(publication: NaiveDate) -> NaiveDate {
    publication.checked_add_signed(TimeDelta::days(11)).unwrap_or(NaiveDate::MAX)
}

/// The last day of the pilot: «действует в течение двенадцати месяцев» from the day it takes
/// effect. With `end_inclusive = false` (default) the day before the same date twelve months
/// later; with `true`, that date itself. A start on a day the twelfth month lacks (29 February)
/// runs to the month's last day.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let start = NaiveDate::from_ymd_opt(2025, 6, 27).unwrap();
/// assert_eq!(ereje_mse::last_day(start, false).to_string(), "2026-06-26");
/// assert_eq!(ereje_mse::last_day(start, true).to_string(), "2026-06-27");
/// ```
pub fn last_day(start: NaiveDate, end_inclusive: bool) -> NaiveDate {
    let anniversary = start.checked_add_months(Months::new(12)).unwrap_or(NaiveDate::MAX);
    if end_inclusive { anniversary } else { anniversary.pred_opt().unwrap_or(anniversary) }
}

/// The first day of a wave: the later of its month's first day and the day the order takes
/// effect.
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_mse::{Params, Wave, wave_start};
/// let p = Params::default(); // published 16.06.2025 (assumed): in force 27.06.2025
/// assert_eq!(wave_start(Wave::June, &p).to_string(), "2025-06-27");
/// assert_eq!(wave_start(Wave::July, &p).to_string(), "2025-07-01");
/// ```
pub fn wave_start(wave: Wave, params: &Params) -> NaiveDate {
    wave.entry().month_start.max(in_force_from(params.publication))
}

/// Why the pilot applies or not: the `reason` of a [`PilotAnswer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PilotReason {
    /// A pilot nosology, inside the organisation's wave: the pilot applies.
    InWave,
    /// No date to judge at.
    NoDate,
    /// No readable main diagnosis.
    NoDiagnosis,
    /// The main diagnosis is not a pilot nosology.
    NotListed,
    /// The main diagnosis is near a list but not in it.
    NearMiss,
    /// Mucopolysaccharidosis in an adult.
    Adult,
    /// Mucopolysaccharidosis, age unknown.
    AgeUnknown,
    /// Before the order takes effect.
    BeforeInForce,
    /// After the pilot's twelve months.
    AfterEnd,
    /// The order is in force, but the organisation's wave has not started.
    BeforeWave,
    /// `by-region` reading, and the organisation's region is missing or unknown.
    UnknownRegion,
    /// `by-mis-vendor` reading, and the organisation's MIS is missing.
    UnknownMis,
}

impl PilotReason {
    /// The code (`in-wave`, `before-wave`, …).
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::PilotReason::BeforeWave.code(), "before-wave");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            PilotReason::InWave => "in-wave",
            PilotReason::NoDate => "no-date",
            PilotReason::NoDiagnosis => "no-diagnosis",
            PilotReason::NotListed => "not-listed",
            PilotReason::NearMiss => "near-miss",
            PilotReason::Adult => "adult",
            PilotReason::AgeUnknown => "age-unknown",
            PilotReason::BeforeInForce => "before-in-force",
            PilotReason::AfterEnd => "after-end",
            PilotReason::BeforeWave => "before-wave",
            PilotReason::UnknownRegion => "unknown-region",
            PilotReason::UnknownMis => "unknown-mis",
        }
    }
}

impl fmt::Display for PilotReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for PilotReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// The answer to «does the pilot apply to this form».
///
/// Serialised as `{"applies": bool, "reason": code, "reading": name}` followed by what the
/// answer rests on: `wave` and `wave_start` (null when the key is unknown), `last_day`,
/// `publication_date` and `publication_date_assumed` (true while the default publication date,
/// an assumption, is in use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PilotAnswer {
    /// Whether the pilot applies (and so the exam gate runs).
    pub applies: bool,
    /// Why.
    pub reason: PilotReason,
    /// The schedule reading used.
    #[serde(serialize_with = "ser_reading")]
    pub reading: ScheduleReading,
    /// The organisation's wave, when its key is known.
    pub wave: Option<Wave>,
    /// The first day of that wave.
    #[serde(serialize_with = "crate::form::fast_date::opt::serialize")]
    pub wave_start: Option<NaiveDate>,
    /// The pilot's last day.
    #[serde(serialize_with = "crate::form::fast_date::serialize")]
    pub last_day: NaiveDate,
    /// The publication date used.
    #[serde(serialize_with = "crate::form::fast_date::serialize")]
    pub publication_date: NaiveDate,
    /// True when the publication date is the built-in assumption.
    pub publication_date_assumed: bool,
}

fn ser_reading<S: Serializer>(r: &ScheduleReading, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(r.name())
}

/// What the pilot's applicability depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PilotQuery<'a> {
    /// The date to judge at (the as-of date); `None` when none could be established.
    pub on: Option<NaiveDate>,
    /// The nosology of the form.
    pub detection: &'a Detection,
    /// The medical organisation's region.
    pub region: Option<Region>,
    /// The medical organisation's MIS.
    pub mis: Option<&'a Mis>,
}

/// Whether the pilot applies: a pilot nosology, on a date inside the organisation's wave (from
/// [`wave_start`] to [`last_day`]) under the reading of `params`.
///
/// Reasons are tried in this order: no date; the nosology (`no-diagnosis`, `not-listed`,
/// `near-miss`, `adult`, `age-unknown`); before the order takes effect; after the pilot's end;
/// the schedule key unknown; before the wave; otherwise `in-wave`.
///
/// # Errors
/// None: «does not apply» is an answer with its reason.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_icd10::Icd10Code;
/// use ereje_mse::{Params, PilotQuery, Region, detect, pilot_applies};
/// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day);
/// let detection = detect(Icd10Code::parse_canonical("Q90.0").ok(), None);
/// let params = Params::from_key_value([("order.published", "2025-06-10")])?;
/// let q = |on| PilotQuery { on, detection: &detection, region: Some(Region::Kostanay), mis: None };
/// assert_eq!(pilot_applies(&q(d(7, 1)), &params).reason.code(), "in-wave");
/// assert_eq!(pilot_applies(&q(d(6, 30)), &params).reason.code(), "before-wave");
/// # Ok::<(), ereje_mse::MseError>(())
/// ```
pub fn pilot_applies(query: &PilotQuery<'_>, params: &Params) -> PilotAnswer {
    let start = in_force_from(params.publication);
    let end = last_day(start, params.end_inclusive);
    let wave = match params.reading {
        ScheduleReading::ByRegion => query.region.map(wave_by_region),
        ScheduleReading::ByMisVendor => query.mis.map(wave_by_mis),
    };
    let wave_first = wave.map(|w| wave_start(w, params));
    let answer = |applies, reason| PilotAnswer {
        applies,
        reason,
        reading: params.reading,
        wave,
        wave_start: wave_first,
        last_day: end,
        publication_date: params.publication,
        publication_date_assumed: params.publication_assumed,
    };
    let Some(on) = query.on else { return answer(false, PilotReason::NoDate) };
    let nosology_reason = match query.detection.reason {
        DetectionReason::Listed => None,
        DetectionReason::NoDiagnosis => Some(PilotReason::NoDiagnosis),
        DetectionReason::NotListed => Some(PilotReason::NotListed),
        DetectionReason::NearMiss => Some(PilotReason::NearMiss),
        DetectionReason::Adult => Some(PilotReason::Adult),
        DetectionReason::AgeUnknown => Some(PilotReason::AgeUnknown),
    };
    if let Some(reason) = nosology_reason {
        return answer(false, reason);
    }
    if on < start {
        return answer(false, PilotReason::BeforeInForce);
    }
    if on > end {
        return answer(false, PilotReason::AfterEnd);
    }
    let Some(first) = wave_first else {
        let reason = match params.reading {
            ScheduleReading::ByRegion => PilotReason::UnknownRegion,
            ScheduleReading::ByMisVendor => PilotReason::UnknownMis,
        };
        return answer(false, reason);
    };
    if on < first {
        return answer(false, PilotReason::BeforeWave);
    }
    answer(true, PilotReason::InWave)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nosology::detect;
    use ereje_icd10::Icd10Code;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    fn params(reading: &str, published: &str) -> Params {
        Params::from_key_value([("schedule.reading", reading), ("order.published", published)])
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn applies(
        p: &Params,
        region: Option<Region>,
        mis: Option<&Mis>,
        on: NaiveDate,
    ) -> PilotAnswer {
        let detection = detect(Icd10Code::parse_canonical("S88.1").ok(), Some(40));
        pilot_applies(&PilotQuery { on: Some(on), detection: &detection, region, mis }, p)
    }

    #[test]
    fn by_region_each_wave_first_day_and_day_before() {
        // Published 10 June 2025 → in force 21 June: June wave from 21 June, July from 1 July,
        // August from 1 August.
        let p = params("by-region", "2025-06-10");
        let cases: &[(Region, NaiveDate)] = &[
            (Region::Akmola, d(2025, 6, 21)),
            (Region::Pavlodar, d(2025, 6, 21)),
            (Region::Astana, d(2025, 6, 21)),
            (Region::WestKazakhstan, d(2025, 6, 21)),
            (Region::Karaganda, d(2025, 6, 21)),
            (Region::NorthKazakhstan, d(2025, 6, 21)),
            (Region::AlmatyRegion, d(2025, 6, 21)),
            (Region::Almaty, d(2025, 6, 21)),
            (Region::Turkestan, d(2025, 6, 21)),
            (Region::Mangystau, d(2025, 7, 1)),
            (Region::Kostanay, d(2025, 7, 1)),
            (Region::Shymkent, d(2025, 8, 1)),
            (Region::Zhambyl, d(2025, 8, 1)),
            (Region::Atyrau, d(2025, 8, 1)),
            (Region::EastKazakhstan, d(2025, 8, 1)),
            (Region::Kyzylorda, d(2025, 8, 1)),
            (Region::Aktobe, d(2025, 8, 1)),
            (Region::Ulytau, d(2025, 8, 1)),
            (Region::Zhetysu, d(2025, 8, 1)),
            (Region::Abai, d(2025, 8, 1)),
        ];
        assert_eq!(cases.len(), Region::ALL.len());
        for &(region, first) in cases {
            // the MIS does not matter under this reading
            for mis in [None, Some(&Mis::Damu), Some(&Mis::Avicenna)] {
                let a = applies(&p, Some(region), mis, first);
                assert_eq!(
                    (a.applies, a.reason, a.wave_start),
                    (true, PilotReason::InWave, Some(first)),
                    "{region}"
                );
                let before = first.pred_opt().unwrap_or(first);
                let a = applies(&p, Some(region), mis, before);
                let expected = if first == d(2025, 6, 21) {
                    PilotReason::BeforeInForce
                } else {
                    PilotReason::BeforeWave
                };
                assert_eq!((a.applies, a.reason), (false, expected), "{region} on {before}");
            }
        }
        let a = applies(&p, None, Some(&Mis::Damu), d(2025, 9, 1));
        assert_eq!((a.applies, a.reason, a.wave), (false, PilotReason::UnknownRegion, None));
    }

    #[test]
    fn by_mis_vendor_each_wave_first_day_and_day_before() {
        let p = params("by-mis-vendor", "2025-06-10");
        let other = Mis::Other("Комек".into());
        let cases: &[(&Mis, NaiveDate, PilotReason)] = &[
            (&other, d(2025, 6, 21), PilotReason::BeforeInForce),
            (&Mis::Damu, d(2025, 7, 1), PilotReason::BeforeWave),
            (&Mis::Zhetysu, d(2025, 8, 1), PilotReason::BeforeWave),
            (&Mis::Nadezhda, d(2025, 8, 1), PilotReason::BeforeWave),
            (&Mis::InfomedKazakhstan, d(2025, 8, 1), PilotReason::BeforeWave),
            (&Mis::Avicenna, d(2025, 8, 1), PilotReason::BeforeWave),
        ];
        for &(mis, first, before_reason) in cases {
            // the region does not matter under this reading: Mangystau is July by region
            for region in [None, Some(Region::Mangystau), Some(Region::Akmola)] {
                let a = applies(&p, region, Some(mis), first);
                assert_eq!((a.applies, a.reason), (true, PilotReason::InWave), "{mis}");
                let before = first.pred_opt().unwrap_or(first);
                let a = applies(&p, region, Some(mis), before);
                assert_eq!((a.applies, a.reason), (false, before_reason), "{mis} on {before}");
            }
        }
        let a = applies(&p, Some(Region::Akmola), None, d(2025, 9, 1));
        assert_eq!(a.reason, PilotReason::UnknownMis);
    }

    #[test]
    fn a_late_publication_moves_the_june_and_july_waves() {
        // Published 25 June → in force 6 July: June and July waves both start on 6 July.
        let p = params("by-region", "2025-06-25");
        assert_eq!(
            applies(&p, Some(Region::Akmola), None, d(2025, 7, 6)).reason,
            PilotReason::InWave
        );
        assert_eq!(
            applies(&p, Some(Region::Akmola), None, d(2025, 7, 5)).reason,
            PilotReason::BeforeInForce
        );
        assert_eq!(
            applies(&p, Some(Region::Kostanay), None, d(2025, 7, 6)).wave_start,
            Some(d(2025, 7, 6))
        );
        assert_eq!(
            applies(&p, Some(Region::Kostanay), None, d(2025, 7, 5)).reason,
            PilotReason::BeforeInForce
        );
        assert_eq!(
            applies(&p, Some(Region::Abai), None, d(2025, 8, 1)).wave_start,
            Some(d(2025, 8, 1))
        );
    }

    #[test]
    fn twelve_months_and_the_end_reading() {
        let p = params("by-region", "2025-06-10"); // in force 21.06.2025
        assert_eq!(
            applies(&p, Some(Region::Abai), None, d(2026, 6, 20)).reason,
            PilotReason::InWave
        );
        assert_eq!(
            applies(&p, Some(Region::Abai), None, d(2026, 6, 21)).reason,
            PilotReason::AfterEnd
        );
        let mut inclusive = p;
        inclusive.end_inclusive = true;
        assert_eq!(
            applies(&inclusive, Some(Region::Abai), None, d(2026, 6, 21)).reason,
            PilotReason::InWave
        );
        assert_eq!(
            applies(&inclusive, Some(Region::Abai), None, d(2026, 6, 22)).reason,
            PilotReason::AfterEnd
        );
        assert_eq!(last_day(d(2024, 2, 29), true), d(2025, 2, 28));
    }

    #[test]
    fn default_publication_is_reported_as_an_assumption() {
        let a = applies(&Params::default(), Some(Region::Akmola), None, d(2025, 6, 27));
        assert_eq!(a.reason, PilotReason::InWave);
        let json = serde_json::to_value(a).unwrap_or_default();
        assert_eq!(json["applies"], true);
        assert_eq!(json["reason"], "in-wave");
        assert_eq!(json["reading"], "by-region");
        assert_eq!(json["publication_date"], "2025-06-16");
        assert_eq!(json["publication_date_assumed"], true);
        assert_eq!(json["wave_start"], "2025-06-27");
        assert_eq!(json["last_day"], "2026-06-26");
        assert_eq!(
            applies(&Params::default(), Some(Region::Akmola), None, d(2025, 6, 26)).reason,
            PilotReason::BeforeInForce
        );
    }

    #[test]
    fn nosology_reasons_come_before_the_schedule() {
        let p = Params::default();
        let cases = [
            (None, None, PilotReason::NoDiagnosis),
            (Some("J44.9"), Some(30), PilotReason::NotListed),
            (Some("S98.4"), Some(30), PilotReason::NearMiss),
            (Some("E76.0"), Some(30), PilotReason::Adult),
            (Some("E76.0"), None, PilotReason::AgeUnknown),
        ];
        for (code, age, reason) in cases {
            let detection = detect(code.and_then(|c| Icd10Code::parse_canonical(c).ok()), age);
            let q = PilotQuery {
                on: Some(d(2025, 10, 1)),
                detection: &detection,
                region: None,
                mis: None,
            };
            assert_eq!(pilot_applies(&q, &p).reason, reason, "{code:?}");
            let q = PilotQuery { on: None, ..q };
            assert_eq!(pilot_applies(&q, &p).reason, PilotReason::NoDate);
        }
    }
}
