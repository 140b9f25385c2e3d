//! The VM's native modules `_thread` and `time`: starting threads, identities, timed lock
//! waits, sleeping and the clocks. `threading` and `queue` are written in Python on top of them
//! (see `library`).
//!
//! Under a model checker time is not part of the model: a sleep is a point where the thread
//! detaches and lets the others run, a timed wait that finds the lock held lets the others run
//! once and then times out unless the lock was released meanwhile (so the explorers choose, by
//! whom they run, whether it times out), and the clocks are virtual: each thread's clock counts
//! its own instructions (a microsecond each) and its sleeps, the same in every schedule.

use super::Interp;
use crate::builtins::{Builtin, Clock};
use crate::error::{type_error, value_error, ErrorKind, Exception};
use crate::heap::{Handle, Object};
use crate::platform::Platform;
use crate::step::{record, Access, Resource};
use crate::trace::EventKind;
use crate::value::Value;
use crate::value_ops::as_float;

/// The longest timeout a lock takes (`_thread.TIMEOUT_MAX`), in seconds, as CPython's on Linux.
pub(crate) const TIMEOUT_MAX: f64 = 9_223_372_036.0;

/// The epoch of the virtual wall clock: what `time.time()` starts at under a model checker.
const VIRTUAL_EPOCH_NS: u64 = 1_700_000_000_000_000_000;

/// When the process started, for `time.monotonic()` on real threads.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// A thread's identity as `_thread.get_ident()` gives it: its number plus one (never 0).
pub(crate) fn ident_of(number: u32) -> i64 {
    i64::from(number) + 1
}

impl<P: Platform> Interp<'_, P> {
    /// The builtins of `_thread` and `time`.
    pub(crate) fn call_thread_builtin(&mut self, builtin: Builtin, args: &[Value]) -> Result<Value, Exception> {
        match builtin {
            Builtin::StartNewThread => self.start_new_thread(args, false),
            Builtin::StartDaemonThread => self.start_new_thread(args, true),
            Builtin::GetIdent => {
                super::calls::arity("get_ident", args, 0, 0)?;
                Ok(Value::int(ident_of(self.slot.number)))
            }
            Builtin::ThreadExit => {
                super::calls::arity("exit", args, 0, 0)?;
                Err(Exception::new(ErrorKind::SystemExit, ""))
            }
            Builtin::StackSize => {
                super::calls::arity("stack_size", args, 0, 1)?;
                // `stack_size()` is `stack_size(0)`: it sets the default back (CPython's too).
                let n = match args.first() {
                    Some(&size) => crate::value_ops::as_int(size).ok_or_else(|| {
                        type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(size).unwrap_or("object")
                        ))
                    })?,
                    None => 0,
                };
                if n < 0 {
                    return Err(value_error("size must be 0 or a positive value"));
                }
                if n != 0 && n < 32_768 {
                    return Err(value_error(format!("size not valid: {n} bytes")));
                }
                // emlab's threads have the stack it gives them: the size asked for is noted only,
                // and the old one given back.
                record(Resource::Threads, Access::Write);
                let old = self.shared.stack_size.swap(n as usize, std::sync::atomic::Ordering::Relaxed);
                Ok(Value::int(old as i64))
            }
            // A thread's `threading.Thread` object lives in its own slot: setting and getting it
            // are the thread's own business (no shared state), except to `_enumerate`, which
            // reads every slot's (the table of threads, which a setting bumps).
            Builtin::SetCurrent => {
                super::calls::arity("_set_current", args, 1, 1)?;
                record(Resource::Threads, Access::Commute);
                *self.slot.current.lock() = Some(args[0]);
                Ok(Value::NONE)
            }
            Builtin::GetCurrent => {
                super::calls::arity("_get_current", args, 0, 0)?;
                Ok(self.slot.current.lock().unwrap_or(Value::NONE))
            }
            Builtin::EnumerateThreads => {
                super::calls::arity("_enumerate", args, 0, 0)?;
                self.core_step();
                record(Resource::Threads, Access::Read);
                let threads = self.shared.threads_snapshot();
                let objects: Vec<Value> = threads.iter().filter_map(|t| *t.current.lock()).collect();
                self.new_list(objects)
            }
            Builtin::CountThreads => {
                super::calls::arity("_count", args, 0, 0)?;
                self.core_step();
                record(Resource::Threads, Access::Read);
                Ok(Value::int(self.shared.threads_snapshot().len() as i64))
            }
            Builtin::SysWrite => {
                super::calls::arity("write", args, 2, 2)?;
                let text = self.str_text(args[1])?.ok_or_else(|| {
                    type_error(format!(
                        "write() argument must be str, not {}",
                        self.type_name(args[1]).unwrap_or("object")
                    ))
                })?;
                self.core_step();
                if args[0] == Value::int(2) {
                    // Standard error: after what standard output has, as CPython's unbuffered
                    // stderr shows it at a terminal.
                    record(Resource::Output, Access::Write);
                    self.shared.output.flush();
                    if self.shared.config.print_errors {
                        eprint!("{text}");
                    }
                } else {
                    self.trace(|| crate::trace::EventKind::Print { text: text.to_string() });
                    self.shared.output.write(&text);
                }
                Ok(Value::NONE)
            }
            Builtin::SysArgv => {
                super::calls::arity("argv", args, 0, 0)?;
                let path = self.new_str(self.shared.program.file.as_str())?;
                self.new_list(vec![path])
            }
            Builtin::GetSwitchInterval => {
                super::calls::arity("getswitchinterval", args, 0, 0)?;
                Ok(Value::float(self.shared.switch_seconds()))
            }
            Builtin::SetSwitchInterval => {
                super::calls::arity("setswitchinterval", args, 1, 1)?;
                let seconds = as_float(args[0]).ok_or_else(|| {
                    type_error(format!("must be real number, not {}", self.type_name(args[0]).unwrap_or("object")))
                })?;
                if seconds <= 0.0 || seconds.is_nan() {
                    return Err(value_error("switch interval must be strictly positive"));
                }
                self.shared.set_switch_interval(seconds);
                Ok(Value::NONE)
            }
            Builtin::RenamedFunction => {
                super::calls::arity("renamed", args, 3, 3)?;
                self.renamed_function(args[0], args[1], args[2])
            }
            Builtin::ClassNames => {
                super::calls::arity("class_names", args, 1, 1)?;
                let mut names = Vec::new();
                let mut next =
                    args[0].handle().filter(|&h| self.shared.heap.kind(h).ok() == Some(crate::heap::Kind::Class));
                if next.is_none() {
                    return Err(type_error("class_names() takes a class"));
                }
                while let Some(class) = next {
                    next = self.shared.heap.read(class, |o| match o {
                        Object::Class(c) => {
                            names.extend(c.dict.entries().map(|(k, _)| k));
                            c.base
                        }
                        _ => None,
                    })?;
                }
                let mut texts = Vec::new();
                for k in names {
                    texts.extend(self.str_text(k)?);
                }
                texts.sort();
                texts.dedup();
                let mut items = Vec::with_capacity(texts.len());
                for t in texts {
                    let s = self.new_str(t)?;
                    self.push(s);
                    items.push(s);
                }
                let list = self.new_list(items.clone());
                for _ in &items {
                    self.pop();
                }
                list
            }
            Builtin::GetRecursionLimit => {
                super::calls::arity("getrecursionlimit", args, 0, 0)?;
                Ok(Value::int(self.shared.recursion_limit.load(std::sync::atomic::Ordering::Relaxed) as i64))
            }
            Builtin::SetRecursionLimit => {
                super::calls::arity("setrecursionlimit", args, 1, 1)?;
                let limit = match args[0].unpack() {
                    crate::value::V::Int(n) => n,
                    _ => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(args[0]).unwrap_or("object")
                        )))
                    }
                };
                if limit < 1 {
                    return Err(value_error("recursion limit must be greater or equal than 1"));
                }
                // The depth of Python calls allowed from now on (`--max-recursion` sets the first),
                // at most `MAX_RECURSION_LIMIT`: deeper, a runaway recursion would exhaust memory
                // before it raised (CPython's crashes the process instead).
                let limit = (limit as usize).min(MAX_RECURSION_LIMIT.max(self.shared.config.limits.max_recursion));
                self.shared.recursion_limit.store(limit, std::sync::atomic::Ordering::Relaxed);
                Ok(Value::NONE)
            }
            Builtin::RandomNew => {
                super::calls::arity("new", args, 0, 1)?;
                let seed = self.random_seed(args.first().copied().unwrap_or(Value::NONE))?;
                self.alloc(Object::Random(Box::new(crate::heap::random::Mt19937::from_int(seed))))
            }
            Builtin::RandomSeed => {
                super::calls::arity("seed", args, 2, 2)?;
                let seed = self.random_seed(args[1])?;
                self.with_generator(args[0], |mt| *mt = crate::heap::random::Mt19937::from_int(seed))?;
                Ok(Value::NONE)
            }
            Builtin::RandomRandom => {
                super::calls::arity("random", args, 1, 1)?;
                self.with_generator(args[0], |mt| mt.random()).map(Value::float)
            }
            Builtin::RandomGetrandbits => {
                super::calls::arity("getrandbits", args, 2, 2)?;
                let k = match args[1].unpack() {
                    crate::value::V::Int(k) => k,
                    _ => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(args[1]).unwrap_or("object")
                        )))
                    }
                };
                if k < 0 {
                    return Err(value_error("number of bits must be non-negative"));
                }
                if k > 63 {
                    return Err(Exception::new(
                        ErrorKind::OverflowError,
                        "getrandbits() of more than 63 bits: emlab's ints are 64-bit",
                    ));
                }
                self.with_generator(args[0], |mt| mt.getrandbits(k as u32)).map(|r| Value::int(r as i64))
            }
            Builtin::RandomRandbelow => {
                super::calls::arity("randbelow", args, 2, 2)?;
                let n = match args[1].unpack() {
                    crate::value::V::Int(n) if n > 0 => n as u64,
                    crate::value::V::Bool(true) => 1,
                    _ => return Err(value_error("empty range for randrange()")),
                };
                self.with_generator(args[0], |mt| mt.randbelow(n)).map(|r| Value::int(r as i64))
            }
            Builtin::Sleep => {
                super::calls::arity("sleep", args, 1, 1)?;
                let secs = as_float(args[0]).ok_or_else(|| {
                    type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(args[0]).unwrap_or("object")
                    ))
                })?;
                if secs < 0.0 {
                    return Err(value_error("sleep length must be non-negative"));
                }
                if secs.is_nan() {
                    return Err(value_error("Invalid value NaN (not a number)"));
                }
                self.sleep(secs)?;
                Ok(Value::NONE)
            }
            Builtin::Clock(clock) => {
                super::calls::arity(clock_name(clock), args, 0, 0)?;
                let ns = self.now_ns(matches!(clock, Clock::Wall | Clock::WallNs));
                Ok(match clock {
                    Clock::Wall | Clock::Monotonic => Value::float(ns as f64 / 1e9),
                    Clock::WallNs | Clock::MonotonicNs => Value::int(ns as i64),
                })
            }
            other => unreachable!("{other:?} is no builtin of _thread or time"),
        }
    }

    /// `_thread.start_new_thread(function, args[, kwargs])`: the new thread's identity.
    fn start_new_thread(&mut self, args: &[Value], daemon: bool) -> Result<Value, Exception> {
        if !(2..=3).contains(&args.len()) {
            return Err(type_error(format!("start_new_thread expected at least 2 arguments, got {}", args.len())));
        }
        let func = args[0];
        if !self.is_callable(func)? {
            return Err(type_error("first arg must be callable"));
        }
        let positional = match args[1].handle().map(|h| {
            self.shared.heap.read(h, |o| match o {
                Object::Tuple(items) => Some(items.to_vec()),
                _ => None,
            })
        }) {
            Some(Ok(Some(items))) => items,
            _ => return Err(type_error("2nd arg must be a tuple")),
        };
        let keywords = match args.get(2) {
            None => Vec::new(),
            Some(&kw) => match kw.handle().map(|h| {
                self.shared.heap.read(h, |o| match o {
                    Object::Dict(d) => Some(d.entries().collect::<Vec<_>>()),
                    _ => None,
                })
            }) {
                Some(Ok(Some(entries))) => {
                    let mut keywords = Vec::with_capacity(entries.len());
                    for (k, v) in entries {
                        match self.str_text(k)? {
                            Some(name) => keywords.push((name, v)),
                            None => return Err(type_error("keywords must be strings")),
                        }
                    }
                    keywords
                }
                _ => return Err(type_error("optional 3rd arg must be a dictionary")),
            },
        };
        let thread = super::threads::spawn_thread(self.shared, func, &positional, keywords)?;
        if daemon {
            self.shared.mark_daemon(thread)?;
        }
        let number = self.shared.heap.read_fixed(thread, |o| if let Object::Thread(t) = o { t.number } else { 0 })?;
        self.trace(|| EventKind::Spawn { thread: number, entry: self.callable_name(func) });
        Ok(Value::int(ident_of(number)))
    }

    /// `time.sleep(secs)`: detached, for real on real threads; a point where the others run under
    /// a model checker.
    fn sleep(&mut self, secs: f64) -> Result<(), Exception> {
        self.core_step();
        let ns = (secs * 1e9).min(u64::MAX as f64) as u64;
        self.slept_ns = self.slept_ns.saturating_add(ns);
        if P::REAL_TIME {
            let duration = std::time::Duration::from_secs_f64(secs.min(TIMEOUT_MAX));
            self.blocking(|| std::thread::sleep(duration));
        } else {
            self.blocking(P::yield_now);
        }
        self.shared.stop_if_daemon(self.slot)
    }

    /// Nanoseconds on the wall clock (`wall`) or the monotonic one: real on real threads, this
    /// thread's virtual clock under a model checker.
    fn now_ns(&self, wall: bool) -> u64 {
        if P::REAL_TIME {
            if wall {
                let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
                return since.as_nanos() as u64;
            }
            let started = *STARTED.get_or_init(std::time::Instant::now);
            return started.elapsed().as_nanos() as u64;
        }
        let virtual_ns = self.steps.saturating_mul(1_000).saturating_add(self.slept_ns);
        if wall {
            VIRTUAL_EPOCH_NS.saturating_add(virtual_ns)
        } else {
            virtual_ns
        }
    }

    /// `lock.acquire(blocking=True, timeout=-1)` with its arguments (positional or by keyword)
    /// checked as CPython checks them: whether the lock was taken.
    pub(crate) fn acquire_lock_call(
        &mut self,
        lock: Handle,
        args: &[Value],
        keywords: &[(String, Value)],
    ) -> Result<Value, Exception> {
        if args.len() > 2 {
            return Err(type_error(format!("acquire() takes at most 2 arguments ({} given)", args.len())));
        }
        let mut blocking = args.first().copied();
        let mut timeout = args.get(1).copied();
        for (name, v) in keywords {
            let slot = match name.as_str() {
                "blocking" => &mut blocking,
                "timeout" => &mut timeout,
                other => return Err(type_error(format!("acquire() got an unexpected keyword argument '{other}'"))),
            };
            if slot.is_some() {
                return Err(type_error(format!("argument for acquire() given by name ('{name}') and position")));
            }
            *slot = Some(*v);
        }
        let blocking = match blocking {
            Some(v) => self.truthy(v)?,
            None => true,
        };
        let timeout = match timeout {
            None => -1.0,
            Some(v) => as_float(v).ok_or_else(|| {
                type_error(format!(
                    "'{}' object cannot be interpreted as a float",
                    self.type_name(v).unwrap_or("object")
                ))
            })?,
        };
        if !blocking && timeout != -1.0 {
            return Err(value_error("can't specify a timeout for a non-blocking call"));
        }
        if timeout < 0.0 && timeout != -1.0 {
            return Err(value_error("timeout value must be a non-negative number"));
        }
        if timeout > TIMEOUT_MAX {
            return Err(Exception::new(ErrorKind::OverflowError, "timeout value is too large"));
        }
        let taken = if !blocking {
            self.acquire_lock_timed(lock, None)?
        } else if timeout == -1.0 {
            self.acquire_lock(lock)?;
            true
        } else {
            self.acquire_lock_timed(lock, Some(timeout))?
        };
        Ok(Value::bool(taken))
    }

    /// Takes the lock if it is free; with a `timeout`, waits up to that long for it (see the
    /// module's notes for what waiting means under a model checker). Whether it was taken.
    fn acquire_lock_timed(&mut self, lock: Handle, timeout: Option<f64>) -> Result<bool, Exception> {
        self.core_step();
        if self.try_take_lock(lock)? {
            self.trace(|| EventKind::Acquire { lock: lock.number(), after_waiting: false });
            return Ok(true);
        }
        let Some(timeout) = timeout else { return Ok(false) };
        let heap = &self.shared.heap;
        let take = || -> Result<bool, Exception> {
            Ok(crate::step::unrecorded(|| {
                heap.write(lock, |o| match o {
                    Object::Lock(l) if !l.held => {
                        l.held = true;
                        true
                    }
                    _ => false,
                })
            })?)
        };
        let taken = if P::REAL_TIME {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(timeout);
            self.blocking(|| -> Result<bool, Exception> {
                loop {
                    if take()? {
                        return Ok(true);
                    }
                    let now = std::time::Instant::now();
                    if now >= deadline {
                        return Ok(false);
                    }
                    self.shared.stop_if_daemon(self.slot)?;
                    std::thread::sleep((deadline - now).min(std::time::Duration::from_millis(1)));
                }
            })?
        } else {
            // The others run once; then one more attempt, which races with the release.
            self.blocking(P::yield_now);
            self.core_step();
            take()?
        };
        // The retry is recorded as what it did: a taking, or a read of the held lock (no wait:
        // it does not sleep until the release, so it is reversed against it like any read).
        if taken {
            record(Resource::Object(lock.number()), Access::Write);
            record(Resource::Acquires(lock.number()), Access::Write);
            self.trace(|| EventKind::Acquire { lock: lock.number(), after_waiting: true });
        } else {
            record(Resource::Object(lock.number()), Access::Read);
        }
        Ok(taken)
    }

    /// One attempt to take the lock, recorded as a taking or a read.
    fn try_take_lock(&mut self, lock: Handle) -> Result<bool, Exception> {
        let taken = crate::step::unrecorded(|| {
            self.shared.heap.write(lock, |o| match o {
                Object::Lock(l) if !l.held => {
                    l.held = true;
                    true
                }
                _ => false,
            })
        })?;
        if taken {
            record(Resource::Object(lock.number()), Access::Write);
            record(Resource::Acquires(lock.number()), Access::Write);
        } else {
            record(Resource::Object(lock.number()), Access::Read);
        }
        Ok(taken)
    }

    /// `lock.locked()`.
    pub(crate) fn lock_is_held(&mut self, lock: Handle) -> Result<Value, Exception> {
        self.core_step();
        record(Resource::Object(lock.number()), Access::Read);
        let held = crate::step::unrecorded(|| self.shared.heap.read(lock, |o| matches!(o, Object::Lock(l) if l.held)))?;
        Ok(Value::bool(held))
    }
}

fn clock_name(clock: Clock) -> &'static str {
    match clock {
        Clock::Wall => "time",
        Clock::WallNs => "time_ns",
        Clock::Monotonic => "monotonic",
        Clock::MonotonicNs => "monotonic_ns",
    }
}

/// The deepest `sys.setrecursionlimit` goes (unless `--max-recursion` is deeper).
pub(crate) const MAX_RECURSION_LIMIT: usize = 200_000;

impl<P: Platform> Interp<'_, P> {
    /// The int a `random` generator is seeded from: an int itself, a float by its hash (as
    /// CPython takes any other hashable), and None by the clock under `run` (CPython reads
    /// the OS's entropy) but 0 under a model checker, so every schedule draws the same numbers.
    fn random_seed(&self, seed: Value) -> Result<i64, Exception> {
        use crate::value::V;
        Ok(match seed.unpack() {
            V::Int(n) => n,
            V::Bool(b) => b as i64,
            V::Float(f) => crate::value_ops::float::python_hash_float(f),
            V::None if P::PARALLEL => {
                let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
                (now.as_nanos() as i64) ^ ((std::process::id() as i64) << 32)
            }
            V::None => 0,
            _ => {
                return Err(type_error(format!(
                    "emlab's random.seed() takes an int, a float or None, not '{}' (a str seed needs CPython's SHA-512 seeding)",
                    self.type_name(seed).unwrap_or("object")
                )))
            }
        })
    }

    /// Runs `f` on generator `gen`'s state: one step on it, as one call of CPython's C generator.
    fn with_generator<R>(
        &self,
        gen: Value,
        f: impl FnOnce(&mut crate::heap::random::Mt19937) -> R,
    ) -> Result<R, Exception> {
        let Some(h) = gen.handle().filter(|&h| self.shared.heap.kind(h).ok() == Some(crate::heap::Kind::Random)) else {
            return Err(type_error("a random generator (from _random.new) was expected"));
        };
        self.core_step();
        let mut f = Some(f);
        let result = self.shared.heap.write(h, |o| match o {
            Object::Random(mt) => f.take().map(|f| f(mt)),
            _ => None,
        })?;
        result.ok_or_else(|| type_error("a random generator (from _random.new) was expected"))
    }
}
