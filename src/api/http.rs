//! The only module that touches the network: builds requests (auth header, form bodies),
//! enforces a timeout with `AbortController`, retries idempotent reads per [`super::retry`],
//! and maps every failure to an [`ApiError`].

use std::{cell::Cell, rc::Rc};

use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, closure::Closure};

use super::{
    decode::{decode_list, decode_one},
    error::{ApiError, ErrorKind},
    page::{Page, parse_link_header},
    query::encode_pairs,
    retry::retry_delay_ms,
};

const TIMEOUT_MS: i32 = 20_000;

/// An instance's API, optionally with a user's bearer token.
#[derive(Clone, Debug, PartialEq)]
pub struct Client {
    origin: String,
    token: Option<String>,
}

#[derive(Clone, Copy)]
enum Method {
    Get,
    Post,
}

struct RawResponse {
    text: String,
    link: Option<String>,
}

impl Client {
    pub fn new(origin: impl Into<String>, token: Option<String>) -> Self {
        Client {
            origin: origin.into(),
            token,
        }
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// GET one entity.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let raw = self.read(path).await?;
        decode_one(&raw.text)
    }

    /// GET a list page, with its `Link` neighbours. `path` may be a `Link` URL.
    pub async fn get_page<T: DeserializeOwned>(&self, path: &str) -> Result<Page<T>, ApiError> {
        let raw = self.read(path).await?;
        let decoded = decode_list(&raw.text)?;
        for why in &decoded.skipped {
            web_sys::console::warn_1(
                &format!("Woolly skipped an item it could not read: {why}").into(),
            );
        }
        let links = raw
            .link
            .as_deref()
            .map(parse_link_header)
            .unwrap_or_default();
        Ok(Page {
            items: decoded.items,
            next: links.next,
            prev: links.prev,
        })
    }

    /// POST a form (a "simple" request: no CORS preflight). Not retried: writes are the
    /// caller's decision to repeat.
    pub async fn post_form<T: DeserializeOwned>(
        &self,
        path: &str,
        pairs: &[(&str, &str)],
    ) -> Result<T, ApiError> {
        let url = self.url(path)?;
        let raw = self
            .send(Method::Post, &url, Some(encode_pairs(pairs)))
            .await?;
        decode_one(&raw.text)
    }

    async fn read(&self, path: &str) -> Result<RawResponse, ApiError> {
        let url = self.url(path)?;
        let mut attempt = 0;
        loop {
            match self.send(Method::Get, &url, None).await {
                Ok(raw) => return Ok(raw),
                Err(e) => match retry_delay_ms(&e, attempt, js_sys::Date::now()) {
                    Some(ms) => sleep(ms).await,
                    None => return Err(e),
                },
            }
            attempt += 1;
        }
    }

    /// Absolute URL on this instance. A `Link` URL pointing at another origin is refused, so
    /// a hostile server cannot make Woolly send the token elsewhere.
    fn url(&self, path: &str) -> Result<String, ApiError> {
        if path.starts_with('/') {
            Ok(format!("{}{path}", self.origin))
        } else if path.starts_with(&self.origin)
            && path[self.origin.len()..].starts_with(['/', '?'])
        {
            Ok(path.to_string())
        } else {
            Err(ApiError::decode("a link pointed to another server"))
        }
    }

    async fn send(
        &self,
        method: Method,
        url: &str,
        form: Option<String>,
    ) -> Result<RawResponse, ApiError> {
        let controller =
            web_sys::AbortController::new().map_err(|_| ApiError::new(ErrorKind::Network))?;
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let (flag, controller) = (timed_out.clone(), controller.clone());
            set_timeout(TIMEOUT_MS, move || {
                flag.set(true);
                controller.abort();
            })
        };
        let signal = controller.signal();
        let mut builder = match method {
            Method::Get => Request::get(url),
            Method::Post => Request::post(url),
        }
        .abort_signal(Some(&signal));
        if let Some(token) = &self.token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        let request = match form {
            Some(body) => builder
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(body),
            None => builder.build(),
        }
        .map_err(|_| ApiError::new(ErrorKind::Network))?;
        let result = request.send().await;
        let text = match &result {
            Ok(response) => response.text().await,
            Err(_) => Ok(String::new()),
        };
        clear_timeout(timer);
        let lost = || {
            ApiError::new(if timed_out.get() {
                ErrorKind::Timeout
            } else {
                ErrorKind::Network
            })
        };
        let response = result.map_err(|_| lost())?;
        let text = text.map_err(|_| lost())?;
        let headers = response.headers();
        let status = response.status();
        if (200..300).contains(&status) {
            Ok(RawResponse {
                text,
                link: headers.get("link"),
            })
        } else {
            Err(ApiError::from_response(
                status,
                &text,
                headers.get("x-ratelimit-reset"),
            ))
        }
    }
}

fn set_timeout(ms: i32, f: impl FnOnce() + 'static) -> Option<(i32, Closure<dyn FnMut()>)> {
    let closure = Closure::once(f);
    let id = web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(closure.as_ref().unchecked_ref(), ms)
        .ok()?;
    Some((id, closure))
}

fn clear_timeout(timer: Option<(i32, Closure<dyn FnMut()>)>) {
    if let (Some((id, _closure)), Some(window)) = (timer, web_sys::window()) {
        window.clear_timeout_with_handle(id);
    }
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.min(i32::MAX as u64) as i32,
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
