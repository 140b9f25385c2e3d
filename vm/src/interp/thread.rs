//! Being a VM thread: safepoints and parking, blocking detached, the GIL's switch interval,
//! core steps (scheduling points watched by the atomicity monitor), and trace events.

use super::Interp;
use crate::error::{ErrorKind, Exception};
use crate::mode::Bug;
use crate::platform::Platform;
use crate::trace::{Brief, Event, EventKind};
use crate::value::{Value, V};
use parking_lot::MutexGuard;
use std::sync::atomic::Ordering::Relaxed;

impl<P: Platform> Interp<'_, P> {
    /// Runs a blocking operation detached: the thread's roots are unlocked and it no longer counts
    /// as attached, so stop-the-world requests need not wait for it.
    pub(crate) fn blocking<R>(&mut self, f: impl FnOnce() -> R) -> R {
        let coordinator = &self.shared.coordinator;
        let me = self.slot.number;
        let blocked = &self.slot.blocked;
        blocked.store(true, Relaxed);
        let result = if self.shared.config.bugs.has(Bug::EmlNoDetach) {
            // Seeded bug: block while still attached, holding the read share.
            f()
        } else {
            MutexGuard::unlocked(&mut self.roots, || {
                coordinator.detach();
                let result = f();
                coordinator.attach(me);
                result
            })
        };
        blocked.store(false, Relaxed);
        result
    }

    /// Parks at an instruction boundary if another thread waits for the GIL; counts steps.
    pub(super) fn tick(&mut self, steps: u32) -> Result<(), Exception> {
        self.steps += steps as u64;
        let limits = &self.shared.config.limits;
        if limits.max_steps.is_some_and(|limit| self.steps > limit) {
            return Err(Exception::new(
                ErrorKind::StepLimit,
                format!(
                    "thread t{} exceeded its budget of {} steps (--max-steps)",
                    self.slot.number,
                    self.steps - steps as u64
                ),
            ));
        }
        if limits.deadline.is_some_and(|deadline| std::time::Instant::now() >= deadline) {
            return Err(Exception::new(
                ErrorKind::StepLimit,
                format!("thread t{} ran past the deadline (--timeout)", self.slot.number),
            ));
        }
        if self.shared.coordinator.gil_wanted() {
            let coordinator = &self.shared.coordinator;
            let me = self.slot.number;
            MutexGuard::unlocked(&mut self.roots, || coordinator.park(me));
        }
        Ok(())
    }

    /// A core step that touches shared state: a scheduling point, watched by the atomicity monitor.
    #[inline(always)]
    pub(crate) fn core_step(&self) {
        P::switch_point();
        if self.shared.config.monitor {
            self.shared.check_core_step(self.slot.number, self.current_line());
        }
    }

    /// Emits a trace event for this thread at its current line, when the run is traced.
    #[inline]
    pub(crate) fn trace(&self, kind: impl FnOnce() -> EventKind) {
        if self.shared.config.trace && self.importing == 0 {
            // Describing objects for the trace is observation, not a step's footprint.
            let kind = crate::step::unrecorded(kind);
            crate::trace::emit(Event { thread: self.slot.number, line: self.current_line(), kind });
        }
    }

    /// The source line the thread is at: of its innermost frame that runs the program's code
    /// (a step inside a library module, `threading`'s `Condition.wait`, is shown at the program's
    /// line that called it), else of its innermost frame.
    #[inline]
    pub(crate) fn current_line(&self) -> u32 {
        let program = &self.shared.program;
        let frames = &self.roots.frames;
        let Some(innermost) = frames.last() else { return 0 };
        let mut code = program.code(innermost.func);
        let mut frame = innermost;
        if code.library.is_some() {
            if let Some(f) = frames.iter().rev().find(|f| program.code(f.func).library.is_none()) {
                frame = f;
                code = program.code(f.func);
            }
        }
        let at = (frame.ip as usize).saturating_sub(1).min(code.lines.len().saturating_sub(1));
        code.lines.get(at).copied().unwrap_or(0)
    }

    /// How a thread's entry function is named in traces: `work()`, `<module>`.
    pub(crate) fn callable_name(&self, v: Value) -> Brief {
        match v.unpack() {
            V::Func(f) if f.0 == 0 => Brief::plain("<module>"),
            V::Func(f) => Brief::plain(format!("{}()", self.shared.program.code(f).name)),
            V::Native(f) => Brief::plain(format!("{}()", crate::modules::native(f).1.name)),
            V::Builtin(b) => Brief::plain(format!("{}()", crate::builtins::Builtin::from_id(b).name())),
            V::Obj(h) => match self.function_parts(v) {
                Ok(Some((f, _))) => Brief::plain(format!("{}()", self.shared.program.code(f).name)),
                // A bound method by its qualified name (`Account.withdraw()`).
                _ => match self.shared.heap.read_fixed(h, |o| match o {
                    crate::heap::Object::BoundMethod(m) => Some(m.func),
                    _ => None,
                }) {
                    Ok(Some(func)) => match self.function_parts(func) {
                        Ok(Some((f, _))) => Brief::plain(format!("{}()", self.shared.program.code(f).qualname)),
                        _ => self.brief(v),
                    },
                    _ => self.brief(v),
                },
            },
            _ => self.brief(v),
        }
    }

    /// A short, deterministic description of a value for traces: `5`, `'abc'`, `list #3`.
    pub(crate) fn brief(&self, v: Value) -> Brief {
        let text = match v.unpack() {
            V::Obj(h) => {
                let text = self.shared.heap.read(h, |o| match o {
                    crate::heap::Object::Str(s) if s.text.chars().count() <= 24 => {
                        Some(crate::value_ops::repr_str(&s.text))
                    }
                    crate::heap::Object::Class(c) => Some(format!("class {} #{}", c.name, h.number())),
                    _ => None,
                });
                let text = match text {
                    Ok(Some(text)) => text,
                    // An instance is named by its class.
                    Ok(None) => format!("{} #{}", self.type_name(v).unwrap_or("object"), h.number()),
                    Err(_) => format!("#{} (freed)", h.number()),
                };
                return Brief { text, object: Some(h.number()) };
            }
            V::Func(f) => format!("function {}", self.shared.program.code(f).qualname),
            V::Builtin(b) => format!("builtin {}", crate::builtins::Builtin::from_id(b).name()),
            V::Module(m) => format!("module {}", crate::modules::name(m)),
            // Observation: the special methods of the program's classes are not run for it.
            _ => crate::value_ops::repr_of(self.values(), v).unwrap_or_default(),
        };
        Brief::plain(text)
    }

    /// A safepoint: park if another thread asked for exclusive mode; collect on allocation pressure.
    /// Inlined where it is polled (every loop iteration and call): two loads and a branch when
    /// there is nothing to do.
    #[inline(always)]
    pub(crate) fn safepoint(&mut self) {
        P::switch_point();
        if self.shared.coordinator.stop_requested() || self.collect_due.get() {
            self.safepoint_slow();
        }
    }

    #[cold]
    #[inline(never)]
    fn safepoint_slow(&mut self) {
        if self.shared.coordinator.stop_requested() {
            self.trace(|| EventKind::Park);
            let coordinator = &self.shared.coordinator;
            let me = self.slot.number;
            MutexGuard::unlocked(&mut self.roots, || coordinator.park(me));
            self.trace(|| EventKind::Unpark);
        }
        // Only a thread whose own allocation reached the threshold checks the shared pressure
        // counter: polling it at every safepoint would make every step of every thread depend on
        // every allocation of the others.
        if self.collect_due.replace(false) && self.shared.wants_collection() {
            self.collect(true);
        }
    }

    /// Stops the world and collects garbage; returns the number of objects freed.
    /// `lazily`: leave the sweep to allocations (automatic collections); `gc.collect()` sweeps at
    /// once, so that it can say how many objects it freed.
    pub(crate) fn collect(&mut self, lazily: bool) -> usize {
        self.trace(|| EventKind::GcStart);
        self.begin_exclusive();
        let stats = self.shared.collect_exclusive(self.slot, &self.roots, lazily);
        if tracing::level_enabled!(tracing::Level::DEBUG) {
            log_collection(self.slot.number, stats, self.shared.heap.bytes());
        }
        self.trace(|| EventKind::GcDone { live: stats.marked, freed: stats.freed });
        self.end_exclusive();
        stats.freed
    }
}

/// The diagnostic event of a collection (`EMLAB_LOG=emlab_vm=debug`), out of line.
#[cold]
#[inline(never)]
fn log_collection(thread: u32, stats: crate::heap::CollectStats, bytes: usize) {
    tracing::debug!(thread, live = stats.marked, freed = stats.freed, bytes, "collection");
}
