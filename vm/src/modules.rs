//! Importable modules: `gc`, and the bundled extension modules.

use crate::builtins::Builtin;
use crate::ext::{bundled, ExtensionModule};
pub use crate::value::ModuleId;
use crate::value::{NativeFn, Value};

/// `gc` is module 0; extension modules follow in `bundled::ALL` order.
const GC: ModuleId = ModuleId(0);

/// The module `import name` binds.
pub fn lookup(name: &str) -> Option<ModuleId> {
    if name == "gc" {
        return Some(GC);
    }
    bundled::ALL.iter().position(|m| m.name == name).map(|i| ModuleId(i as u16 + 1))
}

/// The extension behind a module id, or None for `gc`.
pub fn extension(module: ModuleId) -> Option<&'static ExtensionModule> {
    (module.0 as usize).checked_sub(1).map(|i| bundled::ALL[i])
}

pub fn name(module: ModuleId) -> &'static str {
    extension(module).map_or("gc", |m| m.name)
}

/// `module.attr`, if the module has it.
pub fn attribute(module: ModuleId, attr: &str) -> Option<Value> {
    match extension(module) {
        None => (attr == "collect").then(|| Value::builtin(Builtin::GcCollect.id())),
        Some(ext) => ext.function(attr).map(|index| Value::native(NativeFn { module, index: index as u16 })),
    }
}

/// The extension function a [`NativeFn`] names.
pub fn native(f: NativeFn) -> (&'static ExtensionModule, &'static crate::ext::ExtFunction) {
    let module = extension(f.module).expect("native functions belong to extension modules");
    (module, &module.functions[f.index as usize])
}
