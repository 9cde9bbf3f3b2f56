//! Prints every entity mention of an article, with the built-in French-news gazetteer merged
//! with your own entries.
//!
//! ```text
//! gazetteer [--entries ENTRIES.json] [--published YYYY-MM-DD] [ARTICLE.txt]
//! ```
//!
//! `ENTRIES.json` is `{"entries": [...], "roles": [...]}` (either list may be left out) or a
//! bare list of entries; an entry is `{"id", "name", "kind", "gender"?, "aliases"?,
//! "external_ids"?, "attributes"?}`, a role `{"id", "aliases", "terms": [{"holder", "from",
//! "to"?}]}`. Your entries come after the built-in ones, so they win where an alias is shared.
//! The article is read from the file, or from stdin. One mention a line:
//! `start..end<TAB>text<TAB>kind<TAB>id or -<TAB>name or -`.
//!
//! ```text
//! cargo run --example gazetteer -- --entries examples/data/gazetteer-entries.json \
//!     --published 2024-03-12 examples/data/gazetteer-article.txt
//! ```

use std::io::Read;
use std::process::ExitCode;

use depeche::gazetteer::{self, Dataset, Entry, Gazetteer};
use depeche::Date;

const USAGE: &str = "usage: gazetteer [--entries ENTRIES.json] [--published YYYY-MM-DD] [ARTICLE.txt]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("gazetteer: {msg}");
            ExitCode::from(2)
        }
    }
}

fn load_entries(path: &str) -> Result<Dataset, String> {
    let json = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    // Either a dataset object or a bare list of entries.
    match serde_json::from_str::<Dataset>(&json) {
        Ok(d) => Ok(d),
        Err(first) => match serde_json::from_str::<Vec<Entry>>(&json) {
            Ok(entries) => Ok(Dataset { entries, roles: Vec::new() }),
            Err(_) => Err(format!("{path}: {first}")),
        },
    }
}

fn run() -> Result<(), String> {
    let mut entries = None;
    let mut published = None;
    let mut article = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--entries" => entries = Some(args.next().ok_or(USAGE)?),
            "--published" => {
                let value = args.next().ok_or(USAGE)?;
                published = Some(value.parse::<Date>().map_err(|e| e.to_string())?);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ => article = Some(arg),
        }
    }
    let gazetteer = match entries {
        None => Gazetteer::french_news(),
        Some(path) => {
            let own = load_entries(&path)?;
            let mut builder = Gazetteer::builder();
            builder.dataset(gazetteer::french_news_dataset().map_err(|e| e.to_string())?);
            builder.dataset(own);
            builder.build().map_err(|e| format!("{path}: {e}"))?
        }
    };
    let text = match article {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| format!("stdin: {e}"))?;
            s
        }
    };
    for m in gazetteer.mentions(&text, published) {
        let span = m.span();
        println!(
            "{}..{}\t{}\t{}\t{}\t{}",
            span.start,
            span.end,
            &text[span.range()],
            m.kind().as_str(),
            m.entity().map_or("-", |e| e.id()),
            m.name().unwrap_or("-"),
        );
    }
    Ok(())
}
