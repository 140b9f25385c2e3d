//! The library modules written in Python: `threading` and `queue`, built as CPython builds them
//! (`Lib/threading.py` over `_thread`, `Lib/queue.py` over `threading`), on the VM's own threads,
//! locks and clock (`_thread`, `time`, native). Written for emlab, not copied.
//!
//! A program that imports one (directly or through another) has it compiled into the same
//! [`Program`](crate::bytecode::Program): its global names live in their own namespace (the
//! compiler prefixes them with the module's name and a dot, which no name of the program can
//! contain), its code objects say which module they belong to (tracebacks name its file), and its
//! body runs once, in the thread that first imports it. Under the checker its steps are steps
//! like the program's: a `Condition.wait` is the lock operations it is made of, so every
//! reduction rule that holds for locks holds for it, and the soundness oracle's generator uses
//! these modules like any other construct.

/// One library module: its name and its source.
pub struct LibrarySource {
    pub name: &'static str,
    pub source: &'static str,
}

/// Every library module, in the order their module ids follow the native modules'.
pub const ALL: &[LibrarySource] = &[
    LibrarySource { name: "threading", source: include_str!("threading.py") },
    LibrarySource { name: "queue", source: include_str!("queue.py") },
    LibrarySource { name: "sys", source: include_str!("sys.py") },
    LibrarySource { name: "random", source: include_str!("random.py") },
    LibrarySource { name: "concurrent", source: "import concurrent.futures as futures\n" },
    LibrarySource { name: "concurrent.futures", source: include_str!("concurrent_futures.py") },
    LibrarySource { name: "itertools", source: include_str!("itertools.py") },
    LibrarySource { name: "collections", source: include_str!("collections.py") },
    LibrarySource { name: "functools", source: include_str!("functools.py") },
    LibrarySource { name: "unittest", source: include_str!("unittest.py") },
    // `test.support.threading_helper`, as CPython's own tests import it (its packages bind it).
    LibrarySource { name: "test", source: "import test.support as support\n" },
    LibrarySource {
        name: "test.support",
        source: "import test.support.threading_helper as threading_helper\nPy_GIL_DISABLED = True\n",
    },
    LibrarySource { name: "test.support.threading_helper", source: include_str!("threading_helper.py") },
];

/// The index in [`ALL`] of the library module `name`.
pub fn find(name: &str) -> Option<usize> {
    ALL.iter().position(|m| m.name == name)
}

/// The file name tracebacks give the library module at `index` (CPython gives its path in `Lib/`).
pub fn file(index: usize) -> String {
    match ALL[index].name {
        "concurrent" | "test" | "test.support" => format!("<emlab>/{}/__init__.py", ALL[index].name.replace('.', "/")),
        name => format!("<emlab>/{}.py", name.replace('.', "/")),
    }
}

/// Line `line` (1-based) of the library module at `index`.
pub fn source_line(index: usize, line: u32) -> Option<&'static str> {
    ALL.get(index)?.source.lines().nth((line as usize).checked_sub(1)?)
}

/// The global name of `name` in library module `module`'s namespace.
pub fn global_name(module: &str, name: &str) -> String {
    format!("{module}.{name}")
}

/// The name a global stands for in its module: a library module's global without its prefix.
pub fn plain_name(global: &str) -> &str {
    global.rsplit_once('.').map_or(global, |(_, name)| name)
}

/// The modules the statements import, anywhere among them (in functions and classes too), in
/// the order they are first named.
pub fn imports(body: &[crate::ast::Stmt]) -> Vec<String> {
    use crate::ast::StmtKind;
    let mut found = Vec::new();
    let add = |name: &str, found: &mut Vec<String>| {
        if !found.iter().any(|f| f == name) {
            found.push(name.to_string());
        }
    };
    let mut stack: Vec<&[crate::ast::Stmt]> = vec![body];
    while let Some(stmts) = stack.pop() {
        for stmt in stmts {
            match &stmt.kind {
                StmtKind::Import(names) => names.iter().for_each(|a| {
                    add(&a.name, &mut found);
                    // `import a.b` binds the package `a` too.
                    if let (None, Some((top, _))) = (&a.asname, a.name.split_once('.')) {
                        add(top, &mut found);
                    }
                }),
                StmtKind::ImportFrom { module, .. } => add(module, &mut found),
                StmtKind::If { body, orelse, .. }
                | StmtKind::While { body, orelse, .. }
                | StmtKind::For { body, orelse, .. } => stack.extend([&body[..], &orelse[..]]),
                StmtKind::Def { body, .. } | StmtKind::Class { body, .. } | StmtKind::With { body, .. } => {
                    stack.push(body)
                }
                StmtKind::Try { body, handlers, orelse, finalbody } => {
                    stack.extend([&body[..], &orelse[..], &finalbody[..]]);
                    stack.extend(handlers.iter().map(|h| &h.body[..]));
                }
                _ => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_library_module_compiles() {
        for (i, module) in ALL.iter().enumerate() {
            let source = format!("import {}\n", module.name);
            let program = crate::compile_source(&source, "t.py")
                .unwrap_or_else(|e| panic!("{}:{}: {}", file(i), e.span.line, e.message));
            assert!(program.libraries.iter().any(|l| l.index == i));
        }
    }

    #[test]
    fn imports_are_found_at_any_depth_once() {
        let m = crate::syntax::parse(
            "import a\ndef f():\n    import b, a\n    if x:\n        from c import d\nclass C:\n    try:\n        import e\n    except E:\n        import f\n",
        )
        .unwrap();
        let mut found = imports(&m.body);
        found.sort();
        assert_eq!(found, ["a", "b", "c", "e", "f"]);
        assert_eq!(plain_name("threading.Lock"), "Lock");
        assert_eq!(plain_name("x"), "x");
    }
}
