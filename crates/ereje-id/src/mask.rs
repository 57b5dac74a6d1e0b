//! Masking numbers for display to people, and the one normalisation of raw input that the crate
//! offers (the strict parsers never normalise).

use std::borrow::Cow;

/// Masks `value` for display: a value of 12 characters or more keeps its first 4 and last 2
/// characters (`8710******27`); a shorter one keeps only its first 2. Every hidden character
/// becomes one `*`, so the length (in characters) is kept. Works on any string, never panics.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_id::mask;
/// assert_eq!(mask("900101400013"), "9001******13");
/// assert_eq!(mask("90010140001"), "90*********");
/// assert_eq!(mask("абв"), "аб*");
/// assert_eq!(mask(""), "");
/// ```
pub fn mask(value: &str) -> String {
    let n = value.chars().count();
    let (head, tail) = if n >= 12 { (4, 2) } else { (2, 0) };
    value
        .chars()
        .enumerate()
        .map(|(i, c)| if i < head || i + tail >= n { c } else { '*' })
        .collect()
}

/// Spaces that people put between groups of digits (`990 140 004 654`): the space, the no-break
/// space U+00A0, the thin space U+2009 and the narrow no-break space U+202F.
fn is_group_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{2009}' | '\u{202F}')
}

/// Cleans a value typed or pasted by a person before it is parsed: trims surrounding whitespace
/// and removes the spaces used to group digits (space, no-break, thin and narrow no-break space)
/// inside. Nothing else changes: tabs or line breaks inside, hyphens, letters and non-ASCII digits
/// stay, so the parser reports them. Borrows when there is nothing to remove.
///
/// The parsers ([`Iin`](crate::Iin)'s and [`Bin`](crate::Bin)'s `FromStr`, `Deserialize`,
/// [`classify`](crate::classify)) never call this: a caller that accepts grouped input says so by
/// calling it.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use ereje_id::normalize_input;
/// assert_eq!(normalize_input(" 900 101 400 013\n"), "900101400013");
/// assert_eq!(normalize_input("900101-400013"), "900101-400013");
/// assert!(matches!(normalize_input("900101400013"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize_input(value: &str) -> Cow<'_, str> {
    let trimmed = value.trim();
    if trimmed.contains(is_group_separator) {
        Cow::Owned(trimmed.chars().filter(|&c| !is_group_separator(c)).collect())
    } else {
        Cow::Borrowed(trimmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_cases() {
        for (value, masked) in [
            ("871008401427", "8710******27"),
            ("8710084014271", "8710*******71"),
            ("87100840142", "87*********"),
            ("12", "12"),
            ("1", "1"),
            ("", ""),
            ("８７１００８４０１４２７", "８７１０******２７"),
        ] {
            assert_eq!(mask(value), masked, "{value}");
        }
    }

    #[test]
    fn normalize_cases() {
        for (value, clean) in [
            ("990 140 004 654", "990140004654"),
            ("\t990140004654 ", "990140004654"),
            ("990\u{00A0}140\u{202F}004\u{2009}654", "990140004654"),
            ("990\t140", "990\t140"),
            ("            ", ""),
        ] {
            assert_eq!(normalize_input(value), clean, "{value:?}");
        }
    }
}
