//! The streaming decoder over real captured streams: each fixture event's `data` is the wire
//! payload, wrapped in the WebSocket frame Mastodon sends (payload as a JSON string), so the
//! decoder parses it twice exactly as in the browser.

use serde::Deserialize;
use woolly::api::streaming::{StreamEvent, decode_event, decode_frame};

#[derive(Deserialize)]
struct Capture {
    events: Vec<Captured>,
}

#[derive(Deserialize)]
struct Captured {
    event: String,
    data: String,
}

fn frames(text: &str, stream: &str) -> Vec<(String, Option<StreamEvent>)> {
    let capture: Capture = serde_json::from_str(text).expect("capture");
    capture
        .events
        .into_iter()
        .map(|e| {
            let frame =
                serde_json::json!({ "stream": [stream], "event": e.event, "payload": e.data })
                    .to_string();
            let decoded = decode_frame(&frame);
            // The frame decoder and the event decoder agree.
            assert_eq!(
                decoded.as_ref().map(|m| &m.event),
                decode_event(&e.event, Some(&e.data)).as_ref()
            );
            if let Some(m) = &decoded {
                assert_eq!(m.stream, [stream]);
            }
            (e.event, decoded.map(|m| m.event))
        })
        .collect()
}

#[test]
fn the_user_stream_decodes_every_event() {
    let events = frames(
        include_str!("../fixtures/streaming_user_sse_events.json"),
        "user",
    );
    let names: Vec<&str> = events.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "update",
            "notification",
            "update",
            "notification",
            "status.update",
            "delete"
        ]
    );
    match &events[0].1 {
        Some(StreamEvent::Update(s)) => {
            assert_eq!(s.id, "117024236332527350");
            assert!(s.content.contains("only real cars respond"));
        }
        other => panic!("update: {other:?}"),
    }
    match &events[1].1 {
        Some(StreamEvent::Notification(n)) => {
            assert_eq!((n.id.as_str(), n.kind.as_str()), ("14", "mention"));
            assert!(n.status.is_some());
        }
        other => panic!("notification: {other:?}"),
    }
    match &events[4].1 {
        Some(StreamEvent::StatusUpdate(s)) => {
            assert_eq!(s.id, "117024236332527350");
            assert!(s.edited_at.is_some());
        }
        other => panic!("status.update: {other:?}"),
    }
    assert_eq!(
        events[5].1,
        Some(StreamEvent::Delete("117024236332527350".into()))
    );
}

#[test]
fn the_direct_stream_decodes_a_conversation() {
    let events = frames(
        include_str!("../fixtures/streaming_direct_sse_events.json"),
        "direct",
    );
    assert_eq!(events.len(), 1);
    match &events[0].1 {
        Some(StreamEvent::Conversation(c)) => {
            assert_eq!(c.id, "6");
            assert!(c.unread);
            assert!(c.last_status.is_some());
            assert!(!c.accounts.is_empty());
        }
        other => panic!("conversation: {other:?}"),
    }
}
