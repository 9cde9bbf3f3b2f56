//! The whole analyzer on arbitrary text: no panic, every span slices the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let analyzer = depeche::Analyzer::new();
    let a = analyzer.analyze(text, depeche::Date::new(2017, 1, 28).ok());
    for s in a.sentences() {
        assert!(text.get(s.span.range()).is_some());
    }
    for m in a.mentions() {
        assert!(text.get(m.span().range()).is_some());
    }
    for q in a.quotes() {
        assert!(text.get(q.span.range()).is_some());
    }
    for d in a.dates() {
        assert!(text.get(d.span.range()).is_some());
    }
});
