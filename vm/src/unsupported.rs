//! `emlab run --list-unsupported`: every construct of a program that emlab would refuse, found in
//! one pass, so that porting a program takes one round of edits instead of one per error.
//!
//! Two kinds of findings:
//!
//! * **Syntax outside the subset.** The parser stops at the first refusal ("match statements
//!   are not supported"); here each refusal is recorded, the statement it is in is replaced by
//!   a neutral one of the same shape (`pass`, or `if True:` over the same body, so what is
//!   inside the block is still examined) with its line count kept, and the text is parsed
//!   again, until it parses. A neutral header that leaves a block the parser cannot take (the
//!   `case` clauses of a `match`) is retried with the whole block dropped.
//! * **Names the program uses that emlab does not have**, in the parsed program: modules it
//!   imports, names it imports from a module, `module.attribute` reads of an imported module,
//!   and CPython 3.11 builtins (`bytes`, `exec`, `open`, ...) that the program does not define
//!   itself. A program that reads one of these only on a path it never takes still runs; the
//!   list says what a port must check.

use crate::ast::{ExprKind, Span, Stmt, StmtKind};
use crate::syntax::SyntaxError;
use std::collections::{BTreeMap, BTreeSet};

/// One construct emlab does not run, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub span: Span,
    pub message: String,
}

/// What [`list`] found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// In source order.
    pub findings: Vec<Finding>,
    /// A syntax error that is a mistake in the program, not a construct outside the subset
    /// (or one the listing could not step over): the listing stops there.
    pub syntax_error: Option<SyntaxError>,
    /// The listing stopped after [`MAX_SYNTAX_FINDINGS`] refusals of syntax (each one costs a
    /// parse of the whole program), before looking at names.
    pub truncated: bool,
}

/// How many refusals of syntax the listing steps over before it stops.
pub const MAX_SYNTAX_FINDINGS: usize = 100;

/// The public names of CPython 3.11's `builtins` module (`dir(builtins)` without the
/// underscored ones).
const CPYTHON_BUILTINS: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "Ellipsis",
    "EncodingWarning",
    "EnvironmentError",
    "Exception",
    "ExceptionGroup",
    "False",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "None",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "True",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
];

/// Every construct of `source` that emlab does not run (see the module's documentation).
pub fn list(source: &str) -> Report {
    let mut report = Report::default();
    let mut text = source.replace("\r\n", "\n").replace('\r', "\n");
    // Each round neutralizes one statement, so the rounds are bounded by the lines too.
    let rounds = (text.lines().count() + 2).min(MAX_SYNTAX_FINDINGS + 1);
    let mut module = None;
    for round in 0..rounds {
        if round == MAX_SYNTAX_FINDINGS {
            report.truncated = true;
            break;
        }
        let error = match crate::syntax::parse(&text) {
            Ok(m) => {
                module = Some(m);
                break;
            }
            Err(e) => e,
        };
        if !is_unsupported(&error) {
            report.syntax_error = Some(error);
            break;
        }
        let line = error.span.line as usize;
        report.findings.push(Finding { span: error.span, message: error.message.clone() });
        let kept = neutralize(&text, line, true);
        // Keeping the block must not trade this refusal for a mistake of the rewrite's own.
        text = match crate::syntax::parse(&kept) {
            Err(e) if !is_unsupported(&e) && e.span.line as usize >= line => neutralize(&text, line, false),
            _ => kept,
        };
    }
    if let Some(module) = module {
        if let Err(e) = crate::compiler::compile(&module, "<list>", &text) {
            if is_unsupported(&e) {
                report.findings.push(Finding { span: e.span, message: e.message });
            }
        }
        names(&module.body, &mut report.findings);
    }
    report.findings.sort_by_key(|f| (f.span.line, f.span.col));
    report.findings.dedup();
    report
}

/// Whether a syntax error refuses a construct outside emlab's subset (every such refusal says
/// "not supported") rather than a mistake in the program.
pub fn is_unsupported(error: &SyntaxError) -> bool {
    error.message.contains("not supported")
}

/// A physical line's place in its logical line.
struct Logical {
    /// The first physical line (0-based) of the logical line.
    start: usize,
    /// Whether the logical line ends with `:` (a compound statement's header).
    header: bool,
}

/// For each physical line of `text`, the logical line it belongs to: lines continue inside
/// brackets, after a backslash and inside triple-quoted strings.
fn logical_lines(text: &str) -> Vec<Logical> {
    let mut out = Vec::new();
    let (mut depth, mut start, mut last) = (0usize, 0usize, ' ');
    let mut quote: Option<(char, bool)> = None;
    let mut chars = text.chars().peekable();
    let mut comment = false;
    let mut continued = false;
    let mut line = 0;
    while let Some(c) = chars.next() {
        if c == '\n' {
            let ends = depth == 0 && !continued && !matches!(quote, Some((_, true)));
            if quote.is_some_and(|(_, triple)| !triple) {
                quote = None; // an unterminated one-line string: the parser reports it
            }
            out.push(Logical { start, header: false });
            if ends {
                let header = last == ':';
                for l in &mut out[start..] {
                    l.header = header;
                }
                start = line + 1;
                last = ' ';
            }
            line += 1;
            comment = false;
            continued = false;
            continue;
        }
        if comment {
            continue;
        }
        continued = false;
        match quote {
            Some((q, triple)) => {
                if c == '\\' {
                    if chars.peek() != Some(&'\n') {
                        chars.next();
                    }
                } else if c == q {
                    if !triple {
                        quote = None;
                    } else if chars.peek() == Some(&q) {
                        chars.next();
                        if chars.peek() == Some(&q) {
                            chars.next();
                            quote = None;
                        }
                    }
                }
            }
            None => match c {
                '#' => comment = true,
                '\\' => continued = true,
                '\'' | '"' => {
                    let triple = chars.peek() == Some(&c) && {
                        let mut ahead = chars.clone();
                        ahead.next();
                        ahead.peek() == Some(&c)
                    };
                    if triple {
                        chars.next();
                        chars.next();
                    } else if chars.peek() == Some(&c) {
                        // `''`: an empty string.
                        chars.next();
                        last = c;
                        continue;
                    }
                    quote = Some((c, triple));
                }
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        if !c.is_whitespace() && !comment {
            last = c;
        }
    }
    out.push(Logical { start, header: last == ':' && depth == 0 });
    out
}

/// `text` with the statement on line `line` (1-based) made neutral, every line kept: a header
/// becomes one that takes the same body (`keep_body`) or goes with its block; a simple statement
/// becomes `pass`.
fn neutralize(text: &str, line: usize, keep_body: bool) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let logical = logical_lines(text);
    let Some(at) = line.checked_sub(1).filter(|&l| l < lines.len() && l < logical.len()) else {
        return text.to_string();
    };
    let start = logical[at].start;
    let mut end = start;
    while end + 1 < logical.len() && logical[end + 1].start == start {
        end += 1;
    }
    let indent: String = lines[start].chars().take_while(|c| c.is_whitespace()).collect();
    let width = |l: &str| l.chars().take_while(|c| c.is_whitespace()).count();
    let mut words = lines[start].split(|c: char| !c.is_alphanumeric() && c != '_').filter(|w| !w.is_empty());
    let first_word = match words.next() {
        Some("async") => words.next().unwrap_or(""),
        Some(word) => word,
        None => "",
    };
    // A header of the same kind, so that what its body may do (`return`, `break`, `yield`)
    // stays legal there.
    let neutral_header = match first_word {
        "except" => "except Exception:",
        "elif" => "elif True:",
        "else" => "else:",
        "finally" => "finally:",
        "try" => "try:",
        "def" => "def _():",
        "class" => "class _:",
        "for" | "while" => "while True:",
        _ => "if True:",
    };
    let header = logical[start].header;
    let mut last = end;
    if header && !keep_body {
        // The block: the lines after the header indented deeper than it (and blank lines).
        let mut j = end + 1;
        while j < lines.len() && (lines[j].trim().is_empty() || width(&lines[j]) > indent.chars().count()) {
            if !lines[j].trim().is_empty() {
                last = j;
            }
            j += 1;
        }
    }
    let clause = matches!(first_word, "except" | "elif" | "else" | "finally");
    for (k, l) in lines.iter_mut().enumerate().take(last + 1).skip(start) {
        *l = match k {
            _ if k == start && header && (keep_body || clause) => format!("{indent}{neutral_header}"),
            _ if k == start => format!("{indent}pass"),
            // A clause's block goes, but the clause keeps a body.
            _ if k == end + 1 && header && clause && !keep_body => format!("{indent}    pass"),
            _ => String::new(),
        };
    }
    lines.join("\n")
}

/// The names a library module defines at its top level (what `from m import name` finds).
fn library_names(source: &str) -> BTreeSet<String> {
    fn top(body: &[Stmt], out: &mut BTreeSet<String>) {
        struct Binds<'a>(&'a mut BTreeSet<String>);
        impl crate::walk::Visitor for Binds<'_> {
            fn bind(&mut self, name: &str) {
                self.0.insert(name.to_string());
            }
        }
        for s in body {
            match &s.kind {
                StmtKind::Def { name, .. } | StmtKind::Class { name, .. } => {
                    out.insert(name.clone());
                }
                StmtKind::If { body, orelse, .. } => {
                    top(body, out);
                    top(orelse, out);
                }
                StmtKind::Try { body, orelse, finalbody, handlers } => {
                    top(body, out);
                    top(orelse, out);
                    top(finalbody, out);
                    handlers.iter().for_each(|h| top(&h.body, out));
                }
                _ => crate::walk::body(std::slice::from_ref(s), &mut Binds(out)),
            }
        }
    }
    let mut out = BTreeSet::new();
    if let Ok(module) = crate::syntax::parse(source) {
        top(&module.body, &mut out);
    }
    out
}

/// Whether module `module` (one emlab has) has attribute `name`.
fn module_has(module: &str, name: &str) -> bool {
    let Some(id) = crate::modules::lookup(module) else { return false };
    match crate::modules::library(id) {
        Some(index) => {
            // A package's submodule is an attribute of it too (`concurrent.futures`).
            library_names(crate::library::ALL[index].source).contains(name)
                || crate::modules::lookup(&format!("{module}.{name}")).is_some()
        }
        None => crate::modules::attribute(id, name).is_some(),
    }
}

/// The names-phase findings: modules, imported names, module attributes and builtins emlab
/// does not have.
fn names(body: &[Stmt], findings: &mut Vec<Finding>) {
    #[derive(Default)]
    struct Uses {
        /// Names bound to an imported module (`import m`, `import m as n`), and the module.
        modules: BTreeMap<String, String>,
        /// Names bound by something other than an import.
        bound: BTreeSet<String>,
        in_import: bool,
        findings: Vec<Finding>,
        /// Name loads: candidates for missing builtins.
        loads: Vec<(Span, String)>,
        /// `name.attr` reads: `(span, name, attr)`.
        attributes: Vec<(Span, String, String)>,
    }
    impl crate::walk::Visitor for Uses {
        fn stmt(&mut self, s: &Stmt) {
            self.in_import = matches!(s.kind, StmtKind::Import(_) | StmtKind::ImportFrom { .. });
            match &s.kind {
                StmtKind::Import(aliases) => {
                    for a in aliases {
                        if crate::modules::lookup(&a.name).is_none() {
                            self.findings.push(Finding {
                                span: s.span,
                                message: format!("module '{}' is not available in emlab", a.name),
                            });
                            continue;
                        }
                        match &a.asname {
                            Some(n) => self.modules.insert(n.clone(), a.name.clone()),
                            None => {
                                let top = a.name.split('.').next().unwrap_or(&a.name).to_string();
                                self.modules.insert(top.clone(), top)
                            }
                        };
                    }
                }
                StmtKind::ImportFrom { module, names } => {
                    if crate::modules::lookup(module).is_none() {
                        self.findings.push(Finding {
                            span: s.span,
                            message: format!("module '{module}' is not available in emlab"),
                        });
                    } else {
                        for a in names.iter().filter(|a| !module_has(module, &a.name)) {
                            self.findings.push(Finding {
                                span: s.span,
                                message: format!("emlab's '{module}' has no '{}' to import", a.name),
                            });
                        }
                    }
                }
                _ => {}
            }
        }

        fn expr(&mut self, e: &crate::ast::Expr) {
            match &e.kind {
                ExprKind::Name(name) => self.loads.push((e.span, name.clone())),
                ExprKind::Attribute { obj, name } => {
                    if let ExprKind::Name(module) = &obj.kind {
                        self.attributes.push((e.span, module.clone(), name.clone()));
                    }
                }
                _ => {}
            }
        }

        fn bind(&mut self, name: &str) {
            if !self.in_import {
                self.bound.insert(name.to_string());
            }
        }
    }
    let mut uses = Uses::default();
    crate::walk::body(body, &mut uses);
    for (span, name, attr) in &uses.attributes {
        let Some(module) = uses.modules.get(name).filter(|_| !uses.bound.contains(name)) else { continue };
        if !module_has(module, attr) {
            uses.findings.push(Finding {
                span: *span,
                message: format!("module '{module}' has no attribute '{attr}' in emlab"),
            });
        }
    }
    for (span, name) in &uses.loads {
        let missing = CPYTHON_BUILTINS.contains(&name.as_str())
            && crate::builtins::lookup(name).is_none()
            && !matches!(name.as_str(), "True" | "False" | "None")
            && !uses.bound.contains(name)
            && !uses.modules.contains_key(name);
        if missing {
            uses.findings
                .push(Finding { span: *span, message: format!("built-in '{name}' is not available in emlab") });
        }
    }
    findings.extend(uses.findings);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(source: &str) -> Vec<(u32, String)> {
        let report = list(source);
        assert!(report.syntax_error.is_none(), "{:?}", report.syntax_error);
        report.findings.into_iter().map(|f| (f.span.line, f.message)).collect()
    }

    #[test]
    fn every_refusal_in_a_program_is_listed_not_only_the_first() {
        let source = "\
import threading
x: int = 5
async def f():
    return await g()
def h(a, /):
    y = b'raw'
    return [v @ w for v in y]
match x:
    case 1:
        pass
print(f'{x!r}', 2j)
try:
    pass
except* ValueError:
    pass
";
        let found = messages(source);
        let lines: Vec<u32> = found.iter().map(|(l, _)| *l).collect();
        // The `await` inside the refused `async def` is listed too.
        assert_eq!(lines, [2, 3, 4, 5, 6, 7, 8, 11, 14], "{found:#?}");
        assert!(found[0].1.contains("variable annotations"));
        assert!(found[2].1.contains("'await'"));
        assert!(found[5].1.contains("'@'"));
        assert!(found[6].1.contains("match statements"));
        assert!(found[7].1.contains("complex literals"));
        assert!(found[8].1.contains("except*"));
    }

    #[test]
    fn a_refused_header_keeps_its_body_examined() {
        // The body of an `async def` is still read: the `await` inside is listed too.
        let found = messages("async def f():\n    x = ...\n    return 1\n");
        assert_eq!(found.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [1, 2], "{found:#?}");
    }

    #[test]
    fn missing_modules_names_attributes_and_builtins_are_listed() {
        let source = "\
import threading, socket
import time as t
from queue import Queue, SimpleQueue, Nope
from os import path
print(t.sleep, t.ticks_ms(), threading.Thread, threading.get_native_id())
data = bytes(3)
def exec(s):
    return s
exec('1')
print(bin(5), hex(255), isinstance(data, bytearray))
";
        let found = messages(source);
        let text: Vec<String> = found.iter().map(|(l, m)| format!("{l}: {m}")).collect();
        let expected = [
            "1: module 'socket' is not available in emlab",
            "3: emlab's 'queue' has no 'Nope' to import",
            "4: module 'os' is not available in emlab",
            "5: module 'time' has no attribute 'ticks_ms' in emlab",
            "5: module 'threading' has no attribute 'get_native_id' in emlab",
            "6: built-in 'bytes' is not available in emlab",
        ];
        for e in expected {
            assert!(text.iter().any(|t| t == e), "missing {e:?} in {text:#?}");
        }
        // A name the program defines is its own; `exec` here is a function of the program.
        assert!(!text.iter().any(|t| t.contains("'exec'")), "{text:#?}");
        assert!(text.iter().any(|t| t == "10: built-in 'bytearray' is not available in emlab"), "{text:#?}");
    }

    #[test]
    fn a_real_syntax_error_stops_the_listing_and_a_clean_program_has_nothing() {
        let report = list("x: int = 1\ndef f(:\n    pass\n");
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.syntax_error.map(|e| e.span.line), Some(2));
        let clean = list("import threading\nt = threading.Thread(target=print)\nt.start()\nt.join()\n");
        assert!(clean.findings.is_empty() && clean.syntax_error.is_none(), "{:?}", clean.findings);
    }

    #[test]
    fn a_program_of_refusals_is_listed_up_to_the_cap() {
        let report = list(&"x: int = 1\n".repeat(MAX_SYNTAX_FINDINGS + 5));
        assert_eq!(report.findings.len(), MAX_SYNTAX_FINDINGS);
        assert!(report.truncated && report.syntax_error.is_none());
    }

    #[test]
    fn logical_lines_follow_brackets_strings_and_backslashes() {
        let text = "a = (1,\n  2)\nb = '''x\ny'''\nc = 1 + \\\n  2\nif x:  # c\n    pass";
        let starts: Vec<usize> = logical_lines(text).iter().map(|l| l.start).collect();
        assert_eq!(starts, [0, 0, 2, 2, 4, 4, 6, 7]);
        assert!(logical_lines(text)[6].header);
    }
}
