//! Writes the four charts of a workspace as SVG files, with their tables as TSV, to
//! look at them outside the program:
//!
//! `cargo run --example charts -- [WERKRUIMTE.ron] MAP [JJJJ-MM-DD]`
//!
//! Without a workspace file it draws the Green Paper. The date is "today" on the
//! timeline (default 2026-01-01, so the output does not depend on the clock). With
//! DejaVu Sans installed it also writes PNG images, as the DOCX export would embed.

use std::path::PathBuf;
use std::process::ExitCode;

use clusterwerkbank::charts::png::svg_to_png;
use clusterwerkbank::charts::svg::all_charts;
use clusterwerkbank::store;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (workspace, folder, date) = match args.as_slice() {
        [folder] => (None, folder, None),
        [file, folder] => (Some(file), folder, None),
        [file, folder, date] => (Some(file), folder, Some(date)),
        _ => {
            eprintln!("gebruik: charts [WERKRUIMTE.ron] MAP [JJJJ-MM-DD]");
            return ExitCode::from(2);
        }
    };
    let ws = match workspace {
        Some(path) => match store::load(&PathBuf::from(path)) {
            Ok(ws) => ws,
            Err(error) => {
                eprintln!("charts: {error}");
                return ExitCode::from(1);
            }
        },
        None => store::default_workspace(),
    };
    let today = match date.map(|d| d.parse::<jiff::civil::Date>()) {
        None => jiff::civil::date(2026, 1, 1),
        Some(Ok(date)) => date,
        Some(Err(error)) => {
            eprintln!("charts: ongeldige datum: {error}");
            return ExitCode::from(2);
        }
    };
    let folder = PathBuf::from(folder);
    if let Err(error) = std::fs::create_dir_all(&folder) {
        eprintln!("charts: kan {} niet aanmaken: {error}", folder.display());
        return ExitCode::from(1);
    }
    let font = std::fs::read("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").ok();
    let names = ["budget", "tijdlijn", "wenselijkheid", "adviezen"];
    for (chart, name) in all_charts(&ws, today).iter().zip(names) {
        let table: String = chart
            .table
            .iter()
            .map(|row| row.join("\t") + "\n")
            .collect();
        for (path, bytes) in [
            (folder.join(format!("{name}.svg")), chart.svg.as_bytes()),
            (folder.join(format!("{name}.tsv")), table.as_bytes()),
        ] {
            if let Err(error) = std::fs::write(&path, bytes) {
                eprintln!("charts: kan {} niet schrijven: {error}", path.display());
                return ExitCode::from(1);
            }
        }
        if let Some(font) = &font {
            let path = folder.join(format!("{name}.png"));
            let written = svg_to_png(&chart.svg, font, 1.0)
                .map_err(|e| e.to_string())
                .and_then(|png| std::fs::write(&path, png).map_err(|e| e.to_string()));
            if let Err(error) = written {
                eprintln!("charts: {}: {error}", path.display());
                return ExitCode::from(1);
            }
        }
    }
    println!("4 grafieken geschreven in {}", folder.display());
    ExitCode::SUCCESS
}
