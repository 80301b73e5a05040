//! Spreads rendering over animation frames: each queued job runs in its own frame, so
//! mounting several chunks of statuses never becomes one long task that blocks scrolling.

use std::{cell::RefCell, collections::VecDeque};

use leptos::prelude::request_animation_frame;

thread_local! {
    static QUEUE: RefCell<VecDeque<Box<dyn FnOnce()>>> = RefCell::new(VecDeque::new());
    static SCHEDULED: RefCell<bool> = const { RefCell::new(false) };
}

/// Runs `job` in a coming animation frame, one job per frame, in order.
pub fn in_a_frame(job: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().push_back(Box::new(job)));
    schedule();
}

/// Like [`in_a_frame`], but ahead of everything queued: for the next step of a job already
/// under way, so a chunk being read fills before the ones around it start.
pub fn next_in_a_frame(job: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().push_front(Box::new(job)));
    schedule();
}

fn schedule() {
    let already = SCHEDULED.with(|s| std::mem::replace(&mut *s.borrow_mut(), true));
    if !already {
        request_animation_frame(run_one);
    }
}

fn run_one() {
    SCHEDULED.with(|s| *s.borrow_mut() = false);
    let job = QUEUE.with(|q| q.borrow_mut().pop_front());
    if let Some(job) = job {
        job();
    }
    if QUEUE.with(|q| !q.borrow().is_empty()) {
        schedule();
    }
}
