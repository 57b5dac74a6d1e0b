//! The automatic distribution of a draft МСЭ act from the waiting list to one extraterritorial
//! expert (Algorithm para 7), as a pure function over the register of experts and their loads.

use serde::{Deserialize, Serialize};

use crate::error::MseError;
use crate::params::{Extraterritorial, Policy};
use crate::region::Region;

/// An expert of the register of experts taking part in absentee proactive examination (a head
/// of an МСЭ department), with the number of draft acts currently assigned to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expert {
    /// The expert's id in the register.
    pub id: String,
    /// The region of the expert's МСЭ department.
    pub region: Region,
    /// Draft acts assigned and not yet concluded.
    pub load: u32,
}

/// The regions of one case that an extraterritorial expert may have to avoid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CaseRegions {
    /// The patient's region of residence (`None`: unknown, excludes nothing).
    pub patient: Option<Region>,
    /// The medical organisation's region (`None`: unknown, excludes nothing).
    pub organisation: Option<Region>,
}

impl CaseRegions {
    /// The regions excluded under `rule`.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use ereje_mse::{CaseRegions, Extraterritorial, Region};
    /// let case = CaseRegions { patient: Some(Region::Abai), organisation: Some(Region::Akmola) };
    /// assert_eq!(case.excluded(Extraterritorial::Both), [Region::Akmola, Region::Abai]);
    /// assert_eq!(case.excluded(Extraterritorial::PatientRegion), [Region::Abai]);
    /// ```
    pub fn excluded(&self, rule: Extraterritorial) -> Vec<Region> {
        let mut out: Vec<Region> = match rule {
            Extraterritorial::Both => {
                [self.patient, self.organisation].into_iter().flatten().collect()
            }
            Extraterritorial::PatientRegion => self.patient.into_iter().collect(),
            Extraterritorial::OrganisationRegion => self.organisation.into_iter().collect(),
        };
        out.sort();
        out.dedup();
        out
    }
}

/// Picks the one expert a draft act goes to: among the experts of `register` outside the
/// regions `rule` excludes, the least loaded (ties: the first in register order) or, round
/// robin, the first eligible after `last` (the index of the expert assigned last; `None` starts
/// at the beginning), wrapping around. Returns the index in `register`. The caller updates the
/// loads and remembers the index for the next call.
///
/// # Errors
/// [`MseError::EmptyRegister`] for an empty register; [`MseError::NoEligibleExpert`] when every
/// expert is in an excluded region.
///
/// # Example
/// ```
/// use ereje_mse::{CaseRegions, Expert, Extraterritorial, Policy, Region, distribute};
/// let register = vec![
///     Expert { id: "a".into(), region: Region::Akmola, load: 0 },
///     Expert { id: "b".into(), region: Region::Abai, load: 3 },
///     Expert { id: "c".into(), region: Region::Aktobe, load: 1 },
/// ];
/// let case = CaseRegions { patient: Some(Region::Akmola), organisation: Some(Region::Akmola) };
/// assert_eq!(distribute(&register, case, Extraterritorial::Both, Policy::LeastLoaded, None)?, 2);
/// assert_eq!(distribute(&register, case, Extraterritorial::Both, Policy::RoundRobin, Some(2))?, 1);
/// let only_akmola = &register[..1];
/// assert!(distribute(only_akmola, case, Extraterritorial::Both, Policy::LeastLoaded, None).is_err());
/// # Ok::<(), ereje_mse::MseError>(())
/// ```
pub fn distribute(
    register: &[Expert],
    case: CaseRegions,
    rule: Extraterritorial,
    policy: Policy,
    last: Option<usize>,
) -> Result<usize, MseError> {
    if register.is_empty() {
        return Err(MseError::EmptyRegister);
    }
    let excluded = case.excluded(rule);
    let eligible = |e: &Expert| !excluded.contains(&e.region);
    let pick = match policy {
        Policy::LeastLoaded => register
            .iter()
            .enumerate()
            .filter(|(_, e)| eligible(e))
            .min_by_key(|(i, e)| (e.load, *i))
            .map(|(i, _)| i),
        Policy::RoundRobin => {
            let n = register.len();
            let start = last.map_or(0, |l| (l % n) + 1);
            (0..n).map(|k| (start + k) % n).find(|&i| register.get(i).is_some_and(eligible))
        }
    };
    pick.ok_or_else(|| MseError::NoEligibleExpert {
        excluded: excluded.iter().map(|r| r.code()).collect::<Vec<_>>().join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn register() -> Vec<Expert> {
        [
            (Region::Akmola, 0),
            (Region::Astana, 0),
            (Region::Abai, 2),
            (Region::Aktobe, 1),
            (Region::Astana, 0),
        ]
        .iter()
        .enumerate()
        .map(|(i, &(region, load))| Expert { id: format!("e{i}"), region, load })
        .collect()
    }

    #[test]
    fn what_extraterritorial_excludes() {
        let case =
            CaseRegions { patient: Some(Region::Akmola), organisation: Some(Region::Astana) };
        let r = register();
        let cases = [
            (
                Extraterritorial::Both,
                3,
                "neither Akmola nor Astana: Aktobe (load 1) beats Abai (2)",
            ),
            (Extraterritorial::PatientRegion, 1, "not Akmola: first Astana expert, load 0"),
            (Extraterritorial::OrganisationRegion, 0, "not Astana: the Akmola expert, load 0"),
        ];
        for (rule, expected, why) in cases {
            assert_eq!(
                distribute(&r, case, rule, Policy::LeastLoaded, None).ok(),
                Some(expected),
                "{why}"
            );
        }
        // unknown regions exclude nothing
        assert_eq!(
            distribute(
                &r,
                CaseRegions::default(),
                Extraterritorial::Both,
                Policy::LeastLoaded,
                None
            )
            .ok(),
            Some(0)
        );
    }

    #[test]
    fn round_robin_cycles_over_eligible_experts() {
        let case =
            CaseRegions { patient: Some(Region::Astana), organisation: Some(Region::Astana) };
        let r = register();
        let mut last = None;
        let mut order = Vec::new();
        for _ in 0..6 {
            let i = distribute(&r, case, Extraterritorial::Both, Policy::RoundRobin, last)
                .unwrap_or(usize::MAX);
            order.push(i);
            last = Some(i);
        }
        assert_eq!(order, [0, 2, 3, 0, 2, 3]);
        // an out-of-range cursor wraps instead of failing
        assert_eq!(
            distribute(&r, case, Extraterritorial::Both, Policy::RoundRobin, Some(99)).ok(),
            Some(0)
        );
    }

    #[test]
    fn least_loaded_with_updated_loads_spreads_work() {
        let case = CaseRegions { patient: Some(Region::Abai), organisation: Some(Region::Abai) };
        let mut r = register();
        let mut counts = vec![0; r.len()];
        for _ in 0..12 {
            let i = distribute(&r, case, Extraterritorial::Both, Policy::LeastLoaded, None)
                .unwrap_or(0);
            counts[i] += 1;
            r[i].load += 1;
        }
        assert_eq!(counts[2], 0, "the Abai expert is never chosen");
        let loads: Vec<u32> =
            r.iter().filter(|e| e.region != Region::Abai).map(|e| e.load).collect();
        assert!(
            loads.iter().max().unwrap_or(&0) - loads.iter().min().unwrap_or(&0) <= 1,
            "{loads:?}"
        );
    }

    #[test]
    fn errors() {
        let case = CaseRegions { patient: Some(Region::Akmola), organisation: None };
        assert_eq!(
            distribute(&[], case, Extraterritorial::Both, Policy::LeastLoaded, None),
            Err(MseError::EmptyRegister)
        );
        let only = [Expert { id: "x".into(), region: Region::Akmola, load: 0 }];
        let e =
            distribute(&only, case, Extraterritorial::Both, Policy::RoundRobin, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no extraterritorial expert: every expert of the register is in an excluded region (akmola)"
        );
    }
}
