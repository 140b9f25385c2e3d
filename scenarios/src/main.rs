use clap::Parser;
use emlab::cli::{Cli, Command};

/// mimalloc: per-thread heaps with cheap frees from other threads (a lazy sweep frees whichever
/// thread's garbage it finds, which the system allocator serializes on its arenas' locks). Built
/// without transparent huge pages (`no_thp`), which would add 6 MB to every process's footprint.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Run(args) => emlab::run::run(args),
        Command::Check(args) => emlab::check::check(args),
        Command::Replay(args) => emlab::replay::run(args),
        Command::Bench(args) => emlab::bench::bench(args),
        Command::Suite(args) => emlab::suite::suite(args),
        Command::Merge(args) => emlab::merge::merge(args),
        Command::Generate(args) => emlab::generate::command::generate(args),
    };
    std::process::exit(code);
}
