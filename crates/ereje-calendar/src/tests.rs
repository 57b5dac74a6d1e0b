//! Tests of the calendar: the working-day counts, every transfer and carry-over day of
//! 2023–2026 as a named case, term counting, errors, calendar files and properties.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use proptest::prelude::*;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn cal() -> &'static Calendar {
    Calendar::builtin()
}

fn working(date: NaiveDate) -> bool {
    cal().is_working(date).unwrap().value
}

/// Checks a day: whether it is working, and that its first reason is of the expected kind.
fn check_day(date: NaiveDate, expect_working: bool, kind: &str) {
    assert_eq!(working(date), expect_working, "{date}");
    let info = cal().day_info(date).unwrap().value;
    let first = info.reasons.first().map(|r| serde_json::to_value(r).unwrap()["kind"].clone());
    assert_eq!(first.as_ref().and_then(|k| k.as_str()), Some(kind), "{date}: {:?}", info.reasons);
}

// ---- working-day counts ----------------------------------------------------------------------

#[test]
fn working_days_per_year() {
    for (year, expect) in [(2023, 246), (2024, 249), (2025, 246), (2026, 247)] {
        let info = cal().year_info(year).unwrap();
        assert_eq!(info.working_days, expect, "{year}");
        assert_eq!(cal().between(d(year, 1, 1), d(year, 12, 31)).unwrap().value, expect, "{year}");
        assert!(!info.provisional);
    }
}

#[test]
fn working_days_2027_provisional() {
    let info = cal().year_info(2027).unwrap();
    assert!(info.provisional);
    // 261 weekdays; off: 1, 4 (carry of 2 Jan), 7 Jan, 8, 15, 22, 23, 24 (carry of 21) Mar,
    // 3 (carry of 1), 7, 10 (carry of 9) May, 6 Jul, 25 Oct, 16 Dec = 14.
    assert_eq!(info.working_days, 247);
    let listed: Vec<String> =
        info.non_working_weekdays.iter().map(|n| n.date.to_string()).collect();
    assert_eq!(
        listed,
        [
            "2027-01-01",
            "2027-01-04",
            "2027-01-07",
            "2027-03-08",
            "2027-03-15",
            "2027-03-22",
            "2027-03-23",
            "2027-03-24",
            "2027-05-03",
            "2027-05-07",
            "2027-05-10",
            "2027-07-06",
            "2027-10-25",
            "2027-12-16",
        ]
    );
}

#[test]
fn non_working_weekdays_match_the_brief() {
    // shared/docs/domain/calendar.md §4.
    let expect: &[(i32, &[(u32, u32)])] = &[
        (
            2023,
            &[
                (1, 2),
                (1, 3),
                (3, 8),
                (3, 21),
                (3, 22),
                (3, 23),
                (5, 1),
                (5, 8),
                (5, 9),
                (6, 28),
                (7, 6),
                (7, 7),
                (8, 30),
                (10, 25),
                (12, 18),
            ],
        ),
        (
            2024,
            &[
                (1, 1),
                (1, 2),
                (3, 8),
                (3, 21),
                (3, 22),
                (3, 25),
                (5, 1),
                (5, 7),
                (5, 8),
                (5, 9),
                (7, 8),
                (8, 30),
                (10, 25),
                (12, 16),
            ],
        ),
        (
            2025,
            &[
                (1, 1),
                (1, 2),
                (1, 3),
                (1, 7),
                (3, 10),
                (3, 21),
                (3, 24),
                (3, 25),
                (5, 1),
                (5, 7),
                (5, 9),
                (6, 6),
                (7, 7),
                (9, 1),
                (10, 27),
                (12, 16),
            ],
        ),
        (
            2026,
            &[
                (1, 1),
                (1, 2),
                (1, 7),
                (3, 9),
                (3, 23),
                (3, 24),
                (3, 25),
                (5, 1),
                (5, 7),
                (5, 11),
                (5, 27),
                (7, 6),
                (10, 26),
                (12, 16),
            ],
        ),
    ];
    for &(year, days) in expect {
        let got: Vec<NaiveDate> =
            cal().year_info(year).unwrap().non_working_weekdays.iter().map(|n| n.date).collect();
        let want: Vec<NaiveDate> = days.iter().map(|&(m, day)| d(year, m, day)).collect();
        assert_eq!(got, want, "{year}");
    }
}

// ---- transfers (named cases) ----------------------------------------------------------------

#[test]
fn transfer_2023_saturday_1_july_worked() {
    check_day(d(2023, 7, 1), true, "transfer_worked");
}

#[test]
fn transfer_2023_friday_7_july_off() {
    check_day(d(2023, 7, 7), false, "transfer_off");
}

#[test]
fn transfer_2024_saturday_4_may_worked() {
    check_day(d(2024, 5, 4), true, "transfer_worked");
}

#[test]
fn transfer_2024_wednesday_8_may_off() {
    check_day(d(2024, 5, 8), false, "transfer_off");
}

#[test]
fn transfer_2025_sunday_5_january_worked() {
    check_day(d(2025, 1, 5), true, "transfer_worked");
}

#[test]
fn transfer_2025_friday_3_january_off() {
    check_day(d(2025, 1, 3), false, "transfer_off");
}

#[test]
fn no_transfers_in_2026() {
    let info = cal().year_info(2026).unwrap();
    assert!(info.worked_weekend_days.is_empty());
    assert!(
        info.non_working_weekdays
            .iter()
            .all(|n| { n.reasons.iter().all(|r| !matches!(r, Reason::TransferOff { .. })) })
    );
}

// ---- carry-overs (named cases) ---------------------------------------------------------------

#[test]
fn carry_over_2023_new_year_sunday_1_january_to_tuesday_3_january() {
    check_day(d(2023, 1, 3), false, "carry_over");
}

#[test]
fn carry_over_2023_defender_day_sunday_7_may_to_monday_8_may() {
    check_day(d(2023, 5, 8), false, "carry_over");
}

#[test]
fn carry_over_2023_independence_day_saturday_16_december_to_monday_18_december() {
    check_day(d(2023, 12, 18), false, "carry_over");
}

#[test]
fn no_carry_over_2023_orthodox_christmas_saturday_7_january() {
    assert!(working(d(2023, 1, 9)));
    let w = &cal().year_info(2023).unwrap().weekend_holidays;
    assert!(w.iter().any(|h| h.id == "orthodox-christmas" && h.carried_to.is_none()));
}

#[test]
fn carry_over_2024_nauryz_saturday_23_march_to_monday_25_march() {
    check_day(d(2024, 3, 25), false, "carry_over");
}

#[test]
fn carry_over_2024_capital_day_saturday_6_july_to_monday_8_july() {
    check_day(d(2024, 7, 8), false, "carry_over");
}

#[test]
fn no_carry_over_2024_orthodox_christmas_sunday_7_january() {
    assert!(working(d(2024, 1, 8)));
}

#[test]
fn no_carry_over_2024_kurban_ait_sunday_16_june() {
    // Kurban Ait 2024 was moved to 16 June (Sunday); 17 June 2024 is a working day.
    assert!(working(d(2024, 6, 17)));
    let w = &cal().year_info(2024).unwrap().weekend_holidays;
    assert!(
        w.iter()
            .any(|h| h.id == "kurban-ait" && h.date == d(2024, 6, 16) && h.carried_to.is_none())
    );
}

#[test]
fn carry_over_2025_womens_day_saturday_8_march_to_monday_10_march() {
    check_day(d(2025, 3, 10), false, "carry_over");
}

#[test]
fn carry_over_2025_nauryz_saturday_22_march_to_monday_24_march() {
    check_day(d(2025, 3, 24), false, "carry_over");
}

#[test]
fn carry_over_2025_nauryz_sunday_23_march_to_tuesday_25_march() {
    check_day(d(2025, 3, 25), false, "carry_over");
    assert!(working(d(2025, 3, 26)));
}

#[test]
fn carry_over_2025_capital_day_sunday_6_july_to_monday_7_july() {
    check_day(d(2025, 7, 7), false, "carry_over");
}

#[test]
fn carry_over_2025_constitution_day_saturday_30_august_to_monday_1_september() {
    check_day(d(2025, 9, 1), false, "carry_over");
}

#[test]
fn carry_over_2025_republic_day_saturday_25_october_to_monday_27_october() {
    check_day(d(2025, 10, 27), false, "carry_over");
}

#[test]
fn carry_over_2026_womens_day_sunday_8_march_to_monday_9_march() {
    check_day(d(2026, 3, 9), false, "carry_over");
}

#[test]
fn carry_over_2026_nauryz_saturday_21_march_to_tuesday_24_march_skipping_the_holiday_23() {
    check_day(d(2026, 3, 23), false, "holiday");
    check_day(d(2026, 3, 24), false, "carry_over");
}

#[test]
fn carry_over_2026_nauryz_sunday_22_march_to_wednesday_25_march() {
    check_day(d(2026, 3, 25), false, "carry_over");
    assert!(working(d(2026, 3, 26)));
}

#[test]
fn carry_over_2026_victory_day_saturday_9_may_to_monday_11_may() {
    check_day(d(2026, 5, 11), false, "carry_over");
}

#[test]
fn carry_over_2026_republic_day_sunday_25_october_to_monday_26_october() {
    check_day(d(2026, 10, 26), false, "carry_over");
}

#[test]
fn no_holiday_2026_constitution_day_30_august_monday_31_august_works() {
    assert!(working(d(2026, 8, 31)));
    let w = &cal().year_info(2026).unwrap().weekend_holidays;
    assert!(!w.iter().any(|h| h.date == d(2026, 8, 30)));
}

#[test]
fn constitution_day_15_march_from_2027_only() {
    check_day(d(2027, 3, 15), false, "holiday");
    // 15 March 2026 was a Sunday (referendum day): no holiday, no carry-over to the 16th.
    assert!(working(d(2026, 3, 16)));
    assert!(working(d(2025, 3, 17)));
}

#[test]
fn kurban_ait_days_off() {
    for date in [d(2023, 6, 28), d(2025, 6, 6), d(2026, 5, 27)] {
        check_day(date, false, "holiday");
    }
}

#[test]
fn weekend_holidays_list_where_each_day_off_went() {
    let w = &cal().year_info(2025).unwrap().weekend_holidays;
    let got: Vec<(String, Option<String>)> =
        w.iter().map(|h| (h.date.to_string(), h.carried_to.map(|d| d.to_string()))).collect();
    let s = |a: &str, b: Option<&str>| (a.to_owned(), b.map(str::to_owned));
    assert_eq!(
        got,
        [
            s("2025-03-08", Some("2025-03-10")),
            s("2025-03-22", Some("2025-03-24")),
            s("2025-03-23", Some("2025-03-25")),
            s("2025-07-06", Some("2025-07-07")),
            s("2025-08-30", Some("2025-09-01")),
            s("2025-10-25", Some("2025-10-27")),
        ]
    );
}

// ---- queries -----------------------------------------------------------------------------------

#[test]
fn add_table() {
    let cases = [
        // (from, n, expect)
        (d(2023, 6, 30), 1, d(2023, 7, 1)), // worked Saturday
        (d(2023, 7, 5), 1, d(2023, 7, 10)), // 6 Capital Day, 7 transfer, weekend
        (d(2024, 5, 3), 1, d(2024, 5, 4)),  // worked Saturday
        (d(2024, 5, 4), 1, d(2024, 5, 6)),
        (d(2024, 5, 6), 1, d(2024, 5, 10)),  // 7, 8, 9 May off
        (d(2024, 12, 31), 1, d(2025, 1, 5)), // across the year: 1–3 off, Sunday 5 worked
        (d(2025, 1, 1), 1, d(2025, 1, 5)),   // from a day off
        (d(2026, 12, 31), 1, d(2027, 1, 5)), // into the provisional year
        (d(2023, 1, 1), 246, d(2023, 12, 29)),
        (d(2023, 1, 1), 247, d(2024, 1, 3)),
    ];
    for (from, n, expect) in cases {
        assert_eq!(cal().add(from, n).unwrap().value, expect, "add({from}, {n})");
    }
}

#[test]
fn between_table() {
    let cases = [
        (d(2025, 1, 1), d(2025, 1, 5), 1),
        (d(2025, 1, 4), d(2025, 1, 4), 0),
        (d(2025, 1, 6), d(2025, 1, 6), 1),
        (d(2023, 1, 1), d(2026, 12, 31), 246 + 249 + 246 + 247),
        (d(2023, 1, 1), d(2027, 12, 31), 246 + 249 + 246 + 247 + 247),
    ];
    for (from, to, expect) in cases {
        assert_eq!(cal().between(from, to).unwrap().value, expect, "between({from}, {to})");
    }
}

#[test]
fn next_working_is_strictly_after() {
    assert_eq!(cal().next_working(d(2025, 1, 6)).unwrap().value, d(2025, 1, 8));
    assert_eq!(cal().next_working(d(2025, 1, 4)).unwrap().value, d(2025, 1, 5));
}

#[test]
fn answers_touching_2027_are_provisional() {
    assert!(!cal().is_working(d(2026, 6, 1)).unwrap().provisional);
    assert!(cal().is_working(d(2027, 6, 1)).unwrap().provisional);
    assert!(!cal().add(d(2026, 12, 29), 1).unwrap().provisional);
    assert!(cal().add(d(2026, 12, 31), 1).unwrap().provisional);
    assert!(cal().between(d(2023, 1, 1), d(2027, 1, 1)).unwrap().provisional);
    assert!(!cal().between(d(2023, 1, 1), d(2026, 12, 31)).unwrap().provisional);
    let dl =
        cal().deadline(d(2026, 12, 25).and_hms_opt(9, 0, 0).unwrap(), 10, TermReading::General);
    assert!(dl.unwrap().provisional);
}

// ---- deadline ----------------------------------------------------------------------------------

fn cutoff16() -> TermReading {
    TermReading::Cutoff(NaiveTime::from_hms_opt(16, 0, 0).unwrap())
}

fn at(date: NaiveDate, h: u32, m: u32, s: u32) -> NaiveDateTime {
    date.and_hms_opt(h, m, s).unwrap()
}

#[test]
fn deadline_cutoff_edges() {
    // (received, n, expected due)
    let friday = d(2025, 6, 13);
    let before_holiday = d(2025, 5, 6); // Tuesday; 7 May is a holiday
    let worked_saturday = d(2024, 5, 4);
    let day_off = d(2025, 1, 3);
    let cases = [
        (at(friday, 15, 59, 59), 1, friday),
        (at(friday, 16, 0, 0), 1, friday),
        (at(friday, 16, 0, 1), 1, d(2025, 6, 16)),
        (at(friday, 16, 0, 0), 2, d(2025, 6, 16)),
        (at(friday, 16, 0, 1), 2, d(2025, 6, 17)),
        (at(before_holiday, 15, 59, 59), 1, before_holiday),
        (at(before_holiday, 16, 0, 0), 2, d(2025, 5, 8)),
        (at(before_holiday, 16, 0, 1), 1, d(2025, 5, 8)),
        (at(before_holiday, 16, 0, 1), 2, d(2025, 5, 12)), // 9 May holiday, weekend
        (at(worked_saturday, 16, 0, 0), 1, worked_saturday),
        (at(worked_saturday, 16, 0, 1), 1, d(2024, 5, 6)),
        (at(worked_saturday, 10, 0, 0), 3, d(2024, 5, 10)), // 4, 6, then 7–9 off, 10
        (at(day_off, 9, 0, 0), 1, d(2025, 1, 5)),
        (at(day_off, 9, 0, 0), 2, d(2025, 1, 6)),
        (at(d(2025, 1, 4), 9, 0, 0), 1, d(2025, 1, 5)), // ordinary Saturday
    ];
    for (received, n, due) in cases {
        let got = cal().deadline(received, n, cutoff16()).unwrap().value;
        assert_eq!(got.due, due, "deadline({received}, {n})");
        assert!(got.first_day <= got.due);
    }
}

#[test]
fn deadline_cutoff_compares_to_the_second() {
    let t = d(2025, 6, 13).and_hms_milli_opt(16, 0, 0, 999).unwrap();
    assert_eq!(cal().deadline(t, 1, cutoff16()).unwrap().value.due, d(2025, 6, 13));
}

#[test]
fn deadline_general_is_add() {
    for (date, n) in [(d(2025, 6, 13), 1), (d(2024, 5, 3), 3), (d(2025, 1, 3), 10)] {
        let dl = cal().deadline(at(date, 8, 0, 0), n, TermReading::General).unwrap().value;
        assert_eq!(dl.due, cal().add(date, n).unwrap().value);
        assert_eq!(dl.first_day, cal().add(date, 1).unwrap().value);
    }
}

// ---- errors ------------------------------------------------------------------------------------

#[test]
fn errors_outside_known_years() {
    let e = cal().is_working(d(2022, 12, 31)).unwrap_err();
    assert_eq!(e.to_string(), "year 2022 is not in the calendar (known years: 2023–2027)");
    assert!(matches!(
        cal().is_working(d(2028, 1, 1)),
        Err(CalendarError::UnknownYear { year: 2028, .. })
    ));
    assert!(cal().add(d(2022, 12, 30), 1).is_err());
    assert!(cal().between(d(2022, 12, 30), d(2023, 1, 5)).is_err());
    assert!(cal().between(d(2027, 12, 30), d(2028, 1, 5)).is_err());
    assert!(cal().year_info(2028).is_err());
    assert!(cal().day_info(d(1999, 1, 1)).is_err());
    assert!(cal().deadline(at(d(2028, 1, 3), 9, 0, 0), 1, cutoff16()).is_err());
    let e = cal().add(d(2027, 12, 30), 2).unwrap_err();
    assert!(matches!(e, CalendarError::BeyondKnownYears { n: 2, last: 2027, .. }));
    let f = e.finding("").unwrap();
    assert_eq!(f.args, [("year", "2028".to_owned()), ("known", "2023–2027".to_owned())]);
    assert_eq!(e.to_string(), "2 working days after 2027-12-30 run past the last known year 2027");
    assert_eq!(cal().add(d(2027, 12, 30), 1).unwrap().value, d(2027, 12, 31));
    assert!(cal().add(d(2025, 1, 1), u32::MAX).is_err());
}

#[test]
fn zero_days_and_reversed_ranges_are_errors() {
    assert_eq!(cal().add(d(2025, 1, 1), 0), Err(CalendarError::ZeroDays));
    assert_eq!(
        cal().deadline(at(d(2025, 1, 6), 9, 0, 0), 0, cutoff16()),
        Err(CalendarError::ZeroDays)
    );
    assert!(matches!(
        cal().between(d(2025, 1, 2), d(2025, 1, 1)),
        Err(CalendarError::ReversedRange { .. })
    ));
}

#[test]
fn unknown_year_errors_become_findings() {
    let e = cal().is_working(d(2030, 1, 1)).unwrap_err();
    let f = e.finding("/date").unwrap();
    assert_eq!(f.rule.id, "CAL-UNKNOWN-YEAR");
    assert_eq!(f.path, "/date");
    assert!(CalendarError::ZeroDays.finding("").is_none());
}

// ---- calendar files ------------------------------------------------------------------------------

#[test]
fn override_adds_year_2028() {
    let file = "[[year]]\nyear = 2028\nprovisional = true\nkurban_ait = 2028-05-05\n";
    let c = Calendar::with_overrides(file).unwrap();
    assert_eq!(c.known_years(), [2023, 2024, 2025, 2026, 2027, 2028]);
    assert_eq!(c.known_years_label(), "2023–2028");
    // 1 Jan 2028 is Saturday: carried to Monday 3 January; 2 January (Sunday) to Tuesday 4.
    assert!(!c.is_working(d(2028, 1, 3)).unwrap().value);
    assert!(!c.is_working(d(2028, 1, 4)).unwrap().value);
    assert!(c.is_working(d(2028, 1, 5)).unwrap().value);
    assert!(!c.is_working(d(2028, 5, 5)).unwrap().value);
    assert!(c.is_working(d(2028, 5, 5)).unwrap().provisional);
    assert_eq!(c.add(d(2027, 12, 30), 2).unwrap().value, d(2028, 1, 5));
    // The built-in calendar is unchanged.
    assert!(cal().is_working(d(2028, 1, 3)).is_err());
}

#[test]
fn override_changes_a_day() {
    // A hypothetical 2026 transfer, and Kurban Ait moved by one day.
    let file = r#"
[[year]]
year = 2026
kurban_ait = 2026-05-26

[[year.transfer]]
worked = 2026-01-03
off = 2026-01-05
act = "test order"
"#;
    let c = Calendar::with_overrides(file).unwrap();
    assert!(c.is_working(d(2026, 1, 3)).unwrap().value);
    assert!(!c.is_working(d(2026, 1, 5)).unwrap().value);
    assert!(!c.is_working(d(2026, 5, 26)).unwrap().value);
    assert!(c.is_working(d(2026, 5, 27)).unwrap().value);
    assert_eq!(c.year_info(2026).unwrap().working_days, 247);
    // Fields not given are kept.
    assert!(!c.is_provisional(2026).unwrap());
    assert_eq!(c.year_info(2026).unwrap().note, cal().year_info(2026).unwrap().note);
}

#[test]
fn override_makes_2027_final_and_adds_a_holiday() {
    let file = r#"
[[holiday]]
id = "test-day"
month = 11
days = [20]
carry_over = true
from = 2027-01-01
name = { ru = "Тест", kk = "Тест", en = "Test" }
citation = "test"

[[year]]
year = 2027
provisional = false
"#;
    let c = Calendar::with_overrides(file).unwrap();
    assert!(!c.is_provisional(2027).unwrap());
    // 20 November 2027 is Saturday: carried over to Monday 22.
    assert!(!c.is_working(d(2027, 11, 22)).unwrap().value);
    assert!(c.is_working(d(2026, 11, 20)).unwrap().value);
    assert!(!c.add(d(2026, 12, 31), 1).unwrap().provisional);
}

#[test]
fn a_gap_between_known_years_is_unknown() {
    let c = Calendar::with_overrides("[[year]]\nyear = 2030\nkurban_ait = 2030-04-13\n").unwrap();
    assert_eq!(c.known_years_label(), "2023–2027, 2030");
    assert!(matches!(
        c.is_working(d(2029, 1, 1)),
        Err(CalendarError::UnknownYear { year: 2029, .. })
    ));
    assert!(matches!(
        c.add(d(2027, 12, 30), 5),
        Err(CalendarError::UnknownYear { year: 2028, .. })
    ));
    assert!(matches!(
        c.between(d(2027, 1, 1), d(2030, 1, 1)),
        Err(CalendarError::UnknownYear { year: 2028, .. })
    ));
    assert!(c.is_working(d(2030, 1, 3)).unwrap().value);
}

#[test]
fn conflicting_transfers_are_rejected() {
    let holiday_worked = "[[year]]\nyear = 2026\n[[year.transfer]]\nworked = 2026-03-21\noff = 2026-03-27\nact = \"x\"";
    let e = Calendar::with_overrides(holiday_worked).unwrap_err();
    assert!(e.to_string().contains("2026-03-21"), "{e}");
    let off_already = "[[year]]\nyear = 2026\n[[year.transfer]]\nworked = 2026-03-28\noff = 2026-03-24\nact = \"x\"";
    let e = Calendar::with_overrides(off_already).unwrap_err();
    assert!(e.to_string().contains("already a day off"), "{e}");
}

#[test]
fn the_builtin_data_is_a_valid_calendar_file() {
    // The built-in TOML is in the calendar file format: laid over itself it changes nothing.
    let c = Calendar::with_overrides(BUILTIN_TOML).unwrap();
    for y in c.known_years() {
        assert_eq!(c.year_info(y).unwrap(), cal().year_info(y).unwrap());
    }
}

#[test]
fn years_label_joins_ranges() {
    assert_eq!(years_label(&[2023, 2024, 2025, 2030, 2032, 2033]), "2023–2025, 2030, 2032–2033");
    assert_eq!(years_label(&[]), "");
}

#[test]
fn every_weekend_day_without_a_transfer_is_off() {
    for y in cal().known_years() {
        let worked = &cal().year_info(y).unwrap().worked_weekend_days;
        let mut day = d(y, 1, 1);
        while day.year() == y {
            if matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
                && !worked.iter().any(|n| n.date == day)
            {
                assert!(!working(day), "{day}");
            }
            day = day.succ_opt().unwrap();
        }
    }
}

// ---- properties --------------------------------------------------------------------------------

proptest! {
    #[test]
    fn add_lands_on_a_working_day_and_between_counts_back(
        date in strategies::builtin_date(),
        n in strategies::working_days_up_to(300),
    ) {
        if let Ok(end) = cal().add(date, n) {
            let end = end.value;
            prop_assert!(end > date);
            prop_assert!(cal().is_working(end).unwrap().value);
            let next = date.succ_opt().unwrap();
            prop_assert_eq!(cal().between(next, end).unwrap().value, n);
        } else {
            // Only running off the end of the known years is an error.
            prop_assert!(cal().between(date, d(2027, 12, 31)).unwrap().value < n + 1);
        }
    }

    #[test]
    fn is_working_agrees_with_a_slow_count(date in strategies::builtin_date()) {
        let w = cal().is_working(date).unwrap().value;
        prop_assert_eq!(cal().between(date, date).unwrap().value, u32::from(w));
        let info = cal().day_info(date).unwrap().value;
        prop_assert_eq!(info.working, w);
    }

    #[test]
    fn between_is_additive(a in strategies::builtin_date(), b in strategies::builtin_date()) {
        let (from, to) = if a <= b { (a, b) } else { (b, a) };
        if let Some(mid) = from.succ_opt().filter(|m| *m <= to) {
            let whole = cal().between(from, to).unwrap().value;
            let left = cal().between(from, from).unwrap().value;
            let right = cal().between(mid, to).unwrap().value;
            prop_assert_eq!(whole, left + right);
        }
    }

    #[test]
    fn cutoff_deadline_is_never_later_than_general(
        date in strategies::builtin_date(),
        n in strategies::working_days(),
        secs in 0u32..86_400,
    ) {
        let received = date.and_time(NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap());
        if let (Ok(c), Ok(g)) = (
            cal().deadline(received, n, cutoff16()),
            cal().deadline(received, n, TermReading::General),
        ) {
            prop_assert!(c.value.due <= g.value.due);
            prop_assert!(cal().is_working(c.value.due).unwrap().value);
            prop_assert_eq!(cal().between(c.value.first_day, c.value.due).unwrap().value, n);
        }
    }
}
