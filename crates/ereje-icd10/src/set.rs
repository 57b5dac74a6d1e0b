//! [`Icd10Set`]: a set of ICD-10 codes as the regulations write it, with lists and ranges.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Icd10Code;
use crate::error::{Icd10Error, excerpt};

/// An inclusive range of codes, `from - to`, in the order of the classification.
///
/// The lower bound starts the range at itself: `Q71.0 - Q71.3` does not contain the bare
/// category `Q71`, while `S68 - S68.9` contains `S68`. The upper bound covers its own
/// subdivisions: a category bound covers all its subcategories (`T05 - T08` contains `T08.9`),
/// a four-character bound its five-character codes (`B18.0 - B18.1` contains `B18.19`).
///
/// Every well-formed code between the bounds is contained, whether or not the WHO list knows it
/// (`Q71.7` is inside `Q71.0 - Q71.9` but absent from the list); existence is a separate check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Icd10Range {
    from: Icd10Code,
    to: Icd10Code,
}

impl Icd10Range {
    /// A range from `from` to `to`, both inclusive.
    ///
    /// # Errors
    /// [`Icd10Error::ReversedRange`] when `from` comes after `to` (`S68.9 - S68` is reversed:
    /// a category comes before its subcategories).
    ///
    /// # Example
    /// ```
    /// use ereje_icd10::{Icd10Code, Icd10Range};
    /// let r = Icd10Range::new("Q71.0".parse()?, "Q71.3".parse()?)?;
    /// assert!(r.contains(&"Q71.2".parse()?));
    /// assert!(Icd10Range::new("Q71.3".parse()?, "Q71.0".parse()?).is_err());
    /// # Ok::<(), ereje_icd10::Icd10Error>(())
    /// ```
    pub fn new(from: Icd10Code, to: Icd10Code) -> Result<Icd10Range, Icd10Error> {
        if from > to {
            return Err(Icd10Error::ReversedRange { from, to });
        }
        Ok(Icd10Range { from, to })
    }

    /// The lower bound as written.
    pub fn from(&self) -> Icd10Code {
        self.from
    }

    /// The upper bound as written.
    pub fn to(&self) -> Icd10Code {
        self.to
    }

    /// Whether `code` is in the range (see the type's documentation for the bounds).
    pub fn contains(&self, code: &Icd10Code) -> bool {
        self.from.key() <= code.key() && code.key() <= self.to.last_descendant_key()
    }
}

impl fmt::Display for Icd10Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} - {}", self.from, self.to)
    }
}

/// One item of a code set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Icd10Item {
    /// A code named on its own (an item of a list): it matches only itself, so a bare category
    /// `S98` does not bring in `S98.4`.
    Code(Icd10Code),
    /// A range: bounds inclusive, the upper bound covering its subdivisions.
    Range(Icd10Range),
}

impl Icd10Item {
    /// Whether the item matches `code`.
    pub fn contains(&self, code: &Icd10Code) -> bool {
        match self {
            Icd10Item::Code(c) => c == code,
            Icd10Item::Range(r) => r.contains(code),
        }
    }
}

impl fmt::Display for Icd10Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Icd10Item::Code(c) => c.fmt(f),
            Icd10Item::Range(r) => r.fmt(f),
        }
    }
}

/// A set of ICD-10 codes written the way the regulations write them: the union of its items,
/// each a single code (**list** semantics) or a range (**range** semantics).
///
/// The pilot on absentee МСЭ (joint order No. 168/56 of June 2025, appendix 1 to the algorithm)
/// gives its nosologies as, for example, `Q71.0 - Q71.3`, `S68 - S68.9` and
/// `S98, S98.0, S98.1, S98.2, S98.3`. In a range the bounds are inclusive and a category bound
/// covers its subcodes; in a list a bare category matches only the three-character code itself,
/// so `S98.4` is **not** in the last set.
///
/// Text form: items separated by commas, semicolons or whitespace; a range is two codes joined
/// by a dash (`-`, `–`, `—`, `‐`, `‑`, `‒`, `―`, `−`), with or without spaces. Codes are read
/// like [`Icd10Code::parse`] (case, Cyrillic look-alike letters, missing dot). [`Display`]
/// writes the canonical form (`S48, S48.0, S68 - S68.9`), which parses back to an equal set.
/// Serialised as that string; deserialised with [`Icd10Set::parse`].
///
/// [`Display`]: fmt::Display
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Icd10Set {
    items: Vec<Icd10Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    Code(&'a str),
    Dash,
    Sep,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

fn is_sep(c: char) -> bool {
    matches!(c, ',' | ';')
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let dash = is_dash(c);
        let sep = is_sep(c);
        if dash || sep || c.is_whitespace() {
            if let Some(s) = start.take() {
                if let Some(code) = text.get(s..i) {
                    out.push(Tok::Code(code));
                }
            }
            if dash {
                out.push(Tok::Dash);
            } else if sep {
                out.push(Tok::Sep);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(code) = start.and_then(|s| text.get(s..)) {
        out.push(Tok::Code(code));
    }
    out
}

impl Icd10Set {
    /// Reads a code set from its text form (see the type's documentation).
    ///
    /// # Errors
    /// [`Icd10Error::EmptySet`] for a blank text, [`Icd10Error::EmptyItem`] for a stray
    /// separator (`A00,` or `A00,,A01`), [`Icd10Error::RangeBound`] for a dash without one code
    /// on each side, [`Icd10Error::ReversedRange`], or the [`Icd10Error::Malformed`] error of a
    /// code.
    ///
    /// # Example
    /// ```
    /// use ereje_icd10::{Icd10Code, Icd10Set};
    /// let list = Icd10Set::parse("S98, S98.0, S98.1, S98.2, S98.3")?;
    /// assert!(list.contains(&"S98".parse()?));
    /// assert!(!list.contains(&"S98.4".parse()?)); // not listed
    /// let range = Icd10Set::parse("S68 – S68.9")?; // en dash
    /// assert!(range.contains(&"S68".parse()?) && range.contains(&"S68.4".parse()?));
    /// assert!(Icd10Set::parse("S68 -").is_err());
    /// # Ok::<(), ereje_icd10::Icd10Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Icd10Set, Icd10Error> {
        let toks = tokens(text);
        let mut items = Vec::new();
        let mut iter = toks.iter().copied().peekable();
        // True at the start and after a separator: a code must come before the next separator.
        let mut after_sep = true;
        let range_bound = || Icd10Error::RangeBound { text: excerpt(text.trim()) };
        while let Some(tok) = iter.next() {
            match tok {
                Tok::Sep if after_sep => {
                    return Err(Icd10Error::EmptyItem { text: excerpt(text.trim()) });
                }
                Tok::Sep => after_sep = true,
                Tok::Dash => return Err(range_bound()),
                Tok::Code(a) => {
                    after_sep = false;
                    let from = Icd10Code::parse(a)?.code;
                    if iter.next_if_eq(&Tok::Dash).is_none() {
                        items.push(Icd10Item::Code(from));
                        continue;
                    }
                    let Some(Tok::Code(b)) = iter.next() else { return Err(range_bound()) };
                    let to = Icd10Code::parse(b)?.code;
                    items.push(Icd10Item::Range(Icd10Range::new(from, to)?));
                    if iter.peek() == Some(&Tok::Dash) {
                        return Err(range_bound());
                    }
                }
            }
        }
        if items.is_empty() {
            return Err(Icd10Error::EmptySet);
        }
        if after_sep {
            return Err(Icd10Error::EmptyItem { text: excerpt(text.trim()) });
        }
        Ok(Icd10Set { items })
    }

    /// A set of the given items, in that order.
    ///
    /// # Errors
    /// [`Icd10Error::EmptySet`] when `items` is empty.
    ///
    /// # Example
    /// ```
    /// use ereje_icd10::{Icd10Item, Icd10Set};
    /// let set = Icd10Set::from_items(vec![Icd10Item::Code("Q90".parse()?)])?;
    /// assert_eq!(set.to_string(), "Q90");
    /// assert!(Icd10Set::from_items(vec![]).is_err());
    /// # Ok::<(), ereje_icd10::Icd10Error>(())
    /// ```
    pub fn from_items(items: Vec<Icd10Item>) -> Result<Icd10Set, Icd10Error> {
        if items.is_empty() {
            return Err(Icd10Error::EmptySet);
        }
        Ok(Icd10Set { items })
    }

    /// The items, in the order written.
    pub fn items(&self) -> &[Icd10Item] {
        &self.items
    }

    /// Whether any item matches `code`.
    pub fn contains(&self, code: &Icd10Code) -> bool {
        self.items.iter().any(|item| item.contains(code))
    }

    /// The codes of the WHO list that the set contains, in code order, each once.
    ///
    /// # Example
    /// ```
    /// use ereje_icd10::Icd10Set;
    /// let set = Icd10Set::parse("S68 - S68.9")?;
    /// let codes: Vec<String> = set.who_codes().iter().map(|c| c.to_string()).collect();
    /// assert_eq!(codes, ["S68", "S68.0", "S68.1", "S68.2", "S68.3", "S68.4", "S68.8", "S68.9"]);
    /// # Ok::<(), ereje_icd10::Icd10Error>(())
    /// ```
    pub fn who_codes(&self) -> Vec<Icd10Code> {
        let all = crate::who_codes();
        let mut out = Vec::new();
        for item in &self.items {
            match item {
                Icd10Item::Code(c) => {
                    if c.exists() {
                        out.push(*c);
                    }
                }
                Icd10Item::Range(r) => {
                    let lo = all.partition_point(|c| c.key() < r.from.key());
                    let hi = all.partition_point(|c| c.key() <= r.to.last_descendant_key());
                    out.extend_from_slice(all.get(lo..hi).unwrap_or_default());
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The codes written in the set (listed codes and range bounds) that the WHO list does not
    /// know, in the order written: a check for regulation data.
    ///
    /// # Example
    /// ```
    /// use ereje_icd10::Icd10Set;
    /// let set = Icd10Set::parse("Q71.0 - Q71.3, U99.9")?;
    /// assert_eq!(set.unknown_codes(), ["U99.9".parse()?]);
    /// # Ok::<(), ereje_icd10::Icd10Error>(())
    /// ```
    pub fn unknown_codes(&self) -> Vec<Icd10Code> {
        self.items
            .iter()
            .flat_map(|item| match item {
                Icd10Item::Code(c) => [Some(*c), None],
                Icd10Item::Range(r) => [Some(r.from), Some(r.to)],
            })
            .flatten()
            .filter(|c| !c.exists())
            .collect()
    }
}

impl fmt::Display for Icd10Set {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            item.fmt(f)?;
        }
        Ok(())
    }
}

impl FromStr for Icd10Set {
    type Err = Icd10Error;

    /// The same as [`Icd10Set::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Icd10Set::parse(s)
    }
}

impl Serialize for Icd10Set {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Icd10Set {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Icd10Set::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Icd10Code {
        Icd10Code::from_canonical(s).unwrap_or_else(|| panic!("test code {s}"))
    }

    fn set(s: &str) -> Icd10Set {
        Icd10Set::parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    fn who(s: &Icd10Set) -> Vec<String> {
        s.who_codes().iter().map(ToString::to_string).collect()
    }

    /// The code column of appendix 1 to the algorithm of the absentee МСЭ pilot (seed 004), as
    /// printed (cells that hold several groups run them together with spaces), and the WHO codes
    /// each cell contains.
    const SEED_004: &[(&str, &str, &[&str])] = &[
        ("Q71.0 - Q71.3", "Q71.0 - Q71.3", &["Q71.0", "Q71.1", "Q71.2", "Q71.3"]),
        ("Q72.0 - Q72.3", "Q72.0 - Q72.3", &["Q72.0", "Q72.1", "Q72.2", "Q72.3"]),
        (
            "S48, S48.0, S48.1, S48.9 S58, S58.0, S58.1, S58.9 S68 - S68.9",
            "S48, S48.0, S48.1, S48.9, S58, S58.0, S58.1, S58.9, S68 - S68.9",
            &[
                "S48", "S48.0", "S48.1", "S48.9", "S58", "S58.0", "S58.1", "S58.9", "S68", "S68.0",
                "S68.1", "S68.2", "S68.3", "S68.4", "S68.8", "S68.9",
            ],
        ),
        (
            "S78, S78.0, S78.1, S78.9 S88, S88.0, S88.1, S88.9 S98, S98.0, S98.1, S98.2, S98.3",
            "S78, S78.0, S78.1, S78.9, S88, S88.0, S88.1, S88.9, S98, S98.0, S98.1, S98.2, S98.3",
            &[
                "S78", "S78.0", "S78.1", "S78.9", "S88", "S88.0", "S88.1", "S88.9", "S98", "S98.0",
                "S98.1", "S98.2", "S98.3",
            ],
        ),
        (
            "T05 - T05.9",
            "T05 - T05.9",
            &[
                "T05", "T05.0", "T05.1", "T05.2", "T05.3", "T05.4", "T05.5", "T05.6", "T05.8",
                "T05.9",
            ],
        ),
        (
            "Q90, Q90.0, Q90.1, Q90.2, Q90.9",
            "Q90, Q90.0, Q90.1, Q90.2, Q90.9",
            &["Q90", "Q90.0", "Q90.1", "Q90.2", "Q90.9"],
        ),
        (
            "E76, E76.0, E76.1, E76.2, E76.3, E76.8, E76.9",
            "E76, E76.0, E76.1, E76.2, E76.3, E76.8, E76.9",
            &["E76", "E76.0", "E76.1", "E76.2", "E76.3", "E76.8", "E76.9"],
        ),
    ];

    #[test]
    fn seed_004_sets() {
        for &(text, canonical, expected) in SEED_004 {
            let s = set(text);
            assert_eq!(s.to_string(), canonical, "{text}");
            assert_eq!(who(&s), expected, "{text}");
            assert_eq!(s.unknown_codes(), [], "{text}");
            assert_eq!(set(canonical), s, "{text}");
        }
    }

    #[test]
    fn seed_004_edge_codes() {
        let s98 = set(
            "S78, S78.0, S78.1, S78.9 S88, S88.0, S88.1, S88.9 S98, S98.0, S98.1, S98.2, S98.3",
        );
        assert!(s98.contains(&code("S98")));
        assert!(!s98.contains(&code("S98.4")), "S98.4 is not listed");
        let q71 = set("Q71.0 - Q71.3");
        assert!(
            !q71.contains(&code("Q71")),
            "the lower bound is a subcode: the category is outside"
        );
        assert!(!q71.contains(&code("Q71.4")));
        let s68 = set("S68 - S68.9");
        assert!(s68.contains(&code("S68")));
        assert!(!s68.contains(&code("S69")));
        assert!(!s68.contains(&code("S67.9")));
        let e76 = set("E76, E76.0, E76.1, E76.2, E76.3, E76.8, E76.9");
        assert!(!e76.contains(&code("E77")));
    }

    /// Text, canonical form.
    const FORMS: &[(&str, &str)] = &[
        ("Q71.0-Q71.3", "Q71.0 - Q71.3"),
        ("Q71.0 – Q71.3", "Q71.0 - Q71.3"),
        ("Q71.0—Q71.3", "Q71.0 - Q71.3"),
        ("Q71.0 − Q71.3", "Q71.0 - Q71.3"),
        ("Q71.0 ‐ Q71.3", "Q71.0 - Q71.3"),
        ("Q71.0 - Q71.3; Q72.0 - Q72.3", "Q71.0 - Q71.3, Q72.0 - Q72.3"),
        ("Q90,Q90.0", "Q90, Q90.0"),
        ("  Q90 ,\nQ90.0  ", "Q90, Q90.0"),
        ("q90, Q900", "Q90, Q90.0"),
        ("С50 - С50.9", "C50 - C50.9"),
        ("S68 - S68", "S68 - S68"),
        ("A00 - B99, Z99.9", "A00 - B99, Z99.9"),
    ];

    #[test]
    fn text_forms() {
        for &(text, canonical) in FORMS {
            assert_eq!(set(text).to_string(), canonical, "{text:?}");
        }
    }

    #[test]
    fn bad_sets() {
        type Expect = fn(&Icd10Error) -> bool;
        let cases: &[(&str, Expect)] = &[
            ("", |e| *e == Icd10Error::EmptySet),
            (" \t ", |e| *e == Icd10Error::EmptySet),
            (",", |e| matches!(e, Icd10Error::EmptyItem { .. })),
            ("A00,", |e| matches!(e, Icd10Error::EmptyItem { .. })),
            (", A00", |e| matches!(e, Icd10Error::EmptyItem { .. })),
            ("A00,, A01", |e| matches!(e, Icd10Error::EmptyItem { .. })),
            ("A00 -", |e| matches!(e, Icd10Error::RangeBound { .. })),
            ("- A00", |e| matches!(e, Icd10Error::RangeBound { .. })),
            ("A00 - - A01", |e| matches!(e, Icd10Error::RangeBound { .. })),
            ("A00 - A01 - A02", |e| matches!(e, Icd10Error::RangeBound { .. })),
            ("A00, - A01", |e| matches!(e, Icd10Error::RangeBound { .. })),
            ("A00 -, A01", |e| matches!(e, Icd10Error::RangeBound { .. })),
            ("Q71.3 - Q71.0", |e| matches!(e, Icd10Error::ReversedRange { .. })),
            ("S68.9 - S68", |e| matches!(e, Icd10Error::ReversedRange { .. })),
            ("Q71,0", |e| matches!(e, Icd10Error::Malformed { value } if value == "0")),
            ("Q71 .0", |e| matches!(e, Icd10Error::Malformed { value } if value == ".0")),
            ("S48 и S58", |e| matches!(e, Icd10Error::Malformed { value } if value == "и")),
        ];
        for (text, ok) in cases {
            match Icd10Set::parse(text) {
                Ok(s) => panic!("{text:?} parsed as {s}"),
                Err(e) => assert!(ok(&e), "{text:?}: unexpected {e:?}"),
            }
        }
    }

    #[test]
    fn range_bounds_and_subdivisions() {
        let r = set("B18.0 - B18.1");
        for inside in ["B18.0", "B18.00", "B18.09", "B18.1", "B18.10", "B18.19"] {
            assert!(r.contains(&code(inside)), "{inside}");
        }
        for outside in ["B18", "B18.2", "B17.9", "B19"] {
            assert!(!r.contains(&code(outside)), "{outside}");
        }
        let across = set("T05 - T08");
        assert!(across.contains(&code("T06.5")) && across.contains(&code("T08.9")));
        assert!(!across.contains(&code("T09")));
        // Well-formed codes the WHO list lacks are inside a range all the same.
        assert!(set("Q71.0 - Q71.9").contains(&code("Q71.7")));
    }

    #[test]
    fn union_of_lists_and_ranges() {
        let s = set("Q90, Q71.0 - Q71.3, E76.1");
        assert!(
            s.contains(&code("Q90")) && s.contains(&code("Q71.2")) && s.contains(&code("E76.1"))
        );
        assert!(!s.contains(&code("Q90.0")) && !s.contains(&code("E76")));
        assert_eq!(s.items().len(), 3);
    }

    #[test]
    fn serde_round_trip() {
        let s = set("S98, S98.0 S68–S68.9");
        let json = serde_json::to_string(&s).unwrap_or_default();
        assert_eq!(json, "\"S98, S98.0, S68 - S68.9\"");
        assert_eq!(serde_json::from_str::<Icd10Set>(&json).ok(), Some(s));
        assert!(serde_json::from_str::<Icd10Set>("\"S68 -\"").is_err());
    }
}
