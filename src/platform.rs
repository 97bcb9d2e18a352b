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
    let variable = if cfg!(windows) { "USERNAME" } else { "USER" };
    std::env::var(variable)
        .ok()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "onbekend".to_owned())
}

/// Now, as RFC 3339 in UTC to the second: a version's time.
pub fn now_rfc3339() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}
