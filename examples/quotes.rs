//! Prints who said what in a French article.
//!
//! ```text
//! cargo run --example quotes -- ARTICLE.txt
//! cargo run --example quotes < ARTICLE.txt
//! ```
//!
//! One line a quotation: kind, speaker (mention → referent, how it was resolved), confidence,
//! cue and the quoted words. The quote layer runs alone here (no gazetteer mentions): names are
//! resolved through their full mention earlier in the article.

use std::io::Read;
use std::process::ExitCode;

use depeche::quotes::QuoteExtractor;

fn main() -> ExitCode {
    let mut text = String::new();
    let read = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map(|t| text = t).map_err(|e| format!("{path}: {e}")),
        None => std::io::stdin().read_to_string(&mut text).map(|_| ()).map_err(|e| format!("stdin: {e}")),
    };
    if let Err(e) = read {
        eprintln!("quotes: {e}");
        return ExitCode::FAILURE;
    }
    let extractor = QuoteExtractor::new();
    for q in extractor.extract(&text, &[], &[]) {
        let quoted = &text[q.span.range()];
        let who = match &q.speaker {
            Some(s) => {
                let mention = &text[s.span.range()];
                match &s.name {
                    Some(name) if name != mention => format!("{mention} → {name} ({:?})", s.resolution),
                    _ => format!("{mention} ({:?})", s.resolution),
                }
            }
            None => "?".to_string(),
        };
        let cue = q.cue.as_ref().map_or(String::new(), |c| format!(" [{}]", c.lemma));
        println!("{:<8} {:.2} {who}{cue}: {quoted}", q.kind.as_str(), q.confidence);
    }
    ExitCode::SUCCESS
}
