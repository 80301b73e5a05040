//! PKCE (RFC 7636, S256) and the OAuth `state`: randomness and SHA-256 come from the
//! browser's Web Crypto; only the base64url encoding is ours (pure, host-tested).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::error::{ApiError, ErrorKind};

/// A verifier and its S256 challenge.
#[derive(Clone, Debug, PartialEq)]
pub struct Pkce {
    pub verifier: String,
    pub challenge: String,
}

/// 32 random bytes, base64url: a 43-character string (RFC 7636 allows 43–128).
pub fn random_token() -> Result<String, ApiError> {
    let crypto = crypto()?;
    let mut bytes = [0u8; 32];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| ApiError::new(ErrorKind::Other))?;
    Ok(base64url(&bytes))
}

pub async fn generate() -> Result<Pkce, ApiError> {
    let verifier = random_token()?;
    let challenge = base64url(&sha256(verifier.as_bytes()).await?);
    Ok(Pkce {
        verifier,
        challenge,
    })
}

async fn sha256(data: &[u8]) -> Result<Vec<u8>, ApiError> {
    let fail = |_| ApiError::new(ErrorKind::Other);
    let promise = crypto()?
        .subtle()
        .digest_with_str_and_u8_array("SHA-256", data)
        .map_err(fail)?;
    let buffer = JsFuture::from(promise).await.map_err(fail)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn crypto() -> Result<web_sys::Crypto, ApiError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.unchecked_into())
        .ok_or_else(|| ApiError::new(ErrorKind::Other))
}

/// Base64url without padding (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (chunk[0] as u32) << 16
            | (*chunk.get(1).unwrap_or(&0) as u32) << 8
            | *chunk.get(2).unwrap_or(&0) as u32;
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64url;

    #[test]
    fn rfc_7636_appendix_b_vector() {
        // SHA-256 of "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk" from RFC 7636 Appendix B.
        let digest = [
            19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120,
            173, 109, 241, 68, 86, 110, 225, 137, 74, 203, 112, 249, 195,
        ];
        assert_eq!(
            base64url(&digest),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn pads_nothing() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }
}
