//! Compiles the bundled files into the binary: the scenario suite (`suite/`), the benchmark
//! programs (`bench/`) and the CPython prelude (`python/`), so an installed `emlab` needs no
//! source tree. Writes `$OUT_DIR/bundled_files.rs`: one `(group, relative path, contents)` per file,
//! in path order.

use std::path::{Path, PathBuf};

const GROUPS: [&str; 3] = ["suite", "bench", "python"];

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.starts_with('.') || name == "__pycache__" || name.ends_with(".pyc") {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut code = String::from("/// `(group, path relative to the group's folder, contents)`, in path order.\n");
    code.push_str("pub static FILES: &[(&str, &str, &str)] = &[\n");
    for group in GROUPS {
        let root = manifest.join(group);
        println!("cargo:rerun-if-changed={}", root.display());
        let mut files = Vec::new();
        walk(&root, &mut files);
        files.sort();
        for file in files {
            // Directories are watched too, so an added or removed file is seen.
            if let Some(parent) = file.parent() {
                println!("cargo:rerun-if-changed={}", parent.display());
            }
            println!("cargo:rerun-if-changed={}", file.display());
            let relative = file.strip_prefix(&root).expect("under its root").to_string_lossy().replace('\\', "/");
            code.push_str(&format!("    ({group:?}, {relative:?}, include_str!({:?})),\n", file.display().to_string()));
        }
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled_files.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
