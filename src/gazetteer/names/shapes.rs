//! Names no gazetteer holds, recognised by their shape (`data/shapes.tsv`): places and
//! institutions named by a lowercase head and a capitalised name (`rue Saint-Jean`, `tribunal
//! correctionnel de Saint-Nazaire`), companies named after a head (`l'entreprise Atlantique
//! Rénovation`), and title phrases in apposition to a person (`le préfet du Rhône, Pascal
//! Mailhos`), which are mentions of that person.
//!
//! Each found name is the longest mention over its words: the gazetteer's matches inside it
//! (`Saint-Nazaire`, `LFI` in `la présidente du groupe LFI`) give way to it, as the matcher's
//! longest alias does.

use std::sync::{Arc, OnceLock};

use super::{is_blank, is_word, name_words, squash, Draft, WordMap, ASCII_WORD_OR_HYPHEN, HONORIFICS};
use crate::gazetteer::matcher::{ascii_word_mask, HIGH};
use crate::gazetteer::EntityKind;
use crate::typography::is_apostrophe;
use crate::Span;

/// The classes of `data/shapes.tsv`.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Class {
    Street,
    Body,
    Qualified,
    Qualifier,
    Company,
    Title,
    Modifier,
}

fn classes() -> &'static WordMap<&'static str, Class> {
    static MAP: OnceLock<WordMap<&'static str, Class>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = WordMap::default();
        for line in include_str!("../data/shapes.tsv").lines() {
            let Some((class, word)) = line.split_once('\t') else { continue };
            let class = match class {
                "street" => Class::Street,
                "body" => Class::Body,
                "qualified" => Class::Qualified,
                "qualifier" => Class::Qualifier,
                "company" => Class::Company,
                "title" => Class::Title,
                "modifier" => Class::Modifier,
                _ => continue,
            };
            m.insert(word.trim(), class);
        }
        m
    })
}

fn class_of(word: &str) -> Option<Class> {
    // Most words are in no class: a table of (first byte, length) pairs answers them without
    // hashing.
    static SHAPES: OnceLock<[u32; 256]> = OnceLock::new();
    let shapes = SHAPES.get_or_init(|| {
        let mut t = [0u32; 256];
        for w in classes().keys() {
            t[w.as_bytes()[0] as usize] |= 1 << w.len().min(31);
        }
        t
    });
    let first = *word.as_bytes().first()?;
    if shapes[first as usize] & (1 << word.len().min(31)) == 0 {
        return None;
    }
    classes().get(word).copied()
}

/// Words that join a head to its name (`de la`, `du`, `d'`).
fn is_connector(word: &str) -> bool {
    matches!(word, "de" | "du" | "des" | "d" | "la" | "le" | "les" | "l")
}

/// A token before `at`: the word ending there (`d'` and `l'` as `d`, `l`: the word before an
/// apostrophe glued to `at`), after blanks. `None` at any other punctuation.
///
/// Read as bytes (most of the text before a capitalised word): the ASCII blanks and
/// apostrophes, then the ASCII letters, digits and hyphens and the letters `À`..`ÿ` (`C3 80`..
/// `C3 BF` but `×`, `÷`) of the word. Another non-ASCII character among the blanks or right
/// before them hands over to [`token_before_chars`]; one among the word's characters to the
/// same char loop from where the byte loop stopped.
fn token_before(text: &str, at: usize) -> Option<Span> {
    let bytes = text.as_bytes().get(..at)?;
    if !text.is_char_boundary(at) {
        return None;
    }
    let mut t = at;
    while t > 0 && matches!(bytes[t - 1], b' ' | b'\t') {
        t -= 1;
    }
    let latin = |k: usize| k >= 2 && bytes[k - 2] == 0xC3 && !matches!(bytes[k - 1], 0x97 | 0xB7 | 0xC0..);
    let core = match bytes.get(t.wrapping_sub(1)) {
        Some(b'\'' | b'`') if t == at => t - 1,
        Some(b) if b.is_ascii_alphanumeric() && t < at => t,
        Some(&b) if b >= 0x80 && !(latin(t) && t < at) => return token_before_chars(text, at),
        Some(&b) if b >= 0x80 => t,
        _ => return None,
    };
    let mut s = core;
    loop {
        while s > 0 && ASCII_WORD_OR_HYPHEN[usize::from(bytes[s - 1])] {
            s -= 1;
        }
        if s > 0 && bytes[s - 1] >= 0x80 && latin(s) {
            s -= 2;
            continue;
        }
        break;
    }
    if s > 0 && bytes[s - 1] >= 0x80 {
        s = text[..s].char_indices().rev().take_while(|&(_, c)| is_word(c) || c == '-').last().map_or(s, |(i, _)| i);
    }
    (s < core).then(|| Span::new(s, core))
}

/// [`token_before`] character by character.
#[cold]
#[inline(never)]
fn token_before_chars(text: &str, at: usize) -> Option<Span> {
    let before = text.get(..at)?;
    let trimmed = before.trim_end_matches(is_blank);
    let core = match trimmed.chars().next_back() {
        Some(c) if is_apostrophe(c) && trimmed.len() == before.len() => &trimmed[..trimmed.len() - c.len_utf8()],
        Some(c) if is_word(c) && trimmed.len() < before.len() => trimmed,
        _ => return None,
    };
    let start = core.char_indices().rev().take_while(|&(_, c)| is_word(c) || c == '-').last().map(|(i, _)| i)?;
    Some(Span::new(start, core.len()))
}

/// The tokens of `text[from..to]`: words (with inner hyphens), elided `d`/`l` as words; `None`
/// if it holds other punctuation. (The reference for [`tokens_into`].)
#[cfg(test)]
fn tokens(text: &str, from: usize, to: usize) -> Option<Vec<Span>> {
    let mut out = Vec::new();
    let mut i;
    let s = text.get(from..to)?;
    let mut chars = s.char_indices().peekable();
    while let Some(&(k, c)) = chars.peek() {
        if is_blank(c) || is_apostrophe(c) {
            chars.next();
            continue;
        }
        if !is_word(c) {
            return None;
        }
        let start = from + k;
        i = start;
        while let Some(&(k2, c2)) = chars.peek() {
            if is_word(c2) || (c2 == '-' && i > start) {
                i = from + k2 + c2.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        out.push(Span::new(start, i));
    }
    Some(out)
}

/// The tokens of `text[from..to]` as [`tokens`] reads them, into `out` (cleared first), up to
/// the first character that is no blank, no apostrophe and no part of a token: returns its
/// offset (`to` if there is none; the tokens before it are in `out`), or `None` if `from..to`
/// is not a range of `text` or more than `max` tokens come before that character.
///
/// So `tokens(text, from, to)` is `Some(out)` exactly when this returns `Some(to)`. ASCII bytes
/// are classified as bytes; other characters by the predicates of [`tokens`], in its order (a
/// character that is both a word character and an apostrophe, such as `ʼ`, continues a token
/// and separates two).
fn tokens_into(text: &str, from: usize, to: usize, max: usize, out: &mut Vec<Span>) -> Option<usize> {
    const NONE: usize = usize::MAX;
    out.clear();
    text.get(from..to)?;
    let bytes = text.as_bytes();
    let mut q = from;
    let mut start = NONE;
    while q < to {
        let b = bytes[q];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                if start == NONE {
                    start = q;
                }
                q += 1;
                // The ASCII letters and digits that follow, eight at a time.
                while q + 8 <= to {
                    let x = u64::from_le_bytes(bytes[q..q + 8].try_into().unwrap_or_default());
                    let k = (!ascii_word_mask(x) & HIGH).trailing_zeros() / 8;
                    q += k as usize;
                    if k < 8 {
                        break;
                    }
                }
                continue;
            }
            if b == b'-' && start != NONE {
                q += 1;
                continue;
            }
            if start != NONE {
                if out.len() == max {
                    return None;
                }
                out.push(Span::new(start, q));
                start = NONE;
            }
            if matches!(b, b' ' | b'\t' | b'\'' | b'`') {
                q += 1;
                continue;
            }
            return Some(q);
        }
        let c = text.get(q..).and_then(|r| r.chars().next())?;
        let len = c.len_utf8();
        let word = is_word(c);
        if start != NONE {
            if word {
                q += len;
                continue;
            }
            if out.len() == max {
                return None;
            }
            out.push(Span::new(start, q));
            start = NONE;
        }
        if is_blank(c) || is_apostrophe(c) {
            q += len;
            continue;
        }
        if !word {
            return Some(q);
        }
        start = q;
        q += len;
    }
    if start != NONE {
        if out.len() == max {
            return None;
        }
        out.push(Span::new(start, to));
    }
    Some(to)
}

fn new_draft(span: Span, kind: EntityKind, name: Option<Arc<str>>, from: Option<&Draft>) -> Draft {
    Draft {
        span,
        kind,
        entity: from.and_then(|d| d.entity),
        name: from.map_or(name, |d| d.name.clone()),
        gender: from.and_then(|d| d.gender),
        role: None,
        nominal: from.is_some(),
    }
}

/// Adds the found names to `drafts` (sorted by start), removing the drafts each one covers.
/// A found name that would cut a draft in two, or cover a person or a role, is dropped.
fn merge(drafts: &mut Vec<Draft>, mut found: Vec<Draft>) {
    if found.is_empty() {
        return;
    }
    // In text order, so that an overlap with the names kept is one with the last kept.
    found.sort_by_key(|f| f.span.start);
    let mut gone = vec![false; drafts.len()];
    let mut kept = Vec::new();
    for f in found {
        let lo = drafts.partition_point(|d| d.span.end <= f.span.start);
        let hi = drafts.partition_point(|d| d.span.start < f.span.end);
        let inside = &drafts[lo..hi.max(lo)];
        let blocked = inside.iter().zip(&gone[lo..hi.max(lo)]).any(|(d, &g)| {
            g || d.span.start < f.span.start
                || d.span.end > f.span.end
                || d.span == f.span
                || d.kind == EntityKind::Person
                || d.role.is_some()
        });
        if blocked || kept.last().is_some_and(|k: &Draft| f.span.start < k.span.end) {
            continue;
        }
        for g in &mut gone[lo..hi.max(lo)] {
            *g = true;
        }
        kept.push(f);
    }
    if gone.contains(&true) {
        let mut gone = gone.iter();
        drafts.retain(|_| !gone.next().copied().unwrap_or(false));
    }
    // The drafts left and the names kept are both sorted by start: merged by runs, a draft
    // before a kept name of the same start (what a stable sort of the two gives).
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len() + kept.len());
    let mut rest = std::mem::take(drafts).into_iter();
    for f in kept {
        let n = rest.as_slice().partition_point(|d| d.span.start <= f.span.start);
        out.extend(rest.by_ref().take(n));
        out.push(f);
    }
    out.extend(rest);
    *drafts = out;
}

/// Places, institutions and companies named after a head word. `capitalized`: the capitalised
/// words of `text` ([`super::capitalized_words`]), in order.
pub(super) fn by_head(text: &str, capitalized: &[Span], drafts: &mut Vec<Draft>) {
    let mut found = Vec::new();
    let mut resume = 0;
    for &w in capitalized {
        if w.start < resume {
            continue;
        }
        // Up to five tokens back: qualifiers and connectors, then the head.
        let mut at = w.start;
        // (On the stack: one capitalised word in two is preceded by a connector.)
        let mut between_buf = [Span::new(0, 0); 6];
        let mut n_between = 0;
        let mut head = None;
        while n_between <= 5 {
            let Some(t) = token_before(text, at) else { break };
            let word = &text[t.range()];
            match class_of(word) {
                Some(c @ (Class::Street | Class::Body | Class::Qualified | Class::Company)) => {
                    head = Some((t, c));
                    break;
                }
                Some(Class::Qualifier) => {
                    between_buf[n_between] = t;
                    n_between += 1;
                }
                _ if is_connector(word) => {
                    between_buf[n_between] = t;
                    n_between += 1;
                }
                // One adjective right before the name: a company head may come before it.
                _ if n_between == 0 && at == w.start && is_adjective(word) => {
                    if let Some(h) =
                        token_before(text, t.start).filter(|h| class_of(&text[h.range()]) == Some(Class::Company))
                    {
                        head = Some((h, Class::Company));
                        at = t.start;
                    }
                    break;
                }
                _ => break,
            }
            at = t.start;
        }
        let Some((h, class)) = head else { continue };
        let between = &between_buf[..n_between];
        let joined_by_connector = between.first().is_some_and(|t| is_connector(&text[t.range()]));
        let ok = match class {
            Class::Street => between.is_empty() || (joined_by_connector && between.len() <= 2),
            Class::Body => joined_by_connector,
            // `la start-up nantaise Lumio`, `le constructeur automobile Stellantis`: one
            // adjective between the head and the name.
            Class::Company => between.is_empty() || adjective_only(text, at, w.start),
            Class::Qualified => {
                joined_by_connector && between.iter().any(|t| class_of(&text[t.range()]) == Some(Class::Qualifier))
            }
            _ => false,
        };
        if !ok {
            continue;
        }
        let words = name_words(text, w, false);
        let end = words[words.len() - 1].end;
        // The name run itself: a person is not a place (`le conseil de Marc Dupont`), and a
        // street is not named after a country the gazetteer knows (`la place de la France`).
        let run = drafts.get(drafts.partition_point(|d| d.span.start < w.start)).filter(|d| d.span.start == w.start);
        if run.is_some_and(|d| {
            d.kind == EntityKind::Person || (class == Class::Street && !between.is_empty() && d.entity.is_some())
        }) {
            continue;
        }
        let (span, kind) = match class {
            Class::Street => (Span::new(h.start, end), EntityKind::Location),
            Class::Body | Class::Qualified => (Span::new(h.start, end), EntityKind::Organization),
            _ => (Span::new(w.start, end), EntityKind::Organization),
        };
        let name: Arc<str> = squash(&text[span.range()]).into();
        found.push(new_draft(span, kind, Some(name), None));
        resume = end;
    }
    merge(drafts, found);
}

/// Whether `text[from..to]` is one adjective and blanks (see [`is_adjective`]).
fn adjective_only(text: &str, from: usize, to: usize) -> bool {
    from < to && text[from..to].split(is_blank).filter(|w| !w.is_empty()).count() == 1
}

/// A lowercase word with an ending of French adjectives of origin and kind (`nantaise`,
/// `américain`, `britannique`, `allemand`, `pharmaceutique`, `automobile`, `chinois`).
fn is_adjective(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ais", "aise", "ain", "aine", "ien", "ienne", "ois", "oise", "ique", "al", "ale", "el", "elle", "and", "ande",
        "if", "ive", "ol", "ole", "ile", "éen", "éenne", "en", "enne", "ier", "ière", "on", "onne", "ard", "arde",
    ];
    // (The last byte first: most words end in none of these letters' bytes.)
    matches!(word.as_bytes().last(), Some(b's' | b'e' | b'n' | b'l' | b'f' | b'd' | b'r' | b'\xa9'))
        && word.chars().next().is_some_and(char::is_lowercase)
        && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// The index of the title of the title phrase [`title_phrase`] reads in `text[toks]` (0, 1 or
/// 2: after an optional determiner and an optional modifier), if there is one.
fn title_at(text: &str, toks: &[Span], possessive: bool) -> Option<usize> {
    let word = |i: usize| toks.get(i).map(|t| &text[t.range()]);
    let mut i = 0;
    if let Some(w) = word(0) {
        let det = is_article(w) || (possessive && is_possessive(w));
        if det {
            i = 1;
        }
    }
    if word(i).is_some_and(|w| class_of(w) == Some(Class::Modifier)) {
        i += 1;
    }
    word(i).is_some_and(|w| class_of(w) == Some(Class::Title)).then_some(i)
}

/// The title phrase `text[tokens]` (`le préfet du Rhône`, `préfet du Rhône`): an optional
/// determiner, an optional modifier, a title, then a complement of at most six tokens that
/// starts with a connector (`du Rhône`) or one word before one (`socialiste de Rennes`), or a
/// single adjective (`américain`). `possessive`: whether `son`, `sa`, `leur` may open it.
fn title_phrase(text: &str, toks: &[Span], possessive: bool) -> bool {
    let Some(i) = title_at(text, toks, possessive) else { return false };
    let rest = &toks[i + 1..];
    let lower = |t: &Span| text[t.range()].chars().next().is_some_and(char::is_lowercase);
    match rest {
        [] => true,
        _ if rest.len() > 6 => false,
        [one] => lower(one),
        [first, second, ..] => {
            is_connector(&text[first.range()]) || (lower(first) && is_connector(&text[second.range()]))
        }
    }
}

/// The first byte of the clause that ends at `end`: after the last `,`, `.`, `;`, `:`, `!`,
/// `?`, parenthesis, quotation mark or line break, at most 160 bytes back.
fn clause_start(text: &str, end: usize) -> usize {
    let mut from = end.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    // Backwards over the bytes: the ASCII stops as bytes, `«` `»` (`C2 AB`, `C2 BB`) and `“` `”`
    // (`E2 80 9C`, `E2 80 9D`) by their last byte and the bytes before it (`from` is a
    // character boundary, so a character whose last byte is at or after it starts there too).
    let b = text.as_bytes();
    let mut j = end;
    while j > from {
        j -= 1;
        match b[j] {
            b',' | b'.' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'\n' | b'"' => return j + 1,
            0xAB | 0xBB if j >= 1 && b[j - 1] == 0xC2 => return j + 1,
            0x9C | 0x9D if j >= 2 && b[j - 2..j] == [0xE2, 0x80] => return j + 1,
            _ => {}
        }
    }
    from
}

/// The tokens of the clause that ends at `end` ([`tokens_into`] from [`clause_start`]) into
/// `out`: `true` when the clause is tokens only (`tokens_into` gives `Some(end)`), with them.
///
/// One backward pass over the bytes instead of the two passes (back to the clause's start, then
/// forward over it): ASCII bytes, the letters `À`..`ÿ` but `×`, `÷` (word characters), and the
/// stops `«`, `»`, `“`, `”`, whose bytes [`clause_start`] knows. A token is read backwards as
/// a run of word characters and hyphens; forwards, a hyphen only continues a token, so the run
/// is none when its first character is a hyphen. Any other character hands over to the two
/// passes.
fn clause_tokens(text: &str, end: usize, out: &mut Vec<Span>) -> bool {
    const NONE: usize = usize::MAX;
    out.clear();
    if !text.is_char_boundary(end) {
        return false;
    }
    let mut from = end.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let b = text.as_bytes();
    let mut j = end;
    // The end of the run being read, or `NONE`.
    let mut run = NONE;
    while j > from {
        let c = b[j - 1];
        let letter = if c < 0x80 {
            ASCII_WORD_OR_HYPHEN[usize::from(c)]
        } else {
            j >= 2 && b[j - 2] == 0xC3 && !matches!(c, 0x97 | 0xB7)
        };
        if letter {
            if run == NONE {
                run = j;
            }
            j -= if c < 0x80 { 1 } else { 2 };
            continue;
        }
        let stop = match c {
            b' ' | b'\t' | b'\'' | b'`' => false,
            b',' | b'.' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'\n' | b'"' => true,
            0xAB | 0xBB if j >= 2 && b[j - 2] == 0xC2 => true,
            0x9C | 0x9D if j >= 3 && b[j - 3..j - 1] == [0xE2, 0x80] => true,
            _ if c < 0x80 => return false,
            _ => {
                let from = clause_start(text, end);
                return tokens_into(text, from, end, usize::MAX, out) == Some(end);
            }
        };
        if run != NONE {
            if b[j] == b'-' {
                return false;
            }
            out.push(Span::new(j, run));
            run = NONE;
        }
        if stop {
            break;
        }
        j -= 1;
    }
    if run != NONE {
        if b[j] == b'-' {
            return false;
        }
        out.push(Span::new(j, run));
    }
    out.reverse();
    true
}

/// [`clause_start`] character by character.
#[cfg(test)]
fn clause_start_chars(text: &str, end: usize) -> usize {
    let mut from = end.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '\n' | '«' | '»' | '“' | '”' | '"'))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// Title phrases in apposition to a person: before the name and closed by its comma (`le préfet
/// du Rhône, Pascal Mailhos`), or after it between commas (`Pascal Mailhos, préfet du Rhône,`,
/// `Bruno Bernard, le président de la Métropole de Lyon.`). The determiner before the name may
/// be a possessive (`son avocate, Me Claire Dufresne`); after it, a possessive names someone
/// else (`Emmanuel Macron, son Premier ministre`) and is not read.
pub(super) fn titled_appositions(text: &str, drafts: &mut Vec<Draft>) {
    let mut found = Vec::new();
    let mut toks = Vec::new();
    for d in drafts.iter() {
        if !d.is_person_name() || !d.has_referent() {
            continue;
        }
        // Before the name (and its honorific: `son avocate, Me Claire Dufresne`).
        let mut before = text[..d.span.start].trim_end_matches(is_blank);
        if let Some((h, _)) = HONORIFICS.iter().find(|(h, _)| before.ends_with(h)) {
            let head = &before[..before.len() - h.len()];
            if !head.chars().next_back().is_some_and(is_word) {
                before = head.trim_end_matches(is_blank);
            }
        }
        if let Some(np) = before.strip_suffix(',') {
            let end = np.trim_end_matches(is_blank).len();
            if clause_tokens(text, end, &mut toks) {
                // The last determiner (or the clause's first word) that opens a title phrase.
                // (A phrase has at most nine tokens: see `title_phrase`.)
                let start = (toks.len().saturating_sub(9)..toks.len()).rev().find(|&k| {
                    (k == 0 || is_determiner(&text[toks[k].range()])) && title_phrase(text, &toks[k..], true)
                });
                if let Some(k) = start {
                    found.push(new_draft(Span::new(toks[k].start, end), EntityKind::Person, None, Some(d)));
                }
            }
        }
        // After the name, closed by a comma, a full stop, a semicolon or a parenthesis.
        let after = &text[d.span.end..];
        let rest = after.trim_start_matches(is_blank);
        if let Some(np) = rest.strip_prefix(',') {
            let from = d.span.end + (after.len() - np.len());
            // The tokens up to the first character that is not theirs: the phrase is closed
            // there if that is a closing character (the first one, as every closing character
            // stops the tokens), or at the end of the text; with more than nine tokens
            // `title_phrase` is false.
            // The first three tokens first: they hold the title `title_phrase` needs (most
            // names are followed by no title phrase, and their clause is read no further).
            let stop = match tokens_into(text, from, text.len(), 3, &mut toks) {
                Some(stop) => stop,
                None if title_at(text, &toks, false).is_none() => continue,
                None => {
                    let Some(stop) = tokens_into(text, from, text.len(), 9, &mut toks) else { continue };
                    stop
                }
            };
            if stop < text.len() && !text[stop..].starts_with([',', '.', ';', ')', '\n', ':', '«', '»', '"']) {
                continue;
            }
            let close = from + text[from..stop].trim_end_matches(is_blank).len();
            // (Without possessives: `title_phrase` reads none here.)
            if !toks.is_empty() && title_phrase(text, &toks, false) {
                found.push(new_draft(Span::new(toks[0].start, close), EntityKind::Person, None, Some(d)));
            }
        }
    }
    merge(drafts, found);
}

fn is_article(word: &str) -> bool {
    matches!(word, "le" | "la" | "l" | "Le" | "La" | "L")
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "son" | "sa" | "leur" | "Son" | "Sa" | "Leur")
}

fn is_determiner(word: &str) -> bool {
    is_article(word) || is_possessive(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn data_parses() {
        assert!(classes().len() > 100);
        assert_eq!(class_of("rue"), Some(Class::Street));
        assert_eq!(class_of("tribunal"), Some(Class::Body));
        assert_eq!(class_of("préfet"), Some(Class::Title));
        for line in include_str!("../data/shapes.tsv").lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let (class, word) = line.split_once('\t').expect("two columns");
            assert!(
                ["street", "body", "qualified", "qualifier", "company", "title", "modifier"].contains(&class),
                "{line}"
            );
            assert_eq!(word, word.trim(), "{line}");
        }
    }

    #[test]
    fn tokens_read_elisions() {
        let text = "la cour d’assises de l'Ain";
        let t = tokens(text, 0, text.len()).unwrap();
        let words: Vec<&str> = t.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(words, ["la", "cour", "d", "assises", "de", "l", "Ain"]);
        assert_eq!(tokens("a, b", 0, 4), None);
        let at = text.find("assises").unwrap();
        assert_eq!(token_before(text, at).map(|s| &text[s.range()]), Some("d"));
        assert_eq!(token_before(text, text.find("cour").unwrap()).map(|s| &text[s.range()]), Some("la"));
    }

    /// The byte loops of [`token_before`], [`tokens_into`] and [`clause_start`] agree with
    /// their char-by-char references, at every offset of `text`.
    fn byte_loops_agree(text: &str) -> Result<(), TestCaseError> {
        let mut out = Vec::new();
        for at in 0..=text.len() {
            prop_assert_eq!(token_before(text, at), token_before_chars(text, at), "at {} of {:?}", at, text);
            if !text.is_char_boundary(at) {
                continue;
            }
            prop_assert_eq!(clause_start(text, at), clause_start_chars(text, at), "at {} of {:?}", at, text);
            let from = clause_start(text, at);
            let want = tokens_into(text, from, at, usize::MAX, &mut out) == Some(at);
            let want_toks = out.clone();
            let mut got_toks = Vec::new();
            prop_assert_eq!(clause_tokens(text, at, &mut got_toks), want, "clause to {} of {:?}", at, text);
            if want {
                prop_assert_eq!(&got_toks, &want_toks, "clause to {} of {:?}", at, text);
            }
            for from in (0..=at).filter(|&f| text.is_char_boundary(f)) {
                let want = tokens(text, from, at);
                let got = tokens_into(text, from, at, usize::MAX, &mut out);
                prop_assert_eq!(got == Some(at), want.is_some(), "{}..{} of {:?}", from, at, text);
                if let Some(want) = want {
                    prop_assert_eq!(&out, &want, "{}..{} of {:?}", from, at, text);
                }
                // Up to the first character no token takes: the tokens of the text before it.
                if let Some(stop) = tokens_into(text, from, at, 3, &mut out) {
                    let before = tokens(text, from, stop);
                    prop_assert!(
                        before.as_ref().is_some_and(|b| b.len() <= 3 && *b == out),
                        "{}..{} of {:?}",
                        from,
                        at,
                        text
                    );
                    prop_assert!(
                        stop == at
                            || tokens(text, from, stop + text[stop..].chars().next().map_or(0, char::len_utf8))
                                .is_none()
                    );
                } else {
                    prop_assert!(
                        tokens(text, from, at).map_or(true, |t| t.len() > 3)
                            || text[from..at]
                                .chars()
                                .any(|c| !is_word(c) && !is_blank(c) && !is_apostrophe(c) && c != '-')
                    );
                }
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn byte_loops_equal_char_loops(text in "[aZ9éÀÿ×÷\\- \t\u{A0}\u{202F}\u{2009}'`’ʼ,.«»“”\"\n(%₫]{0,16}") {
            byte_loops_agree(&text)?;
        }

        // Long ASCII words (the eight-byte steps of `tokens_into`).
        #[test]
        fn byte_loops_equal_char_loops_long_words(text in "[a-zA-Z0-9]{0,19}[ '\\-é%]{0,2}[a-z0-9]{0,12}[ ,]{0,2}[a-z]{0,9}") {
            byte_loops_agree(&text)?;
        }

        #[test]
        fn byte_loops_equal_char_loops_any(text in any::<String>()) {
            byte_loops_agree(&text)?;
        }
    }
}
