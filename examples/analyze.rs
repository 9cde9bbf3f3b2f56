//! Analyses French news articles and prints one JSON analysis a line (the contract of
//! `SCHEMA.md`: sentences, entities, quotes, dates, every span in UTF-8 byte offsets).
//!
//! ```text
//! analyze [--published YYYY-MM-DD] [--prefer tense|past|future] FILE...
//! analyze --jsonl [--reference YYYY-MM-DD] [--prefer tense|past|future] < docs.jsonl
//! ```
//!
//! With `--jsonl`, each input line is `{"id": …, "text": …, "published": "YYYY-MM-DD" | null}`;
//! a document without `published` is resolved against `--reference`, if given. Bad input (a line
//! that is not JSON, a missing `text`, a bad date, a file that is not UTF-8) is reported on stderr
//! with its line or file, and the program goes on; the exit status is 1 if anything was rejected,
//! 2 for bad arguments.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use depeche::analysis::Document;
use depeche::temporal::Prefer;
use depeche::{Analyzer, Date};

const USAGE: &str = "usage: analyze [--published YYYY-MM-DD] [--prefer tense|past|future] FILE...\n       analyze --jsonl [--reference YYYY-MM-DD] [--prefer tense|past|future] < docs.jsonl";

struct Args {
    jsonl: bool,
    published: Option<Date>,
    reference: Option<Date>,
    prefer: Prefer,
    files: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { jsonl: false, published: None, reference: None, prefer: Prefer::Tense, files: Vec::new() };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--jsonl" => args.jsonl = true,
            "--published" => {
                args.published = Some(value("--published")?.parse().map_err(|e| format!("--published: {e}"))?)
            }
            "--reference" => {
                args.reference = Some(value("--reference")?.parse().map_err(|e| format!("--reference: {e}"))?)
            }
            "--prefer" => {
                args.prefer = match value("--prefer")?.as_str() {
                    "tense" => Prefer::Tense,
                    "past" => Prefer::Past,
                    "future" => Prefer::Future,
                    other => return Err(format!("--prefer: expected tense, past or future, got {other:?}")),
                }
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown flag {s}")),
            _ => args.files.push(a),
        }
    }
    if !args.jsonl && args.files.is_empty() {
        return Err("give files to analyse, or --jsonl to read JSON lines on stdin".into());
    }
    Ok(args)
}

#[derive(serde::Serialize)]
struct Output<'a, 't> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    analysis: &'a depeche::Analysis<'t>,
}

fn emit(out: &mut impl Write, id: &serde_json::Value, analysis: &depeche::Analysis<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &Output { id, analysis }).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// One input document of the JSON-lines mode.
#[derive(serde::Deserialize)]
struct Doc {
    #[serde(default)]
    id: serde_json::Value,
    text: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

/// Documents are read in chunks and each chunk goes through the batch entry point (all cores
/// with the `rayon` feature), so memory stays bounded by a chunk however large the input is.
const CHUNK_DOCS: usize = 64;
const CHUNK_BYTES: usize = 16 << 20;

struct Pending {
    id: serde_json::Value,
    text: String,
    published: Option<Date>,
}

/// Analyses the pending documents and writes their lines. Each analysis is serialized by the
/// worker that made it (`analyze_batch_map`): with `rayon`, the JSON output is written on every
/// core too, and only the copy of the finished lines to `out` is left to this thread.
fn flush(analyzer: &Analyzer, pending: &mut Vec<Pending>, out: &mut impl Write) -> io::Result<()> {
    let docs: Vec<Document<'_>> = pending.iter().map(|p| Document::new(&p.text, p.published)).collect();
    let lines = analyzer.analyze_batch_map(&docs, |i, analysis| {
        let mut line = Vec::with_capacity(pending[i].text.len() / 2 + 256);
        emit(&mut line, &pending[i].id, &analysis).map(|()| line)
    });
    for line in lines {
        out.write_all(&line?)?;
    }
    pending.clear();
    Ok(())
}

fn run_jsonl(analyzer: &Analyzer, out: &mut impl Write) -> io::Result<bool> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut buf = Vec::new();
    let mut ok = true;
    let mut line_no = 0usize;
    let mut pending: Vec<Pending> = Vec::new();
    let mut pending_bytes = 0usize;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        let line = match std::str::from_utf8(&buf) {
            Ok(l) => l.trim(),
            Err(e) => {
                eprintln!("analyze: stdin line {line_no}: not UTF-8 ({e})");
                ok = false;
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        let doc: Doc = match serde_json::from_str(line) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("analyze: stdin line {line_no}: not a JSON document ({e})");
                ok = false;
                continue;
            }
        };
        let Some(text) = doc.text else {
            eprintln!("analyze: stdin line {line_no}: no \"text\" string field");
            ok = false;
            continue;
        };
        let published = match doc.published.as_deref() {
            None => None,
            Some(s) => match s.parse::<Date>() {
                Ok(d) => Some(d),
                Err(e) => {
                    eprintln!("analyze: stdin line {line_no}: \"published\": {e}");
                    ok = false;
                    continue;
                }
            },
        };
        pending_bytes += text.len();
        pending.push(Pending { id: doc.id, text, published });
        if pending.len() >= CHUNK_DOCS || pending_bytes >= CHUNK_BYTES {
            flush(analyzer, &mut pending, out)?;
            pending_bytes = 0;
        }
    }
    flush(analyzer, &mut pending, out)?;
    Ok(ok)
}

fn run_files(analyzer: &Analyzer, args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    for path in &args.files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("analyze: {path}: {e}");
                ok = false;
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("analyze: {path}: not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to());
                ok = false;
                continue;
            }
        };
        let analysis = analyzer.analyze(&text, args.published);
        emit(out, &serde_json::Value::String(path.clone()), &analysis)?;
    }
    Ok(ok)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("analyze: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let analyzer = match Analyzer::builder().prefer(args.prefer).reference(args.reference).build() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("analyze: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if args.jsonl { run_jsonl(&analyzer, &mut out) } else { run_files(&analyzer, &args, &mut out) };
    let result = result.and_then(|ok| out.flush().map(|()| ok));
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("analyze: {e}");
            ExitCode::from(1)
        }
    }
}
