//! Applications checked and computed per second: `check` over the fixture records (parsed once),
//! and `compute` alone on the brief's job-loss case.

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use ereje_social_payment::{Case, Context, WireApplication, check, compute};

const FIXTURES: &str = include_str!("../../../fixtures/social-payment/applications.ndjson");

fn records() -> Vec<WireApplication> {
    FIXTURES
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("fixture records are valid JSON"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let ctx = Context::new();
    let records = records();
    let mut group = c.benchmark_group("social_payment");
    group.throughput(Throughput::Elements(records.len() as u64));
    group.bench_function("check_fixtures", |b| {
        b.iter(|| {
            for r in &records {
                black_box(check(black_box(r), &ctx));
            }
        })
    });
    group.finish();

    let job_loss: Case = {
        let app: ereje_social_payment::Application =
            serde_json::from_str(FIXTURES.lines().next().expect("a first record"))
                .expect("a strict record");
        app.case()
    };
    let mut group = c.benchmark_group("social_payment_compute");
    group.throughput(Throughput::Elements(1));
    group.bench_function("compute_job_loss_24_months", |b| {
        b.iter(|| black_box(compute(black_box(&job_loss), &ctx)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
