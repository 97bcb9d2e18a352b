//! The window's dialogs, one file each; `ui::app` opens them and carries out what
//! the person chose.

pub mod conflicts;
pub mod error;
pub mod path_entry;
pub mod recovery;
pub mod removal;
pub mod shortcuts;
pub mod unsaved;
pub mod warnings;
