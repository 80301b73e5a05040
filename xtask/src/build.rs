//! `cargo xtask build`: the release `dist/` that static hosts, the demo and the end-to-end tests
//! serve.
//!
//! Runs `trunk build --release` for `login.html` (the sign-in bundle, binary `woolly-login`,
//! built into `target/dist-login` and copied in), then the split build of the main app
//! ([`crate::split`]: `index.html`, `app-<hash>/` with the home view's module and the parts
//! loaded on demand). Offline: Trunk.toml forbids downloads, so it uses the wasm-bindgen and
//! wasm-opt that setup installed. Then it writes `.gz` (gzip -9) and `.br`
//! (brotli) siblings for every `.wasm`, `.js`, `.css`, `.html` and `.svg` in `dist/` and prints
//! each asset's raw / gzip / brotli size, the home bundle's and the sign-in bundle's gzip totals.

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
    if paths.dist.exists() {
        std::fs::remove_dir_all(&paths.dist)?;
    }
    std::fs::create_dir_all(&paths.dist)?;
    say("building the sign-in bundle (login.html) with trunk");
    let login_dist = paths.target.join("dist-login");
    Cmd::new("trunk")
        .args(["build", size::LOGIN_PAGE, "--release", "--dist"])
        .arg(&login_dist)
        .cwd(&paths.root)
        .run()?;
    for entry in std::fs::read_dir(&login_dist)? {
        let from = entry?.path();
        let Some(name) = from.file_name() else {
            continue;
        };
        // Trunk always names its page index.html; in dist/ it is login.html.
        let to = if name == size::HOME_PAGE {
            paths.dist.join(size::LOGIN_PAGE)
        } else {
            paths.dist.join(name)
        };
        if from.is_file() {
            std::fs::copy(&from, &to)?;
        }
    }
    if !paths.dist.join(size::LOGIN_PAGE).is_file() {
        return Err(Error::msg(
            "trunk succeeded but the sign-in build has no login.html",
        ));
    }
    crate::split::build_app(paths)?;
    if !paths.dist.join(size::HOME_PAGE).is_file() {
        return Err(Error::msg("the split build wrote no index.html"));
    }
    say("writing .gz and .br siblings in dist/");
    let mut assets = Vec::new();
    for file in size::files_with(&paths.dist, &size::COMPRESSIBLE)? {
        assets.push(size::measure(&file, true)?);
    }
    println!("{}", size::table(&assets, &paths.dist));
    for page in [size::HOME_PAGE, size::LOGIN_PAGE] {
        let gzip = size::bundle_gzip_total(&paths.dist, page)?;
        println!(
            "bundle {page:<12} code+CSS {:>10} gzip -9",
            size::human(gzip)
        );
    }
    for (part, gzip) in size::on_demand_parts(&paths.dist, size::HOME_PAGE)? {
        println!("on demand {part:<40} {:>10} gzip -9", size::human(gzip));
    }
    Ok(())
}
