//! End-to-end accuracy on the annotated articles of `tests/fixtures/gold/` (written for this
//! crate, held out while the layers were built; format: the gold files of the evaluation
//! contract). Each article goes through `Analyzer::analyze` and its analysis, serialised as
//! the `analyze` example prints it, is scored with the rules of the project's scorer: quotes
//! match when their spans overlap by at least half of each, speakers by folded name, entity id
//! or mention text, dates by an overlap of 30% and an exact value, entities by overlap and
//! referent. Prints a summary and every miss; fails under the floors.
#![cfg(feature = "serde")]

use depeche::{Analyzer, Date};
use serde_json::Value;

mod common;
use common::{norm, strip_det, whole_words};

/// Every whole-word occurrence of `needle`, as byte ranges.
fn find_all(text: &str, needle: &str) -> Vec<(usize, usize)> {
    whole_words(text, needle).collect()
}

/// Overlap in characters, as the scorer counts it.
fn overlap(text: &str, a: (usize, usize), b: (usize, usize)) -> usize {
    let (s, e) = (a.0.max(b.0), a.1.min(b.1));
    if s >= e {
        0
    } else {
        text[s..e].chars().count()
    }
}

fn chars(text: &str, a: (usize, usize)) -> usize {
    text[a.0..a.1].chars().count().max(1)
}

/// Gold and predicted spans paired greedily by overlap, largest first; each used once.
fn greedy_match(text: &str, gold: &[(usize, usize)], pred: &[(usize, usize)], min_frac: f64) -> Vec<Option<usize>> {
    let mut pairs = Vec::new();
    for (gi, &g) in gold.iter().enumerate() {
        for (pi, &p) in pred.iter().enumerate() {
            let ov = overlap(text, g, p) as f64;
            let (gl, pl) = (chars(text, g) as f64, chars(text, p) as f64);
            if ov > 0.0 && ov / gl >= min_frac && ov / pl >= min_frac {
                pairs.push((ov / gl.max(pl), gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
    let mut out = vec![None; gold.len()];
    let mut used = vec![false; pred.len()];
    for (_, gi, pi) in pairs {
        if out[gi].is_none() && !used[pi] {
            out[gi] = Some(pi);
            used[pi] = true;
        }
    }
    out
}

fn str_field<'v>(v: &'v Value, key: &str) -> &'v str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn names(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(norm).collect())
        .unwrap_or_default()
}

fn required(v: &Value) -> bool {
    v.get("required").and_then(Value::as_bool).unwrap_or(true)
}

fn pred_span(v: &Value) -> (usize, usize) {
    let n = |k: &str| v.get(k).and_then(Value::as_u64).and_then(|x| usize::try_from(x).ok()).unwrap_or(0);
    (n("start"), n("end"))
}

/// The scorer's speaker rule: the resolved name, the entity id or the mention text (without
/// determiners) is accepted, or a short name or mention contains an accepted name.
fn speaker_ok(speaker: &Value, accepted: &[String]) -> bool {
    if speaker.is_null() {
        return false;
    }
    let cands = [
        norm(str_field(speaker, "name")),
        norm(&str_field(speaker, "entity").replace(['-', '_'], " ")),
        strip_det(&norm(str_field(speaker, "text"))),
    ];
    if cands.iter().any(|c| !c.is_empty() && accepted.contains(c)) {
        return true;
    }
    let t = strip_det(&if cands[0].is_empty() { cands[2].clone() } else { cands[0].clone() });
    let words: Vec<&str> = t.split(' ').filter(|w| !w.is_empty()).collect();
    !words.is_empty()
        && words.len() <= 6
        && accepted.iter().filter(|a| a.len() > 2).any(|a| {
            let aw: Vec<&str> = a.split(' ').collect();
            words.windows(aw.len()).any(|w| w == aw.as_slice())
        })
}

fn referent_ok(pred: &Value, accepted: &[String]) -> bool {
    let cands = [norm(str_field(pred, "name")), norm(&str_field(pred, "entity").replace(['-', '_'], " "))];
    cands.iter().any(|c| !c.is_empty() && accepted.contains(c))
}

#[derive(Default)]
struct Tally {
    q_gold: usize,
    q_found: usize,
    q_pred: usize,
    q_pred_matched: usize,
    speaker_ok: usize,
    d_gold: usize,
    d_found: usize,
    d_value: usize,
    d_pred: usize,
    d_pred_matched: usize,
    e_gold: usize,
    e_found: usize,
    n_gold: usize,
    n_found: usize,
    e_pred: usize,
    e_pred_ok: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Scores one article into the tally; misses go to `report`.
fn score(doc: &Value, analysis: &Value, t: &mut Tally, report: &mut Vec<String>) {
    let id = str_field(doc, "id");
    let text = str_field(doc, "text");
    let list = |v: &Value, k: &str| v.get(k).and_then(Value::as_array).cloned().unwrap_or_default();
    // Every span the crate returns slices the input, and its text is that slice.
    for key in ["sentences", "entities", "quotes", "dates"] {
        for item in list(analysis, key) {
            let (s, e) = pred_span(&item);
            let slice = text.get(s..e).unwrap_or_else(|| panic!("{id}: {key} span {s}..{e} off the text"));
            if let Some(t) = item.get("text").and_then(Value::as_str) {
                assert_eq!(t, slice, "{id}: {key} text");
            }
        }
    }
    let gold_span = |item: &Value, key: &str| {
        let needle = str_field(item, key);
        let occ = item.get("occurrence").and_then(Value::as_u64).unwrap_or(1) as usize;
        *find_all(text, needle)
            .get(occ.saturating_sub(1))
            .unwrap_or_else(|| panic!("{id}: gold {needle:?} (occurrence {occ}) not in the article"))
    };

    // Quotes.
    let gq = list(doc, "quotes");
    let pq = list(analysis, "quotes");
    let gs: Vec<_> = gq.iter().map(|q| gold_span(q, "text")).collect();
    let ps: Vec<_> = pq.iter().map(pred_span).collect();
    let m = greedy_match(text, &gs, &ps, 0.5);
    t.q_pred += pq.len();
    t.q_pred_matched += m.iter().flatten().count();
    for (gi, g) in gq.iter().enumerate() {
        if !required(g) {
            continue;
        }
        t.q_gold += 1;
        let quoted = str_field(g, "text");
        match m[gi] {
            Some(pi) => {
                t.q_found += 1;
                let sp = pq[pi].get("speaker").cloned().unwrap_or(Value::Null);
                if speaker_ok(&sp, &names(g, "speaker")) {
                    t.speaker_ok += 1;
                } else {
                    report.push(format!("{id}: speaker of «{quoted}»: got {sp}, accepted {:?}", names(g, "speaker")));
                }
            }
            None => report.push(format!("{id}: quote missed «{quoted}»")),
        }
    }
    for (pi, p) in pq.iter().enumerate() {
        if !m.contains(&Some(pi)) {
            report.push(format!("{id}: extra quote «{}»", str_field(p, "text")));
        }
    }

    // Dates.
    let gd = list(doc, "dates");
    let pd = list(analysis, "dates");
    let gs: Vec<_> = gd.iter().map(|d| gold_span(d, "text")).collect();
    let ps: Vec<_> = pd.iter().map(pred_span).collect();
    let m = greedy_match(text, &gs, &ps, 0.3);
    t.d_pred += pd.len();
    t.d_pred_matched += m.iter().flatten().count();
    for (gi, g) in gd.iter().enumerate() {
        if !required(g) {
            continue;
        }
        t.d_gold += 1;
        let (expr, value) = (str_field(g, "text"), str_field(g, "value"));
        match m[gi] {
            Some(pi) => {
                t.d_found += 1;
                let got = str_field(&pd[pi], "value");
                if got == value {
                    t.d_value += 1;
                } else {
                    report.push(format!("{id}: date «{expr}»: expected {value}, got {got}"));
                }
            }
            None => report.push(format!("{id}: date missed «{expr}» (expected {value})")),
        }
    }
    for (pi, p) in pd.iter().enumerate() {
        if !m.contains(&Some(pi)) {
            report.push(format!("{id}: extra date «{}» -> {}", str_field(p, "text"), str_field(p, "value")));
        }
    }

    // Entities: every whole-word occurrence of a surface is a mention, the longest winning.
    let ge = list(doc, "entities");
    let mut cands: Vec<((usize, usize), &Value)> =
        ge.iter().flat_map(|e| find_all(text, str_field(e, "surface")).into_iter().map(move |s| (s, e))).collect();
    cands.sort_by_key(|(s, _)| std::cmp::Reverse(s.1 - s.0));
    let mut kept: Vec<((usize, usize), &Value)> = Vec::new();
    for c in cands {
        if !kept.iter().any(|k| k.0 .0 <= c.0 .0 && c.0 .1 <= k.0 .1) {
            kept.push(c);
        }
    }
    let pe = list(analysis, "entities");
    let mut used = vec![false; pe.len()];
    for &(span, g) in &kept {
        let accepted = names(g, "names");
        let hit = (0..pe.len())
            .find(|&pi| !used[pi] && overlap(text, span, pred_span(&pe[pi])) > 0 && referent_ok(&pe[pi], &accepted));
        let nominal = g.get("nominal").and_then(Value::as_bool).unwrap_or(false);
        if required(g) {
            if nominal {
                t.n_gold += 1;
            } else {
                t.e_gold += 1;
            }
            match hit {
                Some(_) if nominal => t.n_found += 1,
                Some(_) => t.e_found += 1,
                None => report.push(format!("{id}: entity missed «{}» at {}", str_field(g, "surface"), span.0)),
            }
        }
        if let Some(pi) = hit {
            used[pi] = true;
        }
    }
    t.e_pred += pe.len();
    for (pi, p) in pe.iter().enumerate() {
        let ok = used[pi]
            || kept
                .iter()
                .any(|&(span, g)| overlap(text, span, pred_span(p)) > 0 && referent_ok(p, &names(g, "names")));
        if ok {
            t.e_pred_ok += 1;
        } else {
            report.push(format!("{id}: extra entity «{}» -> {}", str_field(p, "text"), str_field(p, "name")));
        }
    }
}

#[test]
fn held_out_articles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "only {} gold articles", files.len());
    let analyzer = Analyzer::new();
    let mut t = Tally::default();
    let mut report = Vec::new();
    for path in &files {
        let data = std::fs::read_to_string(path).expect("gold file");
        let doc: Value = serde_json::from_str(&data).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = str_field(&doc, "text");
        let published = doc
            .get("published")
            .and_then(Value::as_str)
            .map(|s| s.parse::<Date>().unwrap_or_else(|e| panic!("{}: published {s:?}: {e}", path.display())));
        let analysis = analyzer.analyze(text, published);
        let json = serde_json::to_value(&analysis).expect("analysis serialises");
        score(&doc, &json, &mut t, &mut report);
    }
    let (qp, qr) = (ratio(t.q_pred_matched, t.q_pred), ratio(t.q_found, t.q_gold));
    let qf = f1(qp, qr);
    let spk = ratio(t.speaker_ok, t.q_found);
    let (dp, dr) = (ratio(t.d_pred_matched, t.d_pred), ratio(t.d_found, t.d_gold));
    let dv = ratio(t.d_value, t.d_gold);
    let er = ratio(t.e_found, t.e_gold);
    let nr = ratio(t.n_found, t.n_gold);
    let ep = ratio(t.e_pred_ok, t.e_pred);
    println!("documents: {}", files.len());
    println!(
        "quotes     precision {qp:.3} recall {qr:.3} F1 {qf:.3} ({}/{} required found, {} predicted)",
        t.q_found, t.q_gold, t.q_pred
    );
    println!("speakers   accuracy on found quotes {spk:.3} ({}/{})", t.speaker_ok, t.q_found);
    println!(
        "dates      precision {dp:.3} recall {dr:.3} F1 {:.3}; value correct {dv:.3} ({}/{})",
        f1(dp, dr),
        t.d_value,
        t.d_gold
    );
    println!(
        "entities   named recall {er:.3} ({}/{}); nominal recall {nr:.3} ({}/{}); precision {ep:.3} of {}",
        t.e_found, t.e_gold, t.n_found, t.n_gold, t.e_pred
    );
    for line in &report {
        println!("  {line}");
    }
    assert!(qf >= 0.85, "quote F1 {qf:.3} under 0.85");
    assert!(spk >= 0.85, "speaker accuracy {spk:.3} under 0.85");
    assert!(dv >= 0.85, "date values {dv:.3} under 0.85");
    assert!(er >= 0.85, "named entity recall {er:.3} under 0.85");
    assert!(nr >= 0.85, "nominal entity recall {nr:.3} under 0.85");
    assert!(ep >= 0.85, "entity precision {ep:.3} under 0.85");
}
