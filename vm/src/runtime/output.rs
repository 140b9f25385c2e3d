//! Where `print` writes: the process's stdout, or a buffer the caller reads back.

use parking_lot::Mutex;
use std::io::{BufWriter, IsTerminal, Stdout, Write};

/// The destination of program output. Each `print` call writes its whole line at once.
pub enum Output {
    /// Buffered stdout, flushed at exit (line by line when stdout is a terminal).
    Stdout { writer: Mutex<BufWriter<Stdout>>, line_buffered: bool },
    /// Kept in memory, for tests and the checker.
    Capture(Mutex<String>),
}

impl Output {
    pub fn stdout() -> Output {
        let stdout = std::io::stdout();
        let line_buffered = stdout.is_terminal();
        Output::Stdout { writer: Mutex::new(BufWriter::with_capacity(1 << 16, stdout)), line_buffered }
    }

    pub fn capture() -> Output {
        Output::Capture(Mutex::new(String::new()))
    }

    pub fn write(&self, text: &str) {
        crate::step::record(crate::step::Resource::Output, crate::step::Access::Write);
        match self {
            Output::Stdout { writer, line_buffered } => {
                let mut w = writer.lock();
                // A closed pipe (e.g. `emlab run x.py | head`) is not the program's error: drop the output.
                let _ = w.write_all(text.as_bytes());
                if *line_buffered {
                    let _ = w.flush();
                }
            }
            Output::Capture(buffer) => buffer.lock().push_str(text),
        }
    }

    pub fn flush(&self) {
        if let Output::Stdout { writer, .. } = self {
            let _ = writer.lock().flush();
        }
    }

    /// What was printed so far, for a capturing output; empty for stdout.
    pub fn captured(&self) -> String {
        match self {
            Output::Capture(buffer) => buffer.lock().clone(),
            Output::Stdout { .. } => String::new(),
        }
    }
}
