//! The checks of a worker's record as of a date: the items of para 8, the terms of paras 8 and 9,
//! the certificates (paras 14.4, 14.5, Code art. 266 p. 3), and the snapshot validator entry
//! point [`check_worker`].

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use ereje_calendar::{Answer, Calendar, CalendarError, provisional_finding};
use ereje_findings::{Finding, is_valid};
use ereje_id::{BinType, Sex};
use serde::{Deserialize, Serialize};

use crate::certificates::{CertificateList, CertificateTerm, certificate_due};
use crate::model::{EventKind, WorkerRecord};
use crate::params::{HIRE_TERM_WORKING_DAYS, Params};
use crate::rules::{
    REG_BIN_NOT_LEGAL_ENTITY, REG_BLOCK_REQUIRED, REG_CERTIFICATE_DATES_REVERSED,
    REG_CERTIFICATE_NOT_REGISTERED, REG_CERTIFICATE_OVER_FIVE_YEARS, REG_CHANGE_ENTERED_LATE,
    REG_EARLIER_WORDING, REG_HIRE_ENTERED_LATE, REG_IIN_MISMATCH, REG_ITEM_MISSING, REG_NOTICE_DUE,
    REG_TERM_NOT_CHECKED,
};
use crate::wire::WireWorker;
use crate::{Item, item};

/// What a check needs besides the record: the date the rules are taken at, the parameters, the
/// working-day calendar, and optionally an external certificate list.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The date the rules are taken at (deadlines are judged on it).
    pub as_of: NaiveDate,
    /// The parameters.
    pub params: Params,
    /// The working-day calendar the terms are counted on.
    pub calendar: &'a Calendar,
    /// The external certificate list; without it `REG-012` does not run.
    pub certificates: Option<&'a CertificateList>,
}

impl<'a> Context<'a> {
    /// A context with the default parameters and no certificate list.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let ctx = ereje_register::Context::new(
    ///     NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
    ///     ereje_calendar::Calendar::builtin(),
    /// );
    /// assert!(ctx.certificates.is_none());
    /// ```
    pub fn new(as_of: NaiveDate, calendar: &'a Calendar) -> Context<'a> {
        Context { as_of, params: Params::default(), calendar, certificates: None }
    }

    /// The context with `params`.
    #[must_use]
    pub fn with_params(mut self, params: Params) -> Context<'a> {
        self.params = params;
        self
    }

    /// The context with an external certificate list.
    #[must_use]
    pub fn with_certificates(mut self, list: &'a CertificateList) -> Context<'a> {
        self.certificates = Some(list);
        self
    }

    /// The context at another date.
    #[must_use]
    pub fn at(mut self, as_of: NaiveDate) -> Context<'a> {
        self.as_of = as_of;
        self
    }
}

/// The fields the `register` subject adds to a result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterExtra {
    /// Events mode: the kind of the event (absent for snapshots and unreadable events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<EventKind>,
    /// Whether this result carries the worker's state as of the date (always for a snapshot; for
    /// events, on the worker's last event on or before the date).
    pub worker_state: bool,
    /// Certificates whose notice is due (para 14 sp. 4).
    pub notices_due: Vec<CertificateTerm>,
    /// Whether the account must be blocked: a current certificate has expired (para 14 sp. 5).
    pub block_required: bool,
    /// The first day the account is to be blocked (the earliest among the expired certificates).
    pub block_from: Option<NaiveDate>,
    /// The expired current certificates.
    pub expired: Vec<CertificateTerm>,
}

/// The outcome of checking one record (a snapshot or an event).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The record's own id: the snapshot's ИИН as given, the event's `id`.
    pub id: Option<String>,
    /// The date the rules were taken at.
    pub as_of: NaiveDate,
    /// Every finding, in the order the checks found them.
    pub findings: Vec<Finding>,
    /// The subject's fields.
    pub extra: RegisterExtra,
}

impl Checked {
    /// False exactly when a finding has severity `error`.
    pub fn valid(&self) -> bool {
        is_valid(&self.findings)
    }
}

/// The last day of the term for entering a new worker's data: three working days after the hire
/// date, the hire day not counted (Rules para 8; the general reading).
///
/// # Errors
/// [`CalendarError`] when the calendar does not know a year the term touches.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let cal = ereje_calendar::Calendar::builtin();
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// // Friday 28.11.2025: Monday 1, Tuesday 2, Wednesday 3 December.
/// assert_eq!(ereje_register::hire_entry_due(cal, d(2025, 11, 28)).unwrap().value, d(2025, 12, 3));
/// assert!(ereje_register::hire_entry_due(cal, d(2031, 1, 6)).is_err());
/// ```
pub fn hire_entry_due(
    calendar: &Calendar,
    hire_date: NaiveDate,
) -> Result<Answer<NaiveDate>, CalendarError> {
    calendar.add(hire_date, HIRE_TERM_WORKING_DAYS)
}

/// The rules that follow the 2025 wording of paras 8 and 9: not applied before it is in force.
fn of_2025_wording(f: &Finding) -> bool {
    matches!(
        f.rule.id,
        "REG-001" | "REG-003" | "REG-004" | "REG-005" | "REG-006" | "REG-007" | "REG-008"
    )
}

/// Before the 2025 wording is in force on `date`, drops its findings and says so once.
pub(crate) fn gate(findings: &mut Vec<Finding>, date: NaiveDate, params: &Params, path: &str) {
    let in_force = params.in_force();
    if date >= in_force {
        return;
    }
    findings.retain(|f| !of_2025_wording(f));
    findings.push(earlier_wording(date, in_force, path));
}

fn earlier_wording(date: NaiveDate, in_force: NaiveDate, path: &str) -> Finding {
    Finding::new(&REG_EARLIER_WORDING, path).with("date", date).with("in_force", in_force)
}

/// Keeps only the first `REG-009` finding.
pub(crate) fn dedupe_earlier_wording(findings: &mut Vec<Finding>) {
    let mut seen = false;
    findings.retain(|f| {
        if f.rule.id != REG_EARLIER_WORDING.id {
            return true;
        }
        let keep = !seen;
        seen = true;
        keep
    });
}

/// The findings of the term for a new worker's data (REG-007), hired on `hire_date` and entered at
/// `entered`; `REG-009` before the 2025 wording. The calendar is consulted only when the answer
/// depends on it (an entry within three calendar days is always in time).
pub(crate) fn hire_term(
    ctx: &Context<'_>,
    hire_date: NaiveDate,
    entered: NaiveDateTime,
    hire_path: &str,
    entered_path: &str,
) -> Vec<Finding> {
    let in_force = ctx.params.in_force();
    if hire_date < in_force {
        return vec![earlier_wording(hire_date, in_force, hire_path)];
    }
    let entered_on = entered.date();
    let sure_in_time = hire_date
        .checked_add_days(chrono::Days::new(u64::from(HIRE_TERM_WORKING_DAYS)))
        .is_some_and(|d| entered_on <= d);
    if sure_in_time {
        return Vec::new();
    }
    let mut out = Vec::new();
    match hire_entry_due(ctx.calendar, hire_date) {
        Ok(due) => {
            if due.provisional {
                out.push(provisional_finding(due.value.year(), hire_path));
            }
            if entered_on > due.value {
                out.push(
                    Finding::new(&REG_HIRE_ENTERED_LATE, entered_path)
                        .with("hired", hire_date)
                        .with("entered", entered_on)
                        .with("due", due.value),
                );
            }
        }
        Err(e) => out.extend(e.finding(hire_path)),
    }
    out
}

/// The findings of a change of `changed_on` entered at `entered` (REG-008); `REG-009` before the
/// 2025 wording.
pub(crate) fn change_term(
    ctx: &Context<'_>,
    changed_on: NaiveDate,
    entered: NaiveDateTime,
    path: &str,
) -> Vec<Finding> {
    let in_force = ctx.params.in_force();
    if changed_on < in_force {
        return vec![earlier_wording(changed_on, in_force, path)];
    }
    let days = (entered.date() - changed_on).num_days();
    if days > i64::from(ctx.params.change_max_delay_days) {
        return vec![
            Finding::new(&REG_CHANGE_ENTERED_LATE, path)
                .with("changed", changed_on)
                .with("entered", entered.date())
                .with("days", days)
                .with("max", ctx.params.change_max_delay_days),
        ];
    }
    Vec::new()
}

/// The state-level checks of a worker's record as of `ctx.as_of`: the items of para 8 (skipping
/// `bad`, the items given with a value that could not be used), the ИИН's agreement with sex and
/// birth date, the БИН's type, the certificates and the external list. Paths are those of a
/// snapshot. Returns the findings and the fields of the result.
///
/// # Errors
/// None: problems are findings.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_register::{check_record, Context, WorkerRecord};
/// let ctx = Context::new(NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(), ereje_calendar::Calendar::builtin());
/// let (findings, extra) = check_record(&WorkerRecord::default(), &ctx, &Default::default());
/// // Items 1–13, the full name counting twice (surname and name).
/// assert_eq!(findings.iter().filter(|f| f.rule.id == "REG-001").count(), 14);
/// assert!(!extra.block_required);
/// ```
pub fn check_record(
    record: &WorkerRecord,
    ctx: &Context<'_>,
    bad: &BTreeSet<crate::Item>,
) -> (Vec<Finding>, RegisterExtra) {
    let mut f = Vec::new();
    presence(record, bad, &mut f);
    agreement(record, &mut f);
    gate(&mut f, ctx.as_of, &ctx.params, "");
    certificate_checks(record, &mut f);
    let due = certificate_due(record, ctx.as_of);
    let index_of = |number: &str| {
        record.data.certificates.iter().flatten().position(|c| c.number == number).unwrap_or(0)
    };
    for t in &due.notices_due {
        f.push(
            Finding::new(
                &REG_NOTICE_DUE,
                format!("/certificates/{}/valid_until", index_of(&t.number)),
            )
            .with("number", &t.number)
            .with("specialty", &t.specialty)
            .with("valid_until", t.valid_until)
            .with("notice_date", t.notice_date),
        );
    }
    for t in &due.expired {
        f.push(
            Finding::new(
                &REG_BLOCK_REQUIRED,
                format!("/certificates/{}/valid_until", index_of(&t.number)),
            )
            .with("number", &t.number)
            .with("specialty", &t.specialty)
            .with("valid_until", t.valid_until)
            .with("block_from", t.block_from),
        );
    }
    if let Some(list) = ctx.certificates {
        for l in list.missing_from(record, ctx.as_of) {
            f.push(
                Finding::new(&REG_CERTIFICATE_NOT_REGISTERED, "/certificates")
                    .with("number", &l.number),
            );
        }
    }
    let extra = RegisterExtra {
        event: None,
        worker_state: true,
        block_required: !due.expired.is_empty(),
        block_from: due.expired.iter().map(|t| t.block_from).min(),
        notices_due: due.notices_due,
        expired: due.expired,
    };
    (f, extra)
}

fn presence(r: &WorkerRecord, bad: &BTreeSet<Item>, f: &mut Vec<Finding>) {
    use validator::Validate;
    if r.iin.is_none() && !bad.contains(&Item::Iin) {
        f.push(
            Finding::new(&REG_ITEM_MISSING, "/iin")
                .with("item", Item::Iin.number())
                .with("field", "iin"),
        );
    }
    // The field-level constraints of para 8 are declared on `WorkerData` (validator derive).
    let Err(errors) = r.data.validate() else { return };
    for finding in ereje_findings::from_validation_errors(&errors, "", |_, _| &REG_ITEM_MISSING) {
        let field = finding.path.trim_start_matches('/').to_owned();
        let Some(item) = item_of_field(&field) else { continue };
        if !bad.contains(&item) {
            f.push(
                Finding::new(&REG_ITEM_MISSING, finding.path)
                    .with("item", item.number())
                    .with("field", field),
            );
        }
    }
}

/// The item of para 8 a field of `WorkerData` belongs to.
fn item_of_field(field: &str) -> Option<Item> {
    Some(match field {
        "surname" | "name" => Item::FullName,
        "sex" => Item::Sex,
        "birth_date" => Item::BirthDate,
        "birthplace" => Item::Birthplace,
        "citizenship" => Item::Citizenship,
        "identity_document" => Item::IdentityDocument,
        "residence" => Item::Residence,
        "registration_address" => Item::RegistrationAddress,
        "registration_date" => Item::RegistrationDate,
        "education" => Item::Education,
        "workplace" => Item::Workplace,
        "position" => Item::Position,
        _ => return None,
    })
}

fn agreement(r: &WorkerRecord, f: &mut Vec<Finding>) {
    if let Some(iin) = r.iin {
        if let Some(sex) = r.data.sex {
            if sex != iin.sex() {
                let name = |s: Sex| if s == Sex::Male { "male" } else { "female" };
                f.push(
                    Finding::new(&REG_IIN_MISMATCH, "/sex")
                        .with("field", "sex")
                        .with("given", name(sex))
                        .with("encoded", name(iin.sex())),
                );
            }
        }
        if let Some(born) = r.data.birth_date {
            if born != iin.birth_date() {
                f.push(
                    Finding::new(&REG_IIN_MISMATCH, "/birth_date")
                        .with("field", "birth_date")
                        .with("given", born)
                        .with("encoded", iin.birth_date()),
                );
            }
        }
    }
    if let Some(w) = &r.data.workplace {
        if w.bin.bin_type() == BinType::JointEntrepreneurship {
            f.push(
                Finding::new(&REG_BIN_NOT_LEGAL_ENTITY, "/workplace/bin")
                    .with("digit", w.bin.bin_type().digit()),
            );
        }
    }
}

fn certificate_checks(r: &WorkerRecord, f: &mut Vec<Finding>) {
    for (i, c) in r.data.certificates.iter().flatten().enumerate() {
        let path = format!("/certificates/{i}/valid_until");
        if c.valid_until < c.issued_on {
            f.push(
                Finding::new(&REG_CERTIFICATE_DATES_REVERSED, path)
                    .with("number", &c.number)
                    .with("valid_until", c.valid_until)
                    .with("issued_on", c.issued_on),
            );
        } else if c
            .issued_on
            .checked_add_months(chrono::Months::new(12 * crate::params::CONFIRMATION_YEARS))
            .is_some_and(|limit| c.valid_until > limit)
        {
            f.push(
                Finding::new(&REG_CERTIFICATE_OVER_FIVE_YEARS, path)
                    .with("number", &c.number)
                    .with("valid_until", c.valid_until)
                    .with("issued_on", c.issued_on),
            );
        }
    }
}

/// The entry terms of a snapshot: each item entered at hiring within the term of para 8
/// (`REG-007`, once per record, at the latest late item), each change within the limit of
/// `change.max_delay_days` (`REG-008`); `REG-016` where the dates are not given.
fn entry_checks(r: &WorkerRecord, ctx: &Context<'_>, f: &mut Vec<Finding>) {
    if r.entered.is_empty() {
        f.push(Finding::new(&REG_TERM_NOT_CHECKED, "").with("field", "entered"));
        return;
    }
    let present = present_items(r);
    let without: Vec<Item> =
        present.iter().copied().filter(|i| !r.entered.contains_key(i)).collect();
    if !without.is_empty() {
        f.push(
            Finding::new(&REG_TERM_NOT_CHECKED, "/entered")
                .with("field", format!("entered ({})", item::numbers(&without))),
        );
    }
    let initial: Vec<(Item, NaiveDateTime)> =
        r.entered.iter().filter(|(_, e)| e.changed_on.is_none()).map(|(i, e)| (*i, e.at)).collect();
    // The term is judged on the last day an item was entered; the finding points at the first
    // item (in the order of para 8) entered that day.
    let latest = initial.iter().map(|(_, at)| at.date()).max();
    let decisive = latest.and_then(|day| initial.iter().find(|(_, at)| at.date() == day));
    if let Some(&(item, at)) = decisive {
        match r.hire_date {
            Some(hired) => {
                f.extend(hire_term(
                    ctx,
                    hired,
                    at,
                    "/hire_date",
                    &format!("/entered/{}/at", item.key()),
                ));
            }
            None => {
                f.push(Finding::new(&REG_TERM_NOT_CHECKED, "/hire_date").with("field", "hire_date"))
            }
        }
    }
    for (item, e) in &r.entered {
        if let Some(changed_on) = e.changed_on {
            f.extend(change_term(ctx, changed_on, e.at, &format!("/entered/{}/at", item.key())));
        }
    }
}

/// The items a record holds.
fn present_items(r: &WorkerRecord) -> Vec<Item> {
    let mut items = r.data.items();
    if r.iin.is_some() {
        items.insert(0, Item::Iin);
    }
    items
}

/// Checks one worker snapshot as of `ctx.as_of`: converts the wire record (every bad value a
/// finding with its pointer), then the items of para 8, the ИИН and БИН, the entry terms of
/// paras 8 and 9, the certificates (notice due, blocking, dates), and the external certificate
/// list when given. The result's `id` is the ИИН as given.
///
/// # Errors
/// None: problems are findings.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use ereje_register::{check_worker, Context, WireWorker};
/// let ctx = Context::new(NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(), ereje_calendar::Calendar::builtin());
/// let w: WireWorker = serde_json::from_str(r#"{"iin": "900101400014"}"#)?;
/// let checked = check_worker(&w, &ctx);
/// assert!(!checked.valid());
/// assert_eq!(checked.findings[0].rule.id, "REG-003");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn check_worker(wire: &WireWorker, ctx: &Context<'_>) -> Checked {
    let converted = wire.to_record(ctx.params.territory);
    let mut findings = converted.findings;
    gate(&mut findings, ctx.as_of, &ctx.params, "");
    let (state, mut extra) = check_record(&converted.value, ctx, &converted.bad_items);
    findings.extend(state);
    entry_checks(&converted.value, ctx, &mut findings);
    dedupe_earlier_wording(&mut findings);
    extra.worker_state = true;
    Checked {
        id: wire.iin.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned),
        as_of: ctx.as_of,
        findings,
        extra,
    }
}

#[cfg(test)]
mod presence_tests {
    use super::*;
    use crate::WorkerData;

    #[test]
    fn every_required_item_of_para_8_is_reported_by_field_and_bad_items_are_not_repeated() {
        let record = WorkerRecord::default();
        let mut f = Vec::new();
        presence(&record, &BTreeSet::new(), &mut f);
        let paths: Vec<&str> = f.iter().map(|x| x.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/iin",
                "/birth_date",
                "/birthplace",
                "/citizenship",
                "/education",
                "/identity_document",
                "/name",
                "/position",
                "/registration_address",
                "/registration_date",
                "/residence",
                "/sex",
                "/surname",
                "/workplace"
            ]
        );
        assert!(f.iter().all(|x| x.rule.id == REG_ITEM_MISSING.id));
        let mut g = Vec::new();
        presence(&record, &BTreeSet::from([Item::FullName, Item::Iin]), &mut g);
        assert_eq!(g.len(), f.len() - 3, "surname, name and iin were given with bad values");
        let mut data = WorkerData { education: Some(Vec::new()), ..WorkerData::default() };
        data.surname = Some("X".into());
        let record = WorkerRecord { data, ..WorkerRecord::default() };
        let mut h = Vec::new();
        presence(&record, &BTreeSet::new(), &mut h);
        assert!(h.iter().any(|x| x.path == "/education"), "an empty education list is missing");
        assert!(!h.iter().any(|x| x.path == "/surname"));
    }
}
