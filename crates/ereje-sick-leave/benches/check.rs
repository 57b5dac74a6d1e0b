//! Bytes to results: the lenient wire parse plus the whole check (one batch, cross-sheet state
//! included) against a plain typed `serde_json` parse of the same NDJSON, in one run.

use chrono::{Days, NaiveDate};
use criterion::{BenchmarkId, Criterion, Throughput, black_box, criterion_group, criterion_main};
use ereje_id::{Iin, Sex};
use ereje_sick_leave::{Checker, Context, IncapacityKind, Period, Sheet, SheetNumber, WireSheet};

const N: usize = 1000;

/// `N` valid sheets of different people, one JSON object per line.
fn ndjson() -> Vec<Vec<u8>> {
    let base = ereje_sick_leave::example_sheet();
    let d0 = NaiveDate::from_ymd_opt(2023, 1, 2).unwrap_or_default();
    let born0 = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap_or_default();
    (0..N)
        .filter_map(|i| {
            let mut s: Sheet = base.clone();
            let issue = d0.checked_add_days(Days::new((i % 1000) as u64))?;
            let born = born0.checked_add_days(Days::new((i as u64 * 37) % 15_000))?;
            let sex = if i % 2 == 0 { Sex::Female } else { Sex::Male };
            s.iin = Iin::next_issued(born, sex, (i % 9000) as u16).ok()?;
            s.sex = sex;
            s.age = u8::try_from(s.iin.age_on(issue)?).ok()?;
            s.number = SheetNumber::new(&format!("{i:07}")).ok()?;
            s.issue_date = issue;
            s.kind =
                [IncapacityKind::Disease, IncapacityKind::Injury, IncapacityKind::Other][i % 3];
            let len = 3 + (i % 8) as u64;
            let to = issue.checked_add_days(Days::new(len - 1))?;
            let p = Period { from: issue, to };
            s.release_periods[0].from = p.from;
            s.release_periods[0].to = p.to;
            s.return_to_work = to.succ_opt();
            serde_json::to_vec(&s).ok()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let lines = ndjson();
    assert_eq!(lines.len(), N);
    let bytes: usize = lines.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("sick_leave_ndjson");
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function(BenchmarkId::new("typed_parse", N), |b| {
        b.iter(|| {
            for line in &lines {
                let sheet: Result<Sheet, _> = serde_json::from_slice(black_box(line));
                black_box(sheet.is_ok());
            }
        });
    });
    group.bench_function(BenchmarkId::new("wire_parse", N), |b| {
        b.iter(|| {
            for line in &lines {
                let wire = WireSheet::from_slice(black_box(line));
                black_box(wire.is_ok());
            }
        });
    });
    group.bench_function(BenchmarkId::new("bytes_to_results", N), |b| {
        let ctx = Context::default();
        b.iter(|| {
            let mut checker = Checker::new();
            for line in &lines {
                if let Ok(wire) = WireSheet::from_slice(black_box(line)) {
                    black_box(checker.check(&wire, &ctx).findings.len());
                }
            }
        });
    });
    group.finish();
    eprintln!("{N} sheets, {bytes} bytes of NDJSON");
}

criterion_group!(benches, bench);
criterion_main!(benches);
