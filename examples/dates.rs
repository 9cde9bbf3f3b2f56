//! Prints every temporal expression of a French text with its resolved value.
//!
//! ```text
//! cargo run --example dates -- --published 2017-01-28 article.txt
//! echo "Il est arrivé hier." | cargo run --example dates -- --published 2017-01-28
//! ```
//!
//! Options: `--published YYYY-MM-DD` (the reference date; without it only expressions with
//! their own year are resolved), `--prefer past|future|tense`. Reads the file named on the
//! command line, or stdin. Prints one line per expression: byte span, text, TIMEX3 value,
//! grain, modifier, anchor, and `inconsistent` when the weekday disagrees with the date.

use std::io::Read;
use std::process::ExitCode;

use depeche::temporal::{DateResolver, Prefer};
use depeche::Date;

fn main() -> ExitCode {
    let mut published: Option<Date> = None;
    let mut prefer = Prefer::Tense;
    let mut path: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--published" => match args.next().map(|s| s.parse::<Date>()) {
                Some(Ok(d)) => published = Some(d),
                Some(Err(e)) => {
                    eprintln!("dates: --published: {e}");
                    return ExitCode::from(2);
                }
                None => {
                    eprintln!("dates: --published needs a date YYYY-MM-DD");
                    return ExitCode::from(2);
                }
            },
            "--prefer" => {
                prefer = match args.next().as_deref() {
                    Some("past") => Prefer::Past,
                    Some("future") => Prefer::Future,
                    Some("tense") => Prefer::Tense,
                    other => {
                        eprintln!("dates: --prefer expects past, future or tense, got {other:?}");
                        return ExitCode::from(2);
                    }
                }
            }
            "-h" | "--help" => {
                println!("usage: dates [--published YYYY-MM-DD] [--prefer past|future|tense] [FILE]");
                return ExitCode::SUCCESS;
            }
            _ => path = Some(a),
        }
    }
    let text = match path {
        Some(p) => match std::fs::read_to_string(&p) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("dates: cannot read {p}: {e}");
                return ExitCode::from(1);
            }
        },
        None => {
            let mut t = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut t) {
                eprintln!("dates: cannot read stdin: {e}");
                return ExitCode::from(1);
            }
            t
        }
    };
    let resolver = DateResolver::new(published).prefer(prefer);
    for e in resolver.find(&text) {
        println!(
            "{}..{}\t{}\t{}\t{}\t{}\t{:?}{}",
            e.span.start,
            e.span.end,
            &text[e.span.range()],
            e.timex(),
            e.grain().as_str(),
            e.modifier().map_or("-", |m| m.as_str()),
            e.anchor(),
            if e.is_inconsistent() { "\tinconsistent" } else { "" }
        );
    }
    ExitCode::SUCCESS
}
