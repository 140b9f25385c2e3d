//! Promotion latency: how long each EML promotion for an extension call keeps the world waiting.
//!
//! In `eml` mode a call into a non-free-threaded extension promotes the EML: it requests a stop,
//! waits until every other thread is parked at a safepoint, runs the call exclusive, then demotes
//! and lets the others resume. That round trip is what an extension call costs everyone else, so
//! `emlab bench` reports it. A [`PromotionTimer`] is started just before the stop request, marks
//! the moment the world is stopped, and is recorded once the call has ended and exclusive mode is
//! released.
//!
//! Only platforms with [`Platform::REAL_TIME`] read the clock: under shuttle and loom a timer is
//! inert and nothing is recorded, so model checking stays deterministic. Timing adds no scheduling
//! point and no trace text; it runs only on promotions, never on the interpreter's hot path.

use crate::platform::Platform;
use std::time::{Duration, Instant};

/// One promotion, both durations from the stop request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Promotion {
    /// Until every other thread was parked (the promoting thread held the EML exclusive).
    pub parked: Duration,
    /// Until the call had ended and exclusive mode was released (the others may resume).
    pub resumed: Duration,
}

/// Times one promotion; inert when the platform has no real clock or the call does not promote.
#[derive(Debug)]
pub struct PromotionTimer {
    started: Option<Instant>,
    parked: Option<Duration>,
}

impl PromotionTimer {
    /// Starts timing, just before the stop request, if `promotes` and the platform has a clock.
    #[inline]
    pub fn start<P: Platform>(promotes: bool) -> PromotionTimer {
        PromotionTimer { started: (promotes && P::REAL_TIME).then(Instant::now), parked: None }
    }

    /// Marks the moment every other thread is parked.
    #[inline]
    pub fn parked(&mut self) {
        self.parked = self.started.map(|started| started.elapsed());
    }

    /// The finished promotion (the call has ended and exclusive mode is released), or None for a
    /// timer that never started or never saw the world stopped.
    #[inline]
    pub fn finish(self) -> Option<Promotion> {
        let PromotionTimer { started: Some(started), parked: Some(parked) } = self else { return None };
        Some(Promotion { parked, resumed: started.elapsed() })
    }
}

/// Every promotion of one VM run. Read it after the run (when every thread has handed over its
/// log) with [`PromotionStats::summary`].
#[derive(Debug, Default)]
pub struct PromotionStats {
    promotions: parking_lot::Mutex<Vec<Promotion>>,
}

impl PromotionStats {
    /// Adds one thread's promotions, in the order they ended, and empties its log. Each thread
    /// keeps its own log while it runs and hands it over as it ends, so that a promotion writes
    /// nothing that the other threads' promotions write too.
    pub fn record_all(&self, log: &mut Vec<Promotion>) {
        if !log.is_empty() {
            self.promotions.lock().append(log);
        }
    }

    /// The promotions recorded so far: each ended thread's, in the order they ended.
    pub fn promotions(&self) -> Vec<Promotion> {
        self.promotions.lock().clone()
    }

    /// Count, medians and 99th percentiles of the promotions recorded so far.
    pub fn summary(&self) -> PromotionSummary {
        PromotionSummary::of(&self.promotions.lock())
    }
}

/// How many promotions there were and their latencies: medians and 99th percentiles (zero when
/// there were none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PromotionSummary {
    pub count: usize,
    /// Median time from the stop request until every other thread was parked.
    pub parked_median: Duration,
    /// 99th percentile of the same.
    pub parked_p99: Duration,
    /// Median time from the stop request until the world could resume.
    pub resumed_median: Duration,
    /// 99th percentile of the same.
    pub resumed_p99: Duration,
}

impl PromotionSummary {
    /// Summarizes `promotions`.
    pub fn of(promotions: &[Promotion]) -> PromotionSummary {
        /// The median (the upper one of an even count) and the 99th percentile (nearest rank).
        fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
            times.sort_unstable();
            let p99 = (times.len() * 99).div_ceil(100).saturating_sub(1);
            (times.get(times.len() / 2).copied().unwrap_or_default(), times.get(p99).copied().unwrap_or_default())
        }
        let (parked_median, parked_p99) = percentiles(promotions.iter().map(|p| p.parked).collect());
        let (resumed_median, resumed_p99) = percentiles(promotions.iter().map(|p| p.resumed).collect());
        PromotionSummary { count: promotions.len(), parked_median, parked_p99, resumed_median, resumed_p99 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::{Native, Shuttle};

    #[test]
    fn native_promotions_are_timed_and_summarized() {
        let stats = PromotionStats::default();
        let mut log = Vec::new();
        for _ in 0..3 {
            let mut timer = PromotionTimer::start::<Native>(true);
            timer.parked();
            log.extend(timer.finish());
        }
        // A thread's log reaches the stats when it hands it over, and is emptied.
        assert!(stats.promotions().is_empty());
        stats.record_all(&mut log);
        assert!(log.is_empty());
        let all = stats.promotions();
        assert_eq!(all.len(), 3);
        assert!(all.iter().all(|p| p.parked <= p.resumed), "{all:?}");
        let summary = stats.summary();
        assert_eq!(summary.count, 3);
        assert!(summary.parked_median <= summary.resumed_median);
    }

    #[test]
    fn nothing_is_recorded_without_a_promotion_a_clock_or_a_stopped_world() {
        let stats = PromotionStats::default();
        let mut no_promotion = PromotionTimer::start::<Native>(false);
        no_promotion.parked();
        assert_eq!(no_promotion.finish(), None);
        let mut model_checked = PromotionTimer::start::<Shuttle>(true);
        model_checked.parked();
        assert_eq!(model_checked.finish(), None);
        assert_eq!(PromotionTimer::start::<Native>(true).finish(), None);
        stats.record_all(&mut Vec::new());
        assert!(stats.promotions().is_empty());
        assert_eq!(stats.summary(), PromotionSummary::default());
    }

    #[test]
    fn medians_take_the_middle_sample_and_p99_the_nearest_rank() {
        let ms = Duration::from_millis;
        let p = |parked, resumed| Promotion { parked: ms(parked), resumed: ms(resumed) };
        let summary = PromotionSummary::of(&[p(5, 9), p(1, 2), p(3, 30)]);
        let expected = PromotionSummary {
            count: 3,
            parked_median: ms(3),
            parked_p99: ms(5),
            resumed_median: ms(9),
            resumed_p99: ms(30),
        };
        assert_eq!(summary, expected);
        assert_eq!(PromotionSummary::of(&[p(1, 4), p(2, 6)]).parked_median, ms(2));
        let hundred: Vec<Promotion> = (1..=100).map(|i| p(i, i)).collect();
        let summary = PromotionSummary::of(&hundred);
        assert_eq!((summary.parked_median, summary.parked_p99), (ms(51), ms(99)));
    }
}
