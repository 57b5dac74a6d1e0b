//! Criterion benchmark of the event-log replay: one million synthetic events (NDJSON lines, a
//! mix of hires, data changes, transfers, dismissals, certificates and advanced training about
//! 100,000 workers), parsed into the typed [`Event`] (the baseline: a plain typed serde_json
//! parse) versus parsed and applied to a [`Replay`] (`parse_apply`), and then also folded into the
//! state as of a day after the last event (`parse_apply_state`, the figure the target is about).
//! The target (issue 6) is a ratio of at most 1.5; throughput is per event.

use std::hint::black_box;

use chrono::{Days, NaiveDate, NaiveDateTime, TimeDelta};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ereje_id::{Bin, BinAttribute, BinType, Iin, Sex};
use ereje_register::{
    Certificate, Change, Education, Event, IdentityDocument, ProfessionalDevelopment, Replay,
    Transfer, WorkerData, Workplace,
};

const EVENTS: usize = 1_000_000;
const WORKERS: usize = 100_000;

/// A fixed linear congruential sequence.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn workplaces() -> Vec<Workplace> {
    (0..50u32)
        .filter_map(|k| {
            Bin::next_issued(2010, 1 + k % 12, BinType::Resident, BinAttribute::HeadUnit, k * 13)
                .ok()
                .map(|bin| Workplace { name: format!("Organisation {k}"), bin })
        })
        .collect()
}

fn iins() -> Vec<Iin> {
    let start = day(1960, 1, 1);
    (0..WORKERS)
        .filter_map(|k| {
            let born = start + Days::new((k as u64 * 7) % 15_000);
            let sex = if k % 2 == 0 { Sex::Female } else { Sex::Male };
            Iin::next_issued(born, sex, u16::try_from(k % 9_000).unwrap_or(0)).ok()
        })
        .collect()
}

fn certificate(r: &mut Lcg, around: NaiveDate) -> Certificate {
    let issued_on = around - Days::new(r.next() % 1_500);
    let valid_until = issued_on.checked_add_months(chrono::Months::new(60)).unwrap_or(issued_on);
    Certificate {
        specialty: ["nursing", "general practice", "surgery", "paediatrics"]
            [(r.next() % 4) as usize]
            .to_owned(),
        number: format!("KZ-{:07}", r.next() % 10_000_000),
        issued_on,
        valid_until,
    }
}

fn hire_data(iin: Iin, wp: &Workplace, r: &mut Lcg, around: NaiveDate) -> WorkerData {
    WorkerData {
        surname: Some(format!("Surname{}", r.next() % 5_000)),
        name: Some(format!("Name{}", r.next() % 500)),
        patronymic: (r.next() % 3 > 0).then(|| format!("Patronymic{}", r.next() % 500)),
        sex: Some(iin.sex()),
        birth_date: Some(iin.birth_date()),
        birthplace: Some("Astana".to_owned()),
        citizenship: Some("KZ".to_owned()),
        identity_document: Some(IdentityDocument {
            kind: "id_card".to_owned(),
            number: format!("{:09}", r.next() % 1_000_000_000),
            issued_on: Some(day(2020, 1, 15)),
            issued_by: Some("MVD RK".to_owned()),
        }),
        residence: Some(format!("Astana, street {}", r.next() % 300)),
        registration_address: Some(format!("Astana, street {}", r.next() % 300)),
        registration_date: Some(day(2018, 3, 1)),
        education: Some(vec![Education {
            document: Some("diploma".to_owned()),
            number: format!("JB-{:07}", r.next() % 10_000_000),
            issued_on: Some(day(2012, 6, 30)),
            organisation: "Astana Medical University".to_owned(),
            qualification: Some("nurse".to_owned()),
        }]),
        workplace: Some(wp.clone()),
        position: Some(
            ["nurse", "general practitioner", "surgeon", "midwife"][(r.next() % 4) as usize]
                .to_owned(),
        ),
        certificates: Some(vec![certificate(r, around)]),
        professional_development: Some(Vec::new()),
        region: Some(
            ["Astana", "Akmola", "Almaty", "Karaganda"][(r.next() % 4) as usize].to_owned(),
        ),
    }
}

/// One million events as NDJSON lines, in order of entry.
fn log() -> Vec<String> {
    let mut r = Lcg(0x2545_f491_4f6c_dd1d);
    let orgs = workplaces();
    let people = iins();
    let mut hired = vec![false; people.len()];
    let mut clock: NaiveDateTime = day(2023, 1, 2).and_hms_opt(8, 0, 0).unwrap_or_default();
    let mut out = Vec::with_capacity(EVENTS);
    for k in 0..EVENTS {
        clock += TimeDelta::seconds(i64::try_from(r.next() % 180).unwrap_or(0));
        let w = (r.next() as usize) % people.len();
        let iin = people[w];
        let event_date = clock.date() - Days::new(r.next() % 6);
        let wp = &orgs[(r.next() as usize) % orgs.len()];
        let change = if !hired[w] {
            hired[w] = true;
            Change::Hire(Box::new(hire_data(iin, wp, &mut r, event_date)))
        } else {
            match r.next() % 20 {
                0..=7 => Change::DataChange(Box::new(WorkerData {
                    residence: Some(format!("Astana, street {}", r.next() % 300)),
                    ..WorkerData::default()
                })),
                8..=10 => Change::Transfer(Transfer {
                    workplace: Some(wp.clone()),
                    position: Some("senior nurse".to_owned()),
                    region: None,
                }),
                11 => {
                    hired[w] = false;
                    Change::Dismissal
                }
                12 | 13 => Change::CertificateConfirmed(certificate(&mut r, event_date)),
                14 => Change::CertificateIssued(certificate(&mut r, event_date)),
                _ => Change::ProfessionalDevelopment(ProfessionalDevelopment {
                    title: format!("Course {}", r.next() % 200),
                    organisation: Some("National Centre".to_owned()),
                    completed_on: event_date,
                    hours: Some(u32::try_from(r.next() % 100).unwrap_or(0)),
                    document_number: Some(format!("PD-{k}")),
                }),
            }
        };
        let e = Event { id: Some(format!("e{k}")), iin, event_date, entered_at: clock, change };
        out.push(serde_json::to_string(&e).unwrap_or_default());
    }
    out
}

fn bench(c: &mut Criterion) {
    let lines = log();
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    eprintln!("{} events, {} bytes of NDJSON", lines.len(), bytes);
    let last = day(2030, 1, 1);
    let mut group = c.benchmark_group("register_1m_events");
    group.sample_size(10);
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("typed_parse", |b| {
        b.iter(|| {
            lines.iter().filter(|l| serde_json::from_str::<Event>(black_box(l)).is_ok()).count()
        })
    });
    // The replay: parse each line into `Event` and apply it (no state yet).
    group.bench_function("parse_apply", |b| {
        b.iter(|| {
            let mut replay = Replay::new();
            for l in &lines {
                if let Ok(e) = serde_json::from_str::<Event>(black_box(l)) {
                    replay.apply(e);
                }
            }
            replay.len()
        })
    });
    // The target: parse, apply, and fold the state as of a day after the last event.
    group.bench_function("parse_apply_state", |b| {
        b.iter(|| {
            let mut replay = Replay::new();
            for l in &lines {
                if let Ok(e) = serde_json::from_str::<Event>(black_box(l)) {
                    replay.apply(e);
                }
            }
            replay.state_as_of(last).workers.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
