//! Ids for things people add. They are random, so copies of one plan edited apart by
//! different people never make the same id for different things (as "max + 1" would).

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// `prefix-` and twelve characters from 60 random bits, such as `a-3kq9v0x7m2pd`.
/// The caller supplies the randomness: the domain has no source of its own.
pub fn make_id(prefix: &str, random: u64) -> String {
    let mut id = String::with_capacity(prefix.len() + 13);
    id.push_str(prefix);
    id.push('-');
    for i in (0..12).rev() {
        id.push(ALPHABET[((random >> (i * 5)) & 31) as usize] as char);
    }
    id
}
