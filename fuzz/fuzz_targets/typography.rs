//! The typography forms on arbitrary text: no panic, idempotence, offset maps that slice the
//! original.
#![no_main]
use libfuzzer_sys::fuzz_target;
use depeche::typography::{canonical, fold, typeset};
use depeche::Span;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let c = canonical(text);
    assert_eq!(canonical(c.as_str()).as_str(), c.as_str(), "canonical is not idempotent");
    let t = typeset(text);
    assert_eq!(typeset(t.as_str()).as_str(), t.as_str(), "typeset is not idempotent");
    assert_eq!(canonical(t.as_str()).as_str(), c.as_str(), "canonical(typeset(x)) != canonical(x)");
    let f = fold(text);
    for out in [c.as_str(), t.as_str(), f.as_str()] {
        assert!(out.len() < 8 * text.len() + 16);
    }
    for (out, map) in [(c.as_str(), c.map()), (t.as_str(), t.map()), (f.as_str(), f.map())] {
        let ends: Vec<usize> = (0..=out.len()).filter(|&i| out.is_char_boundary(i)).step_by(7).collect();
        for w in ends.windows(2) {
            let s = map.to_original(Span::new(w[0], w[1]));
            assert!(text.get(s.range()).is_some(), "mapped span {s:?} does not slice the original");
        }
    }
});
