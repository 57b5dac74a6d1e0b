//! Proptest strategies for downstream tests: dates within the known years of a calendar, and
//! terms of N working days. Enabled by the cargo feature `proptest`.

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::Calendar;

/// A date in one of the years `calendar` knows (each known year equally likely, then each of
/// its days).
///
/// # Example
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let cal = ereje_calendar::Calendar::builtin();
/// let mut runner = TestRunner::deterministic();
/// let d = ereje_calendar::strategies::known_date(cal).new_tree(&mut runner).unwrap().current();
/// assert!(cal.is_working(d).is_ok());
/// ```
pub fn known_date(calendar: &Calendar) -> BoxedStrategy<NaiveDate> {
    let jan1s: Vec<NaiveDate> = calendar
        .known_years()
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        .collect();
    prop::sample::select(jan1s)
        .prop_flat_map(|jan1| {
            let days: u64 = if jan1.leap_year() { 366 } else { 365 };
            (0..days).prop_map(move |k| jan1 + chrono::Days::new(k))
        })
        .boxed()
}

/// A date in a year of the built-in calendar (2023–2027).
///
/// # Example
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let mut runner = TestRunner::deterministic();
/// let d = ereje_calendar::strategies::builtin_date().new_tree(&mut runner).unwrap().current();
/// assert!((2023..=2027).contains(&chrono::Datelike::year(&d)));
/// ```
pub fn builtin_date() -> BoxedStrategy<NaiveDate> {
    known_date(Calendar::builtin())
}

/// A term of N working days, 1 ≤ N ≤ 60 (the terms regulations set are days or weeks).
///
/// # Example
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let mut runner = TestRunner::deterministic();
/// let n = ereje_calendar::strategies::working_days().new_tree(&mut runner).unwrap().current();
/// assert!((1..=60).contains(&n));
/// ```
pub fn working_days() -> impl Strategy<Value = u32> {
    1u32..=60
}

/// A term of N working days up to `max` (≥ 1), for longer counts.
///
/// # Example
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let mut runner = TestRunner::deterministic();
/// let n = ereje_calendar::strategies::working_days_up_to(500).new_tree(&mut runner).unwrap().current();
/// assert!((1..=500).contains(&n));
/// ```
pub fn working_days_up_to(max: u32) -> impl Strategy<Value = u32> {
    1u32..=max.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    proptest! {
        #[test]
        fn known_dates_are_known(d in builtin_date()) {
            prop_assert!((2023..=2027).contains(&d.year()));
        }
    }
}
