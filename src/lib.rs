//! mwm ("Measuring What Matters") evaluates co-production projects from the spreadsheets they
//! already keep. Data flows one way: read (`ingest`) → check (`check`) → figure → draw → write;
//! each step takes the previous step's plain values. The binary is a thin shell over this
//! library, so tests and benchmarks reach every step.

pub mod charts;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod error;
pub mod figures;
pub mod format;
pub mod i18n;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod problems;
pub mod report;
pub mod room;
pub mod schema;
pub mod template;

pub use format::error_chain;
