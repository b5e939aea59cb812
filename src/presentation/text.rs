//! Long text cut short for the places that have little room: a link, a line of a list, a
//! cell of a table. The whole text stays on its own page (the recommendation's or the
//! action's), which every shortened title links to.
//!
//! Text is cut at a word, never inside one, unless a single word is longer than the limit
//! (a pasted address, say), and never between a character and the marks that go with it.
//! The cut text ends with "…", so it reads as cut; text that fits comes back as it is.

use std::borrow::Cow;

/// A title standing for something whose whole text is one link away: the progress view's
/// tables and lists, links to a recommendation, breadcrumbs, captions.
pub const TITLE_CHARS: usize = 150;

/// Text read in the plan's own tables and reports, where the council's wording matters
/// more: the recommendations page, the actions tables and the committee reports. The
/// Havering plan's longest action has 280 characters, so a real plan is not cut here.
pub const TABLE_CHARS: usize = 300;

/// What ends a cut text.
pub const ELLIPSIS: char = '…';

/// `text` cut to at most `limit` characters (and "…"), at the end of a word. The text
/// comes back borrowed when it fits, so `matches!(shorten(..), Cow::Owned(_))` says
/// whether it was cut.
pub fn shorten(text: &str, limit: usize) -> Cow<'_, str> {
    let whole = text;
    // Space before the first word counts for nothing.
    let text = text.trim_start();
    let Some((end, _)) = text.char_indices().nth(limit) else {
        return Cow::Borrowed(whole);
    };
    // Only space after the limit: nothing worth cutting.
    if text[end..].trim().is_empty() {
        return Cow::Borrowed(whole);
    }
    let end = whole_character(text, end);
    let head = &text[..end];
    let keep = if text[end..].starts_with(char::is_whitespace) {
        head
    } else {
        // The word the limit falls in: from the last space before the limit to the next
        // space after it.
        let word_start = head
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let word_end = text[end..]
            .find(char::is_whitespace)
            .map(|i| end + i)
            .unwrap_or(text.len());
        if text[word_start..word_end].chars().count() > limit {
            head
        } else {
            &text[..word_start]
        }
    };
    let tidy = keep.trim_end_matches(|c: char| c.is_whitespace() || DANGLING.contains(&c));
    let kept = [tidy, keep.trim_end(), head.trim_end()]
        .into_iter()
        .find(|k| !k.is_empty())
        .unwrap_or_default();
    let mut out = String::with_capacity(kept.len() + ELLIPSIS.len_utf8());
    out.push_str(kept);
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// Whether `text` is longer than `limit` characters, so [`shorten`] would cut it.
pub fn is_cut(text: &str, limit: usize) -> bool {
    matches!(shorten(text, limit), Cow::Owned(_))
}

/// What reads badly just before "…": joining punctuation and opening brackets or quotes.
const DANGLING: [char; 14] = [
    ',', ';', ':', '-', '–', '—', '(', '[', '{', '“', '‘', '"', '\'', '/',
];

/// Moves a cut at byte `end` back until it does not split a character from the marks,
/// joiners or selectors that belong to it, nor a flag's pair of letters.
fn whole_character(text: &str, mut end: usize) -> usize {
    loop {
        let next = text[end..].chars().next();
        let previous = text[..end].chars().next_back();
        let (Some(next), Some(previous)) = (next, previous) else {
            return end;
        };
        let split = joins_previous(next)
            || (previous == '\u{200D}' && !next.is_whitespace())
            || (is_regional_indicator(next) && odd_flag_letters_before(&text[..end]));
        if !split {
            return end;
        }
        end -= previous.len_utf8();
    }
}

/// A character that is drawn with the one before it: combining marks, the zero-width
/// joiner, variation selectors, emoji skin tones and tag characters.
fn joins_previous(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}'
    )
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Whether the run of flag letters just before the cut is odd: the cut would split a flag.
fn odd_flag_letters_before(head: &str) -> bool {
    head.chars()
        .rev()
        .take_while(|c| is_regional_indicator(*c))
        .count()
        % 2
        == 1
}
