//! Mojibake repair: UTF-8 bytes that were decoded as Windows-1252 (or Latin-1), once or twice,
//! turn `é` into `Ã©` and `’` into `â€™`. This module finds such sequences and decodes them
//! back, only where the repair is unambiguous, and never changes correct text.
//!
//! A *unit* is a lead character whose Windows-1252 byte starts a UTF-8 sequence (`Â` … `ô`)
//! followed by the right number of characters whose bytes are UTF-8 continuation bytes
//! (`€`, `™`, `©`, U+00A0 …). A unit is repaired only when those bytes are valid UTF-8 and
//! decode to a character that French text plausibly holds (Latin-1 letters and signs, `œ`,
//! typographic punctuation, `€`): `É»` decodes to U+027B and is left alone. Doubly encoded text
//! (`ÃƒÂ©`) decodes to units again and is decoded a second time.
//!
//! One ambiguous pattern is accepted with evidence: `Ã` followed by an ordinary space is `à`
//! whose second byte (0xA0, a no-break space) a scraper turned into a space. It is repaired when
//! the space is followed by another space or punctuation (`Ã  Marseille`), or when the same text
//! holds other, unambiguous mojibake.

use super::classes::{is_line_break, is_space};
use super::offsets::{OffsetMap, OffsetMapBuilder};
use crate::Span;

/// The byte a Windows-1252 or Latin-1 decoder turned into `c`, for bytes 0x80–0xFF.
fn high_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// Whether a decoded character is one French text plausibly holds.
fn plausible(c: char) -> bool {
    c != '\u{AD}'
        && matches!(c,
        '\u{A0}'..='\u{FF}'
        | 'Œ' | 'œ' | 'Š' | 'š' | 'Ÿ' | 'Ž' | 'ž' | 'ƒ' | 'ˆ' | '˜'
        | '\u{2010}'..='\u{2027}'
        | '\u{202F}'..='\u{2044}'
        | '€' | '™' | '\u{2212}')
}

/// Whether appending `g` to a text ending with `tail` would let repair decode something that
/// includes `g` (directly, `Ã` + `«`, or through a second level, `Ã` + `Â` + `’`). The typeset
/// form never writes such a glyph there.
pub(crate) fn completes_unit(tail: &str, g: char) -> bool {
    if !is_continuation(g) {
        return false;
    }
    let mut pieces: Vec<Piece> = Vec::with_capacity(8);
    let start = tail.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
    for (i, c) in tail[start..].char_indices() {
        pieces.push(Piece { c, start: i, end: i + c.len_utf8(), decoded: false });
    }
    let at = tail.len() - start;
    pieces.push(Piece { c: g, start: at, end: at + g.len_utf8(), decoded: false });
    decode_all(pieces, A0::Never).last().is_some_and(|p| p.decoded)
}

/// Whether `c` may start a mojibake unit: its byte is a UTF-8 lead byte.
pub(crate) fn is_lead(c: char) -> bool {
    ('\u{C2}'..='\u{F4}').contains(&c)
}

/// Whether `c`'s byte is a UTF-8 continuation byte.
pub(crate) fn is_continuation(c: char) -> bool {
    c != '\u{85}' && matches!(high_byte(c), Some(0x80..=0xBF))
}

/// One decoded character and the original bytes it came from.
#[derive(Clone, Copy, Debug)]
struct Piece {
    c: char,
    start: usize,
    end: usize,
    /// Whether the piece was decoded (as opposed to kept as it was).
    decoded: bool,
}

/// Tries to decode one unit of `chars` starting at `k`. Returns the decoded character and the
/// number of pieces used.
fn unit(chars: &[Piece], k: usize) -> Option<(char, usize)> {
    let lead = chars.get(k)?.c;
    if !is_lead(lead) {
        return None;
    }
    let b0 = lead as u32 as u8;
    let need = match b0 {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let mut buf = [b0, 0, 0, 0];
    for (n, slot) in buf.iter_mut().enumerate().take(need).skip(1) {
        let c = chars.get(k + n)?.c;
        // U+0085 (NEL, Latin-1's reading of byte 0x85) is a line break: lines are never joined.
        if c == '\u{85}' {
            return None;
        }
        *slot = match high_byte(c) {
            Some(b @ 0x80..=0xBF) => b,
            _ => return None,
        };
    }
    let s = std::str::from_utf8(&buf[..need]).ok()?;
    let d = s.chars().next()?;
    Some((d, need))
}

/// How the ambiguous `Ã` + space is treated in a round.
#[derive(Clone, Copy, PartialEq, Eq)]
enum A0 {
    /// Never repaired.
    Never,
    /// Repaired only when another space or punctuation follows (the space stood for 0xA0).
    BeforeSpace,
    /// Repaired whenever the text holds other mojibake.
    Always,
}

/// One decoding round over `pieces`; returns the new pieces and whether anything changed.
fn round(pieces: &[Piece], a0: A0, accept: impl Fn(char) -> bool) -> (Vec<Piece>, bool) {
    let mut out = Vec::with_capacity(pieces.len());
    let mut changed = false;
    let mut k = 0;
    while k < pieces.len() {
        if let Some((d, n)) = unit(pieces, k) {
            if accept(d) {
                out.push(Piece { c: d, start: pieces[k].start, end: pieces[k + n - 1].end, decoded: true });
                changed = true;
                k += n;
                continue;
            }
        }
        let p = pieces[k];
        if a0 != A0::Never && p.c == 'Ã' && pieces.get(k + 1).is_some_and(|p| is_space(p.c)) {
            let after = pieces.get(k + 2).map(|p| p.c);
            let spaced = after.map_or(true, |c| {
                is_space(c) || is_line_break(c) || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '…')
            });
            if spaced {
                // The space was the lost 0xA0 byte: `Ã ` + space is `à` + space.
                out.push(Piece { c: 'à', start: p.start, end: pieces[k + 1].end, decoded: true });
                changed = true;
                k += 2;
                continue;
            }
            if a0 == A0::Always {
                // Spaces were collapsed too: keep the space as the word separator.
                out.push(Piece { c: 'à', start: p.start, end: p.end, decoded: true });
                changed = true;
                k += 1;
                continue;
            }
        }
        out.push(p);
        k += 1;
    }
    (out, changed)
}

/// Both rounds: the first accepts characters a second round may decode further (C1 controls);
/// whatever is left undecodable after the second goes back to the pieces it came from.
fn decode(pieces: &[Piece], a0: A0) -> Vec<Piece> {
    let first_accept = |d: char| plausible(d) || ('\u{80}'..='\u{9F}').contains(&d);
    let (pieces1, changed) = round(pieces, a0, first_accept);
    if !changed {
        return pieces1;
    }
    let (pieces2, _) = round(&pieces1, A0::Never, plausible);
    let mut out = Vec::with_capacity(pieces2.len());
    for p in pieces2 {
        if p.decoded && !plausible(p.c) {
            let from = pieces.partition_point(|q| q.start < p.start);
            out.extend(pieces[from..].iter().take_while(|q| q.end <= p.end).copied());
        } else {
            out.push(p);
        }
    }
    out
}

/// Decodes until nothing changes: repairing one unit may complete another with its neighbour
/// (`ÃÅâ€™` → `ÃÅ’` → `ÃŒ` → `Ì`). Real text needs two or three rounds; the cap keeps a
/// crafted chain (`ÂÂÂ…Â«`, one unit per round) linear in time.
fn decode_all(pieces: Vec<Piece>, a0: A0) -> Vec<Piece> {
    const MAX_ROUNDS: usize = 16;
    let mut cur = pieces;
    for _ in 0..MAX_ROUNDS {
        let next = decode(&cur, a0);
        if next.len() == cur.len() {
            return cur;
        }
        cur = next;
    }
    cur
}

/// Whether `text` may hold mojibake: a lead character followed by a continuation character,
/// or `Ã` followed by a space.
pub(crate) fn may_hold_mojibake(text: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev {
            if is_lead(p) && (is_continuation(c) || (p == 'Ã' && is_space(c))) {
                return true;
            }
        }
        prev = Some(c);
    }
    false
}

/// Repairs mojibake in `text`. Returns `None` when there is nothing to repair; otherwise the
/// repaired text, its map back to `text`, and the spans of `text` that were repaired.
pub(crate) fn repair(text: &str) -> Option<(String, OffsetMap, Vec<Span>)> {
    if !may_hold_mojibake(text) {
        return None;
    }
    // Only the stretches made of characters a Windows-1252 decoder produces matter; the pieces
    // are built over the whole text for simplicity (this path is rare).
    let pieces: Vec<Piece> =
        text.char_indices().map(|(i, c)| Piece { c, start: i, end: i + c.len_utf8(), decoded: false }).collect();
    // Evidence: unambiguous units (without the `Ã ` pattern) that decode to French characters.
    let evidence = decode(&pieces, A0::Never).iter().any(|p| p.decoded);
    let pieces2 = decode_all(pieces, if evidence { A0::Always } else { A0::BeforeSpace });
    let mut out = String::with_capacity(text.len());
    let mut b = OffsetMapBuilder::with_capacity(16);
    let mut repairs: Vec<Span> = Vec::new();
    let mut at = 0;
    for p in &pieces2 {
        if p.decoded && plausible(p.c) {
            out.push(p.c);
            b.replace(p.end - p.start, p.c.len_utf8());
            match repairs.last_mut() {
                Some(last) if last.end == p.start => last.end = p.end,
                _ => repairs.push(Span::new(p.start, p.end)),
            }
        } else {
            // Undecodable leftovers (a control character from a lone first round) stay as they were.
            out.push_str(&text[p.start..p.end]);
            b.copy(p.end - p.start);
        }
        at = p.end;
    }
    debug_assert_eq!(at, text.len());
    if repairs.is_empty() {
        return None;
    }
    Some((out, b.finish(), repairs))
}

#[cfg(test)]
mod tests {
    use super::*;

    // (input, repaired) — each row names the rule it pins.
    const CASES: &[(&str, &str)] = &[
        ("La prÃ©fÃ¨te", "La préfète"), // UTF-8 read as Windows-1252, two-byte letters
        ("lâ€™Ã‰lysÃ©e", "l’Élysée"),   // three-byte apostrophe, capital É (0x89 is ‰)
        ("Â«Â\u{A0}OuiÂ\u{A0}Â»", "«\u{A0}Oui\u{A0}»"), // guillemets and no-break spaces
        ("le cÅ“ur", "le cœur"),        // œ through Windows-1252 “ (0x93)
        ("5Â°C et 10â‚¬", "5°C et 10€"), // degree sign and euro
        ("ÃƒÂ©tÃƒÂ©", "été"),           // doubly encoded
        ("voilÃ  tout", "voilà tout"),  // `Ã ` + space: NBSP byte lost, space follows
        ("Ã  Lyon, lâ€™accord", "à Lyon, l’accord"), // `Ã ` accepted with other evidence
        ("SÃO PAULO", "SÃO PAULO"),     // correct Portuguese capital kept
        ("ÉTÉ»", "ÉTÉ»"),               // É + » decodes to U+027B: not French, kept
        ("Le café «noir»", "Le café «noir»"), // correct text untouched
        ("CHÂTEAU", "CHÂTEAU"),         // Â before a letter is correct
    ];

    #[test]
    fn repair_table() {
        for &(input, want) in CASES {
            let got = repair(input).map(|r| r.0).unwrap_or_else(|| input.to_string());
            assert_eq!(got, want, "repair({input:?})");
        }
    }

    #[test]
    fn repaired_spans_and_map() {
        let text = "rÃ©union";
        let (out, map, repairs) = repair(text).unwrap();
        assert_eq!(out, "réunion");
        assert_eq!(repairs, vec![Span::new(1, 5)]);
        assert_eq!(map.to_original(Span::new(1, 3)), Span::new(1, 5));
        assert_eq!(map.to_original(Span::new(3, 8)), Span::new(5, 10));
    }
}
