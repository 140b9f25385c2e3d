use clap::Parser;
use emlab::cli::{Cli, Command};

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
