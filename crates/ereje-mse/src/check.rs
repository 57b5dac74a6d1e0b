//! The validator of subject `mse`: [`check`] runs every rule on one form and returns the
//! findings with the nosology, the pilot's answer, the missing examinations and whether the
//! form can be signed.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};
use ereje_calendar::Calendar;
use ereje_findings::Finding;
use serde::Serialize;

use crate::exams::{ExamKind, MissingExam, Signability, missing_exams};
use crate::form::Form;
use crate::nosology::{Detection, Nosology, detect, listed_nosology};
use crate::params::{Params, ScheduleReading};
use crate::rules::*;
use crate::schedule::{PilotAnswer, PilotQuery, PilotReason, pilot_applies};
use crate::term::{ExpertTerm, WaitingList, expert_due};
use crate::wire::{Parts, WireForm, read};

/// What a check is run with.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The date the rules are taken at (`--as-of`); `None` for the form's own date: the ВКК
    /// signing date, or the creation date while unsigned ([`WireForm::default_as_of`]).
    pub as_of: Option<NaiveDate>,
    /// The readings and parameters (`--set`).
    pub params: Params,
    /// The working-day calendar for the expert's term.
    pub calendar: &'a Calendar,
}

impl Context<'static> {
    /// The built-in calendar, default parameters, the form's own date.
    ///
    /// # Example
    /// ```
    /// let ctx = ereje_mse::Context::builtin();
    /// assert!(ctx.as_of.is_none());
    /// assert!(ctx.params.publication_assumed);
    /// ```
    pub fn builtin() -> Context<'static> {
        Context { as_of: None, params: Params::default(), calendar: Calendar::builtin() }
    }
}

impl<'a> Context<'a> {
    /// This context with `as_of` fixed.
    #[must_use]
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
    /// assert_eq!(ereje_mse::Context::builtin().with_as_of(d).as_of, Some(d));
    /// ```
    pub fn with_as_of(mut self, as_of: NaiveDate) -> Context<'a> {
        self.as_of = Some(as_of);
        self
    }

    /// This context with `params`.
    #[must_use]
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use ereje_mse::{Context, Params};
    /// let p = Params::from_key_value([("schedule.reading", "by-mis-vendor")])?;
    /// assert_eq!(Context::builtin().with_params(p).params.reading.name(), "by-mis-vendor");
    /// # Ok::<(), ereje_mse::MseError>(())
    /// ```
    pub fn with_params(mut self, params: Params) -> Context<'a> {
        self.params = params;
        self
    }
}

/// The result of checking one form.
///
/// Serialises to the fields subject `mse` adds to the contract's result (`nosology`, `pilot`,
/// `missing_exams`, `signable`, `expert_term`, `waiting_list`); the findings, the id and the
/// as-of date go into the contract's own fields (see
/// [`RecordResult`](ereje_findings::RecordResult)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checked {
    /// Every finding, in the order the checks found them.
    #[serde(skip)]
    pub findings: Vec<Finding>,
    /// The form's id, when given.
    #[serde(skip)]
    pub id: Option<String>,
    /// The date the rules were taken at.
    #[serde(skip)]
    pub as_of: Option<NaiveDate>,
    /// The nosology of the main diagnosis.
    pub nosology: Detection,
    /// Whether the pilot applies.
    pub pilot: PilotAnswer,
    /// The mandatory examinations missing (empty when the pilot does not apply).
    pub missing_exams: Vec<MissingExam>,
    /// Whether the ВКК chair can sign: false exactly when `missing_exams` is not empty.
    pub signable: bool,
    /// The expert's term, when the pilot applies and the draft act's receipt is known.
    pub expert_term: Option<ExpertTerm>,
    /// The time on the waiting list (no norm), when sending and receipt are known.
    pub waiting_list: Option<WaitingList>,
}

impl Checked {
    /// Whether there is no finding of severity error.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let checked = ereje_mse::check(&ereje_mse::WireForm::default(), &ereje_mse::Context::builtin());
    /// assert!(checked.valid()); // missing fields are warnings, no pilot nosology: no error
    /// ```
    pub fn valid(&self) -> bool {
        ereje_findings::is_valid(&self.findings)
    }

    /// The signing gate's answer.
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let checked = ereje_mse::check(&ereje_mse::WireForm::default(), &ereje_mse::Context::builtin());
    /// assert!(checked.signability().is_signable());
    /// ```
    pub fn signability(&self) -> Signability {
        Signability::from_missing(self.missing_exams.clone())
    }
}

/// Checks one form read through the lenient wire model: converts every value (each failure a
/// finding with its JSON pointer), then runs every rule on what could be read.
///
/// # Errors
/// None: every problem is a finding.
///
/// # Example
/// ```
/// use ereje_findings::Lang;
/// use ereje_mse::{Context, WireForm, check};
/// let w: WireForm = serde_json::from_str(r#"{
///   "created_on": "2025-09-01",
///   "patient": {"iin": "900101400013", "birth_date": "1990-01-01", "sex": "female", "region": "akmola"},
///   "organisation": {"region": "akmola", "mis": "damu"},
///   "diagnosis": {"main": "S88.1"},
///   "amputation": {"surgical": false},
///   "examinations": [{"kind": "inpatient_extract", "date": "2025-08-20", "document": "doc-1"}],
///   "vkk": {"signed_at": "2025-09-02T10:00"}
/// }"#)?;
/// let checked = check(&w, &Context::builtin());
/// assert_eq!(checked.nosology.nosology.map(|n| n.code()), Some("amputation"));
/// assert!(checked.pilot.applies && !checked.signable && !checked.valid());
/// let missing: Vec<_> = checked.missing_exams.iter().map(|m| m.code).collect();
/// assert_eq!(missing, ["traumatologist_orthopaedist_or_surgeon_conclusion", "limb_xray", "radiologist_conclusion"]);
/// assert_eq!(checked.findings[0].rule.id, "MSE-005");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn check(wire: &WireForm, ctx: &Context<'_>) -> Checked {
    let (parts, findings) = read(wire);
    run(&parts, findings, ctx)
}

/// Checks a strict [`Form`] (no conversion findings).
///
/// # Errors
/// None: every problem is a finding.
///
/// # Example
/// ```
/// # let json = r#"{"created_on": "2025-09-01",
/// #   "patient": {"iin": "900101400013", "birth_date": "1990-01-01", "sex": "female", "region": "akmola"},
/// #   "organisation": {"region": "akmola", "mis": "damu"}, "diagnosis": {"main": "J44.9"}}"#;
/// let form: ereje_mse::Form = serde_json::from_str(json)?;
/// let checked = ereje_mse::check_form(&form, &ereje_mse::Context::builtin());
/// assert_eq!(checked.pilot.reason.code(), "not-listed");
/// assert!(checked.signable);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn check_form(form: &Form, ctx: &Context<'_>) -> Checked {
    run(&Parts::from(form), Vec::new(), ctx)
}

/// The signing gate of para 4 for a strict form: [`Signability::Signable`] when the pilot does
/// not apply or nothing mandatory is missing, else the missing examinations with their
/// citations.
///
/// # Errors
/// None: the missing examinations are the answer.
///
/// # Example
/// ```
/// # let json = r#"{"created_on": "2025-09-01",
/// #   "patient": {"iin": "160214600054", "birth_date": "2016-02-14", "sex": "female", "region": "astana"},
/// #   "organisation": {"region": "astana", "mis": "damu"}, "diagnosis": {"main": "E76.1"},
/// #   "examinations": [{"kind": "molecular_genetic_test", "conclusion": "IDS c.1A>G"}]}"#;
/// use ereje_mse::{Context, Form, Signability, signable};
/// let mut form: Form = serde_json::from_str(json)?;
/// assert_eq!(signable(&form, &Context::builtin()), Signability::Signable);
/// form.examinations.clear();
/// let Signability::Missing(missing) = signable(&form, &Context::builtin()) else { panic!() };
/// assert_eq!(missing[0].code, "molecular_genetic_test");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn signable(form: &Form, ctx: &Context<'_>) -> Signability {
    check_form(form, ctx).signability()
}

/// Age in full years on `date`, `None` before the birth.
fn age_on(birth: NaiveDate, date: NaiveDate) -> Option<u32> {
    if date < birth {
        return None;
    }
    let mut years = date.year() - birth.year();
    if (date.month(), date.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

fn fmt_dt(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

fn run(p: &Parts, mut findings: Vec<Finding>, ctx: &Context<'_>) -> Checked {
    let own_date = p.own_date();
    let as_of = ctx.as_of.or(own_date);

    dates_in_order(p, &mut findings);
    let present = exams(p, own_date, &mut findings);

    // The nosology, with the age on the form's own date.
    let form_date = own_date.or(as_of);
    let age = match (p.birth_date(), form_date) {
        (Some(b), Some(d)) => age_on(b, d),
        _ => None,
    };
    let detection = detect(p.main, age);
    if detection.nosology.is_none() {
        for s in &p.secondary {
            if let Some(n) = listed_nosology(s.code) {
                findings.push(
                    Finding::new(&MSE_SECONDARY_PILOT_CODE, s.path())
                        .with("icd10", s.code)
                        .with("nosology", n),
                );
            }
        }
    }
    if let Some(sub) = p.amputation.and_then(|a| a.sub_form) {
        if detection.nosology != Some(Nosology::Amputation) {
            let code = p.main.map_or_else(|| "—".to_owned(), |c| c.to_string());
            findings.push(
                Finding::new(&MSE_SUB_FORM_WITHOUT_AMPUTATION, "/amputation/sub_form")
                    .with("sub_form", sub.code())
                    .with("icd10", code),
            );
        }
    }

    // Does the pilot apply?
    let pilot = pilot_applies(
        &PilotQuery { on: as_of, detection: &detection, region: p.org_region, mis: p.mis.as_ref() },
        &ctx.params,
    );
    not_applied(&pilot, &detection, as_of, form_date, &mut findings);

    // The signing gate.
    let mut missing = Vec::new();
    if let (true, Some(n)) = (pilot.applies, detection.nosology) {
        let surgical = p.amputation.and_then(|a| a.surgical);
        if n == Nosology::Amputation && surgical.is_none() {
            findings.push(Finding::new(&MSE_SURGICAL_UNKNOWN, "/amputation/surgical"));
        }
        missing = missing_exams(n, &present, surgical);
        for m in &missing {
            findings.push(
                Finding::new(&MSE_EXAM_MISSING, "/examinations")
                    .with("exam", m.code)
                    .with("nosology", n)
                    .with("item", m.requirement.item)
                    .with("line", m.requirement.line.unwrap_or(0)),
            );
        }
    }

    validity(p, as_of, &mut findings);

    let expert_term =
        if pilot.applies { expert_term(p, as_of, ctx.calendar, &mut findings) } else { None };
    let waiting_list = match (p.sent_at, p.received_at) {
        (Some(a), Some(b)) => WaitingList::between(a, b),
        _ => None,
    };

    Checked {
        findings,
        id: p.id.map(str::to_owned),
        as_of,
        nosology: detection,
        pilot,
        signable: missing.is_empty(),
        missing_exams: missing,
        expert_term,
        waiting_list,
    }
}

/// Created ≤ signed ≤ sent ≤ received by the expert ≤ concluded; sent only when signed.
fn dates_in_order(p: &Parts, findings: &mut Vec<Finding>) {
    let created = p.created_on.and_then(|d| d.and_hms_opt(0, 0, 0));
    let steps: [(&str, Option<NaiveDateTime>); 5] = [
        ("/created_on", created),
        ("/vkk/signed_at", p.signed_at),
        ("/sent_at", p.sent_at),
        ("/expert_received_at", p.received_at),
        ("/expert_concluded_at", p.concluded_at),
    ];
    let mut last: Option<(&str, NaiveDateTime)> = None;
    for (field, t) in steps {
        let Some(t) = t else { continue };
        if let Some((earlier_field, earlier)) = last {
            // the creation date has no time: compare dates with it
            let before = if earlier_field == "/created_on" {
                t.date() < earlier.date()
            } else {
                t < earlier
            };
            if before {
                let show = |f: &str, t: NaiveDateTime| {
                    if f == "/created_on" { t.date().to_string() } else { fmt_dt(t) }
                };
                findings.push(
                    Finding::new(&MSE_DATE_ORDER, field)
                        .with("later_field", field)
                        .with("later", show(field, t))
                        .with("earlier_field", earlier_field)
                        .with("earlier", show(earlier_field, earlier)),
                );
                continue;
            }
        }
        last = Some((field, t));
    }
    if let (None, Some(sent)) = (p.signed_at, p.sent_at) {
        findings.push(Finding::new(&MSE_SENT_UNSIGNED, "/sent_at").with("sent", fmt_dt(sent)));
    }
}

/// The examinations that count (with content), and the findings about the entries.
fn exams(p: &Parts, own_date: Option<NaiveDate>, findings: &mut Vec<Finding>) -> Vec<ExamKind> {
    let mut present = Vec::with_capacity(p.exams.len());
    for e in &p.exams {
        let i = e.index;
        if !e.has_content() {
            findings.push(
                Finding::new(&MSE_EXAM_EMPTY, format!("/examinations/{i}")).with("kind", e.kind),
            );
            continue;
        }
        if let (Some(d), Some(form_date)) = (e.date, own_date) {
            if d > form_date {
                findings.push(
                    Finding::new(&MSE_EXAM_AFTER_FORM, format!("/examinations/{i}/date"))
                        .with("kind", e.kind)
                        .with("exam_date", d)
                        .with("form_date", form_date),
                );
            }
        }
        present.push(e.kind);
    }
    present
}

/// The info finding that says why the exam gate did not run.
fn not_applied(
    pilot: &PilotAnswer,
    detection: &Detection,
    as_of: Option<NaiveDate>,
    form_date: Option<NaiveDate>,
    findings: &mut Vec<Finding>,
) {
    let code = || detection.icd10.map_or_else(|| "—".to_owned(), |c| c.to_string());
    let date = || form_date.or(as_of).map_or_else(|| "—".to_owned(), |d| d.to_string());
    let f = match pilot.reason {
        PilotReason::InWave => return,
        PilotReason::NoDate => Finding::new(&MSE_NO_DATE, ""),
        PilotReason::NoDiagnosis => Finding::new(&MSE_NO_DIAGNOSIS, "/diagnosis/main"),
        PilotReason::NotListed => {
            Finding::new(&MSE_NOT_PILOT_NOSOLOGY, "/diagnosis/main").with("icd10", code())
        }
        PilotReason::NearMiss => Finding::new(&MSE_NEAR_MISS, "/diagnosis/main")
            .with("icd10", code())
            .with("group", detection.group.unwrap_or(""))
            .with("nosology", detection.near.map_or("", Nosology::code)),
        PilotReason::Adult => Finding::new(&MSE_ADULT_MPS, "/diagnosis/main")
            .with("icd10", code())
            .with("age", detection.age.map_or_else(|| "—".to_owned(), |a| a.to_string()))
            .with("date", date()),
        PilotReason::AgeUnknown => Finding::new(&MSE_AGE_UNKNOWN, "/patient/birth_date")
            .with("icd10", code())
            .with("date", date()),
        PilotReason::BeforeInForce | PilotReason::AfterEnd | PilotReason::BeforeWave => {
            let from =
                pilot.wave_start.unwrap_or(crate::schedule::in_force_from(pilot.publication_date));
            Finding::new(&MSE_OUTSIDE_SCHEDULE, "")
                .with("date", as_of.map_or_else(|| "—".to_owned(), |d| d.to_string()))
                .with("reading", pilot.reading)
                .with("from", from)
                .with("to", pilot.last_day)
        }
        PilotReason::UnknownRegion | PilotReason::UnknownMis => {
            let path = match pilot.reading {
                ScheduleReading::ByRegion => "/organisation/region",
                ScheduleReading::ByMisVendor => "/organisation/mis",
            };
            Finding::new(&MSE_SCHEDULE_KEY_UNKNOWN, path)
                .with("field", path)
                .with("reading", pilot.reading)
        }
    };
    findings.push(f);
}

/// Form 031/у valid one month from signing, judged at the expert's receipt, else the sending,
/// else the as-of date.
fn validity(p: &Parts, as_of: Option<NaiveDate>, findings: &mut Vec<Finding>) {
    let Some(signed) = p.signed_at.map(|t| t.date()) else { return };
    let Some(until) = signed.checked_add_months(Months::new(1)) else { return };
    let (judged, at, path) = if let Some(t) = p.received_at {
        (t.date(), "/expert_received_at", "/expert_received_at")
    } else if let Some(t) = p.sent_at {
        (t.date(), "/sent_at", "/sent_at")
    } else if let Some(d) = as_of {
        (d, "--as-of", "")
    } else {
        return;
    };
    if judged > until {
        findings.push(
            Finding::new(&MSE_FORM_EXPIRED, path)
                .with("signed", signed)
                .with("until", until)
                .with("at", at)
                .with("judged", judged),
        );
    }
}

/// The expert's term (para 9) from the draft act's receipt; CAL-* findings from the calendar.
fn expert_term(
    p: &Parts,
    as_of: Option<NaiveDate>,
    calendar: &Calendar,
    findings: &mut Vec<Finding>,
) -> Option<ExpertTerm> {
    let received = p.received_at?;
    let due = match expert_due(received, calendar) {
        Ok(a) => a,
        Err(e) => {
            findings.extend(e.finding("/expert_received_at"));
            return None;
        }
    };
    if due.provisional {
        let year = (received.year()..=due.value.year())
            .find(|&y| calendar.is_provisional(y).unwrap_or(false))
            .unwrap_or(due.value.year());
        findings.push(ereje_calendar::provisional_finding(year, "/expert_received_at"));
    }
    let on_time = p.concluded_at.map(|c| c.date() <= due.value);
    match (p.concluded_at, on_time) {
        (Some(c), Some(false)) => findings.push(
            Finding::new(&MSE_EXPERT_LATE, "/expert_concluded_at")
                .with("concluded", fmt_dt(c))
                .with("due", due.value)
                .with("received", fmt_dt(received)),
        ),
        (None, _) => {
            if let Some(d) = as_of.filter(|d| *d > due.value) {
                findings.push(
                    Finding::new(&MSE_EXPERT_OVERDUE, "/expert_concluded_at")
                        .with("as_of", d)
                        .with("due", due.value)
                        .with("received", fmt_dt(received)),
                );
            }
        }
        _ => {}
    }
    Some(ExpertTerm {
        received_at: received,
        due: due.value,
        concluded_at: p.concluded_at,
        on_time,
        provisional: due.provisional,
    })
}
