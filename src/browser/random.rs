//! New ids from the browser's cryptographic random numbers.

use crate::domain::ids::make_id;

/// A fresh id such as `a-3kq9v0x7m2pd`.
pub fn new_id(prefix: &str) -> String {
    make_id(prefix, random_u64())
}

fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !filled {
        // Every supported browser has crypto; Math.random is the fallback of last resort.
        let high = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
        let low = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
        return (high << 32) | low;
    }
    u64::from_le_bytes(bytes)
}
