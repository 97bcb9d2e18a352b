//! Clusterwerkbank: a desktop workbench for the future of the Flemish cluster policy.
//!
//! `model` is the workspace and its rules (pure), `store` the files, `ui` the window,
//! `cli` the command line. See `docs/ARCHITECTURE.md`.

mod assets;
pub mod charts;
pub mod cli;
pub mod export;
pub mod import;
pub mod model;
pub mod platform;
pub mod store;
#[cfg(any(test, feature = "synth"))]
pub mod synth;
pub mod ui;
pub mod wording;
