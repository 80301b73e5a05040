//! Spreads rendering over animation frames: each queued job runs in its own frame, so
//! mounting several chunks of statuses never becomes one long task that blocks scrolling.
//! A job runs just after a frame is painted (a task queued from the frame's animation
//! callback), not inside it: the frame that shows what is already there is never delayed,
//! and the job's changes are painted in the next one.

use std::{cell::RefCell, collections::VecDeque};

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

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
        request_animation_frame(|| set_timeout(run_one, Duration::ZERO));
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
