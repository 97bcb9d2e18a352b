//! The workspace and its rules: pure Rust, no UI, no files.
//!
//! Everything that changes a [`Workspace`] goes through [`Session::apply`], which
//! applies an [`Edit`], records its inverse for undo and bumps the revision that
//! derived data (warnings, counts, charts) and autosave hang off.

pub mod conflict;
pub mod derived;
pub mod edit;
pub mod funding;
pub mod history;
pub mod ids;
pub mod marks;
pub mod merge;
pub mod money;
pub mod records;
pub mod rules;
pub mod session;
pub mod sources;
pub mod text;
pub mod variants;
pub mod versions;
pub mod warning;
pub mod workspace;

pub use conflict::{MergeConflict, Side};
pub use edit::{Edit, EditError, Record, RecordIndex, apply, apply_indexed};
pub use history::{CoalesceKey, History};
pub use ids::*;
pub use merge::{MergeResult, MergeSummary, ResolveError, merge, resolve, resolve_all};
pub use money::Euro;
pub use rules::{Consequence, validate};
pub use session::{Session, Stamp};
pub use warning::{Problem, Warning};
pub use workspace::*;
