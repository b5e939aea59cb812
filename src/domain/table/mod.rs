//! Starting a plan from a table the council already has (a Word paper, a spreadsheet, a
//! web page): the table as cells of paragraphs (`grid.rs`), which field each column holds
//! (`columns.rs`), status words (`status_words.rs`), the leads written in a cell
//! (`lead_words.rs`), and the rows read as recommendations and actions (`rows.rs`). The
//! readers that make a [`grid::Table`] from HTML, text and files are in `format::table`.

pub mod columns;
pub mod grid;
pub mod into_plan;
pub mod lead_words;
pub mod rows;
pub mod status_words;

pub use columns::{guess_columns, Field};
pub use grid::{Cell, Paragraph, Table};
pub use into_plan::{added_to, plan_from_table};
pub use rows::{draft, Drafted, Mapping, NotReadable, RowNote, StatusWord};
