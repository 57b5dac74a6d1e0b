//! The checks of one sheet on its own: the conversion of every wire value to its domain type
//! (each failure a finding at its JSON pointer) and the rules that need no other sheet.

use chrono::{Datelike, NaiveDate};
use ereje_calendar::Calendar;
use ereje_findings::Finding;
use ereje_icd10::{ICD_FORMAT, Icd10Code};
use ereje_id::{Iin, Sex};
use serde_json::Number;

use crate::law::{self, MATERNITY_ISSUE_WEEK};
use crate::model::{
    ClosingOutcome, IncapacityKind, Period, Regime, SheetKey, SheetType, Status, UnknownCode,
    parse_sex,
};
use crate::params::{Params, ReturnToWorkReading};
use crate::routing::SheetEvent;
use crate::rules::*;
use crate::wire::{WireSheet, WireSheetRef, WireSignatory, WireStr, blank, filled};

/// What the cross-sheet checks and the routing need from one sheet, converted.
#[derive(Debug, Clone, Default)]
pub(crate) struct View {
    pub key: Option<SheetKey>,
    pub kind: Option<IncapacityKind>,
    pub issue_date: Option<NaiveDate>,
    pub iin: Option<Iin>,
    /// The release periods whose dates are valid and in order (`from ≤ to`), merged and sorted.
    pub days: Vec<Period>,
    /// The valid row that starts last.
    pub last_period: Option<Period>,
    pub closed: bool,
    pub event: Option<SheetEvent>,
    pub new_sheet: Option<SheetKey>,
    pub continues: Option<SheetKey>,
}

impl View {
    /// First and last day released, over all valid rows.
    pub fn incapacity(&self) -> Option<Period> {
        Some(Period { from: self.days.first()?.from, to: self.days.last()?.to })
    }

    /// Calendar days released (each day once).
    pub fn own_days(&self) -> u32 {
        self.days.iter().map(Period::days).sum()
    }
}

/// Cuts a value quoted in a message.
fn excerpt(s: &str) -> String {
    const MAX: usize = 40;
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(MAX).collect();
    if chars.next().is_some() { format!("{head}…") } else { head }
}

struct Ctx<'o> {
    out: &'o mut Vec<Finding>,
}

impl Ctx<'_> {
    fn push(&mut self, f: Finding) {
        self.out.push(f);
    }

    fn required(&mut self, present: bool, path: &str, item: &str) {
        if !present {
            self.push(Finding::new(&REQUIRED_ITEM_MISSING, path).with("item", item));
        }
    }

    /// As [`Ctx::required`], the path built only when the item is missing.
    fn required_at(&mut self, present: bool, path: impl FnOnce() -> String, item: &str) {
        if !present {
            self.push(Finding::new(&REQUIRED_ITEM_MISSING, path()).with("item", item));
        }
    }

    fn date(
        &mut self,
        value: &Option<WireStr<'_>>,
        path: impl FnOnce() -> String,
    ) -> Option<NaiveDate> {
        let v = filled(value)?;
        match ereje_calendar::parse_date(v) {
            Ok(d) => Some(d),
            Err(_) => {
                self.push(Finding::new(&DATE_INVALID, path()).with("value", excerpt(v)));
                None
            }
        }
    }

    fn code<T: std::str::FromStr<Err = UnknownCode>>(
        &mut self,
        value: &Option<WireStr<'_>>,
        path: &str,
        rule: &'static ereje_findings::Rule,
    ) -> Option<T> {
        let v = filled(value)?;
        match v.parse::<T>() {
            Ok(t) => Some(t),
            Err(e) => {
                self.push(
                    Finding::new(rule, path)
                        .with("value", excerpt(v))
                        .with("field", path.trim_start_matches('/'))
                        .with("expected", e.expected),
                );
                None
            }
        }
    }

    fn icd(&mut self, value: &Option<WireStr<'_>>, path: &str) -> Option<Icd10Code> {
        let v = filled(value)?;
        let (code, findings) = ereje_icd10::check_value(v, path);
        for f in findings {
            if std::ptr::eq(f.rule, &ICD_FORMAT) {
                self.push(Finding::new(&ICD_MALFORMED, path).with("value", excerpt(v)));
            } else {
                self.push(f);
            }
        }
        code
    }

    fn age(&mut self, value: &Option<Number>, path: &str) -> Option<u8> {
        let n = value.as_ref()?;
        match whole(n, law::AGE_YEARS) {
            Some(a) => Some(a),
            None => {
                self.push(
                    Finding::new(&AGE_NOT_WHOLE, path)
                        .with("field", path.trim_start_matches('/'))
                        .with("value", n),
                );
                None
            }
        }
    }

    /// A row of the release table: as [`Ctx::period`], paths built only for a finding.
    fn period_at(
        &mut self,
        from: &Option<WireStr<'_>>,
        to: &Option<WireStr<'_>>,
        i: usize,
    ) -> (Option<NaiveDate>, Option<NaiveDate>, Option<Period>) {
        let f = self.date(from, || format!("/release_periods/{i}/from"));
        let t = self.date(to, || format!("/release_periods/{i}/to"));
        let period = match (f, t) {
            (Some(from), Some(to)) if to < from => {
                self.push(
                    Finding::new(&PERIOD_REVERSED, format!("/release_periods/{i}"))
                        .with("from", from)
                        .with("to", to),
                );
                None
            }
            (Some(from), Some(to)) => Some(Period { from, to }),
            _ => None,
        };
        (f, t, period)
    }

    /// Both ends of a period, each converted; `SL-018` when it ends before it starts.
    fn period(
        &mut self,
        from: &Option<WireStr<'_>>,
        to: &Option<WireStr<'_>>,
        path: &str,
    ) -> (Option<NaiveDate>, Option<NaiveDate>, Option<Period>) {
        let f = self.date(from, || format!("{path}/from"));
        let t = self.date(to, || format!("{path}/to"));
        let period = match (f, t) {
            (Some(from), Some(to)) if to < from => {
                self.push(Finding::new(&PERIOD_REVERSED, path).with("from", from).with("to", to));
                None
            }
            (Some(from), Some(to)) => Some(Period { from, to }),
            _ => None,
        };
        (f, t, period)
    }
}

/// A whole number in `range` (`35` or `35.0`).
fn whole(n: &Number, range: std::ops::RangeInclusive<u8>) -> Option<u8> {
    let v = if let Some(u) = n.as_u64() {
        u8::try_from(u).ok()?
    } else {
        let f = n.as_f64()?;
        if f.fract() != 0.0 || !(0.0..=255.0).contains(&f) {
            return None;
        }
        // In 0..=255 and whole: exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let v = f as u8;
        v
    };
    range.contains(&v).then_some(v)
}

fn sheet_key(r: &Option<WireSheetRef<'_>>) -> Option<SheetKey> {
    let r = r.as_ref()?;
    let number = filled(&r.number)?;
    Some(SheetKey::new(filled(&r.series), number))
}

fn signatory_parts(s: &Option<WireSignatory<'_>>) -> (bool, bool) {
    match s {
        Some(s) => (!blank(&s.position), !blank(&s.name)),
        None => (false, false),
    }
}

/// Merges periods, in place, into sorted, disjoint spans (adjacent spans joined).
fn merge(periods: &mut Vec<Period>) {
    periods.sort_unstable_by_key(|p| (p.from, p.to));
    let mut kept: usize = 0;
    for i in 0..periods.len() {
        let Some(&p) = periods.get(i) else { break };
        match kept.checked_sub(1).and_then(|k| periods.get_mut(k)) {
            Some(last) if p.from <= last.to.succ_opt().unwrap_or(last.to) => {
                if p.to > last.to {
                    last.to = p.to;
                }
            }
            _ => {
                if let Some(slot) = periods.get_mut(kept) {
                    *slot = p;
                }
                kept += 1;
            }
        }
    }
    periods.truncate(kept);
}

/// Runs every single-sheet rule on `w`, appending findings to `out`.
pub(crate) fn check_sheet(
    w: &WireSheet<'_>,
    params: &Params,
    calendar: &Calendar,
    out: &mut Vec<Finding>,
) -> View {
    let mut c = Ctx { out };
    let mut v = View::default();

    // --- item 1: number and series
    let number = filled(&w.number);
    c.required(number.is_some(), "/number", "1");
    v.key = number.map(|n| SheetKey::new(filled(&w.series), n));

    // --- the patient's ИИН
    match filled(&w.iin) {
        None => c.push(Finding::new(&IIN_INVALID, "/iin")),
        Some(text) => match Iin::check(text) {
            Ok(iin) => v.iin = Some(iin),
            Err(errors) => {
                c.push(Finding::new(&IIN_INVALID, "/iin"));
                for e in errors {
                    c.push(e.finding("/iin"));
                }
            }
        },
    }

    // --- items 2–4: status, type, sex
    c.required(!blank(&w.status), "/status", "2");
    let status: Option<Status> = c.code(&w.status, "/status", &VALUE_UNKNOWN);
    c.required(!blank(&w.sheet_type), "/type", "3");
    let sheet_type: Option<SheetType> = c.code(&w.sheet_type, "/type", &VALUE_NOT_ALLOWED);
    c.required(!blank(&w.sex), "/sex", "4");
    let sex = match filled(&w.sex) {
        None => None,
        Some(s) => match parse_sex(s) {
            Ok(sex) => Some(sex),
            Err(e) => {
                c.push(
                    Finding::new(&VALUE_NOT_ALLOWED, "/sex")
                        .with("value", excerpt(s))
                        .with("field", "sex")
                        .with("expected", e.expected),
                );
                None
            }
        },
    };

    // --- item 5
    let (org_name, org_address) = match &w.organisation {
        Some(o) => (!blank(&o.name), !blank(&o.address)),
        None => (false, false),
    };
    c.required(org_name, "/organisation/name", "5");
    c.required(org_address, "/organisation/address", "5");

    // --- items 6–7
    c.required(!blank(&w.issue_date), "/issue_date", "6");
    v.issue_date = c.date(&w.issue_date, || "/issue_date".to_owned());
    c.required(w.age.is_some(), "/age", "7");
    let age = c.age(&w.age, "/age");

    // --- item 8
    let (surname, name) = match &w.full_name {
        Some(n) => (!blank(&n.surname), !blank(&n.name)),
        None => (false, false),
    };
    c.required(surname, "/full_name/surname", "8");
    c.required(name, "/full_name/name", "8");

    // --- items 9–12
    c.required(!blank(&w.workplace), "/workplace", "9");
    c.required(!blank(&w.position), "/position", "10");
    c.required(!blank(&w.icd10), "/icd10", "11");
    c.icd(&w.icd10, "/icd10");
    let final_icd_given = !blank(&w.final_icd10);
    c.icd(&w.final_icd10, "/final_icd10");

    // --- items 13–17
    c.required(!blank(&w.kind), "/kind", "13");
    v.kind = c.code(&w.kind, "/kind", &VALUE_UNKNOWN);
    let child_age_given = w.child_age.is_some();
    c.age(&w.child_age, "/child_age");
    let child_icd_given = !blank(&w.child_icd10);
    c.icd(&w.child_icd10, "/child_icd10");
    let quarantine_icd_given = !blank(&w.child_quarantine_icd10);
    c.icd(&w.child_quarantine_icd10, "/child_quarantine_icd10");
    let (sanatorium_from, sanatorium_to) = match &w.sanatorium {
        Some(p) => {
            let (f, t, _) = c.period(&p.from, &p.to, "/sanatorium");
            (f.is_some() || !blank(&p.from), t.is_some() || !blank(&p.to))
        }
        None => (false, false),
    };

    // --- items 18–23
    c.required(!blank(&w.regime), "/regime", "18");
    let regime: Option<Regime> = c.code(&w.regime, "/regime", &VALUE_NOT_ALLOWED);
    if let Some(marks) = &w.regime_violations {
        for (i, m) in marks.iter().enumerate() {
            c.date(&m.date, || format!("/regime_violations/{i}/date"));
        }
    }
    c.required(!blank(&w.doctor), "/doctor", "20");
    let inpatient = w.inpatient_stay.as_ref().map(|p| {
        let given = !blank(&p.from) || !blank(&p.to);
        (given, c.period(&p.from, &p.to, "/inpatient_stay").2)
    });
    if let Some(p) = &w.other_work {
        c.period(&p.from, &p.to, "/other_work");
    }

    // --- items 24–28
    let mse = w.mse.as_ref();
    let referral_date =
        mse.and_then(|m| c.date(&m.referral_date, || "/mse/referral_date".to_owned()));
    let exam_date =
        mse.and_then(|m| c.date(&m.examination_date, || "/mse/examination_date".to_owned()));
    if let Some(m) = mse {
        let referred = m.referred == Some(true) || !blank(&m.referral_date);
        if referred {
            if blank(&m.referring_doctor) {
                c.push(
                    Finding::new(&MSE_REFERRAL_INCOMPLETE, "/mse/referring_doctor")
                        .with("item", "25")
                        .with("field", "mse/referring_doctor"),
                );
            }
            if blank(&m.referral_date) {
                c.push(
                    Finding::new(&MSE_REFERRAL_INCOMPLETE, "/mse/referral_date")
                        .with("item", "24")
                        .with("field", "mse/referral_date"),
                );
            }
        }
        if let (Some(exam), Some(referral)) = (exam_date, referral_date) {
            if exam < referral {
                c.push(
                    Finding::new(&MSE_EXAMINED_BEFORE_REFERRAL, "/mse/examination_date")
                        .with("exam", exam)
                        .with("referral", referral),
                );
            }
        }
        if !blank(&m.examination_date) && blank(&m.conclusion) {
            c.push(Finding::new(&MSE_EXAMINED_WITHOUT_CONCLUSION, "/mse/conclusion"));
        }
    }

    // --- items 29–33: the release table
    let rows = w.release_periods.as_deref().unwrap_or(&[]);
    c.required(!rows.is_empty(), "/release_periods", "29");
    let mut days: Vec<Period> = Vec::with_capacity(rows.len());
    let mut prev: Option<(usize, Period)> = None;
    let mut first_row: Option<(usize, Period)> = None;
    for (i, row) in rows.iter().enumerate() {
        let at = |field: &'static str| move || format!("/release_periods/{i}/{field}");
        c.required_at(!blank(&row.from), at("from"), "29");
        c.required_at(!blank(&row.to), at("to"), "29");
        let (position, name) = signatory_parts(&row.doctor);
        c.required_at(position, at("doctor/position"), "30");
        c.required_at(name, at("doctor/name"), "31");
        let (position2, name2) = signatory_parts(&row.second_doctor);
        if position2 != name2 {
            c.required_at(position2, at("second_doctor/position"), "32");
            c.required_at(name2, at("second_doctor/name"), "33");
        }
        let (_, _, Some(p)) = c.period_at(&row.from, &row.to, i) else { continue };
        if let Some((j, q)) = prev {
            if Some(p.from) != q.to.succ_opt() {
                c.push(
                    Finding::new(&RELEASE_PERIODS_NOT_CONTIGUOUS, at("from")())
                        .with("n", i + 1)
                        .with("from", p.from)
                        .with("prev", j + 1)
                        .with("prev_to", q.to),
                );
            }
        }
        prev = Some((i, p));
        if first_row.is_none_or(|(_, f)| p.from < f.from) {
            first_row = Some((i, p));
        }
        if v.last_period.is_none_or(|l| (p.from, p.to) > (l.from, l.to)) {
            v.last_period = Some(p);
        }
        days.push(p);
    }
    merge(&mut days);
    v.days = days;
    let incapacity = v.incapacity();

    // --- items 34–38 and the Ereje fields
    let return_to_work = c.date(&w.return_to_work, || "/return_to_work".to_owned());
    v.new_sheet = sheet_key(&w.new_sheet);
    let (closing_position, closing_name) = signatory_parts(&w.closing_doctor);
    c.required(!blank(&w.sender_mis), "/sender_mis", "38");
    let outcome: Option<ClosingOutcome> = c.code(&w.outcome, "/outcome", &VALUE_UNKNOWN);
    v.continues = sheet_key(&w.continues);
    let weeks = match &w.gestational_weeks {
        None => None,
        Some(n) => match whole(n, law::GESTATIONAL_WEEKS) {
            Some(weeks) => Some(weeks),
            None => {
                c.push(
                    Finding::new(&GESTATIONAL_WEEKS_INVALID, "/gestational_weeks").with("value", n),
                );
                None
            }
        },
    };

    // --- the ИИН against items 4 and 7
    if let Some(iin) = v.iin {
        if let Some(sex) = sex {
            if sex != iin.sex() {
                c.push(Finding::new(&SEX_MISMATCH, "/sex"));
            }
        }
        if let (Some(age), Some(date)) = (age, v.issue_date) {
            let expected = iin.age_on(date);
            if expected != Some(u32::from(age)) {
                c.push(
                    Finding::new(&AGE_MISMATCH, "/age").with("age", age).with("date", date).with(
                        "expected",
                        expected.map_or_else(|| "—".to_owned(), |a| a.to_string()),
                    ),
                );
            }
        }
    }

    // --- type and status
    v.closed = status == Some(Status::Closed) || sheet_type == Some(SheetType::Closure);
    v.event = match (sheet_type, status) {
        _ if v.closed => Some(SheetEvent::Closed),
        (Some(SheetType::Continuation), _) | (_, Some(Status::Extended)) => {
            Some(SheetEvent::Extended)
        }
        (Some(SheetType::Primary), _) | (None, Some(Status::Open)) => Some(SheetEvent::Issued),
        _ => None,
    };
    if let (Some(SheetType::Closure), Some(s @ (Status::Open | Status::Extended))) =
        (sheet_type, status)
    {
        c.push(Finding::new(&TYPE_STATUS_MISMATCH, "/status").with("status", s));
    }
    if sheet_type == Some(SheetType::Continuation) && v.continues.is_none() {
        c.push(Finding::new(&CONTINUATION_WITHOUT_PREVIOUS, "/continues"));
    }

    // --- a closed sheet
    if v.closed {
        let mut stated: Vec<ClosingOutcome> = Vec::with_capacity(3);
        if let Some(o) = outcome {
            stated.push(o);
        }
        if !blank(&w.return_to_work) && !stated.contains(&ClosingOutcome::ReturnToWork) {
            stated.push(ClosingOutcome::ReturnToWork);
        }
        if v.new_sheet.is_some() && !stated.contains(&ClosingOutcome::NewSheet) {
            stated.push(ClosingOutcome::NewSheet);
        }
        let outcome_given = !blank(&w.outcome);
        if stated.is_empty() && !outcome_given {
            c.push(Finding::new(&CLOSED_WITHOUT_OUTCOME, "/outcome"));
        }
        let compatible = stated.len() < 2
            || (stated.len() == 2
                && stated.contains(&ClosingOutcome::ReturnToWork)
                && stated.contains(&ClosingOutcome::Disability));
        if !compatible {
            let list: Vec<&str> = stated.iter().map(|o| o.code()).collect();
            c.push(
                Finding::new(&CLOSED_INCOMPATIBLE_OUTCOMES, "/outcome")
                    .with("outcomes", list.join(", ")),
            );
        }
        if !final_icd_given {
            c.push(Finding::new(&CLOSED_WITHOUT_FINAL_ICD, "/final_icd10"));
        }
        if !closing_position {
            c.push(
                Finding::new(&CLOSED_WITHOUT_CLOSING_DOCTOR, "/closing_doctor/position")
                    .with("item", "36"),
            );
        }
        if !closing_name {
            c.push(
                Finding::new(&CLOSED_WITHOUT_CLOSING_DOCTOR, "/closing_doctor/name")
                    .with("item", "37"),
            );
        }
    }

    // --- return to work (item 34) after the last release day
    if let (Some(rtw), Some(span)) = (return_to_work, incapacity) {
        let next_day = span.to.succ_opt();
        if Some(rtw) != next_day {
            let mut expected = next_day.map(|d| d.to_string()).unwrap_or_default();
            let mut accepted = false;
            let mut checked = true;
            if params.return_to_work == ReturnToWorkReading::NextWorkingDay {
                match calendar.add(span.to, 1) {
                    Ok(answer) => {
                        if answer.value != next_day.unwrap_or(answer.value) {
                            expected = format!("{expected} / {}", answer.value);
                        }
                        if answer.value == rtw {
                            accepted = true;
                            if answer.provisional {
                                c.push(ereje_calendar::provisional_finding(
                                    rtw.year(),
                                    "/return_to_work",
                                ));
                            }
                        }
                    }
                    Err(e) => {
                        if let Some(f) = e.finding("/return_to_work") {
                            c.push(f);
                            checked = false;
                        }
                    }
                }
            }
            if checked && !accepted {
                c.push(
                    Finding::new(&RETURN_TO_WORK_DATE, "/return_to_work")
                        .with("date", rtw)
                        .with("last", span.to)
                        .with("expected", expected),
                );
            }
        }
    }

    // --- inpatient stay (items 18, 21)
    if let Some((given, stay)) = inpatient {
        if let (Some(stay), Some(span)) = (stay, incapacity) {
            if stay.from < span.from || stay.to > span.to {
                c.push(
                    Finding::new(&INPATIENT_OUTSIDE_INCAPACITY, "/inpatient_stay")
                        .with("from", stay.from)
                        .with("to", stay.to)
                        .with("first", span.from)
                        .with("last", span.to),
                );
            }
        }
        if given {
            if let Some(r @ Regime::Outpatient) = regime {
                c.push(Finding::new(&INPATIENT_REGIME, "/regime").with("regime", r));
            }
        }
    }

    // --- items depending on the kind
    match v.kind {
        Some(IncapacityKind::ChildCare) => {
            if !child_age_given {
                c.push(
                    Finding::new(&CHILD_CARE_ITEMS_MISSING, "/child_age")
                        .with("item", "14")
                        .with("field", "child_age"),
                );
            }
            if !child_icd_given {
                c.push(
                    Finding::new(&CHILD_CARE_ITEMS_MISSING, "/child_icd10")
                        .with("item", "15")
                        .with("field", "child_icd10"),
                );
            }
        }
        Some(IncapacityKind::Quarantine) if child_age_given || quarantine_icd_given => {
            if !child_age_given {
                c.push(
                    Finding::new(&QUARANTINE_CHILD_ITEMS_MISSING, "/child_age")
                        .with("item", "14")
                        .with("field", "child_age"),
                );
            }
            if !quarantine_icd_given {
                c.push(
                    Finding::new(&QUARANTINE_CHILD_ITEMS_MISSING, "/child_quarantine_icd10")
                        .with("item", "16")
                        .with("field", "child_quarantine_icd10"),
                );
            }
        }
        Some(IncapacityKind::Sanatorium) => {
            if !sanatorium_from {
                c.push(
                    Finding::new(&SANATORIUM_DATES_MISSING, "/sanatorium/from")
                        .with("field", "sanatorium/from"),
                );
            }
            if !sanatorium_to {
                c.push(
                    Finding::new(&SANATORIUM_DATES_MISSING, "/sanatorium/to")
                        .with("field", "sanatorium/to"),
                );
            }
        }
        Some(IncapacityKind::Maternity) => {
            if v.iin.map(|i| i.sex()).or(sex) == Some(Sex::Male) {
                c.push(Finding::new(&MATERNITY_MALE, "/kind"));
            }
            let own = v.own_days();
            let postnatal_only = law::maternity_case(own).is_some_and(|case| case.postnatal_only);
            if let (Some(weeks), None, false) = (weeks, &v.continues, postnatal_only) {
                let threshold = if own >= 170 {
                    MATERNITY_ISSUE_WEEK.nuclear
                } else {
                    MATERNITY_ISSUE_WEEK.general
                };
                if weeks < threshold {
                    c.push(
                        Finding::new(&MATERNITY_BEFORE_ISSUE_WEEK, "/gestational_weeks")
                            .with("weeks", weeks)
                            .with("threshold", threshold),
                    );
                }
            }
        }
        _ => {}
    }

    // --- retroactive issue (info)
    if let (Some((i, first)), Some(issued)) = (first_row, v.issue_date) {
        if first.from < issued {
            c.push(
                Finding::new(&RETROACTIVE_ISSUE, format!("/release_periods/{i}/from"))
                    .with("from", first.from)
                    .with("issued", issued),
            );
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers() {
        let n = |s: &str| serde_json::from_str::<Number>(s).unwrap_or_else(|_| Number::from(0));
        assert_eq!(whole(&n("35"), 0..=150), Some(35));
        assert_eq!(whole(&n("35.0"), 0..=150), Some(35));
        assert_eq!(whole(&n("35.5"), 0..=150), None);
        assert_eq!(whole(&n("-1"), 0..=150), None);
        assert_eq!(whole(&n("151"), 0..=150), None);
        assert_eq!(whole(&n("1e300"), 0..=150), None);
    }

    #[test]
    fn merge_joins_adjacent_and_overlapping_periods() {
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap_or_default();
        let p = |a, b| Period { from: a, to: b };
        let mut merged = vec![
            p(d(1, 10), d(1, 12)),
            p(d(1, 1), d(1, 5)),
            p(d(1, 6), d(1, 7)),
            p(d(1, 3), d(1, 4)),
        ];
        merge(&mut merged);
        assert_eq!(merged, vec![p(d(1, 1), d(1, 7)), p(d(1, 10), d(1, 12))]);
        assert_eq!(merged.iter().map(Period::days).sum::<u32>(), 10);
    }
}
