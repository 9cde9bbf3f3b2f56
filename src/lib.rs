#![doc = include_str!("../docs/CRATE.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_auto_cfg))]

pub mod analysis;
mod error;
pub mod gazetteer;
pub mod quotes;
mod span;
pub mod temporal;
pub mod text;
pub mod typography;

pub use analysis::{Analysis, Analyzer};
pub use error::{Error, ErrorKind, Result};
pub use span::Span;
pub use temporal::{Date, Weekday};

#[doc = include_str!("../docs/ARCHITECTURE.md")]
pub mod architecture {}

#[doc = include_str!("../docs/GUIDE.md")]
pub mod guide {}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
