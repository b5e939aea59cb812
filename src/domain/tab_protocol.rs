//! The rules that keep two tabs on one plan from overwriting each other's saved work.
//!
//! Every stored copy of a plan carries a revision and the tab that wrote it. A tab keeps,
//! for each plan it holds, the revision its copy is based on ([`Tracked`]). It writes only
//! over the revision it read, each write counting on by one; anything else means another
//! tab saved in between, and the officer chooses which version to keep. These are the
//! rules alone: the library applies them to real storage and the `storage` event.

/// What this tab knows about a plan's stored copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tracked {
    /// The stored revision this tab's copy is based on.
    pub revision: u64,
    /// Changed here and not yet written.
    pub dirty: bool,
    /// The next save writes a revision above this too: when the officer keeps this tab's
    /// version over an older one written on top of it, the revision still goes up, so
    /// other tabs take the kept version as newer.
    pub floor: u64,
    /// The tab that wrote the revision this tab's copy is based on, when known: an event
    /// that arrives after this tab already took that very write is nothing new.
    pub by: Option<String>,
}

/// What a save should do, given the revision storage holds now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveDecision {
    /// Nothing changed here since the last write.
    Nothing,
    /// Write this tab's copy as this revision.
    Write { revision: u64 },
    /// Another tab saved since this tab read the plan: never write over it. If its copy
    /// cannot be read, [`Tracked::write_over_unreadable`] says what to write instead.
    OtherTabSaved { stored: u64 },
    /// The plan was stored and is not any more: another tab deleted it. Writing it back
    /// would undo that delete without a word.
    RemovedElsewhere,
}

/// What to do when another tab's write of a plan arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// Our own write, echoed back: nothing to do.
    Ignore,
    /// A newer revision and nothing unsaved here: show theirs.
    Take,
    /// Both changed it, or theirs does not count on from ours: the officer chooses.
    Conflict,
}

impl Tracked {
    /// A plan as read from storage, or just written there, at `revision`.
    pub fn stored(revision: u64) -> Tracked {
        Tracked {
            revision,
            dirty: false,
            floor: 0,
            by: None,
        }
    }

    /// A plan as read from storage at `revision`, written by the tab `by`.
    pub fn stored_by(revision: u64, by: &str) -> Tracked {
        Tracked {
            by: Some(by.to_string()),
            ..Tracked::stored(revision)
        }
    }

    /// A plan that is not in storage yet (the example on a first run, a new plan).
    pub fn unsaved() -> Tracked {
        Tracked {
            revision: 0,
            dirty: true,
            floor: 0,
            by: None,
        }
    }

    /// The revision the next write of this tab's copy carries, over `stored`.
    fn next_revision(&self, stored: Option<u64>) -> u64 {
        stored
            .unwrap_or(self.revision)
            .max(self.floor)
            .saturating_add(1)
    }

    /// Whether and how to save. `stored` reads the revision storage holds (`None`: no
    /// copy at all); it is asked only when this tab has something to write, so a save
    /// reads nothing from storage for the plans that did not change.
    pub fn save(&self, stored: impl FnOnce() -> Option<u64>) -> SaveDecision {
        if !self.dirty {
            return SaveDecision::Nothing;
        }
        let stored = stored();
        match stored {
            Some(stored) if stored != self.revision => SaveDecision::OtherTabSaved { stored },
            None if self.revision > 0 => SaveDecision::RemovedElsewhere,
            _ => SaveDecision::Write {
                revision: self.next_revision(stored),
            },
        }
    }

    /// The revision to write over a stored copy that cannot be read, once the officer has
    /// chosen to: counting on from it, and from ours.
    pub fn write_over_unreadable(&self, stored: u64) -> u64 {
        self.next_revision(Some(stored))
    }

    /// Another tab wrote `revision` of this plan, from the tab `theirs` (this tab is `ours`).
    pub fn incoming(&self, revision: u64, theirs: &str, ours: &str) -> Incoming {
        if theirs == ours || (revision == self.revision && self.by.as_deref() == Some(theirs)) {
            return Incoming::Ignore;
        }
        // A write that does not count on from this tab's last save was made without reading
        // it (a tab still running an older build of the app, say): this tab's saved work
        // may be gone from storage, so the officer chooses, as when both changed it.
        if revision <= self.revision || self.dirty {
            Incoming::Conflict
        } else {
            Incoming::Take
        }
    }

    /// The officer keeps this tab's version over the other tab's `their_revision`: the
    /// next save writes over theirs, above both.
    /// `theirs` names the tab that wrote it, when known, so a late event for that same
    /// write does not ask again.
    pub fn keep_mine(&mut self, their_revision: u64, theirs: Option<&str>) {
        self.floor = self.revision.max(self.floor);
        self.revision = their_revision;
        self.by = theirs.map(str::to_string);
        self.dirty = true;
    }
}
