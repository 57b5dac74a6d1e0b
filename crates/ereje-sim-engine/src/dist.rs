//! Compiled duration distributions and the per-case random stream they draw from.
//!
//! Each case carries a 64-bit SplitMix64 state seeded from its replication's ChaCha8 stream when
//! it arrives; all of the case's draws (durations, branches) come from it. A case's draws thus
//! depend only on the seed, the replication and the case, not on the order in which the event loop
//! interleaves cases: changing staff changes waits, never a case's efforts (common random numbers).

use crate::def::Dist;

/// SplitMix64: the per-case stream (Steele, Lea & Flood 2014).
#[inline]
pub(crate) fn next_u64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform draw in [0, 1) with 53 bits.
#[inline]
pub(crate) fn unit(state: &mut u64) -> f64 {
    (next_u64(state) >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A uniform draw in (0, 1), safe for `ln`.
#[inline]
pub(crate) fn open_unit(bits: u64) -> f64 {
    ((bits >> 12) as f64 + 0.5) * (1.0 / (1u64 << 52) as f64)
}

/// A distribution compiled to seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum CDist {
    Fixed(i64),
    Uniform {
        lo: f64,
        width: f64,
    },
    Triangular {
        a: f64,
        c: f64,
        b: f64,
    },
    /// `ln(seconds) ~ N(mu, sigma²)`.
    LogNormal {
        mu: f64,
        sigma: f64,
    },
}

impl CDist {
    /// Compiles a valid distribution in minutes.
    pub(crate) fn new(d: &Dist) -> CDist {
        const S: f64 = 60.0;
        match *d {
            Dist::Fixed { minutes } => CDist::Fixed(to_secs(minutes * S)),
            Dist::Uniform { min, max } => CDist::Uniform { lo: min * S, width: (max - min) * S },
            Dist::Triangular { min, mode, max } => {
                if max > min {
                    CDist::Triangular { a: min * S, c: mode * S, b: max * S }
                } else {
                    CDist::Fixed(to_secs(min * S))
                }
            }
            Dist::Lognormal { mean, sd } => {
                let sigma2 = (1.0 + (sd * sd) / (mean * mean)).ln();
                CDist::LogNormal { mu: (mean * S).ln() - sigma2 / 2.0, sigma: sigma2.sqrt() }
            }
            Dist::LognormalLog { mu, sigma } => CDist::LogNormal { mu: mu + S.ln(), sigma },
        }
    }

    /// A draw in whole seconds (≥ 0).
    #[inline]
    pub(crate) fn sample(&self, rng: &mut u64) -> i64 {
        match *self {
            CDist::Fixed(s) => s,
            CDist::Uniform { lo, width } => to_secs(lo + width * unit(rng)),
            CDist::Triangular { a, c, b } => {
                let u = unit(rng);
                let f = (c - a) / (b - a);
                let x = if u < f {
                    a + (u * (b - a) * (c - a)).sqrt()
                } else {
                    b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
                };
                to_secs(x)
            }
            CDist::LogNormal { mu, sigma } => {
                // Box–Muller, one normal per draw (two uniforms), so each draw uses a fixed
                // number of stream values.
                let u1 = open_unit(next_u64(rng));
                let u2 = unit(rng);
                let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
                to_secs((mu + sigma * z).exp())
            }
        }
    }
}

/// Rounds seconds to the nearest whole second, clamped to [0, 2^53].
#[inline]
fn to_secs(x: f64) -> i64 {
    if x.is_nan() || x <= 0.0 {
        0
    } else if x >= 9.007_199_254_740_992e15 {
        1 << 53
    } else {
        x.round() as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mean_sd(d: &Dist, n: usize) -> (f64, f64, i64, i64) {
        let c = CDist::new(d);
        let mut rng = 12345u64;
        let xs: Vec<i64> = (0..n).map(|_| c.sample(&mut rng)).collect();
        let mean = xs.iter().sum::<i64>() as f64 / n as f64;
        let var = xs.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / (n as f64 - 1.0);
        (mean, var.sqrt(), *xs.iter().min().unwrap_or(&0), *xs.iter().max().unwrap_or(&0))
    }

    #[test]
    fn distributions_have_their_moments() {
        // (dist, expected mean s, expected sd s, min bound, max bound)
        let cases = [
            (Dist::Fixed { minutes: 20.0 }, 1200.0, 0.0, 1200, 1200),
            (Dist::Uniform { min: 10.0, max: 20.0 }, 900.0, 600.0 / 12f64.sqrt(), 600, 1200),
            (
                Dist::Triangular { min: 10.0, mode: 20.0, max: 40.0 },
                (600.0 + 1200.0 + 2400.0) / 3.0,
                ((600f64.powi(2) + 1200f64.powi(2) + 2400f64.powi(2)
                    - 600.0 * 1200.0
                    - 600.0 * 2400.0
                    - 1200.0 * 2400.0)
                    / 18.0)
                    .sqrt(),
                600,
                2400,
            ),
            (Dist::Lognormal { mean: 30.0, sd: 10.0 }, 1800.0, 600.0, 1, i64::MAX),
            (Dist::LognormalLog { mu: 3.0, sigma: 0.0 }, 3f64.exp() * 60.0, 0.0, 1, i64::MAX),
        ];
        for (d, m, s, lo, hi) in cases {
            let (mean, sd, min, max) = mean_sd(&d, 200_000);
            assert!((mean - m).abs() <= 0.01 * m + 1.0, "{d:?}: mean {mean} vs {m}");
            assert!((sd - s).abs() <= 0.02 * s + 1.0, "{d:?}: sd {sd} vs {s}");
            assert!(min >= lo && max <= hi, "{d:?}: range {min}..{max}");
        }
    }

    #[test]
    fn units_stay_in_range() {
        let mut rng = 0u64;
        for _ in 0..10_000 {
            let u = unit(&mut rng);
            assert!((0.0..1.0).contains(&u));
            let v = open_unit(next_u64(&mut rng));
            assert!(v > 0.0 && v < 1.0);
        }
        assert!(open_unit(0) > 0.0 && open_unit(u64::MAX) < 1.0);
    }
}
