use std::time::Instant;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let t = std::fs::read_to_string(p).unwrap();
    let mut big = String::new();
    while big.len() < 2_000_000 { big.push_str(&t); big.push('\n'); }
    let e = depeche::quotes::QuoteExtractor::new();
    let _ = e.extract(&big, &[], &[]);
    let t0 = Instant::now();
    let n = 5;
    let mut k = 0;
    for _ in 0..n { k += e.extract(&big, &[], &[]).len(); }
    let dt = t0.elapsed().as_secs_f64() / n as f64;
    let t1 = Instant::now();
    for _ in 0..n { k += depeche::quotes::pair_marks(&big).len(); }
    let dp = t1.elapsed().as_secs_f64() / n as f64;

    println!("extract {:.1} MB/s  pair_marks {:.1} MB/s ({k})", big.len() as f64 / dt / 1e6, big.len() as f64 / dp / 1e6);
}
#[allow(dead_code)]
fn _unused() {}
