//! Bytes on disk: the RON format, its versions, atomic writes.

pub mod backup;
pub mod file;
pub mod identity;
pub mod migrate;
pub mod recovery;
pub mod versions;

pub use backup::{
    BackupInfo, SaveReport, keep_copy, list_backups, save_text_with_backup, save_with_backup,
};
pub use file::{
    FORMAT_VERSION, LoadError, SaveError, default_workspace, from_ron, load, save, to_ron,
    write_atomic,
};
pub use identity::{is_workspace_file, same_file};
pub use recovery::{
    AutosaveTimer, DataDir, RecoveryInfo, RecoveryTarget, clear_recovery, find_recovery,
    load_recovery, write_recovery,
};
pub use versions::{Tracked, common_base, file_text, load_tracked, no_base_reason, parse_tracked};
