//! The resource limits of a run: steps, recursion, heap, and a wall-clock deadline.

/// The resource limits of a run. `emlab run`, `check` and `replay` set them with the same flags
/// (`--max-steps`, `--max-recursion`, `--max-heap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Instructions one thread may run before a step-limit violation (a hang); None: no limit.
    pub max_steps: Option<u64>,
    /// Deepest call stack before RecursionError (CPython's default is 1000).
    pub max_recursion: usize,
    /// Bytes the heap may hold before MemoryError.
    pub max_heap: usize,
    /// A wall-clock time past which every thread stops with a step-limit error (`check --timeout`
    /// sets it, so that an abandoned exploration ends soon); None: no deadline.
    pub deadline: Option<std::time::Instant>,
}

impl Limits {
    /// Instructions per thread under `check` unless `--max-steps` says otherwise.
    pub const CHECK_MAX_STEPS: u64 = 1_000_000;
    /// CPython's default recursion limit.
    pub const DEFAULT_MAX_RECURSION: usize = 1000;
    /// The checking heap limit, and the default where the machine's memory is not known: 512 MiB.
    /// (`emlab run` sets a share of the machine's memory instead: `emlab::memory`.)
    pub const DEFAULT_MAX_HEAP: usize = 512 << 20;

    /// The limits of a model-checking run: as [`Limits::default`], plus a step budget so that a
    /// hang is reported as such.
    pub fn for_checking() -> Limits {
        Limits { max_steps: Some(Limits::CHECK_MAX_STEPS), ..Limits::default() }
    }
}

impl Default for Limits {
    /// The limits of a run: no step budget (as CPython), recursion 1000, heap 512 MiB (which
    /// `emlab run` raises to a share of the machine's memory).
    fn default() -> Self {
        Limits {
            max_steps: None,
            max_recursion: Limits::DEFAULT_MAX_RECURSION,
            max_heap: Limits::DEFAULT_MAX_HEAP,
            deadline: None,
        }
    }
}
