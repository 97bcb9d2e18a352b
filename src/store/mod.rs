//! Bytes on disk: the RON format, its versions, atomic writes.

pub mod file;
pub mod migrate;

pub use file::{
    FORMAT_VERSION, LoadError, SaveError, default_workspace, from_ron, load, save, to_ron,
    write_atomic,
};
