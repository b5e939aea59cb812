//! A forgiving reader of tags and text, for the clipboard's HTML and Word's XML alike: it
//! never fails, it only yields what it can make out. Comments, `<!…>`, `<?…?>` and the
//! contents of `<script>` and `<style>` are skipped.

/// One piece of markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// An opening tag (name lower-cased), its raw attribute text, and whether it closed
    /// itself (`<br/>`).
    Open {
        name: String,
        attributes: &'a str,
        closed: bool,
    },
    Close {
        name: String,
    },
    /// Text between tags, with character references decoded.
    Text(String),
}

/// The pieces of `source`, in order.
pub fn pieces(source: &str) -> Pieces<'_> {
    Pieces { source, at: 0 }
}

pub struct Pieces<'a> {
    source: &'a str,
    at: usize,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        loop {
            let rest = self.source.get(self.at..)?;
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.at += end;
                return Some(Piece::Text(decode(&rest[..end])));
            }
            if let Some(after) = rest.strip_prefix("<!--") {
                self.at += 4 + after.find("-->").map_or(after.len(), |i| i + 3);
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                self.at += rest.find('>').map_or(rest.len(), |i| i + 1);
                continue;
            }
            let Some(end) = rest.find('>') else {
                // A `<` that opens nothing: text.
                self.at += rest.len();
                return Some(Piece::Text(decode(rest)));
            };
            let inside = &rest[1..end];
            self.at += end + 1;
            if let Some(name) = inside.strip_prefix('/') {
                return Some(Piece::Close {
                    name: name.trim().to_ascii_lowercase(),
                });
            }
            let name_end = inside
                .find(|c: char| c.is_whitespace() || c == '/')
                .unwrap_or(inside.len());
            let name = inside[..name_end].to_ascii_lowercase();
            if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                return Some(Piece::Text(decode(&rest[..end + 1])));
            }
            let closed = inside.ends_with('/');
            let attributes = inside[name_end..].trim_end_matches('/');
            if (name == "script" || name == "style") && !closed {
                let close = format!("</{name}");
                let after = &self.source[self.at..];
                let skip = after
                    .to_ascii_lowercase()
                    .find(&close)
                    .unwrap_or(after.len());
                self.at += skip;
                continue;
            }
            return Some(Piece::Open {
                name,
                attributes,
                closed,
            });
        }
    }
}

/// The value of attribute `key` (matched without regard to case), quoted or not.
pub fn attribute(attributes: &str, key: &str) -> Option<String> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = next;
            Some(value)
        } else {
            if name.is_empty() {
                // A stray character: step over it.
                rest = rest.get(1..).unwrap_or("");
            }
            None
        };
        if name.eq_ignore_ascii_case(key) {
            return Some(decode(value.unwrap_or("")));
        }
    }
}

/// Text with its character references decoded: the numeric ones, and the named ones
/// Word, Excel and browsers write.
pub fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1)
            .unwrap_or(rest.len());
        let name = &rest[1..end];
        match named(name) {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return Some(char::from_u32(code).unwrap_or('\u{fffd}'));
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "pound" => '£',
        "euro" => '€',
        "bull" => '•',
        "middot" => '·',
        "eacute" => 'é',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded_and_unknown_ones_kept() {
        assert_eq!(
            decode("A &amp; B&#8217;s &#x2013; &nbsp;"),
            "A & B’s – \u{a0}"
        );
        assert_eq!(decode("R&D &unknown; &"), "R&D &unknown; &");
    }

    #[test]
    fn attributes_are_read_quoted_or_not() {
        assert_eq!(
            attribute(" rowspan=2 class='x'", "ROWSPAN").as_deref(),
            Some("2")
        );
        assert_eq!(
            attribute(" a=\"1\" w:val=\"restart\"", "w:val").as_deref(),
            Some("restart")
        );
        assert_eq!(attribute(" nowrap", "nowrap").as_deref(), Some(""));
        assert_eq!(attribute(" = =", "x"), None);
    }
}
