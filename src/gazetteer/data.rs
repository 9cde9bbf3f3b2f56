//! The built-in French-news data: readable TSV files in `src/gazetteer/data/` (format in the
//! comments at the top of each file), parsed once. Every line that cannot be read gives an
//! [`ErrorKind::InvalidData`] naming the file, the line and the reason.

use super::entry::{Dataset, Entry, Role, Term};
use super::{EntityKind, Gender};
use crate::error::{Error, ErrorKind, Result};
use crate::Date;

/// Entity files: `id kind name gender wikidata aliases`.
const ENTITY_FILES: &[(&str, &str)] = &[
    ("persons.tsv", include_str!("data/persons.tsv")),
    ("organizations.tsv", include_str!("data/organizations.tsv")),
    ("locations.tsv", include_str!("data/locations.tsv")),
    ("media.tsv", include_str!("data/media.tsv")),
    ("misc.tsv", include_str!("data/misc.tsv")),
];
const ROLES: &str = include_str!("data/roles.tsv");
const TERMS: &str = include_str!("data/terms.tsv");
const FIRSTNAMES: &str = include_str!("data/firstnames.tsv");

fn bad(source: &str, line: usize, reason: impl Into<String>) -> Error {
    ErrorKind::InvalidData { source_name: source.to_string(), line, reason: reason.into() }.into()
}

/// The data lines of a TSV file with their 1-based line numbers (comments and blank lines
/// skipped).
fn lines(src: &str) -> impl Iterator<Item = (usize, &str)> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn parse_kind(s: &str) -> Option<EntityKind> {
    Some(match s.trim() {
        "person" => EntityKind::Person,
        "organization" | "organisation" => EntityKind::Organization,
        "location" => EntityKind::Location,
        "event" => EntityKind::Event,
        "work" => EntityKind::Work,
        "other" => EntityKind::Other,
        _ => return None,
    })
}

fn split_aliases(s: &str) -> Vec<String> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty()).map(str::to_string).collect()
}

/// Parses one entity file, appending good entries to `out` and bad lines to `errors`.
pub(crate) fn parse_entities(src: &str, source: &str, out: &mut Vec<Entry>, errors: &mut Vec<Error>) {
    for (n, line) in lines(src) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 || cols.len() > 6 {
            errors.push(bad(
                source,
                n,
                format!(
                    "expected 6 tab-separated columns (id kind name gender wikidata aliases), found {}",
                    cols.len()
                ),
            ));
            continue;
        }
        let id = cols[0].trim();
        if id.is_empty() {
            errors.push(bad(source, n, "column id is empty"));
            continue;
        }
        let Some(kind) = parse_kind(cols[1]) else {
            errors.push(bad(source, n, format!("column kind: unknown kind {:?} for {id}", cols[1])));
            continue;
        };
        let name = cols[2].trim();
        if name.is_empty() {
            errors.push(bad(source, n, format!("column name is empty for {id}")));
            continue;
        }
        let gender = match cols[3].trim() {
            "" => None,
            "m" | "M" => Some(Gender::Masculine),
            "f" | "F" => Some(Gender::Feminine),
            g => {
                errors.push(bad(source, n, format!("column gender: {g:?} is not m, f or empty for {id}")));
                continue;
            }
        };
        let mut entry = Entry::new(id, name, kind);
        entry.gender = gender;
        let qid = cols[4].trim();
        if !qid.is_empty() {
            let ok = qid.len() > 1 && qid.starts_with('Q') && qid[1..].bytes().all(|b| b.is_ascii_digit());
            if !ok {
                errors.push(bad(source, n, format!("column wikidata: {qid:?} is not a Q-id for {id}")));
                continue;
            }
            entry.external_ids.insert("wikidata".to_string(), qid.to_string());
        }
        if let Some(aliases) = cols.get(5) {
            entry.aliases = split_aliases(aliases);
        }
        out.push(entry);
    }
}

/// Parses `roles.tsv`: `role_id kind aliases`.
pub(crate) fn parse_roles(src: &str, source: &str, out: &mut Vec<Role>, errors: &mut Vec<Error>) {
    for (n, line) in lines(src) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 3 {
            errors.push(bad(
                source,
                n,
                format!("expected 3 tab-separated columns (role_id kind aliases), found {}", cols.len()),
            ));
            continue;
        }
        let id = cols[0].trim();
        if id.is_empty() {
            errors.push(bad(source, n, "column role_id is empty"));
            continue;
        }
        let Some(kind) = parse_kind(cols[1]) else {
            errors.push(bad(source, n, format!("column kind: unknown kind {:?} for {id}", cols[1])));
            continue;
        };
        let mut role = Role::new(id);
        role.kind = kind;
        role.aliases = split_aliases(cols[2]);
        out.push(role);
    }
}

/// Parses `terms.tsv` (`role_id holder_id from to [note]`) into the roles already read.
pub(crate) fn parse_terms(src: &str, source: &str, roles: &mut [Role], errors: &mut Vec<Error>) {
    for (n, line) in lines(src) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || cols.len() > 5 {
            errors.push(bad(
                source,
                n,
                format!("expected 4 or 5 tab-separated columns (role_id holder_id from to note), found {}", cols.len()),
            ));
            continue;
        }
        let role_id = cols[0].trim();
        let Some(role) = roles.iter_mut().find(|r| r.id == role_id) else {
            errors.push(bad(source, n, format!("column role_id: unknown role {role_id:?}")));
            continue;
        };
        let holder = cols[1].trim();
        if holder.is_empty() {
            errors.push(bad(source, n, "column holder_id is empty"));
            continue;
        }
        let from = match cols[2].trim().parse::<Date>() {
            Ok(d) => d,
            Err(e) => {
                errors.push(bad(source, n, format!("column from: {e}")));
                continue;
            }
        };
        let to = match cols[3].trim() {
            "" => None,
            s => match s.parse::<Date>() {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(bad(source, n, format!("column to: {e}")));
                    continue;
                }
            },
        };
        let mut term = Term::new(holder, from, to);
        term.note = cols.get(4).map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
        role.terms.push(term);
    }
}

/// First names with their gender when clear.
pub(crate) type FirstNames = Vec<(String, Option<Gender>)>;

/// Parses `firstnames.tsv` (`firstname gender`): gender `m`, `f` or `?` (both).
pub(crate) fn parse_firstnames(src: &str, source: &str, errors: &mut Vec<Error>) -> FirstNames {
    let mut out = Vec::new();
    for (n, line) in lines(src) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 2 {
            errors.push(bad(
                source,
                n,
                format!("expected 2 tab-separated columns (firstname gender), found {}", cols.len()),
            ));
            continue;
        }
        let gender = match cols[1].trim() {
            "m" => Some(Gender::Masculine),
            "f" => Some(Gender::Feminine),
            "?" | "" => None,
            g => {
                errors.push(bad(source, n, format!("column gender: {g:?} is not m, f or ?")));
                continue;
            }
        };
        out.push((cols[0].trim().to_string(), gender));
    }
    out
}

/// The built-in data, with every line that could not be read reported in the second list.
pub(crate) fn builtin() -> (Dataset, FirstNames, Vec<Error>) {
    let mut errors = Vec::new();
    let mut data = Dataset::default();
    for (name, src) in ENTITY_FILES {
        parse_entities(src, name, &mut data.entries, &mut errors);
    }
    parse_roles(ROLES, "roles.tsv", &mut data.roles, &mut errors);
    parse_terms(TERMS, "terms.tsv", &mut data.roles, &mut errors);
    let firstnames = parse_firstnames(FIRSTNAMES, "firstnames.tsv", &mut errors);
    (data, firstnames, errors)
}

/// The built-in French-news entries and roles, to merge with your own before building.
///
/// # Errors
///
/// [`ErrorKind::InvalidData`] for the first line of a built-in file that cannot be read (the
/// crate's tests check that there is none).
///
/// ```
/// use depeche::gazetteer::{self, Entry, EntityKind, Gazetteer};
///
/// let mut builder = Gazetteer::builder();
/// builder
///     .dataset(gazetteer::french_news_dataset()?)
///     .entry(Entry::new("gael-kerherve", "Gaël Kerhervé", EntityKind::Person).with_alias("Kerhervé"));
/// let gazetteer = builder.build()?;
/// let text = "Kerhervé a rencontré Vladimir Poutine.";
/// let mentions = gazetteer.mentions(text, None);
/// let ids: Vec<&str> = mentions.iter().filter_map(|m| m.entity()).map(|e| e.id()).collect();
/// assert_eq!(ids, ["gael-kerherve", "vladimir-poutine"]);
/// # Ok::<(), depeche::Error>(())
/// ```
pub fn french_news_dataset() -> Result<Dataset> {
    let (data, _, mut errors) = builtin();
    if errors.is_empty() {
        Ok(data)
    } else {
        Err(errors.swap_remove(0))
    }
}

/// The built-in list of first names (folded key or as written, gender when clear).
pub(crate) fn builtin_firstnames() -> FirstNames {
    let mut errors = Vec::new();
    parse_firstnames(FIRSTNAMES, "firstnames.tsv", &mut errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_reads_without_error() {
        let (data, firstnames, errors) = builtin();
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(msgs.is_empty(), "built-in data errors:\n{}", msgs.join("\n"));
        assert!(!data.entries.is_empty());
        assert!(!firstnames.is_empty());
    }

    // (file text, expected error message) — each row names the rule it pins.
    const BAD: &[(&str, &str)] = &[
        // too few columns
        (
            "a\tperson\tA",
            "t.tsv line 1: expected 6 tab-separated columns (id kind name gender wikidata aliases), found 3",
        ),
        // unknown kind
        ("# c\na\tthing\tA\t\t\t", "t.tsv line 2: column kind: unknown kind \"thing\" for a"),
        // bad gender
        ("a\tperson\tA\tx\t\t", "t.tsv line 1: column gender: \"x\" is not m, f or empty for a"),
        // bad wikidata id
        ("a\tperson\tA\tm\tP31\t", "t.tsv line 1: column wikidata: \"P31\" is not a Q-id for a"),
        // empty name
        ("a\tperson\t \tm\t\t", "t.tsv line 1: column name is empty for a"),
    ];

    #[test]
    fn bad_entity_lines() {
        for &(src, want) in BAD {
            let mut out = Vec::new();
            let mut errors = Vec::new();
            parse_entities(src, "t.tsv", &mut out, &mut errors);
            let got: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            assert_eq!(got, [want], "input {src:?}");
            assert!(out.is_empty(), "input {src:?}");
        }
    }

    #[test]
    fn bad_terms() {
        let mut roles = Vec::new();
        let mut errors = Vec::new();
        parse_roles("r\tperson\tprésident russe", "roles.tsv", &mut roles, &mut errors);
        parse_terms(
            "r\tv\t2012-05-07\t\nx\tv\t2012-05-07\t\nr\tv\t2012-13-07\t\n",
            "terms.tsv",
            &mut roles,
            &mut errors,
        );
        let got: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0], "terms.tsv line 2: column role_id: unknown role \"x\"");
        assert!(got[1].starts_with("terms.tsv line 3: column from: invalid date"), "{}", got[1]);
        assert_eq!(roles[0].terms.len(), 1);
    }
}
