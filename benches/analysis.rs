//! Whole-analysis benchmarks (criterion, `Throughput::Bytes`) on French news text written for
//! this crate (`benches/data/depeches.txt`).
//!
//! `cargo bench --bench analysis` measures one core; `cargo bench --bench analysis --features
//! rayon` runs the batch entry point over every core, beside the same articles analysed one
//! after the other (`analyze_256_articles_one_core`), so that the two give the speed-up.
//! `DEPECHE_BENCH_FILE=path` adds one core over a text of your own (`analyze_file_one_core`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche::analysis::Document;
use depeche::{Analyzer, Date};

const DEPECHES: &str = include_str!("data/depeches.txt");

/// About `bytes` of news text: the dispatches repeated, each copy with its numbers shifted so
/// the text is not one string repeated verbatim.
fn corpus(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + DEPECHES.len());
    let mut round = 0u32;
    while out.len() < bytes {
        for c in DEPECHES.chars() {
            match c.to_digit(10) {
                Some(d) => out.push(char::from_digit((d + round) % 10, 10).unwrap_or('0')),
                None => out.push(c),
            }
        }
        out.push('\n');
        round += 1;
    }
    out
}

fn analysis(c: &mut Criterion) {
    let analyzer = Analyzer::new();
    let published = Date::new(2024, 11, 2).ok();
    let text = corpus(1 << 20);
    let mut g = c.benchmark_group("analysis");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("analyze_1MB_one_core", |b| b.iter(|| analyzer.analyze(std::hint::black_box(&text), published)));

    let articles: Vec<String> = (0..256).map(|i| corpus(4096 + (i % 7) * 512)).collect();
    let docs: Vec<Document<'_>> = articles.iter().map(|t| Document::new(t, published)).collect();
    let total: usize = articles.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(total as u64));
    // The same articles one after the other on one core: the baseline of the batch's speed-up.
    g.bench_function("analyze_256_articles_one_core", |b| {
        b.iter(|| docs.iter().map(|d| analyzer.analyze(std::hint::black_box(d.text), d.published)).collect::<Vec<_>>())
    });
    g.bench_function("analyze_batch_256_articles", |b| b.iter(|| analyzer.analyze_batch(std::hint::black_box(&docs))));

    // Your own text: `DEPECHE_BENCH_FILE=path/to/text.txt cargo bench --bench analysis` adds a
    // benchmark of one core over that file (UTF-8, analysed as one document), so that the speed
    // can be measured on the copy you process rather than on these dispatches.
    if let Some(path) = std::env::var_os("DEPECHE_BENCH_FILE") {
        match std::fs::read_to_string(&path) {
            Ok(own) => {
                g.throughput(Throughput::Bytes(own.len() as u64));
                g.bench_function("analyze_file_one_core", |b| {
                    b.iter(|| analyzer.analyze(std::hint::black_box(&own), published))
                });
            }
            Err(e) => eprintln!("DEPECHE_BENCH_FILE {}: {e}", std::path::Path::new(&path).display()),
        }
    }
    g.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
