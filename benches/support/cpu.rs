//! CPU time, so that figures stay meaningful on a machine shared with other work.

use std::time::Instant;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// CPU time of the current thread in nanoseconds, when the system tells it (Linux).
pub fn thread_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// CPU time of the whole process (every thread, user and system) in nanoseconds, when the
/// system tells it (Linux).
pub fn process_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * (1_000_000_000 / USER_HZ))
}

/// Clock ticks per second of the times in `/proc` (`USER_HZ`, 100 on every Linux).
const USER_HZ: u64 = 100;

/// Criterion measurement of the benchmark thread's CPU time (wall-clock time when the system
/// does not tell it).
pub struct ThreadTime;

impl Measurement for ThreadTime {
    type Intermediate = (Option<u64>, Instant);
    type Value = f64;

    fn start(&self) -> Self::Intermediate {
        (thread_ns(), Instant::now())
    }

    fn end(&self, (cpu, wall): Self::Intermediate) -> f64 {
        match (cpu, thread_ns()) {
            (Some(a), Some(b)) => b.saturating_sub(a) as f64,
            _ => wall.elapsed().as_nanos() as f64,
        }
    }

    fn add(&self, a: &f64, b: &f64) -> f64 {
        a + b
    }

    fn zero(&self) -> f64 {
        0.0
    }

    fn to_f64(&self, v: &f64) -> f64 {
        *v
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        WallTime.formatter()
    }
}
