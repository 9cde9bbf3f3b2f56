//! The date layer on arbitrary text and reference dates: no panic, spans slice the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let y = 1 + (u16::from_le_bytes([data[0], data[1]]) as i32 % 9999);
    let m = 1 + (data[2] as u32 % 12);
    let d = 1 + (data[3] as u32 % 31);
    let reference = depeche::Date::new(y, m, d).ok();
    let Ok(text) = std::str::from_utf8(&data[4..]) else { return };
    for prefer in [depeche::temporal::Prefer::Tense, depeche::temporal::Prefer::Past, depeche::temporal::Prefer::Future] {
        for e in depeche::temporal::DateResolver::new(reference).prefer(prefer).find(text) {
            assert!(text.get(e.span.range()).is_some());
            let _ = e.timex();
        }
    }
});
