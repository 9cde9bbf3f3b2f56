//! What the annotated-article tests share: the scorer's folding of names and its whole-word
//! search (`../shared/eval/score.py`, reimplemented so that `cargo test` stands alone).

use depeche::typography::fold_key;

/// Lowercase, no accents, every run of other characters one space (the scorer's `fold`).
pub fn norm(s: &str) -> String {
    let f = fold_key(s);
    let mut out = String::new();
    for w in f.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// `s` (folded) without its leading determiners, as the scorer compares speaker mentions.
pub fn strip_det(s: &str) -> String {
    let mut s = s.to_string();
    loop {
        let next = [
            "le ", "la ", "les ", "l ", "un ", "une ", "des ", "du ", "de ", "d ", "son ", "sa ", "ses ", "leur ",
            "leurs ",
        ]
        .iter()
        .find_map(|d| s.strip_prefix(d).map(str::to_string));
        match next {
            Some(n) => s = n,
            None => return s,
        }
    }
}

/// The whole-word occurrences of `needle` in `text` (no letter or digit on either side), as byte
/// ranges, in order.
pub fn whole_words<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    text.match_indices(needle).filter(|_| !needle.is_empty()).filter_map(move |(i, _)| {
        let before = text[..i].chars().next_back().is_some_and(char::is_alphanumeric);
        let after = text[i + needle.len()..].chars().next().is_some_and(char::is_alphanumeric);
        (!before && !after).then_some((i, i + needle.len()))
    })
}
