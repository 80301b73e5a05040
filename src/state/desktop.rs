//! Browser (system) notifications through the Notification API, for people who opt in: shown
//! only while the tab is hidden, since the page itself shows everything when visible. Web
//! Push (notifications with the tab closed) is a later step.

use wasm_bindgen::JsValue;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

use crate::model::notification::Notification as Notif;

/// The Notification API exists and permission was granted.
pub fn permission_granted() -> bool {
    supported() && Notification::permission() == NotificationPermission::Granted
}

/// The browser has the Notification API.
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w, &JsValue::from_str("Notification")).unwrap_or(false)
    })
}

/// Asks for permission; `true` when granted.
pub async fn request_permission() -> bool {
    if !supported() {
        return false;
    }
    let Ok(promise) = Notification::request_permission() else {
        return false;
    };
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    permission_granted()
}

/// What the system notification says, in plain text (remote strings are never HTML here).
pub fn describe(n: &Notif) -> (String, String) {
    let who = if n.account.display_name.trim().is_empty() {
        format!("@{}", n.account.acct)
    } else {
        n.account.display_name.clone()
    };
    let what = match n.kind.as_str() {
        "mention" => "mentioned you",
        "status" => "posted",
        "reblog" => "boosted your post",
        "favourite" => "favourited your post",
        "follow" => "followed you",
        "follow_request" => "requested to follow you",
        "poll" => "'s poll has ended",
        "update" => "edited a post",
        "quote" => "quoted your post",
        "admin.sign_up" => "signed up",
        "admin.report" => "filed a report",
        _ => "sent a notification",
    };
    let title = if what.starts_with('\'') {
        format!("{who}{what}")
    } else {
        format!("{who} {what}")
    };
    let body = n
        .status
        .as_ref()
        .map(|s| {
            let ctx = crate::content::ContentContext {
                emojis: &[],
                mentions: &[],
                tags: &[],
                hide_quote_inline: true,
            };
            crate::content::plain_text(&crate::content::sanitize(&s.content, &ctx))
        })
        .unwrap_or_default();
    (title, body)
}

/// Shows a system notification when the tab is hidden and permission is granted.
pub fn show_if_hidden(n: &Notif) {
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden());
    if !hidden || !permission_granted() {
        return;
    }
    let (title, body) = describe(n);
    let options = NotificationOptions::new();
    options.set_body(&body);
    options.set_tag(&n.id);
    options.set_icon(&n.account.avatar_static);
    let _ = Notification::new_with_options(&title, &options);
}
