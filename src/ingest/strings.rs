//! A sheet's distinct strings (project and person ids, measure names, notes), each coded by
//! the order it was first seen in. They are held end to end in one buffer ([`Names`]) and
//! found again by their hash: a national dataset's 2.5 million person ids are a few
//! allocations, where one string each (and a second for the lookup's key) cost more in fresh
//! memory than in parsing.

use crate::model::Names;
use hashbrown::HashTable;
use std::hash::BuildHasher;

#[derive(Debug, Clone, Default)]
pub struct Strings {
    names: Names,
    /// Codes with their string's hash, by that hash. Keeping the hash means growing the table
    /// never reads the strings again: for 2.5 million person ids that reading (each a miss
    /// of the cache) was a quarter of joining a large file's pieces.
    table: HashTable<(u32, u32)>,
}

/// A string's hash, in 32 bits so that a code and its hash take 8 bytes.
fn hash(s: &str) -> u32 {
    let h = rustc_hash::FxBuildHasher.hash_one(s);
    (h ^ (h >> 32)) as u32
}

/// The table's hash of a string's: spread over 64 bits, since the table takes its slot from
/// the low bits and a tag from the top seven.
fn spread(h: u32) -> u64 {
    u64::from(h).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl Strings {
    /// How many distinct strings there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The string of `code`.
    pub fn get(&self, code: u32) -> &str {
        self.names.get(code)
    }

    /// The code of `s`, given it now if it is new.
    pub fn code(&mut self, s: &str) -> u32 {
        let Strings { names, table } = self;
        let h = hash(s);
        if let Some(&(code, _)) = table.find(spread(h), |&(c, ch)| ch == h && names.get(c) == s) {
            return code;
        }
        let code = names.push(s);
        table.insert_unique(spread(h), (code, h), |&(_, ch)| spread(ch));
        code
    }

    /// Room for `more` strings.
    pub fn reserve(&mut self, more: usize) {
        self.table.reserve(more, |&(_, ch)| spread(ch));
    }

    /// Every string, in code order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.names.iter()
    }

    /// The strings, without the lookup.
    pub fn into_names(self) -> Names {
        self.names
    }
}

/// Equal when they hold the same strings under the same codes.
impl PartialEq for Strings {
    fn eq(&self, other: &Strings) -> bool {
        self.names == other.names
    }
}

#[cfg(test)]
mod tests {
    use super::Strings;

    #[test]
    fn codes_in_first_seen_order_and_gives_each_string_back() {
        let mut s = Strings::default();
        let words = ["P1", "", "anna", "P1", "Ánna", "anna", "", "b"];
        let codes: Vec<u32> = words.iter().map(|w| s.code(w)).collect();
        // By hand: each new string takes the next code, a repeat its first one.
        assert_eq!(codes, [0, 1, 2, 0, 3, 2, 1, 4]);
        assert_eq!(s.len(), 5);
        assert_eq!(
            s.iter().collect::<Vec<_>>(),
            ["P1", "", "anna", "Ánna", "b"]
        );
        // Many strings: the table grows and still finds every one.
        for i in 0..10_000 {
            assert_eq!(s.code(&format!("person-{i}")), 5 + i);
        }
        for i in (0..10_000).rev() {
            assert_eq!(s.code(&format!("person-{i}")), 5 + i);
            assert_eq!(s.get(5 + i), format!("person-{i}"));
        }
    }
}
