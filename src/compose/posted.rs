//! Finding a post whose answer was lost, so a retry never posts it twice.
//!
//! When `POST /api/v1/statuses` ends without a clear answer (a dropped connection, a timeout,
//! a torn body, a 5xx), the server may already have created the status. Mastodon then returns
//! that status for a retry with the same `Idempotency-Key`, but not every server honours the
//! key (GoToSocial ignores it): a blind retry there makes a second post. So before re-sending,
//! the composer reads the account's newest statuses and adopts the one that *is* this draft.
//! This module holds the comparison; it is pure, so it is tested on real server responses.

use super::draft::Draft;
use crate::content::entities::decode_entities;
use crate::model::Status;

/// How long before the first attempt a status may be dated and still be that attempt's:
/// the server's clock and the browser's can disagree by minutes.
pub const CLOCK_SLACK_MS: f64 = 10.0 * 60_000.0;

/// What a status on the server is, compared with a draft that may have been posted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// This draft, posted.
    Same,
    /// Another post.
    Different,
    /// Everything but the text agrees, and the rendered text cannot settle it (Markdown, links
    /// written as `[text](url)`, …): compare with `GET /api/v1/statuses/:id/source`.
    AskSource,
}

/// Whether `status` (from the account's own newest statuses) is `draft`, posted by an
/// attempt that started at `first_attempt_ms` (ms since the epoch).
pub fn compare(draft: &Draft, status: &Status, first_attempt_ms: f64) -> Verdict {
    let created = crate::format::parse_datetime(&status.created_at)
        .map(|t| t.timestamp_millis() as f64)
        .unwrap_or(f64::NAN);
    let media_match = {
        let mut sent: Vec<&str> = draft.media.iter().map(|m| m.id.as_str()).collect();
        let mut got: Vec<&str> = status
            .media_attachments
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        sent.sort_unstable();
        got.sort_unstable();
        sent == got
    };
    let poll_sent = draft.poll.as_ref().filter(|_| draft.media.is_empty());
    let poll_match = match (poll_sent, &status.poll) {
        (None, None) => true,
        (Some(sent), Some(got)) => {
            sent.options.len() == got.options.len()
                && sent
                    .options
                    .iter()
                    .zip(&got.options)
                    .all(|(a, b)| words(a) == words(&b.title))
        }
        _ => false,
    };
    let spoiler = if draft.cw {
        draft.spoiler_text.as_str()
    } else {
        ""
    };
    let agrees = status.reblog.is_none()
        // Not NaN and not before the attempt (less the clock slack).
        && created >= first_attempt_ms - CLOCK_SLACK_MS
        && status.in_reply_to_id == draft.in_reply_to_id
        && words(&status.spoiler_text) == words(spoiler)
        && media_match
        && poll_match;
    if !agrees {
        Verdict::Different
    } else if words(&html_text(&status.content)) == words(&draft.text) {
        Verdict::Same
    } else {
        Verdict::AskSource
    }
}

/// Whether the source text the server kept (`/source`) is the draft's text.
pub fn same_source(draft: &Draft, source_text: &str) -> bool {
    source_text.trim() == draft.text.trim() || words(source_text) == words(&draft.text)
}

/// The letters and digits of `text`, lowercased, without `@mentions`: what survives every
/// server's rendering (a source `@bob@example.social` is shown as `@bob`; Markdown drops its
/// marks; links are shortened in the markup but whole in the text).
fn words(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !w.starts_with('@'))
        .flat_map(|w| w.chars().filter(|c| c.is_alphanumeric()))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text of a status's HTML content: tags dropped (each as a space, so words at a `<br>`
/// or paragraph stay apart), entities decoded. Only for comparing, never for display.
fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let tag = &rest[open..];
        let close = tag.find('>').map_or(tag.len(), |i| i + 1);
        // An inline tag joins its words (`@<span>bob</span>`); a block break separates them.
        let name = tag[1..close.min(tag.len())].trim_start_matches('/');
        if name.starts_with("br") || name.starts_with('p') {
            text.push(' ');
        }
        rest = &tag[close..];
    }
    text.push_str(rest);
    decode_entities(&text, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::draft::{DraftMedia, DraftPoll};

    fn fixture(name: &str) -> Status {
        let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn ms(iso: &str) -> f64 {
        crate::format::parse_datetime(iso)
            .unwrap()
            .timestamp_millis() as f64
    }

    fn draft(text: &str) -> Draft {
        Draft {
            text: text.into(),
            ..Draft::default()
        }
    }

    #[test]
    fn a_reply_with_a_mention_is_recognised_from_its_rendered_text() {
        let s = fixture("status_reply_mention");
        let d = Draft {
            in_reply_to_id: Some("117020583245459824".into()),
            ..draft("@mastodonpy_test_2@localhost:3000 same!")
        };
        assert_eq!(compare(&d, &s, ms("2026-08-01T13:53:14Z")), Verdict::Same);
        // The same words as a new post (not a reply) are another post.
        assert_eq!(
            compare(&draft("same!"), &s, ms("2026-08-01T13:53:14Z")),
            Verdict::Different
        );
    }

    #[test]
    fn a_shortened_link_still_matches_the_typed_url() {
        let s = fixture("status_with_card_link");
        let typed = "https://soundcloud.com/wakarangirl/popstars-dj-wakaran-girl-khard-bass-flex-1 \
                     link to soundcloud that should generate a card";
        assert_eq!(
            compare(&draft(typed), &s, ms("2023-05-28T15:49:00Z")),
            Verdict::Same
        );
    }

    #[test]
    fn a_status_from_before_the_attempt_is_not_it() {
        let s = fixture("status_with_card_link");
        let typed = "https://soundcloud.com/wakarangirl/popstars-dj-wakaran-girl-khard-bass-flex-1 \
                     link to soundcloud that should generate a card";
        // An hour later: the server's status is older than the attempt (beyond clock slack).
        assert_eq!(
            compare(&draft(typed), &s, ms("2023-05-28T16:49:40Z")),
            Verdict::Different
        );
    }

    #[test]
    fn media_and_polls_must_be_the_ones_sent() {
        let s = fixture("status_two_images_focus");
        let media = |ids: &[&str]| {
            ids.iter()
                .map(|id| DraftMedia {
                    id: (*id).into(),
                    ..DraftMedia::default()
                })
                .collect::<Vec<_>>()
        };
        let at = ms("2026-08-01T13:51:00Z");
        let both = Draft {
            media: media(&["117020576661238952", "117020576646493592"]),
            ..draft("LOL check this out")
        };
        assert_eq!(compare(&both, &s, at), Verdict::Same);
        let one = Draft {
            media: media(&["117020576646493592"]),
            ..both.clone()
        };
        assert_eq!(compare(&one, &s, at), Verdict::Different);

        let p = fixture("status_poll_with_emoji");
        let poll = |options: &[&str]| {
            Some(DraftPoll {
                options: options.iter().map(|o| (*o).to_string()).collect(),
                ..DraftPoll::default()
            })
        };
        let at = ms("2023-05-28T12:47:00Z");
        let same = Draft {
            poll: poll(&["real", "fr fr", "so true", ":hecker:"]),
            ..draft("secret test poll :hecker:")
        };
        assert_eq!(compare(&same, &p, at), Verdict::Same);
        let other = Draft {
            poll: poll(&["real", "fake"]),
            ..same.clone()
        };
        assert_eq!(compare(&other, &p, at), Verdict::Different);
        assert_eq!(
            compare(&draft("secret test poll :hecker:"), &p, at),
            Verdict::Different
        );
    }

    #[test]
    fn rendered_text_that_cannot_settle_it_asks_for_the_source() {
        let s = fixture("status_two_images_focus");
        let d = Draft {
            media: s
                .media_attachments
                .iter()
                .map(|m| DraftMedia {
                    id: m.id.clone(),
                    ..DraftMedia::default()
                })
                .collect(),
            ..draft("[LOL](https://example.com) check this out")
        };
        assert_eq!(
            compare(&d, &s, ms("2026-08-01T13:51:00Z")),
            Verdict::AskSource
        );
        assert!(same_source(
            &d,
            "[LOL](https://example.com) check this out\n"
        ));
        assert!(!same_source(&d, "LOL check this out"));
    }

    #[test]
    fn a_content_warning_is_part_of_the_post() {
        let s = fixture("status_reply_mention");
        let d = Draft {
            in_reply_to_id: Some("117020583245459824".into()),
            cw: true,
            spoiler_text: "spoilers".into(),
            ..draft("@mastodonpy_test_2 same!")
        };
        assert_eq!(
            compare(&d, &s, ms("2026-08-01T13:53:14Z")),
            Verdict::Different
        );
    }

    #[test]
    fn html_text_keeps_words_apart_at_breaks_and_joins_inline_markup() {
        assert_eq!(
            html_text("<p>one<br>two</p><p>three &amp; <span>fo</span>ur</p>"),
            " one two  three & four "
        );
        assert_eq!(words("Hello, @bob@example.social WORLD!"), "helloworld");
    }
}
