//! Reading a program file: bounded in size, stopping at a NUL byte, any line ending.
//!
//! Every command reads programs through [`read_source`], so `emlab run /dev/zero` stops at once
//! (as CPython does: a NUL byte is a syntax error) and a huge file is refused before it is read
//! in full.

use std::io::Read;
use std::path::Path;

/// The largest program file emlab reads: 16 MiB.
pub const MAX_SOURCE: usize = 16 << 20;

/// Reads the program at `path` as text with `\n` line endings (`\r\n` and a lone `\r` become
/// `\n`, as Python's universal newlines do). Reading stops at a NUL byte, which is kept: the
/// compiler rejects it with its line and column. Errors are the message to print after
/// `emlab: `.
pub fn read_source(path: &Path) -> Result<String, String> {
    let shown = path.display();
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(format!("cannot read {shown}: it is a directory"));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let mut reader = file.take(MAX_SOURCE as u64 + 1);
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 << 10];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("cannot read {shown}: {e}")),
        };
        bytes.extend_from_slice(&chunk[..n]);
        if let Some(at) = bytes.iter().position(|&b| b == 0) {
            // Keep the text up to the NUL (inclusive): enough for the error and its source line.
            bytes.truncate(at + 1);
            break;
        }
    }
    if bytes.len() > MAX_SOURCE && !bytes.contains(&0) {
        return Err(format!(
            "cannot read {shown}: it is larger than {} MiB, the most a program may be",
            MAX_SOURCE >> 20
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("cannot read {shown}: it is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())
    })?;
    Ok(normalize_newlines(text))
}

/// Why `path` is neither a file nor a directory, for a message: "no such file or directory", or
/// what it is instead ("a FIFO", "a character device", ...).
pub fn not_a_file_or_directory(path: &Path) -> String {
    use std::os::unix::fs::FileTypeExt;
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        Err(e) => format!("cannot read: {e}"),
        Ok(m) => {
            let t = m.file_type();
            let what = if t.is_fifo() {
                "a FIFO"
            } else if t.is_char_device() {
                "a character device"
            } else if t.is_block_device() {
                "a block device"
            } else if t.is_socket() {
                "a socket"
            } else {
                "not a regular file"
            };
            format!("not a regular file or a directory (it is {what})")
        }
    }
}

/// Walks `dir` recursively, calling `found` with each `*.py` file (and the path relative to `dir`),
/// in no particular order. A directory reached twice (a symlink loop, or two links to one
/// directory) is walked once.
pub fn walk_py(dir: &Path, found: &mut dyn FnMut(std::path::PathBuf)) -> std::io::Result<()> {
    fn walk(
        dir: &Path,
        seen: &mut std::collections::HashSet<std::path::PathBuf>,
        found: &mut dyn FnMut(std::path::PathBuf),
    ) -> std::io::Result<()> {
        if !seen.insert(std::fs::canonicalize(dir)?) {
            return Ok(());
        }
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                walk(&path, seen, found)?;
            } else if path.extension().is_some_and(|e| e == "py") && path.is_file() {
                found(path);
            }
        }
        Ok(())
    }
    walk(dir, &mut std::collections::HashSet::new(), found)
}

/// `\r\n` and a lone `\r` become `\n`.
pub fn normalize_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_files_say_what_they_are() {
        assert!(not_a_file_or_directory(Path::new("/dev/null")).contains("a character device"));
        assert_eq!(not_a_file_or_directory(Path::new("/no/such")), "no such file or directory");
    }

    #[test]
    fn a_symlink_loop_is_walked_once() {
        let dir = std::env::temp_dir().join(format!("emlab-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("a")).unwrap();
        std::fs::write(dir.join("a/x.py"), "x = 1\n").unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("a/loop")).unwrap();
        let mut found = Vec::new();
        walk_py(&dir, &mut |p| found.push(p)).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n".into()), "a\nb\nc\n");
    }

    #[test]
    fn an_endless_stream_of_nul_bytes_stops_at_the_first_chunk() {
        let text = read_source(Path::new("/dev/zero")).unwrap();
        assert_eq!(text, "\0");
    }

    #[test]
    fn directories_and_missing_files_are_named() {
        let e = read_source(Path::new("/")).unwrap_err();
        assert!(e.contains("is a directory"), "{e}");
        let e = read_source(Path::new("/no/such/file.py")).unwrap_err();
        assert!(e.contains("No such file"), "{e}");
    }
}
