//! The gazetteer's input data: [`Entry`] (a referent and its aliases), [`Role`] (an office held
//! over time) and [`Term`] (who held it when), bundled in a [`Dataset`]. All of them are plain
//! data, serde-deserializable with the `serde` feature, so users load their own entries from
//! JSON, TOML or anything else with their own parser.

use std::collections::BTreeMap;

use super::{EntityKind, Gender};
use crate::Date;

/// One referent of a gazetteer: a stable id, a canonical name, a kind and the surface forms
/// (aliases) that refer to it.
///
/// The canonical name is always an alias too. Aliases are matched on their folded key (case,
/// accents, apostrophe, hyphen and space variants do not matter), except short all-capital
/// aliases (acronyms of at most five characters such as `EI`, `UE`, `ONU`), which match only as
/// written. Prefix an alias with `~` to make it case-insensitive anyway (`~Otan`), or with `=`
/// to make any alias case-sensitive (`=May`).
///
/// With the `serde` feature, every field but `id`, `name` and `kind` may be omitted.
///
/// ```
/// use depeche::gazetteer::{Entry, EntityKind, Gender};
///
/// let entry = Entry::new("fabrice-pothier", "Fabrice Pothier", EntityKind::Person)
///     .with_alias("Pothier")
///     .with_gender(Gender::Masculine);
/// assert_eq!(entry.aliases, ["Pothier"]);
/// assert_eq!(entry.gender, Some(Gender::Masculine));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entry {
    /// Stable id, unique in a gazetteer (`vladimir-poutine`).
    pub id: String,
    /// Canonical display name (`Vladimir Poutine`).
    pub name: String,
    /// What the referent is.
    pub kind: EntityKind,
    /// Grammatical gender, for persons (pronoun resolution).
    #[cfg_attr(feature = "serde", serde(default))]
    pub gender: Option<Gender>,
    /// Surface forms besides the name (`Poutine`, `Putin`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub aliases: Vec<String>,
    /// External identifiers, by authority (`"wikidata"` → `"Q7747"`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub external_ids: BTreeMap<String, String>,
    /// Free attributes (`"country"` → `"RU"`), kept and returned as given.
    #[cfg_attr(feature = "serde", serde(default))]
    pub attributes: BTreeMap<String, String>,
}

impl Entry {
    /// An entry with no alias but its name, no gender and no attribute.
    ///
    /// ```
    /// use depeche::gazetteer::{Entry, EntityKind};
    ///
    /// let kremlin = Entry::new("kremlin", "Kremlin", EntityKind::Organization);
    /// assert_eq!(kremlin.name, "Kremlin");
    /// assert!(kremlin.aliases.is_empty());
    /// ```
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: EntityKind) -> Entry {
        Entry {
            id: id.into(),
            name: name.into(),
            kind,
            gender: None,
            aliases: Vec::new(),
            external_ids: BTreeMap::new(),
            attributes: BTreeMap::new(),
        }
    }

    /// The same entry with one more alias.
    ///
    /// ```
    /// use depeche::gazetteer::{Entry, EntityKind};
    ///
    /// let daesh = Entry::new("etat-islamique", "État islamique", EntityKind::Organization)
    ///     .with_alias("Daech")
    ///     .with_alias("EI");
    /// assert_eq!(daesh.aliases, ["Daech", "EI"]);
    /// ```
    pub fn with_alias(mut self, alias: impl Into<String>) -> Entry {
        self.aliases.push(alias.into());
        self
    }

    /// The same entry with a gender.
    ///
    /// ```
    /// use depeche::gazetteer::{Entry, EntityKind, Gender};
    ///
    /// let may = Entry::new("theresa-may", "Theresa May", EntityKind::Person).with_gender(Gender::Feminine);
    /// assert_eq!(may.gender, Some(Gender::Feminine));
    /// ```
    pub fn with_gender(mut self, gender: Gender) -> Entry {
        self.gender = Some(gender);
        self
    }

    /// The same entry with an external id (`"wikidata"`, `"Q7747"`).
    ///
    /// ```
    /// use depeche::gazetteer::{Entry, EntityKind};
    ///
    /// let putin = Entry::new("vladimir-poutine", "Vladimir Poutine", EntityKind::Person)
    ///     .with_external_id("wikidata", "Q7747");
    /// assert_eq!(putin.external_ids["wikidata"], "Q7747");
    /// ```
    pub fn with_external_id(mut self, authority: impl Into<String>, id: impl Into<String>) -> Entry {
        self.external_ids.insert(authority.into(), id.into());
        self
    }

    /// The same entry with a free attribute.
    ///
    /// ```
    /// use depeche::gazetteer::{Entry, EntityKind};
    ///
    /// let afp = Entry::new("afp", "AFP", EntityKind::Organization).with_attribute("type", "agence");
    /// assert_eq!(afp.attributes["type"], "agence");
    /// ```
    pub fn with_attribute(mut self, key: impl Into<String>, value: impl Into<String>) -> Entry {
        self.attributes.insert(key.into(), value.into());
        self
    }
}

/// An office held by one person at a time (`président russe`), with the phrases that name it and
/// the terms of its holders.
///
/// A mention of a role resolves to whoever held it on the document's date; with no holder known
/// on that date it is still reported (an unlinked nominal mention). Aliases are written without
/// determiner (`président russe`, `chef de l'État russe`); the matcher adds the determiner and
/// modifiers (`le nouveau président américain`) to the mention itself.
///
/// ```
/// use depeche::gazetteer::{Role, Term};
/// use depeche::Date;
///
/// let role = Role::new("president-russie")
///     .with_alias("président russe")
///     .with_alias("chef de l'État russe")
///     .with_term(Term::new("vladimir-poutine", Date::new(2012, 5, 7)?, None));
/// assert_eq!(role.aliases.len(), 2);
/// assert_eq!(role.terms[0].holder, "vladimir-poutine");
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Role {
    /// Stable id, unique in a gazetteer (entries and roles together).
    pub id: String,
    /// The kind of the holders (almost always [`EntityKind::Person`]).
    #[cfg_attr(feature = "serde", serde(default = "person"))]
    pub kind: EntityKind,
    /// The phrases naming the role, without determiner.
    #[cfg_attr(feature = "serde", serde(default))]
    pub aliases: Vec<String>,
    /// Who held the role when.
    #[cfg_attr(feature = "serde", serde(default))]
    pub terms: Vec<Term>,
}

#[cfg(feature = "serde")]
fn person() -> EntityKind {
    EntityKind::Person
}

impl Role {
    /// A person role with no alias and no term yet.
    ///
    /// ```
    /// use depeche::gazetteer::{EntityKind, Role};
    ///
    /// let role = Role::new("porte-parole-kremlin");
    /// assert_eq!(role.kind, EntityKind::Person);
    /// ```
    pub fn new(id: impl Into<String>) -> Role {
        Role { id: id.into(), kind: EntityKind::Person, aliases: Vec::new(), terms: Vec::new() }
    }

    /// The same role with one more alias.
    ///
    /// ```
    /// use depeche::gazetteer::Role;
    ///
    /// let role = Role::new("chancelier-allemagne").with_alias("chancelière allemande");
    /// assert_eq!(role.aliases, ["chancelière allemande"]);
    /// ```
    pub fn with_alias(mut self, alias: impl Into<String>) -> Role {
        self.aliases.push(alias.into());
        self
    }

    /// The same role with one more term.
    ///
    /// ```
    /// use depeche::gazetteer::{Role, Term};
    /// use depeche::Date;
    ///
    /// let role = Role::new("chancelier-allemagne")
    ///     .with_term(Term::new("angela-merkel", Date::new(2005, 11, 22)?, Some(Date::new(2021, 12, 8)?)));
    /// assert_eq!(role.terms.len(), 1);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn with_term(mut self, term: Term) -> Role {
        self.terms.push(term);
        self
    }
}

/// One holder of a [`Role`] over an inclusive interval of days (`to: None` while in office).
///
/// On a handover day (one term's `to` equal to the next one's `from`) the role resolves to the
/// incoming holder.
///
/// ```
/// use depeche::gazetteer::Term;
/// use depeche::Date;
///
/// let term = Term::new("donald-trump", Date::new(2017, 1, 20)?, Some(Date::new(2021, 1, 20)?));
/// assert!(term.contains(Date::new(2018, 6, 1)?));
/// assert!(!term.contains(Date::new(2016, 11, 14)?));
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Term {
    /// The id of the holder's [`Entry`].
    pub holder: String,
    /// First day in office.
    pub from: Date,
    /// Last day in office (inclusive), `None` while in office.
    #[cfg_attr(feature = "serde", serde(default))]
    pub to: Option<Date>,
    /// Free note (`interim`, `approx-date`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub note: Option<String>,
}

impl Term {
    /// A term without note.
    ///
    /// ```
    /// use depeche::gazetteer::Term;
    /// use depeche::Date;
    ///
    /// let term = Term::new("vladimir-poutine", Date::new(2012, 5, 7)?, None);
    /// assert_eq!(term.to, None);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn new(holder: impl Into<String>, from: Date, to: Option<Date>) -> Term {
        Term { holder: holder.into(), from, to, note: None }
    }

    /// Whether `date` falls within the term (both ends included).
    ///
    /// ```
    /// use depeche::gazetteer::Term;
    /// use depeche::Date;
    ///
    /// let term = Term::new("theresa-may", Date::new(2016, 7, 13)?, Some(Date::new(2019, 7, 24)?));
    /// assert!(term.contains(Date::new(2019, 7, 24)?));
    /// assert!(!term.contains(Date::new(2019, 7, 25)?));
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && self.to.map_or(true, |to| date <= to)
    }
}

/// A set of entries and roles: what a gazetteer is built from, and what users load from their
/// own files.
///
/// With the `serde` feature it reads as `{"entries": […], "roles": […]}` (either list may be
/// omitted).
///
/// ```
/// use depeche::gazetteer::{Dataset, Entry, EntityKind, Gazetteer};
///
/// let mut data = Dataset::default();
/// data.entries.push(Entry::new("pothier", "Fabrice Pothier", EntityKind::Person).with_alias("Pothier"));
/// let gazetteer = Gazetteer::builder().dataset(data).build()?;
/// let text = "Selon Pothier, l'alliance tient.";
/// let mentions = gazetteer.mentions(text, None);
/// assert_eq!(&text[mentions[0].span().range()], "Pothier");
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Dataset {
    /// The referents.
    #[cfg_attr(feature = "serde", serde(default))]
    pub entries: Vec<Entry>,
    /// The roles and their terms.
    #[cfg_attr(feature = "serde", serde(default))]
    pub roles: Vec<Role>,
}
