//! Instance discovery before signing in: the instance document, NodeInfo and OAuth metadata
//! fetched together, host-meta for handles whose web domain has no API, the derived
//! [`Capabilities`], and their cache per instance (`woolly.instances`) that later features
//! read through [`cached_capabilities`].

use std::{collections::BTreeMap, future::Future, task::Poll};

use super::{
    login::LoginError,
    storage::{self, Area},
};
use crate::api::{
    ApiError, ErrorKind,
    capabilities::Capabilities,
    host_meta,
    instance::{self, Instance},
    nodeinfo, oauth,
    origin::{InstanceOrigin, parse_instance},
};

const INSTANCES_KEY: &str = "woolly.instances";

/// What discovery learned about an instance.
#[derive(Clone, Debug, PartialEq)]
pub struct Discovered {
    /// The API origin (after host-meta, when the handle's domain pointed elsewhere).
    pub origin: String,
    pub instance: Instance,
    pub capabilities: Capabilities,
}

/// What the login page shows about an instance before signing in.
#[derive(Clone, Debug, PartialEq)]
pub struct InstancePreview {
    /// `host[:port]`.
    pub authority: String,
    pub title: String,
    /// As the server sent it: may be HTML on some servers. Sanitise before showing.
    pub description: String,
    pub thumbnail: Option<String>,
}

/// Turns the first discovery failure into the error shown (pure). A network failure at a
/// host that still answers a `no-cors` probe is a CORS block or a non-Mastodon site.
pub fn classify_discovery(error: ApiError, reachable: Option<bool>) -> LoginError {
    match (&error.kind, reachable) {
        (ErrorKind::Network, Some(true)) => LoginError::Blocked,
        _ => LoginError::Discovery(error),
    }
}

/// Instance document, NodeInfo and OAuth metadata of one origin, requested concurrently.
async fn discover_at(origin: &str) -> Result<Discovered, ApiError> {
    let (found, (info, metadata)) = join(
        instance::fetch(origin),
        join(nodeinfo::fetch(origin), oauth::server_metadata(origin)),
    )
    .await;
    let instance = found?;
    let capabilities = Capabilities::derive(&instance, info.as_ref(), metadata.as_ref());
    Ok(Discovered {
        origin: origin.to_string(),
        instance,
        capabilities,
    })
}

/// Discovers what was typed. For a handle or profile URL whose domain has no API (Mastodon's
/// `WEB_DOMAIN` setups), the host named by the domain's host-meta is tried next; the typed
/// domain always goes first, so the common case costs no extra request.
pub async fn discover(typed: &InstanceOrigin) -> Result<Discovered, LoginError> {
    let origin = typed.origin();
    let first = match discover_at(&origin).await {
        Ok(found) => return Ok(found),
        Err(e) => e,
    };
    if typed.user.is_some()
        && let Ok(Some(api_origin)) = host_meta::resolve(&origin).await
        && let Ok(found) = discover_at(&api_origin).await
    {
        return Ok(found);
    }
    let reachable = match first.kind {
        ErrorKind::Network => Some(instance::reachable(&origin).await),
        _ => None,
    };
    Err(classify_discovery(first, reachable))
}

/// The instance's name, picture and description for the login page. Stores nothing.
pub async fn preview(input: &str) -> Result<InstancePreview, LoginError> {
    let typed = parse_instance(input).map_err(LoginError::Input)?;
    let found = discover(&typed).await?;
    let authority = parse_instance(&found.origin)
        .map(|o| o.authority())
        .unwrap_or_else(|_| typed.authority());
    Ok(InstancePreview {
        authority,
        title: found.instance.title().to_string(),
        description: found.instance.description().to_string(),
        thumbnail: found.instance.thumbnail().map(str::to_string),
    })
}

/// The capabilities learned when signing in to `origin` (e.g. `https://mastodon.social`).
pub fn cached_capabilities(origin: &str) -> Option<Capabilities> {
    // Views ask per status (e.g. the status menu): decode the stored map once, not each time.
    KNOWN_INSTANCES.with(|known| {
        known
            .borrow_mut()
            .get_or_insert_with(|| storage::get(Area::Local, INSTANCES_KEY).unwrap_or_default())
            .get(origin)
            .cloned()
    })
}

pub(super) fn remember_capabilities(origin: &str, capabilities: &Capabilities) {
    let mut all: BTreeMap<String, Capabilities> =
        storage::get(Area::Local, INSTANCES_KEY).unwrap_or_default();
    all.insert(origin.to_string(), capabilities.clone());
    storage::set(Area::Local, INSTANCES_KEY, &all);
    KNOWN_INSTANCES.with(|known| *known.borrow_mut() = Some(all));
}

thread_local! {
    /// `woolly.instances` as last read or written by this tab.
    static KNOWN_INSTANCES: std::cell::RefCell<Option<BTreeMap<String, Capabilities>>> =
        const { std::cell::RefCell::new(None) };
}

/// Both futures to completion, polled together (the app does not depend on `futures`).
pub(crate) async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let mut a = std::pin::pin!(a);
    let mut b = std::pin::pin!(b);
    let (mut out_a, mut out_b) = (None, None);
    std::future::poll_fn(move |cx| {
        if out_a.is_none()
            && let Poll::Ready(v) = a.as_mut().poll(cx)
        {
            out_a = Some(v);
        }
        if out_b.is_none()
            && let Poll::Ready(v) = b.as_mut().poll(cx)
        {
            out_b = Some(v);
        }
        match (out_a.take(), out_b.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                out_a = x;
                out_b = y;
                Poll::Pending
            }
        }
    })
    .await
}
