//! The [`Analyzer`]: one call from an article to its analysis (sentences, entity mentions,
//! quotations with speakers, dates), every span into the caller's text.
//!
//! This is the top layer: it calls [`crate::text`], [`crate::gazetteer`], [`crate::temporal`]
//! and [`crate::quotes`] and ties their results together. Nothing below calls it.

use std::sync::Arc;

use crate::gazetteer::{Entity, Gazetteer, Mention};
use crate::quotes::{MentionRef, Quotation, QuoteExtractor};
use crate::temporal::{DateResolver, Prefer, TemporalExpression};
use crate::text::{self, Sentence};
use crate::{Date, Result, Span};

#[cfg(feature = "serde")]
mod record;

/// Analyses French news articles. Built once, immutable, `Send + Sync`; cloning is cheap (an
/// `Arc` inside), so one analyzer serves every thread.
///
/// ```
/// use depeche::{Analyzer, Date};
///
/// let analyzer = Analyzer::new();
/// let text = "Le Kremlin a démenti lundi toute rencontre.";
/// let analysis = analyzer.analyze(text, Some(Date::new(2017, 1, 30)?));
/// assert_eq!(analysis.text(), text);
/// for s in analysis.sentences() {
///     assert!(text.get(s.span.range()).is_some());
/// }
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    gazetteer: Gazetteer,
    quotes: QuoteExtractor,
    prefer: Prefer,
    reference: Option<Date>,
}

impl Default for Analyzer {
    fn default() -> Analyzer {
        Analyzer::new()
    }
}

impl Analyzer {
    /// An analyzer with the built-in French-news gazetteer and lexicons, and tense-aware dates.
    ///
    /// ```
    /// let analyzer = depeche::Analyzer::new();
    /// assert_eq!(analyzer.prefer(), depeche::temporal::Prefer::Tense);
    /// ```
    pub fn new() -> Analyzer {
        Analyzer {
            inner: Arc::new(Inner {
                gazetteer: Gazetteer::french_news(),
                quotes: QuoteExtractor::new(),
                prefer: Prefer::Tense,
                reference: None,
            }),
        }
    }

    /// A builder to choose the gazetteer, the quote extractor and the date options.
    ///
    /// ```
    /// use depeche::temporal::Prefer;
    /// use depeche::Analyzer;
    ///
    /// let analyzer = Analyzer::builder().prefer(Prefer::Past).build()?;
    /// assert_eq!(analyzer.prefer(), Prefer::Past);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// The gazetteer in use.
    ///
    /// ```
    /// let analyzer = depeche::Analyzer::new();
    /// assert!(analyzer.gazetteer().entity("vladimir-poutine").is_some());
    /// ```
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    /// The direction of bare weekdays and months.
    ///
    /// ```
    /// use depeche::temporal::Prefer;
    ///
    /// let analyzer = depeche::Analyzer::builder().prefer(Prefer::Future).build()?;
    /// assert_eq!(analyzer.prefer(), Prefer::Future);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn prefer(&self) -> Prefer {
        self.inner.prefer
    }

    /// The date used for documents analysed without a publication date, if any.
    ///
    /// ```
    /// use depeche::{Analyzer, Date};
    ///
    /// assert_eq!(Analyzer::new().reference(), None);
    /// let day = Date::new(2024, 6, 3)?;
    /// assert_eq!(Analyzer::builder().reference(Some(day)).build()?.reference(), Some(day));
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn reference(&self) -> Option<Date> {
        self.inner.reference
    }

    /// Analyses `text`, published on `published` (relative dates are resolved against it, or
    /// against the analyzer's [reference](AnalyzerBuilder::reference) when it is `None`, and
    /// are left out when there is neither).
    ///
    /// Never fails and never panics: text that makes no sense gives an empty analysis.
    ///
    /// ```
    /// let analysis = depeche::Analyzer::new().analyze("", None);
    /// assert!(analysis.sentences().is_empty() && analysis.quotes().is_empty());
    /// ```
    ///
    /// # Performance
    ///
    /// Linear in the length of the text; see `docs/PERFORMANCE.md` for measured throughput.
    pub fn analyze<'t>(&self, text: &'t str, published: Option<Date>) -> Analysis<'t> {
        let inner = &*self.inner;
        let date = published.or(inner.reference);
        let sentences = text::sentences(text);
        let mentions = inner.gazetteer.mentions(text, date);
        let dates = DateResolver::new(date).prefer(inner.prefer).find(text);
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
        let quotes = inner.quotes.extract(text, &sentence_spans, &refs);
        Analysis { text, sentences, mentions, quotes, dates }
    }

    /// Analyses many documents, in input order. With the `rayon` feature the documents are
    /// spread over every core; without it they are analysed one after the other.
    ///
    /// ```
    /// use depeche::analysis::Document;
    /// use depeche::Analyzer;
    ///
    /// let docs = ["Premier article.", "Second article."].map(|t| Document::new(t, None));
    /// let analyses = Analyzer::new().analyze_batch(&docs);
    /// assert_eq!(analyses.len(), 2);
    /// assert_eq!(analyses[1].text(), "Second article.");
    /// ```
    pub fn analyze_batch<'t>(&self, docs: &[Document<'t>]) -> Vec<Analysis<'t>> {
        self.analyze_batch_map(docs, |_, analysis| analysis)
    }

    /// Analyses many documents and turns each analysis into what `f` makes of it (its index in
    /// `docs` and the analysis), in input order. With the `rayon` feature `f` runs on the
    /// worker that made the analysis, so that the work done with each one (serializing it,
    /// counting, keeping a part) is spread over the cores as well; without it, one after the
    /// other. The analyses themselves need not be kept: memory holds only what `f` returns.
    ///
    /// ```
    /// use depeche::analysis::Document;
    /// use depeche::Analyzer;
    ///
    /// let texts = ["« Nous tiendrons », a déclaré Emmanuel Macron.", "Rien à signaler."];
    /// let docs = texts.map(|t| Document::new(t, None));
    /// let quotes: Vec<(usize, usize)> =
    ///     Analyzer::new().analyze_batch_map(&docs, |i, analysis| (i, analysis.quotes().len()));
    /// assert_eq!(quotes, [(0, 1), (1, 0)]);
    /// ```
    pub fn analyze_batch_map<'t, R, F>(&self, docs: &[Document<'t>], f: F) -> Vec<R>
    where
        R: Send,
        F: Fn(usize, Analysis<'t>) -> R + Sync + Send,
    {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            docs.par_iter().enumerate().map(|(i, d)| f(i, self.analyze(d.text, d.published))).collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            docs.iter().enumerate().map(|(i, d)| f(i, self.analyze(d.text, d.published))).collect()
        }
    }
}

/// Builds an [`Analyzer`].
///
/// ```
/// use depeche::temporal::Prefer;
/// use depeche::{Analyzer, Date};
///
/// let analyzer = Analyzer::builder().prefer(Prefer::Past).reference(Some(Date::new(2024, 1, 5)?)).build()?;
/// assert_eq!(analyzer.reference(), Some(Date::new(2024, 1, 5)?));
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct AnalyzerBuilder {
    gazetteer: Option<Gazetteer>,
    quotes: Option<QuoteExtractor>,
    prefer: Prefer,
    reference: Option<Date>,
}

impl AnalyzerBuilder {
    /// Use this gazetteer instead of the built-in one (for example the built-in entries merged
    /// with your own: see the gazetteer module).
    ///
    /// ```
    /// use depeche::gazetteer::{EntityKind, Entry, Gazetteer};
    /// use depeche::Analyzer;
    ///
    /// let mut gazetteer = Gazetteer::builder();
    /// gazetteer.entry(Entry::new("maison-de-la-radio", "Maison de la Radio", EntityKind::Organization));
    /// let analyzer = Analyzer::builder().gazetteer(gazetteer.build()?).build()?;
    /// let analysis = analyzer.analyze("Grève à la Maison de la Radio.", None);
    /// assert_eq!(analysis.mentions()[0].entity().map(|e| e.id()), Some("maison-de-la-radio"));
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut AnalyzerBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Use this quote extractor (for example one with your own reporting verbs).
    ///
    /// ```
    /// use depeche::quotes::QuoteExtractor;
    /// use depeche::Analyzer;
    ///
    /// let analyzer = Analyzer::builder().quote_extractor(QuoteExtractor::new()).build()?;
    /// let analysis = analyzer.analyze("« Nous tiendrons », a assuré Paul Dumas.", None);
    /// assert_eq!(analysis.quotes().len(), 1);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn quote_extractor(&mut self, extractor: QuoteExtractor) -> &mut AnalyzerBuilder {
        self.quotes = Some(extractor);
        self
    }

    /// The direction of bare weekdays and months ([`Prefer::Tense`] by default).
    ///
    /// ```
    /// use depeche::temporal::Prefer;
    /// use depeche::{Analyzer, Date};
    ///
    /// let analyzer = Analyzer::builder().prefer(Prefer::Future).build()?;
    /// // Wednesday 12 March 2025: a bare "lundi" read forward is the 17th.
    /// let analysis = analyzer.analyze("Réunion lundi.", Some(Date::new(2025, 3, 12)?));
    /// assert_eq!(analysis.dates()[0].timex(), "2025-03-17");
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn prefer(&mut self, prefer: Prefer) -> &mut AnalyzerBuilder {
        self.prefer = prefer;
        self
    }

    /// The date that stands in for a missing publication date.
    ///
    /// ```
    /// use depeche::{Analyzer, Date};
    ///
    /// let analyzer = Analyzer::builder().reference(Some(Date::new(2025, 3, 12)?)).build()?;
    /// let analysis = analyzer.analyze("Le sommet s'est tenu hier.", None);
    /// assert_eq!(analysis.dates()[0].timex(), "2025-03-11");
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn reference(&mut self, date: Option<Date>) -> &mut AnalyzerBuilder {
        self.reference = date;
        self
    }

    /// The analyzer.
    ///
    /// ```
    /// let analyzer = depeche::Analyzer::builder().build()?;
    /// assert!(analyzer.analyze("Rien à signaler.", None).quotes().is_empty());
    /// # Ok::<(), depeche::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// None today: the built-in data is checked by the crate's tests. The `Result` leaves room
    /// for options that can be inconsistent.
    pub fn build(&self) -> Result<Analyzer> {
        Ok(Analyzer {
            inner: Arc::new(Inner {
                gazetteer: self.gazetteer.clone().unwrap_or_else(Gazetteer::french_news),
                quotes: self.quotes.clone().unwrap_or_default(),
                prefer: self.prefer,
                reference: self.reference,
            }),
        })
    }
}

/// One input of [`Analyzer::analyze_batch`]: a text and its publication date.
///
/// ```
/// use depeche::analysis::Document;
///
/// let doc = Document { text: "Le maire a démissionné hier.", published: None };
/// assert!(depeche::Analyzer::new().analyze_batch(&[doc])[0].dates().is_empty());
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Document<'t> {
    /// The article text.
    pub text: &'t str,
    /// Its publication date, if known.
    pub published: Option<Date>,
}

impl<'t> Document<'t> {
    /// A document.
    ///
    /// ```
    /// use depeche::analysis::Document;
    /// use depeche::Date;
    ///
    /// let doc = Document::new("Le conseil s'est réuni mardi.", Some(Date::new(2024, 5, 2)?));
    /// assert_eq!(doc.published.map(|d| d.to_string()), Some("2024-05-02".to_string()));
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub const fn new(text: &'t str, published: Option<Date>) -> Document<'t> {
        Document { text, published }
    }
}

/// The analysis of one text: sentences, entity mentions, quotations and dates, each in text
/// order, with cross-links between them. Borrows the text; everything else is owned.
///
/// ```
/// use depeche::{Analyzer, Date};
///
/// let text = "« Le calendrier sera tenu », a assuré jeudi la maire, Anne Hidalgo.";
/// let analysis = Analyzer::new().analyze(text, Some(Date::new(2024, 5, 17)?));
/// let quote = &analysis.quotes()[0];
/// let sentence = analysis.sentence_at(quote.span.start).expect("the quote is in a sentence");
/// assert_eq!(analysis.dates_in_sentence(sentence)[0].timex(), "2024-05-16");
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Analysis<'t> {
    text: &'t str,
    sentences: Vec<Sentence>,
    mentions: Vec<Mention>,
    quotes: Vec<Quotation>,
    dates: Vec<TemporalExpression>,
}

/// The items of `items` (sorted by start) that start inside `range`.
fn within<T>(items: &[T], span_of: impl Fn(&T) -> Span, range: Span) -> &[T] {
    let lo = items.partition_point(|x| span_of(x).start < range.start);
    let hi = items.partition_point(|x| span_of(x).start < range.end).max(lo);
    &items[lo..hi]
}

impl<'t> Analysis<'t> {
    /// The analysed text.
    ///
    /// ```
    /// let text = "Dépêche courte.";
    /// assert_eq!(depeche::Analyzer::new().analyze(text, None).text(), text);
    /// ```
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The sentences, in order.
    ///
    /// ```
    /// use depeche::{Analyzer, Date};
    ///
    /// let text = "Vladimir Poutine a reçu mardi son homologue. « Le dialogue reprend », a \
    ///             déclaré le président russe. Il repartira jeudi.";
    /// let analysis = Analyzer::new().analyze(text, Some(Date::new(2024, 3, 13)?));
    /// assert_eq!(analysis.sentences().len(), 3);
    /// assert_eq!(&text[analysis.sentences()[2].span.range()], "Il repartira jeudi.");
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The entity mentions, in order.
    ///
    /// ```
    /// use depeche::{Analyzer, Date};
    ///
    /// let text = "Vladimir Poutine a reçu mardi son homologue. « Le dialogue reprend », a \
    ///             déclaré le président russe. Il repartira jeudi.";
    /// let analysis = Analyzer::new().analyze(text, Some(Date::new(2024, 3, 13)?));
    /// let found: Vec<&str> = analysis.mentions().iter().map(|m| &text[m.span().range()]).collect();
    /// assert_eq!(found, ["Vladimir Poutine", "le président russe"]);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The quotations, in order.
    ///
    /// ```
    /// use depeche::{Analyzer, Date};
    ///
    /// let text = "Vladimir Poutine a reçu mardi son homologue. « Le dialogue reprend », a \
    ///             déclaré le président russe. Il repartira jeudi.";
    /// let analysis = Analyzer::new().analyze(text, Some(Date::new(2024, 3, 13)?));
    /// let quote = &analysis.quotes()[0];
    /// assert_eq!(&text[quote.span.range()], "Le dialogue reprend");
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn quotes(&self) -> &[Quotation] {
        &self.quotes
    }

    /// The temporal expressions, in order.
    ///
    /// ```
    /// use depeche::{Analyzer, Date};
    ///
    /// let text = "Vladimir Poutine a reçu mardi son homologue. « Le dialogue reprend », a \
    ///             déclaré le président russe. Il repartira jeudi.";
    /// let analysis = Analyzer::new().analyze(text, Some(Date::new(2024, 3, 13)?));
    /// let values: Vec<String> = analysis.dates().iter().map(|d| d.timex()).collect();
    /// assert_eq!(values, ["2024-03-12", "2024-03-14"]);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn dates(&self) -> &[TemporalExpression] {
        &self.dates
    }

    /// The index of the sentence that contains byte offset `offset`, if any.
    ///
    /// ```
    /// let analysis = depeche::Analyzer::new().analyze("Il pleut. Il vente.", None);
    /// if let Some(i) = analysis.sentence_at(12) {
    ///     assert!(analysis.sentences()[i].span.start <= 12);
    /// }
    /// ```
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.start <= offset);
        let i = i.checked_sub(1)?;
        (offset < self.sentences[i].span.end).then_some(i)
    }

    /// The dates that start inside sentence `index` (empty if there is no such sentence).
    ///
    /// ```
    /// use depeche::{Analyzer, Date};
    ///
    /// let text = "Vladimir Poutine a reçu mardi son homologue. « Le dialogue reprend », a \
    ///             déclaré le président russe. Il repartira jeudi.";
    /// let analysis = Analyzer::new().analyze(text, Some(Date::new(2024, 3, 13)?));
    /// assert!(analysis.dates_in_sentence(1).is_empty());
    /// assert_eq!(analysis.dates_in_sentence(2)[0].timex(), "2024-03-14");
    /// assert!(analysis.dates_in_sentence(99).is_empty());
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn dates_in_sentence(&self, index: usize) -> &[TemporalExpression] {
        match self.sentences.get(index) {
            Some(s) => within(&self.dates, |d| d.span, s.span),
            None => &[],
        }
    }

    /// The entity mentions that start inside sentence `index`.
    ///
    /// ```
    /// use depeche::{Analyzer, Date};
    ///
    /// let text = "Vladimir Poutine a reçu mardi son homologue. « Le dialogue reprend », a \
    ///             déclaré le président russe. Il repartira jeudi.";
    /// let analysis = Analyzer::new().analyze(text, Some(Date::new(2024, 3, 13)?));
    /// let second = analysis.mentions_in_sentence(1);
    /// assert_eq!(second.len(), 1);
    /// assert_eq!(second[0].name(), Some("Vladimir Poutine"));
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn mentions_in_sentence(&self, index: usize) -> &[Mention] {
        match self.sentences.get(index) {
            Some(s) => within(&self.mentions, |m| m.span(), s.span),
            None => &[],
        }
    }

    /// The mentions of the entity `id`, in order.
    ///
    /// ```
    /// use depeche::{Analyzer, Date};
    ///
    /// let text = "Vladimir Poutine a reçu mardi son homologue. « Le dialogue reprend », a \
    ///             déclaré le président russe. Il repartira jeudi.";
    /// let analysis = Analyzer::new().analyze(text, Some(Date::new(2024, 3, 13)?));
    /// // The name and the role held at the publication date both refer to him.
    /// assert_eq!(analysis.mentions_of("vladimir-poutine").count(), 2);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn mentions_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Mention> + 'a {
        self.mentions.iter().filter(move |m| m.entity().is_some_and(|e| e.id() == id))
    }

    /// The quotations attributed to the entity `id`, in order.
    ///
    /// ```
    /// use depeche::{Analyzer, Date};
    ///
    /// let text = "Vladimir Poutine a reçu mardi son homologue. « Le dialogue reprend », a \
    ///             déclaré le président russe. Il repartira jeudi.";
    /// let analysis = Analyzer::new().analyze(text, Some(Date::new(2024, 3, 13)?));
    /// let quotes: Vec<&str> =
    ///     analysis.quotes_of("vladimir-poutine").map(|q| &text[q.span.range()]).collect();
    /// assert_eq!(quotes, ["Le dialogue reprend"]);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn quotes_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Quotation> + 'a {
        self.quotes.iter().filter(move |q| q.speaker.as_ref().and_then(|s| s.entity_id.as_deref()) == Some(id))
    }

    /// The gazetteer entity a quotation's speaker was resolved to, if any.
    ///
    /// ```
    /// use depeche::{Analyzer, Date};
    ///
    /// let text = "Vladimir Poutine a reçu mardi son homologue. « Le dialogue reprend », a \
    ///             déclaré le président russe. Il repartira jeudi.";
    /// let analysis = Analyzer::new().analyze(text, Some(Date::new(2024, 3, 13)?));
    /// let entity = analysis.speaker_entity(&analysis.quotes()[0]);
    /// assert_eq!(entity.map(|e| e.name()), Some("Vladimir Poutine"));
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn speaker_entity(&self, quote: &Quotation) -> Option<&Entity> {
        let id = quote.speaker.as_ref()?.entity_id.as_deref()?;
        self.mentions.iter().filter_map(|m| m.entity()).find(|e| e.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyzer_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Analyzer>();
        check::<Analysis<'static>>();
    }

    /// The batch entry points give, in input order, what `analyze` gives document by document
    /// (with `rayon` too: the documents are of very different lengths, so that the workers
    /// finish out of order).
    #[test]
    fn batches_keep_input_order() {
        let analyzer = Analyzer::new();
        let published = Date::new(2024, 3, 14).ok();
        let texts: Vec<String> = (0..40)
            .map(|i| {
                let line = format!("« Nous verrons le {} mars », a déclaré Gabriel Attal. ", i % 28 + 1);
                line.repeat(1 + (i * 7) % 23)
            })
            .collect();
        let docs: Vec<Document<'_>> = texts.iter().map(|t| Document::new(t, published)).collect();
        let one_by_one: Vec<Analysis<'_>> = docs.iter().map(|d| analyzer.analyze(d.text, d.published)).collect();
        let batch = analyzer.analyze_batch(&docs);
        assert_eq!(batch.len(), docs.len());
        for (a, b) in one_by_one.iter().zip(&batch) {
            assert_eq!(a.text(), b.text());
            assert_eq!(a.quotes().len(), b.quotes().len());
            assert_eq!(
                a.dates().iter().map(|d| d.span).collect::<Vec<_>>(),
                b.dates().iter().map(|d| d.span).collect::<Vec<_>>()
            );
        }
        let mapped = analyzer.analyze_batch_map(&docs, |i, a| (i, a.text().len(), a.dates().len()));
        let want: Vec<_> = one_by_one.iter().enumerate().map(|(i, a)| (i, a.text().len(), a.dates().len())).collect();
        assert_eq!(mapped, want);
        assert!(want.iter().all(|&(_, _, n)| n > 0));
    }

    /// A person among the mentions heading a speaker's phrase is the speaker, before the party
    /// beside it.
    #[test]
    fn speaker_phrase_with_party_and_name_is_the_person() {
        let text = "« La réforme attendra », a lancé le député LR Laurent Wauquiez.";
        let a = Analyzer::new().analyze(text, Date::new(2025, 1, 29).ok());
        let q = &a.quotes()[0];
        assert_eq!(q.speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Laurent Wauquiez"));
    }

    #[test]
    fn within_selects_contained_items() {
        let items = [Span::new(0, 3), Span::new(5, 8), Span::new(9, 12), Span::new(20, 22)];
        assert_eq!(within(&items, |s| *s, Span::new(4, 13)), &items[1..3]);
        assert!(within(&items, |s| *s, Span::new(13, 19)).is_empty());
    }
}
