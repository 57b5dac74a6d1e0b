//! Simulated time: seconds since the start of the run, working days and working-time clocks.
//!
//! Time in the event loop is an `i64` count of seconds since 00:00 of the run's first day. A
//! [`WorkClock`] holds the precomputed working intervals of one schedule over the run window and
//! converts between calendar time and *working position* (working seconds elapsed since the start),
//! so that "20 minutes of effort" is `add(t, 1200)`: work pauses over breaks, nights, weekends and
//! holidays. No chrono type is used here.

use crate::def::Schedule;

/// Seconds in a calendar day.
pub(crate) const DAY: i64 = 86_400;

/// A time that never comes (beyond the horizon).
pub(crate) const NEVER: i64 = i64::MAX;

/// Working days of the run window.
#[derive(Debug, Clone)]
pub(crate) struct Days {
    /// Whether day `d` is a working day.
    pub(crate) working: Vec<bool>,
    /// `prefix[k]` = working days among days `0..k`, for `k` in `0..=n + 1` (the last entry repeats).
    prefix: Vec<u32>,
}

impl Days {
    pub(crate) fn new(working: Vec<bool>) -> Days {
        let mut prefix = Vec::with_capacity(working.len() + 2);
        let mut n = 0u32;
        prefix.push(0);
        for &w in &working {
            n += u32::from(w);
            prefix.push(n);
        }
        prefix.push(n);
        Days { working, prefix }
    }

    /// Number of days in the window.
    pub(crate) fn len(&self) -> usize {
        self.working.len()
    }

    /// Number of working days in the window.
    pub(crate) fn working_count(&self) -> u32 {
        self.prefix.last().copied().unwrap_or(0)
    }

    fn prefix_after_day_of(&self, t: i64) -> u32 {
        let d = usize::try_from(t.max(0) / DAY).unwrap_or(usize::MAX);
        let k = d.saturating_add(1).min(self.prefix.len().saturating_sub(1));
        self.prefix.get(k).copied().unwrap_or(0)
    }

    /// Working days in (date of `a`, date of `b`]: 0 when both fall on the same day.
    pub(crate) fn working_days_between(&self, a: i64, b: i64) -> u32 {
        self.prefix_after_day_of(b).saturating_sub(self.prefix_after_day_of(a))
    }
}

/// The working intervals of one schedule over the run window.
#[derive(Debug, Clone)]
pub(crate) struct WorkClock {
    starts: Vec<i64>,
    ends: Vec<i64>,
    /// Working seconds before interval `i`.
    cum: Vec<i64>,
    /// Working seconds up to the end of interval `i`.
    cum_end: Vec<i64>,
    /// Index of the first interval of day `d`; one more entry than days.
    day_first: Vec<u32>,
    total: i64,
}

impl WorkClock {
    pub(crate) fn new(days: &Days, schedule: &Schedule) -> WorkClock {
        let mut pieces: Vec<(i64, i64)> = Vec::new();
        let mut from = i64::from(schedule.start.minutes()) * 60;
        for b in &schedule.breaks {
            pieces.push((from, i64::from(b.start.minutes()) * 60));
            from = i64::from(b.end.minutes()) * 60;
        }
        pieces.push((from, i64::from(schedule.end.minutes()) * 60));
        pieces.retain(|(a, b)| b > a);

        let mut clock = WorkClock {
            starts: Vec::new(),
            ends: Vec::new(),
            cum: Vec::new(),
            cum_end: Vec::new(),
            day_first: Vec::with_capacity(days.len() + 1),
            total: 0,
        };
        for (d, &working) in days.working.iter().enumerate() {
            clock.day_first.push(u32::try_from(clock.starts.len()).unwrap_or(u32::MAX));
            if !working {
                continue;
            }
            let base = i64::try_from(d).unwrap_or(i64::MAX / DAY - 1) * DAY;
            for &(a, b) in &pieces {
                clock.starts.push(base + a);
                clock.ends.push(base + b);
                clock.cum.push(clock.total);
                clock.total += b - a;
                clock.cum_end.push(clock.total);
            }
        }
        clock.day_first.push(u32::try_from(clock.starts.len()).unwrap_or(u32::MAX));
        clock
    }

    /// Working seconds in the whole window.
    pub(crate) fn total(&self) -> i64 {
        self.total
    }

    /// The working intervals `[start, end)`.
    pub(crate) fn intervals(&self) -> impl Iterator<Item = (i64, i64)> + '_ {
        self.starts.iter().copied().zip(self.ends.iter().copied())
    }

    /// The end of the last working interval of day `d`, if the day has working time.
    pub(crate) fn day_end(&self, d: usize) -> Option<i64> {
        let a = *self.day_first.get(d)? as usize;
        let b = *self.day_first.get(d + 1)? as usize;
        if b > a { self.ends.get(b - 1).copied() } else { None }
    }

    /// The index of the first interval ending after `t` and the working position of `t`.
    #[inline]
    fn locate(&self, t: i64) -> (usize, i64) {
        if t <= 0 {
            return (0, 0);
        }
        let d = (t / DAY) as usize;
        let (Some(&a), Some(&b)) = (self.day_first.get(d), self.day_first.get(d + 1)) else {
            return (self.starts.len(), self.total);
        };
        for i in a as usize..b as usize {
            let (s, e, c) = (self.starts[i], self.ends[i], self.cum[i]);
            if t < s {
                return (i, c);
            }
            if t < e {
                return (i, c + (t - s));
            }
        }
        (b as usize, self.cum.get(b as usize).copied().unwrap_or(self.total))
    }

    /// Working seconds elapsed in `[0, t)`.
    #[inline]
    pub(crate) fn pos(&self, t: i64) -> i64 {
        self.locate(t).1
    }

    /// The calendar time at which working position `w` (> 0) is reached, searching from interval
    /// `from` on: the end of a working stretch rather than the start of the next one on a
    /// boundary; [`NEVER`] beyond the window.
    #[inline]
    fn at_from(&self, w: i64, from: usize) -> i64 {
        if w > self.total {
            return NEVER;
        }
        // Most durations end within a few intervals: scan, then fall back to bisection.
        let mut j = from;
        let mut steps = 0;
        while self.cum_end.get(j).is_some_and(|&e| e < w) {
            j += 1;
            steps += 1;
            if steps == 8 {
                j += self.cum_end.get(j..).map_or(0, |rest| rest.partition_point(|&e| e < w));
                break;
            }
        }
        match (self.starts.get(j), self.cum.get(j)) {
            (Some(&s), Some(&c)) => s + (w - c),
            _ => NEVER,
        }
    }

    /// `t` plus `d` working seconds (`t` itself when `d` ≤ 0).
    #[inline]
    pub(crate) fn add(&self, t: i64, d: i64) -> i64 {
        if d <= 0 {
            return t;
        }
        let (i, w) = self.locate(t);
        self.at_from(w + d, i)
    }

    /// `add(t, d)` together with the working position of `t`.
    #[inline]
    pub(crate) fn add_with_pos(&self, t: i64, d: i64) -> (i64, i64) {
        let (i, w) = self.locate(t);
        (if d <= 0 { t } else { self.at_from(w + d, i) }, w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(hours: i64, minutes: i64) -> i64 {
        hours * 3600 + minutes * 60
    }

    fn clock() -> WorkClock {
        // Day 0 working, day 1 off, day 2 working; 09:00–18:30 with lunch 13:00–14:30.
        WorkClock::new(&Days::new(vec![true, false, true]), &Schedule::default())
    }

    #[test]
    fn add_follows_the_schedule() {
        let c = clock();
        let cases = [
            // (start, working seconds, expected end)
            (h(9, 0), 1200, h(9, 20)),
            (h(12, 50), 1200, h(14, 40)),          // pauses over lunch
            (h(13, 0), 1200, h(14, 50)),           // starts at a break: waits for 14:30
            (h(18, 20), 1200, DAY * 2 + h(9, 10)), // night and a day off
            (h(7, 0), 600, h(9, 10)),              // before opening
            (h(12, 40), 1200, h(13, 0)),           // ends exactly at the break: 13:00, not 14:30
            (h(9, 0), 8 * 3600, h(18, 30)),        // one whole working day
            (h(9, 0), 16 * 3600, DAY * 2 + h(18, 30)),
            (h(9, 0), 16 * 3600 + 1, NEVER), // beyond the window
            (h(20, 0), 0, h(20, 0)),         // zero effort takes no time
        ];
        for (t, d, want) in cases {
            assert_eq!(c.add(t, d), want, "add({t}, {d})");
        }
    }

    #[test]
    fn pos_counts_working_seconds() {
        let c = clock();
        assert_eq!(c.total(), 16 * 3600);
        for (t, want) in [
            (0, 0),
            (h(9, 0), 0),
            (h(10, 0), 3600),
            (h(13, 30), 4 * 3600),
            (h(15, 30), 5 * 3600),
            (h(23, 0), 8 * 3600),
            (DAY + h(12, 0), 8 * 3600),
            (DAY * 3, 16 * 3600),
        ] {
            assert_eq!(c.pos(t), want, "pos({t})");
        }
        assert_eq!(c.day_end(0), Some(h(18, 30)));
        assert_eq!(c.day_end(1), None);
    }

    #[test]
    fn working_days_between_counts_the_days_after_entry() {
        let days = Days::new(vec![true, false, true, true]);
        assert_eq!(days.working_count(), 3);
        assert_eq!(days.working_days_between(h(10, 0), h(17, 0)), 0);
        assert_eq!(days.working_days_between(h(10, 0), DAY + h(10, 0)), 0);
        assert_eq!(days.working_days_between(h(10, 0), 2 * DAY), 1);
        assert_eq!(days.working_days_between(h(10, 0), 3 * DAY + 5), 2);
        assert_eq!(days.working_days_between(h(10, 0), 4 * DAY), 2);
    }
}
