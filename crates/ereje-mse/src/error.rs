//! The error type of the crate: values and parameters that cannot be taken, and a distribution
//! that finds no expert.

/// Something this crate cannot take or answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MseError {
    /// A region that is not one of the twenty of the launch schedule.
    #[error("unknown region `{value}`")]
    UnknownRegion {
        /// The text given.
        value: String,
    },
    /// A blank value where a name is needed.
    #[error("empty {what}")]
    EmptyValue {
        /// What was expected.
        what: &'static str,
    },
    /// A code that is not one of an enumeration's codes.
    #[error("unknown {what} `{value}` (expected one of: {expected})")]
    UnknownCode {
        /// What was being read (`examination kind`, `amputation sub-form`).
        what: &'static str,
        /// The text given.
        value: String,
        /// The accepted codes.
        expected: String,
    },
    /// A `--set` key this subject does not define.
    #[error("unknown parameter `{key}` (known: {known})")]
    UnknownParameter {
        /// The key given.
        key: String,
        /// The keys that exist.
        known: String,
    },
    /// A parameter value that cannot be read.
    #[error("parameter {key}={value}: expected {expected}")]
    ParameterValue {
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// What is accepted.
        expected: String,
    },
    /// The register of experts is empty.
    #[error("the register of experts is empty")]
    EmptyRegister,
    /// Every expert of the register is excluded by the extraterritorial rule.
    #[error(
        "no extraterritorial expert: every expert of the register is in an excluded region ({excluded})"
    )]
    NoEligibleExpert {
        /// The excluded regions.
        excluded: String,
    },
}
