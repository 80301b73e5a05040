//! Sizes of the built app: measuring assets (raw, gzip -9, brotli), the size table that
//! `build` prints, and the size ratchet that `test` enforces.
//!
//! The ratchet compares the gzip -9 bytes of the code and CSS a browser downloads for the home
//! view (the `.wasm`, `.js` and `.css` that `dist/index.html` loads, compressed afresh, never
//! the `.gz`/`.br` copies) with `size-budget.json`'s `max_gzip_bytes`. The sign-in bundle
//! (`login.html`, a second binary) is reported beside it. The decision is the pure [`check_budget`]; reading the
//! budget is the pure [`parse_budget`]; both are unit-tested here. Compression runs Debian's
//! `gzip` and `brotli` so that xtask needs no crates.

use std::fs;
use std::path::{Path, PathBuf};

use crate::process::{Cmd, Error, Result};

/// Extensions that get `.gz` and `.br` siblings in `dist/`.
pub const COMPRESSIBLE: [&str; 5] = ["wasm", "js", "css", "html", "svg"];
/// Extensions that count as code + CSS (the total and the ratchet).
pub const CODE: [&str; 3] = ["wasm", "js", "css"];

/// One asset's sizes in bytes.
#[derive(Clone, Debug)]
pub struct Asset {
    pub path: PathBuf,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl Asset {
    /// Whether this asset counts towards code + CSS.
    pub fn is_code(&self) -> bool {
        CODE.contains(&extension(&self.path))
    }
}

fn extension(path: &Path) -> &str {
    path.extension().and_then(|e| e.to_str()).unwrap_or("")
}

/// Every file under `dir` whose extension is in `exts`, sorted.
pub fn files_with(dir: &Path, exts: &[&str]) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in
            fs::read_dir(&dir).map_err(|e| Error::msg(format!("reading {}: {e}", dir.display())))?
        {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if exts.contains(&extension(&path)) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// gzip -9 of `file`, as bytes (no name or time stamp in the header: reproducible).
pub fn gzip(file: &Path) -> Result<Vec<u8>> {
    Cmd::new("gzip")
        .args(["-9", "-n", "-c"])
        .arg(file)
        .stdout_bytes()
}

/// brotli at its best quality of `file`, as bytes.
pub fn brotli(file: &Path) -> Result<Vec<u8>> {
    Cmd::new("brotli")
        .args(["-q", "11", "-c"])
        .arg(file)
        .stdout_bytes()
}

/// Measures `file` and, if `write_siblings`, writes `file.gz` and `file.br` next to it.
pub fn measure(file: &Path, write_siblings: bool) -> Result<Asset> {
    let raw = fs::metadata(file)?.len();
    let gz = gzip(file)?;
    let br = brotli(file)?;
    if write_siblings {
        fs::write(sibling(file, "gz"), &gz)?;
        fs::write(sibling(file, "br"), &br)?;
    }
    Ok(Asset {
        path: file.to_path_buf(),
        raw,
        gzip: gz.len() as u64,
        brotli: br.len() as u64,
    })
}

fn sibling(file: &Path, ext: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

/// The home view's page; its bundle is what the ratchet compares.
pub const HOME_PAGE: &str = "index.html";
/// The sign-in bundle's page (a second binary), reported beside the home bundle.
pub const LOGIN_PAGE: &str = "login.html";

/// The code and CSS files a page of Trunk's output loads (its `<link>`s, the glue's `import`
/// and the wasm it instantiates), as paths relative to `dist`, sorted and without repeats.
pub fn bundle_files(html: &str) -> Vec<String> {
    let mut files: Vec<String> = html
        .split(|c: char| c == '"' || c == '\'' || c == '(' || c == ')' || c.is_whitespace())
        .filter(|t| CODE.iter().any(|ext| t.ends_with(&format!(".{ext}"))))
        .filter(|t| !t.contains("://"))
        .map(|t| {
            t.trim_start_matches("./")
                .trim_start_matches('/')
                .to_string()
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

/// The gzip -9 total of the code and CSS that `dist/<page>` loads: for `index.html`, what the
/// ratchet compares. A page that names a file missing from `dist` is an error.
pub fn bundle_gzip_total(dist: &Path, page: &str) -> Result<u64> {
    let html = fs::read_to_string(dist.join(page))
        .map_err(|e| Error::msg(format!("reading {}: {e}", dist.join(page).display())))?;
    let files = bundle_files(&html);
    if files.is_empty() {
        return Err(Error::msg(format!("{page} loads no .wasm/.js/.css")));
    }
    let mut total = 0;
    for name in files {
        let file = dist.join(&name);
        if !file.is_file() {
            return Err(Error::msg(format!(
                "{page} loads {name}, missing from dist"
            )));
        }
        total += gzip(&file)?.len() as u64;
    }
    Ok(total)
}

/// The on-demand parts of the split build: every `.wasm` under `dist/app-*/` that `page` does
/// not load, with its gzip -9 bytes, largest first. `split_<name>.wasm` is a part's own module;
/// `chunk_<n>.wasm` is code shared by several parts, fetched with the first of them.
pub fn on_demand_parts(dist: &Path, page: &str) -> Result<Vec<(String, u64)>> {
    let html = fs::read_to_string(dist.join(page))?;
    let loaded = bundle_files(&html);
    let mut parts = Vec::new();
    for file in files_with(dist, &["wasm"])? {
        let name = file
            .strip_prefix(dist)
            .unwrap_or(&file)
            .to_string_lossy()
            .into_owned();
        if name.starts_with("app-") && !loaded.contains(&name) {
            parts.push((name, gzip(&file)?.len() as u64));
        }
    }
    parts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(parts)
}

/// Renders the size table: one row per asset, then the code + CSS total.
pub fn table(assets: &[Asset], base: &Path) -> String {
    let name = |a: &Asset| {
        a.path
            .strip_prefix(base)
            .unwrap_or(&a.path)
            .display()
            .to_string()
    };
    let width = assets
        .iter()
        .map(|a| name(a).len())
        .max()
        .unwrap_or(0)
        .max(20);
    let mut out = format!(
        "{:<width$}  {:>10}  {:>10}  {:>10}\n",
        "asset", "raw", "gzip -9", "brotli"
    );
    let row = |label: &str, raw: u64, gz: u64, br: u64| {
        format!(
            "{label:<width$}  {:>10}  {:>10}  {:>10}\n",
            human(raw),
            human(gz),
            human(br)
        )
    };
    for a in assets {
        out += &row(&name(a), a.raw, a.gzip, a.brotli);
    }
    let code: Vec<&Asset> = assets.iter().filter(|a| a.is_code()).collect();
    out += &row(
        "total code+CSS",
        code.iter().map(|a| a.raw).sum(),
        code.iter().map(|a| a.gzip).sum(),
        code.iter().map(|a| a.brotli).sum(),
    );
    out
}

/// Bytes in a form that reads at a glance: "812 B", "45.3 KiB", "1.20 MiB".
pub fn human(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KiB", b as f64 / 1024.0),
        b => format!("{:.2} MiB", b as f64 / (1024.0 * 1024.0)),
    }
}

/// `size-budget.json`: the most gzip -9 bytes of code + CSS the app may ship, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub max_gzip_bytes: u64,
    pub note: String,
}

/// Reads `{"max_gzip_bytes": N, "note": "..."}` (the note is optional; other keys ignored).
/// A deliberately small reader, so that xtask needs no JSON crate.
pub fn parse_budget(json: &str) -> std::result::Result<Budget, String> {
    let json = json.trim();
    if !(json.starts_with('{') && json.ends_with('}')) {
        return Err("size-budget.json must be one JSON object".into());
    }
    let after_key = |key: &str| -> Option<&str> {
        let at = json.find(&format!("\"{key}\""))?;
        let rest = json[at + key.len() + 2..].trim_start();
        Some(rest.strip_prefix(':')?.trim_start())
    };
    let max = after_key("max_gzip_bytes").ok_or("size-budget.json has no \"max_gzip_bytes\"")?;
    let digits: String = max.chars().take_while(char::is_ascii_digit).collect();
    let max_gzip_bytes = digits
        .parse()
        .map_err(|_| "\"max_gzip_bytes\" must be a whole number of bytes".to_string())?;
    let note = match after_key("note") {
        Some(rest) => string_literal(rest).ok_or("\"note\" must be a string")?,
        None => String::new(),
    };
    Ok(Budget {
        max_gzip_bytes,
        note,
    })
}

/// The JSON string literal at the start of `s`, unescaped (\" \\ \n only; enough for a note).
fn string_literal(s: &str) -> Option<String> {
    let mut chars = s.strip_prefix('"')?.chars();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// The ratchet's decision: `Ok` with the report line when `gzip_bytes` is within the budget,
/// `Err` with what to do when it is over.
pub fn check_budget(gzip_bytes: u64, budget: &Budget) -> std::result::Result<String, String> {
    let line = format!(
        "size: {gzip_bytes} B gzip (budget {} B)",
        budget.max_gzip_bytes
    );
    if gzip_bytes <= budget.max_gzip_bytes {
        let headroom = budget.max_gzip_bytes - gzip_bytes;
        Ok(format!("{line}: ok, {headroom} B to spare"))
    } else {
        let over = gzip_bytes - budget.max_gzip_bytes;
        Err(format!(
            "{line}: OVER BUDGET by {over} B ({}). Make the app smaller (twiggy shows what \
             weighs), or raise size-budget.json's max_gzip_bytes on purpose and say why in its note.",
            human(over)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(max: u64) -> Budget {
        Budget {
            max_gzip_bytes: max,
            note: String::new(),
        }
    }

    #[test]
    fn under_or_at_the_budget_passes() {
        let line = check_budget(123_456, &budget(130_000)).unwrap();
        assert!(
            line.starts_with("size: 123456 B gzip (budget 130000 B)"),
            "{line}"
        );
        assert!(check_budget(130_000, &budget(130_000)).is_ok());
    }

    #[test]
    fn over_the_budget_fails_and_says_by_how_much() {
        let err = check_budget(130_001, &budget(130_000)).unwrap_err();
        assert!(err.contains("OVER BUDGET by 1 B"), "{err}");
        assert!(
            err.contains("size: 130001 B gzip (budget 130000 B)"),
            "{err}"
        );
    }

    #[test]
    fn parses_the_budget_file() {
        let json = r#"{
  "max_gzip_bytes": 400000,
  "note": "generous start; the lead \"tightens\" it"
}"#;
        assert_eq!(
            parse_budget(json),
            Ok(Budget {
                max_gzip_bytes: 400_000,
                note: "generous start; the lead \"tightens\" it".into()
            })
        );
        assert_eq!(
            parse_budget(r#"{"max_gzip_bytes":5}"#)
                .unwrap()
                .max_gzip_bytes,
            5
        );
    }

    #[test]
    fn rejects_a_budget_file_without_a_number() {
        assert!(parse_budget("{}").is_err());
        assert!(parse_budget(r#"{"max_gzip_bytes": "big"}"#).is_err());
        assert!(parse_budget("400000").is_err());
    }

    #[test]
    fn a_bundle_is_the_code_and_css_its_page_loads() {
        let html = r#"<link rel="stylesheet" href="/main-1a.css" integrity="x"/>
<link rel="modulepreload" href="/woolly-2b.js"><link rel="preload" href="/woolly-2b_bg.wasm" as="fetch">
<script type="module">import init, * as bindings from '/woolly-2b.js';
const wasm = await init({ module_or_path: '/woolly-2b_bg.wasm' });</script>
<link rel="icon" href="/favicon-3c.svg"><a href="https://example.com/x.js">"#;
        assert_eq!(
            bundle_files(html),
            ["main-1a.css", "woolly-2b.js", "woolly-2b_bg.wasm"]
        );
        assert!(bundle_files("<html></html>").is_empty());
    }

    #[test]
    fn the_split_page_loads_its_module_glue_loader_and_css() {
        let html = r#"<link rel="stylesheet" href="/main-1a.css" />
    <link rel="modulepreload" href="/app-9f/woolly.js" />
    <link rel="modulepreload" href="/app-9f/__wasm_split.js" />
    <link rel="preload" href="/app-9f/woolly_bg.wasm" as="fetch" type="application/wasm" crossorigin="" />
    <script type="module">import init from "/app-9f/woolly.js";
      init({ module_or_path: "/app-9f/woolly_bg.wasm" });</script>"#;
        assert_eq!(
            bundle_files(html),
            [
                "app-9f/__wasm_split.js",
                "app-9f/woolly.js",
                "app-9f/woolly_bg.wasm",
                "main-1a.css"
            ]
        );
    }

    #[test]
    fn human_sizes() {
        assert_eq!(human(812), "812 B");
        assert_eq!(human(46_387), "45.3 KiB");
        assert_eq!(human(1_258_291), "1.20 MiB");
    }

    #[test]
    fn the_table_totals_code_and_css_only() {
        let asset = |p: &str, raw, gzip, brotli| Asset {
            path: PathBuf::from(p),
            raw,
            gzip,
            brotli,
        };
        let t = table(
            &[
                asset("d/app.wasm", 1000, 500, 400),
                asset("d/app.js", 100, 50, 40),
                asset("d/index.html", 900, 300, 200),
            ],
            Path::new("d"),
        );
        let total = t.lines().last().unwrap();
        assert!(total.starts_with("total code+CSS"), "{t}");
        assert!(total.contains("1.1 KiB") && total.contains("550 B"), "{t}");
    }
}
