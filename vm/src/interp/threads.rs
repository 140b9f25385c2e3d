//! Starting, running and ending VM threads, and the blocking operations (Lock, join).

use super::Interp;
use crate::error::{ErrorKind, Exception, TraceFrame, Uncaught};
use crate::heap::{Handle, Object, ThreadObject};
use crate::platform::sync::Thread;
use crate::platform::Platform;
use crate::runtime::Shared;
use crate::thread_state::ThreadSlot;
use crate::trace::EventKind;
use crate::value::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

/// Runs a registered thread to its end: attach, call the function on its stack, record the result
/// in its thread object (or report its uncaught error), release what it holds, detach.
pub(crate) fn run_thread<P: Platform>(shared: &Arc<Shared<P>>, slot: &Arc<ThreadSlot>, _number: u32) -> Result<(), ()> {
    shared.coordinator.attach(slot.number);
    let roots = slot.roots.lock();
    let mut interp = Interp::new(shared, slot, roots);
    interp.trace(|| EventKind::Start { entry: interp.callable_name(interp.roots.stack[0]) });
    let outcome = catch_unwind(AssertUnwindSafe(|| interp.run_entry()));
    let result = match outcome {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(uncaught)) => Err(uncaught),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            Err(Uncaught {
                exception: Exception::new(ErrorKind::VmPanic, message),
                traceback: Vec::new(),
                thread: slot.number,
                thread_name: None,
                started_by: None,
            })
        }
    };
    let failed = interp.finish_thread(result);
    shared.heap.release_local(&mut interp.local_heap.borrow_mut());
    shared.promotions.record_all(&mut interp.promotions);
    drop(interp);
    shared.coordinator.detach();
    shared.unregister_thread(slot.number);
    // Wake any `join` waiting for this thread.
    drop(shared.wake.lock());
    shared.wake_cv.notify_all();
    if failed {
        Err(())
    } else {
        Ok(())
    }
}

/// Address space held back while threads start, and given back when the OS refuses one (as
/// CPython keeps room to raise MemoryError): zeroed, so it costs no memory until given back.
const RESERVE_BYTES: usize = 32 << 20;
static EMERGENCY_RESERVE: parking_lot::Mutex<Option<Vec<u8>>> = parking_lot::Mutex::new(None);
/// Whether the reserve was ever taken (it is taken once per process, and given back at most once).
static RESERVED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Starts a VM thread running `func(*args, **keywords)` and returns its thread object.
pub(crate) fn spawn_thread<P: Platform>(
    shared: &Arc<Shared<P>>,
    func: Value,
    args: &[Value],
    keywords: Vec<(String, Value)>,
) -> Result<Handle, Exception> {
    let number = shared.next_thread_number();
    let object = shared.heap.alloc(Object::Thread(ThreadObject { number, result: None }))?;
    let mut stack = Vec::with_capacity(args.len() + keywords.len() + 1);
    stack.push(func);
    stack.extend_from_slice(args);
    stack.extend(keywords.iter().map(|(_, v)| *v));
    let slot = shared.register_thread(number, stack, Some(object));
    slot.roots.lock().entry_keywords = keywords.into_iter().map(|(k, _)| k).collect();
    let child_shared = shared.clone();
    let child_slot = slot.clone();
    if !RESERVED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        *EMERGENCY_RESERVE.lock() = Some(vec![0u8; RESERVE_BYTES]);
    }
    let started = Thread::<P>::spawn(format!("emlab-t{}", slot.number), move || {
        let _ = run_thread(&child_shared, &child_slot, child_slot.number);
    });
    match started {
        Ok(handle) => {
            shared.add_join_handle(number, handle);
            Ok(object)
        }
        Err(_) => {
            // The address space is nearly used up: give back the reserve so that reporting the
            // error, and the threads already running, still have room to allocate.
            drop(EMERGENCY_RESERVE.lock().take());
            // As CPython: the program sees a RuntimeError and can go on.
            shared.unregister_thread(slot.number);
            Err(Exception::new(ErrorKind::RuntimeError, "can't start new thread"))
        }
    }
}

impl<P: Platform> Interp<'_, P> {
    /// The name of the `threading.Thread` this thread runs (its `_name`, read from its attributes
    /// without running code), if it runs one.
    fn thread_object_name(&self) -> Option<String> {
        let object = (*self.slot.current.lock())?.handle()?;
        let heap = &self.shared.heap;
        let name = heap
            .read(object, |o| match o {
                crate::heap::Object::Instance(i) => super::classes::dict_get_str(heap, &i.dict, "_name"),
                _ => None,
            })
            .ok()
            .flatten()?;
        self.str_text(name).ok().flatten()
    }

    /// Records how the thread ended: its result in its thread object, or its uncaught error;
    /// whether it ended with one.
    fn finish_thread(&mut self, result: Result<Value, Uncaught>) -> bool {
        let mut failed = false;
        let value = match result {
            Ok(v) => {
                self.trace(|| EventKind::End { result: self.brief(v) });
                v
            }
            // A thread that raises SystemExit (`_thread.exit()`, `sys.exit()`) ends quietly, as in
            // CPython; only the main thread's ends the program with it.
            Err(uncaught) if uncaught.exception.kind == ErrorKind::SystemExit && self.slot.number != 0 => {
                self.trace(|| EventKind::End { result: crate::trace::Brief::plain("None") });
                Value::NONE
            }
            // The main thread's SystemExit (`sys.exit(status)`) ends the program with its status.
            Err(uncaught) if uncaught.exception.kind == ErrorKind::SystemExit => {
                let status = self.exit_status_of(&uncaught.exception);
                self.shared.set_exit_status(status);
                self.trace(|| EventKind::End { result: crate::trace::Brief::plain("None") });
                Value::NONE
            }
            Err(mut uncaught) => {
                failed = true;
                uncaught.thread_name = self.thread_object_name();
                if uncaught.thread_name.is_none() && self.slot.number != 0 {
                    // The function is still at the bottom of the stack; shown without running
                    // any `__repr__` of the program's.
                    uncaught.started_by =
                        self.roots.stack.first().and_then(|&f| crate::value_ops::repr_of(self.values(), f).ok());
                }
                let exception = &uncaught.exception;
                self.trace(|| EventKind::EndWith { error: exception.kind, message: exception.message.clone() });
                self.release_all_withs();
                self.shared.record_uncaught(uncaught);
                Value::NONE
            }
        };
        if let Some(object) = self.roots.thread_object {
            crate::step::record(crate::step::Resource::Ended(self.slot.number), crate::step::Access::Write);
            let _ = self.shared.heap.write(object, |o| {
                if let Object::Thread(t) = o {
                    t.result = Some(value);
                }
            });
        }
        let roots = &mut *self.roots;
        roots.stack.clear();
        roots.frames.clear();
        roots.blocks.clear();
        roots.handling.clear();
        roots.thread_object = None;
        failed
    }

    /// The process exit status of `SystemExit(arg)`, as CPython takes it: none or None is 0, an
    /// int is itself, anything else is printed to standard error and is 1.
    fn exit_status_of(&mut self, exception: &Exception) -> i32 {
        let arg = exception.value.and_then(|v| {
            let h = v.handle()?;
            self.shared
                .heap
                .read(h, |o| match o {
                    Object::Exception(e) => e.args.first().copied(),
                    _ => None,
                })
                .ok()
                .flatten()
        });
        match arg.map(|v| v.unpack()) {
            None | Some(crate::value::V::None) => 0,
            Some(crate::value::V::Int(i)) => i as i32,
            Some(crate::value::V::Bool(b)) => b as i32,
            Some(_) => {
                let text = arg.map(|v| self.str_of(v).unwrap_or_default()).unwrap_or_default();
                crate::step::record(crate::step::Resource::Output, crate::step::Access::Write);
                self.shared.output.flush();
                if self.shared.config.print_errors {
                    eprintln!("{text}");
                }
                1
            }
        }
    }

    /// Releases the locks of every `with` block the thread is still inside (it is ending with an
    /// error no handler can catch: a context manager of the program's is left as it is, since
    /// running its `__exit__` would run more of the program).
    fn release_all_withs(&mut self) {
        while let Some(ctx) = self.roots.withs.pop() {
            if self.shared.heap.kind(ctx).ok() == Some(crate::heap::Kind::Lock) {
                let _ = self.release_lock(ctx);
            }
        }
    }

    /// `join(h)`: waits, detached, until thread `h` has ended; returns its result.
    pub(crate) fn join_thread(&mut self, thread: Handle) -> Result<Value, Exception> {
        // A thread object's number never changes and its result is written once, by the thread as
        // it ends (with `Ended`): a join that finds the result reads `Ended`, so it depends on the
        // end, and races with it: run before the end, the join blocks first. A failed look is not
        // recorded: run after the end it would succeed, as the retry after the wake-up does.
        let done = |shared: &Shared<P>, number: u32| -> Result<Option<Value>, Exception> {
            let result = crate::step::unrecorded(|| {
                shared.heap.read(thread, |o| match o {
                    Object::Thread(t) => t.result,
                    _ => None,
                })
            })?;
            if result.is_some() {
                crate::step::record(crate::step::Resource::Ended(number), crate::step::Access::Read);
            }
            Ok(result)
        };
        self.core_step();
        let number = self.shared.heap.read_fixed(thread, |o| if let Object::Thread(t) = o { t.number } else { 0 })?;
        if number == self.slot.number && done(self.shared, number)?.is_none() {
            // As CPython: waiting for itself would never end.
            return Err(Exception::new(ErrorKind::RuntimeError, "cannot join current thread"));
        }
        if let Some(v) = done(self.shared, number)? {
            self.trace(|| EventKind::Joined { thread: number, result: self.brief(v) });
            return Ok(v);
        }
        self.trace(|| EventKind::BlockJoin { thread: number });
        let shared = self.shared;
        let slot = self.slot;
        let v = self.blocking(|| -> Result<Value, Exception> {
            let mut guard = shared.wake.lock();
            loop {
                if let Some(v) = done(shared, number)? {
                    return Ok(v);
                }
                shared.stop_if_daemon(slot)?;
                guard = shared.wake_cv.wait(guard);
            }
        })?;
        self.trace(|| EventKind::Joined { thread: number, result: self.brief(v) });
        Ok(v)
    }

    /// `lock.acquire()`: takes the lock, waiting detached while another thread holds it.
    pub(crate) fn acquire_lock(&mut self, lock: Handle) -> Result<(), Exception> {
        let heap = &self.shared.heap;
        // A failed attempt only observes that the lock is held and goes to sleep: it is recorded as
        // a read and a wait, which an explorer does not reorder against the holder's release
        // (that order gives the same acquisition order as acquiring after the release).
        let record_attempt = |taken: bool| {
            use crate::step::{record, Access, Resource};
            if taken {
                record(Resource::Object(lock.number()), Access::Write);
                record(Resource::Acquires(lock.number()), Access::Write);
            } else {
                record(Resource::Object(lock.number()), Access::Read);
                record(Resource::Waits(lock.number()), Access::Read);
            }
        };
        let try_take = |register_waiter: bool| {
            let taken = crate::step::unrecorded(|| {
                heap.write(lock, |o| match o {
                    Object::Lock(l) if !l.held => {
                        l.held = true;
                        if !register_waiter {
                            l.waiters = l.waiters.saturating_sub(1);
                        }
                        true
                    }
                    Object::Lock(l) => {
                        if register_waiter {
                            l.waiters += 1;
                        }
                        false
                    }
                    _ => true,
                })
            })?;
            record_attempt(taken);
            Ok::<bool, crate::heap::HeapError>(taken)
        };
        self.core_step();
        let taken = crate::step::unrecorded(|| {
            heap.write(lock, |o| match o {
                Object::Lock(l) if !l.held => {
                    l.held = true;
                    true
                }
                _ => false,
            })
        })?;
        record_attempt(taken);
        if taken {
            self.trace(|| EventKind::Acquire { lock: lock.number(), after_waiting: false });
            return Ok(());
        }
        self.trace(|| EventKind::BlockLock { lock: lock.number() });
        let shared = self.shared;
        let slot = self.slot;
        self.blocking(|| -> Result<(), Exception> {
            let mut guard = shared.wake.lock();
            if try_take(true)? {
                return Ok(());
            }
            loop {
                // (Checked before each wait too: the shutdown's wake-up may have come first.)
                shared.stop_if_daemon(slot)?;
                guard = shared.wake_cv.wait(guard);
                if try_take(false)? {
                    return Ok(());
                }
            }
        })?;
        self.trace(|| EventKind::Acquire { lock: lock.number(), after_waiting: true });
        Ok(())
    }

    /// `lock.release()`; releasing an unlocked lock is a RuntimeError, as in Python.
    pub(crate) fn release_lock(&mut self, lock: Handle) -> Result<(), Exception> {
        self.core_step();
        let (was_held, waiters) = self.shared.heap.write(lock, |o| match o {
            Object::Lock(l) => {
                let was = l.held;
                l.held = false;
                (was, l.waiters)
            }
            _ => (true, 0),
        })?;
        if !was_held {
            return Err(Exception::new(ErrorKind::RuntimeError, "release unlocked lock"));
        }
        crate::step::record(crate::step::Resource::Releases(lock.number()), crate::step::Access::Write);
        self.trace(|| EventKind::Release { lock: lock.number() });
        if waiters > 0 {
            drop(self.shared.wake.lock());
            self.shared.wake_cv.notify_all();
        }
        Ok(())
    }

    /// The traceback of the current call stack, outermost first.
    pub(crate) fn traceback(&self) -> Vec<TraceFrame> {
        let program = &self.shared.program;
        self.roots
            .frames
            .iter()
            .map(|f| {
                let code = program.code(f.func);
                let at = (f.ip as usize).saturating_sub(1).min(code.lines.len().saturating_sub(1));
                TraceFrame {
                    function: code.name.clone(),
                    line: code.lines.get(at).copied().unwrap_or(0),
                    library: code.library,
                }
            })
            .collect()
    }
}
