//! The table's rows read as recommendations and actions, under the officer's choice of
//! columns. Nothing here stores anything: the page previews what this returns, and only
//! the officer's "Create" turns it into a plan.
//!
//! The shapes councils' tables have:
//! - a recommendation on one row and its actions on the rows below, whose number and
//!   recommendation cells are empty or spanned (`rowspan`, Word's merged cells);
//! - several actions in one cell as paragraphs, with the timescale and lead cells lined up
//!   paragraph by paragraph (one paragraph there serves every action);
//! - a recommendation cell whose bold (or first) paragraph is the title and the rest,
//!   often italic, the context;
//! - a group written in capitals as the lead cell's first paragraph.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::columns::Field;
use super::grid::{Cell, Paragraph, Table};
use super::lead_words::{is_group_heading, leads_in};
use super::status_words;
use crate::domain::timescale::suggest;
use crate::domain::{Action, Group, Recommendation, Status};

/// The officer's choices: where the table starts and whether that row is headings, each
/// column's field, and what each status word found means.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    /// Rows before this one (a title above the table) are left out.
    pub start: usize,
    pub header_row: bool,
    pub fields: Vec<Field>,
    /// Keyed by `status_words::key`; a word not here is read by `status_words::status_of`.
    pub statuses: BTreeMap<String, Status>,
}

impl Mapping {
    /// The first guess for a table: its heading row, and each column's field from it.
    pub fn guessed(table: &Table) -> Mapping {
        let (header_row, fields) = super::columns::guess_columns(table);
        Mapping {
            start: if header_row {
                super::columns::heading_row(table)
            } else {
                0
            },
            header_row,
            fields,
            statuses: BTreeMap::new(),
        }
    }
}

/// Something about one row the officer should look at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowNote {
    /// The row's number as the table counts it, headings included, from 1.
    pub row: usize,
    pub text: String,
    pub reason: String,
}

/// One status word found, and what it is read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusWord {
    pub key: String,
    /// The words as first written.
    pub written: String,
    pub status: Status,
    /// Whether the app knew the words (otherwise "Not started" until the officer chooses).
    pub known: bool,
    pub count: usize,
}

/// What the table gives, before anything is stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drafted {
    pub recommendations: Vec<Recommendation>,
    pub groups: Vec<Group>,
    /// Text that is not in the plan: rows it could not place, and paragraphs left over.
    pub not_placed: Vec<RowNote>,
    /// Rows read, but with a guess the officer should check.
    pub checks: Vec<RowNote>,
    pub status_words: Vec<StatusWord>,
}

impl Drafted {
    pub fn action_count(&self) -> usize {
        self.recommendations.iter().map(|r| r.actions.len()).sum()
    }
}

/// Why a table could not be read as a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotReadable {
    /// No column is chosen as the recommendation (or its number).
    NoRecommendationColumn,
}

/// The cells of one row, by field (the first column chosen for each).
struct RowCells<'a> {
    number: Option<&'a Cell>,
    recommendation: Option<&'a Cell>,
    action: Option<&'a Cell>,
    timescale: Option<&'a Cell>,
    lead: Option<&'a Cell>,
    status: Option<&'a Cell>,
    group: Option<&'a Cell>,
}

/// A recommendation being read, with the text that started it.
struct Building {
    rec: Recommendation,
    group: Option<String>,
    first_row: usize,
}

/// Reads the table under `mapping`. `next_id` gives a new id for a prefix ("r" for a
/// recommendation, "a" for an action).
pub fn draft(
    table: &Table,
    mapping: &Mapping,
    next_id: &mut dyn FnMut(&str) -> String,
) -> Result<Drafted, NotReadable> {
    let column = |field: Field| mapping.fields.iter().position(|f| *f == field);
    let cols = [
        column(Field::Number),
        column(Field::Recommendation),
        column(Field::Action),
        column(Field::Timescale),
        column(Field::Lead),
        column(Field::Status),
        column(Field::Group),
    ];
    if cols[0].is_none() && cols[1].is_none() {
        return Err(NotReadable::NoRecommendationColumn);
    }
    let mut out = Drafted::default();
    let mut words: BTreeMap<String, StatusWord> = BTreeMap::new();
    let mut current: Option<Building> = None;
    // A heading row across the whole table names the group of the recommendations below.
    let mut heading_group: Option<String> = None;
    let mut finished: Vec<Building> = Vec::new();
    let skip = mapping
        .start
        .saturating_add(usize::from(mapping.header_row));
    let headings = mapping
        .header_row
        .then(|| table.rows.get(mapping.start).map(|r| texts_of(r)))
        .flatten();
    for (index, row) in table.rows.iter().enumerate().skip(skip) {
        let row_number = index + 1;
        let cell = |col: Option<usize>| col.and_then(|c| row.get(c));
        let cells = RowCells {
            number: cell(cols[0]),
            recommendation: cell(cols[1]),
            action: cell(cols[2]),
            timescale: cell(cols[3]),
            lead: cell(cols[4]),
            status: cell(cols[5]),
            group: cell(cols[6]),
        };
        if row.iter().all(Cell::is_empty) {
            continue;
        }
        // The headings repeated further down (a table copied from pages that repeat
        // them) are not a recommendation.
        if headings.as_ref().is_some_and(|h| *h == texts_of(row)) {
            continue;
        }
        if let Some(name) = heading_across(row) {
            if let Some(done) = current.take() {
                finished.push(done);
            }
            heading_group = Some(name);
            continue;
        }
        let number = own(cells.number).map(|c| recommendation_number(&c.text()));
        let rec_cell = own(cells.recommendation);
        let starts = match (&number, &current) {
            (Some(n), Some(b)) => *n != b.rec.number,
            (Some(_), None) => true,
            // A recommendation of its own under an empty number cell is a new one too,
            // whose number is guessed (and listed to check), so its words are never lost.
            (None, Some(b)) => rec_cell.is_some_and(|c| title_and_context(c).0 != b.rec.title),
            (None, None) => rec_cell.is_some(),
        };
        if starts {
            if let Some(done) = current.take() {
                finished.push(done);
            }
            let number = match number {
                Some(number) => number,
                None => {
                    let guessed = (finished.len() + 1).to_string();
                    if cols[0].is_some() {
                        out.checks.push(RowNote {
                            row: row_number,
                            text: rec_cell.map(Cell::text).unwrap_or_default(),
                            reason: format!("has no number: it is numbered {guessed}"),
                        });
                    }
                    guessed
                }
            };
            let (title, context) = rec_cell.map(title_and_context).unwrap_or_default();
            let title = if title.is_empty() {
                out.checks.push(RowNote {
                    row: row_number,
                    text: number.clone(),
                    reason: "has a number but no recommendation: it is called \"Recommendation {number}\" until you change it".replace("{number}", &number),
                });
                format!("Recommendation {number}")
            } else {
                title
            };
            current = Some(Building {
                rec: Recommendation {
                    id: next_id("r"),
                    number,
                    title,
                    context,
                    ..Recommendation::default()
                },
                group: heading_group.clone(),
                first_row: row_number,
            });
        }
        let Some(building) = current.as_mut() else {
            out.not_placed.push(RowNote {
                row: row_number,
                text: row_text(row),
                reason: "comes before the first recommendation, so it belongs to none".into(),
            });
            continue;
        };
        // A group: its own column, else capitals heading the lead cell.
        let mut lead_paragraphs: Vec<&Paragraph> =
            cells.lead.map(|c| c.filled().collect()).unwrap_or_default();
        let mut group = own(cells.group).map(Cell::text);
        if lead_paragraphs
            .first()
            .is_some_and(|p| is_group_heading(&p.text))
        {
            let heading = lead_paragraphs.remove(0).text.clone();
            group.get_or_insert(heading);
        }
        if building.group.is_none() {
            building.group = group;
        }
        actions_of_row(
            row_number,
            &cells,
            &lead_paragraphs,
            building,
            &mut out,
            &mut words,
            mapping,
            next_id,
        );
    }
    if let Some(done) = current.take() {
        finished.push(done);
    }
    for building in finished {
        let mut rec = building.rec;
        if rec.actions.is_empty() {
            out.checks.push(RowNote {
                row: building.first_row,
                text: rec.title.clone(),
                reason: "has no actions".into(),
            });
        }
        if let Some(name) = building.group {
            let id = group_id(&name);
            if !out.groups.iter().any(|g| g.id == id) {
                out.groups.push(Group {
                    id: id.clone(),
                    name,
                });
            }
            rec.group = Some(id);
        }
        out.recommendations.push(rec);
    }
    out.status_words = words.into_values().collect();
    Ok(out)
}

/// The actions in one row's cells, lined up paragraph by paragraph.
#[allow(clippy::too_many_arguments)]
fn actions_of_row(
    row: usize,
    cells: &RowCells,
    lead_paragraphs: &[&Paragraph],
    building: &mut Building,
    out: &mut Drafted,
    words: &mut BTreeMap<String, StatusWord>,
    mapping: &Mapping,
    next_id: &mut dyn FnMut(&str) -> String,
) {
    let texts = |c: Option<&Cell>| -> Vec<String> {
        c.map(|c| c.filled().map(|p| p.text.clone()).collect())
            .unwrap_or_default()
    };
    let actions = texts(cells.action);
    let timescales = texts(cells.timescale);
    let statuses = texts(cells.status);
    let leads: Vec<String> = lead_paragraphs.iter().map(|p| p.text.clone()).collect();
    if actions.is_empty() {
        if !timescales.is_empty() || !leads.is_empty() || !statuses.is_empty() {
            out.not_placed.push(RowNote {
                row,
                text: [timescales.join(" "), leads.join(" "), statuses.join(" ")]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
                reason: "has a timescale, lead or status but no action".into(),
            });
        }
        return;
    }
    let n = actions.len();
    // Where two other cells line up with each other paragraph by paragraph, and both
    // stop short of the action cell, its paragraphs past them have nothing beside them:
    // they are read as notes, not actions. One short cell alone is matched in order.
    let lined_up: Vec<usize> = [&timescales, &leads, &statuses]
        .iter()
        .map(|v| v.len())
        .filter(|len| *len >= 2)
        .collect();
    let placed = match lined_up.as_slice() {
        [first, rest @ ..] if !rest.is_empty() && rest.iter().all(|l| l == first) && *first < n => {
            *first
        }
        _ => n,
    };
    for (k, text) in actions.iter().enumerate() {
        if k >= placed {
            out.not_placed.push(RowNote {
                row,
                text: text.clone(),
                reason: format!(
                    "is paragraph {} of the action cell, but the cells beside it have only {placed}, so it was read as a note, not an action",
                    k + 1
                ),
            });
            continue;
        }
        let timescale = part(&timescales, k, n, " ");
        let status_text = part(&statuses, k, n, " ");
        let action_leads: Vec<String> = if n == 1 {
            leads.iter().flat_map(|l| leads_in(l)).collect()
        } else {
            part(&leads, k, n, "; ")
                .split("; ")
                .flat_map(leads_in)
                .collect()
        };
        let mut unique: Vec<String> = Vec::new();
        for lead in action_leads {
            if !unique.iter().any(|l| l.eq_ignore_ascii_case(&lead)) {
                unique.push(lead);
            }
        }
        let suggestion = suggest(&timescale);
        let status = if status_text.is_empty() {
            suggestion.hint.map(|h| h.status()).unwrap_or_default()
        } else {
            status_for(&status_text, words, mapping)
        };
        building.rec.actions.push(Arc::new(Action {
            id: next_id("a"),
            text: text.clone(),
            timescale,
            due: suggestion.due,
            leads: unique,
            status,
            ..Action::default()
        }));
    }
    // Against the actions placed: paragraphs read as notes are listed already.
    for (what, list) in [
        ("timescales", &timescales),
        ("leads", &leads),
        ("statuses", &statuses),
    ] {
        if placed > 1 && list.len() >= 2 && list.len() < placed {
            out.checks.push(RowNote {
                row,
                text: actions.first().cloned().unwrap_or_default(),
                reason: format!(
                    "has {placed} actions but {} {what}: they were matched in order",
                    list.len()
                ),
            });
        } else if placed > 1 && list.len() > placed {
            out.checks.push(RowNote {
                row,
                text: list[placed..].join(" "),
                reason: format!(
                    "has {} {what} for {placed} actions: the extra ones were left out",
                    list.len()
                ),
            });
        }
    }
}

/// The paragraph of a cell that goes with action `k` of `n`: its own when they line up,
/// the one paragraph when there is one, all of them for a single action.
fn part(list: &[String], k: usize, n: usize, join: &str) -> String {
    match list.len() {
        0 => String::new(),
        1 => list[0].clone(),
        _ if n == 1 => list.join(join),
        _ => list.get(k).cloned().unwrap_or_default(),
    }
}

fn status_for(text: &str, words: &mut BTreeMap<String, StatusWord>, mapping: &Mapping) -> Status {
    let key = status_words::key(text);
    let known = status_words::status_of(text);
    let status = mapping
        .statuses
        .get(&key)
        .copied()
        .or(known)
        .unwrap_or_default();
    let entry = words.entry(key.clone()).or_insert(StatusWord {
        key,
        written: text.to_string(),
        status,
        known: known.is_some(),
        count: 0,
    });
    entry.count += 1;
    status
}

/// A recommendation cell's title and context: the bold paragraphs are the title when
/// there are any, else the first paragraph; the rest is context, a paragraph a line.
pub fn title_and_context(cell: &Cell) -> (String, String) {
    let filled: Vec<&Paragraph> = cell.filled().collect();
    let any_bold = filled.iter().any(|p| p.bold) && !filled.iter().all(|p| p.bold);
    let (title, context): (Vec<&Paragraph>, Vec<&Paragraph>) = if any_bold {
        filled.iter().partition(|p| p.bold)
    } else {
        let mut rest = filled.clone();
        let first: Vec<&Paragraph> = if rest.is_empty() {
            Vec::new()
        } else {
            vec![rest.remove(0)]
        };
        (first, rest)
    };
    let join = |ps: &[&Paragraph], sep: &str| {
        ps.iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(sep)
    };
    (join(&title, " "), join(&context, "\n"))
}

/// A recommendation's number as written ("1", "1.", "R1", "Rec. 1", "Recommendation 1")
/// as the plan keeps it ("1"). An action's number ("1.2") gives its recommendation's.
pub fn recommendation_number(text: &str) -> String {
    let trimmed = text.trim();
    let lower = trimmed.to_lowercase();
    let mut rest = lower.as_str();
    for prefix in ["recommendation", "rec", "r", "no", "number", "#"] {
        if let Some(after) = rest.strip_prefix(prefix) {
            let after = after.trim_start_matches(['.', ':', ' ']);
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                rest = after;
                break;
            }
        }
    }
    let rest = rest.trim_end_matches(['.', ')', ':', ' ']);
    if let Some((whole, _)) = rest.split_once('.') {
        if !whole.is_empty()
            && whole.chars().all(|c| c.is_ascii_digit())
            && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
        {
            return whole.to_string();
        }
    }
    if rest.chars().all(|c| c.is_ascii_digit()) && !rest.is_empty() {
        return rest.to_string();
    }
    trimmed.to_string()
}

/// A group's id from its name: "OPPORTUNITIES" is `opportunities`.
pub fn group_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "group".to_string()
    } else {
        id
    }
}

/// The words of a row that is one cell spanning the whole table (`colspan`): a heading
/// such as "Theme 1: Leadership of place".
fn heading_across(row: &[Cell]) -> Option<String> {
    let (first, rest) = row.split_first()?;
    let across = !rest.is_empty()
        && !first.spanned
        && !first.is_empty()
        && rest.iter().all(|c| c.spanned && c.paragraphs.is_empty());
    across.then(|| first.text())
}

/// A cell that is the row's own (not spanned from above) and has words.
fn own(cell: Option<&Cell>) -> Option<&Cell> {
    cell.filter(|c| !c.spanned && !c.is_empty())
}

fn texts_of(row: &[Cell]) -> Vec<String> {
    row.iter().map(Cell::text).collect()
}

fn row_text(row: &[Cell]) -> String {
    row.iter()
        .filter(|c| !c.is_empty())
        .map(Cell::text)
        .collect::<Vec<_>>()
        .join(" · ")
}
