//! Typed access to `localStorage` and `sessionStorage` (JSON values). Failures (private mode,
//! quota, disabled storage) degrade to "nothing stored" rather than breaking the app.

use serde::{Serialize, de::DeserializeOwned};

#[derive(Clone, Copy)]
pub enum Area {
    /// Survives reloads and is shared by tabs.
    Local,
    /// Per tab: the active account of this tab.
    Session,
}

fn area(which: Area) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match which {
        Area::Local => window.local_storage().ok()?,
        Area::Session => window.session_storage().ok()?,
    }
}

pub fn get<T: DeserializeOwned>(which: Area, key: &str) -> Option<T> {
    let text = area(which)?.get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

pub fn set<T: Serialize>(which: Area, key: &str, value: &T) {
    if let (Some(store), Ok(text)) = (area(which), serde_json::to_string(value)) {
        let _ = store.set_item(key, &text);
    }
}

pub fn remove(which: Area, key: &str) {
    if let Some(store) = area(which) {
        let _ = store.remove_item(key);
    }
}

/// A string stored as is (no JSON encoding): cached API bodies.
pub fn get_text(which: Area, key: &str) -> Option<String> {
    area(which)?.get_item(key).ok()?
}

pub fn set_text(which: Area, key: &str, text: &str) {
    if let Some(store) = area(which) {
        let _ = store.set_item(key, text);
    }
}
