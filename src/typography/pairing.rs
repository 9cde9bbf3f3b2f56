//! Quotation-mark pairing: which marks of a text are quotation marks, whether each opens or
//! closes, and at which nesting level.
//!
//! - `« “ „ ‹` open and `» ” ›` close (a `“` closes a `„`).
//! - Straight `"` (and `＂ ‟`) is read from its neighbours: after a space and before a word it
//!   opens, after a word and before a space or punctuation it closes; when both or neither hold
//!   (`des " failles " dans`), quotes alternate: it closes an open double quote, else opens.
//!   Before closing punctuation or at the end of a line it closes.
//! - Single marks `‘ ‚ ’` and (with the option on) straight `'` are quotation marks only in
//!   pairs on one line: an opener (`'` after a space, a bracket or a quote and before a letter
//!   or digit; `‘`, `‚` anywhere) followed by a closer (`'` after a word or punctuation and before a space,
//!   punctuation or a quote; `’` anywhere). Any of them between two letters is an apostrophe.
//! - The level is the nesting depth: marks at depth 0 are first-level quotes.

use super::classes::{classify, is_apostrophe, is_line_break, is_space, quote_mark, CharClass};

/// What a quotation-mark candidate turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Not a quotation mark (an apostrophe, or an unpaired single mark).
    None,
    /// Opens a quotation at this depth (0 = first level).
    Open(u8),
    /// Closes a quotation at this depth.
    Close(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    None,
    Open,
    OpenLow,
    OpenCurly,
    Close,
    Straight,
    SingleOpen,
    SingleClose,
}

/// A candidate: byte position, length and kind, in 16 bytes (French copy has one every few
/// dozen bytes; the characters around a straight quote are read again when it is placed).
#[derive(Clone, Copy, Debug)]
struct Cand {
    pos: usize,
    len: u8,
    kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fam {
    Double,
    Low,
    Straight,
    Single,
}

/// The roles of every candidate mark of a text, by byte position.
#[derive(Clone, Debug, Default)]
pub(crate) struct Pairing {
    marks: Vec<(usize, Role)>,
    cursor: usize,
}

#[inline]
fn is_ws(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => is_space(c) || is_line_break(c),
    }
}

/// Whether a straight single quote after `prev` may close: after a word or closing punctuation
/// (not after a space or another quotation mark, whose spacing the forms change).
#[inline]
fn closer_before(prev: Option<char>) -> bool {
    match prev {
        Some(c) => {
            matches!(classify(c), CharClass::Letter | CharClass::Digit | CharClass::Ellipsis)
                || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '%')
        }
        None => false,
    }
}

#[inline]
fn is_line_end(c: Option<char>) -> bool {
    c.map_or(true, is_line_break)
}

#[inline]
fn is_letter(c: Option<char>) -> bool {
    matches!(c.map(classify), Some(CharClass::Letter))
}

/// Whether a candidate's byte sequence starts at `bytes[i]`; returns its length.
#[inline]
pub(crate) fn candidate_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i] {
        b'"' | b'\'' => Some(1),
        0xC2 => matches!(bytes.get(i + 1), Some(0xAB | 0xBB)).then_some(2),
        0xE2 => (bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x98..=0x9F | 0xB9 | 0xBA)))
            .then_some(3),
        0xEF => (bytes.get(i + 1) == Some(&0xBC) && bytes.get(i + 2) == Some(&0x82)).then_some(3),
        _ => None,
    }
}

impl Pairing {
    /// Pairs the marks of `text` from byte `from` on (no candidate lies before `from`).
    pub(crate) fn new(text: &str, from: usize, single_quotes: bool) -> Pairing {
        let bytes = text.as_bytes();
        // Candidates with their neighbours.
        let mut cands: Vec<Cand> = Vec::new();
        let hay = &bytes[from..];
        let mut a = memchr::memchr3_iter(b'"', b'\'', 0xE2, hay).map(|k| k + from).peekable();
        let mut b = memchr::memchr2_iter(0xC2, 0xEF, hay).map(|k| k + from).peekable();
        let mut next_start = || match (a.peek(), b.peek()) {
            (Some(&x), Some(&y)) if y < x => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        let mut skip_to = from;
        while let Some(i) = next_start() {
            if i < skip_to {
                continue;
            }
            let Some(len) = candidate_len(bytes, i) else {
                continue;
            };
            // The common case first: an apostrophe between ASCII letters (l’an, d’abord).
            if len == 3
                && bytes[i + 2] == 0x99
                && i > 0
                && bytes[i - 1].is_ascii_alphabetic()
                && (bytes.get(i + 3).is_some_and(u8::is_ascii_alphabetic)
                    || (bytes.get(i + 3) == Some(&0xC3) && !matches!(bytes.get(i + 4), Some(0x97 | 0xB7))))
            {
                skip_to = i + 3;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            let prev = text[..i].chars().next_back();
            let next = text[i + len..].chars().next();
            let kind = if is_apostrophe(c) && is_letter(prev) && is_letter(next) {
                Kind::None
            } else {
                match c {
                    '«' | '‹' => Kind::Open,
                    '„' => Kind::OpenLow,
                    '“' => Kind::OpenCurly,
                    '»' | '›' | '”' => Kind::Close,
                    '"' | '＂' | '‟' => Kind::Straight,
                    '‘' | '‚' => Kind::SingleOpen,
                    '’' => Kind::SingleClose,
                    '\'' if single_quotes => {
                        let opener_before = is_ws(prev)
                            || prev.is_some_and(|p| quote_mark(p).is_some() || matches!(p, '(' | '[' | '{'));
                        let word_after = matches!(next.map(classify), Some(CharClass::Letter | CharClass::Digit));
                        let closer_after = is_ws(next)
                            || next.is_some_and(|n| {
                                quote_mark(n).is_some()
                                    || matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | '…' | ')' | ']' | '}')
                            });
                        if opener_before && word_after {
                            Kind::SingleOpen
                        } else if closer_before(prev) && closer_after {
                            Kind::SingleClose
                        } else {
                            Kind::None
                        }
                    }
                    _ => Kind::None,
                }
            };
            cands.push(Cand { pos: i, len: len as u8, kind });
            skip_to = i + len;
        }
        // Single marks pair on one line, innermost first.
        let mut pending: Vec<usize> = Vec::new();
        for k in 0..cands.len() {
            if k > 0 && !pending.is_empty() && text[cands[k - 1].pos..cands[k].pos].chars().any(is_line_break) {
                for p in pending.drain(..) {
                    cands[p].kind = Kind::None;
                }
            }
            match cands[k].kind {
                Kind::SingleOpen => pending.push(k),
                Kind::SingleClose if pending.pop().is_none() => cands[k].kind = Kind::None,
                _ => {}
            }
        }
        for p in pending {
            cands[p].kind = Kind::None;
        }
        // Directions and levels.
        let mut stack: Vec<Fam> = Vec::new();
        let mut last_open_end = usize::MAX;
        let depth = |s: &Vec<Fam>| s.len().min(u8::MAX as usize) as u8;
        // Collected in place: the roles reuse the candidates' memory.
        let marks: Vec<(usize, Role)> = cands
            .into_iter()
            .map(|Cand { pos, len, kind }| {
                let len = usize::from(len);
                let open = |stack: &mut Vec<Fam>, f: Fam| {
                    let d = depth(stack);
                    stack.push(f);
                    Role::Open(d)
                };
                let close = |stack: &mut Vec<Fam>| {
                    stack.pop();
                    Role::Close(depth(stack))
                };
                let role = match kind {
                    Kind::None => Role::None,
                    Kind::Open => open(&mut stack, Fam::Double),
                    Kind::OpenLow => open(&mut stack, Fam::Low),
                    Kind::OpenCurly if stack.last() == Some(&Fam::Low) => close(&mut stack),
                    Kind::OpenCurly => open(&mut stack, Fam::Double),
                    Kind::Close | Kind::SingleClose => close(&mut stack),
                    Kind::SingleOpen => open(&mut stack, Fam::Single),
                    Kind::Straight => {
                        let prev = text[..pos].chars().next_back();
                        let next = text[pos + len..].chars().next();
                        let punct_next =
                            matches!(next, Some(',' | '.' | ';' | ':' | '!' | '?' | '…' | ')' | ']' | '}'));
                        let open_ctx = !is_ws(next)
                            && !punct_next
                            && (is_ws(prev) || last_open_end == pos || matches!(prev, Some('(' | '[' | '{')));
                        let close_ctx = punct_next
                            || (!is_ws(prev) && (is_ws(next) || next.is_some_and(|n| quote_mark(n).is_some())));
                        // At a line end it closes; otherwise by context; when the context says
                        // both or neither, it closes an open double quote and opens otherwise.
                        let closes = (is_line_end(next) && !stack.is_empty())
                            || (close_ctx && !open_ctx)
                            || (open_ctx == close_ctx
                                && matches!(stack.last(), Some(Fam::Straight | Fam::Double | Fam::Low)));
                        if closes {
                            close(&mut stack)
                        } else {
                            open(&mut stack, Fam::Straight)
                        }
                    }
                };
                if matches!(role, Role::Open(_)) {
                    last_open_end = pos + len;
                }
                (pos, role)
            })
            .collect();
        Pairing { marks, cursor: 0 }
    }

    /// The role of the candidate at byte `pos`, if `pos` holds one. Positions must be asked in
    /// increasing order (asking the same position twice is fine).
    #[inline]
    pub(crate) fn role_at(&mut self, pos: usize) -> Option<Role> {
        while self.cursor < self.marks.len() && self.marks[self.cursor].0 < pos {
            self.cursor += 1;
        }
        match self.marks.get(self.cursor) {
            Some(&(p, r)) if p == pos => Some(r),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<Role> {
        Pairing::new(text, 0, true).marks.iter().map(|m| m.1).collect()
    }

    use Role::{Close as C, None as N, Open as O};

    // (text, roles of its candidate marks in order) — each row names the rule it pins.
    const CASES: &[(&str, &[Role])] = &[
        ("« Oui »", &[O(0), C(0)]),                          // guillemets
        ("\"Non\", dit-il.", &[O(0), C(0)]),                 // straight quotes from context
        ("des \" failles \" ici", &[O(0), C(0)]),            // padded straight quotes alternate
        ("« le mot ‹ fin › »", &[O(0), O(1), C(1), C(0)]),   // nested single guillemets
        ("« il a dit \"non\" »", &[O(0), O(1), C(1), C(0)]), // straight inside guillemets
        ("„Ja“", &[O(0), C(0)]),                             // German low-high pair
        ("l'accord d’Oslo", &[N]),                           // apostrophes between letters (’ skipped early)
        ("promet 'un dialogue'", &[O(0), C(0)]),             // straight single quotes paired
        ("les 'bleus\net 'blancs", &[N, N]),                 // unpaired single openers
        ("‘a ‘b’ c’", &[O(0), O(1), C(1), C(0)]),            // nested single quotes pair innermost first
        ("‘Non’, a-t-il dit", &[O(0), C(0)]),                // curly single quotes
        ("» seul", &[C(0)]),                                 // stray closer stays a closer
    ];

    #[test]
    fn pairing_table() {
        for &(text, want) in CASES {
            assert_eq!(roles(text), want, "pairing {text:?}");
        }
    }
}
