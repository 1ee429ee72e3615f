//! Names made from user text (SPEC 5.1, 5.5): the slugs of project and funder pages. A slug
//! is lower case with runs of other characters than letters and digits made `-`, at most
//! [`MAX_SLUG_BYTES`] bytes, so that any id, however long, gives a valid file name; a cut
//! slug ends in a short hash of the full id, so two long ids that share a beginning still get
//! names of their own.

use sha2::{Digest, Sha256};

/// The longest slug, in bytes (SPEC 5.5). File systems allow 255 bytes a name; 80 leaves room
/// for `.html` and a clash suffix, and keeps links readable.
pub const MAX_SLUG_BYTES: usize = 80;

/// Hex digits of the hash that ends a cut slug: 32 bits, enough to tell apart the ids of one
/// report, and a clash would still be caught by [`unique_slugs`].
const HASH_DIGITS: usize = 8;

/// The slug of one id: lower case, runs of other characters than letters and digits made `-`,
/// `project` when nothing is left; cut to [`MAX_SLUG_BYTES`] with a hash of `id` when longer.
pub fn slug(id: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for ch in id.chars() {
        if ch.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.extend(ch.to_lowercase());
        } else {
            gap = true;
        }
    }
    if out.is_empty() {
        return "project".into();
    }
    if out.len() <= MAX_SLUG_BYTES {
        return out;
    }
    let hash = short_hash(id);
    let mut cut = fit(&out, MAX_SLUG_BYTES - hash.len() - 1).to_string();
    cut.push('-');
    cut.push_str(&hash);
    cut
}

/// The first [`HASH_DIGITS`] hex digits of the SHA-256 of `id`: the same on every machine.
fn short_hash(id: &str) -> String {
    Sha256::digest(id.as_bytes())
        .iter()
        .take(HASH_DIGITS / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The longest start of `text` of at most `max` bytes that ends on a character boundary,
/// without a trailing `-`.
fn fit(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].trim_end_matches('-')
}

/// Unique slugs for ids given in order: a clash gets `-2`, `-3`, still within
/// [`MAX_SLUG_BYTES`].
pub fn unique_slugs(ids: &[String]) -> Vec<String> {
    let mut used = std::collections::HashSet::new();
    // The next number to try for each slug that clashed: the numbers below it are taken (the
    // set only grows), so a thousand ids with one slug do not try a million candidates.
    let mut next: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    ids.iter()
        .map(|id| {
            let base = slug(id);
            let mut candidate = base.clone();
            let mut n = next.get(&base).copied().unwrap_or(2);
            while !used.insert(candidate.clone()) {
                let suffix = format!("-{n}");
                candidate = format!("{}{suffix}", fit(&base, MAX_SLUG_BYTES - suffix.len()));
                n += 1;
            }
            if n > 2 || next.contains_key(&base) {
                next.insert(base, n);
            }
            candidate
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clashing_slugs_take_the_next_free_number() {
        let ids: Vec<String> = ["x", "X", "x-2", "x!", "x?"].map(String::from).to_vec();
        // By hand: "X" clashes with "x"; the id "x-2" finds its slug taken by "X"'s; "x!" and
        // "x?" take the next numbers of "x".
        assert_eq!(unique_slugs(&ids), ["x", "x-2", "x-2-2", "x-3", "x-4"]);
        let many: Vec<String> = (0..3000)
            .map(|i| format!("x{}", "!".repeat(i % 3)))
            .collect();
        let slugs = unique_slugs(&many);
        assert_eq!(slugs[2999], "x-3000");
        let distinct: std::collections::HashSet<&String> = slugs.iter().collect();
        assert_eq!(distinct.len(), 3000);
    }

    #[test]
    fn slugs_as_specified() {
        assert_eq!(slug("WRX-CHOIR"), "wrx-choir");
        assert_eq!(slug("P 01 / a"), "p-01-a");
        assert_eq!(slug("--x--"), "x");
        assert_eq!(slug("!!!"), "project");
        let ids = vec!["A-B".to_string(), "a b".to_string(), "A_B".to_string()];
        assert_eq!(unique_slugs(&ids), vec!["a-b", "a-b-2", "a-b-3"]);
    }

    #[test]
    fn long_ids_are_cut_with_a_hash() {
        let long = "x".repeat(300);
        let s = slug(&long);
        assert_eq!(s.len(), MAX_SLUG_BYTES);
        // sha256 of 300 'x' (Python: hashlib.sha256(b"x" * 300).hexdigest()[:8]).
        assert_eq!(&s[..71], "x".repeat(71));
        assert_eq!(&s[71..72], "-");
        assert_eq!(&s[72..], "0d4e2ca9");
        // Ids that share their first 300 bytes differ in their hash.
        assert_ne!(slug(&format!("{long}a")), slug(&format!("{long}b")));
        // An id of exactly 80 bytes is kept whole.
        assert_eq!(slug(&"y".repeat(80)), "y".repeat(80));
    }

    #[test]
    fn cuts_fall_on_character_boundaries() {
        // 'é' is two bytes, 'ŵ' two, '😀' is not a letter and becomes a gap.
        for id in [
            "é".repeat(200),
            format!("a{}", "ŵ".repeat(100)),
            "ab😀".repeat(100),
        ] {
            let s = slug(&id);
            assert!(s.len() <= MAX_SLUG_BYTES, "{s}");
            assert!(!s.contains("--"), "{s}");
        }
    }

    #[test]
    fn clashes_of_long_slugs_stay_within_the_limit() {
        let ids: Vec<String> = (0..12).map(|_| "z".repeat(80)).collect();
        let slugs = unique_slugs(&ids);
        let distinct: std::collections::HashSet<_> = slugs.iter().collect();
        assert_eq!(distinct.len(), 12);
        assert!(slugs.iter().all(|s| s.len() <= MAX_SLUG_BYTES), "{slugs:?}");
        assert_eq!(slugs[11], format!("{}-12", "z".repeat(77)));
    }
}
