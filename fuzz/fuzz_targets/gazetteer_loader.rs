//! The gazetteer loader on arbitrary JSON: a clear error or a gazetteer, never a panic; a built
//! gazetteer never panics on its own aliases.
#![no_main]
use libfuzzer_sys::fuzz_target;
use depeche::gazetteer::{Dataset, Gazetteer};

fuzz_target!(|data: &[u8]| {
    let Ok(dataset) = serde_json::from_slice::<Dataset>(data) else { return };
    if let Ok(g) = Gazetteer::builder().dataset(dataset).build() {
        let text = String::from_utf8_lossy(data);
        for m in g.mentions(&text, depeche::Date::new(2020, 1, 1).ok()) {
            assert!(text.get(m.span().range()).is_some());
        }
    }
});
