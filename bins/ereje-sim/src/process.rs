//! The processes `ereje-sim` simulates, each with its built-in default scenario (the same text
//! as the file shipped under `fixtures/`), the label every output carries, the settings it takes
//! besides the scenario's key paths, and the notes every output repeats.
//!
//! Adding a process (`mse`, `sick-leave`, `register`) is one `SimProcess` here and one
//! subcommand in `main.rs`; everything else (options, outputs, reports) is shared.

use ereje_sim_engine::Scenario;
use ereje_social_payment::channels::SeedWindow;
use ereje_social_payment::procedure;

/// A process the simulator offers.
#[derive(Debug, Clone, Copy)]
pub struct SimProcess {
    /// The subcommand, e.g. `social-payment`; `process` in the JSON.
    pub name: &'static str,
    /// The shipped file the built-in scenario is, relative to the repository root.
    pub default_file: &'static str,
    /// The built-in scenario's TOML text (embedded from `default_file`).
    pub default_toml: &'static str,
    /// What the built-in scenario is, printed on every output.
    pub label: &'static str,
    /// `--set` keys that are settings of the process rather than key paths of the scenario file.
    pub settings: &'static [&'static str],
    /// Applies one setting to a scenario.
    pub apply_setting: fn(&mut Scenario, &str, &str) -> Result<(), String>,
    /// Brings the built-in scenario in line with a run window changed on the command line.
    pub window_changed: fn(&mut Scenario),
    /// The lines every output carries about the run (the act's window, the term, switches),
    /// besides the label and the engine's assumptions.
    pub notes: fn(&Scenario) -> Vec<String>,
}

/// `ereje-sim social-payment`: the job-loss payment under the Aktobe regional service regulation
/// (seed 003), on the built-in calendar (`ereje_social_payment::procedure`).
pub static SOCIAL_PAYMENT: SimProcess = SimProcess {
    name: "social-payment",
    default_file: "fixtures/social-payment/default.toml",
    default_toml: include_str!("../../../fixtures/social-payment/default.toml"),
    label: procedure::LABEL,
    settings: &[procedure::SWITCH],
    apply_setting: |sc, key, value| {
        procedure::apply_setting(sc, key, value).map_err(|e| e.to_string())
    },
    window_changed: procedure::apply_term,
    notes: |sc| {
        // The first note is the label, which outputs carry on their own.
        procedure::notes(sc, &SeedWindow::DEFAULT)
            .into_iter()
            .filter(|n| n != procedure::LABEL)
            .collect()
    },
};

/// `ereje-sim mse`: the pilot of proactive absentee МСЭ (seed 004) over its twelve months
/// (`ereje_mse::process`); the expert's term with the 16:00 cutoff is added by `crate::mse`.
pub static MSE: SimProcess = SimProcess {
    name: ereje_mse::process::NAME,
    default_file: "fixtures/mse/sim-default.toml",
    default_toml: include_str!("../../../fixtures/mse/sim-default.toml"),
    label: ereje_mse::process::LABEL,
    settings: &[],
    apply_setting: |_, key, _| Err(format!("unknown setting `{key}`")),
    window_changed: ereje_mse::process::apply_window,
    notes: ereje_mse::process::notes,
};

impl SimProcess {
    /// The label of a run: the built-in label, or the scenario file's name for another scenario
    /// (whose figures are the file's own assumptions).
    pub fn label_for(&self, scenario_file: Option<&str>) -> String {
        match scenario_file {
            None => self.label.to_owned(),
            Some(file) => format!("scenario {file} (its figures are the file's assumptions)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every process.
    static PROCESSES: &[&SimProcess] = &[&SOCIAL_PAYMENT, &MSE];

    #[test]
    fn the_built_in_scenarios_are_valid() {
        for p in PROCESSES {
            let sc: Scenario = toml::from_str(p.default_toml).unwrap();
            assert_eq!(ereje_sim_engine::validate(&sc), vec![], "{}", p.name);
        }
    }

    #[test]
    fn the_embedded_social_payment_scenario_is_the_crates_default() {
        let sc: Scenario = toml::from_str(SOCIAL_PAYMENT.default_toml).unwrap();
        assert_eq!(sc, procedure::default_scenario());
    }

    #[test]
    fn the_embedded_mse_scenario_is_the_crates_default() {
        let sc: Scenario = toml::from_str(MSE.default_toml).unwrap();
        assert_eq!(sc, ereje_mse::process::default_scenario());
        assert!((MSE.apply_setting)(&mut sc.clone(), "department_procedure", "yes").is_err());
    }

    #[test]
    fn settings_are_applied_and_checked() {
        let mut sc = procedure::default_scenario();
        assert_eq!((SOCIAL_PAYMENT.apply_setting)(&mut sc, "department_procedure", "yes"), Ok(()));
        assert_eq!(procedure::department_procedure(&sc), Some(true));
        assert!((SOCIAL_PAYMENT.apply_setting)(&mut sc, "department_procedure", "maybe").is_err());
        let notes = (SOCIAL_PAYMENT.notes)(&sc);
        assert!(notes.iter().all(|n| n != procedure::LABEL));
        assert!(notes.iter().any(|n| n.contains("department_procedure = yes")), "{notes:?}");
    }
}
