//! Benchmarks of subject `mse`: forms checked per second from NDJSON bytes (the lenient wire
//! parse, the check, and the result written as JSON) against a plain typed `serde_json` parse of
//! the same NDJSON into the strict `Form`. The target: bytes → results at most 1.5× the
//! typed parse.

use std::hint::black_box;

use chrono::{NaiveDate, TimeDelta};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ereje_findings::{Lang, Origin, RecordResult};
use ereje_id::{Iin, Sex};
use ereje_mse::{
    Amputation, Context, Diagnosis, EXAM_REQUIREMENTS, Examination, Form, Mis, Nosology,
    Organisation, Patient, Region, Vkk, WireForm, check,
};

/// A deterministic corpus: 60 % complete pilot forms, 15 % with a missing examination, 25 % of
/// other diagnoses; every line parses both as `WireForm` and as the strict `Form`.
fn corpus(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut seed: u64 = 0x5eed;
    let mut next = |m: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    let base = NaiveDate::from_ymd_opt(2025, 8, 1).unwrap_or_default();
    let codes = [
        ("S88.1", Some(Nosology::Amputation)),
        ("T05.3", Some(Nosology::Amputation)),
        ("Q90.0", Some(Nosology::DownSyndrome)),
        ("E76.1", Some(Nosology::Mucopolysaccharidosis)),
        ("J44.9", None),
        ("I63.9", None),
    ];
    let mises = [Mis::Damu, Mis::Avicenna, Mis::Other("Комек".into())];
    let mut i = 0;
    while i < n {
        let kind = next(100);
        let (code, nosology) =
            if kind < 75 { codes[(next(4)) as usize] } else { codes[4 + next(2) as usize] };
        let signed = base + TimeDelta::days(next(300) as i64);
        let age_days = if nosology == Some(Nosology::Mucopolysaccharidosis) {
            400 + next(5000)
        } else {
            7000 + next(20000)
        };
        let birth = signed - TimeDelta::days(age_days as i64);
        let sex = if next(2) == 0 { Sex::Male } else { Sex::Female };
        let Ok(iin) = Iin::next_issued(birth, sex, next(9000) as u16) else { continue };
        let mut examinations = Vec::new();
        if let Some(n) = nosology {
            for r in EXAM_REQUIREMENTS.iter().filter(|r| r.nosology == n && r.blocks()) {
                examinations.push(Examination {
                    kind: r.any_of[0],
                    date: Some(signed - TimeDelta::days(10)),
                    conclusion: Some("заключение специалиста: без особенностей".into()),
                    document: Some(format!("DOC-{i}")),
                });
            }
            if (75..90).contains(&kind) || next(7) == 0 {
                examinations.pop();
            }
        }
        let at = signed.and_hms_opt(10, 0, 0).unwrap_or_default();
        let form = Form {
            id: Some(format!("031-BENCH-{i:06}")),
            created_on: signed - TimeDelta::days(1),
            patient: Patient {
                iin,
                birth_date: birth,
                sex,
                region: Region::ALL[next(20) as usize],
            },
            organisation: Organisation {
                name: Some("ГКП «Поликлиника» (синтетическая)".into()),
                region: Region::ALL[next(20) as usize],
                mis: mises[next(3) as usize].clone(),
            },
            diagnosis: Diagnosis {
                main: code.parse().unwrap_or_else(|_| unreachable_code()),
                complications: vec![],
                concomitant: vec!["I10".parse().unwrap_or_else(|_| unreachable_code())],
            },
            examinations,
            amputation: (nosology == Some(Nosology::Amputation))
                .then_some(Amputation { surgical: Some(false), sub_form: None }),
            vkk: Vkk {
                protocol: Some("12".into()),
                chair: Some("Председатель".into()),
                signed_at: Some(at),
            },
            sent_at: Some(at + TimeDelta::minutes(1)),
            expert_received_at: Some(at + TimeDelta::minutes(90 + next(2000) as i64)),
            expert_concluded_at: None,
        };
        let line = serde_json::to_string(&WireForm::from(&form)).unwrap_or_default();
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
        i += 1;
    }
    out
}

#[allow(clippy::panic)]
fn unreachable_code() -> ereje_icd10::Icd10Code {
    panic!("bench codes are canonical")
}

fn lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty())
}

fn bench(c: &mut Criterion) {
    const N: usize = 1000;
    let bytes = corpus(N);
    let ctx = Context::builtin();
    // sanity: every line parses both ways
    assert_eq!(lines(&bytes).filter(|l| serde_json::from_slice::<Form>(l).is_ok()).count(), N);

    let write_results = |out: &mut Vec<u8>| {
        for (i, l) in lines(&bytes).enumerate() {
            if let Ok(w) = serde_json::from_slice::<WireForm>(l) {
                let checked = check(&w, &ctx);
                let origin = Origin { record: i as u64 + 1, file: "-".into(), line: i as u64 + 1 };
                let r = RecordResult::new(
                    origin,
                    checked.id.clone(),
                    checked.as_of,
                    &checked.findings,
                    Lang::Ru,
                    &checked,
                );
                let _ = serde_json::to_writer(&mut *out, &r);
                out.push(b'\n');
            }
        }
    };
    let mut sample = Vec::new();
    write_results(&mut sample);
    eprintln!("corpus: {N} forms, {} bytes in, {} bytes of results out", bytes.len(), sample.len());

    let mut g = c.benchmark_group("mse");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("typed_parse_form", |b| {
        b.iter(|| {
            for l in lines(black_box(&bytes)) {
                black_box(serde_json::from_slice::<Form>(l).ok());
            }
        })
    });
    g.bench_function("wire_parse", |b| {
        b.iter(|| {
            for l in lines(black_box(&bytes)) {
                black_box(serde_json::from_slice::<WireForm>(l).ok());
            }
        })
    });
    g.bench_function("bytes_to_checked", |b| {
        b.iter(|| {
            for l in lines(black_box(&bytes)) {
                if let Ok(w) = serde_json::from_slice::<WireForm>(l) {
                    black_box(check(&w, &ctx));
                }
            }
        })
    });
    g.bench_function("bytes_to_result_json", |b| {
        let mut out = Vec::with_capacity(bytes.len() * 3);
        b.iter(|| {
            out.clear();
            write_results(&mut out);
            black_box(out.len())
        })
    });
    g.finish();

    // The machine is shared: criterion runs the variants one after the other, so a burst of
    // load can land on one of them. Interleave them and keep each one's best round for the ratio.
    let typed = || {
        for l in lines(&bytes) {
            black_box(serde_json::from_slice::<Form>(l).ok());
        }
    };
    let checked = || {
        for l in lines(&bytes) {
            if let Ok(w) = serde_json::from_slice::<WireForm>(l) {
                black_box(check(&w, &ctx));
            }
        }
    };
    let mut out = Vec::with_capacity(bytes.len() * 3);
    let mut best = [f64::MAX; 3];
    for _ in 0..30 {
        let t = std::time::Instant::now();
        typed();
        best[0] = best[0].min(t.elapsed().as_secs_f64());
        let t = std::time::Instant::now();
        checked();
        best[1] = best[1].min(t.elapsed().as_secs_f64());
        let t = std::time::Instant::now();
        out.clear();
        write_results(&mut out);
        best[2] = best[2].min(t.elapsed().as_secs_f64());
    }
    let per_sec = |s: f64| N as f64 / s;
    eprintln!(
        "interleaved best of 30: typed parse {:.0} forms/s; bytes → Checked {:.0} forms/s ({:.2}× the typed parse); bytes → result JSON {:.0} forms/s ({:.2}×)",
        per_sec(best[0]),
        per_sec(best[1]),
        best[1] / best[0],
        per_sec(best[2]),
        best[2] / best[0],
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
