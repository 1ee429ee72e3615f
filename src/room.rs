//! Room for large tables, made ready by every core. The kernel clears each page of fresh
//! memory the first time it is written; for a national dataset's 20 million scores that is
//! close to a gigabyte, cleared by whichever thread fills the table first. Touching the room
//! beforehand, in parallel, shares that work among the cores. A leaf: it imports nothing of
//! mwm.

use rayon::prelude::*;
use std::mem::MaybeUninit;

/// Below this many bytes, room is left to be cleared as it is filled.
const TOUCH_FROM_BYTES: usize = 8 << 20;

/// Reserves room for `additional` more items in `v`, writing once into every page of it in
/// parallel when it is large. The items are not changed.
pub fn reserve<T: Send>(v: &mut Vec<T>, additional: usize) {
    v.reserve(additional);
    let size = std::mem::size_of::<T>().max(1);
    let spare = v.spare_capacity_mut();
    if spare.len() * size < TOUCH_FROM_BYTES {
        return;
    }
    // One write a 4 KiB page makes the kernel supply and clear it.
    let per_page = (4096 / size).max(1);
    spare.par_chunks_mut(per_page * 256).for_each(|chunk| {
        for item in chunk.iter_mut().step_by(per_page) {
            *item = MaybeUninit::zeroed();
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn reserving_keeps_the_items_and_gives_the_room() {
        let mut v: Vec<u64> = (0..10).collect();
        super::reserve(&mut v, 3 << 20);
        assert_eq!(v, (0..10).collect::<Vec<u64>>());
        assert!(v.capacity() >= 10 + (3 << 20));
        let mut small: Vec<u8> = vec![1, 2];
        super::reserve(&mut small, 5);
        assert_eq!(small, [1, 2]);
        assert!(small.capacity() >= 7);
    }
}
