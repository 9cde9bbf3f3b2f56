//! A digest of every expression `DateResolver::find` reports (span, value, grain, modifier,
//! anchor, flag) over the bench texts, the test tables and docs, the fixture articles, the shared date
//! corpora when present and a seeded word soup, for several reference dates and every
//! [`Prefer`]: a speed change must leave every line of its output identical.
//!
//! ```text
//! cargo test --release --test temporal_digest -- --ignored --nocapture > digest.txt
//! ```
//!
//! Run it before and after a change and compare the outputs (`diff`).

use depeche::temporal::{DateResolver, Prefer};
use depeche::Date;

/// FNV-1a over the debug form of every expression, with its grain and TIMEX value.
struct Digest {
    hash: u64,
    count: usize,
}

impl Digest {
    fn new() -> Digest {
        Digest { hash: 0xcbf2_9ce4_8422_2325, count: 0 }
    }

    fn add(&mut self, resolver: DateResolver, text: &str) {
        for e in resolver.find(text) {
            let line = format!("{e:?} {:?} {} {:?}\n", e.grain(), e.timex(), &text[e.span.range()]);
            for b in line.bytes() {
                self.hash = (self.hash ^ b as u64).wrapping_mul(0x0100_0000_01b3);
            }
            self.count += 1;
        }
    }
}

fn resolvers() -> Vec<DateResolver> {
    let mut out = Vec::new();
    let refs = [None, Some((2017, 1, 28)), Some((2016, 11, 14)), Some((2024, 2, 29)), Some((2013, 2, 12))];
    for r in refs {
        let date = r.map(|(y, m, d)| Date::new(y, m, d).unwrap());
        for p in [Prefer::Tense, Prefer::Past, Prefer::Future] {
            out.push(DateResolver::new(date).prefer(p));
        }
    }
    out
}

/// Words and punctuation of `texts`, drawn by a fixed linear congruential generator.
fn soup(texts: &[&str], len: usize) -> String {
    let mut vocab: Vec<&str> = Vec::new();
    for t in texts {
        vocab.extend(t.split_whitespace().filter(|w| w.len() < 30));
    }
    vocab.extend([".", ",", ";", "«", "»", "\n", "-", "'", "’", "/", "1er", "3", "12", "2017", "31/12/2016"]);
    vocab.sort_unstable();
    vocab.dedup();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut out = String::with_capacity(len + 64);
    while out.len() < len {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let w = vocab[(state >> 33) as usize % vocab.len()];
        out.push_str(w);
        // Mostly spaces, sometimes glued (`3/4`, `l'été`).
        if (state >> 20) % 7 != 0 {
            out.push(' ');
        }
    }
    out
}

fn report(name: &str, texts: &[String]) {
    for (k, r) in resolvers().into_iter().enumerate() {
        let mut d = Digest::new();
        for t in texts {
            d.add(r, t);
        }
        println!("{name:<16} resolver {k:>2}: {:>7} expressions, digest {:016x}", d.count, d.hash);
    }
}

#[test]
#[ignore = "prints a digest to compare before and after a change; run with --release"]
fn digest() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).unwrap_or_default();
    let depeches = read("benches/data/depeches.txt");
    // The bench's article and dispatch (the source text of their constants).
    let bench_src = read("benches/temporal.rs");
    let bench = match (bench_src.find("const ARTICLE"), bench_src.find("/// The crate's whole-analysis")) {
        (Some(a), Some(b)) if a < b => bench_src[a..b].to_string(),
        _ => bench_src,
    };
    report("depeches", &[depeches.repeat(20)]);
    report("bench_texts", std::slice::from_ref(&bench));
    // Texts this work does not edit: the date tests and the crate's documentation.
    let mut sources = Vec::new();
    for p in ["tests/temporal.rs", "tests/temporal_props.rs", "README.md", "src/lib.rs"] {
        sources.push(read(p));
    }
    for entry in std::fs::read_dir(format!("{root}/docs")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "md") && !p.ends_with("perf-temporal.md") {
            sources.push(std::fs::read_to_string(p).unwrap());
        }
    }
    sources.sort();
    // Whole files, and every line alone (another window and sentence layout).
    let lines: Vec<String> = sources.iter().flat_map(|s| s.lines().map(str::to_string)).collect();
    report("sources", &sources);
    report("source_lines", &lines);
    let mut articles: Vec<String> = std::fs::read_dir(format!("{root}/tests/fixtures/articles"))
        .map(|d| d.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default()).collect())
        .unwrap_or_default();
    articles.sort();
    report("articles", &articles);
    for corpus in ["duckling_fr", "recognizers_fr"] {
        let jsonl = read(&format!("../shared/eval/dates/{corpus}.jsonl"));
        let inputs: Vec<String> = jsonl
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["input"].as_str().map(str::to_string))
            .collect();
        if !inputs.is_empty() {
            report(corpus, &inputs);
        }
    }
    let all: Vec<&str> = [depeches.as_str(), bench.as_str()]
        .into_iter()
        .chain(sources.iter().map(String::as_str))
        .chain(articles.iter().map(String::as_str))
        .collect();
    report("soup", &[soup(&all, 400_000)]);
}
