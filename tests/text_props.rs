//! Invariants of the tokenizer and the sentence splitter, on random strings and on random
//! French-like text.

use depeche::text::{sentences, tokens, LineBreaks, Segmenter, TokenKind};
use proptest::prelude::*;

/// Checks that the tokens of `text` tile it exactly, on character boundaries.
fn check_tiling(text: &str) -> Result<(), TestCaseError> {
    let mut pos = 0;
    let mut buf = String::new();
    for t in tokens(text) {
        // The folded key never panics and is lowercase.
        let key = t.key(text, &mut buf);
        prop_assert!(!key.chars().any(|c| c.is_ascii_uppercase()), "key {:?} of {:?} is not folded", key, t);
        prop_assert_eq!(t.span.start, pos, "gap or overlap before {:?} in {:?}", t, text);
        prop_assert!(t.span.end > t.span.start, "empty token {:?} in {:?}", t, text);
        prop_assert!(
            text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end),
            "{:?} off char boundary",
            t
        );
        if t.kind.is_blank() {
            prop_assert!(
                text[t.span.range()]
                    .chars()
                    .all(|c| c.is_whitespace() || depeche::typography::is_invisible(c) || c == '\u{0B}'),
                "blank token {:?} holds {:?}",
                t,
                &text[t.span.range()]
            );
        } else {
            let s = &text[t.span.range()];
            prop_assert!(!s.starts_with(char::is_whitespace), "token {:?} starts with white space: {:?}", t, s);
        }
        pos = t.span.end;
    }
    prop_assert_eq!(pos, text.len(), "tokens stop before the end of {:?}", text);
    Ok(())
}

/// Checks that the sentences of `text` are ordered, disjoint, trimmed and on char boundaries.
fn check_sentences(text: &str, mode: LineBreaks) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    let mut last_paragraph = 0;
    for s in Segmenter::new().line_breaks(mode).sentences(text) {
        prop_assert!(s.span.start >= last_end, "{:?} overlaps or is out of order in {:?}", s, text);
        prop_assert!(!s.span.is_empty(), "empty sentence {:?}", s);
        let Some(body) = s.span.get(text) else {
            return Err(TestCaseError::fail(format!("{s:?} off char boundary in {text:?}")));
        };
        prop_assert!(
            !body.starts_with(char::is_whitespace) && !body.ends_with(char::is_whitespace),
            "untrimmed {:?}",
            body
        );
        prop_assert!(s.paragraph >= last_paragraph, "paragraph index goes back at {:?}", s);
        last_end = s.span.end;
        last_paragraph = s.paragraph;
    }
    Ok(())
}

/// Fragments of French news copy: `\u{1}` stands for an apostrophe, `\u{2}` for a space.
const FRAGMENTS: &[&str] = &[
    "l\u{1}État",
    "qu\u{1}il",
    "d\u{1}Orsay",
    "aujourd\u{1}hui",
    "jusqu\u{1}à",
    "c\u{1}est",
    "M.",
    "MM.",
    "Mme",
    "a-t-il",
    "dit-elle",
    "peut-être",
    "États-Unis",
    "1\u{2}000",
    "12\u{2}500\u{2}000",
    "3,5",
    "49.3",
    "12/05/2016",
    "1er",
    "XIXe",
    "«",
    "»",
    "\"",
    ".",
    "!",
    "?",
    "?!",
    "...",
    "…",
    ",",
    ":",
    "\n",
    "\n\n",
    "Le",
    "président",
    "a",
    "déclaré",
    "Poutine",
    "la",
    "réforme",
    "J.-F.",
    "U.S.A.",
    "etc.",
    "art.",
    "av.",
    "www.lemonde.fr",
    "contact@afp.fr",
    "@afpfr",
    "(AFP)",
    "-",
    "—",
    "PARIS,",
    "Ça",
    "n°",
];

const SPACES: &[char] = &[' ', '\u{A0}', '\u{202F}', '\u{2009}', '\u{2007}', '\u{3000}'];
const APOSTROPHES: &[char] = &['\'', '’', 'ʼ', '´', '`', '＇', '‘'];

/// A French-like text template: fragments joined by space slots.
fn template() -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(0..FRAGMENTS.len(), 0..40)
}

/// Renders a template, choosing each apostrophe and space variant from `choices`.
fn render(template: &[usize], choices: &[usize]) -> String {
    let mut out = String::new();
    let mut k = 0;
    let mut pick = |n: usize| {
        let c = choices.get(k % choices.len().max(1)).copied().unwrap_or(0) % n;
        k += 1;
        c
    };
    for (i, &f) in template.iter().enumerate() {
        if i > 0 {
            out.push(SPACES[pick(SPACES.len())]);
        }
        for c in FRAGMENTS[f].chars() {
            match c {
                '\u{1}' => out.push(APOSTROPHES[pick(APOSTROPHES.len())]),
                '\u{2}' => out.push(SPACES[pick(SPACES.len())]),
                c => out.push(c),
            }
        }
    }
    out
}

/// Byte offset to char index.
fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

fn token_shape(text: &str) -> Vec<(usize, usize, TokenKind)> {
    tokens(text).map(|t| (char_index(text, t.span.start), char_index(text, t.span.end), t.kind)).collect()
}

fn sentence_shape(text: &str) -> Vec<(usize, usize, usize)> {
    sentences(text)
        .iter()
        .map(|s| (char_index(text, s.span.start), char_index(text, s.span.end), s.paragraph))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn tokens_tile_any_string(text in any::<String>()) {
        check_tiling(&text)?;
    }

    #[test]
    fn sentences_well_formed_on_any_string(text in any::<String>()) {
        check_sentences(&text, LineBreaks::Auto)?;
        check_sentences(&text, LineBreaks::Paragraph)?;
        check_sentences(&text, LineBreaks::Wrap)?;
    }

    #[test]
    fn tokens_in_a_sentence_tile_it(t in template(), choices in proptest::collection::vec(0usize..64, 1..16)) {
        let text = render(&t, &choices);
        for s in sentences(&text) {
            let mut pos = s.span.start;
            for tok in depeche::text::tokens_in(&text, s.span) {
                prop_assert_eq!(tok.span.start, pos, "gap in sentence {:?} of {:?}", s, text);
                pos = tok.span.end;
            }
            prop_assert_eq!(pos, s.span.end, "tokens of {:?} stop early in {:?}", s, text);
        }
    }

    #[test]
    fn tokens_tile_french_like_text(t in template(), choices in proptest::collection::vec(0usize..64, 1..16)) {
        let text = render(&t, &choices);
        check_tiling(&text)?;
        check_sentences(&text, LineBreaks::Auto)?;
    }

    #[test]
    fn variants_do_not_change_the_output(
        t in template(),
        a in proptest::collection::vec(0usize..64, 1..16),
        b in proptest::collection::vec(0usize..64, 1..16),
    ) {
        let ta = render(&t, &a);
        let tb = render(&t, &b);
        prop_assert_eq!(token_shape(&ta), token_shape(&tb), "tokens differ between {:?} and {:?}", ta, tb);
        prop_assert_eq!(sentence_shape(&ta), sentence_shape(&tb), "sentences differ between {:?} and {:?}", ta, tb);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Punctuation-dense strings stress the sentence scanner's lookahead and quote stack.
    #[test]
    fn no_panic_on_punctuation_soup(text in "[a-zA-Zé .!?…«»\"“”„‹›'’()\\[\\]\\-—\n\u{A0}\u{202F}\u{2028}\u{2029}\r0-9,;:]{0,200}") {
        check_tiling(&text)?;
        check_sentences(&text, LineBreaks::Auto)?;
        check_sentences(&text, LineBreaks::Wrap)?;
    }
}

#[test]
fn shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Segmenter>();
    assert_send_sync::<depeche::text::Tokens<'static>>();
    assert_send_sync::<depeche::text::Sentence>();
}

/// Long runs without spaces are read in linear time (a quadratic rescan would take minutes here).
#[test]
fn long_runs_stay_linear() {
    for unit in ["a.", "ab.c", "a-", "1.", "« a. ", "x@", "M.", "\"a. ", "..."] {
        let text = unit.repeat(50_000);
        let n = tokens(&text).count();
        assert!(n > 0, "no token for {unit:?} repeated");
        let s = sentences(&text);
        assert!(s.len() <= text.len(), "sentences of {unit:?} repeated");
    }
}
