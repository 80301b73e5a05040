//! Tests of `state/login.rs`, kept beside it so the module stays small.
use super::*;
use crate::state::discovery::join;
use std::task::Poll;

#[test]
fn callback_outcomes() {
    assert_eq!(
        read_callback("?code=abc&state=xyz"),
        Ok(CallbackParams {
            code: "abc".into(),
            state: "xyz".into()
        })
    );
    assert_eq!(
        read_callback("?error=access_denied&state=xyz"),
        Err(LoginError::Denied)
    );
    assert_eq!(read_callback("?state=xyz"), Err(LoginError::MissingCode));
    assert_eq!(read_callback(""), Err(LoginError::MissingCode));
    assert_eq!(read_callback("?code=abc"), Err(LoginError::StateMismatch));
}

fn pending(state: &str, created_ms: f64) -> Pending {
    Pending {
        state: state.into(),
        origin: "https://a".into(),
        redirect_uri: "r".into(),
        client_id: "c".into(),
        client_secret: "s".into(),
        verifier: None,
        created_ms,
    }
}

#[test]
fn pending_is_single_use_and_expires() {
    let mut list = vec![pending("old", 0.0), pending("a", 4e6), pending("b", 4e6)];
    let now = 4e6 + 1000.0;
    assert_eq!(
        take_pending(&mut list, "a", now).map(|p| p.state),
        Some("a".into())
    );
    assert_eq!(take_pending(&mut list, "a", now), None);
    assert_eq!(take_pending(&mut list, "old", now), None);
    assert_eq!(list.len(), 1);
}

#[test]
fn every_error_has_its_own_message() {
    let all = [
        LoginError::Input(InputError::Empty),
        LoginError::Input(InputError::Malformed),
        LoginError::Input(InputError::UnsupportedScheme),
        LoginError::Discovery(ApiError::new(ErrorKind::Network)),
        LoginError::Discovery(ApiError::new(ErrorKind::Decode)),
        LoginError::Discovery(ApiError::new(ErrorKind::Timeout)),
        LoginError::Discovery(ApiError::from_response(502, "<html>", None)),
        LoginError::Discovery(ApiError::new(ErrorKind::RateLimited { reset: None })),
        LoginError::Discovery(ApiError::new(ErrorKind::Forbidden)),
        LoginError::Blocked,
        LoginError::Registration(ApiError::new(ErrorKind::Invalid)),
        LoginError::Denied,
        LoginError::MissingCode,
        LoginError::StateMismatch,
        LoginError::Exchange(ApiError::new(ErrorKind::InvalidGrant)),
        LoginError::Exchange(ApiError::new(ErrorKind::InvalidClient)),
        LoginError::Account(ApiError::new(ErrorKind::Server)),
    ];
    let messages: std::collections::HashSet<String> = all.iter().map(|e| e.message()).collect();
    assert_eq!(messages.len(), all.len());
    // No message leaks Rust or JSON.
    assert!(
        messages
            .iter()
            .all(|m| !m.contains('{') && !m.contains("Error"))
    );
}

#[test]
fn discovery_failures_are_told_apart() {
    let network = ApiError::new(ErrorKind::Network);
    assert_eq!(
        classify_discovery(network.clone(), Some(true)),
        LoginError::Blocked
    );
    assert_eq!(
        classify_discovery(network.clone(), Some(false)),
        LoginError::Discovery(network.clone())
    );
    assert_eq!(
        classify_discovery(network.clone(), None),
        LoginError::Discovery(network)
    );
    let down = ApiError::from_response(503, "", None);
    let message = classify_discovery(down.clone(), None).message();
    assert!(message.contains("503"), "{message}");
    assert!(LoginError::Discovery(down).can_retry());
    assert!(!LoginError::Blocked.can_retry());
    let not_mastodon = ApiError::from_response(404, "<!doctype html>", None);
    assert!(!LoginError::Discovery(not_mastodon).can_retry());
}

#[test]
fn recent_instances_are_most_recent_first_and_capped() {
    let mut list = Vec::new();
    for o in ["a", "b", "c", "d", "e", "f"] {
        list = push_recent(list, o);
    }
    assert_eq!(list, ["f", "e", "d", "c", "b"]);
    assert_eq!(push_recent(list, "c"), ["c", "f", "e", "d", "b"]);
}

#[test]
fn join_polls_both_futures_to_completion() {
    struct Later(u8);
    impl Future for Later {
        type Output = u8;
        fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context) -> Poll<u8> {
            if self.0 == 0 {
                Poll::Ready(7)
            } else {
                self.0 -= 1;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
    }
    let mut fut = std::pin::pin!(join(Later(1), Later(3)));
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    let mut polls = 0;
    let out = loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            break v;
        }
    };
    assert_eq!(out, (7, 7));
    assert_eq!(polls, 4);
}
