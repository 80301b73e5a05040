//! When to try a failed request again: a 429 waits for the rate-limit reset, a 5xx or a lost
//! connection backs off. Pure (the clock is a parameter), so the policy is host-tested.

use super::error::{ApiError, ErrorKind};

/// The longest Woolly waits for a rate-limit reset before giving up and showing the error.
pub const MAX_RATE_LIMIT_WAIT_MS: u64 = 60_000;

/// How long to wait before attempt number `attempt + 1` (0-based `attempt` just failed), or
/// `None` to stop and show the error. Only idempotent requests are retried by the caller.
pub fn retry_delay_ms(error: &ApiError, attempt: u32, now_ms: f64) -> Option<u64> {
    match &error.kind {
        ErrorKind::RateLimited { reset } if attempt == 0 => {
            let wait = reset
                .as_deref()
                .and_then(crate::format::parse_datetime)
                .map(|t| (t.timestamp_millis() as f64 - now_ms).max(0.0) as u64 + 250)
                .unwrap_or(5_000);
            (wait <= MAX_RATE_LIMIT_WAIT_MS).then_some(wait)
        }
        ErrorKind::Server | ErrorKind::Network | ErrorKind::Timeout if attempt < 2 => {
            Some(1_000 * 3u64.pow(attempt))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(kind: ErrorKind) -> ApiError {
        ApiError::new(kind)
    }

    #[test]
    fn rate_limit_waits_for_the_reset() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-04-11T23:14:50Z").unwrap();
        let e = err(ErrorKind::RateLimited {
            reset: Some("2026-04-11T23:15:00.796213Z".into()),
        });
        let wait = retry_delay_ms(&e, 0, now.timestamp_millis() as f64).unwrap();
        assert!((10_700..=11_100).contains(&wait), "{wait}");
        assert_eq!(retry_delay_ms(&e, 1, now.timestamp_millis() as f64), None);
    }

    #[test]
    fn a_far_reset_is_not_waited_for() {
        let e = err(ErrorKind::RateLimited {
            reset: Some("2026-04-11T23:15:00Z".into()),
        });
        let an_hour_before = 1_775_945_700_000.0 - 3_600_000.0;
        assert_eq!(retry_delay_ms(&e, 0, an_hour_before), None);
    }

    #[test]
    fn server_errors_back_off_then_stop() {
        let e = err(ErrorKind::Server);
        assert_eq!(retry_delay_ms(&e, 0, 0.0), Some(1_000));
        assert_eq!(retry_delay_ms(&e, 1, 0.0), Some(3_000));
        assert_eq!(retry_delay_ms(&e, 2, 0.0), None);
        assert_eq!(retry_delay_ms(&err(ErrorKind::Unauthorized), 0, 0.0), None);
        assert_eq!(retry_delay_ms(&err(ErrorKind::NotFound), 0, 0.0), None);
    }
}
