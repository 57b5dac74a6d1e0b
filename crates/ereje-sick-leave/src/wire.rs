//! The lenient wire model: the sheet's JSON layout read as strings, numbers, booleans and
//! options, so that only bad JSON or a wrong primitive type fails to parse (an `INPUT` result);
//! every other problem is a finding of the check, with its JSON pointer.
//!
//! - Every field is optional (`#[serde(default)]`) and `null` means absent; a blank string
//!   counts as absent for the required-item rule.
//! - Unknown fields are ignored (a tolerant reader: senders may add their own fields); a
//!   misspelt required field therefore shows up as a missing item.
//! - Strings borrow from the input when they hold no escapes ([`WireStr`]), so reading a record
//!   costs little more than a typed parse.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Number;

use crate::model::{Sheet, sex_code};
use crate::routing::RoutingContext;

/// A string of the wire model: borrowed from the input when possible, owned otherwise (JSON
/// strings with escapes, CSV cells, generated records).
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WireStr<'a>(pub Cow<'a, str>);

impl WireStr<'_> {
    /// The same string, owned.
    pub fn into_owned(self) -> WireStr<'static> {
        WireStr(Cow::Owned(self.0.into_owned()))
    }

    /// The string without surrounding whitespace, or `None` when that is empty.
    pub fn filled(&self) -> Option<&str> {
        let t = trim(&self.0);
        (!t.is_empty()).then_some(t)
    }
}

impl Deref for WireStr<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for WireStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for WireStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'a> From<&'a str> for WireStr<'a> {
    fn from(s: &'a str) -> WireStr<'a> {
        WireStr(Cow::Borrowed(s))
    }
}

impl From<String> for WireStr<'static> {
    fn from(s: String) -> WireStr<'static> {
        WireStr(Cow::Owned(s))
    }
}

impl Serialize for WireStr<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for WireStr<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<WireStr<'a>, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = WireStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                v: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(WireStr(Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(WireStr(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(WireStr(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// `str::trim` with a fast path for the usual value that neither starts nor ends with
/// whitespace.
pub(crate) fn trim(s: &str) -> &str {
    let edge = |c: Option<char>| c.is_some_and(is_whitespace);
    if edge(s.chars().next()) || edge(s.chars().next_back()) { s.trim() } else { s }
}

/// `char::is_whitespace` (Unicode `White_Space`) without the table lookup.
fn is_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// True when an optional wire string is absent or blank.
pub(crate) fn blank(s: &Option<WireStr<'_>>) -> bool {
    s.as_ref().and_then(WireStr::filled).is_none()
}

/// The filled value of an optional wire string.
pub(crate) fn filled<'s>(s: &'s Option<WireStr<'_>>) -> Option<&'s str> {
    s.as_ref().and_then(WireStr::filled)
}

fn owned(s: &Option<WireStr<'_>>) -> Option<WireStr<'static>> {
    s.clone().map(WireStr::into_owned)
}

fn text(s: &str) -> Option<WireStr<'static>> {
    Some(WireStr::from(s.to_owned()))
}

/// Item 5 on the wire.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireOrganisation<'a> {
    /// `organisation/name`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub name: Option<WireStr<'a>>,
    /// `organisation/address`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub address: Option<WireStr<'a>>,
}

/// Item 8 on the wire.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireFullName<'a> {
    /// `full_name/surname`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub surname: Option<WireStr<'a>>,
    /// `full_name/name`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub name: Option<WireStr<'a>>,
    /// `full_name/patronymic`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<WireStr<'a>>,
}

/// A span of days on the wire (items 17, 21, 22).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WirePeriod<'a> {
    /// First day, `YYYY-MM-DD`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub from: Option<WireStr<'a>>,
    /// Last day (inclusive), `YYYY-MM-DD`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub to: Option<WireStr<'a>>,
}

/// A signing doctor on the wire (items 30–31, 32–33, 36–37).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireSignatory<'a> {
    /// Position.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub position: Option<WireStr<'a>>,
    /// Full name.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub name: Option<WireStr<'a>>,
}

/// A row of the release-from-work table on the wire (items 29–33).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireReleasePeriod<'a> {
    /// First day, `YYYY-MM-DD`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub from: Option<WireStr<'a>>,
    /// Last day (inclusive), `YYYY-MM-DD`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub to: Option<WireStr<'a>>,
    /// Items 30–31.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub doctor: Option<WireSignatory<'a>>,
    /// Items 32–33.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub second_doctor: Option<WireSignatory<'a>>,
}

/// A regime-violation mark on the wire (item 19).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireViolation<'a> {
    /// The day, `YYYY-MM-DD`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub date: Option<WireStr<'a>>,
    /// The mark.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub mark: Option<WireStr<'a>>,
}

/// Items 24–28 on the wire.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireMse<'a> {
    /// Item 24: referred.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referred: Option<bool>,
    /// Item 24: the referral date.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub referral_date: Option<WireStr<'a>>,
    /// Item 25.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub referring_doctor: Option<WireStr<'a>>,
    /// Item 26.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub examination_date: Option<WireStr<'a>>,
    /// Item 27.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<WireStr<'a>>,
    /// Item 28.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub head: Option<WireStr<'a>>,
}

/// A reference to another sheet on the wire (`continues`, item 35 `new_sheet`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireSheetRef<'a> {
    /// The series.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub series: Option<WireStr<'a>>,
    /// The number.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub number: Option<WireStr<'a>>,
}

/// One sheet as read from JSON: the layout of [`Sheet`], every field optional and loosely typed.
///
/// ```
/// use ereje_sick_leave::WireSheet;
/// let w: WireSheet = serde_json::from_str(r#"{"number": "0000001", "issue_date": "2024-02-30", "x": 1}"#)?;
/// assert_eq!(w.number.as_deref(), Some("0000001"));
/// assert_eq!(w.issue_date.as_deref(), Some("2024-02-30")); // a finding of the check, not a parse error
/// // A wrong primitive type is a parse error (an `INPUT` result):
/// assert!(serde_json::from_str::<WireSheet>(r#"{"age": "35"}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WireSheet<'a> {
    /// Item 1: series.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub series: Option<WireStr<'a>>,
    /// Item 1: number.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub number: Option<WireStr<'a>>,
    /// Item 2: `open`, `extended`, `closed`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub status: Option<WireStr<'a>>,
    /// Item 3: `primary`, `continuation`, `closure`.
    #[serde(borrow, rename = "type", skip_serializing_if = "Option::is_none")]
    pub sheet_type: Option<WireStr<'a>>,
    /// Item 4: `male`, `female`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub sex: Option<WireStr<'a>>,
    /// Item 5.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<WireOrganisation<'a>>,
    /// Item 6, `YYYY-MM-DD`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<WireStr<'a>>,
    /// Item 7: full years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<Number>,
    /// Item 8.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<WireFullName<'a>>,
    /// Item 9.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub workplace: Option<WireStr<'a>>,
    /// Item 10.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub position: Option<WireStr<'a>>,
    /// Item 11.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub icd10: Option<WireStr<'a>>,
    /// Item 12.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub final_icd10: Option<WireStr<'a>>,
    /// Item 13: see [`crate::IncapacityKind`].
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub kind: Option<WireStr<'a>>,
    /// Item 14: full years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub child_age: Option<Number>,
    /// Item 15.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub child_icd10: Option<WireStr<'a>>,
    /// Item 16.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub child_quarantine_icd10: Option<WireStr<'a>>,
    /// Item 17.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub sanatorium: Option<WirePeriod<'a>>,
    /// Item 18: `outpatient`, `inpatient`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub regime: Option<WireStr<'a>>,
    /// Item 19.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub regime_violations: Option<Vec<WireViolation<'a>>>,
    /// Item 20.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub doctor: Option<WireStr<'a>>,
    /// Item 21.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub inpatient_stay: Option<WirePeriod<'a>>,
    /// Item 22.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub other_work: Option<WirePeriod<'a>>,
    /// Item 23.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub chief_doctor: Option<WireStr<'a>>,
    /// Items 24–28.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub mse: Option<WireMse<'a>>,
    /// Items 29–33.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub release_periods: Option<Vec<WireReleasePeriod<'a>>>,
    /// Item 34, `YYYY-MM-DD`.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub return_to_work: Option<WireStr<'a>>,
    /// Item 35.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub new_sheet: Option<WireSheetRef<'a>>,
    /// Items 36–37.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub closing_doctor: Option<WireSignatory<'a>>,
    /// Item 38.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub sender_mis: Option<WireStr<'a>>,
    /// Ereje field: see [`crate::ClosingOutcome`].
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<WireStr<'a>>,
    /// The patient's ИИН.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub iin: Option<WireStr<'a>>,
    /// The sheet this one continues.
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub continues: Option<WireSheetRef<'a>>,
    /// Ereje field: gestational age in weeks on the issue date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gestational_weeks: Option<Number>,
    /// Ereje field: the pilot's routing context.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routing: Option<RoutingContext>,
}

impl<'a> WireSheet<'a> {
    /// Reads one record's bytes (JSON), borrowing strings from them where possible.
    ///
    /// # Errors
    /// The parser's error for bad JSON or a wrong primitive type: the caller's `INPUT` result.
    ///
    /// # Example
    /// ```
    /// use ereje_sick_leave::WireSheet;
    /// assert!(WireSheet::from_slice(br#"{"number":"1"}"#).is_ok());
    /// assert!(WireSheet::from_slice(br#"{"number":1}"#).is_err());
    /// ```
    pub fn from_slice(bytes: &'a [u8]) -> Result<WireSheet<'a>, serde_json::Error> {
        serde_json::from_slice(bytes)
    }
}

fn wire_period(p: &crate::model::Period) -> WirePeriod<'static> {
    WirePeriod { from: text(&p.from.to_string()), to: text(&p.to.to_string()) }
}

fn wire_signatory(s: &crate::model::Signatory) -> WireSignatory<'static> {
    WireSignatory { position: text(&s.position), name: text(&s.name) }
}

fn wire_ref(r: &crate::model::SheetRef) -> WireSheetRef<'static> {
    WireSheetRef { series: r.series.as_deref().and_then(text), number: text(r.number.as_str()) }
}

impl From<&Sheet> for WireSheet<'static> {
    /// The wire form of a typed sheet (owned strings): what a sender of a correct record sends.
    fn from(s: &Sheet) -> WireSheet<'static> {
        WireSheet {
            series: s.series.as_deref().and_then(text),
            number: text(s.number.as_str()),
            status: text(s.status.code()),
            sheet_type: text(s.sheet_type.code()),
            sex: text(sex_code(s.sex)),
            organisation: Some(WireOrganisation {
                name: text(&s.organisation.name),
                address: text(&s.organisation.address),
            }),
            issue_date: text(&s.issue_date.to_string()),
            age: Some(Number::from(s.age)),
            full_name: Some(WireFullName {
                surname: text(&s.full_name.surname),
                name: text(&s.full_name.name),
                patronymic: s.full_name.patronymic.as_deref().and_then(text),
            }),
            workplace: text(&s.workplace),
            position: text(&s.position),
            icd10: text(&s.icd10.to_string()),
            final_icd10: s.final_icd10.and_then(|c| text(&c.to_string())),
            kind: text(s.kind.code()),
            child_age: s.child_age.map(Number::from),
            child_icd10: s.child_icd10.and_then(|c| text(&c.to_string())),
            child_quarantine_icd10: s.child_quarantine_icd10.and_then(|c| text(&c.to_string())),
            sanatorium: s.sanatorium.as_ref().map(wire_period),
            regime: text(s.regime.code()),
            regime_violations: (!s.regime_violations.is_empty()).then(|| {
                s.regime_violations
                    .iter()
                    .map(|v| WireViolation {
                        date: v.date.and_then(|d| text(&d.to_string())),
                        mark: text(&v.mark),
                    })
                    .collect()
            }),
            doctor: text(&s.doctor),
            inpatient_stay: s.inpatient_stay.as_ref().map(wire_period),
            other_work: s.other_work.as_ref().map(wire_period),
            chief_doctor: s.chief_doctor.as_deref().and_then(text),
            mse: (!s.mse.is_empty()).then(|| WireMse {
                referred: s.mse.referred.then_some(true),
                referral_date: s.mse.referral_date.and_then(|d| text(&d.to_string())),
                referring_doctor: s.mse.referring_doctor.as_deref().and_then(text),
                examination_date: s.mse.examination_date.and_then(|d| text(&d.to_string())),
                conclusion: s.mse.conclusion.as_deref().and_then(text),
                head: s.mse.head.as_deref().and_then(text),
            }),
            release_periods: Some(
                s.release_periods
                    .iter()
                    .map(|p| WireReleasePeriod {
                        from: text(&p.from.to_string()),
                        to: text(&p.to.to_string()),
                        doctor: Some(wire_signatory(&p.doctor)),
                        second_doctor: p.second_doctor.as_ref().map(wire_signatory),
                    })
                    .collect(),
            ),
            return_to_work: s.return_to_work.and_then(|d| text(&d.to_string())),
            new_sheet: s.new_sheet.as_ref().map(wire_ref),
            closing_doctor: s.closing_doctor.as_ref().map(wire_signatory),
            sender_mis: text(&s.sender_mis),
            outcome: s.outcome.and_then(|o| text(o.code())),
            iin: text(s.iin.as_str()),
            continues: s.continues.as_ref().map(wire_ref),
            gestational_weeks: s.gestational_weeks.map(Number::from),
            routing: s.routing,
        }
    }
}

impl WireSheet<'_> {
    /// The same record with every string owned.
    pub fn into_owned(self) -> WireSheet<'static> {
        let period = |p: Option<WirePeriod<'_>>| {
            p.map(|p| WirePeriod { from: owned(&p.from), to: owned(&p.to) })
        };
        let signatory = |s: &Option<WireSignatory<'_>>| {
            s.as_ref().map(|s| WireSignatory { position: owned(&s.position), name: owned(&s.name) })
        };
        let sheet_ref = |r: Option<WireSheetRef<'_>>| {
            r.map(|r| WireSheetRef { series: owned(&r.series), number: owned(&r.number) })
        };
        WireSheet {
            series: owned(&self.series),
            number: owned(&self.number),
            status: owned(&self.status),
            sheet_type: owned(&self.sheet_type),
            sex: owned(&self.sex),
            organisation: self
                .organisation
                .map(|o| WireOrganisation { name: owned(&o.name), address: owned(&o.address) }),
            issue_date: owned(&self.issue_date),
            age: self.age,
            full_name: self.full_name.map(|n| WireFullName {
                surname: owned(&n.surname),
                name: owned(&n.name),
                patronymic: owned(&n.patronymic),
            }),
            workplace: owned(&self.workplace),
            position: owned(&self.position),
            icd10: owned(&self.icd10),
            final_icd10: owned(&self.final_icd10),
            kind: owned(&self.kind),
            child_age: self.child_age,
            child_icd10: owned(&self.child_icd10),
            child_quarantine_icd10: owned(&self.child_quarantine_icd10),
            sanatorium: period(self.sanatorium),
            regime: owned(&self.regime),
            regime_violations: self.regime_violations.map(|v| {
                v.into_iter()
                    .map(|v| WireViolation { date: owned(&v.date), mark: owned(&v.mark) })
                    .collect()
            }),
            doctor: owned(&self.doctor),
            inpatient_stay: period(self.inpatient_stay),
            other_work: period(self.other_work),
            chief_doctor: owned(&self.chief_doctor),
            mse: self.mse.map(|m| WireMse {
                referred: m.referred,
                referral_date: owned(&m.referral_date),
                referring_doctor: owned(&m.referring_doctor),
                examination_date: owned(&m.examination_date),
                conclusion: owned(&m.conclusion),
                head: owned(&m.head),
            }),
            release_periods: self.release_periods.map(|rows| {
                rows.into_iter()
                    .map(|p| WireReleasePeriod {
                        from: owned(&p.from),
                        to: owned(&p.to),
                        doctor: signatory(&p.doctor),
                        second_doctor: signatory(&p.second_doctor),
                    })
                    .collect()
            }),
            return_to_work: owned(&self.return_to_work),
            new_sheet: sheet_ref(self.new_sheet),
            closing_doctor: signatory(&self.closing_doctor),
            sender_mis: owned(&self.sender_mis),
            outcome: owned(&self.outcome),
            iin: owned(&self.iin),
            continues: sheet_ref(self.continues),
            gestational_weeks: self.gestational_weeks,
            routing: self.routing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_unicode_white_space() {
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            assert_eq!(is_whitespace(c), c.is_whitespace(), "{:?}", c);
        }
        assert_eq!(trim("\u{a0}Динара "), "Динара");
        assert_eq!(trim("Динара"), "Динара");
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let json = br#"{"number":"0000001","doctor":"\u0410\u0431\u0430\u0439"}"#;
        let w = WireSheet::from_slice(json).unwrap();
        assert!(matches!(w.number.as_ref().map(|s| &s.0), Some(Cow::Borrowed(_))));
        assert!(matches!(w.doctor.as_ref().map(|s| &s.0), Some(Cow::Owned(_))));
        assert_eq!(w.doctor.as_deref(), Some("Абай"));
    }

    #[test]
    fn null_is_absent_and_unknown_fields_are_ignored() {
        let w = WireSheet::from_slice(br#"{"number":null,"extra":{"a":[1,2]}}"#).unwrap();
        assert_eq!(w, WireSheet::default());
    }

    #[test]
    fn typed_sheet_round_trips_through_the_wire_layout() {
        let sheet = crate::example_sheet();
        let wire = WireSheet::from(&sheet);
        let json = serde_json::to_string(&wire).unwrap();
        assert_eq!(json, serde_json::to_string(&sheet).unwrap());
        let back: Sheet = serde_json::from_str(&json).unwrap();
        assert_eq!(back, sheet);
        let owned = WireSheet::from_slice(json.as_bytes()).unwrap().into_owned();
        assert_eq!(owned, wire);
    }
}
