//! Compact counts for boosts, favourites, followers: "999", "1.2K", "12K", "3.4M".
//!
//! Owns the number shortening only (Mastodon web's `shortNumberFormat`: truncating, one
//! decimal below 10 of a unit, never "1.0K"). Not localised.

/// `0..=999` as is; then K, M, B with one truncated decimal below 10 units.
pub fn compact_count(n: u64) -> String {
    const UNITS: [(u64, char); 3] = [(1_000_000_000, 'B'), (1_000_000, 'M'), (1_000, 'K')];
    for (size, suffix) in UNITS {
        if n >= size {
            let whole = n / size;
            let tenth = (n % size) / (size / 10);
            return if whole < 10 && tenth > 0 {
                format!("{whole}.{tenth}{suffix}")
            } else {
                format!("{whole}{suffix}")
            };
        }
    }
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::compact_count;

    #[test]
    fn mastodon_style() {
        for (n, s) in [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1_000, "1K"),
            (1_050, "1K"),
            (1_099, "1K"),
            (1_234, "1.2K"),
            (9_999, "9.9K"),
            (10_000, "10K"),
            (12_345, "12K"),
            (999_999, "999K"),
            (1_000_000, "1M"),
            (1_234_567, "1.2M"),
            (45_600_000, "45M"),
            (2_500_000_000, "2.5B"),
            (u64::MAX, "18446744073B"),
        ] {
            assert_eq!(compact_count(n), s, "{n}");
        }
    }
}
