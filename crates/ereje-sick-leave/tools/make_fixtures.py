#!/usr/bin/env python3
"""Writes fixtures/sick-leave/*.ndjson: one file per rule the sick-leave checker reports, plus
clean.ndjson and status.txt. A developer tool (not run by .ci/run); the files it writes are
committed and reviewed by hand, and tests/fixtures.rs snapshots the checker's results on them.

Every ИИН is synthetic: built here with the project's check-digit algorithm (the one of
crates/ereje-id), never a number found on the web.

Usage: python3 crates/ereje-sick-leave/tools/make_fixtures.py fixtures/sick-leave
"""
import copy
import datetime as dt
import json
import os
import sys


def iin(birth, sex, serial):
    """The ИИН of a person born on `birth` (YYYY-MM-DD) with `sex` ('m'/'f') and `serial`,
    skipping never-issued serials as the registry does."""
    y, m, d = (int(x) for x in birth.split("-"))
    century = (y - 1800) // 100
    digit7 = century * 2 + (1 if sex == "m" else 2)
    while True:
        prefix = f"{y % 100:02}{m:02}{d:02}{digit7}{serial:04}"
        digits = [int(c) for c in prefix]
        s = sum(dg * w for dg, w in zip(digits, range(1, 12))) % 11
        if s == 10:
            s = sum(dg * w for dg, w in zip(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])) % 11
        if s != 10:
            return prefix + str(s)
        serial += 1


assert iin("1990-01-01", "f", 1) == "900101400013"

D = dt.date.fromisoformat


def day(s, n=0):
    return str(D(s) + dt.timedelta(days=n))


DOCTOR = {"position": "врач общей практики", "name": "Сапарова А. Н."}
HEAD = {"position": "заведующий отделением", "name": "Оспанов Д. С."}

_serial = [100]
_number = [0]


_births = {}


def person(birth, sex):
    _serial[0] += 7
    number = iin(birth, sex, _serial[0])
    _births[number] = birth
    return {"birth": birth, "sex": sex, "iin": number}


def reissue(s, issue):
    """`s` with another issue date and the age on it."""
    s = copy.deepcopy(s)
    s["issue_date"] = issue
    s["age"] = age_on(_births[s["iin"]], issue)
    return s


def age_on(birth, date):
    b, d = D(birth), D(date)
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def sheet(p, issue, days=7, closed=True, kind="disease", number=None, icd="J06.9", routing=True):
    """A valid sheet of person `p`: one release period of `days` from the issue date."""
    if number is None:
        _number[0] += 1
        number = f"{_number[0]:07}"
    last = day(issue, days - 1)
    s = {
        "series": "АА",
        "number": number,
        "status": "closed" if closed else "open",
        "type": "primary",
        "sex": "male" if p["sex"] == "m" else "female",
        "organisation": {
            "name": "РГП «Больница Медицинского центра Управления делами Президента Республики Казахстан» на ПХВ",
            "address": "г. Астана, ул. Е 495, 2",
        },
        "issue_date": issue,
        "age": age_on(p["birth"], issue),
        "full_name": {"surname": "Ахметова" if p["sex"] == "f" else "Серікбаев", "name": "Динара" if p["sex"] == "f" else "Ерлан"},
        "workplace": "ГУ «Министерство здравоохранения Республики Казахстан»",
        "position": "главный эксперт",
        "icd10": icd,
        "kind": kind,
        "regime": "outpatient",
        "doctor": DOCTOR["name"],
        "release_periods": [{"from": issue, "to": last, "doctor": dict(DOCTOR)}],
        "sender_mis": "МИС БМЦ",
        "iin": p["iin"],
    }
    if closed:
        s["final_icd10"] = icd
        s["return_to_work"] = day(last, 1)
        s["outcome"] = "return_to_work"
        s["closing_doctor"] = dict(DOCTOR)
    if routing:
        s["routing"] = {"attached_to_bmc": True, "lives_in_astana": True, "first_polyclinic_department": False}
    return s


def chain(first, days, number):
    """A continuation of `first` (same person) starting the day after it, closed."""
    last = first["release_periods"][-1]["to"]
    start = day(last, 1)
    s = reissue(first, start)
    s["number"] = number
    s["type"] = "continuation"
    s["continues"] = {"series": first["series"], "number": first["number"]}
    s["release_periods"] = [{"from": start, "to": day(start, days - 1), "doctor": dict(DOCTOR)}]
    s["return_to_work"] = day(start, days)
    s["status"] = "closed"
    s["outcome"] = "return_to_work"
    s["final_icd10"] = s["icd10"]
    s["closing_doctor"] = dict(DOCTOR)
    s.pop("new_sheet", None)
    return s


def opened_into(s, new_number):
    """`s` closed with a new sheet issued instead of a return to work."""
    s = copy.deepcopy(s)
    s.pop("return_to_work", None)
    s["outcome"] = "new_sheet"
    s["new_sheet"] = {"series": s["series"], "number": new_number}
    return s


def w(**changes):
    return changes


def patch(s, **changes):
    s = copy.deepcopy(s)
    for k, v in changes.items():
        if v is None:
            s.pop(k, None)
        else:
            s[k] = v
    return s


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    files = {}
    notes = {}

    def add(name, note, records):
        files[name] = records
        notes[name] = note

    ana = person("1990-01-01", "f")     # 34 in January 2024
    bek = person("1985-06-30", "m")
    dina = person("1996-03-15", "f")
    kid_mum = person("1988-09-09", "f")
    erlan = person("1979-12-31", "m")
    mom = person("1994-05-20", "f")
    mom2 = person("1992-02-29", "f")
    young = person("2005-02-11", "m")

    # --- clean: every record is valid and has no finding
    a1 = sheet(ana, "2024-01-15", 7)
    b1 = opened_into(sheet(bek, "2024-02-05", 5), "0000900")
    b2 = chain(b1, 6, "0000900")
    child = patch(sheet(kid_mum, "2024-03-11", 5, kind="child_care", icd="J02.9"), child_age=4, child_icd10="J02.9")
    quarantine = patch(sheet(dina, "2024-04-08", 3, kind="quarantine", icd="Z20.8"), child_age=6, child_quarantine_icd10="B01.9")
    sanat = patch(sheet(erlan, "2024-05-13", 14, kind="sanatorium", icd="I21.9"), sanatorium={"from": "2024-05-13", "to": "2024-05-26"})
    inpatient = patch(sheet(young, "2024-03-04", 6, icd="K35.8"), regime="inpatient", inpatient_stay={"from": "2024-03-04", "to": "2024-03-07"})
    m1 = opened_into(patch(sheet(mom, "2024-01-08", 126, kind="maternity", icd="Z34.9", routing=False), gestational_weeks=30), "0000901")
    m2 = chain(m1, 14, "0000901")
    mse = patch(sheet(mom2, "2024-06-03", 10, icd="M54.5"), mse={"referred": True, "referral_date": "2024-06-10", "referring_doctor": "Жумабеков Е. К.", "examination_date": "2024-06-12", "conclusion": "инвалидность не установлена", "head": "Ибраев Н. Т."})
    open_sheet = sheet(person("1970-07-07", "m"), "2024-03-27", 10, closed=False)
    add("clean", "valid sheets of every kind and a chain of each sort; no finding at all", [a1, b1, b2, child, quarantine, sanat, inpatient, m1, m2, mse, open_sheet])

    def pair(name, note, bad, good):
        add(name, note, [bad, good])

    p = lambda: person("1991-11-11", "f")
    q = lambda: person("1983-04-04", "m")

    # --- errors
    s = sheet(p(), "2024-01-10")
    pair("SL-001", "line 1: workplace blank, organisation address and the doctor's name of period 1 missing; line 2: complete",
         patch(s, workplace="  ", organisation={"name": s["organisation"]["name"]}, release_periods=[{"from": "2024-01-10", "to": "2024-01-16", "doctor": {"position": "терапевт"}}]),
         patch(sheet(p(), "2024-01-10")))
    s = sheet(q(), "2024-01-11")
    bad = patch(s, iin=s["iin"][:11] + str((int(s["iin"][11]) + 1) % 10))
    add("SL-002", "line 1: wrong check digit (with ID-CHECK-DIGIT); line 2: no ИИН; line 3: a БИН-shaped value (with ID-DATE); line 4: valid",
        [bad, patch(sheet(q(), "2024-01-11"), iin=None), patch(sheet(q(), "2024-01-11"), iin="150340000015"), sheet(q(), "2024-01-11")])
    pair("SL-003", "line 1: issue date 30 February and a return-to-work date in another format; line 2: real dates",
         patch(sheet(p(), "2024-02-12"), issue_date="2024-02-30", return_to_work="19.02.2024"), sheet(p(), "2024-02-12"))
    pair("SL-004", "line 1: ICD-10 with a decimal comma, final code with an asterisk; line 2: well formed",
         patch(sheet(p(), "2024-02-13"), icd10="J06,9", final_icd10="G01*"), sheet(p(), "2024-02-13"))
    pair("SL-005", "line 1: type, sex and regime outside the appendix's values; line 2: allowed values (any case)",
         patch(sheet(q(), "2024-02-14"), type="first", sex="M", regime="home"), patch(sheet(q(), "2024-02-14"), type="Primary", regime=" OUTPATIENT "))
    s = sheet(p(), "2024-02-15")
    pair("SL-006", "line 1: age 32.5 and child age -1; line 2: age 32.0 (a whole number)",
         patch(s, age=s["age"] + 0.5, child_age=-1), patch(sheet(p(), "2024-02-15"), age=float(s["age"])))
    pair("SL-007", "line 1: a woman's ИИН with sex male; line 2: agrees",
         patch(sheet(p(), "2024-02-16"), sex="male"), sheet(p(), "2024-02-16"))
    birthday = person("1990-02-19", "m")
    add("SL-008", "line 1: age 33 on the 34th birthday (a birthday completes the year); line 2: age 35; line 3: 34, right",
        [patch(sheet(birthday, "2024-02-19"), age=33), patch(sheet(person("1990-02-19", "m"), "2024-02-19"), age=35), sheet(person("1990-02-19", "m"), "2024-02-19")])
    s = sheet(q(), "2024-02-20", number="0001000")
    add("SL-009", "line 2 repeats line 1's series and number (series in lower case and padded); line 3: another number",
        [s, patch(sheet(q(), "2024-03-20"), series=" аа ", number="0001000"), sheet(q(), "2024-03-20", number="0001001")])
    mm = person("1993-08-08", "f")
    m120 = patch(sheet(mm, "2024-01-08", 120, kind="maternity", icd="Z34.9", routing=False), gestational_weeks=31)
    mm2 = person("1995-01-01", "f")
    long1 = opened_into(sheet(mm2, "2024-01-08", 126, kind="maternity", icd="Z34.9", routing=False), "0001101")
    long2 = opened_into(chain(long1, 60, "0001101"), "0001102")
    add("SL-010", "line 1: one closed maternity sheet of 120 days; lines 2–3: an open chain of 126 + 60 days (over 184, reported on line 3); line 4: 126 days",
        [m120, long1, long2, patch(sheet(person("1990-10-10", "f"), "2024-01-08", 126, kind="maternity", icd="Z34.9", routing=False))])

    # --- warnings
    pair("SL-011", "line 1: unknown status, kind and outcome; line 2: known values",
         patch(sheet(q(), "2024-03-01"), status="annulled", kind="flu", outcome="recovered"), sheet(q(), "2024-03-01"))
    pair("SL-012", "line 1: type closure with status open; line 2: closure, closed",
         patch(sheet(q(), "2024-03-04"), type="closure", status="open"), patch(sheet(q(), "2024-03-04"), type="closure"))
    pair("SL-013", "line 1: a continuation without `continues`; line 2: with it",
         patch(sheet(q(), "2024-03-05"), type="continuation", status="extended"), patch(sheet(q(), "2024-03-05"), type="continuation", continues={"series": "АА", "number": "0009999"}))
    pair("SL-014", "line 1: closed, no outcome, no return to work, no new sheet; line 2: outcome disability",
         patch(sheet(p(), "2024-03-06"), outcome=None, return_to_work=None), patch(sheet(p(), "2024-03-06"), outcome="disability", return_to_work=None))
    add("SL-015", "line 1: death and a return-to-work date; line 2: a return to work and a new sheet; line 3: return to work with disability (compatible)",
        [patch(sheet(p(), "2024-03-07"), outcome="death"), patch(sheet(p(), "2024-03-07"), new_sheet={"number": "0009998"}, outcome=None),
         patch(sheet(p(), "2024-03-07"), outcome="disability")])
    pair("SL-016", "line 1: closed without final ICD-10; line 2: open without it",
         patch(sheet(q(), "2024-03-08"), final_icd10=None), sheet(q(), "2024-03-08", closed=False))
    pair("SL-017", "line 1: closed without the closing doctor's name; line 2: with it",
         patch(sheet(q(), "2024-03-11"), closing_doctor={"position": "терапевт"}), sheet(q(), "2024-03-11"))
    pair("SL-018", "line 1: transfer to other work ending before it starts; line 2: in order",
         patch(sheet(p(), "2024-03-12"), other_work={"from": "2024-03-20", "to": "2024-03-19"}), patch(sheet(p(), "2024-03-12"), other_work={"from": "2024-03-19", "to": "2024-03-20"}))
    s = sheet(q(), "2024-03-13", 3)
    rows_gap = [{"from": "2024-03-13", "to": "2024-03-15", "doctor": DOCTOR}, {"from": "2024-03-18", "to": "2024-03-20", "doctor": DOCTOR, "second_doctor": HEAD}]
    rows_overlap = [{"from": "2024-03-13", "to": "2024-03-15", "doctor": DOCTOR}, {"from": "2024-03-15", "to": "2024-03-20", "doctor": DOCTOR}]
    rows_ok = [{"from": "2024-03-13", "to": "2024-03-15", "doctor": DOCTOR}, {"from": "2024-03-16", "to": "2024-03-20", "doctor": DOCTOR, "second_doctor": HEAD}]
    add("SL-019", "line 1: a gap of two days between periods; line 2: periods overlapping on 15 March; line 3: contiguous, the second with two signatories",
        [patch(s, release_periods=rows_gap, return_to_work="2024-03-21"), patch(sheet(q(), "2024-03-13"), release_periods=rows_overlap, return_to_work="2024-03-21"),
         patch(sheet(q(), "2024-03-13"), release_periods=rows_ok, return_to_work="2024-03-21")])
    add("SL-020", "line 1: return to work a week after the last day; line 2: on the last day; line 3: Monday after a release ending on Friday 15 March (the first working day, accepted)",
        [patch(sheet(p(), "2024-03-11", 5), return_to_work="2024-03-22"), patch(sheet(p(), "2024-03-11", 5), return_to_work="2024-03-15"),
         patch(sheet(p(), "2024-03-11", 5), return_to_work="2024-03-18")])
    pair("SL-021", "line 1: inpatient stay starting before the release; line 2: inside it",
         patch(sheet(q(), "2024-03-14"), regime="inpatient", inpatient_stay={"from": "2024-03-12", "to": "2024-03-16"}),
         patch(sheet(q(), "2024-03-14"), regime="inpatient", inpatient_stay={"from": "2024-03-14", "to": "2024-03-16"}))
    pair("SL-022", "line 1: an inpatient stay with the outpatient regime; line 2: inpatient regime",
         patch(sheet(q(), "2024-03-15"), inpatient_stay={"from": "2024-03-15", "to": "2024-03-17"}),
         patch(sheet(q(), "2024-03-15"), regime="inpatient", inpatient_stay={"from": "2024-03-15", "to": "2024-03-17"}))
    mse_ok = {"referred": True, "referral_date": "2024-03-18", "referring_doctor": "Жумабеков Е. К.", "examination_date": "2024-03-20", "conclusion": "инвалидность не установлена", "head": "Ибраев Н. Т."}
    pair("SL-023", "line 1: referred without the referring doctor or the date; line 2: complete",
         patch(sheet(p(), "2024-03-18"), mse={"referred": True}), patch(sheet(p(), "2024-03-18"), mse=mse_ok))
    pair("SL-024", "line 1: examined two days before the referral; line 2: after",
         patch(sheet(p(), "2024-03-18"), mse=dict(mse_ok, examination_date="2024-03-16")), patch(sheet(p(), "2024-03-18"), mse=mse_ok))
    pair("SL-025", "line 1: examined, no conclusion; line 2: with the conclusion",
         patch(sheet(p(), "2024-03-18"), mse={k: v for k, v in mse_ok.items() if k != "conclusion"}), patch(sheet(p(), "2024-03-18"), mse=mse_ok))
    pair("SL-026", "line 1: care of a sick child without the child's age and disease; line 2: with them",
         sheet(p(), "2024-03-19", kind="child_care", icd="J02.9"), patch(sheet(p(), "2024-03-19", kind="child_care", icd="J02.9"), child_age=3, child_icd10="J02.9"))
    add("SL-027", "line 1: a child's quarantine (age given) without the disease at quarantine; line 2: the worker's own quarantine; line 3: complete",
        [patch(sheet(q(), "2024-03-20", kind="quarantine", icd="Z20.8"), child_age=7), sheet(q(), "2024-03-20", kind="quarantine", icd="Z20.8"),
         patch(sheet(q(), "2024-03-20", kind="quarantine", icd="Z20.8"), child_age=7, child_quarantine_icd10="B05.9")])
    pair("SL-028", "line 1: sanatorium after-care with the voucher's end missing; line 2: both dates",
         patch(sheet(q(), "2024-03-21", 12, kind="sanatorium", icd="I21.9"), sanatorium={"from": "2024-03-21"}),
         patch(sheet(q(), "2024-03-21", 12, kind="sanatorium", icd="I21.9"), sanatorium={"from": "2024-03-21", "to": "2024-04-01"}))
    pair("SL-029", "line 1: a maternity sheet of 126 days for a man's ИИН; line 2: a woman's",
         sheet(q(), "2024-03-22", 126, kind="maternity", icd="Z34.9", routing=False), sheet(p(), "2024-03-22", 126, kind="maternity", icd="Z34.9", routing=False))
    add("SL-030", "line 1: 126 days issued at week 26; line 2: 170 days at week 27 (nuclear-test territories, accepted); line 3: 70 days after a birth at week 26 (post-natal only, accepted)",
        [patch(sheet(p(), "2024-03-25", 126, kind="maternity", icd="Z34.9", routing=False), gestational_weeks=26),
         patch(sheet(p(), "2024-03-25", 170, kind="maternity", icd="Z34.9", routing=False), gestational_weeks=27),
         patch(sheet(p(), "2024-03-25", 70, kind="maternity", icd="O60.1", routing=False), gestational_weeks=26)])
    pair("SL-031", "line 1: gestational_weeks 30.5; line 2: 30",
         patch(sheet(p(), "2024-03-26", 126, kind="maternity", icd="Z34.9", routing=False), gestational_weeks=30.5),
         patch(sheet(p(), "2024-03-26", 126, kind="maternity", icd="Z34.9", routing=False), gestational_weeks=30))

    # --- across sheets
    c1 = opened_into(sheet(person("1980-01-20", "m"), "2024-01-15", 5), "0002001")
    c2 = chain(c1, 5, "0002001")
    c2_gap = patch(reissue(c2, "2024-01-23"), release_periods=[{"from": "2024-01-23", "to": "2024-01-26", "doctor": DOCTOR}], return_to_work="2024-01-27")
    d1 = opened_into(sheet(person("1981-01-21", "m"), "2024-01-15", 5), "0002003")
    d2 = chain(d1, 5, "0002003")
    add("SL-032", "lines 1–2: the continuation starts 3 days after its predecessor (reported on line 2); lines 3–4: contiguous",
        [c1, c2_gap, d1, d2])
    o = person("1982-02-22", "f")
    o1 = sheet(o, "2024-02-05", 7)
    o2 = sheet(o, "2024-02-09", 5)
    o3 = sheet(o, "2024-02-14", 3)
    add("SL-033", "one person: line 2 (9–13 February) covers 9–11 February, already on line 1 (reported on line 2); line 3 starts the day after line 2 ends (no overlap)",
        [o1, o2, o3])
    e1 = opened_into(sheet(person("1983-03-23", "m"), "2024-01-15", 5), "0002101")
    e2 = chain(e1, 5, "0002101")
    f1 = opened_into(sheet(person("1984-04-24", "m"), "2024-01-15", 5), "0002103")
    f2 = chain(f1, 5, "0002103")
    add("SL-034", "line 1 continues line 2, which comes later (reported on line 2); lines 3–4 in order",
        [e2, e1, f1, f2])
    g1 = opened_into(sheet(person("1985-05-25", "m"), "2024-01-15", 5), "0002299")
    g2 = chain(g1, 5, "0002201")
    h1 = opened_into(sheet(person("1986-06-26", "m"), "2024-01-15", 5), "0002203")
    h2 = chain(h1, 5, "0002203")
    add("SL-035", "line 1 names 0002299 as its new sheet, but 0002201 (line 2) continues it; lines 3–4 agree",
        [g1, g2, h1, h2])

    # --- info
    pair("SL-036", "line 1: the first release day two days before the issue date; line 2: on it",
         patch(sheet(q(), "2024-03-28"), release_periods=[{"from": "2024-03-26", "to": "2024-04-03", "doctor": DOCTOR}]),
         sheet(q(), "2024-03-28"))

    # --- common rules the checker reports
    pair("ICD-UNKNOWN", "line 1: U99.9 is well formed but not in the WHO list; line 2: J06.9",
         patch(sheet(q(), "2024-01-22"), icd10="U99.9", final_icd10="U99.9"), sheet(q(), "2024-01-22"))
    pair("ICD-CYRILLIC", "line 1: Cyrillic Т in Т14.0 (read as T14.0); line 2: Latin",
         patch(sheet(q(), "2024-01-23", icd="T14.0"), icd10="Т14.0"), sheet(q(), "2024-01-23", icd="T14.0"))
    pair("CAL-PROVISIONAL", "line 1: release ends Friday 2027-01-08, work resumes Monday 2027-01-11 (2027 is provisional); line 2: the day after",
         patch(sheet(q(), "2027-01-04", 5), return_to_work="2027-01-11"), sheet(q(), "2027-01-04", 5))
    pair("CAL-UNKNOWN-YEAR", "line 1: release ends Friday 2031-01-10, work resumes Monday: 2031 is not in the calendar; line 2: the day after",
         patch(sheet(q(), "2031-01-06", 5), return_to_work="2031-01-13"), sheet(q(), "2031-01-06", 5))

    # --- routing: each step (all records valid except the ФЛК one)
    r = lambda: person("1987-07-27", "f")
    base = lambda issue="2024-01-10": sheet(r(), issue, 5, closed=False)
    servant = []
    routing = []
    def route(note, s, answer="civil_servant"):
        servant.append((s["iin"], answer)) if s.get("iin") else None
        routing.append(s)
        notes.setdefault("routing-lines", []).append(note)
    route("delivered: issued 2024-01-10", base())
    route("delivered: issued on the first day of the pilot", base("2023-11-27"))
    route("pilot_window: issued the day before", base("2023-11-26"))
    route("delivered: issued 31 March 2024", base("2024-03-31"))
    route("pilot_window: issued 1 April 2024 (end exclusive by default)", base("2024-04-01"))
    route("delivered: extended (continuation), first day of the last period 2024-03-31", patch(base("2024-03-31"), type="continuation", status="extended", continues={"series": "АА", "number": "0009990"}, final_icd10=None, return_to_work=None, outcome=None, closing_doctor=None))
    route("delivered: closed, last release day 2024-03-31", sheet(r(), "2024-03-27", 5))
    route("pilot_window: closed, last release day 2024-04-03", sheet(r(), "2024-03-30", 5))
    route("maternity: issued 2024-01-08", patch(sheet(r(), "2024-01-08", 126, kind="maternity", icd="Z34.9", closed=False), gestational_weeks=30))
    route("bmc_attachment", patch(base(), routing={"attached_to_bmc": False, "lives_in_astana": True}))
    route("astana_residence", patch(base(), routing={"attached_to_bmc": True, "lives_in_astana": False}))
    route("first_polyclinic_department", patch(base(), routing={"attached_to_bmc": True, "lives_in_astana": True, "first_polyclinic_department": True}))
    route("flk: the workplace is missing", patch(base(), workplace=None))
    route("civil_servant_status: not a civil servant", base(), "not_civil_servant")
    route("status_service: the service does not answer", base(), "unavailable")
    files["routing"] = routing
    notes["routing"] = "one record per routing step; answers of the status service in status.txt"

    for name, records in files.items():
        with open(os.path.join(out_dir, f"{name}.ndjson"), "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(out_dir, "status.txt"), "w", encoding="utf-8") as fh:
        fh.write("# Answers of the Е-қызмет status service (PepKyzmetP2503Sync) for routing.ndjson, by ИИН.\n")
        fh.write("# Any other ИИН answers not_civil_servant.\n")
        for i, a in servant:
            fh.write(f"{i} {a}\n")
    lines = ["| file | records |", "|---|---|"]
    for name in sorted(files):
        if name in ("clean", "routing"):
            continue
        lines.append(f"| `{name}.ndjson` | {notes[name]} |")
    lines.append(f"| `clean.ndjson` | {notes['clean']} |")
    routes = "; ".join(f"{i + 1}: {n}" for i, n in enumerate(notes["routing-lines"]))
    lines.append(f"| `routing.ndjson` | {routes} |")
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8") as fh:
        fh.write(README_HEAD + "\n".join(lines) + "\n" + README_TAIL)


README_HEAD = """# `ereje-check sick-leave` fixtures

A small hand-checked set for the sick-leave validator (`crates/ereje-sick-leave`, see
`docs/sick-leave.md`): one NDJSON file per rule the checker reports (named by the rule id), each
with records where the rule fires and a record where it does not; `clean.ndjson`, valid sheets of
every kind with no finding at all; `routing.ndjson`, one record per step of the pilot's routing,
with the answers of the Е-қызмет status service in `status.txt`.

All ИИН here are **synthetic**: built with the project's own check-digit algorithm (the one of
`crates/ereje-id`, `Iin::from_parts`), never numbers found on the web. Names and organisations are
invented.

Each file is checked by a fresh checker, in order (the cross-sheet rules see only the records of
their own file). `crates/ereje-sick-leave/tests/fixtures.rs` runs every file and snapshots the
results (`crates/ereje-sick-leave/tests/snapshots/`); it also checks that each rule file fires
its rule on some record and not on another, that `clean.ndjson` has no finding, and that
`routing.ndjson` stops at the steps listed below.

The files are written by `crates/ereje-sick-leave/tools/make_fixtures.py` (a developer tool, not
run by `.ci/run`): `python3 crates/ereje-sick-leave/tools/make_fixtures.py fixtures/sick-leave`,
then review the snapshots (`cargo insta review`, or `INSTA_UPDATE=always`).

`status.txt`: one `IIN ANSWER` per line (`civil_servant`, `not_civil_servant`, `unavailable`), `#`
comments; any other ИИН answers `not_civil_servant` (`FixtureStatusService::parse`).

"""

README_TAIL = """
Dates are in 2024 (the pilot ran from 27 November 2023 to 1 April 2024), except where a rule needs
another year (`CAL-PROVISIONAL`: 2027; `CAL-UNKNOWN-YEAR`: 2031). Records outside the pilot's
window or population show the routing step that stopped them in their snapshot.
"""


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fixtures/sick-leave")
