//! Calling into extension modules: the EML promotion, the refcount bridge's call-scoped pins,
//! and the [`ExtApi`] context the extension works through.

use super::collections::normalize_index;
use super::Interp;
use crate::error::{index_error, type_error, ErrorKind, Exception};
use crate::ext::api::{ExtApi, ExtResult, ModuleState};
use crate::ext::ExtensionModule;
use crate::heap::{Handle, Object};
use crate::mode::{Bug, Mode};
use crate::modules;
use crate::platform::Platform;
use crate::runtime::{PromotionTimer, Shared};
use crate::trace::{EventKind, Exclusion, ExtOp};
use crate::value::{NativeFn, Value, V};
use parking_lot::MutexGuard;

impl<P: Platform> Interp<'_, P> {
    /// Enters exclusive mode, with this thread's roots unlocked while it waits (another thread
    /// may be collecting and need to read them).
    pub(crate) fn begin_exclusive(&mut self) {
        let coordinator = &self.shared.coordinator;
        let me = self.slot.number;
        MutexGuard::unlocked(&mut self.roots, || coordinator.begin_exclusive(me));
    }

    pub(crate) fn end_exclusive(&mut self) {
        self.shared.coordinator.end_exclusive(self.slot.number);
    }

    /// Whether a call into `module` runs exclusive (promotes) in the current mode.
    fn promotes(&self, module: &ExtensionModule) -> bool {
        !module.free_threaded && self.shared.config.mode == Mode::Eml
    }

    /// Calls extension function `f` with the top `argc` stack values; pops them and the callee.
    pub(crate) fn call_native(&mut self, f: NativeFn, argc: usize) -> Result<Value, Exception> {
        let (module, function) = modules::native(f);
        let n = self.roots.stack.len();
        if argc != function.params.len() {
            let params: Vec<String> = function.params.iter().map(|p| p.to_string()).collect();
            return Err(super::calls::arity_message(function.name, &params, argc));
        }
        let args: Vec<Value> = self.roots.stack[n - argc..].to_vec();
        // The arguments leave the stack: from here on only their pins keep them alive.
        self.roots.stack.truncate(n - argc - 1);
        let pins: Vec<Handle> = if self.shared.config.bugs.has(Bug::PinBorrowUncounted) {
            Vec::new()
        } else {
            args.iter().filter_map(|v| v.handle()).collect()
        };
        self.shared.begin_ext_call(&pins);
        let exclusive = self.promotes(module);
        let name = || format!("{}.{}", module.name, function.name);
        let exclusion = match (module.free_threaded, self.shared.config.mode) {
            (true, _) => Exclusion::FreeThreaded,
            (false, Mode::Eml) => Exclusion::Promote,
            (false, Mode::Nogil) => Exclusion::None,
            (false, _) => Exclusion::Gil,
        };
        self.trace(|| EventKind::Call { function: name(), exclusion });
        let mut timer = PromotionTimer::start::<P>(exclusive);
        if exclusive {
            self.begin_exclusive();
            timer.parked();
            if tracing::level_enabled!(tracing::Level::TRACE) {
                log_promotion(self.slot.number, &name());
            }
            self.trace(|| EventKind::Enter { function: name() });
        }
        if !module.free_threaded {
            self.shared.protect(self.slot.number, module.name, function.name, true, exclusive);
        }
        let mut call = ExtCall { interp: self, module: f.module.0 as usize - 1, exclusive, ops: 0, pins };
        let result = (function.call)(&mut call, &args);
        let ExtCall { exclusive, pins, .. } = call;
        if !module.free_threaded {
            self.shared.protect(self.slot.number, module.name, function.name, false, exclusive);
        }
        self.trace(|| EventKind::Return {
            function: name(),
            result: result.as_ref().map(|v| self.brief(*v)).map_err(|e| e.kind),
            demote: exclusive,
        });
        if exclusive {
            self.end_exclusive();
        }
        self.promotions.extend(timer.finish());
        self.shared.end_ext_call(&pins);
        result
    }
}

/// The context of one extension call, implementing [`ExtApi`].
struct ExtCall<'i, 'a, P: Platform> {
    interp: &'i mut Interp<'a, P>,
    /// Index of the module among the extension modules.
    module: usize,
    /// Whether the call currently holds exclusive mode.
    exclusive: bool,
    /// Object operations so far.
    ops: u32,
    /// Call-scoped pins, released when the call returns.
    pins: Vec<Handle>,
}

impl<P: Platform> ExtCall<'_, '_, P> {
    fn shared(&self) -> &Shared<P> {
        self.interp.shared
    }

    /// Every object operation is a scheduling point; after the first one the seeded bug
    /// `eml-early-demote` drops the call to read mode.
    fn object_op(&mut self) {
        P::switch_point();
        self.ops += 1;
        if self.ops == 2 && self.exclusive && self.shared().config.bugs.has(Bug::EmlEarlyDemote) {
            self.interp.trace(|| EventKind::DemoteEarly);
            // The protected region stays open without exclusive mode: other threads' core steps
            // can now fall inside it.
            crate::step::record(crate::step::Resource::Monitor, crate::step::Access::Write);
            self.interp.end_exclusive();
            self.exclusive = false;
        }
    }

    fn trace_op(&self, op: impl FnOnce() -> ExtOp) {
        self.interp.trace(|| EventKind::Ext(op()));
    }

    fn module_name(&self) -> &'static str {
        crate::ext::bundled::ALL[self.module].name
    }

    /// Leaves (or re-enters) the atomicity monitor's protected region around a callback or
    /// `allow_threads`, where other threads may run.
    fn protect(&self, enter: bool) {
        let module = crate::ext::bundled::ALL[self.module];
        if !module.free_threaded {
            self.shared().protect(self.interp.slot.number, module.name, "", enter, self.exclusive);
        }
    }

    fn list(&self, list: Value) -> Result<Handle, Exception> {
        match list.unpack() {
            V::Obj(h) if self.shared().heap.read(h, |o| matches!(o, Object::List(_)))? => Ok(h),
            _ => Err(type_error(format!("expected a list, got '{}'", self.interp.type_name(list)?))),
        }
    }

    fn pin_for_call(&mut self, v: Value) {
        if let V::Obj(h) = v.unpack() {
            self.shared().pins_for_step().lock().incref(h);
            self.pins.push(h);
        }
    }
}

impl<P: Platform> ExtApi for ExtCall<'_, '_, P> {
    fn list_get(&mut self, list: Value, index: i64) -> ExtResult<Value> {
        self.object_op();
        let h = self.list(list)?;
        let item = self.shared().heap.read(h, |o| match o {
            Object::List(items) => normalize_index(index, items.len()).map(|i| items[i]),
            _ => None,
        })?;
        let item = item.ok_or_else(|| index_error("list index out of range"))?;
        self.trace_op(|| ExtOp::ListGet { list: h.number(), index, item: self.interp.brief(item) });
        Ok(item)
    }

    fn list_set(&mut self, list: Value, index: i64, value: Value) -> ExtResult<()> {
        self.object_op();
        let h = self.list(list)?;
        let done = self.shared().heap.write(h, |o| match o {
            Object::List(items) => normalize_index(index, items.len()).map(|i| items[i] = value).is_some(),
            _ => false,
        })?;
        done.then_some(()).ok_or_else(|| index_error("list assignment index out of range"))?;
        self.trace_op(|| ExtOp::ListSet { list: h.number(), index, value: self.interp.brief(value) });
        Ok(())
    }

    fn list_len(&mut self, list: Value) -> ExtResult<i64> {
        self.object_op();
        let h = self.list(list)?;
        Ok(self.shared().heap.read(h, |o| if let Object::List(items) = o { items.len() as i64 } else { 0 })?)
    }

    fn list_append(&mut self, list: Value, value: Value) -> ExtResult<()> {
        self.object_op();
        let h = self.list(list)?;
        self.interp.charge(crate::interp::ops::ITEM)?;
        self.shared().heap.write(h, |o| {
            if let Object::List(items) = o {
                items.push(value)
            }
        })?;
        Ok(())
    }

    fn dict_get(&mut self, dict: Value, key: Value) -> ExtResult<Option<Value>> {
        self.object_op();
        match dict.unpack() {
            V::Obj(h) if self.shared().heap.read(h, |o| matches!(o, Object::Dict(_)))? => {
                self.interp.dict_lookup(h, key)
            }
            _ => Err(type_error(format!("expected a dict, got '{}'", self.interp.type_name(dict)?))),
        }
    }

    fn dict_set(&mut self, dict: Value, key: Value, value: Value) -> ExtResult<()> {
        self.object_op();
        match dict.unpack() {
            V::Obj(h) if self.shared().heap.read(h, |o| matches!(o, Object::Dict(_)))? => {
                self.interp.dict_set(h, key, value)
            }
            _ => Err(type_error(format!("expected a dict, got '{}'", self.interp.type_name(dict)?))),
        }
    }

    fn int_value(&mut self, value: Value) -> ExtResult<i64> {
        match value.unpack() {
            V::Int(i) => Ok(i),
            V::Bool(b) => Ok(b as i64),
            _ => Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.interp.type_name(value)?
            ))),
        }
    }

    fn new_int(&mut self, value: i64) -> Value {
        Value::int(value)
    }

    fn key_text(&mut self, value: Value) -> ExtResult<String> {
        self.object_op();
        self.interp.hash_key(value)?;
        self.interp.repr_of(value)
    }

    fn incref(&mut self, value: Value) -> ExtResult<()> {
        self.object_op();
        if let V::Obj(h) = value.unpack() {
            self.shared().heap.read(h, |_| ())?;
            let count = {
                let mut pins = self.shared().pins_for_step().lock();
                pins.incref(h);
                pins.count(h).unwrap_or(0)
            };
            self.trace_op(|| ExtOp::Incref { object: h.number(), count });
        }
        Ok(())
    }

    fn decref(&mut self, value: Value) -> ExtResult<()> {
        self.object_op();
        if let V::Obj(h) = value.unpack() {
            let count = {
                let mut pins = self.shared().pins_for_step().lock();
                pins.decref(h).map_err(|e| Exception::new(ErrorKind::RuntimeError, e.to_string()))?;
                pins.count(h).unwrap_or(0)
            };
            self.trace_op(|| ExtOp::Decref { object: h.number(), count });
        }
        Ok(())
    }

    fn call(&mut self, f: Value, args: &[Value]) -> ExtResult<Value> {
        self.object_op();
        // Control lands back in core code: drop to read mode for the callback.
        let was_exclusive = self.exclusive;
        self.interp.trace(|| EventKind::Callback { function: self.interp.brief(f), demote: was_exclusive });
        self.protect(false);
        if was_exclusive {
            self.interp.end_exclusive();
            self.exclusive = false;
        }
        let result = self.interp.call_from_native(f, args);
        let repromote = was_exclusive && !self.shared().config.bugs.has(Bug::EmlCallbackDemote);
        if repromote {
            self.interp.begin_exclusive();
            self.exclusive = true;
        }
        self.protect(true);
        let module = self.module_name();
        self.interp.trace(|| EventKind::BackIn { module: module.to_string(), promote_again: repromote });
        let value = result?;
        self.pin_for_call(value);
        Ok(value)
    }

    fn allow_threads(&mut self, section: &mut dyn FnMut(&mut dyn ExtApi) -> ExtResult<()>) -> ExtResult<()> {
        // Leave the protected region before letting other threads in, and re-enter it only once
        // exclusive again; in the other order, the monitor would see the gap.
        self.interp.trace(|| EventKind::ReleaseEml);
        self.protect(false);
        let was_exclusive = self.exclusive;
        if was_exclusive {
            self.interp.end_exclusive();
            self.exclusive = false;
        }
        let shared = self.interp.shared;
        let module = self.module;
        let result = self.interp.blocking(|| section(&mut Released { shared, module }));
        if was_exclusive {
            self.interp.begin_exclusive();
            self.exclusive = true;
        }
        self.protect(true);
        self.interp.trace(|| EventKind::ReacquireEml);
        result
    }

    fn yield_now(&mut self) {
        P::yield_now();
    }

    fn with_state(&mut self, f: &mut dyn FnMut(&mut dyn ModuleState)) {
        let mut state = self.shared().module_state_for_step(self.module).lock();
        f(&mut **state);
    }

    fn with_module_lock(&mut self, section: &mut dyn FnMut(&mut dyn ExtApi) -> ExtResult<()>) -> ExtResult<()> {
        let module = self.module;
        self.interp.acquire_module_lock(module);
        let result = section(self);
        self.interp.release_module_lock(module);
        result
    }
}

/// The context inside `allow_threads`: the thread holds no share of the EML, so any object
/// operation is an `outside-eml` violation.
struct Released<'s, P: Platform> {
    shared: &'s Shared<P>,
    module: usize,
}

impl<P: Platform> Released<'_, P> {
    fn violation(&self, what: &str, object: Option<Value>) -> Exception {
        let module = crate::ext::bundled::ALL[self.module].name;
        let target = match object.and_then(Value::handle) {
            Some(h) => format!(" object #{}", h.number()),
            None => String::new(),
        };
        Exception::new(
            ErrorKind::OutsideEml,
            format!("extension '{module}' called {what} on{target} after releasing the EML"),
        )
    }
}

impl<P: Platform> ExtApi for Released<'_, P> {
    fn list_get(&mut self, list: Value, _: i64) -> ExtResult<Value> {
        P::switch_point();
        Err(self.violation("list_get", Some(list)))
    }
    fn list_set(&mut self, list: Value, _: i64, _: Value) -> ExtResult<()> {
        Err(self.violation("list_set", Some(list)))
    }
    fn list_len(&mut self, list: Value) -> ExtResult<i64> {
        Err(self.violation("list_len", Some(list)))
    }
    fn list_append(&mut self, list: Value, _: Value) -> ExtResult<()> {
        Err(self.violation("list_append", Some(list)))
    }
    fn dict_get(&mut self, dict: Value, _: Value) -> ExtResult<Option<Value>> {
        Err(self.violation("dict_get", Some(dict)))
    }
    fn dict_set(&mut self, dict: Value, _: Value, _: Value) -> ExtResult<()> {
        Err(self.violation("dict_set", Some(dict)))
    }
    fn int_value(&mut self, value: Value) -> ExtResult<i64> {
        match value.unpack() {
            V::Int(i) => Ok(i),
            _ => Err(self.violation("int_value", Some(value))),
        }
    }
    fn new_int(&mut self, value: i64) -> Value {
        Value::int(value)
    }
    fn key_text(&mut self, value: Value) -> ExtResult<String> {
        Err(self.violation("key_text", Some(value)))
    }
    fn incref(&mut self, value: Value) -> ExtResult<()> {
        Err(self.violation("incref", Some(value)))
    }
    fn decref(&mut self, value: Value) -> ExtResult<()> {
        Err(self.violation("decref", Some(value)))
    }
    fn call(&mut self, f: Value, _: &[Value]) -> ExtResult<Value> {
        Err(self.violation("call", Some(f)))
    }
    fn allow_threads(&mut self, section: &mut dyn FnMut(&mut dyn ExtApi) -> ExtResult<()>) -> ExtResult<()> {
        section(self)
    }
    fn yield_now(&mut self) {
        P::yield_now();
    }
    fn with_state(&mut self, f: &mut dyn FnMut(&mut dyn ModuleState)) {
        let mut state = self.shared.module_state_for_step(self.module).lock();
        f(&mut **state);
    }
    fn with_module_lock(&mut self, _: &mut dyn FnMut(&mut dyn ExtApi) -> ExtResult<()>) -> ExtResult<()> {
        Err(self.violation("with_module_lock", None))
    }
}

impl<P: Platform> Interp<'_, P> {
    /// Takes extension module `module`'s own lock, waiting detached while another thread holds it.
    pub(crate) fn acquire_module_lock(&mut self, module: usize) {
        P::switch_point();
        if self.shared.try_module_lock(module) {
            return;
        }
        let shared = self.shared;
        self.blocking(|| {
            let mut guard = shared.wake.lock();
            while !shared.try_module_lock(module) {
                guard = shared.wake_cv.wait(guard);
            }
        });
    }

    pub(crate) fn release_module_lock(&mut self, module: usize) {
        P::switch_point();
        self.shared.unlock_module_lock(module);
    }
}

/// The diagnostic event of a promotion (`EMLAB_LOG=emlab_vm=trace`): out of line, so that the
/// call path carries one cheap level check when nobody listens.
#[cold]
#[inline(never)]
fn log_promotion(thread: u32, function: &str) {
    tracing::trace!(thread, function, "promoted: the EML is held exclusively");
}
