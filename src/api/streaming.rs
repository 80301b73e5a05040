//! The streaming API over a WebSocket: the URL, the connection (token as the subprotocol), and
//! the pure frame decoder.
//!
//! A frame is `{"stream":["user"],"event":"update","payload":"{…}"}`: the payload is a JSON
//! **string** that must be parsed a second time; `delete` carries the bare id, and
//! `filters_changed` has no payload
//! (<https://docs.joinmastodon.org/methods/streaming/#events>). Unknown events and payloads
//! that do not decode are ignored, never fatal. This module knows no signals: the connection
//! hands decoded events to a callback; reconnecting is `state::streaming`'s job.

use serde::Deserialize;

use crate::model::{Status, misc::Conversation, notification::Notification};

/// One decoded event.
#[derive(Clone, Debug, PartialEq)]
pub enum StreamEvent {
    /// A new status in the stream's timeline.
    Update(Box<Status>),
    /// A status was deleted: its id.
    Delete(String),
    /// A status was edited: the new version.
    StatusUpdate(Box<Status>),
    Notification(Box<Notification>),
    /// Filters changed: refetch them.
    FiltersChanged,
    /// A direct conversation changed.
    Conversation(Box<Conversation>),
}

/// An event and the stream(s) it was sent on (`["user"]`, `["hashtag","rust"]`…).
#[derive(Clone, Debug, PartialEq)]
pub struct StreamMessage {
    pub stream: Vec<String>,
    pub event: StreamEvent,
}

#[derive(Deserialize)]
struct Frame {
    #[serde(default)]
    stream: Vec<String>,
    #[serde(default)]
    event: Option<String>,
    #[serde(default)]
    payload: Option<String>,
}

/// Decodes one WebSocket text frame. `None` for error frames, unknown events and payloads
/// that do not decode.
pub fn decode_frame(text: &str) -> Option<StreamMessage> {
    let frame: Frame = serde_json::from_str(text).ok()?;
    let event = decode_event(frame.event.as_deref()?, frame.payload.as_deref())?;
    Some(StreamMessage {
        stream: frame.stream,
        event,
    })
}

/// Decodes an event by name from its payload string (the second parse).
pub fn decode_event(name: &str, payload: Option<&str>) -> Option<StreamEvent> {
    fn parse<T: serde::de::DeserializeOwned>(p: Option<&str>) -> Option<Box<T>> {
        serde_json::from_str(p?).ok().map(Box::new)
    }
    Some(match name {
        "update" => StreamEvent::Update(parse(payload)?),
        "status.update" => StreamEvent::StatusUpdate(parse(payload)?),
        "notification" => StreamEvent::Notification(parse(payload)?),
        "conversation" => StreamEvent::Conversation(parse(payload)?),
        // A bare id; tolerate a JSON-quoted one too.
        "delete" => {
            let id = payload?.trim().trim_matches('"');
            if id.is_empty() {
                return None;
            }
            StreamEvent::Delete(id.to_string())
        }
        "filters_changed" => StreamEvent::FiltersChanged,
        _ => return None,
    })
}

/// The socket URL: the advertised streaming base (or the instance's origin with a `ws`
/// scheme) + `/api/v1/streaming?stream=…`.
pub fn stream_url(streaming_base: Option<&str>, origin: &str, stream: &str) -> String {
    let base = match streaming_base.filter(|b| !b.is_empty()) {
        Some(b) => b.trim_end_matches('/').to_string(),
        None => origin.trim_end_matches('/').to_string(),
    };
    let base = if let Some(rest) = base.strip_prefix("https://") {
        format!("wss://{rest}")
    } else if let Some(rest) = base.strip_prefix("http://") {
        format!("ws://{rest}")
    } else {
        base
    };
    let base = base.strip_suffix("/api/v1/streaming").unwrap_or(&base);
    format!(
        "{base}/api/v1/streaming?stream={}",
        super::query::encode_component(stream)
    )
}

#[cfg(target_arch = "wasm32")]
pub use socket::Socket;

#[cfg(target_arch = "wasm32")]
mod socket {
    use wasm_bindgen::{JsCast, closure::Closure};
    use web_sys::{CloseEvent, MessageEvent, WebSocket};

    use super::{StreamMessage, decode_frame};

    /// An open (or opening) streaming socket; closed when dropped.
    pub struct Socket {
        ws: WebSocket,
        _on_open: Closure<dyn FnMut()>,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_close: Closure<dyn FnMut(CloseEvent)>,
    }

    impl Socket {
        /// Opens `url` with the token as the subprotocol. `on_open` runs when connected,
        /// `on_event` for each decoded event, `on_close` once when the socket closes or fails.
        pub fn open(
            url: &str,
            token: &str,
            on_open: impl FnMut() + 'static,
            mut on_event: impl FnMut(StreamMessage) + 'static,
            on_close: impl FnMut() + 'static,
        ) -> Option<Socket> {
            let ws = WebSocket::new_with_str(url, token).ok()?;
            let on_open = Closure::<dyn FnMut()>::new(on_open);
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                if let Some(msg) = e.data().as_string().as_deref().and_then(decode_frame) {
                    on_event(msg);
                }
            });
            let mut on_close = on_close;
            let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |_| on_close());
            ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
            ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // An error is always followed by a close event: handle the close only.
            ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
            Some(Socket {
                ws,
                _on_open: on_open,
                _on_message: on_message,
                _on_close: on_close,
            })
        }
    }

    impl Socket {
        /// Sends a text message (`subscribe` / `unsubscribe`); ignored while not open.
        pub fn send(&self, text: &str) {
            let _ = self.ws.send_with_str(text);
        }
    }

    impl Drop for Socket {
        fn drop(&mut self) {
            self.ws.set_onopen(None);
            self.ws.set_onmessage(None);
            self.ws.set_onclose(None);
            let _ = self.ws.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payload_is_parsed_a_second_time() {
        let inner = r#"{"id":"9","type":"follow","created_at":"2024-01-01T00:00:00.000Z","account":{"id":"1","username":"a","acct":"a","display_name":"","url":"https://x/@a","avatar":"","avatar_static":"","header":"","header_static":"","note":"","created_at":"2024-01-01T00:00:00.000Z","followers_count":0,"following_count":0,"statuses_count":0,"emojis":[],"fields":[]}}"#;
        let frame = serde_json::json!({"stream":["user"],"event":"notification","payload":inner})
            .to_string();
        let msg = decode_frame(&frame).expect("decodes");
        assert_eq!(msg.stream, ["user"]);
        match msg.event {
            StreamEvent::Notification(n) => {
                assert_eq!((n.id.as_str(), n.kind.as_str()), ("9", "follow"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn delete_is_a_bare_id_and_filters_changed_has_no_payload() {
        let d = decode_frame(r#"{"stream":["public"],"event":"delete","payload":"1234"}"#);
        assert_eq!(d.map(|m| m.event), Some(StreamEvent::Delete("1234".into())));
        let f = decode_frame(r#"{"stream":["user"],"event":"filters_changed"}"#);
        assert_eq!(f.map(|m| m.event), Some(StreamEvent::FiltersChanged));
    }

    #[test]
    fn unknown_events_errors_and_garbage_are_ignored() {
        assert_eq!(
            decode_frame(r#"{"stream":["user"],"event":"announcement.reaction","payload":"{}"}"#),
            None
        );
        assert_eq!(
            decode_frame(r#"{"error":"Missing access token","status":401}"#),
            None
        );
        assert_eq!(
            decode_frame(r#"{"stream":["user"],"event":"update","payload":"{not json"}"#),
            None
        );
        assert_eq!(decode_frame("nope"), None);
        assert_eq!(
            decode_frame(r#"{"stream":["user"],"event":"delete","payload":""}"#),
            None
        );
    }

    #[test]
    fn the_url_uses_the_advertised_base_with_a_ws_scheme() {
        assert_eq!(
            stream_url(Some("wss://streaming.example"), "https://example", "user"),
            "wss://streaming.example/api/v1/streaming?stream=user"
        );
        assert_eq!(
            stream_url(None, "http://127.0.0.1:4510", "public:local"),
            "ws://127.0.0.1:4510/api/v1/streaming?stream=public%3Alocal"
        );
        assert_eq!(
            stream_url(Some("https://s.example/"), "https://example", "direct"),
            "wss://s.example/api/v1/streaming?stream=direct"
        );
    }
}
