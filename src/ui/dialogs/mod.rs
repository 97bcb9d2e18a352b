//! The window's dialogs, one file each; `ui::app` opens them and carries out what
//! the person chose.

pub mod conflicts;
pub mod recovery;
