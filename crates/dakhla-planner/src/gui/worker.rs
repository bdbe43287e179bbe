//! The one background-task type of the window: a [`Worker`] runs a job on a named thread and
//! shares its progress and a cancel flag with the frame, which polls it without blocking.
//!
//! The simulation (`dakhla-sim`), weather-years (`dakhla-years`), optimizer (`dakhla-opt`),
//! reliability (`dakhla-reliability`) and export (`dakhla-export`) jobs are all workers. Dropping a worker (its tab closes, a new run
//! replaces it, the window closes) asks the thread to stop at its next check; a job that has no
//! check points (the export) finishes and its result is dropped.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// What the job's thread sees: the shared progress and the cancel flag.
pub struct Handle<P> {
    progress: Arc<Mutex<P>>,
    cancel: Arc<AtomicBool>,
}

impl<P> Handle<P> {
    /// Whether the job was asked to stop.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The cancel flag itself, for engines that take an `&AtomicBool`.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    /// Update the progress the frame reads.
    pub fn report(&self, f: impl FnOnce(&mut P)) {
        f(&mut lock(&self.progress));
    }
}

/// The progress survives a panic of the thread that held the lock (the frame still reads it).
fn lock<P>(m: &Mutex<P>) -> MutexGuard<'_, P> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Where a job is, as [`Worker::poll`] finds it.
#[derive(Debug)]
pub enum Poll<T> {
    /// Still running.
    Running,
    /// Finished with this result.
    Done(T),
    /// The thread ended without a result (it panicked): the message says which job.
    Lost(String),
}

/// A job running on its own named thread, with progress `P` and result `T`.
pub struct Worker<T, P = ()> {
    name: &'static str,
    started: Instant,
    progress: Arc<Mutex<P>>,
    cancel: Arc<AtomicBool>,
    rx: Receiver<T>,
}

impl<T: Send + 'static, P: Default + Send + 'static> Worker<T, P> {
    /// Run `job` on a thread called `name`. The error says why the thread could not start.
    pub fn spawn(
        name: &'static str,
        job: impl FnOnce(&Handle<P>) -> T + Send + 'static,
    ) -> Result<Self, String> {
        let progress = Arc::new(Mutex::new(P::default()));
        let cancel = Arc::new(AtomicBool::new(false));
        let handle = Handle {
            progress: progress.clone(),
            cancel: cancel.clone(),
        };
        let (tx, rx) = channel();
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                // The receiver is gone when the worker was dropped: nobody wants the result.
                let _ = tx.send(job(&handle));
            })
            .map_err(|e| {
                dakhla_i18n::tr!("worker-cannot-start", name = name, error = e.to_string())
            })?;
        Ok(Self {
            name,
            started: Instant::now(),
            progress,
            cancel,
            rx,
        })
    }
}

impl<T, P> Worker<T, P> {
    /// Ask the job to stop at its next check.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether the job was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Read the progress.
    pub fn progress<R>(&self, f: impl FnOnce(&P) -> R) -> R {
        f(&lock(&self.progress))
    }

    /// Time since the job started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// The thread's name (`dakhla-sim`, ...).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Collect the result without blocking.
    pub fn poll(&self) -> Poll<T> {
        match self.rx.try_recv() {
            Ok(t) => Poll::Done(t),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Lost(self.lost()),
        }
    }

    /// Block until the job ends (tests and the moment a result is needed at once).
    pub fn wait(&self) -> Poll<T> {
        match self.rx.recv() {
            Ok(t) => Poll::Done(t),
            Err(_) => Poll::Lost(self.lost()),
        }
    }

    /// Why there is no result: the thread ended without one (it panicked).
    fn lost(&self) -> String {
        dakhla_i18n::tr!("worker-lost", name = self.name)
    }
}

impl<T, P> Drop for Worker<T, P> {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// Poll the worker in `slot`: the result once it is done (the slot is emptied), `None` while
/// it runs or when there is none. A lost job gives `Err(message)`.
pub fn take_finished<T, P>(slot: &mut Option<Worker<T, P>>) -> Option<Result<T, String>> {
    let polled = slot.as_ref()?.poll();
    match polled {
        Poll::Running => None,
        Poll::Done(t) => {
            *slot = None;
            Some(Ok(t))
        }
        Poll::Lost(e) => {
            *slot = None;
            Some(Err(e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_done<T, P>(w: &mut Option<Worker<T, P>>) -> Result<T, String> {
        let t0 = Instant::now();
        loop {
            if let Some(r) = take_finished(w) {
                return r;
            }
            assert!(t0.elapsed().as_secs() < 20, "the job never ended");
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn a_job_runs_on_its_named_thread_and_reports_progress_then_its_result() {
        let mut w = Some(
            Worker::<String, usize>::spawn("dakhla-test", |h| {
                for k in 1..=3 {
                    h.report(|p| *p = k);
                }
                std::thread::current().name().unwrap_or("").to_owned()
            })
            .expect("spawn"),
        );
        assert_eq!(wait_done(&mut w).as_deref(), Ok("dakhla-test"));
        assert!(w.is_none(), "a collected job leaves its slot empty");
    }

    #[test]
    fn cancel_reaches_the_job_and_dropping_the_worker_cancels_it() {
        let (seen_tx, seen_rx) = channel();
        let w = Worker::<u32, u32>::spawn("dakhla-test", move |h| {
            let mut steps = 0;
            while !h.cancelled() {
                h.report(|p| *p += 1);
                steps += 1;
                std::thread::sleep(Duration::from_millis(1));
            }
            let _ = seen_tx.send(steps);
            steps
        })
        .expect("spawn");
        while w.progress(|p| *p) < 2 {
            std::thread::sleep(Duration::from_millis(1));
        }
        drop(w);
        let steps = seen_rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the dropped job stopped");
        assert!(steps >= 2);

        let mut w = Some(
            Worker::<bool, ()>::spawn("dakhla-test", |h| {
                while !h.cancelled() {
                    std::thread::sleep(Duration::from_millis(1));
                }
                true
            })
            .expect("spawn"),
        );
        assert!(take_finished(&mut w).is_none(), "running until cancelled");
        w.as_ref().expect("running").cancel();
        assert_eq!(wait_done(&mut w), Ok(true));
    }

    #[test]
    fn a_job_that_panics_is_reported_lost_with_its_name() {
        let mut w =
            Some(Worker::<u8, ()>::spawn("dakhla-test", |_| panic!("on purpose")).expect("spawn"));
        let r = wait_done(&mut w);
        assert_eq!(
            r,
            Err("the dakhla-test job stopped unexpectedly".to_owned())
        );
    }
}
