//! The table readers must refuse, never panic, whatever they are given: as a paste (the
//! bytes as HTML and as text), and as each kind of file; and whatever table they read,
//! guessing its columns and drafting a plan from it must not panic either.
#![no_main]

use cpc_action_plan::domain::table::{draft, guess_columns, Mapping};
use cpc_action_plan::format::table::{read_file, read_paste, Tables};
use libfuzzer_sys::fuzz_target;

fn draft_all(read: Result<Tables, String>) {
    let Ok(read) = read else { return };
    for table in &read.tables {
        let (header_row, fields) = guess_columns(table);
        let mapping = Mapping { header_row, fields, ..Mapping::default() };
        let mut n = 0;
        let _ = draft(table, &mapping, &mut |prefix| {
            n += 1;
            format!("{prefix}-{n}")
        });
    }
}

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    draft_all(read_paste(&text, &text));
    for name in ["t.docx", "t.csv", "t.tsv", "t.html", "t.xlsx"] {
        draft_all(read_file(name, bytes));
    }
});
