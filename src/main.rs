// A release build on Windows opens no console window behind the workbench.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use clusterwerkbank::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => cli::run(command),
        None => clusterwerkbank::ui::run(cli.file, cli.renderer),
    }
}
