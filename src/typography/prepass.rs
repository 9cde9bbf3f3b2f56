//! The steps both forms share before any space or quote rule: mojibake repair, line breaks,
//! invisible characters, NFC and presentation ligatures.

use super::classes::is_invisible;
use super::mojibake;
use super::offsets::{OffsetMap, OffsetMapBuilder};
use crate::Span;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Whether `c` is left alone by NFC (whatever surrounds it).
#[inline]
fn is_nfc_stable(c: char) -> bool {
    if c < '\u{300}' || ('\u{2002}'..='\u{20CF}').contains(&c) {
        return true;
    }
    unicode_normalization::char::canonical_combining_class(c) == 0
        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Whether `c` starts a new NFC piece: a starter that is not the second half of a composition
/// and does not decompose into marks, so that nothing before it can combine with it or reorder
/// past it. (U+0F73 has class 0 but decomposes into two marks that reorder with the marks
/// before it.)
#[inline]
fn is_nfc_starter(c: char) -> bool {
    if is_nfc_stable(c) {
        return true;
    }
    use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
    if canonical_combining_class(c) != 0 || is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe {
        return false;
    }
    // A singleton such as U+2000 (to U+2002) starts a piece; U+0F73 (to two marks) does not.
    let mut first = None;
    decompose_canonical(c, |d| {
        first.get_or_insert(d);
    });
    first.is_some_and(|d| canonical_combining_class(d) == 0)
}

/// The letters of a presentation ligature U+FB00–U+FB06.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

/// Whether `c` needs the pre-pass (other than as part of mojibake).
#[inline]
fn needs_prepass_char(c: char) -> bool {
    c == '\r' || is_invisible(c) || ligature(c).is_some() || !is_nfc_stable(c)
}

/// Whether the pre-pass would change `text`: a cheap scan, no allocation.
pub(crate) fn needs_prepass(text: &str) -> bool {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        // Eight ASCII bytes at a time: no high bit set and no CR among them.
        while i + 8 <= n {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[i..i + 8]);
            let w = u64::from_le_bytes(w);
            let cr = w ^ 0x0D0D_0D0D_0D0D_0D0D;
            let has_cr = cr.wrapping_sub(0x0101_0101_0101_0101) & !cr & 0x8080_8080_8080_8080;
            if (w & 0x8080_8080_8080_8080) | has_cr != 0 {
                break;
            }
            i += 8;
        }
        if i >= n {
            break;
        }
        let b = bytes[i];
        if b < 0x80 {
            if b == b'\r' {
                return true;
            }
            i += 1;
            continue;
        }
        match b {
            // U+00C0–U+00FF: Latin-1 letters, and the leads of most mojibake (`Ã©`, `â€™`).
            0xC3 => {
                let second = bytes.get(i + 1).copied().unwrap_or(0);
                let next = bytes.get(i + 2).copied().unwrap_or(0);
                if (0x82..=0xB4).contains(&second) && next >= 0x80 {
                    if slow_check(text, i) {
                        return true;
                    }
                } else if second == 0x83 && matches!(next, b' ' | b'\t') {
                    return true;
                }
                i += 2;
            }
            // U+0080–U+00BF: only the soft hyphen matters.
            0xC2 => {
                if bytes.get(i + 1) == Some(&0xAD) {
                    return true;
                }
                i += 2;
            }
            // U+0100–U+02FF: letters and modifiers, all stable.
            0xC4..=0xCB => i += 2,
            _ => {
                if !stable_punctuation(bytes, i) && slow_check(text, i) {
                    return true;
                }
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    false
}

/// Whether the character at byte `i` (a character boundary) needs the pre-pass: CR, invisible,
/// ligature, not NFC-stable, or a mojibake lead followed by a continuation character.
pub(crate) fn needs_prepass_at(text: &str, i: usize) -> bool {
    if text.as_bytes().get(i) == Some(&b'\r') {
        return true;
    }
    if stable_punctuation(text.as_bytes(), i) {
        return false;
    }
    slow_check(text, i)
}

/// Whether bytes `i..` begin one of the typographic characters of French copy that never need
/// the pre-pass: U+2010–U+201F (dashes, ‘ ’ “ ” „), `…`, the narrow no-break space, `‹ ›`
/// (all `E2 80 xx`), and U+00A0–U+00BF but the soft hyphen (the no-break space, `« » °`, all
/// `C2 xx`). News text has one every few dozen bytes; answering here spares the decoding and
/// the table look-ups of [`slow_check`], which gives the same answer for them (tested).
#[inline]
fn stable_punctuation(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(0xE2) => {
            bytes.get(i + 1) == Some(&0x80)
                && bytes.get(i + 2).is_some_and(|&b| matches!(b, 0x90..=0x9F | 0xA6 | 0xAF | 0xB9 | 0xBA))
        }
        Some(0xC2) => bytes.get(i + 1).is_some_and(|&b| b >= 0xA0 && b != 0xAD),
        _ => false,
    }
}

/// The full check of the character at `i`: pre-pass characters and mojibake leads.
#[cold]
fn slow_check(text: &str, i: usize) -> bool {
    let Some(c) = text[i..].chars().next() else { return false };
    if needs_prepass_char(c) {
        return true;
    }
    if mojibake::is_lead(c) {
        if let Some(n) = text[i + c.len_utf8()..].chars().next() {
            return mojibake::is_continuation(n) || (c == 'Ã' && super::classes::is_space(n));
        }
    }
    false
}

/// The result of the pre-pass: the text the space and quote rules work on, its map back to the
/// original, and the spans of the original where mojibake was repaired.
pub(crate) struct Prepared {
    pub(crate) text: String,
    pub(crate) map: OffsetMap,
    pub(crate) repairs: Vec<Span>,
}

/// Runs the pre-pass on `text` (call only when [`needs_prepass`] says so).
///
/// Line breaks, invisibles, ligatures and NFC are handled first so that mojibake split by an
/// invisible character or a decomposed accent is still seen whole, then mojibake is repaired,
/// then NFC runs again over the repaired text (a repaired letter may take a combining mark).
pub(crate) fn prepare(text: &str) -> Prepared {
    let (s1, map1) = clean(text);
    let Some((s2, map2, repairs2)) = mojibake::repair(&s1) else {
        return Prepared { text: s1, map: map1, repairs: Vec::new() };
    };
    let map12 = map2.compose(&map1);
    let repairs = repairs2.iter().map(|&r| map1.to_original(r)).collect();
    if !needs_prepass(&s2) {
        return Prepared { text: s2, map: map12, repairs };
    }
    let (s3, map3) = clean(&s2);
    Prepared { text: s3, map: map3.compose(&map12), repairs }
}

/// Line breaks, invisible characters, ligatures and NFC, piece by piece (a piece is a starter
/// and the characters that may combine with it).
fn clean(text: &str) -> (String, OffsetMap) {
    let mut out = String::with_capacity(text.len());
    let mut b = OffsetMapBuilder::with_capacity(16);
    let mut iter = text.char_indices().peekable();
    let mut piece = String::new();
    while let Some((start, c)) = iter.next() {
        let mut end = start + c.len_utf8();
        // Extend the piece over following characters that are not starters (invisibles are
        // transparent: `e\u{AD}\u{301}` is `é`).
        let mut simple = !needs_prepass_char(c);
        while let Some(&(j, n)) = iter.peek() {
            if is_nfc_starter(n) && !is_invisible(n) {
                break;
            }
            simple = false;
            end = j + n.len_utf8();
            iter.next();
        }
        if simple {
            b.copy(end - start);
            out.push_str(&text[start..end]);
            continue;
        }
        piece.clear();
        let src = &text[start..end];
        let mut chars = src.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch == '\r' {
                let crlf = chars.peek() == Some(&'\n') || (chars.peek().is_none() && text[end..].starts_with('\n'));
                if !crlf {
                    piece.push('\n');
                }
            } else if is_invisible(ch) {
            } else if let Some(l) = ligature(ch) {
                piece.push_str(l);
            } else {
                piece.push(ch);
            }
        }
        let before = out.len();
        out.extend(piece.nfc());
        let written = &out[before..];
        if written == src {
            b.copy(src.len());
            continue;
        }
        // Keep what did not change at either end aligned (`\u{2000}` + mark: only the space
        // changed), so that a span starting at the mark maps to the mark alone.
        let prefix: usize =
            written.chars().zip(src.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
        let suffix: usize = written[prefix..]
            .chars()
            .rev()
            .zip(src[prefix..].chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        b.copy(prefix);
        b.replace(src.len() - prefix - suffix, written.len() - prefix - suffix);
        b.copy(suffix);
    }
    (out, b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    // (input, prepared) — each row names the rule it pins.
    const CASES: &[(&str, &str)] = &[
        ("Un\r\nDeux\rTrois", "Un\nDeux\nTrois"), // CRLF and CR become LF
        ("Cre\u{301}teil", "Créteil"),            // NFC composes a decomposed accent
        ("e\u{AD}\u{301}", "é"),                  // invisibles are deleted before NFC
        ("l\u{2019}\u{FEFF}or", "l\u{2019}or"),   // byte-order mark deleted
        ("ﬂeuve et ﬀ", "fleuve et ff"),           // presentation ligatures spelled out
        ("cœur\u{200B}", "cœur"),                 // œ stays a letter; zero-width space deleted
        ("\u{200E}Gaza\u{200F}", "Gaza"),         // direction marks deleted
        ("dÃ©jÃ  vu\u{AD}", "déjà vu"),           // mojibake repaired first, then soft hyphen
    ];

    #[test]
    fn stable_punctuation_agrees_with_the_full_check() {
        // Every `E2 80 xx` and `C2 xx` character: the fast answer, where it answers, is the
        // full one.
        for c in ('\u{2000}'..='\u{203F}').chain('\u{80}'..='\u{BF}') {
            let s = format!("{c}x");
            if stable_punctuation(s.as_bytes(), 0) {
                assert!(!slow_check(&s, 0), "U+{:04X} needs the pre-pass", c as u32);
            }
        }
        for c in ['‐', '–', '—', '‘', '’', '“', '”', '„', '…', '\u{202F}', '‹', '›', '\u{A0}', '«', '»', '°']
        {
            assert!(stable_punctuation(c.to_string().as_bytes(), 0), "U+{:04X} not on the fast path", c as u32);
        }
        // Invisibles of the same block are not on it.
        for c in ['\u{200B}', '\u{200E}', '\u{2028}', '\u{202A}', '\u{AD}', '\u{85}'] {
            assert!(!stable_punctuation(c.to_string().as_bytes(), 0));
        }
    }

    #[test]
    fn prepass_table() {
        for &(input, want) in CASES {
            assert!(needs_prepass(input), "needs_prepass({input:?})");
            let got = prepare(input);
            assert_eq!(got.text, want, "prepare({input:?})");
            assert_eq!(got.map.original_len(), input.len());
            assert_eq!(got.map.output_len(), want.len());
        }
        assert!(!needs_prepass("Le préfet a parlé à 18 h."));
    }
}
