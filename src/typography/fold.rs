//! Folded lookup keys: lowercase, accents removed, apostrophes, quotes, hyphens and spaces
//! unified, with an [`OffsetMap`] back to the original text.

use super::classes::{is_apostrophe, is_dash, is_invisible, is_space, quote_mark};
use super::offsets::{OffsetMap, OffsetMapBuilder};

/// A folded text and the map from its offsets back to the original.
///
/// ```
/// let f = depeche::typography::fold("Île-de-France");
/// assert_eq!(f.as_str(), "ile de france");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    text: String,
    map: OffsetMap,
}

impl Folded {
    /// The folded text.
    ///
    /// ```
    /// assert_eq!(depeche::typography::fold("Kremlin").as_str(), "kremlin");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The offset map back to the original text.
    ///
    /// ```
    /// use depeche::{typography::fold, Span};
    /// let f = fold("à l’Élysée");
    /// assert_eq!(f.as_str(), "a l'elysee");
    /// assert_eq!(f.map().to_original(Span::new(2, 10)), Span::new(3, 15));
    /// ```
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// The folded text and its map.
    ///
    /// ```
    /// let (key, map) = depeche::typography::fold("Œuvre").into_parts();
    /// assert_eq!(key, "oeuvre");
    /// assert_eq!(map.original_len(), 6);
    /// ```
    pub fn into_parts(self) -> (String, OffsetMap) {
        (self.text, self.map)
    }
}

/// The folded lookup key of `text`: the form the gazetteer and the lexicons match on.
///
/// Rules, in order, per character:
/// - invisible characters (soft hyphen, zero-width space, …) are deleted;
/// - every space (any kind, and tabs) and every dash or hyphen becomes one ASCII space, and runs
///   of them collapse to one (`Etats-Unis` = `Etats Unis`); line breaks are kept;
/// - every apostrophe (`’ ʼ ´ ‘ '`) becomes `'`, every other quotation mark `"`;
/// - letters are lowercased and stripped of accents (`É` → `e`), `œ` → `oe`, `æ` → `ae`,
///   `ß` → `ss`, ligatures U+FB00–U+FB06 are spelled out; `…` becomes `...`.
///
/// ```
/// use depeche::typography::fold;
///
/// assert_eq!(fold("ÉTATS-UNIS").as_str(), "etats unis");
/// assert_eq!(fold("Etats\u{A0}Unis").as_str(), "etats unis");
/// assert_eq!(fold("l’Élysée").as_str(), "l'elysee");
/// assert_eq!(fold("Œuvre").as_str(), "oeuvre");
/// ```
///
/// # Performance
///
/// ASCII text is folded a byte at a time with no allocation beyond the output; the map grows
/// only where the byte length of a character changes (accents, typographic marks).
pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    // Sized once: French copy has an accented letter (two segments) every 20 bytes or so, and
    // growing a large map by doubling costs page faults on every call.
    let mut b = OffsetMapBuilder::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut i = 0;
    // Whether the last thing written was a (collapsible) space.
    let mut in_space = false;
    while i < bytes.len() {
        let c = bytes[i];
        if c < 0x80 {
            match c {
                b' ' | b'\t' | b'-' => {
                    if in_space {
                        b.replace(1, 0);
                    } else {
                        out.push(' ');
                        b.copy(1);
                        in_space = true;
                    }
                }
                b'`' => {
                    out.push('\'');
                    b.copy(1);
                    in_space = false;
                }
                _ => {
                    out.push(c.to_ascii_lowercase() as char);
                    b.copy(1);
                    in_space = false;
                }
            }
            i += 1;
            continue;
        }
        let ch = match text[i..].chars().next() {
            Some(ch) => ch,
            None => break,
        };
        let len = ch.len_utf8();
        let before = out.len();
        if is_invisible(ch) {
            b.replace(len, 0);
            i += len;
            continue;
        }
        if is_space(ch) || is_dash(ch) {
            if in_space {
                b.replace(len, 0);
            } else {
                out.push(' ');
                b.replace(len, 1);
                in_space = true;
            }
            i += len;
            continue;
        }
        in_space = false;
        if is_apostrophe(ch) {
            out.push('\'');
        } else if quote_mark(ch).is_some() {
            out.push('"');
        } else {
            push_folded_char(ch, &mut out);
        }
        let written = out.len() - before;
        if written == len && out.as_bytes()[before..] == bytes[i..i + len] {
            b.copy(len);
        } else {
            b.replace(len, written);
        }
        i += len;
    }
    Folded { text: out, map: b.finish() }
}

/// Appends the folded form of one non-space, non-quote character.
fn push_folded_char(ch: char, out: &mut String) {
    match ch {
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' | 'ẞ' => out.push_str("ss"),
        '\u{FB00}' => out.push_str("ff"),
        '\u{FB01}' => out.push_str("fi"),
        '\u{FB02}' => out.push_str("fl"),
        '\u{FB03}' => out.push_str("ffi"),
        '\u{FB04}' => out.push_str("ffl"),
        '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
        '…' => out.push_str("..."),
        _ => {
            if unicode_normalization::char::is_combining_mark(ch) {
                return;
            }
            unicode_normalization::char::decompose_canonical(ch, |d| {
                if !unicode_normalization::char::is_combining_mark(d) {
                    for l in d.to_lowercase() {
                        if !unicode_normalization::char::is_combining_mark(l) {
                            out.push(l);
                        }
                    }
                }
            });
        }
    }
}

/// The folded key of a short string (an alias, a lexicon entry), without its offset map.
///
/// ```
/// assert_eq!(depeche::typography::fold_key("Quai d’Orsay"), "quai d'orsay");
/// ```
pub fn fold_key(text: &str) -> String {
    let f = fold(text);
    f.text.trim_matches(' ').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    // (input, folded) — each row names the rule it pins.
    const CASES: &[(&str, &str)] = &[
        ("Poutine", "poutine"),                     // lowercase
        ("États-Unis", "etats unis"),               // accent removed, hyphen to space
        ("ETATS UNIS", "etats unis"),               // unaccented capitals
        ("Etats\u{A0}-\u{202F}Unis", "etats unis"), // space and dash runs collapse
        ("l’État", "l'etat"),                       // typographic apostrophe
        ("lʼÉtat", "l'etat"),                       // modifier letter apostrophe
        ("Cre\u{301}teil", "creteil"),              // decomposed accent
        ("cœur", "coeur"),                          // oe ligature spelled out
        ("«\u{202F}Non\u{202F}»", "\" non \""),     // quotes unified, spaces kept single
        ("gou\u{AD}vernement", "gouvernement"),     // soft hyphen deleted
        ("Deux\nlignes", "deux\nlignes"),           // line breaks kept
        ("ﬁn", "fin"),                              // presentation ligature
    ];

    #[test]
    fn fold_table() {
        for &(input, want) in CASES {
            assert_eq!(fold(input).as_str(), want, "fold({input:?})");
        }
    }

    #[test]
    fn map_back_to_original() {
        let text = "Le président de l’Égypte";
        let f = fold(text);
        let at = f.as_str().find("l'egypte").unwrap();
        let span = f.map().to_original(Span::new(at, at + "l'egypte".len()));
        assert_eq!(&text[span.range()], "l’Égypte");
        let at = f.as_str().find("president").unwrap();
        let span = f.map().to_original(Span::new(at, at + "president".len()));
        assert_eq!(&text[span.range()], "président");
    }
}
