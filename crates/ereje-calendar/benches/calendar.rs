//! Criterion benchmarks of the calendar queries: `is_working`, `add(d, 20)` and `between` over a
//! year, each over a fixed spread of dates of the built-in years.

use chrono::{Days, NaiveDate};
use criterion::{Criterion, black_box, criterion_group, criterion_main};
use ereje_calendar::Calendar;

fn dates() -> Vec<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
    // Every 7th day of 2023–2026 plus an offset, so the dates cover every weekday.
    (0..208u64).map(|k| start + Days::new(k * 7 + k % 7)).collect()
}

fn bench(c: &mut Criterion) {
    let cal = Calendar::builtin();
    let ds = dates();
    let n = ds.len();
    let mut i = 0usize;
    c.bench_function("is_working", |b| {
        b.iter(|| {
            i = (i + 1) % n;
            black_box(cal.is_working(black_box(ds[i])))
        })
    });
    c.bench_function("add(d, 20)", |b| {
        b.iter(|| {
            i = (i + 1) % n;
            black_box(cal.add(black_box(ds[i]), black_box(20)))
        })
    });
    c.bench_function("between over a year", |b| {
        b.iter(|| {
            i = (i + 1) % n;
            let from = ds[i];
            black_box(cal.between(black_box(from), black_box(from + Days::new(364))))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
