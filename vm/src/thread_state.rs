//! What a VM thread is to the rest of the VM: its number and its GC roots (value stack, frames,
//! held `with` locks, its thread object).
//!
//! A leaf: it names no other part of the VM but values, handles and function ids, so the shared
//! runtime (which scans these roots) and the interpreter (which runs on them) both depend on it
//! and not on each other.

use crate::bytecode::FuncId;
use crate::heap::Handle;
use crate::value::Value;
use std::sync::atomic::AtomicBool;

/// A call frame: which function, where in it, and where its locals start on the stack.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub func: FuncId,
    pub ip: u32,
    /// Stack index of the first local; the function value sits just below it.
    pub base: u32,
    /// An `__init__` run by a call of its class: the call's result is the new instance, which
    /// sits below the frame where the function value would (and `__init__` must return None).
    pub init: bool,
}

/// A VM thread as the rest of the VM sees it: its number and its GC roots.
pub(crate) struct ThreadSlot {
    pub number: u32,
    /// Set while the thread is blocked (Lock, join, `allow_threads`, a module lock).
    pub blocked: AtomicBool,
    /// A daemon thread (`threading.Thread(daemon=True)`): the run does not wait for it.
    pub daemon: AtomicBool,
    /// The thread's `threading.Thread` object (`_thread._set_current`): a root of the collector.
    pub current: parking_lot::Mutex<Option<Value>>,
    /// Locked by the thread itself while it is attached; the collector reads it while the thread is
    /// parked or detached.
    pub roots: parking_lot::Mutex<ThreadRoots>,
}

impl ThreadSlot {
    /// The slot of thread `number`, whose stack starts as `stack` (a function and its arguments).
    pub(crate) fn new(number: u32, stack: Vec<Value>, thread_object: Option<Handle>) -> ThreadSlot {
        let roots = ThreadRoots { stack, thread_object, ..ThreadRoots::default() };
        ThreadSlot {
            number,
            blocked: AtomicBool::new(false),
            daemon: AtomicBool::new(false),
            current: parking_lot::Mutex::new(None),
            roots: parking_lot::Mutex::new(roots),
        }
    }
}

/// Everything a thread keeps alive: its value stack, frames, held `with` locks and its handle object.
#[derive(Default)]
pub(crate) struct ThreadRoots {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub withs: Vec<Handle>,
    pub thread_object: Option<Handle>,
    /// The `try` blocks (and `with` bodies) the thread is inside, innermost last.
    pub blocks: Vec<Block>,
    /// The exceptions being handled (in an `except` or `finally` body), innermost last, each
    /// with where it was raised: what a bare `raise` raises again.
    pub handling: Vec<(Value, Vec<crate::error::TraceFrame>)>,
    /// The names of the keyword arguments the entry function is called with (the last values of
    /// the stack when the thread starts).
    pub entry_keywords: Vec<String>,
}

/// A `try` block being run: where its handler is, and what to unwind to when it catches.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block {
    /// How many frames there were when it was set up (its own frame is the last of them).
    pub frames: u32,
    /// The handler's instruction in that frame's code.
    pub handler: u32,
    /// The value stack's height, and how many exceptions were being handled, at its setup.
    pub stack: u32,
    pub handling: u32,
}

impl ThreadRoots {
    /// Every value these roots keep alive.
    pub(crate) fn values(&self) -> impl Iterator<Item = Value> + '_ {
        let handles = self.withs.iter().chain(self.thread_object.iter()).map(|&h| Value::obj(h));
        self.stack.iter().copied().chain(handles).chain(self.handling.iter().map(|(v, _)| *v))
    }
}
