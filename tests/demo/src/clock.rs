//! Wall-clock helpers: Unix milliseconds and the datetime formats Mastodon puts on the wire.
//!
//! Owns formatting only (no time zones, no parsing beyond what the seed needs), so the crate
//! needs no date library. Mastodon sends RFC 3339 in UTC with milliseconds and `Z`
//! (`2026-08-01T13:53:15.910Z`), dates as `YYYY-MM-DD` (`last_status_at`) and the rate-limit
//! reset with microseconds.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Civil date (year, month, day) for days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn parts(ms: u64) -> (i64, u32, u32, u64, u64, u64, u64) {
    let secs = ms / 1000;
    let (y, mo, d) = civil_from_days((secs / 86_400) as i64);
    let sod = secs % 86_400;
    (y, mo, d, sod / 3600, (sod / 60) % 60, sod % 60, ms % 1000)
}

/// `2026-08-01T13:53:15.910Z`
pub fn rfc3339(ms: u64) -> String {
    let (y, mo, d, h, mi, s, milli) = parts(ms);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z")
}

/// `2026-04-11T23:15:00.796213Z` (the `X-RateLimit-Reset` format).
pub fn rfc3339_micros(ms: u64) -> String {
    let (y, mo, d, h, mi, s, milli) = parts(ms);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}000Z")
}

/// `2026-04-11` (Account `last_status_at` is a date, not a datetime).
pub fn date(ms: u64) -> String {
    let (y, mo, d, ..) = parts(ms);
    format!("{y:04}-{mo:02}-{d:02}")
}

/// Parses the RFC 3339 subset the fixtures use (`YYYY-MM-DDTHH:MM:SS[.fff]Z`) to Unix ms.
pub fn parse_rfc3339(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() < 20 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let milli = if b.get(19) == Some(&b'.') {
        num(20..23).unwrap_or(0)
    } else {
        0
    };
    // days_from_civil
    let y2 = if mo <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = if mo > 2 { mo - 3 } else { mo + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((((days * 86_400 + h * 3600 + mi * 60 + se) * 1000) + milli) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip() {
        let ms = parse_rfc3339("2026-08-01T13:53:15.910Z").unwrap();
        assert_eq!(rfc3339(ms), "2026-08-01T13:53:15.910Z");
        assert_eq!(date(ms), "2026-08-01");
        assert_eq!(rfc3339_micros(ms), "2026-08-01T13:53:15.910000Z");
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        let leap = parse_rfc3339("2024-02-29T00:00:00Z").unwrap();
        assert_eq!(rfc3339(leap), "2024-02-29T00:00:00.000Z");
    }
}
