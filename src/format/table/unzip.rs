//! Reading one file out of a zip archive (a `.docx` is one), stored or deflated, with
//! miniz_oxide, which the app already has for packing big plans.

/// The largest file taken out of an archive: a Word document's text is far smaller.
const UNPACKED_MAX: usize = 64 * 1024 * 1024;

/// The named file's bytes, or why they could not be read.
pub fn file_in_zip(archive: &[u8], wanted: &str) -> Result<Vec<u8>, String> {
    let end =
        end_of_directory(archive).ok_or("is damaged: its list of contents could not be found")?;
    let count = u16_at(archive, end + 10).unwrap_or(0) as usize;
    let mut at = u32_at(archive, end + 16).ok_or("is damaged")? as usize;
    for _ in 0..count {
        if u32_at(archive, at) != Some(0x0201_4b50) {
            return Err("is damaged: its list of contents is broken".into());
        }
        let field = |offset| u16_at(archive, at + offset).map(usize::from);
        let (Some(method), Some(name_len), Some(extra_len), Some(comment_len)) =
            (field(10), field(28), field(30), field(32))
        else {
            return Err("is damaged".into());
        };
        let compressed = u32_at(archive, at + 20).ok_or("is damaged")? as usize;
        let local = u32_at(archive, at + 42).ok_or("is damaged")? as usize;
        let name = archive
            .get(at + 46..at + 46 + name_len)
            .ok_or("is damaged")?;
        at += 46 + name_len + extra_len + comment_len;
        if name != wanted.as_bytes() {
            continue;
        }
        if u32_at(archive, local) != Some(0x0403_4b50) {
            return Err("is damaged: a file in it is missing".into());
        }
        let local_name = u16_at(archive, local + 26).ok_or("is damaged")? as usize;
        let local_extra = u16_at(archive, local + 28).ok_or("is damaged")? as usize;
        let start = local + 30 + local_name + local_extra;
        let data = archive
            .get(start..start.saturating_add(compressed))
            .ok_or("is damaged: it is cut short")?;
        return match method {
            0 => Ok(data.to_vec()),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, UNPACKED_MAX)
                .map_err(|_| "is damaged: its contents could not be unpacked".to_string()),
            _ => Err("is packed in a way this app cannot read".into()),
        };
    }
    Err(format!("has no {wanted} in it"))
}

/// Where the end-of-directory record starts: the last one, within the comment's reach.
fn end_of_directory(archive: &[u8]) -> Option<usize> {
    let last = archive.len().checked_sub(22)?;
    let first = last.saturating_sub(65_535);
    (first..=last)
        .rev()
        .find(|&i| u32_at(archive, i) == Some(0x0605_4b50))
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::zip::zip_stored;

    #[test]
    fn a_stored_file_is_read_back() {
        let zip = zip_stored(&[("a.txt", b"one"), ("word/document.xml", b"<w:document/>")]);
        assert_eq!(
            file_in_zip(&zip, "word/document.xml").unwrap(),
            b"<w:document/>"
        );
        assert!(file_in_zip(&zip, "nothing")
            .unwrap_err()
            .contains("has no nothing"));
        assert!(file_in_zip(b"PK", "a").is_err());
    }
}

#[cfg(test)]
mod deflated {
    use super::*;

    /// A zip of one deflated file, as Word writes them.
    fn zip_deflated(name: &str, data: &[u8]) -> Vec<u8> {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let crc = crate::format::zip::crc32(data);
        let mut out = Vec::new();
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0]);
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&(packed.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        let central_at = out.len() as u32;
        out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0]);
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&(packed.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0; 12]);
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        let central_size = out.len() as u32 - central_at;
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
        out.extend_from_slice(&central_size.to_le_bytes());
        out.extend_from_slice(&central_at.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn a_deflated_file_is_unpacked() {
        let text = "<w:document>".repeat(100);
        let zip = zip_deflated("word/document.xml", text.as_bytes());
        assert_eq!(
            file_in_zip(&zip, "word/document.xml").unwrap(),
            text.as_bytes()
        );
        let mut broken = zip.clone();
        // The first byte of the packed data: a block of the reserved type.
        broken[30 + 17] = 0xff;
        assert!(file_in_zip(&broken, "word/document.xml").is_err());
    }
}
