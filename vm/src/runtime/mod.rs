//! State shared by every thread of one VM: the program, heap, globals, coordinator, pin table,
//! thread registry and monitors, and the collector's scan of every thread's roots.
//!
//! It never runs bytecode: the interpreter starts and runs threads over it, and [`Vm`] drives a
//! run, so this module depends on neither (see [`crate::vm`] for the layers).
//!
//! [`Vm`]: crate::Vm

mod config;
mod coordinator;
mod limits;
mod monitor;
mod output;
mod stats;

pub use config::VmConfig;
pub use coordinator::Coordinator;
pub use limits::Limits;
pub use output::Output;
pub use stats::{Promotion, PromotionStats, PromotionSummary, PromotionTimer};

use crate::builtins::{self, Method};
use crate::bytecode::{Const, Program};
use crate::error::Uncaught;
use crate::ext::{bundled, ModuleState, PinTable};
use crate::heap::{CollectStats, Handle, Heap, Object, StrObject};
use crate::mode::{Bug, Mode};
use crate::modules::{self, ModuleId};
use crate::platform::sync::{Condvar, Mutex};
use crate::platform::Platform;
use crate::seqlock::SeqCell;
use crate::step::{self, Access, Resource};
use crate::thread_state::{ThreadRoots, ThreadSlot};
use crate::value::Value;
use crate::violation::Violation;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering::Relaxed};
use std::sync::Arc;

/// State shared by every thread of one VM.
pub struct Shared<P: Platform> {
    pub program: Program,
    pub config: VmConfig,
    pub heap: Heap,
    /// `program.consts` materialized: ints as values, strings as heap objects (roots).
    pub consts: Vec<Value>,
    globals: Box<[SeqCell]>,
    /// For each global name, the builtin it falls back to while unbound (or `Unbound`).
    pub global_fallbacks: Vec<Value>,
    /// For each library module (in `library::ALL` order), whether its body has run: 0 not yet,
    /// 1 running, 2 done.
    pub imported: Vec<std::sync::atomic::AtomicU8>,
    /// Every non-daemon thread has ended: the daemon threads stop where they wait.
    pub shutting_down: std::sync::atomic::AtomicBool,
    /// For each name in `program.names`, the method it denotes, if any.
    pub methods: Vec<Option<Method>>,
    pub coordinator: Coordinator<P>,
    /// Lock and join waiters sleep here.
    pub wake: Mutex<P, ()>,
    pub wake_cv: Condvar<P>,
    pub output: Output,
    /// The refcount bridge's pin table.
    pub pins: parking_lot::Mutex<PinTable>,
    /// Each extension module's private state (invisible to the collector).
    pub module_states: Vec<parking_lot::Mutex<Box<dyn ModuleState>>>,
    /// Whether each extension module's own lock is held.
    module_locks: Vec<parking_lot::Mutex<bool>>,
    /// Extension calls in progress; the pin scan runs only when there are none.
    active_ext_calls: AtomicUsize,
    /// Threads inside a non-free-threaded extension call (outside callbacks and `allow_threads`),
    /// with the function they are in: the atomicity monitor's state.
    protected: parking_lot::Mutex<Vec<(u32, &'static str, &'static str)>>,
    protected_count: AtomicUsize,
    monitored: parking_lot::Mutex<Vec<Violation>>,
    threads: parking_lot::Mutex<Vec<Arc<ThreadSlot>>>,
    join_handles: parking_lot::Mutex<Vec<(u32, P::JoinHandle)>>,
    uncaught: parking_lot::Mutex<Vec<Uncaught>>,
    next_thread: AtomicU32,
    /// The stack size `_thread.stack_size(n)` last asked for (0: the default); emlab's threads
    /// keep the stacks it gives them, so it is only given back.
    pub(crate) stack_size: AtomicUsize,
    next_collect: AtomicUsize,
    /// Latency of each EML promotion for an extension call (real threads only).
    pub promotions: Arc<PromotionStats>,
    /// `sys.setswitchinterval`: the GIL's hand-over interval in instructions (see
    /// [`VmConfig::switch_interval`]), and the seconds the program asked for (what
    /// `sys.getswitchinterval` gives back).
    switch_interval: AtomicU32,
    switch_seconds: parking_lot::Mutex<f64>,
    /// `sys.setrecursionlimit`'s value (what `sys.getrecursionlimit` gives back).
    pub recursion_limit: AtomicUsize,
    /// The status the main thread's `sys.exit(status)` ends the process with.
    exit_status: parking_lot::Mutex<Option<i32>>,
}

/// CPython's default switch interval, in seconds: what `VmConfig::switch_interval` stands for.
pub const DEFAULT_SWITCH_SECONDS: f64 = 0.005;

/// How many threads can read with biased reads: those numbered below (later threads take locks).
pub(crate) const BIASED_READERS: usize = 64;

impl<P: Platform> Shared<P> {
    /// The shared state of a VM about to run `program`: constants materialized, globals unbound.
    pub(crate) fn new(mut program: Program, config: VmConfig) -> Result<Shared<P>, crate::error::Exception> {
        if config.fused_instructions && !config.trace && !config.monitor {
            program.fuse();
        }
        let mut heap = Heap::new(config.limits.max_heap, config.alloc_batch);
        if config.biased_reads && P::PARALLEL {
            heap.enable_biased_reads(BIASED_READERS);
        }
        if config.lock_free_fast_paths && config.bugs == crate::mode::Bugs::none() {
            heap.enable_lock_free_fast_paths();
        }
        let mut consts = Vec::with_capacity(program.consts.len());
        for c in &program.consts {
            consts.push(match c {
                Const::Int(i) => Value::int(*i),
                Const::BigInt(digits) => {
                    let n: num_bigint::BigInt = digits.parse().unwrap_or_default();
                    Value::obj(heap.alloc(Object::Int(Box::new(n)))?)
                }
                Const::Float(bits) => Value::float(f64::from_bits(*bits)),
                Const::Str(s) => Value::obj(heap.alloc(Object::Str(StrObject::new(s.as_str())))?),
            });
        }
        // Every global starts unbound but `__name__`, which is `'__main__'`: emlab runs a program
        // as CPython runs a script (and a library module's is the module's name).
        let mut globals = Vec::with_capacity(program.globals.len());
        for name in &program.globals {
            let value = match name.as_str() {
                "__name__" => Value::obj(heap.alloc(Object::Str(StrObject::new("__main__")))?),
                n => match n.strip_suffix(".__name__") {
                    Some(module) => Value::obj(heap.alloc(Object::Str(StrObject::new(module)))?),
                    None => Value::UNBOUND,
                },
            };
            globals.push(SeqCell::new(value.to_words()));
        }
        let globals = globals.into_boxed_slice();
        // A library module's global falls back to the builtin of its plain name.
        let global_fallbacks = program
            .globals
            .iter()
            .map(|name| builtins::lookup(crate::library::plain_name(name)).map_or(Value::UNBOUND, Value::builtin))
            .collect();
        let imported = crate::library::ALL.iter().map(|_| std::sync::atomic::AtomicU8::new(0)).collect();
        let methods = program.names.iter().map(|name| Method::lookup(name)).collect();
        let next_collect = AtomicUsize::new(config.gc_min_threshold);
        heap.set_collect_threshold(config.gc_min_threshold);
        let output = if config.capture_output { Output::capture() } else { Output::stdout() };
        Ok(Shared {
            program,
            heap,
            consts,
            globals,
            global_fallbacks,
            imported,
            shutting_down: std::sync::atomic::AtomicBool::new(false),
            methods,
            coordinator: Coordinator::new(config.mode == Mode::Gil, config.spin_before_wait),
            pins: parking_lot::Mutex::new(PinTable::default()),
            module_states: bundled::ALL.iter().map(|m| parking_lot::Mutex::new((m.new_state)())).collect(),
            module_locks: bundled::ALL.iter().map(|_| parking_lot::Mutex::new(false)).collect(),
            active_ext_calls: AtomicUsize::new(0),
            protected: parking_lot::Mutex::new(Vec::new()),
            protected_count: AtomicUsize::new(0),
            monitored: parking_lot::Mutex::new(Vec::new()),
            wake: Mutex::new(()),
            wake_cv: Condvar::new(),
            output,
            threads: parking_lot::Mutex::new(Vec::new()),
            join_handles: parking_lot::Mutex::new(Vec::new()),
            uncaught: parking_lot::Mutex::new(Vec::new()),
            next_thread: AtomicU32::new(0),
            stack_size: AtomicUsize::new(0),
            next_collect,
            promotions: Arc::default(),
            switch_interval: AtomicU32::new(config.switch_interval.max(1)),
            switch_seconds: parking_lot::Mutex::new(DEFAULT_SWITCH_SECONDS),
            recursion_limit: AtomicUsize::new(config.limits.max_recursion),
            exit_status: parking_lot::Mutex::new(None),
            config,
        })
    }

    /// The GIL's hand-over interval now, in instructions.
    #[inline]
    pub(crate) fn switch_interval(&self) -> u32 {
        self.switch_interval.load(Relaxed)
    }

    /// `sys.setswitchinterval(seconds)`: CPython's interval is time, emlab's is instructions, so
    /// the configured interval is scaled by `seconds` over CPython's default. Only a run on real
    /// threads changes it: a model checker keeps its own interval (it chooses where hand-overs
    /// happen), and only records what the program asked for.
    pub(crate) fn set_switch_interval(&self, seconds: f64) {
        *self.switch_seconds.lock() = seconds;
        if P::PARALLEL {
            let scaled = (self.config.switch_interval as f64 * seconds / DEFAULT_SWITCH_SECONDS).round();
            self.switch_interval.store(scaled.clamp(1.0, u32::MAX as f64) as u32, Relaxed);
        }
    }

    pub(crate) fn switch_seconds(&self) -> f64 {
        *self.switch_seconds.lock()
    }

    /// The main thread ended with `sys.exit(status)`.
    pub(crate) fn set_exit_status(&self, status: i32) {
        *self.exit_status.lock() = Some(status);
    }

    pub(crate) fn exit_status(&self) -> Option<i32> {
        *self.exit_status.lock()
    }

    /// Takes the join handles of the threads spawned so far (each with its thread number).
    pub(crate) fn take_join_handles(&self) -> Vec<(u32, P::JoinHandle)> {
        step::record(Resource::Spawn, Access::Write);
        std::mem::take(&mut *self.join_handles.lock())
    }

    /// Takes what the run reported: its uncaught errors and its monitored violations, in order.
    pub(crate) fn take_reports(&self) -> (Vec<Uncaught>, Vec<Violation>) {
        let uncaught = std::mem::take(&mut *self.uncaught.lock());
        let monitored = std::mem::take(&mut *self.monitored.lock());
        (uncaught, monitored)
    }

    /// Creates the slot of a new thread whose stack starts as `stack` (a function and its arguments).
    pub(crate) fn register_thread(
        &self,
        number: u32,
        stack: Vec<Value>,
        thread_object: Option<Handle>,
    ) -> Arc<ThreadSlot> {
        let slot = Arc::new(ThreadSlot::new(number, stack, thread_object));
        step::record(Resource::Threads, Access::Commute);
        self.threads.lock().push(slot.clone());
        slot
    }

    /// Ends a daemon thread once the run is shutting down (every other thread has ended): it
    /// raises SystemExit, which ends a thread quietly. Called where a thread wakes from a wait.
    pub(crate) fn stop_if_daemon(&self, slot: &ThreadSlot) -> Result<(), crate::error::Exception> {
        if slot.daemon.load(Relaxed) && self.shutting_down.load(Relaxed) {
            step::record(Resource::Threads, Access::Read);
            return Err(crate::error::Exception::new(crate::error::ErrorKind::SystemExit, ""));
        }
        Ok(())
    }

    /// Marks the thread of thread object `thread` a daemon (if it is still running).
    pub(crate) fn mark_daemon(&self, thread: crate::heap::Handle) -> Result<(), crate::error::Exception> {
        let number = self.heap.read_fixed(thread, |o| if let Object::Thread(t) = o { t.number } else { u32::MAX })?;
        if let Some(slot) = self.threads.lock().iter().find(|t| t.number == number) {
            slot.daemon.store(true, Relaxed);
        }
        Ok(())
    }

    /// Whether thread `number` is a running daemon thread.
    pub(crate) fn is_daemon(&self, number: u32) -> bool {
        self.threads.lock().iter().any(|t| t.number == number && t.daemon.load(Relaxed))
    }

    /// Shuts the run down: every daemon thread stops where it waits (see `stop_if_daemon`).
    pub(crate) fn shut_down(&self) {
        step::record(Resource::Threads, Access::Write);
        self.shutting_down.store(true, Relaxed);
        drop(self.wake.lock());
        self.wake_cv.notify_all();
    }

    /// The running threads, in the order they registered.
    pub(crate) fn threads_snapshot(&self) -> Vec<Arc<ThreadSlot>> {
        self.threads.lock().clone()
    }

    /// Hands out thread numbers: 0 for the main thread, then 1, 2, ... in spawn order.
    pub(crate) fn next_thread_number(&self) -> u32 {
        step::record(Resource::Spawn, Access::Write);
        self.next_thread.fetch_add(1, Relaxed)
    }

    pub(crate) fn unregister_thread(&self, number: u32) {
        step::record(Resource::Threads, Access::Commute);
        self.threads.lock().retain(|t| t.number != number);
    }

    pub(crate) fn record_uncaught(&self, error: Uncaught) {
        if self.config.print_errors {
            self.output.flush();
            let program = &self.program;
            let text = error.render(&program.file, |line| program.source_line(line).map(str::to_string));
            let header = match (error.thread, &error.thread_name) {
                (0, _) => String::new(),
                (_, Some(name)) => format!("Exception in thread {name}:\n"),
                (_, None) if error.started_by.is_some() => {
                    format!("Exception ignored in thread started by: {}\n", error.started_by.as_deref().unwrap_or(""))
                }
                (n, None) => format!("Exception in thread Thread-{n}:\n"),
            };
            eprint!("{header}{text}");
        }
        step::record(Resource::Output, Access::Write);
        self.uncaught.lock().push(error);
    }

    pub(crate) fn add_join_handle(&self, number: u32, handle: P::JoinHandle) {
        step::record(Resource::Spawn, Access::Write);
        self.join_handles.lock().push((number, handle));
    }

    /// Global `index`'s value (`Unbound` before its first assignment). Reading writes no shared
    /// memory, so threads reading the same globals scale (see [`SeqCell`]).
    #[inline]
    pub(crate) fn global(&self, index: u32) -> Value {
        Value::from_words(self.globals[index as usize].read())
    }

    /// Assigns global `index`.
    #[inline]
    pub(crate) fn set_global(&self, index: u32, value: Value) {
        self.globals[index as usize].write(value.to_words())
    }

    /// Every global's value, in index order.
    pub(crate) fn global_values(&self) -> impl Iterator<Item = Value> + '_ {
        self.globals.iter().map(|g| Value::from_words(g.read()))
    }

    /// Whether enough has been allocated since the last collection to collect again.
    #[inline]
    pub(crate) fn wants_collection(&self) -> bool {
        self.heap.allocated_since_collect() >= self.next_collect.load(Relaxed) || self.heap.under_pressure()
    }

    /// Collects garbage. The caller holds exclusive mode, so every other thread is parked or
    /// detached and its roots are unlocked; `me` is the caller, whose roots it passes in. `lazily`:
    /// leave the sweep to the threads' allocations (see [`Heap::collect_with`]).
    pub(crate) fn collect_exclusive(&self, me: &ThreadSlot, my_roots: &ThreadRoots, lazily: bool) -> CollectStats {
        step::record(Resource::World, Access::Write);
        let bugs = self.config.bugs;
        let threads: Vec<Arc<ThreadSlot>> = self.threads.lock().clone();
        let mut other_roots = Vec::with_capacity(threads.len());
        for thread in threads.iter().filter(|t| t.number != me.number) {
            if bugs.has(Bug::GcSkipDetachedRoots) && thread.blocked.load(Relaxed) {
                continue;
            }
            let guard = thread.roots.try_lock().unwrap_or_else(|| {
                panic!("thread t{} still holds its roots while the world is stopped", thread.number)
            });
            other_roots.push(guard);
        }
        let mut pins = self.pins.lock();
        if self.active_ext_calls.load(Relaxed) == 0 {
            pins.scan();
        }
        let pinned: Vec<Value> =
            if bugs.has(Bug::GcIgnorePins) { Vec::new() } else { pins.pinned().map(Value::obj).collect() };
        drop(pins);
        let globals: Vec<Value> = self.global_values().collect();
        let currents: Vec<Value> = threads.iter().filter_map(|t| *t.current.lock()).collect();
        let roots = self
            .consts
            .iter()
            .copied()
            .chain(globals)
            .chain(currents)
            .chain(pinned)
            .chain(my_roots.values())
            .chain(other_roots.iter().flat_map(|r| r.values().collect::<Vec<_>>()));
        let stats = self.heap.collect_with(roots, lazily);
        drop(other_roots);
        let next = self.config.gc_min_threshold.max(self.heap.live());
        self.next_collect.store(next, Relaxed);
        self.heap.set_collect_threshold(next);
        stats
    }

    /// Pins an extension call's arguments and counts the call as active.
    /// Call-scoped pins only count up and down, which commutes with other calls' (the collector's
    /// scan, a write of everything, orders them).
    pub(crate) fn begin_ext_call(&self, pins: &[Handle]) {
        step::record(Resource::Pins, Access::Commute);
        self.active_ext_calls.fetch_add(1, Relaxed);
        let mut table = self.pins.lock();
        pins.iter().for_each(|&h| table.incref(h));
    }

    /// Releases an extension call's call-scoped pins.
    pub(crate) fn end_ext_call(&self, pins: &[Handle]) {
        step::record(Resource::Pins, Access::Commute);
        let mut table = self.pins.lock();
        for &h in pins {
            let _ = table.decref(h);
        }
        drop(table);
        self.active_ext_calls.fetch_sub(1, Relaxed);
    }

    /// The pin table, for an extension call's step (recorded as a write of it).
    pub(crate) fn pins_for_step(&self) -> &parking_lot::Mutex<PinTable> {
        step::record(Resource::Pins, Access::Write);
        &self.pins
    }

    /// Extension module `module`'s state, for a step (recorded as a write of it).
    pub(crate) fn module_state_for_step(&self, module: usize) -> &parking_lot::Mutex<Box<dyn ModuleState>> {
        step::record(Resource::ModuleState(module as u8), Access::Write);
        &self.module_states[module]
    }

    /// Tries to take extension module `module`'s own lock. Recorded as a lock: a taking writes
    /// the lock's state and acquires it; a failed attempt only reads the state and waits (it
    /// changes nothing, so it does not race with the release it waits for).
    pub(crate) fn try_module_lock(&self, module: usize) -> bool {
        let mut held = self.module_locks[module].lock();
        let taken = !std::mem::replace(&mut *held, true);
        let lock = step::module_lock(module as u8);
        if taken {
            step::record(Resource::ModuleLock(module as u8), Access::Write);
            step::record(Resource::Acquires(lock), Access::Write);
        } else {
            step::record(Resource::ModuleLock(module as u8), Access::Read);
            step::record(Resource::Waits(lock), Access::Read);
        }
        taken
    }

    pub(crate) fn unlock_module_lock(&self, module: usize) {
        step::record(Resource::ModuleLock(module as u8), Access::Write);
        step::record(Resource::Releases(step::module_lock(module as u8)), Access::Write);
        *self.module_locks[module].lock() = false;
        drop(self.wake.lock());
        self.wake_cv.notify_all();
    }

    /// The module an `import` of `name` binds, or None if there is no such module.
    pub(crate) fn find_module(&self, name: &str) -> Option<ModuleId> {
        modules::lookup(name)
    }
}
