//! The tense of the clause around an expression, read from its verbs, which decides whether a
//! bare `lundi` or `en mars` points back or forward.
//!
//! Signals, nearest to the expression first: futur simple and conditionnel (`se rendra`,
//! `devrait`), futur proche (`va signer`), "planned" participles (`est prévue`); passé composé
//! (`ont convenu`, `s'est entretenu`), plus-que-parfait, imparfait (`avait`, `parlait`), passé
//! simple plural (`signèrent`). No signal: `None`.

use super::lexicon::fold_word;

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Tense {
    Past,
    Future,
}

const MAX_REACH: usize = 240;

const NOT_FUTURE: &[&str] = &[
    "contra", "extra", "ultra", "opera", "camera", "cholera", "tiara", "sierra", "mantra", "agora", "cobra",
    "zebra", "tora", "para", "bras", "gras", "embarras", "fatras", "vrai", "front", "affront", "environs",
    "portrait", "retrait", "extrait", "attrait", "trait", "abstrait", "distrait", "marrons", "citrons",
    "patrons", "larrons", "ira", "aura", "entra", "sera",
];
const FUTURE_WORDS: &[&str] = &["ira", "iront", "aura", "auront", "sera", "seront", "serai"];
const PLANNED: &[&str] = &[
    "prevu", "prevue", "prevus", "prevues", "programme", "programmee", "attendu", "attendue", "attendus",
    "attendues", "annonce pour", "compte", "comptent", "envisage", "prevoit", "prevoient", "doit", "doivent",
    "devra", "devront", "devrait", "devraient", "souhaite", "entend",
];
const NEAR_FUTURE: &[&str] = &["va", "vont", "vais", "vas", "allons", "allez"];
const AUX: &[&str] = &[
    "a", "ont", "ai", "as", "avons", "avez", "avait", "avaient", "avais", "avions", "est", "sont", "suis",
    "sommes", "etes", "etait", "etaient", "etais", "fut", "furent", "eut", "eurent", "aurait", "auraient",
    "serait", "seraient",
];
const SKIP: &[&str] = &[
    "ne", "n", "pas", "plus", "jamais", "deja", "bien", "encore", "aussi", "notamment", "egalement", "d", "ailleurs",
    "lui", "leur", "y", "en", "se", "s", "l", "la", "les", "me", "m", "te", "t", "nous", "vous", "il", "elle",
    "ils", "elles", "on", "t", "finalement", "enfin", "toujours", "longuement", "brievement", "fait",
];
const NOT_PARTICIPLE: &[&str] = &["lieu", "peu", "tout", "aussi", "ici", "parmi", "depuis", "vu", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const NOT_IMPARFAIT: &[&str] = &[
    "fait", "faits", "lait", "trait", "souhait", "parfait", "forfait", "bienfait", "extrait", "retrait",
    "portrait", "attrait", "abstrait", "plait", "jamais", "mais", "biais", "palais", "relais", "frais",
];

struct W {
    pos: usize,
    folded: String,
    raw_last: char,
    upper: bool,
}

fn words(text: &str, from: usize, to: usize) -> Vec<W> {
    let mut out = Vec::new();
    let slice = &text[from..to];
    let mut start: Option<usize> = None;
    for (i, c) in slice.char_indices().chain(core::iter::once((slice.len(), ' '))) {
        if c.is_alphabetic() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            let w = &slice[s..i];
            let raw_last = w.chars().next_back().unwrap_or(' ');
            let upper = w.chars().next().is_some_and(char::is_uppercase);
            out.push(W { pos: from + s, folded: fold_word(w), raw_last, upper });
        }
    }
    out
}

fn is_participle(w: &W) -> bool {
    let f = w.folded.as_str();
    if f.len() < 3 || w.upper || NOT_PARTICIPLE.contains(&f) {
        return false;
    }
    let accented = matches!(w.raw_last, 'é' | 'É') || w.raw_last == 'e' && f.ends_with("ee") || f.ends_with("ees");
    accented
        || (w.raw_last == 's' || w.raw_last == 'e') && {
            let stem = f.trim_end_matches('s').trim_end_matches('e');
            stem.ends_with('u') || stem.ends_with('i') || stem.ends_with("ert") || stem.ends_with("int")
        }
        || ["u", "i", "is", "it", "us", "ert", "int", "uit", "ait", "eint", "aint"].iter().any(|s| f.ends_with(s))
}

fn is_infinitive(f: &str) -> bool {
    f.len() > 3 && (f.ends_with("er") || f.ends_with("ir") || f.ends_with("re") || f.ends_with("oir"))
}

/// The tense signal of one word (with the words after it), if any.
fn signal(ws: &[W], k: usize) -> Option<Tense> {
    let w = &ws[k];
    let f = w.folded.as_str();
    if w.upper && k > 0 {
        // Names (Sahara, Vera) are not verbs; the first word of a sentence may be one.
        return None;
    }
    if PLANNED.contains(&f) {
        return Some(Tense::Future);
    }
    if NEAR_FUTURE.contains(&f) {
        let next = ws.iter().skip(k + 1).take(3).find(|x| !SKIP.contains(&x.folded.as_str()));
        return next.filter(|x| is_infinitive(&x.folded)).map(|_| Tense::Future);
    }
    if AUX.contains(&f) {
        let next = ws.iter().skip(k + 1).take(4).find(|x| !SKIP.contains(&x.folded.as_str()));
        if let Some(n) = next {
            if PLANNED.contains(&n.folded.as_str()) {
                return Some(Tense::Future);
            }
            if is_participle(n) {
                return Some(Tense::Past);
            }
        }
        return match f {
            "avait" | "avaient" | "etait" | "etaient" | "fut" | "furent" => Some(Tense::Past),
            "aurait" | "auraient" | "serait" | "seraient" => Some(Tense::Future),
            _ => None,
        };
    }
    if FUTURE_WORDS.contains(&f) {
        return Some(Tense::Future);
    }
    if f.len() >= 4 && !NOT_FUTURE.contains(&f) {
        for suf in ["ra", "ront", "rai", "ras", "rez", "rons", "rait", "rais", "raient"] {
            if f.ends_with(suf) {
                return Some(Tense::Future);
            }
        }
    }
    if f.len() >= 4 && (f.ends_with("ait") || f.ends_with("aient")) && !NOT_IMPARFAIT.contains(&f) {
        return Some(Tense::Past);
    }
    if f.len() >= 6 && f.ends_with("erent") && w.raw_last == 't' {
        return Some(Tense::Past);
    }
    None
}

/// The tense signal nearest to `text[start..end]` within its sentence.
pub(crate) fn tense_around(text: &str, start: usize, end: usize) -> Option<Tense> {
    let stop = |c: char| matches!(c, '.' | '!' | '?' | ';' | '\n' | '«' | '»' | '“' | '”');
    let mut from = start;
    for (i, c) in text[..start].char_indices().rev() {
        if stop(c) || start - i > MAX_REACH {
            break;
        }
        from = i;
    }
    let mut to = end;
    for (i, c) in text[end..].char_indices() {
        if stop(c) || i > MAX_REACH {
            break;
        }
        to = end + i + c.len_utf8();
    }
    let ws = words(text, from, to);
    let mut best: Option<(usize, Tense)> = None;
    for k in 0..ws.len() {
        if ws[k].pos >= start && ws[k].pos < end {
            continue;
        }
        if let Some(t) = signal(&ws, k) {
            let d = if ws[k].pos < start { start - ws[k].pos } else { ws[k].pos - end };
            if best.map_or(true, |(bd, _)| d < bd) {
                best = Some((d, t));
            }
        }
    }
    best.map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASES: &[(&str, &str, Option<Tense>)] = &[
        // passé composé with avoir
        ("Les deux hommes ont convenu lundi de se revoir.", "lundi", Some(Tense::Past)),
        // pronominal passé composé
        ("Ils se sont entretenus jeudi au téléphone.", "jeudi", Some(Tense::Past)),
        // futur simple
        ("Le ministre se rendra jeudi à Berlin.", "jeudi", Some(Tense::Future)),
        // futur proche
        ("Le conseil va examiner le texte mardi.", "mardi", Some(Tense::Future)),
        // passive "prévu": planned, future
        ("Le vote est prévu mercredi.", "mercredi", Some(Tense::Future)),
        // imparfait
        ("La délégation attendait samedi une réponse.", "samedi", Some(Tense::Past)),
        // present: no signal
        ("Le sommet s'ouvre lundi à Bruxelles.", "lundi", None),
        // the verb of another sentence does not count
        ("Il a parlé. Le vote a lieu lundi.", "lundi", None),
        // a name ending like a future is not a verb
        ("Vera Dupont arrive lundi.", "lundi", None),
    ];

    #[test]
    fn tense_table() {
        for &(text, expr, want) in CASES {
            let s = text.find(expr).unwrap();
            let got = tense_around(text, s, s + expr.len());
            assert_eq!(got, want, "input {text:?} expr {expr:?}: expected {want:?}, got {got:?}");
        }
    }
}
