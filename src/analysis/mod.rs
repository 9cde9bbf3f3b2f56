//! The [`Analyzer`]: one call from an article to its analysis (sentences, entity mentions,
//! quotations with speakers, dates), every span into the caller's text.
//!
//! This is the top layer: it calls [`crate::text`], [`crate::gazetteer`], [`crate::temporal`]
//! and [`crate::quotes`] in that order and ties their results together. Nothing below calls it.

use crate::gazetteer::{Gazetteer, Mention};
use crate::quotes::{MentionRef, Quotation, QuoteExtractor};
use crate::temporal::{DateResolver, Prefer, TemporalExpression};
use crate::text::{self, Sentence};
use crate::{Date, Span};

/// Analyses French news articles. Built once, immutable, `Send + Sync`, cheap to share.
///
/// ```
/// use depeche::{Analyzer, Date};
///
/// let analyzer = Analyzer::new();
/// let text = "Le Kremlin a démenti lundi.";
/// let analysis = analyzer.analyze(text, Some(Date::new(2017, 1, 30)?));
/// assert_eq!(analysis.text(), text);
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    gazetteer: Gazetteer,
    quotes: QuoteExtractor,
    prefer: Prefer,
}

impl Default for Analyzer {
    fn default() -> Analyzer {
        Analyzer::new()
    }
}

impl Analyzer {
    /// An analyzer with the built-in French-news gazetteer and lexicons, tense-aware dates.
    pub fn new() -> Analyzer {
        Analyzer { gazetteer: Gazetteer::french_news(), quotes: QuoteExtractor::new(), prefer: Prefer::Tense }
    }

    /// The same analyzer with another gazetteer.
    pub fn with_gazetteer(self, gazetteer: Gazetteer) -> Analyzer {
        Analyzer { gazetteer, ..self }
    }

    /// The same analyzer with another direction for bare weekdays and months.
    pub fn prefer(self, prefer: Prefer) -> Analyzer {
        Analyzer { prefer, ..self }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Analyses `text`, published on `published` (relative dates stay unresolved without it).
    ///
    /// Never fails and never panics: text that makes no sense gives an empty analysis.
    pub fn analyze<'t>(&self, text: &'t str, published: Option<Date>) -> Analysis<'t> {
        let sentences = text::sentences(text);
        let mentions = self.gazetteer.mentions(text, published);
        let dates = DateResolver::new(published).prefer(self.prefer).find(text);
        let sentence_spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
        let refs: Vec<MentionRef<'_>> = mentions
            .iter()
            .map(|m| MentionRef {
                span: m.span(),
                kind: m.kind(),
                entity_id: m.entity().map(|e| e.id()),
                name: m.name(),
                gender: m.gender(),
                nominal: m.is_nominal(),
            })
            .collect();
        let quotes = self.quotes.extract(text, &sentence_spans, &refs);
        Analysis { text, sentences, mentions, quotes, dates }
    }
}

/// The analysis of one text. Borrows the text; everything else is owned.
#[derive(Clone, Debug)]
pub struct Analysis<'t> {
    text: &'t str,
    sentences: Vec<Sentence>,
    mentions: Vec<Mention>,
    quotes: Vec<Quotation>,
    dates: Vec<TemporalExpression>,
}

impl<'t> Analysis<'t> {
    /// The analysed text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The sentences, in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The entity mentions, in order.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The quotations, in order.
    pub fn quotes(&self) -> &[Quotation] {
        &self.quotes
    }

    /// The temporal expressions, in order.
    pub fn dates(&self) -> &[TemporalExpression] {
        &self.dates
    }
}

#[cfg(feature = "serde")]
mod record;
