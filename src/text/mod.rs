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
//!
//! # How sentences end
//!
//! A sentence ends after a run of sentence punctuation (`.`, `...`, `…`, `!`, `?`, `?!`), together
//! with the closing quotation marks and brackets that follow it, when white space or the end of
//! the text comes next and:
//!
//! - `!` or `?`: the next word does not start with a lowercase letter (`Non ! il refuse` goes on);
//! - `...` or `…`: the next word starts with a capital, a quotation mark or a dash, and the
//!   ellipsis is not a cut inside brackets (`[…]`);
//! - `.` after a title, a prefix or initials (`M.`, `MM.`, `art.`, `cf.`, `J.-F.`, `U.S.A.`):
//!   never, before a word; after a month or `n°`-like abbreviation (`avr.`, `sept.`): unless a
//!   number follows; after `etc.`, `Ltd.`, `J.-C.`: when a capitalized word follows; after a list
//!   number at the start of a line (`1.`): never; after any other word or number: always (also
//!   before a lowercase word, which in scraped copy is a lost capital);
//! - but never when the closing quotation mark is followed by a comma or a lowercase incise
//!   (`« Non ! », a-t-il dit`, `« Vraiment ? » s'est-il étonné`), and never inside a quotation that
//!   ends with a comma incise (`« C'est fini. Partons », a-t-il dit.` is one sentence); a quotation
//!   without an incise may hold several sentences.
//!
//! Line breaks: a blank line (or U+2029) ends the sentence and the paragraph. A single line break
//! does too with the default [`LineBreaks::Auto`] (headlines, captions, datelines and bullet lines
//! of scraped news), unless the next line starts with a lowercase letter; [`LineBreaks::Wrap`]
//! reads single line breaks in hard-wrapped text as spaces, except before bullet lines.

mod abbrev;
mod sentence;
mod token;

pub use abbrev::AbbreviationKind;
pub use sentence::{paragraphs, sentences, LineBreaks, Segmenter, Sentence};
pub use token::{tokens, tokens_in, Token, TokenKind, Tokens};
