//! The command line: `clusterwerkbank [FILE]` opens the window; sub-commands work on
//! files without one. Exit status 0 on success, 1 for a problem with the input, 2 for
//! wrong usage (clap's own).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{ArgAction, Parser, Subcommand, ValueEnum};

/// `println!` for the command line's output, except that a reader who stops reading
/// early (`clusterwerkbank history FILE | head`) ends the command quietly: the
/// standard macro panics with a backtrace on a closed pipe, on Windows as on Unix.
/// Only the printing is cut short; the command's work on files is done by then.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(error) = writeln!(std::io::stdout().lock(), $($arg)*) {
            $crate::cli::output_failed(&error);
        }
    }};
}

mod history;

use crate::model::{Workspace, validate};
use crate::store;
use crate::ui::Renderer;

/// The help in Dutch throughout: clap's own words ("Usage", "Options", "Print help")
/// are replaced by a template, headings and our own help and version flags. Clap's
/// error messages stay English (clap has no translations).
const HELP: &str = "{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";
const ARGUMENTS: &str = "Argumenten";
const OPTIONS: &str = "Opties";

#[derive(Debug, Parser)]
#[command(
    name = "clusterwerkbank",
    version,
    about = "Werkbank voor de toekomst van het Vlaamse clusterbeleid",
    args_conflicts_with_subcommands = true,
    help_template = HELP,
    override_usage = "clusterwerkbank [OPTIES] [FILE]\n         clusterwerkbank <OPDRACHT>",
    subcommand_help_heading = "Opdrachten",
    subcommand_value_name = "OPDRACHT",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Werkruimte om te openen (zonder: de laatste, anders het Groenboek)
    #[arg(help_heading = ARGUMENTS)]
    pub file: Option<PathBuf>,

    /// Tekenmotor: wgpu (standaard) of glow (voor oude laptops en virtuele machines); ook
    /// via de omgevingsvariabele CLUSTERWERKBANK_RENDERER
    #[arg(
        long,
        value_enum,
        env = "CLUSTERWERKBANK_RENDERER",
        hide_env = true,
        hide_possible_values = true,
        help_heading = OPTIONS
    )]
    pub renderer: Option<Renderer>,

    /// Toont deze hulp
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true, help_heading = OPTIONS)]
    help: Option<bool>,

    /// Toont de versie
    #[arg(short = 'V', long = "version", action = ArgAction::Version, help_heading = OPTIONS)]
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Schrijft het Groenboek (of met --empty een lege consultatie) naar FILE
    #[command(help_template = HELP, override_usage = "clusterwerkbank new [OPTIES] <FILE>", next_help_heading = OPTIONS)]
    New {
        /// De nieuwe werkruimte
        #[arg(help_heading = ARGUMENTS)]
        file: PathBuf,
        /// Een lege werkruimte voor een volgende consultatie
        #[arg(long)]
        empty: bool,
        /// Overschrijf een bestaand bestand (de vorige inhoud gaat eerst naar de reservekopieën)
        #[arg(long)]
        force: bool,
        /// Overschrijf ook als er geen reservekopie gemaakt kan worden
        #[arg(long, requires = "force")]
        no_backup: bool,
    },
    /// Laadt en controleert FILE en toont de waarschuwingen
    #[command(help_template = HELP, override_usage = "clusterwerkbank check <FILE>", next_help_heading = OPTIONS)]
    Check {
        /// De werkruimte
        #[arg(help_heading = ARGUMENTS)]
        file: PathBuf,
    },
    /// Herschrijft FILE in het huidige formaat; het origineel blijft bewaard naast
    /// FILE (FILE.bak, of FILE.2.bak enz. als die al bestaat) en in de reservekopieën
    #[command(help_template = HELP, override_usage = "clusterwerkbank upgrade [OPTIES] <FILE>", next_help_heading = OPTIONS)]
    Upgrade {
        /// De werkruimte
        #[arg(help_heading = ARGUMENTS)]
        file: PathBuf,
        /// Herschrijf ook als er geen reservekopie gemaakt kan worden
        #[arg(long)]
        no_backup: bool,
    },
    /// Exporteert de mededeling van FILE naar OUT (docx, pdf, html, md of txt), of
    /// haar cijfers als rekenblad (xlsx)
    #[command(help_template = HELP, override_usage = "clusterwerkbank export [OPTIES] --format <FORMAT> -o <OUT> <FILE>", next_help_heading = OPTIONS)]
    Export {
        /// De werkruimte
        #[arg(help_heading = ARGUMENTS)]
        file: PathBuf,
        /// Formaat van de export: docx, pdf, html, md, txt of xlsx
        #[arg(long, value_enum, hide_possible_values = true)]
        format: ExportFormat,
        /// Bestand om te schrijven
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
        /// Publieke versie: zonder interne argumenten en notities
        #[arg(long)]
        public: bool,
        /// De onderdelen, met komma's gescheiden (standaard alle): samenvatting,
        /// situering, scenarios, adviezen, aanbevelingen, themas, budget, timing,
        /// varianten (de bijlage "Onderzochte varianten")
        #[arg(long, value_delimiter = ',', value_parser = parse_section)]
        sections: Vec<crate::export::Section>,
    },
    /// Importeert een adviesdocument (PDF, DOCX, TXT, MD, HTML) in de werkruimte, bij
    /// het adviesorgaan BODY; de tekst reist voortaan mee in het bestand
    #[command(help_template = HELP, override_usage = "clusterwerkbank import [OPTIES] --body <BODY> <WORKSPACE> <DOCUMENT>", next_help_heading = OPTIONS)]
    Import {
        /// De werkruimte
        #[arg(help_heading = ARGUMENTS)]
        workspace: PathBuf,
        /// Het adviesdocument
        #[arg(help_heading = ARGUMENTS)]
        document: PathBuf,
        /// Het adviesorgaan: de korte naam (VARIO) of de volledige naam
        #[arg(long)]
        body: String,
        /// Schrijf de werkruimte met het document naar OUT in plaats van WORKSPACE
        /// (WORKSPACE zelf krijgt eerst een reservekopie)
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Voegt de kopie van een collega (THEIRS) samen met de jouwe (MINE) in OUT;
    /// MINE en THEIRS blijven ongewijzigd
    #[command(help_template = HELP, override_usage = "clusterwerkbank merge [OPTIES] -o <OUT> <MINE> <THEIRS>", next_help_heading = OPTIONS)]
    Merge {
        /// Jouw kopie
        #[arg(help_heading = ARGUMENTS)]
        mine: PathBuf,
        /// De kopie van je collega
        #[arg(help_heading = ARGUMENTS)]
        theirs: PathBuf,
        /// Het samengevoegde bestand
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
        /// De gemeenschappelijke voorloper van beide kopieën (driewegsamenvoeging)
        #[arg(long)]
        base: Option<PathBuf>,
        /// Overschrijf OUT als het al bestaat (de vorige versie gaat naar de reservekopieën)
        #[arg(long)]
        force: bool,
        /// Overschrijf OUT ook als er geen reservekopie gemaakt kan worden
        #[arg(long, requires = "force")]
        no_backup: bool,
        /// Wie samenvoegt, voor de geschiedenis (standaard: de gebruikersnaam van het systeem)
        #[arg(long)]
        author: Option<String>,
    },
    /// Toont de geschiedenis van FILE: de versies, nieuwste eerst, met auteur, tijd en
    /// wijzigingen
    History {
        file: PathBuf,
        /// Als JSON, voor scripts
        #[arg(long)]
        json: bool,
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
    Xlsx,
}

impl From<ExportFormat> for crate::export::Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Docx => Self::Docx,
            ExportFormat::Pdf => Self::Pdf,
            ExportFormat::Html => Self::Html,
            ExportFormat::Md => Self::Markdown,
            ExportFormat::Txt => Self::Text,
            ExportFormat::Xlsx => Self::Xlsx,
        }
    }
}

/// Runs a sub-command and returns the process exit status.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::New {
            file,
            empty,
            force,
            no_backup,
        } => new(&file, empty, force, no_backup),
        Command::Check { file } => check(&file),
        Command::Upgrade { file, no_backup } => upgrade(&file, no_backup),
        Command::Export {
            file,
            format,
            output,
            public,
            sections,
        } => export(&file, format.into(), &output, public, &sections),
        Command::Merge {
            mine,
            theirs,
            output,
            base,
            force,
            no_backup,
            author,
        } => merge(
            &mine,
            &theirs,
            &output,
            base.as_deref(),
            (force, no_backup),
            author.unwrap_or_else(crate::platform::default_author),
        ),
        Command::History { file, json } => history::history(&file, json),
        Command::Import {
            workspace,
            document,
            body,
            output,
        } => import(&workspace, &document, &body, output.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("clusterwerkbank: {message}");
            ExitCode::from(1)
        }
    }
}

fn new(file: &Path, empty: bool, force: bool, no_backup: bool) -> Result<(), String> {
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
    let kept = secure_before_replacing(file, no_backup)?;
    store::save(file, &ws).map_err(|e| e.to_string())?;
    out!(
        "{} geschreven: {} clusters, {} scenario's, {} adviesorganen.",
        file.display(),
        ws.clusters.len(),
        ws.scenarios.len(),
        ws.bodies.len()
    );
    tell_kept(file, kept.as_deref());
    Ok(())
}

/// "1 conflict", "0 conflicten", "3 conflicten": Dutch counts the singular for one only.
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Before a command replaces an existing file wholesale, its bytes go to the backups;
/// when that fails the command stops with the file untouched, unless the person said
/// `--no-backup`. Returns where the copy is (`None`: nothing existed, or no copy
/// was asked for — then a line says so).
fn secure_before_replacing(file: &Path, no_backup: bool) -> Result<Option<PathBuf>, String> {
    match store::keep_copy(crate::platform::data_dir().as_ref(), file) {
        Ok(kept) => Ok(kept),
        Err(problem) if no_backup => {
            eprintln!(
                "clusterwerkbank: let op: van de vorige inhoud van {} is geen reservekopie gemaakt ({problem}); --no-backup was gevraagd.",
                file.display()
            );
            Ok(None)
        }
        Err(problem) => Err(format!(
            "{} is niet gewijzigd: er kon geen reservekopie van gemaakt worden ({problem}). Herstel de gegevensmap (of zet CLUSTERWERKBANK_DATA_DIR op een bruikbare map), of voeg --no-backup toe om toch te overschrijven.",
            file.display()
        )),
    }
}

/// Reads DOCUMENT, adds it to the workspace at BODY, and writes the workspace to OUT
/// (default: the workspace file itself, after a kept copy). Nothing is written when
/// anything fails.
fn import(
    workspace: &Path,
    document: &Path,
    body: &str,
    output: Option<&Path>,
) -> Result<(), String> {
    let (mut ws, history) = store::load_tracked(workspace).map_err(|e| e.to_string())?;
    let Some(owner) = crate::import::find_body(&ws, body) else {
        let names: Vec<&str> = ws.bodies.iter().map(|b| b.short_name.as_str()).collect();
        return Err(format!(
            "{} heeft geen adviesorgaan \u{201c}{body}\u{201d}. Kies een van: {}.",
            workspace.display(),
            names.join(", ")
        ));
    };
    let (body_id, body_name) = (owner.id, owner.short_name.clone());
    let text = crate::import::read_file(document).map_err(|e| e.to_string())?;
    let (passages, pages) = (text.passages.len(), text.pages());
    let edit = crate::import::attach(&ws, text, body_id, crate::platform::today())
        .map_err(|e| e.to_string())?;
    crate::model::apply(&mut ws, edit).map_err(|e| e.to_string())?;
    let target = output.unwrap_or(workspace);
    if output.is_some_and(|out| store::same_file(out, document)) {
        return Err(format!(
            "OUT ({}) is het adviesdocument zelf; kies een andere naam.",
            target.display()
        ));
    }
    let kept = if target.exists() {
        secure_before_replacing(target, false)?
    } else {
        None
    };
    let (text, _, _) = store::file_text(
        &ws,
        &history,
        &crate::platform::default_author(),
        &crate::platform::now_rfc3339(),
    )
    .map_err(|e| e.to_string())?;
    store::write_atomic(target, text.as_bytes()).map_err(|e| e.to_string())?;
    let extent = match pages {
        Some(1) => "1 pagina".to_owned(),
        Some(n) => format!("{n} pagina's"),
        None if passages == 1 => "1 passage".to_owned(),
        None => format!("{passages} passages"),
    };
    out!(
        "{} geïmporteerd bij {body_name} ({extent}); {} geschreven.",
        document.display(),
        target.display()
    );
    tell_kept(target, kept.as_deref());
    Ok(())
}

fn tell_kept(file: &Path, kept: Option<&Path>) {
    if let Some(copy) = kept {
        out!(
            "De vorige inhoud van {} staat in de reservekopie {}.",
            file.display(),
            copy.display()
        );
    }
}

fn check(file: &Path) -> Result<(), String> {
    let (ws, history) = store::load_tracked(file).map_err(|e| e.to_string())?;
    // The warnings of the recommendation the communication presents: checked against
    // all variants at once, every cluster would combine its scenarios of each.
    let warnings = validate(&ws.recommended(), crate::platform::current_year());
    out!(
        "{}: in orde — {}, {}, {}, {}, {}, {}.",
        file.display(),
        count(ws.clusters.len(), "cluster", "clusters"),
        count(ws.scenarios.len(), "scenario", "scenario's"),
        count(ws.assignments.len(), "toewijzing", "toewijzingen"),
        count(ws.arguments.len(), "argument", "argumenten"),
        count(ws.bodies.len(), "adviesorgaan", "adviesorganen"),
        count(ws.themes.len(), "thema", "thema's")
    );
    if !ws.documents.is_empty() {
        out!(
            "{}:",
            count(ws.documents.len(), "adviesdocument", "adviesdocumenten")
        );
        for document in &ws.documents {
            let body = ws
                .body(document.body)
                .map_or("onbekend adviesorgaan", |b| b.short_name.as_str());
            let extent = match document.pages() {
                Some(pages) => count(usize::try_from(pages).unwrap_or(0), "pagina", "pagina's"),
                None => count(document.passages.len(), "passage", "passages"),
            };
            out!("- {} ({body}, {extent})", document.file_name);
        }
    }
    if ws.variants.len() > 1 {
        let chosen = ws.chosen_variant();
        let names: Vec<String> = (ws.variants.iter())
            .map(|v| {
                let mark = if v.id == chosen { " (aanbeveling)" } else { "" };
                format!("{}{mark}", v.name)
            })
            .collect();
        out!(
            "{}: {}; de waarschuwingen gelden de aanbeveling.",
            count(ws.variants.len(), "variant", "varianten"),
            names.join(", ")
        );
    }
    if !ws.conflicts.is_empty() {
        out!(
            "Er {} nog {} open van het samenvoegen; kies in het venster welke waarde blijft.",
            if ws.conflicts.len() == 1 {
                "staat"
            } else {
                "staan"
            },
            count(ws.conflicts.len(), "conflict", "conflicten")
        );
    }
    match history.health() {
        Some(note) => out!("Geschiedenis: {note}"),
        None if !history.log.is_empty() => out!(
            "Geschiedenis: {}, volledig.",
            count(history.log.versions.len(), "versie", "versies")
        ),
        None => {}
    }
    if warnings.is_empty() {
        out!("Geen waarschuwingen.");
    } else {
        out!(
            "{}:",
            count(warnings.len(), "waarschuwing", "waarschuwingen")
        );
        for warning in &warnings {
            out!(
                "- {}",
                crate::wording::warning(&ws, warning, crate::wording::Lang::Dutch)
            );
        }
    }
    Ok(())
}

fn upgrade(file: &Path, no_backup: bool) -> Result<(), String> {
    let original = store::file::read_bounded(file).map_err(|e| e.to_string())?;
    let ws = store::file::parse_bytes(&original).map_err(|problem| {
        store::LoadError::Content {
            path: file.to_owned(),
            problem,
        }
        .to_string()
    })?;
    // The history comes along; upgrading changes no content, so it adds no version.
    let history = std::str::from_utf8(&original)
        .ok()
        .and_then(|text| store::parse_tracked(text).ok())
        .map(|(_, history)| history)
        .unwrap_or_default();
    let (text, _, _) = store::file_text(
        &ws,
        &history,
        &crate::platform::default_author(),
        &crate::platform::now_rfc3339(),
    )
    .map_err(|e| format!("{}: {e}; er is niets gewijzigd.", file.display()))?;
    if text.as_bytes() == original.as_slice() {
        out!(
            "{} staat al in formaatversie {}; er is niets gewijzigd.",
            file.display(),
            store::FORMAT_VERSION
        );
        return Ok(());
    }
    let kept = secure_before_replacing(file, no_backup)?;
    let beside = keep_beside(file, &original)?;
    store::write_atomic(file, text.as_bytes()).map_err(|e| e.to_string())?;
    out!(
        "{} herschreven in formaatversie {}; het origineel staat in {}.",
        file.display(),
        store::FORMAT_VERSION,
        beside.display()
    );
    tell_kept(file, kept.as_deref());
    Ok(())
}

/// The original beside the file, under a name no earlier run used: `FILE.bak`, else
/// `FILE.2.bak`, `FILE.3.bak` … A kept original is never written over.
fn keep_beside(file: &Path, original: &[u8]) -> Result<PathBuf, String> {
    use std::io::Write;
    let target = store::file::resolve_links(file).unwrap_or_else(|_| file.to_owned());
    for n in 1..1000 {
        let mut name = target.as_os_str().to_owned();
        if n == 1 {
            name.push(".bak");
        } else {
            name.push(format!(".{n}.bak"));
        }
        let candidate = PathBuf::from(name);
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate);
        match created {
            Ok(mut out) => {
                let written = out.write_all(original).and_then(|()| out.sync_all());
                return match written {
                    Ok(()) => Ok(candidate),
                    Err(e) => {
                        let _ = std::fs::remove_file(&candidate);
                        Err(store::SaveError::new(&candidate, &e).to_string())
                    }
                };
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(store::SaveError::new(&candidate, &e).to_string()),
        }
    }
    Err(format!(
        "{} is niet gewijzigd: naast het bestand staan al 999 kopieën (.bak).",
        file.display()
    ))
}

/// A section's command-line name, or a Dutch error that lists the names.
fn parse_section(name: &str) -> Result<crate::export::Section, String> {
    crate::export::Section::from_key(name).ok_or_else(|| {
        let names: Vec<&str> = crate::export::Section::ALL
            .iter()
            .map(|s| s.key())
            .collect();
        format!(
            "onbekend onderdeel \"{name}\"; kies uit {}",
            names.join(", ")
        )
    })
}

fn export(
    file: &Path,
    format: crate::export::Format,
    output: &Path,
    public: bool,
    sections: &[crate::export::Section],
) -> Result<(), String> {
    if store::same_file(file, output) {
        return Err(format!(
            "OUT ({}) is het werkruimtebestand zelf; kies een andere naam voor de export. Er is niets gewijzigd.",
            output.display()
        ));
    }
    let ws = store::load(file).map_err(|e| e.to_string())?;
    let mut options = crate::export::ExportOptions {
        public_version: public,
        ..crate::export::ExportOptions::default()
    };
    if !sections.is_empty() {
        options.sections = sections.iter().copied().collect();
    }
    crate::export::export_to_file(&ws, &options, format, output).map_err(|e| e.to_string())?;
    out!(
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

fn merge(
    mine: &Path,
    theirs: &Path,
    output: &Path,
    base: Option<&Path>,
    (force, no_backup): (bool, bool),
    author: String,
) -> Result<(), String> {
    for input in [Some(mine), Some(theirs), base].into_iter().flatten() {
        if store::same_file(input, output) {
            return Err(format!(
                "OUT ({}) is een van de invoerbestanden; kies een nieuwe naam, zodat beide kopieën bewaard blijven.",
                output.display()
            ));
        }
    }
    if output.exists() && !force {
        return Err(format!(
            "{} bestaat al. Kies een andere naam, of voeg --force toe om het te overschrijven.",
            output.display()
        ));
    }
    let load = |path: &Path| store::load_tracked(path).map_err(|e| e.to_string());
    let (mine_ws, mine_history) = load(mine)?;
    let (theirs_ws, theirs_history) = load(theirs)?;
    let (base_ws, how) = match base {
        Some(path) => (
            Some(store::load(path).map_err(|e| e.to_string())?),
            format!("driewegsamenvoeging met {} als voorloper", path.display()),
        ),
        None => match store::common_base(&mine_history, &theirs_history) {
            Ok((id, ws)) => (
                Some(ws),
                format!(
                    "driewegsamenvoeging met de gemeenschappelijke versie {id} uit de geschiedenis"
                ),
            ),
            Err(why) => (
                None,
                format!(
                    "tweewegsamenvoeging: {}, dus elk verschil is een conflict",
                    store::no_base_reason(&why)
                ),
            ),
        },
    };
    let result = crate::model::merge(base_ws.as_ref(), &mine_ws, &theirs_ws);
    let mut history = mine_history;
    history.merge_in(&theirs_history);
    let (text, _, _) = store::file_text(
        &result.workspace,
        &history,
        &author,
        &crate::platform::now_rfc3339(),
    )
    .map_err(|e| e.to_string())?;
    let kept = secure_before_replacing(output, no_backup)?;
    store::write_atomic(output, text.as_bytes()).map_err(|e| e.to_string())?;
    let s = result.summary;
    out!(
        "{} geschreven ({how}): {} toegevoegd, {} gewijzigd, {} verwijderd, {}.",
        output.display(),
        s.added,
        s.changed,
        s.removed,
        count(s.conflicts, "conflict", "conflicten")
    );
    if s.open > s.conflicts {
        let (verb, noun) = if s.open == 1 {
            ("staat", "conflict")
        } else {
            ("staan", "conflicten")
        };
        out!(
            "Er {verb} nu {} {noun} open in {} (ook van eerder samenvoegen).",
            s.open,
            output.display()
        );
    }
    let file = |input: crate::model::merge::Input| {
        let path = match input {
            crate::model::merge::Input::Base => base.unwrap_or(mine),
            crate::model::merge::Input::Mine => mine,
            crate::model::merge::Input::Theirs => theirs,
        };
        path.display().to_string()
    };
    for repair in &result.repairs {
        out!(
            "{}",
            crate::wording::id_repair(repair, file, crate::wording::Lang::Dutch)
        );
    }
    tell_kept(output, kept.as_deref());
    if !result.conflicts.is_empty() {
        out!("Conflicten (beide waarden staan in het bestand; kies er een in het venster):");
        for conflict in &result.conflicts {
            out!(
                "- {}",
                crate::wording::conflict(&result.workspace, conflict, crate::wording::Lang::Dutch)
            );
        }
    }
    Ok(())
}

/// Ends the process after the output could not be written: quietly when the reader
/// closed the pipe (nobody is left to read a message), with a Dutch message and
/// status 1 otherwise (a full disk behind a redirection).
pub(crate) fn output_failed(error: &std::io::Error) -> ! {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("clusterwerkbank: de uitvoer kon niet geschreven worden: {error}");
    std::process::exit(1)
}
