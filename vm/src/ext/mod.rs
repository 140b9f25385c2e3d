//! Native extension modules: the API they are written against, the refcount
//! bridge that keeps their objects alive, and the six bundled modules.

pub mod api;
pub mod bridge;
pub mod bundled;

pub use api::{ExtFunction, ExtensionModule, ModuleState};
pub use bridge::PinTable;
