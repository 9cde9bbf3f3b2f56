//! Light syntax for reported speech: paragraphs, quote-aware sentences and clause-local tokens
//! (words, elisions, inverted clitics, punctuation, quotations as single tokens).

use crate::typography::{is_apostrophe, is_space, is_word_char};
use crate::Span;

/// A token of a clause.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum TokKind {
    /// A word (an elided word keeps its apostrophe: `l'`, `qu'`).
    Word,
    /// An inverted subject clitic split from its verb: `-t-il`, `-elle`.
    Clitic,
    /// One punctuation character.
    Punct(char),
    /// A whole quotation (marks included): index into the caller's list.
    Quote(usize),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok<'a> {
    pub span: Span,
    pub kind: TokKind,
    /// `text[span]`, sliced once here: the attribution steps read a token's word several times.
    pub text: &'a str,
}

const ELIDED: &[&str] = &[
    "l", "d", "qu", "s", "n", "j", "m", "t", "c", "jusqu", "lorsqu", "puisqu", "presqu", "quoiqu", "L", "D", "Qu", "S",
    "N", "J", "M", "T", "C", "Jusqu", "Lorsqu", "Puisqu", "QU",
];

const CLITICS: &[&str] = &["-t-il", "-t-elle", "-t-ils", "-t-elles", "-t-on", "-il", "-elle", "-ils", "-elles", "-on"];

/// [`is_word_char`] with a fast path for ASCII and the Latin letters of French.
#[inline]
pub(crate) fn word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{C0}'..='\u{17F}').contains(&c) {
        return c != '\u{D7}' && c != '\u{F7}';
    }
    is_word_char(c)
}

/// The length of the Latin letter of two bytes at `bytes[i]` (U+00C0–U+017F but `×` and `÷`:
/// `é`, `À`, `œ`), which [`word_char`] accepts, read from its bytes without decoding; `None`
/// for any other character.
#[inline]
pub(crate) fn latin_letter(bytes: &[u8], i: usize) -> Option<usize> {
    match (bytes.get(i), bytes.get(i + 1)) {
        (Some(0xC3), Some(0x97 | 0xB7)) => None,
        (Some(0xC3..=0xC5), Some(0x80..=0xBF)) => Some(2),
        _ => None,
    }
}

/// ASCII letters and digits (`u8::is_ascii_alphanumeric`) as a table: one load a byte.
pub(crate) const ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Tokens of `text[range]`; `opaque` are spans (sorted by start) each emitted as one
/// `Quote(i)` token.
pub(crate) fn tokenize<'a>(text: &'a str, range: Span, opaque: &[(Span, usize)]) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    tokenize_into(text, range, opaque, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first), for a caller that reuses its buffers.
pub(crate) fn tokenize_into<'a>(text: &'a str, range: Span, opaque: &[(Span, usize)], out: &mut Vec<Tok<'a>>) {
    out.clear();
    out.reserve(range.len() / 5 + 4);
    let bytes = text.as_bytes();
    let end = range.end.min(text.len());
    let mut i = range.start;
    let mut oi = opaque.partition_point(|(s, _)| s.start < range.start);
    // Where the next opaque span starts (`usize::MAX` after the last).
    let mut next_opaque = oi_start(opaque, oi).unwrap_or(usize::MAX);
    // Whether a `(` was met (see `drop_name_parentheticals`).
    let mut parenthesis = false;
    while i < end {
        if next_opaque <= i {
            let (s, idx) = opaque[oi];
            if s.start == i {
                out.push(tok(text, Span::new(s.start, s.end.min(end)), TokKind::Quote(idx)));
                i = s.end.max(i + 1);
            }
            oi += 1;
            next_opaque = oi_start(opaque, oi).unwrap_or(usize::MAX);
            continue;
        }
        // Where the word starting here, if any, is scanned from (past its first run of ASCII
        // letters and digits when it starts with one).
        let mut j = i;
        let len = match bytes[i] {
            // An ASCII letter or digit starts a word: no space or punctuation test. The usual
            // word, a run of them ended by a space or a punctuation mark, is pushed at once.
            b if ALNUM[usize::from(b)] => {
                let stop = next_opaque.min(end);
                j = i + 1;
                while j < stop && ALNUM[usize::from(bytes[j])] {
                    j += 1;
                }
                if j >= stop || (bytes[j] < 0x80 && !matches!(bytes[j], b'-' | b'\'' | b'`')) {
                    // (`i < j`: the span needs no `Span::new`.)
                    out.push(Tok { span: Span { start: i, end: j }, kind: TokKind::Word, text: &text[i..j] });
                    i = j;
                    if bytes.get(i) == Some(&b' ') && i < end && next_opaque > i {
                        i += 1;
                    }
                    continue;
                }
                1
            }
            b' ' => {
                i += 1;
                continue;
            }
            // A Latin letter of two bytes (`é`, `À`) starts a word: not decoded.
            0xC3..=0xC5 if latin_letter(bytes, i).is_some() => 2,
            b => {
                let c = if b < 0x80 {
                    b as char
                } else {
                    let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else { break };
                    c
                };
                let len = c.len_utf8();
                if is_space(c) || c.is_whitespace() {
                    i += len;
                    continue;
                }
                if !word_char(c) {
                    out.push(tok(text, Span::new(i, i + len), TokKind::Punct(c)));
                    parenthesis |= c == '(';
                    i += len;
                    continue;
                }
                len
            }
        };
        // A word: word characters, hyphens between them, an elision apostrophe ends it.
        let start = i;
        // Whether a hyphen was taken into the word (only such a word can end in a clitic).
        let mut hyphen = false;
        let stop = next_opaque.min(end);
        while j < stop {
            // ASCII letters and digits, the bulk of French text, in one tight run without
            // decoding.
            while j < stop && ALNUM[usize::from(bytes[j])] {
                j += 1;
            }
            if j >= stop {
                break;
            }
            let b = bytes[j];
            // Any other ASCII byte but a hyphen or an apostrophe ends the word (a space, a
            // comma): no decoding, no look at the next character.
            if b < 0x80 && !matches!(b, b'-' | b'\'' | b'`') {
                break;
            }
            // A Latin letter of two bytes (`é`), a word character, without decoding.
            if let Some(n) = latin_letter(bytes, j) {
                j += n;
                continue;
            }
            let Some(c) = text[j..].chars().next() else { break };
            if word_char(c) {
                j += c.len_utf8();
                continue;
            }
            let next = text[j + c.len_utf8()..].chars().next();
            if matches!(c, '-' | '\u{2011}') && next.is_some_and(word_char) {
                hyphen |= c == '-';
                j += c.len_utf8();
                continue;
            }
            if is_apostrophe(c) {
                if ELIDED.contains(&&text[start..j]) {
                    // An elision ends its word: l', qu'.
                    j += c.len_utf8();
                    break;
                }
                if next.is_some_and(word_char) {
                    // Inside a word: aujourd'hui, prud'homme.
                    j += c.len_utf8();
                    continue;
                }
            }
            break;
        }
        if j == start {
            j = start + len;
        }
        // Split an inverted clitic: dit-il, a-t-elle (only hyphenated words can hold one; the
        // word is sliced only then).
        let mut split = None;
        if hyphen && j - start > 3 {
            let w = &text[start..j];
            for cl in CLITICS {
                if w.len() > cl.len()
                    && w.is_char_boundary(w.len() - cl.len())
                    && w[w.len() - cl.len()..].eq_ignore_ascii_case(cl)
                {
                    split = Some(j - cl.len());
                    break;
                }
            }
        }
        match split {
            Some(k) if k > start => {
                out.push(tok(text, Span::new(start, k), TokKind::Word));
                out.push(tok(text, Span::new(k, j), TokKind::Clitic));
            }
            _ => out.push(tok(text, Span::new(start, j), TokKind::Word)),
        }
        i = j;
        // The space after a word skipped here rather than by another turn of the loop (unless
        // a quotation starts there, which the loop handles).
        if bytes.get(i) == Some(&b' ') && i < end && next_opaque > i {
            i += 1;
        }
    }
    if parenthesis {
        drop_name_parentheticals(out);
    }
}

/// Drops a short parenthetical right after a capitalised word: a party, a département, an
/// acronym (`Henri Castagné (LR, Lot) a déclaré`, `Martine Rouquier (CRCE-K), sénatrice`, `la
/// Société du Grand Paris (SGP), dont …`). It stands between a name and its verb or its
/// apposition, which the attribution steps read as neighbours. (Its tokens only: the spans
/// of the others are unchanged, and a phrase over it still covers it.)
fn drop_name_parentheticals(toks: &mut Vec<Tok<'_>>) {
    let (mut r, mut w) = (0, 0);
    while r < toks.len() {
        let after_name = r > 0
            && toks[r].kind == TokKind::Punct('(')
            && toks[r - 1].kind == TokKind::Word
            && toks[r - 1].text.chars().next().is_some_and(char::is_uppercase);
        if after_name {
            let close = (r + 1..toks.len().min(r + 10)).find(|&c| toks[c].kind == TokKind::Punct(')'));
            if let Some(c) = close.filter(|&c| c > r + 1) {
                let short = (r + 1..c).all(|x| {
                    matches!(toks[x].kind, TokKind::Word | TokKind::Punct(',' | '-' | '–' | '\'' | '’' | '.'))
                });
                if short {
                    r = c + 1;
                    continue;
                }
            }
        }
        toks[w] = toks[r];
        w += 1;
        r += 1;
    }
    toks.truncate(w);
}

/// The next byte of interest in `bytes[..end]`, from two searches (each a `memchr`-speed scan
/// returning the offset of its first hit in a slice). Each search's answer is kept until the
/// caller moves past it, so every byte is scanned at most once per search while the caller
/// moves forward.
pub(crate) struct Jump<'t> {
    bytes: &'t [u8],
    end: usize,
    find_a: fn(&[u8]) -> Option<usize>,
    find_b: fn(&[u8]) -> Option<usize>,
    /// (searched from, next hit or `end`) of each search.
    a: Option<(usize, usize)>,
    b: Option<(usize, usize)>,
}

impl<'t> Jump<'t> {
    pub(crate) fn new(
        bytes: &'t [u8],
        end: usize,
        find_a: fn(&[u8]) -> Option<usize>,
        find_b: fn(&[u8]) -> Option<usize>,
    ) -> Jump<'t> {
        Jump { bytes, end: end.min(bytes.len()), find_a, find_b, a: None, b: None }
    }

    fn refresh(
        bytes: &[u8],
        end: usize,
        find: fn(&[u8]) -> Option<usize>,
        memo: &mut Option<(usize, usize)>,
        from: usize,
    ) -> usize {
        match *memo {
            Some((searched, hit)) if searched <= from && hit >= from => hit,
            _ => {
                let hit = if from < end { find(&bytes[from..end]).map_or(end, |k| from + k) } else { end };
                *memo = Some((from, hit));
                hit
            }
        }
    }

    /// The first hit of either search at or after `from`, if any before `end`.
    pub(crate) fn next(&mut self, from: usize) -> Option<usize> {
        let a = Self::refresh(self.bytes, self.end, self.find_a, &mut self.a, from);
        let b = Self::refresh(self.bytes, self.end, self.find_b, &mut self.b, from);
        let hit = a.min(b);
        (hit < self.end).then_some(hit)
    }
}

/// A token of `text` over `span`.
#[inline]
fn tok(text: &str, span: Span, kind: TokKind) -> Tok<'_> {
    Tok { span, kind, text: &text[span.range()] }
}

fn oi_start(opaque: &[(Span, usize)], oi: usize) -> Option<usize> {
    opaque.get(oi).map(|(s, _)| s.start)
}

/// Paragraph spans: text between runs of line breaks, trimmed.
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        push_trimmed(text, start, i, &mut out);
        start = i + 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<Span>) {
    let s = &text[a..b];
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || is_space(c));
    let lead = s.len() - t.len();
    let t2 = t.trim_end_matches(|c: char| c.is_whitespace() || is_space(c));
    if !t2.is_empty() {
        out.push(Span::new(a + lead, a + lead + t2.len()));
    }
}

const ABBREV: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "St", "Ste", "av", "apr", "J.-C", "etc", "cf", "p", "n°", "art", "Me",
];

/// Sentences of one paragraph, never ending inside a quotation (`inside` are the outer
/// quotation spans, sorted).
pub(crate) fn split_sentences(text: &str, para: Span, inside: &[Span], out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut start = para.start;
    let mut i = para.start;
    let mut qi = inside.partition_point(|s| s.end <= para.start);
    // Candidate ends of sentence: `.`, `!`, `?` and `…` (the only one of these not ASCII).
    let mut jump = Jump::new(
        bytes,
        para.end,
        |h| memchr::memchr3(b'.', b'!', b'?', h),
        |h| memchr::memmem::find(h, "…".as_bytes()),
    );
    while i < para.end {
        // Jump to the next candidate end of sentence.
        match jump.next(i) {
            Some(k) => i = k,
            None => break,
        }
        let b = bytes[i];
        let is_end = b != 0xE2 || text[i..].starts_with('…');
        if !is_end {
            i += 1;
            continue;
        }
        while qi < inside.len() && inside[qi].end <= i {
            qi += 1;
        }
        let len = if b == 0xE2 { '…'.len_utf8() } else { 1 };
        if qi < inside.len() && inside[qi].start <= i && i < inside[qi].end {
            i += len;
            continue;
        }
        // The run of terminal punctuation.
        let mut j = i + len;
        while j < para.end && matches!(bytes[j], b'.' | b'!' | b'?') {
            j += 1;
        }
        let next = text[j..para.end].trim_start_matches(|c: char| is_space(c) || c.is_whitespace());
        let spaced = next.len() < para.end - j;
        let first = next.chars().next();
        let boundary = match first {
            None => true,
            Some(c) if c.is_uppercase() => {
                if spaced {
                    true
                } else {
                    // Glued sentences (russe.Après): a lowercase word before the full stop.
                    b == b'.' && text[..i].chars().next_back().is_some_and(|p| p.is_lowercase())
                }
            }
            Some(c) => spaced && (matches!(c, '«' | '“' | '"' | '—' | '–' | '„') || c.is_ascii_digit()),
        };
        let word_before = {
            let w = &text[start..i];
            let k = w
                .rfind(|c: char| !(word_char(c) || c == '.' || c == '-'))
                .map_or(0, |k| k + w[k..].chars().next().map_or(1, |c| c.len_utf8()));
            &w[k..]
        };
        let abbrev = b == b'.'
            && (ABBREV.contains(&word_before)
                || (word_before.chars().count() == 1 && word_before.chars().all(|c| c.is_uppercase())));
        if boundary && !abbrev {
            push_trimmed(text, start, j, out);
            start = j;
        }
        i = j;
    }
    push_trimmed(text, start, para.end, out);
    // A quoted statement that ends with its own full stop inside the marks ends its sentence
    // when a capital follows: `… : « Je pars. » Le ministre …`.
    let first_new = out.partition_point(|s| s.end <= para.start);
    let q_lo = inside.partition_point(|q| q.end <= para.start);
    let q_hi = inside.partition_point(|q| q.start < para.end);
    let inside = &inside[q_lo..q_hi.max(q_lo)];
    let mut k = first_new;
    while k < out.len() {
        let s = out[k];
        let cut = inside.iter().find(|q| {
            s.start <= q.start && q.end < s.end && {
                let body = text[q.start..q.end].trim_end_matches(|c: char| crate::typography::is_quote_mark(c));
                let body = body.trim_end_matches(|c: char| is_space(c) || c.is_whitespace());
                let closed = body.len() < q.end - q.start;
                let next = text[q.end..s.end].trim_start_matches(|c: char| is_space(c) || c.is_whitespace());
                closed
                    && body.ends_with(['.', '!', '?', '…'])
                    && next.len() < s.end - q.end
                    && next.chars().next().is_some_and(|c| c.is_uppercase())
            }
        });
        match cut {
            Some(q) => {
                let (a, b) = (Span::new(s.start, q.end), s);
                out[k] = a;
                let mut rest = Vec::new();
                push_trimmed(text, q.end, b.end, &mut rest);
                for (j, r) in rest.into_iter().enumerate() {
                    out.insert(k + 1 + j, r);
                }
                k += 1;
            }
            None => k += 1,
        }
    }
}

/// Whether a word (already lowercased) is one of the first words of a name that are
/// determiners or function words written with a capital at the start of a sentence.
pub(crate) fn is_function_word(lw: &str) -> bool {
    matches!(
        lw,
        "le" | "la"
            | "les"
            | "l'"
            | "l’"
            | "un"
            | "une"
            | "des"
            | "du"
            | "de"
            | "d'"
            | "d’"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "au"
            | "aux"
            | "à"
            | "en"
            | "et"
            | "ou"
            | "pour"
            | "par"
            | "dans"
            | "sur"
            | "selon"
            | "lors"
            | "après"
            | "avant"
            | "mais"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "on"
            | "nous"
            | "vous"
            | "je"
            | "tu"
            | "a"
            | "est"
            | "sont"
            | "ont"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()), &[]).iter().map(|t| &text[t.span.range()]).collect()
    }

    // (text, tokens) — each row names the rule it pins.
    const TOKENS: &[(&str, &[&str])] = &[
        ("l'État a dit", &["l'", "État", "a", "dit"]), // elision keeps its apostrophe
        ("qu’il", &["qu’", "il"]),                     // typographic apostrophe
        ("a-t-il déclaré", &["a", "-t-il", "déclaré"]), // inverted clitic split
        ("estime-t-elle.", &["estime", "-t-elle", "."]), // -t-elle
        ("porte-parole", &["porte-parole"]),           // hyphenated noun stays whole
        ("aujourd’hui", &["aujourd’hui"]),             // apostrophe inside a word
    ];

    /// The positions `Jump` visits when the caller moves one byte past each hit, from `start`.
    fn jump_hits(text: &str, start: usize, end: usize) -> Vec<usize> {
        let mut jump = Jump::new(
            text.as_bytes(),
            end,
            |h| memchr::memchr3(b'.', b'!', b'?', h),
            |h| memchr::memmem::find(h, "…".as_bytes()),
        );
        let mut out = Vec::new();
        let mut i = start;
        while let Some(k) = jump.next(i) {
            out.push(k);
            i = k + 1;
        }
        out
    }

    /// The same positions by a plain scan.
    fn naive_hits(text: &str, start: usize, end: usize) -> Vec<usize> {
        (start..end)
            .filter(|&k| {
                matches!(text.as_bytes()[k], b'.' | b'!' | b'?')
                    || text[..end].get(k..).is_some_and(|r| r.starts_with('…'))
            })
            .collect()
    }

    // (text, start, end) — each row names the rule it pins.
    const JUMPS: &[(&str, usize, usize)] = &[
        ("Oui. Non ! Peut-être ? Bon…", 0, 30), // both searches interleaved
        ("Rien ici", 0, 8),                     // no hit
        ("a…b…c.d", 0, 11),                     // hits of the second search only, then the first
        ("Fin. Suite…", 5, 14),                 // starting after a hit
        ("Un. Deux. Trois.", 0, 9),             // hits past `end` are not reported
    ];

    #[test]
    fn jump_visits_every_hit() {
        for &(text, start, end) in JUMPS {
            let end = end.min(text.len());
            assert_eq!(jump_hits(text, start, end), naive_hits(text, start, end), "input {text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn latin_letter_like_word_char(t in "[aéÀ×÷œſĀĿŀ«\u{a0}\u{aa}\u{bf}ƀ’]{1,4}") {
            let c = t.chars().next().unwrap();
            let expected = (c.len_utf8() == 2 && word_char(c) && ('\u{C0}'..='\u{17F}').contains(&c)).then_some(2);
            proptest::prop_assert_eq!(latin_letter(t.as_bytes(), 0), expected);
            // And never a word char the fast path would misread.
            if latin_letter(t.as_bytes(), 0).is_some() {
                proptest::prop_assert!(word_char(c));
            }
        }

        #[test]
        fn tokenize_latin_words(t in "[aZéÉÀ×÷œſ’' ,.\\-\u{a0}0-9«»]{0,40}") {
            // The tokens cover whole characters, and each word token's characters are word
            // characters, hyphens or apostrophes.
            for tk in tokenize(&t, Span::new(0, t.len()), &[]) {
                let w = &t[tk.span.range()];
                if tk.kind == TokKind::Word {
                    proptest::prop_assert!(w.chars().all(|c| word_char(c) || matches!(c, '-' | '\'' | '’')), "{:?}", w);
                }
            }
        }
        #[test]
        fn jump_like_scan(text in "[a.!?… ]{0,40}") {
            proptest::prop_assert_eq!(jump_hits(&text, 0, text.len()), naive_hits(&text, 0, text.len()));
        }
    }

    /// The tokenizer before its ASCII fast paths (the oracle of `tokenize_like_before`).
    fn tokenize_before<'a>(text: &'a str, range: Span, opaque: &[(Span, usize)]) -> Vec<Tok<'a>> {
        let mut out = Vec::with_capacity(range.len() / 5 + 4);
        let bytes = text.as_bytes();
        let end = range.end.min(text.len());
        let mut i = range.start;
        let mut oi = opaque.partition_point(|(s, _)| s.start < range.start);
        while i < end {
            if oi < opaque.len() && opaque[oi].0.start <= i {
                let (s, idx) = opaque[oi];
                if s.start == i {
                    out.push(tok(text, Span::new(s.start, s.end.min(end)), TokKind::Quote(idx)));
                    i = s.end.max(i + 1);
                }
                oi += 1;
                continue;
            }
            let c = if bytes[i] < 0x80 {
                bytes[i] as char
            } else {
                let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else { break };
                c
            };
            let len = c.len_utf8();
            if c == ' ' || is_space(c) || c.is_whitespace() {
                i += len;
                continue;
            }
            if !word_char(c) {
                out.push(tok(text, Span::new(i, i + len), TokKind::Punct(c)));
                i += len;
                continue;
            }
            // A word: word characters, hyphens between them, an elision apostrophe ends it.
            let start = i;
            let mut j = i;
            let stop = oi_start(opaque, oi).unwrap_or(end).min(end);
            while j < stop {
                // ASCII letters and digits, the bulk of French text, in one tight run without
                // decoding.
                j += bytes[j..stop].iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(stop - j);
                if j >= stop {
                    break;
                }
                let b = bytes[j];
                // Any other ASCII byte but a hyphen or an apostrophe ends the word (a space, a
                // comma): no decoding, no look at the next character.
                if b < 0x80 && !matches!(b, b'-' | b'\'' | b'`') {
                    break;
                }
                let Some(c) = text[j..].chars().next() else { break };
                if word_char(c) {
                    j += c.len_utf8();
                    continue;
                }
                let next = text[j + c.len_utf8()..].chars().next();
                if matches!(c, '-' | '\u{2011}') && next.is_some_and(word_char) {
                    j += c.len_utf8();
                    continue;
                }
                if is_apostrophe(c) {
                    if ELIDED.contains(&&text[start..j]) {
                        // An elision ends its word: l', qu'.
                        j += c.len_utf8();
                        break;
                    }
                    if next.is_some_and(word_char) {
                        // Inside a word: aujourd'hui, prud'homme.
                        j += c.len_utf8();
                        continue;
                    }
                }
                break;
            }
            if j == start {
                j = start + len;
            }
            // Split an inverted clitic: dit-il, a-t-elle (only hyphenated words can hold one).
            let w = &text[start..j];
            let mut split = None;
            if w.len() > 3 && w.as_bytes().contains(&b'-') {
                for cl in CLITICS {
                    if w.len() > cl.len()
                        && w.is_char_boundary(w.len() - cl.len())
                        && w[w.len() - cl.len()..].eq_ignore_ascii_case(cl)
                    {
                        split = Some(j - cl.len());
                        break;
                    }
                }
            }
            match split {
                Some(k) if k > start => {
                    out.push(tok(text, Span::new(start, k), TokKind::Word));
                    out.push(tok(text, Span::new(k, j), TokKind::Clitic));
                }
                _ => out.push(tok(text, Span::new(start, j), TokKind::Word)),
            }
            i = j;
        }
        out
    }

    fn kinds(toks: &[Tok]) -> Vec<(usize, usize, TokKind)> {
        toks.iter().map(|t| (t.span.start, t.span.end, t.kind)).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        // Letters, digits, hyphens, apostrophes, clitics, spaces of every kind, punctuation and
        // marks, with quotations as opaque spans.
        #[test]
        fn tokenize_like_before(
            parts in proptest::collection::vec(
                "(-t-il|-elle|-on|qu'|l’|aujourd'hui|[aZé9'’`\\-\u{2011} \u{a0}\u{202f}\t\n,.«»:ŒÀ—]){0,3}",
                0..24,
            ),
        ) {
            let text: String = parts.concat();
            let opaque: Vec<(Span, usize)> = crate::quotes::pair_marks(&text)
                .iter()
                .enumerate()
                .filter(|(_, p)| p.depth == 0)
                .map(|(i, p)| (Span::new(p.open.start, p.close.map_or(p.inner.end, |c| c.end)), i))
                .collect();
            for range in [Span::new(0, text.len()), Span::new(text.len() / 2, text.len())] {
                if !text.is_char_boundary(range.start) {
                    continue;
                }
                proptest::prop_assert_eq!(
                    kinds(&tokenize(&text, range, &opaque)),
                    kinds(&tokenize_before(&text, range, &opaque))
                );
            }
        }
    }

    #[test]
    fn tokens() {
        for &(text, want) in TOKENS {
            assert_eq!(words(text), want, "input {text:?}");
        }
    }

    // (paragraph, sentences) — each row names the rule it pins.
    const SENTENCES: &[(&str, &[&str])] = &[
        ("Il part. Elle reste.", &["Il part.", "Elle reste."]), // full stop and capital
        ("M. Dupont a parlé. Fin.", &["M. Dupont a parlé.", "Fin."]), // title abbreviation
        ("« Oui. Non », dit-il. Fin.", &["« Oui. Non », dit-il.", "Fin."]), // no boundary inside a quotation
        ("russe.Après tout", &["russe.", "Après tout"]),        // glued sentences
        ("3.5 millions. Puis", &["3.5 millions.", "Puis"]),     // decimal point
        ("Il a dit : « Je pars. » Elle reste.", &["Il a dit : « Je pars. »", "Elle reste."]), // statement ending inside the marks
    ];

    #[test]
    fn sentences() {
        for &(text, want) in SENTENCES {
            let inside: Vec<Span> = crate::quotes::pair_marks(text)
                .iter()
                .filter(|p| p.depth == 0)
                .map(|p| Span::new(p.open.start, p.close.map_or(p.inner.end, |c| c.end)))
                .collect();
            let mut out = Vec::new();
            split_sentences(text, Span::new(0, text.len()), &inside, &mut out);
            let got: Vec<&str> = out.iter().map(|s| &text[s.range()]).collect();
            assert_eq!(got, want, "input {text:?}");
        }
    }
}
