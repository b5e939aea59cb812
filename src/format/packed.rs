//! Big plans kept compactly in browser storage.
//!
//! Local storage holds strings, and browsers count its allowance in characters (Chromium
//! and Firefox: 5,242,880 UTF-16 code units a site; Safari: bytes, with any character
//! beyond Latin-1 doubling the cost). A plan's JSON compresses five to ten times with
//! zlib (deflate with a checksum, so damage is caught, not read as other text), and each
//! compressed byte is written as the one Latin-1 character of that value, which every
//! browser counts as one. So a packed entry is:
//!
//! ```text
//! cpc-action-plan/zlib\n
//! {"revision":4,...}\n          <- a header in plain JSON, readable without unpacking
//! <zlib of the body, one Latin-1 character a byte>
//! ```

/// The first line of every packed entry.
pub const MARK: &str = "cpc-action-plan/zlib\n";

/// JSON shorter than this is stored as it is: small plans stay readable in the browser's
/// developer tools, and gain nothing worth the time from compressing.
pub const PACK_ABOVE: usize = 64 * 1024;

/// Compression level 1 of 10: a 10 MB plan shrinks about five times in a fraction of the
/// time the higher levels take, and saving happens while the officer works.
const LEVEL: u8 = 1;

/// Unpacking stops past this size, so damaged data cannot fill the memory: a plan file
/// is never over 50 MB (`files::MAX_BYTES`), and L, the benchmark's biggest, is 10 MB.
const LARGEST_BODY: usize = 64 * 1024 * 1024;

/// Whether a stored entry is packed (otherwise it is plain JSON).
pub fn is_packed(text: &str) -> bool {
    text.starts_with(MARK)
}

/// A packed entry: the header as it is, and the body compressed.
pub fn pack(header: &str, body: &str) -> String {
    pack_compressed(header, &compress(body))
}

/// The body as a packed entry holds it: the slow part of packing, which the storage
/// worker does off the page's thread (`src/bin/storage_worker.rs`).
pub fn compress(body: &str) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(body.as_bytes(), LEVEL)
}

/// A packed entry from its header and a body already [compressed](compress).
pub fn pack_compressed(header: &str, compressed: &[u8]) -> String {
    debug_assert!(!header.contains('\n'), "the header is one line of JSON");
    let mut text = String::with_capacity(MARK.len() + header.len() + 1 + compressed.len() * 2);
    text.push_str(MARK);
    text.push_str(header);
    text.push('\n');
    text.extend(compressed.iter().map(|&byte| char::from(byte)));
    text
}

/// The header of a packed entry, read without unpacking the body.
pub fn header(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(MARK)?;
    rest.split_once('\n').map(|(header, _)| header)
}

/// The header and the body of a packed entry, or why it cannot be read.
pub fn unpack(text: &str) -> Result<(&str, String), String> {
    let rest = text.strip_prefix(MARK).ok_or("it is not a packed entry")?;
    let (header, data) = rest.split_once('\n').ok_or("its header line has no end")?;
    let bytes = data
        .chars()
        .map(|c| u8::try_from(u32::from(c)))
        .collect::<Result<Vec<u8>, _>>()
        .map_err(|_| "its compressed data holds a character beyond Latin-1".to_string())?;
    let body = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&bytes, LARGEST_BODY)
        .map_err(|e| format!("its compressed data is damaged ({:?})", e.status))?;
    let body =
        String::from_utf8(body).map_err(|_| "its compressed data is not UTF-8 text".to_string())?;
    Ok((header, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_comes_back_exactly_with_its_header() {
        let body = "{\"a\":\"caf\u{e9} \u{2019}quoted\u{2019} \u{1f600}\"}".repeat(1000);
        let packed = pack("{\"revision\":3}", &body);
        assert!(is_packed(&packed));
        assert_eq!(header(&packed), Some("{\"revision\":3}"));
        assert!(packed
            .chars()
            .skip(MARK.len())
            .all(|c| u32::from(c) <= 0xff));
        assert!(packed.chars().count() < body.len() / 5);
        assert_eq!(unpack(&packed).unwrap(), ("{\"revision\":3}", body));
    }

    #[test]
    fn damaged_entries_say_why() {
        assert!(unpack("{}").unwrap_err().contains("not a packed entry"));
        assert!(unpack(&format!("{MARK}{{}}"))
            .unwrap_err()
            .contains("no end"));
        assert!(unpack(&format!("{MARK}{{}}\n\u{2019}"))
            .unwrap_err()
            .contains("beyond Latin-1"));
        let whole = pack("{}", &"plan ".repeat(1000));
        let packed: String = whole.chars().take(whole.chars().count() - 3).collect();
        assert!(unpack(&packed).unwrap_err().contains("damaged"));
        // A bit changed anywhere in the data is refused (or, in padding, changes nothing):
        // it never reads back as other text.
        let body = "{\"text\":\"Publish the scrutiny work programme\",\"n\":1}".repeat(20);
        let whole: Vec<char> = pack("{}", &body).chars().collect();
        let data_start = MARK.len() + "{}\n".len();
        for at in data_start..whole.len() {
            for bit in [0x01, 0x10, 0x80] {
                let mut chars = whole.clone();
                chars[at] = char::from((u32::from(chars[at]) as u8) ^ bit);
                let changed: String = chars.into_iter().collect();
                match unpack(&changed) {
                    Ok((_, read)) => assert_eq!(read, body, "byte {at}, bit {bit:#x}"),
                    Err(why) => assert!(why.contains("damaged") || why.contains("UTF-8"), "{why}"),
                }
            }
        }
    }
}
