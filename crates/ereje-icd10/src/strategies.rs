//! Proptest strategies for ICD-10 codes and code sets, for this crate's and downstream tests
//! (feature `proptest`).

use proptest::prelude::*;
use proptest::sample::select;

use crate::{CYRILLIC_LOOKALIKES, Icd10Code, Icd10Item, Icd10Range, Icd10Set, who_codes};

/// Any code of the embedded WHO list.
pub fn any_code() -> impl Strategy<Value = Icd10Code> {
    select(who_codes())
}

/// Any category (three-character code) of the WHO list.
pub fn any_category() -> impl Strategy<Value = Icd10Code> {
    let cats: Vec<Icd10Code> = who_codes().iter().copied().filter(|c| c.is_category()).collect();
    select(cats)
}

/// Any well-formed code, whether or not the WHO list has it (`U99.9`, `Q71.7`).
pub fn any_well_formed() -> impl Strategy<Value = Icd10Code> {
    (
        prop::sample::select(('A'..='Z').collect::<Vec<_>>()),
        0u8..100,
        prop::option::of((0u8..10, prop::option::of(0u8..10))),
    )
        .prop_filter_map("well formed", |(letter, number, sub)| {
            let mut s = format!("{letter}{number:02}");
            if let Some((d, e)) = sub {
                s.push('.');
                s.push(char::from(b'0' + d));
                if let Some(e) = e {
                    s.push(char::from(b'0' + e));
                }
            }
            Icd10Code::from_canonical(&s)
        })
}

/// A code of the WHO list that `set` contains; when the set contains none, one of the codes
/// written in it (they are always contained).
pub fn code_in(set: &Icd10Set) -> impl Strategy<Value = Icd10Code> + use<> {
    let mut codes = set.who_codes();
    if codes.is_empty() {
        codes = set
            .items()
            .iter()
            .map(|item| match item {
                Icd10Item::Code(c) => *c,
                Icd10Item::Range(r) => r.from(),
            })
            .collect();
    }
    select(codes)
}

/// A code of the WHO list that `set` does not contain. Panics when generating if the set covers
/// the whole list.
pub fn code_not_in(set: &Icd10Set) -> impl Strategy<Value = Icd10Code> + use<> {
    let codes: Vec<Icd10Code> = who_codes().iter().copied().filter(|c| !set.contains(c)).collect();
    select(codes)
}

/// The ways people write `code` that [`Icd10Code::parse`] reads back as `code`: lower case, a
/// Cyrillic look-alike letter, no dot, surrounding whitespace.
pub fn spelling_of(code: Icd10Code) -> impl Strategy<Value = String> {
    let cyrillic: Vec<char> = CYRILLIC_LOOKALIKES
        .iter()
        .filter(|(_, lat)| *lat == code.letter())
        .map(|(cyr, _)| *cyr)
        .collect();
    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), 0usize..2, 0usize..2).prop_map(
        move |(lower, use_cyr, drop_dot, pad, lead, trail)| {
            let canonical = code.to_string();
            let mut letter = canonical.chars().next().unwrap_or('A');
            if use_cyr {
                if let Some(c) = cyrillic.first() {
                    letter = *c;
                }
            }
            let mut rest: String = canonical.chars().skip(1).collect();
            if drop_dot {
                rest.retain(|c| c != '.');
            }
            let mut s = String::new();
            if pad {
                s.push_str(&" ".repeat(lead));
                s.push('\t');
            }
            if lower {
                s.extend(letter.to_lowercase());
            } else {
                s.push(letter);
            }
            s.push_str(&rest);
            if pad {
                s.push_str(&"\u{a0}".repeat(trail + 1));
            }
            s
        },
    )
}

/// An item of WHO codes: a single code or a range with ordered bounds.
pub fn any_item() -> impl Strategy<Value = Icd10Item> {
    prop_oneof![
        any_code().prop_map(Icd10Item::Code),
        (any_code(), any_code()).prop_filter_map("ordered bounds", |(a, b)| {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            Icd10Range::new(lo, hi).ok().map(Icd10Item::Range)
        }),
    ]
}

/// A code set of one to eight items of WHO codes, lists and ranges mixed.
pub fn any_set() -> impl Strategy<Value = Icd10Set> {
    prop::collection::vec(any_item(), 1..8)
        .prop_filter_map("non-empty", |items| Icd10Set::from_items(items).ok())
}
