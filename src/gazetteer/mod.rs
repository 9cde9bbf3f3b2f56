//! Entity gazetteer: who and what a French news article talks about.
//!
//! Owns entries (people, organisations, places …), their aliases and dated roles, the built-in
//! French-news data and the matcher that finds mentions. Uses [`crate::typography`] (folded
//! keys, offset maps) and [`crate::temporal::Date`] for the validity of roles.

use crate::{Date, Span};

/// What kind of referent an entry or a mention is.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Ord, PartialOrd)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, institution, party, company, armed group, media outlet.
    Organization,
    /// A country, region, city, place.
    Location,
    /// An event (a summit, a war, an election).
    Event,
    /// A work (a book, a film, a law).
    Work,
    /// Anything else.
    Other,
}

impl EntityKind {
    /// The lowercase name used in SCHEMA output: `person`, `organization`, …
    ///
    /// ```
    /// assert_eq!(depeche::gazetteer::EntityKind::Location.as_str(), "location");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Event => "event",
            EntityKind::Work => "work",
            EntityKind::Other => "other",
        }
    }
}

/// Grammatical gender of a person, for pronoun resolution.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Gender {
    /// Referred to as `il`.
    Masculine,
    /// Referred to as `elle`.
    Feminine,
}

/// A referent of the gazetteer. Placeholder until the gazetteer layer lands.
#[derive(Clone, Debug)]
pub struct Entity {
    id: String,
    name: String,
    kind: EntityKind,
    gender: Option<Gender>,
}

impl Entity {
    /// The stable id (`vladimir-poutine`).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The canonical display name (`Vladimir Poutine`).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The kind.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }
    /// The gender, for persons, when known.
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
}

/// A mention of an entity in a text. Placeholder until the gazetteer layer lands.
#[derive(Clone, Debug)]
pub struct Mention {
    span: Span,
    kind: EntityKind,
    entity: Option<Entity>,
    nominal: bool,
}

impl Mention {
    /// Where the mention lies in the original text.
    pub fn span(&self) -> Span {
        self.span
    }
    /// The kind of referent.
    pub fn kind(&self) -> EntityKind {
        self.kind
    }
    /// The referent, or `None` for a name or role not linked to an entry.
    pub fn entity(&self) -> Option<&Entity> {
        self.entity.as_ref()
    }
    /// Whether the mention is a role or description (`le président russe`) rather than a name.
    pub fn is_nominal(&self) -> bool {
        self.nominal
    }
}

/// The gazetteer. Placeholder until the gazetteer layer lands.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// The built-in French-news gazetteer.
    pub fn french_news() -> Gazetteer {
        Gazetteer {}
    }

    /// Every mention in `text`, roles resolved at `date`.
    pub fn mentions(&self, text: &str, date: Option<Date>) -> Vec<Mention> {
        let _ = (text, date);
        Vec::new()
    }
}
