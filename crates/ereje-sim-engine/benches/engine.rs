//! Criterion benchmark of the event loop: one simulated year of a process shaped like the job-loss
//! procedure (5 staffed steps, 2 system steps, 3 conditions, an elapsed wait), 100,000
//! applications. Throughput is reported in events (pops of the event queue) per second; events
//! per case and the wall time of one year are printed.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ereje_sim_engine::{
    Branch, Dist, Duration, Model, Norm, Process, Role, RunConfig, RunOptions, Scenario, Source,
    Step, WeekdaysOnly,
};

/// The bench scenario: 2025 on a weekdays-only calendar, about 100,000 applications.
fn scenario() -> Scenario {
    let tri = |min, mode, max| Duration::new(Dist::Triangular { min, mode, max }).assumed();
    let mut examine = Step::staffed("examine", "executor", tri(60.0, 120.0, 240.0), "gateway")
        .with_norm(Norm::WorkingDays(8));
    if let Step::Staffed { wait, .. } = &mut examine {
        *wait = Some(Duration::new(Dist::Uniform { min: 0.0, max: 1440.0 }).assumed());
    }
    let steps = vec![
        Step::staffed("receive", "office", tri(15.0, 20.0, 30.0), "gbd")
            .with_norm(Norm::WorkingMinutes(20.0)),
        Step::system("gbd", Duration::new(Dist::Lognormal { mean: 0.5, sd: 0.3 }), "data_present"),
        Step::condition(
            "data_present",
            vec![Branch::probability("assign", 0.98), Branch::probability("refused_data", 0.02)],
        ),
        Step::staffed("assign", "head", tri(5.0, 10.0, 15.0), "examine")
            .with_norm(Norm::WorkingMinutes(10.0)),
        examine,
        Step::system("gateway", Duration::fixed(1.0), "sign"),
        Step::staffed("sign", "head", tri(5.0, 10.0, 15.0), "handover")
            .with_norm(Norm::WorkingMinutes(10.0)),
        Step::staffed("handover", "office", tri(15.0, 20.0, 30.0), "comply")
            .with_norm(Norm::WorkingMinutes(20.0)),
        Step::condition(
            "comply",
            vec![Branch::probability("assigned", 0.9), Branch::probability("refused", 0.1)],
        ),
        Step::end("assigned", "assigned"),
        Step::end("refused", "refused"),
        Step::end("refused_data", "refused"),
    ];
    let roles: BTreeMap<String, Role> = [("office", 40), ("head", 20), ("executor", 170)]
        .iter()
        .map(|(n, s)| (n.to_string(), Role::new(*s)))
        .collect();
    Scenario {
        run: RunConfig {
            start: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default(),
            end: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default(),
            warm_up_days: 14,
            seed: 2025,
            replications: 1,
        },
        process: Process {
            name: "job-loss-like".into(),
            start: "receive".into(),
            term: Some(Norm::WorkingDays(6)),
            term_assumed: false,
            term_citation: None,
            schedules: BTreeMap::new(),
            roles,
            steps,
        },
        sources: vec![
            Source::new("office", 300.0).with_label("channel", "office"),
            Source::new("portal", 100.0).with_label("channel", "portal"),
        ],
        cases: Vec::new(),
    }
}

fn bench(c: &mut Criterion) {
    let model = match Model::compile(&scenario(), &WeekdaysOnly) {
        Ok(m) => m,
        Err(e) => panic!("bench scenario: {e}"),
    };
    let options = RunOptions { threads: 1, cases: false, per_replication: false };
    let t0 = Instant::now();
    let probe = model.run(&options);
    let once = t0.elapsed();
    let out = &probe.output;
    println!(
        "one simulated year: {} cases, {} events, {:.2} events per case, {:.3} s wall (incl. KPIs)",
        out.cases,
        out.events,
        out.events_per_case.0.unwrap_or(0.0),
        once.as_secs_f64()
    );
    let mut group = c.benchmark_group("engine");
    group.sample_size(10);
    group.throughput(Throughput::Elements(out.events));
    group.bench_function("year_100k_applications", |b| b.iter(|| black_box(model.run(&options))));
    group.finish();

    let mut group = c.benchmark_group("compile");
    group.sample_size(10);
    group.bench_function("compile_year", |b| {
        b.iter(|| black_box(Model::compile(&scenario(), &WeekdaysOnly).is_ok()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
