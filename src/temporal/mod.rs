//! French temporal expressions: found in the text and resolved against a reference date (the
//! publication date), tense-aware.
//!
//! Owns [`Date`], the expression grammar and its resolution. Uses [`crate::typography`] and may
//! use [`crate::text`]; calendar arithmetic is done by `jiff` inside, never exposed.

mod date;

pub use date::{Date, Weekday};

use crate::Span;

/// Which way a bare weekday or month (`lundi`, `en mars`) points when nothing else decides.
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Prefer {
    /// The verb's tense decides; past or present means the most recent such day (the reference
    /// day included), future the next one.
    #[default]
    Tense,
    /// Always the most recent one (the reference day included).
    Past,
    /// Always the next one (the reference day included).
    Future,
}

/// The size of the period an expression denotes.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Ord, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[allow(missing_docs)]
pub enum Grain {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
}

impl Grain {
    /// The lowercase name used in SCHEMA output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Season => "season",
            Grain::Year => "year",
            Grain::Decade => "decade",
            Grain::Century => "century",
        }
    }
}

/// A qualifier of the period: `fin janvier` is the end of January.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[allow(missing_docs)]
pub enum Modifier {
    Start,
    Mid,
    End,
    Approx,
    Before,
    After,
}

impl Modifier {
    /// The lowercase name used in SCHEMA output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Modifier::Start => "start",
            Modifier::Mid => "mid",
            Modifier::End => "end",
            Modifier::Approx => "approx",
            Modifier::Before => "before",
            Modifier::After => "after",
        }
    }
}

/// A temporal expression found in a text. Placeholder until the temporal layer lands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemporalExpression {
    /// Where it lies in the original text.
    pub span: Span,
    grain: Grain,
    modifier: Option<Modifier>,
    timex: String,
}

impl TemporalExpression {
    /// The TIMEX3 value (`2017-01-26`, `2017-W04`, `2017-03-03/2017-03-05`, `199`, `18`).
    pub fn timex(&self) -> String {
        self.timex.clone()
    }
    /// The grain.
    pub fn grain(&self) -> Grain {
        self.grain
    }
    /// The modifier, if any.
    pub fn modifier(&self) -> Option<Modifier> {
        self.modifier
    }
}

/// Finds and resolves temporal expressions. Placeholder until the temporal layer lands.
#[derive(Clone, Copy, Debug)]
pub struct DateResolver {
    reference: Option<Date>,
    prefer: Prefer,
}

impl DateResolver {
    /// A resolver for documents published on `reference` (or with no known date).
    pub const fn new(reference: Option<Date>) -> DateResolver {
        DateResolver { reference, prefer: Prefer::Tense }
    }

    /// The direction of bare weekdays and months.
    pub const fn prefer(self, prefer: Prefer) -> DateResolver {
        DateResolver { prefer, ..self }
    }

    /// Every resolved expression of `text`, in order.
    pub fn find(&self, text: &str) -> Vec<TemporalExpression> {
        let _ = (text, self.reference, self.prefer);
        Vec::new()
    }
}
