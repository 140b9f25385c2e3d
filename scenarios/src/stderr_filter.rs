//! Keeping stderr for emlab's own messages while the checker explores.
//!
//! Shuttle writes a line of its own to stderr when it detects a deadlock ("Test deadlocked, and
//! SHUTTLE_CAPTURE_BACKTRACE is not set...", `shuttle-engine`'s `execution.rs`) and when a task
//! panics ("test panicked in task '...'"), although emlab catches both failures and reports them
//! itself, with a trace and a replay command. Setting `SHUTTLE_CAPTURE_BACKTRACE` would silence the
//! first line, but it makes shuttle capture a backtrace every time a task blocks, which slows
//! exploration down by orders of magnitude.
//!
//! So while a [`StderrFilter`] is alive, file descriptor 2 is the write end of a pipe, and a thread
//! copies everything written to it to the real stderr, as it arrives (a progress bar's partial
//! lines too), except the lines that start with one of [`SHUTTLE_NOISE`]. Anything else, a Rust
//! panic message included, still reaches stderr. Dropping the filter restores descriptor 2 and
//! waits until everything written before has been copied.
//!
//! Only on Unix; elsewhere the filter does nothing.

/// The starts of the lines that shuttle prints about failures emlab reports itself.
pub const SHUTTLE_NOISE: [&str; 4] = [
    "Test deadlocked, and SHUTTLE_CAPTURE_BACKTRACE is not set.",
    "test panicked in task '",
    "test panicked while dropping the tasks that were unfinished",
    "test panicked in a task that was still unwinding",
];

/// Decides, piece by piece, what of a byte stream to pass on: whole lines that start with a noise
/// prefix are dropped, everything else is passed on as soon as it is known not to be noise.
#[derive(Debug, Default)]
pub struct LineFilter {
    /// The start of the current line, held back while it could still become a noise line.
    held: Vec<u8>,
    /// The current line is known: `Some(true)` pass it on, `Some(false)` drop it.
    decided: Option<bool>,
}

impl LineFilter {
    /// Feeds `input`; returns the bytes to pass on now.
    pub fn feed(&mut self, input: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for &byte in input {
            match self.decided {
                Some(pass) => {
                    if pass {
                        out.push(byte);
                    }
                }
                None => {
                    self.held.push(byte);
                    self.decide(&mut out);
                }
            }
            if byte == b'\n' {
                self.decided = None;
                self.held.clear();
            }
        }
        out
    }

    /// What is still held back at the end of the stream (an unfinished line that looked like the
    /// start of a noise line but never became one).
    pub fn finish(&mut self) -> Vec<u8> {
        let held = std::mem::take(&mut self.held);
        let is_noise = SHUTTLE_NOISE.iter().any(|p| held.starts_with(p.as_bytes()));
        self.decided = None;
        if is_noise {
            Vec::new()
        } else {
            held
        }
    }

    fn decide(&mut self, out: &mut Vec<u8>) {
        let held = &self.held;
        if SHUTTLE_NOISE.iter().any(|p| held.starts_with(p.as_bytes())) {
            self.decided = Some(false);
            self.held.clear();
        } else if !SHUTTLE_NOISE.iter().any(|p| p.as_bytes().starts_with(held)) || held.ends_with(b"\n") {
            self.decided = Some(true);
            out.append(&mut self.held);
        }
    }
}

#[cfg(unix)]
mod imp {
    use super::LineFilter;
    use std::io::{Read, Write};
    use std::os::fd::{AsFd, OwnedFd};
    use std::thread::JoinHandle;

    /// While alive, stderr goes through a [`LineFilter`]; see the module docs.
    #[derive(Debug)]
    pub struct StderrFilter {
        /// The real stderr (a duplicate of descriptor 2 as it was), put back on drop.
        real: Option<OwnedFd>,
        copier: Option<JoinHandle<()>>,
    }

    impl StderrFilter {
        /// Starts filtering; if the pipe can't be set up, stderr is left as it is.
        pub fn install() -> StderrFilter {
            Self::try_install().unwrap_or(StderrFilter { real: None, copier: None })
        }

        fn try_install() -> std::io::Result<StderrFilter> {
            let real = std::io::stderr().as_fd().try_clone_to_owned()?;
            let (reader, writer) = rustix::pipe::pipe()?;
            let out = std::fs::File::from(real.try_clone()?);
            let copier = std::thread::Builder::new().name("emlab-stderr".into()).spawn(move || copy(reader, out))?;
            std::io::stderr().flush()?;
            rustix::stdio::dup2_stderr(&writer)?;
            // Descriptor 2 is now the pipe's only write end: restoring it ends the copier.
            drop(writer);
            Ok(StderrFilter { real: Some(real), copier: Some(copier) })
        }
    }

    fn copy(reader: OwnedFd, mut out: std::fs::File) {
        let mut reader = std::fs::File::from(reader);
        let mut filter = LineFilter::default();
        let mut buf = [0u8; 4096];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let _ = out.write_all(&filter.feed(&buf[..n]));
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let _ = out.write_all(&filter.finish());
    }

    impl StderrFilter {
        /// A terminal for a progress bar on the real stderr, past the filter, when stderr is a
        /// terminal: drawn through the filter's pipe, the bar's clearing would reach the terminal
        /// after the result line printed on stdout right after it, and the two would mix.
        pub fn progress_terminal(&self) -> Option<Box<dyn indicatif::TermLike>> {
            let real = self.real.as_ref()?.try_clone().ok()?;
            let terminal = RealStderr { out: std::sync::Mutex::new(std::fs::File::from(real)) };
            rustix::termios::isatty(&*terminal.out.lock().ok()?).then_some(())?;
            Some(Box::new(terminal))
        }
    }

    /// The real stderr (a terminal), for indicatif.
    #[derive(Debug)]
    struct RealStderr {
        out: std::sync::Mutex<std::fs::File>,
    }

    impl RealStderr {
        /// Moves the cursor `n` places (CSI `n` `direction`); none for 0.
        fn cursor(&self, n: usize, direction: char) -> std::io::Result<()> {
            if n == 0 {
                return Ok(());
            }
            self.write(&format!("\x1b[{n}{direction}"))
        }

        fn write(&self, s: &str) -> std::io::Result<()> {
            self.out.lock().unwrap_or_else(|e| e.into_inner()).write_all(s.as_bytes())
        }
    }

    impl indicatif::TermLike for RealStderr {
        fn width(&self) -> u16 {
            let out = self.out.lock().unwrap_or_else(|e| e.into_inner());
            rustix::termios::tcgetwinsize(&*out).ok().filter(|w| w.ws_col > 0).map_or(80, |w| w.ws_col)
        }
        fn move_cursor_up(&self, n: usize) -> std::io::Result<()> {
            self.cursor(n, 'A')
        }
        fn move_cursor_down(&self, n: usize) -> std::io::Result<()> {
            self.cursor(n, 'B')
        }
        fn move_cursor_right(&self, n: usize) -> std::io::Result<()> {
            self.cursor(n, 'C')
        }
        fn move_cursor_left(&self, n: usize) -> std::io::Result<()> {
            self.cursor(n, 'D')
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.write(&format!("{s}\n"))
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.write(s)
        }
        fn clear_line(&self) -> std::io::Result<()> {
            self.write("\r\x1b[2K")
        }
        fn flush(&self) -> std::io::Result<()> {
            self.out.lock().unwrap_or_else(|e| e.into_inner()).flush()
        }
    }

    impl Drop for StderrFilter {
        fn drop(&mut self) {
            let _ = std::io::stderr().flush();
            if let Some(real) = self.real.take() {
                let _ = rustix::stdio::dup2_stderr(&real);
            }
            if let Some(copier) = self.copier.take() {
                let _ = copier.join();
            }
        }
    }
}

#[cfg(not(unix))]
mod imp {
    /// Does nothing outside Unix.
    #[derive(Debug)]
    pub struct StderrFilter;

    impl StderrFilter {
        pub fn install() -> StderrFilter {
            StderrFilter
        }

        /// None: the progress bar draws on stderr itself.
        pub fn progress_terminal(&self) -> Option<Box<dyn indicatif::TermLike>> {
            None
        }
    }
}

pub use imp::StderrFilter;

#[cfg(test)]
mod tests {
    use super::*;

    fn filter_pieces(pieces: &[&str]) -> String {
        let mut filter = LineFilter::default();
        let mut out = Vec::new();
        for piece in pieces {
            out.extend(filter.feed(piece.as_bytes()));
        }
        out.extend(filter.finish());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn drops_shuttle_lines_even_when_written_in_pieces() {
        let deadlock = "Test deadlocked, and SHUTTLE_CAPTURE_BACKTRACE is not set. If either of those are set ...\n";
        assert_eq!(filter_pieces(&[deadlock]), "");
        assert_eq!(filter_pieces(&["Test deadlocked, and ", "SHUTTLE_CAPTURE_BACKTRACE", " is not set. x\n"]), "");
        assert_eq!(filter_pieces(&["a\n", deadlock, "b\n"]), "a\nb\n");
        assert_eq!(filter_pieces(&["test panicked in task 'main-thread(0)'\nerror: x\n"]), "error: x\n");
    }

    #[test]
    fn passes_everything_else_at_once() {
        let mut filter = LineFilter::default();
        // A progress bar's line has no newline: it must not wait for one.
        assert_eq!(filter.feed(b"\r[=====>    ] 3/10"), b"\r[=====>    ] 3/10");
        assert_eq!(filter.feed(b" more\n"), b" more\n");
        // A line that starts like a noise line but turns out different is passed on whole.
        assert_eq!(filter.feed(b"Test dead"), b"");
        assert_eq!(filter.feed(b"beef\n"), b"Test deadbeef\n");
        assert_eq!(filter.feed(b"Test"), b"");
        assert_eq!(filter.finish(), b"Test");
        assert_eq!(
            filter_pieces(&["thread 'main' panicked at src/x.rs:1:1:\nboom\n"]),
            "thread 'main' panicked at src/x.rs:1:1:\nboom\n"
        );
    }
}
