//! BlurHash decoding (https://blurha.sh): the placeholder drawn where sensitive or
//! still-loading media will be. Decoded at a tiny size (the browser scales the canvas), so it
//! is cheap on the main thread. Pure: returns RGBA bytes.

/// `cos` and `pow`: in the browser, the engine's `Math` (Rust's own would add about 9 KB of
/// libm code to the home view, which draws blurhashes); on the host, std's.
mod math {
    #[cfg(target_arch = "wasm32")]
    pub fn cos(x: f64) -> f64 {
        js_sys::Math::cos(x)
    }
    #[cfg(target_arch = "wasm32")]
    pub fn pow(x: f64, y: f64) -> f64 {
        js_sys::Math::pow(x, y)
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn pow(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
}

const ALPHABET: &[u8] =
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

fn decode83(s: &[u8]) -> Option<u32> {
    s.iter().try_fold(0u32, |acc, c| {
        let digit = ALPHABET.iter().position(|a| a == c)? as u32;
        acc.checked_mul(83)?.checked_add(digit)
    })
}

fn srgb_to_linear(v: u32) -> f64 {
    let v = v as f64 / 255.0;
    if v <= 0.04045 {
        v / 12.92
    } else {
        math::pow((v + 0.055) / 1.055, 2.4)
    }
}

fn linear_to_srgb(v: f64) -> u8 {
    let v = v.clamp(0.0, 1.0);
    let s = if v <= 0.003_130_8 {
        v * 12.92
    } else {
        1.055 * math::pow(v, 1.0 / 2.4) - 0.055
    };
    (s * 255.0 + 0.5) as u8
}

/// `v²` keeping `v`'s sign (the spec's `signPow(v, 2)`).
fn sign_square(v: f64) -> f64 {
    v * v.abs()
}

/// Decodes `hash` into `width`×`height` RGBA pixels; `None` for a malformed hash.
pub fn decode(hash: &str, width: usize, height: usize) -> Option<Vec<u8>> {
    let bytes = hash.as_bytes();
    if bytes.len() < 6 || width == 0 || height == 0 || width * height > 64 * 64 {
        return None;
    }
    let size = decode83(&bytes[0..1])?;
    let (nx, ny) = ((size % 9 + 1) as usize, (size / 9 + 1) as usize);
    if bytes.len() != 4 + 2 * nx * ny {
        return None;
    }
    let max = (decode83(&bytes[1..2])? as f64 + 1.0) / 166.0;
    let mut colors = Vec::with_capacity(nx * ny);
    let dc = decode83(&bytes[2..6])?;
    colors.push([
        srgb_to_linear(dc >> 16),
        srgb_to_linear((dc >> 8) & 255),
        srgb_to_linear(dc & 255),
    ]);
    for i in 1..nx * ny {
        let v = decode83(&bytes[4 + i * 2..6 + i * 2])?;
        let q = |n: u32| sign_square((n as f64 - 9.0) / 9.0) * max;
        colors.push([q(v / (19 * 19)), q((v / 19) % 19), q(v % 19)]);
    }
    // cos() per pixel per component is most of the work: the per-axis values repeat, so
    // they are computed once (a 32×32 decode went from ~40k cos calls to a few hundred).
    let axis = |n: usize, len: usize| -> Vec<f64> {
        (0..len)
            .flat_map(|p| {
                (0..n).map(move |k| {
                    math::cos(std::f64::consts::PI * p as f64 * k as f64 / len as f64)
                })
            })
            .collect()
    };
    let (cos_x, cos_y) = (axis(nx, width), axis(ny, height));
    let mut out = Vec::with_capacity(width * height * 4);
    for y in 0..height {
        for x in 0..width {
            let mut px = [0.0f64; 3];
            for j in 0..ny {
                for i in 0..nx {
                    let basis = cos_x[x * nx + i] * cos_y[y * ny + j];
                    let c = colors[i + j * nx];
                    px.iter_mut().zip(c).for_each(|(p, c)| *p += c * basis);
                }
            }
            out.extend(px.map(linear_to_srgb));
            out.push(255);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_a_real_hash_to_plausible_pixels() {
        // From tests/fixtures/status_cw_emoji_gifv_mention_hashtag_edited_filtered.json.
        let px = decode("UMAm0W4;kTRj0M-:Rjt7%LM|kDoJjZofo0Rk", 8, 6).unwrap();
        assert_eq!(px.len(), 8 * 6 * 4);
        assert!(px.chunks(4).all(|p| p[3] == 255));
        // Not a flat image.
        assert!(px.chunks(4).any(|p| p[..3] != px[..3]));
    }

    #[test]
    fn rejects_malformed_hashes() {
        assert!(decode("", 4, 4).is_none());
        assert!(decode("UMAm0W4;kTRj0M", 4, 4).is_none());
        assert!(decode("UMAm0W4;kTRj0M-:Rjt7%LM|kDoJjZofo0R\u{e9}", 4, 4).is_none());
        assert!(decode("UMAm0W4;kTRj0M-:Rjt7%LM|kDoJjZofo0Rk", 0, 4).is_none());
    }
}
