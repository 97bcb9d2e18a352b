//! Writes a large synthetic workspace for tests and benchmarks:
//!
//! `cargo run --release --example synth -- --clusters 200 --arguments 20000 --seed 1 -o FILE`
//!
//! The same arguments always give the same bytes.

use std::path::PathBuf;
use std::process::ExitCode;

use clusterwerkbank::{store, synth};

const USAGE: &str = "gebruik: synth [--clusters N] [--arguments M] [--seed S] -o BESTAND";

struct Options {
    clusters: usize,
    arguments: usize,
    seed: u64,
    output: PathBuf,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut clusters = 200;
    let mut arguments = 20_000;
    let mut seed = 1;
    let mut output = None;
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{flag} verwacht een waarde"))
        };
        let number = |text: String| {
            text.replace('_', "")
                .parse::<u64>()
                .map_err(|_| format!("{flag}: \u{201c}{text}\u{201d} is geen geheel getal"))
        };
        match flag.as_str() {
            "--clusters" => {
                clusters = usize::try_from(number(value()?)?).map_err(|e| e.to_string())?
            }
            "--arguments" => {
                arguments = usize::try_from(number(value()?)?).map_err(|e| e.to_string())?
            }
            "--seed" => seed = number(value()?)?,
            "-o" | "--output" => output = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("onbekende optie \u{201c}{other}\u{201d}")),
        }
    }
    let output = output.ok_or_else(|| "-o BESTAND ontbreekt".to_owned())?;
    Ok(Options {
        clusters,
        arguments,
        seed,
        output,
    })
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("synth: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let ws = synth::synthetic_workspace(options.clusters, options.arguments, options.seed);
    if let Err(error) = store::save(&options.output, &ws) {
        eprintln!("synth: {error}");
        return ExitCode::from(1);
    }
    println!(
        "{} geschreven: {} clusters, {} toewijzingen, {} argumenten, {} thema's.",
        options.output.display(),
        ws.clusters.len(),
        ws.assignments.len(),
        ws.arguments.len(),
        ws.themes.len()
    );
    ExitCode::SUCCESS
}
