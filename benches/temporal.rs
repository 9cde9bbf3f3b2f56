//! Throughput of `DateResolver::find` on news text written for this benchmark: a realistic
//! article (a few dates among many sentences without any) and a date-dense dispatch.

use criterion::{black_box, criterion_group, Criterion, Throughput};
use depeche::temporal::DateResolver;
use depeche::Date;

const ARTICLE: &str = "\
Le conseil municipal de Rennes a adopté dans la soirée le budget de la métropole, au terme \
d'un débat qui a duré plus de quatre heures. L'opposition a dénoncé une hausse de la fiscalité \
locale, que la majorité juge indispensable pour financer les nouvelles lignes de bus et la \
rénovation des écoles du quartier nord.\n\n\
« Nous avons fait le choix de l'investissement plutôt que de la dette », a expliqué l'adjoint \
chargé des finances, rappelant que les dotations de l'État avaient reculé de manière continue. \
Plusieurs élus ont réclamé un audit indépendant des comptes de la société d'économie mixte, \
dont la gestion avait été critiquée par la chambre régionale des comptes.\n\n\
Dans les rangs du public, des parents d'élèves ont brandi des pancartes pour demander \
l'ouverture de classes supplémentaires. Le maire a promis de les recevoir rapidement, sans \
toutefois prendre d'engagement chiffré. Les syndicats de la fonction publique territoriale \
appellent de leur côté à un rassemblement devant l'hôtel de ville.\n\n\
Le vote définitif interviendra jeudi 26 janvier, après l'examen des amendements en commission. \
Le texte avait déjà été présenté le 12 décembre dernier aux maires des communes voisines, qui \
s'étaient inquiétés du coût du nouveau réseau de transports. Le chantier doit commencer début \
2018 et s'achever d'ici à 2021, selon le calendrier présenté par la métropole.\n\n\
Les associations de cyclistes saluent un plan ambitieux mais regrettent l'absence de pistes \
sécurisées sur les grands axes. Elles ont écrit au préfet pour obtenir une concertation plus \
large et comptent se mobiliser lors de la prochaine séance publique, où elles espèrent être \
entendues par l'ensemble des groupes politiques représentés au conseil.\n\n";

const DISPATCH: &str = "\
PARIS, 28 janv 2017 (AFP) - Le président s'est entretenu lundi avec son homologue russe, une \
semaine après l'investiture du 20 janvier. La veille, les deux chancelleries avaient préparé \
l'échange. Le sommet prévu du 3 au 5 mars pourrait être avancé à fin février, a-t-on appris \
hier de source diplomatique. Les relations, au plus bas depuis 2014, avaient connu un regain \
au printemps 2016, avant de se dégrader à nouveau l'an dernier.\n\n";

/// The crate's whole-analysis bench text: French dispatches, a date every ~150 bytes.
const DEPECHES: &str = include_str!("data/depeches.txt");

fn bench(c: &mut Criterion) {
    let resolver = DateResolver::new(Some(Date::new(2017, 1, 28).unwrap()));
    let mut g = c.benchmark_group("temporal");
    for (name, unit) in [("article", ARTICLE), ("dispatch", DISPATCH)] {
        let text = unit.repeat(64);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| black_box(resolver.find(black_box(&text)))));
    }
    let plain = plain_paragraphs(64);
    g.throughput(Throughput::Bytes(plain.len() as u64));
    g.bench_function("no_dates", |b| b.iter(|| black_box(resolver.find(black_box(&plain)))));
    // The analyzer's bench text repeated to about 1 MB.
    let depeches = DEPECHES.repeat(1_000_000 / DEPECHES.len() + 1);
    g.throughput(Throughput::Bytes(depeches.len() as u64));
    g.bench_function("depeches_1mb", |b| b.iter(|| black_box(resolver.find(black_box(&depeches)))));
    g.finish();
}

/// The article's paragraphs without a date, `n` times.
fn plain_paragraphs(n: usize) -> String {
    ARTICLE
        .split("\n\n")
        .filter(|p| !p.contains("janvier") && !p.contains("2018"))
        .collect::<Vec<_>>()
        .join("\n\n")
        .repeat(n)
}

criterion_group!(benches, bench);

/// Criterion, or with `TEMPORAL_DRIVER=<file>` (or `@article`, `@dispatch`, `@no_dates`; and `TEMPORAL_PASSES=<n>`, default 1) a plain
/// loop of `find` over that file for `perf stat` and `valgrind --tool=callgrind`, reference
/// 2024-02-03 as in the earlier rounds of `docs/perf-temporal.md`; prints the number of
/// expressions found and the CPU-time throughput.
fn main() {
    if let Ok(path) = std::env::var("TEMPORAL_DRIVER") {
        // `@article`, `@dispatch`, `@no_dates`: the bench's own texts, eight times over.
        let text = match path.as_str() {
            "@article" => ARTICLE.repeat(8),
            "@dispatch" => DISPATCH.repeat(8),
            "@no_dates" => plain_paragraphs(8),
            _ => std::fs::read_to_string(&path).expect("TEMPORAL_DRIVER names a readable UTF-8 file"),
        };
        let passes: usize = std::env::var("TEMPORAL_PASSES").ok().and_then(|n| n.parse().ok()).unwrap_or(1);
        let resolver = DateResolver::new(Some(Date::new(2024, 2, 3).unwrap()));
        let started = std::time::Instant::now();
        let mut found = 0;
        for _ in 0..passes {
            found += black_box(resolver.find(black_box(&text))).len();
        }
        let secs = started.elapsed().as_secs_f64();
        let mb = (text.len() * passes) as f64 / 1e6;
        println!("{found} expressions, {mb:.1} MB in {secs:.3} s wall ({:.1} MB/s)", mb / secs);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
