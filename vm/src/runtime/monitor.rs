//! The VM's own monitors: atomicity (no other thread runs a core step while a thread is
//! inside a non-free-threaded extension call) and, at the end of a run, leaks.

use super::Shared;
use crate::heap::Handle;
use crate::mode::Bug;
use crate::platform::Platform;
use crate::value::Value;
use crate::violation::{Violation, ViolationKind};
use std::sync::atomic::Ordering::Relaxed;

impl<P: Platform> Shared<P> {
    /// Enters (or, with `enter == false`, leaves) a region where thread `me` is inside a
    /// non-free-threaded extension call and no other thread may run a core step.
    ///
    /// `exclusive`: whether `me` holds exclusive mode. Then no other thread is attached, and its
    /// next core step comes after `me` leaves exclusive mode (which the coordinator orders), so the
    /// region's edges are not recorded as writes of the monitor: only an unprotected region's are.
    pub(crate) fn protect(&self, me: u32, module: &'static str, function: &'static str, enter: bool, exclusive: bool) {
        // Only the monitor reads the regions: without it (`emlab run`), an extension call takes no
        // lock that every thread's calls write.
        if !self.config.monitor {
            return;
        }
        if !exclusive {
            crate::step::record(crate::step::Resource::Monitor, crate::step::Access::Write);
        }
        let mut protected = self.protected.lock();
        if enter {
            protected.push((me, module, function));
        } else if let Some(i) = protected.iter().rposition(|&(t, _, _)| t == me) {
            protected.remove(i);
        }
        self.protected_count.store(protected.len(), Relaxed);
    }

    /// The atomicity monitor: thread `me` is about to run a core step.
    #[inline]
    pub(crate) fn check_core_step(&self, me: u32, line: u32) {
        crate::step::record(crate::step::Resource::Monitor, crate::step::Access::Read);
        if self.protected_count.load(Relaxed) == 0 {
            return;
        }
        let protected = self.protected.lock();
        let Some(&(owner, module, function)) = protected.iter().find(|&&(t, _, _)| t != me) else { return };
        drop(protected);
        crate::step::record(crate::step::Resource::Monitor, crate::step::Access::Write);
        let mut monitored = self.monitored.lock();
        if monitored.iter().any(|v| v.kind == ViolationKind::Atomicity) {
            return;
        }
        monitored.push(Violation {
            kind: ViolationKind::Atomicity,
            message: format!("t{me} ran a core step (line {line}) while t{owner} was inside {module}.{function}"),
            thread: Some(me),
        });
    }

    /// The leak check, after every thread has ended: collect with the pin table as roots, then
    /// report every object still allocated that neither globals nor module state reach.
    pub(crate) fn check_leaks(&self) {
        crate::step::record(crate::step::Resource::World, crate::step::Access::Write);
        if self.config.bugs.has(Bug::GcIgnorePins) {
            // The collector under test ignores pins; a leak report would only echo that bug.
            return;
        }
        let mut pins = self.pins.lock();
        pins.scan();
        let pinned: Vec<Value> = pins.pinned().map(Value::obj).collect();
        drop(pins);
        let globals: Vec<Value> = self.global_values().collect();
        let base: Vec<Value> = self.consts.iter().copied().chain(globals).collect();
        self.heap.collect(base.iter().copied().chain(pinned));
        let module_held: Vec<Value> = self.module_states.iter().flat_map(|s| s.lock().handles()).collect();
        let reachable = self.heap.reachable(base.into_iter().chain(module_held));
        let leaked: Vec<Handle> = self.heap.live_handles().into_iter().filter(|h| !reachable.contains(h)).collect();
        if leaked.is_empty() {
            return;
        }
        let pins = self.pins.lock();
        let described: Vec<String> = leaked
            .iter()
            .take(5)
            .map(|&h| {
                let kind = self.heap.read(h, |o| o.type_name()).unwrap_or("object");
                let count = pins.count(h).unwrap_or(0);
                format!("{kind} #{} (extension count {count})", h.number())
            })
            .collect();
        self.monitored.lock().push(Violation {
            kind: ViolationKind::Leak,
            message: format!(
                "{} object(s) still allocated that neither globals nor module state reach: {}",
                leaked.len(),
                described.join(", ")
            ),
            thread: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::ext::bundled;
    use crate::platform::Native;
    use crate::violation::ViolationKind;
    use crate::{Vm, VmConfig};

    fn vm(source: &str) -> Vm<Native> {
        let program = crate::compile_source(source, "leak.py").unwrap();
        Vm::new(program, VmConfig { capture_output: true, print_errors: false, ..VmConfig::default() }).unwrap()
    }

    #[test]
    fn an_object_pinned_by_a_count_that_no_module_state_holds_is_a_leak() {
        let vm = vm("import cache\ncache.put('k', [1, 2])\n");
        let shared = vm.shared.clone();
        vm.run();
        shared.check_leaks();
        assert!(shared.monitored.lock().is_empty(), "a cached object is held by module state: no leak");
        // An extension that forgets the object without its decref: the count keeps it alive,
        // but no module state reaches it any more.
        let cache = crate::modules::lookup("cache").unwrap().0 as usize - 1;
        *shared.module_states[cache].lock() = (bundled::ALL[cache].new_state)();
        shared.check_leaks();
        let monitored = shared.monitored.lock();
        assert_eq!(monitored.len(), 1);
        assert_eq!(monitored[0].kind, ViolationKind::Leak);
        assert!(monitored[0].message.contains("list #"), "{}", monitored[0].message);
    }

    #[test]
    fn dropped_objects_are_not_leaks() {
        let vm = vm("import cache\ncache.put('k', [1, 2])\ncache.drop('k')\n");
        let shared = vm.shared.clone();
        vm.run();
        shared.check_leaks();
        assert!(shared.monitored.lock().is_empty());
    }
}
