//! Entity gazetteer: who and what a French news article talks about.
//!
//! Owns entries (people, organisations, places …), their aliases and dated roles, the built-in
//! French-news data and the matcher that finds mentions. Uses [`crate::typography`] (folded
//! keys, offset maps) and [`crate::temporal::Date`] for the validity of roles.
//!
//! - [`Gazetteer::french_news`] is the built-in gazetteer (heads of state and government,
//!   ministers, institutions, international organisations, armed groups, parties, places,
//!   media), built once and shared.
//! - [`Gazetteer::builder`] builds your own, from [`Entry`], [`Role`] and [`Dataset`] values
//!   (serde-deserializable), merged or not with [`french_news_dataset`].
//! - [`Gazetteer::mentions`] finds every mention of a text: aliases (whole words, folded
//!   case, accents, apostrophes and hyphens, acronyms as written), roles resolved at the
//!   document's date (`le président russe`), and persons that are not in the gazetteer but are
//!   introduced as such (`Fabrice Pothier`, `M. Dupont`, `le général Lecointre`), with later
//!   mentions of their surname.
//! - [`Gazetteer::find_iter`] gives the raw alias matches alone.
//!
//! ```
//! use depeche::gazetteer::Gazetteer;
//! use depeche::Date;
//!
//! let gazetteer = Gazetteer::french_news();
//! let text = "Le président russe a reçu l’appel de Donald Trump, a indiqué le Kremlin.";
//! let mentions = gazetteer.mentions(text, Some(Date::new(2017, 1, 28)?));
//! let found: Vec<(&str, Option<&str>)> =
//!     mentions.iter().map(|m| (&text[m.span().range()], m.entity().map(|e| e.id()))).collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("Le président russe", Some("vladimir-poutine")),
//!         ("Donald Trump", Some("donald-trump")),
//!         ("Kremlin", Some("kremlin")),
//!     ]
//! );
//! # Ok::<(), depeche::Error>(())
//! ```

mod data;
mod entry;
mod fold;
mod matcher;
mod names;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

pub use data::french_news_dataset;
pub use entry::{Dataset, Entry, Role, Term};

use crate::error::{Error, ErrorKind, Result};
use crate::{Date, Span};
use matcher::{AliasError, AliasTarget, Key, Matcher, RawMatch, Target};

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

#[derive(Debug, PartialEq, Eq)]
struct EntityData {
    id: String,
    name: String,
    kind: EntityKind,
    gender: Option<Gender>,
    external_ids: BTreeMap<String, String>,
    attributes: BTreeMap<String, String>,
}

/// A referent of a gazetteer, as built from an [`Entry`]. Cheap to clone (shared).
///
/// ```
/// use depeche::gazetteer::{EntityKind, Gazetteer, Gender};
///
/// let text = "Angela Merkel est arrivée.";
/// let mentions = Gazetteer::french_news().mentions(text, None);
/// let merkel = mentions[0].entity().unwrap();
/// assert_eq!((merkel.id(), merkel.name()), ("angela-merkel", "Angela Merkel"));
/// assert_eq!(merkel.kind(), EntityKind::Person);
/// assert_eq!(merkel.gender(), Some(Gender::Feminine));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity(Arc<EntityData>);

impl Entity {
    /// The stable id (`vladimir-poutine`).
    ///
    /// ```
    /// let g = depeche::gazetteer::Gazetteer::french_news();
    /// assert_eq!(g.entity("kremlin").map(|e| e.id()), Some("kremlin"));
    /// ```
    pub fn id(&self) -> &str {
        &self.0.id
    }

    /// The canonical display name (`Vladimir Poutine`).
    ///
    /// ```
    /// let g = depeche::gazetteer::Gazetteer::french_news();
    /// assert_eq!(g.entity("vladimir-poutine").map(|e| e.name()), Some("Vladimir Poutine"));
    /// ```
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// The kind.
    ///
    /// ```
    /// use depeche::gazetteer::{EntityKind, Gazetteer};
    /// let g = Gazetteer::french_news();
    /// assert_eq!(g.entity("russie").map(|e| e.kind()), Some(EntityKind::Location));
    /// ```
    pub fn kind(&self) -> EntityKind {
        self.0.kind
    }

    /// The gender, for persons, when known.
    ///
    /// ```
    /// use depeche::gazetteer::{Gazetteer, Gender};
    /// let g = Gazetteer::french_news();
    /// assert_eq!(g.entity("donald-trump").and_then(|e| e.gender()), Some(Gender::Masculine));
    /// ```
    pub fn gender(&self) -> Option<Gender> {
        self.0.gender
    }

    /// An external id by authority (`"wikidata"`), when the entry gives one.
    ///
    /// ```
    /// let g = depeche::gazetteer::Gazetteer::french_news();
    /// let putin = g.entity("vladimir-poutine").unwrap();
    /// assert_eq!(putin.external_id("wikidata"), Some("Q7747"));
    /// ```
    pub fn external_id(&self, authority: &str) -> Option<&str> {
        self.0.external_ids.get(authority).map(String::as_str)
    }

    /// The free attributes of the entry, as given.
    ///
    /// ```
    /// use depeche::gazetteer::{Entry, EntityKind, Gazetteer};
    ///
    /// let g = Gazetteer::builder()
    ///     .entry(Entry::new("afp", "AFP", EntityKind::Organization).with_attribute("type", "agence"))
    ///     .build()?;
    /// assert_eq!(g.entity("afp").unwrap().attributes()["type"], "agence");
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn attributes(&self) -> &BTreeMap<String, String> {
        &self.0.attributes
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Entity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = serializer.serialize_struct("Entity", 4)?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("kind", &self.kind())?;
        st.serialize_field("gender", &self.gender())?;
        st.end()
    }
}

/// A mention of a referent in a text: a name, an alias, a role or a person not in the gazetteer.
///
/// ```
/// use depeche::gazetteer::{Gazetteer, Gender};
/// use depeche::Date;
///
/// let text = "Selon Gaël Kerhervé, la chancelière allemande hésite. Kerhervé insiste.";
/// let m = Gazetteer::french_news().mentions(text, Some(Date::new(2017, 1, 28)?));
/// assert_eq!(&text[m[0].span().range()], "Gaël Kerhervé");
/// assert_eq!((m[0].entity(), m[0].name()), (None, Some("Gaël Kerhervé")));
/// assert_eq!(m[0].gender(), Some(Gender::Masculine));
/// assert_eq!(&text[m[1].span().range()], "la chancelière allemande");
/// assert!(m[1].is_nominal());
/// assert_eq!(m[1].name(), Some("Angela Merkel"));
/// assert_eq!((&text[m[2].span().range()], m[2].name()), ("Kerhervé", Some("Gaël Kerhervé")));
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    span: Span,
    kind: EntityKind,
    entity: Option<Entity>,
    name: Option<Arc<str>>,
    gender: Option<Gender>,
    nominal: bool,
    role: Option<Arc<str>>,
}

impl Mention {
    /// Where the mention lies in the original text.
    ///
    /// ```
    /// let text = "Hier, le Kremlin a démenti.";
    /// let m = depeche::gazetteer::Gazetteer::french_news().mentions(text, None);
    /// assert_eq!(&text[m[0].span().range()], "Kremlin");
    /// ```
    pub fn span(&self) -> Span {
        self.span
    }

    /// The kind of referent.
    ///
    /// ```
    /// use depeche::gazetteer::{EntityKind, Gazetteer};
    /// let m = Gazetteer::french_news().mentions("à Moscou", None);
    /// assert_eq!(m[0].kind(), EntityKind::Location);
    /// ```
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// The referent, or `None` for a name or role not linked to an entry.
    ///
    /// ```
    /// let m = depeche::gazetteer::Gazetteer::french_news().mentions("Daech recule.", None);
    /// assert_eq!(m[0].entity().map(|e| e.id()), Some("etat-islamique"));
    /// ```
    pub fn entity(&self) -> Option<&Entity> {
        self.entity.as_ref()
    }

    /// The display name of the referent: the entity's canonical name, or for a person not in
    /// the gazetteer the full name as the text first introduced it (`Fabrice Pothier`); `None`
    /// for a role whose holder is unknown.
    ///
    /// ```
    /// let text = "Mme Claire Dubois, puis Dubois seule.";
    /// let m = depeche::gazetteer::Gazetteer::french_news().mentions(text, None);
    /// assert_eq!(m[0].name(), Some("Claire Dubois"));
    /// assert_eq!(m[1].name(), Some("Claire Dubois"));
    /// ```
    pub fn name(&self) -> Option<&str> {
        match &self.entity {
            Some(e) => Some(e.name()),
            None => self.name.as_deref(),
        }
    }

    /// The referent's gender: the entity's, or for a person not in the gazetteer what the title
    /// (`M.`, `Mme`) or the first name says, when clear.
    ///
    /// ```
    /// use depeche::gazetteer::{Gazetteer, Gender};
    /// let m = Gazetteer::french_news().mentions("Mme Leclerc a répondu.", None);
    /// assert_eq!(m[0].gender(), Some(Gender::Feminine));
    /// ```
    pub fn gender(&self) -> Option<Gender> {
        match &self.entity {
            Some(e) => e.gender(),
            None => self.gender,
        }
    }

    /// Whether the mention is a role or description (`le président russe`) rather than a name.
    ///
    /// ```
    /// let m = depeche::gazetteer::Gazetteer::french_news().mentions("le président américain", None);
    /// assert!(m[0].is_nominal());
    /// ```
    pub fn is_nominal(&self) -> bool {
        self.nominal
    }

    /// For a role mention, the role's id (`president-russie`).
    ///
    /// ```
    /// let m = depeche::gazetteer::Gazetteer::french_news().mentions("le chef de l'État russe", None);
    /// assert_eq!(m[0].role_id(), Some("president-russie"));
    /// ```
    pub fn role_id(&self) -> Option<&str> {
        self.role.as_deref()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Mention {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> core::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = serializer.serialize_struct("Mention", 8)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("entity", &self.entity.as_ref().map(|e| e.id()))?;
        st.serialize_field("name", &self.name())?;
        st.serialize_field("gender", &self.gender())?;
        st.serialize_field("nominal", &self.nominal)?;
        st.serialize_field("role", &self.role_id())?;
        st.end()
    }
}

#[derive(Debug)]
struct CompiledRole {
    id: Arc<str>,
    kind: EntityKind,
    /// (holder entity index, from, to), sorted by `from`.
    terms: Vec<(u32, Date, Option<Date>)>,
}

#[derive(Debug)]
struct Inner {
    entities: Vec<Entity>,
    by_id: HashMap<String, u32>,
    roles: Vec<CompiledRole>,
    matcher: Matcher,
    firstnames: names::FirstNames,
    unlinked_names: bool,
}

/// A set of entries and roles compiled into a matcher. Immutable, `Send + Sync`, cheap to clone
/// (an [`Arc`] inside).
///
/// ```
/// use depeche::gazetteer::{Entry, EntityKind, Gazetteer};
///
/// let gazetteer = Gazetteer::builder()
///     .entry(Entry::new("etats-unis", "États-Unis", EntityKind::Location).with_alias("USA"))
///     .build()?;
/// let text = "Les ETATS-UNIS, les Etats Unis, les USA, mais pas les usa.";
/// let found: Vec<&str> = gazetteer.find_iter(text).map(|m| &text[m.span().range()]).collect();
/// assert_eq!(found, ["ETATS-UNIS", "Etats Unis", "USA"]);
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

/// Counts only: the data of a gazetteer runs to thousands of entries.
impl core::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.len())
            .field("roles", &self.role_count())
            .field("aliases", &self.alias_count())
            .finish()
    }
}

impl Gazetteer {
    /// A builder for your own gazetteer.
    ///
    /// ```
    /// use depeche::gazetteer::{Entry, EntityKind, Gazetteer};
    ///
    /// let g = Gazetteer::builder().entry(Entry::new("ei", "État islamique", EntityKind::Organization)).build()?;
    /// assert_eq!(g.len(), 1);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// The built-in French-news gazetteer, built once on first use and shared (cloning it is a
    /// reference count increment).
    ///
    /// A line of the built-in data that cannot be read is left out (the crate's tests check that
    /// there is none); [`Gazetteer::try_french_news`] reports it instead.
    ///
    /// ```
    /// use depeche::gazetteer::Gazetteer;
    ///
    /// let g = Gazetteer::french_news();
    /// assert!(g.len() > 10);
    /// assert!(g.entity("vladimir-poutine").is_some());
    /// ```
    ///
    /// # Performance
    ///
    /// The first call parses the data files and builds the automaton (a few milliseconds; see
    /// `docs/perf-gazetteer.md`); later calls clone an `Arc`.
    pub fn french_news() -> Gazetteer {
        static BUILT: OnceLock<Gazetteer> = OnceLock::new();
        BUILT
            .get_or_init(|| {
                let (data, firstnames, _) = data::builtin();
                let mut b = GazetteerBuilder::new();
                b.dataset(data);
                b.firstnames = firstnames;
                b.build_lenient()
            })
            .clone()
    }

    /// The built-in French-news gazetteer, built afresh, failing on the first bad line or entry
    /// of the built-in data.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidData`] or [`ErrorKind::InvalidEntry`] naming the bad line or entry.
    ///
    /// ```
    /// assert!(depeche::gazetteer::Gazetteer::try_french_news().is_ok());
    /// ```
    pub fn try_french_news() -> Result<Gazetteer> {
        let (data, firstnames, mut errors) = data::builtin();
        if !errors.is_empty() {
            return Err(errors.swap_remove(0));
        }
        let mut b = GazetteerBuilder::new();
        b.dataset(data);
        b.firstnames = firstnames;
        b.build()
    }

    /// Number of entries (referents).
    ///
    /// ```
    /// assert_eq!(depeche::gazetteer::Gazetteer::builder().build()?.len(), 0);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.inner.entities.len()
    }

    /// Whether the gazetteer has no entry.
    ///
    /// ```
    /// assert!(depeche::gazetteer::Gazetteer::builder().build()?.is_empty());
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.inner.entities.is_empty()
    }

    /// Number of roles.
    ///
    /// ```
    /// assert!(depeche::gazetteer::Gazetteer::french_news().role_count() > 0);
    /// ```
    pub fn role_count(&self) -> usize {
        self.inner.roles.len()
    }

    /// Number of distinct folded alias keys (entries and roles).
    ///
    /// ```
    /// assert!(depeche::gazetteer::Gazetteer::french_news().alias_count() > 10);
    /// ```
    pub fn alias_count(&self) -> usize {
        self.inner.matcher.key_count()
    }

    /// The entity with this id.
    ///
    /// ```
    /// let g = depeche::gazetteer::Gazetteer::french_news();
    /// assert_eq!(g.entity("kremlin").map(|e| e.name()), Some("Kremlin"));
    /// assert!(g.entity("atlantide").is_none());
    /// ```
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.inner.by_id.get(id).map(|&i| &self.inner.entities[i as usize])
    }

    /// Who held role `role_id` on `date` (on a handover day, the incoming holder).
    ///
    /// ```
    /// use depeche::Date;
    ///
    /// let g = depeche::gazetteer::Gazetteer::french_news();
    /// let holder = g.role_holder("president-etats-unis", Date::new(2017, 1, 28)?);
    /// assert_eq!(holder.map(|e| e.id()), Some("donald-trump"));
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn role_holder(&self, role_id: &str, date: Date) -> Option<&Entity> {
        let role = self.inner.roles.iter().find(|r| &*r.id == role_id)?;
        names::holder(&role.terms, Some(date), names::Modifier::None).map(|i| &self.inner.entities[i as usize])
    }

    /// Every raw alias match in `text`, left to right, longest first, without overlap: names and
    /// aliases of entries and role phrases (without determiner, not resolved), on whole words.
    ///
    /// ```
    /// let g = depeche::gazetteer::Gazetteer::french_news();
    /// let text = "Le président russe Vladimir Poutine et l'EI, seize fois.";
    /// let found: Vec<(&str, Option<&str>, Option<&str>)> = g
    ///     .find_iter(text)
    ///     .map(|m| (&text[m.span().range()], m.entity().map(|e| e.id()), m.role_id()))
    ///     .collect();
    /// assert_eq!(
    ///     found,
    ///     [
    ///         ("président russe", None, Some("president-russie")),
    ///         ("Vladimir Poutine", Some("vladimir-poutine"), None),
    ///         ("EI", Some("etat-islamique"), None),
    ///     ]
    /// );
    /// ```
    ///
    /// # Performance
    ///
    /// The original text is scanned word by word without being folded first; a byte trie of
    /// the aliases is walked only from the words that can start one (bit sets of the first
    /// words and of the first two words of the aliases); see `docs/perf-gazetteer.md`.
    pub fn find_iter<'g, 'h>(&'g self, text: &'h str) -> FindIter<'g, 'h> {
        let mut raw = Vec::new();
        self.inner.matcher.find(text, &mut raw);
        FindIter { inner: &self.inner, matches: raw.into_iter(), _text: core::marker::PhantomData }
    }

    /// Every mention in `text`, roles resolved at `date`, in text order, without overlap.
    ///
    /// Beyond [`Gazetteer::find_iter`]: a role mention takes its determiner and modifier
    /// (`le nouveau président américain`) and resolves to whoever held the role at `date`
    /// (`nouveau`, `futur`, `prochain`: the incoming holder; `ancien`, `ex-`: the previous one);
    /// with no holder known, or no date, it stays a mention without entity. `son homologue
    /// américain` after `le président russe` reads as `président américain`. A role directly
    /// followed by a name (`le président russe Vladimir Poutine`) refers to that person, and so
    /// does a role in apposition after a name (`Édouard Philippe, ancien Premier ministre,`). A
    /// role without determiner in predicate position (`est devenu Premier ministre`, `le poste
    /// de Premier ministre`) names a function, not a person: it is not a mention. Persons
    /// not in the gazetteer but introduced by first name and surname, by a title (`M.`, `Mme`,
    /// `le général`) or in apposition to a role are reported without entity but with a
    /// [`Mention::name`], and so are later mentions of their surname.
    ///
    /// Never fails and never panics.
    ///
    /// ```
    /// use depeche::gazetteer::Gazetteer;
    /// use depeche::Date;
    ///
    /// let g = Gazetteer::french_news();
    /// let text = "Le nouveau président américain a appelé le président russe.";
    /// let m = g.mentions(text, Some(Date::new(2016, 11, 14)?));
    /// assert_eq!(&text[m[0].span().range()], "Le nouveau président américain");
    /// assert_eq!(m[0].entity().map(|e| e.id()), Some("donald-trump"));
    /// assert_eq!(m[1].entity().map(|e| e.id()), Some("vladimir-poutine"));
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn mentions(&self, text: &str, date: Option<Date>) -> Vec<Mention> {
        let mut raw = Vec::new();
        self.inner.matcher.find(text, &mut raw);
        names::mentions(&self.inner, text, &raw, date)
    }
}

/// A raw alias match of [`Gazetteer::find_iter`].
///
/// ```
/// use depeche::gazetteer::{EntityKind, Gazetteer};
///
/// let g = Gazetteer::french_news();
/// let m = g.find_iter("la Maison Blanche").next().unwrap();
/// assert_eq!(m.kind(), EntityKind::Organization);
/// assert_eq!(m.entity().map(|e| e.name()), Some("Maison Blanche"));
/// ```
#[derive(Clone, Copy)]
pub struct Match<'g> {
    span: Span,
    target: Target,
    inner: &'g Inner,
}

impl<'g> Match<'g> {
    /// Where the alias lies in the original text.
    ///
    /// ```
    /// let g = depeche::gazetteer::Gazetteer::french_news();
    /// let text = "d’Emmanuel Macron";
    /// let m = g.find_iter(text).next().unwrap();
    /// assert_eq!(&text[m.span().range()], "Emmanuel Macron");
    /// ```
    pub fn span(&self) -> Span {
        self.span
    }

    /// The kind of the entity, or of the role's holders.
    ///
    /// ```
    /// use depeche::gazetteer::{EntityKind, Gazetteer};
    /// let g = Gazetteer::french_news();
    /// assert_eq!(g.find_iter("porte-parole du Kremlin").next().unwrap().kind(), EntityKind::Person);
    /// ```
    pub fn kind(&self) -> EntityKind {
        match self.target {
            Target::Entity(i) => self.inner.entities[i as usize].kind(),
            Target::Role(i) => self.inner.roles[i as usize].kind,
        }
    }

    /// The entity, for an alias of an entry (`None` for a role phrase).
    ///
    /// ```
    /// let g = depeche::gazetteer::Gazetteer::french_news();
    /// assert_eq!(g.find_iter("Poutine").next().unwrap().entity().map(|e| e.id()), Some("vladimir-poutine"));
    /// ```
    pub fn entity(&self) -> Option<&'g Entity> {
        match self.target {
            Target::Entity(i) => Some(&self.inner.entities[i as usize]),
            Target::Role(_) => None,
        }
    }

    /// The role id, for a role phrase.
    ///
    /// ```
    /// let g = depeche::gazetteer::Gazetteer::french_news();
    /// assert_eq!(g.find_iter("président américain").next().unwrap().role_id(), Some("president-etats-unis"));
    /// ```
    pub fn role_id(&self) -> Option<&'g str> {
        match self.target {
            Target::Entity(_) => None,
            Target::Role(i) => Some(&self.inner.roles[i as usize].id),
        }
    }
}

impl core::fmt::Debug for Match<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Match")
            .field("span", &self.span)
            .field("kind", &self.kind())
            .field("entity", &self.entity().map(Entity::id))
            .field("role", &self.role_id())
            .finish()
    }
}

/// Iterator over the raw matches of a text, made by [`Gazetteer::find_iter`].
pub struct FindIter<'g, 'h> {
    inner: &'g Inner,
    matches: std::vec::IntoIter<RawMatch>,
    _text: core::marker::PhantomData<&'h str>,
}

impl core::fmt::Debug for FindIter<'_, '_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("FindIter").field("remaining", &self.matches.len()).finish()
    }
}

impl<'g> Iterator for FindIter<'g, '_> {
    type Item = Match<'g>;

    fn next(&mut self) -> Option<Match<'g>> {
        let r = self.matches.next()?;
        Some(Match { span: r.span, target: r.target, inner: self.inner })
    }
}

/// Accumulates entries and roles, then builds a [`Gazetteer`].
///
/// Entries and roles keep the order they are given in: error messages name an entry by its
/// position, and when two entries share an alias, the one given last wins (so your own entries,
/// added after [`french_news_dataset`], take precedence over the built-in ones).
///
/// ```
/// use depeche::gazetteer::{self, Entry, EntityKind, Gazetteer, Role, Term};
/// use depeche::Date;
///
/// let mut builder = Gazetteer::builder();
/// builder.dataset(gazetteer::french_news_dataset()?);
/// builder.entry(Entry::new("jean-dupont", "Jean Dupont", EntityKind::Person).with_alias("Dupont"));
/// builder.role(
///     Role::new("maire-trifouilly")
///         .with_alias("maire de Trifouilly")
///         .with_term(Term::new("jean-dupont", Date::new(2020, 7, 3)?, None)),
/// );
/// let g = builder.build()?;
/// let text = "Le maire de Trifouilly a reçu l'ambassadeur.";
/// let m = g.mentions(text, Some(Date::new(2024, 5, 2)?));
/// assert_eq!(&text[m[0].span().range()], "Le maire de Trifouilly");
/// assert_eq!(m[0].entity().map(|e| e.id()), Some("jean-dupont"));
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    entries: Vec<Entry>,
    roles: Vec<Role>,
    firstnames: Vec<(String, Option<Gender>)>,
    unlinked_names: bool,
}

impl Default for GazetteerBuilder {
    fn default() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }
}

impl GazetteerBuilder {
    /// An empty builder (with the built-in list of first names for unlinked persons).
    ///
    /// ```
    /// let g = depeche::gazetteer::GazetteerBuilder::new().build()?;
    /// assert!(g.is_empty());
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            entries: Vec::new(),
            roles: Vec::new(),
            firstnames: data::builtin_firstnames(),
            unlinked_names: true,
        }
    }

    /// Adds one entry.
    ///
    /// ```
    /// use depeche::gazetteer::{Entry, EntityKind, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("otan", "OTAN", EntityKind::Organization)).build()?;
    /// assert_eq!(g.len(), 1);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn entry(&mut self, entry: Entry) -> &mut GazetteerBuilder {
        self.entries.push(entry);
        self
    }

    /// Adds entries.
    ///
    /// ```
    /// use depeche::gazetteer::{Entry, EntityKind, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entries([Entry::new("ue", "UE", EntityKind::Organization), Entry::new("onu", "ONU", EntityKind::Organization)])
    ///     .build()?;
    /// assert_eq!(g.len(), 2);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn entries<I: IntoIterator<Item = Entry>>(&mut self, entries: I) -> &mut GazetteerBuilder {
        self.entries.extend(entries);
        self
    }

    /// Adds one role.
    ///
    /// ```
    /// use depeche::gazetteer::{Gazetteer, Role};
    /// let g = Gazetteer::builder().role(Role::new("maire-paris").with_alias("maire de Paris")).build()?;
    /// assert_eq!(g.role_count(), 1);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn role(&mut self, role: Role) -> &mut GazetteerBuilder {
        self.roles.push(role);
        self
    }

    /// Adds roles.
    ///
    /// ```
    /// use depeche::gazetteer::{Gazetteer, Role};
    /// let g = Gazetteer::builder().roles([Role::new("a").with_alias("maire de Lyon")]).build()?;
    /// assert_eq!(g.role_count(), 1);
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn roles<I: IntoIterator<Item = Role>>(&mut self, roles: I) -> &mut GazetteerBuilder {
        self.roles.extend(roles);
        self
    }

    /// Adds the entries and roles of a dataset.
    ///
    /// ```
    /// use depeche::gazetteer::{self, Gazetteer};
    /// let g = Gazetteer::builder().dataset(gazetteer::french_news_dataset()?).build()?;
    /// assert_eq!(g.len(), Gazetteer::french_news().len());
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn dataset(&mut self, dataset: Dataset) -> &mut GazetteerBuilder {
        self.entries.extend(dataset.entries);
        self.roles.extend(dataset.roles);
        self
    }

    /// Whether [`Gazetteer::mentions`] reports persons that are not in the gazetteer (default
    /// `true`).
    ///
    /// ```
    /// use depeche::gazetteer::Gazetteer;
    /// let g = Gazetteer::builder().unlinked_names(false).build()?;
    /// assert!(g.mentions("M. Dupont a parlé.", None).is_empty());
    /// # Ok::<(), depeche::Error>(())
    /// ```
    pub fn unlinked_names(&mut self, yes: bool) -> &mut GazetteerBuilder {
        self.unlinked_names = yes;
        self
    }

    /// Builds the gazetteer.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidEntry`] for the first entry or role that cannot be used: an empty or
    /// duplicate id, an empty name, an alias that folds to nothing or does not start with a
    /// letter or digit, a term whose holder is not an entry or that ends before it starts.
    /// Entries are numbered from 0 in the order given; roles too, separately (the `name` of the
    /// error then starts with `role `). [`ErrorKind::Matcher`] if the automaton cannot be built.
    ///
    /// ```
    /// use depeche::gazetteer::{Entry, EntityKind, Gazetteer};
    /// use depeche::ErrorKind;
    ///
    /// let err = Gazetteer::builder()
    ///     .entry(Entry::new("kremlin", "Kremlin", EntityKind::Organization))
    ///     .entry(Entry::new("x", "X", EntityKind::Other).with_alias(" - "))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::InvalidEntry { index: 1, field: "aliases", .. }));
    /// assert_eq!(err.to_string(), "gazetteer entry 1 (\"x\"): field aliases: alias \" - \" is empty once folded");
    /// ```
    pub fn build(&self) -> Result<Gazetteer> {
        let mut errors = Vec::new();
        let g = self.compile(&mut errors)?;
        match errors.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(g),
        }
    }

    /// Builds, leaving out whatever is invalid (for the built-in data).
    fn build_lenient(&self) -> Gazetteer {
        let mut errors = Vec::new();
        match self.compile(&mut errors) {
            Ok(g) => g,
            Err(_) => Gazetteer {
                inner: Arc::new(Inner {
                    entities: Vec::new(),
                    by_id: HashMap::new(),
                    roles: Vec::new(),
                    matcher: Matcher::empty(),
                    firstnames: names::FirstNames::default(),
                    unlinked_names: false,
                }),
            },
        }
    }

    /// Compiles everything that is valid; invalid items are reported in `errors` and left out.
    fn compile(&self, errors: &mut Vec<Error>) -> Result<Gazetteer> {
        let invalid = |index: usize, name: &str, field: &'static str, reason: String| -> Error {
            ErrorKind::InvalidEntry { index, name: name.to_string(), field, reason }.into()
        };
        let mut entities = Vec::with_capacity(self.entries.len());
        let mut by_id: HashMap<String, u32> = HashMap::with_capacity(self.entries.len());
        let mut keys: Vec<Key> = Vec::new();
        let mut key_index: HashMap<Box<[u8]>, usize> = HashMap::new();
        let mut add_key = |key: Vec<u8>, target: AliasTarget| {
            let key: Box<[u8]> = key.into();
            match key_index.get(&key) {
                Some(&k) => {
                    let targets = &mut keys[k].targets;
                    if !targets.iter().any(|t| t.target == target.target && t.exact == target.exact) {
                        targets.insert(0, target);
                    }
                }
                None => {
                    key_index.insert(key.clone(), keys.len());
                    keys.push(Key { folded: key, targets: vec![target] });
                }
            }
        };
        for (index, e) in self.entries.iter().enumerate() {
            let label = if e.id.is_empty() { e.name.as_str() } else { e.id.as_str() };
            if e.id.trim().is_empty() {
                errors.push(invalid(index, label, "id", "id is empty".to_string()));
                continue;
            }
            if e.name.trim().is_empty() {
                errors.push(invalid(index, label, "name", "name is empty".to_string()));
                continue;
            }
            if by_id.contains_key(&e.id) {
                errors.push(invalid(index, label, "id", format!("duplicate id {:?}", e.id)));
                continue;
            }
            let mut compiled = Vec::with_capacity(e.aliases.len() + 1);
            let mut bad = false;
            for (field, alias) in core::iter::once(("name", &e.name)).chain(e.aliases.iter().map(|a| ("aliases", a))) {
                match matcher::compile_alias(alias) {
                    Ok(c) => compiled.push(c),
                    Err(why) => {
                        errors.push(invalid(index, label, field, alias_reason(alias, why)));
                        bad = true;
                    }
                }
            }
            if bad && compiled.is_empty() {
                continue;
            }
            let i = entities.len() as u32;
            by_id.insert(e.id.clone(), i);
            entities.push(Entity(Arc::new(EntityData {
                id: e.id.clone(),
                name: e.name.trim().to_string(),
                kind: e.kind,
                gender: e.gender,
                external_ids: e.external_ids.clone(),
                attributes: e.attributes.clone(),
            })));
            for c in compiled {
                add_key(c.key, AliasTarget { target: Target::Entity(i), exact: c.exact });
            }
        }
        let mut roles: Vec<CompiledRole> = Vec::with_capacity(self.roles.len());
        let mut role_ids: HashMap<&str, ()> = HashMap::new();
        for (index, r) in self.roles.iter().enumerate() {
            let label = format!("role {}", r.id);
            if r.id.trim().is_empty() {
                errors.push(invalid(index, &label, "id", "id is empty".to_string()));
                continue;
            }
            if by_id.contains_key(&r.id) || role_ids.insert(&r.id, ()).is_some() {
                errors.push(invalid(index, &label, "id", format!("duplicate id {:?}", r.id)));
                continue;
            }
            let ri = roles.len() as u32;
            for alias in &r.aliases {
                match matcher::compile_alias(alias) {
                    Ok(c) => add_key(c.key, AliasTarget { target: Target::Role(ri), exact: c.exact }),
                    Err(why) => errors.push(invalid(index, &label, "aliases", alias_reason(alias, why))),
                }
            }
            let mut terms = Vec::with_capacity(r.terms.len());
            for t in &r.terms {
                let Some(&h) = by_id.get(&t.holder) else {
                    errors.push(invalid(index, &label, "terms", format!("holder {:?} is not an entry id", t.holder)));
                    continue;
                };
                if t.to.is_some_and(|to| to < t.from) {
                    errors.push(invalid(index, &label, "terms", format!("term of {} ends before it starts", t.holder)));
                    continue;
                }
                terms.push((h, t.from, t.to));
            }
            terms.sort_by_key(|t| t.1);
            roles.push(CompiledRole { id: r.id.as_str().into(), kind: r.kind, terms });
        }
        let matcher = Matcher::new(keys).map_err(|reason| Error::from(ErrorKind::Matcher { reason }))?;
        // First names are looked up as written (`Éric`) and unaccented (`Eric`), without folding
        // each capitalised word of the text.
        let mut firstnames = names::FirstNames::default();
        for (n, g) in &self.firstnames {
            let folded = crate::typography::fold_key(n);
            let mut chars = folded.chars();
            let title: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
            firstnames.insert(title, *g);
            firstnames.insert(n.clone(), *g);
        }
        Ok(Gazetteer {
            inner: Arc::new(Inner { entities, by_id, roles, matcher, firstnames, unlinked_names: self.unlinked_names }),
        })
    }
}

fn alias_reason(alias: &str, why: AliasError) -> String {
    match why {
        AliasError::Empty => format!("alias {alias:?} is empty once folded"),
        AliasError::BadStart => format!("alias {alias:?} does not start with a letter or a digit"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_short() {
        let g = Gazetteer::french_news();
        let s = format!("{g:?}");
        assert!(s.starts_with("Gazetteer { entries: ") && s.len() < 100, "{s}");
        let m = g.find_iter("le Kremlin").next().map(|m| format!("{m:?}"));
        assert_eq!(
            m.as_deref(),
            Some(
                "Match { span: Span { start: 3, end: 10 }, kind: Organization, entity: Some(\"kremlin\"), role: None }"
            )
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn mention_serializes() {
        let g = Gazetteer::french_news();
        let m = g.mentions("Mme Claire Dubois", None);
        let json = serde_json::to_string(&m[0]).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"start":4,"end":17,"kind":"person","entity":null,"name":"Claire Dubois","gender":"feminine","nominal":false,"role":null}"#
        );
    }

    #[test]
    fn send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Gazetteer>();
        assert_send_sync::<Mention>();
        assert_send_sync::<Entity>();
    }
}
