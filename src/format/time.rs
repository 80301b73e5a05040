//! Timestamps: "now", "12s", "5m", "3h", "6d", "Mar 3", "Mar 3, 2024", full dates, and
//! parsing the API's RFC 3339 datetimes and plain dates.
//!
//! Owns time arithmetic and English date shapes, Mastodon-web style. `now` and the viewer's
//! UTC offset are always parameters (no clock, no browser). Formatting is by hand: chrono's
//! `format()` machinery is too heavy for the WASM budget.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Utc};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Relative time as in Mastodon's web UI, with dates in UTC. See `relative_time_at`.
pub fn relative_time(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    relative_time_at(then, now, 0)
}

/// Relative time: "now" under 10 s (and for future times, i.e. clock skew), then "12s",
/// "5m", "3h", "6d"; from 7 days "Mar 3" in the viewer's current year, else "Mar 3, 2024".
/// Dates are taken at `utc_offset_minutes` (the viewer's zone).
pub fn relative_time_at(
    then: DateTime<Utc>,
    now: DateTime<Utc>,
    utc_offset_minutes: i32,
) -> String {
    let secs = (now - then).num_seconds();
    match secs {
        ..10 => "now".to_string(),
        10..60 => format!("{secs}s"),
        60..3_600 => format!("{}m", secs / 60),
        3_600..86_400 => format!("{}h", secs / 3_600),
        86_400..604_800 => format!("{}d", secs / 86_400),
        _ => {
            let t = local(then, utc_offset_minutes);
            let (m, d, y) = (MONTHS[t.month0() as usize], t.day(), t.year());
            if y == local(now, utc_offset_minutes).year() {
                format!("{m} {d}")
            } else {
                format!("{m} {d}, {y}")
            }
        }
    }
}

/// A full timestamp at the viewer's UTC offset: "Mar 3, 2026, 14:05" (24-hour clock).
pub fn full_date(then: DateTime<Utc>, utc_offset_minutes: i32) -> String {
    let t = local(then, utc_offset_minutes);
    format!(
        "{} {}, {}, {:02}:{:02}",
        MONTHS[t.month0() as usize],
        t.day(),
        t.year(),
        t.hour(),
        t.minute()
    )
}

fn local(t: DateTime<Utc>, utc_offset_minutes: i32) -> NaiveDateTime {
    let naive = t.naive_utc();
    naive
        .checked_add_signed(Duration::minutes(utc_offset_minutes.into()))
        .unwrap_or(naive)
}

/// Parse an RFC 3339 datetime as the API sends it (`created_at`, `edited_at`, …).
pub fn parse_datetime(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

/// Parse a plain date such as `last_status_at` ("2026-04-11"). A full datetime is accepted
/// too (some servers send one); its date part is used.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10
        || b[4] != b'-'
        || b[7] != b'-'
        || (b.len() > 10 && !matches!(b[10], b'T' | b't' | b' '))
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        parse_datetime(s).unwrap()
    }

    #[test]
    fn relative_steps() {
        let now = at("2026-03-10T12:00:00Z");
        for (then, want) in [
            ("2026-03-10T12:00:00Z", "now"),
            ("2026-03-10T11:59:51Z", "now"),
            ("2026-03-10T11:59:50Z", "10s"),
            ("2026-03-10T11:59:01Z", "59s"),
            ("2026-03-10T11:59:00Z", "1m"),
            ("2026-03-10T11:05:00Z", "55m"),
            ("2026-03-10T11:00:00Z", "1h"),
            ("2026-03-09T12:00:01Z", "23h"),
            ("2026-03-09T12:00:00Z", "1d"),
            ("2026-03-03T12:00:01Z", "6d"),
            ("2026-03-03T12:00:00Z", "Mar 3"),
            ("2026-01-01T00:00:00Z", "Jan 1"),
            ("2025-12-31T23:59:59Z", "Dec 31, 2025"),
            ("2024-03-03T10:00:00Z", "Mar 3, 2024"),
            ("2026-03-10T12:05:00Z", "now"),
            ("2027-01-01T00:00:00Z", "now"),
        ] {
            assert_eq!(relative_time(at(then), now), want, "{then}");
        }
    }

    #[test]
    fn relative_dates_use_the_viewer_offset() {
        let now = at("2026-01-20T12:00:00Z");
        let then = at("2026-01-01T02:00:00Z");
        assert_eq!(relative_time_at(then, now, 0), "Jan 1");
        assert_eq!(relative_time_at(then, now, -180), "Dec 31, 2025");
    }

    #[test]
    fn full_dates() {
        let t = at("2026-03-03T14:05:09.123Z");
        assert_eq!(full_date(t, 0), "Mar 3, 2026, 14:05");
        assert_eq!(full_date(t, 120), "Mar 3, 2026, 16:05");
        assert_eq!(full_date(t, -15 * 60), "Mar 2, 2026, 23:05");
        assert_eq!(
            full_date(at("2026-12-31T23:30:00Z"), 60),
            "Jan 1, 2027, 00:30"
        );
    }

    #[test]
    fn parses_api_datetimes() {
        assert_eq!(
            parse_datetime("2023-05-28T15:49:40.490Z"),
            Some(at("2023-05-28T15:49:40.490+00:00"))
        );
        assert_eq!(
            parse_datetime("2026-04-11T02:00:00+02:00").map(|d| d.hour()),
            Some(0)
        );
        assert_eq!(parse_datetime("2026-04-11"), None);
        assert_eq!(parse_datetime("yesterday"), None);
    }

    #[test]
    fn parses_dates() {
        assert_eq!(
            parse_date("2026-04-11"),
            NaiveDate::from_ymd_opt(2026, 4, 11)
        );
        assert_eq!(
            parse_date("2026-04-11T00:00:00.000Z"),
            NaiveDate::from_ymd_opt(2026, 4, 11)
        );
        for bad in [
            "2026-02-30",
            "2026-4-11",
            "20260411",
            "",
            "2026-04-11x",
            "+026-04-11",
            "2026-0a-11",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
