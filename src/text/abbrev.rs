//! The abbreviation table (`data/abbreviations.tsv`) and the shape rules for initials and dotted
//! acronyms, shared by the tokenizer and the sentence splitter so that both agree on which dots
//! belong to a word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the table's keys are a few bytes long, where SipHash's setup dominates.
#[derive(Debug, Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map = HashMap<&'static str, Entry, BuildHasherDefault<Fnv>>;

#[derive(Debug)]
pub(crate) struct Table {
    map: Map,
    /// The forms that match without a dot, for a linear scan without hashing.
    dotless_forms: Vec<(&'static str, AbbreviationKind)>,
    /// For each first byte, the lengths (bit `len`) of the forms that match without a dot: a
    /// prefilter that spares a hash lookup for almost every word.
    dotless: [u32; 256],
    /// A 4096-bit filter on (first byte, second byte, length) of the dotless forms.
    bloom: [u64; 64],
}

/// How an abbreviation behaves at a possible sentence boundary.
///
/// The built-in table (`src/text/data/abbreviations.tsv`) gives the class of each listed
/// abbreviation; initials and dotted acronyms are recognized by their shape.
///
/// ```
/// use depeche::text::{tokens, AbbreviationKind, TokenKind};
///
/// let text = "M. Dupont cite l’art. 49, etc. et J.-F. Copé.";
/// let kinds: Vec<(&str, AbbreviationKind)> = tokens(text)
///     .filter_map(|t| match t.kind {
///         TokenKind::Abbreviation(k) => Some((t.text(text), k)),
///         _ => None,
///     })
///     .collect();
/// assert_eq!(
///     kinds,
///     [
///         ("M.", AbbreviationKind::Title),
///         ("art.", AbbreviationKind::Prefix),
///         ("etc.", AbbreviationKind::Final),
///         ("J.-F.", AbbreviationKind::Initials),
///     ]
/// );
/// ```
#[derive(Clone, Copy, Debug, Eq, PartialEq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum AbbreviationKind {
    /// Precedes a name (`M.`, `MM.`, `Mme`, `Dr`, `Mgr`): never ends a sentence before a word.
    Title,
    /// Precedes its complement (`art.`, `cf.`, `p.`, `av.`): never ends a sentence before a word.
    Prefix,
    /// Precedes a number (`avr.`, `sept.`, `n°`): ends no sentence before a digit.
    Numeric,
    /// Can end a sentence (`etc.`, `Ltd.`, `J.-C.`): ends it before a capitalized word.
    Final,
    /// Initials and dotted acronyms (`V.`, `J.-F.`, `J.D.`, `U.S.A.`): end no sentence before a
    /// word.
    Initials,
}

#[derive(Debug)]
struct Entry {
    kind: AbbreviationKind,
    /// Whether the form is written with a final dot in the table (then it only matches with it).
    dot: bool,
}

const DATA: &str = include_str!("data/abbreviations.tsv");

pub(crate) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = Map::default();
        let mut dotless = [0u32; 256];
        let mut dotless_forms = Vec::new();
        let mut bloom = [0u64; 64];
        for line in DATA.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(form), Some(class)) = (fields.next(), fields.next()) else { continue };
            let kind = match class {
                "title" => AbbreviationKind::Title,
                "prefix" => AbbreviationKind::Prefix,
                "numeric" => AbbreviationKind::Numeric,
                "final" => AbbreviationKind::Final,
                // The table is part of the crate and checked by a unit test; an unknown class
                // is skipped rather than failing at run time.
                _ => continue,
            };
            let dot = form.ends_with('.');
            if !dot {
                let b = form.as_bytes()[0];
                let bit = 1u32 << form.len().min(31);
                dotless[b as usize] |= bit;
                dotless[b.to_ascii_uppercase() as usize] |= bit;
                dotless_forms.push((form, kind));
                let h = bloom_index(form.as_bytes());
                bloom[h / 64] |= 1 << (h % 64);
            }
            map.insert(form.strip_suffix('.').unwrap_or(form), Entry { kind, dot });
        }
        Table { map, dotless_forms, dotless, bloom }
    })
}

#[inline]
fn bloom_index(w: &[u8]) -> usize {
    let b0 = w.first().copied().unwrap_or(0) as usize;
    let b1 = w.get(1).copied().unwrap_or(0) as usize;
    (b0.wrapping_mul(131) ^ b1.wrapping_mul(31) ^ w.len().wrapping_mul(7919)) % 4096
}

/// Looks `word` (without a final dot) up in the table; `dotted` says whether the text has a dot
/// after it. A lowercase entry also matches the word with its first letter capitalized.
#[inline]
pub(crate) fn lookup(word: &str, dotted: bool) -> Option<AbbreviationKind> {
    if word.is_empty() || word.len() > 12 {
        return None;
    }
    let table = table();
    if !dotted && table.dotless[word.as_bytes()[0] as usize] & (1u32 << word.len().min(31)) == 0 {
        return None;
    }
    lookup_in(table, word, dotted)
}

/// [`lookup`] of a word without a dot, with the table already at hand (the tokenizer keeps it).
#[inline]
pub(crate) fn lookup_dotless(table: &'static Table, word: &str) -> Option<AbbreviationKind> {
    if word.is_empty() || word.len() > 12 || table.dotless[word.as_bytes()[0] as usize] & (1u32 << word.len()) == 0 {
        return None;
    }
    lookup_in(table, word, false)
}

fn lookup_in(table: &'static Table, word: &str, dotted: bool) -> Option<AbbreviationKind> {
    if !dotted {
        let h = bloom_index(word.as_bytes());
        if table.bloom[h / 64] & (1 << (h % 64)) == 0 {
            return None;
        }
        // Dotless forms are few and capitalized ("Mme", "Dr") or lowercase ("bd"): exact match.
        return table.dotless_forms.iter().find(|(f, _)| *f == word).map(|&(_, k)| k);
    }
    let t = &table.map;
    let hit = |w: &str| t.get(w).filter(|e| dotted || !e.dot).map(|e| e.kind);
    if let Some(k) = hit(word) {
        return Some(k);
    }
    let mut chars = word.chars();
    let first = chars.next()?;
    if !first.is_uppercase() {
        return None;
    }
    let mut buf = [0u8; 32];
    let mut n = 0;
    for l in first.to_lowercase() {
        n += l.encode_utf8(&mut buf[n..]).len();
    }
    let rest = chars.as_str();
    if n + rest.len() > buf.len() {
        return None;
    }
    buf[n..n + rest.len()].copy_from_slice(rest.as_bytes());
    let lowered = core::str::from_utf8(&buf[..n + rest.len()]).ok()?;
    // Only entries that are lowercase in the table match a capitalized word ("Art." at the start
    // of a sentence), never the reverse ("me" is not "Me").
    t.get(lowered).filter(|e| dotted || !e.dot).map(|e| e.kind)
}

/// Whether `s` is a run of initials or a dotted acronym, dots included, final dot excluded:
/// `J`, `J.-F`, `J.D`, `U.S.A`, `LL.AA.II.RR`, `C.L`. Single parts must be one uppercase letter;
/// several parts may have one or two letters each.
pub(crate) fn is_initials(s: &str) -> bool {
    let mut parts = 0usize;
    let mut rest = s;
    loop {
        // One part: one or two letters.
        let mut letters = 0usize;
        let mut upper = true;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            if c.is_alphabetic() {
                letters += 1;
                upper &= c.is_uppercase();
            } else {
                end = i;
                break;
            }
        }
        if letters == 0 || letters > 2 {
            return false;
        }
        parts += 1;
        if parts == 1 && end == rest.len() {
            // A single part is an initial only as one capital letter (`V`); two capitals
            // (`LL`) count only inside a dotted run (`LL.AA.`).
            return letters == 1 && upper;
        }
        if !upper && parts == 1 {
            // Lowercase dotted runs (`a.m`) are left to the table.
            return false;
        }
        rest = &rest[end..];
        if rest.is_empty() {
            return parts >= 2;
        }
        // Separator: "." or ".-".
        rest = match rest.strip_prefix('.') {
            Some(r) => r.strip_prefix('-').unwrap_or(r),
            None => return false,
        };
        if rest.is_empty() {
            return false;
        }
    }
}

/// The kind of abbreviation that `chunk` is, written with a dot after it when `dotted`.
/// `chunk` is a run of letters, dots and hyphens without the final dot.
pub(crate) fn classify_chunk(chunk: &str, dotted: bool) -> Option<AbbreviationKind> {
    if let Some(k) = lookup(chunk, dotted) {
        return Some(k);
    }
    if dotted && is_initials(chunk) {
        return Some(AbbreviationKind::Initials);
    }
    None
}

/// Whether `c` can join the parts of a dotted abbreviation or a hyphenated compound.
#[inline]
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// The abbreviation that ends with the dot at byte `dot` of `text`, if any: the longest run of
/// letters, dots and hyphens before the dot is tried first (`J.-C.`, `U.S.A.`), then its last
/// word (`Faubourg-St.` → `St.`).
pub(crate) fn abbreviation_before_dot(text: &str, dot: usize) -> Option<AbbreviationKind> {
    let before = text.get(..dot)?;
    let mut run_start = dot;
    let mut word_start = dot;
    let mut in_word = true;
    for (i, c) in before.char_indices().rev() {
        if c.is_alphabetic() {
            run_start = i;
            if in_word {
                word_start = i;
            }
        } else if c == '.' || is_hyphen(c) {
            in_word = false;
            if dot - i > 24 {
                break;
            }
        } else {
            break;
        }
        if dot - i > 24 {
            break;
        }
    }
    if word_start == dot {
        return None;
    }
    // The run must start on a letter.
    let run = before.get(run_start..)?;
    let run = run.trim_start_matches(|c: char| c == '.' || is_hyphen(c));
    if let Some(k) = classify_chunk(run, true) {
        return Some(k);
    }
    if run.len() != dot - word_start {
        let word = before.get(word_start..)?;
        // The last word of a hyphenated compound (`Faubourg-St.`) is looked up alone, but a
        // single letter after a hyphen (`Jean-J.`) counts as an initial too.
        if let Some(k) = lookup(word, true) {
            return Some(k);
        }
        if is_initials(word) {
            return Some(AbbreviationKind::Initials);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_every_line() {
        let rows = DATA.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count();
        assert_eq!(table().map.len(), rows, "every row of abbreviations.tsv has a known class and a unique form");
    }

    // (text, byte offset of the dot, expected) — each row names the rule it pins.
    const CASES: &[(&str, &str, Option<AbbreviationKind>)] = &[
        ("M. Macron", "M", Some(AbbreviationKind::Title)), // civility with dot
        ("MM. Dupont", "MM", Some(AbbreviationKind::Title)), // plural civility
        ("le Dr. Martin", "le Dr", Some(AbbreviationKind::Title)), // dotless entry written with a dot
        ("l'art. 49", "l'art", Some(AbbreviationKind::Prefix)), // after an elision
        ("Art. 3", "Art", Some(AbbreviationKind::Prefix)), // capitalized lowercase entry
        ("etc. Les", "etc", Some(AbbreviationKind::Final)), // may end a sentence
        ("av. J.-C. Les", "av. J.-C", Some(AbbreviationKind::Final)), // multi-part table entry
        ("J.-F. Kennedy", "J.-F", Some(AbbreviationKind::Initials)), // hyphenated initials
        ("J.D. Vance", "J.D", Some(AbbreviationKind::Initials)), // two initials
        ("les U.S.A. et", "les U.S.A", Some(AbbreviationKind::Initials)), // dotted acronym
        ("V. Hugo", "V", Some(AbbreviationKind::Initials)), // single initial
        ("rue du Faubourg-St. Honoré", "rue du Faubourg-St", Some(AbbreviationKind::Title)), // last word of a compound
        ("en 1963. Son", "en 1963", None),                 // a number is no abbreviation
        ("l'EI. Daesh", "l'EI", None),                     // two capitals without dots are a word
        ("la mer. Les", "la mer", None),                   // plain word
        ("SOLEUVRE. L'", "SOLEUVRE", None),                // capitalized word
        ("à 9 h. Il", "à 9 h", None),                      // lowercase single letter (unit)
    ];

    #[test]
    fn before_dot() {
        for &(text, prefix, want) in CASES {
            let got = abbreviation_before_dot(text, prefix.len());
            assert_eq!(
                got,
                want,
                "abbreviation_before_dot({text:?}, {}): expected {want:?}, got {got:?}",
                prefix.len()
            );
        }
    }

    #[test]
    fn initials_shapes() {
        for s in ["J", "J.-F", "J.D", "U.S.A", "LL.AA.II.RR", "C.L", "O.N.U"] {
            assert!(is_initials(s), "{s:?} should be initials");
        }
        for s in ["", "j", "Jean", "EI", "J.", "J..D", "ABC.D", "a.m"] {
            assert!(!is_initials(s), "{s:?} should not be initials");
        }
    }
}
