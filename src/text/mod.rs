//! Tokens and sentences for French news text.
//!
//! Owns word structure (elisions, hyphenated compounds, inverted clitics, numbers, abbreviations,
//! URLs, e-mail addresses and handles) and sentence and paragraph boundaries. Uses
//! [`crate::typography`] only; every span points into the caller's original text.
//!
//! ```
//! use depeche::text::{sentences, tokens, TokenKind};
//!
//! let text = "« Nous ne céderons pas ! », a-t-il lancé. M. Dupont l’a confirmé.";
//! let s: Vec<&str> = sentences(text).iter().map(|s| &text[s.span.range()]).collect();
//! assert_eq!(s, ["« Nous ne céderons pas ! », a-t-il lancé.", "M. Dupont l’a confirmé."]);
//!
//! let clitics: Vec<&str> =
//!     tokens(text).filter(|t| t.kind == TokenKind::Clitic).map(|t| t.text(text)).collect();
//! assert_eq!(clitics, ["il"]);
//! ```
//!
//! - [`tokens`] cuts the text into [`Token`]s that tile it: words, elisions (`l’`, `qu’`),
//!   clitics (`il` of `a-t-il`), numbers (`1 000`, `3,5`, `12/05/2016`), ordinals (`1er`,
//!   `XIXe`), abbreviations with their dot (`M.`, `art.`, `J.-F.`), quotation marks with their
//!   role and nesting level, URLs, e-mail addresses, handles, punctuation and white space.
//! - [`tokens_in`] cuts one sentence or paragraph, with spans into the whole text.
//! - [`sentences`] and [`Segmenter`] find sentence and paragraph boundaries; [`paragraphs`]
//!   groups the sentences.
//! - The abbreviation table is the readable file `src/text/data/abbreviations.tsv`.

mod abbrev;
mod sentence;
mod token;

pub use abbrev::AbbreviationKind;
pub use sentence::{paragraphs, sentences, LineBreaks, Segmenter, Sentence};
pub use token::{tokens, tokens_in, Token, TokenKind, Tokens};
