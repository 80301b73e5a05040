//! `cargo xtask demo`: the app and the demo Mastodon instance, running locally until Ctrl-C.
//!
//! Builds the release `dist/` and the demo server (dev profile, the same binary the end-to-end
//! tests use, so the two share one build), then runs the server in the foreground; it prints
//! its URLs and the demo credentials. Ctrl-C ends it (and anything it started).

use crate::Paths;
use crate::process::{Cmd, Error, Result, say};

/// Parsed `demo` options.
#[derive(Debug, PartialEq, Eq)]
pub struct Options {
    pub port: u16,
    pub app_port: u16,
}

impl Options {
    /// Reads `[--port N] [--app-port N]` (also `--port=N`); defaults 3000 and 8080.
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            port: 3000,
            app_port: 8080,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) => (flag, Some(value.to_string())),
                None => (arg.as_str(), None),
            };
            let slot = match flag {
                "--port" => &mut options.port,
                "--app-port" => &mut options.app_port,
                _ => return Err(Error::msg(format!("demo: unknown argument {arg:?}"))),
            };
            let value = inline
                .or_else(|| args.next().cloned())
                .ok_or_else(|| Error::msg(format!("demo: {flag} needs a port number")))?;
            *slot = value
                .parse()
                .map_err(|_| Error::msg(format!("demo: {flag} {value:?} is not a port")))?;
        }
        Ok(options)
    }
}

/// Builds everything and runs the demo server in the foreground.
pub fn run(paths: &Paths, options: &Options) -> Result<()> {
    crate::build::run(paths)?;
    build_server(paths)?;
    say(format!(
        "starting the demo instance on port {} and the app on port {} (Ctrl-C stops both)",
        options.port, options.app_port
    ));
    Cmd::new(paths.demo_bin.to_string_lossy())
        .args(["--port", &options.port.to_string()])
        .arg("--app-dir")
        .arg(&paths.dist)
        .args(["--app-port", &options.app_port.to_string()])
        .cwd(&paths.root)
        .run()
}

/// `cargo build -p woolly-demo` (dev profile), shared with the end-to-end tests.
pub fn build_server(paths: &Paths) -> Result<()> {
    Cmd::new("cargo")
        .args(["build", "-p", "woolly-demo"])
        .cwd(&paths.root)
        .run()?;
    if paths.demo_bin.is_file() {
        Ok(())
    } else {
        Err(Error::msg(format!(
            "cargo built woolly-demo but {} is missing",
            paths.demo_bin.display()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options> {
        Options::parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn defaults_and_overrides() {
        assert_eq!(
            parse(&[]).unwrap(),
            Options {
                port: 3000,
                app_port: 8080
            }
        );
        assert_eq!(
            parse(&["--port", "4000", "--app-port=9000"]).unwrap(),
            Options {
                port: 4000,
                app_port: 9000
            }
        );
    }

    #[test]
    fn rejects_bad_arguments() {
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--port", "x"]).is_err());
        assert!(parse(&["--host", "1"]).is_err());
    }
}
