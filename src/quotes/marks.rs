//! Quotation-mark pairing over the original text: « », “ ”, „ “, straight `"` read from its
//! context, ‹ › and ‘ ’ inside, stray marks, quotations over several paragraphs.

use crate::typography::{is_space, is_word_char};
use crate::Span;

/// A pair of quotation marks found in a text.
///
/// `inner` is the quoted text without the marks and without the spaces just inside them;
/// `open` and `close` are the marks themselves. A quotation that runs over several paragraphs
/// (each reopened with a mark, only the last closed) is one pair whose `reopen` lists the marks
/// that reopen the following paragraphs. A quotation whose closing mark is missing ends with its
/// paragraph: `close` is then `None`.
///
/// ```
/// use depeche::quotes::pair_marks;
///
/// let text = "Il a dit : « Nous verrons. »";
/// let pairs = pair_marks(text);
/// assert_eq!(pairs.len(), 1);
/// assert_eq!(&text[pairs[0].inner.range()], "Nous verrons.");
/// assert_eq!(pairs[0].depth, 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MarkPair {
    /// The opening mark.
    pub open: Span,
    /// The closing mark, or `None` when the quotation was closed by the end of its paragraph.
    pub close: Option<Span>,
    /// The marks reopening each following paragraph of a multi-paragraph quotation.
    pub reopen: Vec<Span>,
    /// The quoted text, marks and surrounding spaces excluded.
    pub inner: Span,
    /// Nesting depth: 0 for an outer quotation, 1 for a quotation inside it, …
    pub depth: u8,
}

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Family {
    Guillemet,
    Curly,
    Straight,
    Single,
}

#[derive(Clone, Copy, Debug)]
enum Dir {
    Open(Family),
    Close(Family),
    /// A straight mark: open or close by the stack.
    Either(Family),
}

#[derive(Clone, Copy, Debug)]
struct Open {
    fam: Family,
    mark: Span,
    /// Index into `reopen_store` of this opener's reopen list.
    reopen: usize,
}

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            is_space(c)
                || c == '\n'
                || c == '\r'
                || matches!(c, '(' | '[' | '—' | '–' | '-' | ':' | '«' | '“' | '„' | '‹' | '/' | '\'' | '’')
        }
    }
}

fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            is_space(c)
                || c == '\n'
                || c == '\r'
                || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '…' | '»' | '”' | '›' | '—' | '–' | '-')
        }
    }
}

/// The direction of a mark character in context, or `None` if it is not used as a quotation
/// mark here (an apostrophe).
fn direction(c: char, prev: Option<char>, next: Option<char>) -> Option<Dir> {
    use Family::*;
    // (Read by the single marks only: not looked up for the others.)
    let prev_word = || prev.is_some_and(is_word_char);
    let next_word = || next.is_some_and(is_word_char);
    Some(match c {
        '«' => Dir::Open(Guillemet),
        '»' => Dir::Close(Guillemet),
        '„' => Dir::Open(Curly),
        // “ opens in French copy; after a word and before a space it closes („…“ or “…“ typos).
        '“' => {
            if !is_open_context(prev) && is_close_context(next) {
                Dir::Close(Curly)
            } else {
                Dir::Open(Curly)
            }
        }
        // ” closes; used as an opener by some systems (”…”) when it stands before a word.
        '”' => {
            if is_open_context(prev) && !is_close_context(next) {
                Dir::Open(Curly)
            } else {
                Dir::Close(Curly)
            }
        }
        '"' | '＂' | '‟' => {
            let o = is_open_context(prev) && !is_close_context(next);
            let cl = !is_open_context(prev) && is_close_context(next);
            if o {
                Dir::Open(Straight)
            } else if cl {
                Dir::Close(Straight)
            } else {
                Dir::Either(Straight)
            }
        }
        '‹' => Dir::Open(Single),
        '›' => Dir::Close(Single),
        // Single marks between letters are apostrophes (aujourd’hui, l’État).
        '‘' | '‚' => {
            let next_word = next_word();
            if next_word && prev_word() {
                return None;
            }
            if is_open_context(prev) && next_word {
                Dir::Open(Single)
            } else {
                return None;
            }
        }
        '’' | '\'' => {
            if next_word() || !(prev_word() || prev.is_some_and(|p| matches!(p, '.' | '!' | '?' | '…'))) {
                return None;
            }
            Dir::Close(Single)
        }
        _ => return None,
    })
}

/// The deepest nesting of quotations kept.
const MAX_DEPTH: usize = 8;

fn closes(close: Family, open: Family) -> bool {
    close == open
}

fn trim_inner(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(|c: char| is_space(c) || c.is_whitespace()).len();
    let trail = s.len() - s.trim_end_matches(|c: char| is_space(c) || c.is_whitespace()).len();
    if lead + trail >= s.len() {
        return Span::new(start, start);
    }
    Span::new(start + lead, end - trail)
}

/// Pairs the quotation marks of `text`.
///
/// Returns every quotation, outer ones and nested ones, in order of their opening mark. Rules:
/// - `« »`, `“ ”`, `„ “`, `‹ ›` pair with their own kind; a straight `"` opens after a space or
///   an opening bracket and before a word, closes after a word and before a space or
///   punctuation, and otherwise closes an open `"` if there is one;
/// - `’`, `'` and `‘` between letters are apostrophes; a single mark quotes only inside another
///   quotation;
/// - a closing mark closes the nearest compatible opener; openers left inside are dropped;
///   a closing mark with no opener is ignored, and so is an opener nested deeper than eight
///   levels;
/// - a quotation still open at the end of a paragraph continues into the next paragraph when
///   that paragraph opens with a mark of the same kind (the French convention for a quotation
///   over several paragraphs); otherwise it ends with its paragraph.
///
/// # Performance
///
/// One pass over the bytes; only the bytes of quotation marks are decoded.
///
/// ```
/// use depeche::quotes::pair_marks;
///
/// let text = "« Nous irons,\n\n« jusqu’au bout », a-t-il dit.";
/// let pairs = pair_marks(text);
/// assert_eq!(pairs.len(), 1);
/// assert_eq!(pairs[0].reopen.len(), 1);
/// assert_eq!(&text[pairs[0].inner.range()], "Nous irons,\n\n« jusqu’au bout");
/// ```
pub fn pair_marks(text: &str) -> Vec<MarkPair> {
    let bytes = text.as_bytes();
    // About one quotation every 200 bytes of agency copy: reserved for most texts rather than
    // grown (each growth copies the pairs).
    let mut out: Vec<MarkPair> = Vec::with_capacity(text.len() / 256);
    let mut stack: Vec<Open> = Vec::new();
    let mut reopen_store: Vec<Vec<Span>> = Vec::new();
    let mut i = 0;
    let n = bytes.len();
    // The bytes that can start a mark or end a paragraph, found by a memchr2 and a memchr3
    // scan; the ASCII apostrophe by a scan of its own, read only inside a quotation: outside
    // one it is a no-op (a single mark never opens there, and a closing one finds no opener),
    // and French text has one every few words.
    let mut jump = super::syntax::Jump::new(
        bytes,
        n,
        |h| memchr::memchr2(b'\n', b'"', h),
        |h| memchr::memchr3(0xC2, 0xE2, 0xEF, h),
    );
    // (searched from, next apostrophe or `n`), as in `Jump`.
    let mut apostrophe: Option<(usize, usize)> = None;
    while i < n {
        // Jump to the next byte that can start a mark or end a paragraph.
        let mut k = jump.next(i).unwrap_or(n);
        if !stack.is_empty() && i < k {
            let hit = match apostrophe {
                Some((searched, hit)) if searched <= i && hit >= i => hit,
                _ => {
                    let hit = memchr::memchr(b'\'', &bytes[i..k]).map_or(k, |d| i + d);
                    // (Nothing found before `k` says nothing about the bytes after it.)
                    apostrophe = (hit < k).then_some((i, hit));
                    hit
                }
            };
            k = k.min(hit);
        }
        if k >= n {
            break;
        }
        i = k;
        let b = bytes[i];
        if b == b'\n' {
            // End of a paragraph: skip the run of line breaks and spaces.
            let mut j = i;
            while j < n && (bytes[j] == b'\n' || bytes[j] == b'\r' || bytes[j] == b' ' || bytes[j] == b'\t') {
                j += 1;
            }
            // Non-ASCII spaces at the start of the next paragraph.
            let mut k = j;
            while let Some(c) = text.get(k..).and_then(|s| s.chars().next()) {
                if is_space(c) {
                    k += c.len_utf8();
                } else {
                    break;
                }
            }
            let next = text.get(k..).and_then(|s| s.chars().next());
            if !stack.is_empty() {
                let reopen_fam = next.and_then(|c| match c {
                    '«' => Some(Family::Guillemet),
                    '“' | '„' => Some(Family::Curly),
                    '"' => Some(Family::Straight),
                    _ => None,
                });
                let bottom = stack[0];
                // Only a quotation that has begun continues (a stray opener at a paragraph's end
                // does not swallow the next one).
                let last_mark = reopen_store[bottom.reopen].last().copied().unwrap_or(bottom.mark);
                let has_content = !trim_inner(text, last_mark.end, i).is_empty();
                if stack.len() == 1 && reopen_fam == Some(bottom.fam) && has_content {
                    let c = next.unwrap_or(' ');
                    reopen_store[bottom.reopen].push(Span::new(k, k + c.len_utf8()));
                    i = k + c.len_utf8();
                    continue;
                }
                // Close everything at the paragraph's end.
                let para_end = i;
                for (d, o) in stack.drain(..).enumerate() {
                    let reopen = std::mem::take(&mut reopen_store[o.reopen]);
                    out.push(unclosed(text, o.mark, reopen, para_end, d));
                }
            }
            i = j.max(i + 1);
            continue;
        }
        // Marks: ASCII " and ', or a multi-byte character starting with 0xC2 («»), 0xE2
        // (“”„‹›‘’‟) or 0xEF (＂).
        let candidate = b == b'"' || b == b'\'' || b == 0xC2 || b == 0xE2 || b == 0xEF;
        if !candidate {
            i += 1;
            continue;
        }
        // An apostrophe between two ASCII letters (l'État, d'abord) is never a mark: skip it
        // without decoding (French text has one every few words).
        let apostrophe_len = if b == b'\'' {
            1
        } else if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x99) {
            3
        } else {
            0
        };
        if apostrophe_len > 0
            && i > 0
            && bytes[i - 1].is_ascii_alphabetic()
            && bytes.get(i + apostrophe_len).is_some_and(|n| n.is_ascii_alphabetic())
        {
            i += apostrophe_len;
            continue;
        }
        // `«` and `»` have one direction whatever their neighbours, and the other characters
        // U+0080–U+00BF (the no-break space) are no marks: neither is decoded.
        let (c, len, dir) = if b == 0xC2 {
            match bytes.get(i + 1) {
                Some(0xAB) => ('«', 2, Some(Dir::Open(Family::Guillemet))),
                Some(0xBB) => ('»', 2, Some(Dir::Close(Family::Guillemet))),
                _ => {
                    i += 2;
                    continue;
                }
            }
        } else {
            let c = match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) => c,
                None => {
                    i += 1;
                    continue;
                }
            };
            let len = c.len_utf8();
            (c, len, direction(c, text[..i].chars().next_back(), text[i + len..].chars().next()))
        };
        let mark = Span::new(i, i + len);
        let single_inside_only = matches!(c, '‘' | '‚' | '’' | '\'');
        match dir {
            None => {}
            // Quotations nest a few levels at most: an opener deeper than `MAX_DEPTH` is a stray
            // mark (this also bounds the work on a run of thousands of openers).
            Some(Dir::Open(f)) if !(single_inside_only && stack.is_empty()) && stack.len() < MAX_DEPTH => {
                reopen_store.push(Vec::new());
                stack.push(Open { fam: f, mark, reopen: reopen_store.len() - 1 });
            }
            Some(Dir::Open(_)) => {}
            Some(Dir::Close(f)) => {
                if let Some(pos) = stack.iter().rposition(|o| closes(f, o.fam)) {
                    close_at(text, &mut stack, &mut reopen_store, &mut out, pos, mark);
                }
            }
            Some(Dir::Either(f)) => {
                if let Some(pos) = stack.iter().rposition(|o| closes(f, o.fam)) {
                    close_at(text, &mut stack, &mut reopen_store, &mut out, pos, mark);
                } else if stack.len() < MAX_DEPTH {
                    reopen_store.push(Vec::new());
                    stack.push(Open { fam: f, mark, reopen: reopen_store.len() - 1 });
                }
            }
        }
        i += len;
    }
    for (d, o) in stack.drain(..).enumerate() {
        let reopen = std::mem::take(&mut reopen_store[o.reopen]);
        out.push(unclosed(text, o.mark, reopen, n, d));
    }
    // Pairs are closed in order unless nested: most texts need no sort (and no sort buffer).
    let key = |p: &MarkPair| (p.open.start, p.depth);
    if !out.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        out.sort_by_key(key);
    }
    out
}

/// A quotation left open: it ends at `end` (its paragraph's end); a last paragraph reopened
/// and left empty is not part of it.
fn unclosed(text: &str, open: Span, mut reopen: Vec<Span>, end: usize, depth: usize) -> MarkPair {
    let mut inner = trim_inner(text, open.end, end);
    while let Some(&last) = reopen.last() {
        if inner.end <= last.end && last.start >= inner.start {
            reopen.pop();
            inner = trim_inner(text, open.end, last.start);
        } else {
            break;
        }
    }
    MarkPair { open, close: None, reopen, inner, depth: depth.min(255) as u8 }
}

fn close_at(
    text: &str,
    stack: &mut Vec<Open>,
    reopen_store: &mut [Vec<Span>],
    out: &mut Vec<MarkPair>,
    pos: usize,
    mark: Span,
) {
    // Openers above `pos` were never closed: they are dropped (a stray mark inside a quotation).
    stack.truncate(pos + 1);
    if let Some(o) = stack.pop() {
        out.push(MarkPair {
            open: o.mark,
            close: Some(mark),
            reopen: std::mem::take(&mut reopen_store[o.reopen]),
            inner: trim_inner(text, o.mark.end, mark.start),
            depth: pos.min(255) as u8,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // (text, expected inner texts of the outer quotations) — each row names the rule it pins.
    const CASES: &[(&str, &[&str])] = &[
        ("« Oui », dit-il.", &["Oui"]),                                  // guillemets with spaces
        ("«Oui», dit-il.", &["Oui"]),                                    // guillemets without spaces
        ("«\u{202F}Oui\u{202F}», dit-il.", &["Oui"]),                    // narrow no-break spaces inside
        ("“Oui”, dit-il.", &["Oui"]),                                    // English-style curly marks
        ("„Oui“, dit-il.", &["Oui"]),                                    // German-style low-high marks
        ("Il a dit \"oui\" puis \"non\".", &["oui", "non"]),             // straight marks alternate
        ("\"Oui\", a-t-il dit.", &["Oui"]),                              // straight mark at the start
        ("« Il parle de ‹ paix › ici »", &["Il parle de ‹ paix › ici"]), // nested single marks
        ("« Il parle de “paix” ici »", &["Il parle de “paix” ici"]),     // nested curly marks
        ("l’État et aujourd’hui", &[]),                                  // apostrophes are not quotes
        ("Il dit « non.\n\nLa suite.", &["non."]),                       // missing closer bounded by its paragraph
        ("« Un.\n\n« Deux. »", &["Un.\n\n« Deux."]),                     // multi-paragraph quotation
        ("Fin » stray.", &[]),                                           // closing mark without opener
        ("les ‘guillemets’ seuls", &[]),                                 // single marks at top level are not quotations
    ];

    #[test]
    fn pairing() {
        for &(text, want) in CASES {
            let got: Vec<&str> =
                pair_marks(text).iter().filter(|p| p.depth == 0).map(|p| &text[p.inner.range()]).collect();
            assert_eq!(got, want, "input {text:?}");
        }
    }
}
