//! Reading a table the council already has: pasted from Word, Excel, LibreOffice or a web
//! page (the clipboard's HTML, else its tab-separated text), or from a file (`.docx`,
//! `.xlsx`, `.csv`, `.tsv`, `.txt`, `.html`). Each reader yields `domain::table::Table`s; when there
//! is no table, the refusal says what there was instead.

mod builder;
pub mod delimited;
pub mod docx;
pub mod html;
pub mod markup;
mod unzip;
pub mod xlsx;

use crate::domain::table::Table;

/// The largest file or paste read, as for plan files.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// The tables read, and whether rows past the limits were left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tables {
    pub tables: Vec<Table>,
    pub cut: bool,
}

/// What there was outside tables: counted, with the first words, for the message that
/// says why nothing could be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub paragraphs: usize,
    pub pictures: usize,
    pub first_words: String,
    open: bool,
}

impl Found {
    fn text(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.open = true;
        if self.first_words.chars().count() < 60 {
            self.first_words.push_str(text);
            self.first_words = crate::domain::table::grid::tidy(&self.first_words);
        }
    }

    fn end_paragraph(&mut self) {
        if self.open {
            self.paragraphs += 1;
            self.open = false;
        }
    }

    /// "3 paragraphs of text, starting “Appendix B…”", or a picture, or nothing.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.paragraphs > 0 {
            let mut start: String = self.first_words.chars().take(60).collect();
            if self.first_words.chars().count() > 60 {
                start.push('…');
            }
            parts.push(format!(
                "{} of text, starting “{start}”",
                plural(self.paragraphs, "paragraph")
            ));
        }
        if self.pictures > 0 {
            parts.push(plural(self.pictures, "picture"));
        }
        if parts.is_empty() {
            "nothing".to_string()
        } else {
            parts.join(" and ")
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

const HOW_TO_COPY: &str = "In Word, click inside the table, choose Layout, Select, Select Table, copy it and paste it here; in Excel, select the cells.";

/// The tables in a paste: the clipboard's HTML when it has a table, else its plain text
/// read as tab-separated cells.
pub fn read_paste(html: &str, text: &str) -> Result<Tables, String> {
    if html.len() > MAX_BYTES || text.len() > MAX_BYTES {
        return Err("The paste is larger than 50 MB, so it was not read.".into());
    }
    let (tables, cut, found) = html::tables_in_html(html);
    if !tables.is_empty() {
        return Ok(Tables { tables, cut });
    }
    if let Some((table, cut)) = delimited::table(text, '\t') {
        return Ok(Tables {
            tables: vec![table],
            cut,
        });
    }
    let mut found = found;
    if found.paragraphs == 0 {
        let mut plain = Found::default();
        for line in text.lines() {
            plain.text(line);
            plain.end_paragraph();
        }
        plain.pictures = found.pictures;
        found = plain;
    }
    if found.paragraphs == 0 && found.pictures == 0 {
        return Err("The paste was empty. Copy the table first, then paste it here.".into());
    }
    Err(format!(
        "The paste has no table in it: it has {}. {HOW_TO_COPY}",
        found.describe()
    ))
}

/// The tables in a file, by its name's ending; a file that is not what its name says is
/// refused, saying why.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<Tables, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "“{name}” is larger than 50 MB, so it was not read."
        ));
    }
    let lower = name.to_lowercase();
    let ending = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let is_zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    let is_old_office = bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]);
    let refuse = |reason: String| Err(format!("“{name}” {reason}"));
    match ending {
        "docx" => {
            if is_old_office {
                return refuse("is an older Word document (.doc) renamed .docx. Open it in Word and save it as a Word Document (.docx).".into());
            }
            if !is_zip {
                return refuse(format!(
                    "is not a Word document: a .docx file is a zip archive, and this one {}.",
                    starts_as(bytes)
                ));
            }
            let (tables, cut, found) =
                docx::tables_in_docx(bytes).map_err(|reason| format!("“{name}” {reason}."))?;
            if tables.is_empty() {
                return refuse(format!(
                    "has no table in it: it has {}.",
                    found.describe()
                ));
            }
            Ok(Tables { tables, cut })
        }
        "doc" => refuse("is an older Word document (.doc). Open it in Word and save it as a Word Document (.docx), or copy the table and paste it.".into()),
        "xlsx" | "xlsm" => {
            if is_old_office {
                return refuse("is an older Excel workbook (.xls) renamed .xlsx. Open it in Excel and save it as an Excel Workbook (.xlsx), or as CSV.".into());
            }
            if !is_zip {
                return refuse(format!(
                    "is not an Excel workbook: a .xlsx file is a zip archive, and this one {}.",
                    starts_as(bytes)
                ));
            }
            let (tables, cut) =
                xlsx::tables_in_xlsx(bytes).map_err(|reason| format!("“{name}” {reason}."))?;
            if tables.is_empty() {
                return refuse("has no cells with words in any of its worksheets.".into());
            }
            Ok(Tables { tables, cut })
        }
        "xls" | "ods" => refuse("is a spreadsheet this app cannot read: save it as an Excel Workbook (.xlsx) or as CSV, or select the table, copy it and paste it here.".into()),
        "csv" | "tsv" | "txt" | "tab" => {
            if is_zip || is_old_office {
                return refuse(format!(
                    "is not a text file: it {} (perhaps a workbook or document renamed). Save it as CSV from the spreadsheet.",
                    starts_as(bytes)
                ));
            }
            let text = text_of(bytes)
                .ok_or_else(|| format!("“{name}” is not a text file: it has bytes no text has."))?;
            let separator = if ending == "csv" {
                match delimited::separator_of(&text) {
                    '\t' => '\t',
                    ';' => ';',
                    _ => ',',
                }
            } else {
                '\t'
            };
            match delimited::table(&text, separator) {
                Some((table, cut)) => Ok(Tables {
                    tables: vec![table],
                    cut,
                }),
                None => refuse(format!(
                    "has no table in it: no line has two cells separated by {}.",
                    match separator {
                        '\t' => "tabs",
                        ';' => "semicolons",
                        _ => "commas",
                    }
                )),
            }
        }
        "html" | "htm" => {
            let text = text_of(bytes)
                .ok_or_else(|| format!("“{name}” is not a web page: it has bytes no text has."))?;
            let (tables, cut, found) = html::tables_in_html(&text);
            if tables.is_empty() {
                return refuse(format!("has no table in it: it has {}.", found.describe()));
            }
            Ok(Tables { tables, cut })
        }
        _ => refuse("is not a file this page reads: choose a Word document (.docx), an Excel workbook (.xlsx) or a CSV file (.csv), or copy the table and paste it.".into()),
    }
}

/// What a file's first bytes look like, for a refusal.
fn starts_as(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "is empty".into();
    }
    if bytes.starts_with(b"%PDF") {
        return "is a PDF".into();
    }
    if bytes.starts_with(b"PK") {
        return "is a zip archive".into();
    }
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        return "is an older Office file".into();
    }
    match std::str::from_utf8(&bytes[..bytes.len().min(64)]) {
        Ok(_) => "is plain text".into(),
        Err(_) => "starts with bytes that are neither text nor a zip archive".into(),
    }
}

/// A text file's text: UTF-8 (with or without a byte-order mark), else Windows-1252, as
/// Excel saves CSV on Windows. `None` when it holds bytes no text file has.
pub fn text_of(bytes: &[u8]) -> Option<String> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.strip_prefix('\u{feff}').unwrap_or(text).to_string());
    }
    if bytes.contains(&0) {
        return None;
    }
    Some(bytes.iter().map(|b| windows_1252(*b)).collect())
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}
