//! The tense of the clause around an expression, read from its verbs, which decides whether a
//! bare `lundi` or `en mars` points back or forward.
//!
//! Signals, nearest to the expression first: futur simple and conditionnel (`se rendra`,
//! `devrait`), futur proche (`va signer`), "planned" participles (`est prévue`); passé composé
//! (`ont convenu`, `s'est entretenu`), plus-que-parfait, imparfait (`avait`, `parlait`), passé
//! simple plural (`signèrent`). No signal: `None`.

use super::lexicon::fold_unfolded;
use super::scan::{letter_at, word_end, Kind, ShapeFilter, Tok};

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Tense {
    Past,
    Future,
    /// Past, for the expression that directly follows the signal only (a bare participle:
    /// `publié dimanche`); [`nearest`] reads it as `Past` there and skips it elsewhere.
    PastNext,
    /// Past, for the expressions after the signal only: the verb of a reporting incise with an
    /// inverted subject (`…, a-t-on appris`, `a-t-il déclaré lundi`) dates what it says, not the
    /// words it reports before it.
    PastAfter,
    /// Not a tense: a relative pronoun (`qui`, `dont`) opening a clause. A signal before it
    /// does not date an expression after it: in `l'accord, qui arrive à échéance le 19
    /// novembre`, the relative clause's own (present) tense decides, not the main clause's past.
    Relative,
    /// Past, for the expressions inside a participle clause opening the sentence, up to the
    /// byte offset it holds (its comma): `Blessé samedi à Dublin, il sera absent six mois`.
    PastClause(usize),
    /// Not a tense: the conjunction `que` opening a completive clause. After an expression
    /// that a verb before it already dates, the verbs past the `que` belong to the clause it
    /// opens: in `a indiqué mardi qu'il examinera le texte`, `mardi` is the past verb's.
    Que,
}

const MAX_REACH: usize = 240;

/// A list of folded words: `const $list: &[&str]` and `fn $name(w: &str) -> bool`, a `matches!`
/// of the same words (one list for both, so that [`LISTED_SHAPES`] cannot miss one).
macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $list:ident: $($w:literal)|+) => {
        const $list: &[&str] = &[$($w),+];
        $(#[$doc])*
        fn $name(w: &str) -> bool {
            matches!(w, $($w)|+)
        }
    };
}

/// The verbs of a promise, a signal before `de`.
const PROMISE: &[&str] = &["promis", "promet", "promettent"];

/// The words of the lists [`signal_with`] tests a word against (a promise, planned, futur proche,
/// auxiliary, future): most words of a sentence are in none, which this filter tells from their
/// length, first and last letters before any list is compared.
const LISTED_SHAPES: ShapeFilter = ShapeFilter::of_lists(&[PROMISE, PLANNED, NEAR_FUTURE, AUX, FUTURE_WORDS]);

fn not_future(w: &str) -> bool {
    matches!(
        w,
        "contra"
            | "extra"
            | "ultra"
            | "opera"
            | "camera"
            | "cholera"
            | "tiara"
            | "sierra"
            | "mantra"
            | "agora"
            | "cobra"
            | "zebra"
            | "tora"
            | "para"
            | "bras"
            | "gras"
            | "embarras"
            | "fatras"
            | "vrai"
            | "front"
            | "affront"
            | "environs"
            | "portrait"
            | "retrait"
            | "extrait"
            | "attrait"
            | "trait"
            | "abstrait"
            | "distrait"
            | "marrons"
            | "citrons"
            | "patrons"
            | "larrons"
            | "ira"
            | "aura"
            | "entra"
            | "sera"
    )
}
word_list! {
    future_word, FUTURE_WORDS:
        "ira" | "iront" | "aura" | "auront" | "sera" | "seront" | "serai"
}
word_list! {
    /// Planned: `prévu`, `doit`, `devrait` …; scheduled: `fixé à lundi`, `reporté à mardi`, `mis en
    /// délibéré au 10 avril`.
    planned, PLANNED:
        "prevu" | "prevue" | "prevus" | "prevues" | "programme" | "programmee" | "attendu" | "attendue"
        | "attendus" | "attendues" | "annonce pour" | "compte" | "comptent" | "envisage" | "prevoit" | "prevoient"
        | "doit" | "doivent" | "devra" | "devront" | "devrait" | "devraient" | "souhaite" | "entend"
        | "fixe" | "fixee" | "fixes" | "fixees" | "reporte" | "reportee" | "reportes" | "reportees"
        | "repousse" | "repoussee" | "ajourne" | "ajournee" | "delibere"
}

/// Words after which a participle is a noun (`la santé`, `le député`, `l'été`), not a verb.
fn determiner(w: &str) -> bool {
    matches!(
        w,
        "le" | "la"
            | "l"
            | "les"
            | "un"
            | "une"
            | "des"
            | "du"
            | "de"
            | "d"
            | "au"
            | "aux"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "notre"
            | "nos"
            | "votre"
            | "vos"
            | "mon"
            | "ma"
            | "mes"
    )
}
word_list! {
    near_future, NEAR_FUTURE:
        "va" | "vont" | "vais" | "vas" | "allons" | "allez"
}
word_list! {
    aux, AUX:
        "a" | "ont" | "ai" | "as" | "avons" | "avez" | "avait" | "avaient"
        | "avais" | "avions" | "est" | "sont" | "suis" | "sommes" | "etes" | "etait"
        | "etaient" | "etais" | "fut" | "furent" | "eut" | "eurent" | "aurait" | "auraient"
        | "serait" | "seraient"
}
fn skip(w: &str) -> bool {
    matches!(
        w,
        "ne" | "n"
            | "pas"
            | "plus"
            | "jamais"
            | "deja"
            | "bien"
            | "encore"
            | "aussi"
            | "notamment"
            | "egalement"
            | "d"
            | "ailleurs"
            | "lui"
            | "leur"
            | "y"
            | "en"
            | "se"
            | "s"
            | "l"
            | "la"
            | "les"
            | "me"
            | "m"
            | "te"
            | "t"
            | "nous"
            | "vous"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "on"
            | "finalement"
            | "enfin"
            | "toujours"
            | "longuement"
            | "brievement"
            | "fait"
    )
}
fn not_participle(w: &str) -> bool {
    matches!(
        w,
        "lieu"
            | "peu"
            | "tout"
            | "aussi"
            | "ici"
            | "parmi"
            | "depuis"
            | "vu"
            | "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
    )
}
fn not_imparfait(w: &str) -> bool {
    matches!(
        w,
        "fait"
            | "faits"
            | "lait"
            | "trait"
            | "souhait"
            | "parfait"
            | "forfait"
            | "bienfait"
            | "extrait"
            | "retrait"
            | "portrait"
            | "attrait"
            | "abstrait"
            | "plait"
            | "jamais"
            | "mais"
            | "biais"
            | "palais"
            | "relais"
            | "frais"
    )
}

/// A word split from the text by [`words`]: its bounds in the text, and where its folded form
/// lies in the fold buffer (`None`: the word is its own folded form).
type SplitWord = (usize, usize, Option<(usize, usize)>);

/// The buffers of [`signals_with_tokens`], reused from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct TenseBuffers {
    folds: String,
    split: Vec<SplitWord>,
    /// The allocation of the previous sentence's words.
    ws: Vec<W<'static>>,
    /// Lists of signals no longer needed (of sentences before the parser's window), reused.
    pub(crate) spare: Vec<Vec<(usize, Tense)>>,
}

/// An empty vector of words with the allocation of `v` (see `scan::recycle`).
fn recycle<'b>(mut v: Vec<W<'_>>) -> Vec<W<'b>> {
    v.clear();
    v.into_iter().map(|_| -> W<'b> { unreachable!("the vector is empty") }).collect()
}

/// A word of the sentence: its offset, its bytes in the text and its folded form.
///
/// The bytes, not a `&str`: the tests read its length and its last bytes only, and slicing the
/// text as bytes checks no char boundary.
#[derive(Debug)]
pub(crate) struct W<'a> {
    pos: usize,
    raw: &'a [u8],
    folded: &'a str,
    upper: bool,
}

impl<'a> W<'a> {
    /// A word of `text` from [`words`], its folded form in `folds` or itself.
    fn split(text: &'a str, (pos, end, folded): SplitWord, folds: &'a str) -> W<'a> {
        let raw = &text[pos..end];
        let folded = folded.map_or(raw, |(a, b)| &folds[a..b]);
        W { pos, raw: raw.as_bytes(), folded, upper: raw.chars().next().is_some_and(char::is_uppercase) }
    }

    /// The last byte of the word: its last char where that is ASCII (the tests compare it with
    /// ASCII letters only; the last byte of any other char is not ASCII).
    fn raw_last(&self) -> u8 {
        self.raw.last().copied().unwrap_or(b' ')
    }
}

/// Appends the words of `text[from..to]` (runs of letters, as the tokenizer splits them) to
/// `out`: (start, end, folded form). The folded forms of capitalized and accented words are
/// written into `folds`: `Some(from..to)` of it, else the word is its own folded form.
fn words(text: &str, from: usize, to: usize, folds: &mut String, out: &mut Vec<SplitWord>) {
    let bytes = &text.as_bytes()[..to];
    let mut i = from;
    while i < to {
        let b = bytes[i];
        if b.is_ascii() && !b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let (l, n) = letter_at(text, i);
        if !l {
            i += n;
            continue;
        }
        let s = i;
        let (e, lower, ascii) = word_end(text, i, n, to);
        i = e;
        let at = folds.len();
        let folded = (!lower).then(|| {
            fold_unfolded(&text[s..i], ascii, folds);
            (at, folds.len())
        });
        out.push((s, i, folded));
    }
}

fn is_participle(w: &W<'_>) -> bool {
    let f = w.folded;
    if f.len() < 3 || w.upper || not_participle(f) {
        return false;
    }
    let accented = ["é", "ée", "és", "ées", "É", "ÉE", "ÉS", "ÉES"].iter().any(|s| w.raw.ends_with(s.as_bytes()));
    accented
        || matches!(w.raw_last(), b's' | b'e') && {
            let stem = f.trim_end_matches('s').trim_end_matches('e');
            stem.ends_with('u') || stem.ends_with('i') || stem.ends_with("ert") || stem.ends_with("int")
        }
        || ["u", "i", "is", "it", "us", "ert", "int", "uit", "ait", "eint", "aint"].iter().any(|s| f.ends_with(s))
}

/// Participles of the verbs conjugated with "être" (folded stems).
fn etre_verb(f: &str) -> bool {
    const STEMS: &[&str] = &[
        "all",
        "venu",
        "arriv",
        "parti",
        "ne",
        "mort",
        "entr",
        "sorti",
        "mont",
        "descendu",
        "tomb",
        "rest",
        "devenu",
        "revenu",
        "rentr",
        "retourn",
        "pass",
        "intervenu",
        "parvenu",
        "survenu",
        "decede",
        "apparu",
        "reparti",
    ];
    let stem = f.trim_end_matches('s').trim_end_matches('e');
    STEMS
        .iter()
        .any(|s| stem == *s || (s.len() > 3 && stem.starts_with(s)) || f.starts_with(s) && f.len() <= s.len() + 3)
}

fn is_infinitive(f: &str) -> bool {
    f.len() > 3 && (f.ends_with("er") || f.ends_with("ir") || f.ends_with("re") || f.ends_with("oir"))
}

// The tests of [`signal`] a word may pass, by its last byte: every word of `planned` ends in
// one of `a d e s t u` (`annonce pour` holds a space and is no word), of `near_future` in `a s
// t z`, of `aux` and the future endings in `a i s t z`, of `future_word` in `a i t`; the
// imparfait and passé simple endings in `t`. A word whose last byte passes none of them is no
// signal (a test checks the table against the definition, every test on).
const T_PLANNED: u8 = 1;
const T_NEAR: u8 = 2;
const T_AUX: u8 = 4;
const T_FUTURE_WORD: u8 = 8;
const T_FUTURE_END: u8 = 16;
const T_PAST_END: u8 = 32;

const LAST_BYTE_TESTS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'a' as usize] = T_PLANNED | T_NEAR | T_AUX | T_FUTURE_WORD | T_FUTURE_END;
    t[b'd' as usize] = T_PLANNED;
    t[b'e' as usize] = T_PLANNED;
    t[b'i' as usize] = T_AUX | T_FUTURE_WORD | T_FUTURE_END;
    t[b's' as usize] = T_PLANNED | T_NEAR | T_AUX | T_FUTURE_END;
    t[b't' as usize] = T_PLANNED | T_NEAR | T_AUX | T_FUTURE_WORD | T_FUTURE_END | T_PAST_END;
    t[b'u' as usize] = T_PLANNED;
    t[b'z' as usize] = T_NEAR | T_AUX | T_FUTURE_END;
    t
};

/// The endings of the futur simple and the conditionnel (`ra`, `ront`, `rai`, `ras`, `rez`,
/// `rons`, `rait`, `rais`, `raient`), told by the word's last byte `last` first: one to three
/// comparisons instead of nine (a test compares it with the list).
#[inline(always)]
fn future_ending(f: &str, last: u8) -> bool {
    match last {
        b'a' => f.ends_with("ra"),
        b'i' => f.ends_with("rai"),
        b'z' => f.ends_with("rez"),
        b's' => f.ends_with("ras") || f.ends_with("rons") || f.ends_with("rais"),
        b't' => f.ends_with("ront") || f.ends_with("rait") || f.ends_with("raient"),
        _ => false,
    }
}

/// The tense signal of one word (with the words after it), if any.
fn signal(ws: &[W<'_>], k: usize) -> Option<Tense> {
    signal_with(ws, k, true)
}

/// [`signal`]; with `gate`, the tests that the word's last byte rules out, and the word lists
/// that [`LISTED_SHAPES`] rules out, are skipped (the answer is the same: a test checks both
/// ways).
#[inline(always)]
fn signal_with(ws: &[W<'_>], k: usize, gate: bool) -> Option<Tense> {
    let w = &ws[k];
    let f = w.folded;
    if w.upper {
        // Names (Sahara, Vera) are not verbs; news sentences rarely open on a verb.
        return None;
    }
    // Most words are no signal: only short function words and a few endings can be.
    let last = f.as_bytes().last().copied().unwrap_or(b' ');
    if f.len() > 8 && !matches!(last, b'a' | b't' | b'i' | b's' | b'z' | b'e' | b'u') {
        return None;
    }
    let tests = if gate { LAST_BYTE_TESTS[last as usize] } else { u8::MAX };
    if tests == 0 {
        return None;
    }
    // "a promis de recevoir les syndicats du 3 au 7 février": a promise looks ahead; the
    // participle or verb without `de` (`avait promis dès samedi une riposte`, `les moyens
    // promis`) is read as any other word.
    // The word lists only for a word whose shape one of them has (with `gate`).
    let listed = !gate || LISTED_SHAPES.may_hold(f);
    if listed
        && matches!(f, "promis" | "promet" | "promettent")
        && ws.get(k + 1).is_some_and(|x| matches!(x.folded, "de" | "d"))
    {
        return Some(Tense::Future);
    }
    if listed && tests & T_PLANNED != 0 && planned(f) {
        // "mieux que prévu", "comme prévu": a comparison with the plan, not a plan; "initialement
        // prévue le 25 février": a plan since changed, dated by the narration.
        if f.starts_with("prevu")
            && k > 0
            && matches!(
                ws[k - 1].folded,
                "que" | "qu" | "comme" | "initialement" | "abord" | "primitivement" | "originellement"
            )
        {
            return None;
        }
        return Some(Tense::Future);
    }
    if listed && tests & T_NEAR != 0 && near_future(f) {
        let next = ws.iter().skip(k + 1).take(3).find(|x| !skip(x.folded));
        return next.filter(|x| is_infinitive(x.folded)).map(|_| Tense::Future);
    }
    if listed && tests & T_AUX != 0 && aux(f) {
        let next = ws.iter().skip(k + 1).take(4).find(|x| !skip(x.folded));
        if let Some(n) = next {
            if planned(n.folded) {
                return Some(Tense::Future);
            }
            if is_participle(n) {
                // With "être", a participle is a passé composé only for the verbs of movement
                // and state that take it, or after a reflexive pronoun; else it is a present
                // passive or an adjective ("le lundi est férié").
                let etre = matches!(f, "est" | "sont" | "suis" | "sommes" | "etes");
                let reflexive =
                    k > 0 && matches!(ws[k - 1].folded, "se" | "s" | "me" | "m" | "te" | "t" | "nous" | "vous");
                if matches!(f, "serait" | "seraient") && !reflexive && !etre_verb(n.folded) {
                    // A present conditional passive (`une minute de silence serait observée
                    // mardi`): the future of reported speech, not a compound past (`serait
                    // parti`, `se serait rendu`).
                    return Some(Tense::Future);
                }
                if !etre || reflexive || etre_verb(n.folded) {
                    return Some(Tense::Past);
                }
                return None;
            }
        }
        return match f {
            // (`si la réunion avait lieu lundi`: a condition, see `after_si`.)
            "avait" | "avaient" | "etait" | "etaient" if after_si(ws, k) => None,
            "avait" | "avaient" | "etait" | "etaient" | "fut" | "furent" => Some(Tense::Past),
            "aurait" | "auraient" | "serait" | "seraient" => Some(Tense::Future),
            _ => None,
        };
    }
    if listed && tests & T_FUTURE_WORD != 0 && future_word(f) {
        return Some(Tense::Future);
    }
    if tests & T_FUTURE_END != 0 && f.len() >= 4 && future_ending(f, last) && !not_future(f) {
        return Some(Tense::Future);
    }
    if tests & T_PAST_END != 0 {
        if f.len() >= 4 && (f.ends_with("ait") || f.ends_with("aient")) && !not_imparfait(f) {
            // After `si`, the imparfait states a condition, not a past (`si elle refusait
            // d'arrêter la guerre après vendredi`): the main clause's verb decides.
            if after_si(ws, k) {
                return None;
            }
            return Some(Tense::Past);
        }
        if f.len() >= 6 && f.ends_with("erent") && w.raw_last() == b't' {
            return Some(Tense::Past);
        }
    }
    None
}

/// Whether word `k` follows `si` and a subject of up to three words (`si elle refusait`, `si la
/// Russie refusait`, `s'il pleuvait`).
fn after_si(ws: &[W<'_>], k: usize) -> bool {
    let subject_pronoun = |j: usize| ws.get(j).is_some_and(|w| matches!(w.folded, "il" | "ils"));
    (k.saturating_sub(4)..k).any(|j| ws[j].folded == "si" || ws[j].folded == "s" && j + 1 < k && subject_pronoun(j + 1))
}

/// Whether a word ends in `é`, `ée`, `és` or `ées` (bytes C3 A9, then `e`, `s` or `es`): the
/// optional `e` and `s` stripped, then one comparison (a test compares it with the four
/// endings).
#[inline]
fn ends_in_e_acute(raw: &[u8]) -> bool {
    let stem = match raw {
        [stem @ .., b'e', b's'] => stem,
        [stem @ .., b'e' | b's'] => stem,
        _ => raw,
    };
    stem.ends_with(&[0xC3, 0xA9])
}

/// A bare past participle of the first group after its noun, which reports a done thing: "un
/// sondage publié dimanche", "l'accord signé mardi". Not after an auxiliary, "être" or a
/// pronoun ("sera examiné mardi": the auxiliary decides), nor after a determiner (`la santé`,
/// `le député`, `l'été` are nouns). It qualifies what directly follows it, so its signal stands
/// at its end and dates only an expression there (`la nouvelle majorité` is a noun too, and
/// says nothing of a date further on).
fn bare_participle(ws: &[W<'_>], k: usize) -> bool {
    let w = &ws[k];
    let f = w.folded;
    // The ending first: most words fail it, at less cost than the `planned` list.
    if k == 0 || w.upper || f.len() < 5 || !ends_in_e_acute(w.raw) || planned(f) {
        return false;
    }
    let helper = |x: &str| {
        aux(x)
            || future_word(x)
            || near_future(x)
            || determiner(x)
            || matches!(x, "ete" | "etre" | "etant" | "soit" | "soient" | "seront" | "se" | "s" | "y" | "en")
            // after an adverb of degree it is an adjective: "un trafic très perturbé"
            || matches!(x, "tres" | "trop" | "si" | "assez" | "peu" | "fort" | "tout" | "moins" | "plus" | "aussi")
    };
    // The word before, or the one before it across an adverb or a pronoun ("a déjà signé").
    let after_helper = helper(ws[k - 1].folded) || (k > 1 && skip(ws[k - 1].folded) && helper(ws[k - 2].folded));
    !after_helper
}

#[cfg(test)]
fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | '\n' | '«' | '»' | '“' | '”')
}

/// The sentence around `text[start..end]` across quotation marks: bounds at sentence
/// punctuation and line breaks only. Where the quote-bounded part of [`sentence_bounds`] holds
/// no tense (`un trafic « très perturbé » mardi`), the clause around the quotation decides.
pub(crate) fn clause_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    const STOPS: [char; 5] = ['.', '!', '?', ';', '\n'];
    let (start, end) = (start.min(text.len()), end.min(text.len()));
    let from = text.get(..start).and_then(|t| t.rfind(STOPS)).map_or(0, |i| i + 1);
    let to = text.get(end..).and_then(|t| t.find(STOPS)).map_or(text.len(), |i| end + i);
    (from, to)
}

// Sentence bounds by byte scans: the stops are ASCII, `«` `»` (C2 AB, C2 BB) and `“` `”` (E2 80
// 9C, E2 80 9D), whose byte sequences cannot occur inside another character. A table gives the
// bytes that may end (backwards) or begin (forwards) a stop, so that most bytes cost one load.
const fn stop_table(last: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let ascii = [b'.', b'!', b'?', b';', b'\n'];
    let mut k = 0;
    while k < ascii.len() {
        t[ascii[k] as usize] = true;
        k += 1;
    }
    if last {
        t[0xAB] = true;
        t[0xBB] = true;
        t[0x9C] = true;
        t[0x9D] = true;
    } else {
        t[0xC2] = true;
        t[0xE2] = true;
    }
    t
}
const ENDS_STOP: [bool; 256] = stop_table(true);
const BEGINS_STOP: [bool; 256] = stop_table(false);

/// Whether a stop begins at byte `j` of `b` (forwards).
#[inline]
fn stop_at(b: &[u8], j: usize) -> bool {
    BEGINS_STOP[b[j] as usize]
        && match b[j] {
            0xC2 => matches!(b.get(j + 1), Some(0xAB | 0xBB)),
            0xE2 => b.get(j + 1) == Some(&0x80) && matches!(b.get(j + 2), Some(0x9C | 0x9D)),
            _ => true,
        }
}

/// The sentence around `text[start..end]`: bounds at sentence punctuation, quote marks and line
/// breaks. The signals of a sentence are computed once, keyed by these bounds.
pub(crate) fn sentence_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let (start, end) = (start.min(b.len()), end.min(b.len()));
    (sentence_start(b, start), sentence_end(b, end))
}

/// The start of the sentence around byte `start` of `b` (`start` at most its length): after the
/// last stop before `start`, else 0.
fn sentence_start(b: &[u8], start: usize) -> usize {
    let mut i = start;
    while i > 0 {
        i -= 1;
        if !ENDS_STOP[b[i] as usize] {
            continue;
        }
        let stop = match b[i] {
            0xAB | 0xBB => i >= 1 && b[i - 1] == 0xC2,
            0x9C | 0x9D => i >= 2 && b[i - 1] == 0x80 && b[i - 2] == 0xE2,
            _ => true,
        };
        if stop {
            return i + 1;
        }
    }
    0
}

/// The end of the sentence around byte `end` of `b` (`end` at most its length): the first stop
/// at or after `end`, else the end of `b`.
fn sentence_end(b: &[u8], end: usize) -> usize {
    let mut j = end;
    while j < b.len() {
        if stop_at(b, j) {
            return j;
        }
        j += 1;
    }
    b.len()
}

/// [`sentence_bounds_memo`] of a span inside the window `window` of `text`, whose stops
/// `stops` (the byte ranges of its stops, in order) are known: the stops nearest to the span are
/// found among them (a binary search), and the bytes are scanned only past the window's ends.
///
/// A stop lies inside the window or not, whole; the byte scans from the span find the last stop
/// ending before it and the first one starting after it, which are those of `stops` when the
/// window holds one on that side, else the ones the scans find past its ends (a proptest
/// compares them).
pub(crate) fn sentence_bounds_in_window(
    text: &str,
    (ws, we): (usize, usize),
    stops: &[(usize, usize)],
    start: usize,
    end: usize,
    memo: &std::cell::Cell<Option<(usize, usize)>>,
) -> (usize, usize) {
    if let Some(hit) = memo_hit(text, start, end, memo) {
        return hit;
    }
    if !(ws <= start && start <= end && end <= we && we <= text.len()) {
        return sentence_bounds_memo(text, start, end, memo);
    }
    let b = text.as_bytes();
    // The stops before `start` (they end at or before it: none runs across it) and those before
    // `end`; the ones between start inside the span.
    let before = stops.partition_point(|&(_, e)| e <= start);
    let inside_or_before = stops.partition_point(|&(s, _)| s < end);
    let from = match before.checked_sub(1) {
        Some(k) => stops[k].1,
        None => sentence_start(b, ws),
    };
    let to = match stops.get(inside_or_before) {
        Some(&(s, _)) => s,
        None => sentence_end(b, we),
    };
    // Kept when the span holds no stop: then the sentence holds none.
    memo.set((before == inside_or_before).then_some((from, to)));
    (from, to)
}

/// The sentence `memo` holds, when the span `start..end` lies inside it.
#[inline]
fn memo_hit(
    text: &str,
    start: usize,
    end: usize,
    memo: &std::cell::Cell<Option<(usize, usize)>>,
) -> Option<(usize, usize)> {
    memo.get().filter(|&(from, to)| from <= start && start <= end && end <= to && to <= text.len())
}

/// [`sentence_bounds`], answered without scanning when the span lies inside the last sentence
/// `memo` holds.
///
/// The scans found no stop between the sentence's bounds and the span they started from; when
/// the span itself holds none either (it is kept only then), the sentence holds none, and any
/// span inside it has the same bounds. The rules often ask about the same sentence several
/// times in a row (a weekday, then the day and month after it).
pub(crate) fn sentence_bounds_memo(
    text: &str,
    start: usize,
    end: usize,
    memo: &std::cell::Cell<Option<(usize, usize)>>,
) -> (usize, usize) {
    if let Some(hit) = memo_hit(text, start, end, memo) {
        return hit;
    }
    let bounds = sentence_bounds(text, start, end);
    let b = text.as_bytes();
    let (s, e) = (start.min(b.len()), end.min(b.len()));
    let clean = s <= e && !(s..e).any(|j| stop_at(b, j));
    memo.set(clean.then_some(bounds));
    bounds
}

/// Every tense signal of `text[from..to]`, as (word start, tense): the definition
/// [`signals_with_tokens`] reproduces.
#[cfg(test)]
pub(crate) fn signals(text: &str, from: usize, to: usize) -> Vec<(usize, Tense)> {
    let mut folds = String::new();
    let mut split = Vec::new();
    words(text, from, to, &mut folds, &mut split);
    let ws: Vec<W<'_>> = split.iter().map(|w| W::split(text, *w, &folds)).collect();
    let mut out = Vec::new();
    signals_of(text, &ws, &mut out);
    out
}

/// [`signals`] of the sentence `text[from..to]`, reading the part inside `window` from its
/// tokens `toks` (the tokens of `text[window.0..window.1]`) and splitting only the rest.
///
/// Word tokens are the runs of letters [`signals`] splits, folded the same way, and a window
/// starts and ends at a whitespace, the text's ends or a trigger's edge, never inside a run of
/// letters: the words are the same, without splitting and folding most of them a second time.
pub(crate) fn signals_with_tokens<'a>(
    text: &'a str,
    (from, to): (usize, usize),
    window: (usize, usize),
    toks: &'a [Tok<'a>],
    bufs: &mut TenseBuffers,
) -> Vec<(usize, Tense)> {
    let a = from.max(window.0).min(to);
    let b = to.min(window.1).max(a);
    let TenseBuffers { folds, split, ws, spare } = bufs;
    folds.clear();
    split.clear();
    words(text, from, a, folds, split);
    let n_left = split.len();
    words(text, b, to, folds, split);
    let (left, right) = split.split_at(n_left);
    let (lo, hi) = (toks.partition_point(|t| t.start < a), toks.partition_point(|t| t.start < b));
    let folds: &str = folds;
    let mut list: Vec<W<'_>> = recycle(std::mem::take(ws));
    list.reserve(left.len() + (hi - lo) + right.len());
    list.extend(left.iter().map(|w| W::split(text, *w, folds)));
    for t in &toks[lo..hi] {
        if t.kind == Kind::Word {
            list.push(W { pos: t.start, raw: &text.as_bytes()[t.start..t.end], folded: t.norm, upper: t.upper });
        }
    }
    list.extend(right.iter().map(|w| W::split(text, *w, folds)));
    let mut out = spare.pop().unwrap_or_default();
    out.clear();
    signals_of(text, &list, &mut out);
    *ws = recycle(list);
    out
}

/// Whether word `k` is an auxiliary with an inverted subject pronoun (`a-t-il`, `a-t-on`,
/// `ont-ils`, `avait-elle`): the verb of a reporting incise.
fn inverted(ws: &[W<'_>], k: usize) -> bool {
    let pronoun = |j: usize| ws.get(j).is_some_and(|w| matches!(w.folded, "il" | "elle" | "on" | "ils" | "elles"));
    let t = ws.get(k + 1).is_some_and(|w| w.folded == "t");
    let (Some(w), Some(next)) = (ws.get(k), ws.get(k + 1)) else { return false };
    // The pronoun follows the verb one character away: the hyphen of `a-t-il`.
    let glued = w.pos + w.raw.len() + 1 == next.pos;
    aux(w.folded) && glued && (t && pronoun(k + 2) || pronoun(k + 1))
}

/// Whether word `k` is the auxiliary of a reporting verb right after a comma (`…, a annoncé la
/// mairie.`, `…, ont indiqué les enquêteurs`): an incise with an inverted subject, like
/// `a-t-il déclaré`, which dates what follows it, not the clause it reports before it.
fn reporting_after_comma(text: &str, ws: &[W<'_>], k: usize) -> bool {
    // Read last: most auxiliaries are no `a` or `ont` before a reporting verb.
    let comma = || text[..ws[k].pos].trim_end_matches([' ', '\u{a0}', '\u{202f}']).ends_with(',');
    // The incise ends the sentence: its subject and a few words, no `que` (`…, Javier Milei, a
    // prévenu ses compatriotes que …` is the main verb after an apposition).
    //
    // The tail up to the first stop (ASCII: searched as bytes, and only in the first 121 bytes,
    // beyond which it is too long anyway), then its words counted in one pass.
    let closes_sentence = || {
        let Some(p) = ws.get(k + 1) else { return false };
        let rest = &text[p.pos + p.raw.len()..];
        let stop = |b: &u8| matches!(b, b'.' | b'!' | b'?' | b';' | b'\n');
        let end = rest.as_bytes().iter().take(121).position(stop).unwrap_or(rest.len());
        if end > 120 {
            return false;
        }
        let mut words = 0;
        for w in rest[..end].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            words += 1;
            if words > 8 || matches!(w, "que" | "qu") {
                return false;
            }
        }
        true
    };
    matches!(ws[k].folded, "a" | "ont")
        && ws.get(k + 1).is_some_and(|p| {
            matches!(
                p.folded,
                "annonce"
                    | "indique"
                    | "declare"
                    | "precise"
                    | "affirme"
                    | "assure"
                    | "explique"
                    | "ajoute"
                    | "souligne"
                    | "confirme"
                    | "estime"
                    | "rapporte"
                    | "averti"
                    | "prevenu"
                    | "insiste"
                    | "martele"
                    | "fait"
            )
        })
        && comma()
        && closes_sentence()
}

/// The comma closing a participle clause that opens a sentence with its first word `w`
/// (`Blessé au genou samedi à Dublin,`): a capitalised past participle of the first group, and
/// a comma within 80 bytes with no stop before it.
fn fronted_participle_clause(text: &str, w: &W<'_>) -> Option<usize> {
    if !w.upper || w.folded.len() < 5 || !ends_in_e_acute(w.raw) || planned(w.folded) {
        return None;
    }
    let from = w.pos + w.raw.len();
    let rest = text.get(from..)?.as_bytes();
    let k = rest.iter().take(80).position(|&b| matches!(b, b',' | b'.' | b'!' | b'?' | b';' | b'\n' | b':'))?;
    (rest[k] == b',').then_some(from + k)
}

fn signals_of(text: &str, ws: &[W<'_>], out: &mut Vec<(usize, Tense)>) {
    // A plain loop: the closure of a `filter_map` was called out of line for every word.
    for k in 0..ws.len() {
        if k > 0 && matches!(ws[k].folded, "qui" | "dont") {
            out.push((ws[k].pos, Tense::Relative));
            continue;
        }
        if k > 0 && matches!(ws[k].folded, "que" | "qu") {
            out.push((ws[k].pos, Tense::Que));
            continue;
        }
        if k == 0 {
            if let Some(comma) = fronted_participle_clause(text, &ws[0]) {
                out.push((ws[0].pos + ws[0].raw.len(), Tense::PastClause(comma)));
                continue;
            }
        }
        match signal(ws, k) {
            Some(Tense::Past) if inverted(ws, k) || reporting_after_comma(text, ws, k) => {
                out.push((ws[k].pos, Tense::PastAfter))
            }
            Some(t) => out.push((ws[k].pos, t)),
            // With its agent (`déclenchée par l'attaque du 7 octobre`) the participle is a
            // passive verb for its whole clause; bare, it dates what follows it.
            None => {
                if bare_participle(ws, k) {
                    let agent = ws.get(k + 1).is_some_and(|w| w.folded == "par");
                    out.push((ws[k].pos + ws[k].raw.len(), if agent { Tense::Past } else { Tense::PastNext }));
                }
            }
        }
    }
}

/// The signal nearest to `start..end` and at most `MAX_REACH` bytes away, words inside the span
/// excluded.
pub(crate) fn nearest(signals: &[(usize, Tense)], start: usize, end: usize) -> Option<Tense> {
    // Inside a participle clause opening the sentence, its participle decides.
    if signals.iter().any(|&(pos, t)| matches!(t, Tense::PastClause(c) if pos <= start && end <= c)) {
        return Some(Tense::Past);
    }
    // The last relative pronoun before the expression: the signals before it belong to the
    // main clause.
    let barrier = signals.iter().filter(|&&(pos, t)| t == Tense::Relative && pos < start).map(|&(pos, _)| pos).max();
    // Inside a relative clause, the clause's own verb before the expression dates it, not the
    // main verb after the clause (`Doué, qui fêtera ses 20 ans mardi, a été désigné`).
    if let Some(b) = barrier {
        let inner = nearest_in(signals, start, end, |pos| pos > b && pos < start);
        if inner.is_some() {
            return inner;
        }
    }
    let main = |pos: usize| barrier.map_or(true, |b| pos >= b);
    // A `que` after the expression: the verbs past it date the clause it opens, not the
    // expression, when a verb before the expression dates it (`a indiqué mardi qu'il
    // examinera`).
    let que = signals.iter().find(|&&(pos, t)| t == Tense::Que && pos >= end).map(|&(pos, _)| pos);
    if let Some(q) = que {
        let before = nearest_in(signals, start, end, |pos| main(pos) && pos < start);
        if before.is_some() {
            return nearest_in(signals, start, end, |pos| main(pos) && pos < q);
        }
    }
    nearest_in(signals, start, end, main)
}

/// [`nearest`] among the signals whose position `keep` accepts.
fn nearest_in(signals: &[(usize, Tense)], start: usize, end: usize, keep: impl Fn(usize) -> bool) -> Option<Tense> {
    let mut best: Option<(usize, Tense)> = None;
    for &(pos, t) in signals {
        if pos >= start && pos < end || pos + MAX_REACH < start || pos > end + MAX_REACH {
            continue;
        }
        if matches!(t, Tense::Relative | Tense::Que | Tense::PastClause(_)) || !keep(pos) {
            continue;
        }
        // A bare participle dates only what follows it after one space; an incise, what
        // follows it.
        if t == Tense::PastNext && !(pos <= start && start - pos <= 1) || t == Tense::PastAfter && pos > start {
            continue;
        }
        let d = if pos < start { start - pos } else { pos - end };
        if best.map_or(true, |(bd, _)| d < bd) {
            best = Some((d, t));
        }
    }
    best.map(|(_, t)| if matches!(t, Tense::PastNext | Tense::PastAfter) { Tense::Past } else { t })
}

/// The tense signal nearest to `text[start..end]` within its sentence.
#[cfg(test)]
pub(crate) fn tense_around(text: &str, start: usize, end: usize) -> Option<Tense> {
    let (from, to) = sentence_bounds(text, start, end);
    nearest(&signals(text, from, to), start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASES: &[(&str, &str, Option<Tense>)] = &[
        // inside a relative clause, its own verb before the date, not the main verb after it
        ("Le joueur, qui fêtera ses vingt ans mardi, a été désigné.", "mardi", Some(Tense::Future)),
        (
            "Le chancelier, dont la coalition avait éclaté le 6 novembre, a salué son successeur.",
            "le 6 novembre",
            Some(Tense::Past),
        ),
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
        // "est" + adjective or passive: no tense
        ("Le lundi de Pâques est férié.", "lundi", None),
        // "est" + a verb of movement: passé composé
        ("Il est arrivé lundi.", "lundi", Some(Tense::Past)),
        // an imparfait after `si` states a condition: the main clause's conditional decides
        (
            "La Russie s'exposerait à des sanctions si elle refusait de signer après vendredi.",
            "après vendredi",
            Some(Tense::Future),
        ),
        ("Il viendrait si la réunion avait lieu lundi.", "lundi", Some(Tense::Future)),
        // ... but a plus-que-parfait after `si` is a past condition
        ("S'il avait signé lundi, la crise aurait été évitée.", "lundi", Some(Tense::Past)),
        // "serait" + a participle that takes avoir: a present conditional passive, the future
        // of reported speech
        ("Il a annoncé que la séance serait levée jeudi.", "jeudi", Some(Tense::Future)),
        // ... but "serait" + a verb of movement, or after a reflexive: a past conditional
        ("Le suspect serait parti mardi vers l'Espagne.", "mardi", Some(Tense::Past)),
        ("Il se serait rendu lundi chez son frère.", "lundi", Some(Tense::Past)),
        // "aurait" + participle: a past conditional (an allegation)
        ("L'homme aurait frappé sa voisine dimanche.", "dimanche", Some(Tense::Past)),
        // a name ending like a future is not a verb
        ("Vera Dupont arrive lundi.", "lundi", None),
        // a bare participle after its noun: done, whatever the main verb
        ("Selon un sondage publié dimanche, elle recueillerait 30 % des voix.", "dimanche", Some(Tense::Past)),
        // ... but after an auxiliary the auxiliary decides
        ("Le texte sera examiné mardi.", "mardi", Some(Tense::Future)),
        ("La sécurité sera renforcée dimanche.", "dimanche", Some(Tense::Future)),
        // ... after an adverb of degree it is an adjective: the planned verb decides
        ("La SNCF prévoit un trafic très perturbé mardi.", "mardi", Some(Tense::Future)),
        // ... with its agent it is a passive verb for the whole clause
        ("La guerre, déclenchée par l'attaque du 7 octobre, reste au cœur des débats.", "7 octobre", Some(Tense::Past)),
        // a reporting incise dates what follows it, not the reported words before it
        ("Les épreuves doivent se tenir à partir du 30 juillet, a-t-on appris.", "30 juillet", Some(Tense::Future)),
        ("« Nous tiendrons », a-t-il déclaré lundi.", "lundi", Some(Tense::Past)),
        // ... and far from the date it says nothing (a noun: la nouvelle majorité)
        ("La nouvelle majorité : l'élection, le 27 juin.", "le 27 juin", None),
        // ... and after a determiner it is a noun: no signal
        ("Pendant l'été lundi reste calme.", "lundi", None),
        // scheduling participles point forward
        ("La décision a été mise en délibéré au 10 avril.", "10 avril", Some(Tense::Future)),
        ("Le vote, reporté à jeudi, aura lieu au Sénat.", "jeudi", Some(Tense::Future)),
    ];

    #[test]
    fn tense_table() {
        for &(text, expr, want) in CASES {
            let s = text.find(expr).unwrap();
            let got = tense_around(text, s, s + expr.len());
            assert_eq!(got, want, "input {text:?} expr {expr:?}: expected {want:?}, got {got:?}");
        }
    }

    /// The words of the signal lists, the endings, and words that end like them but are none.
    const SIGNAL_WORDS: &[&str] = &[
        "prevu",
        "prevue",
        "prevus",
        "prevues",
        "programme",
        "programmee",
        "attendu",
        "attendue",
        "attendus",
        "attendues",
        "annonce",
        "compte",
        "comptent",
        "envisage",
        "prevoit",
        "prevoient",
        "doit",
        "doivent",
        "devra",
        "devront",
        "devrait",
        "devraient",
        "souhaite",
        "entend",
        "fixe",
        "fixee",
        "fixes",
        "fixees",
        "reporte",
        "reportee",
        "reportes",
        "reportees",
        "repousse",
        "repoussee",
        "ajourne",
        "ajournee",
        "delibere",
        "va",
        "vont",
        "vais",
        "vas",
        "allons",
        "allez",
        "a",
        "ont",
        "ai",
        "as",
        "avons",
        "avez",
        "avait",
        "avaient",
        "avais",
        "avions",
        "est",
        "sont",
        "suis",
        "sommes",
        "etes",
        "etait",
        "etaient",
        "etais",
        "fut",
        "furent",
        "eut",
        "eurent",
        "aurait",
        "auraient",
        "serait",
        "seraient",
        "ira",
        "iront",
        "aura",
        "auront",
        "sera",
        "seront",
        "serai",
        "partira",
        "viendront",
        "dirai",
        "verras",
        "direz",
        "ferons",
        "pourrait",
        "voudrais",
        "diraient",
        "parlait",
        "parlaient",
        "signerent",
        "extra",
        "cholera",
        "bras",
        "vrai",
        "front",
        "portrait",
        "citrons",
        "fait",
        "lait",
        "mais",
        "palais",
        "frais",
        "entra",
        "publie",
        "signees",
        "arrive",
        "arrivee",
        "parti",
        "venu",
        "tenu",
        "mort",
        "ouvert",
        "atteint",
        "construit",
        "pris",
        "mis",
        "dit",
        "ecrit",
        "entendu",
        "abcdefghira",
        "abcdefghiait",
        "abcdefghierent",
        "abcdefghprevu",
        "nid",
        "riz",
        "nez",
        "chez",
        "assez",
    ];

    fn gate_agrees(sentence: &str) -> Result<(), String> {
        let mut folds = String::new();
        let mut split = Vec::new();
        words(sentence, 0, sentence.len(), &mut folds, &mut split);
        let ws: Vec<W<'_>> = split.iter().map(|w| W::split(sentence, *w, &folds)).collect();
        for k in 0..ws.len() {
            let (fast, slow) = (signal_with(&ws, k, true), signal_with(&ws, k, false));
            if fast != slow {
                return Err(format!("input {sentence:?} word {k}: gated {fast:?}, every test {slow:?}"));
            }
        }
        Ok(())
    }

    #[test]
    fn listed_shapes_keep_every_listed_word() {
        for w in PROMISE.iter().chain(PLANNED).chain(NEAR_FUTURE).chain(AUX).chain(FUTURE_WORDS) {
            assert!(LISTED_SHAPES.may_hold(w), "input {w:?}");
        }
    }

    #[test]
    fn last_byte_gate_keeps_every_signal() {
        for w in SIGNAL_WORDS {
            for ctx in ["{}", "il {} signé lundi", "ils se {} arrivés", "on {} aller voter", "elle {} prévu", "un {} x"]
            {
                gate_agrees(&ctx.replace("{}", w)).unwrap();
                gate_agrees(&ctx.replace("{}", &w.to_uppercase())).unwrap();
            }
        }
    }

    /// The nine endings, tested one after the other: the definition of [`future_ending`].
    fn future_ending_by_list(f: &str) -> bool {
        ["ra", "ront", "rai", "ras", "rez", "rons", "rait", "rais", "raient"].iter().any(|s| f.ends_with(s))
    }

    #[test]
    fn e_acute_ending_matches_the_list() {
        for w in
            ["é", "ée", "és", "ées", "e", "es", "s", "ées s", "éss", "éees", "ééé", "ées", "eé", "É", "ÉE", "", "x"]
        {
            for raw in [w.to_string(), format!("sign{w}"), format!("{w}e"), format!("{w}s"), format!("{w}es")] {
                let by_list = ["é", "ée", "és", "ées"].iter().any(|s| raw.ends_with(s));
                assert_eq!(ends_in_e_acute(raw.as_bytes()), by_list, "input {raw:?}");
            }
        }
    }

    #[test]
    fn future_ending_matches_the_list() {
        for w in
            SIGNAL_WORDS.iter().chain(&["ra", "ront", "rai", "ras", "rez", "rons", "rait", "rais", "raient", "r", ""])
        {
            for f in [w.to_string(), format!("xx{w}"), format!("{w}s"), format!("{w}t")] {
                let last = f.as_bytes().last().copied().unwrap_or(b' ');
                assert_eq!(future_ending(&f, last), future_ending_by_list(&f), "input {f:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The ending test by last byte agrees with the list of endings.
        #[test]
        fn future_ending_matches_the_list_for_any_word(f in "[a-zé]{0,4}(r|ra|ro|ron|rai|re)?[a-z]{0,3}") {
            let last = f.as_bytes().last().copied().unwrap_or(b' ');
            proptest::prop_assert_eq!(future_ending(&f, last), future_ending_by_list(&f), "input {:?}", f);
        }

        /// The last-byte gate gives what every test gives, for any words.
        #[test]
        fn last_byte_gate_matches_every_test(s in "([a-zéèêàç]{1,10}[ ,.-]{1,2}){1,8}") {
            proptest::prop_assert!(gate_agrees(&s).is_ok(), "{:?}", gate_agrees(&s));
        }
    }

    /// The char-based definition that the byte scan of `sentence_bounds` must reproduce.
    fn sentence_bounds_by_chars(text: &str, start: usize, end: usize) -> (usize, usize) {
        let from = text[..start].rfind(is_stop).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
        let to = text[end..].find(is_stop).map_or(text.len(), |i| end + i);
        (from, to)
    }

    const BOUNDS: &[(&str, &str)] = &[
        // a full stop before, a semicolon after
        ("Il a parlé. Le vote a lieu lundi; puis", "lundi"),
        // French quotes on both sides (two-byte stops)
        ("« Nous verrons lundi », a-t-il dit.", "lundi"),
        // English quotes (three-byte stops) and a line break
        ("“Le 3 mars” est\nretenu", "3 mars"),
        // no stop at all: the whole text
        ("dès jeudi prochain", "jeudi"),
        // an expression that starts the text
        ("Lundi. Mardi", "Lundi"),
    ];

    #[test]
    fn sentence_bounds_table() {
        for &(text, expr) in BOUNDS {
            let s = text.find(expr).unwrap();
            let (want, got) =
                (sentence_bounds_by_chars(text, s, s + expr.len()), sentence_bounds(text, s, s + expr.len()));
            assert_eq!(got, want, "input {text:?} expr {expr:?}: expected {want:?}, got {got:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Reading a sentence's signals from the window's tokens gives what splitting the
        /// sentence gives, for every sentence a window touches.
        #[test]
        fn signals_with_tokens_match_signals(
            text in "(lundi|Mars|2017|a|ont|sera|prévu|est|arrivé|Il|va|signer|avaient|réunirent|jeudi|ÉTAIT|l’|3|12/05| |  |\\. |, |;|«|\n|x{70}){0,60}"
        ) {
            for (ws, we) in crate::temporal::scan::windows(&text) {
                let mut folds = String::new();
                let toks = crate::temporal::scan::tokenize(&text, ws, we, &mut folds);
                for t in &toks {
                    let key = sentence_bounds(&text, t.start, t.end);
                    proptest::prop_assert_eq!(
                        signals_with_tokens(&text, key, (ws, we), &toks, &mut TenseBuffers::default()),
                        signals(&text, key.0, key.1),
                        "window {:?} sentence {:?}", (ws, we), key
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The memo answers as the scans do, for any sequence of spans over one text.
        #[test]
        fn sentence_bounds_memo_matches_scans(
            text in "[a-zé .;!?«»“”\n’A-Z0-9]{0,60}",
            spans in proptest::collection::vec((0usize..64, 0usize..64), 1..12),
        ) {
            let fix = |i: usize| {
                let mut i = i.min(text.len());
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let memo = std::cell::Cell::new(None);
            for (a, b) in spans {
                let (s, e) = (fix(a.min(b)), fix(a.max(b)));
                proptest::prop_assert_eq!(sentence_bounds_memo(&text, s, e, &memo), sentence_bounds(&text, s, e));
            }
        }

        /// The stops of a window give the sentences of the byte scans, and their memo answers as
        /// the byte scans' memo does, for any sequence of token spans of the window.
        #[test]
        fn sentence_bounds_in_window_match_bytes(
            text in "(lundi|Mars|2017|a|x|«|»|“|”|’|\\.|;|!|\\?|-| |  |\n| \n |\n\n|\t|\r|\u{a0}|\u{202f}|\u{2028}|é){0,40}",
            spans in proptest::collection::vec((0usize..40, 0usize..40), 1..12),
        ) {
            for (ws, we) in crate::temporal::scan::windows(&text).into_iter().chain([(0, text.len())]) {
                let mut folds = String::new();
                let toks = crate::temporal::scan::tokenize(&text, ws, we, &mut folds);
                let stops = crate::temporal::scan::stops(&text, ws, we);
                if toks.is_empty() {
                    continue;
                }
                let (memo, memo_bytes) = (std::cell::Cell::new(None), std::cell::Cell::new(None));
                for &(a, b) in &spans {
                    let (s, e) = (a.min(b) % toks.len(), a.max(b) % toks.len());
                    let (start, end) = (toks[s].start, toks[e].end);
                    let got = sentence_bounds_in_window(&text, (ws, we), &stops, start, end, &memo);
                    proptest::prop_assert_eq!(got, sentence_bounds(&text, start, end), "window {:?} span {:?}", (ws, we), (s, e));
                    proptest::prop_assert_eq!(got, sentence_bounds_memo(&text, start, end, &memo_bytes));
                    proptest::prop_assert_eq!(memo.get(), memo_bytes.get());
                }
            }
        }

        /// The byte scan finds the same sentence as the char-based definition.
        #[test]
        fn sentence_bounds_match_chars(text in "[a-zé .;!?«»“”\n’A-Z0-9]{0,40}", a in 0usize..48, b in 0usize..48) {
            let fix = |i: usize| {
                let mut i = i.min(text.len());
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let (s, e) = (fix(a.min(b)), fix(a.max(b)));
            proptest::prop_assert_eq!(sentence_bounds(&text, s, e), sentence_bounds_by_chars(&text, s, e));
        }
    }
}
