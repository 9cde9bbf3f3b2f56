//! What a downstream crate does with depeche: its own gazetteer entries and reporting verb, a
//! batch of articles, the cross-links, and JSON out. Exits non-zero if the public API stops
//! giving the expected answers.

use std::process::ExitCode;

use depeche::analysis::Document;
use depeche::gazetteer::{self, EntityKind, Entry, Gazetteer, Gender};
use depeche::quotes::QuoteExtractor;
use depeche::{Analyzer, Date};

fn run() -> Result<(), String> {
    let gazetteer = Gazetteer::builder()
        .dataset(gazetteer::french_news_dataset().map_err(|e| e.to_string())?)
        .entry(
            Entry::new("odile-ferrand", "Odile Ferrand", EntityKind::Person)
                .with_alias("Ferrand")
                .with_gender(Gender::Feminine),
        )
        .build()
        .map_err(|e| e.to_string())?;
    let quotes = QuoteExtractor::builder().verb("grommeler", "er:dbl", "qdi").build().map_err(|e| e.to_string())?;
    let analyzer = Analyzer::builder()
        .gazetteer(gazetteer)
        .quote_extractor(quotes)
        .reference(Date::new(2024, 6, 1).ok())
        .build()
        .map_err(|e| e.to_string())?;

    let first = "« Nous rouvrirons la halle en septembre », a annoncé mardi Odile Ferrand.";
    let second = "« Encore une étude », grommelle Ferrand devant les commerçants.";
    let docs = [Document::new(first, Date::new(2024, 3, 14).ok()), Document::new(second, None)];
    let analyses = analyzer.analyze_batch(&docs);
    if analyses.len() != 2 {
        return Err(format!("expected 2 analyses, got {}", analyses.len()));
    }
    for (doc, analysis) in docs.iter().zip(&analyses) {
        let said: Vec<_> = analysis.quotes_of("odile-ferrand").collect();
        if said.len() != 1 {
            return Err(format!("expected one quote of odile-ferrand in {:?}, got {:?}", doc.text, analysis.quotes()));
        }
        let quote = said[0];
        if analysis.speaker_entity(quote).map(|e| e.name()) != Some("Odile Ferrand") {
            return Err(format!("speaker entity of {:?} is not Odile Ferrand", doc.text));
        }
        println!("{}", serde_json::to_string(analysis).map_err(|e| e.to_string())?);
    }
    let tuesday = &analyses[0];
    let mardi = tuesday.dates().iter().find(|d| &tuesday.text()[d.span.range()] == "mardi").map(|d| d.timex());
    if mardi.as_deref() != Some("2024-03-12") {
        return Err(format!("expected mardi = 2024-03-12, got {mardi:?}"));
    }
    // The cross-link from a sentence to its dates sees the same expressions.
    if tuesday.dates_in_sentence(0).len() != tuesday.dates().len() {
        return Err("dates_in_sentence(0) disagrees with dates()".into());
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("downstream: {e}");
            ExitCode::FAILURE
        }
    }
}
