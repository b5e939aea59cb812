//! Undo and redo as two stacks of whole states: exact, whatever the edit was.
//!
//! Typing into one field is one step, not one step a character: edits that carry the
//! same key, one after another, share the state from before the first of them.

/// Past and undone states of a `T`, with the present kept by the caller.
#[derive(Clone, Debug)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
    /// The key of the last recorded edit, while further edits with it may join its step.
    open_key: Option<String>,
    limit: usize,
}

impl<T: Clone> History<T> {
    /// A history that keeps at most `limit` steps back.
    pub fn new(limit: usize) -> History<T> {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            open_key: None,
            limit: limit.max(1),
        }
    }

    /// Records that the present is about to change from `before`. An edit with the same
    /// `key` as the one before it joins that step.
    pub fn record(&mut self, before: T, key: Option<&str>) {
        self.redo.clear();
        let joins = key.is_some() && key == self.open_key.as_deref();
        self.open_key = key.map(str::to_string);
        if joins {
            return;
        }
        self.undo.push(before);
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
    }

    /// Ends the open step, so the next edit starts a new one even with the same key.
    pub fn seal(&mut self) {
        self.open_key = None;
    }

    /// Goes one step back: returns the state to show, taking the present for redo.
    pub fn undo(&mut self, present: T) -> Option<T> {
        let previous = self.undo.pop()?;
        self.redo.push(present);
        self.open_key = None;
        Some(previous)
    }

    /// Goes one step forward again.
    pub fn redo(&mut self, present: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push(present);
        self.open_key = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
