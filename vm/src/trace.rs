//! VM-level trace events: typed, collected per OS thread when a run asks for them (`VmConfig::trace`).
//!
//! Each [`Event`] names the VM thread (`t0`, `t1`, ... in spawn order), the source line it was
//! at, and what happened as an [`EventKind`]: data (lock numbers, thread numbers, object
//! numbers), not text. The text of a trace line is rendered from the kind ([`EventKind::what`]
//! and [`EventKind::note`]); whoever decides something from an event matches on the kind, so a
//! reworded line can never change a verdict.
//!
//! Events contain no addresses or times: objects are named by their allocation number (`#3`),
//! so the trace of a given schedule is the same on every run and every machine. The checker
//! (`emlab-scheduler`) runs an execution inside [`collect`] and [`take`]s its events afterwards;
//! shuttle and loom run every VM thread of an execution on the calling OS thread, so one
//! thread-local buffer sees them all. Outside [`collect`], events are dropped.

use crate::error::ErrorKind;
use crate::step::{Access, Footprint, Resource};
use crate::value_ops::repr_str;
use std::cell::{Cell, RefCell};
use std::fmt;

/// One VM-level event: which thread, at which source line, and what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The VM thread's number (`t0` is the main thread).
    pub thread: u32,
    /// The source line; 0 when the thread has no frame (at its start and end).
    pub line: u32,
    pub kind: EventKind,
}

/// A value as a trace names it: short, deterministic text (`5`, `'abc'`, `list #3`) and the heap
/// object it is, if any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Brief {
    pub text: String,
    /// The object's allocation number, for a heap object (freed or not).
    pub object: Option<u32>,
}

impl Brief {
    /// A value that is no heap object.
    pub fn plain(text: impl Into<String>) -> Brief {
        Brief { text: text.into(), object: None }
    }
}

impl fmt::Display for Brief {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// How a call into an extension module is kept apart from other threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    /// The module declared itself free-threaded: no promotion in any mode.
    FreeThreaded,
    /// `eml` mode: the call promotes to exclusive mode.
    Promote,
    /// `nogil` mode: nothing excludes other threads.
    None,
    /// A GIL mode: the caller already holds the GIL.
    Gil,
}

/// What an object operation of an extension did (through the extension API).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtOp {
    ListGet {
        list: u32,
        index: i64,
        item: Brief,
    },
    ListSet {
        list: u32,
        index: i64,
        value: Brief,
    },
    /// The refcount bridge's count of `object` went up to `count`.
    Incref {
        object: u32,
        count: u32,
    },
    /// The refcount bridge's count of `object` went down to `count`.
    Decref {
        object: u32,
        count: u32,
    },
}

/// What happened, one variant per event the VM emits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// The thread starts running `entry` (`<module>`, `work()`).
    Start { entry: Brief },
    /// The thread's function returned `result`.
    End { result: Brief },
    /// The thread ended with an uncaught exception.
    EndWith { error: ErrorKind, message: String },
    /// `print` wrote the line `text` (without its newline).
    Print { text: String },
    /// The thread spawned thread `thread` running `entry`.
    Spawn { thread: u32, entry: Brief },
    /// `join` found thread `thread` ended, with `result`.
    Joined { thread: u32, result: Brief },
    /// `join` found thread `thread` still running and blocks until it ends.
    BlockJoin { thread: u32 },
    /// The thread took lock object `lock`; `after_waiting` when it blocked on it first.
    Acquire { lock: u32, after_waiting: bool },
    /// The thread found lock object `lock` held and blocks until it is released.
    BlockLock { lock: u32 },
    /// The thread released lock object `lock`.
    Release { lock: u32 },
    /// At a safepoint, the thread parks because another thread asked for exclusive mode.
    Park,
    /// The parked thread goes on.
    Unpark,
    /// The thread stops the world to collect garbage.
    GcStart,
    /// The collection is done: `live` objects marked, `freed` reclaimed; the world resumes.
    GcDone { live: usize, freed: usize },
    /// The thread read global `name` (global number `global`).
    Load { global: u32, name: String, value: Brief },
    /// The thread wrote global `name` (global number `global`).
    Store { global: u32, name: String, value: Brief },
    /// `object[index]` read `value`.
    GetItem { object: Brief, index: Brief, value: Brief },
    /// `object[index] = value`.
    SetItem { object: Brief, index: Brief, value: Brief },
    /// The thread read variable `name`, which it shares with nested or enclosing functions, from
    /// its cell.
    LoadCell { name: String, cell: Brief, value: Brief },
    /// The thread wrote variable `name` in its cell.
    StoreCell { name: String, cell: Brief, value: Brief },
    /// `object.name` read `value`.
    GetAttr { object: Brief, name: String, value: Brief },
    /// `object.name = value`.
    SetAttr { object: Brief, name: String, value: Brief },
    /// A call into extension function `function` (`module.name`) begins.
    Call { function: String, exclusion: Exclusion },
    /// The call holds exclusive mode and enters the extension.
    Enter { function: String },
    /// The call returned `Ok(value)` or raised `Err(error)`; `demote` when it leaves exclusive mode.
    Return { function: String, result: Result<Brief, ErrorKind>, demote: bool },
    /// The seeded bug `eml-early-demote` drops the call to read mode inside the extension.
    DemoteEarly,
    /// An object operation of the extension.
    Ext(ExtOp),
    /// The extension calls back into core code; `demote` when it leaves exclusive mode for it.
    Callback { function: Brief, demote: bool },
    /// The callback returned to extension module `module`; `promote_again` when it is exclusive again.
    BackIn { module: String, promote_again: bool },
    /// The extension released the EML (`allow_threads`).
    ReleaseEml,
    /// The extension took the EML back after `allow_threads`.
    ReacquireEml,
}

impl EventKind {
    /// What happened, as the trace line says it (`acquire lock #4`).
    pub fn what(&self) -> String {
        What(self).to_string()
    }

    /// The note beside it (the EML's state, why a thread waits), or "".
    pub fn note(&self) -> String {
        let note = match self {
            EventKind::BlockJoin { thread } => return format!("waits for t{thread} to end"),
            EventKind::BlockLock { .. } => "held by another thread",
            EventKind::Acquire { after_waiting: true, .. } => "after waiting",
            EventKind::Park => "another thread asked for exclusive mode",
            EventKind::GcDone { .. } => "world resumes",
            EventKind::Call { exclusion, .. } => match exclusion {
                Exclusion::FreeThreaded => "free-threaded module: no promotion",
                Exclusion::Promote => "eml: promote",
                Exclusion::None => "nogil: no exclusion",
                Exclusion::Gil => "under the GIL",
            },
            EventKind::Enter { .. } => "eml: write held",
            EventKind::Return { demote: true, .. } => "eml: demote",
            EventKind::DemoteEarly => "eml: read mode inside the call (seeded bug)",
            EventKind::Callback { demote: true, .. } => "eml: demote for the callback",
            EventKind::BackIn { promote_again: true, .. } => "eml: promote again",
            EventKind::ReleaseEml => "allow_threads",
            _ => "",
        };
        note.to_string()
    }

    /// Whether the thread ended with this event.
    pub fn is_end(&self) -> bool {
        matches!(self, EventKind::End { .. } | EventKind::EndWith { .. })
    }

    /// The shared state the event's own operation touches, named as the `dpor` explorer's
    /// footprints name it ([`crate::step`]): a global read or written, a lock taken or waited for,
    /// an object indexed, the pin table, output, a whole-world collection. The footprint the VM
    /// records for the step holds more (allocation, the EML's bookkeeping, what an operation
    /// reads on the way); events with no shared state of their own give an empty one.
    pub fn footprint(&self) -> Footprint {
        let mut footprint = Footprint::default();
        let mut add = |resource, access| footprint.add(resource, access);
        let object = |brief: &Brief| brief.object.map(Resource::Object);
        match self {
            EventKind::Load { global, .. } => add(Resource::Global(*global), Access::Read),
            EventKind::Store { global, .. } => add(Resource::Global(*global), Access::Write),
            EventKind::GetItem { object: o, .. } => object(o).into_iter().for_each(|r| add(r, Access::Read)),
            EventKind::SetItem { object: o, .. } => object(o).into_iter().for_each(|r| add(r, Access::Write)),
            EventKind::GetAttr { object: o, .. } => object(o).into_iter().for_each(|r| add(r, Access::Read)),
            EventKind::LoadCell { cell, .. } => object(cell).into_iter().for_each(|r| add(r, Access::Read)),
            EventKind::StoreCell { cell, .. } => object(cell).into_iter().for_each(|r| add(r, Access::Write)),
            EventKind::SetAttr { object: o, .. } => object(o).into_iter().for_each(|r| add(r, Access::Write)),
            EventKind::Print { .. } => add(Resource::Output, Access::Write),
            EventKind::Spawn { .. } => add(Resource::Spawn, Access::Write),
            EventKind::Joined { thread, .. } => add(Resource::Joined(*thread), Access::Read),
            EventKind::Acquire { lock, .. } => {
                add(Resource::Object(*lock), Access::Write);
                add(Resource::Acquires(*lock), Access::Write);
            }
            EventKind::BlockLock { lock } => {
                add(Resource::Object(*lock), Access::Read);
                add(Resource::Waits(*lock), Access::Read);
            }
            EventKind::Release { lock } => {
                add(Resource::Object(*lock), Access::Write);
                add(Resource::Releases(*lock), Access::Write);
            }
            EventKind::GcDone { .. } => add(Resource::World, Access::Write),
            EventKind::Ext(ExtOp::ListGet { list, .. }) => add(Resource::Object(*list), Access::Read),
            EventKind::Ext(ExtOp::ListSet { list, .. }) => add(Resource::Object(*list), Access::Write),
            EventKind::Ext(ExtOp::Incref { .. } | ExtOp::Decref { .. }) => add(Resource::Pins, Access::Write),
            _ => {}
        }
        footprint
    }

    /// The heap objects the event names, in order, without repeats (locks included).
    pub fn objects(&self) -> Vec<u32> {
        let briefs: Vec<&Brief> = match self {
            EventKind::Start { entry } | EventKind::Spawn { entry, .. } => vec![entry],
            EventKind::End { result } | EventKind::Joined { result, .. } => vec![result],
            EventKind::Load { value, .. } | EventKind::Store { value, .. } => vec![value],
            EventKind::GetItem { object, index, value } | EventKind::SetItem { object, index, value } => {
                vec![object, index, value]
            }
            EventKind::GetAttr { object, value, .. } | EventKind::SetAttr { object, value, .. } => {
                vec![object, value]
            }
            EventKind::LoadCell { cell, value, .. } | EventKind::StoreCell { cell, value, .. } => vec![cell, value],
            EventKind::Return { result: Ok(value), .. } => vec![value],
            EventKind::Callback { function, .. } => vec![function],
            EventKind::Ext(ExtOp::ListGet { item: value, .. } | ExtOp::ListSet { value, .. }) => vec![value],
            _ => Vec::new(),
        };
        let first = match self {
            EventKind::Acquire { lock, .. } | EventKind::BlockLock { lock } | EventKind::Release { lock } => {
                Some(*lock)
            }
            EventKind::Ext(
                ExtOp::ListGet { list: object, .. }
                | ExtOp::ListSet { list: object, .. }
                | ExtOp::Incref { object, .. }
                | ExtOp::Decref { object, .. },
            ) => Some(*object),
            _ => None,
        };
        let mut objects: Vec<u32> = Vec::new();
        for n in first.into_iter().chain(briefs.iter().filter_map(|b| b.object)) {
            if !objects.contains(&n) {
                objects.push(n);
            }
        }
        objects
    }
}

/// Renders [`EventKind::what`] without an intermediate string per part.
struct What<'a>(&'a EventKind);

impl fmt::Display for What<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            EventKind::Start { entry } => write!(f, "start {entry}"),
            EventKind::End { result } => write!(f, "end -> {result}"),
            EventKind::EndWith { error, message } if message.is_empty() => write!(f, "end with {}", error.name()),
            EventKind::EndWith { error, message } => write!(f, "end with {}: {message}", error.name()),
            EventKind::Print { text } => write!(f, "print {}", repr_str(text)),
            EventKind::Spawn { thread, entry } => write!(f, "spawn t{thread} running {entry}"),
            EventKind::Joined { thread, result } => write!(f, "join t{thread} -> {result}"),
            EventKind::BlockJoin { thread } => write!(f, "block in join t{thread}"),
            EventKind::Acquire { lock, .. } => write!(f, "acquire lock #{lock}"),
            EventKind::BlockLock { lock } => write!(f, "block on lock #{lock}"),
            EventKind::Release { lock } => write!(f, "release lock #{lock}"),
            EventKind::Park => f.write_str("park"),
            EventKind::Unpark => f.write_str("unpark"),
            EventKind::GcStart => f.write_str("gc: stop the world"),
            EventKind::GcDone { live, freed } => write!(f, "gc: {live} live, {freed} freed"),
            EventKind::Load { name, value, .. } => write!(f, "load {name} -> {value}"),
            EventKind::Store { name, value, .. } => write!(f, "store {name} = {value}"),
            EventKind::GetItem { object, index, value } => write!(f, "{object}[{index}] -> {value}"),
            EventKind::SetItem { object, index, value } => write!(f, "{object}[{index}] = {value}"),
            EventKind::GetAttr { object, name, value } => write!(f, "{object}.{name} -> {value}"),
            EventKind::LoadCell { name, cell, value } => write!(f, "load {name} -> {value} ({cell})"),
            EventKind::StoreCell { name, cell, value } => write!(f, "store {name} = {value} ({cell})"),
            EventKind::SetAttr { object, name, value } => write!(f, "{object}.{name} = {value}"),
            EventKind::Call { function, .. } => write!(f, "call {function}"),
            EventKind::Enter { function } => write!(f, "enter {function}"),
            EventKind::Return { function, result: Ok(value), .. } => write!(f, "return {function} -> {value}"),
            EventKind::Return { function, result: Err(error), .. } => {
                write!(f, "return {function} raising {}", error.name())
            }
            EventKind::DemoteEarly => f.write_str("demote early"),
            EventKind::Ext(op) => match op {
                ExtOp::ListGet { list, index, item } => write!(f, "ext list_get list #{list}[{index}] -> {item}"),
                ExtOp::ListSet { list, index, value } => write!(f, "ext list_set list #{list}[{index}] = {value}"),
                ExtOp::Incref { object, count } => write!(f, "ext incref #{object} -> {count}"),
                ExtOp::Decref { object, count } => write!(f, "ext decref #{object} -> {count}"),
            },
            EventKind::Callback { function, .. } => write!(f, "callback {function}"),
            EventKind::BackIn { module, .. } => write!(f, "back in {module}"),
            EventKind::ReleaseEml => f.write_str("release the EML"),
            EventKind::ReacquireEml => f.write_str("reacquire the EML"),
        }
    }
}

thread_local! {
    /// Whether this OS thread is inside [`collect`].
    static COLLECTING: Cell<bool> = const { Cell::new(false) };
    /// The events collected on this OS thread and not yet taken.
    static EVENTS: RefCell<Vec<Event>> = const { RefCell::new(Vec::new()) };
}

/// Whether events emitted on this OS thread are kept.
#[inline]
pub(crate) fn collecting() -> bool {
    COLLECTING.with(Cell::get)
}

/// Keeps one event, when this OS thread is inside [`collect`].
pub(crate) fn emit(event: Event) {
    if collecting() {
        EVENTS.with(|events| events.borrow_mut().push(event));
    }
}

/// Runs `f` with the events emitted on this OS thread kept for [`take`] (also when `f` panics).
pub fn collect<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            COLLECTING.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(COLLECTING.with(|c| c.replace(true)));
    f()
}

/// Runs `f` on the events kept on this OS thread so far, without taking them (a scheduler that
/// follows another run's order of events reads how far this run has come).
pub fn peek<R>(f: impl FnOnce(&[Event]) -> R) -> R {
    EVENTS.with(|events| f(&events.borrow()))
}

/// Takes the events kept on this OS thread so far.
pub fn take() -> Vec<Event> {
    EVENTS.with(|events| std::mem::take(&mut *events.borrow_mut()))
}

#[cfg(test)]
#[path = "trace_tests.rs"]
mod tests;
