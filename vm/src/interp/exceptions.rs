//! Raising and catching: `try`/`except`/`else`/`finally`, `raise`, and the unwinding that takes
//! an exception from where it was raised to the innermost `try` block of the thread.
//!
//! A `try` block is a runtime block (CPython's `SETUP_FINALLY` before 3.11): `SetupTry` records
//! the handler and the stack's height, `PopBlock` leaves it. An error inside unwinds the frames
//! and the stack to the block, pushes the exception object and jumps to the handler, which the
//! compiler wrote as a chain of `except` tests ending in `Reraise`. Nothing is paid on the path
//! that raises nothing but the two instructions. The VM's own findings (a use after free, a touch
//! outside the EML, the step limit, an internal error) are no Python exceptions: nothing catches
//! them.

use super::Interp;
use crate::builtins::Builtin;
use crate::error::{type_error, ErrorKind, Exception, TraceFrame};
use crate::heap::{ExceptionObject, Kind, Object};
use crate::platform::Platform;
use crate::thread_state::Block;
use crate::value::{Value, V};

impl<P: Platform> Interp<'_, P> {
    /// Enters the handler of the innermost `try` block of this execution (a frame above
    /// `stop_depth`) for `e`; gives `e` back when there is none, with the frames left as they
    /// are for its traceback.
    #[cold]
    #[inline(never)]
    pub(crate) fn unwind(&mut self, mut e: Exception, stop_depth: usize) -> Result<(), Exception> {
        if !e.kind.is_catchable() {
            return Err(e);
        }
        let Some(&block) = self.roots.blocks.last() else { return Err(e) };
        if block.frames as usize <= stop_depth {
            return Err(e);
        }
        let value = match self.exception_value(&e) {
            Ok(v) => v,
            Err(_) => return Err(e),
        };
        let origin = self.origin(&mut e, block.frames as usize - 1);
        self.roots.blocks.pop();
        self.roots.frames.truncate(block.frames as usize);
        self.roots.stack.truncate(block.stack as usize);
        self.roots.handling.truncate(block.handling as usize);
        self.roots.stack.push(value);
        self.roots.handling.push((value, origin));
        self.roots.frames.last_mut().expect("a block has a frame").ip = block.handler;
        Ok(())
    }

    /// Where `e` was raised, from frame `from` (the handler's) down, innermost last: the frames
    /// on the stack now, and below the raising one, where a re-raised exception started.
    pub(crate) fn origin(&self, e: &mut Exception, from: usize) -> Vec<TraceFrame> {
        let mut frames = self.traceback();
        match e.origin.take() {
            Some(earlier) => {
                // The top frame re-raised it; `earlier` starts with that frame, where it began.
                frames.truncate(frames.len().saturating_sub(1));
                let mut origin: Vec<TraceFrame> = frames.into_iter().skip(from).collect();
                origin.extend(earlier);
                origin
            }
            None => frames.into_iter().skip(from).collect(),
        }
    }

    /// The traceback of an error that no handler caught, as CPython prints it.
    pub(crate) fn uncaught_traceback(&self, e: &Exception) -> Vec<TraceFrame> {
        let mut frames = self.traceback();
        if let Some(origin) = &e.origin {
            frames.truncate(frames.len().saturating_sub(1));
            frames.extend(origin.iter().cloned());
        }
        frames
    }

    /// The exception object for `e`: the one the program raised, or one made for an error the
    /// VM raised (its message is what `str()` shows).
    fn exception_value(&mut self, e: &Exception) -> Result<Value, Exception> {
        if let Some(v) = e.value {
            if let V::Obj(h) = v.unpack() {
                if self.shared.heap.kind(h).ok() == Some(Kind::Exception) {
                    return Ok(v);
                }
            }
        }
        let args = if e.message.is_empty() { Vec::new() } else { vec![self.new_str(e.message.as_str())?] };
        let object = ExceptionObject::new(e.kind, args.into_boxed_slice(), Some(e.message.clone()));
        self.alloc(Object::Exception(Box::new(object)))
    }

    /// The kind of exception object `v`, if it is one.
    fn exception_kind(&self, v: Value) -> Result<Option<ErrorKind>, Exception> {
        Ok(match v.unpack() {
            V::Obj(h) if self.shared.heap.kind(h)? == Kind::Exception => {
                self.shared.heap.read_fixed(h, |o| if let Object::Exception(e) = o { Some(e.kind) } else { None })?
            }
            _ => None,
        })
    }

    /// The error that raising exception object `v` is (`raise v`).
    pub(crate) fn raising(&mut self, v: Value, kind: ErrorKind, origin: Option<Vec<TraceFrame>>) -> Exception {
        let message = self.str_of(v).unwrap_or_default();
        let mut e = Exception::new(kind, message);
        e.value = Some(v);
        e.origin = origin;
        if let Ok(Some(class)) = self.class_of(v) {
            e.class_name = self
                .shared
                .heap
                .read(class, |o| match o {
                    Object::Class(c) => Some(c.name),
                    _ => None,
                })
                .ok()
                .flatten();
        }
        e
    }

    /// `SetupTry`: enters a `try` block with its handler at `handler`.
    pub(crate) fn setup_try(&mut self, handler: u32) {
        let roots = &mut *self.roots;
        roots.blocks.push(Block {
            frames: roots.frames.len() as u32,
            handler,
            stack: roots.stack.len() as u32,
            handling: roots.handling.len() as u32,
        });
    }

    /// `ExceptMatch`: `exc class` -> whether `exc` is an instance of `class` (or of a class in a
    /// tuple of them).
    pub(crate) fn except_match(&mut self, exc: Value, class: Value) -> Result<bool, Exception> {
        let kind = self.exception_kind(exc)?.unwrap_or(ErrorKind::BaseException);
        let classes = match class.unpack() {
            V::Obj(h) if self.shared.heap.kind(h)? == Kind::Tuple => self.iterate(class)?,
            _ => vec![class],
        };
        let own_class = self.class_of(exc)?;
        let mut matched = false;
        for c in classes {
            match c.unpack() {
                V::Builtin(b) => match Builtin::from_id(b) {
                    Builtin::Error(k) => matched |= kind.is_a(k),
                    _ => return Err(not_a_class()),
                },
                V::Obj(h) if self.shared.heap.kind(h)? == Kind::Class => {
                    let is_exception_class =
                        self.shared.heap.read(h, |o| matches!(o, Object::Class(c) if c.exception.is_some()))?;
                    if !is_exception_class {
                        return Err(not_a_class());
                    }
                    if let Some(own) = own_class {
                        matched |= self.is_subclass_of(own, h)?;
                    }
                }
                _ => return Err(not_a_class()),
            }
        }
        Ok(matched)
    }

    /// `PopExcept`: the handler of the exception on top of the stack is done with it.
    pub(crate) fn pop_except(&mut self) {
        self.roots.stack.pop();
        self.roots.handling.pop();
    }

    /// `Reraise`: raises the exception on top of the stack again, from where it began.
    pub(crate) fn reraise(&mut self) -> Exception {
        let v = self.roots.stack.pop().expect("the compiler balances the stack");
        let origin = self.roots.handling.pop().map(|(_, origin)| origin);
        let kind = self.exception_kind(v).ok().flatten().unwrap_or(ErrorKind::BaseException);
        self.raising(v, kind, origin)
    }

    /// `raise` with `argc` operands on the stack: none (the exception being handled), an
    /// exception (a class is instantiated), or an exception and its cause.
    pub(crate) fn raise(&mut self, argc: u32) -> Exception {
        match self.try_raise(argc) {
            Ok(e) | Err(e) => e,
        }
    }

    fn try_raise(&mut self, argc: u32) -> Result<Exception, Exception> {
        if argc == 0 {
            let Some((v, origin)) = self.roots.handling.last().cloned() else {
                return Ok(Exception::new(ErrorKind::RuntimeError, "No active exception to reraise"));
            };
            let kind = self.exception_kind(v)?.unwrap_or(ErrorKind::BaseException);
            return Ok(self.raising(v, kind, Some(origin)));
        }
        if argc == 2 {
            let cause = self.roots.stack.pop().expect("the compiler balances the stack");
            let is_exception = cause == Value::NONE || self.exception_kind(cause)?.is_some() || is_class(cause);
            if !is_exception {
                return Err(type_error("exception causes must derive from BaseException"));
            }
        }
        let v = self.roots.stack.pop().expect("the compiler balances the stack");
        let v = match v.unpack() {
            V::Builtin(b) => match Builtin::from_id(b) {
                Builtin::Error(kind) => {
                    let object = ExceptionObject::new(kind, Box::new([]), None);
                    self.alloc(Object::Exception(Box::new(object)))?
                }
                _ => return Err(type_error("exceptions must derive from BaseException")),
            },
            // `raise MyError`: the class is called with no arguments.
            V::Obj(h) if self.shared.heap.kind(h)? == Kind::Class => {
                let is_exception_class =
                    self.shared.heap.read(h, |o| matches!(o, Object::Class(c) if c.exception.is_some()))?;
                if !is_exception_class {
                    return Err(type_error("exceptions must derive from BaseException"));
                }
                self.call_from_native(v, &[])?
            }
            _ => v,
        };
        match self.exception_kind(v)? {
            Some(kind) => Ok(self.raising(v, kind, None)),
            None => Err(type_error("exceptions must derive from BaseException")),
        }
    }
}

fn is_class(v: Value) -> bool {
    matches!(v.unpack(), V::Builtin(b) if matches!(Builtin::from_id(b), Builtin::Error(_)))
}

fn not_a_class() -> Exception {
    type_error("catching classes that do not inherit from BaseException is not allowed")
}
