//! Tokens and sentences for French news text.
//!
//! Owns word structure (elisions, hyphenated compounds, inverted clitics, numbers, abbreviations)
//! and sentence and paragraph boundaries. Uses [`crate::typography`] only; every span points into
//! the caller's original text.

use crate::Span;

/// A sentence: its span in the original text.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sentence {
    /// Where the sentence lies in the original text (trimmed of surrounding spaces).
    pub span: Span,
}

/// The sentences of `text`, in order.
///
/// Placeholder until the text layer lands: returns no sentence.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let _ = text;
    Vec::new()
}
