//! Certificates: the terms derived from a certificate (notice, blocking) and the external
//! certificate list the register is compared with (Code art. 266 p. 3).

use std::collections::HashMap;

use chrono::NaiveDate;
use ereje_id::Iin;
use serde::{Deserialize, Serialize};

use crate::model::{Certificate, WorkerRecord, opt_date};
use crate::replay::State;

/// A certificate's terms as of a day, written in results (`notices_due`, `expired`) and reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateTerm {
    /// The specialty.
    pub specialty: String,
    /// The certificate's number.
    pub number: String,
    /// The last valid day.
    pub valid_until: NaiveDate,
    /// The day the notice of para 14 sp. 4 is due.
    pub notice_date: NaiveDate,
    /// The first day after the validity, from which the account is blocked (para 14 sp. 5).
    pub block_from: NaiveDate,
}

impl CertificateTerm {
    /// The terms of `c`.
    pub fn of(c: &Certificate) -> CertificateTerm {
        CertificateTerm {
            specialty: c.specialty.clone(),
            number: c.number.clone(),
            valid_until: c.valid_until,
            notice_date: c.notice_date(),
            block_from: c.block_from(),
        }
    }
}

/// What the certificates of a worker in service require on a day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertificateDue {
    /// Current certificates in their notice window: notice date ≤ day ≤ last valid day.
    pub notices_due: Vec<CertificateTerm>,
    /// Current certificates past their last valid day: the account is to be blocked.
    pub expired: Vec<CertificateTerm>,
}

/// The notices due and the expired certificates of `worker` on `date`. Only the current
/// certificate of each specialty counts (a confirmation supersedes the earlier one), and only a
/// worker in service on `date` (a dismissed worker is no longer the organisation's).
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_register::{certificate_due, Certificate, WorkerData, WorkerRecord};
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let c = Certificate { specialty: "therapy".into(), number: "C-1".into(), issued_on: d(2021, 5, 1), valid_until: d(2026, 4, 30) };
/// let w = WorkerRecord { data: WorkerData { certificates: Some(vec![c]), ..Default::default() }, ..Default::default() };
/// assert!(certificate_due(&w, d(2026, 2, 27)).notices_due.is_empty());
/// assert_eq!(certificate_due(&w, d(2026, 2, 28)).notices_due.len(), 1);
/// assert_eq!(certificate_due(&w, d(2026, 4, 30)).expired.len(), 0);
/// assert_eq!(certificate_due(&w, d(2026, 5, 1)).expired[0].block_from, d(2026, 5, 1));
/// ```
pub fn certificate_due(worker: &WorkerRecord, date: NaiveDate) -> CertificateDue {
    let mut out = CertificateDue::default();
    if !worker.in_service_on(date) {
        return out;
    }
    for c in worker.current_certificates() {
        if date > c.valid_until {
            out.expired.push(CertificateTerm::of(c));
        } else if date >= c.notice_date() {
            out.notices_due.push(CertificateTerm::of(c));
        }
    }
    out
}

/// A certificate as an external list gives it (e.g. the certifying body's list of issued
/// certificates), to be found in the register (Code art. 266 p. 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedCertificate {
    /// The holder's ИИН.
    pub iin: Iin,
    /// The certificate's number.
    pub number: String,
    /// The specialty, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<String>,
    /// The issue (or confirmation) date, when given.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// The last valid day, when given.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
}

impl ListedCertificate {
    /// Whether the listed certificate is in force on `date` (unknown dates count as in force).
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.issued_on.is_none_or(|d| d <= date) && self.valid_until.is_none_or(|d| date <= d)
    }
}

/// An external certificate list, by holder.
///
/// ```
/// use ereje_register::{CertificateList, ListedCertificate};
/// let c: ListedCertificate = serde_json::from_str(r#"{"iin":"900101400013","number":"C-7"}"#)?;
/// let list = CertificateList::new([c]);
/// assert_eq!(list.for_holder(&"900101400013".parse().unwrap()).len(), 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertificateList {
    by_holder: HashMap<Iin, Vec<ListedCertificate>>,
}

impl CertificateList {
    /// A list of `certificates`.
    pub fn new(certificates: impl IntoIterator<Item = ListedCertificate>) -> CertificateList {
        let mut by_holder: HashMap<Iin, Vec<ListedCertificate>> = HashMap::new();
        for c in certificates {
            by_holder.entry(c.iin).or_default().push(c);
        }
        CertificateList { by_holder }
    }

    /// The certificates listed for `iin`.
    pub fn for_holder(&self, iin: &Iin) -> &[ListedCertificate] {
        self.by_holder.get(iin).map_or(&[], Vec::as_slice)
    }

    /// The listed certificates of `worker` in force on `date` that the worker's record does not
    /// hold (compared by number, ignoring case and surrounding spaces).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_register::{CertificateList, ListedCertificate, WorkerRecord};
    /// let c: ListedCertificate = serde_json::from_str(r#"{"iin":"900101400013","number":"C-7"}"#).unwrap();
    /// let list = CertificateList::new([c]);
    /// let w = WorkerRecord { iin: Some("900101400013".parse().unwrap()), ..Default::default() };
    /// assert_eq!(list.missing_from(&w, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())[0].number, "C-7");
    /// ```
    pub fn missing_from(&self, worker: &WorkerRecord, date: NaiveDate) -> Vec<&ListedCertificate> {
        let Some(iin) = worker.iin else { return Vec::new() };
        let held: Vec<String> =
            worker.data.certificates.iter().flatten().map(|c| normalise(&c.number)).collect();
        self.for_holder(&iin)
            .iter()
            .filter(|l| l.in_force_on(date) && !held.contains(&normalise(&l.number)))
            .collect()
    }

    /// The listed certificates in force on the state's day whose holder is not in the register
    /// at all (Code art. 266 p. 3, art. 271 p. 1 sp. 6): they cannot be reported on a worker's
    /// record, so a caller reports them separately. Sorted by ИИН and number.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use ereje_register::{CertificateList, ListedCertificate, Replay};
    /// let c: ListedCertificate = serde_json::from_str(r#"{"iin":"900101400013","number":"C-7"}"#).unwrap();
    /// let list = CertificateList::new([c]);
    /// let state = Replay::new().state_as_of(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// assert_eq!(list.holders_not_registered(&state).len(), 1);
    /// ```
    pub fn holders_not_registered(&self, state: &State) -> Vec<&ListedCertificate> {
        let mut out: Vec<&ListedCertificate> = self
            .by_holder
            .iter()
            .filter(|(iin, _)| !state.workers.contains_key(iin))
            .flat_map(|(_, list)| list.iter().filter(|l| l.in_force_on(state.as_of)))
            .collect();
        out.sort_by(|a, b| (a.iin, &a.number).cmp(&(b.iin, &b.number)));
        out
    }
}

fn normalise(number: &str) -> String {
    number.trim().to_lowercase()
}
