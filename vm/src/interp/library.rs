//! Library modules at run time: the first import runs the module's body, and the module's
//! attributes are its globals.

use super::Interp;
use crate::error::{ErrorKind, Exception};
use crate::platform::Platform;
use crate::step::{record, Access, Resource};
use crate::value::Value;
use std::sync::atomic::Ordering::{Acquire, Release};

const NOT_YET: u8 = 0;
const RUNNING: u8 = 1;
const DONE: u8 = 2;

impl<P: Platform> Interp<'_, P> {
    /// Runs library module `index`'s body unless it has run (or is running: a module that
    /// imports itself, or a thread that imports it while another runs it, sees it as far as it
    /// got, as CPython's partially initialized modules are seen).
    pub(crate) fn import_library(&mut self, index: usize) -> Result<(), Exception> {
        let state = &self.shared.imported[index];
        record(Resource::Import(index as u16), Access::Read);
        if state.load(Acquire) != NOT_YET {
            return Ok(());
        }
        let Some(module) = self.shared.program.library(index) else {
            // The compiler adds every library module the program imports.
            return Err(Exception::new(ErrorKind::ImportError, format!("library module {index} was not compiled in")));
        };
        let body = module.body;
        if state.compare_exchange(NOT_YET, RUNNING, Acquire, Acquire).is_err() {
            return Ok(());
        }
        record(Resource::Import(index as u16), Access::Write);
        self.importing += 1;
        let ran = self.call_from_native(Value::func(body), &[]);
        self.importing -= 1;
        // A body that failed leaves the module as far as it got, and the error goes on.
        state.store(DONE, Release);
        ran.map(|_| ())
    }

    /// `module.name` of library module `index`: its global `name`.
    pub(crate) fn library_attribute(&mut self, index: usize, name: &str) -> Result<Value, Exception> {
        let missing = || {
            Exception::new(
                ErrorKind::AttributeError,
                format!("module '{}' has no attribute '{name}'", crate::library::ALL[index].name),
            )
        };
        let Some(&global) = self.shared.program.library(index).and_then(|m| m.exports.get(name)) else {
            return Err(missing());
        };
        self.core_step();
        record(Resource::Global(global), Access::Read);
        let v = self.shared.global(global);
        if v == Value::UNBOUND {
            return Err(missing());
        }
        Ok(v)
    }

    /// `module.name = value` for library module `index` (`threading.excepthook = hook`): a global
    /// of the module that it defines; one it does not is refused (emlab fixes a module's names
    /// when the program is compiled).
    pub(crate) fn set_library_attribute(&mut self, index: usize, name: &str, value: Value) -> Result<(), Exception> {
        let Some(&global) = self.shared.program.library(index).and_then(|m| m.exports.get(name)) else {
            return Err(Exception::new(
                ErrorKind::AttributeError,
                format!(
                    "emlab cannot add attribute '{name}' to module '{}' (only its own names can be set)",
                    crate::library::ALL[index].name
                ),
            ));
        };
        self.core_step();
        record(Resource::Global(global), Access::Write);
        self.shared.set_global(global, value);
        Ok(())
    }
}
