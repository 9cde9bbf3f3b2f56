//! Invariants of the quote layer on arbitrary text: no panic, every span slices the original
//! text, quotation spans never cover their own marks, quotations are nested or disjoint.

use depeche::quotes::{pair_marks, QuoteExtractor};
use depeche::Span;
use proptest::prelude::*;

/// Text made of quotation marks, apostrophes, letters, spaces, punctuation and line breaks,
/// with a few reporting verbs, so that pairing and attribution both run.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("«".to_string()),
        Just("»".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("„".to_string()),
        Just("\"".to_string()),
        Just("‹".to_string()),
        Just("›".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("‘".to_string()),
        Just(" ".to_string()),
        Just("\u{A0}".to_string()),
        Just("\u{202F}".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(" : ".to_string()),
        Just("a déclaré".to_string()),
        Just("a-t-il ajouté".to_string()),
        Just("estime-t-elle".to_string()),
        Just("selon".to_string()),
        Just("qu'il".to_string()),
        Just("que".to_string()),
        Just("le ministre".to_string()),
        Just("Angela Merkel".to_string()),
        Just("M.".to_string()),
        Just("Les".to_string()),
        "[a-zA-Zéèàç]{1,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let pairs = pair_marks(text);
    for p in &pairs {
        prop_assert!(p.inner.get(text).is_some(), "inner {:?} off boundaries in {:?}", p.inner, text);
        prop_assert!(p.open.get(text).is_some());
        prop_assert!(p.inner.start >= p.open.end, "inner {:?} overlaps its opening mark {:?}", p.inner, p.open);
        if let Some(c) = p.close {
            prop_assert!(c.get(text).is_some());
            prop_assert!(p.inner.end <= c.start, "inner {:?} overlaps its closing mark {:?}", p.inner, c);
        }
    }
    let quotes = QuoteExtractor::new().extract(text, &[], &[]);
    for q in &quotes {
        prop_assert!(q.span.get(text).is_some(), "quote {:?} off boundaries in {:?}", q.span, text);
        prop_assert!(!q.span.is_empty());
        prop_assert!((0.0..=1.0).contains(&q.confidence));
        // The marks lie wholly before the span (opening), wholly inside it (the marks that
        // reopen the paragraphs of a multi-paragraph quotation) or wholly after it (closing).
        for m in &q.marks {
            prop_assert!(m.get(text).is_some());
            prop_assert!(
                m.end <= q.span.start || q.span.contains(*m) || m.start >= q.span.end,
                "quote {:?} cuts its mark {:?}",
                q.span,
                m
            );
            prop_assert!(q.span.start != m.start, "quote {:?} starts with its mark {:?}", q.span, m);
        }
        if let Some(c) = &q.cue {
            prop_assert!(c.span.get(text).is_some());
        }
        if let Some(s) = &q.speaker {
            prop_assert!(s.span.get(text).is_some());
        }
        if let Some(o) = q.other_half {
            prop_assert!(o < quotes.len());
        }
    }
    for (i, a) in quotes.iter().enumerate() {
        for b in &quotes[i + 1..] {
            let (x, y): (Span, Span) = (a.span, b.span);
            prop_assert!(!x.overlaps(y) || x.contains(y) || y.contains(x), "{:?} and {:?} cross in {:?}", x, y, text);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn news_like_text(text in newsish()) {
        check_spans(&text)?;
    }

    #[test]
    fn any_string(text in any::<String>()) {
        check_spans(&text)?;
    }
}

#[test]
fn thousands_of_unbalanced_marks() {
    // Openers without closers, closers without openers, straight marks in odd numbers.
    let mut text = String::new();
    for i in 0..4000 {
        text.push_str(match i % 7 {
            0 => "« ",
            1 => "mot ",
            2 => "\" ",
            3 => "“",
            4 => " a déclaré le ministre, ",
            5 => "»»",
            _ => "\n",
        });
    }
    let quotes = QuoteExtractor::new().extract(&text, &[], &[]);
    for q in &quotes {
        assert!(q.span.get(&text).is_some());
    }
    // Runs of openers are bounded: nesting stops at eight levels, so the work stays linear.
    assert!(pair_marks(&"« ".repeat(5000)).len() <= 8);
    assert!(pair_marks(&"“".repeat(5000)).len() <= 8);
    // A missing closing mark does not swallow the rest of the text: no quotation crosses a
    // paragraph that does not reopen with a mark.
    let long = format!("Il a dit « oui.\n\nLe reste de l'article. {}", "Une phrase. ".repeat(200));
    let q = QuoteExtractor::new().extract(&long, &[], &[]);
    assert!(q.iter().all(|q| q.span.end < long.find("Le reste").unwrap_or(0)), "{q:?}");
}
