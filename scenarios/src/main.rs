use clap::Parser;
use emlab::cli::{Cli, Command};

fn main() {
    let cli = Cli::parse();
    let code = match &cli.command {
        Command::Run(args) => emlab::run::run(args),
    };
    std::process::exit(code);
}
