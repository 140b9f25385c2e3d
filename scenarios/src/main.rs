use clap::Parser;
use emlab::cli::{Cli, Command};

fn main() {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    if let Err(message) = emlab::logging::init(cli.log_format) {
        eprintln!("{message}");
        std::process::exit(emlab::exit::USAGE);
    }
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

/// A reader that goes away (`emlab check | head`) ends emlab quietly, as it ends `grep`: the
/// default action of SIGPIPE (which Rust's runtime ignores, turning every later `println!` into a
/// panic) is restored.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any other thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
