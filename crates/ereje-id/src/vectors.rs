//! The test vectors of the research brief (`shared/docs/domain/identifiers.md` §5): public
//! numbers used only here, to test the validator against what others found. Fixtures, snapshots
//! and examples use synthetic numbers from the generator instead.

use chrono::NaiveDate;

use crate::{
    Bin, BinAttribute, BinType, Decoded, IdError, Iin, Kind, Pass, Sex, check_digit, classify,
    deciding_pass, normalize_input,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn pass(value: &str) -> Pass {
    let p: [u8; 11] = value.as_bytes()[..11].try_into().unwrap();
    deciding_pass(&p)
}

#[test]
fn valid_iins() {
    use Sex::{Female as F, Male as M};
    for (value, born, sex, used) in [
        ("871008401427", date(1987, 10, 8), F, Pass::First),
        ("760212350620", date(1976, 2, 12), M, Pass::First),
        ("800416300257", date(1980, 4, 16), M, Pass::First),
        ("680503450037", date(1968, 5, 3), F, Pass::First),
        ("800416100254", date(1880, 4, 16), M, Pass::First),
        ("680503250034", date(1868, 5, 3), F, Pass::First),
        ("830717350867", date(1983, 7, 17), M, Pass::Second),
        ("061211600012", date(2006, 12, 11), F, Pass::Second),
        ("251112401047", date(1925, 11, 12), F, Pass::First),
        ("700911204362", date(1870, 9, 11), F, Pass::First),
        ("990101300122", date(1999, 1, 1), M, Pass::First),
        ("811201401188", date(1981, 12, 1), F, Pass::First),
        ("791028302728", date(1979, 10, 28), M, Pass::First),
    ] {
        let iin: Iin = value.parse().unwrap_or_else(|e| panic!("{value}: {e}"));
        assert_eq!((iin.birth_date(), iin.sex()), (born, sex), "{value}");
        assert_eq!(pass(value), used, "{value}");
        let c = classify(value);
        assert_eq!(c.kind, Kind::Iin, "{value}");
        assert!(c.errors.is_empty(), "{value}");
        assert!(matches!(c.decoded(), Some(Decoded::Iin(i)) if i.birth_date == born));
    }
}

#[test]
fn invalid_iins_with_their_reasons() {
    use IdError::*;
    let cases: &[(&str, &[IdError])] = &[
        ("000813159890", &[NeverIssued]),
        ("821214240092", &[NeverIssued]),
        ("83071710098", &[Length { len: 11 }]),
        ("990101300000", &[CheckDigit { expected: 3, found: 0 }]),
        ("990101712345", &[Century { digit: 7 }, CheckDigit { expected: 7, found: 5 }]),
        (
            "991701612345",
            &[Date { date: "2099-17-01".into() }, CheckDigit { expected: 8, found: 5 }],
        ),
        ("0123456789AB", &[NonDigit { position: 11, found: 'A' }]),
        ("------------", &[NonDigit { position: 1, found: '-' }]),
        ("abcdefghijkl", &[NonDigit { position: 1, found: 'a' }]),
        ("абвгдеёжзикл", &[NonDigit { position: 1, found: 'а' }]),
        ("            ", &[NonDigit { position: 1, found: ' ' }]),
        // Checksum-valid but impossible dates: 30 February, 31 April, 29 February 1900.
        ("900230300009", &[Date { date: "1990-02-30".into() }]),
        ("900431300001", &[Date { date: "1990-04-31".into() }]),
        ("000229300005", &[Date { date: "1900-02-29".into() }]),
    ];
    for (value, expected) in cases {
        assert_eq!(Iin::check(value).unwrap_err(), *expected, "{value}");
        assert_eq!(value.parse::<Iin>().unwrap_err(), expected[0], "{value}");
        let c = classify(value);
        assert_eq!((c.kind, &c.errors), (Kind::Invalid, &expected.to_vec()), "{value}");
    }
}

#[test]
fn vonlab_123456789010_is_rejected_as_an_iin_and_as_a_bin() {
    // As an ИИН: month 34, day 56, century digit 7, check digit 3.
    assert_eq!(
        Iin::check("123456789010").unwrap_err(),
        [
            IdError::Date { date: "12-34-56".into() },
            IdError::Century { digit: 7 },
            IdError::CheckDigit { expected: 3, found: 0 }
        ]
    );
    // classify reads digit 5 = 5 as a БИН: month 34, attribute 6, check digit 3.
    assert_eq!(
        classify("123456789010").errors,
        [
            IdError::Date { date: "2012-34".into() },
            IdError::BinAttribute { digit: 6 },
            IdError::CheckDigit { expected: 3, found: 0 }
        ]
    );
    // 123456789013 passes the checksum only.
    assert!(
        !classify("123456789013").errors.iter().any(|e| matches!(e, IdError::CheckDigit { .. }))
    );
}

#[test]
fn bin_940140000380_has_a_wrong_check_digit() {
    assert_eq!(classify("940140000380").errors, [IdError::CheckDigit { expected: 5, found: 0 }]);
}

#[test]
fn twenty_nine_february_1900_invalid_2000_valid() {
    assert_eq!(
        Iin::check("000229300005").unwrap_err(),
        [IdError::Date { date: "1900-02-29".into() }]
    );
    // The same date with century digit 3 (1900s) is impossible, with 5 (2000s) real.
    let y2000 = Iin::next_issued(date(2000, 2, 29), Sex::Male, 0).unwrap();
    assert_eq!(&y2000.as_str()[..7], "0002295");
    assert_eq!(y2000.as_str().parse::<Iin>().unwrap().birth_date(), date(2000, 2, 29));
    let as_1900 = format!("{}3{}", &y2000.as_str()[..6], &y2000.as_str()[7..]);
    assert!(
        Iin::check(&as_1900).unwrap_err().contains(&IdError::Date { date: "1900-02-29".into() })
    );
    // 1800 is not a leap year either.
    let as_1800 = format!("{}1{}", &y2000.as_str()[..6], &y2000.as_str()[7..]);
    assert!(
        Iin::check(&as_1800).unwrap_err().contains(&IdError::Date { date: "1800-02-29".into() })
    );
}

#[test]
fn full_width_and_other_unicode_digits_are_rejected() {
    for (value, position, found) in [
        ("８７１００８４０１４２７", 1, '８'),
        ("87100840142７", 12, '７'),
        ("8710084014²7", 11, '²'),
        ("٨٧١٠٠٨٤٠١٤٢٧", 1, '٨'),
    ] {
        let expected = IdError::NonDigit { position, found };
        assert_eq!(value.parse::<Iin>(), Err(expected.clone()), "{value}");
        assert_eq!(value.parse::<Bin>(), Err(expected.clone()), "{value}");
        assert_eq!(classify(value).errors, [expected], "{value}");
    }
}

#[test]
fn a_change_can_move_a_number_between_passes_830714315376_and_830717315376() {
    // Digit 6 differs (4 → 7); the first is decided by pass 2, the second by pass 1, and both
    // carry check digit 6: a single-digit change that the check digit cannot detect.
    assert_eq!(pass("830714315376"), Pass::Second);
    assert_eq!(pass("830717315376"), Pass::First);
    for value in ["830714315376", "830717315376"] {
        assert_eq!(classify(value).kind, Kind::Iin, "{value}");
    }
}

#[test]
fn digit_11_is_not_detected_under_pass_1_8710084014x7() {
    for x in 0..=9 {
        let value = format!("8710084014{x}7");
        assert_eq!(pass(&value), Pass::First, "{value}");
        assert_eq!(classify(&value).kind, Kind::Iin, "{value}");
    }
    // Under pass 2, digit 11 has weight 2 and matters (valery1707 testImportanceOf_11_Sign).
    assert_eq!(classify("830717350867").kind, Kind::Iin);
    assert_eq!(classify("830717350857").kind, Kind::Invalid);
}

const BRIEF_SECOND_PASS_BINS: [&str; 22] = [
    "011140001654",
    "011140001666",
    "960240007379",
    "020440002422",
    "180840002049",
    "970240000890",
    "020740001757",
    "961240000992",
    "991040001551",
    "991040001563",
    "991040001526",
    "990340000553",
    "991040001514",
    "141140001229",
    "960740000477",
    "960740000453",
    "961240000979",
    "120940010470",
    "141140000456",
    "141140001205",
    "021140001897",
    "021140001873",
];

#[test]
fn valid_bins() {
    use BinAttribute::*;
    use BinType::*;
    for (value, year, month, t, a, used) in [
        ("940140000385", 1994, 1, Resident, HeadUnit, Pass::First),
        ("950341000052", 1995, 3, Resident, Branch, Pass::First),
        ("961141000023", 1996, 11, Resident, Branch, Pass::Second),
        ("070941024691", 2007, 9, Resident, Branch, Pass::First),
        ("971240001315", 1997, 12, Resident, HeadUnit, Pass::First),
        ("990140004654", 1999, 1, Resident, HeadUnit, Pass::First),
    ] {
        let bin: Bin = value.parse().unwrap_or_else(|e| panic!("{value}: {e}"));
        let i = bin.info();
        assert_eq!(
            (i.registration_year, i.registration_month, i.bin_type, i.attribute),
            (year, month, t, a),
            "{value}"
        );
        assert_eq!(pass(value), used, "{value}");
        assert_eq!(classify(value).kind, Kind::Bin, "{value}");
    }
    // Written with spaces: valid after normalisation only.
    assert_eq!(classify("990 140 004 654").kind, Kind::Invalid);
    assert_eq!(classify(&normalize_input("990 140 004 654")).kind, Kind::Bin);
}

#[test]
fn all_22_second_pass_bins_of_the_brief_are_valid() {
    for value in BRIEF_SECOND_PASS_BINS {
        assert_eq!(pass(value), Pass::Second, "{value}");
        let p: [u8; 11] = value.as_bytes()[..11].try_into().unwrap();
        assert_eq!(check_digit(&p), Some(value.as_bytes()[11] - b'0'), "{value}");
        assert!(value.parse::<Bin>().is_ok(), "{value}");
        assert_eq!(classify(value).kind, Kind::Bin, "{value}");
    }
}

#[test]
fn invalid_bins_with_their_reasons() {
    use IdError::*;
    let cases: &[(&str, &[IdError])] = &[
        ("949940000385", &[Date { date: "1994-99".into() }, CheckDigit { expected: 9, found: 5 }]),
        ("940190000385", &[BinType { digit: 9 }, CheckDigit { expected: 8, found: 5 }]),
        ("940149000385", &[BinAttribute { digit: 9 }, CheckDigit { expected: 4, found: 5 }]),
        ("12345", &[Length { len: 5 }]),
        ("12345678901X", &[NonDigit { position: 12, found: 'X' }]),
    ];
    for (value, expected) in cases {
        assert_eq!(Bin::check(value).unwrap_err(), *expected, "{value}");
        assert_eq!(classify(value).errors, expected.to_vec(), "{value}");
    }
}

#[test]
fn unanchored_and_padded_values_are_rejected() {
    // Implementations with unanchored regexes accept 12 digits inside a longer string.
    for value in ["x871008401427", "8710084014270", " 871008401427", "871008401427\n"] {
        assert_eq!(classify(value).kind, Kind::Invalid, "{value:?}");
    }
}
