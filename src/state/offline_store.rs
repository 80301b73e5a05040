//! The offline store: cached API bodies too big for `localStorage` (the last home page of each
//! account, ~100 KB of JSON) kept in IndexedDB. Reads are asynchronous, so a large cache never
//! blocks start-up the way a synchronous `localStorage` read does, and they do not count
//! against localStorage's 5 MB that sessions and drafts live in.
//!
//! Small things the app needs synchronously before its first render (accounts, instance
//! capabilities, drafts) stay in `storage`. Any failure (private mode, quota, a browser
//! without IndexedDB) reads as "nothing cached".

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

// index.html opens the same database early (while the app downloads): keep them in step.
const DATABASE: &str = "woolly";
const STORE: &str = "cache";
const VERSION: u32 = 1;

thread_local! {
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// The key of an account's cached home page.
pub fn home_key(account_key: &str) -> String {
    format!("home.{account_key}")
}

/// Like [`get_text`], but first from what index.html read while the app downloaded (taken
/// once: later reads, e.g. after switching accounts, go to the database).
pub async fn get_text_read_early(key: &str) -> Option<String> {
    match read_early(key).await {
        Some(text) => Some(text),
        None => get_text(key).await,
    }
}

async fn read_early(key: &str) -> Option<String> {
    let window = web_sys::window()?;
    let name = JsValue::from_str("woollyWarmStart");
    let pages = js_sys::Reflect::get(&window, &name).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &name);
    let pages = JsFuture::from(pages.dyn_into::<js_sys::Promise>().ok()?)
        .await
        .ok()?;
    js_sys::Reflect::get(&pages, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

pub async fn get_text(key: &str) -> Option<String> {
    let db = database().await?;
    let store = db
        .transaction_with_str(STORE)
        .ok()?
        .object_store(STORE)
        .ok()?;
    settle(&store.get(&JsValue::from_str(key)).ok()?)
        .await
        .ok()?
        .as_string()
}

pub async fn put_text(key: &str, text: &str) {
    let Some(store) = writable().await else {
        return;
    };
    if let Ok(request) = store.put_with_key(&JsValue::from_str(text), &JsValue::from_str(key)) {
        let _ = settle(&request).await;
    }
}

pub async fn delete(key: &str) {
    let Some(store) = writable().await else {
        return;
    };
    if let Ok(request) = store.delete(&JsValue::from_str(key)) {
        let _ = settle(&request).await;
    }
}

async fn writable() -> Option<web_sys::IdbObjectStore> {
    let db = database().await?;
    db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .ok()?
        .object_store(STORE)
        .ok()
}

/// The database, opened (and created) once per page.
async fn database() -> Option<IdbDatabase> {
    if let Some(db) = OPEN.with(|open| open.borrow().clone()) {
        return Some(db);
    }
    let factory = web_sys::window()?.indexed_db().ok()??;
    let request = factory.open_with_u32(DATABASE, VERSION).ok()?;
    let create_store = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let db = event
            .target()
            .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db
            && !db.object_store_names().contains(STORE)
        {
            let _ = db.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(create_store.as_ref().unchecked_ref()));
    let db: IdbDatabase = settle(&request).await.ok()?.dyn_into().ok()?;
    drop(create_store);
    OPEN.with(|open| *open.borrow_mut() = Some(db.clone()));
    Some(db)
}

/// Waits for an IndexedDB request and gives its result. The request's own events resolve
/// the promise (they always fire in a later task, so setting them now is in time).
async fn settle(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await?;
    request.result()
}
