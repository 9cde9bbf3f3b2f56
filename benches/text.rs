//! Tokenizer and sentence-splitter benchmarks (criterion, `Throughput::Bytes`) on French news
//! copy written for this benchmark (an invented AFP-style dispatch, repeated to about 1 MB).
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use depeche::text::{sentences, tokens};

const DISPATCH: &str = "\
Poutine et Trump promettent de « normaliser » leurs relations\n\
\n\
MOSCOU, 29 janv. 2017 (AFP) - MM. Poutine et Trump se sont entretenus samedi par téléphone pendant près d’une heure, a annoncé le Kremlin, qui a qualifié l’échange de « positif et constructif ». Selon le communiqué, les deux dirigeants sont convenus de « coordonner leurs actions » contre l’organisation État islamique (EI) en Syrie.\n\
\n\
« Nous ne cherchons pas la confrontation\u{202F}! », a lancé M. Peskov, porte-parole de la présidence russe, lors d’un point de presse. « Le dialogue est rouvert. Nous verrons la suite », a-t-il ajouté, sans donner de calendrier.\n\
\n\
À Washington, la Maison Blanche s’est montrée plus prudente. Le porte-parole, Sean Spicer, a évoqué « un premier pas » et rappelé que les sanctions décidées en 2014 après l’annexion de la Crimée restaient « pour l’instant » en vigueur. Faut-il y voir un revirement\u{202F}? Pas encore, estime-t-on au département d’État.\n\
\n\
Les marchés ont salué l’annonce : le rouble a gagné 1,2 % face au dollar, et l’indice RTS a progressé de 2,5 % à Moscou. Environ 1\u{202F}500 entreprises américaines travaillent encore en Russie, selon la chambre de commerce (cf. p. 12 de son rapport annuel).\n\
\n\
Le Dr Kovalev, chercheur à l’Institut des relations internationales (Mgimo), juge que « rien n’est joué »... Pour lui, le XXIe siècle a déjà connu trois « remises à zéro » des relations russo-américaines, toutes avortées. « Souvenez-vous de 2009 », dit-il.\n\
\n\
L’entretien intervient une semaine après l’investiture de M. Trump, le 20 janvier. Le président américain doit recevoir Mme Merkel à la Maison Blanche le 14/03/2017, puis rencontrer les dirigeants du G7 à Taormine (Italie), les 26 et 27 mai.\n\
\n\
Plus d’informations sur www.kremlin.ru et sur lemonde.fr. Contact presse : presse@example.fr ou @afpfr.\n\
\n";

fn corpus() -> String {
    DISPATCH.repeat(1_000_000 / DISPATCH.len() + 1)
}

/// CPU time of the benchmarking thread (Linux `/proc/thread-self/schedstat`), in nanoseconds:
/// on a machine shared with other jobs it counts only the time this thread ran, where wall time
/// also counts the time it waited for a core. Falls back to wall time elsewhere.
struct CpuTime;

fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

impl Measurement for CpuTime {
    type Intermediate = (Option<u64>, std::time::Instant);
    type Value = f64;
    fn start(&self) -> Self::Intermediate {
        (thread_cpu_ns(), std::time::Instant::now())
    }
    fn end(&self, (cpu, wall): Self::Intermediate) -> f64 {
        match (cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) => b.saturating_sub(a) as f64,
            _ => wall.elapsed().as_nanos() as f64,
        }
    }
    fn add(&self, a: &f64, b: &f64) -> f64 {
        a + b
    }
    fn zero(&self) -> f64 {
        0.0
    }
    fn to_f64(&self, v: &f64) -> f64 {
        *v
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        // Values are nanoseconds, as for wall time.
        WallTime.formatter()
    }
}

fn text_cpu(c: &mut Criterion<CpuTime>) {
    let text = corpus();
    let mut g = c.benchmark_group("text-cpu");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("tokens", |b| b.iter(|| tokens(std::hint::black_box(&text)).count()));
    g.bench_function("sentences", |b| b.iter(|| sentences(std::hint::black_box(&text)).len()));
    g.bench_function("tokens+sentences", |b| {
        b.iter(|| {
            let t = std::hint::black_box(&text);
            tokens(t).count() + sentences(t).len()
        })
    });
    g.finish();
}

fn text(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("tokens", |b| b.iter(|| tokens(std::hint::black_box(&text)).count()));
    g.bench_function("sentences", |b| b.iter(|| sentences(std::hint::black_box(&text)).len()));
    g.bench_function("tokens+sentences", |b| {
        b.iter(|| {
            let t = std::hint::black_box(&text);
            tokens(t).count() + sentences(t).len()
        })
    });
    g.finish();
}

criterion_group!(benches, text);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(CpuTime);
    targets = text_cpu
}
criterion_main!(benches, cpu);
