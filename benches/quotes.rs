//! Throughput of the whole quote layer (pairing, cue automaton, attribution, resolution) on
//! news text: the annotated articles of `tests/fixtures/articles/` (written for this crate)
//! repeated to 100 KB, 1 MB and 10 MB, to check both the speed and that the time is linear.
//!
//! `cargo bench --bench quotes -- --warm-up-time 1 --measurement-time 3`
//!
//! CPU-time mode (no criterion; stable under load, and small enough to run under callgrind):
//! `DEPECHE_QUOTES_CPU=MB cargo bench --bench quotes` extracts from the test articles repeated to
//! 1 MB, and to 10 MB when `MB` is at least 10 (or from the text of `DEPECHE_NEWS` repeated so,
//! when set), `MB` megabytes in all for each size, and prints an output digest (to check that an
//! optimisation changes no result), the CPU time of the thread (`/proc/thread-self/schedstat`)
//! and the throughput.

use criterion::{black_box, criterion_group, BenchmarkId, Criterion, Throughput};
use depeche::quotes::QuoteExtractor;

const ARTICLES: &[&str] = &[
    include_str!("../tests/fixtures/articles/01_afp_diplomatie.txt"),
    include_str!("../tests/fixtures/articles/02_monde_social.txt"),
    include_str!("../tests/fixtures/articles/03_figaro_politique.txt"),
    include_str!("../tests/fixtures/articles/04_regional_inondations.txt"),
    include_str!("../tests/fixtures/articles/05_echos_industrie.txt"),
    include_str!("../tests/fixtures/articles/06_equipe_football.txt"),
    include_str!("../tests/fixtures/articles/07_justice_proces.txt"),
    include_str!("../tests/fixtures/articles/08_culture_livre.txt"),
    include_str!("../tests/fixtures/articles/09_afp_climat.txt"),
    include_str!("../tests/fixtures/articles/10_regional_sante.txt"),
    include_str!("../tests/fixtures/articles/11_monde_europe.txt"),
    include_str!("../tests/fixtures/articles/12_figaro_faitdivers.txt"),
];

/// The article texts (between `=== text` and `=== quotes`), paragraphs kept.
fn corpus(size: usize) -> String {
    let texts: Vec<&str> = ARTICLES
        .iter()
        .filter_map(|a| a.split_once("=== text\n").and_then(|(_, t)| t.split_once("=== quotes").map(|(t, _)| t)))
        .collect();
    let mut out = String::with_capacity(size + 4096);
    while out.len() < size {
        for t in &texts {
            out.push_str(t);
            out.push('\n');
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let extractor = QuoteExtractor::new();
    let mut group = c.benchmark_group("quotes/extract");
    group.sample_size(10);
    for (label, size) in [("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)] {
        let text = corpus(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, text| {
            b.iter(|| black_box(extractor.extract(black_box(text), &[], &[])).len())
        });
    }
    // Optional: any French news text of the user's, repeated to 1 MB
    // (`DEPECHE_NEWS=path/to/text cargo bench --bench quotes`).
    if let Some(text) = std::env::var_os("DEPECHE_NEWS").and_then(|p| std::fs::read_to_string(p).ok()) {
        let mut big = String::with_capacity(1_100_000);
        while !text.is_empty() && big.len() < 1_000_000 {
            big.push_str(&text);
            big.push('\n');
        }
        group.throughput(Throughput::Bytes(big.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter("DEPECHE_NEWS-1MB"), &big, |b, text| {
            b.iter(|| black_box(extractor.extract(black_box(text), &[], &[])).len())
        });
    }
    group.finish();
}

/// CPU time of this thread in nanoseconds (`/proc/thread-self/schedstat`), if readable.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// `text` repeated (a newline between copies) to at least `size` bytes.
fn repeat_to(text: &str, size: usize) -> String {
    let mut big = String::with_capacity(size + text.len() + 1);
    while !text.is_empty() && big.len() < size {
        big.push_str(text);
        big.push('\n');
    }
    big
}

/// Extracts from texts of 1 MB (and 10 MB when `total_mb` is at least 10) until `total_mb`
/// megabytes were read from each; prints a digest of the output, CPU time and throughput.
fn cpu_mode(total_mb: f64) {
    let extractor = QuoteExtractor::new();
    // Builds the lexicon before the clock starts.
    let _ = extractor.extract("« Oui », a-t-il dit.", &[], &[]);
    // 1 MB and 10 MB: the time per byte must not grow with the text.
    let mut texts = match std::env::var_os("DEPECHE_NEWS").and_then(|p| std::fs::read_to_string(p).ok()) {
        Some(t) => {
            vec![("DEPECHE_NEWS 1MB", repeat_to(&t, 1_000_000)), ("DEPECHE_NEWS 10MB", repeat_to(&t, 10_000_000))]
        }
        None => vec![("test articles 1MB", corpus(1_000_000)), ("test articles 10MB", corpus(10_000_000))],
    };
    if total_mb < 10.0 {
        texts.truncate(1);
    }
    for (label, text) in &texts {
        // A digest of the whole output, to check that an optimisation changes no result.
        let digest = format!("{:?}", extractor.extract(text, &[], &[]))
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        println!("{label}: output digest {digest:016x}");
        let rounds = ((total_mb * 1e6 / text.len() as f64).ceil() as usize).max(1);
        let t0 = cpu_ns();
        let mut n = 0;
        for _ in 0..rounds {
            n += black_box(extractor.extract(black_box(text), &[], &[])).len();
        }
        let bytes = (rounds * text.len()) as f64;
        match (t0, cpu_ns()) {
            (Some(a), Some(b)) => {
                let s = (b - a) as f64 / 1e9;
                println!(
                    "{label}: {rounds} x {} bytes, {n} quotes, CPU {s:.3} s, {:.1} MB/s",
                    text.len(),
                    bytes / s / 1e6
                )
            }
            _ => println!("{label}: {rounds} x {} bytes, {n} quotes (no CPU clock)", text.len()),
        }
    }
}

criterion_group!(benches, bench);

fn main() {
    if let Some(mb) = std::env::var("DEPECHE_QUOTES_CPU").ok().and_then(|v| v.parse::<f64>().ok()) {
        cpu_mode(mb);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
