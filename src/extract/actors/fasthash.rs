//! A small, fast, non-cryptographic hasher (the Fx multiply-rotate scheme) for the short string
//! keys of the gazetteer and the per-article tables. Keys come from the text, but tables are
//! per article or fixed data, so hash flooding is not a concern.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hasher state.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        // The last 1 to 7 bytes, read as whole words of 4, 2 and 1 bytes (no copy).
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = 0u64;
            let mut shift = 0;
            let mut r = rest;
            if let Some((four, tail)) = r.split_first_chunk::<4>() {
                word = u64::from(u32::from_le_bytes(*four));
                shift = 32;
                r = tail;
            }
            if let Some((two, tail)) = r.split_first_chunk::<2>() {
                word |= u64::from(u16::from_le_bytes(*two)) << shift;
                shift += 16;
                r = tail;
            }
            if let Some(&one) = r.first() {
                word |= u64::from(one) << shift;
            }
            self.add(word);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// The state with its well-mixed high bits turned into the low bits a hash table indexes
    /// by: alone, the low bits of an Fx hash of a string depend on a few of its bytes, which
    /// makes long probe runs in tables of hundreds of thousands of names.
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

/// A hash map with the Fx hasher.
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with the Fx hasher.
pub type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equal_and_lookups_work() {
        let mut m: FxHashMap<String, u32> = FxHashMap::default();
        m.insert("washington".into(), 1);
        m.insert("washington d.c.".into(), 2);
        assert_eq!(m.get("washington"), Some(&1));
        assert_eq!(m.get("washington d.c."), Some(&2));
        assert_eq!(m.get("washingto"), None);
    }

    #[test]
    fn tail_bytes_hash_as_a_zero_padded_word() {
        let bytes = b"secretary-general";
        for len in 0..=bytes.len() {
            let mut h = FxHasher::default();
            h.write(&bytes[..len]);
            let mut expected = FxHasher::default();
            for chunk in bytes[..len].chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                expected.add(u64::from_le_bytes(word));
            }
            assert_eq!(h.finish(), expected.finish(), "length {len}");
        }
    }
}
