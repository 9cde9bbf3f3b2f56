//! Accuracy on the annotated articles of `tests/fixtures/articles/` (written for this crate):
//! every expected quotation, its kind and its speaker, with the matching rule of the project's
//! scorer (overlap of at least half of both spans). Prints a summary; fails under the floors.

use depeche::quotes::{Quotation, QuoteExtractor, QuoteKind};
use depeche::Span;

mod common;
use common::{norm, strip_det, whole_words};

/// The `occurrence`-th (from 1) whole-word occurrence of `needle`.
fn find_whole(text: &str, needle: &str, occurrence: usize) -> Option<Span> {
    whole_words(text, needle).nth(occurrence.checked_sub(1)?).map(|(a, b)| Span::new(a, b))
}

struct Expected {
    kind: Option<QuoteKind>,
    span: Span,
    speakers: Vec<String>,
    line: String,
}

fn parse(name: &str, data: &str) -> (String, Vec<Expected>) {
    let (head, quotes) = data.split_once("=== quotes\n").unwrap_or_else(|| panic!("{name}: no === quotes"));
    let text = head.split_once("=== text\n").unwrap_or_else(|| panic!("{name}: no === text")).1.trim_end().to_string();
    let mut out = Vec::new();
    for line in quotes.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split(" | ").collect();
        let kind = match cols[0].trim() {
            "direct" => Some(QuoteKind::Direct),
            "partial" => Some(QuoteKind::Partial),
            "indirect" => Some(QuoteKind::Indirect),
            "none" => None,
            other => panic!("{name}: unknown kind {other:?}"),
        };
        let raw = cols.get(1).unwrap_or_else(|| panic!("{name}: {line}")).replace("\\n", "\n");
        let (needle, occ) = match raw.rsplit_once('#') {
            Some((n, o)) if o.chars().all(|c| c.is_ascii_digit()) && !o.is_empty() => {
                (n.to_string(), o.parse().unwrap_or(1))
            }
            _ => (raw.clone(), 1),
        };
        let span = find_whole(&text, &needle, occ).unwrap_or_else(|| panic!("{name}: {needle:?} not in the article"));
        let speakers = cols.get(2).map(|s| s.split(';').map(|a| norm(a.trim())).collect()).unwrap_or_default();
        out.push(Expected { kind, span, speakers, line: line.to_string() });
    }
    (text, out)
}

fn overlap_ok(a: Span, b: Span) -> bool {
    let ov = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    ov > 0 && ov * 2 >= a.len().max(1) && ov * 2 >= b.len().max(1)
}

fn speaker_ok(text: &str, q: &Quotation, accepted: &[String]) -> bool {
    if accepted.len() == 1 && accepted[0].is_empty() {
        // `-`: the extractor must abstain.
        return q.speaker.is_none();
    }
    let Some(s) = &q.speaker else { return false };
    let cands = [
        s.name.as_deref().map(norm).unwrap_or_default(),
        s.entity_id.as_deref().map(|e| norm(&e.replace('-', " "))).unwrap_or_default(),
        strip_det(&norm(&text[s.span.range()])),
    ];
    if cands.iter().any(|c| !c.is_empty() && accepted.iter().any(|a| strip_det(a) == *c || a == c)) {
        return true;
    }
    // As the project's scorer: a short mention or name (six words at most) that contains an
    // accepted name as whole words (`une automobiliste bloquée depuis deux heures`).
    let t = strip_det(&if cands[0].is_empty() { cands[2].clone() } else { cands[0].clone() });
    let words: Vec<&str> = t.split(' ').collect();
    words.len() <= 6
        && accepted.iter().filter(|a| a.len() > 2).any(|a| {
            let aw: Vec<&str> = a.split(' ').collect();
            words.windows(aw.len()).any(|w| w == aw.as_slice())
        })
}

#[derive(Default)]
struct Tally {
    expected: usize,
    found: usize,
    predicted: usize,
    matched_pred: usize,
    kind_ok: usize,
    speaker_ok: usize,
    forbidden_reported: usize,
}

#[test]
fn annotated_articles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "only {} annotated articles", files.len());
    let extractor = QuoteExtractor::new();
    let mut t = Tally::default();
    let mut report = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let data = std::fs::read_to_string(path).expect("fixture");
        let (text, expected) = parse(&name, &data);
        let quotes = extractor.extract(&text, &[], &[]);
        for q in &quotes {
            assert!(q.span.get(&text).is_some(), "{name}: span off boundaries");
        }
        let mut used = vec![false; quotes.len()];
        for e in &expected {
            let hit = quotes.iter().enumerate().find(|(i, q)| !used[*i] && overlap_ok(q.span, e.span)).map(|(i, _)| i);
            match (e.kind, hit) {
                (None, Some(i)) => {
                    used[i] = true;
                    t.forbidden_reported += 1;
                    report.push(format!("{name}: reported a non-quote: {}", e.line));
                }
                (None, None) => {}
                (Some(kind), Some(i)) => {
                    used[i] = true;
                    t.expected += 1;
                    t.found += 1;
                    let q = &quotes[i];
                    if q.kind == kind {
                        t.kind_ok += 1;
                    } else {
                        report.push(format!("{name}: kind {:?} for {}", q.kind, e.line));
                    }
                    if speaker_ok(&text, q, &e.speakers) {
                        t.speaker_ok += 1;
                    } else {
                        let got = q.speaker.as_ref().map(|s| (&text[s.span.range()], s.name.clone()));
                        report.push(format!("{name}: speaker {got:?} for {}", e.line));
                    }
                }
                (Some(_), None) => {
                    t.expected += 1;
                    report.push(format!("{name}: missed {}", e.line));
                }
            }
        }
        for (i, q) in quotes.iter().enumerate() {
            t.predicted += 1;
            if used[i] {
                if expected.iter().any(|e| e.kind.is_some() && overlap_ok(q.span, e.span)) {
                    t.matched_pred += 1;
                }
            } else {
                report.push(format!("{name}: extra {:?} «{}»", q.kind, &text[q.span.range()]));
            }
        }
    }
    let p = t.matched_pred as f64 / t.predicted.max(1) as f64;
    let r = t.found as f64 / t.expected.max(1) as f64;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let kind = t.kind_ok as f64 / t.found.max(1) as f64;
    let spk = t.speaker_ok as f64 / t.found.max(1) as f64;
    println!("articles: {}", files.len());
    println!(
        "quotes   precision {p:.3} recall {r:.3} F1 {f1:.3} ({}/{} expected found, {} predicted, {} non-quotes reported)",
        t.found, t.expected, t.predicted, t.forbidden_reported
    );
    println!("kinds    accuracy {kind:.3} ({}/{})", t.kind_ok, t.found);
    println!("speakers accuracy {spk:.3} ({}/{})", t.speaker_ok, t.found);
    for line in &report {
        println!("  {line}");
    }
    assert!(f1 >= 0.85, "quote F1 {f1:.3} under 0.85");
    assert!(spk >= 0.85, "speaker accuracy {spk:.3} under 0.85");
    assert!(kind >= 0.85, "kind accuracy {kind:.3} under 0.85");
}
