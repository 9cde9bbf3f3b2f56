//! Quotations and speakers: who said what.
//!
//! Owns quotation-mark pairing, the reporting-verb lexicon, cue detection, speaker extraction
//! and resolution (names, roles, pronouns, continuations). Uses [`crate::typography`],
//! [`crate::text`] and the mentions found by [`crate::gazetteer`], which the caller passes in.

use crate::gazetteer::{EntityKind, Gender};
use crate::Span;

/// An entity mention as the quote layer needs it (built by the caller from the gazetteer's
/// mentions).
#[derive(Clone, Copy, Debug)]
pub struct MentionRef<'a> {
    /// Where the mention lies.
    pub span: Span,
    /// The referent's kind.
    pub kind: EntityKind,
    /// The referent's id, if linked.
    pub entity_id: Option<&'a str>,
    /// The referent's canonical name, if linked.
    pub name: Option<&'a str>,
    /// The referent's gender, if known.
    pub gender: Option<Gender>,
    /// Whether the mention is a role (`le président russe`).
    pub nominal: bool,
}

/// Direct, partial or indirect speech.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum QuoteKind {
    /// A whole statement in quotation marks.
    Direct,
    /// Quoted words inside the writer's sentence.
    Partial,
    /// Reported speech without marks.
    Indirect,
}

impl QuoteKind {
    /// The lowercase name used in SCHEMA output.
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// The reporting verb or expression of a quotation.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Cue {
    /// Where it lies.
    pub span: Span,
    /// Its lemma (`déclarer`, `selon`).
    pub lemma: String,
}

/// The speaker of a quotation.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Speaker {
    /// The speaker mention in the text (possibly a pronoun).
    pub span: Span,
    /// The resolved referent's id.
    pub entity_id: Option<String>,
    /// The resolved referent's canonical name.
    pub name: Option<String>,
}

/// A quotation. Placeholder until the quote layer lands.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Quotation {
    /// The quoted words, without the marks.
    pub span: Span,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The cue, if any.
    pub cue: Option<Cue>,
    /// The speaker, or `None` when the extractor abstains.
    pub speaker: Option<Speaker>,
    /// Confidence in [0, 1].
    pub confidence: f32,
}

/// Extracts quotations. Placeholder until the quote layer lands.
#[derive(Clone, Debug, Default)]
pub struct QuoteExtractor {}

impl QuoteExtractor {
    /// An extractor with the built-in lexicon.
    pub fn new() -> QuoteExtractor {
        QuoteExtractor {}
    }

    /// The quotations of `text`, given its sentences and entity mentions.
    pub fn extract(&self, text: &str, sentences: &[Span], mentions: &[MentionRef<'_>]) -> Vec<Quotation> {
        let _ = (text, sentences, mentions);
        Vec::new()
    }
}
