//! Where the app keeps the desk while the desk's own code is still in its chunk (`ui::lazy`): the desk's
//! state is made, restored from the browser, the first time the desk is shown — by the desk — but owned by
//! the app, so that it outlives a switch to the workbench and back; files dropped on the app in review
//! mode reach the desk through the reader it registers (and wait for it while its chunk arrives).

use super::state::Review;
use leptos::prelude::*;

/// The desk's reader of dropped files (`intake::receive`), registered by the desk.
pub type Reader = fn(Review, Vec<web_sys::File>);

struct Slot {
    owner: Owner,
    review: Option<Review>,
    reader: Option<Reader>,
    pending: Vec<web_sys::File>,
}

/// The app's place for the desk (context). The key is held outside the stored value, so that even a
/// desk made after the app is gone restores and saves under its own instance's key.
#[derive(Clone)]
pub struct DeskSlot {
    key: std::sync::Arc<str>,
    slot: StoredValue<Slot, LocalStorage>,
}

impl DeskSlot {
    /// An empty place for the desk of the instance keyed `key`, owned by the calling component.
    pub fn new(key: &str) -> Self {
        let owner = Owner::current().unwrap_or_default();
        DeskSlot {
            key: key.into(),
            slot: StoredValue::new_local(Slot {
                owner,
                review: None,
                reader: None,
                pending: Vec::new(),
            }),
        }
    }

    /// The desk's state, made by `make` under the app's owner the first time; `reader` is registered and
    /// reads what was dropped meanwhile.
    pub fn open(&self, make: fn(&str) -> Review, reader: Reader) -> Review {
        let key = &self.key;
        let opened = self.slot.try_update_value(|slot| {
            let review = match slot.review {
                Some(review) => review,
                None => {
                    let review = slot.owner.with(|| make(key));
                    slot.review = Some(review);
                    review
                }
            };
            slot.reader = Some(reader);
            (review, std::mem::take(&mut slot.pending))
        });
        // The slot is gone only with the app: then a desk of its own, on the same key.
        let (review, pending) = opened.unwrap_or_else(|| (make(key), Vec::new()));
        if !pending.is_empty() {
            reader(review, pending);
        }
        review
    }

    /// Files dropped in review mode: to the desk, or kept until it is here.
    pub fn receive(&self, files: Vec<web_sys::File>) {
        let ready = self
            .slot
            .try_with_value(|slot| slot.review.zip(slot.reader))
            .flatten();
        match ready {
            Some((review, reader)) => reader(review, files),
            None => self.slot.update_value(|slot| slot.pending.extend(files)),
        }
    }
}
