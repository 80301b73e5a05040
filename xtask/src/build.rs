//! `cargo xtask build`: the release `dist/` that static hosts, the demo and the end-to-end tests
//! serve.
//!
//! Runs `trunk build --release` (offline: Trunk.toml forbids downloads, so it uses the
//! wasm-bindgen and wasm-opt that setup installed), then writes `.gz` (gzip -9) and `.br`
//! (brotli) siblings for every `.wasm`, `.js`, `.css`, `.html` and `.svg` in `dist/` and prints
//! each asset's raw / gzip / brotli size with the code + CSS total.

use crate::Paths;
use crate::process::{Cmd, Error, Result, say};
use crate::size;

/// `cargo xtask build`: setup, then [`release_dist`].
pub fn run(paths: &Paths) -> Result<()> {
    crate::setup::run(paths)?;
    release_dist(paths)
}

/// Builds the release `dist/`, pre-compresses it and prints the size table.
pub fn release_dist(paths: &Paths) -> Result<()> {
    say("building the release dist/ with trunk");
    Cmd::new("trunk")
        .args(["build", "--release"])
        .cwd(&paths.root)
        .run()?;
    if !paths.dist.join("index.html").is_file() {
        return Err(Error::msg(format!(
            "trunk succeeded but {} has no index.html",
            paths.dist.display()
        )));
    }
    say("writing .gz and .br siblings in dist/");
    let mut assets = Vec::new();
    for file in size::files_with(&paths.dist, &size::COMPRESSIBLE)? {
        assets.push(size::measure(&file, true)?);
    }
    println!("{}", size::table(&assets, &paths.dist));
    Ok(())
}
