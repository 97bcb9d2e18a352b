//! The command line: `clusterwerkbank [FILE]` opens the window; sub-commands work on
//! files without one. Exit status 0 on success, 1 for a problem with the input, 2 for
//! wrong usage (clap's own).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::{Workspace, validate};
use crate::store;

#[derive(Debug, Parser)]
#[command(
    name = "clusterwerkbank",
    version,
    about = "Werkbank voor de toekomst van het Vlaamse clusterbeleid",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Werkruimte om te openen (zonder: de laatste, anders het Groenboek)
    pub file: Option<PathBuf>,

    /// Tekenmotor: wgpu (standaard) of glow (voor oude laptops en virtuele machines)
    #[arg(long, value_enum, env = "CLUSTERWERKBANK_RENDERER")]
    pub renderer: Option<Renderer>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Renderer {
    Wgpu,
    Glow,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Schrijft het Groenboek (of met --empty een lege consultatie) naar FILE
    New {
        file: PathBuf,
        /// Een lege werkruimte voor een volgende consultatie
        #[arg(long)]
        empty: bool,
        /// Overschrijf een bestaand bestand
        #[arg(long)]
        force: bool,
    },
    /// Laadt en controleert FILE en toont de waarschuwingen
    Check { file: PathBuf },
    /// Herschrijft FILE in het huidige formaat; het origineel blijft als FILE.bak
    Upgrade { file: PathBuf },
    /// Exporteert de mededeling van FILE naar OUT (docx, pdf, html, md of txt)
    Export {
        file: PathBuf,
        /// Formaat van de export
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Bestand om te schrijven
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
        /// Publieke versie: zonder interne argumenten en notities
        #[arg(long)]
        public: bool,
    },
}

/// The export formats as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Docx,
    Pdf,
    Html,
    Md,
    Txt,
}

impl From<ExportFormat> for crate::export::Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Docx => Self::Docx,
            ExportFormat::Pdf => Self::Pdf,
            ExportFormat::Html => Self::Html,
            ExportFormat::Md => Self::Markdown,
            ExportFormat::Txt => Self::Text,
        }
    }
}

/// Runs a sub-command and returns the process exit status.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::New { file, empty, force } => new(&file, empty, force),
        Command::Check { file } => check(&file),
        Command::Upgrade { file } => upgrade(&file),
        Command::Export {
            file,
            format,
            output,
            public,
        } => export(&file, format.into(), &output, public),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("clusterwerkbank: {message}");
            ExitCode::from(1)
        }
    }
}

fn new(file: &Path, empty: bool, force: bool) -> Result<(), String> {
    if file.exists() && !force {
        return Err(format!(
            "{} bestaat al. Kies een andere naam, of voeg --force toe om het te overschrijven.",
            file.display()
        ));
    }
    let ws = if empty {
        Workspace::empty()
    } else {
        store::default_workspace()
    };
    store::save(file, &ws).map_err(|e| e.to_string())?;
    println!(
        "{} geschreven: {} clusters, {} scenario's, {} adviesorganen.",
        file.display(),
        ws.clusters.len(),
        ws.scenarios.len(),
        ws.bodies.len()
    );
    Ok(())
}

fn check(file: &Path) -> Result<(), String> {
    let ws = store::load(file).map_err(|e| e.to_string())?;
    let warnings = validate(&ws, current_year());
    println!(
        "{}: in orde — {} clusters, {} scenario's, {} toewijzingen, {} argumenten, {} adviesorganen, {} thema's.",
        file.display(),
        ws.clusters.len(),
        ws.scenarios.len(),
        ws.assignments.len(),
        ws.arguments.len(),
        ws.bodies.len(),
        ws.themes.len()
    );
    if warnings.is_empty() {
        println!("Geen waarschuwingen.");
    } else {
        println!("{} waarschuwing(en):", warnings.len());
        for warning in &warnings {
            println!("- {warning}");
        }
    }
    Ok(())
}

fn upgrade(file: &Path) -> Result<(), String> {
    let original = store::file::read_bounded(file).map_err(|e| e.to_string())?;
    let ws = store::file::parse_bytes(&original).map_err(|problem| {
        store::LoadError::Content {
            path: file.to_owned(),
            problem,
        }
        .to_string()
    })?;
    let mut backup = file.as_os_str().to_owned();
    backup.push(".bak");
    let backup = PathBuf::from(backup);
    store::write_atomic(&backup, &original).map_err(|e| e.to_string())?;
    store::save(file, &ws).map_err(|e| e.to_string())?;
    println!(
        "{} herschreven in formaatversie {}; het origineel staat in {}.",
        file.display(),
        store::FORMAT_VERSION,
        backup.display()
    );
    Ok(())
}

fn export(
    file: &Path,
    format: crate::export::Format,
    output: &Path,
    public: bool,
) -> Result<(), String> {
    let ws = store::load(file).map_err(|e| e.to_string())?;
    let options = crate::export::ExportOptions {
        public_version: public,
        ..crate::export::ExportOptions::default()
    };
    crate::export::export_to_file(&ws, &options, format, output).map_err(|e| e.to_string())?;
    println!(
        "{} geschreven ({}{}).",
        output.display(),
        format.dutch(),
        if public || ws.meta.public_version {
            ", publieke versie"
        } else {
            ""
        }
    );
    Ok(())
}

/// This year by the system clock, for warnings about terms that have passed.
pub fn current_year() -> i32 {
    i32::from(jiff::ZonedDateTime::now().year())
}
