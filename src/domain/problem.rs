//! A problem found in a plan file: where it is and why it is wrong.

use std::fmt;

/// One thing wrong (or, as a warning, ignored) in a file, with its JSON path such as
/// `plan.recommendations[3].actions[0].due` and a plain-English reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub reason: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, reason: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}
