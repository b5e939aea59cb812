//! The leads written in one paragraph of a lead cell. "AD Communications and AD Policy"
//! is two leads; "AD Customer, Communications and Culture" (a list inside one title) and
//! "COO/AD Policy and Performance and Community" (several "and"s) are one.

/// The leads one paragraph names: split at semicolons, and at a single " and " when the
/// paragraph has no comma and no other " and ".
pub fn leads_in(paragraph: &str) -> Vec<String> {
    let mut leads = Vec::new();
    for part in paragraph
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let pieces: Vec<&str> = part.split(" and ").collect();
        if pieces.len() == 2 && !part.contains(',') && pieces.iter().all(|p| !p.trim().is_empty()) {
            leads.extend(pieces.iter().map(|p| p.trim().to_string()));
        } else {
            leads.push(part.to_string());
        }
    }
    leads
}

/// Whether a paragraph is a group's name written in capitals (Havering's
/// "OPPORTUNITIES"): five letters or more, none lower case. Shorter capitals are usually a
/// lead ("SLT", "CLT").
pub fn is_group_heading(paragraph: &str) -> bool {
    let letters = paragraph.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 5 && !paragraph.chars().any(char::is_lowercase)
}
