//! `--set KEY=VALUE`: the documented readings and parameters a subject or a simulation offers.

use std::collections::BTreeMap;

/// One parameter a subject accepts.
#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    /// The key, e.g. `pilot.end_inclusive`.
    pub key: &'static str,
    /// The value used when the key is not set.
    pub default: &'static str,
    /// The accepted values; empty means any value the subject parses itself.
    pub allowed: &'static [&'static str],
    /// What the parameter chooses, and where the reading is documented.
    pub doc: &'static str,
}

/// A `--set` that cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamError {
    /// Not of the form `KEY=VALUE`.
    #[error("--set {0}: expected KEY=VALUE")]
    Form(String),
    /// A key the subject does not define.
    #[error("--set {key}: unknown key (known: {known})")]
    UnknownKey {
        /// The key given.
        key: String,
        /// The keys that exist.
        known: String,
    },
    /// A value outside the allowed ones.
    #[error("--set {key}={value}: expected one of {allowed}")]
    Value {
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// The allowed values.
        allowed: String,
    },
}

/// Resolves `--set` arguments against the specs: every spec gets its default unless set.
///
/// # Errors
/// [`ParamError`] for a malformed argument, an unknown key or a value not allowed.
///
/// # Example
/// ```
/// use ereje_cli::params::{resolve, ParamSpec};
/// const SPECS: &[ParamSpec] =
///     &[ParamSpec { key: "end_inclusive", default: "false", allowed: &["true", "false"], doc: "" }];
/// let p = resolve(SPECS, &["end_inclusive=true".to_owned()]).unwrap();
/// assert_eq!(p["end_inclusive"], "true");
/// assert!(resolve(SPECS, &["nope=1".to_owned()]).is_err());
/// ```
pub fn resolve(
    specs: &[ParamSpec],
    sets: &[String],
) -> Result<BTreeMap<String, String>, ParamError> {
    let mut out: BTreeMap<String, String> =
        specs.iter().map(|s| (s.key.to_owned(), s.default.to_owned())).collect();
    for set in sets {
        let (key, value) = set.split_once('=').ok_or_else(|| ParamError::Form(set.clone()))?;
        let (key, value) = (key.trim(), value.trim());
        let Some(spec) = specs.iter().find(|s| s.key == key) else {
            let known = specs.iter().map(|s| s.key).collect::<Vec<_>>().join(", ");
            return Err(ParamError::UnknownKey {
                key: key.to_owned(),
                known: if known.is_empty() { "none".to_owned() } else { known },
            });
        };
        if !spec.allowed.is_empty() && !spec.allowed.contains(&value) {
            return Err(ParamError::Value {
                key: key.to_owned(),
                value: value.to_owned(),
                allowed: spec.allowed.join(", "),
            });
        }
        out.insert(key.to_owned(), value.to_owned());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPECS: &[ParamSpec] = &[
        ParamSpec { key: "a", default: "x", allowed: &["x", "y"], doc: "" },
        ParamSpec { key: "b", default: "1", allowed: &[], doc: "" },
    ];

    #[test]
    fn defaults_and_overrides() {
        let p = resolve(SPECS, &["b = 7".into()]).unwrap();
        assert_eq!(p["a"], "x");
        assert_eq!(p["b"], "7");
    }

    #[test]
    fn errors_name_the_key() {
        assert_eq!(resolve(SPECS, &["a".into()]), Err(ParamError::Form("a".into())));
        let e = resolve(SPECS, &["a=z".into()]).unwrap_err();
        assert_eq!(e.to_string(), "--set a=z: expected one of x, y");
        assert!(matches!(resolve(SPECS, &["c=1".into()]), Err(ParamError::UnknownKey { .. })));
    }
}
