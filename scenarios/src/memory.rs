//! The default heap limit of `emlab run`: a share of the memory this process may use.
//!
//! `check` and `replay` keep their checking limit (512 MiB, [`emlab_vm::Limits::DEFAULT_MAX_HEAP`]):
//! a checked program is small, and the same limit makes the same MemoryError on every machine. A
//! production run should fail where CPython would, when the machine is out of memory, not at a
//! limit chosen for checking.

/// The heap may hold by default under `run` the memory available to emlab divided by this: half
/// of it. The heap counts its objects' bytes; the process takes more than that (a dict that fills
/// the heap takes about 1.4 times its counted bytes, and growing a table briefly holds the old and
/// the new one), and other processes need room too.
pub const SHARE: usize = 2;

/// The default `--max-heap` of `emlab run`: the least of the machine's physical
/// memory, the memory cgroup's limit and the address-space limit (`ulimit -v`), whichever are
/// known, divided by [`SHARE`]; the checking limit where none is known.
pub fn default_run_heap() -> usize {
    available().map_or(emlab_vm::Limits::DEFAULT_MAX_HEAP, |bytes| bytes / SHARE)
}

/// The least of the limits on this process's memory that can be read, in bytes.
pub fn available() -> Option<usize> {
    [physical(), cgroup(), address_space()].into_iter().flatten().min()
}

#[cfg(unix)]
fn physical() -> Option<usize> {
    // SAFETY: sysconf only reads system configuration.
    let (pages, size) = unsafe { (libc::sysconf(libc::_SC_PHYS_PAGES), libc::sysconf(libc::_SC_PAGESIZE)) };
    (pages > 0 && size > 0).then(|| (pages as usize).saturating_mul(size as usize))
}

#[cfg(unix)]
fn address_space() -> Option<usize> {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit writes the limit into `limit`, which outlives the call.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } == 0;
    (ok && limit.rlim_cur != libc::RLIM_INFINITY).then(|| usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX))
}

#[cfg(not(unix))]
fn physical() -> Option<usize> {
    None
}

#[cfg(not(unix))]
fn address_space() -> Option<usize> {
    None
}

/// The memory limit of this process's cgroup (v2 `memory.max`, or v1 `memory.limit_in_bytes`),
/// where one is set and readable.
fn cgroup() -> Option<usize> {
    let membership = std::fs::read_to_string("/proc/self/cgroup").unwrap_or_default();
    cgroup_limit(&membership, |path| std::fs::read_to_string(path).ok())
}

/// [`cgroup`] over the text of `/proc/self/cgroup` and a way to read a file: the limit of the
/// process's own group, else of the group the mount shows as its root (a container sees its own
/// group there).
fn cgroup_limit(membership: &str, read: impl Fn(&str) -> Option<String>) -> Option<usize> {
    let mut candidates = Vec::new();
    for line in membership.lines() {
        let mut fields = line.splitn(3, ':');
        let (Some(_), Some(controllers), Some(path)) = (fields.next(), fields.next(), fields.next()) else {
            continue;
        };
        let path = path.trim_end_matches('/');
        if controllers.is_empty() {
            candidates.push(format!("/sys/fs/cgroup{path}/memory.max"));
            candidates.push("/sys/fs/cgroup/memory.max".to_string());
        } else if controllers.split(',').any(|c| c == "memory") {
            candidates.push(format!("/sys/fs/cgroup/memory{path}/memory.limit_in_bytes"));
            candidates.push("/sys/fs/cgroup/memory/memory.limit_in_bytes".to_string());
        }
    }
    candidates.iter().find_map(|file| {
        let text = read(file)?;
        // "max" (v2) or a number near the largest (v1's way of saying none) is no limit.
        text.trim().parse::<u64>().ok().filter(|&n| n < 1 << 60).map(|n| usize::try_from(n).unwrap_or(usize::MAX))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cgroup_v2_limit_is_read_from_the_process_group() {
        let read = |path: &str| (path == "/sys/fs/cgroup/user/app/memory.max").then(|| "1073741824\n".to_string());
        assert_eq!(cgroup_limit("0::/user/app\n", read), Some(1 << 30));
    }

    #[test]
    fn a_cgroup_v1_limit_and_the_containers_root_are_read() {
        let read =
            |path: &str| (path == "/sys/fs/cgroup/memory/memory.limit_in_bytes").then(|| "2147483648".to_string());
        assert_eq!(cgroup_limit("4:memory:/docker/abc\n0::/\n", read), Some(2 << 30));
    }

    #[test]
    fn max_and_the_v1_sentinel_are_no_limit() {
        let max = |_: &str| Some("max\n".to_string());
        assert_eq!(cgroup_limit("0::/\n", max), None);
        let sentinel = |_: &str| Some("9223372036854771712\n".to_string());
        assert_eq!(cgroup_limit("4:memory:/\n", sentinel), None);
        assert_eq!(cgroup_limit("", |_: &str| Some("1".to_string())), None);
    }

    #[test]
    fn the_default_is_half_of_what_is_available() {
        let expected = available().map_or(emlab_vm::Limits::DEFAULT_MAX_HEAP, |bytes| bytes / 2);
        assert_eq!(default_run_heap(), expected);
        #[cfg(target_os = "linux")]
        assert!(physical().is_some(), "Linux reports its physical memory");
    }
}
