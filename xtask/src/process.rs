//! Running child processes: loudly, with the project's tool directories on `PATH`, and never
//! leaving one behind.
//!
//! Every child starts in its own process group, which is registered here until it has been
//! reaped and its group killed. That lets xtask end a child *and everything it started*
//! (chromedriver under wasm-bindgen-test-runner, the demo server under Playwright, Chromium …)
//! when the child exits, when xtask fails, and when xtask receives SIGINT/SIGTERM/SIGHUP: the
//! signal handler only records the signal; the wait loop here notices it, kills the registered
//! groups (TERM, then KILL after a grace period) and exits with 128 + signal.
//!
//! This module owns the only `unsafe` in xtask: the libc calls `signal`, `kill` and `waitpid`, declared
//! by hand so that xtask stays free of dependencies.

use std::ffi::OsString;
use std::fmt;
use std::io::{self, BufRead, BufReader, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

/// An xtask failure: what went wrong, in words for the person at the terminal.
#[derive(Debug)]
pub struct Error {
    message: String,
    /// A few words for the summary table, when the message is long ("exit code 101").
    brief: Option<String>,
}

impl Error {
    /// An error with the given message.
    pub fn msg(message: impl Into<String>) -> Error {
        Error {
            message: message.into(),
            brief: None,
        }
    }

    /// The error in a few words: the brief if there is one, else the message's first line.
    pub fn brief(&self) -> &str {
        self.brief
            .as_deref()
            .unwrap_or_else(|| self.message.lines().next().unwrap_or(""))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::msg(e.to_string())
    }
}

/// Result with xtask's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Prints one `==> …` progress line (to stderr, where cargo's progress goes too).
pub fn say(message: impl fmt::Display) {
    eprintln!("==> {message}");
}

// ---------------------------------------------------------------------------------------------
// PATH for children

static CHILD_PATH: OnceLock<OsString> = OnceLock::new();

/// Puts `dirs` in front of the inherited `PATH` for every child started afterwards.
pub fn init_path(dirs: &[PathBuf]) {
    let inherited = std::env::var_os("PATH").unwrap_or_default();
    let mut all: Vec<PathBuf> = dirs.to_vec();
    all.extend(std::env::split_paths(&inherited));
    let joined = std::env::join_paths(all).unwrap_or(inherited);
    let _ = CHILD_PATH.set(joined);
}

/// Finds `program` on the children's `PATH`.
pub fn which(program: &str) -> Option<PathBuf> {
    let path = CHILD_PATH
        .get()
        .cloned()
        .or_else(|| std::env::var_os("PATH"))?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

// ---------------------------------------------------------------------------------------------
// Signals and process groups

const SIGHUP: i32 = 1;
const SIGINT: i32 = 2;
const SIGKILL: i32 = 9;
const SIGTERM: i32 = 15;

unsafe extern "C" {
    fn signal(signum: i32, handler: extern "C" fn(i32)) -> usize;
    fn kill(pid: i32, sig: i32) -> i32;
    fn waitpid(pid: i32, status: *mut i32, options: i32) -> i32;
}

const WNOHANG: i32 = 1;

static SIGNALLED: AtomicI32 = AtomicI32::new(0);
static GROUPS: Mutex<Vec<i32>> = Mutex::new(Vec::new());

extern "C" fn on_signal(sig: i32) {
    // Only an atomic store: anything else is not async-signal-safe.
    SIGNALLED.store(sig, Ordering::SeqCst);
}

/// Installs the handlers for SIGINT, SIGTERM and SIGHUP (see the module docs).
pub fn install_signal_handlers() {
    for sig in [SIGINT, SIGTERM, SIGHUP] {
        // SAFETY: `signal` with a handler that only stores to an atomic.
        unsafe {
            signal(sig, on_signal);
        }
    }
}

fn send_to_group(pgid: i32, sig: i32) -> bool {
    // SAFETY: plain syscall; a negative pid addresses the process group. pgid > 1 is checked so
    // that this can never become kill(-1) or kill(0).
    pgid > 1 && unsafe { kill(-pgid, sig) } == 0
}

/// Reaps whatever members of the group have exited (a zombie still counts as alive for
/// `kill(…, 0)`); we are about to exit, so nobody else wants their statuses.
fn reap_group(pgid: i32) {
    // SAFETY: plain syscall with a null status pointer, which waitpid allows.
    while pgid > 1 && unsafe { waitpid(-pgid, std::ptr::null_mut(), WNOHANG) } > 0 {}
}

fn register(pgid: i32) {
    GROUPS.lock().unwrap_or_else(|e| e.into_inner()).push(pgid);
}

fn unregister(pgid: i32) {
    GROUPS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|&g| g != pgid);
}

/// Ends every registered child process group: SIGTERM, up to 3 s of grace, then SIGKILL.
pub fn kill_all_children() {
    let groups: Vec<i32> = GROUPS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if groups.is_empty() {
        return;
    }
    let alive: Vec<i32> = groups
        .iter()
        .copied()
        .filter(|&g| send_to_group(g, SIGTERM))
        .collect();
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline
        && alive.iter().any(|&g| {
            reap_group(g);
            send_to_group(g, 0)
        })
    {
        thread::sleep(Duration::from_millis(50));
    }
    for g in alive {
        if send_to_group(g, SIGKILL) {
            say(format!("killed leftover process group {g}"));
        }
    }
    GROUPS.lock().unwrap_or_else(|e| e.into_inner()).clear();
}

/// If a signal arrived: kills the children and exits with 128 + signal.
pub fn exit_if_signalled() {
    let sig = SIGNALLED.load(Ordering::SeqCst);
    if sig != 0 {
        eprintln!();
        say(format!(
            "interrupted (signal {sig}): stopping child processes"
        ));
        kill_all_children();
        std::process::exit(128 + sig);
    }
}

/// A started child in its own process group; dropping it kills the whole group.
struct Running {
    child: Child,
    pgid: i32,
}

impl Running {
    fn start(command: &mut Command) -> io::Result<Running> {
        command.process_group(0);
        let child = command.spawn()?;
        let pgid = child.id() as i32;
        register(pgid);
        Ok(Running { child, pgid })
    }

    /// Waits for the child, checking for signals in between.
    fn wait(&mut self) -> io::Result<ExitStatus> {
        loop {
            exit_if_signalled();
            if let Some(status) = self.child.try_wait()? {
                return Ok(status);
            }
            thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // The leader may be gone while its children (a server it started, a browser) live on.
        let _ = self.child.kill();
        let _ = self.child.try_wait();
        send_to_group(self.pgid, SIGKILL);
        unregister(self.pgid);
    }
}

// ---------------------------------------------------------------------------------------------
// Commands

/// A command line to run: program, arguments, extra environment and working directory.
#[derive(Clone, Debug)]
pub struct Cmd {
    program: String,
    args: Vec<OsString>,
    envs: Vec<(String, OsString)>,
    cwd: Option<PathBuf>,
}

/// What [`Cmd::run_tee`] saw: the exit status's success and the child's stdout lines.
pub struct Captured {
    pub success: bool,
    pub code: Option<i32>,
    pub lines: Vec<String>,
}

impl Cmd {
    /// A command running `program` (looked up on the children's `PATH`).
    pub fn new(program: impl Into<String>) -> Cmd {
        Cmd {
            program: program.into(),
            args: Vec::new(),
            envs: Vec::new(),
            cwd: None,
        }
    }

    /// Appends one argument.
    pub fn arg(mut self, arg: impl Into<OsString>) -> Cmd {
        self.args.push(arg.into());
        self
    }

    /// Appends arguments.
    pub fn args<I, S>(mut self, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Sets an environment variable for the child.
    pub fn env(mut self, key: &str, value: impl Into<OsString>) -> Cmd {
        self.envs.push((key.to_string(), value.into()));
        self
    }

    /// Runs the child in `dir`.
    pub fn cwd(mut self, dir: impl AsRef<Path>) -> Cmd {
        self.cwd = Some(dir.as_ref().to_path_buf());
        self
    }

    /// The command line as a person would type it (environment first).
    pub fn display(&self) -> String {
        let mut parts: Vec<String> = self
            .envs
            .iter()
            .map(|(k, v)| format!("{k}={}", quote(&v.to_string_lossy())))
            .collect();
        parts.push(quote(&self.program));
        parts.extend(self.args.iter().map(|a| quote(&a.to_string_lossy())));
        let line = parts.join(" ");
        match &self.cwd {
            Some(dir) => format!("(cd {} && {line})", quote(&dir.to_string_lossy())),
            None => line,
        }
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args);
        // `cargo run` hands its own package's variables to xtask; they don't describe what the
        // children build, so they are not passed on.
        for (key, _) in std::env::vars_os() {
            let key = key.to_string_lossy();
            if key.starts_with("CARGO_PKG_")
                || matches!(
                    &*key,
                    "CARGO_MANIFEST_DIR"
                        | "CARGO_MANIFEST_PATH"
                        | "CARGO_CRATE_NAME"
                        | "CARGO_BIN_NAME"
                        | "CARGO_PRIMARY_PACKAGE"
                )
            {
                command.env_remove(&*key);
            }
        }
        if let Some(path) = CHILD_PATH.get() {
            command.env("PATH", path);
        }
        for (k, v) in &self.envs {
            command.env(k, v);
        }
        if let Some(dir) = &self.cwd {
            command.current_dir(dir);
        }
        command.stdin(Stdio::null());
        command
    }

    fn spawn_error(&self, e: io::Error) -> Error {
        if e.kind() == io::ErrorKind::NotFound {
            Error::msg(format!(
                "`{}` not found (is `cargo xtask setup` done?)",
                self.program
            ))
        } else {
            Error::msg(format!("could not start `{}`: {e}", self.display()))
        }
    }

    /// Runs the command with inherited stdout/stderr; fails unless it exits with 0.
    pub fn run(&self) -> Result<()> {
        say(format!("$ {}", self.display()));
        let mut running = Running::start(&mut self.command()).map_err(|e| self.spawn_error(e))?;
        let status = running.wait()?;
        drop(running);
        if status.success() {
            Ok(())
        } else {
            Err(self.failed(status))
        }
    }

    /// Runs the command, echoing its stdout line by line while keeping the lines (for counting
    /// test results); stderr is inherited. A non-zero exit is reported, not an `Err`.
    pub fn run_tee(&self) -> Result<Captured> {
        say(format!("$ {}", self.display()));
        let mut command = self.command();
        command.stdout(Stdio::piped());
        let mut running = Running::start(&mut command).map_err(|e| self.spawn_error(e))?;
        let stdout = running.child.stdout.take().expect("stdout is piped");
        let reader = thread::spawn(move || {
            let mut lines = Vec::new();
            let mut out = io::stdout();
            for line in BufReader::new(stdout).split(b'\n') {
                let Ok(line) = line else { break };
                let _ = out.write_all(&line);
                let _ = out.write_all(b"\n");
                let _ = out.flush();
                lines.push(String::from_utf8_lossy(&line).into_owned());
            }
            lines
        });
        let status = running.wait()?;
        // Kills what the child left behind, which also closes the pipe for the reader.
        drop(running);
        let lines = reader.join().unwrap_or_default();
        Ok(Captured {
            success: status.success(),
            code: status.code(),
            lines,
        })
    }

    /// Runs the command quietly and returns its stdout, or `None` if it can't start or fails.
    /// For version probes and other short queries.
    pub fn probe(&self) -> Option<String> {
        let output = self.command().stderr(Stdio::null()).output().ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
    }

    /// Runs the command quietly and returns its raw stdout; fails unless it exits with 0.
    pub fn stdout_bytes(&self) -> Result<Vec<u8>> {
        let output = self
            .command()
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| self.spawn_error(e))?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(self.failed(output.status))
        }
    }

    fn failed(&self, status: ExitStatus) -> Error {
        let how = describe(status);
        Error {
            message: format!("`{}` failed ({how})", self.display()),
            brief: Some(format!("{} failed ({how})", self.program)),
        }
    }
}

/// "exit code 3" or "killed by signal 9".
fn describe(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exit code {code}"),
        (None, Some(sig)) => format!("killed by signal {sig}"),
        _ => status.to_string(),
    }
}

/// Quotes a word for display if a shell would need it.
fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,@+%".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_quotes_what_a_shell_would_split() {
        let cmd = Cmd::new("cargo")
            .args(["clippy", "--", "-D", "warnings"])
            .arg("a b")
            .env("CI", "true");
        assert_eq!(cmd.display(), "CI=true cargo clippy -- -D warnings 'a b'");
    }

    #[test]
    fn run_reports_a_failing_exit_code() {
        let err = Cmd::new("sh").args(["-c", "exit 3"]).run().unwrap_err();
        assert!(err.to_string().contains("exit code 3"), "{err}");
    }

    #[test]
    fn run_tee_keeps_stdout_lines() {
        let got = Cmd::new("sh")
            .args(["-c", "echo one; echo two; exit 1"])
            .run_tee()
            .unwrap();
        assert!(!got.success);
        assert_eq!(got.lines, ["one", "two"]);
    }

    #[test]
    fn a_missing_program_says_so() {
        let err = Cmd::new("no-such-program-xtask").run().unwrap_err();
        assert!(err.to_string().contains("not found"), "{err}");
    }
}
