//! Format versions and how older files become current workspaces.
//!
//! Version 1 (the first prototype) stored a cluster's funding cap in thousands of
//! euros (`max_funding_keuro: Some(650)`, after the Green Paper's "650k€") and had no
//! compatibility rules. Version 2 stores whole euros and the rules. Each old version
//! keeps a frozen copy of the shapes that changed, so the current types can move on.

use serde::Deserialize;

use crate::model::{Euro, Workspace};

/// The `format_version` a file declares near its top, if it declares one.
pub fn declared_version(text: &str) -> Option<u32> {
    let start = text.find("format_version")?;
    let rest = text.get(start + "format_version".len()..)?;
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Parses text of a given (known, not newer) version into a current workspace.
pub fn parse_version(text: &str, version: u32) -> Result<Workspace, ron::error::SpannedError> {
    let options = ron::Options::default().with_recursion_limit(64);
    if version <= 1 {
        let file: v1::File = options.from_str(text)?;
        Ok(file.workspace.into_current())
    } else {
        let file: Current = options.from_str(text)?;
        Ok(file.workspace)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Current {
    #[allow(dead_code)]
    format_version: u32,
    workspace: Workspace,
}

mod v1 {
    use serde::Deserialize;

    use crate::model::{
        AdvisoryBody, Argument, Assignment, Cluster, ClusterId, ClusterStatus, Metadata, Scenario,
        Theme, Workspace,
    };

    #[derive(Deserialize)]
    pub struct File {
        #[allow(dead_code)]
        pub format_version: u32,
        pub workspace: Workspace1,
    }

    #[derive(Deserialize, Default)]
    #[serde(default, deny_unknown_fields)]
    pub struct Workspace1 {
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
    pub struct Cluster1 {
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
        pub fn into_current(self) -> Workspace {
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
pub fn dutch_detail(error: &ron::Error) -> String {
    use ron::Error as E;
    match error {
        E::Eof => "het bestand houdt onverwacht op; het is mogelijk afgekapt".to_owned(),
        E::ExpectedComma => "hier ontbreekt een komma".to_owned(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "hier wordt een tekst tussen aanhalingstekens verwacht".to_owned()
        }
        E::ExpectedInteger | E::IntegerOutOfBounds => {
            "hier wordt een geheel getal verwacht".to_owned()
        }
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
    fn reads_the_declared_version() {
        assert_eq!(declared_version("(\n    format_version: 1,\n"), Some(1));
        assert_eq!(declared_version("(format_version:17)"), Some(17));
        assert_eq!(declared_version("(workspace: ())"), None);
    }

    #[test]
    fn version_one_caps_become_whole_euros() {
        let text = r#"(
            format_version: 1,
            workspace: (
                clusters: [(id: "00000000-0000-0000-0000-000000000001", name: "VIL", max_funding_keuro: Some(650))],
            ),
        )"#;
        let ws = parse_version(text, 1).unwrap();
        assert_eq!(ws.clusters[0].max_yearly_funding, Some(Euro(650_000)));
    }
}
