//! Local storage in memory, shared by simulated tabs: each tab's writes become storage
//! events queued for the other tabs, as a browser delivers them, late but in order.

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use cpc_action_plan::domain::workspace::{
    Entry, Index, Presence, StorageProblem, Store, StoredPlan, Unreadable,
};

/// What a key holds: a plan as this build writes it, or text it cannot read.
// Short-lived, and mostly the plan: boxing it would only add a step.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Held {
    Plan(StoredPlan),
    Damaged { text: String, revision: Option<u64> },
}

/// A storage event: the key that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Plan(String),
    Index,
}

#[derive(Debug, Default)]
pub struct Memory {
    pub entries: BTreeMap<String, Held>,
    /// `None`: never written; `Some(Err)`: damaged text.
    pub index: Option<Result<Vec<String>, String>>,
    pub available: bool,
    /// How many more writes succeed before storage is full; `None`: no limit.
    pub writes_left: Option<usize>,
    /// Events waiting for each tab.
    pub events: Vec<VecDeque<Event>>,
}

impl Memory {
    fn notify(&mut self, writer: usize, event: Event) {
        for (tab, queue) in self.events.iter_mut().enumerate() {
            if tab != writer {
                queue.push_back(event.clone());
            }
        }
    }

    fn spend_write(&mut self) -> Result<(), StorageProblem> {
        match &mut self.writes_left {
            Some(0) => Err(StorageProblem::Full),
            Some(n) => {
                *n -= 1;
                Ok(())
            }
            None => Ok(()),
        }
    }
}

/// One tab's handle on the shared storage.
#[derive(Clone, Debug)]
pub struct TabStore {
    pub memory: Rc<RefCell<Memory>>,
    pub tab: usize,
}

/// Storage for `tabs` tabs, empty and working.
pub fn shared(tabs: usize) -> Rc<RefCell<Memory>> {
    Rc::new(RefCell::new(Memory {
        available: true,
        events: vec![VecDeque::new(); tabs],
        ..Memory::default()
    }))
}

impl TabStore {
    pub fn new(memory: &Rc<RefCell<Memory>>, tab: usize) -> TabStore {
        TabStore {
            memory: Rc::clone(memory),
            tab,
        }
    }

    /// The next event waiting for this tab.
    pub fn next_event(&self) -> Option<Event> {
        self.memory.borrow_mut().events[self.tab].pop_front()
    }
}

impl Store for TabStore {
    fn available(&self) -> bool {
        self.memory.borrow().available
    }

    fn read_index(&self) -> Index {
        match &self.memory.borrow().index {
            None => Ok(None),
            Some(Ok(ids)) => Ok(Some(ids.clone())),
            Some(Err(text)) => Err(Unreadable {
                id: None,
                key: "index".into(),
                reason: "the list of plans is damaged".into(),
                text: text.clone(),
                revision: None,
            }),
        }
    }

    fn write_index(&mut self, ids: &[String]) -> Result<(), StorageProblem> {
        let mut memory = self.memory.borrow_mut();
        memory.spend_write()?;
        memory.index = Some(Ok(ids.to_vec()));
        memory.notify(self.tab, Event::Index);
        Ok(())
    }

    fn plan_ids(&self) -> Vec<String> {
        self.memory.borrow().entries.keys().cloned().collect()
    }

    fn presence(&self, id: &str) -> Presence {
        match self.memory.borrow().entries.get(id) {
            None => Presence::Absent,
            Some(Held::Plan(p)) => Presence::At(p.revision),
            Some(Held::Damaged { revision, .. }) => {
                revision.map_or(Presence::Damaged, Presence::At)
            }
        }
    }

    fn read(&self, id: &str) -> Entry {
        match self.memory.borrow().entries.get(id) {
            None => Entry::Missing,
            Some(Held::Plan(p)) => Entry::Plan(p.clone()),
            Some(Held::Damaged { text, revision }) => Entry::Unreadable(Unreadable {
                id: Some(id.to_string()),
                key: format!("plan/{id}"),
                reason: "written by a newer version".into(),
                text: text.clone(),
                revision: *revision,
            }),
        }
    }

    fn write(&mut self, plan: &StoredPlan) -> Result<(), StorageProblem> {
        let mut memory = self.memory.borrow_mut();
        memory.spend_write()?;
        memory
            .entries
            .insert(plan.plan.id.clone(), Held::Plan(plan.clone()));
        memory.notify(self.tab, Event::Plan(plan.plan.id.clone()));
        Ok(())
    }

    fn remove(&mut self, id: &str) -> Result<(), StorageProblem> {
        let mut memory = self.memory.borrow_mut();
        if memory.entries.remove(id).is_some() {
            memory.notify(self.tab, Event::Plan(id.to_string()));
        }
        Ok(())
    }
}
