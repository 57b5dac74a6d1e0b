//! Criterion benchmarks of ИИН validation: parsing and classifying 10,000 synthetic values, a mix
//! of valid numbers and numbers with one digit changed. Throughput is per value, so criterion's
//! time per iteration divided by 10,000 is the time per ИИН.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ereje_id::{Iin, Sex, classify};

const N: usize = 10_000;

/// 10,000 synthetic ИИНs from the generator, driven by a fixed linear congruential sequence; every
/// fourth has one digit changed, so about a quarter are invalid.
fn values() -> Vec<String> {
    let start = NaiveDate::from_ymd_opt(1930, 1, 1).unwrap_or_default();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state =
            state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    let mut out = Vec::with_capacity(N);
    while out.len() < N {
        let born = start.checked_add_days(Days::new(next() % 30_000)).unwrap_or(start);
        let sex = if next() % 2 == 0 { Sex::Male } else { Sex::Female };
        let serial = u16::try_from(next() % 10_000).unwrap_or(0);
        let Ok(iin) = Iin::next_issued(born, sex, serial) else { continue };
        let mut s = iin.to_string().into_bytes();
        if out.len() % 4 == 3 {
            let pos = usize::try_from(next() % 12).unwrap_or(0);
            s[pos] = b'0' + (s[pos] - b'0' + 1) % 10;
        }
        out.push(String::from_utf8(s).unwrap_or_default());
    }
    out
}

fn bench(c: &mut Criterion) {
    let values = values();
    let mut group = c.benchmark_group("iin_10k");
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function("parse_iin", |b| {
        b.iter(|| values.iter().filter(|v| black_box(v.as_str()).parse::<Iin>().is_ok()).count())
    });
    group.bench_function("classify", |b| {
        b.iter(|| values.iter().map(|v| classify(black_box(v)).errors.len()).sum::<usize>())
    });
    group.bench_function("classify_and_findings", |b| {
        b.iter(|| {
            values.iter().map(|v| classify(black_box(v)).findings("/iin").len()).sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
