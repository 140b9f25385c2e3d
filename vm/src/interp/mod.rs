//! The interpreter: one thread's dispatch loop over bytecode.
//!
//! A plain `loop { match op { ... } }` over the current frame's instructions.
//! The value stack and frames live in the thread's [`ThreadRoots`], which the
//! thread keeps locked while it is attached; the collector reads them while
//! the thread is parked at a safepoint or detached in a blocking call.

mod bigints;
mod binding;
mod calls;
mod classes;
mod collections;
mod exceptions;
mod extcall;
mod formatting;
mod generators;
mod iteration;
mod iterators;
mod library;
mod mathlib;
mod methods;
pub mod ops;
mod sets;
mod slices;
mod str_methods;
mod thread;
mod threadlib;
mod threads;

pub(crate) use threadlib::TIMEOUT_MAX;

pub(crate) use threads::run_thread;

use crate::bytecode::Op;
use crate::error::{type_error, ErrorKind, Exception, Uncaught};
use crate::heap::{Handle, LocalHeap, Object};
use crate::mode::{Bug, Mode};
use crate::platform::Platform;
use crate::runtime::Shared;
use crate::thread_state::{ThreadRoots, ThreadSlot};
use crate::trace::EventKind;
use crate::value::{Value, V};
use parking_lot::MutexGuard;
use std::sync::Arc;

/// One VM thread's interpreter.
pub struct Interp<'a, P: Platform> {
    pub(crate) shared: &'a Arc<Shared<P>>,
    pub(crate) slot: &'a ThreadSlot,
    pub(crate) roots: MutexGuard<'a, ThreadRoots>,
    /// Instructions executed so far (in units of the switch interval).
    steps: u64,
    /// How long the thread has slept (`time.sleep`), in nanoseconds: its virtual clock counts it.
    slept_ns: u64,
    /// Library module bodies running (an import): their steps emit no trace events, so a trace
    /// shows the program's steps, not the definitions of `threading`'s classes.
    importing: u32,
    /// This thread's allocations reached the collection threshold: collect at the next safepoint.
    pub(crate) collect_due: std::cell::Cell<bool>,
    /// Calls from native code in progress on this thread (extension callbacks, special methods),
    /// each a native re-entry of the interpreter.
    callbacks: usize,
    /// The thread's cache of slots, object numbers and bytes (see [`LocalHeap`]).
    pub(crate) local_heap: std::cell::RefCell<LocalHeap>,
    /// This thread's EML promotions, handed to the shared stats when it ends.
    pub(crate) promotions: Vec<crate::runtime::Promotion>,
}

impl<'a, P: Platform> Interp<'a, P> {
    pub(crate) fn new(shared: &'a Arc<Shared<P>>, slot: &'a ThreadSlot, roots: MutexGuard<'a, ThreadRoots>) -> Self {
        shared.heap.register_reader(slot.number as usize);
        Interp {
            shared,
            slot,
            roots,
            steps: 0,
            slept_ns: 0,
            importing: 0,
            collect_due: std::cell::Cell::new(false),
            callbacks: 0,
            // The heap's reader table bounds which owners matter (see `Heap::read_leaf`).
            local_heap: std::cell::RefCell::new(LocalHeap::for_reader(u16::try_from(slot.number).ok())),
            promotions: Vec::new(),
        }
    }

    /// This thread's reader number for [`crate::heap::Heap::read_leaf`]: its thread number.
    #[inline]
    pub(crate) fn reader(&self) -> usize {
        self.slot.number as usize
    }

    /// The deepest container nesting followed natively before RecursionError.
    #[inline]
    pub(crate) fn nesting_limit(&self) -> usize {
        self.shared.config.limits.max_recursion.min(P::max_nesting(self.slot.number == 0))
    }

    /// Calls the function on the stack (pushed with its arguments when the thread was created).
    pub(crate) fn run_entry(&mut self) -> Result<Value, Uncaught> {
        let argc = self.roots.stack.len() as u32 - 1;
        let keywords = std::mem::take(&mut self.roots.entry_keywords);
        let called = if keywords.is_empty() { self.call_value(argc) } else { self.call_with_keywords(0, &keywords) };
        let result = called.and_then(|returned| match returned {
            Some(v) => Ok(v),
            None => self.execute(0),
        });
        result.map_err(|exception| Uncaught {
            traceback: self.uncaught_traceback(&exception),
            exception,
            thread: self.slot.number,
            thread_name: None,
            started_by: None,
        })
    }

    #[inline]
    fn pop(&mut self) -> Value {
        self.roots.stack.pop().expect("the compiler balances the stack")
    }

    #[inline]
    fn push(&mut self, v: Value) {
        self.roots.stack.push(v)
    }

    /// Replaces the value on top of the stack.
    #[inline]
    fn set_top(&mut self, v: Value) {
        *self.roots.stack.last_mut().expect("the compiler balances the stack") = v;
    }

    #[inline]
    fn top(&self) -> Value {
        *self.roots.stack.last().expect("the compiler balances the stack")
    }

    /// Executes until the frame count drops back to `stop_depth`, returning the last frame's result.
    pub(crate) fn execute(&mut self, stop_depth: usize) -> Result<Value, Exception> {
        let shared: &'a Shared<P> = self.shared;
        let program = &shared.program;
        let mut frame = *self.roots.frames.last().expect("execute needs a frame");
        let mut code = program.code(frame.func);
        let mut ip = frame.ip as usize;
        let mut interval = shared.switch_interval();
        // Traces and the atomicity monitor name the current line, so keep the frame's ip current.
        let observed = shared.config.trace || shared.config.monitor;
        let mut fuel = interval;
        // The macros live inside the loop, so that `check!` can go on with the next instruction
        // (a handler's) by the loop's label.
        'dispatch: loop {
            macro_rules! save_ip {
                () => {
                    if let Some(f) = self.roots.frames.last_mut() {
                        f.ip = ip as u32;
                    }
                };
            }
            macro_rules! reload {
                () => {
                    frame = *self.roots.frames.last().expect("a frame to resume");
                    code = program.code(frame.func);
                    ip = frame.ip as usize;
                };
            }
            // The value of a fallible operation; on an error, the handler of the innermost `try`
            // block of this execution, or a return of the error when there is none.
            macro_rules! check {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => {
                            save_ip!();
                            match self.unwind(e.into(), stop_depth) {
                                Ok(()) => {
                                    reload!();
                                    continue 'dispatch;
                                }
                                Err(e) => return Err(e),
                            }
                        }
                    }
                };
            }
            // The value of local `slot`, or UnboundLocalError.
            macro_rules! local {
                ($slot:expr) => {{
                    let slot = $slot as usize;
                    let v = self.roots.stack[frame.base as usize + slot];
                    if v == Value::UNBOUND {
                        check!(Err(unbound_local(&code.local_names[slot])));
                    }
                    v
                }};
            }
            // `a op b` for a binary operator: two ints in place, anything else through `self.$full`
            // (`binary`, or `inplace_binary`, where `+=` and `*=` change a list in place) after a
            // safepoint (the operands are on the stack, where a collection sees them).
            macro_rules! arithmetic {
                ($full:ident, $op:expr, $a:expr, $b:expr) => {{
                    let (op, a, b) = ($op, $a, $b);
                    match (a.unpack(), b.unpack()) {
                        (V::Int(x), V::Int(y)) => match ops::int_binary_fast(op, x, y) {
                            Some(r) => r,
                            None => match ops::int_binary(op, x, y) {
                                Some(r) => check!(r),
                                // Past 64 bits: a big int, allocated.
                                None => {
                                    save_ip!();
                                    self.safepoint();
                                    check!(self.$full(op, a, b))
                                }
                            },
                        },
                        _ => match ops::float_binary_fast(op, a, b) {
                            Some(r) => r,
                            None => {
                                save_ip!();
                                self.safepoint();
                                check!(self.$full(op, a, b))
                            }
                        },
                    }
                }};
            }
            macro_rules! binary {
                ($op:expr, $a:expr, $b:expr) => {
                    arithmetic!(binary, $op, $a, $b)
                };
            }
            // `a op b` for a comparison: two ints in place (the six orderings), anything else in full.
            macro_rules! compare {
                ($op:expr, $a:expr, $b:expr) => {{
                    let (op, a, b) = ($op, $a, $b);
                    let fast = match (a.unpack(), b.unpack()) {
                        (V::Int(x), V::Int(y)) => ops::int_compare(op, x, y),
                        _ => None,
                    };
                    match fast {
                        Some(r) => r,
                        None => check!(self.compare(op, a, b)),
                    }
                }};
            }
            // Local `slot` and the small int `value` under operator `op` (a run that starts with
            // `LoadLocal`, `LoadSmallInt`): two ints through `$fast`, anything else through `$full!`
            // with the local on the stack, as the run has it, in case that reaches a safepoint.
            macro_rules! local_op_small_int {
                ($slot:expr, $op:expr, $value:expr, $fast:path, $full:ident) => {{
                    let (op, value) = ($op, $value as i64);
                    let a = local!($slot);
                    ip += 2;
                    let fast = match a.unpack() {
                        V::Int(x) => $fast(op, x, value),
                        _ => None,
                    };
                    match fast {
                        Some(r) => r,
                        None => {
                            self.push(a);
                            let r = $full!(op, a, Value::int(value));
                            self.pop();
                            r
                        }
                    }
                }};
            }
            // A fused instruction (see `Program::fuse`) counts the instructions after the first of its
            // run as the loop counts each instruction.
            macro_rules! count_fused {
                ($more:expr) => {
                    for _ in 0..$more {
                        fuel -= 1;
                        if fuel == 0 {
                            interval = shared.switch_interval();
                            fuel = interval;
                            save_ip!();
                            check!(self.tick(interval));
                        }
                    }
                };
            }
            // Returns `result` from the top frame: to the caller's frame, or from this execution
            // when that was its last frame.
            macro_rules! return_value {
                ($result:expr) => {{
                    let mut result = $result;
                    let done = self.roots.frames.pop().expect("a frame to return from");
                    if done.init {
                        // A class call's `__init__`: the call gives the instance.
                        if result != Value::NONE {
                            let e = type_error(format!(
                                "__init__() should return None, not '{}'",
                                check!(self.type_name(result))
                            ));
                            self.roots.stack.truncate(done.base as usize - 1);
                            check!(Err::<(), Exception>(e));
                        }
                        result = self.roots.stack[done.base as usize - 1];
                    }
                    self.roots.stack.truncate(done.base as usize - 1);
                    if self.roots.frames.len() <= stop_depth {
                        return Ok(result);
                    }
                    self.push(result);
                    reload!();
                }};
            }
            fuel -= 1;
            if fuel == 0 {
                interval = shared.switch_interval();
                fuel = interval;
                save_ip!();
                check!(self.tick(interval));
            }
            let op = code.ops[ip];
            ip += 1;
            if observed {
                save_ip!();
            }
            match op {
                Op::LoadConst { index } => {
                    let v = shared.consts[index as usize];
                    self.push(v)
                }
                Op::LoadNone => self.push(Value::NONE),
                Op::LoadBool { value } => self.push(Value::bool(value)),
                Op::LoadSmallInt { value } => self.push(Value::int(value as i64)),
                Op::LoadFunc { func } => self.push(Value::func(func)),
                Op::LoadLocal { slot } => {
                    let v = local!(slot);
                    self.push(v)
                }
                Op::StoreLocal { slot } => {
                    let v = self.pop();
                    self.roots.stack[frame.base as usize + slot as usize] = v;
                }
                // In a class body, a name not bound there yet is looked up as a global.
                Op::LoadClassLocal { slot, global } => {
                    let v = self.roots.stack[frame.base as usize + slot as usize];
                    let v = if v != Value::UNBOUND { v } else { check!(self.load_global(global)) };
                    self.push(v)
                }
                Op::LoadGlobal { global } => {
                    // `load_global`, written out here: the hottest load (a call would cost 4%).
                    self.core_step();
                    crate::step::record(crate::step::Resource::Global(global), crate::step::Access::Read);
                    let mut v = shared.global(global);
                    if v == Value::UNBOUND {
                        v = check!(self.builtin_fallback(global));
                    }
                    self.trace(|| EventKind::Load {
                        global,
                        name: program.globals[global as usize].to_string(),
                        value: self.brief(v),
                    });
                    self.push(v)
                }
                Op::StoreGlobal { global } => {
                    self.core_step();
                    let v = self.pop();
                    // Storing reads nothing of the global: equal stores commute.
                    crate::step::record(crate::step::Resource::Global(global), crate::step::Access::store(0, v));
                    shared.set_global(global, v);
                    self.trace(|| EventKind::Store {
                        global,
                        name: program.globals[global as usize].to_string(),
                        value: self.brief(v),
                    });
                }
                Op::Pop => {
                    self.pop();
                }
                Op::Dup => {
                    let v = self.top();
                    self.push(v)
                }
                Op::DupTwo => {
                    let n = self.roots.stack.len();
                    let (a, b) = (self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    self.push(a);
                    self.push(b);
                }
                Op::Rot3 => {
                    let n = self.roots.stack.len();
                    self.roots.stack[n - 3..].rotate_right(1);
                }
                Op::Unary { op } => {
                    let v = self.pop();
                    let r = check!(self.unary(op, v));
                    self.push(r)
                }
                Op::Binary { op } => {
                    let n = self.roots.stack.len();
                    let r = binary!(op, self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    self.roots.stack.truncate(n - 2);
                    self.push(r)
                }
                Op::InplaceBinary { op } => {
                    let n = self.roots.stack.len();
                    let r = arithmetic!(inplace_binary, op, self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    self.roots.stack.truncate(n - 2);
                    self.push(r)
                }
                Op::Compare { op } => {
                    let n = self.roots.stack.len();
                    let r = compare!(op, self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    self.roots.stack.truncate(n - 2);
                    self.push(Value::bool(r))
                }
                Op::Jump { target } => ip = target as usize,
                Op::Loop { target } => {
                    ip = target as usize;
                    crate::step::back_edge(|| {
                        use std::hash::{Hash, Hasher};
                        let mut hasher = std::collections::hash_map::DefaultHasher::new();
                        (frame.func.0, ip, self.roots.frames.len(), &self.roots.stack, &self.roots.withs)
                            .hash(&mut hasher);
                        hasher.finish()
                    });
                    P::spin_hint();
                    if !shared.config.bugs.has(Bug::NoSafepointBackedge) {
                        save_ip!();
                        self.safepoint();
                    }
                }
                Op::JumpIfFalse { target } => {
                    let v = self.pop();
                    let truth = match v.unpack() {
                        V::Bool(b) => b,
                        _ => check!(self.truthy(v)),
                    };
                    if !truth {
                        ip = target as usize;
                    }
                }
                // Fused instructions (see `Program::fuse`): `ip` is moved past each instruction of
                // the run before what that instruction could fail at, as the run would have it.
                Op::BinarySmallInt { op, value } => {
                    count_fused!(1);
                    ip += 1;
                    let r = binary!(op, self.top(), Value::int(value as i64));
                    self.set_top(r)
                }
                Op::CompareSmallIntJumpIfFalse { op, value, target } => {
                    count_fused!(2);
                    ip += 1;
                    let r = compare!(op, self.top(), Value::int(value as i64));
                    self.pop();
                    ip = if r { ip + 1 } else { target as usize };
                }
                Op::CompareJumpIfFalse { op, target } => {
                    count_fused!(1);
                    let n = self.roots.stack.len();
                    let r = compare!(op, self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    self.roots.stack.truncate(n - 2);
                    ip = if r { ip + 1 } else { target as usize };
                }
                Op::InplaceBinaryStoreLocal { op, slot } => {
                    count_fused!(1);
                    let n = self.roots.stack.len();
                    let r = arithmetic!(inplace_binary, op, self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    self.roots.stack.truncate(n - 2);
                    self.roots.stack[frame.base as usize + slot as usize] = r;
                    ip += 1;
                }
                Op::LoadLocalPair { first, second } => {
                    count_fused!(1);
                    let a = local!(first);
                    ip += 1;
                    let b = local!(second);
                    self.push(a);
                    self.push(b)
                }
                Op::LocalBinarySmallInt { slot, op, value } => {
                    count_fused!(2);
                    let r = local_op_small_int!(slot, op, value, ops::int_binary_fast, binary);
                    self.push(r)
                }
                Op::LocalCompareSmallIntJumpIfFalse { slot, op, value, target } => {
                    count_fused!(3);
                    let r = local_op_small_int!(slot, op, value, ops::int_compare, compare);
                    ip = if r { ip + 1 } else { target as usize };
                }
                Op::ForIterStoreLocal { exit, slot } => {
                    count_fused!(1);
                    let it = self.top();
                    let item = match it.as_range_iter() {
                        Some((next, stop)) if next < stop => {
                            self.set_top(Value::range_iter(next + 1, stop));
                            Some(Value::int(next as i64))
                        }
                        Some(_) => None,
                        None => check!(self.next_item(it)),
                    };
                    match item {
                        Some(v) => {
                            self.roots.stack[frame.base as usize + slot as usize] = v;
                            ip += 1;
                        }
                        None => {
                            self.pop();
                            ip = exit as usize;
                        }
                    }
                }
                Op::JumpIfTrue { target } => {
                    let v = self.pop();
                    if check!(self.truthy(v)) {
                        ip = target as usize;
                    }
                }
                Op::JumpIfFalseOrPop { target } => {
                    if !check!(self.truthy(self.top())) {
                        ip = target as usize;
                    } else {
                        self.pop();
                    }
                }
                Op::JumpIfTrueOrPop { target } => {
                    if check!(self.truthy(self.top())) {
                        ip = target as usize;
                    } else {
                        self.pop();
                    }
                }
                Op::BuildList { count } | Op::BuildTuple { count } => {
                    save_ip!();
                    self.safepoint();
                    let n = self.roots.stack.len();
                    let items = &self.roots.stack[n - count as usize..];
                    let object = {
                        let mut local = self.local_heap.borrow_mut();
                        match op {
                            Op::BuildList { .. } => Object::List(local.list_items(items)),
                            _ => Object::Tuple(local.tuple_items(items)),
                        }
                    };
                    let v = check!(self.alloc(object));
                    self.roots.stack.truncate(n - count as usize);
                    self.push(v)
                }
                Op::BuildDict { count } => {
                    save_ip!();
                    self.safepoint();
                    let v = check!(self.build_dict(count as usize));
                    self.push(v)
                }
                Op::GetItem => {
                    self.core_step();
                    let n = self.roots.stack.len();
                    let (obj, index) = (self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    let v = check!(self.get_item(obj, index));
                    self.trace(|| EventKind::GetItem {
                        object: self.brief(obj),
                        index: self.brief(index),
                        value: self.brief(v),
                    });
                    self.roots.stack.truncate(n - 2);
                    self.push(v)
                }
                Op::SetItem => {
                    self.core_step();
                    let n = self.roots.stack.len();
                    let (value, obj, index) =
                        (self.roots.stack[n - 3], self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    check!(self.set_item(obj, index, value));
                    self.trace(|| EventKind::SetItem {
                        object: self.brief(obj),
                        index: self.brief(index),
                        value: self.brief(value),
                    });
                    self.roots.stack.truncate(n - 3);
                }
                Op::DeleteItem => {
                    save_ip!();
                    self.core_step();
                    let n = self.roots.stack.len();
                    let (obj, index) = (self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    check!(self.del_item(obj, index));
                    self.roots.stack.truncate(n - 2);
                }
                Op::DeleteAttr { name, key } => {
                    save_ip!();
                    self.core_step();
                    let obj = self.top();
                    check!(self.del_attr(obj, &program.names[name as usize], shared.consts[key as usize]));
                    self.pop();
                }
                Op::DeleteLocal { slot } => {
                    local!(slot);
                    self.roots.stack[frame.base as usize + slot as usize] = Value::UNBOUND;
                }
                Op::DeleteGlobal { global } => {
                    self.core_step();
                    crate::step::record(crate::step::Resource::Global(global), crate::step::Access::Write);
                    if shared.global(global) == Value::UNBOUND {
                        let name = crate::library::plain_name(&program.globals[global as usize]);
                        check!(Err(Exception::new(ErrorKind::NameError, format!("name '{name}' is not defined"))));
                    }
                    shared.set_global(global, Value::UNBOUND);
                }
                Op::GetAttr { name } => {
                    save_ip!();
                    let obj = self.top();
                    if obj.handle().is_some() {
                        self.core_step();
                    }
                    let v = check!(self.get_attr(obj, &program.names[name as usize]));
                    if obj.handle().is_some() {
                        self.trace(|| EventKind::GetAttr {
                            object: self.brief(obj),
                            name: program.names[name as usize].clone(),
                            value: self.brief(v),
                        });
                    }
                    self.set_top(v)
                }
                Op::SetAttr { name, key } => {
                    save_ip!();
                    self.core_step();
                    let n = self.roots.stack.len();
                    let (value, obj) = (self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    check!(self.set_attr(obj, &program.names[name as usize], shared.consts[key as usize], value));
                    self.trace(|| EventKind::SetAttr {
                        object: self.brief(obj),
                        name: program.names[name as usize].clone(),
                        value: self.brief(value),
                    });
                    self.roots.stack.truncate(n - 2);
                }
                Op::BuildNamespace => {
                    let v = check!(self.build_namespace());
                    self.push(v)
                }
                Op::BuildClass { name, bases } => {
                    let v = check!(self.build_class(name, bases));
                    self.push(v)
                }
                Op::CheckMethod { name } => {
                    let receiver = self.top();
                    check!(self.check_method(receiver, name));
                }
                Op::CallMethod { name, argc } => {
                    save_ip!();
                    self.safepoint();
                    match check!(self.call_method(name, argc)) {
                        Some(v) => self.push(v),
                        None => {
                            reload!();
                        }
                    }
                }
                Op::Call { argc } => {
                    save_ip!();
                    self.safepoint();
                    let callee_at = self.roots.stack.len() - argc as usize - 1;
                    if let V::Func(func) = self.roots.stack[callee_at].unpack() {
                        check!(self.push_frame(func, argc));
                        reload!();
                    } else if let Some(v) = check!(self.call_value(argc)) {
                        self.push(v);
                    } else {
                        reload!();
                    }
                }
                Op::CallKw { argc, names } => {
                    save_ip!();
                    self.safepoint();
                    let callee_at = self.roots.stack.len() - argc as usize - 1;
                    match check!(self.call_with_keywords(callee_at, &program.keyword_names[names as usize])) {
                        Some(v) => self.push(v),
                        None => {
                            reload!();
                        }
                    }
                }
                Op::CallMethodKw { name, argc, names } => {
                    save_ip!();
                    self.safepoint();
                    let receiver_at = self.roots.stack.len() - usize::from(argc) - 1;
                    match check!(self.call_method_keywords(
                        name,
                        receiver_at,
                        &program.keyword_names[usize::from(names)]
                    )) {
                        Some(v) => self.push(v),
                        None => {
                            reload!();
                        }
                    }
                }
                Op::CallEx => {
                    save_ip!();
                    self.safepoint();
                    let callee_at = self.roots.stack.len() - 3;
                    let names = check!(self.spread_call_arguments());
                    match check!(self.call_with_keywords(callee_at, &names)) {
                        Some(v) => self.push(v),
                        None => {
                            reload!();
                        }
                    }
                }
                Op::CallMethodEx { name } => {
                    save_ip!();
                    self.safepoint();
                    let receiver_at = self.roots.stack.len() - 3;
                    let names = check!(self.spread_call_arguments());
                    match check!(self.call_method_keywords(name, receiver_at, &names)) {
                        Some(v) => self.push(v),
                        None => {
                            reload!();
                        }
                    }
                }
                Op::ListAppend => check!(self.call_list_append()),
                Op::ListExtend => {
                    save_ip!();
                    check!(self.call_list_extend())
                }
                Op::KeywordAdd => check!(self.call_keyword_add()),
                Op::DictMerge => {
                    save_ip!();
                    check!(self.dict_merge())
                }
                Op::KeywordMerge => {
                    save_ip!();
                    check!(self.call_keyword_merge())
                }
                Op::MakeFunction { func, count } => {
                    let n = self.roots.stack.len();
                    let code = program.code(func);
                    let frees = code.frees as usize;
                    let first = n - count as usize - frees;
                    let mut defaults = vec![Value::UNBOUND; code.params as usize + code.kwonly as usize];
                    for (&slot, &v) in code.default_slots.iter().zip(&self.roots.stack[first..n - frees]) {
                        defaults[slot as usize] = v;
                    }
                    let closure: Box<[Value]> = self.roots.stack[n - frees..].into();
                    let f = crate::heap::FunctionObject {
                        func,
                        defaults: defaults.into_boxed_slice(),
                        closure,
                        names: None,
                    };
                    let v = check!(self.alloc(Object::Function(Box::new(f))));
                    self.roots.stack.truncate(first);
                    self.push(v)
                }
                Op::MakeCell { slot } => {
                    let at = frame.base as usize + slot as usize;
                    let v = self.roots.stack[at];
                    let cell = check!(self.alloc(Object::Cell(v)));
                    self.roots.stack[at] = cell;
                }
                Op::LoadCell { slot } => {
                    let cell = self.roots.stack[frame.base as usize + slot as usize];
                    self.push(cell)
                }
                Op::LoadDeref { slot } => {
                    save_ip!();
                    self.core_step();
                    let v = check!(self.load_deref(slot));
                    self.push(v)
                }
                Op::StoreDeref { slot } => {
                    save_ip!();
                    self.core_step();
                    let v = self.pop();
                    check!(self.store_deref(slot, v));
                }
                Op::AppendTo { slot } => {
                    let v = self.pop();
                    let list = self.roots.stack[frame.base as usize + slot as usize];
                    check!(self.append_to(list, v));
                }
                Op::SetEntryIn { slot } => {
                    let n = self.roots.stack.len();
                    let (key, value) = (self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    let dict = self.roots.stack[frame.base as usize + slot as usize];
                    if let Some(d) = dict.handle() {
                        check!(self.dict_set(d, key, value));
                    }
                    self.roots.stack.truncate(n - 2);
                }
                Op::Return => {
                    let result = self.pop();
                    return_value!(result);
                }
                Op::GenReturn => {
                    let result = self.pop();
                    // The generator's frame starts with the generator itself.
                    check!(self.finish_generator(frame.base as usize - 1));
                    return_value!(result);
                }
                Op::BuildSet { count, folded } => {
                    let n = self.roots.stack.len();
                    let at = n - count as usize;
                    let items = self.roots.stack[at..].to_vec();
                    let set = check!(self.new_set(&items, folded));
                    self.roots.stack.truncate(at);
                    self.push(set);
                }
                Op::SetAddTo { slot } => {
                    let v = self.top();
                    let set = self.roots.stack[frame.base as usize + slot as usize];
                    check!(self.set_add(set, v));
                    self.pop();
                }
                Op::BuildSlice => {
                    let n = self.roots.stack.len();
                    let (start, stop, step) =
                        (self.roots.stack[n - 3], self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    let slice = check!(self.new_slice(start, stop, step));
                    self.roots.stack.truncate(n - 3);
                    self.push(slice);
                }
                Op::GenStart => {
                    let generator = check!(self.make_generator(ip as u32));
                    return_value!(generator);
                }
                Op::Yield => {
                    let value = self.pop();
                    check!(self.suspend_generator(ip as u32));
                    debug_assert!(self.roots.frames.len() <= stop_depth, "a generator runs in an execute of its own");
                    return Ok(value);
                }
                Op::YieldFrom => {
                    save_ip!();
                    let n = self.roots.stack.len();
                    let (it, sent) = (self.roots.stack[n - 2], self.roots.stack[n - 1]);
                    match check!(self.delegate(it, sent)) {
                        generators::GenStep::Yielded(value) => {
                            self.pop();
                            // Resumed, it comes back here with the value sent.
                            check!(self.suspend_generator(ip as u32 - 1));
                            return Ok(value);
                        }
                        generators::GenStep::Returned(result) => {
                            self.roots.stack.truncate(n - 2);
                            self.push(result);
                        }
                    }
                }
                Op::GetIter => {
                    save_ip!();
                    self.safepoint();
                    let v = self.pop();
                    let it = match self.immediate_range_iterator(v) {
                        Some(it) => it,
                        None => check!(self.get_iter(v)),
                    };
                    self.push(it)
                }
                Op::ForIter { exit } => {
                    let it = self.top();
                    if let Some((next, stop)) = it.as_range_iter() {
                        if next < stop {
                            let n = self.roots.stack.len();
                            self.roots.stack[n - 1] = Value::range_iter(next + 1, stop);
                            self.push(Value::int(next as i64));
                        } else {
                            self.pop();
                            ip = exit as usize;
                        }
                        continue;
                    }
                    save_ip!();
                    match check!(self.next_item(it)) {
                        Some(v) => self.push(v),
                        None => {
                            self.pop();
                            ip = exit as usize;
                        }
                    }
                }
                Op::Unpack { count } => {
                    save_ip!();
                    self.safepoint();
                    let seq = self.top();
                    let items = check!(self.unpack(seq, count as usize));
                    self.pop();
                    self.roots.stack.extend(items.into_iter().rev());
                }
                Op::UnpackEx { before, after } => {
                    save_ip!();
                    self.safepoint();
                    let seq = self.top();
                    let items = check!(self.unpack_starred(seq, before as usize, after as usize));
                    self.pop();
                    self.roots.stack.extend(items.into_iter().rev());
                }
                Op::DisplayExtend => {
                    save_ip!();
                    check!(self.display_extend())
                }
                Op::ListToTuple | Op::ListToSet => {
                    save_ip!();
                    let list = self.top();
                    let items = check!(self.iterate(list));
                    let made = if op == Op::ListToTuple {
                        check!(self.new_tuple(items))
                    } else {
                        check!(self.new_set(&items, false))
                    };
                    self.set_top(made);
                }
                Op::Import { name } => {
                    let name = &program.names[name as usize];
                    let module = check!(shared.find_module(name).ok_or_else(|| Exception::new(
                        ErrorKind::ModuleNotFoundError,
                        format!("No module named '{name}'")
                    )));
                    let not_free_threaded = crate::modules::extension(module).is_some_and(|m| !m.free_threaded);
                    if shared.config.mode == Mode::GilOnImport && not_free_threaded && !shared.coordinator.gil_enabled()
                    {
                        // CPython 3.13t: importing a module without Py_mod_gil turns the GIL on for good.
                        self.begin_exclusive();
                        shared.coordinator.enable_gil();
                        self.end_exclusive();
                    }
                    if let Some(library) = crate::modules::library(module) {
                        save_ip!();
                        check!(self.import_library(library));
                    }
                    self.push(Value::module(module))
                }
                Op::ImportFrom { name } => {
                    let module = self.top();
                    let attribute = &program.names[name as usize];
                    let v = check!(self.get_attr(module, attribute).map_err(|_| {
                        let module_name = match module.unpack() {
                            V::Module(m) => crate::modules::name(m),
                            _ => "?",
                        };
                        Exception::new(
                            ErrorKind::ImportError,
                            format!("cannot import name '{attribute}' from '{module_name}' (unknown location)"),
                        )
                    }));
                    self.push(v)
                }
                Op::WithEnd => {
                    save_ip!();
                    self.roots.blocks.pop();
                    let ctx = self.roots.withs.pop().expect("the compiler pairs WithEnter and WithEnd");
                    check!(self.exit_with(ctx, None));
                }
                Op::WithEnter { handler, bind } => {
                    save_ip!();
                    let v = self.top();
                    let entered = check!(self.enter_with(v));
                    self.pop();
                    self.setup_try(handler);
                    if bind {
                        self.push(entered);
                    }
                }
                Op::WithExit => {
                    save_ip!();
                    let ctx = self.roots.withs.pop().expect("the compiler pairs WithEnter and WithExit");
                    let exc = self.top();
                    let suppress = check!(self.exit_with(ctx, Some(exc)));
                    self.push(Value::bool(suppress));
                }
                Op::SetupTry { handler } => self.setup_try(handler),
                Op::PopBlock => {
                    self.roots.blocks.pop();
                }
                Op::ExceptMatch => {
                    let class = self.pop();
                    let exc = self.top();
                    let matched = check!(self.except_match(exc, class));
                    self.set_top(Value::bool(matched));
                }
                Op::PopExcept => self.pop_except(),
                Op::Reraise => {
                    let e = self.reraise();
                    check!(Err::<(), Exception>(e));
                }
                Op::Raise { argc } => {
                    let e = self.raise(argc);
                    check!(Err::<(), Exception>(e));
                }
                Op::FormatValue { conversion, spec } => {
                    let spec = if spec { Some(self.pop()) } else { None };
                    let v = self.top();
                    let text = check!(self.format_field(v, conversion, spec));
                    let s = check!(self.new_str(text));
                    self.set_top(s);
                }
                Op::BuildString { count } => {
                    let n = self.roots.stack.len();
                    let mut text = String::new();
                    for at in n - count as usize..n {
                        let v = self.roots.stack[at];
                        text.push_str(&check!(self.str_of(v)));
                    }
                    let s = check!(self.new_str(text));
                    self.roots.stack.truncate(n - count as usize);
                    self.push(s);
                }
                Op::Swap => {
                    let n = self.roots.stack.len();
                    self.roots.stack.swap(n - 1, n - 2);
                }
                Op::AssertFail { has_message } => {
                    let message = if has_message {
                        let v = self.top();
                        check!(self.str_of(v))
                    } else {
                        String::new()
                    };
                    check!(Err(Exception::new(ErrorKind::AssertionError, message)));
                }
            }
        }
    }

    /// The value of global `global`, or the builtin of its name while it is unbound, or
    /// NameError (`LoadGlobal`, which has it written out).
    fn load_global(&mut self, global: u32) -> Result<Value, Exception> {
        let shared: &Shared<P> = self.shared;
        self.core_step();
        crate::step::record(crate::step::Resource::Global(global), crate::step::Access::Read);
        let mut v = shared.global(global);
        if v == Value::UNBOUND {
            v = self.builtin_fallback(global)?;
        }
        self.trace(|| EventKind::Load {
            global,
            name: shared.program.globals[global as usize].to_string(),
            value: self.brief(v),
        });
        Ok(v)
    }

    /// The builtin named as unbound global `global`, or NameError.
    fn builtin_fallback(&self, global: u32) -> Result<Value, Exception> {
        let v = self.shared.global_fallbacks[global as usize];
        if v == Value::UNBOUND {
            let name = crate::library::plain_name(&self.shared.program.globals[global as usize]);
            return Err(Exception::new(ErrorKind::NameError, format!("name '{name}' is not defined")));
        }
        Ok(v)
    }

    /// `with v`: acquires lock `v`, or calls `v.__enter__()`, and remembers `v` for the end of
    /// the block; returns what `as` binds (`True` for a lock).
    fn enter_with(&mut self, v: Value) -> Result<Value, Exception> {
        if let V::Obj(h) = v.unpack() {
            if self.shared.heap.kind(h)? == crate::heap::Kind::Lock {
                self.acquire_lock(h)?;
                self.roots.withs.push(h);
                return Ok(Value::TRUE);
            }
            if let Some(class) = self.class_of(v)? {
                if self.class_lookup(class, "__exit__")?.is_some() {
                    if let Some(entered) = self.call_special(v, "__enter__", &[])? {
                        self.roots.withs.push(h);
                        return Ok(entered);
                    }
                }
            }
        }
        let type_name = self.type_name(v)?;
        Err(crate::error::type_error(format!("'{type_name}' object does not support the context manager protocol")))
    }

    /// The end of `with ctx`: releases lock `ctx`, or calls `ctx.__exit__` with the exception
    /// `exc` that ended the block (or three Nones); whether the exception is suppressed.
    fn exit_with(&mut self, ctx: Handle, exc: Option<Value>) -> Result<bool, Exception> {
        if self.shared.heap.kind(ctx)? == crate::heap::Kind::Lock {
            self.release_lock(ctx)?;
            return Ok(false);
        }
        let args = match exc {
            Some(e) => [self.type_of(e)?, e, Value::NONE],
            None => [Value::NONE; 3],
        };
        let result = self.call_special(Value::obj(ctx), "__exit__", &args)?.unwrap_or(Value::NONE);
        Ok(exc.is_some() && self.truthy(result)?)
    }
}

/// The error for a read of local `name` before it was assigned.
#[cold]
fn unbound_local(name: &str) -> Exception {
    Exception::new(
        ErrorKind::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}
