//! Large tables worked on by every core. Room for them: the kernel clears each page of fresh
//! memory the first time it is written; for a national dataset's 20 million scores that is
//! close to a gigabyte, cleared by whichever thread fills the table first. Touching the room
//! beforehand, in parallel, shares that work among the cores. And runs of equal keys (a
//! person's scores) worked on in parallel blocks, each in a small buffer, rather than in one
//! table of every row. A leaf: it imports nothing of mwm.

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

/// `n` copies of `value`, written in parallel blocks when they are many, so that every core
/// shares the clearing of the new memory.
pub fn filled<T: Copy + Send + Sync>(n: usize, value: T) -> Vec<T> {
    let mut v = Vec::with_capacity(n);
    v.par_extend(rayon::iter::repeat_n(value, n));
    v
}

/// `each(rows, acc)` for every run of equal `keys` (a person's scores, listed person by
/// person), in parallel blocks of whole runs, each block with an accumulator of its own; the
/// accumulators come back in the blocks' order. None when the keys are not in ascending
/// order, so that a key may have more than one run.
pub fn by_sorted_runs<A: Default + Send>(
    keys: &[u32],
    each: impl Fn(std::ops::Range<usize>, &mut A) + Sync,
) -> Option<Vec<A>> {
    if !keys.par_windows(2).all(|w| w[0] <= w[1]) {
        return None;
    }
    Some(
        run_blocks(keys, rayon::current_num_threads() * 16)
            .par_windows(2)
            .map(|w| {
                let mut acc = A::default();
                let mut at = w[0];
                for run in keys[w[0]..w[1]].chunk_by(|a, b| a == b) {
                    each(at..at + run.len(), &mut acc);
                    at += run.len();
                }
                acc
            })
            .collect(),
    )
}

/// `each(rows, acc)` for every key's rows (in row order), the keys in ascending order, in
/// parallel blocks of keys, each block with an accumulator of its own; the accumulators come
/// back in the blocks' order. As [`by_sorted_runs`], for keys in any order. The keys are
/// codes (0 to the largest), and the rows are grouped by counting them: two passes over the
/// keys rather than a sort of every row. Meant for few keys (projects): each key's next place
/// then stays in the cache as the rows are put in their groups.
pub fn by_key_groups<A: Default + Send>(
    keys: &[u32],
    each: impl Fn(&[u32], &mut A) + Sync,
) -> Vec<A> {
    let groups = keys.iter().max().map_or(0, |&k| k as usize + 1);
    // Where each key's rows start, then (as they are placed) where its next row goes.
    let mut start = vec![0u32; groups + 1];
    for &k in keys {
        start[k as usize + 1] += 1;
    }
    for g in 0..groups {
        start[g + 1] += start[g];
    }
    let mut next = start[..groups].to_vec();
    let mut rows = filled(keys.len(), 0u32);
    for (i, &k) in keys.iter().enumerate() {
        let at = &mut next[k as usize];
        rows[*at as usize] = i as u32;
        *at += 1;
    }
    // Blocks of whole keys, of about as many rows each.
    let parts = rayon::current_num_threads() * 16;
    let mut bounds: Vec<usize> = (0..=parts)
        .map(|b| start.partition_point(|&s| (s as usize) < b * keys.len() / parts))
        .map(|g| g.min(groups))
        .collect();
    bounds[parts] = groups;
    bounds.dedup();
    bounds
        .par_windows(2)
        .map(|w| {
            let mut acc = A::default();
            for g in w[0]..w[1] {
                let of_key = &rows[start[g] as usize..start[g + 1] as usize];
                if !of_key.is_empty() {
                    each(of_key, &mut acc);
                }
            }
            acc
        })
        .collect()
}

/// Where to cut `keys` into about `parts` blocks of rows without cutting a run of equal keys:
/// the first row of each block, then the number of rows.
fn run_blocks(keys: &[u32], parts: usize) -> Vec<usize> {
    let (n, parts) = (keys.len(), parts.max(1));
    let mut bounds: Vec<usize> = (0..=parts).map(|b| b * n / parts).collect();
    for b in &mut bounds[1..parts] {
        while *b > 0 && *b < n && keys[*b] == keys[*b - 1] {
            *b += 1;
        }
    }
    bounds.dedup();
    bounds
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

    /// Every key's rows, in row order, keys ascending, each once, whatever the order of the
    /// keys and however many blocks they make (worked out by hand: rows of key 0 are 1 and 4).
    #[test]
    fn key_groups_are_every_keys_rows_in_order() {
        let collect = |keys: &[u32]| -> Vec<(u32, Vec<u32>)> {
            super::by_key_groups(keys, |rows, acc: &mut Vec<(u32, Vec<u32>)>| {
                acc.push((keys[rows[0] as usize], rows.to_vec()));
            })
            .into_iter()
            .flatten()
            .collect()
        };
        assert_eq!(
            collect(&[2, 0, 3, 2, 0]),
            [(0, vec![1, 4]), (2, vec![0, 3]), (3, vec![2])]
        );
        assert!(collect(&[]).is_empty());
        // More keys than blocks, in a scrambled order, some codes unused.
        let keys: Vec<u32> = (0..10_000u32).map(|i| (i * 7919) % 997 * 2).collect();
        let groups = collect(&keys);
        assert_eq!(groups.len(), 997);
        assert!(groups.windows(2).all(|w| w[0].0 < w[1].0));
        for (key, rows) in &groups {
            assert!(rows.windows(2).all(|w| w[0] < w[1]));
            assert!(rows.iter().all(|&r| keys[r as usize] == *key));
        }
        assert_eq!(groups.iter().map(|g| g.1.len()).sum::<usize>(), keys.len());
    }

    #[test]
    fn filled_gives_n_copies() {
        // Large enough to be written in parallel blocks.
        let v = super::filled(3 << 20, 7u32);
        assert_eq!(v.len(), 3 << 20);
        assert!(v.iter().all(|x| *x == 7));
        assert!(super::filled(0, 1.5f64).is_empty());
    }

    #[test]
    fn runs_of_sorted_keys_come_whole_and_in_order() {
        // Runs by hand: 0..2, 2..3, 3..6, then long runs across the blocks' first cuts.
        let mut keys = vec![1, 1, 2, 3, 3, 3];
        keys.extend(std::iter::repeat_n(4, 500));
        keys.extend(std::iter::repeat_n(5, 3));
        let blocks =
            super::by_sorted_runs(&keys, |rows, runs: &mut Vec<std::ops::Range<usize>>| {
                runs.push(rows)
            })
            .expect("sorted");
        let runs: Vec<_> = blocks.into_iter().flatten().collect();
        assert_eq!(runs, [0..2, 2..3, 3..6, 6..506, 506..509]);
        assert!(super::by_sorted_runs(&[2, 1], |_, _: &mut ()| {}).is_none());
        assert_eq!(super::by_sorted_runs(&[], |_, _: &mut ()| {}), Some(vec![]));
    }
}
