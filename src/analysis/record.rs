//! The serde form of an [`Analysis`], field for field the contract of the `analyze` program.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::Analysis;
use crate::Span;

#[derive(serde::Serialize)]
struct SpanText<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn span_text(text: &str, span: Span) -> SpanText<'_> {
    SpanText { start: span.start, end: span.end, text: span.get(text).unwrap_or("") }
}

#[derive(serde::Serialize)]
struct EntityRecord<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    entity: Option<&'a str>,
    name: Option<&'a str>,
    kind: &'static str,
}

#[derive(serde::Serialize)]
struct SpeakerRecord<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    entity: Option<&'a str>,
    name: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct QuoteRecord<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    cue: Option<SpanText<'a>>,
    speaker: Option<SpeakerRecord<'a>>,
    confidence: f64,
}

#[derive(serde::Serialize)]
struct DateRecord<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: String,
    grain: &'static str,
    #[serde(rename = "mod")]
    modifier: Option<&'static str>,
}

#[derive(serde::Serialize)]
struct SentenceRecord {
    start: usize,
    end: usize,
}

/// Serializes as `{"sentences": […], "entities": […], "quotes": […], "dates": […]}` with the
/// fields of the `analyze` contract (spans as `start`/`end` byte offsets plus the `text` they
/// cover).
impl Serialize for Analysis<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.text;
        let sentences: Vec<SentenceRecord> =
            self.sentences.iter().map(|s| SentenceRecord { start: s.span.start, end: s.span.end }).collect();
        let entities: Vec<EntityRecord<'_>> = self
            .mentions
            .iter()
            .map(|m| {
                let span = m.span();
                EntityRecord {
                    start: span.start,
                    end: span.end,
                    text: span.get(text).unwrap_or(""),
                    entity: m.entity().map(|e| e.id()),
                    name: m.name(),
                    kind: m.kind().as_str(),
                }
            })
            .collect();
        let quotes: Vec<QuoteRecord<'_>> = self
            .quotes
            .iter()
            .map(|q| QuoteRecord {
                start: q.span.start,
                end: q.span.end,
                text: q.span.get(text).unwrap_or(""),
                kind: q.kind.as_str(),
                cue: q.cue.as_ref().map(|c| span_text(text, c.span)),
                speaker: q.speaker.as_ref().map(|s| SpeakerRecord {
                    start: s.span.start,
                    end: s.span.end,
                    text: s.span.get(text).unwrap_or(""),
                    entity: s.entity_id.as_deref(),
                    name: s.name.as_deref(),
                }),
                // Three decimals: an f32 printed as is shows float noise (0.8909999).
                confidence: (f64::from(q.confidence) * 1000.0).round() / 1000.0,
            })
            .collect();
        let dates: Vec<DateRecord<'_>> = self
            .dates
            .iter()
            .map(|d| DateRecord {
                start: d.span.start,
                end: d.span.end,
                text: d.span.get(text).unwrap_or(""),
                value: d.timex(),
                grain: d.grain().as_str(),
                modifier: d.modifier().map(|m| m.as_str()),
            })
            .collect();
        let mut st = serializer.serialize_struct("Analysis", 4)?;
        st.serialize_field("sentences", &sentences)?;
        st.serialize_field("entities", &entities)?;
        st.serialize_field("quotes", &quotes)?;
        st.serialize_field("dates", &dates)?;
        st.end()
    }
}
