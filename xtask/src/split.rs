//! The split release build of the main app (`index.html`), which Trunk cannot make:
//!
//! 1. `cargo rustc --release --bin woolly --features split`, linked with `--emit-relocs` and
//!    not stripped, so the splitter can follow every call and data reference;
//! 2. `wasm-split-cli` (crate `wasm_split_cli_support`, pinned in setup) cuts the wasm at the
//!    split points of `src/parts/`: a main module, one module per part, shared chunks, and the
//!    `__wasm_split.js` loader;
//! 3. `wasm-bindgen --keep-lld-exports` on the main module (the parts import its exports);
//! 4. `wasm-opt -Oz` on every module;
//! 5. everything into `dist/app-<hash>/`, the hash taken over all its files: the modules must
//!    come from one build, so one name covers them, and a deploy never mixes builds;
//! 6. `dist/index.html` from the source page: Trunk's `data-trunk` links replaced by the
//!    hashed CSS and icon, preloads of just what the home view needs and the start script.
//!
//! Trunk still builds `login.html` (sign-in bundle) and serves the unsplit app day to day.

use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

use crate::Paths;
use crate::process::{Cmd, Error, Result, say};

/// The main binary and the name of its JS glue.
const BIN: &str = "woolly";
/// The splitter's loader module, imported by the main module's glue.
pub const LOADER: &str = "__wasm_split.js";
/// wasm-opt's features: those Rust 1.95 emits for wasm32 (as Trunk.toml's page links).
const WASM_OPT_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the split app into `dist/` (which must hold no earlier `app-*` directory).
pub fn build_app(paths: &Paths) -> Result<()> {
    say("building the split release app (cargo rustc --features split, --emit-relocs)");
    Cmd::new("cargo")
        .args([
            "rustc",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--bin",
            BIN,
            "--features",
            "split",
            "--",
            "-C",
            "link-arg=--emit-relocs",
            // The profile strips symbols, and with them the relocations the splitter reads.
            "-C",
            "strip=none",
        ])
        .cwd(&paths.root)
        .run()?;
    let input = paths
        .target
        .join("wasm32-unknown-unknown/release")
        .join(format!("{BIN}.wasm"));

    let work = paths.target.join("split");
    let _ = fs::remove_dir_all(&work);
    let cut = work.join("cut");
    let pkg = work.join("pkg");
    fs::create_dir_all(&cut)?;
    say("splitting the wasm at the parts' split points (wasm-split-cli)");
    Cmd::new("wasm-split-cli")
        .arg(&input)
        .arg(&cut)
        .args(["--out-name", BIN, "--target", "web"])
        .run()?;
    say("generating the JS glue (wasm-bindgen --keep-lld-exports)");
    Cmd::new("wasm-bindgen")
        .arg(cut.join(format!("{BIN}.wasm")))
        .arg("--out-dir")
        .arg(&pkg)
        .args(["--target", "web", "--keep-lld-exports", "--no-typescript"])
        .run()?;
    for entry in fs::read_dir(&cut)? {
        let from = entry?.path();
        let name = file_name(&from);
        if name != format!("{BIN}.wasm") {
            fs::copy(&from, pkg.join(&name))?;
        }
    }
    if !pkg.join(LOADER).is_file() {
        return Err(Error::msg(format!(
            "wasm-split-cli wrote no {LOADER}: no split points in the build?"
        )));
    }
    for file in sorted_files(&pkg)? {
        if file.extension().is_some_and(|e| e == "wasm") {
            Cmd::new("wasm-opt")
                .arg("-Oz")
                .args(WASM_OPT_FEATURES)
                .arg(&file)
                .arg("-o")
                .arg(&file)
                .run()?;
        }
    }

    let app_dir = format!("app-{}", hash_files(&pkg)?);
    let out = paths.dist.join(&app_dir);
    fs::create_dir_all(&out)?;
    for file in sorted_files(&pkg)? {
        fs::copy(&file, out.join(file_name(&file)))?;
    }
    say(format!("split app in dist/{app_dir}/"));
    write_page(paths, &app_dir)
}

/// Writes `dist/index.html`, the CSS, the icon and `public/` for the split app in `app_dir`.
fn write_page(paths: &Paths, app_dir: &str) -> Result<()> {
    let source = fs::read_to_string(paths.root.join("index.html"))?;
    copy_dir(&paths.root.join("public"), &paths.dist)?;
    let css = hashed_copy(&paths.root.join("style/main.css"), &paths.dist)?;
    let icon = hashed_copy(&paths.root.join("public/favicon.svg"), &paths.dist)?;
    let glue = format!("/{app_dir}/{BIN}.js");
    let wasm = format!("/{app_dir}/{BIN}_bg.wasm");
    let head = format!(
        r#"<link rel="stylesheet" href="/{css}" />
    <link rel="icon" href="/{icon}" type="image/svg+xml" />
    <link rel="modulepreload" href="{glue}" />
    <link rel="modulepreload" href="/{app_dir}/{LOADER}" />
    <link rel="preload" href="{wasm}" as="fetch" type="application/wasm" crossorigin="" />
    <script type="module">
      import init from "{glue}";
      init({{ module_or_path: "{wasm}" }}).then(function (wasm) {{
        dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm: wasm }} }}));
      }});
    </script>"#
    );
    let page = replace_trunk_links(&source, &head)?;
    fs::write(paths.dist.join(crate::size::HOME_PAGE), page)?;
    Ok(())
}

/// The source page with its `<link data-trunk …>` elements removed and `head` put where the
/// first one was.
pub fn replace_trunk_links(source: &str, head: &str) -> Result<String> {
    let mut out = String::with_capacity(source.len() + head.len());
    let mut rest = source;
    let mut placed = false;
    while let Some(start) = rest.find("<link data-trunk") {
        let end = rest[start..]
            .find("/>")
            .ok_or_else(|| Error::msg("index.html: unclosed <link data-trunk"))?;
        let before = rest[..start].trim_end_matches([' ', '\n']);
        out.push_str(before);
        if !placed {
            out.push_str("\n    ");
            out.push_str(head);
            placed = true;
        }
        rest = &rest[start + end + 2..];
    }
    if !placed {
        return Err(Error::msg("index.html has no <link data-trunk> to replace"));
    }
    out.push_str(rest);
    Ok(out)
}

/// Copies `file` into `dir` as `<stem>-<hash>.<ext>` and returns that name.
fn hashed_copy(file: &Path, dir: &Path) -> Result<String> {
    let bytes = fs::read(file)?;
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("asset");
    let ext = file.extension().and_then(|s| s.to_str()).unwrap_or("");
    let name = format!("{stem}-{}.{ext}", hash_bytes(&[&bytes]));
    fs::write(dir.join(&name), bytes)?;
    Ok(name)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for file in sorted_files(from)? {
        fs::copy(&file, to.join(file_name(&file)))?;
    }
    Ok(())
}

/// A short content hash over the files of `dir` (names and bytes), stable across runs.
fn hash_files(dir: &Path) -> Result<String> {
    let mut parts = Vec::new();
    for file in sorted_files(dir)? {
        parts.push(file_name(&file).into_bytes());
        parts.push(fs::read(&file)?);
    }
    Ok(hash_bytes(
        &parts.iter().map(Vec::as_slice).collect::<Vec<_>>(),
    ))
}

/// 16 hex digits of SipHash with fixed keys (`DefaultHasher::new`): a cache-busting name, not
/// a security check.
pub fn hash_bytes(parts: &[&[u8]]) -> String {
    let mut hasher = DefaultHasher::new();
    for part in parts {
        hasher.write_usize(part.len());
        hasher.write(part);
    }
    format!("{:016x}", hasher.finish())
}

fn sorted_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_links_give_way_to_the_head_once() {
        let source = "<head>\n    <title>W</title>\n    <link data-trunk rel=\"css\" href=\"a.css\" />\n    <link data-trunk rel=\"rust\"\n      data-bin=\"w\" />\n  </head>";
        let page = replace_trunk_links(source, "<HEAD/>").unwrap();
        assert_eq!(page, "<head>\n    <title>W</title>\n    <HEAD/>\n  </head>");
    }

    #[test]
    fn a_page_without_trunk_links_is_refused() {
        assert!(replace_trunk_links("<head></head>", "x").is_err());
    }

    #[test]
    fn hashes_depend_on_content_and_boundaries() {
        assert_eq!(hash_bytes(&[b"ab"]), hash_bytes(&[b"ab"]));
        assert_ne!(hash_bytes(&[b"ab"]), hash_bytes(&[b"ac"]));
        assert_ne!(hash_bytes(&[b"a", b"b"]), hash_bytes(&[b"ab"]));
        assert_eq!(hash_bytes(&[b""]).len(), 16);
    }
}
