//! Errors raised by running programs, as Python names them, and their tracebacks.

use crate::heap::HeapError;
use std::fmt;

/// The kinds of error a program can raise. Each prints under Python's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    BaseException,
    Exception,
    ArithmeticError,
    LookupError,
    ImportError,
    StopIteration,
    KeyboardInterrupt,
    SystemExit,
    NotImplementedError,
    ZeroDivisionError,
    IndexError,
    KeyError,
    TypeError,
    ValueError,
    NameError,
    UnboundLocalError,
    AttributeError,
    AssertionError,
    RecursionError,
    OverflowError,
    RuntimeError,
    MemoryError,
    ModuleNotFoundError,
    GeneratorExit,
    OSError,
    TimeoutError,
    ConnectionError,
    BrokenPipeError,
    ConnectionAbortedError,
    ConnectionRefusedError,
    ConnectionResetError,
    FileNotFoundError,
    FileExistsError,
    PermissionError,
    InterruptedError,
    BlockingIOError,
    ChildProcessError,
    IsADirectoryError,
    NotADirectoryError,
    ProcessLookupError,
    EOFError,
    FloatingPointError,
    BufferError,
    ReferenceError,
    SystemError,
    StopAsyncIteration,
    UnicodeError,
    Warning,
    UserWarning,
    DeprecationWarning,
    PendingDeprecationWarning,
    RuntimeWarning,
    FutureWarning,
    SyntaxWarning,
    ImportWarning,
    UnicodeWarning,
    BytesWarning,
    ResourceWarning,
    EncodingWarning,
    /// An access through a stale handle. Not a Python exception: a VM-detected violation.
    UseAfterFree,
    /// An extension touched an object after releasing the EML. A VM-detected violation.
    OutsideEml,
    /// The run exceeded its step budget (a hang or livelock). A VM-detected violation.
    StepLimit,
    /// The VM itself panicked: always a bug in emlab.
    VmPanic,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::BaseException => "BaseException",
            ErrorKind::Exception => "Exception",
            ErrorKind::ArithmeticError => "ArithmeticError",
            ErrorKind::LookupError => "LookupError",
            ErrorKind::ImportError => "ImportError",
            ErrorKind::StopIteration => "StopIteration",
            ErrorKind::KeyboardInterrupt => "KeyboardInterrupt",
            ErrorKind::SystemExit => "SystemExit",
            ErrorKind::NotImplementedError => "NotImplementedError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::KeyError => "KeyError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::NameError => "NameError",
            ErrorKind::UnboundLocalError => "UnboundLocalError",
            ErrorKind::AttributeError => "AttributeError",
            ErrorKind::AssertionError => "AssertionError",
            ErrorKind::RecursionError => "RecursionError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::RuntimeError => "RuntimeError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::ModuleNotFoundError => "ModuleNotFoundError",
            ErrorKind::GeneratorExit => "GeneratorExit",
            ErrorKind::OSError => "OSError",
            ErrorKind::TimeoutError => "TimeoutError",
            ErrorKind::ConnectionError => "ConnectionError",
            ErrorKind::BrokenPipeError => "BrokenPipeError",
            ErrorKind::ConnectionAbortedError => "ConnectionAbortedError",
            ErrorKind::ConnectionRefusedError => "ConnectionRefusedError",
            ErrorKind::ConnectionResetError => "ConnectionResetError",
            ErrorKind::FileNotFoundError => "FileNotFoundError",
            ErrorKind::FileExistsError => "FileExistsError",
            ErrorKind::PermissionError => "PermissionError",
            ErrorKind::InterruptedError => "InterruptedError",
            ErrorKind::BlockingIOError => "BlockingIOError",
            ErrorKind::ChildProcessError => "ChildProcessError",
            ErrorKind::IsADirectoryError => "IsADirectoryError",
            ErrorKind::NotADirectoryError => "NotADirectoryError",
            ErrorKind::ProcessLookupError => "ProcessLookupError",
            ErrorKind::EOFError => "EOFError",
            ErrorKind::FloatingPointError => "FloatingPointError",
            ErrorKind::BufferError => "BufferError",
            ErrorKind::ReferenceError => "ReferenceError",
            ErrorKind::SystemError => "SystemError",
            ErrorKind::StopAsyncIteration => "StopAsyncIteration",
            ErrorKind::UnicodeError => "UnicodeError",
            ErrorKind::Warning => "Warning",
            ErrorKind::UserWarning => "UserWarning",
            ErrorKind::DeprecationWarning => "DeprecationWarning",
            ErrorKind::PendingDeprecationWarning => "PendingDeprecationWarning",
            ErrorKind::RuntimeWarning => "RuntimeWarning",
            ErrorKind::FutureWarning => "FutureWarning",
            ErrorKind::SyntaxWarning => "SyntaxWarning",
            ErrorKind::ImportWarning => "ImportWarning",
            ErrorKind::UnicodeWarning => "UnicodeWarning",
            ErrorKind::BytesWarning => "BytesWarning",
            ErrorKind::ResourceWarning => "ResourceWarning",
            ErrorKind::EncodingWarning => "EncodingWarning",
            ErrorKind::UseAfterFree => "UseAfterFree",
            ErrorKind::OutsideEml => "OutsideEml",
            ErrorKind::StepLimit => "StepLimit",
            ErrorKind::VmPanic => "emlab internal error (vm-panic)",
        }
    }
}

impl ErrorKind {
    /// The Python exception types, in the order the builtins table lists them.
    pub const PYTHON: [ErrorKind; 59] = [
        ErrorKind::BaseException,
        ErrorKind::Exception,
        ErrorKind::ArithmeticError,
        ErrorKind::LookupError,
        ErrorKind::ImportError,
        ErrorKind::StopIteration,
        ErrorKind::KeyboardInterrupt,
        ErrorKind::SystemExit,
        ErrorKind::NotImplementedError,
        ErrorKind::ZeroDivisionError,
        ErrorKind::IndexError,
        ErrorKind::KeyError,
        ErrorKind::TypeError,
        ErrorKind::ValueError,
        ErrorKind::NameError,
        ErrorKind::UnboundLocalError,
        ErrorKind::AttributeError,
        ErrorKind::AssertionError,
        ErrorKind::RecursionError,
        ErrorKind::OverflowError,
        ErrorKind::RuntimeError,
        ErrorKind::MemoryError,
        ErrorKind::ModuleNotFoundError,
        ErrorKind::GeneratorExit,
        ErrorKind::OSError,
        ErrorKind::TimeoutError,
        ErrorKind::ConnectionError,
        ErrorKind::BrokenPipeError,
        ErrorKind::ConnectionAbortedError,
        ErrorKind::ConnectionRefusedError,
        ErrorKind::ConnectionResetError,
        ErrorKind::FileNotFoundError,
        ErrorKind::FileExistsError,
        ErrorKind::PermissionError,
        ErrorKind::InterruptedError,
        ErrorKind::BlockingIOError,
        ErrorKind::ChildProcessError,
        ErrorKind::IsADirectoryError,
        ErrorKind::NotADirectoryError,
        ErrorKind::ProcessLookupError,
        ErrorKind::EOFError,
        ErrorKind::FloatingPointError,
        ErrorKind::BufferError,
        ErrorKind::ReferenceError,
        ErrorKind::SystemError,
        ErrorKind::StopAsyncIteration,
        ErrorKind::UnicodeError,
        ErrorKind::Warning,
        ErrorKind::UserWarning,
        ErrorKind::DeprecationWarning,
        ErrorKind::PendingDeprecationWarning,
        ErrorKind::RuntimeWarning,
        ErrorKind::FutureWarning,
        ErrorKind::SyntaxWarning,
        ErrorKind::ImportWarning,
        ErrorKind::UnicodeWarning,
        ErrorKind::BytesWarning,
        ErrorKind::ResourceWarning,
        ErrorKind::EncodingWarning,
    ];

    /// The base class, as in CPython's built-in hierarchy; `None` for `BaseException` and for
    /// the VM's own violations, which are no Python exceptions.
    pub fn base(self) -> Option<ErrorKind> {
        use ErrorKind::*;
        Some(match self {
            BaseException | UseAfterFree | OutsideEml | StepLimit | VmPanic => return None,
            Exception | KeyboardInterrupt | SystemExit | GeneratorExit => BaseException,
            ZeroDivisionError | OverflowError => ArithmeticError,
            IndexError | KeyError => LookupError,
            UnboundLocalError => NameError,
            RecursionError | NotImplementedError => RuntimeError,
            ModuleNotFoundError => ImportError,
            TimeoutError | ConnectionError | FileNotFoundError | FileExistsError | PermissionError
            | InterruptedError | BlockingIOError | ChildProcessError | IsADirectoryError | NotADirectoryError
            | ProcessLookupError => OSError,
            BrokenPipeError | ConnectionAbortedError | ConnectionRefusedError | ConnectionResetError => ConnectionError,
            FloatingPointError => ArithmeticError,
            UnicodeError => ValueError,
            UserWarning
            | DeprecationWarning
            | PendingDeprecationWarning
            | RuntimeWarning
            | FutureWarning
            | SyntaxWarning
            | ImportWarning
            | UnicodeWarning
            | BytesWarning
            | ResourceWarning
            | EncodingWarning => Warning,
            _ => Exception,
        })
    }

    /// Whether an `except` naming `class` catches this kind (`class` or one of its bases).
    pub fn is_a(self, class: ErrorKind) -> bool {
        let mut kind = Some(self);
        while let Some(k) = kind {
            if k == class {
                return true;
            }
            kind = k.base();
        }
        false
    }

    /// Whether a program can catch it: every Python exception; never a violation the VM found
    /// (a use after free, a touch outside the EML, the step limit, an internal error).
    pub fn is_catchable(self) -> bool {
        self.is_a(ErrorKind::BaseException)
    }
}

/// A raised error: its kind and message, before a traceback is attached.
///
/// Boxed, so that the interpreter's `Result<Value, Exception>` fits in two registers: every
/// operation returns one, and errors are rare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception(Box<ExceptionData>);

/// What an [`Exception`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceptionData {
    pub kind: ErrorKind,
    /// The message as Python prints it after `Kind: ` (empty for a bare `AssertionError`).
    pub message: String,
    /// The exception object, once the program has one (it raised it, or caught it): what a
    /// handler gets back. Not a root: it lives between a `raise` and the handler that takes it,
    /// where no collection runs.
    pub value: Option<crate::value::Value>,
    /// Where it was raised, innermost last, from the frame that last caught it down: carried
    /// through a re-raise, so that the traceback of an error a handler passed on shows where it
    /// started (`None`: the frames still on the stack tell).
    pub origin: Option<Vec<TraceFrame>>,
    /// The name of the class the program made that it is an instance of (`MyError`), if any:
    /// what it is printed as; `kind` is the built-in class that one derives from.
    pub class_name: Option<&'static str>,
}

impl Exception {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Exception {
        Exception(Box::new(ExceptionData {
            kind,
            message: message.into(),
            value: None,
            origin: None,
            class_name: None,
        }))
    }

    /// Its class's name, as a traceback prints it.
    pub fn type_name(&self) -> &'static str {
        self.class_name.unwrap_or(self.kind.name())
    }
}

impl std::ops::Deref for Exception {
    type Target = ExceptionData;
    fn deref(&self) -> &ExceptionData {
        &self.0
    }
}

impl std::ops::DerefMut for Exception {
    fn deref_mut(&mut self) -> &mut ExceptionData {
        &mut self.0
    }
}

impl fmt::Display for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.type_name())
        } else {
            write!(f, "{}: {}", self.type_name(), self.message)
        }
    }
}

impl From<HeapError> for Exception {
    fn from(e: HeapError) -> Exception {
        match e {
            HeapError::UseAfterFree { .. } => Exception::new(ErrorKind::UseAfterFree, e.to_string()),
            HeapError::Full(_) => Exception::new(ErrorKind::MemoryError, e.to_string()),
        }
    }
}

/// Shorthand constructors, e.g. `type_error(format!(...))`.
pub(crate) fn type_error(message: impl Into<String>) -> Exception {
    Exception::new(ErrorKind::TypeError, message)
}

pub(crate) fn index_error(message: impl Into<String>) -> Exception {
    Exception::new(ErrorKind::IndexError, message)
}

pub(crate) fn value_error(message: impl Into<String>) -> Exception {
    Exception::new(ErrorKind::ValueError, message)
}

/// An int that does not fit a C `long` where an extension needs one (CPython's message).
pub(crate) fn overflow_error() -> Exception {
    Exception::new(ErrorKind::OverflowError, "Python int too large to convert to C long")
}

/// One line of a traceback: where a frame was when the error passed through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceFrame {
    pub function: String,
    pub line: u32,
    /// The library module (an index in `library::ALL`) whose code the frame runs; `None`: the
    /// program's.
    pub library: Option<u16>,
}

/// An uncaught error with the frames it unwound, innermost last (as Python prints them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncaught {
    pub exception: Exception,
    pub traceback: Vec<TraceFrame>,
    /// The VM thread it ended: 0 for the main thread, then spawn order.
    pub thread: u32,
    /// The name of the `threading.Thread` that ran it (`Thread-1 (worker)`), if one did.
    pub thread_name: Option<String>,
    /// The function a thread started with `_thread.start_new_thread` ran, as `repr` shows it
    /// (CPython's header names it).
    pub started_by: Option<String>,
}

impl Uncaught {
    /// Formats the error as CPython does: the traceback, then `Kind: message`.
    pub fn render(&self, file: &str, source_line: impl Fn(u32) -> Option<String>) -> String {
        let mut out = String::from("Traceback (most recent call last):\n");
        for frame in &self.traceback {
            if let Some(library) = frame.library {
                let (index, line) = (library as usize, frame.line);
                let name = crate::library::file(index);
                out.push_str(&format!("  File \"{name}\", line {line}, in {}\n", frame.function));
                if let Some(text) = crate::library::source_line(index, line) {
                    out.push_str(&format!("    {}\n", text.trim()));
                }
                continue;
            }
            out.push_str(&format!("  File \"{file}\", line {}, in {}\n", frame.line, frame.function));
            if let Some(text) = source_line(frame.line) {
                out.push_str(&format!("    {}\n", text.trim()));
            }
        }
        out.push_str(&self.exception.to_string());
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;

    #[test]
    fn an_operation_result_fits_in_two_registers() {
        assert_eq!(std::mem::size_of::<Result<crate::value::Value, Exception>>(), 16);
    }
}
