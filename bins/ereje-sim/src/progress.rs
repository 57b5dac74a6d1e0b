//! A progress indication on standard error: a spinner with the elapsed time, shown only when
//! standard error is a terminal and the run has lasted longer than a moment. The engine offers no
//! progress hook (a replication is one call), so this says "still working", not a percentage.

use std::io::{IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a run goes without any indication.
const QUIET: Duration = Duration::from_millis(700);
/// How often the line is redrawn.
const TICK: Duration = Duration::from_millis(120);

/// A running indicator; [`Progress::finish`] removes it.
#[derive(Debug)]
pub struct Progress {
    stop: Option<mpsc::Sender<()>>,
    handle: Option<JoinHandle<()>>,
    started: Instant,
}

impl Progress {
    /// Starts the indicator for `what` (nothing is drawn unless stderr is a terminal).
    pub fn start(what: String) -> Progress {
        let started = Instant::now();
        if !std::io::stderr().is_terminal() {
            return Progress { stop: None, handle: None, started };
        }
        let (tx, rx) = mpsc::channel::<()>();
        let handle = std::thread::spawn(move || {
            if rx.recv_timeout(QUIET) != Err(RecvTimeoutError::Timeout) {
                return;
            }
            let frames = ['|', '/', '-', '\\'];
            let mut i = 0usize;
            loop {
                let secs = started.elapsed().as_secs_f64();
                let frame = frames.get(i % frames.len()).copied().unwrap_or('-');
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r\x1b[2K{frame} {what} … {secs:.1} s");
                let _ = err.flush();
                drop(err);
                i += 1;
                match rx.recv_timeout(TICK) {
                    Err(RecvTimeoutError::Timeout) => {}
                    _ => break,
                }
            }
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        });
        Progress { stop: Some(tx), handle: Some(handle), started }
    }

    /// Stops and erases the indicator; returns the elapsed time.
    pub fn finish(mut self) -> Duration {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
        self.started.elapsed()
    }
}
