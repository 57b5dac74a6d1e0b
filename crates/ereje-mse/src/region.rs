//! The regions of Kazakhstan that take part in the pilot and the medical information systems
//! (МИС) its launch schedule names: the two keys of the schedule.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::MseError;

/// A region (область) or a city of republican significance, as the rows 2–21 of Appendix 1 to
/// the joint order (the launch schedule) name their health departments.
///
/// Codes are kebab-case Latin names (`akmola`, `almaty-region`, `almaty` for the city). Row 19 of
/// the seed prints «области Ұлығату», read as Ulytau (Ұлытау).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    /// Akmola region (row 2).
    Akmola,
    /// Pavlodar region (row 3).
    Pavlodar,
    /// The city of Astana (row 4).
    Astana,
    /// West Kazakhstan region (row 5).
    WestKazakhstan,
    /// Karaganda region (row 6).
    Karaganda,
    /// North Kazakhstan region (row 7).
    NorthKazakhstan,
    /// Almaty region (row 8).
    AlmatyRegion,
    /// The city of Almaty (row 9).
    Almaty,
    /// Turkestan region (row 10).
    Turkestan,
    /// Mangystau region (row 11).
    Mangystau,
    /// Kostanay region (row 12).
    Kostanay,
    /// The city of Shymkent (row 13).
    Shymkent,
    /// Zhambyl region (row 14).
    Zhambyl,
    /// Atyrau region (row 15).
    Atyrau,
    /// East Kazakhstan region (row 16).
    EastKazakhstan,
    /// Kyzylorda region (row 17).
    Kyzylorda,
    /// Aktobe region (row 18).
    Aktobe,
    /// Ulytau region (row 19, printed «Ұлығату» in the seed).
    Ulytau,
    /// Zhetysu region (row 20).
    Zhetysu,
    /// Abai region (row 21).
    Abai,
}

/// Per region: code, row of Appendix 1 to the order, Russian name, and extra spellings accepted
/// by [`Region::parse_lenient`] (lower case).
const REGIONS: &[(Region, &str, u8, &str, &[&str])] = &[
    (Region::Akmola, "akmola", 2, "Акмолинская область", &["акмолинская", "ақмола"]),
    (Region::Pavlodar, "pavlodar", 3, "Павлодарская область", &["павлодарская", "павлодар"]),
    (Region::Astana, "astana", 4, "город Астана", &["астана", "г. астана", "г.астана"]),
    (
        Region::WestKazakhstan,
        "west-kazakhstan",
        5,
        "Западно-Казахстанская область",
        &["западно-казахстанская", "зко", "батыс қазақстан"],
    ),
    (Region::Karaganda, "karaganda", 6, "Карагандинская область", &["карагандинская", "қарағанды"]),
    (
        Region::NorthKazakhstan,
        "north-kazakhstan",
        7,
        "Северо-Казахстанская область",
        &["северо-казахстанская", "ско", "солтүстік қазақстан"],
    ),
    (Region::AlmatyRegion, "almaty-region", 8, "Алматинская область", &["алматинская"]),
    (Region::Almaty, "almaty", 9, "город Алматы", &["алматы", "г. алматы", "г.алматы"]),
    (Region::Turkestan, "turkestan", 10, "Туркестанская область", &["туркестанская", "түркістан"]),
    (Region::Mangystau, "mangystau", 11, "Мангистауская область", &["мангистауская", "маңғыстау"]),
    (Region::Kostanay, "kostanay", 12, "Костанайская область", &["костанайская", "қостанай"]),
    (Region::Shymkent, "shymkent", 13, "город Шымкент", &["шымкент", "г. шымкент", "г.шымкент"]),
    (Region::Zhambyl, "zhambyl", 14, "Жамбылская область", &["жамбылская", "жамбыл"]),
    (Region::Atyrau, "atyrau", 15, "Атырауская область", &["атырауская", "атырау"]),
    (
        Region::EastKazakhstan,
        "east-kazakhstan",
        16,
        "Восточно-Казахстанская область",
        &["восточно-казахстанская", "вко", "шығыс қазақстан"],
    ),
    (
        Region::Kyzylorda,
        "kyzylorda",
        17,
        "Кызылординская область",
        &["кызылординская", "қызылорда"],
    ),
    (Region::Aktobe, "aktobe", 18, "Актюбинская область", &["актюбинская", "ақтөбе"]),
    (Region::Ulytau, "ulytau", 19, "область Ұлытау", &["ұлытау", "улытау", "ұлығату"]),
    (Region::Zhetysu, "zhetysu", 20, "область Жетісу", &["жетісу", "жетысу"]),
    (Region::Abai, "abai", 21, "область Абай", &["абай", "абайская"]),
];

impl Region {
    /// Every region, in the order of the rows of Appendix 1 to the order (rows 2–21).
    pub const ALL: [Region; 20] = [
        Region::Akmola,
        Region::Pavlodar,
        Region::Astana,
        Region::WestKazakhstan,
        Region::Karaganda,
        Region::NorthKazakhstan,
        Region::AlmatyRegion,
        Region::Almaty,
        Region::Turkestan,
        Region::Mangystau,
        Region::Kostanay,
        Region::Shymkent,
        Region::Zhambyl,
        Region::Atyrau,
        Region::EastKazakhstan,
        Region::Kyzylorda,
        Region::Aktobe,
        Region::Ulytau,
        Region::Zhetysu,
        Region::Abai,
    ];

    fn entry(self) -> (&'static str, u8, &'static str) {
        REGIONS
            .iter()
            .find(|e| e.0 == self)
            .map_or(("", 0, ""), |&(_, code, row, name, _)| (code, row, name))
    }

    /// The code (`akmola`, `almaty-region`).
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::Region::AlmatyRegion.code(), "almaty-region");
    /// ```
    pub fn code(self) -> &'static str {
        self.entry().0
    }

    /// The row of the region's health department in Appendix 1 to the order (2–21).
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::Region::Abai.schedule_row(), 21);
    /// ```
    pub fn schedule_row(self) -> u8 {
        self.entry().1
    }

    /// The Russian name.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::Region::Ulytau.name_ru(), "область Ұлытау");
    /// ```
    pub fn name_ru(self) -> &'static str {
        self.entry().2
    }

    /// Reads a region leniently: its code, its Russian name, or a common short spelling (case and
    /// surrounding whitespace ignored, `ё` read as `е`).
    ///
    /// # Errors
    /// [`MseError::UnknownRegion`] when nothing matches.
    ///
    /// # Example
    /// ```
    /// use ereje_mse::Region;
    /// assert_eq!(Region::parse_lenient("Акмолинская область")?, Region::Akmola);
    /// assert_eq!(Region::parse_lenient(" ALMATY-REGION ")?, Region::AlmatyRegion);
    /// assert!(Region::parse_lenient("Narnia").is_err());
    /// # Ok::<(), ereje_mse::MseError>(())
    /// ```
    pub fn parse_lenient(value: &str) -> Result<Region, MseError> {
        // The code itself: no allocation.
        let trimmed = value.trim();
        if let Some(e) = REGIONS.iter().find(|e| e.1 == trimmed) {
            return Ok(e.0);
        }
        let v = trimmed.to_lowercase().replace('ё', "е");
        let v = v.strip_suffix(" область").or_else(|| v.strip_suffix(" обл.")).unwrap_or(&v);
        let v = v.strip_prefix("город ").or_else(|| v.strip_prefix("область ")).unwrap_or(v).trim();
        REGIONS
            .iter()
            .find(|(_, code, _, name, extra)| *code == v || eq_lower(name, v) || extra.contains(&v))
            .map(|e| e.0)
            .ok_or_else(|| MseError::UnknownRegion { value: value.trim().to_owned() })
    }
}

/// Whether `name` lower-cased equals `lower`, without allocating.
fn eq_lower(name: &str, lower: &str) -> bool {
    name.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Region {
    type Err = MseError;

    /// Strict: the code only (see [`Region::parse_lenient`] for names).
    fn from_str(s: &str) -> Result<Region, MseError> {
        REGIONS
            .iter()
            .find(|e| e.1 == s)
            .map(|e| e.0)
            .ok_or_else(|| MseError::UnknownRegion { value: s.to_owned() })
    }
}

impl Serialize for Region {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Region, D::Error> {
        crate::form::deserialize_str_with(d, "a region code", str::parse)
    }
}

/// The medical information system (МИС) a medical organisation uses, as far as the launch
/// schedule cares: the footnotes of Appendix 1 to the order name five vendors.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mis {
    /// ТОО «Центр Информационных технологий "ДАМУ"» (footnote *, July 2025).
    Damu,
    /// ТОО «Жетысу» (footnote **, August 2025).
    Zhetysu,
    /// ТОО «Надежда» (footnote **, August 2025).
    Nadezhda,
    /// ТОО «Infomed Kazakhstan» (footnote **, August 2025).
    InfomedKazakhstan,
    /// ТОО «МИС Авиценна» (footnote **, August 2025).
    Avicenna,
    /// Any other system, by the name the form gives.
    Other(String),
}

/// Per named vendor: code and the spellings accepted (lower case, quotes and `тоо` removed).
const VENDORS: &[(&str, &[&str])] = &[
    ("damu", &["даму", "цит даму", "центр информационных технологий даму"]),
    ("zhetysu", &["жетысу", "жетісу"]),
    ("nadezhda", &["надежда"]),
    ("infomed-kazakhstan", &["infomed", "infomed kazakhstan", "инфомед"]),
    ("avicenna", &["мис авиценна", "авиценна", "avicenna", "mis avicenna"]),
];

impl Mis {
    /// The code: `damu`, `zhetysu`, `nadezhda`, `infomed-kazakhstan`, `avicenna`, or the name
    /// of another system as given.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ereje_mse::Mis::Other("Комек".into()).code(), "Комек");
    /// ```
    pub fn code(&self) -> &str {
        match self {
            Mis::Damu => "damu",
            Mis::Zhetysu => "zhetysu",
            Mis::Nadezhda => "nadezhda",
            Mis::InfomedKazakhstan => "infomed-kazakhstan",
            Mis::Avicenna => "avicenna",
            Mis::Other(name) => name,
        }
    }

    fn from_code(code: &str) -> Option<Mis> {
        Some(match code {
            "damu" => Mis::Damu,
            "zhetysu" => Mis::Zhetysu,
            "nadezhda" => Mis::Nadezhda,
            "infomed-kazakhstan" => Mis::InfomedKazakhstan,
            "avicenna" => Mis::Avicenna,
            _ => return None,
        })
    }

    /// Reads the name of a system: a vendor's code or one of its usual spellings (case, quotes,
    /// `ТОО` ignored); anything else is [`Mis::Other`] with the trimmed name.
    ///
    /// # Errors
    /// [`MseError::EmptyValue`] for a blank name.
    ///
    /// # Example
    /// ```
    /// use ereje_mse::Mis;
    /// assert_eq!(Mis::parse_lenient("ТОО \"ЦИТ \"ДАМУ\"\"")?, Mis::Damu);
    /// assert_eq!(Mis::parse_lenient("Infomed Kazakhstan")?, Mis::InfomedKazakhstan);
    /// assert_eq!(Mis::parse_lenient("Damumed")?, Mis::Other("Damumed".into()));
    /// assert!(Mis::parse_lenient("  ").is_err());
    /// # Ok::<(), ereje_mse::MseError>(())
    /// ```
    pub fn parse_lenient(value: &str) -> Result<Mis, MseError> {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            return Err(MseError::EmptyValue { what: "medical information system" });
        }
        if let Some(m) = Mis::from_code(trimmed) {
            return Ok(m);
        }
        let cleaned: String = trimmed
            .to_lowercase()
            .chars()
            .map(|c| if matches!(c, '"' | '«' | '»' | '“' | '”' | '\'') { ' ' } else { c })
            .collect();
        let words: Vec<&str> = cleaned.split_whitespace().filter(|w| *w != "тоо").collect();
        let cleaned = words.join(" ");
        for (code, spellings) in VENDORS {
            if *code == cleaned || spellings.contains(&cleaned.as_str()) {
                return Ok(Mis::from_code(code).unwrap_or(Mis::Other(trimmed.to_owned())));
            }
        }
        Ok(Mis::Other(trimmed.to_owned()))
    }
}

impl fmt::Display for Mis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Mis {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Mis {
    /// Strict: a vendor's code, or any other non-blank name as [`Mis::Other`].
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Mis, D::Error> {
        crate::form::deserialize_str_with(d, "an MIS vendor", |s| {
            if s.trim().is_empty() {
                return Err("empty medical information system");
            }
            Ok(Mis::from_code(s).unwrap_or_else(|| Mis::Other(s.to_owned())))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_rows_are_2_to_21() {
        let mut rows = Vec::new();
        for r in Region::ALL {
            assert_eq!(r.code().parse::<Region>().ok(), Some(r));
            assert_eq!(Region::parse_lenient(r.name_ru()).ok(), Some(r), "{}", r.name_ru());
            rows.push(r.schedule_row());
        }
        assert_eq!(rows, (2..=21).collect::<Vec<u8>>());
        assert_eq!(REGIONS.len(), 20);
    }

    #[test]
    fn lenient_spellings() {
        let cases = [
            ("Ұлығату", Region::Ulytau),
            ("область Жетісу", Region::Zhetysu),
            ("г. Алматы", Region::Almaty),
            ("Алматинская обл.", Region::AlmatyRegion),
            ("ЗКО", Region::WestKazakhstan),
        ];
        for (text, region) in cases {
            assert_eq!(Region::parse_lenient(text).ok(), Some(region), "{text}");
        }
        assert!("Akmola".parse::<Region>().is_err(), "strict parse takes the code only");
    }

    #[test]
    fn vendors() {
        let cases = [
            ("damu", Mis::Damu),
            ("ТОО «Жетысу»", Mis::Zhetysu),
            ("Надежда", Mis::Nadezhda),
            ("ТОО \"Infomed Kazakhstan\"", Mis::InfomedKazakhstan),
            ("МИС Авиценна", Mis::Avicenna),
            ("Комек", Mis::Other("Комек".into())),
        ];
        for (text, mis) in cases {
            assert_eq!(Mis::parse_lenient(text).ok(), Some(mis), "{text}");
        }
        let json = serde_json::to_string(&Mis::Other("Комек".into())).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Mis>(&json).ok(), Some(Mis::Other("Комек".into())));
    }
}
