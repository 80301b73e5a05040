//! NodeInfo discovery: `/.well-known/nodeinfo` lists schema documents; the highest 2.x one
//! on the instance's own origin is read to learn the server software and its version.
//!
//! Optional by design: a server without NodeInfo (or one that blocks it) still signs in,
//! and capabilities fall back to the instance's own version string.

use serde::Deserialize;

use super::http::Client;
use crate::model::misc::NodeInfo;

const SCHEMA_PREFIX: &str = "http://nodeinfo.diaspora.software/ns/schema/";

/// `/.well-known/nodeinfo`.
#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct WellKnown {
    #[serde(default)]
    pub links: Vec<Link>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
pub struct Link {
    #[serde(default)]
    pub rel: String,
    #[serde(default)]
    pub href: String,
}

/// The href of the highest 2.x schema that lives on `origin` (pure). Other origins are
/// skipped: Woolly only talks to the instance it was given.
pub fn pick_href<'a>(links: &'a [Link], origin: &str) -> Option<&'a str> {
    links
        .iter()
        .filter_map(|l| {
            let version = l.rel.strip_prefix(SCHEMA_PREFIX)?;
            let (major, minor) = version.split_once('.')?;
            let minor: u32 = minor.parse().ok()?;
            let same_origin = l
                .href
                .strip_prefix(origin)
                .is_some_and(|rest| rest.starts_with('/'));
            (major == "2" && same_origin).then_some((minor, l.href.as_str()))
        })
        .max_by_key(|(minor, _)| *minor)
        .map(|(_, href)| href)
}

/// The server's NodeInfo, or `None` when it has none or it cannot be read.
pub async fn fetch(origin: &str) -> Option<NodeInfo> {
    let client = Client::new(origin, None);
    let known: WellKnown = client.get("/.well-known/nodeinfo").await.ok()?;
    let href = pick_href(&known.links, origin)?;
    client.get(href).await.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(rel: &str, href: &str) -> Link {
        Link {
            rel: format!("{SCHEMA_PREFIX}{rel}"),
            href: href.into(),
        }
    }

    #[test]
    fn picks_the_highest_2x_on_the_same_origin() {
        let links = [
            link("1.0", "https://a.example/nodeinfo/1.0"),
            link("2.0", "https://a.example/nodeinfo/2.0"),
            link("2.1", "https://a.example/nodeinfo/2.1"),
            link("2.2", "https://evil.example/nodeinfo/2.2"),
            link("3.0", "https://a.example/nodeinfo/3.0"),
        ];
        assert_eq!(
            pick_href(&links, "https://a.example"),
            Some("https://a.example/nodeinfo/2.1")
        );
        // `https://a.example.evil` is not `https://a.example`.
        let sneaky = [link("2.0", "https://a.example.evil/nodeinfo/2.0")];
        assert_eq!(pick_href(&sneaky, "https://a.example"), None);
        assert_eq!(pick_href(&[], "https://a.example"), None);
    }
}
