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
    /// How many of the strings, from the first, the table holds: those given by
    /// [`Strings::push_new`] are put in it only when a lookup next needs them.
    indexed: usize,
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
        self.index_all();
        let h = hash(s);
        if let Some(code) = self.find(s, h) {
            return code;
        }
        let code = self.names.push(s);
        self.index(code, h);
        code
    }

    /// The next code, for `s`, which the caller knows is not held yet (it is one of a set of
    /// distinct strings, and none was held before the first of them). Looking it up is left
    /// until a lookup needs it: the usual single outcomes sheet codes its 2.5 million person
    /// ids without building the table at all.
    pub fn push_new(&mut self, s: &str) -> u32 {
        debug_assert!(self.indexed < self.names.len() || self.find(s, hash(s)).is_none());
        self.names.push(s)
    }

    /// The code of `s`, whose hash is `h`, when the table holds it.
    fn find(&self, s: &str, h: u32) -> Option<u32> {
        let names = &self.names;
        self.table
            .find(spread(h), |&(c, ch)| ch == h && names.get(c) == s)
            .map(|&(code, _)| code)
    }

    /// Puts the next string not in the table, `code`, whose hash is `h`, in it.
    fn index(&mut self, code: u32, h: u32) {
        debug_assert_eq!(code as usize, self.indexed);
        self.table
            .insert_unique(spread(h), (code, h), |&(_, ch)| spread(ch));
        self.indexed += 1;
    }

    /// Puts the strings given by [`Strings::push_new`] in the table.
    fn index_all(&mut self) {
        if self.indexed == self.names.len() {
            return;
        }
        self.reserve(self.names.len() - self.indexed);
        for code in self.indexed as u32..self.names.len() as u32 {
            let h = hash(self.names.get(code));
            self.index(code, h);
        }
    }

    /// The bytes of every string together.
    pub fn text_len(&self) -> usize {
        self.names.text_len()
    }

    /// Room for `more` strings of `bytes` bytes together, to be pushed with
    /// [`Strings::push_new`] (which indexes none of them).
    pub fn reserve_new(&mut self, more: usize, bytes: usize) {
        self.names.reserve(more, bytes);
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

    /// Strings given without a lookup take the next codes, and are found by the next lookup
    /// as if they had been coded one by one.
    #[test]
    fn strings_pushed_new_are_found_later() {
        let mut s = Strings::default();
        assert_eq!(s.code("a"), 0);
        for i in 0..1_000u32 {
            assert_eq!(s.push_new(&format!("new-{i}")), 1 + i);
        }
        // By hand: "a" is 0, "new-i" is 1 + i, and a string not seen before takes 1,001.
        assert_eq!(s.code("new-999"), 1_000);
        assert_eq!(s.code("new-0"), 1);
        assert_eq!(s.code("a"), 0);
        assert_eq!(s.code("b"), 1_001);
        assert_eq!(s.push_new("c"), 1_002);
        assert_eq!(s.code("c"), 1_002);
        assert_eq!(s.len(), 1_003);
    }
}
