//! Generators: the frame of a generator function's call moves into a heap object when the call
//! begins (`GenStart`), onto the stack of whichever thread resumes it (`next`, a `for` loop,
//! `send`, `throw`, `close`, `yield from`), and back into the object at each `yield`.
//!
//! A resumed generator runs in a nested [`Interp::execute`] whose stop depth is the frame below
//! it, so that its `yield` and its `return` both return from that `execute`; the generator's
//! state tells which it was. Resuming and suspending write the generator object, so the
//! checker sees two threads that share a generator race on it (and CPython's "generator already
//! executing" where one resumes it while the other runs it).

use super::Interp;
use crate::error::{type_error, value_error, ErrorKind, Exception};
use crate::heap::{GenState, GeneratorObject, Handle, Object};
use crate::platform::Platform;
use crate::thread_state::{Block, Frame};
use crate::value::Value;

/// How a generator is resumed.
pub(crate) enum Resume {
    /// `next(gen)`, a `for` loop: the `yield` it stopped at gives None.
    Next,
    /// `gen.send(value)`: the `yield` gives `value`.
    Send(Value),
    /// `gen.throw(e)`, `gen.close()`: the `yield` raises `e`.
    Throw(Exception),
}

/// What a resumed generator did.
pub(crate) enum GenStep {
    Yielded(Value),
    /// It returned (or was already finished): the value is its return value.
    Returned(Value),
}

/// A suspended generator's frame, taken out of the object to run.
struct Taken {
    func: crate::bytecode::FuncId,
    ip: u32,
    stack: Vec<Value>,
    blocks: Vec<Block>,
    handling: Vec<(Value, Vec<crate::error::TraceFrame>)>,
    withs: Vec<Handle>,
    started: bool,
}

enum Take {
    Frame(Box<Taken>),
    Running,
    Done,
    /// `send(x)` with `x` not None into a generator that has not started.
    NotStarted,
}

impl<P: Platform> Interp<'_, P> {
    /// `GenStart`: the frame on top (a call's, its arguments bound) becomes a new generator that
    /// goes on at `resume_ip`; returns it (the call's result).
    pub(crate) fn make_generator(&mut self, resume_ip: u32) -> Result<Value, Exception> {
        let frame = *self.roots.frames.last().expect("GenStart runs in a frame");
        let gen = self.alloc(Object::Generator(Box::new(GeneratorObject::new(frame.func))))?;
        let h = gen.handle().expect("a generator is an object");
        let mut stack = self.roots.stack[frame.base as usize - 1..].to_vec();
        stack[0] = gen;
        self.shared.heap.write(h, |o| {
            if let Object::Generator(g) = o {
                g.stack = stack;
                g.ip = resume_ip;
            }
        })?;
        Ok(gen)
    }

    /// `Yield` (and a `YieldFrom` whose iterator yielded): moves the generator's frame, the top
    /// one, back into the generator, which will go on at `resume_ip`.
    pub(crate) fn suspend_generator(&mut self, resume_ip: u32) -> Result<(), Exception> {
        let frame = self.roots.frames.pop().expect("a generator's frame");
        let bottom = frame.base as usize - 1;
        let h = self.roots.stack[bottom].handle().expect("a generator frame has its generator below its locals");
        let depth = self.roots.frames.len();
        let entry = self.shared.heap.read(h, |o| match o {
            Object::Generator(g) => g.entry,
            _ => (0, 0),
        })?;
        let mut blocks = Vec::new();
        while let Some(&b) = self.roots.blocks.last().filter(|b| b.frames as usize > depth) {
            self.roots.blocks.pop();
            blocks.push(Block {
                frames: 0,
                handler: b.handler,
                stack: b.stack - bottom as u32,
                handling: b.handling - entry.0,
            });
        }
        blocks.reverse();
        let handling: Vec<_> = self.roots.handling.drain(entry.0 as usize..).collect();
        let withs: Vec<_> = self.roots.withs.drain(entry.1 as usize..).collect();
        let stack: Vec<Value> = self.roots.stack.drain(bottom..).collect();
        self.shared.heap.write(h, |o| {
            if let Object::Generator(g) = o {
                g.state = GenState::Suspended;
                g.ip = resume_ip;
                g.stack = stack;
                g.blocks = blocks;
                g.handling = handling;
                g.withs = withs;
            }
        })?;
        Ok(())
    }

    /// A generator's `return`: it is finished. `bottom` is where its frame starts on the stack.
    pub(crate) fn finish_generator(&mut self, bottom: usize) -> Result<(), Exception> {
        let h = self.roots.stack[bottom].handle().expect("a generator frame has its generator below its locals");
        self.shared.heap.write(h, |o| {
            if let Object::Generator(g) = o {
                g.finish()
            }
        })?;
        Ok(())
    }

    /// Resumes generator `gen` and runs it until it yields, returns or raises.
    pub(crate) fn resume_generator(&mut self, gen: Value, how: Resume) -> Result<GenStep, Exception> {
        let h = gen.handle().expect("a generator is an object");
        let limit = P::max_callback_nesting(self.slot.number == 0);
        if self.callbacks >= limit {
            return Err(Exception::new(
                ErrorKind::RecursionError,
                format!(
                    "maximum recursion depth exceeded: generators resumed inside each other nest at most {limit} deep"
                ),
            ));
        }
        let depth = self.roots.frames.len();
        let height = self.roots.stack.len();
        let entry = (self.roots.handling.len() as u32, self.roots.withs.len() as u32);
        let sending_to_new = matches!(how, Resume::Send(v) if v != Value::NONE);
        let take = self.shared.heap.write(h, |o| {
            let Object::Generator(g) = o else { return Take::Done };
            match g.state {
                GenState::Running => Take::Running,
                GenState::Done => Take::Done,
                GenState::Created if sending_to_new => Take::NotStarted,
                state => {
                    g.state = GenState::Running;
                    g.entry = entry;
                    Take::Frame(Box::new(Taken {
                        func: g.func,
                        ip: g.ip,
                        stack: std::mem::take(&mut g.stack),
                        blocks: std::mem::take(&mut g.blocks),
                        handling: std::mem::take(&mut g.handling),
                        withs: std::mem::take(&mut g.withs),
                        started: state == GenState::Suspended,
                    }))
                }
            }
        })?;
        let taken = match take {
            Take::Frame(taken) => taken,
            Take::Running => return Err(value_error("generator already executing")),
            Take::NotStarted => return Err(type_error("can't send non-None value to a just-started generator")),
            Take::Done => {
                return match how {
                    Resume::Throw(e) => Err(e),
                    _ => Ok(GenStep::Returned(Value::NONE)),
                }
            }
        };
        let Taken { func, ip, stack, blocks, handling, withs, started } = *taken;
        self.roots.stack.extend(stack);
        self.roots.frames.push(Frame { func, ip, base: height as u32 + 1, init: false });
        for b in blocks {
            self.roots.blocks.push(Block {
                frames: depth as u32 + 1,
                handler: b.handler,
                stack: b.stack + height as u32,
                handling: b.handling + entry.0,
            });
        }
        self.roots.handling.extend(handling);
        self.roots.withs.extend(withs);
        self.callbacks += 1;
        let result = match how {
            Resume::Throw(e) => self.unwind(e, depth).and_then(|()| self.execute(depth)),
            Resume::Send(v) if started => {
                self.roots.stack.push(v);
                self.execute(depth)
            }
            Resume::Next if started => {
                self.roots.stack.push(Value::NONE);
                self.execute(depth)
            }
            _ => self.execute(depth),
        };
        self.callbacks -= 1;
        match result {
            Ok(v) => {
                let state = self.shared.heap.read(h, |o| match o {
                    Object::Generator(g) => g.state,
                    _ => GenState::Done,
                })?;
                Ok(if state == GenState::Suspended { GenStep::Yielded(v) } else { GenStep::Returned(v) })
            }
            Err(mut e) => {
                if e.kind.is_catchable() {
                    // Its frames go (the caller may handle the error); their lines stay in the
                    // traceback.
                    if depth > 0 {
                        let origin = self.origin(&mut e, depth - 1);
                        e.origin = Some(origin);
                    }
                    let roots = &mut *self.roots;
                    roots.frames.truncate(depth);
                    roots.stack.truncate(height);
                    roots.handling.truncate(entry.0 as usize);
                    roots.withs.truncate(entry.1 as usize);
                    while roots.blocks.last().is_some_and(|b| b.frames as usize > depth) {
                        roots.blocks.pop();
                    }
                }
                self.shared.heap.write(h, |o| {
                    if let Object::Generator(g) = o {
                        g.finish()
                    }
                })?;
                if e.kind == ErrorKind::StopIteration {
                    // PEP 479: a StopIteration escaping a generator would end the loop over it
                    // silently.
                    let mut error = Exception::new(ErrorKind::RuntimeError, "generator raised StopIteration");
                    error.origin = e.origin.take();
                    return Err(error);
                }
                Err(e)
            }
        }
    }

    /// The next item of generator `gen` for a loop or `next()`: None when it is finished.
    pub(crate) fn next_of_generator(&mut self, gen: Value) -> Result<Option<Value>, Exception> {
        Ok(match self.resume_generator(gen, Resume::Next)? {
            GenStep::Yielded(v) => Some(v),
            GenStep::Returned(_) => None,
        })
    }

    /// The StopIteration a finished generator's `send` (or `next()`) raises: it carries the
    /// generator's return value as `value`.
    pub(crate) fn stop_iteration(&mut self, value: Value) -> Result<Exception, Exception> {
        if value == Value::NONE {
            return Ok(Exception::new(ErrorKind::StopIteration, ""));
        }
        let object = crate::heap::ExceptionObject::new(ErrorKind::StopIteration, Box::new([value]), None);
        let exc = self.alloc(Object::Exception(Box::new(object)))?;
        let key = self.new_str("value")?;
        self.set_attr(exc, "value", key, value)?;
        let message = self.str_of(value)?;
        let mut e = Exception::new(ErrorKind::StopIteration, message);
        e.value = Some(exc);
        Ok(e)
    }

    /// `gen.send(value)`, `gen.throw(exc)`, `gen.close()`.
    pub(crate) fn generator_method(&mut self, gen: Value, method: &str, args: &[Value]) -> Result<Value, Exception> {
        let step = match method {
            "send" => {
                super::calls::arity("send", args, 1, 1)?;
                self.resume_generator(gen, Resume::Send(args[0]))?
            }
            "throw" => {
                super::calls::arity("throw", args, 1, 3)?;
                self.roots.stack.push(args[0]);
                let e = self.raise(1);
                self.resume_generator(gen, Resume::Throw(e))?
            }
            _ => {
                super::calls::arity("close", args, 0, 0)?;
                return self.close_generator(gen).map(|()| Value::NONE);
            }
        };
        match step {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => Err(self.stop_iteration(v)?),
        }
    }

    /// `gen.close()`: GeneratorExit where it stopped; its `finally` blocks run.
    fn close_generator(&mut self, gen: Value) -> Result<(), Exception> {
        let h = gen.handle().expect("a generator is an object");
        let state = self.shared.heap.read(h, |o| match o {
            Object::Generator(g) => g.state,
            _ => GenState::Done,
        })?;
        if state == GenState::Created {
            self.shared.heap.write(h, |o| {
                if let Object::Generator(g) = o {
                    g.finish()
                }
            })?;
            return Ok(());
        }
        if state == GenState::Done {
            return Ok(());
        }
        match self.resume_generator(gen, Resume::Throw(Exception::new(ErrorKind::GeneratorExit, ""))) {
            Ok(GenStep::Yielded(_)) => Err(Exception::new(ErrorKind::RuntimeError, "generator ignored GeneratorExit")),
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(e) if matches!(e.kind, ErrorKind::GeneratorExit | ErrorKind::StopIteration) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// `yield from`'s step: resumes `it` with `sent`.
    pub(crate) fn delegate(&mut self, it: Value, sent: Value) -> Result<GenStep, Exception> {
        let is_generator = match it.handle() {
            Some(h) => self.shared.heap.kind(h)? == crate::heap::Kind::Generator,
            None => false,
        };
        if is_generator {
            let how = if sent == Value::NONE { Resume::Next } else { Resume::Send(sent) };
            return self.resume_generator(it, how);
        }
        if sent != Value::NONE {
            let type_name = self.type_name(it)?;
            return Err(Exception::new(
                ErrorKind::AttributeError,
                format!("'{type_name}' object has no attribute 'send'"),
            ));
        }
        Ok(match self.next_item(it)? {
            Some(v) => GenStep::Yielded(v),
            None => GenStep::Returned(Value::NONE),
        })
    }
}
