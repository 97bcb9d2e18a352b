//! Writes an advice PDF of known text (typst, the program's fonts) to try the import
//! and the *Bronteksten* reader with: `cargo run --example advice_pdf -- OUT.pdf [PAGES]
//! [--columns]`. With `--columns`: two columns, a running header and footer, footnotes.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("gebruik: advice_pdf UIT.pdf [PAGINA'S] [--columns]");
        return ExitCode::from(2);
    };
    let pages = args.get(1).and_then(|p| p.parse().ok()).unwrap_or(12);
    let made = if args.iter().any(|a| a == "--columns") {
        clusterwerkbank::export::pdf::sample::two_column_advice_pdf(pages)
    } else {
        clusterwerkbank::export::pdf::sample::full_advice_pdf(pages)
    };
    match made.map(|pdf| std::fs::write(out, pdf)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("{out}: {e}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
