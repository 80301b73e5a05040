//! What a person types into "Your instance" → the origin of the server to talk to.
//!
//! Accepts `mastodon.social`, ` Mastodon.Social `, `https://mastodon.social/@alice`,
//! `@alice@mastodon.social`, internationalised domains (converted to punycode), and
//! `localhost:PORT`, `127.0.0.1:PORT` or an explicit `http://` for local servers. Pure: no
//! network; resolving a handle's domain to its API host (host-meta) happens in `api::instance`.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstanceOrigin {
    /// `http` only for local addresses or when typed explicitly; `https` otherwise.
    pub scheme: &'static str,
    /// Lowercase ASCII (punycode) host, without a trailing dot.
    pub host: String,
    pub port: Option<u16>,
    /// The user part when a handle or profile URL was typed (`alice`).
    pub user: Option<String>,
}

impl InstanceOrigin {
    /// `https://host[:port]`, no trailing slash.
    pub fn origin(&self) -> String {
        match self.port {
            Some(p) => format!("{}://{}:{p}", self.scheme, self.host),
            None => format!("{}://{}", self.scheme, self.host),
        }
    }

    /// `host[:port]`, how the instance is shown to people.
    pub fn authority(&self) -> String {
        match self.port {
            Some(p) => format!("{}:{p}", self.host),
            None => self.host.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    /// A scheme other than http/https (`javascript:`, `ftp://`, …).
    UnsupportedScheme,
    /// Not something that can be a server's address.
    Malformed,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            InputError::Empty => "Type the address of your server, like mastodon.social.",
            InputError::UnsupportedScheme => {
                "Only web addresses (https:// or http://) can be servers."
            }
            InputError::Malformed => {
                "That doesn't look like a server address. Try something like mastodon.social."
            }
        })
    }
}

/// Normalises what a person typed. See the module docs for the accepted forms.
pub fn parse_instance(input: &str) -> Result<InstanceOrigin, InputError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(InputError::Malformed);
    }
    let (explicit_scheme, rest) = split_scheme(text)?;
    let (authority, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    // `@alice@host`, `alice@host`, or userinfo in a URL: the host is after the last '@'.
    let (user, hostport) = match authority.rfind('@') {
        Some(i) => (
            Some(authority[..i].trim_start_matches('@')),
            &authority[i + 1..],
        ),
        None => (None, authority),
    };
    let (host, port) = split_port(hostport)?;
    let host = normalise_host(host)?;
    // `user:password@` in a URL is credentials, not a handle: ignored, never sent anywhere.
    let user = user
        .filter(|u| !u.is_empty() && !u.contains(':'))
        .or_else(|| profile_user(path))
        .map(str::to_string);
    let local = is_local(&host);
    let scheme = match explicit_scheme {
        Some(s) => s,
        None if local => "http",
        None => "https",
    };
    // The scheme's default port is the same origin as no port (`https://x:443` = `https://x`).
    let port = port.filter(|&p| !matches!((scheme, p), ("https", 443) | ("http", 80)));
    Ok(InstanceOrigin {
        scheme,
        host,
        port,
        user,
    })
}

fn split_scheme(text: &str) -> Result<(Option<&'static str>, &str), InputError> {
    if let Some(i) = text.find("://") {
        let scheme = &text[..i];
        let rest = &text[i + 3..];
        return match scheme.to_ascii_lowercase().as_str() {
            "https" => Ok((Some("https"), rest)),
            "http" => Ok((Some("http"), rest)),
            _ => Err(InputError::UnsupportedScheme),
        };
    }
    // `javascript:…`, `data:…`, `mailto:…`: a scheme without `//` is never a server.
    if let Some((before, after)) = text.split_once(':') {
        let looks_like_port = after.chars().next().is_some_and(|c| c.is_ascii_digit());
        let is_scheme = !before.is_empty()
            && before
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !before.contains('.')
            && !before.contains('@')
            && !looks_like_port
            && !before.eq_ignore_ascii_case("localhost");
        if is_scheme {
            return Err(InputError::UnsupportedScheme);
        }
    }
    Ok((None, text))
}

fn split_port(hostport: &str) -> Result<(&str, Option<u16>), InputError> {
    if hostport.starts_with('[') {
        let close = hostport.find(']').ok_or(InputError::Malformed)?;
        let addr = &hostport[1..close];
        if addr.is_empty() || !addr.chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
            return Err(InputError::Malformed);
        }
        let port = match &hostport[close + 1..] {
            "" => None,
            after => Some(parse_port(
                after.strip_prefix(':').ok_or(InputError::Malformed)?,
            )?),
        };
        return Ok((&hostport[..=close], port));
    }
    match hostport.rsplit_once(':') {
        Some((h, p)) => Ok((h, Some(parse_port(p)?))),
        None => Ok((hostport, None)),
    }
}

fn parse_port(p: &str) -> Result<u16, InputError> {
    if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
        return Err(InputError::Malformed);
    }
    match p.parse::<u16>() {
        Ok(0) | Err(_) => Err(InputError::Malformed),
        Ok(n) => Ok(n),
    }
}

fn normalise_host(host: &str) -> Result<String, InputError> {
    if host.starts_with('[') {
        return Ok(host.to_ascii_lowercase());
    }
    let host = host.trim_end_matches('.').to_lowercase();
    if host.is_empty() || host.len() > 253 {
        return Err(InputError::Malformed);
    }
    let mut labels = Vec::new();
    for label in host.split('.') {
        let ascii = if label.is_ascii() {
            label.to_string()
        } else {
            format!("xn--{}", punycode(label).ok_or(InputError::Malformed)?)
        };
        let valid = !ascii.is_empty()
            && ascii.len() <= 63
            && !ascii.starts_with('-')
            && !ascii.ends_with('-')
            && ascii
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !valid {
            return Err(InputError::Malformed);
        }
        labels.push(ascii);
    }
    let host = labels.join(".");
    // An all-numeric last label makes the host an IPv4 address (WHATWG URL): it must be one.
    if labels
        .last()
        .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()))
        && !is_ipv4(&labels)
    {
        return Err(InputError::Malformed);
    }
    // A single label is only a server name for localhost; "mastodon" alone is a typo.
    if labels.len() == 1 && host != "localhost" {
        return Err(InputError::Malformed);
    }
    Ok(host)
}

fn is_ipv4(labels: &[String]) -> bool {
    labels.len() == 4
        && labels.iter().all(|l| {
            l.len() <= 3 && l.bytes().all(|b| b.is_ascii_digit()) && l.parse::<u8>().is_ok()
        })
}

/// `/@alice…` or `/users/alice…`: the profile URL's user.
fn profile_user(path: &str) -> Option<&str> {
    let user = path
        .strip_prefix("/@")
        .or_else(|| path.strip_prefix("/users/"))?;
    let end = user.find(['/', '?', '#', '@']).unwrap_or(user.len());
    Some(&user[..end]).filter(|u| !u.is_empty())
}

/// Loopback and `.localhost` names: served over plain http by local development servers.
pub fn is_local(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host.starts_with("127.")
        || host == "[::1]"
}

/// RFC 3492 punycode encoding of one label (without the `xn--` prefix).
fn punycode(label: &str) -> Option<String> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    let input: Vec<u32> = label.chars().map(|c| c as u32).collect();
    let mut output: String = label.chars().filter(char::is_ascii).collect();
    let basic = output.len() as u32;
    let mut handled = basic;
    if basic > 0 {
        output.push('-');
    }
    let (mut n, mut delta, mut bias) = (128u32, 0u32, 72u32);
    let digit = |d: u32| {
        char::from(if d < 26 {
            b'a' + d as u8
        } else {
            b'0' + (d - 26) as u8
        })
    };
    while (handled as usize) < input.len() {
        let m = *input.iter().filter(|&&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &input {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    output.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                output.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(output)
}

fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
    delta /= if first { 700 } else { 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((36 - 1) * 26) / 2 {
        delta /= 36 - 1;
        k += 36;
    }
    k + (36 * delta) / (delta + 38)
}
