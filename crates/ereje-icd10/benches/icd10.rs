//! Benchmarks: parsing 10 000 codes as they come from records, looking them up in the WHO list,
//! and matching them against the code sets of the absentee МСЭ pilot.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ereje_icd10::{Icd10Code, Icd10Set, exists, who_codes};

const N: usize = 10_000;

/// 10 000 values: WHO codes spread over the list, one in four lower case, one in eight with a
/// Cyrillic letter or without its dot, one in sixteen not in the list.
fn inputs() -> Vec<String> {
    let all = who_codes();
    (0..N)
        .map(|i| {
            let c = all.get((i * 7919) % all.len()).copied().unwrap_or(all[0]);
            let s = c.to_string();
            match i % 16 {
                0 => format!("U{:02}.9", 10 + i % 80),
                1..=4 => s.to_lowercase(),
                5 if s.starts_with('C') => s.replacen('C', "С", 1),
                6 => s.replace('.', ""),
                _ => s,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    let codes: Vec<Icd10Code> = inputs.iter().filter_map(|s| s.parse().ok()).collect();
    assert_eq!(codes.len(), N);
    let sets: Vec<Icd10Set> = [
        "Q71.0 - Q71.3",
        "Q72.0 - Q72.3",
        "S48, S48.0, S48.1, S48.9 S58, S58.0, S58.1, S58.9 S68 - S68.9",
        "S78, S78.0, S78.1, S78.9 S88, S88.0, S88.1, S88.9 S98, S98.0, S98.1, S98.2, S98.3",
        "T05 - T05.9",
        "Q90, Q90.0, Q90.1, Q90.2, Q90.9",
        "E76, E76.0, E76.1, E76.2, E76.3, E76.8, E76.9",
    ]
    .iter()
    .filter_map(|s| Icd10Set::parse(s).ok())
    .collect();

    let mut g = c.benchmark_group("icd10_10k");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("parse", |b| {
        b.iter(|| inputs.iter().filter(|s| Icd10Code::parse(black_box(s)).is_ok()).count())
    });
    g.bench_function("exists", |b| {
        b.iter(|| codes.iter().filter(|c| exists(black_box(c))).count())
    });
    g.bench_function("parse_and_exists", |b| {
        b.iter(|| {
            inputs
                .iter()
                .filter(|s| Icd10Code::parse(black_box(s)).is_ok_and(|p| exists(&p.code)))
                .count()
        })
    });
    g.bench_function("mse_sets_contains", |b| {
        b.iter(|| codes.iter().filter(|c| sets.iter().any(|s| s.contains(black_box(c)))).count())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
