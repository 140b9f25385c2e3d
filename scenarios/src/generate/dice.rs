//! Where the generator's choices come from: fuzz bytes (`arbitrary::Unstructured`) or a seed.
//!
//! Every choice is a small integer drawn from the input. When the input runs out, every
//! choice is its smallest value and every [`Dice::chance`] is false, so a short input gives
//! a short program (as libFuzzer's shrinking expects) and generation always ends.

use arbitrary::Unstructured;

/// A source of choices.
#[derive(Debug)]
pub struct Dice<'a> {
    u: Unstructured<'a>,
}

impl<'a> Dice<'a> {
    /// Choices read from fuzz input.
    pub fn new(u: Unstructured<'a>) -> Dice<'a> {
        Dice { u }
    }

    /// A number in `0..n` (0 when `n` is 0 or 1, or when the input is used up).
    pub fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        self.u.int_in_range(0..=n - 1).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `num/den` (false once the input is used up).
    pub fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) >= den - num
    }

    /// One of `items`, which must not be empty.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// The bytes that stand in for fuzz input when generating from a seed: SplitMix64 over
/// `seed` and the program's `index`, so program `i` of seed `s` never depends on the others.
pub fn seed_bytes(seed: u64, index: u64, len: usize) -> Vec<u8> {
    let mut state = seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03) ^ 0x05EE_D0FE_31AB;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        out.extend_from_slice(&(z ^ (z >> 31)).to_le_bytes());
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_deterministic_and_distinct() {
        assert_eq!(seed_bytes(1, 2, 64), seed_bytes(1, 2, 64));
        assert_ne!(seed_bytes(1, 2, 64), seed_bytes(1, 3, 64));
        assert_ne!(seed_bytes(1, 2, 64), seed_bytes(2, 2, 64));
    }

    #[test]
    fn used_up_input_gives_the_smallest_choices() {
        let mut dice = Dice::new(Unstructured::new(&[]));
        assert_eq!(dice.below(10), 0);
        assert_eq!(dice.range(3, 9), 3);
        assert!(!dice.chance(9, 10));
        let bytes = seed_bytes(7, 0, 4096);
        let mut dice = Dice::new(Unstructured::new(&bytes));
        let draws: Vec<usize> = (0..1000).map(|_| dice.below(4)).collect();
        assert!((0..4).all(|v| draws.contains(&v)), "every value comes up");
    }
}
