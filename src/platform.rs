//! What the program asks of the machine it runs on: the clock and the platform's data
//! folder. One room, below the window and the command line, so neither leans on the
//! other for it and `model/` and `store/` stay free of both (they take the year and
//! the folder as parameters).

use crate::store::DataDir;

/// This year by the system clock, for warnings about terms that have passed.
pub(crate) fn current_year() -> i32 {
    i32::from(today().year())
}

/// Today's date in the system's time zone.
pub fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

/// The application's data folder: `$CLUSTERWERKBANK_DATA_DIR` when set, else the
/// platform's data folder, the one eframe keeps the window's settings in:
/// `~/.local/share/clusterwerkbank` (Linux, or `$XDG_DATA_HOME`),
/// `~/Library/Application Support/clusterwerkbank` (macOS),
/// `%APPDATA%\clusterwerkbank\data` (Windows). `None` without a home folder.
pub fn data_dir() -> Option<DataDir> {
    DataDir::from_env_or(|| eframe::storage_dir(crate::store::recovery::APP_ID))
}

/// Who saves, when nobody gave a name: the system's user name (`USERNAME` on
/// Windows, `USER` elsewhere), else "onbekend".
pub fn default_author() -> String {
    author_from(|name| std::env::var(name).ok())
}

/// The first user name the environment gives: Windows sets `USERNAME`, a Unix login
/// `USER` or `LOGNAME`; a session without them (a service, a container, `sudo -i`)
/// still has a home folder named after its user.
fn author_from(var: impl Fn(&str) -> Option<String>) -> String {
    let names = if cfg!(windows) {
        ["USERNAME", "USER", "LOGNAME"]
    } else {
        ["USER", "LOGNAME", "USERNAME"]
    };
    let home = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
    names
        .iter()
        .filter_map(|name| var(name))
        .chain(var(home).and_then(|h| {
            std::path::Path::new(h.trim_end_matches(['/', '\\']))
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        }))
        .map(|name| name.trim().to_owned())
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| "onbekend".to_owned())
}

/// Now, as RFC 3339 in UTC to the second: a version's time.
pub fn now_rfc3339() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

#[cfg(test)]
mod author_tests {
    use super::author_from;

    #[test]
    fn the_author_comes_from_the_first_user_name_the_environment_gives() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let home = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
        let user = if cfg!(windows) { "USERNAME" } else { "USER" };
        assert_eq!(author_from(env(&[("LOGNAME", "an"), ("HOME", "/x")])), "an");
        assert_eq!(
            author_from(|n: &str| (n == user).then(|| " bo ".to_owned())),
            "bo"
        );
        assert_eq!(
            author_from(|n: &str| (n == home).then(|| "/home/cas/".to_owned())),
            "cas"
        );
        assert_eq!(author_from(env(&[])), "onbekend");
    }
}
