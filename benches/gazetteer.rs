//! Gazetteer throughput on French news written for this benchmark (built-in gazetteer, and the
//! built-in gazetteer plus 100,000 synthetic person names), and the build time of the built-in
//! gazetteer.
//!
//! `cargo bench --bench gazetteer -- --warm-up-time 1 --measurement-time 3`

use criterion::{black_box, criterion_group, Criterion, Throughput};
use depeche::gazetteer::{self, EntityKind, Entry, Gazetteer};
use depeche::Date;

const NEWS: &str = include_str!("data/gazetteer-news.txt");

/// About 1 MB of text: the article repeated.
fn corpus() -> String {
    let mut s = String::with_capacity(1 << 20);
    while s.len() < 1 << 20 {
        s.push_str(NEWS);
        s.push('\n');
    }
    s
}

/// `n` synthetic person entries with two aliases each (full name and surname), names made of
/// syllables so that they look like names without colliding with French words.
fn synthetic(n: usize) -> Vec<Entry> {
    const SYL: &[&str] =
        &["ka", "lo", "mi", "ru", "zen", "tor", "vash", "quil", "bré", "dan", "sté", "gor", "pim", "yul", "fex", "nau"];
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let mut x = i;
        let mut sur = String::new();
        for _ in 0..4 {
            sur.push_str(SYL[x % SYL.len()]);
            x /= SYL.len();
        }
        let mut sur_cap = sur[..1].to_uppercase();
        sur_cap.push_str(&sur[1..]);
        let first = ["Ilan", "Noa", "Teo", "Mila", "Ezra", "Lina"][i % 6];
        let name = format!("{first} {sur_cap}{}", i / 65536);
        out.push(
            Entry::new(format!("synthetic-{i}"), name, EntityKind::Person)
                .with_alias(format!("{sur_cap}{}", i / 65536)),
        );
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let date = Date::new(2025, 2, 4).ok();
    let builtin = Gazetteer::french_news();
    let mut builder = Gazetteer::builder();
    builder.dataset(gazetteer::french_news_dataset().expect("built-in data")).entries(synthetic(50_000));
    let big = builder.build().expect("big gazetteer");
    assert!(big.alias_count() >= 100_000, "only {} aliases", big.alias_count());

    let mut g = c.benchmark_group("gazetteer");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("find_iter/builtin", |b| b.iter(|| builtin.find_iter(black_box(&text)).count()));
    g.bench_function("mentions/builtin", |b| b.iter(|| builtin.mentions(black_box(&text), date).len()));
    g.bench_function("find_iter/100k", |b| b.iter(|| big.find_iter(black_box(&text)).count()));
    g.bench_function("mentions/100k", |b| b.iter(|| big.mentions(black_box(&text), date).len()));
    g.finish();

    let mut g = c.benchmark_group("gazetteer-build");
    g.sample_size(10);
    g.bench_function("builtin", |b| b.iter(|| Gazetteer::try_french_news().expect("built-in").len()));
    g.finish();
}

criterion_group!(benches, bench);

/// With `GAZ_PASSES=N` (and optionally `GAZ_WHAT=find|mentions|find100k|mentions100k|build|articles`), skips
/// criterion and runs `N` passes over the corpus with the built-in gazetteer (or the 100k one; `articles`: `mentions`
/// on each test article in turn), for `perf stat -e task-clock` (CPU
/// time) or `valgrind --tool=callgrind` (instruction counts) on a loaded machine.
fn passes(n: usize) {
    let text = corpus();
    let date = Date::new(2025, 2, 4).ok();
    let what = std::env::var("GAZ_WHAT").unwrap_or_default();
    let g = if what.ends_with("100k") {
        let mut builder = Gazetteer::builder();
        builder.dataset(gazetteer::french_news_dataset().expect("built-in data")).entries(synthetic(50_000));
        builder.build().expect("big gazetteer")
    } else {
        Gazetteer::french_news()
    };
    let mut total = 0;
    if what == "articles" {
        // Article by article, as `Analyzer::analyze` calls it: per-call costs (allocations,
        // buffers) weigh more than on one megabyte.
        let articles = articles();
        let bytes: usize = articles.iter().map(String::len).sum();
        for _ in 0..n {
            for a in &articles {
                total += g.mentions(black_box(a), date).len();
            }
        }
        println!("{what} {n} passes over {} articles, {bytes} bytes: {total}", articles.len());
        return;
    }
    for _ in 0..n {
        total += match what.as_str() {
            "mentions" | "mentions100k" => g.mentions(black_box(&text), date).len(),
            "build" => Gazetteer::try_french_news().expect("built-in").len(),
            _ => g.find_iter(black_box(&text)).count(),
        };
    }
    println!("{what} {n} passes over {} bytes: {total}", text.len());
}

/// The test articles (`tests/fixtures/articles/*.txt`), in name order.
fn articles() -> Vec<String> {
    let dir = format!("{}/tests/fixtures/articles", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> =
        std::fs::read_dir(dir).expect("articles").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

/// With `GAZ_WHAT=digest`: a hash of every mention and raw match (span, kind, entity, name,
/// gender, nominal, role) of the built-in and 100k gazetteers over the bench corpus, the other
/// bench texts and the test articles, with and without a date: the behaviour guard of the
/// performance work (`docs/perf-gazetteer.md`), printed per text and in total.
fn digest() {
    use std::hash::{Hash, Hasher};
    let mut texts: Vec<(String, String)> = vec![("corpus".into(), corpus())];
    for name in ["depeches.txt", "gazetteer-news.txt", "typography-news.txt"] {
        let path = format!("{}/benches/data/{name}", env!("CARGO_MANIFEST_DIR"));
        texts.push((name.into(), std::fs::read_to_string(path).expect("bench text")));
    }
    let dir = format!("{}/tests/fixtures/articles", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> =
        std::fs::read_dir(dir).expect("articles").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if let Ok(t) = std::fs::read_to_string(&p) {
            texts.push((p.file_name().unwrap_or_default().to_string_lossy().into_owned(), t));
        }
    }
    // Variants that move the text through other paths: capitals everywhere, no-break spaces,
    // paragraphs in reverse order (surnames before their full names).
    let n = texts.len();
    for i in 1..n {
        let (name, t) = texts[i].clone();
        texts.push((format!("{name} upper"), t.to_uppercase()));
        texts.push((format!("{name} nbsp"), t.replace(' ', "\u{A0}")));
        texts.push((format!("{name} reversed"), t.lines().rev().collect::<Vec<_>>().join("\n")));
    }
    let builtin = Gazetteer::french_news();
    let mut builder = Gazetteer::builder();
    builder.dataset(gazetteer::french_news_dataset().expect("built-in data")).entries(synthetic(50_000));
    let big = builder.build().expect("big gazetteer");
    let dates = [None, Date::new(2025, 2, 4).ok(), Date::new(2017, 1, 28).ok()];
    let mut all = std::collections::hash_map::DefaultHasher::new();
    for (name, text) in &texts {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        let mut n = 0;
        for g in [&builtin, &big] {
            for m in g.find_iter(text) {
                (m.span(), m.kind(), m.entity().map(|e| e.id()), m.role_id()).hash(&mut h);
            }
            for date in dates {
                for m in g.mentions(text, date) {
                    let e = m.entity().map(|e| e.id());
                    (m.span(), m.kind(), e, m.name(), m.gender(), m.is_nominal(), m.role_id()).hash(&mut h);
                    n += 1;
                }
            }
        }
        let d = h.finish();
        d.hash(&mut all);
        println!("{d:016x} {n:7} {name}");
    }
    println!("{:016x} total", all.finish());
}

fn main() {
    if std::env::var("GAZ_WHAT").as_deref() == Ok("digest") {
        digest();
        return;
    }
    if let Some(n) = std::env::var("GAZ_PASSES").ok().and_then(|v| v.parse().ok()) {
        passes(n);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
