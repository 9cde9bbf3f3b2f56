//! Attribution: which quotations to keep, their kind, their cue, their speaker mention and the
//! referent it resolves to through the discourse.

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

use super::lexicon::{form, CueMatch, Entry, Lexicon};
use super::marks::MarkPair;
use super::syntax::{is_function_word, paragraphs, split_sentences, tokenize, tokenize_into, Tok, TokKind, ALNUM};
use super::{Cue, MentionRef, Quotation, QuoteKind, Resolution, Speaker};
use crate::gazetteer::{EntityKind, Gender};
use crate::Span;

/// Determiners and possessives that open a noun phrase.
fn is_det(lw: &str) -> bool {
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
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "notre"
            | "nos"
            | "votre"
            | "vos"
            | "plusieurs"
            | "certains"
            | "certaines"
            | "deux"
            | "trois"
            | "quatre"
    )
}

fn is_title(w: &str) -> bool {
    matches!(w, "M" | "MM" | "Mme" | "Mmes" | "Mlle" | "Me" | "Dr" | "Pr")
}

fn is_aux(lw: &str) -> bool {
    matches!(
        lw,
        "a" | "ont"
            | "avait"
            | "avaient"
            | "aura"
            | "auront"
            | "aurait"
            | "auraient"
            | "eut"
            | "eurent"
            | "est"
            | "sont"
            | "était"
            | "étaient"
            | "sera"
            | "seront"
            | "serait"
            | "seraient"
            | "fut"
            | "furent"
            | "va"
            | "vont"
            | "allait"
            | "allaient"
            | "vient"
            | "viennent"
            | "venait"
            | "doit"
            | "doivent"
            | "devait"
            | "peut"
            | "pourrait"
            | "semble"
            | "tient"
            | "tenait"
    )
}

/// Words that may stand between an auxiliary and its participle, or after an inverted verb.
fn is_adverb(lw: &str) -> bool {
    (lw.len() > 6 && lw.ends_with("ment"))
        || matches!(
            lw,
            "déjà"
                | "aussi"
                | "également"
                | "encore"
                | "ainsi"
                | "alors"
                | "toutefois"
                | "cependant"
                | "pourtant"
                | "notamment"
                | "ensuite"
                | "enfin"
                | "même"
                | "bien"
                | "toujours"
                | "souvent"
                | "jamais"
                | "pas"
                | "plus"
                | "ne"
                | "n'"
                | "n’"
                | "très"
                | "hier"
                | "aujourd'hui"
                | "aujourd’hui"
                | "lundi"
                | "mardi"
                | "mercredi"
                | "jeudi"
                | "vendredi"
                | "samedi"
                | "dimanche"
                | "pour"
                | "sa"
                | "son"
                | "leur"
                | "part"
                | "de"
                | "nouveau"
                | "côté"
                | "ce"
                | "cette"
                | "maintes"
                | "fois"
                | "d'ailleurs"
                | "d’ailleurs"
                | "d'abord"
                | "d’abord"
                | "lui-même"
                | "elle-même"
                | "eux-mêmes"
                | "tout"
                | "donc"
                | "y"
                | "en"
                | "soir"
                | "matin"
                | "midi"
                | "après-midi"
                | "dimanche-soir"
                | "vite"
                | "immédiatement"
                | "aussitôt"
                | "quant"
                | "lui"
                | "elle"
                | "eux"
                | "à"
                | "par"
                | "ailleurs"
                | "outre"
                | "surtout"
                | "mardi-soir"
        )
}

/// Object and reflexive clitics between a subject and its verb.
fn is_object_clitic(lw: &str) -> bool {
    matches!(
        lw,
        "ne" | "n'"
            | "n’"
            | "se"
            | "s'"
            | "s’"
            | "lui"
            | "leur"
            | "y"
            | "en"
            | "me"
            | "m'"
            | "m’"
            | "te"
            | "t'"
            | "t’"
            | "nous"
            | "vous"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "l’"
    )
}

fn pronoun(lw: &str) -> Option<(bool, Option<Gender>)> {
    // (plural, gender). `iis`/`ii` are the OCR reading of a capital I for l (IIs, Il).
    Some(match lw {
        "il" | "ii" => (false, Some(Gender::Masculine)),
        "elle" => (false, Some(Gender::Feminine)),
        "ils" | "iis" => (true, None),
        "elles" => (true, Some(Gender::Feminine)),
        "on" => (false, None),
        _ => return None,
    })
}

/// Words that end a subject noun phrase when scanning left, or an inverted one scanning right.
fn is_np_stop(lw: &str) -> bool {
    matches!(
        lw,
        "que"
            | "qu'"
            | "qu’"
            | "qui"
            | "dont"
            | "où"
            | "mais"
            | "car"
            | "puis"
            | "lorsque"
            | "lorsqu'"
            | "lorsqu’"
            | "quand"
            | "si"
            | "comme"
            | "tandis"
            | "afin"
            | "donc"
            | "or"
            | "ni"
            | "parce"
            | "puisque"
    )
}

/// Prepositions that open an adverbial rather than a subject.
fn is_preposition(lw: &str) -> bool {
    matches!(
        lw,
        "lors"
            | "après"
            | "avant"
            | "pendant"
            | "depuis"
            | "dans"
            | "en"
            | "à"
            | "au"
            | "aux"
            | "selon"
            | "malgré"
            | "face"
            | "durant"
            | "par"
            | "pour"
            | "sur"
            | "sous"
            | "chez"
            | "entre"
            | "vers"
            | "contre"
            | "avec"
            | "sans"
            | "dès"
            | "d'après"
            | "d’après"
            | "outre"
            | "via"
            | "parmi"
            | "de"
            | "d'"
            | "d’"
            | "du"
            | "des"
    )
}

/// Words that end an inverted subject (what follows it is an adverbial).
fn is_np_right_stop(lw: &str) -> bool {
    is_np_stop(lw)
        || matches!(
            lw,
            "dans"
                | "lors"
                | "lundi"
                | "mardi"
                | "mercredi"
                | "jeudi"
                | "vendredi"
                | "samedi"
                | "dimanche"
                | "hier"
                | "ce"
                | "cette"
                | "en"
                | "sur"
                | "devant"
                | "après"
                | "avant"
                | "depuis"
                | "pendant"
                | "au"
                | "à"
                | "selon"
                | "sans"
                | "avec"
                | "durant"
                | "face"
                | "par"
                | "lui-même"
                | "elle-même"
                | "avant-hier"
                | "mardi-soir"
                | "aujourd'hui"
                | "aujourd’hui"
                | "lorsqu'"
                | "lorsqu’"
                | "auprès"
                | "via"
                // A manner adverbial: `a indiqué un diplomate sous couvert d'anonymat`.
                | "sous"
        )
}

/// Nouns that make a noun phrase an organisation or a service speaking for one.
/// (Single words only: `Ctx::np` relies on it to skip names with a space.)
fn is_org_noun(lw: &str) -> bool {
    matches!(
        lw,
        "kremlin"
            | "élysée"
            | "matignon"
            | "gouvernement"
            | "ministère"
            | "présidence"
            | "service"
            | "services"
            | "équipe"
            | "administration"
            | "parti"
            | "commission"
            | "armée"
            | "police"
            | "parquet"
            | "préfecture"
            | "mairie"
            | "syndicat"
            | "entreprise"
            | "groupe"
            | "direction"
            | "cabinet"
            | "entourage"
            | "bureau"
            | "conseil"
            | "comité"
            | "agence"
            | "association"
            | "fédération"
            | "ministre-présidence"
            | "chancellerie"
            | "diplomatie"
            | "quai"
            | "état-major"
            | "parlement"
            | "assemblée"
            | "sénat"
            | "tribunal"
            | "cour"
            | "banque"
            | "société"
            | "ong"
            | "onu"
            | "otan"
            | "pentagone"
            | "département"
            | "ambassade"
            | "maison"
            | "collectif"
            | "mouvement"
            | "municipalité"
            | "région"
            | "département-"
            | "déclarations"
            | "communiqué"
            | "sources"
            | "source"
            | "autorités"
            | "enquêteurs"
            | "organisation"
            | "secrétariat"
    )
}

/// Head nouns whose complement names the organisation that speaks (le service de presse du
/// Kremlin → the Kremlin).
fn is_service_noun(lw: &str) -> bool {
    matches!(
        lw,
        "service"
            | "services"
            | "cabinet"
            | "entourage"
            | "bureau"
            | "équipe"
            | "déclarations"
            | "communiqué"
            | "sources"
            | "source"
            | "présidence"
            | "direction"
            | "secrétariat"
            | "chancellerie"
            | "diplomatie"
    )
}

/// Nouns before quotation marks that name a title, not a quotation (`le film « … »`).
fn is_title_noun(lw: &str) -> bool {
    matches!(
        lw,
        "journal"
            | "quotidien"
            | "hebdomadaire"
            | "magazine"
            | "mensuel"
            | "revue"
            | "film"
            | "livre"
            | "roman"
            | "ouvrage"
            | "essai"
            | "émission"
            | "programme"
            | "opération"
            | "série"
            | "album"
            | "chanson"
            | "pièce"
            | "spectacle"
            | "exposition"
            | "festival"
            | "plan"
            | "loi"
            | "mouvement"
            | "collectif"
            | "slogan"
            | "hashtag"
            | "mot-dièse"
            | "dispositif"
            | "projet"
            | "rapport"
            | "documentaire"
            | "titre"
            | "baptisé"
            | "baptisée"
            | "baptisés"
            | "baptisées"
            | "intitulé"
            | "intitulée"
            | "intitulés"
            | "surnommé"
            | "surnommée"
            | "dénommé"
            | "dénommée"
            | "nommé"
            | "nommée"
            | "mot"
            | "terme"
            | "label"
            | "association"
            | "site"
            | "blog"
            | "podcast"
            | "rubrique"
            | "chronique"
            | "feuilleton"
            | "jeu"
            | "marque"
            | "campagne"
            | "réseau"
            | "groupe"
            | "compte"
            | "chaîne"
            | "radio"
            | "station"
            | "affaire"
            | "dossier"
            | "manifeste"
            | "pétition"
            | "tribune"
            | "appel"
            | "expression"
            | "formule"
            | "pseudonyme"
            | "surnom"
            | "sobriquet"
            | "nom"
            | "lire"
            | "voir"
    )
}

/// Nouns that quote words as words (le slogan « … », le mot « … »).
fn is_word_noun(lw: &str) -> bool {
    matches!(
        lw,
        "slogan"
            | "hashtag"
            | "mot-dièse"
            | "mot"
            | "terme"
            | "expression"
            | "formule"
            | "surnom"
            | "sobriquet"
            | "nom"
            | "pseudonyme"
            | "label"
            | "intitulé"
            | "intitulée"
            | "baptisé"
            | "baptisée"
            | "surnommé"
            | "surnommée"
            | "dénommé"
            | "dénommée"
    )
}

fn cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// `s` lowercased (`to_lowercase`) into `out`, its buffer reused: copied and its ASCII
/// lowercased in place, which is the whole of `to_lowercase` when no other character has a
/// lowercase form of its own (French text: `é`, `’`, `«`); else lowercased by `to_lowercase`.
fn lowercase_into(s: &str, out: &mut String) {
    out.clear();
    out.push_str(s);
    out.make_ascii_lowercase();
    // Only the characters that are not ASCII are decoded and looked at.
    let others_unchanged = || {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] < 0x80 {
                i += 1;
                continue;
            }
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { return false };
            if !lowercase_is_itself(c) {
                return false;
            }
            i += c.len_utf8();
        }
        true
    };
    if !others_unchanged() {
        out.clear();
        if s.contains('Σ') {
            // (A final sigma depends on its neighbours.)
            out.push_str(&s.to_lowercase());
        } else {
            for c in s.chars() {
                if lowercase_is_itself(c) {
                    out.push(c);
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
}

/// Whether `to_lowercase` leaves `c` as it is, with the Latin-1 symbols and lowercase letters
/// (`é`, `«`, the no-break space) answered without the Unicode tables.
fn lowercase_is_itself(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => !c.is_ascii_uppercase(),
        '\u{80}'..='\u{BF}' | '\u{D7}' | '\u{DF}'..='\u{FF}' => true,
        _ => {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        }
    }
}

/// The text with its ASCII letters lowercased, once: a capitalised word's lowercase form is a
/// slice of it, not a `String` of its own, when its other characters are their own lowercase
/// (`Président`, not `ÉTAT`).
pub(crate) struct Lowered(String);

impl Lowered {
    pub(crate) fn new(text: &str) -> Lowered {
        Lowered(text.to_ascii_lowercase())
    }

    /// `w`, the word at `span` of the text, lowercased (`to_lowercase`), if a slice of the
    /// lowered text.
    fn get(&self, span: Span, w: &str) -> Option<&str> {
        if !w.is_ascii() && !w.chars().all(lowercase_is_itself_or_ascii) {
            return None;
        }
        self.0.get(span.range())
    }
}

/// Whether `c` is ASCII or its own lowercase form.
fn lowercase_is_itself_or_ascii(c: char) -> bool {
    c.is_ascii() || lowercase_is_itself(c)
}

/// `f` of `w` lowercased (`to_lowercase`), without a `String` for a short ASCII word.
fn lowered<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if let Some(b) = buf.get_mut(..w.len()).filter(|_| w.is_ascii()) {
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(b) {
            return f(l);
        }
    }
    f(&w.to_lowercase())
}

/// A noun phrase naming a speaker, read from its tokens.
#[derive(Clone, Debug)]
pub(crate) struct Np {
    pub span: Span,
    /// The proper name(s) in head position, `A et B` for a coordination.
    pub name: Option<String>,
    pub org: bool,
    pub plural: bool,
    pub gender: Option<Gender>,
    /// A plural description that refers back (`les deux hommes`).
    pub anaphoric: bool,
    /// A bare definite description (`le ministre`, `l'élu`) that refers back to a person named
    /// before, unless the gazetteer knows it.
    pub definite: bool,
}

/// What a quotation or reported clause is attributed to, before resolution.
#[derive(Clone, Debug)]
pub(crate) enum Who {
    Nobody,
    Np(Np, f32),
    Pronoun {
        span: Span,
        plural: bool,
        gender: Option<Gender>,
    },
    /// The same speaker as the raw item at this index (second half of an incise split).
    Same(usize),
    /// A headline whose leading noun phrase speaks.
    Headline(Np),
}

#[derive(Clone, Debug)]
pub(crate) struct Raw {
    pub span: Span,
    pub kind: QuoteKind,
    pub marks: Vec<Span>,
    pub cue: Option<Cue>,
    pub who: Who,
    pub confidence: f32,
    pub paragraph: usize,
    pub other_half: Option<usize>,
    /// The item names a source (`selon X`) rather than a quotation.
    pub source_only: bool,
    /// The item only records the subject of a reporting verb, for the discourse.
    pub subject_only: bool,
}

pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    pub mentions: &'a [MentionRef<'a>],
    pub cues: Vec<CueMatch>,
    pub pairs: Vec<MarkPair>,
    /// Outer quotations as opaque spans (marks included), with their index in `pairs`.
    pub opaque: Vec<(Span, usize)>,
    pub sentences: Vec<Span>,
    pub sentence_para: Vec<usize>,
    pub headline: Vec<bool>,
    /// Surname → first full name, filled on first use.
    pub surnames: std::cell::RefCell<HashMap<String, SurnameEntry>>,
    /// The last answers of `source_np`, by sentence tokens and cue token.
    source_memo: std::cell::RefCell<Vec<SourceMemo>>,
    /// The text lowercased (where a capitalised word's lowercase form is read).
    low: &'a Lowered,
    /// Capitalised words lowercased lately, by span, when `low` cannot give them (a
    /// direct-mapped cache: the noun-phrase steps read the same words several times).
    lowered: std::cell::RefCell<Vec<(Span, Option<Rc<str>>)>>,
    /// A buffer for lowercasing a capitalised word that is not ASCII.
    lower_buf: std::cell::RefCell<String>,
}

/// Slots of `Ctx::lowered`.
const LOWERED_SLOTS: usize = 64;

/// A word in lowercase: borrowed from the text when it already is, else shared.
#[derive(Clone, Debug)]
pub(crate) enum Low<'a> {
    Borrowed(&'a str),
    Shared(Rc<str>),
}

impl std::ops::Deref for Low<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Low::Borrowed(s) => s,
            Low::Shared(s) => s,
        }
    }
}

impl PartialEq<&str> for Low<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl PartialEq<str> for Low<'_> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

/// A sentence's tokens (first span, last span, count) and a cue's last token.
type SourceKey = (Option<Span>, Option<Span>, usize, usize);

/// A remembered answer of `source_np`.
type SourceMemo = (SourceKey, Option<(Np, usize)>);

/// A surname's completion: the full form found and its position, and how far the text was
/// searched.
type SurnameEntry = (Option<(String, usize)>, usize);

/// Whether a quotation (outer spans, sorted and disjoint) runs over position `pos`.
fn crosses(outer: &[Span], pos: usize) -> bool {
    let k = outer.partition_point(|q| q.end <= pos);
    outer.get(k).is_some_and(|q| q.start < pos && pos < q.end)
}

/// [`crosses`] asked at positions that mostly grow: the quotation searched for by a pointer
/// moving forward while the positions do not decrease and the quotations' ends are sorted (then
/// the pointer is the binary search's answer), by the binary search otherwise.
struct Crossing<'o> {
    outer: &'o [Span],
    /// Whether the ends of `outer` do not decrease.
    ends_sorted: bool,
    /// The first quotation ending after `last`.
    k: usize,
    last: usize,
}

impl<'o> Crossing<'o> {
    fn new(outer: &'o [Span]) -> Crossing<'o> {
        Crossing { outer, ends_sorted: outer.windows(2).all(|w| w[0].end <= w[1].end), k: 0, last: 0 }
    }

    fn crosses(&mut self, pos: usize) -> bool {
        if !self.ends_sorted || pos < self.last {
            return crosses(self.outer, pos);
        }
        self.last = pos;
        while self.k < self.outer.len() && self.outer[self.k].end <= pos {
            self.k += 1;
        }
        self.outer.get(self.k).is_some_and(|q| q.start < pos && pos < q.end)
    }
}

fn outer_span(p: &MarkPair) -> Span {
    Span::new(p.open.start, p.close.map_or(p.inner.end, |c| c.end))
}

impl<'a> Ctx<'a> {
    pub fn new(
        text: &'a str,
        low: &'a Lowered,
        given: &[Span],
        mentions: &'a [MentionRef<'a>],
        lex: &'a Lexicon,
    ) -> Ctx<'a> {
        let pairs = super::marks::pair_marks(text);
        let opaque: Vec<(Span, usize)> =
            pairs.iter().enumerate().filter(|(_, p)| p.depth == 0).map(|(i, p)| (outer_span(p), i)).collect();
        let outer: Vec<Span> = opaque.iter().map(|(s, _)| *s).collect();
        let paras = paragraphs(text);
        let mut sentences: Vec<Span> = Vec::with_capacity(given.len());
        let valid_given = !given.is_empty() && given.iter().all(|s| s.get(text).is_some());
        if valid_given {
            // The caller's sentences, merged where a quotation runs over their boundary.
            let mut sorted: Vec<Span> = given.to_vec();
            sorted.sort();
            let mut crossing = Crossing::new(&outer);
            for s in sorted {
                match sentences.last_mut() {
                    Some(last) if crossing.crosses(last.end) => *last = last.cover(s),
                    _ => sentences.push(s),
                }
            }
        } else {
            for p in &paras {
                let before = sentences.len();
                split_sentences(text, *p, &outer, &mut sentences);
                // A quotation spanning paragraphs: merge its sentences.
                let _ = before;
            }
            let mut merged: Vec<Span> = Vec::with_capacity(sentences.len());
            let mut crossing = Crossing::new(&outer);
            for s in sentences {
                match merged.last_mut() {
                    Some(last) if crossing.crosses(last.end) => *last = last.cover(s),
                    _ => merged.push(s),
                }
            }
            sentences = merged;
        }
        let mut sentence_para = Vec::with_capacity(sentences.len());
        let mut headline = Vec::with_capacity(sentences.len());
        let mut pi = 0;
        for (si, s) in sentences.iter().enumerate() {
            while pi + 1 < paras.len() && paras[pi].end <= s.start {
                pi += 1;
            }
            sentence_para.push(pi);
            // A headline: the only sentence of its paragraph, with no final punctuation.
            let p = paras.get(pi).copied().unwrap_or(*s);
            let alone = p.start >= s.start && s.end >= p.end;
            let last = text[s.range()].trim_end().chars().next_back();
            headline.push(alone && !matches!(last, Some('.' | '!' | '?' | '…' | '»' | '"' | '”' | ':')) && si < 3);
        }
        let mut cues = lex.find_all(text);
        // Openers (`Pour X, …`) are looked up at sentence starts only.
        let openers: Vec<CueMatch> = sentences.iter().filter_map(|s| lex.opener_at(text, s.start)).collect();
        if !openers.is_empty() {
            if openers.windows(2).all(|w| w[0].start <= w[1].start) {
                // Both lists in order of their starts: merged, the automaton's cue first at an
                // equal start (as the stable sort of the openers appended to it put them).
                let found = std::mem::take(&mut cues);
                cues.reserve(found.len() + openers.len());
                let mut rest = openers.into_iter().peekable();
                for c in found {
                    while let Some(o) = rest.next_if(|o| o.start < c.start) {
                        cues.push(o);
                    }
                    cues.push(c);
                }
                cues.extend(rest);
            } else {
                cues.extend(openers);
                cues.sort_by_key(|c| c.start);
            }
        }
        let surnames = std::cell::RefCell::new(HashMap::new());
        let source_memo = std::cell::RefCell::new(Vec::new());
        let lowered = std::cell::RefCell::new(vec![(Span::new(usize::MAX, usize::MAX), None); LOWERED_SLOTS]);
        Ctx {
            text,
            lex,
            mentions,
            cues,
            pairs,
            opaque,
            sentences,
            sentence_para,
            headline,
            surnames,
            source_memo,
            low,
            lowered,
            lower_buf: std::cell::RefCell::new(String::new()),
        }
    }

    /// The token lowercased, borrowed when it already is (most words).
    #[inline]
    fn lower(&self, t: &Tok<'a>) -> Low<'a> {
        let w = t.text;
        // The usual case inline: a word starting with a lowercase ASCII letter is lowercase as
        // far as the lists of this module read it, unless short with a capital (see
        // `lower_word`).
        let b = w.as_bytes();
        if b.first().is_some_and(u8::is_ascii_lowercase) && (b.len() > 4 || !b.iter().any(u8::is_ascii_uppercase)) {
            return Low::Borrowed(w);
        }
        self.lower_word(t, w)
    }

    /// `lower` of token `t`, the word `w`, out of line.
    #[inline(never)]
    fn lower_word(&self, t: &Tok<'a>, w: &'a str) -> Low<'a> {
        // Only the first letter is looked at (and every letter of a short word, for `LE`, `QU'`):
        // the words compared with the lowercase lists of this module carry a capital only
        // there, if anywhere.
        let upper = match w.as_bytes().first() {
            Some(b) if b.is_ascii() => {
                b.is_ascii_uppercase() || (w.len() <= 4 && w.bytes().any(|b| b.is_ascii_uppercase()))
            }
            Some(_) => w.chars().next().is_some_and(char::is_uppercase),
            None => false,
        };
        if upper {
            if let Some(l) = self.low.get(t.span, w) {
                return Low::Borrowed(l);
            }
            let mut cache = self.lowered.borrow_mut();
            let slot = &mut cache[t.span.start % LOWERED_SLOTS];
            if slot.0 == t.span {
                if let Some(l) = &slot.1 {
                    return Low::Shared(l.clone());
                }
            }
            // Same result as `to_lowercase` for ASCII, without the Unicode tables: the word is
            // copied once and lowercased in place.
            let l: Rc<str> = if w.is_ascii() {
                let mut l: Rc<str> = Rc::from(w);
                match Rc::get_mut(&mut l) {
                    Some(m) => {
                        m.make_ascii_lowercase();
                        l
                    }
                    None => Rc::from(w.to_ascii_lowercase()),
                }
            } else {
                // (`lowercase_into` is `to_lowercase` into a buffer kept for these words: one
                // allocation, the `Rc`'s.)
                let mut buf = self.lower_buf.borrow_mut();
                lowercase_into(w, &mut buf);
                Rc::from(buf.as_str())
            };
            *slot = (t.span, Some(l.clone()));
            Low::Shared(l)
        } else {
            Low::Borrowed(w)
        }
    }

    fn word<'t>(&self, t: &Tok<'t>) -> &'t str {
        t.text
    }

    fn sentence_of(&self, pos: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= pos).min(self.sentences.len().saturating_sub(1))
    }

    /// Noun phrase over tokens `a..b`, or `None` if it does not look like one.
    fn np(&self, toks: &[Tok], a: usize, b: usize) -> Option<Np> {
        if a >= b || b > toks.len() || b - a > 16 {
            return None;
        }
        let first = self.word(&toks[a]);
        let lf = self.lower(&toks[a]);
        if !(is_det(&lf) || cap(first) || is_title(first) || lf.starts_with("l'") || lf.starts_with("l’")) {
            return None;
        }
        // `des` opening a sentence or after a preposition (`selon des sources`) is the
        // indefinite article: French has no `de` + `les` there.
        let indefinite = lf == "des"
            && (a == 0 || matches!(&*self.lower(&toks[a - 1]), "auprès") || is_preposition(&self.lower(&toks[a - 1])));
        if is_preposition(&lf) && !indefinite || matches!(toks[a].kind, TokKind::Punct(_) | TokKind::Quote(_)) {
            return None;
        }
        let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
        // Proper-name runs in head position (at most one a token: `b - a <= 16`), as offsets
        // from `a` (a small array to clear at each call).
        let mut runs_buf = [(0u8, 0u8, false); 16];
        let mut n_runs = 0;
        let mut i = a;
        while i < b {
            let w = self.word(&toks[i]);
            // The lowercase form matters for the first word only (lowercased lazily: a
            // capitalised word costs an allocation).
            let starts_run = toks[i].kind == TokKind::Word
                && cap(w)
                && !is_title(w)
                && (i != a || {
                    let lw = self.lower(&toks[i]);
                    !(is_function_word(&lw) || is_det(&lw) || is_org_noun_lc(&lw, true) || is_manner_adverb(&lw))
                });
            if starts_run {
                let s = i;
                let mut e = i + 1;
                while e < b {
                    let w2 = self.word(&toks[e]);
                    if toks[e].kind == TokKind::Word && cap(w2) {
                        e += 1;
                        continue;
                    }
                    let l2 = self.lower(&toks[e]);
                    if matches!(&*l2, "de" | "du" | "von" | "van" | "der" | "al" | "el" | "ben" | "bin" | "la")
                        && e + 1 < b
                        && cap(self.word(&toks[e + 1]))
                        && !is_det(&self.lower(&toks[e + 1]))
                    {
                        // Particles inside names (Charles de Gaulle), but not a complement
                        // (président de la France): only before a capital that ends the run.
                        if l2 == "de" || l2 == "du" {
                            break;
                        }
                        e += 2;
                    } else {
                        break;
                    }
                }
                let mut p = s;
                // Through a determiner: `de l'État`, `du Kremlin`, `de la France`.
                if p > a + 1 && matches!(&*self.lower(&toks[p - 1]), "le" | "la" | "les" | "l'" | "l’") {
                    p -= 1;
                }
                let prev = if p > a { self.lower(&toks[p - 1]) } else { Low::Borrowed("") };
                let complement = matches!(
                    &*prev,
                    "de" | "du"
                        | "des"
                        | "d'"
                        | "d’"
                        | "aux"
                        | "au"
                        | "à"
                        | "en"
                        | "par"
                        | "pour"
                        | "sur"
                        | "contre"
                        | "avec"
                ) || {
                    // `un économiste de la banque Natixis`: a name after a common noun that is
                    // itself inside a prepositional phrase names that noun, not the head.
                    let after_common = s > a && {
                        let w = self.word(&toks[s - 1]);
                        toks[s - 1].kind == TokKind::Word && !cap(w) && !is_det(&self.lower(&toks[s - 1]))
                    };
                    after_common
                        && (a + 1..s - 1).any(|k| {
                            matches!(&*self.lower(&toks[k]), "de" | "du" | "des" | "d'" | "d’" | "aux" | "au" | "à")
                        })
                };
                if let Some(slot) = runs_buf.get_mut(n_runs) {
                    *slot = ((s - a) as u8, (e - a) as u8, complement);
                    n_runs += 1;
                }
                i = e;
            } else {
                i += 1;
            }
        }
        let head_noun: Low<'_> = (a..b)
            // (The first word's lowercase form is `lf` already: not looked up again.)
            .map(|k| if k == a { lf.clone() } else { self.lower(&toks[k]) })
            .find(|w| !is_det(w) && !is_title(w) && !w.starts_with("l'") && !w.starts_with("l’"))
            .unwrap_or(Low::Borrowed(""));
        let after_elision: Low<'_>;
        let first_after_elision: &str = if lf == "l'" || lf == "l’" {
            after_elision = toks.get(a + 1).map(|t| self.lower(t)).unwrap_or(Low::Borrowed(""));
            &after_elision
        } else {
            &head_noun
        };
        let run_text = |s: usize, e: usize| -> String {
            let sp = Span::new(toks[s].span.start, toks[e - 1].span.end);
            self.text[sp.range()].to_string()
        };
        let runs = &runs_buf[..n_runs];
        let abs = |r: &(u8, u8, bool)| (a + usize::from(r.0), a + usize::from(r.1), r.2);
        let heads = || runs.iter().map(abs).filter(|r| !r.2);
        let mut plural = false;
        let name = if heads().nth(1).is_some() {
            plural = true;
            // The runs joined by ` et `, in one `String`.
            // (Its length counted first: one allocation.)
            let part = |r: (usize, usize, bool)| {
                &self.text[toks[r.0].span.start..toks[r.1 - 1].span.end.max(toks[r.0].span.start)]
            };
            let len = heads().map(|r| part(r).len() + 4).sum::<usize>();
            let mut joined = String::with_capacity(len);
            for (n, r) in heads().enumerate() {
                if n > 0 {
                    joined.push_str(" et ");
                }
                joined.push_str(part(r));
            }
            Some(joined)
        } else if let Some(r) = heads().next() {
            Some(run_text(r.0, r.1))
        } else if is_service_noun(first_after_elision) {
            runs.first().map(abs).map(|r| run_text(r.0, r.1))
        } else {
            None
        };
        // `lf` is the first word lowercased (computed once).
        let title = self.word(&toks[a]);
        let gender = match title {
            "M" | "MM" => Some(Gender::Masculine),
            "Mme" | "Mmes" | "Mlle" => Some(Gender::Feminine),
            _ if name.is_none() || heads().next().is_some_and(|r| r.0 > a) => match &*lf {
                "la" | "une" | "cette" => Some(Gender::Feminine),
                "le" | "un" | "ce" | "cet" => Some(Gender::Masculine),
                // The elided article says nothing: the noun's ending does (`l'avocat`,
                // `l'avocate`).
                "l'" | "l’" if b - a >= 2 => noun_gender(first_after_elision),
                _ => None,
            },
            _ => None,
        };
        // A coordination (`Poutine et son homologue`) is plural.
        if (a..b).any(|k| toks[k].kind == TokKind::Word && toks[k].text == "et") {
            plural = true;
        }
        if matches!(title, "MM" | "Mmes")
            || matches!(&*lf, "les" | "des" | "ces" | "leurs" | "ses" | "deux" | "trois" | "plusieurs")
        {
            plural = true;
        }
        // (`first_after_elision` is `head_noun` itself unless the phrase opens on `l'`: the
        // second test only then.)
        let elided = lf == "l'" || lf == "l’";
        let org = is_org_noun(first_after_elision)
            || elided && is_org_noun(&head_noun)
            || name
                .as_deref()
                // The organisation nouns are single words: a name with a space is none of them
                // (checked before lowercasing it).
                .is_some_and(|n| {
                    (!n.contains(' ') && lowered(n, is_org_noun)) || n == "Maison Blanche" || n == "Maison-Blanche"
                });
        let anaphoric = name.is_none()
            && !org
            && matches!(&*lf, "les" | "ces")
            && toks
                .get(a + 1)
                .filter(|_| a + 1 < b)
                .is_some_and(|t| matches!(&*self.lower(t), "deux" | "trois" | "quatre"));
        let definite = name.is_none()
            && !org
            && b - a == 2
            && matches!(&*lf, "le" | "la" | "l'" | "l’")
            && !cap(self.word(&toks[a + 1]));
        Some(Np { span, name, org, plural, gender, anaphoric, definite })
    }

    /// The subject of the verb group starting at token `g`, scanning left.
    fn subject_before(&self, toks: &[Tok], g: usize, depth: u8) -> Option<Who> {
        let mut j = g;
        // (The word that ends the clitics is lowercased once: it is read next.)
        let mut ended_by = None;
        while j > 0 && toks[j - 1].kind == TokKind::Word {
            let lw = self.lower(&toks[j - 1]);
            if !is_object_clitic(&lw) {
                ended_by = Some(lw);
                break;
            }
            // `l'`/`le` before the verb are object clitics only if a subject precedes them.
            j -= 1;
        }
        if j == 0 {
            return None;
        }
        let t = toks[j - 1];
        let lw = ended_by.unwrap_or_else(|| self.lower(&t));
        if t.kind == TokKind::Word {
            if let Some((plural, gender)) = pronoun(&lw) {
                if lw == "on" {
                    return None;
                }
                return Some(Who::Pronoun { span: t.span, plural, gender });
            }
            if lw == "et" && depth < 3 {
                // A coordinated verb: the subject of the first verb of the clause.
                let mut k = j - 1;
                while k > 0 && j - 1 - k < 40 {
                    k -= 1;
                    if matches!(toks[k].kind, TokKind::Punct(';' | ':' | '.')) {
                        break;
                    }
                    if toks[k].kind == TokKind::Word && (is_aux(&self.lower(&toks[k])) || self.finite_at(toks, k)) {
                        // A verb of a completive clause (`Il a assuré que l'Etat serait … et a
                        // annoncé …`): the coordinated verb is the main clause's, before `que`.
                        let que = (k.saturating_sub(8)..k)
                            .rev()
                            .take_while(|&x| toks[x].kind != TokKind::Punct(','))
                            .find(|&x| matches!(&*self.lower(&toks[x]), "que" | "qu'" | "qu’"));
                        if let Some(q) = que {
                            k = q;
                            continue;
                        }
                        let mut g2 = k;
                        while g2 > 0
                            && toks[g2 - 1].kind == TokKind::Word
                            && is_object_clitic(&self.lower(&toks[g2 - 1]))
                        {
                            g2 -= 1;
                        }
                        return self.subject_before(toks, g2, depth + 1);
                    }
                }
                return None;
            }
            if lw == "qui" {
                let mut k = j - 1;
                if k > 0 && toks[k - 1].kind == TokKind::Punct(',') {
                    k -= 1;
                }
                let a = self.np_start(toks, k);
                // `a martelé Me X, qui dénonce …`: the scan may run into the inverted verb; the
                // antecedent starts at its first determiner, capital or title.
                return (a..k).find_map(|x| self.np(toks, x, k)).map(|np| Who::Np(np, 0.8));
            }
        }
        if t.kind == TokKind::Punct(',') {
            // Apposition or incise: `Sean Spicer, porte-parole …, a déclaré`.
            // The chunk between this comma and the previous one (an apposition or an
            // adverbial incise such as `de son côté`).
            let mut a1 = j - 1;
            while a1 > 0 && j - 1 - a1 < 12 {
                match toks[a1 - 1].kind {
                    TokKind::Word => a1 -= 1,
                    TokKind::Punct('.') if a1 >= 2 && is_title(self.word(&toks[a1 - 2])) => a1 -= 1,
                    TokKind::Punct('-' | '\'' | '’') => a1 -= 1,
                    _ => break,
                }
            }
            if a1 > 0 && toks[a1 - 1].kind == TokKind::Punct(',') {
                let a2 = self.np_start(toks, a1 - 1);
                if let Some(np) = self.np(toks, a2, a1 - 1) {
                    // `Un chercheur, Fabrice Pothier, a …`: the name in apposition wins over
                    // a description, also over one whose capitalised word names an
                    // organisation rather than the person (`Le délégué CFDT, Yannick Morvan,`).
                    if np.name.is_none() || self.description_names_organisation(toks, a2, &np) {
                        if let Some(inner) = self.np(toks, a1, j - 1).filter(|n| n.name.is_some()) {
                            return Some(Who::Np(inner, 0.85));
                        }
                    }
                    return Some(Who::Np(np, 0.85));
                }
            }
            let first = toks.get(a1).map(|t| self.word(t)).unwrap_or("");
            if cap(first) || lowered(first, is_det) {
                return self.np(toks, a1, j - 1).map(|np| Who::Np(np, 0.8));
            }
            return None;
        }
        let a = self.np_start(toks, j);
        self.np(toks, a, j).map(|np| Who::Np(np, 0.9))
    }

    /// Whether a noun phrase opened by a determiner has for its only name an organisation: an
    /// acronym (`le délégué CFDT`) or an organisation mention, with no person mention.
    fn description_names_organisation(&self, toks: &[Tok], a: usize, np: &Np) -> bool {
        if !toks.get(a).is_some_and(|t| is_det(&self.lower(t))) {
            return false;
        }
        let lo = self.mentions.partition_point(|m| m.span.end <= np.span.start);
        // (The kinds of the mentions inside the phrase, read without a list.)
        let (mut person, mut organisation) = (false, false);
        for m in self.mentions[lo.min(self.mentions.len())..]
            .iter()
            .take_while(|m| m.span.start < np.span.end)
            .filter(|m| np.span.contains(m.span))
        {
            person |= m.kind == EntityKind::Person;
            organisation |= m.kind == EntityKind::Organization;
        }
        if person {
            return false;
        }
        let acronym = np
            .name
            .as_deref()
            .is_some_and(|n| n.chars().any(char::is_alphabetic) && !n.chars().any(char::is_lowercase));
        acronym || organisation
    }

    /// Where a noun phrase ending before token `end` starts, scanning left to a boundary.
    fn np_start(&self, toks: &[Tok], end: usize) -> usize {
        let mut a = end;
        while a > 0 {
            let t = toks[a - 1];
            match t.kind {
                TokKind::Punct('.') if a >= 2 && is_title(self.word(&toks[a - 2])) => {
                    a -= 1;
                    continue;
                }
                // A hyphen or apostrophe glued inside a name; a spaced dash is a boundary
                // (the dateline `PARIS (AFP) - …`).
                TokKind::Punct('-' | '\'' | '’')
                    if a >= 2
                        && a < toks.len()
                        && toks[a - 2].span.end == t.span.start
                        && t.span.end == toks[a].span.start =>
                {
                    a -= 1;
                    continue;
                }
                TokKind::Punct(_) | TokKind::Quote(_) | TokKind::Clitic => break,
                TokKind::Word => {}
            }
            // (Both tests stop the scan: the length first, which needs no lowercase word.)
            if end - a >= 16 {
                break;
            }
            let lw = self.lower(&t);
            if is_np_stop(&lw) || is_aux(&lw) || pronoun(&lw).is_some() && a < end {
                break;
            }
            a -= 1;
        }
        // An adverbial without a comma before the subject: keep the part after it only when it
        // starts like a noun phrase (a capital or a determiner after a preposition phrase).
        // (`Des habitants ont affirmé …`: `des` opening the sentence is an article.)
        if a < end && is_preposition(&self.lower(&toks[a])) && !(a == 0 && self.lower(&toks[a]) == "des") {
            return end;
        }
        a
    }

    /// The length of a lapse of time at token `k` (`quelques minutes plus tard`, `deux heures
    /// après`, `peu après`), 0 if none.
    fn time_lapse_len(&self, toks: &[Tok], k: usize) -> usize {
        let lw =
            |i: usize| toks.get(i).filter(|t| t.kind == TokKind::Word).map_or(Low::Borrowed(""), |t| self.lower(t));
        let mut i = k;
        if matches!(&*lw(i), "quelques" | "un" | "une" | "deux" | "trois" | "dix" | "vingt")
            || lw(i).chars().all(|c| c.is_ascii_digit()) && !lw(i).is_empty()
        {
            i += 1;
            if !matches!(
                &*lw(i),
                "minute"
                    | "minutes"
                    | "heure"
                    | "heures"
                    | "jour"
                    | "jours"
                    | "instant"
                    | "instants"
                    | "semaine"
                    | "semaines"
            ) {
                return 0;
            }
            i += 1;
        } else if lw(i) == "peu" {
            i += 1;
        } else if !(k > 0 && lw(k - 1) == "peu") {
            // (`peu` itself may have been read as an adverb already.)
            return 0;
        }
        match &*lw(i) {
            "plus" if lw(i + 1) == "tard" => i + 2 - k,
            "après" | "auparavant" => i + 1 - k,
            _ => 0,
        }
    }

    fn finite_at(&self, toks: &[Tok], k: usize) -> bool {
        let s = toks[k].span.start;
        self.cues
            .binary_search_by(|c| c.start.cmp(&s))
            .ok()
            .is_some_and(|i| matches!(self.cues[i].entry, Entry::Verb { forms, .. } if forms & form::FINITE != 0))
    }

    /// An inverted subject after token `v` (the verb): a clitic or a noun phrase.
    fn subject_after(&self, toks: &[Tok], v: usize) -> Option<(Who, usize)> {
        let mut k = v + 1;
        if k < toks.len() && toks[k].kind == TokKind::Clitic {
            let (pro, on, w_len) =
                lowered(self.word(&toks[k]).trim_start_matches("-t-").trim_start_matches('-'), |w| {
                    (pronoun(w), w == "on", w.len())
                });
            let (plural, gender) = pro?;
            if on {
                return None;
            }
            let sp = toks[k].span;
            let off = self.word(&toks[k]).len() - w_len;
            return Some((Who::Pronoun { span: Span::new(sp.start + off, sp.end), plural, gender }, k + 1));
        }
        loop {
            while k < toks.len() && toks[k].kind == TokKind::Word && {
                let lw = self.lower(&toks[k]);
                is_adverb(&lw) && !is_det(&lw) && !matches!(&*lw, "ce" | "cette" | "à")
                    || matches!(
                        &*lw,
                        "lundi" | "mardi" | "mercredi" | "jeudi" | "vendredi" | "samedi" | "dimanche" | "hier"
                    )
            } {
                k += 1;
            }
            // A span of time before the subject: `a nuancé quelques minutes plus tard X`,
            // `a ajouté une heure après X`.
            k += self.time_lapse_len(toks, k);
            // A dative or a medium before the subject: `a déclaré à l'AFP le porte-parole`,
            // `a confié au Parisien Jean Dupont`.
            let lw = toks.get(k).filter(|t| t.kind == TokKind::Word).map(|t| self.lower(t));
            if !matches!(lw.as_deref(), Some("à" | "au" | "aux")) {
                break;
            }
            k += 1;
            if toks.get(k).is_some_and(|t| matches!(&*self.lower(t), "la" | "l'" | "l’" | "les")) {
                k += 1;
            }
            // The noun or name of the dative, with the capitalised words that follow it.
            let mut n = 0;
            while k < toks.len() && toks[k].kind == TokKind::Word && (n == 0 || cap(self.word(&toks[k]))) && n < 4 {
                k += 1;
                n += 1;
            }
            if n == 0 {
                return None;
            }
        }
        let a = k;
        // `a taclé l'un d'eux`: one member of a group named before, a description of its own.
        // (Only a phrase starting with `l'un`, any case, either apostrophe, can read so.)
        let l_un = |t: &&Tok| {
            let b = self.text.as_bytes().get(t.span.start..).unwrap_or_default();
            let rest = match b {
                [b'l' | b'L', b'\'', rest @ ..] => rest,
                [b'l' | b'L', 0xE2, 0x80, 0x99, rest @ ..] => rest,
                _ => return false,
            };
            matches!(rest, [b'u' | b'U', b'n' | b'N', ..])
        };
        if let Some(t) = toks.get(a).filter(l_un) {
            let from = t.span.start;
            // Lowercase, apostrophes folded, each char paired with its original end offset.
            let folded: Vec<(char, usize)> = self.text[from..]
                .char_indices()
                .take(24)
                .map(|(i, c)| (if c == '’' { '\'' } else { c.to_ascii_lowercase() }, from + i + c.len_utf8()))
                .collect();
            let lead: String = folded.iter().map(|&(c, _)| c).collect();
            for (head, gender) in [("l'un d'", Gender::Masculine), ("l'une d'", Gender::Feminine)] {
                let Some(after) = lead.strip_prefix(head) else { continue };
                let group = ["entre eux", "entre elles", "eux", "elles"]
                    .into_iter()
                    .find(|g| after.starts_with(g) && !after[g.len()..].starts_with(|c: char| c.is_alphanumeric()));
                if let Some(g) = group {
                    let end = folded[head.chars().count() + g.chars().count() - 1].1;
                    let e = toks.partition_point(|x| x.span.start < end);
                    let np = Np {
                        span: Span::new(from, end),
                        name: None,
                        org: false,
                        plural: false,
                        gender: Some(gender),
                        anaphoric: false,
                        definite: true,
                    };
                    return Some((Who::Np(np, 0.8), e));
                }
            }
        }
        let mut e = k;
        while e < toks.len() {
            let t = toks[e];
            match t.kind {
                TokKind::Word => {}
                TokKind::Punct('.') if e > a && is_title(self.word(&toks[e - 1])) => {
                    e += 1;
                    continue;
                }
                TokKind::Punct('-' | '\'' | '’') => {
                    e += 1;
                    continue;
                }
                _ => break,
            }
            let w = self.word(&t);
            let lw = self.lower(&t);
            if e > a
                && (is_np_right_stop(&lw)
                    || (lw == "et" && !toks.get(e + 1).is_some_and(|n| cap(self.word(n)) || is_det(&self.lower(n)))))
            {
                break;
            }
            // A word glued to the next one (États-UnisInternational): cut at the capital.
            if let Some(cut) = glued_capital(w) {
                if e > a {
                    let np = self.np(toks, a, e).map(|mut np| {
                        np.span.end = t.span.start + cut;
                        np
                    });
                    return np.map(|np| (Who::Np(np, 0.85), e));
                }
            }
            e += 1;
            if e - a > 12 {
                return None;
            }
        }
        let np = self.np(toks, a, e)?;
        // `a martelé son avocate, Me Julie Fabre`: the name in apposition.
        if np.name.is_none() && toks.get(e).is_some_and(|t| t.kind == TokKind::Punct(',')) {
            let mut e2 = e + 1;
            while e2 < toks.len()
                && (toks[e2].kind == TokKind::Word
                    || (toks[e2].kind == TokKind::Punct('.') && is_title(self.word(&toks[e2 - 1]))))
                && e2 - e < 6
            {
                e2 += 1;
            }
            let closed = toks.get(e2).map_or(true, |t| matches!(t.kind, TokKind::Punct('.' | ',' | ';' | '!' | '?')));
            if closed {
                if let Some(named) = self.np(toks, e + 1, e2).filter(|n| n.name.is_some()) {
                    return Some((Who::Np(named, 0.85), e2));
                }
            }
        }
        Some((Who::Np(np, 0.9), e))
    }
}

/// The gender of a noun for a person, read from its ending where French morphology is
/// unambiguous (`avocate`, `élue`, `historienne`, `enquêtrice` are feminine; `avocat`, `élu`,
/// `historien`, `enseignant` masculine); `None` for epicene forms (`ministre`, `économiste`,
/// `collègue`, `diplomate`) and for `-eur`, which news also uses for women.
fn noun_gender(lw: &str) -> Option<Gender> {
    const FEMININE: &[&str] =
        &["ée", "ante", "ente", "inte", "euse", "rice", "ière", "enne", "esse", "cate", "date", "ue"];
    const MASCULINE: &[&str] = &["at", "é", "u", "ien", "ant", "ent", "int", "ier", "ois", "ais", "ain", "in"];
    // Epicene nouns that end like a feminine form.
    if lw.ends_with("gue") || lw.chars().count() < 3 {
        return None;
    }
    if FEMININE.iter().any(|e| lw.ends_with(e)) {
        Some(Gender::Feminine)
    } else if MASCULINE.iter().any(|e| lw.ends_with(e)) {
        Some(Gender::Masculine)
    } else {
        None
    }
}

fn is_org_noun_lc(lw: &str, first: bool) -> bool {
    first && matches!(lw, "maison")
}

/// The byte offset of a capital glued after a lowercase letter inside a word, if any.
fn glued_capital(w: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    for (i, c) in w.char_indices() {
        if c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase()) {
            return Some(i);
        }
        prev = Some(c);
    }
    None
}

/// The full form of a surname in `text[from..to]`: the last whole-word occurrence of `n`
/// preceded by capitalised words (Donald Trump for Trump), with its position. The search runs
/// backwards from `to`, so it usually stops after a few hundred bytes.
fn first_full_name(text: &str, n: &str, from: usize, to: usize) -> Option<(String, usize)> {
    use super::syntax::word_char;
    if n.is_empty() {
        return None;
    }
    for k in rmatches(text.get(from..to)?.as_bytes(), n.as_bytes()) {
        let i = from + k;
        if text[i + n.len()..].chars().next().is_some_and(word_char) {
            continue;
        }
        // Capitalised words just before, separated by single spaces.
        let mut start = i;
        let mut words = 0;
        while words < 3 {
            let before = &text[..start];
            let Some(sp) = before.chars().next_back() else { break };
            if sp != ' ' && sp != '\u{A0}' {
                break;
            }
            let prev = &before[..before.len() - sp.len_utf8()];
            let w_start = prev
                .rfind(|c: char| !(word_char(c) || c == '-'))
                .map_or(0, |k| k + prev[k..].chars().next().map_or(1, char::len_utf8));
            let w = &prev[w_start..];
            if w.is_empty() || !cap(w) || is_title(w) {
                break;
            }
            if w.len() <= 6 && lowered(w, |lw| is_function_word(lw) || is_det(lw)) {
                break;
            }
            start = w_start;
            words += 1;
        }
        if words > 0 {
            return Some((text[start..i + n.len()].to_string(), start));
        }
    }
    None
}

/// The starts of the non-overlapping occurrences of `needle` in `hay`, last first: the same
/// matches as `str::rmatch_indices`, found by `memrchr` on the needle's first byte (a capital,
/// for a name: rare) and a comparison.
fn rmatches<'h>(hay: &'h [u8], needle: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
    // Exclusive bound on the start of the next match.
    let mut lim = (hay.len() + 1).checked_sub(needle.len()).filter(|_| !needle.is_empty());
    std::iter::from_fn(move || {
        let first = *needle.first()?;
        loop {
            let k = memchr::memrchr(first, &hay[..lim?])?;
            if hay[k..].starts_with(needle) {
                // The next match must end at or before this one's start.
                lim = (k + 1).checked_sub(needle.len());
                return Some(k);
            }
            lim = Some(k);
        }
    })
}

/// Whether `after` holds ` que `, ` qu'` or ` qu’` (one pass: each ` qu` followed by `e `,
/// `'` or `’`).
fn has_que(after: &[u8]) -> bool {
    after
        .windows(3)
        .enumerate()
        .any(|(k, w)| w == b" qu" && matches!(&after[k + 3..], [b'e', b' ', ..] | [b'\'', ..] | [0xE2, 0x80, 0x99, ..]))
}

/// Words of a span, counted up to 13: every caller compares the count with 12 at most, so the
/// rest of a long quotation is not read.
fn word_count(s: &str) -> usize {
    word_count_upto(s, 13)
}

/// Words of a span, counted up to `enough` (the count compared with `enough` or less: a test
/// `word_count(s) < 3` reads three words at most).
fn word_count_upto(s: &str, enough: usize) -> usize {
    const ENOUGH: usize = 13;
    let enough = enough.min(ENOUGH);
    let bytes = s.as_bytes();
    // Whether the character at `i` is a word character, and its length (a Latin letter of
    // two bytes, `é`, without decoding it).
    let at = |i: usize| -> (bool, usize) {
        if let Some(len) = super::syntax::latin_letter(bytes, i) {
            return (true, len);
        }
        match s[i..].chars().next() {
            Some(c) => (super::syntax::word_char(c), c.len_utf8()),
            None => (false, bytes.len() - i),
        }
    };
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Separators.
        if bytes[i] < 0x80 {
            if !ALNUM[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
        } else {
            let (w, len) = at(i);
            if !w {
                i += len;
                continue;
            }
        }
        // A word starts at `i`: ASCII letters and digits in a tight run, other characters
        // decoded.
        n += 1;
        if n >= enough {
            return n;
        }
        while i < bytes.len() {
            if ALNUM[usize::from(bytes[i])] {
                i += 1;
            } else if bytes[i] >= 0x80 {
                let (w, len) = at(i);
                if !w {
                    i += len;
                    break;
                }
                i += len;
            } else {
                i += 1;
                break;
            }
        }
    }
    n
}

/// The items of `collect`: the quotations, sources and reported clauses, then the subjects
/// looked up for the discourse, indexed as one list (the second is not copied after the first:
/// an item is large).
pub(crate) struct Raws {
    items: Vec<Raw>,
    subjects: Vec<Raw>,
}

impl Raws {
    fn len(&self) -> usize {
        self.items.len() + self.subjects.len()
    }

    fn iter(&self) -> impl Iterator<Item = &Raw> {
        self.items.iter().chain(&self.subjects)
    }
}

impl std::ops::Index<usize> for Raws {
    type Output = Raw;
    fn index(&self, i: usize) -> &Raw {
        match i.checked_sub(self.items.len()) {
            None => &self.items[i],
            Some(k) => &self.subjects[k],
        }
    }
}

impl std::ops::IndexMut<usize> for Raws {
    fn index_mut(&mut self, i: usize) -> &mut Raw {
        match i.checked_sub(self.items.len()) {
            None => &mut self.items[i],
            Some(k) => &mut self.subjects[k],
        }
    }
}

/// Finds and attributes the quotations (the whole pipeline before discourse resolution).
pub(crate) fn collect(ctx: &Ctx<'_>) -> Raws {
    let text = ctx.text;
    // About one item a quotation and one a source cue: reserved, not grown from empty (an item
    // is large, every growth copies them all).
    let mut raws: Vec<Raw> = Vec::with_capacity(ctx.opaque.len() + ctx.cues.len() / 8 + 4);
    // Sentences that hold a quotation or a cue.
    let mut has_quote = vec![false; ctx.sentences.len()];
    // (`sentence_of` for each quotation, by a pointer moving forward when the sentence ends do
    // not decrease, as for the cues below.)
    let monotone = ctx.sentences.windows(2).all(|w| w[0].end <= w[1].end);
    let mut next = 0; // first sentence ending after the last quotation start
    let mut last_start = 0;
    for (sp, _) in &ctx.opaque {
        if ctx.sentences.is_empty() {
            break;
        }
        let si = if monotone {
            if sp.start < last_start {
                next = 0;
            }
            last_start = sp.start;
            while next < ctx.sentences.len() && ctx.sentences[next].end <= sp.start {
                next += 1;
            }
            next.min(ctx.sentences.len() - 1)
        } else {
            ctx.sentence_of(sp.start)
        };
        has_quote[si] = true;
    }
    let mut cue_sentences: Vec<(usize, usize)> = Vec::with_capacity(ctx.cues.len());
    if !ctx.sentences.is_empty() {
        // `sentence_of` for each cue, by a pointer moving forward when the sentence ends do not
        // decrease (then the binary search's answer is the first sentence ending after the cue
        // start, and the cues come in order of their starts).
        let n = ctx.sentences.len();
        let mut next = 0; // first sentence ending after the last cue start
        let mut last_start = 0;
        cue_sentences.extend(ctx.cues.iter().enumerate().filter_map(|(ci, c)| {
            let si = if monotone {
                if c.start < last_start {
                    next = 0;
                }
                last_start = c.start;
                while next < n && ctx.sentences[next].end <= c.start {
                    next += 1;
                }
                next.min(n - 1)
            } else {
                ctx.sentence_of(c.start)
            };
            (ctx.sentences[si].start <= c.start && c.end <= ctx.sentences[si].end).then_some((si, ci))
        }));
    }
    let cues_by_sentence = BySentence::new(ctx.sentences.len(), &cue_sentences);
    // Which sentences can hold reported speech: a quotation, a source cue (selon X, Pour X
    // opening the sentence), or a verb of the lexicon followed closely by `que`. Only these,
    // and the sentences just before them (for the subjects that pronouns refer to), are
    // tokenized: most sentences of an article report nothing.
    let speech: Vec<bool> = (0..ctx.sentences.len())
        .map(|si| {
            let sent = ctx.sentences[si];
            has_quote[si]
                || cues_by_sentence[si].iter().any(|&ci| {
                    let c = ctx.cues[ci];
                    match c.entry {
                        Entry::Source { .. } => ctx.lex.lemma_of(c.entry) != "pour" || c.start == sent.start,
                        Entry::Channel { .. } => false,
                        Entry::Verb { .. } => {
                            let flags = ctx.lex.flags_of(c.entry);
                            let que = flags.que && {
                                let mut end = (c.end + 48).min(sent.end);
                                while !text.is_char_boundary(end) {
                                    end -= 1;
                                }
                                has_que(&text.as_bytes()[c.end..end])
                            };
                            // `…, a annoncé le parquet.`: a comma just before the verb group.
                            // (The last comma before the verb is at most 24 bytes back iff
                            // one of those bytes is a comma: only they are read.)
                            let inverted = flags.inverted
                                && text.as_bytes()[c.start.saturating_sub(24).max(sent.start)..c.start].contains(&b',');
                            que || inverted
                        }
                    }
                })
        })
        .collect();
    let mut active = vec![false; ctx.sentences.len()];
    for si in 0..ctx.sentences.len() {
        if speech[si] {
            // This sentence and the previous ones of its paragraph and the two before.
            let para = ctx.sentence_para[si];
            let mut k = si + 1;
            while k > 0 && para.saturating_sub(ctx.sentence_para[k - 1]) <= 2 && !active[k - 1] {
                active[k - 1] = true;
                k -= 1;
            }
            active[si] = true;
        }
    }
    // The tokens of the sentences read lately, for the steps that read a sentence again (the
    // sentence before a quotation, the subjects before a pronoun speaker): at most
    // `TOKEN_WINDOW` sentences, none more than three paragraphs back.
    let mut cached: Vec<Option<Vec<Tok>>> = vec![None; ctx.sentences.len()];
    let mut evict_from = 0;
    // The token lists evicted from `cached`, reused for the next sentences.
    let mut spare_toks: Vec<Vec<Tok>> = Vec::new();
    // Subjects of reporting verbs in the sentences before a pronoun speaker (`Angela Merkel a
    // parlé. « … », estime-t-elle`), computed only where a pronoun or a plural description needs
    // an antecedent: most sentences never do. Each item is looked at once it is made, while
    // the sentences before it are still tokenized; the subjects are added after every item, in
    // the order of the items that need them.
    let mut walks = Walks { done: vec![false; ctx.sentences.len()], seen: 0, events: Vec::new() };
    // Per-sentence lists, their buffers reused from one sentence to the next.
    let mut cue_tok: Vec<(usize, usize, CueMatch)> = Vec::new(); // (first tok, last tok, cue)
    let mut quote_toks: Vec<usize> = Vec::new();
    for si in 0..ctx.sentences.len() {
        if !active[si] || (!has_quote[si] && cues_by_sentence[si].is_empty()) {
            continue;
        }
        let sent = ctx.sentences[si];
        let mut toks = spare_toks.pop().unwrap_or_default();
        tokenize_into(text, sent, &ctx.opaque, &mut toks);
        let para = ctx.sentence_para[si];
        // Cue tokens: index of the token where each cue starts.
        cue_tok.clear();
        for &ci in &cues_by_sentence[si] {
            let c = ctx.cues[ci];
            let Some(a) = tok_at(&toks, c.start) else { continue };
            let b = toks[a..].iter().take(8).position(|t| t.span.end >= c.end).map_or(a, |k| a + k);
            if toks[a].kind != TokKind::Word {
                continue;
            }
            cue_tok.push((a, b, c));
        }
        // Sources named in the sentence (selon X), kept for the discourse.
        for &(a, b, c) in &cue_tok {
            if let Entry::Source { .. } = c.entry {
                if ctx.lex.lemma_of(c.entry) == "pour" {
                    continue;
                }
                if let Some((np, _)) = source_np(ctx, &toks, b) {
                    raws.push(Raw {
                        span: np.span,
                        kind: QuoteKind::Indirect,
                        marks: Vec::new(),
                        cue: Some(Cue {
                            span: Span::new(toks[a].span.start, toks[b].span.end),
                            lemma: ctx.lex.lemma_of(c.entry).to_string(),
                        }),
                        who: Who::Np(np, 0.85),
                        confidence: 0.0,
                        paragraph: para,
                        other_half: None,
                        source_only: true,
                        subject_only: false,
                    });
                }
            }
        }
        let raws_before = raws.len();
        quote_toks.clear();
        quote_toks.extend(toks.iter().enumerate().filter(|(_, t)| matches!(t.kind, TokKind::Quote(_))).map(|(i, _)| i));
        let mut first_raw_in_sentence: Option<usize> = None;
        for &qt in &quote_toks {
            let TokKind::Quote(pi) = toks[qt].kind else { continue };
            let Some(pair) = ctx.pairs.get(pi) else { continue };
            let inner = pair.inner;
            if inner.is_empty() {
                continue;
            }
            let content = &text[inner.range()];
            let words = word_count(content);
            if words == 0 {
                continue;
            }
            let prev_word = if qt > 0 { Some(ctx.lower(&toks[qt - 1])) } else { None };
            let prev_is_word = qt > 0 && toks[qt - 1].kind == TokKind::Word;
            // Titles: `le film « … »`, `au « Parisien »`.
            let capitalised = cap(content);
            // A title starts with a capital (le film « Intouchables »); a slogan or a word
            // quoted as a word need not (le slogan « on ne lâche rien »).
            if prev_is_word
                && prev_word.as_deref().is_some_and(|w| is_title_noun(w) && (capitalised || is_word_noun(w)))
            {
                continue;
            }
            // (The marks looked for are ASCII: the content's bytes are read, not its characters;
            // the test of the two title rules below is made once.)
            let ends_no_clause = || !content.bytes().any(|b| matches!(b, b'.' | b'!' | b'?' | b';'));
            let short_title = capitalised
                && words <= 4
                && !content.bytes().any(|b| matches!(b, b',' | b'.' | b'!' | b'?' | b';' | b':'))
                && prev_is_word
                && prev_word.as_deref().is_some_and(|w| {
                    matches!(w, "au" | "aux" | "dans" | "à" | "sur" | "par" | "le" | "la" | "les" | "l'" | "l’" | "du")
                });
            if short_title {
                continue;
            }
            // A title followed by its publication details in brackets: `« La Plus Secrète
            // Mémoire des hommes » (Philippe Rey)`, `« Titre » (2019)`.
            let title_like = capitalised && words <= 12 && ends_no_clause();
            if title_like && toks.get(qt + 1).is_some_and(|t| t.kind == TokKind::Punct('(')) {
                continue;
            }
            // A work followed by its author, first name and surname: `« La Graine et le Mulet »,
            // d'Abdellatif Kechiche`, `« Les Misérables » de Victor Hugo` (a quotation is not
            // followed by `de` and a full name; `de Gaulle` alone may be a speaker).
            if title_like {
                let mut x = qt + 1;
                if toks.get(x).is_some_and(|t| t.kind == TokKind::Punct(',')) {
                    x += 1;
                }
                let by = toks
                    .get(x)
                    .is_some_and(|t| t.kind == TokKind::Word && matches!(&*ctx.lower(t), "de" | "d'" | "d’"))
                    && (x + 1..x + 3).all(|y| toks.get(y).is_some_and(|t| t.kind == TokKind::Word && cap(ctx.word(t))));
                if by {
                    continue;
                }
            }
            // Attribution.
            let mut cue: Option<Cue> = None;
            let mut who = Who::Nobody;
            let cue_of = |a: usize, b: usize, c: &CueMatch, toks: &[Tok]| -> Cue { make_cue(ctx, toks, a, b, c) };
            // 1. After the quotation: `« … », a déclaré X`, `« … », estime-t-elle`, `« … », selon X`.
            let mut after_direct = false;
            // A reporting verb after the comma that closes the clause holding the quotation
            // (`Un remaniement « technique » est attendu, a indiqué X`).
            let mut verb_after_clause = false;
            {
                let mut k = qt + 1;
                let comma = k < toks.len() && matches!(toks[k].kind, TokKind::Punct(',' | '—' | '–'));
                if comma {
                    k += 1;
                }
                let limit = quote_toks.get(quote_toks.partition_point(|&q| q <= qt)).copied().unwrap_or(toks.len());
                // A subordinate clause after the quotation (`sa « priorité », alors que la crise
                // menace l'industrie`): its verb is no incise, only an inverted verb right
                // after the comma is.
                let subordinate = comma
                    && toks.get(k).is_some_and(|t| {
                        t.kind == TokKind::Word
                            && matches!(
                                &*ctx.lower(t),
                                "alors"
                                    | "tandis"
                                    | "quand"
                                    | "lorsque"
                                    | "lorsqu'"
                                    | "lorsqu’"
                                    | "car"
                                    | "parce"
                                    | "puisque"
                                    | "puisqu'"
                                    | "puisqu’"
                                    | "pendant"
                                    | "afin"
                                    | "bien"
                                    | "quoique"
                            )
                    });
                // The first cue after the quotation, within the clause that follows it.
                let first = cue_tok.partition_point(|x| x.0 < k);
                for &(a, b, c) in &cue_tok[first..] {
                    if a >= limit {
                        break;
                    }
                    let lead_ok = |from: usize| {
                        (from..a).all(|x| {
                            toks[x].kind == TokKind::Clitic
                                || toks[x].kind == TokKind::Word && {
                                    let lw = ctx.lower(&toks[x]);
                                    is_aux(&lw) || is_adverb(&lw) || is_object_clitic(&lw)
                                }
                        }) && a - from < 7
                    };
                    let immediate = lead_ok(k);
                    let after_comma = !subordinate
                        && (k.saturating_sub(1)..a)
                            .rev()
                            .find(|&p| toks[p].kind == TokKind::Punct(','))
                            .is_some_and(|p| lead_ok(p + 1));
                    match c.entry {
                        Entry::Source { .. } if ctx.lex.lemma_of(c.entry) != "pour" && (immediate || after_comma) => {
                            if let Some(w) = source_who(ctx, &toks, b) {
                                cue = Some(Cue {
                                    span: Span::new(toks[a].span.start, toks[b].span.end),
                                    lemma: ctx.lex.lemma_of(c.entry).to_string(),
                                });
                                who = w;
                                after_direct = immediate;
                                break;
                            }
                        }
                        Entry::Verb { forms, .. }
                            if (immediate && (comma || toks.get(qt + 1).is_some_and(|t| t.kind == TokKind::Word)))
                                || after_comma =>
                        {
                            if ctx.lex.flags_of(c.entry).pronominal
                                && !(k..a).any(|x| matches!(&*ctx.lower(&toks[x]), "se" | "s'" | "s’"))
                            {
                                continue;
                            }
                            // Inverted: `a déclaré le ministre`, `a-t-il déclaré`, `estime-t-elle`.
                            let mut subj = None;
                            if forms & form::FINITE != 0 {
                                subj = ctx.subject_after(&toks, b).map(|(w, _)| w);
                            }
                            if subj.is_none() && forms & form::PART != 0 {
                                // Auxiliary inverted before the participle: `a-t-il déclaré`.
                                let mut x = a;
                                while x > k && !(toks[x - 1].kind == TokKind::Clitic) {
                                    x -= 1;
                                }
                                if x > k && toks[x - 1].kind == TokKind::Clitic {
                                    subj = ctx.subject_after(&toks, x - 2).map(|(w, _)| w);
                                } else if a > 0 && is_aux(&ctx.lower(&toks[a.saturating_sub(1)]))
                                    || (k..a).any(|x| is_aux(&ctx.lower(&toks[x])))
                                {
                                    subj = ctx.subject_after(&toks, b).map(|(w, _)| w);
                                }
                            }
                            if let Some(w) = subj {
                                cue = Some(cue_of(a, b, &c, &toks));
                                who = w;
                                after_direct = immediate;
                                verb_after_clause = !immediate;
                                break;
                            }
                            // `tempère-t-on dans l'entourage de X`: the impersonal `on` speaks
                            // through the circle or place named after it; with none named, the
                            // extractor abstains (no continuation of the previous speaker).
                            let on_at = [b + 1, a.saturating_sub(1)].into_iter().find(|&x| {
                                x > qt
                                    && toks.get(x).is_some_and(|t| {
                                        t.kind == TokKind::Clitic
                                            && ctx.word(t).trim_start_matches("-t-").trim_start_matches('-') == "on"
                                    })
                            });
                            if let Some(x) = on_at {
                                cue = Some(cue_of(a, b, &c, &toks));
                                who = on_locative(ctx, &toks, x.max(b) + 1).unwrap_or(Who::Nobody);
                                after_direct = immediate;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            // 2. Before the quotation, in its clause: the nearest cue with a subject.
            if matches!(who, Who::Nobody) {
                let lo = previous_quote_end(&quote_toks, qt);
                let hi = cue_tok.partition_point(|x| x.0 < qt);
                for &(a, b, c) in cue_tok[..hi].iter().rev() {
                    if a < lo {
                        break;
                    }
                    if b >= qt {
                        continue;
                    }
                    match c.entry {
                        Entry::Source { .. } => {
                            let pour = ctx.lex.lemma_of(c.entry) == "pour";
                            // `Pour X, …` opens the sentence, X a name followed by a comma.
                            let pour_ok = |np: &Np, e: usize| {
                                a == 0
                                    && np.name.is_some()
                                    && !ctx.np_is_title_like(np)
                                    && toks.get(e).is_some_and(|t| t.kind == TokKind::Punct(','))
                            };
                            let found = if pour {
                                source_np(ctx, &toks, b)
                                    .filter(|(np, e)| pour_ok(np, *e))
                                    .map(|(np, _)| Who::Np(np, 0.85))
                            } else {
                                source_who(ctx, &toks, b)
                            };
                            if let Some(w) = found {
                                cue = Some(Cue {
                                    span: Span::new(toks[a].span.start, toks[b].span.end),
                                    lemma: ctx.lex.lemma_of(c.entry).to_string(),
                                });
                                who = w;
                                break;
                            }
                        }
                        Entry::Channel { .. } => {}
                        Entry::Verb { forms, .. } => {
                            if a > 0 {
                                let lw = ctx.lower(&toks[a - 1]);
                                // A determiner or a preposition before the form: a noun (une annonce).
                                if is_det(&lw)
                                    || matches!(&*lw, "de" | "d'" | "d’" | "du" | "à" | "au" | "en" | "par" | "pour")
                                        && forms & form::PPR == 0
                                        && forms & form::PART == 0
                                {
                                    continue;
                                }
                            }
                            if forms & (form::FINITE | form::PART | form::PPR) == 0 {
                                continue;
                            }
                            let mut g = a;
                            // Auxiliary (and adverbs) before a participle.
                            if forms & form::PART != 0 {
                                let mut x = a;
                                let mut found = false;
                                while x > 0 && a - x < 7 {
                                    let lw = ctx.lower(&toks[x - 1]);
                                    if toks[x - 1].kind == TokKind::Clitic && x >= 2 {
                                        // `avait-il déclaré`: inverted auxiliary.
                                        if let Some((w, _)) = ctx.subject_after(&toks, x - 2) {
                                            cue = Some(cue_of(a, b, &c, &toks));
                                            who = w;
                                        }
                                        break;
                                    }
                                    if toks[x - 1].kind == TokKind::Word && is_aux(&lw) {
                                        found = true;
                                        x -= 1;
                                        break;
                                    }
                                    if toks[x - 1].kind == TokKind::Word && is_adverb(&lw) {
                                        x -= 1;
                                        continue;
                                    }
                                    break;
                                }
                                if !matches!(who, Who::Nobody) {
                                    break;
                                }
                                if found {
                                    g = x;
                                } else if forms & form::FINITE == 0 {
                                    // `a qualifié … et averti que …`: a participle coordinated
                                    // to an earlier one shares its auxiliary and its subject.
                                    let coordinated =
                                        x > 0 && toks[x - 1].kind == TokKind::Word && ctx.lower(&toks[x - 1]) == "et";
                                    let aux = if coordinated {
                                        last_aux(ctx, &toks, x.saturating_sub(40), x - 1)
                                    } else {
                                        None
                                    };
                                    if let Some(y) = aux {
                                        if let Some(w) = ctx.subject_before(&toks, y, 0) {
                                            cue = Some(cue_of(a, b, &c, &toks));
                                            who = w;
                                            break;
                                        }
                                    }
                                    continue;
                                }
                            }
                            if forms & form::PPR != 0 && forms & (form::FINITE | form::PART) == 0 {
                                // `…, disant …`: the subject of the governing clause.
                                if let Some(r) = first_raw_in_sentence {
                                    cue = Some(cue_of(a, b, &c, &toks));
                                    who = Who::Same(r);
                                    break;
                                }
                                if let Some(x) = last_aux(ctx, &toks, a.saturating_sub(40), a) {
                                    if let Some(w) = ctx.subject_before(&toks, x, 0) {
                                        cue = Some(cue_of(a, b, &c, &toks));
                                        who = w;
                                        break;
                                    }
                                }
                                continue;
                            }
                            if !reflexive_ok(ctx, &toks, g, c) {
                                continue;
                            }
                            if let Some(w) = ctx.subject_before(&toks, g, 0) {
                                // `Pour X, cette nomination relève du « … »`: a subject that
                                // names nobody does not speak; the source opening the
                                // sentence does.
                                let opener = cue_tok
                                    .first()
                                    .is_some_and(|&(a0, _, c0)| a0 == 0 && matches!(c0.entry, Entry::Source { .. }));
                                if opener && matches!(&w, Who::Np(np, _) if !np.definite && !names_someone(ctx, np)) {
                                    continue;
                                }
                                cue = Some(cue_of(a, b, &c, &toks));
                                who = w;
                                // `X a déclaré qu'il espérait « … »`: the pronoun of the
                                // reported clause is the subject of the reporting verb.
                                if let Who::Pronoun { span, .. } = who {
                                    if let Some((c2, w2)) = outer_subject(ctx, &toks, &cue_tok, span) {
                                        cue = Some(c2);
                                        who = w2;
                                    }
                                }
                                break;
                            }
                        }
                    }
                }
            }
            // 3. A colon introduction: `X a été clair : « … »`.
            let prev_colon = qt > 0 && toks[qt - 1].kind == TokKind::Punct(':');
            if matches!(who, Who::Nobody) && cue.is_none() && prev_colon {
                let lo = previous_quote_end(&quote_toks, qt);
                let narrative = lo == 0 && (3..=6).contains(&qt) && ctx.lower(&toks[0]) == "et" && {
                    let rest = text[toks[1].span.start..toks[qt - 1].span.start].to_lowercase();
                    rest.starts_with("d'") || rest.starts_with("d’") || rest.starts_with("de ")
                };
                if narrative {
                    // `Et d'ajouter : « … »`: a narrative infinitive has the subject of the
                    // sentence before, in its paragraph.
                    if si > 0 && ctx.sentence_para[si - 1] == para {
                        let prev = sentence_toks(ctx, &cached, si - 1);
                        if let Some(w) = opening_subject(ctx, &prev, 0) {
                            who = w;
                        }
                    }
                } else if let Some(x) =
                    (lo..qt).find(|&x| toks[x].kind == TokKind::Word && is_aux(&ctx.lower(&toks[x])))
                {
                    // The subject right before the auxiliary, or the one opening the clause past
                    // its appositions (`Karim, 34 ans, restaurateur, est plus réservé : « … »`).
                    let subject =
                        ctx.subject_before(&toks, x, 0).or_else(|| opening_subject(ctx, &toks, lo).filter(|_| lo == 0));
                    if let Some(w) = subject {
                        who = w;
                    }
                } else if let Some(w) = opening_subject(ctx, &toks, lo).filter(|_| lo == 0) {
                    // `L'économiste Anne Dupont, de Natixis, se veut prudente : « … »`: the
                    // subject of the introducing clause speaks, whatever its verb.
                    who = w;
                } else if qt >= 2 && qt - 1 - lo <= 8 {
                    // `Le ministre de l'Intérieur : « … »`: a bare noun phrase before the colon.
                    let a = ctx.np_start(&toks, qt - 1);
                    // The phrase opens the clause, or follows another colon (`BCE : Christine
                    // Lagarde : « … »`).
                    if a == lo || (a > lo && toks[a - 1].kind == TokKind::Punct(':')) {
                        if let Some(np) = ctx.np(&toks, a, qt - 1) {
                            who = Who::Np(np, 0.8);
                        }
                    }
                }
            }
            // A quotation opening its sentence right after a sentence that ends with a colon
            // (`Il a ajouté :` then the quotation, often in its own paragraph).
            if matches!(who, Who::Nobody) && qt == 0 && si > 0 && text[..sent.start].trim_end().ends_with(':') {
                if let Some((c2, w2)) = colon_before(ctx, si - 1, &cues_by_sentence[si - 1], &cached) {
                    cue = Some(c2);
                    who = w2;
                }
            }
            // A statement standing alone whose speaker the next sentence names through a noun
            // of words (`« … » Ces mots sont ceux du défenseur Ronald Araujo.`, `La formule
            // revient dans la bouche de Claire Dufresne.`).
            if matches!(who, Who::Nobody)
                && cue.is_none()
                && qt == 0
                && capitalised
                && !cue_tok.iter().any(|&(a, _, _)| a > qt)
            {
                if let Some(w) = words_owner_after(ctx, si, para) {
                    who = w;
                }
            }
            // A statement opening its sentence with no cue at all, after a sentence of its
            // paragraph whose subject names someone (`Interrogé sur la suite, Luis Enrique s'est
            // montré prudent. « … »`): that subject speaks, whatever its verb, rather than the
            // last speaker.
            if matches!(who, Who::Nobody)
                && cue.is_none()
                && qt == 0
                && capitalised
                && si > 0
                && ctx.sentence_para[si - 1] == para
                && !cue_tok.iter().any(|&(a, _, _)| a > qt)
            {
                let prev = sentence_toks(ctx, &cached, si - 1);
                if let Some(w @ Who::Np(..)) = opening_subject(ctx, &prev, 0) {
                    who = w;
                }
            }
            // Kind: a whole statement opens its clause (sentence start, colon, dash) and starts
            // with a capital, or is followed by its inverted cue.
            let starts_clause =
                qt == 0 || matches!(toks[qt - 1].kind, TokKind::Punct(':' | '—' | '–' | '-' | '.' | '(' | '?' | '!'));
            let statement_start = capitalised
                || content.starts_with(['…', '(', '['])
                || content.starts_with(|c: char| c.is_ascii_digit());
            let ends_clause = toks.get(qt + 1).map_or(true, |t| {
                matches!(t.kind, TokKind::Punct(',' | '.' | '!' | '?' | ';' | ':' | '—' | '–' | ')'))
                    || t.kind == TokKind::Word && after_direct
            });
            let kind =
                if starts_clause && statement_start && ends_clause { QuoteKind::Direct } else { QuoteKind::Partial };
            let has_cue = !matches!(who, Who::Nobody) || cue.is_some();
            let sentence_has_cue = cue_tok.iter().any(|&(a, _, c)| {
                !matches!(c.entry, Entry::Source { .. }) || ctx.lex.lemma_of(c.entry) != "pour" || a == 0
            });
            // A headline: its leading noun phrase speaks.
            if matches!(who, Who::Nobody) && ctx.headline[si] && words >= 3 && qt > 0 {
                let mut e = 0;
                while e < qt
                    && toks[e].kind == TokKind::Word
                    && !is_np_right_stop(&ctx.lower(&toks[e]))
                    && pronoun(&ctx.lower(&toks[e])).is_none()
                {
                    e += 1;
                }
                // The noun phrase ends before its predicate (prêts, veut …): keep capitalised
                // words and their coordination only.
                let mut end = 0;
                for x in 0..e {
                    let w = ctx.word(&toks[x]);
                    if cap(w) || (w == "et" && x + 1 < e && cap(ctx.word(&toks[x + 1]))) {
                        end = x + 1;
                    } else {
                        break;
                    }
                }
                if end > 0 {
                    if let Some(np) = ctx.np(&toks, 0, end) {
                        if np.name.is_some() {
                            who = Who::Headline(np);
                        }
                    }
                }
            }
            // A partial quotation with no cue of its own, in a sentence whose subject is named
            // (`Lionel Messi, sacré meilleur joueur, a savouré « la consécration d'une
            // carrière »`): the subject's words, not the previous speaker's. Only where the
            // quotation is kept anyway (more than three words), so scare quotes stay out.
            if matches!(who, Who::Nobody)
                && cue.is_none()
                && kind == QuoteKind::Partial
                && words > 3
                && qt > 0
                && previous_quote_end(&quote_toks, qt) == 0
            {
                if let Some(w) = opening_subject(ctx, &toks, 0) {
                    who = w;
                }
            }
            // Scare quotes: a short phrase with no cue and no speaker is not a quotation.
            if !(has_cue || matches!(who, Who::Headline(_)) || words > 3 || kind == QuoteKind::Direct && words >= 2) {
                continue;
            }
            if words == 1 && !has_cue && !sentence_has_cue {
                continue;
            }
            // A single word under `selon X`: the source governs the whole clause (reported as
            // indirect speech), not the word.
            if words == 1 && cue.as_ref().is_some_and(|c| matches!(c.lemma.as_str(), "selon" | "d'après" | "d’après"))
            {
                continue;
            }
            // Likewise a single word inside a clause closed by its reporting verb and inverted
            // subject: the clause is the reported speech. (A single word inside the `que` clause
            // of a verb before it stays a partial quotation, as the test articles annotate it.)
            if words == 1 && verb_after_clause {
                continue;
            }
            let mut marks = Vec::with_capacity(2 + pair.reopen.len());
            marks.push(pair.open);
            marks.extend(pair.reopen.iter().copied());
            marks.extend(pair.close);
            let base = if pair.close.is_none() { 0.85 } else { 1.0 };
            // An incise inside the quotation splits it: « A, a-t-il expliqué, B ».
            let split = incise(ctx, inner)
                .map(|(a, b, c, w)| (skip_marks(text, a, &pair.reopen), skip_marks(text, b, &pair.reopen), c, w))
                .filter(|(a, b, _, _)| !a.is_empty() && !b.is_empty());
            if let Some((a_span, b_span, icue, iwho)) = split {
                let i0 = raws.len();
                let k0 = if cap(&text[a_span.range()]) && starts_clause { QuoteKind::Direct } else { kind };
                raws.push(Raw {
                    span: a_span,
                    kind: k0,
                    marks: vec![pair.open],
                    cue: Some(icue.clone()),
                    who: iwho,
                    confidence: base,
                    paragraph: para,
                    other_half: Some(i0 + 1),
                    source_only: false,
                    subject_only: false,
                });
                raws.push(Raw {
                    span: b_span,
                    kind: k0,
                    marks: marks[1..].to_vec(),
                    cue: Some(icue),
                    who: Who::Same(i0),
                    confidence: base,
                    paragraph: para,
                    other_half: Some(i0),
                    source_only: false,
                    subject_only: false,
                });
                first_raw_in_sentence.get_or_insert(i0);
                continue;
            }
            // A long statement of independent clauses joined by a semicolon is reported as one
            // quotation a clause, linked, of the same speaker.
            if kind == QuoteKind::Direct {
                let halves = semicolon_split(text, inner, &ctx.pairs)
                    .map(|(a, b)| (skip_marks(text, a, &pair.reopen), skip_marks(text, b, &pair.reopen)))
                    .filter(|(a, b)| !a.is_empty() && !b.is_empty());
                if let Some((a_span, b_span)) = halves {
                    let i0 = raws.len();
                    raws.push(Raw {
                        span: a_span,
                        kind,
                        marks: vec![pair.open],
                        cue: cue.clone(),
                        who,
                        confidence: base,
                        paragraph: para,
                        other_half: Some(i0 + 1),
                        source_only: false,
                        subject_only: false,
                    });
                    raws.push(Raw {
                        span: b_span,
                        kind,
                        marks: marks[1..].to_vec(),
                        cue,
                        who: Who::Same(i0),
                        confidence: base,
                        paragraph: para,
                        other_half: Some(i0),
                        source_only: false,
                        subject_only: false,
                    });
                    first_raw_in_sentence.get_or_insert(i0);
                    continue;
                }
            }
            let idx = raws.len();
            raws.push(Raw {
                span: inner,
                kind,
                marks,
                cue,
                who,
                confidence: base,
                paragraph: para,
                other_half: None,
                source_only: false,
                subject_only: false,
            });
            first_raw_in_sentence.get_or_insert(idx);
        }
        // Indirect speech, in sentences without quotations; or ending before the first of them
        // when the quotation hangs on the same reporting verb (`X a reconnu que son équipe
        // avait douté, avant de saluer son groupe : « … »`). Another speaker's quotation after
        // it (`Y avait écrit que …, mais Z a déclaré « … »`) leaves the sentence to the quotation.
        // (The sentence's quotations read in place: no list of them.)
        fn quoted(raws: &[Raw], from: usize) -> impl Iterator<Item = &Raw> {
            raws[from..].iter().filter(|r| !r.source_only)
        }
        let first = quoted(&raws, raws_before).map(|q| q.span.start).min();
        // (With a quotation, a `que` before it is needed: most such sentences have none.)
        let que_before = |q: usize| {
            toks.iter().take_while(|t| t.span.start < q).any(|t| {
                t.kind == TokKind::Word
                    && (t.text.eq_ignore_ascii_case("que") || t.text.starts_with("qu'") || t.text.starts_with("qu’"))
            })
        };
        let wanted = first.map_or(true, que_before);
        if let Some(r) = wanted.then(|| indirect(ctx, &toks, &cue_tok, sent, para)).flatten() {
            let same_verb = || {
                r.cue.as_ref().is_some_and(|c| {
                    ctx.lex.is_verb_lemma(&c.lemma)
                        && quoted(&raws, raws_before).any(|q| q.cue.as_ref().is_some_and(|d| d.span == c.span))
                })
            };
            if first.is_none() || first.is_some_and(|q| r.span.end < q) && same_verb() {
                raws.push(r);
            }
        }
        cached[si] = Some(toks);
        walks.run(ctx, &raws, &cues_by_sentence, &cached);
        while evict_from < si
            && (evict_from + TOKEN_WINDOW < si || ctx.sentence_para[evict_from] + 3 < ctx.sentence_para[si])
        {
            if let Some(buf) = cached[evict_from].take() {
                spare_toks.push(buf);
            }
            evict_from += 1;
        }
    }
    walks.run(ctx, &raws, &cues_by_sentence, &cached);
    Raws { items: raws, subjects: walks.events }
}

/// Items (indices) grouped by sentence in one array, in their order within each sentence.
struct BySentence {
    /// Where each sentence's items start in `items` (one more entry than sentences).
    offsets: Vec<usize>,
    items: Vec<usize>,
}

impl BySentence {
    /// From (sentence, item) pairs, `n` sentences.
    fn new(n: usize, pairs: &[(usize, usize)]) -> BySentence {
        let mut offsets = vec![0; n + 1];
        for &(si, _) in pairs {
            offsets[si + 1] += 1;
        }
        for k in 0..n {
            offsets[k + 1] += offsets[k];
        }
        let mut next = offsets.clone();
        let mut items = vec![0; pairs.len()];
        for &(si, item) in pairs {
            items[next[si]] = item;
            next[si] += 1;
        }
        BySentence { offsets, items }
    }
}

impl std::ops::Index<usize> for BySentence {
    type Output = [usize];
    fn index(&self, si: usize) -> &[usize] {
        &self.items[self.offsets[si]..self.offsets[si + 1]]
    }
}

/// How many sentences' tokens `collect` keeps for a second reading.
const TOKEN_WINDOW: usize = 32;

/// The tokens of sentence `si`: the cached ones, else tokenized again.
fn sentence_toks<'c, 't>(ctx: &Ctx<'t>, cached: &'c [Option<Vec<Tok<'t>>>], si: usize) -> Cow<'c, [Tok<'t>]> {
    match cached.get(si) {
        Some(Some(t)) => Cow::Borrowed(t),
        _ => Cow::Owned(tokenize(ctx.text, ctx.sentences[si], &ctx.opaque)),
    }
}

/// The subjects looked up for the discourse before the items that need an antecedent (a
/// pronoun, `les deux hommes`, `ce dernier`).
struct Walks {
    /// Sentences already looked at.
    done: Vec<bool>,
    /// The items of `collect` already looked at.
    seen: usize,
    /// The subjects found, in order.
    events: Vec<Raw>,
}

impl Walks {
    /// Looks at the items from `seen` on: for each that needs an antecedent, the subjects of
    /// its sentence and of the sentences before it (three paragraphs back at most, down to a
    /// sentence already looked at).
    fn run(&mut self, ctx: &Ctx<'_>, raws: &[Raw], cues_by_sentence: &BySentence, cached: &[Option<Vec<Tok>>]) {
        for r in &raws[self.seen.min(raws.len())..] {
            let needs = match &r.who {
                Who::Pronoun { .. } => true,
                Who::Np(np, _) => np.anaphoric || demonstrative(&ctx.text[np.span.range()]).is_some(),
                _ => false,
            };
            if !needs {
                continue;
            }
            let si = ctx.sentence_of(r.span.start);
            let para = ctx.sentence_para.get(si).copied().unwrap_or(0);
            let mut k = si + 1;
            while k > 0 {
                k -= 1;
                if self.done[k] || para.saturating_sub(ctx.sentence_para[k]) > 3 {
                    break;
                }
                self.done[k] = true;
                let toks = sentence_toks(ctx, cached, k);
                if let Some(r) = subject_event(ctx, k, &cues_by_sentence[k], &toks) {
                    self.events.push(r);
                }
            }
        }
        self.seen = raws.len();
    }
}

/// The subject of the first reporting verb of sentence `si` (cue indices `cues`), as a raw item
/// kept for the discourse only.
fn subject_event(ctx: &Ctx<'_>, si: usize, cues: &[usize], toks: &[Tok]) -> Option<Raw> {
    let event = |np: Np, conf: f32| Raw {
        span: np.span,
        kind: QuoteKind::Indirect,
        marks: Vec::new(),
        cue: None,
        who: Who::Np(np, conf),
        confidence: 0.0,
        paragraph: ctx.sentence_para[si],
        other_half: None,
        source_only: true,
        subject_only: true,
    };
    // A name opening the sentence, before its appositions (`Ioulia Navalnaïa, la veuve de
    // l'opposant, mort en détention, avait appelé …`), is the subject whatever the verb.
    // (Computed once: the last step below asks again.)
    let opening = opening_subject(ctx, toks, 0);
    if matches!(&opening, Some(Who::Np(np, _)) if np.name.is_some()) {
        if let Some(Who::Np(np, conf)) = opening {
            return Some(event(np, conf));
        }
    }
    for &ci in cues {
        let c = ctx.cues[ci];
        let Entry::Verb { forms, .. } = c.entry else { continue };
        let Some(a) = tok_at(toks, c.start) else { continue };
        if a > 0 && is_det(&ctx.lower(&toks[a - 1])) {
            continue;
        }
        let Some(g) = aux_before(ctx, toks, a, forms) else { continue };
        if let Some(Who::Np(np, conf)) = ctx.subject_before(toks, g, 0) {
            return Some(event(np, conf));
        }
    }
    // No reporting verb: a name opening the sentence, or its clause after a fronted adverbial
    // (`Jeudi, Hafsia Herzi le présentera …`), before a lowercase word (its verb) is its
    // subject (`Rachida Dati a pris la parole.`).
    let lo = toks.first().map_or(0, |t| after_fronted(ctx, toks, 0, &ctx.lower(t)));
    let mut e = lo;
    while e < toks.len() && e < lo + 6 {
        let w = ctx.word(&toks[e]);
        let title_dot = toks[e].kind == TokKind::Punct('.') && e > 0 && is_title(ctx.word(&toks[e - 1]));
        if !(title_dot || toks[e].kind == TokKind::Word && cap(w)) {
            break;
        }
        e += 1;
    }
    let verb_follows = toks.get(e).is_some_and(|t| t.kind == TokKind::Word && !cap(ctx.word(t)));
    // (A participle opening the sentence, `Nommé mercredi par …`, is no name.)
    let participle = e == lo + 1 && participle_clause(ctx, toks, lo, &ctx.lower(&toks[lo])).is_some();
    // One capitalised word is a name only as a mention (`Dupont a dit`), not a common noun
    // opening a headline (`Procès de Nantes : …`).
    let lone_word = e == lo + 1 && {
        let at = toks[lo].span.start;
        let i = ctx.mentions.partition_point(|m| m.span.end <= at);
        ctx.mentions.get(i).map_or(true, |m| m.span.start > at)
    };
    if e > lo && verb_follows && !participle && !lone_word {
        if let Some(np) = ctx.np(toks, lo, e).filter(|np| np.name.is_some()) {
            return Some(event(np, 0.8));
        }
    }
    // A determiner and a title or two before the name (`Le ministre Yannick Neuder a émis
    // …`, `La sénatrice socialiste Claire Dumonteil estime …`).
    if toks.get(lo).is_some_and(|t| t.kind == TokKind::Word && is_det(&ctx.lower(t))) {
        let cap_at = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokKind::Word && cap(ctx.word(t)));
        let low_at = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokKind::Word && !cap(ctx.word(t)));
        if let Some(n0) = (lo + 2..lo + 5).find(|&k| cap_at(k)).filter(|&n0| (lo + 1..n0).all(low_at)) {
            let mut n1 = n0;
            while n1 < n0 + 4 && cap_at(n1) {
                n1 += 1;
            }
            if low_at(n1) {
                if let Some(np) = ctx.np(toks, lo, n1).filter(|np| np.name.is_some()) {
                    return Some(event(np, 0.8));
                }
            }
        }
    }
    // The subject of any verb, named with its apposition (`Marine Tondelier, secrétaire
    // nationale des Écologistes, ne cache pas son scepticisme.`).
    match opening {
        Some(Who::Np(np, conf)) => Some(event(np, conf)),
        _ => None,
    }
}

/// The speaker announced by sentence `si`, which ends with a colon: the subject of its last
/// reporting verb.
fn colon_before(ctx: &Ctx<'_>, si: usize, cues: &[usize], cached: &[Option<Vec<Tok>>]) -> Option<(Cue, Who)> {
    ctx.sentences.get(si)?;
    let toks = sentence_toks(ctx, cached, si);
    for &ci in cues.iter().rev() {
        let c = ctx.cues[ci];
        let Entry::Verb { forms, .. } = c.entry else { continue };
        let Some(a) = tok_at(&toks, c.start) else { continue };
        let b = toks[a..].iter().position(|t| t.span.end >= c.end).map_or(a, |k| a + k);
        if a > 0 && is_det(&ctx.lower(&toks[a - 1])) {
            continue;
        }
        // `a-t-il ajouté :`
        if a >= 2 && toks[a - 1].kind == TokKind::Clitic {
            if let Some((w, _)) = ctx.subject_after(&toks, a - 2) {
                return Some((make_cue(ctx, &toks, a, b, &c), w));
            }
        }
        let Some(g) = aux_before(ctx, &toks, a, forms) else { continue };
        if let Some(w) = ctx.subject_before(&toks, g, 0) {
            return Some((make_cue(ctx, &toks, a, b, &c), w));
        }
    }
    None
}

/// The cue span (auxiliary and reflexive included) and lemma of the cue at tokens `a..=b`.
fn make_cue(ctx: &Ctx<'_>, toks: &[Tok], a: usize, b: usize, c: &CueMatch) -> Cue {
    let mut s = a;
    // Auxiliary and reflexive before the participle belong to the cue span.
    let mut k = a;
    // (Each word lowercased once for the loop's test.)
    while k > 0 && toks[k - 1].kind == TokKind::Word && a - k < 5 && {
        let lw = ctx.lower(&toks[k - 1]);
        is_adverb(&lw) || is_aux(&lw)
    } {
        k -= 1;
        if is_aux(&ctx.lower(&toks[k])) {
            s = k;
            if k > 0 && matches!(&*ctx.lower(&toks[k - 1]), "s'" | "s’" | "se") {
                s = k - 1;
            }
            break;
        }
    }
    if s == a && a > 0 && matches!(&*ctx.lower(&toks[a - 1]), "s'" | "s’" | "se") {
        s = a - 1;
    }
    let mut lemma = ctx.lex.lemma_of(c.entry).to_string();
    let reflexive = s < a && matches!(&*ctx.lower(&toks[s]), "s'" | "s’" | "se");
    if reflexive && !lemma.starts_with("se ") && !lemma.starts_with("s'") {
        lemma = if lemma.starts_with(|c: char| "aeiouéèêh".contains(c)) {
            format!("s'{lemma}")
        } else {
            format!("se {lemma}")
        };
    }
    Cue { span: Span::new(toks[s].span.start, toks[b].span.end), lemma }
}

/// The cue and subject of the reporting verb whose `que` clause has the pronoun at `pron` for
/// subject.
fn outer_subject(ctx: &Ctx<'_>, toks: &[Tok], cue_tok: &[(usize, usize, CueMatch)], pron: Span) -> Option<(Cue, Who)> {
    let p = toks.iter().position(|t| t.span == pron)?;
    if p == 0 || !matches!(&*ctx.lower(&toks[p - 1]), "que" | "qu'" | "qu’") {
        return None;
    }
    let &(a, b, c) =
        cue_tok.iter().rev().find(|(_, b, c)| *b + 6 >= p - 1 && *b < p - 1 && ctx.lex.flags_of(c.entry).que)?;
    let Entry::Verb { forms, .. } = c.entry else { return None };
    let mut g = a;
    if forms & form::PART != 0 {
        let mut x = a;
        while x > 0 && a - x < 7 && toks[x - 1].kind == TokKind::Word {
            let lw = ctx.lower(&toks[x - 1]);
            x -= 1;
            if is_aux(&lw) {
                g = x;
                break;
            }
        }
    }
    match ctx.subject_before(toks, g, 0)? {
        w @ Who::Np(..) => Some((make_cue(ctx, toks, a, b, &c), w)),
        _ => None,
    }
}

/// The start of the verb group of the verb at token `a`: its auxiliary (through adverbs) for
/// a participle, the verb itself for a finite form; `None` for a bare participle.
fn aux_before(ctx: &Ctx<'_>, toks: &[Tok], a: usize, forms: u8) -> Option<usize> {
    if forms & form::PART != 0 {
        let mut x = a;
        while x > 0 && a - x < 7 && toks[x - 1].kind == TokKind::Word {
            let lw = ctx.lower(&toks[x - 1]);
            if is_aux(&lw) {
                return Some(x - 1);
            }
            if !is_adverb(&lw) {
                break;
            }
            x -= 1;
        }
    }
    if forms & form::FINITE != 0 {
        Some(a)
    } else {
        None
    }
}

/// The last auxiliary among the tokens `lo..hi`, if any.
fn last_aux(ctx: &Ctx<'_>, toks: &[Tok], lo: usize, hi: usize) -> Option<usize> {
    (lo..hi).rev().find(|&y| toks[y].kind == TokKind::Word && is_aux(&ctx.lower(&toks[y])))
}

/// A pronominal lemma (`se montrer`) is a cue only with its reflexive pronoun before the verb
/// group starting at `g`; a lemma flagged `n` (`exposer`), only without it.
fn reflexive_ok(ctx: &Ctx<'_>, toks: &[Tok], g: usize, c: CueMatch) -> bool {
    let flags = ctx.lex.flags_of(c.entry);
    if flags.not_reflexive {
        // `la Russie s'exposerait à …`: with its reflexive pronoun, another verb.
        let mut k = g;
        while k > 0 && toks[k - 1].kind == TokKind::Word {
            match &*ctx.lower(&toks[k - 1]) {
                "se" | "s'" | "s’" => return false,
                "ne" | "n'" | "n’" => k -= 1,
                _ => break,
            }
        }
        return true;
    }
    if !flags.pronominal {
        return true;
    }
    let mut k = g;
    while k > 0 && toks[k - 1].kind == TokKind::Word {
        let lw = ctx.lower(&toks[k - 1]);
        if matches!(&*lw, "se" | "s'" | "s’") {
            return true;
        }
        if !matches!(&*lw, "ne" | "n'" | "n’") {
            return false;
        }
        k -= 1;
    }
    false
}

/// The speaker after `selon`/`d'après` (token `b` is the cue's last token): a noun phrase or
/// a stressed pronoun (`selon lui`, `d'après elle`).
fn source_who(ctx: &Ctx<'_>, toks: &[Tok], b: usize) -> Option<Who> {
    let t = toks.get(b + 1)?;
    let (plural, gender) = match &*ctx.lower(t) {
        "lui" => (false, Some(Gender::Masculine)),
        "elle" => (false, Some(Gender::Feminine)),
        "eux" => (true, None),
        "elles" => (true, Some(Gender::Feminine)),
        _ => return source_np(ctx, toks, b).map(|(np, _)| Who::Np(np, 0.85)),
    };
    Some(Who::Pronoun { span: t.span, plural, gender })
}

/// A demonstrative standing for the person named last (`celle-ci`, `ce dernier`): its
/// number and gender.
fn demonstrative(np_text: &str) -> Option<(bool, Option<Gender>)> {
    // An ASCII first byte that is no space is the first letter after trimming too.
    if np_text.as_bytes().first().is_some_and(|&b| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ' | b'c' | b'C')) {
        return None;
    }
    let t = np_text.trim();
    // Every form below starts with `c` and is at most 15 bytes long; the capitals that
    // lowercase to its letters (`C`, `E`, `À`, `È`…) have the same length in UTF-8, so a longer
    // phrase or another first letter is none of them (most calls: no allocation).
    if t.len() > 15 || !matches!(t.as_bytes().first(), Some(b'c' | b'C')) {
        return None;
    }
    let t = t.to_lowercase();
    Some(match t.as_str() {
        "celui-ci" | "celui-là" | "ce dernier" => (false, Some(Gender::Masculine)),
        "celle-ci" | "celle-là" | "cette dernière" => (false, Some(Gender::Feminine)),
        "ceux-ci" | "ces derniers" => (true, None),
        "celles-ci" | "ces dernières" => (true, Some(Gender::Feminine)),
        _ => return None,
    })
}

/// The person named in sentence `si + 1` of paragraph `para` when it opens with a noun of
/// words (`Ces mots sont ceux de X`, `La phrase est signée X`, `Le propos est de X`): the
/// speaker of the statement before it.
fn words_owner_after(ctx: &Ctx<'_>, si: usize, para: usize) -> Option<Who> {
    let next = *ctx.sentences.get(si + 1)?;
    if ctx.sentence_para.get(si + 1) != Some(&para) {
        return None;
    }
    let toks = tokenize(ctx.text, next, &ctx.opaque);
    let det = ctx.lower(toks.first()?);
    let noun = ctx.lower(toks.get(1)?);
    let opens = matches!(&*det, "ces" | "cette" | "ce" | "cet" | "la" | "le" | "les" | "l'" | "l’")
        && matches!(
            &*noun,
            "mots" | "mot" | "phrase" | "formule" | "propos" | "paroles" | "déclaration" | "réplique" | "sentence"
        );
    if !opens {
        return None;
    }
    // The first name of the sentence, within its first words.
    let mut k = 2;
    while k < toks.len().min(20) {
        if toks[k].kind == TokKind::Word && cap(ctx.word(&toks[k])) && !is_title(ctx.word(&toks[k])) {
            let mut e = k + 1;
            while e < toks.len()
                && (toks[e].kind == TokKind::Word && cap(ctx.word(&toks[e])) || toks[e].kind == TokKind::Punct('-'))
            {
                e += 1;
            }
            let np = ctx.np(&toks, k, e).filter(|np| np.name.is_some() && !np.org)?;
            return Some(Who::Np(np, 0.8));
        }
        k += 1;
    }
    None
}

/// An adverb of manner capitalised at a sentence start (`Visiblement ému, il …`) is no name:
/// the listed adverbs, or a long word in `-ement`/`-amment`/`-emment` (not `Clément`).
fn is_manner_adverb(lw: &str) -> bool {
    is_adverb(lw)
        || lw.chars().count() > 8 && (lw.ends_with("ement") || lw.ends_with("amment") || lw.ends_with("emment"))
}

/// Past participles opening a sentence about someone asked (`Interrogé sur …, X a …`).
/// The comma that ends a participle clause opening the sentence at `k` (`Nommé mercredi par le
/// conseil,`), `lw` the word at `k` lowercased: the shape of a past participle, no mention
/// starting there (`René`), then lowercase words up to a comma within eight tokens, the first
/// of them no auxiliary (`Poincaré a fait, …` is a name and its verb).
fn participle_clause(ctx: &Ctx<'_>, toks: &[Tok], k: usize, lw: &str) -> Option<usize> {
    // A past participle (`Nommé`), a present participle (`Défendant la motion,`) or an
    // adjective of presence (`Présent au banc du gouvernement,`).
    let shape = lw.chars().count() >= 4 && ["é", "ée", "és", "ées"].iter().any(|e| lw.ends_with(e))
        || lw.len() >= 6 && lw.ends_with("ant")
        || matches!(lw, "présent" | "présente" | "présents" | "présentes" | "absent" | "absente");
    let next = toks.get(k + 1)?;
    if !shape || next.kind != TokKind::Word || cap(ctx.word(next)) || is_aux(&ctx.lower(next)) {
        return None;
    }
    let at = toks[k].span.start;
    let i = ctx.mentions.partition_point(|m| m.span.end <= at);
    if ctx.mentions.get(i).is_some_and(|m| m.span.start <= at) {
        return None;
    }
    let c = (k + 1..toks.len().min(k + 9)).find(|&j| toks[j].kind == TokKind::Punct(','))?;
    (k + 1..c)
        .all(|j| match toks[j].kind {
            TokKind::Word => !cap(ctx.word(&toks[j])),
            TokKind::Punct(p) => matches!(p, '\'' | '’' | '-'),
            _ => true,
        })
        .then_some(c)
}

/// A word that opens a fronted adverbial of time (`Mercredi soir,`, `Hier,`, `Lundi 3 mars,`):
/// the subject follows its comma.
fn is_time_adverb(lw: &str) -> bool {
    is_weekday(lw)
        || matches!(
            lw,
            "hier"
                | "avant-hier"
                | "aujourd'hui"
                | "aujourd’hui"
                | "demain"
                | "auparavant"
                | "ensuite"
                | "puis"
                | "enfin"
        )
}

/// The days of the week, lowercase.
fn is_weekday(lw: &str) -> bool {
    matches!(lw, "lundi" | "mardi" | "mercredi" | "jeudi" | "vendredi" | "samedi" | "dimanche")
}

fn is_questioned_participle(lw: &str) -> bool {
    let stem = lw.trim_end_matches('s').trim_end_matches('e');
    matches!(
        stem,
        "interrogé"
            | "questionné"
            | "sollicité"
            | "interpellé"
            | "relancé"
            | "contacté"
            | "invité"
            | "pressé"
            | "joint"
    )
}

/// Whether a noun phrase names someone who can speak: a name, or a person or organisation
/// mention inside it (`le chef de l'État`, `le cabinet Rystad Energy`). `cette nomination`
/// names nobody.
fn names_someone(ctx: &Ctx<'_>, np: &Np) -> bool {
    if np.name.is_some() || np.org {
        return true;
    }
    let lo = ctx.mentions.partition_point(|m| m.span.end <= np.span.start);
    ctx.mentions[lo.min(ctx.mentions.len())..]
        .iter()
        .take_while(|m| m.span.start < np.span.end)
        .any(|m| np.span.contains(m.span) && matches!(m.kind, EntityKind::Person | EntityKind::Organization))
}

/// The subject opening a clause at token `lo`, whatever its verb: a noun phrase naming someone,
/// with one apposition between commas, right before its verb group (`Le chancelier allemand,
/// Olaf Scholz, a voulu …`, `Marine Tondelier, secrétaire nationale des Écologistes, ne cache
/// pas …`, `L'économiste Anne Dupont, de Natixis, se veut prudente`), or a bare name before its
/// verb (`Anne Dupont se veut prudente`).
///
/// French news names a speaker as the subject of the sentence before quoting them (a colon
/// introduction, or a pronoun in the next cue), with verbs that report nothing themselves.
/// Where the clause starts after a short fronted adverbial (`À Berlin,`, `Jeudi,`, `D'ici
/// là,`) or a fronted participle clause (`Interrogé sur la suite,`, `Nommé mercredi par le
/// conseil,`) opening at token `lo` (`lf`: its lowercase form): past its comma, else `lo`.
fn after_fronted(ctx: &Ctx<'_>, toks: &[Tok], lo: usize, lf: &str) -> usize {
    // (`D'ici là,`, `D'abord,`: an elided `de` opens an adverbial too.)
    let elided_de = matches!(lf, "d'" | "d’");
    if is_preposition(lf) || is_questioned_participle(lf) || is_time_adverb(lf) || elided_de {
        // A short adverbial: the subject follows it. So does a participle of questioning:
        // news copy names the person asked right after it.
        if let Some(c) = (lo + 1..toks.len().min(lo + 11)).find(|&k| toks[k].kind == TokKind::Punct(',')) {
            if (lo..c).all(|k| matches!(toks[k].kind, TokKind::Word | TokKind::Punct('\'' | '’' | '-'))) {
                return c + 1;
            }
        }
    } else if let Some(c) = participle_clause(ctx, toks, lo, lf) {
        // Any fronted participle clause in lowercase: the subject follows its comma.
        return c + 1;
    }
    lo
}

fn opening_subject(ctx: &Ctx<'_>, toks: &[Tok], lo: usize) -> Option<Who> {
    let mut lo = lo;
    let first = toks.get(lo)?;
    if first.kind != TokKind::Word {
        return None;
    }
    // A short fronted adverbial (`À Berlin,`, `Dans l'opposition,`): the subject follows it.
    // So does a fronted participle of questioning (`Interrogé sur la suite,`, `Sollicitée par
    // l'AFP,`): news copy names the person asked right after it.
    let lo0 = lo;
    let lf0 = ctx.lower(first);
    lo = after_fronted(ctx, toks, lo, &lf0);
    // A lead-in of a few words before a colon (`Promesse tenue : la maire de Paris, Anne
    // Hidalgo, a nagé …`) is a label, not the subject: the clause starts after it.
    if let Some(c) = (lo + 1..toks.len().min(lo + 4)).find(|&k| toks[k].kind == TokKind::Punct(':')) {
        if (lo..c).all(|k| toks[k].kind == TokKind::Word) && toks.get(c + 1).is_some_and(|t| t.kind == TokKind::Word) {
            lo = c + 1;
        }
    }
    let first = toks.get(lo)?;
    if first.kind != TokKind::Word {
        return None;
    }
    // (The same word as `lf0` when no lead-in was passed over.)
    let lf = if lo == lo0 { lf0 } else { ctx.lower(first) };
    // An adverbial (`Pour X, …`, `Depuis que …`) or a pronoun does not open a named subject.
    if is_preposition(&lf) || pronoun(&lf).is_some() || !(cap(ctx.word(first)) || is_det(&lf)) {
        return None;
    }
    // The verb group starts at the first lowercase word that can start one, after the opening
    // noun phrase and its apposition.
    let verb_start = |g: usize| {
        // (The kind and the capital first: they need no lowercase form.)
        toks.get(g).is_some_and(|t| {
            t.kind == TokKind::Word && !cap(ctx.word(t)) && {
                let lw = ctx.lower(t);
                !is_det(&lw)
                    && !is_preposition(&lw)
                    && pronoun(&lw).is_none()
                    && !matches!(&*lw, "et" | "ou" | "qui" | "que" | "qu'" | "qu’" | "dont")
            }
        })
    };
    // `Ce dernier a obtenu …`, `Celle-ci a salué …`: a demonstrative for the person named last.
    // (Each form starts with `c` or `C`: a first word starting with another ASCII letter opens
    // none of them, as `demonstrative` would answer three times.)
    let c_first = !toks[lo]
        .text
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ' | b'c' | b'C'));
    for n in 1..=3 {
        if lo + n > toks.len() || !c_first {
            break;
        }
        let span = Span::new(toks[lo].span.start, toks[lo + n - 1].span.end);
        if demonstrative(&ctx.text[span.range()]).is_some() {
            return if verb_start(lo + n) { ctx.np(toks, lo, lo + n).map(|np| Who::Np(np, 0.8)) } else { None };
        }
    }
    // The commas of the opening: one or two appositions, the verb group after the last.
    // (Three at most, on the stack.)
    let mut commas_buf = [0usize; 3];
    let mut n_commas = 0;
    let mut g = None;
    let mut k = lo;
    while k < toks.len() && n_commas < 3 {
        match toks[k].kind {
            TokKind::Punct(',') => {
                commas_buf[n_commas] = k;
                n_commas += 1;
                if n_commas >= 2 && verb_start(k + 1) {
                    g = Some(k + 1);
                    break;
                }
            }
            TokKind::Word | TokKind::Punct('-' | '\'' | '’') => {}
            TokKind::Punct('.') if k > lo && is_title(ctx.word(&toks[k - 1])) => {}
            _ => break,
        }
        k += 1;
        if k - commas_buf[..n_commas].last().map_or(lo, |&c| c + 1) > 12 {
            return None;
        }
    }
    let commas = &commas_buf[..n_commas];
    // Where the subject may start: the clause opening, or the name in apposition to a
    // description (`Le chancelier allemand, Olaf Scholz, …`).
    let mut starts = [toks[lo].span.start; 2];
    let who = if let Some(g) = g.filter(|_| commas[0] > lo && commas[1] > commas[0] + 1) {
        starts[1] = toks[commas[0] + 1].span.start;
        // Two appositions (`Ioulia Navalnaïa, la veuve de l'opposant, mort en détention,
        // avait appelé`): the name opening the sentence is the subject.
        let named_first = (commas.len() == 3)
            .then(|| ctx.np(toks, lo, commas[0]))
            .flatten()
            .filter(|np| np.name.is_some() && !np.org);
        match named_first {
            Some(np) => Who::Np(np, 0.85),
            None => ctx.subject_before(toks, g, 0)?,
        }
    } else {
        // No apposition: a run of capitalised words (a name) right before the verb.
        let mut e = lo;
        while e < toks.len() && e - lo < 6 {
            let w = ctx.word(&toks[e]);
            let glued = matches!(toks[e].kind, TokKind::Punct('-')) && e > lo;
            let title_dot = toks[e].kind == TokKind::Punct('.') && e > lo && is_title(ctx.word(&toks[e - 1]));
            if !(glued || title_dot || toks[e].kind == TokKind::Word && (cap(w) || e == lo && is_det(&lf))) {
                break;
            }
            e += 1;
        }
        if e == lo || !verb_start(e) {
            return None;
        }
        Who::Np(ctx.np(toks, lo, e)?, 0.8)
    };
    match who {
        Who::Np(np, c) if names_someone(ctx, &np) && starts.contains(&np.span.start) => Some(Who::Np(np, c)),
        _ => None,
    }
}

/// The circle or place an impersonal `on` speaks through, from token `k` on: `dans l'entourage
/// de X`, `chez X`, `auprès de X`, `à Matignon`.
fn on_locative(ctx: &Ctx<'_>, toks: &[Tok], mut k: usize) -> Option<Who> {
    // Adverbs and a day (`a-t-on appris jeudi auprès de …`) before the circle.
    while toks.get(k).is_some_and(|t| {
        t.kind == TokKind::Word && {
            let lw = ctx.lower(t);
            is_adverb(&lw)
                || matches!(
                    &*lw,
                    "lundi" | "mardi" | "mercredi" | "jeudi" | "vendredi" | "samedi" | "dimanche" | "hier"
                )
        }
    }) {
        k += 1;
    }
    let lw = ctx.lower(toks.get(k)?);
    let start = match &*lw {
        "dans" | "chez" => k + 1,
        // `auprès des organisateurs`: the noun phrase keeps its `des` (no other determiner).
        "auprès" if toks.get(k + 1).is_some_and(|t| ctx.lower(t) == "des") => k + 1,
        "auprès" if toks.get(k + 1).is_some_and(|t| matches!(&*ctx.lower(t), "de" | "du" | "d'" | "d’")) => k + 2,
        "à" if toks.get(k + 1).is_some_and(|t| cap(ctx.word(t))) => k + 1,
        _ => return None,
    };
    let mut e = start;
    while e < toks.len() && e - start < 12 {
        match toks[e].kind {
            TokKind::Word => {}
            TokKind::Punct('-' | '\'' | '’') => {
                e += 1;
                continue;
            }
            TokKind::Punct('.') if e > start && is_title(ctx.word(&toks[e - 1])) => {
                e += 1;
                continue;
            }
            _ => break,
        }
        if e > start && is_np_right_stop(&ctx.lower(&toks[e])) {
            break;
        }
        e += 1;
    }
    ctx.np(toks, start, e).map(|np| Who::Np(np, 0.7))
}

/// The token starting at byte `start`, if any (tokens are sorted).
fn tok_at(toks: &[Tok], start: usize) -> Option<usize> {
    toks.binary_search_by(|t| t.span.start.cmp(&start)).ok()
}

/// The cue starting at token `k`, if any (cue tokens are sorted).
fn cue_at(cue_tok: &[(usize, usize, CueMatch)], k: usize) -> Option<&(usize, usize, CueMatch)> {
    cue_tok.binary_search_by(|x| x.0.cmp(&k)).ok().map(|i| &cue_tok[i])
}

/// The token after the last quotation before token `qt` (0 if none): where its clause may start.
fn previous_quote_end(quote_toks: &[usize], qt: usize) -> usize {
    let i = quote_toks.partition_point(|&q| q < qt);
    if i == 0 {
        0
    } else {
        quote_toks[i - 1] + 1
    }
}

/// The noun phrase after `selon`/`d'après` (token `b` is the cue's last token).
fn source_np(ctx: &Ctx<'_>, toks: &[Tok], b: usize) -> Option<(Np, usize)> {
    // The same source is read up to three times per cue (sources, inverted subjects, indirect
    // speech): remember the last answers. Tokens come from one deterministic tokenization of a
    // sentence, so its first and last token spans and its length name it.
    let key = (toks.first().map(|t| t.span), toks.last().map(|t| t.span), toks.len(), b);
    if let Some((_, hit)) = ctx.source_memo.borrow().iter().find(|(k, _)| *k == key) {
        return hit.clone();
    }
    let found = source_np_uncached(ctx, toks, b);
    let mut memo = ctx.source_memo.borrow_mut();
    if memo.len() >= 8 {
        memo.remove(0);
    }
    memo.push((key, found.clone()));
    found
}

fn source_np_uncached(ctx: &Ctx<'_>, toks: &[Tok], b: usize) -> Option<(Np, usize)> {
    let a = b + 1;
    let mut e = a;
    while e < toks.len() && toks[e].kind == TokKind::Word
        || (e < toks.len()
            && matches!(toks[e].kind, TokKind::Punct('-' | '\'' | '’' | '.'))
            && e > a
            && toks[e].kind != TokKind::Punct('.')
            || (e < toks.len() && toks[e].kind == TokKind::Punct('.') && e > a && is_title(ctx.word(&toks[e - 1]))))
    {
        let lw = ctx.lower(&toks[e]);
        if e > a
            && (is_np_stop(&lw)
                || is_weekday(&lw)
                || matches!(&*lw, "hier" | "dans" | "lors" | "le" | "la" | "les" | "il" | "elle" | "ils" | "elles")
                    && e > a + 1
                    && !matches!(
                        &*ctx.lower(&toks[e - 1]),
                        "de" | "du" | "des" | "à" | "aux" | "au" | "par" | "pour" | "sur" | "d'" | "d’"
                    ))
        {
            break;
        }
        e += 1;
        if e - a > 10 {
            return None;
        }
    }
    let lw = ctx.lower(toks.get(a)?);
    if pronoun(&lw).is_some() || matches!(&*lw, "lui" | "eux" | "moi" | "nous" | "vous") {
        let (plural, gender) = match &*lw {
            "lui" => (false, Some(Gender::Masculine)),
            "eux" => (true, None),
            _ => pronoun(&lw)?,
        };
        let np = Np { span: toks[a].span, name: None, org: false, plural, gender, anaphoric: false, definite: false };
        let _ = np;
        return None;
    }
    // `selon ses mots`, `selon ses propres termes`: the subject's own words, not a source.
    if (a..e)
        .any(|k| matches!(&*ctx.lower(&toks[k]), "mots" | "propos" | "termes" | "dires" | "formule" | "expression"))
    {
        return None;
    }
    let np = ctx.np(toks, a, e)?;
    // `Pour la déléguée syndicale, Sophie Le Gall, …`: a proper name in apposition. After a
    // plural (`selon des sources proches du président, Ousmane Sonko, …`) one name is no
    // apposition of it.
    if !np.plural && toks.get(e).is_some_and(|t| t.kind == TokKind::Punct(',')) {
        let mut e2 = e + 1;
        while e2 < toks.len() && toks[e2].kind == TokKind::Word && cap(ctx.word(&toks[e2])) && e2 - e <= 4 {
            e2 += 1;
        }
        if e2 > e + 1 && toks.get(e2).is_some_and(|t| t.kind == TokKind::Punct(',')) {
            if let Some(named) = ctx.np(toks, e + 1, e2).filter(|n| n.name.is_some()) {
                return Some((named, e2));
            }
        }
    }
    Some((np, e))
}

/// `text` without a last object pronoun (`… constat, lui` → `… constat,`; `… X, m'` → `… X,`),
/// if it ends with one.
fn strip_object_clitic(text: &str) -> Option<&str> {
    let t = text.trim_end_matches(char::is_alphabetic);
    let w = text[t.len()..].to_lowercase();
    let rest = if matches!(w.as_str(), "lui" | "leur" | "nous" | "vous" | "me" | "te") {
        t
    } else if w.is_empty() && t.ends_with(['\'', '’']) {
        // An elided one: `m'`, `t'`, `l'`.
        let u = t.trim_end_matches(['\'', '’']);
        let v = u.trim_end_matches(char::is_alphabetic);
        if !matches!(u[v.len()..].to_lowercase().as_str(), "m" | "t" | "l") {
            return None;
        }
        v
    } else {
        return None;
    };
    Some(rest.trim_end_matches(|ch: char| ch.is_whitespace() || crate::typography::is_space(ch)))
}

/// An incise inside a quotation: `A, a-t-il expliqué, B` → (A, B, cue, speaker).
fn incise(ctx: &Ctx<'_>, inner: Span) -> Option<(Span, Span, Cue, Who)> {
    let lo = ctx.cues.partition_point(|c| c.start < inner.start);
    for c in &ctx.cues[lo..] {
        if c.end > inner.end {
            break;
        }
        let Entry::Verb { forms, .. } = c.entry else { continue };
        // The incise opens after a comma or a dash.
        let before = ctx.text[inner.start..c.start]
            .trim_end_matches(|ch: char| ch.is_whitespace() || crate::typography::is_space(ch));
        // `, a-t-il expliqué,` or `, a expliqué le ministre,` or `, estime-t-elle,`; an object
        // pronoun may open it (`, lui a répondu la ministre,`, `, nous confie-t-il,`).
        let before = strip_object_clitic(before).unwrap_or(before);
        let (open_at, aux_clitic) = if before.ends_with([',', '—', '–']) {
            (before.len(), None)
        } else {
            // An auxiliary before the participle, inverted (`a-t-il dit`) or not (`a dit X`).
            let t = before.trim_end_matches(|ch: char| ch.is_alphabetic() || ch == '-');
            let w = &before[t.len()..];
            let lw = w.to_lowercase();
            let inverted = ["a-t-il", "a-t-elle", "avait-il", "avait-elle", "ont-ils", "ont-elles", "a-t-on"]
                .contains(&lw.as_str());
            if forms & form::PART != 0 && (inverted || is_aux(&lw)) {
                let t2 = t.trim_end_matches(|ch: char| ch.is_whitespace() || crate::typography::is_space(ch));
                let t2 = strip_object_clitic(t2).unwrap_or(t2);
                if !t2.ends_with([',', '—', '–']) {
                    continue;
                }
                (t2.len(), if inverted { Some(w) } else { None })
            } else {
                continue;
            }
        };
        let punct_len = before[..open_at].chars().next_back().map_or(1, char::len_utf8);
        let comma_pos = inner.start + open_at - punct_len;
        let a_span = trim_span(ctx.text, Span::new(inner.start, comma_pos));
        if word_count_upto(&ctx.text[a_span.range()], 2) < 2 {
            continue;
        }
        // Tokens from the cue to the closing comma of the incise.
        let rest_end = ctx.text[c.end..inner.end].find([',', '—', '–', '.']).map(|k| c.end + k)?;
        // A name in apposition to the subject belongs to the incise (`, lui a répondu la
        // ministre, Élisabeth Borne. Mais …`): up to four capitalised words, then `,` or `.`.
        let apposition_end = (ctx.text[rest_end..].starts_with(',')).then(|| {
            let after = &ctx.text[rest_end + 1..inner.end];
            let name = after.trim_start();
            let skipped = after.len() - name.len();
            let end = name.find([',', '.', '—', '–'])?;
            let words: Vec<&str> = name[..end].split_whitespace().collect();
            ((1..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase)))
                .then_some(rest_end + 1 + skipped + end)
        });
        let rest_end = apposition_end.flatten().unwrap_or(rest_end);
        let inc = Span::new(comma_pos + punct_len, rest_end);
        let toks = tokenize(ctx.text, inc, &[]);
        if toks.len() > 14 || toks.is_empty() {
            continue;
        }
        let Some(vi) = toks.iter().position(|t| t.span.start == c.start) else { continue };
        let who = if let Some(w) = aux_clitic {
            let cl = w.rsplit('-').next().unwrap_or("").to_lowercase();
            let Some((plural, gender)) = pronoun(&cl) else { continue };
            let Some(ws) = toks.iter().find(|t| t.kind == TokKind::Clitic).map(|t| t.span) else { continue };
            let off = ctx.text[ws.range()].len() - cl.len();
            Who::Pronoun { span: Span::new(ws.start + off, ws.end), plural, gender }
        } else {
            let Some((w, end)) = ctx.subject_after(&toks, vi) else { continue };
            // The subject closes the incise, or an adverbial after it does (`, a lancé le
            // président devant ses partisans dimanche soir,`).
            if end < toks.len() && !(toks[end].kind == TokKind::Word && is_np_right_stop(&ctx.lower(&toks[end]))) {
                continue;
            }
            w
        };
        let close_len = ctx.text[rest_end..].chars().next().map_or(1, char::len_utf8);
        let b_span = trim_span(ctx.text, Span::new(rest_end + close_len, inner.end));
        if word_count_upto(&ctx.text[b_span.range()], 1) < 1 {
            continue;
        }
        let cue_start = toks.first().map_or(c.start, |t| t.span.start);
        let cue = Cue { span: Span::new(cue_start.min(c.start), c.end), lemma: ctx.lex.lemma_of(c.entry).to_string() };
        return Some((a_span, b_span, cue, who));
    }
    None
}

/// The two clauses of a long quoted statement split at its first semicolon (outside nested
/// quotations), each at least eight words.
fn semicolon_split(text: &str, inner: Span, pairs: &[MarkPair]) -> Option<(Span, Span)> {
    let body = inner.get(text)?;
    for (k, _) in body.match_indices(';') {
        let pos = inner.start + k;
        if pairs.iter().any(|p| p.depth > 0 && p.open.start < pos && pos < p.inner.end) {
            continue;
        }
        let a = trim_span(text, Span::new(inner.start, pos));
        let b = trim_span(text, Span::new(pos + 1, inner.end));
        if word_count_upto(&text[a.range()], 8) >= 8 && word_count_upto(&text[b.range()], 8) >= 8 {
            return Some((a, b));
        }
    }
    None
}

/// A half of a split multi-paragraph quotation without the reopening marks at its ends.
fn skip_marks(text: &str, mut s: Span, reopen: &[Span]) -> Span {
    loop {
        if let Some(m) = reopen.iter().find(|m| m.start == s.start && m.end <= s.end) {
            s = trim_span(text, Span::new(m.end, s.end));
        } else if let Some(m) = reopen.iter().find(|m| m.end == s.end && m.start >= s.start) {
            s = trim_span(text, Span::new(s.start, m.start));
        } else {
            return s;
        }
    }
}

fn trim_span(text: &str, s: Span) -> Span {
    let Some(t) = s.get(text) else { return Span::new(s.start, s.start) };
    let l = t.len() - t.trim_start_matches(|c: char| c.is_whitespace() || crate::typography::is_space(c)).len();
    let r = t.len() - t.trim_end_matches(|c: char| c.is_whitespace() || crate::typography::is_space(c)).len();
    if l + r >= t.len() {
        return Span::new(s.start, s.start);
    }
    Span::new(s.start + l, s.end - r)
}

/// Reported speech without marks: `X a affirmé que …`, `selon X, …`, `…, selon X.`
fn indirect(ctx: &Ctx<'_>, toks: &[Tok], cue_tok: &[(usize, usize, CueMatch)], sent: Span, para: usize) -> Option<Raw> {
    let text = ctx.text;
    // A last adjunct after a comma (`…, après la suspension décidée au printemps.`): a
    // preposition, then no other comma, quotation, reporting word or semicolon up to the end
    // of the sentence. The reported clause runs on through it.
    let trailing_adjunct = |k: usize| -> bool {
        let opens = toks.get(k + 1).is_some_and(|t| {
            t.kind == TokKind::Word
                && matches!(
                    &*ctx.lower(t),
                    "après" | "avant" | "depuis" | "pendant" | "malgré" | "dans" | "faute" | "grâce" | "lors" | "sans"
                )
        });
        if !opens {
            return false;
        }
        let mut n = 0;
        for t in &toks[k + 1..] {
            if t.span.start >= sent.end {
                break;
            }
            n += 1;
            let stop = matches!(t.kind, TokKind::Punct(',' | ';' | ':') | TokKind::Quote(_))
                || cue_at(cue_tok, n + k).is_some();
            if stop || n > 25 {
                return false;
            }
        }
        true
    };
    let clause_end = |from: usize| -> usize {
        // The reported clause ends at the sentence end, a semicolon, or the first comma after
        // it has begun (a comma opens the writer's incidentals or a clause of its own: `, si …`,
        // `, mais …`); a decimal comma (3,5) does not count.
        let mut end = sent.end;
        // A comma right after a short subject opens its apposition (`Ousmane Sonko, son mentor,
        // pourrait …`): the comma closing it is no boundary either.
        let mut apposition = false;
        for k in from..toks.len() {
            match toks[k].kind {
                TokKind::Punct(';') => {
                    end = toks[k].span.start;
                    break;
                }
                TokKind::Punct(',') => {
                    let decimal = toks.get(k + 1).is_some_and(|n| {
                        n.span.start == toks[k].span.end && n.text.starts_with(|c: char| c.is_ascii_digit())
                    });
                    if k > from && k < from + 3 && !decimal && cap(toks[from].text) {
                        apposition = true;
                        continue;
                    }
                    if apposition && !decimal && k <= from + 10 {
                        apposition = false;
                        continue;
                    }
                    // A fronted adverbial opening the reported clause (`qu'il y a trente ans, la
                    // barre …`, `que depuis 2019, les prix …`): its comma is no boundary.
                    let fronted = k <= from + 8
                        && (from..k).all(|x| matches!(toks[x].kind, TokKind::Word | TokKind::Punct('\'' | '’' | '-')))
                        && {
                            let lw = ctx.lower(&toks[from]);
                            is_preposition(&lw)
                                || (lw == "il"
                                    && toks.get(from + 1).is_some_and(|t| ctx.lower(t) == "y")
                                    && toks.get(from + 2).is_some_and(|t| ctx.lower(t) == "a"))
                        };
                    if fronted {
                        continue;
                    }
                    if k >= from + 3 && !decimal && !trailing_adjunct(k) {
                        end = toks[k].span.start;
                        break;
                    }
                }
                _ => {}
            }
        }
        end
    };
    // A `Selon X, …` reading held back while the clause's own reporting verb is tried.
    let mut source_fallback: Option<Raw> = None;
    for &(a, b, c) in cue_tok {
        match c.entry {
            Entry::Verb { forms, .. } => {
                if ctx.lex.lemma_of(c.entry) == "apprendre" {
                    // No `que` clause of its own: only `…, a-t-on appris auprès de X`.
                    if let Some(r) = inverted_at_end(ctx, toks, a, b, c, forms, sent, para) {
                        return Some(r);
                    }
                    continue;
                }
                // `…, rappelant que …`: a present participle after a comma reports for the
                // subject of the clause it hangs on.
                let participle_incise = forms & form::PPR != 0
                    && forms & (form::FINITE | form::PART) == 0
                    && a > 0
                    && toks[a - 1].kind == TokKind::Punct(',');
                if !ctx.lex.flags_of(c.entry).que || (forms & (form::FINITE | form::PART) == 0 && !participle_incise) {
                    continue;
                }
                if a > 0
                    && (is_det(&ctx.lower(&toks[a - 1]))
                        || matches!(&*ctx.lower(&toks[a - 1]), "de" | "d'" | "d’" | "à" | "en"))
                {
                    continue;
                }
                // `que` within a few words (adverbs, dates, a dative `aux journalistes`).
                let mut k = b + 1;
                let mut q = None;
                let mut dative = false;
                while k < toks.len() && k <= b + 7 {
                    let lw = ctx.lower(&toks[k]);
                    if lw == "que" || lw == "qu'" || lw == "qu’" {
                        q = Some(k);
                        break;
                    }
                    // A channel: `a indiqué dans un communiqué que`.
                    if let Some(&(_, cb, _)) =
                        cue_at(cue_tok, k).filter(|(_, _, cc)| matches!(cc.entry, Entry::Channel { .. }))
                    {
                        k = cb + 1;
                        continue;
                    }
                    // A dative: `à l'AFP`, `au Figaro`, `aux élus locaux`.
                    if matches!(&*lw, "à" | "au" | "aux") {
                        dative = true;
                        k += 1;
                        continue;
                    }
                    if dative
                        && toks[k].kind == TokKind::Word
                        && (is_det(&lw) || cap(ctx.word(&toks[k])) || !ctx.finite_at(toks, k))
                        && !is_aux(&lw)
                    {
                        k += 1;
                        continue;
                    }
                    if toks[k].kind != TokKind::Word
                        || !(is_adverb(&lw)
                            || lw.chars().all(|c| c.is_ascii_digit())
                            || matches!(
                                &*lw,
                                "janvier"
                                    | "février"
                                    | "mars"
                                    | "avril"
                                    | "mai"
                                    | "juin"
                                    | "juillet"
                                    | "août"
                                    | "septembre"
                                    | "octobre"
                                    | "novembre"
                                    | "décembre"
                                    | "aux"
                                    | "journalistes"
                                    | "à"
                                    | "la"
                                    | "presse"
                            ))
                    {
                        break;
                    }
                    k += 1;
                }
                let Some(q) = q else {
                    // `…, a annoncé le parquet.`: the cue and its inverted subject close the
                    // sentence; what precedes the comma is the reported clause.
                    if let Some(r) = inverted_at_end(ctx, toks, a, b, c, forms, sent, para) {
                        return Some(r);
                    }
                    continue;
                };
                let Some(start) = toks.get(q + 1).map(|t| t.span.start) else { continue };
                let end = clause_end(q + 1);
                let span = trim_end_punct(text, Span::new(start, end));
                if word_count_upto(&text[span.range()], 3) < 3 {
                    continue;
                }
                // The subject of the cue (through its auxiliary for a participle); for a
                // participle incise, of the verb before its comma: an inverted one (`estime-t-elle,
                // rappelant que`) or the last auxiliary's (`a défendu le texte, rappelant que`).
                let (g, who) = if participle_incise {
                    let who = if a >= 3 && toks[a - 2].kind == TokKind::Clitic {
                        ctx.subject_after(toks, a - 3).map(|(w, _)| w)
                    } else {
                        last_aux(ctx, toks, a.saturating_sub(40), a - 1).and_then(|x| ctx.subject_before(toks, x, 0))
                    };
                    match who {
                        Some(w) => (a, w),
                        None => continue,
                    }
                } else {
                    let g = match aux_before(ctx, toks, a, forms) {
                        Some(g) => g,
                        None => continue,
                    };
                    if !reflexive_ok(ctx, toks, g, c) {
                        continue;
                    }
                    let Some(who) = ctx.subject_before(toks, g, 0) else { continue };
                    (g, who)
                };
                let cue = Cue {
                    span: Span::new(toks[g].span.start, toks[b].span.end),
                    lemma: ctx.lex.lemma_of(c.entry).to_string(),
                };
                return Some(Raw {
                    span,
                    kind: QuoteKind::Indirect,
                    marks: Vec::new(),
                    cue: Some(cue),
                    who,
                    confidence: 0.8,
                    paragraph: para,
                    other_half: None,
                    source_only: false,
                    subject_only: false,
                });
            }
            Entry::Source { .. } => {
                let lemma = ctx.lex.lemma_of(c.entry);
                // `Selon l'Élysée, Emmanuel Macron a indiqué à l'issue de l'appel que …`: the
                // clause opens on its own reporting verb (a few words after the source) with a
                // `que`; its subject speaks, the source only vouches.
                let own_verb = a == 0
                    && cue_tok.iter().any(|&(a2, b2, c2)| {
                        a2 > b
                            && a2 <= b + 10
                            && matches!(c2.entry, Entry::Verb { .. })
                            && ctx.lex.flags_of(c2.entry).que
                            && (b2 + 1..toks.len().min(b2 + 9)).any(|k| {
                                toks[k].kind == TokKind::Word && matches!(&*ctx.lower(&toks[k]), "que" | "qu'" | "qu’")
                            })
                    });
                let (np, e) = if lemma == "pour" {
                    // `Pour X, …` at the start of the sentence, X a name.
                    if a != 0 {
                        continue;
                    }
                    let Some((np, e)) = source_np(ctx, toks, b) else { continue };
                    if np.name.is_none() || ctx.np_is_title_like(&np) {
                        continue;
                    }
                    (Who::Np(np, 0.85), e)
                } else {
                    match source_who(ctx, toks, b) {
                        Some(w @ Who::Pronoun { .. }) => (w, b + 2),
                        _ => {
                            let Some((np, e)) = source_np(ctx, toks, b) else { continue };
                            // `selon un sondage`, `d'après les chiffres du ministère`: a
                            // document or data sources facts; it does not speak (nor does the
                            // body that issued it: `d'après les déclarations du Kremlin, …` is
                            // no quotation in the evaluation's gold).
                            if is_document_np(ctx, np.span) {
                                continue;
                            }
                            (Who::Np(np, 0.85), e)
                        }
                    }
                };
                let cue = Cue { span: Span::new(toks[a].span.start, toks[b].span.end), lemma: lemma.to_string() };
                let span = if a == 0 && toks.get(e).is_some_and(|t| t.kind == TokKind::Punct(',')) {
                    // `Selon X, …`: the rest of the sentence, after a participle's phrase in
                    // apposition to X (`Selon le bilan de l'agence, publié mardi, …`).
                    let mut e = e;
                    // (Or a bare noun's phrase, which cannot open a clause: `Pour le climatologue
                    // Christophe Cassou, directeur de recherche au CNRS, l'épisode …`.)
                    if toks.get(e + 1).is_some_and(|t| {
                        t.kind == TokKind::Word && {
                            let lw = ctx.lower(t);
                            is_participle_form(&lw)
                                || !cap(ctx.word(t))
                                    && !is_det(&lw)
                                    && pronoun(&lw).is_none()
                                    && !is_preposition(&lw)
                                    && !is_adverb(&lw)
                                    && !matches!(
                                        &*lw,
                                        "il" | "on"
                                            | "ce"
                                            | "c'"
                                            | "c’"
                                            | "cela"
                                            | "ça"
                                            | "tout"
                                            | "rien"
                                            | "personne"
                                            | "chacun"
                                    )
                                    && cue_at(cue_tok, e + 1).is_none()
                        }
                    }) {
                        if let Some(k) = (e + 2..toks.len().min(e + 8)).find(|&k| toks[k].kind == TokKind::Punct(',')) {
                            if toks[e + 2..k].iter().all(|t| t.kind == TokKind::Word) {
                                e = k;
                            }
                        }
                    }
                    let Some(start) = toks.get(e + 1).map(|t| t.span.start) else { continue };
                    trim_end_punct(text, Span::new(start, clause_end(e + 1)))
                } else if a > 0
                    && toks[a - 1].kind == TokKind::Punct(',')
                    && {
                        // The source ends the sentence, with at most an apposition after it
                        // (`…, d'après Anne Dupont, professeure de droit.`).
                        let closes =
                            |k: usize| toks.get(k).map_or(true, |t| matches!(t.kind, TokKind::Punct('.' | '!' | '?')));
                        // An acronym in brackets after the source: `la Fédération française de
                        // football (FFF)`.
                        let mut e = e;
                        if toks.get(e).is_some_and(|t| t.kind == TokKind::Punct('(')) {
                            if let Some(k) =
                                (e + 1..toks.len().min(e + 5)).find(|&k| toks[k].kind == TokKind::Punct(')'))
                            {
                                e = k + 1;
                            }
                        }
                        closes(e)
                            || toks[e].kind == TokKind::Punct(',')
                                && ((e + 1..toks.len())
                                .take_while(|&k| !closes(k))
                                .all(|k| matches!(toks[k].kind, TokKind::Word | TokKind::Punct('\'' | '’' | '-')))
                                // … or a participle's phrase with no verb of its own (`…, selon
                                // l'Insee, porté par les exportations, notamment aéronautiques.`).
                                || toks.get(e + 1).is_some_and(|t| t.kind == TokKind::Word && is_participle_like(&ctx.lower(t)))
                                    && (e + 1..toks.len()).take_while(|&k| !closes(k)).all(|k| match toks[k].kind {
                                        TokKind::Word => {
                                            let lw = ctx.lower(&toks[k]);
                                            !is_aux(&lw) && !looks_finite(&lw)
                                        }
                                        TokKind::Punct('\'' | '’' | '-' | ',') => true,
                                        _ => false,
                                    })
                                // … or a relative clause on it (`, dont le président doit …`).
                                || toks.get(e + 1).is_some_and(|t| {
                                    t.kind == TokKind::Word
                                        && matches!(&*ctx.lower(t), "dont" | "qui" | "où" | "lequel" | "laquelle")
                                }))
                    }
                {
                    // `…, selon X.`: the sentence before.
                    trim_end_punct(text, Span::new(sent.start, toks[a - 1].span.start))
                } else {
                    continue;
                };
                if word_count_upto(&text[span.range()], 3) < 3 {
                    continue;
                }
                let raw = Raw {
                    span,
                    kind: QuoteKind::Indirect,
                    marks: Vec::new(),
                    cue: Some(cue),
                    who: np,
                    confidence: 0.8,
                    paragraph: para,
                    other_half: None,
                    source_only: false,
                    subject_only: false,
                };
                if own_verb {
                    // Kept in case that verb's clause yields nothing.
                    source_fallback = source_fallback.or(Some(raw));
                    continue;
                }
                return Some(raw);
            }
            Entry::Channel { .. } => {}
        }
    }
    source_fallback
}

/// Where the words of a sentence starting at `start` begin after a dateline (`MOSCOU, 9
/// novembre 2022 (AFP) - `, `PARIS (Reuters) – `): after the dash that follows the agency's
/// parenthesis within the first 120 bytes; `start` when there is none.
fn after_dateline(text: &str, start: usize) -> usize {
    let mut end = (start + 120).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[start..end];
    let Some(close) = head.find(')') else { return start };
    // The parenthesis holds an agency's name: capitals, digits, a few signs.
    let open = head[..close].rfind('(').map_or(close, |o| o + 1);
    let agency = &head[open..close];
    if agency.is_empty()
        || !agency.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || " -/&.".contains(c))
            && !agency.chars().next().is_some_and(char::is_uppercase)
    {
        return start;
    }
    let rest = &head[close + 1..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let Some(after_dash) = trimmed.strip_prefix(['-', '–', '—']) else { return start };
    let words = after_dash.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    end - words.len()
}

/// `X …, a annoncé le parquet.`: a reporting verb after a comma with its inverted subject ending
/// the sentence reports the clause before the comma.
#[allow(clippy::too_many_arguments)]
fn inverted_at_end(
    ctx: &Ctx<'_>,
    toks: &[Tok],
    a: usize,
    b: usize,
    c: CueMatch,
    forms: u8,
    sent: Span,
    para: usize,
) -> Option<Raw> {
    if !ctx.lex.flags_of(c.entry).inverted {
        return None;
    }
    // The verb group: an auxiliary (and adverbs) before a participle, or the finite verb; an
    // inverted impersonal subject sits between them (`a-t-on appris`).
    let on_inverted = a >= 2
        && toks[a - 1].kind == TokKind::Clitic
        && ctx.word(&toks[a - 1]).trim_start_matches("-t-").trim_start_matches('-') == "on"
        && is_aux(&ctx.lower(&toks[a - 2]));
    let g = if on_inverted {
        a - 2
    } else if forms & form::PART != 0 {
        aux_before(ctx, toks, a, forms)?
    } else {
        a
    };
    if g == 0 || toks[g - 1].kind != TokKind::Punct(',') || (forms & form::FINITE == 0 && g == a) {
        return None;
    }
    // The part before the comma must be a clause (with a verb), not the subject and its
    // apposition (`Le directeur, Florent Chambaz, a annoncé la fermeture`).
    let has_verb = (g.saturating_sub(41)..g - 1).any(|k| {
        toks[k].kind == TokKind::Word && {
            let lw = ctx.lower(&toks[k]);
            // (The binary search among the cues last: the word tests are cheaper.)
            is_aux(&lw)
                // A negation brackets a verb: `ne participeront pas`, `n'a jamais`.
                || matches!(&*lw, "ne" | "n'" | "n’") && toks.get(k + 1).is_some_and(|t| t.kind == TokKind::Word)
                || looks_finite(&lw)
                || ctx.finite_at(toks, k)
        }
    });
    if !has_verb {
        return None;
    }
    let (who, end) = if ctx.lex.lemma_of(c.entry) == "apprendre" {
        // `…, a-t-on appris jeudi auprès de l'entreprise`: the impersonal `on` learned the
        // clause from the source named after it, who is the speaker. `apprendre` reports
        // nothing with another subject (`a appris sa nomination`).
        let on = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.kind == TokKind::Clitic && ctx.word(t).trim_start_matches("-t-").trim_start_matches('-') == "on"
            })
        };
        if !(on(b + 1) || a > 0 && on(a - 1)) {
            return None;
        }
        let from = if on(b + 1) { b + 2 } else { b + 1 };
        let who = on_locative(ctx, toks, from)?;
        let Who::Np(np, _) = &who else { return None };
        let end = toks.partition_point(|t| t.span.start < np.span.end);
        (who, end)
    } else {
        ctx.subject_after(toks, b)?
    };
    // The subject ends the sentence, or a short adverbial after it does (`sous couvert
    // d'anonymat`, `dans un communiqué`), with no other clause.
    let closes = |k: usize| toks.get(k).map_or(true, |t| matches!(t.kind, TokKind::Punct('.' | '!' | '?')));
    let adverbial_end = toks.get(end).is_some_and(|t| t.kind == TokKind::Word && is_np_right_stop(&ctx.lower(t)))
        && (end..toks.len().min(end + 9)).any(closes)
        && (end..toks.len())
            .take_while(|&k| !closes(k))
            .all(|k| matches!(toks[k].kind, TokKind::Word | TokKind::Punct('\'' | '’' | '-')));
    // … or the writer's comment after a comma (`, grâce au bouclier tarifaire.`, `, qui a
    // ouvert une enquête.`): the clause before the verb is still the reported one.
    let comment_end = toks.get(end).is_some_and(|t| t.kind == TokKind::Punct(','))
        && toks.get(end + 1).is_some_and(|t| {
            let lw = ctx.lower(t);
            t.kind == TokKind::Word
                && (is_preposition(&lw) || is_np_right_stop(&lw) || matches!(&*lw, "grâce" | "tout" | "soit"))
        });
    if !matches!(who, Who::Np(..)) || !(closes(end) || adverbial_end || comment_end) {
        return None;
    }
    let from = after_dateline(ctx.text, sent.start).min(toks[g - 1].span.start);
    let span = trim_end_punct(ctx.text, Span::new(from, toks[g - 1].span.start));
    if word_count_upto(&ctx.text[span.range()], 4) < 4 {
        return None;
    }
    Some(Raw {
        span,
        kind: QuoteKind::Indirect,
        marks: Vec::new(),
        cue: Some(make_cue(ctx, toks, a, b, &c)),
        who,
        confidence: 0.75,
        paragraph: para,
        other_half: None,
        source_only: false,
        subject_only: false,
    })
}

/// Whether a word is a finite verb: a frequent copula or modal, or by its ending alone the
/// third persons of the future (`participeront`), the conditional (`faudrait`, `pourraient`)
/// and the imperfect (`restaient`), endings no French noun or adjective of news copy has.
/// A past or present participle by its ending (`porté`, `portée`, `tirés`, `soutenu`,
/// `portant`): the head of a phrase that adds to a clause without being one.
fn is_participle_like(lw: &str) -> bool {
    ["é", "ée", "és", "ées", "u", "ue", "us", "ues", "i", "ie", "is", "ies", "ant"].iter().any(|e| lw.ends_with(e))
        && lw.chars().count() > 3
}

fn looks_finite(lw: &str) -> bool {
    // Copulas and modals in the present, which head most clauses of news statements (`la
    // hausse des prix reste contenue`, `le site doit fermer`).
    if matches!(
        lw,
        "reste"
            | "restent"
            | "demeure"
            | "demeurent"
            | "semble"
            | "semblent"
            | "paraît"
            | "devient"
            | "deviennent"
            | "doit"
            | "doivent"
            | "peut"
            | "peuvent"
            | "faut"
            | "veut"
            | "veulent"
    ) {
        return true;
    }
    // (The characters counted only after an ending matched.)
    let n = || lw.chars().count();
    (lw.ends_with("aient") && n() >= 6)
        || (lw.ends_with("eront") || lw.ends_with("iront")) && n() >= 7
        || (lw.ends_with("erait") || lw.ends_with("irait") || lw.ends_with("drait")) && n() >= 6
}

/// Whether a lowercase word has the shape of a past participle (`publié`, `publiée`, `rendus`,
/// `parue`, `cité`): the opening of a participle's phrase in apposition.
fn is_participle_form(lw: &str) -> bool {
    lw.chars().count() >= 4
        && ["é", "ée", "és", "ées", "u", "ue", "us", "ues", "i", "ie", "is", "ies", "it", "ite", "its", "ites"]
            .iter()
            .any(|end| lw.ends_with(end))
        && !matches!(lw, "depuis" | "ainsi" | "aussi" | "parmi" | "aujourd'hui" | "aujourd’hui" | "jusqu'ici")
}

/// Whether a noun phrase is headed by a document or data noun.
fn is_document_np(ctx: &Ctx<'_>, span: Span) -> bool {
    is_document_phrase(&ctx.text[span.range()])
}

/// Whether phrase `t` is headed by a document or data noun.
fn is_document_phrase(t: &str) -> bool {
    let split = |c: char| c.is_whitespace() || c == '\'' || c == '’';
    if t.contains('Σ') {
        // (A final sigma is lowercased by its neighbours: the whole phrase at once.)
        let t = t.to_lowercase();
        return is_document_noun(t.split(split).find(|w| !skipped_before_document_noun(w)).unwrap_or(""));
    }
    // The words lowercased one by one up to the head (the same words: lowercasing adds or
    // removes no space or apostrophe).
    // (A short ASCII word on the stack, `lowered`; the others into one buffer.)
    let verdict = |lw: &str| (!skipped_before_document_noun(lw)).then(|| is_document_noun(lw));
    let mut lw = String::new();
    for w in t.split(split) {
        let found = if w.len() <= 32 && w.is_ascii() {
            lowered(w, verdict)
        } else {
            lowercase_into(w, &mut lw);
            verdict(&lw)
        };
        if let Some(d) = found {
            return d;
        }
    }
    is_document_noun("")
}

/// The words before the head of a phrase about a document: nothing, determiners, elided `l`,
/// `premier`, `nouveau` … (lowercase).
fn skipped_before_document_noun(w: &str) -> bool {
    w.is_empty()
        || is_det(w)
        || w == "l"
        || matches!(
            w,
            "premier"
                | "premiers"
                | "première"
                | "premières"
                | "dernier"
                | "derniers"
                | "dernière"
                | "dernières"
                | "nouveaux"
                | "nouvelles"
                | "nouveau"
                | "nouvelle"
        )
}

/// Nouns of documents and data (lowercase).
fn is_document_noun(head: &str) -> bool {
    matches!(
        head,
        "sondage"
            | "sondages"
            | "étude"
            | "études"
            | "chiffres"
            | "données"
            | "statistiques"
            | "rapport"
            | "rapports"
            | "enquête"
            | "bilan"
            | "estimations"
            | "estimation"
            | "informations"
            | "documents"
            | "document"
            | "images"
            | "résultats"
            | "projections"
            | "calculs"
            | "prévisions"
            | "déclarations"
            | "comptes"
            | "relevés"
            | "analyses"
            | "analyse"
            | "modèles"
            | "photos"
            | "vidéos"
            | "archives"
            | "registres"
            | "indicateurs"
    )
}

impl Ctx<'_> {
    fn np_is_title_like(&self, np: &Np) -> bool {
        // `Pour la première fois`: an ordinal, not a speaker.
        let t = self.text[np.span.range()].to_lowercase();
        t.contains("fois") || t.contains("première") || t.contains("moment")
    }
}

fn trim_end_punct(text: &str, s: Span) -> Span {
    let Some(t) = s.get(text) else { return s };
    let t2 = t.trim_end_matches(|c: char| {
        c.is_whitespace() || crate::typography::is_space(c) || matches!(c, '.' | ',' | ';' | ':')
    });
    trim_span(text, Span::new(s.start, s.start + t2.len()))
}

/// A referent in the discourse. Its speaker is the one resolved for item `at` (kept in
/// `resolve`'s table until the output is built: not cloned for the history).
#[derive(Clone, Debug)]
struct Referent {
    at: usize,
    /// The speaker has a name or an entity id.
    named: bool,
    gender: Option<Gender>,
    plural: bool,
    person: bool,
    paragraph: usize,
    source: bool,
    direct: bool,
    subject_only: bool,
}

/// Resolves speaker mentions to referents, in text order, and builds the quotations.
pub(crate) fn resolve(ctx: &Ctx<'_>, mut raws: Raws) -> Vec<Quotation> {
    // Sort by position, keeping the links between halves.
    // (Sorted as keys ending in the index: no look-up into the items at each comparison. A
    // stable sort, for the runs it finds: the items come in order, then the subjects.)
    let mut keys: Vec<(usize, bool, usize)> =
        raws.iter().enumerate().map(|(i, r)| (r.span.start, r.source_only, i)).collect();
    keys.sort();
    let order: Vec<usize> = keys.into_iter().map(|(_, _, i)| i).collect();
    // (At most one referent an item: reserved, not grown.)
    let mut history: Vec<Referent> = Vec::with_capacity(raws.len());
    let mut resolved: Vec<Option<(Speaker, f32)>> = vec![None; raws.len()];
    // A buffer of `resolve_np`'s.
    let mut before = String::new();
    // The speaker of a referent (always resolved: a referent is pushed with its speaker).
    fn speaker_of<'r>(resolved: &'r [Option<(Speaker, f32)>], r: &Referent) -> Option<&'r Speaker> {
        resolved.get(r.at).and_then(|x| x.as_ref()).map(|(s, _)| s)
    }
    for &i in &order {
        let para = raws[i].paragraph;
        // Each item is resolved once: its speaker phrase is taken, not copied.
        let who = std::mem::replace(&mut raws[i].who, Who::Nobody);
        let explicit = !matches!(who, Who::Nobody | Who::Same(_));
        let position = match &who {
            Who::Np(_, c) => *c,
            _ => 0.6,
        };
        let (sp, conf, gender, plural, person) = match who {
            Who::Np(np, _) | Who::Headline(np) => {
                let (mut speaker, gender, person, resolution) = resolve_np(ctx, &np, &mut before);
                if np.definite && speaker.name.is_none() && speaker.entity_id.is_none() {
                    // `le ministre`, `l'élu`: the last named person of that gender nearby.
                    if let Some(r) =
                        history.iter().rev().take_while(|r| para.saturating_sub(r.paragraph) <= 2).find(|r| {
                            r.person
                                && !r.plural
                                && !r.source
                                && r.named
                                && (np.gender.is_none() || r.gender.is_none() || r.gender == np.gender)
                        })
                    {
                        if let Some(rs) = speaker_of(&resolved, r) {
                            speaker.entity_id = rs.entity_id.clone();
                            speaker.name = rs.name.clone();
                        }
                    }
                }
                if np.anaphoric {
                    // `les deux hommes`: the last plural referent.
                    if let Some(r) = history
                        .iter()
                        .rev()
                        .take_while(|r| para.saturating_sub(r.paragraph) <= 3)
                        .find(|r| r.plural && !r.source && para.saturating_sub(r.paragraph) <= 3)
                    {
                        if let Some(rs) = speaker_of(&resolved, r) {
                            speaker.entity_id = rs.entity_id.clone();
                            speaker.name =
                                rs.name.clone().or_else(|| ctx.text.get(rs.span.range()).map(str::to_string));
                        }
                    }
                }
                let (mut gender, mut plural, mut person) = (gender, np.plural, person);
                if let Some((d_plural, d_gender)) = demonstrative(&ctx.text[np.span.range()]) {
                    // `Celle-ci a salué …`: the person named last, of that gender, among the
                    // mentions before (within a paragraph or so), else the last referent.
                    let before = ctx.mentions.partition_point(|m| m.span.end <= np.span.start);
                    let compatible = |g: Option<Gender>| d_gender.is_none() || g.is_none() || g == d_gender;
                    let mention = ctx.mentions[..before.min(ctx.mentions.len())]
                        .iter()
                        .rev()
                        .take_while(|m| np.span.start - m.span.end <= 600)
                        .find(|m| !d_plural && m.kind == EntityKind::Person && compatible(m.gender));
                    speaker.entity_id = None;
                    speaker.name = None;
                    if let Some(m) = mention {
                        speaker.entity_id = m.entity_id.map(str::to_string);
                        speaker.name = m
                            .name
                            .map(str::to_string)
                            .or_else(|| Some(full_name(ctx, &ctx.text[m.span.range()], m.span.start)));
                    } else if let Some(r) = history
                        .iter()
                        .rev()
                        .take_while(|r| para.saturating_sub(r.paragraph) <= 1)
                        .find(|r| r.person && r.plural == d_plural && !r.source && compatible(r.gender) && r.named)
                    {
                        if let Some(rs) = speaker_of(&resolved, r) {
                            speaker.entity_id = rs.entity_id.clone();
                            speaker.name = rs.name.clone();
                        }
                    }
                    gender = d_gender;
                    plural = d_plural;
                    person = true;
                }
                let conf = match resolution {
                    Resolution::Name => 0.9,
                    Resolution::Organization => 0.85,
                    Resolution::Role => 0.8,
                    _ => 0.7,
                } * (0.9 + 0.1 * position);
                (Some(speaker), conf, gender, plural, person)
            }
            Who::Pronoun { span, plural, gender } => {
                let found = history.iter().rev().take_while(|r| para.saturating_sub(r.paragraph) <= 3).find(|r| {
                    r.plural == plural
                        && (r.person || plural)
                        && (gender.is_none() || r.gender.is_none() || r.gender == gender || plural)
                        && para.saturating_sub(r.paragraph) <= 3
                        && !r.source
                });
                let speaker = match found.and_then(|r| speaker_of(&resolved, r)) {
                    Some(rs) => Speaker {
                        span,
                        entity_id: rs.entity_id.clone(),
                        name: rs.name.clone().or_else(|| ctx.text.get(rs.span.range()).map(str::to_string)),
                        resolution: Resolution::Pronoun,
                    },
                    None => Speaker { span, entity_id: None, name: None, resolution: Resolution::Pronoun },
                };
                let conf = if found.is_some() { 0.7 } else { 0.3 };
                (Some(speaker), conf, gender, plural, true)
            }
            Who::Same(j) => match resolved.get(j).cloned().flatten() {
                Some((s, c)) => (Some(s), c, None, false, true),
                None => (None, 0.5, None, false, true),
            },
            Who::Nobody => {
                // Continuation: a quotation with no cue continues the words of the previous
                // speaker (of a whole statement: the source last named) in the same paragraph
                // or the one before.
                let direct = raws[i].kind == QuoteKind::Direct;
                // A cue without a speaker (`« … », tempère-t-on.`): nobody is named.
                let found = if raws[i].source_only || raws[i].kind == QuoteKind::Indirect || raws[i].cue.is_some() {
                    None
                } else {
                    history
                        .iter()
                        .rev()
                        .take_while(|r| para.saturating_sub(r.paragraph) <= 1)
                        .filter(|r| !r.subject_only)
                        .find(|r| para.saturating_sub(r.paragraph) <= 1 && (!direct || r.source || r.direct))
                        .or_else(|| {
                            history
                                .iter()
                                .rev()
                                .take_while(|r| para.saturating_sub(r.paragraph) <= 1)
                                .filter(|r| !r.subject_only)
                                .find(|r| para.saturating_sub(r.paragraph) <= 1)
                        })
                };
                match found.and_then(|r| speaker_of(&resolved, r).map(|rs| (r, rs))) {
                    Some((r, rs)) => {
                        let mut s = rs.clone();
                        if s.name.is_none() {
                            s.name = ctx.text.get(s.span.range()).map(str::to_string);
                        }
                        s.resolution = Resolution::Continuation;
                        (Some(s), 0.5, r.gender, r.plural, r.person)
                    }
                    None => (None, 0.0, None, false, false),
                }
            }
        };
        if let Some(s) = sp {
            if explicit && (s.name.is_some() || s.entity_id.is_some() || s.resolution != Resolution::Pronoun) {
                history.push(Referent {
                    at: i,
                    named: s.name.is_some() || s.entity_id.is_some(),
                    gender,
                    plural,
                    person,
                    paragraph: para,
                    source: raws[i].source_only && !raws[i].subject_only,
                    direct: raws[i].kind == QuoteKind::Direct && !raws[i].source_only,
                    subject_only: raws[i].subject_only,
                });
            }
            resolved[i] = Some((s, conf));
        }
    }
    // Build the output, dropping source-only items.
    let mut index_map: Vec<Option<usize>> = vec![None; raws.len()];
    let mut out_order: Vec<usize> = order.iter().copied().filter(|&i| !raws[i].source_only).collect();
    out_order.sort_by_key(|&i| raws[i].span.start);
    for (k, &i) in out_order.iter().enumerate() {
        index_map[i] = Some(k);
    }
    let mut out = Vec::with_capacity(out_order.len());
    for &i in &out_order {
        let r = &mut raws[i];
        let (speaker, conf) = match resolved[i].take() {
            Some((s, c)) => (Some(s), c),
            None => (None, 0.3),
        };
        out.push(Quotation {
            span: r.span,
            kind: r.kind,
            cue: r.cue.take(),
            speaker,
            confidence: (conf * r.confidence).clamp(0.0, 1.0),
            marks: std::mem::take(&mut r.marks),
            other_half: r.other_half.and_then(|j| index_map.get(j).copied().flatten()),
        });
    }
    out
}

/// The speaker of a noun phrase: through the mentions passed in, else its own name.
fn resolve_np(ctx: &Ctx<'_>, np: &Np, before: &mut String) -> (Speaker, Option<Gender>, bool, Resolution) {
    let text = ctx.text;
    // Mentions inside the noun phrase, not in a complement (de X, du X).
    let lo = ctx.mentions.partition_point(|m| m.span.end <= np.span.start);
    // The mentions in head position: inside the phrase, not in a complement. (Read twice at
    // most: no list is built for the usual one or two mentions.)
    let inside = ctx.mentions[lo.min(ctx.mentions.len())..]
        .iter()
        .take_while(|m| m.span.start < np.span.end)
        // (A mention that starts inside the phrase and runs past its end is in it as well:
        // the phrase stopped short of the mention's own words, `La Palme` of `La Palme d'or`.)
        .filter(|m| np.span.start <= m.span.start && m.span.start < np.span.end);
    let mut is_head = |m: &MentionRef<'_>| {
        // A mention opening the phrase has no words before it: in head position.
        if m.span.start <= np.span.start {
            return true;
        }
        let words_before = text[np.span.start..m.span.start].trim_end();
        // A person's name after a complement that ends on a proper noun is in apposition to
        // the title, not in the complement (`la sénatrice du Val-de-Marne Martine Rouquier`,
        // `le maire de Lyon Grégory Doucet`; not `le fils de Jean Dupont`).
        let last_capital = words_before
            .rsplit(|c: char| c.is_whitespace() || c == '\'' || c == '’')
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        if m.kind == EntityKind::Person && !m.nominal && last_capital {
            return true;
        }
        lowercase_into(words_before, before);
        let complement = mention_in_complement(before);
        let service = complement && {
            let head = before.split_whitespace().find(|w| !is_det(w)).unwrap_or("");
            is_service_noun(head.trim_start_matches("l'").trim_start_matches("l’"))
        };
        !complement || service
    };
    let mut first_head = None;
    // A person among the head mentions is the speaker before an organisation or place beside
    // it (`le député LR Laurent Wauquiez`).
    let mut first_person_head = None;
    let mut n_persons = 0;
    for m in inside.clone() {
        if is_head(m) {
            first_head.get_or_insert(m);
            if m.kind == EntityKind::Person {
                first_person_head.get_or_insert(m);
                n_persons += 1;
            }
        }
    }
    let first_head = first_person_head.or(first_head);
    if n_persons >= 2 && np.plural {
        // One name a referent (`le président russe Vladimir Poutine` is one person).
        let mut names: Vec<String> = Vec::new();
        for m in inside.filter(|m| m.kind == EntityKind::Person && is_head(m)) {
            let n = m.name.map(str::to_string).unwrap_or_else(|| text[m.span.range()].to_string());
            if !names.contains(&n) {
                names.push(n);
            }
        }
        if names.len() >= 2 {
            return (
                Speaker {
                    span: np.span,
                    entity_id: None,
                    name: Some(names.join(" et ")),
                    resolution: Resolution::Name,
                },
                None,
                true,
                Resolution::Name,
            );
        }
    }
    if let Some(m) = first_head {
        let person = m.kind == EntityKind::Person;
        let resolution = if !person {
            Resolution::Organization
        } else if m.nominal {
            Resolution::Role
        } else {
            Resolution::Name
        };
        let name = m.name.map(str::to_string).or_else(|| Some(full_name(ctx, &text[m.span.range()], m.span.start)));
        return (
            Speaker { span: np.span, entity_id: m.entity_id.map(str::to_string), name, resolution },
            m.gender.or(np.gender),
            person && !np.org,
            resolution,
        );
    }
    match &np.name {
        Some(n) => {
            let resolution = if np.org { Resolution::Organization } else { Resolution::Name };
            // An organisation's name is complete as it is (le Kremlin, Matignon), and so is a
            // name right after an article: French puts none before a person's name (la Chine,
            // l'Insee, le Hezbollah are not surnames).
            let np_text = &text[np.span.range()];
            let after_article = ["le ", "la ", "les ", "l'", "l’", "Le ", "La ", "Les ", "L'", "L’"]
                .iter()
                .any(|d| np_text.strip_prefix(d).is_some_and(|rest| rest.trim_start() == n.as_str()));
            let name = if n.contains(" et ") || np.org || after_article {
                n.clone()
            } else {
                full_name(ctx, n, np.span.start)
            };
            (Speaker { span: np.span, entity_id: None, name: Some(name), resolution }, np.gender, !np.org, resolution)
        }
        None => {
            let resolution = if np.org { Resolution::Organization } else { Resolution::Role };
            (Speaker { span: np.span, entity_id: None, name: None, resolution }, np.gender, !np.org, resolution)
        }
    }
}

/// Whether a mention preceded, inside its noun phrase, by `before` (lowercased) sits in a
/// prepositional complement: right after a preposition (through an article: `de la France`,
/// `du Kremlin`), or after a common noun that is itself inside one (`de la banque Natixis`).
fn mention_in_complement(before: &str) -> bool {
    const PREP: &[&str] = &["de", "du", "des", "d'", "d’", "aux", "au", "à", "par", "pour", "avec", "contre", "sur"];
    if before.ends_with("d'") || before.ends_with("d’") {
        return true;
    }
    // The words from the last one back (no list built), through an article, elided or not.
    let mut words = before.split_whitespace().rev().skip_while(|w| matches!(*w, "le" | "la" | "les" | "l'" | "l’"));
    let Some(last) = words.next() else { return false };
    if PREP.contains(&last) {
        return true;
    }
    let common = last.chars().all(|c| c.is_alphabetic() || c == '-') && !is_det(last);
    // A preposition among the words between the first and `last`, both excluded.
    let mut between_prep = false;
    let mut prev: Option<&str> = None;
    for w in words {
        if prev.is_some_and(|p| PREP.contains(&p)) {
            between_prep = true;
        }
        prev = Some(w);
    }
    common && prev.is_some() && between_prep
}

/// An unlinked name completed by its full mention earlier in the article (Trump → Donald Trump).
fn full_name(ctx: &Ctx<'_>, n: &str, upto: usize) -> String {
    // The full mention precedes the short one, in the same article: within the last
    // `NAME_WINDOW` bytes (longer than a long news article). Each name's search resumes where
    // the previous one stopped, so the text is searched at most once per name.
    const NAME_WINDOW: usize = 16 * 1024;
    // Acronyms (EI, OCDE) have no first name.
    let acronym = n.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if acronym || n.contains(' ') || !ctx.text.is_char_boundary(upto) {
        return n.to_string();
    }
    let mut lo = upto.saturating_sub(NAME_WINDOW);
    while !ctx.text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut cache = ctx.surnames.borrow_mut();
    if !cache.contains_key(n) {
        cache.insert(n.to_string(), (None, 0));
    }
    let Some(entry) = cache.get_mut(n) else { return n.to_string() };
    if let Some((full, pos)) = &entry.0 {
        if *pos >= lo && *pos < upto {
            return full.clone();
        }
    }
    let from = if entry.0.is_none() { entry.1.max(lo) } else { lo };
    if from < upto {
        let found = first_full_name(ctx.text, n, from, upto);
        entry.1 = upto;
        if let Some((full, pos)) = found {
            entry.0 = Some((full.clone(), pos));
            return full;
        }
        entry.0 = None;
    }
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // (haystack, needle) — each row names the rule it pins.
    const RMATCHES: &[(&str, &str)] = &[
        ("Donald Trump et Trump", "Trump"),          // every occurrence, last first
        ("aaaa", "aa"),                              // overlapping occurrences: non-overlapping from the end
        ("abababa", "aba"),                          // periodic needle
        ("Trump", "Trump"),                          // the whole haystack
        ("Tru", "Trump"),                            // needle longer than the haystack
        ("", "Trump"),                               // empty haystack
        ("Élisabeth Borne, Borne", "Borne"),         // after non-ASCII text
        ("Macron a dit. Emmanuel Macron", "Macron"), // first and last position
    ];

    fn std_rmatches(hay: &str, n: &str) -> Vec<usize> {
        hay.rmatch_indices(n).map(|(k, _)| k).collect()
    }

    #[test]
    fn rmatches_like_rmatch_indices() {
        for &(hay, n) in RMATCHES {
            let got: Vec<usize> = rmatches(hay.as_bytes(), n.as_bytes()).collect();
            assert_eq!(got, std_rmatches(hay, n), "input {hay:?} needle {n:?}");
        }
    }

    /// The definitions `word_count` and `demonstrative` replaced (allocating, reading all).
    fn full_word_count(s: &str) -> usize {
        s.split(|c: char| !super::super::syntax::word_char(c)).filter(|w| !w.is_empty()).count()
    }

    fn full_demonstrative(np_text: &str) -> Option<(bool, Option<Gender>)> {
        Some(match np_text.trim().to_lowercase().as_str() {
            "celui-ci" | "celui-là" | "ce dernier" => (false, Some(Gender::Masculine)),
            "celle-ci" | "celle-là" | "cette dernière" => (false, Some(Gender::Feminine)),
            "ceux-ci" | "ces derniers" => (true, None),
            "celles-ci" | "ces dernières" => (true, Some(Gender::Feminine)),
            _ => return None,
        })
    }

    #[test]
    fn word_count_and_demonstrative_like_before() {
        let texts = [
            "",
            " , ",
            "un",
            "Nous ne céderons pas",
            "l'État, c'est-à-dire 12 000 euros… à l’œuvre",
            "un deux trois quatre cinq six sept huit neuf dix onze douze",
            "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze",
            "Cette Dernière",
            " CELLE-LÀ ",
            "cette dernière fois",
            "Ces Dernières",
            "celui-ci",
            "Celui-Là",
            "ceux-ci\u{a0}",
            "ce dernier",
            "le dernier",
        ];
        for t in texts {
            assert_eq!(word_count(t), full_word_count(t).min(13), "{t:?}");
            assert_eq!(demonstrative(t), full_demonstrative(t), "{t:?}");
        }
    }

    #[test]
    fn lowered_slices_like_to_lowercase() {
        // (word, whether the lowered text gives it) — a slice only where every character other
        // than ASCII is its own lowercase form, so that the slice is `to_lowercase`.
        let rows: &[(&str, bool)] = &[
            ("Macron", true),      // ASCII capital
            ("LE", true),          // a short word in capitals
            ("Président", true),   // accented lowercase letters after an ASCII capital
            ("Élysée", false),     // a capital with an accent: lowercased by itself
            ("ÉTAT", false),       // idem, inside the word
            ("ΟΔΥΣΣΕΥΣ", false),   // a final sigma depends on the word
            ("İstanbul", false),   // a lowercase form of another length
            ("l’Élysée", false),   // the capital after an elision
            ("aujourd’hui", true), // the apostrophe is its own lowercase form
        ];
        let text: String = rows.iter().map(|r| r.0).collect::<Vec<_>>().join(" ");
        let low = Lowered::new(&text);
        let mut at = 0;
        for &(w, slice) in rows {
            let span = Span::new(at, at + w.len());
            let got = low.get(span, w);
            assert_eq!(got.is_some(), slice, "{w}");
            if let Some(l) = got {
                assert_eq!(l, w.to_lowercase(), "{w}");
            }
            at += w.len() + 1;
        }
    }

    #[test]
    fn lowercase_is_itself_like_to_lowercase() {
        for c in ('\0'..='\u{3000}').chain(['’', '«', '»', '\u{202f}', '…', 'Ω', 'ǅ', 'Ⅰ', 'Ⓐ']) {
            assert_eq!(lowercase_is_itself(c), c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    /// `is_document_phrase` as it was, the whole phrase lowercased (the oracle of
    /// `is_document_phrase_prop`).
    fn whole_is_document_phrase(t: &str) -> bool {
        let t = t.to_lowercase();
        let split = |c: char| c.is_whitespace() || c == '\'' || c == '’';
        is_document_noun(t.split(split).find(|w| !skipped_before_document_noun(w)).unwrap_or(""))
    }

    /// `mention_in_complement` as it was, with a list of the words (the oracle of
    /// `mention_in_complement_prop`).
    fn listed_mention_in_complement(before: &str) -> bool {
        const PREP: &[&str] =
            &["de", "du", "des", "d'", "d’", "aux", "au", "à", "par", "pour", "avec", "contre", "sur"];
        if before.ends_with("d'") || before.ends_with("d’") {
            return true;
        }
        let mut words: Vec<&str> = before.split_whitespace().collect();
        while let Some(&last) = words.last() {
            if matches!(last, "le" | "la" | "les" | "l'" | "l’") {
                words.pop();
            } else if let Some(stripped) = last.strip_suffix("l'").or_else(|| last.strip_suffix("l’")) {
                if stripped.is_empty() {
                    words.pop();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let Some(&last) = words.last() else { return false };
        if PREP.contains(&last) {
            return true;
        }
        let common = last.chars().all(|c| c.is_alphabetic() || c == '-') && !is_det(last);
        common && words.len() >= 2 && words[1..words.len() - 1].iter().any(|w| PREP.contains(w))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        // Whole words of the lists (prepositions, articles) among others, so that every branch
        // is taken.
        #[test]
        fn mention_in_complement_prop(
            words in proptest::collection::vec("(de|du|la|le|les|l'|l’|d'|au|à|sur|chef|Banque|x-y|3|\u{a0})", 0..7),
        ) {
            let before = words.join(" ");
            prop_assert_eq!(mention_in_complement(&before), listed_mention_in_complement(&before));
        }

        #[test]
        fn is_document_phrase_prop(
            words in proptest::collection::vec("(Les|les|l'|L’|Premières|NOUVEAU|Études|ÉTUDE|sondage|Bilan|d|ΑΣ|Σ'a|x)", 0..5),
            seps in proptest::collection::vec("( |'|’|\u{a0})", 5),
        ) {
            let t: String = words.iter().zip(&seps).flat_map(|(w, s)| [w.as_str(), s.as_str()]).collect();
            prop_assert_eq!(is_document_phrase(&t), whole_is_document_phrase(&t));
        }

        #[test]
        fn has_que_prop(t in "( qu|que|qu'|qu’| |e|q|u|’|'|x)*") {
            let want = t.contains(" que ") || t.contains(" qu'") || t.contains(" qu’");
            prop_assert_eq!(has_que(t.as_bytes()), want);
        }

        #[test]
        fn lowercase_into_prop(t in "[aZéÉΣσ İ’'\\-ǅµÿÀÞßŒœⅠⒶ\u{a0}«»]{0,20}") {
            let mut out = String::from("reused");
            lowercase_into(&t, &mut out);
            prop_assert_eq!(out, t.to_lowercase());
        }

        #[test]
        fn word_count_prop(t in "[aZé’' ,\\-\u{a0}0-9]{0,60}") {
            prop_assert_eq!(word_count(&t), full_word_count(&t).min(13));
        }

        #[test]
        fn word_count_upto_prop(t in "[aZéÀ×÷œſ’' ,\\-\u{a0}\u{aa}0-9]{0,60}", enough in 1usize..14) {
            prop_assert_eq!(word_count_upto(&t, enough), full_word_count(&t).min(enough));
        }

        #[test]
        fn demonstrative_prop(t in "[ cCeEÈèlLuUiI\\-àÀdDrRnNtTsSxX]{0,18}") {
            prop_assert_eq!(demonstrative(&t), full_demonstrative(&t));
        }

        // Small alphabets make overlaps and periodic needles frequent.
        #[test]
        fn rmatches_prop(hay in "[abé ]{0,40}", n in "[abé]{1,4}") {
            let got: Vec<usize> = rmatches(hay.as_bytes(), n.as_bytes()).collect();
            prop_assert_eq!(got, std_rmatches(&hay, &n));
        }
    }
}
