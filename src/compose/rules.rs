//! What may be posted (pure): reply prefill (mentions, content warning, visibility) and the
//! poll and media checks against an instance's limits from [`Capabilities`].

use crate::api::capabilities::{Capabilities, MediaCaps, PollLimits};
use crate::model::Status;

/// Mastodon's four audiences, narrowest last.
pub const VISIBILITIES: [&str; 4] = ["public", "unlisted", "private", "direct"];

/// How narrow a visibility is (0 = public … 3 = direct); unknown values count as private.
fn rank(visibility: &str) -> usize {
    VISIBILITIES
        .iter()
        .position(|v| *v == visibility)
        .unwrap_or(2)
}

/// The narrower of two visibilities: a reply is never wider than its parent.
pub fn narrowest<'a>(a: &'a str, b: &'a str) -> &'a str {
    if rank(a) >= rank(b) { a } else { b }
}

/// The wire value of a status's visibility.
pub fn visibility_of(status: &Status) -> &'static str {
    use crate::model::status::Visibility as V;
    match status.visibility {
        V::Public => "public",
        V::Unlisted => "unlisted",
        V::Private => "private",
        V::Direct => "direct",
        V::Other => "private",
    }
}

/// A reply's starting point.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplyPrefill {
    /// `@author @other … ` (ends with a space when not empty).
    pub text: String,
    pub spoiler_text: String,
    pub visibility: String,
}

/// Mentions: the author first, then the parent's other mentions, without yourself and
/// without duplicates (case-insensitive); the content warning carried over; the visibility
/// the narrower of your default and the parent's.
pub fn reply_prefill(parent: &Status, my_acct: &str, default_visibility: &str) -> ReplyPrefill {
    let parent = parent.reblog.as_deref().unwrap_or(parent);
    let mut seen: Vec<String> = vec![my_acct.to_ascii_lowercase()];
    let mut text = String::new();
    let accts = std::iter::once(parent.account.acct.as_str())
        .chain(parent.mentions.iter().map(|m| m.acct.as_str()));
    for acct in accts {
        let key = acct.to_ascii_lowercase();
        if acct.is_empty() || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        text.push('@');
        text.push_str(acct);
        text.push(' ');
    }
    ReplyPrefill {
        text,
        spoiler_text: parent.spoiler_text.clone(),
        visibility: narrowest(default_visibility, visibility_of(parent)).to_string(),
    }
}

/// Why a poll cannot be posted yet.
#[derive(Clone, Debug, PartialEq)]
pub enum PollProblem {
    TooFewOptions,
    TooManyOptions(u32),
    EmptyOption(usize),
    OptionTooLong(usize, u32),
    DuplicateOption(usize),
    Duration(u64, u64),
}

impl PollProblem {
    pub fn message(&self) -> String {
        match self {
            PollProblem::TooFewOptions => "A poll needs at least two choices.".into(),
            PollProblem::TooManyOptions(n) => format!("This server allows at most {n} choices."),
            PollProblem::EmptyOption(i) => format!("Choice {} is empty.", i + 1),
            PollProblem::OptionTooLong(i, n) => {
                format!("Choice {} is longer than {n} characters.", i + 1)
            }
            PollProblem::DuplicateOption(i) => format!("Choice {} repeats another.", i + 1),
            PollProblem::Duration(min, max) => format!(
                "The poll must last between {} and {}.",
                duration_label(*min),
                duration_label(*max)
            ),
        }
    }
}

/// Checks options and duration (seconds) against the instance's poll limits.
pub fn validate_poll(options: &[String], expires_in: u64, limits: &PollLimits) -> Vec<PollProblem> {
    let mut problems = Vec::new();
    if options.len() < 2 {
        problems.push(PollProblem::TooFewOptions);
    }
    if options.len() > limits.max_options as usize {
        problems.push(PollProblem::TooManyOptions(limits.max_options));
    }
    for (i, option) in options.iter().enumerate() {
        let option = option.trim();
        if option.is_empty() {
            problems.push(PollProblem::EmptyOption(i));
        } else if super::counter::graphemes(option) > limits.max_characters_per_option as usize {
            problems.push(PollProblem::OptionTooLong(
                i,
                limits.max_characters_per_option,
            ));
        } else if options[..i].iter().any(|o| o.trim() == option) {
            problems.push(PollProblem::DuplicateOption(i));
        }
    }
    if expires_in < limits.min_expiration || expires_in > limits.max_expiration {
        problems.push(PollProblem::Duration(
            limits.min_expiration,
            limits.max_expiration,
        ));
    }
    problems
}

/// Mastodon's duration choices, kept to those the instance allows.
pub fn poll_durations(limits: &PollLimits) -> Vec<u64> {
    [300, 1_800, 3_600, 21_600, 86_400, 259_200, 604_800]
        .into_iter()
        .filter(|s| (limits.min_expiration..=limits.max_expiration).contains(s))
        .collect()
}

/// "5 minutes", "1 hour", "3 days".
pub fn duration_label(seconds: u64) -> String {
    let (n, unit) = match seconds {
        s if s >= 86_400 => (s / 86_400, "day"),
        s if s >= 3_600 => (s / 3_600, "hour"),
        s => (s.div_ceil(60), "minute"),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// Why a file cannot be attached.
#[derive(Clone, Debug, PartialEq)]
pub enum MediaProblem {
    TooMany(u32),
    Type(String),
    TooLarge(u64),
    AltTooLong(u32),
}

impl MediaProblem {
    pub fn message(&self) -> String {
        match self {
            MediaProblem::TooMany(n) => format!("This server allows at most {n} attachments."),
            MediaProblem::Type(t) => format!("This server does not accept {t} files."),
            MediaProblem::TooLarge(n) => {
                format!(
                    "This file is larger than the server's limit of {}.",
                    size_label(*n)
                )
            }
            MediaProblem::AltTooLong(n) => format!("Alt text can be at most {n} characters."),
        }
    }
}

/// `16 MB`, `600 KB`.
pub fn size_label(bytes: u64) -> String {
    if bytes >= 1_048_576 {
        format!("{} MB", bytes / 1_048_576)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// Mastodon's alt text limit before it became configurable.
pub const DEFAULT_DESCRIPTION_LIMIT: u32 = 1_500;

/// The alt text limit the server states, else Mastodon's.
pub fn description_limit(media: &MediaCaps) -> u32 {
    if media.description_limit > 0 {
        media.description_limit
    } else {
        DEFAULT_DESCRIPTION_LIMIT
    }
}

/// Checks a file about to be attached, when `already` are attached.
pub fn validate_file(
    mime: &str,
    size: u64,
    already: usize,
    caps: &Capabilities,
) -> Option<MediaProblem> {
    if already >= caps.max_media_attachments as usize {
        return Some(MediaProblem::TooMany(caps.max_media_attachments));
    }
    let types = &caps.media.supported_mime_types;
    if !types.is_empty() && !types.iter().any(|t| t.eq_ignore_ascii_case(mime)) {
        return Some(MediaProblem::Type(if mime.is_empty() {
            "these".into()
        } else {
            mime.into()
        }));
    }
    let limit = if mime.starts_with("image/") {
        caps.media.image_size_limit
    } else {
        caps.media.video_size_limit
    };
    (limit > 0 && size > limit).then_some(MediaProblem::TooLarge(limit))
}

/// Checks an alt text against the server's limit.
pub fn validate_alt(alt: &str, media: &MediaCaps) -> Option<MediaProblem> {
    let limit = description_limit(media);
    (alt.chars().count() > limit as usize).then_some(MediaProblem::AltTooLong(limit))
}

/// A focal point from a click at (`px`, `py`) on a `w`×`h` picture: x, y in [-1, 1], y up.
pub fn focus_from_click(px: f64, py: f64, w: f64, h: f64) -> (f64, f64) {
    if w <= 0.0 || h <= 0.0 {
        return (0.0, 0.0);
    }
    let round = |v: f64| (v.clamp(-1.0, 1.0) * 100.0).round() / 100.0;
    (round(px / w * 2.0 - 1.0), round(1.0 - py / h * 2.0))
}

/// The `focus` form value, `"x,y"`, with two decimals and no float formatting machinery.
pub fn focus_param((x, y): (f64, f64)) -> String {
    fn one(v: f64) -> String {
        let hundredths = (v.clamp(-1.0, 1.0) * 100.0).round() as i32;
        let sign = if hundredths < 0 { "-" } else { "" };
        let a = hundredths.unsigned_abs();
        format!("{sign}{}.{:02}", a / 100, a % 100)
    }
    format!("{},{}", one(x), one(y))
}
