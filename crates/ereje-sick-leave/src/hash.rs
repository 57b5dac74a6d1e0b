//! A fast non-cryptographic hasher (the multiply-rotate scheme of rustc's `FxHasher`) for the
//! checker's maps, whose keys are sheet fingerprints and ИИН. Not resistant to crafted
//! collisions: a hostile batch can slow the checker down, not change its results.

use std::hash::{BuildHasherDefault, Hasher};

/// The hasher.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            for (slot, b) in word.iter_mut().zip(chunk) {
                *slot = *b;
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_u128(&mut self, n: u128) {
        // Truncations on purpose: the two halves.
        #[allow(clippy::cast_possible_truncation)]
        {
            self.add(n as u64);
            self.add((n >> 64) as u64);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn write_i32(&mut self, n: i32) {
        self.add(u64::from(u32::from_ne_bytes(n.to_ne_bytes())));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`Fx`].
pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fx>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn distinct_keys_hash_apart() {
        let b = BuildHasherDefault::<Fx>::default();
        let a = b.hash_one(1u128);
        assert_ne!(a, b.hash_one(2u128));
        assert_ne!(a, b.hash_one(1u128 << 64));
        assert_eq!(a, b.hash_one(1u128));
    }
}
