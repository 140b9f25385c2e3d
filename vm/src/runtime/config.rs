//! The knobs of one VM run.

use super::Limits;
use crate::mode::{Bugs, Mode};

/// Knobs of one VM run. `Default` suits `emlab run`.
#[derive(Debug, Clone)]
pub struct VmConfig {
    /// Step, recursion and heap limits.
    pub limits: Limits,
    /// Collect after this many allocations at least (the threshold grows with the live set).
    pub gc_min_threshold: usize,
    /// Slots and object numbers a thread takes from the heap at once (its local heap cache).
    /// 1 numbers objects in allocation order, as traces show them;
    /// more lets threads allocate without touching shared memory most of the time.
    pub alloc_batch: u32,
    /// How many pauses a thread waiting for a promotion, a collection or the GIL spins before it
    /// sleeps. Spinning lets real threads on their own cores resume within a microsecond; a model
    /// checker explores every spin, so checking configurations use 0.
    pub spin_before_wait: u32,
    /// Keep program output in memory instead of writing stdout.
    pub capture_output: bool,
    /// Print uncaught errors to stderr as they happen (as CPython does).
    pub print_errors: bool,
    /// How core code and extension calls are excluded.
    pub mode: Mode,
    /// Seeded bugs switched on.
    pub bugs: Bugs,
    /// With the GIL on, the holder hands over after this many instructions if another thread waits.
    pub switch_interval: u32,
    /// Emit typed VM-level trace events (see [`crate::trace`]).
    pub trace: bool,
    /// Watch for atomicity violations and, at the end of the run, for leaks.
    pub monitor: bool,
    /// A `for` loop over a `range` of step 1 whose bounds fit in 32 bits keeps its position in
    /// the loop's stack slot ([`crate::value::V::RangeIter`]) instead of a heap iterator: no
    /// allocation, and no lock taken per item. Off for checking, where every iterator is a
    /// numbered heap object, as traces number them.
    pub immediate_range_iterators: bool,
    /// Run the program with common runs of instructions fused into one ([`crate::Program::fuse`]):
    /// fewer trips through the dispatch loop. Off for checking, whose traces and monitors name
    /// single instructions (and off whenever `trace` or `monitor` is on).
    pub fused_instructions: bool,
    /// Reads of a list, tuple or dict item and `len` of an object another thread made go through
    /// the object's read bias when it is set ([`crate::heap::Heap::read_leaf`]): threads reading
    /// one shared object do not write its lock word. Only on a platform with real threads, and
    /// off for checking.
    pub biased_reads: bool,
    /// Reads of immutable objects (str, tuple, range, dict views), allocation into a thread's own
    /// empty slot and the lazy sweep's freeing of garbage take no slot lock
    /// ([`crate::heap::Heap::enable_lock_free_fast_paths`]): they rely on the collector freeing
    /// only garbage. Off for checking, and whenever a seeded bug is on (the collector bugs free
    /// live objects, whose stale handles a locked access detects).
    pub lock_free_fast_paths: bool,
}

impl Default for VmConfig {
    fn default() -> Self {
        VmConfig {
            limits: Limits::default(),
            gc_min_threshold: 20_000,
            alloc_batch: 128,
            spin_before_wait: 4000,
            capture_output: false,
            print_errors: true,
            mode: Mode::Eml,
            bugs: Bugs::none(),
            switch_interval: 100_000,
            trace: false,
            monitor: false,
            immediate_range_iterators: true,
            fused_instructions: true,
            biased_reads: true,
            lock_free_fast_paths: true,
        }
    }
}

impl VmConfig {
    /// A configuration for model checking: captured output, no stderr, a step budget, traces and
    /// monitors on.
    pub fn for_checking() -> Self {
        VmConfig {
            limits: Limits::for_checking(),
            gc_min_threshold: 10_000,
            alloc_batch: 1,
            spin_before_wait: 0,
            capture_output: true,
            print_errors: false,
            mode: Mode::Eml,
            bugs: Bugs::none(),
            switch_interval: 8,
            trace: true,
            monitor: true,
            immediate_range_iterators: false,
            fused_instructions: false,
            biased_reads: false,
            lock_free_fast_paths: false,
        }
    }
}
