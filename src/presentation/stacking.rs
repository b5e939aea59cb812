//! Stacked bars in whole drawing units: where each part starts and how long it is.
//!
//! Charts draw in whole units (no decimals to format), so each edge is placed from the
//! running total, and the parts meet exactly whatever the rounding. A part with any count
//! is never shorter than one unit, so one action in thousands still shows.

/// The parts of a bar of `length` units whose full length stands for `scale` (the largest
/// total a chart shows; a bar's own total when it fills the length). Each count, in
/// order, gets `(start, length)`; counts of 0 get nothing, and are left out. A bar with
/// more parts than units runs past its length rather than hide a part.
pub fn stack(counts: &[usize], scale: usize, length: usize) -> Vec<(usize, usize)> {
    let counts: Vec<usize> = counts.iter().copied().filter(|n| *n > 0).collect();
    let total = counts.iter().fold(0usize, |sum, n| sum.saturating_add(*n));
    let scale = scale.max(total).max(1);
    // Widened: on wasm32 a usize is 32 bits, and length × count overflows at 4 billion.
    let edge = |count: usize| {
        let (length, count, scale) = (length as u128, count as u128, scale as u128);
        usize::try_from((length * count + scale / 2) / scale).unwrap_or(usize::MAX)
    };
    let mut counted: usize = 0;
    let mut start = 0;
    let mut parts = Vec::with_capacity(counts.len());
    for (i, n) in counts.iter().enumerate() {
        counted = counted.saturating_add(*n);
        // Leave a unit for each part still to come, and take at least one.
        let latest = length.saturating_sub(counts.len() - i - 1).max(start + 1);
        let end = edge(counted).clamp(start + 1, latest);
        parts.push((start, end - start));
        start = end;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::stack;

    #[test]
    fn counts_near_the_largest_number_do_not_overflow() {
        let parts = stack(&[usize::MAX / 2, usize::MAX / 2, 3], usize::MAX, 300);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.iter().map(|p| p.1).sum::<usize>(), 300);
        // A 32-bit usize, as on wasm32: length × count would pass u32::MAX.
        let parts = stack(&[u32::MAX as usize / 3, 7], u32::MAX as usize, 1000);
        assert_eq!(parts[0].0 + parts[0].1, parts[1].0);
    }

    #[test]
    fn parts_meet_and_fill_the_bar() {
        assert_eq!(
            stack(&[1, 1, 1], 3, 1000),
            vec![(0, 333), (333, 334), (667, 333)]
        );
        assert_eq!(
            stack(&[4, 0, 10, 18], 32, 10_000),
            vec![(0, 1250), (1250, 3125), (4375, 5625)]
        );
        assert_eq!(stack(&[], 0, 1000), vec![]);
    }

    #[test]
    fn a_part_with_any_count_is_at_least_one_unit() {
        let parts = stack(&[1, 3998, 1], 4000, 1000);
        assert_eq!(parts.len(), 3);
        assert!(parts.iter().all(|(_, len)| *len >= 1), "{parts:?}");
        assert_eq!(parts[0], (0, 1));
        let (start, len) = parts[2];
        assert_eq!(start + len, 1000, "still ends at the full length");
        // Even when every part is tiny and the bar is short, each still shows.
        let tiny = stack(&[1, 1, 1, 1_000_000], 1_000_003, 10);
        assert!(tiny.iter().all(|(_, len)| *len >= 1), "{tiny:?}");
    }

    #[test]
    fn any_full_bar_is_contiguous_and_ends_at_its_length() {
        let samples = [0, 1, 2, 7, 333, 4000];
        for a in samples {
            for b in samples {
                for c in samples {
                    for length in [4, 10, 260, 10_000] {
                        let counts = [a, b, c, 1];
                        let parts = stack(&counts, a + b + c + 1, length);
                        let mut at = 0;
                        for (start, len) in &parts {
                            assert_eq!(*start, at, "{counts:?} over {length}: {parts:?}");
                            assert!(*len >= 1);
                            at += len;
                        }
                        assert_eq!(at, length, "{counts:?} over {length}: {parts:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_bar_below_the_largest_is_shorter() {
        // A month with 10 actions on a chart whose busiest month has 40.
        assert_eq!(stack(&[5, 5], 40, 250), vec![(0, 31), (31, 32)]);
    }
}
