//! Format versions and how older files become current workspaces.
//!
//! Version 1 (the first prototype) stored a cluster's funding cap in thousands of
//! euros (`max_funding_keuro: Some(650)`, after the Green Paper's "650k€") and had no
//! compatibility rules. Version 2 stores whole euros and the rules. Version 3 adds
//! citations (an argument's `citation`, a stance's `passage`, a theme's `citation`):
//! every new field is optional, so a version-2 workspace reads in the current shape and
//! simply has no citations; the version number still goes up so that a version-2
//! build refuses a file with citations as "made by a newer version" instead of failing
//! on an unknown field. Version 4 adds, as optional fields in the same way, a
//! citation's place in an imported document (`Passage.source`). Each old version keeps a frozen copy of the shapes that
//! changed, so the current types can move on.

use serde::Deserialize;

use crate::model::versions::Stored;
use crate::model::{Euro, Workspace};

use super::file::FORMAT_VERSION;

/// A parsed file: the version it declares (if any) and, unless that version is newer
/// than this build reads, its workspace in the current shape.
pub(crate) struct Parsed {
    pub declared: Option<u32>,
    /// `None` only when the declared version is newer than [`FORMAT_VERSION`]: a newer
    /// workspace's shape is unknown, so its text is skipped rather than misread.
    pub workspace: Option<Workspace>,
    /// A history found inside the top-level record (a hand edit moved it there); the
    /// history where the program writes it, at the end, is read apart by `versions`.
    pub history: Option<Vec<Stored>>,
}

/// Parses workspace text of any version in one pass: the parser reads
/// `format_version` as a field (so a commented-out `// format_version: 3` is a
/// comment, as it is to every other RON reader) and reads `workspace` in the shape of
/// the version declared before it.
///
/// Files write `format_version` first. A file that declares it after `workspace` (a
/// hand edit) or not at all is read in the current shape; if the declaration that
/// follows names another version, the text is read once more in that version's shape.
///
/// Errors: RON's own, with the position of the offending text.
pub(crate) fn parse_file(text: &str) -> Result<Parsed, ron::error::SpannedError> {
    let first = parse_with(text, None);
    match first {
        Ok(found) if found.reread_as.is_none() => Ok(found.parsed),
        Ok(found) => {
            let version = found.reread_as.unwrap_or(FORMAT_VERSION);
            parse_with(text, Some(version)).map(|again| again.parsed)
        }
        Err(error) => {
            // The current shape may have failed on an old workspace whose version is
            // declared below it; only then is a second reading worth it.
            match declared_after_workspace(text) {
                Some(version) if version != FORMAT_VERSION => {
                    parse_with(text, Some(version)).map(|again| again.parsed)
                }
                _ => Err(error),
            }
        }
    }
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(64)
}

struct Found {
    parsed: Parsed,
    /// Set when the workspace was read in an assumed shape and the version declared
    /// after it differs.
    reread_as: Option<u32>,
}

fn parse_with(text: &str, assumed: Option<u32>) -> Result<Found, ron::error::SpannedError> {
    options().from_str_seed(text, FileSeed { assumed })
}

/// The version declared anywhere in the file's top-level record, read by the parser
/// with the workspace skipped. Used only after a failed first reading.
fn declared_after_workspace(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct Header {
        // 0 stands for "not declared": RON would want `Some(…)` around an Option.
        #[serde(default)]
        format_version: u32,
    }
    let version = options().from_str::<Header>(text).ok()?.format_version;
    (version > 0).then_some(version)
}

struct FileSeed {
    /// The version to read the workspace as when none is declared before it.
    assumed: Option<u32>,
}

enum FileField {
    FormatVersion,
    Workspace,
    History,
}

const FILE_FIELDS: &[&str] = &["format_version", "workspace", "history"];

impl<'de> Deserialize<'de> for FileField {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = FileField;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("format_version of workspace")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<FileField, E> {
                match name {
                    "format_version" => Ok(FileField::FormatVersion),
                    "workspace" => Ok(FileField::Workspace),
                    "history" => Ok(FileField::History),
                    other => Err(E::unknown_field(other, FILE_FIELDS)),
                }
            }
        }
        deserializer.deserialize_identifier(Name)
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for FileSeed {
    type Value = Found;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Found, D::Error> {
        deserializer.deserialize_struct("", FILE_FIELDS, self)
    }
}

impl<'de> serde::de::Visitor<'de> for FileSeed {
    type Value = Found;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("een werkruimte ( format_version: …, workspace: ( … ) )")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
        use serde::de::Error;
        let mut declared: Option<u32> = None;
        let mut workspace: Option<Option<Workspace>> = None;
        let mut read_as: Option<u32> = None;
        let mut history: Option<Vec<Stored>> = None;
        while let Some(field) = map.next_key::<FileField>()? {
            match field {
                FileField::History => {
                    if history.is_some() {
                        return Err(A::Error::duplicate_field("history"));
                    }
                    history = Some(map.next_value()?);
                }
                FileField::FormatVersion => {
                    if declared.is_some() {
                        return Err(A::Error::duplicate_field("format_version"));
                    }
                    declared = Some(map.next_value()?);
                }
                FileField::Workspace => {
                    if workspace.is_some() {
                        return Err(A::Error::duplicate_field("workspace"));
                    }
                    let version = declared.or(self.assumed).unwrap_or(FORMAT_VERSION);
                    read_as = Some(version);
                    workspace = Some(if version > FORMAT_VERSION {
                        map.next_value::<serde::de::IgnoredAny>()?;
                        None
                    } else if version <= 1 {
                        Some(map.next_value::<v1::Workspace1>()?.into_current())
                    } else {
                        Some(map.next_value::<Workspace>()?)
                    });
                }
            }
        }
        let declared_version = declared.unwrap_or(FORMAT_VERSION);
        let reread_as = match read_as {
            Some(used) if used != declared_version && declared.is_some() => Some(declared_version),
            _ => None,
        };
        let workspace = match workspace {
            Some(ws) => ws,
            None if declared_version > FORMAT_VERSION => None,
            None => return Err(A::Error::missing_field("workspace")),
        };
        Ok(Found {
            parsed: Parsed {
                declared,
                workspace,
                history,
            },
            reread_as,
        })
    }
}

mod v1 {
    use serde::Deserialize;

    use crate::model::{
        AdvisoryBody, Argument, Assignment, Cluster, ClusterId, ClusterStatus, Metadata, Scenario,
        Theme, Workspace,
    };

    #[derive(Deserialize, Default)]
    #[serde(default, deny_unknown_fields)]
    pub(crate) struct Workspace1 {
        pub meta: Metadata,
        pub clusters: Vec<Cluster1>,
        #[serde(deserialize_with = "crate::model::ids::deserialize_settled")]
        pub scenarios: Vec<Scenario>,
        #[serde(deserialize_with = "crate::model::ids::deserialize_settled")]
        pub assignments: Vec<Assignment>,
        #[serde(deserialize_with = "crate::model::ids::deserialize_settled")]
        pub arguments: Vec<Argument>,
        #[serde(deserialize_with = "crate::model::ids::deserialize_settled")]
        pub bodies: Vec<AdvisoryBody>,
        #[serde(deserialize_with = "crate::model::ids::deserialize_settled")]
        pub themes: Vec<Theme>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(crate) struct Cluster1 {
        pub id: ClusterId,
        #[serde(default)]
        pub name: String,
        #[serde(default)]
        pub domain: String,
        #[serde(default)]
        pub status: ClusterStatus,
        #[serde(default)]
        pub start_year: Option<i32>,
        #[serde(default)]
        pub term_end_year: Option<i32>,
        /// Thousands of euros.
        #[serde(default)]
        pub max_funding_keuro: Option<u32>,
        #[serde(default)]
        pub note: String,
        #[serde(default)]
        pub recommendation: String,
    }

    impl Workspace1 {
        pub(crate) fn into_current(self) -> Workspace {
            let Workspace1 {
                meta,
                clusters,
                scenarios,
                assignments,
                arguments,
                bodies,
                themes,
            } = self;
            Workspace {
                meta,
                clusters: clusters.into_iter().map(Cluster1::into_current).collect(),
                scenarios,
                assignments,
                arguments,
                bodies,
                themes,
                rules: Vec::new(),
                documents: Vec::new(),
                variants: Vec::new(),
                conflicts: Vec::new(),
            }
        }
    }

    impl Cluster1 {
        fn into_current(self) -> Cluster {
            let Cluster1 {
                id,
                name,
                domain,
                status,
                start_year,
                term_end_year,
                max_funding_keuro,
                note,
                recommendation,
            } = self;
            Cluster {
                id,
                name,
                domain,
                status,
                start_year,
                term_end_year,
                max_yearly_funding: max_funding_keuro.map(|k| super::Euro(i64::from(k) * 1000)),
                note,
                recommendation,
            }
        }
    }
}

/// RON's parse errors, said in Dutch. The technical name stays in brackets for support.
pub(crate) fn dutch_detail(error: &ron::Error) -> String {
    use ron::Error as E;
    match error {
        E::Eof => "het bestand houdt onverwacht op; het is mogelijk afgekapt".to_owned(),
        E::ExpectedComma => "hier ontbreekt een komma".to_owned(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "hier wordt een tekst tussen aanhalingstekens verwacht".to_owned()
        }
        E::ExpectedInteger => "hier wordt een geheel getal verwacht".to_owned(),
        // The reader cannot say which way: the caller words it from the text itself
        // (see `out_of_range_detail`); this is the fallback without the text.
        E::IntegerOutOfBounds => "getal te groot of te klein voor dit veld".to_owned(),
        E::ExpectedBoolean => "hier wordt true of false verwacht".to_owned(),
        E::ExpectedArray | E::ExpectedArrayEnd => "hier wordt een lijst [ … ] verwacht".to_owned(),
        E::ExpectedStructLike | E::ExpectedStructLikeEnd | E::ExpectedNamedStructLike(_) => {
            "hier wordt een record ( … ) verwacht".to_owned()
        }
        E::ExpectedOption | E::ExpectedOptionEnd => {
            "hier wordt Some( … ) of None verwacht".to_owned()
        }
        E::TrailingCharacters => "na het einde van de werkruimte staat nog tekst".to_owned(),
        E::UnexpectedChar(c) => format!("onverwacht teken \u{201c}{}\u{201d}", c.escape_debug()),
        E::NoSuchStructField { found, .. } => format!("onbekend veld \u{201c}{found}\u{201d}"),
        E::MissingStructField { field, .. } => {
            format!("het veld \u{201c}{field}\u{201d} ontbreekt")
        }
        E::DuplicateStructField { field, .. } => {
            format!("het veld \u{201c}{field}\u{201d} staat er twee keer")
        }
        E::NoSuchEnumVariant { found, .. } => format!("onbekende waarde \u{201c}{found}\u{201d}"),
        E::ExceededRecursionLimit => "de gegevens zijn te diep genest".to_owned(),
        E::InvalidValueForType { found, .. } => format!("ongeldige waarde {found}"),
        E::Message(m) => format!("ongeldige waarde ({m})"),
        other => format!("ongeldige inhoud ({other})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_declared_version_as_a_field() {
        let declared = |text: &str| parse_file(text).map(|p| p.declared).ok().flatten();
        assert_eq!(
            declared("(\n    format_version: 1,\n workspace: ())"),
            Some(1)
        );
        assert_eq!(
            declared("(format_version:17, workspace: (future: [1]))"),
            Some(17)
        );
        assert_eq!(declared("(workspace: ())"), None);
        // A comment, a string or a nested field that spells the name is not the field.
        assert_eq!(
            declared(
                "(\n// format_version: 3,\n/* format_version: 4 */ format_version: 2, workspace: ())"
            ),
            Some(2)
        );
        assert_eq!(
            declared("(format_version: 2, workspace: (meta: (title: \"format_version: 9\")))"),
            Some(2)
        );
    }

    #[test]
    fn a_version_declared_after_the_workspace_is_honoured() {
        let text = r#"(
            workspace: (
                clusters: [(id: "00000000-0000-0000-0000-000000000001", name: "VIL", max_funding_keuro: Some(650))],
            ),
            format_version: 1,
        )"#;
        let ws = parse_file(text).unwrap().workspace.unwrap();
        assert_eq!(ws.clusters[0].max_yearly_funding, Some(Euro(650_000)));
        let newer = parse_file("(workspace: (whatever: 1), format_version: 99)").unwrap();
        assert_eq!(newer.declared, Some(99));
        assert!(newer.workspace.is_none());
    }

    #[test]
    fn unknown_top_level_fields_and_duplicates_are_named() {
        let err = parse_file("(format_version: 2, werkruimte: ())")
            .err()
            .unwrap();
        assert!(
            matches!(err.code, ron::Error::NoSuchStructField { .. }),
            "{err:?}"
        );
        let err = parse_file("(format_version: 2, format_version: 2, workspace: ())")
            .err()
            .unwrap();
        assert!(
            matches!(err.code, ron::Error::DuplicateStructField { .. }),
            "{err:?}"
        );
    }

    #[test]
    fn version_one_caps_become_whole_euros() {
        let text = r#"(
            format_version: 1,
            workspace: (
                clusters: [(id: "00000000-0000-0000-0000-000000000001", name: "VIL", max_funding_keuro: Some(650))],
            ),
        )"#;
        let ws = parse_file(text).unwrap().workspace.unwrap();
        assert_eq!(ws.clusters[0].max_yearly_funding, Some(Euro(650_000)));
    }
}
