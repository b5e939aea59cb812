//! The importer must refuse, never panic, whatever bytes it is given; and whatever it
//! accepts, its own export must give back unchanged.
#![no_main]

use cpc_action_plan::format::{export, import, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(imported) = import_bytes(bytes) {
        let again = import(&export(&imported.plan, None)).expect("an imported plan exports to a file it reads");
        assert_eq!(again.plan, imported.plan);
    }
});
