//! The six bundled extension modules. Their semantics are part of emlab's contract
//! (DESIGN "Extensions and the refcount bridge"); each has a pure-Python twin in
//! `scenarios/python/`.

use super::api::{ExtApi, ExtFunction, ExtResult, ExtensionModule, ModuleState, NoState};
use crate::value::Value;
use std::any::Any;
use std::collections::BTreeMap;

fn no_state() -> Box<dyn ModuleState> {
    Box::new(NoState)
}

/// `bank`: not free-threaded. Transfers are four separate reads and writes.
pub static BANK: ExtensionModule = ExtensionModule {
    name: "bank",
    free_threaded: false,
    functions: &[
        ExtFunction { name: "transfer", params: &["accts", "i", "j", "n"], call: bank_transfer },
        ExtFunction { name: "total", params: &["accts"], call: bank_total },
    ],
    new_state: no_state,
};

fn bank_transfer(api: &mut dyn ExtApi, args: &[Value]) -> ExtResult<Value> {
    let (accts, i, j) = (args[0], api.int_value(args[1])?, api.int_value(args[2])?);
    let n = api.int_value(args[3])?;
    let from = api.list_get(accts, i)?;
    let from = api.int_value(from)?;
    api.list_set(accts, i, Value::int(from.checked_sub(n).ok_or_else(crate::error::overflow_error)?))?;
    let to = api.list_get(accts, j)?;
    let to = api.int_value(to)?;
    api.list_set(accts, j, Value::int(to.checked_add(n).ok_or_else(crate::error::overflow_error)?))?;
    Ok(Value::NONE)
}

fn bank_total(api: &mut dyn ExtApi, args: &[Value]) -> ExtResult<Value> {
    let len = api.list_len(args[0])?;
    let mut total: i64 = 0;
    for i in 0..len {
        let item = api.list_get(args[0], i)?;
        total = total.checked_add(api.int_value(item)?).ok_or_else(crate::error::overflow_error)?;
    }
    Ok(api.new_int(total))
}

/// `counter`: not free-threaded. `incr` is a read then a write.
pub static COUNTER: ExtensionModule = ExtensionModule {
    name: "counter",
    free_threaded: false,
    functions: &[ExtFunction { name: "incr", params: &["lst", "i"], call: counter_incr }],
    new_state: no_state,
};

fn counter_incr(api: &mut dyn ExtApi, args: &[Value]) -> ExtResult<Value> {
    let i = api.int_value(args[1])?;
    let v = api.list_get(args[0], i)?;
    let v = api.int_value(v)?;
    api.list_set(args[0], i, Value::int(v.checked_add(1).ok_or_else(crate::error::overflow_error)?))?;
    Ok(Value::NONE)
}

/// `fastcounter`: free-threaded; `incr` takes the module's own lock instead of the EML.
pub static FASTCOUNTER: ExtensionModule = ExtensionModule {
    name: "fastcounter",
    free_threaded: true,
    functions: &[ExtFunction { name: "incr", params: &["lst", "i"], call: fastcounter_incr }],
    new_state: no_state,
};

fn fastcounter_incr(api: &mut dyn ExtApi, args: &[Value]) -> ExtResult<Value> {
    api.with_module_lock(&mut |api| counter_incr(api, args).map(|_| ()))?;
    Ok(Value::NONE)
}

/// The state of `cache`: values by key, each holding one extension reference.
#[derive(Debug, Default)]
pub struct CacheState {
    entries: BTreeMap<String, Value>,
}

impl ModuleState for CacheState {
    fn handles(&self) -> Vec<Value> {
        self.entries.values().copied().collect()
    }

    fn as_any(&mut self) -> &mut dyn Any {
        self
    }
}

fn cache_state() -> Box<dyn ModuleState> {
    Box::new(CacheState::default())
}

fn with_cache<R>(api: &mut dyn ExtApi, f: impl FnOnce(&mut CacheState) -> R) -> R {
    let mut f = Some(f);
    let mut out = None;
    api.with_state(&mut |state| {
        let cache = state.as_any().downcast_mut::<CacheState>().expect("cache's state is a CacheState");
        if let Some(f) = f.take() {
            out = Some(f(cache));
        }
    });
    out.expect("with_state runs its closure")
}

/// `cache`: not free-threaded. Keeps objects in module state, alive only through their count.
pub static CACHE: ExtensionModule = ExtensionModule {
    name: "cache",
    free_threaded: false,
    functions: &[
        ExtFunction { name: "put", params: &["key", "obj"], call: cache_put },
        ExtFunction { name: "get", params: &["key"], call: cache_get },
        ExtFunction { name: "drop", params: &["key"], call: cache_drop },
    ],
    new_state: cache_state,
};

fn cache_put(api: &mut dyn ExtApi, args: &[Value]) -> ExtResult<Value> {
    let key = api.key_text(args[0])?;
    api.incref(args[1])?;
    let old = with_cache(api, |c| c.entries.insert(key, args[1]));
    if let Some(old) = old {
        api.decref(old)?;
    }
    Ok(Value::NONE)
}

fn cache_get(api: &mut dyn ExtApi, args: &[Value]) -> ExtResult<Value> {
    let key = api.key_text(args[0])?;
    Ok(with_cache(api, |c| c.entries.get(&key).copied()).unwrap_or(Value::NONE))
}

fn cache_drop(api: &mut dyn ExtApi, args: &[Value]) -> ExtResult<Value> {
    let key = api.key_text(args[0])?;
    if let Some(old) = with_cache(api, |c| c.entries.remove(&key)) {
        api.decref(old)?;
    }
    Ok(Value::NONE)
}

/// `callback`: not free-threaded. Calls back into core code from inside the extension.
pub static CALLBACK: ExtensionModule = ExtensionModule {
    name: "callback",
    free_threaded: false,
    functions: &[
        ExtFunction { name: "apply", params: &["f", "x"], call: callback_apply },
        ExtFunction { name: "update", params: &["lst", "f"], call: callback_update },
    ],
    new_state: no_state,
};

fn callback_apply(api: &mut dyn ExtApi, args: &[Value]) -> ExtResult<Value> {
    api.call(args[0], &[args[1]])
}

fn callback_update(api: &mut dyn ExtApi, args: &[Value]) -> ExtResult<Value> {
    let old = api.list_get(args[0], 0)?;
    let new = api.call(args[1], &[old])?;
    api.list_set(args[0], 0, new)?;
    Ok(Value::NONE)
}

/// `blocking`: not free-threaded. Releases the EML around a blocking section.
pub static BLOCKING: ExtensionModule = ExtensionModule {
    name: "blocking",
    free_threaded: false,
    functions: &[
        ExtFunction { name: "pause", params: &["n"], call: blocking_pause },
        ExtFunction { name: "peek_released", params: &["lst"], call: blocking_peek_released },
    ],
    new_state: no_state,
};

fn blocking_pause(api: &mut dyn ExtApi, args: &[Value]) -> ExtResult<Value> {
    let n = api.int_value(args[0])?;
    api.allow_threads(&mut |api| {
        for _ in 0..n {
            api.yield_now();
        }
        Ok(())
    })?;
    Ok(Value::NONE)
}

/// Reads `lst[0]` while the EML is released: a deliberate extension bug emlab must report.
fn blocking_peek_released(api: &mut dyn ExtApi, args: &[Value]) -> ExtResult<Value> {
    let mut seen = Value::NONE;
    api.allow_threads(&mut |api| {
        seen = api.list_get(args[0], 0)?;
        Ok(())
    })?;
    Ok(seen)
}

/// Every bundled module, in the order their ids are assigned.
pub static ALL: [&ExtensionModule; 6] = [&BANK, &COUNTER, &FASTCOUNTER, &CACHE, &CALLBACK, &BLOCKING];
