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
    Put,
    Delete,
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

    /// GET one entity (an object, not a list) with its `Link` neighbours, for endpoints such
    /// as `/api/v2/notifications` that page an object.
    pub async fn get_with_links<T: DeserializeOwned>(
        &self,
        path: &str,
    ) -> Result<(T, super::page::Links), ApiError> {
        let raw = self.read(path).await?;
        let links = raw
            .link
            .as_deref()
            .map(parse_link_header)
            .unwrap_or_default();
        Ok((decode_one(&raw.text)?, links))
    }

    /// Like [`Client::get_page`], also returning the body text (cached for a warm start). If
    /// `index.html` already asked for this very page with this token (the early home request),
    /// its answer is used, when it is a success; otherwise the page is requested as usual.
    pub async fn get_page_and_text<T: DeserializeOwned>(
        &self,
        path: &str,
    ) -> Result<(Page<T>, String), ApiError> {
        let early = match (self.url(path), &self.token) {
            (Ok(url), Some(token)) => early_answer(&url, token).await,
            _ => None,
        };
        let raw = match early {
            Some(raw) => raw,
            None => self.read(path).await?,
        };
        let decoded = decode_list(&raw.text)?;
        let links = raw
            .link
            .as_deref()
            .map(parse_link_header)
            .unwrap_or_default();
        let page = Page {
            items: decoded.items,
            next: links.next,
            prev: links.prev,
        };
        Ok((page, raw.text))
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

    /// DELETE a resource; returns the server's JSON answer (Mastodon sends the deleted
    /// status, or `{}`). Not retried.
    pub async fn delete<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let url = self.url(path)?;
        let raw = self.send(Method::Delete, &url, None).await?;
        decode_one(&raw.text)
    }

    /// POST a form with extra headers (e.g. `Idempotency-Key`, which makes Mastodon answer a
    /// repeated post with the status it already created). Not retried.
    pub async fn post_form_with_headers<T: DeserializeOwned>(
        &self,
        path: &str,
        pairs: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Result<T, ApiError> {
        let url = self.url(path)?;
        let raw = self
            .send_with(Method::Post, &url, Some(encode_pairs(pairs)), headers)
            .await?;
        decode_one(&raw.text)
    }

    /// PUT a form. Not retried.
    pub async fn put_form<T: DeserializeOwned>(
        &self,
        path: &str,
        pairs: &[(&str, &str)],
    ) -> Result<T, ApiError> {
        let url = self.url(path)?;
        let raw = self
            .send(Method::Put, &url, Some(encode_pairs(pairs)))
            .await?;
        decode_one(&raw.text)
    }

    /// POST a multipart form with `XMLHttpRequest`, the one browser API that reports upload
    /// progress: `on_progress(sent, total)` in bytes. No timeout (a large video may take
    /// minutes); not retried.
    pub async fn upload<T: DeserializeOwned>(
        &self,
        path: &str,
        form: &web_sys::FormData,
        on_progress: impl Fn(f64, f64) + 'static,
    ) -> Result<T, ApiError> {
        let net = |_| ApiError::new(ErrorKind::Network);
        let url = self.url(path)?;
        let xhr = web_sys::XmlHttpRequest::new().map_err(net)?;
        xhr.open("POST", &url).map_err(net)?;
        if let Some(token) = &self.token {
            xhr.set_request_header("Authorization", &format!("Bearer {token}"))
                .map_err(net)?;
        }
        let progress =
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
                if e.length_computable() {
                    on_progress(e.loaded(), e.total());
                }
            });
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        }
        let done = js_sys::Promise::new(&mut |resolve, _| xhr.set_onloadend(Some(&resolve)));
        xhr.send_with_opt_form_data(Some(form)).map_err(net)?;
        let _ = wasm_bindgen_futures::JsFuture::from(done).await;
        drop(progress);
        let status = xhr.status().unwrap_or(0);
        let text = xhr.response_text().ok().flatten().unwrap_or_default();
        match status {
            0 => Err(ApiError::new(ErrorKind::Network)),
            200..=299 => decode_one(&text),
            _ => Err(ApiError::from_response(
                status,
                &text,
                xhr.get_response_header("x-ratelimit-reset").ok().flatten(),
            )),
        }
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
        self.send_with(method, url, form, &[]).await
    }

    async fn send_with(
        &self,
        method: Method,
        url: &str,
        form: Option<String>,
        headers: &[(&str, &str)],
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
            Method::Put => Request::put(url),
            Method::Delete => Request::delete(url),
        }
        .abort_signal(Some(&signal));
        if let Some(token) = &self.token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        for (name, value) in headers {
            builder = builder.header(name, value);
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

/// The early home request's answer (see `index.html`), taken once: only when it was for `url`
/// with `token` and succeeded (a 2xx). Anything else (none, another account, an error, an
/// unreadable answer) is `None`, and the caller asks again as usual, with its retries and
/// error handling.
async fn early_answer(url: &str, token: &str) -> Option<RawResponse> {
    use wasm_bindgen::JsValue;
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let window: JsValue = web_sys::window()?.into();
    let early = get(&window, "woollyEarlyHome").filter(|e| e.is_object())?;
    let _ = js_sys::Reflect::set(&window, &"woollyEarlyHome".into(), &JsValue::NULL);
    if get(&early, "url")?.as_string()? != url || get(&early, "token")?.as_string()? != token {
        return None;
    }
    let answer = get(&early, "answer")?.dyn_into::<js_sys::Promise>().ok()?;
    let answer = wasm_bindgen_futures::JsFuture::from(answer).await.ok()?;
    let status = get(&answer, "status")?.as_f64()?;
    if !(200.0..300.0).contains(&status) {
        return None;
    }
    Some(RawResponse {
        text: get(&answer, "text")?.as_string()?,
        link: get(&answer, "link").and_then(|l| l.as_string()),
    })
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
