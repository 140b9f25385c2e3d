//! The extension API: what a native module may do, shaped like the C API.
//!
//! An extension function receives its arguments as [`Value`]s (ints and None are
//! immediates; everything else is a heap handle) and a `&mut dyn ExtApi`, the
//! context through which it reads and writes objects. Every context operation is
//! a scheduling point, so a missing exclusion is observable under the checker.
//!
//! Arguments, and the results of [`ExtApi::call`], are pinned for the duration
//! of the call (they are "borrowed references"). To keep an object past the call
//! — in module state — the extension must [`ExtApi::incref`] it, and
//! [`ExtApi::decref`] it when it lets go: module state is extension memory that
//! the collector cannot see.

use crate::error::Exception;
use crate::value::Value;
use std::any::Any;

/// The result of an extension operation; errors propagate to the calling thread as Python errors.
pub type ExtResult<T> = Result<T, Exception>;

/// What an extension function may do. Implemented by the interpreter for the duration of one call.
pub trait ExtApi {
    /// `lst[index]` (negative indices count from the end).
    fn list_get(&mut self, list: Value, index: i64) -> ExtResult<Value>;
    /// `lst[index] = value`.
    fn list_set(&mut self, list: Value, index: i64, value: Value) -> ExtResult<()>;
    fn list_len(&mut self, list: Value) -> ExtResult<i64>;
    // The three below complete the C-API-shaped surface (`PyList_Append`, `PyDict_GetItem`,
    // `PyDict_SetItem`); no bundled module calls them yet.
    /// `lst.append(value)`.
    #[allow(dead_code)]
    fn list_append(&mut self, list: Value, value: Value) -> ExtResult<()>;
    /// `d.get(key)`.
    #[allow(dead_code)]
    fn dict_get(&mut self, dict: Value, key: Value) -> ExtResult<Option<Value>>;
    /// `d[key] = value`.
    #[allow(dead_code)]
    fn dict_set(&mut self, dict: Value, key: Value, value: Value) -> ExtResult<()>;
    /// The int a value holds, or a TypeError.
    fn int_value(&mut self, value: Value) -> ExtResult<i64>;
    fn new_int(&mut self, value: i64) -> Value;
    /// A stable text key for a hashable value (its `repr`), for module state keyed by value.
    fn key_text(&mut self, value: Value) -> ExtResult<String>;
    /// Adds one to the object's extension reference count, pinning it.
    fn incref(&mut self, value: Value) -> ExtResult<()>;
    /// Removes one from the count; at zero the next scan unpins the object.
    fn decref(&mut self, value: Value) -> ExtResult<()>;
    /// Calls back into core code: `f(*args)`.
    fn call(&mut self, f: Value, args: &[Value]) -> ExtResult<Value>;
    /// Releases the EML around `section` (CPython's `Py_BEGIN_ALLOW_THREADS`). Inside it the
    /// extension must not touch objects; doing so is reported as an `outside-eml` violation.
    fn allow_threads(&mut self, section: &mut dyn FnMut(&mut dyn ExtApi) -> ExtResult<()>) -> ExtResult<()>;
    /// Lets other threads run (a scheduling point and nothing else).
    fn yield_now(&mut self);
    /// Runs `f` on this module's state.
    fn with_state(&mut self, f: &mut dyn FnMut(&mut dyn ModuleState));
    /// Runs `section` holding this module's own lock (for modules that declare themselves free-threaded).
    fn with_module_lock(&mut self, section: &mut dyn FnMut(&mut dyn ExtApi) -> ExtResult<()>) -> ExtResult<()>;
}

/// A module's private memory. The collector does not look inside; [`ModuleState::handles`] exists
/// only so the end-of-run leak check can tell what module state still holds.
pub trait ModuleState: Any + Send {
    /// Every value the state holds.
    fn handles(&self) -> Vec<Value>;
    fn as_any(&mut self) -> &mut dyn Any;
}

/// State for modules that keep none.
#[derive(Debug, Default)]
pub struct NoState;

impl ModuleState for NoState {
    fn handles(&self) -> Vec<Value> {
        Vec::new()
    }

    fn as_any(&mut self) -> &mut dyn Any {
        self
    }
}

/// One function of an extension module.
pub struct ExtFunction {
    pub name: &'static str,
    pub params: &'static [&'static str],
    pub call: fn(&mut dyn ExtApi, &[Value]) -> ExtResult<Value>,
}

/// A native extension module.
pub struct ExtensionModule {
    pub name: &'static str,
    /// A free-threaded module does its own locking; calls into it skip the EML promotion.
    pub free_threaded: bool,
    pub functions: &'static [ExtFunction],
    pub new_state: fn() -> Box<dyn ModuleState>,
}

impl ExtensionModule {
    pub fn function(&self, name: &str) -> Option<usize> {
        self.functions.iter().position(|f| f.name == name)
    }
}
