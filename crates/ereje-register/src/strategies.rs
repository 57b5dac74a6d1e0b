//! Proptest strategies for downstream tests (feature `proptest`): workplaces, certificates,
//! complete worker records, and event logs in order of entry.

use chrono::{Days, NaiveDate, NaiveDateTime, TimeDelta};
use ereje_id::{Bin, BinAttribute, BinType, Iin, Sex};
use proptest::prelude::*;

use crate::model::{
    Certificate, Change, Education, Event, IdentityDocument, ProfessionalDevelopment, Transfer,
    WorkerData, Workplace,
};

const REGIONS: [&str; 3] = ["Astana", "Akmola", "Almaty"];
const POSITIONS: [&str; 4] = ["nurse", "general practitioner", "surgeon", "midwife"];
const SPECIALTIES: [&str; 3] = ["nursing", "general practice", "surgery"];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The `k`-th synthetic workplace (a resident legal entity; `k` taken modulo 8).
///
/// # Example
/// ```
/// assert_ne!(ereje_register::strategies::nth_workplace(0).bin, ereje_register::strategies::nth_workplace(1).bin);
/// ```
pub fn nth_workplace(k: usize) -> Workplace {
    let serial = u32::try_from(k % 8).unwrap_or(0) * 11 + 1;
    // A БИН of January 2010 with a serial below 100: always within the generator's range.
    #[allow(clippy::expect_used)]
    let bin = Bin::next_issued(2010, 1, BinType::Resident, BinAttribute::HeadUnit, serial)
        .expect("a БИН of 2010-01 with a low serial");
    Workplace { name: format!("Organisation {}", k % 8), bin }
}

/// The `k`-th synthetic worker's ИИН (distinct for distinct `k` below 10 000).
///
/// # Example
/// ```
/// assert_ne!(ereje_register::strategies::nth_iin(0), ereje_register::strategies::nth_iin(1));
/// ```
pub fn nth_iin(k: usize) -> Iin {
    let born = day(1970, 1, 1) + Days::new((k as u64 * 37) % 12_000);
    let sex = if k % 2 == 0 { Sex::Female } else { Sex::Male };
    let serial = u16::try_from(k % 9_000).unwrap_or(0);
    // A birth date in 1970–2002 and a serial below 9 000: an issued serial always follows.
    #[allow(clippy::expect_used)]
    Iin::next_issued(born, sex, serial).expect("an ИИН of 1970–2002 with a serial below 9 000")
}

/// A synthetic workplace among 8.
pub fn workplace() -> impl Strategy<Value = Workplace> {
    (0usize..8).prop_map(nth_workplace)
}

/// A certificate issued 2020–2026, valid five years to the day before the anniversary.
pub fn certificate() -> impl Strategy<Value = Certificate> {
    (0usize..SPECIALTIES.len(), 0u64..2_500, 0u32..100_000).prop_map(|(s, offset, n)| {
        let issued_on = day(2020, 1, 1) + Days::new(offset);
        let valid_until = issued_on
            .checked_add_months(chrono::Months::new(60))
            .and_then(|d| d.pred_opt())
            .unwrap_or(issued_on);
        Certificate {
            specialty: SPECIALTIES[s].to_owned(),
            number: format!("KZ-{n:06}"),
            issued_on,
            valid_until,
        }
    })
}

/// The complete data of para 8 (items 2–15) of the worker with ИИН `iin`, at `workplace` in
/// `region` as `position`.
pub fn complete_data(
    iin: Iin,
    workplace: Workplace,
    region: &str,
    position: &str,
    certificates: Vec<Certificate>,
) -> WorkerData {
    WorkerData {
        surname: Some(format!("Surname{}", iin.serial())),
        name: Some("Name".to_owned()),
        patronymic: None,
        sex: Some(iin.sex()),
        birth_date: Some(iin.birth_date()),
        birthplace: Some("Astana".to_owned()),
        citizenship: Some("KZ".to_owned()),
        identity_document: Some(IdentityDocument {
            kind: "id_card".to_owned(),
            number: format!("{:09}", iin.serial()),
            issued_on: None,
            issued_by: None,
        }),
        residence: Some("Astana".to_owned()),
        registration_address: Some("Astana".to_owned()),
        registration_date: Some(day(2018, 3, 1)),
        education: Some(vec![Education {
            document: Some("diploma".to_owned()),
            number: format!("D-{}", iin.serial()),
            issued_on: None,
            organisation: "Astana Medical University".to_owned(),
            qualification: None,
        }]),
        workplace: Some(workplace),
        position: Some(position.to_owned()),
        certificates: Some(certificates),
        professional_development: Some(Vec::new()),
        region: Some(region.to_owned()),
    }
}

/// A complete worker's data (items 2–15) for a generated ИИН.
pub fn worker_data() -> impl Strategy<Value = (Iin, WorkerData)> {
    (
        0usize..5_000,
        workplace(),
        0usize..REGIONS.len(),
        0usize..POSITIONS.len(),
        proptest::option::of(certificate()),
    )
        .prop_map(|(k, w, r, p, c)| {
            let iin = nth_iin(k);
            (iin, complete_data(iin, w, REGIONS[r], POSITIONS[p], c.into_iter().collect()))
        })
}

/// One step of a generated log: which worker, what kind of event, how far the clock advances
/// (minutes), how many days before its entry the event happened, and a seed for its payload.
type Step = (usize, u8, u32, u32, u32);

/// An event log of up to `len` events about up to `workers` workers, in order of entry
/// (`entered_at` non-decreasing), starting on 1 August 2025. A worker's first event is a hire;
/// then data changes, transfers (within and between organisations), dismissals (followed by a
/// re-hire), certificates issued and confirmed, advanced training. Events happen 0–11 days
/// before their entry, so some hires of a month's last days are entered in the next month.
///
/// # Example
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let mut runner = TestRunner::deterministic();
/// let log = ereje_register::strategies::event_log(5, 40).new_tree(&mut runner).unwrap().current();
/// assert!(log.windows(2).all(|w| w[0].entered_at <= w[1].entered_at));
/// assert_eq!(log[0].kind(), ereje_register::EventKind::Hire);
/// ```
pub fn event_log(workers: usize, len: usize) -> impl Strategy<Value = Vec<Event>> {
    let workers = workers.max(1);
    prop::collection::vec((0..workers, 0u8..8, 0u32..4_320, 0u32..12, any::<u32>()), 1..=len.max(1))
        .prop_map(move |steps| build_log(workers, &steps))
}

fn build_log(workers: usize, steps: &[Step]) -> Vec<Event> {
    let start = day(2025, 8, 1).and_hms_opt(8, 0, 0).unwrap_or_default();
    let mut clock: NaiveDateTime = start;
    // Per worker: hired and in service, and the organisation index.
    let mut status: Vec<Option<(bool, usize)>> = vec![None; workers];
    let mut out = Vec::with_capacity(steps.len());
    for (i, &(w, kind, advance, delay, seed)) in steps.iter().enumerate() {
        clock += TimeDelta::minutes(i64::from(advance));
        let event_date = clock.date() - Days::new(u64::from(delay));
        let iin = nth_iin(w);
        let org = (seed as usize) % 8;
        let (change, next) = match status.get(w).copied().flatten() {
            None | Some((false, _)) => {
                let certs = if seed % 3 == 0 {
                    Vec::new()
                } else {
                    vec![seeded_certificate(seed, event_date)]
                };
                let data = complete_data(
                    iin,
                    nth_workplace(org),
                    REGIONS[(seed as usize) % REGIONS.len()],
                    POSITIONS[(seed as usize / 7) % POSITIONS.len()],
                    certs,
                );
                (Change::Hire(Box::new(data)), Some((true, org)))
            }
            Some((true, current)) => match kind {
                0 | 1 => (
                    Change::DataChange(Box::new(WorkerData {
                        residence: Some(format!("Astana, street {}", seed % 100)),
                        ..WorkerData::default()
                    })),
                    Some((true, current)),
                ),
                2 => (
                    Change::Transfer(Transfer {
                        workplace: Some(nth_workplace(org)),
                        position: Some(POSITIONS[(seed as usize) % POSITIONS.len()].to_owned()),
                        region: Some(REGIONS[(seed as usize / 3) % REGIONS.len()].to_owned()),
                    }),
                    Some((true, org)),
                ),
                3 => (
                    Change::Transfer(Transfer {
                        workplace: None,
                        position: Some(POSITIONS[(seed as usize) % POSITIONS.len()].to_owned()),
                        region: None,
                    }),
                    Some((true, current)),
                ),
                4 => (Change::Dismissal, Some((false, current))),
                5 => (
                    Change::CertificateIssued(seeded_certificate(seed, event_date)),
                    Some((true, current)),
                ),
                6 => (
                    Change::CertificateConfirmed(seeded_certificate(seed, event_date)),
                    Some((true, current)),
                ),
                _ => (
                    Change::ProfessionalDevelopment(ProfessionalDevelopment {
                        title: format!("Course {}", seed % 50),
                        organisation: None,
                        completed_on: event_date,
                        hours: Some(seed % 100),
                        document_number: None,
                    }),
                    Some((true, current)),
                ),
            },
        };
        if let Some(slot) = status.get_mut(w) {
            *slot = next;
        }
        out.push(Event {
            id: Some(format!("g{}", i + 1)),
            iin,
            event_date,
            entered_at: clock,
            change,
        });
    }
    out
}

fn seeded_certificate(seed: u32, around: NaiveDate) -> Certificate {
    let issued_on = around - Days::new(u64::from(seed % 1_800));
    let valid_until = issued_on
        .checked_add_months(chrono::Months::new(60))
        .and_then(|d| d.pred_opt())
        .unwrap_or(issued_on);
    Certificate {
        specialty: SPECIALTIES[(seed as usize) % SPECIALTIES.len()].to_owned(),
        number: format!("KZ-{:06}", seed % 1_000_000),
        issued_on,
        valid_until,
    }
}
