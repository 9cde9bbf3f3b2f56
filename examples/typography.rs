//! Prints the canonical and typeset forms of each input line as one JSON object a line:
//! `{"input": …, "canonical": …, "typeset": …}`.
//!
//! ```text
//! typography [FILE]              # one text per line of FILE, or of stdin
//! typography --jsonl [FILE]      # one JSON object {"text": …} (or {"input": …}) per line
//! ```
//!
//! `--jsonl` lets an input hold line breaks. A line that is not valid JSON, or has no string
//! `text`/`input`, is reported on stderr with its number and skipped; the exit status is 1 if any
//! line was rejected, 2 for bad arguments or an unreadable file.

use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use depeche::typography::{canonical, typeset};

const USAGE: &str = "usage: typography [--jsonl] [FILE]";

/// One output line, fields in this order.
#[derive(serde::Serialize)]
struct Record<'a> {
    input: &'a str,
    canonical: &'a str,
    typeset: &'a str,
}

fn main() -> ExitCode {
    let mut jsonl = false;
    let mut file: Option<String> = None;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--jsonl" => jsonl = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => {
                eprintln!("typography: unknown flag {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ if file.is_some() => {
                eprintln!("typography: give at most one file\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => file = Some(a),
        }
    }
    let reader: Box<dyn BufRead> = match &file {
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                eprintln!("typography: {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => Box::new(io::stdin().lock()),
    };
    let name = file.as_deref().unwrap_or("<stdin>");
    let mut out = BufWriter::new(io::stdout().lock());
    let mut rejected = false;
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("typography: {name}: {e}");
                return ExitCode::from(2);
            }
        };
        let Ok(line) = String::from_utf8(line) else {
            eprintln!("typography: {name}:{}: not UTF-8, skipped", n + 1);
            rejected = true;
            continue;
        };
        let input = if jsonl {
            if line.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value = match serde_json::from_str(&line) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("typography: {name}:{}: not JSON ({e}), skipped", n + 1);
                    rejected = true;
                    continue;
                }
            };
            match value.get("text").or_else(|| value.get("input")).and_then(|v| v.as_str()) {
                Some(s) => s.to_string(),
                None => {
                    eprintln!("typography: {name}:{}: no string \"text\" or \"input\", skipped", n + 1);
                    rejected = true;
                    continue;
                }
            }
        } else {
            line.strip_suffix('\r').unwrap_or(&line).to_string()
        };
        let (c, t) = (canonical(&input), typeset(&input));
        let record = Record { input: &input, canonical: c.as_str(), typeset: t.as_str() };
        let Ok(json) = serde_json::to_string(&record) else { return ExitCode::from(2) };
        if writeln!(out, "{json}").is_err() {
            return ExitCode::from(2);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    if rejected {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
