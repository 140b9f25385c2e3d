//! Run modes and seeded bugs: how core code and extension calls are excluded, and which
//! deliberate mistakes to switch on so the checker can be measured.

use std::fmt;
use std::str::FromStr;

/// How threads share the core and how non-free-threaded extension calls are excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// Core free-threaded; a non-free-threaded extension call promotes to exclusive mode.
    #[default]
    Eml,
    /// One thread at a time, switching every N instructions and around blocking.
    Gil,
    /// Core free-threaded and no exclusion for extension calls at all (naive GIL removal).
    Nogil,
    /// Free-threaded until a non-free-threaded module is imported, then a GIL (CPython 3.13t).
    GilOnImport,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Eml, Mode::Gil, Mode::Nogil, Mode::GilOnImport];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Eml => "eml",
            Mode::Gil => "gil",
            Mode::Nogil => "nogil",
            Mode::GilOnImport => "gil-on-import",
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown mode or bug name, with the valid ones.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{given}'; valid {what}s: {valid}")]
pub struct UnknownName {
    pub what: &'static str,
    pub given: String,
    pub valid: String,
}

impl FromStr for Mode {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Mode, UnknownName> {
        Mode::ALL.into_iter().find(|m| m.name() == s).ok_or_else(|| UnknownName {
            what: "mode",
            given: s.to_string(),
            valid: Mode::ALL.map(Mode::name).join(", "),
        })
    }
}

/// A seeded bug: a small switch at the real code point it breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bug {
    /// Drop to read mode after the extension's first object operation.
    EmlEarlyDemote,
    /// A callback leaves the extension call in read mode afterwards.
    EmlCallbackDemote,
    /// A thread blocked on a Lock or join keeps its read share.
    EmlNoDetach,
    /// The collector does not treat the pin table as roots.
    GcIgnorePins,
    /// The collector skips the roots of detached (blocked) threads.
    GcSkipDetachedRoots,
    /// Extension-call arguments are not pinned for the call.
    PinBorrowUncounted,
    /// `list.append` reads the length and writes the slot without the list's lock.
    ListAppendUnlocked,
    /// Loop back-edges do not poll for stop requests.
    NoSafepointBackedge,
}

impl Bug {
    pub const ALL: [Bug; 8] = [
        Bug::EmlEarlyDemote,
        Bug::EmlCallbackDemote,
        Bug::EmlNoDetach,
        Bug::GcIgnorePins,
        Bug::GcSkipDetachedRoots,
        Bug::PinBorrowUncounted,
        Bug::ListAppendUnlocked,
        Bug::NoSafepointBackedge,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Bug::EmlEarlyDemote => "eml-early-demote",
            Bug::EmlCallbackDemote => "eml-callback-demote",
            Bug::EmlNoDetach => "eml-no-detach",
            Bug::GcIgnorePins => "gc-ignore-pins",
            Bug::GcSkipDetachedRoots => "gc-skip-detached-roots",
            Bug::PinBorrowUncounted => "pin-borrow-uncounted",
            Bug::ListAppendUnlocked => "list-append-unlocked",
            Bug::NoSafepointBackedge => "no-safepoint-backedge",
        }
    }
}

impl fmt::Display for Bug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Bug {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Bug, UnknownName> {
        Bug::ALL.into_iter().find(|b| b.name() == s).ok_or_else(|| UnknownName {
            what: "bug",
            given: s.to_string(),
            valid: Bug::ALL.map(Bug::name).join(", "),
        })
    }
}

/// The set of seeded bugs switched on for a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Bugs(u16);

impl Bugs {
    pub fn none() -> Bugs {
        Bugs(0)
    }

    pub fn with(self, bug: Bug) -> Bugs {
        Bugs(self.0 | 1 << bug as u16)
    }

    #[inline]
    pub fn has(self, bug: Bug) -> bool {
        self.0 & (1 << bug as u16) != 0
    }

    pub fn iter(self) -> impl Iterator<Item = Bug> {
        Bug::ALL.into_iter().filter(move |b| self.has(*b))
    }
}

impl FromIterator<Bug> for Bugs {
    fn from_iter<I: IntoIterator<Item = Bug>>(iter: I) -> Bugs {
        iter.into_iter().fold(Bugs::none(), Bugs::with)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_list_the_valid_ones() {
        for mode in Mode::ALL {
            assert_eq!(mode.name().parse::<Mode>(), Ok(mode));
        }
        for bug in Bug::ALL {
            assert_eq!(bug.name().parse::<Bug>(), Ok(bug));
        }
        let err = "fast".parse::<Mode>().unwrap_err().to_string();
        assert!(err.contains("unknown mode 'fast'") && err.contains("gil-on-import"), "{err}");
        let err = "gc-oops".parse::<Bug>().unwrap_err().to_string();
        assert!(err.contains("no-safepoint-backedge"), "{err}");
    }

    #[test]
    fn bug_sets_hold_exactly_what_was_added() {
        let bugs: Bugs = [Bug::GcIgnorePins, Bug::EmlNoDetach].into_iter().collect();
        assert!(bugs.has(Bug::GcIgnorePins) && bugs.has(Bug::EmlNoDetach));
        assert!(!bugs.has(Bug::ListAppendUnlocked));
        assert_eq!(bugs.iter().count(), 2);
    }
}
