//! [`Icd10Code`]: one ICD-10 code, parsed and normalised from the ways people write it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Icd10Error, excerpt};

/// One ICD-10 (МКБ-10) code: a three-character category (`Q71`) or a subcategory (`Q71.0`, and
/// the few five-character codes of the WHO list such as `B18.00`).
///
/// The form is the one of the WHO classification (ICD-10, Volume 2, 2019 edition): a Latin
/// letter, two digits, and optionally a dot followed by one digit (four-character subcategory) or
/// two digits (five-character subdivision). The Kazakh data lists call the field «код МКБ-10»
/// (ru) / «АХЖ-10 коды» (kk), e.g. the list of data of the electronic sick-leave pilot (joint
/// order No. 160 of 31.10.2023, appendix to the algorithm, items 11–12).
///
/// A value of this type is always well formed; whether the WHO list knows it is a separate
/// question ([`Icd10Code::exists`]).
///
/// Ordering is the order of the classification: by letter, then number, then a category before
/// its subcategories (`B18 < B18.0 < B18.00 < B18.09 < B18.1 < B19`). It equals the byte order of
/// the canonical strings.
///
/// Serialised as its canonical string. [`Deserialize`] is strict: only the canonical form is
/// accepted (see [`Icd10Code::parse_canonical`]); validators read the lenient wire value and use
/// [`Icd10Code::parse`] to normalise it and report what was changed.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Icd10Code {
    /// `letter index (0..26) << 16 | number (0..100) << 8 | sub`, where `sub` is 0 for a
    /// category and `1 + 11 * d4 + (0 | 1 + d5)` for a subcategory: the integer order is the
    /// classification order.
    key: u32,
}

/// The Cyrillic letters that look like (or are typed on the same key as) a Latin ICD-10 letter,
/// with the Latin letter they are read as.
///
/// Russian keyboards: А В С Е Н К М О Р Т Х; Kazakh keyboards add І (U+0406, the Kazakh and
/// Ukrainian I) and Ү (U+04AE, straight U). Both cases are accepted.
pub const CYRILLIC_LOOKALIKES: &[(char, char)] = &[
    ('А', 'A'),
    ('В', 'B'),
    ('С', 'C'),
    ('Е', 'E'),
    ('Н', 'H'),
    ('І', 'I'),
    ('К', 'K'),
    ('М', 'M'),
    ('О', 'O'),
    ('Р', 'P'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('Ү', 'Y'),
];

/// A code read by [`Icd10Code::parse`], with what the normalisation had to change.
///
/// Case and surrounding whitespace are normalised silently; the Cyrillic letter and the missing
/// dot are recorded so that a validator can say so (rule `ICD-CYRILLIC`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    /// The code.
    pub code: Icd10Code,
    /// The Cyrillic look-alike letter that was read as the code's Latin letter, if any.
    pub replaced_cyrillic: Option<char>,
    /// True when the code was written without its dot (`Q710` for `Q71.0`).
    pub dot_inserted: bool,
}

impl Parsed {
    /// True when the letter was a Cyrillic look-alike replaced by its Latin twin.
    pub fn normalised_from_cyrillic(&self) -> bool {
        self.replaced_cyrillic.is_some()
    }
}

const fn digit(b: u8) -> Option<u32> {
    if b.is_ascii_digit() { Some((b - b'0') as u32) } else { None }
}

const fn key(letter: u8, d1: u8, d2: u8, d4: Option<u8>, d5: Option<u8>) -> Option<u32> {
    if !letter.is_ascii_uppercase() {
        return None;
    }
    let (Some(a), Some(b)) = (digit(d1), digit(d2)) else { return None };
    let sub = match (d4, d5) {
        (None, None) => 0,
        (Some(d4), None) => match digit(d4) {
            Some(x) => 1 + 11 * x,
            None => return None,
        },
        (Some(d4), Some(d5)) => match (digit(d4), digit(d5)) {
            (Some(x), Some(y)) => 1 + 11 * x + 1 + y,
            _ => return None,
        },
        (None, Some(_)) => return None,
    };
    Some(((letter - b'A') as u32) << 16 | (a * 10 + b) << 8 | sub)
}

/// The characters after the letter: the two digits of the number, the digits of the
/// subdivision, and whether the dot was missing.
struct Rest {
    d1: u8,
    d2: u8,
    d4: Option<u8>,
    d5: Option<u8>,
    dot_inserted: bool,
}

/// Splits the part after the letter, with or without the dot.
fn split_rest(rest: &[u8]) -> Option<Rest> {
    let r = |d1, d2, d4, d5, dot_inserted| Some(Rest { d1, d2, d4, d5, dot_inserted });
    match *rest {
        [a, b] => r(a, b, None, None, false),
        [a, b, b'.', c] => r(a, b, Some(c), None, false),
        [a, b, b'.', c, d] => r(a, b, Some(c), Some(d), false),
        [a, b, c] => r(a, b, Some(c), None, true),
        [a, b, c, d] => r(a, b, Some(c), Some(d), true),
        _ => None,
    }
}

fn latin_letter(c: char) -> Option<(u8, Option<char>)> {
    if c.is_ascii_alphabetic() {
        return Some((c.to_ascii_uppercase() as u8, None));
    }
    let upper = c.to_uppercase().next().filter(|_| c.to_uppercase().count() == 1)?;
    CYRILLIC_LOOKALIKES.iter().find(|(cyr, _)| *cyr == upper).map(|&(_, lat)| (lat as u8, Some(c)))
}

impl Icd10Code {
    /// Reads a code the way people write it, and says what had to be normalised.
    ///
    /// Accepted: surrounding whitespace (trimmed), lower case (`q71.0`), a Cyrillic look-alike
    /// letter ([`CYRILLIC_LOOKALIKES`], e.g. Cyrillic `С` in `С50.9`), and the code without its
    /// dot (`Q710`, `B1800`). Not accepted: a decimal comma (`Q71,0`), inner spaces, a trailing
    /// dot (`Q71.`), non-ASCII digits, the dagger/asterisk marks (`G01*`, `A39.0†`), more than
    /// two digits after the dot.
    ///
    /// # Errors
    /// [`Icd10Error::Empty`] for an empty or blank value, [`Icd10Error::Malformed`] otherwise.
    ///
    /// # Example
    /// ```
    /// use ereje_icd10::Icd10Code;
    /// let p = Icd10Code::parse(" с50.9 ")?; // Cyrillic с
    /// assert_eq!(p.code.to_string(), "C50.9");
    /// assert_eq!(p.replaced_cyrillic, Some('с'));
    /// assert!(Icd10Code::parse("Q71,0").is_err());
    /// # Ok::<(), ereje_icd10::Icd10Error>(())
    /// ```
    pub fn parse(value: &str) -> Result<Parsed, Icd10Error> {
        let trimmed = value.trim();
        let malformed = || Icd10Error::Malformed { value: excerpt(trimmed) };
        let mut chars = trimmed.chars();
        let Some(first) = chars.next() else { return Err(Icd10Error::Empty) };
        let (letter, replaced_cyrillic) = latin_letter(first).ok_or_else(malformed)?;
        let rest = split_rest(chars.as_str().as_bytes()).ok_or_else(malformed)?;
        let key = key(letter, rest.d1, rest.d2, rest.d4, rest.d5).ok_or_else(malformed)?;
        Ok(Parsed { code: Icd10Code { key }, replaced_cyrillic, dot_inserted: rest.dot_inserted })
    }

    /// Reads a code written exactly in canonical form (`Q71.0`), for fail-fast deserialisation.
    ///
    /// # Errors
    /// [`Icd10Error::NotCanonical`] when [`Icd10Code::parse`] would accept the value after
    /// normalising it, otherwise the error of [`Icd10Code::parse`].
    ///
    /// # Example
    /// ```
    /// use ereje_icd10::{Icd10Code, Icd10Error};
    /// assert_eq!(Icd10Code::parse_canonical("Q71.0")?.to_string(), "Q71.0");
    /// assert!(matches!(Icd10Code::parse_canonical("q710"), Err(Icd10Error::NotCanonical { .. })));
    /// # Ok::<(), Icd10Error>(())
    /// ```
    pub fn parse_canonical(value: &str) -> Result<Icd10Code, Icd10Error> {
        if let Some(code) = Icd10Code::from_canonical(value) {
            return Ok(code);
        }
        let parsed = Icd10Code::parse(value)?;
        Err(Icd10Error::NotCanonical { value: excerpt(value), canonical: parsed.code })
    }

    /// The code written exactly in canonical form, or `None`; usable in constants.
    ///
    /// # Example
    /// ```
    /// use ereje_icd10::Icd10Code;
    /// const Q90: Option<Icd10Code> = Icd10Code::from_canonical("Q90");
    /// assert!(Q90.is_some());
    /// assert!(Icd10Code::from_canonical("Q90.").is_none());
    /// ```
    pub const fn from_canonical(value: &str) -> Option<Icd10Code> {
        let key = match *value.as_bytes() {
            [l, a, b] => key(l, a, b, None, None),
            [l, a, b, b'.', c] => key(l, a, b, Some(c), None),
            [l, a, b, b'.', c, d] => key(l, a, b, Some(c), Some(d)),
            _ => None,
        };
        match key {
            Some(key) => Some(Icd10Code { key }),
            None => None,
        }
    }

    /// The Latin letter (`'Q'` for `Q71.0`).
    pub fn letter(self) -> char {
        char::from(b'A' + ((self.key >> 16) as u8))
    }

    /// The two-digit number of the category, 0–99 (`71` for `Q71.0`).
    pub fn number(self) -> u8 {
        ((self.key >> 8) & 0xFF) as u8
    }

    /// The digit after the dot (`Some(0)` for `Q71.0` and `B18.09`), `None` for a category.
    pub fn subcategory_digit(self) -> Option<u8> {
        match self.sub() {
            0 => None,
            s => Some(((s - 1) / 11) as u8),
        }
    }

    /// The second digit after the dot (`Some(9)` for `B18.09`), `None` for shorter codes.
    pub fn fifth_digit(self) -> Option<u8> {
        match self.sub() {
            0 => None,
            s => match (s - 1) % 11 {
                0 => None,
                r => Some((r - 1) as u8),
            },
        }
    }

    fn sub(self) -> u32 {
        self.key & 0xFF
    }

    /// The three-character category the code belongs to (itself for a category).
    ///
    /// # Example
    /// ```
    /// use ereje_icd10::Icd10Code;
    /// let c: Icd10Code = "S98.4".parse()?;
    /// assert_eq!(c.category().to_string(), "S98");
    /// # Ok::<(), ereje_icd10::Icd10Error>(())
    /// ```
    pub fn category(self) -> Icd10Code {
        Icd10Code { key: self.key & !0xFF }
    }

    /// True for a three-character category (`S98`), false for a subcategory (`S98.4`).
    pub fn is_category(self) -> bool {
        self.sub() == 0
    }

    /// The code one level up: `B18.09 → B18.0 → B18`; `None` for a category.
    pub fn parent(self) -> Option<Icd10Code> {
        match (self.subcategory_digit(), self.fifth_digit()) {
            (None, _) => None,
            (Some(_), None) => Some(self.category()),
            (Some(d), Some(_)) => {
                Some(Icd10Code { key: (self.key & !0xFF) | (1 + 11 * u32::from(d)) })
            }
        }
    }

    /// True when `other` is this code or one of its subdivisions (`S68` covers `S68.4`; `S68.4`
    /// covers only itself and any `S68.4x`).
    ///
    /// # Example
    /// ```
    /// use ereje_icd10::Icd10Code;
    /// let s68: Icd10Code = "S68".parse()?;
    /// assert!(s68.covers("S68.4".parse()?));
    /// assert!(!s68.covers("S69".parse()?));
    /// # Ok::<(), ereje_icd10::Icd10Error>(())
    /// ```
    pub fn covers(self, other: Icd10Code) -> bool {
        self.key <= other.key && other.key <= self.last_descendant_key()
    }

    /// The key of the last code this one covers.
    pub(crate) fn last_descendant_key(self) -> u32 {
        match (self.subcategory_digit(), self.fifth_digit()) {
            (None, _) => self.key | 0xFF,
            (Some(_), None) => self.key + 10,
            (Some(_), Some(_)) => self.key,
        }
    }

    pub(crate) fn key(self) -> u32 {
        self.key
    }

    /// Whether the code is in the embedded WHO ICD-10 list ([`crate::LIST_VERSION`]); a binary
    /// search, no allocation.
    ///
    /// # Example
    /// ```
    /// use ereje_icd10::Icd10Code;
    /// assert!("Q90.9".parse::<Icd10Code>()?.exists());
    /// assert!(!"U99.9".parse::<Icd10Code>()?.exists());
    /// # Ok::<(), ereje_icd10::Icd10Error>(())
    /// ```
    pub fn exists(self) -> bool {
        crate::exists(&self)
    }

    /// The canonical spelling in a stack buffer: the bytes and their length.
    fn spell(self) -> ([u8; 6], usize) {
        let n = self.number();
        let mut buf = [self.letter() as u8, b'0' + n / 10, b'0' + n % 10, b'.', b'0', b'0'];
        let len = match (self.subcategory_digit(), self.fifth_digit()) {
            (None, _) => 3,
            (Some(d), None) => {
                buf[4] = b'0' + d;
                5
            }
            (Some(d), Some(e)) => {
                buf[4] = b'0' + d;
                buf[5] = b'0' + e;
                6
            }
        };
        (buf, len)
    }
}

impl fmt::Display for Icd10Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (buf, len) = self.spell();
        let s = buf.get(..len).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
        f.pad(s)
    }
}

impl fmt::Debug for Icd10Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Icd10Code({self})")
    }
}

impl FromStr for Icd10Code {
    type Err = Icd10Error;

    /// The same as [`Icd10Code::parse`], keeping only the code.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Icd10Code::parse(s).map(|p| p.code)
    }
}

impl Serialize for Icd10Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Icd10Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Icd10Code::parse_canonical(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Icd10Code {
        Icd10Code::from_canonical(s).unwrap_or_else(|| panic!("test code {s}"))
    }

    /// Input, canonical code, replaced Cyrillic letter, dot inserted.
    const NORMALISATION: &[(&str, &str, Option<char>, bool)] = &[
        ("Q71.0", "Q71.0", None, false),
        ("q71.0", "Q71.0", None, false),
        ("  Q71.0\t", "Q71.0", None, false),
        ("\u{a0}Q71.0\u{a0}", "Q71.0", None, false),
        ("Q710", "Q71.0", None, true),
        ("Q71", "Q71", None, false),
        ("q71", "Q71", None, false),
        ("B18.09", "B18.09", None, false),
        ("b1809", "B18.09", None, true),
        ("С50.9", "C50.9", Some('С'), false),
        ("с50.9", "C50.9", Some('с'), false),
        ("Т05.9", "T05.9", Some('Т'), false),
        ("т05", "T05", Some('т'), false),
        ("Е76.1", "E76.1", Some('Е'), false),
        ("е761", "E76.1", Some('е'), true),
        ("А00.0", "A00.0", Some('А'), false),
        ("В18.1", "B18.1", Some('В'), false),
        ("Н90.0", "H90.0", Some('Н'), false),
        ("І10", "I10", Some('І'), false),
        ("і10", "I10", Some('і'), false),
        ("К35.8", "K35.8", Some('К'), false),
        ("М54.5", "M54.5", Some('М'), false),
        ("О80.0", "O80.0", Some('О'), false),
        ("Р07.3", "P07.3", Some('Р'), false),
        ("Х40", "X40", Some('Х'), false),
        ("х40", "X40", Some('х'), false),
        ("Ү95", "Y95", Some('Ү'), false),
        ("U07.1", "U07.1", None, false),
        ("Z99.9", "Z99.9", None, false),
    ];

    #[test]
    fn normalisation_table() {
        for &(input, canonical, cyr, dot) in NORMALISATION {
            let p = Icd10Code::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(p.code.to_string(), canonical, "{input:?}");
            assert_eq!(p.replaced_cyrillic, cyr, "{input:?}");
            assert_eq!(p.normalised_from_cyrillic(), cyr.is_some(), "{input:?}");
            assert_eq!(p.dot_inserted, dot, "{input:?}");
            assert_eq!(input.parse::<Icd10Code>(), Ok(p.code), "{input:?}");
        }
    }

    const MALFORMED: &[&str] = &[
        "Q",
        "Q7",
        "Q71.",
        "Q71..0",
        "Q71.000",
        "Q71000",
        "Q71,0",
        "Q71 .0",
        "Q 71.0",
        "71.0",
        "QQ1.0",
        "Q7A",
        "Q71.A",
        "Q71.0.",
        "Q71-0",
        "G01*",
        "A39.0†",
        "Д50.9",  // Cyrillic letter without a Latin twin
        "У95",    // Cyrillic У is not read as Y
        "Q7О.0",  // Cyrillic О in a digit position
        "Q７1.0", // full-width digit
        "Ｑ71.0", // full-width letter
        "ß71",
        "Q71.0 Q72.0",
        "A00-A09", // a block, not a code
    ];

    #[test]
    fn malformed_inputs_are_rejected() {
        for &input in MALFORMED {
            assert!(
                matches!(Icd10Code::parse(input), Err(Icd10Error::Malformed { .. })),
                "{input:?} -> {:?}",
                Icd10Code::parse(input)
            );
        }
        for blank in ["", " ", "\t\n", "\u{a0}"] {
            assert_eq!(Icd10Code::parse(blank), Err(Icd10Error::Empty), "{blank:?}");
        }
    }

    #[test]
    fn malformed_error_quotes_the_trimmed_value() {
        let err = Icd10Code::parse("  Q71,0 ").unwrap_err();
        assert_eq!(
            err.to_string(),
            "malformed ICD-10 code `Q71,0`: expected a letter, two digits and optionally a dot with one or two digits"
        );
    }

    #[test]
    fn parts_of_a_code() {
        let c = code("B18.09");
        assert_eq!(
            (c.letter(), c.number(), c.subcategory_digit(), c.fifth_digit()),
            ('B', 18, Some(0), Some(9))
        );
        let c = code("Q71.0");
        assert_eq!(
            (c.letter(), c.number(), c.subcategory_digit(), c.fifth_digit()),
            ('Q', 71, Some(0), None)
        );
        let c = code("A00");
        assert_eq!(
            (c.letter(), c.number(), c.subcategory_digit(), c.fifth_digit()),
            ('A', 0, None, None)
        );
        assert!(c.is_category());
        assert!(!code("A00.0").is_category());
        assert_eq!(code("Z99.9").category(), code("Z99"));
    }

    #[test]
    fn parents() {
        assert_eq!(code("B18.09").parent(), Some(code("B18.0")));
        assert_eq!(code("B18.0").parent(), Some(code("B18")));
        assert_eq!(code("B18").parent(), None);
    }

    #[test]
    fn covering() {
        assert!(code("B18").covers(code("B18.19")));
        assert!(code("B18.1").covers(code("B18.19")));
        assert!(code("B18.1").covers(code("B18.1")));
        assert!(!code("B18.1").covers(code("B18.0")));
        assert!(!code("B18.1").covers(code("B18.2")));
        assert!(!code("B18.1").covers(code("B18")));
        assert!(!code("B18.19").covers(code("B18.1")));
        assert!(!code("S68").covers(code("S69")));
    }

    #[test]
    fn order_is_the_classification_order() {
        let ordered = [
            "A00", "A00.0", "A00.9", "A01", "B18", "B18.0", "B18.00", "B18.09", "B18.1", "B19",
            "Z99.9",
        ];
        let codes: Vec<_> = ordered.iter().map(|s| code(s)).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "{codes:?}");
    }

    #[test]
    fn display_pads_like_a_str() {
        assert_eq!(format!("[{:<6}]", code("Q71")), "[Q71   ]");
        assert_eq!(format!("{:?}", code("Q71.0")), "Icd10Code(Q71.0)");
    }

    #[test]
    fn serde_is_strict_and_canonical() {
        assert_eq!(serde_json::to_string(&code("Q71.0")).ok().as_deref(), Some("\"Q71.0\""));
        assert_eq!(serde_json::from_str::<Icd10Code>("\"Q71.0\"").ok(), Some(code("Q71.0")));
        for bad in ["\"q71.0\"", "\"Q710\"", "\" Q71.0\"", "\"С50.9\"", "\"Q71,0\"", "\"\"", "71"]
        {
            assert!(serde_json::from_str::<Icd10Code>(bad).is_err(), "{bad}");
        }
        let err = serde_json::from_str::<Icd10Code>("\"q710\"").unwrap_err().to_string();
        assert!(err.contains("expected `Q71.0`"), "{err}");
    }

    #[test]
    fn from_canonical_rejects_everything_but_the_canonical_form() {
        for bad in ["q71.0", "Q710", " Q71", "Q71.", "Q71.000", "С50"] {
            assert_eq!(Icd10Code::from_canonical(bad), None, "{bad}");
        }
    }
}
