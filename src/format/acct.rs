//! Account handles: "@alice@mastodon.social" and "@alice".
//!
//! Owns only string shaping of an `acct` (which is `username` for local accounts and
//! `user@domain` for remote ones). The local domain is a parameter; no session access.

/// The full handle: local accounts get `@local_domain` appended.
///
/// A stray leading `@` in `acct` is tolerated; an empty `local_domain` leaves local handles
/// short.
pub fn full_handle(acct: &str, local_domain: &str) -> String {
    let acct = acct.trim_start_matches('@');
    if acct.contains('@') || local_domain.is_empty() {
        format!("@{acct}")
    } else {
        format!("@{acct}@{local_domain}")
    }
}

/// The handle as the API gives it: `@acct`.
pub fn short_handle(acct: &str) -> String {
    format!("@{}", acct.trim_start_matches('@'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_handles() {
        assert_eq!(
            full_handle("alice", "mastodon.social"),
            "@alice@mastodon.social"
        );
        assert_eq!(
            full_handle("bob@other.host", "mastodon.social"),
            "@bob@other.host"
        );
        assert_eq!(full_handle("@carol", "m.example"), "@carol@m.example");
        assert_eq!(full_handle("dave", ""), "@dave");
    }

    #[test]
    fn short_handles() {
        assert_eq!(short_handle("alice"), "@alice");
        assert_eq!(short_handle("bob@other.host"), "@bob@other.host");
        assert_eq!(short_handle("@eve"), "@eve");
    }
}
