//! Typography benchmarks (criterion, `Throughput::Bytes`).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn fold(c: &mut Criterion) {
    let text = "Le président russe a reçu l’émissaire américain à Moscou. ".repeat(2000);
    let mut g = c.benchmark_group("typography");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("fold", |b| b.iter(|| depeche::typography::fold(std::hint::black_box(&text))));
    g.finish();
}

criterion_group!(benches, fold);
criterion_main!(benches);
