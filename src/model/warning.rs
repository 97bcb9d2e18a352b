//! What validation finds, as data: the record, the field and the figures. The words
//! are in `crate::wording::warning`; this file is free of them.

use super::ids::*;
use super::money::Euro;

/// Something a person should look at. Never a reason to refuse a file.
///
/// A warning is data: the record and field it concerns and the figures involved. The
/// words come from [`crate::wording::warning`], in the window's language, in `check`
/// and in the exports alike. `field` names are the file's field names
/// (`"start_year"`, `"budget"`, …), as merge conflicts name them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A cluster combines two scenarios that a rule says exclude each other.
    IncompatibleCombination { cluster: ClusterId, rule: RuleId },
    /// A record refers to one that does not exist; `field` holds the reference.
    MissingReference {
        record: RecordKey,
        field: &'static str,
    },
    /// A cluster placed only under scenarios in a complementary role: a complement
    /// to nothing. `assignment` is its first assignment, where the role is set.
    NoPrimaryRole {
        cluster: ClusterId,
        assignment: AssignmentId,
    },
    /// An active cluster whose ten-year term has already ended.
    TermPassed {
        cluster: ClusterId,
        /// The last year of the term.
        end_year: i32,
    },
    /// A cluster's structural budget in some year exceeds its cap.
    BudgetAboveCap {
        cluster: ClusterId,
        /// The first and last year above the cap.
        years: (i32, i32),
        /// The first such year's budget, in whole euros.
        amount: Euro,
        cap: Euro,
    },
    /// A score, weight, year or amount out of range, or a malformed field.
    InvalidValue {
        record: RecordKey,
        field: &'static str,
        problem: Problem,
    },
    /// A malformed field of the communication itself, such as its number.
    InvalidMetadata {
        field: &'static str,
        problem: Problem,
    },
}

/// What is wrong with a value; the figures are there to be named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Two records share an id; the second cannot be edited.
    DuplicateId,
    /// A period ends before it starts.
    EndBeforeStart {
        start: i32,
        end: i32,
    },
    /// A year outside [`super::rules::PLAUSIBLE_YEARS`].
    ImplausibleYear {
        year: i32,
    },
    /// A budget period reaching outside [`super::rules::PLAUSIBLE_YEARS`].
    ImplausiblePeriod {
        first: i32,
        last: i32,
    },
    /// A budget whose last year comes before its first.
    EmptyPeriod {
        first: i32,
        last: i32,
    },
    NegativeAmount {
        amount: Euro,
    },
    /// An amount above `limit`: probably a typing error.
    AmountTooLarge {
        amount: Euro,
        limit: Euro,
    },
    /// A count above `limit`: probably a typing error.
    CountTooLarge {
        count: u32,
        limit: u32,
    },
    /// Today's funding (clusters × cap) does not fit in a number.
    ProductTooLarge,
    /// A score outside [`super::records::SCORE_RANGE`].
    ScoreOutOfRange {
        score: u8,
    },
    /// A weight outside [`super::rules::WEIGHT_RANGE`].
    WeightOutOfRange {
        weight: u8,
    },
    /// Text that has not the expected form (the document number).
    Malformed {
        text: String,
    },
    /// A stance quoted from the advice whose position (supports, conditional,
    /// neutral, rejects) is not set: the communication would print "niet vermeld"
    /// beside the body's own words. `scenario` is the scenario's label.
    QuoteWithoutStance {
        scenario: String,
    },
}

impl Warning {
    /// The cluster the warning is about, to jump to it.
    pub fn cluster(&self) -> Option<ClusterId> {
        match self {
            Warning::IncompatibleCombination { cluster, .. }
            | Warning::NoPrimaryRole { cluster, .. }
            | Warning::TermPassed { cluster, .. }
            | Warning::BudgetAboveCap { cluster, .. } => Some(*cluster),
            Warning::MissingReference { record, .. } | Warning::InvalidValue { record, .. } => {
                match record {
                    RecordKey::Cluster(id) => Some(*id),
                    _ => None,
                }
            }
            Warning::InvalidMetadata { .. } => None,
        }
    }

    /// The record the warning concerns; `None` for the communication's own fields.
    pub fn record(&self) -> Option<RecordKey> {
        match self {
            Warning::IncompatibleCombination { cluster, .. }
            | Warning::TermPassed { cluster, .. }
            | Warning::BudgetAboveCap { cluster, .. } => Some(RecordKey::Cluster(*cluster)),
            Warning::NoPrimaryRole { assignment, .. } => Some(RecordKey::Assignment(*assignment)),
            Warning::MissingReference { record, .. } | Warning::InvalidValue { record, .. } => {
                Some(*record)
            }
            Warning::InvalidMetadata { .. } => None,
        }
    }

    /// The field the warning concerns (a file field name), where it is one field.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Warning::IncompatibleCombination { .. } => None,
            Warning::TermPassed { .. } => Some("status"),
            Warning::NoPrimaryRole { .. } => Some("role"),
            Warning::BudgetAboveCap { .. } => Some("budget"),
            Warning::MissingReference { field, .. }
            | Warning::InvalidValue { field, .. }
            | Warning::InvalidMetadata { field, .. } => Some(field),
        }
    }
}
