//! Hand-written decoding of the big, hot entities (statuses, accounts and what they nest) from a
//! `serde_json::Value`, instead of derived `Deserialize` per type: one shared `Value` parser plus
//! small non-generic getters, which is far smaller in WebAssembly than a derived visitor per
//! type and per deserializer. The tolerance rules are the derived ones: ids may be strings or
//! integers, `null` counts as the default, unknown visibilities are `Other`, and a missing
//! required field (`id`, `acct`, `account`, …) fails the entity.

use serde::Deserialize;
use serde_json::Value;

use super::{
    account::{Account, AccountSource, Field},
    card::{CardAuthor, PreviewCard},
    emoji::CustomEmoji,
    media::{Focus, MediaAttachment, MediaMeta, MediaSize},
    misc::{Context, Conversation, Relationship},
    notification::{GroupedNotifications, Notification},
    poll::{Poll, PollOption},
    status::{Application, FilterResult, FilterSummary, Mention, Quote, Status, Tag, Visibility},
};

/// A string or integer field as a string (ids); `None` when missing, null or another type.
#[inline(never)]
pub(crate) fn os(v: &Value, k: &str) -> Option<String> {
    match v.get(k)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) if n.is_u64() || n.is_i64() => Some(n.to_string()),
        _ => None,
    }
}

/// A string field, `""` when missing or null.
#[inline(never)]
pub(crate) fn s(v: &Value, k: &str) -> String {
    os(v, k).unwrap_or_default()
}

/// A required string (or id) field.
#[inline(never)]
fn req(v: &Value, k: &str) -> Option<String> {
    os(v, k)
}

#[inline(never)]
pub(crate) fn ob(v: &Value, k: &str) -> Option<bool> {
    v.get(k).and_then(Value::as_bool)
}

#[inline(never)]
pub(crate) fn b(v: &Value, k: &str) -> bool {
    ob(v, k).unwrap_or(false)
}

#[inline(never)]
pub(crate) fn ou(v: &Value, k: &str) -> Option<u64> {
    v.get(k).and_then(Value::as_u64)
}

#[inline(never)]
fn u(v: &Value, k: &str) -> u64 {
    ou(v, k).unwrap_or(0)
}

#[inline(never)]
pub(crate) fn of(v: &Value, k: &str) -> Option<f64> {
    v.get(k).and_then(Value::as_f64)
}

/// An object field, `None` when missing, null or not an object.
#[inline(never)]
pub(crate) fn obj<'a>(v: &'a Value, k: &str) -> Option<&'a Value> {
    v.get(k).filter(|x| x.is_object())
}

#[inline(never)]
fn arr<'a>(v: &'a Value, k: &str) -> &'a [Value] {
    match v.get(k) {
        Some(Value::Array(a)) => a,
        _ => &[],
    }
}

/// An array of entities; an item that does not decode is dropped.
pub(crate) fn list<T>(v: &Value, k: &str, f: fn(&Value) -> Option<T>) -> Vec<T> {
    arr(v, k).iter().filter_map(f).collect()
}

pub(crate) fn strings(v: &Value, k: &str) -> Option<Vec<String>> {
    match v.get(k)? {
        Value::Array(a) => Some(
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect(),
        ),
        _ => None,
    }
}

pub fn emoji(v: &Value) -> Option<CustomEmoji> {
    Some(CustomEmoji {
        shortcode: req(v, "shortcode")?,
        url: req(v, "url")?,
        static_url: s(v, "static_url"),
        visible_in_picker: ob(v, "visible_in_picker").unwrap_or(true),
        category: os(v, "category"),
    })
}

fn field(v: &Value) -> Option<Field> {
    Some(Field {
        name: req(v, "name")?,
        value: req(v, "value")?,
        verified_at: os(v, "verified_at"),
    })
}

pub fn account(v: &Value) -> Option<Account> {
    Some(Account {
        id: req(v, "id")?,
        username: s(v, "username"),
        acct: req(v, "acct")?,
        display_name: s(v, "display_name"),
        locked: b(v, "locked"),
        bot: ob(v, "bot"),
        group: ob(v, "group"),
        created_at: os(v, "created_at"),
        note: s(v, "note"),
        url: os(v, "url"),
        avatar: s(v, "avatar"),
        avatar_static: s(v, "avatar_static"),
        header: s(v, "header"),
        header_static: s(v, "header_static"),
        followers_count: u(v, "followers_count"),
        following_count: u(v, "following_count"),
        statuses_count: u(v, "statuses_count"),
        last_status_at: os(v, "last_status_at"),
        emojis: list(v, "emojis", emoji),
        fields: list(v, "fields", field),
        moved: obj(v, "moved").and_then(account).map(Box::new),
        source: obj(v, "source").map(|src| AccountSource {
            privacy: os(src, "privacy"),
            sensitive: ob(src, "sensitive"),
            language: os(src, "language"),
            note: s(src, "note"),
        }),
    })
}

fn size(v: &Value) -> Option<MediaSize> {
    Some(MediaSize {
        width: of(v, "width"),
        height: of(v, "height"),
        aspect: of(v, "aspect"),
        duration: of(v, "duration"),
    })
}

pub fn media(v: &Value) -> Option<MediaAttachment> {
    Some(MediaAttachment {
        id: req(v, "id")?,
        kind: s(v, "type"),
        url: os(v, "url"),
        preview_url: os(v, "preview_url"),
        remote_url: os(v, "remote_url"),
        description: os(v, "description"),
        blurhash: os(v, "blurhash"),
        meta: obj(v, "meta").map(|m| MediaMeta {
            original: obj(m, "original").and_then(size),
            small: obj(m, "small").and_then(size),
            focus: obj(m, "focus").map(|f| Focus {
                x: of(f, "x").unwrap_or(0.0),
                y: of(f, "y").unwrap_or(0.0),
            }),
        }),
    })
}

pub fn card(v: &Value) -> Option<PreviewCard> {
    Some(PreviewCard {
        url: req(v, "url")?,
        title: s(v, "title"),
        description: s(v, "description"),
        kind: s(v, "type"),
        provider_name: s(v, "provider_name"),
        author_name: s(v, "author_name"),
        image: os(v, "image"),
        image_description: os(v, "image_description"),
        width: of(v, "width"),
        height: of(v, "height"),
        blurhash: os(v, "blurhash"),
        authors: list(v, "authors", |a| {
            Some(CardAuthor {
                name: s(a, "name"),
                url: s(a, "url"),
                account: obj(a, "account").and_then(account),
            })
        }),
    })
}

pub fn poll(v: &Value) -> Option<Poll> {
    Some(Poll {
        id: req(v, "id")?,
        expires_at: os(v, "expires_at"),
        expired: b(v, "expired"),
        multiple: b(v, "multiple"),
        votes_count: u(v, "votes_count"),
        voters_count: ou(v, "voters_count"),
        options: list(v, "options", |o| {
            Some(PollOption {
                title: req(o, "title")?,
                votes_count: ou(o, "votes_count"),
            })
        }),
        emojis: list(v, "emojis", emoji),
        voted: ob(v, "voted"),
        own_votes: match v.get("own_votes") {
            Some(Value::Array(a)) => Some(
                a.iter()
                    .filter_map(|x| x.as_u64().map(|n| n as u32))
                    .collect(),
            ),
            _ => None,
        },
    })
}

fn filter_result(v: &Value) -> Option<FilterResult> {
    let f = obj(v, "filter")?;
    Some(FilterResult {
        filter: FilterSummary {
            id: req(f, "id")?,
            title: req(f, "title")?,
            context: strings(f, "context").unwrap_or_default(),
            expires_at: os(f, "expires_at"),
            filter_action: s(f, "filter_action"),
        },
        keyword_matches: strings(v, "keyword_matches"),
        status_matches: strings(v, "status_matches"),
    })
}

pub fn status(v: &Value) -> Option<Status> {
    Some(Status {
        id: req(v, "id")?,
        created_at: req(v, "created_at")?,
        in_reply_to_id: os(v, "in_reply_to_id"),
        in_reply_to_account_id: os(v, "in_reply_to_account_id"),
        sensitive: b(v, "sensitive"),
        spoiler_text: s(v, "spoiler_text"),
        visibility: match v.get("visibility").and_then(Value::as_str) {
            Some("public") | None => Visibility::Public,
            Some("unlisted") => Visibility::Unlisted,
            Some("private") => Visibility::Private,
            Some("direct") => Visibility::Direct,
            Some(_) => Visibility::Other,
        },
        language: os(v, "language"),
        uri: s(v, "uri"),
        url: os(v, "url"),
        replies_count: u(v, "replies_count"),
        reblogs_count: u(v, "reblogs_count"),
        favourites_count: u(v, "favourites_count"),
        edited_at: os(v, "edited_at"),
        favourited: ob(v, "favourited"),
        reblogged: ob(v, "reblogged"),
        bookmarked: ob(v, "bookmarked"),
        pinned: ob(v, "pinned"),
        muted: ob(v, "muted"),
        content: s(v, "content"),
        filtered: list(v, "filtered", filter_result),
        reblog: obj(v, "reblog").and_then(status).map(Box::new),
        application: obj(v, "application").and_then(|a| {
            Some(Application {
                name: req(a, "name")?,
                website: os(a, "website"),
            })
        }),
        account: account(obj(v, "account")?)?,
        media_attachments: list(v, "media_attachments", media),
        mentions: list(v, "mentions", |m| {
            Some(Mention {
                id: req(m, "id")?,
                username: s(m, "username"),
                url: req(m, "url")?,
                acct: req(m, "acct")?,
            })
        }),
        tags: list(v, "tags", |t| {
            Some(Tag {
                name: req(t, "name")?,
                url: s(t, "url"),
            })
        }),
        emojis: list(v, "emojis", emoji),
        card: obj(v, "card").and_then(card),
        poll: obj(v, "poll").and_then(poll),
        quote: obj(v, "quote").map(|q| Quote {
            state: s(q, "state"),
            quoted_status: obj(q, "quoted_status").and_then(status).map(Box::new),
            quoted_status_id: os(q, "quoted_status_id"),
        }),
    })
}

#[path = "json_social.rs"]
mod social;
use social::{context, conversation, grouped, notification, relationship};

/// Parses into the shared `Value` and runs `f`: the only generic code per entity type.
#[inline(never)]
pub(crate) fn from_value<T>(
    value: Value,
    f: fn(&Value) -> Option<T>,
    what: &'static str,
) -> Result<T, &'static str> {
    if !value.is_object() {
        return Err(what);
    }
    f(&value).ok_or(what)
}

macro_rules! via_value {
    ($($ty:ty => $f:ident, $what:literal;)*) => {$(
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                from_value(Value::deserialize(d)?, $f, $what).map_err(serde::de::Error::custom)
            }
        }
    )*};
}

via_value! {
    Status => status, "not a status";
    Account => account, "not an account";
    MediaAttachment => media, "not a media attachment";
    PreviewCard => card, "not a preview card";
    Poll => poll, "not a poll";
    CustomEmoji => emoji, "not a custom emoji";
    Notification => notification, "not a notification";
    GroupedNotifications => grouped, "not grouped notifications";
    Context => context, "not a thread context";
    Conversation => conversation, "not a conversation";
    Relationship => relationship, "not a relationship";
}
