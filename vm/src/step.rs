//! Footprints of VM steps, for exploration with partial-order reduction.
//!
//! A model checker that reorders only *dependent* steps must know what each step
//! touched. While a recorder is active on the current OS thread (the `dpor`
//! explorer runs every VM thread of an execution as a shuttle task on one OS
//! thread, one at a time), the VM reports every access to shared state with
//! `step::record`: heap objects by number, globals, the coordinator, the atomicity
//! monitor's state, output, the pin table, module state and locks, the thread
//! table, the allocator, and whole-world operations (a collection). The explorer
//! takes the accumulated [`Footprint`] at each scheduling decision, so the
//! footprint of a step is everything its thread did since it was scheduled.
//!
//! Every scheduling point of the platform ends a step, except those a thread
//! reaches while it holds one of the platform's mutexes (a coordinator critical
//! section, the wake lock): the explorer keeps that thread going until it lets the
//! mutex go, so a critical section is atomic and no thread ever blocks on one of
//! these mutexes. [`holds_lock`] tells the explorer which case it is in.
//!
//! Recording costs one relaxed atomic load per access when no recorder is active
//! anywhere in the process.
//!
//! **Soundness rule:** an access that is not recorded is treated as independent of
//! everything, which silently drops interleavings. Every read or write of state
//! another thread can see must be recorded; the `dpor` explorer's property test
//! compares reduced against unreduced search to catch a missed one.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Shared state a step can touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Resource {
    /// A heap object, by its allocation number.
    Object(u32),
    /// A global variable, by index.
    Global(u32),
    /// The coordinator's exclusive-mode and GIL state (what safepoints poll).
    Exclusive,
    /// The coordinator's count of attached threads.
    Attached,
    /// The stop and hand-over requests that safepoints poll (`stop_requested`, `gil_wanted`):
    /// every poll reads it, and every step that sets or clears a request writes it. Polls read
    /// nothing else of the coordinator, so a model checker can tell a park point by this read.
    Stop,
    /// Whether the EML is open to attaching threads: no thread holds or waits for exclusive mode
    /// (and, with the GIL on, the GIL's state). Written only by steps that change it (the first
    /// request closes it, the last exclusive section's end opens it), so the steps that hand
    /// exclusive mode from one requester to the next do not race with the attempts of parked
    /// threads to attach, which fail before and after alike.
    Gate,
    /// The atomicity monitor's record of threads inside extension calls, and its findings.
    Monitor,
    /// Program output and the list of uncaught errors.
    Output,
    /// The refcount bridge's pin table.
    Pins,
    /// An extension module's private state.
    ModuleState(u8),
    /// An extension module's own lock.
    ModuleLock(u8),
    /// The table of running threads (which a collection scans for roots).
    Threads,
    /// Spawning: thread numbers and the join handles the main thread waits for at the end.
    Spawn,
    /// The allocator (object numbering and collection pressure).
    Allocator,
    /// Everything: a stop-the-world collection reads every root and frees any object.
    World,
    /// Not shared state: the step found lock object `n` held and went to sleep until it is
    /// released. Conflicts with nothing; an explorer does not reverse it against writes of the lock.
    Waits(u32),
    /// Not shared state: the step released lock object `n` (which it held until then, so no
    /// other thread could take it before this step).
    Releases(u32),
    /// Not shared state: the step took lock object `n`.
    Acquires(u32),
    /// Not shared state but an ordering: the step joined thread `n`, so it comes after that
    /// thread's last step. Conflicts with nothing. Only the VM's own wait for every thread at the
    /// end of a run records it; a program's `join` reads [`Resource::Ended`].
    Joined(u32),
    /// Library module `n` (an index in `library::ALL`): whether its body has run. The first
    /// import writes it, every import reads it.
    Import(u16),
    /// Thread `n` has ended: its end step writes it, and a `join` that finds the thread ended
    /// reads it. The join depends on the end without being ordered after it by the program: run
    /// before the end, the same join blocks first, and its core step (which the atomicity
    /// monitor sees) lands wherever the joined thread then is.
    Ended(u32),
}

/// The lock number of the extension module lock in [`Resource::Acquires`], [`Resource::Releases`]
/// and [`Resource::Waits`]: attaching takes it shared, detaching lets that go, exclusive mode takes
/// it exclusive. (Heap objects are numbered from 1 upward and never reach it.)
pub const EML: u32 = u32::MAX;

/// The lock number of the EML's gate: the first request for exclusive mode takes it exclusive
/// (closing the gate to attaching threads), the end of the last exclusive section releases it, and
/// an attach that passes takes it shared. Requesting is not taking the EML (that waits for the
/// attached threads to park), but it is taking the gate, and it races with attaching.
pub const GATE: u32 = u32::MAX - 1;

/// The lock number of extension module `module`'s own lock (`with_module_lock`) in
/// [`Resource::Acquires`], [`Resource::Releases`] and [`Resource::Waits`]: below the EML's and the
/// gate's, far above any heap object's.
pub const fn module_lock(module: u8) -> u32 {
    u32::MAX - 2 - module as u32
}

/// The resource that holds lock `lock`'s own state: a `Lock` object's, a module lock's, or (for the
/// EML and its gate) `None`, whose state is spread over the coordinator's resources.
pub fn lock_state(lock: u32) -> Option<Resource> {
    match lock {
        EML | GATE => None,
        l if l >= module_lock(u8::MAX) => Some(Resource::ModuleLock((u32::MAX - 2 - l) as u8)),
        object => Some(Resource::Object(object)),
    }
}

/// How a step touched a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Access {
    Read,
    Write,
    /// An update that commutes with other `Commute` updates of the same resource (a counter
    /// increment, allocating a fresh object) but not with reads or writes of it.
    Commute,
    /// The step's only access of the resource stored one value in one place of it (a list's item,
    /// a global) and read nothing of it: it commutes with a `Store` of the same value to the same
    /// place (either order leaves the same state), and with nothing else. `at` is the place (an
    /// index) shifted left by 8 with the value's tag; `value` the value's payload: exact, no hash.
    Store {
        at: u64,
        value: u64,
    },
}

impl Access {
    /// The access of storing `value` at index `index` (0 for a global).
    pub fn store(index: usize, value: crate::value::Value) -> Access {
        let [tag, bits] = value.to_words();
        Access::Store { at: ((index as u64) << 8) | tag, value: bits }
    }

    fn conflicts_with(self, other: Access) -> bool {
        match (self, other) {
            (Access::Read, Access::Read) | (Access::Commute, Access::Commute) => false,
            (a @ Access::Store { .. }, b @ Access::Store { .. }) => a != b,
            _ => true,
        }
    }
}

/// Everything one step touched, without repeats (a write subsumes a read or commute).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Footprint {
    accesses: Vec<(Resource, Access)>,
}

impl Footprint {
    pub fn add(&mut self, resource: Resource, access: Access) {
        match self.accesses.iter_mut().find(|(r, _)| *r == resource) {
            Some((_, existing)) if *existing == access || *existing == Access::Write => {}
            Some((_, existing)) => *existing = Access::Write,
            None => self.accesses.push((resource, access)),
        }
    }

    /// Adds everything `other` touched.
    pub fn merge(&mut self, other: &Footprint) {
        other.accesses.iter().for_each(|&(r, a)| self.add(r, a));
    }

    pub fn accesses(&self) -> &[(Resource, Access)] {
        &self.accesses
    }

    pub fn is_empty(&self) -> bool {
        self.accesses.is_empty()
    }

    /// The threads this step joined.
    pub fn joined(&self) -> impl Iterator<Item = u32> + '_ {
        self.accesses.iter().filter_map(|(r, _)| if let Resource::Joined(n) = r { Some(*n) } else { None })
    }

    /// The threads this step found ended (a `join` that returns: [`Resource::Ended`] read).
    pub fn found_ended(&self) -> impl Iterator<Item = u32> + '_ {
        self.accesses.iter().filter_map(|(r, a)| match (r, a) {
            (Resource::Ended(n), Access::Read) => Some(*n),
            _ => None,
        })
    }

    /// Whether the step touched shared state at all (a join alone touches none).
    pub fn touches_state(&self) -> bool {
        self.accesses.iter().any(|(r, _)| {
            !matches!(r, Resource::Joined(_) | Resource::Waits(_) | Resource::Releases(_) | Resource::Acquires(_))
        })
    }

    /// The lock objects this step took.
    pub fn acquires(&self) -> impl Iterator<Item = u32> + '_ {
        self.accesses.iter().filter_map(|(r, _)| if let Resource::Acquires(n) = r { Some(*n) } else { None })
    }

    /// The lock objects this step released.
    pub fn releases(&self) -> impl Iterator<Item = u32> + '_ {
        self.accesses.iter().filter_map(|(r, _)| if let Resource::Releases(n) = r { Some(*n) } else { None })
    }

    /// The lock objects this step found held and waited for.
    pub fn waits(&self) -> impl Iterator<Item = u32> + '_ {
        self.accesses.iter().filter_map(|(r, _)| if let Resource::Waits(n) = r { Some(*n) } else { None })
    }

    /// Whether the step only read shared state (or joined a thread).
    pub fn is_read_only(&self) -> bool {
        self.accesses.iter().all(|(r, a)| *a == Access::Read || matches!(r, Resource::Joined(_)))
    }

    /// Whether the whole world is touched (a collection).
    pub fn touches_world(&self) -> bool {
        self.accesses.iter().any(|(r, _)| *r == Resource::World)
    }

    /// Whether running this step and `other` in either order can make a difference.
    pub fn conflicts_with(&self, other: &Footprint) -> bool {
        self.conflicts_except_all(other, &[])
    }

    /// [`Footprint::conflicts_with`], leaving out the accesses of `exempt` on both sides (the
    /// resource a lock rule has already accounted for). A collection still conflicts with any
    /// other step that touches state.
    pub fn conflicts_except_all(&self, other: &Footprint, exempt: &[Resource]) -> bool {
        if (self.touches_world() && other.touches_state()) || (other.touches_world() && self.touches_state()) {
            return true;
        }
        self.accesses.iter().any(|(r, a)| {
            !matches!(r, Resource::Joined(_) | Resource::Waits(_) | Resource::Releases(_) | Resource::Acquires(_))
                && !exempt.contains(r)
                && other.accesses.iter().any(|(s, b)| r == s && a.conflicts_with(*b))
        })
    }

    /// How the step took lock `lock`, if it did (EML: `Read` shared, `Write` exclusive,
    /// `Commute` the completion of an exclusive taking whose ownership an earlier step took).
    pub fn acquisition(&self, lock: u32) -> Option<Access> {
        self.accesses.iter().find(|(r, _)| *r == Resource::Acquires(lock)).map(|(_, a)| *a)
    }
}

impl fmt::Display for Footprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (resource, access)) in self.accesses.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            let a = match access {
                Access::Read => "r",
                Access::Write => "w",
                Access::Commute => "c",
                Access::Store { .. } => "s",
            };
            match resource {
                Resource::Object(n) => write!(f, "{a}:#{n}")?,
                Resource::Global(g) => write!(f, "{a}:g{g}")?,
                Resource::ModuleState(m) => write!(f, "{a}:state{m}")?,
                Resource::ModuleLock(m) => write!(f, "{a}:modlock{m}")?,
                Resource::Joined(n) => write!(f, "join:t{n}")?,
                Resource::Ended(n) => write!(f, "{a}:end:t{n}")?,
                Resource::Waits(n) => write!(f, "wait:#{n}")?,
                Resource::Releases(n) => write!(f, "release:#{n}")?,
                Resource::Acquires(n) => write!(f, "acquire:#{n}")?,
                other => write!(f, "{a}:{}", format!("{other:?}").to_lowercase())?,
            }
        }
        Ok(())
    }
}

/// Recorders active anywhere in the process: the fast path when there are none.
static ACTIVE: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static CURRENT: RefCell<Option<Footprint>> = const { RefCell::new(None) };
    static HELD: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    static BACK_EDGE: Cell<Option<u64>> = const { Cell::new(None) };
    static SUSPENDED: Cell<u32> = const { Cell::new(0) };
    static SWITCH_POINT: Cell<bool> = const { Cell::new(false) };
}

/// The running thread reached a VM step boundary (`Platform::switch_point`): the scheduling point
/// that follows is where the VM's own steps meet (the shuttle platform calls this).
pub(crate) fn mark_switch_point() {
    SWITCH_POINT.with(|s| s.set(true));
}

/// Whether a VM step boundary was reached since the last call: the `exhaustive` explorer decides
/// only there, and where a thread blocks, yields or ends.
pub fn take_switch_point() -> bool {
    SWITCH_POINT.with(Cell::take)
}

/// Runs `f` without recording what it touches: for observers (rendering a trace event reads an
/// object's type and contents) that do not change what the program does.
pub(crate) fn unrecorded<R>(f: impl FnOnce() -> R) -> R {
    if ACTIVE.load(Relaxed) == 0 {
        return f();
    }
    struct Resume;
    impl Drop for Resume {
        fn drop(&mut self) {
            SUSPENDED.with(|s| s.set(s.get() - 1));
        }
    }
    SUSPENDED.with(|s| s.set(s.get() + 1));
    let _resume = Resume;
    f()
}

/// Whether a recorder is active anywhere in the process (callers that must compute something
/// before they can record check this first, so the native fast path does no extra work).
#[inline]
pub(crate) fn active() -> bool {
    ACTIVE.load(Relaxed) != 0
}

/// Records that the running step touched `resource`.
#[inline]
pub(crate) fn record(resource: Resource, access: Access) {
    if ACTIVE.load(Relaxed) == 0 {
        return;
    }
    record_slow(resource, access);
}

#[cold]
fn record_slow(resource: Resource, access: Access) {
    if SUSPENDED.with(Cell::get) > 0 {
        return;
    }
    CURRENT.with(|c| {
        if let Some(footprint) = c.borrow_mut().as_mut() {
            footprint.add(resource, access);
        }
    });
}

/// A loop back-edge: `state` hashes the thread's local state (frame, position, stack). Two
/// back-edges of one thread with the same state and only reads in between mark an iteration that
/// changed nothing: a spin-wait going round.
#[inline]
pub(crate) fn back_edge(state: impl FnOnce() -> u64) {
    if ACTIVE.load(Relaxed) == 0 {
        return;
    }
    let state = state();
    BACK_EDGE.with(|b| b.set(Some(state)));
}

/// The state of the back-edge the running thread just reached, if it reached one since the last call.
pub fn take_back_edge() -> Option<u64> {
    BACK_EDGE.with(Cell::take)
}

/// Task `task` (a model checker's thread on this OS thread) took one of the platform's mutexes.
pub(crate) fn lock_taken(task: usize) {
    HELD.with(|h| {
        let mut held = h.borrow_mut();
        if held.len() <= task {
            held.resize(task + 1, 0);
        }
        held[task] += 1;
    });
}

/// Task `task` let one of the platform's mutexes go.
pub(crate) fn lock_released(task: usize) {
    HELD.with(|h| {
        if let Some(count) = h.borrow_mut().get_mut(task) {
            *count = count.saturating_sub(1);
        }
    });
}

/// Whether task `task` holds one of the platform's mutexes (it is inside a critical section).
pub fn holds_lock(task: usize) -> bool {
    HELD.with(|h| h.borrow().get(task).is_some_and(|&c| c > 0))
}

/// Forgets every task's mutexes (a new execution starts).
pub fn reset_locks() {
    HELD.with(|h| h.borrow_mut().clear());
}

/// Records footprints on this OS thread while it lives.
pub struct Recorder {
    _private: (),
}

impl Recorder {
    pub fn start() -> Recorder {
        ACTIVE.fetch_add(1, Relaxed);
        CURRENT.with(|c| *c.borrow_mut() = Some(Footprint::default()));
        Recorder { _private: () }
    }

    /// The footprint accumulated since the last call.
    pub fn take(&self) -> Footprint {
        CURRENT.with(|c| c.borrow_mut().as_mut().map(std::mem::take).unwrap_or_default())
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        CURRENT.with(|c| *c.borrow_mut() = None);
        ACTIVE.fetch_sub(1, Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(items: &[(Resource, Access)]) -> Footprint {
        let mut f = Footprint::default();
        items.iter().for_each(|&(r, a)| f.add(r, a));
        f
    }

    #[test]
    fn reads_and_commutes_commute_with_their_own_kind_only() {
        use Access::*;
        use Resource::*;
        assert!(!fp(&[(Object(1), Read)]).conflicts_with(&fp(&[(Object(1), Read)])));
        assert!(fp(&[(Object(1), Read)]).conflicts_with(&fp(&[(Object(1), Write)])));
        assert!(!fp(&[(Object(1), Write)]).conflicts_with(&fp(&[(Object(2), Write)])));
        assert!(!fp(&[(Allocator, Commute)]).conflicts_with(&fp(&[(Allocator, Commute)])));
        assert!(fp(&[(Allocator, Commute)]).conflicts_with(&fp(&[(Allocator, Read)])));
        assert!(fp(&[(World, Write)]).conflicts_with(&fp(&[(Global(3), Read)])));
        assert!(!fp(&[(World, Write)]).conflicts_with(&Footprint::default()));
    }

    #[test]
    fn stores_of_one_value_to_one_place_commute_and_nothing_else_does() {
        use crate::value::Value;
        use Resource::*;
        let one = Access::store(0, Value::int(1));
        assert!(!fp(&[(Object(1), one)]).conflicts_with(&fp(&[(Object(1), one)])));
        assert!(fp(&[(Object(1), one)]).conflicts_with(&fp(&[(Object(1), Access::store(0, Value::int(2)))])));
        assert!(fp(&[(Object(1), one)]).conflicts_with(&fp(&[(Object(1), Access::store(1, Value::int(1)))])));
        assert!(fp(&[(Object(1), one)]).conflicts_with(&fp(&[(Object(1), Access::store(0, Value::TRUE))])));
        assert!(fp(&[(Object(1), one)]).conflicts_with(&fp(&[(Object(1), Access::Read)])));
        assert!(fp(&[(Object(1), one)]).conflicts_with(&fp(&[(Object(1), Access::Write)])));
        // A store merged with a read, or with another store, is a write.
        assert_eq!(fp(&[(Object(1), Access::Read), (Object(1), one)]).accesses(), &[(Object(1), Access::Write)]);
        assert_eq!(fp(&[(Object(1), one), (Object(1), one)]).accesses(), &[(Object(1), one)]);
    }

    #[test]
    fn a_read_then_a_commute_is_a_write() {
        let f = fp(&[(Resource::Pins, Access::Read), (Resource::Pins, Access::Commute)]);
        assert_eq!(f.accesses(), &[(Resource::Pins, Access::Write)]);
        assert_eq!(f.to_string(), "w:pins");
    }

    #[test]
    fn nothing_is_recorded_without_a_recorder() {
        record(Resource::Output, Access::Write);
        let recorder = Recorder::start();
        record(Resource::Global(1), Access::Read);
        unrecorded(|| record(Resource::Global(2), Access::Write));
        let footprint = recorder.take();
        assert_eq!(footprint.accesses(), &[(Resource::Global(1), Access::Read)]);
        assert_eq!(recorder.take(), Footprint::default());
    }

    #[test]
    fn locks_are_counted_per_task() {
        lock_taken(3);
        lock_taken(3);
        lock_released(3);
        assert!(holds_lock(3));
        assert!(!holds_lock(0));
        lock_released(3);
        assert!(!holds_lock(3));
        lock_taken(1);
        reset_locks();
        assert!(!holds_lock(1));
    }
}
