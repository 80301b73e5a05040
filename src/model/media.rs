//! Media attachments. `url` is null while processing; `meta`, `blurhash` and `description`
//! are nullable (Akkoma sends no `meta` for remote media).

use serde::Deserialize;

#[derive(Clone, Debug, PartialEq)]
pub struct MediaAttachment {
    pub id: String,
    pub kind: String,
    pub url: Option<String>,
    pub preview_url: Option<String>,
    pub remote_url: Option<String>,
    pub description: Option<String>,
    pub blurhash: Option<String>,
    pub meta: Option<MediaMeta>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct MediaMeta {
    #[serde(default)]
    pub original: Option<MediaSize>,
    #[serde(default)]
    pub small: Option<MediaSize>,
    #[serde(default)]
    pub focus: Option<Focus>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Default)]
pub struct MediaSize {
    #[serde(default)]
    pub width: Option<f64>,
    #[serde(default)]
    pub height: Option<f64>,
    #[serde(default)]
    pub aspect: Option<f64>,
    #[serde(default)]
    pub duration: Option<f64>,
}

/// Focal point: x and y in [-1, 1], y pointing up.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Default)]
pub struct Focus {
    pub x: f64,
    pub y: f64,
}

impl MediaAttachment {
    /// Width / height from `meta`, for reserving space before the image loads.
    pub fn aspect_ratio(&self) -> Option<f64> {
        let meta = self.meta.as_ref()?;
        let size = meta.small.as_ref().or(meta.original.as_ref())?;
        let ratio = match (size.aspect, size.width, size.height) {
            (Some(a), _, _) => a,
            (None, Some(w), Some(h)) if h > 0.0 => w / h,
            _ => return None,
        };
        (ratio.is_finite() && ratio > 0.0).then_some(ratio)
    }

    /// The alt text, if the author wrote one.
    pub fn alt(&self) -> Option<&str> {
        self.description
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
    }
}
