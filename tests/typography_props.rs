//! Property tests of the canonical and typeset forms: the invariants of the typography layer,
//! on arbitrary Unicode strings and on strings built from French-news fragments.

use depeche::typography::{canonical, is_apostrophe, is_line_break, is_space, quote_mark, typeset, Normalized};
use depeche::Span;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Pieces of French news copy: words with accents, every kind of space, quotation marks,
/// apostrophes, digits and units, punctuation, dashes, dots, line breaks, invisibles,
/// decomposed accents, ligatures and mojibake.
const FRAGMENTS: &[&str] = &[
    "le",
    "ministre",
    "a",
    "déclaré",
    "État",
    "ÉTATS-UNIS",
    "Kremlin",
    "cœur",
    "été",
    "Noël",
    "Île",
    "ça",
    "aujourd'hui",
    "l'",
    "d’",
    "qu'",
    "lʼ",
    "s´",
    "M.",
    "1er",
    "XXe",
    " ",
    " ",
    " ",
    "  ",
    "\u{A0}",
    "\u{202F}",
    "\u{2009}",
    "\u{2007}",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "«",
    "»",
    "« ",
    " »",
    "«\u{A0}",
    "\u{A0}»",
    "«\u{202F}",
    "\u{202F}»",
    "\"",
    " \"",
    "\" ",
    "“",
    "”",
    "„",
    "‹",
    "›",
    "‘",
    "’",
    "'",
    " '",
    "' ",
    "0",
    "1",
    "12",
    "500",
    "000",
    " 000",
    "2024",
    "18:30",
    "3,5",
    "%",
    " %",
    "€",
    " €",
    "°C",
    " °C",
    "‰",
    "$",
    ",",
    ".",
    "...",
    "…",
    ";",
    " ;",
    ":",
    " :",
    "!",
    " !",
    "?",
    " ?",
    "?!",
    "(",
    ")",
    "-",
    " - ",
    "—",
    "–",
    "\u{2212}",
    "\u{AD}",
    "\u{200B}",
    "\u{FEFF}",
    "e\u{301}",
    "\u{301}",
    "ﬁ",
    "ﬂ",
    "Ã©",
    "â€™",
    "Ã ",
    "Â«",
    "Â\u{A0}",
    "ÃƒÂ©",
    "https://exemple.fr/a?b",
    "www.exemple.fr",
    "(?)",
    "\u{2028}",
    "‹ ",
    " ›",
    "‚",
    "‟",
    "＂",
    "ʼ",
    "´",
    "`",
    "Å",
    "Æ",
    "Ã",
    "Â",
    "â",
    "€",
    "™",
    "Œ",
    "œ",
    "\u{2000}",
    "\u{3000}",
    "ﬃ",
    "A\u{303}",
    "\u{AD}©",
    "\u{85}",
    "1 500",
    "3\u{A0}000",
    "[",
    "]",
    " – ",
    "…»",
    "»,",
    "«\"",
    "\"»",
];

fn french() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..24).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), french(), "[ a-zé'’\"«»:;!?.\u{A0}\u{202F}\n0-9%-]{0,40}"]
}

/// Letters, as the invariant means them: alphabetic characters other than U+02BC.
fn letters(s: &str) -> String {
    s.chars().filter(|&c| c.is_alphabetic() && c != '\u{2BC}').collect()
}

/// What the pre-pass does to letters: invisibles gone, ligatures spelled out, NFC.
fn oracle_letters(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter(|&c| !depeche::typography::is_invisible(c))
        .flat_map(|c| match c {
            '\u{FB00}' => "ff".chars().collect::<Vec<_>>(),
            '\u{FB01}' => "fi".chars().collect(),
            '\u{FB02}' => "fl".chars().collect(),
            '\u{FB03}' => "ffi".chars().collect(),
            '\u{FB04}' => "ffl".chars().collect(),
            '\u{FB05}' | '\u{FB06}' => "st".chars().collect(),
            c => vec![c],
        })
        .collect();
    letters(&cleaned.nfc().collect::<String>())
}

fn line_breaks(s: &str) -> usize {
    s.chars().filter(|&c| is_line_break(c)).count() - s.matches("\r\n").count()
}

/// Offset-map invariants of one form of `x`.
fn check_map(x: &str, form: &Normalized) -> Result<(), TestCaseError> {
    let out = form.as_str();
    let map = form.map();
    prop_assert_eq!(map.output_len(), out.len());
    prop_assert_eq!(map.original_len(), x.len());
    let bounds: Vec<usize> = out.char_indices().map(|(i, _)| i).chain([out.len()]).collect();
    let (mut last_start, mut last_end) = (0, 0);
    for &p in &bounds {
        let (s, e) = (map.start_to_original(p), map.end_to_original(p));
        prop_assert!(s >= last_start && e >= last_end, "map not monotone at {} in {:?}", p, out);
        prop_assert!(x.is_char_boundary(s) && x.is_char_boundary(e), "off a char boundary at {}", p);
        last_start = s;
        last_end = e;
    }
    for w in bounds.windows(2) {
        let span = map.to_original(Span::new(w[0], w[1]));
        prop_assert!(span.start <= span.end && span.end <= x.len());
    }
    Ok(())
}

/// The spans the round-trip property holds for: runs of whole tokens of the output (a token is
/// delimited by spaces, line breaks or the ends of the text) that start and end with a letter or
/// a digit, hold no quotation mark and no apostrophe outside a word, and whose original holds
/// no `Ã`, composed or not (the one mojibake repair that depends on the rest of the text).
fn token_spans(out: &str) -> Vec<Span> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in out.char_indices() {
        let ws = is_space(c) || is_line_break(c);
        match (ws, start) {
            (true, Some(s)) => {
                tokens.push(Span::new(s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(Span::new(s, out.len()));
    }
    let mut spans = Vec::new();
    for a in 0..tokens.len() {
        for b in a..tokens.len().min(a + 4) {
            let span = Span::new(tokens[a].start, tokens[b].end);
            let text = &out[span.range()];
            let chars: Vec<char> = text.chars().collect();
            let (Some(first), Some(last)) = (chars.first(), chars.last()) else { continue };
            if !first.is_alphanumeric() || !last.is_alphanumeric() {
                continue;
            }
            let clean = chars.iter().enumerate().all(|(k, &c)| {
                let inside_word =
                    k > 0 && k + 1 < chars.len() && chars[k - 1].is_alphabetic() && chars[k + 1].is_alphabetic();
                if is_apostrophe(c) {
                    inside_word
                } else {
                    quote_mark(c).is_none()
                }
            });
            if clean {
                spans.push(span);
            }
        }
    }
    spans
}

fn check_round_trip(x: &str, form: &Normalized, again: fn(&str) -> Normalized) -> Result<(), TestCaseError> {
    let out = form.as_str();
    for span in token_spans(out) {
        let orig = form.map().to_original(span);
        let piece = &x[orig.range()];
        if piece.nfc().any(|c| c == 'Ã') {
            continue;
        }
        let got = again(piece);
        prop_assert_eq!(
            got.as_str().to_string(),
            &out[span.range()],
            "span {:?} of {:?} maps to {:?}",
            span,
            out,
            piece
        );
    }
    Ok(())
}

fn check_all(x: &str) -> Result<(), TestCaseError> {
    let c = canonical(x);
    let t = typeset(x);
    // Idempotence and the tie between the two forms.
    let (cc, tt, ct) = (canonical(c.as_str()), typeset(t.as_str()), canonical(t.as_str()));
    prop_assert_eq!(cc.as_str(), c.as_str(), "canonical not idempotent on {:?}", x);
    prop_assert_eq!(tt.as_str(), t.as_str(), "typeset not idempotent on {:?}", x);
    prop_assert_eq!(ct.as_str(), c.as_str(), "canonical(typeset(x)) != canonical(x) on {:?}", x);
    for form in [&c, &t] {
        let out = form.as_str();
        // NFC and line breaks.
        prop_assert!(unicode_normalization::is_nfc(out), "not NFC: {:?}", out);
        prop_assert_eq!(line_breaks(out), line_breaks(x), "line breaks changed: {:?}", out);
        // Letters never change outside repaired mojibake.
        if form.repairs().is_empty() {
            prop_assert_eq!(letters(out), oracle_letters(x), "letters changed: {:?}", out);
        } else {
            let mut kept = String::new();
            let mut at = 0;
            for r in form.repairs() {
                kept.push_str(&x[at..r.start]);
                kept.push(' ');
                at = r.end;
            }
            kept.push_str(&x[at..]);
            let want = oracle_letters(&kept);
            let got = letters(out);
            let mut it = got.chars();
            prop_assert!(want.chars().all(|w| it.any(|g| g == w)), "letters outside repairs lost: {:?}", out);
        }
        check_map(x, form)?;
    }
    check_round_trip(x, &c, canonical)?;
    check_round_trip(x, &t, typeset)?;
    Ok(())
}

const BEFORE: &[&str] = &["Il a dit", "Selon elle,", "Le maire juge", ""];
const INNER: &[&str] = &["non", "une faute grave", "Jamais sans nous", "l’État d'abord", "Rome"];
const AFTER: &[&str] = &["", ".", ", a-t-il dit.", " hier soir", " !"];
const FAMILIES: &[(&str, &str)] =
    &[("«", "»"), ("\"", "\""), ("“", "”"), ("„", "“"), ("‹", "›"), ("‘", "’"), ("'", "'"), ("«", "”"), ("“", "»")];
const PADS: &[&str] = &["", " ", "\u{A0}", "\u{202F}", "  ", "\u{2009}"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn invariants_on_french_fragments(x in french()) {
        check_all(&x)?;
    }

    #[test]
    fn invariants_on_any_text(x in any_text()) {
        check_all(&x)?;
    }

    /// Every spacing and glyph variant of one quotation gives the same canonical form.
    #[test]
    fn quote_variants_share_a_canonical_form(
        before in prop::sample::select(BEFORE),
        inner in prop::sample::select(INNER),
        after in prop::sample::select(AFTER),
        family in 0..FAMILIES.len(),
        pad_open in prop::sample::select(PADS),
        pad_close in prop::sample::select(PADS),
    ) {
        let (open, close) = FAMILIES[family];
        // A straight single quote opens only before a letter and closes only after one.
        let (pad_open, pad_close) = if open == "'" { ("", "") } else { (pad_open, pad_close) };
        let sep = if before.is_empty() { "" } else { " " };
        let x = format!("{before}{sep}{open}{pad_open}{inner}{pad_close}{close}{after}");
        let reference = format!("{before}{sep}\"{inner}\"{after}");
        let (got, want) = (canonical(&x), canonical(&reference));
        prop_assert_eq!(got.as_str(), want.as_str(), "variant {:?}", x);
    }
}

#[test]
fn results_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Normalized>();
    check::<depeche::typography::Normalizer>();
    check::<depeche::typography::OffsetMap>();
}
