//! Typography benchmarks (criterion, `Throughput::Bytes`) on about 1 MB of French news copy
//! written for this crate (`benches/data/typography-news.txt`, repeated).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche::typography::{canonical, fold, typeset};
use std::hint::black_box;

/// About 1 MB of French news text with « », ’, no-break spaces and percentages.
fn news() -> String {
    let para = include_str!("data/typography-news.txt");
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(para);
        text.push('\n');
    }
    text
}

fn typography(c: &mut Criterion) {
    let text = news();
    let already = canonical(&text).as_str().to_string();
    let mut g = c.benchmark_group("typography");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("canonical", |b| b.iter(|| canonical(black_box(&text))));
    g.bench_function("typeset", |b| b.iter(|| typeset(black_box(&text))));
    g.bench_function("fold", |b| b.iter(|| fold(black_box(&text))));
    g.throughput(Throughput::Bytes(already.len() as u64));
    g.bench_function("canonical_fast_path", |b| b.iter(|| canonical(black_box(&already))));
    g.bench_function("copy_baseline", |b| b.iter(|| black_box(&already).to_string()));
    g.finish();
}

criterion_group!(benches, typography);
criterion_main!(benches);
