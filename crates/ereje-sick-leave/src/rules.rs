//! The catalogue rules of the `sick-leave` subject (`SL-001` …).
//!
//! Severities follow the sources: **errors** where the act's own text says so (the pilot's
//! joint order No. 160 of 31.10.2023 and its appendix, the form of the sheet of order
//! ҚР ДСМ-198/2020, the Labour Code); **warnings** where the check is derived from the form with
//! no explicit norm (the citation says "derived from appendix item N") or rests on a secondary
//! source; **info** for what breaks no rule. The act's paragraphs are cited with the language
//! version where the numbering differs: the Kazakh text of the algorithm numbers its definitions
//! «1.» a second time, so every later paragraph is one lower than in the Russian text (the ФЛК:
//! ru p. 5, kk p. 4).
//!
//! The validator also reports the common rules of the foundation crates: `ID-*` (why an ИИН is
//! not valid, next to `SL-002`), `ICD-CYRILLIC` and `ICD-UNKNOWN`, `CAL-UNKNOWN-YEAR` and
//! `CAL-PROVISIONAL` ([`COMMON_RULES`]).

use ereje_findings::{Confidence, Effective, Rule, Severity, Text};

macro_rules! rule {
    (
        $(#[$meta:meta])*
        $name:ident = $id:literal, $severity:ident, $confidence:ident,
        citation: $citation:expr,
        ru: $ru:expr,
        kk: $kk:expr,
        en: $en:expr $(,)?
    ) => {
        $(#[$meta])*
        pub static $name: Rule = Rule {
            id: $id,
            subject: "sick-leave",
            severity: Severity::$severity,
            confidence: Confidence::$confidence,
            citation: $citation,
            since: "0.1.0",
            effective: Effective::ALWAYS,
            message: Text { ru: $ru, kk: $kk, en: $en },
        };
    };
}

rule! {
    /// `SL-001`: an item every sheet carries is missing.
    ///
    /// **What it checks.** Items 1 (number), 2, 3, 4, 5 (name and address), 6, 7, 8 (surname and
    /// name; the patronymic only when there is one), 9, 10, 11, 13, 18, 20, 29 (at least one
    /// release period, each with its first and last day), 30–31 (each period's doctor), 38, and
    /// 32–33 together once one of them is given. A blank string is missing. Items that apply
    /// only to some types or kinds are checked by the derived warnings (`SL-013`, `SL-016`,
    /// `SL-017`, `SL-026`–`SL-028`).
    ///
    /// **Legal basis.** Algorithm p. 7 (ru) / p. 6 (kk): the parties ensure the completeness of
    /// the data listed in the appendix; the paper form of the sheet.
    ///
    /// **Example.** `{"number": "0000001", "workplace": ""}`.
    REQUIRED_ITEM_MISSING = "SL-001", Error, High,
    citation: "Joint order No. 160 of 31.10.2023, algorithm of the pilot p. 7 (ru) / p. 6 (kk): the parties ensure the completeness of the data listed in the appendix; appendix items 1–11, 13, 18, 20, 29–31, 38; form of the sheet (order ҚР ДСМ-198/2020): series and number, medical organisation, issue date, age, full name, place of work and position, ICD-10 code",
    ru: "не заполнен обязательный реквизит {item} перечня данных",
    kk: "деректер тізбесінің міндетті {item}-тармағы толтырылмаған",
    en: "required item {item} of the data list is missing",
}

rule! {
    /// `SL-002`: the patient's ИИН is missing or is not a valid ИИН.
    ///
    /// **What it checks.** `iin` is present and passes `ereje_id::Iin::check`; the `ID-*`
    /// warnings next to it say what is wrong.
    ///
    /// **Legal basis.** Algorithm p. 6 (ru) / p. 5 (kk): ИС «АПП» queries Е-қызмет
    /// (`PepKyzmetP2503Sync`) by the patient's ИИН; a sheet without a valid ИИН cannot be
    /// routed.
    ///
    /// **Example.** `"iin": "900101400004"` (check digit).
    IIN_INVALID = "SL-002", Error, High,
    citation: "Joint order No. 160 of 31.10.2023, algorithm of the pilot p. 6 (ru) / p. 5 (kk): ИС «АПП» queries ИИС «Е-қызмет» (PepKyzmetP2503Sync) by the patient's ИИН; Law No. 223-III of 12.01.2007 (the ИИН)",
    ru: "ИИН пациента не указан или не является действительным ИИН: по нему запрашивается статус государственного служащего",
    kk: "пациенттің ЖСН-і көрсетілмеген немесе жарамды ЖСН емес: мемлекеттік қызметші мәртебесі ол бойынша сұратылады",
    en: "the patient's IIN is missing or not a valid IIN: the civil-servant status is queried by it",
}

rule! {
    /// `SL-003`: a date that is not a date of the calendar.
    ///
    /// **What it checks.** Every date field (issue date, voucher, inpatient stay, other work,
    /// referral and examination, release periods, return to work, violation marks) is
    /// `YYYY-MM-DD` and exists (no 30 February).
    ///
    /// **Legal basis.** The appendix's date items and the form's «Выдан» (day, month, year).
    ///
    /// **Example.** `"issue_date": "2024-02-30"`.
    DATE_INVALID = "SL-003", Error, High,
    citation: "Joint order No. 160 of 31.10.2023, appendix items 6, 17, 19, 21, 22, 24, 26, 29, 34 (dates); form of the sheet (order ҚР ДСМ-198/2020): «Выдан» day, month, year",
    ru: "«{value}» не является существующей датой в формате ГГГГ-ММ-ДД",
    kk: "«{value}» ЖЖЖЖ-АА-КК пішіміндегі бар күн емес",
    en: "`{value}` is not an existing date of the form YYYY-MM-DD",
}

rule! {
    /// `SL-004`: an ICD-10 item that does not hold an ICD-10 code.
    ///
    /// **What it checks.** Items 11, 12, 15, 16 read with `ereje_icd10::Icd10Code::parse`
    /// (case, whitespace, a missing dot and Cyrillic look-alike letters are normalised; the
    /// last with the info `ICD-CYRILLIC`). This error replaces the common warning `ICD-FORMAT`
    /// because the sheet's own form requires the code.
    ///
    /// **Legal basis.** The appendix's items «МКБ-10» and the form's «код МКБ-10».
    ///
    /// **Example.** `"icd10": "J06,9"`.
    ICD_MALFORMED = "SL-004", Error, High,
    citation: "Joint order No. 160 of 31.10.2023, appendix items 11, 12, 15, 16 («МКБ-10»); form of the sheet (order ҚР ДСМ-198/2020): «код МКБ-10», «заключительный код МКБ-10»; code structure of WHO ICD-10",
    ru: "«{value}» не является кодом МКБ-10: ожидаются латинская буква, две цифры и, при необходимости, точка с одной или двумя цифрами (например, J06.9)",
    kk: "«{value}» АХЖ-10 коды емес: латын әрпі, екі цифр және қажет болса нүкте мен бір немесе екі цифр болуы керек (мысалы, J06.9)",
    en: "`{value}` is not an ICD-10 code: expected a Latin letter, two digits and optionally a dot with one or two digits (e.g. J06.9)",
}

rule! {
    /// `SL-005`: type, sex or regime holds a value the appendix does not name.
    ///
    /// **What it checks.** Item 3 is `primary`, `continuation` or `closure`; item 4 `male` or
    /// `female`; item 18 `outpatient` or `inpatient` (surrounding whitespace and ASCII case
    /// ignored).
    ///
    /// **Legal basis.** The appendix names the values of items 3 and 18; item 4 is the sex.
    ///
    /// **Example.** `"type": "first"`.
    VALUE_NOT_ALLOWED = "SL-005", Error, High,
    citation: "Joint order No. 160 of 31.10.2023, appendix item 3 «Тип (Первичный/продолжение листка/закрытие)», item 4 «Пол», item 18 «Тип режима (амбулаторный, стационарный)»",
    ru: "значение «{value}» поля {field} не из допустимых: {expected}",
    kk: "{field} өрісінің «{value}» мәні рұқсат етілгендердің қатарында жоқ: {expected}",
    en: "value `{value}` of {field} is not one of: {expected}",
}

rule! {
    /// `SL-006`: an age that is not a whole number of years.
    ///
    /// **What it checks.** Items 7 and 14 are whole numbers 0–150 (`35` or `35.0`, not `35.5`
    /// or `-1`).
    ///
    /// **Legal basis.** The form gives the age in full years.
    ///
    /// **Example.** `"age": 35.5`.
    AGE_NOT_WHOLE = "SL-006", Error, High,
    citation: "Form of the sheet (order ҚР ДСМ-198/2020): age in full years; joint order No. 160 of 31.10.2023, appendix items 7, 14",
    ru: "{field}: «{value}» не является возрастом в полных годах (целое число от 0 до 150)",
    kk: "{field}: «{value}» толық жылмен көрсетілген жас емес (0-ден 150-ге дейінгі бүтін сан)",
    en: "{field}: `{value}` is not an age in full years (a whole number 0–150)",
}

rule! {
    /// `SL-007`: the sex of item 4 is not the sex the ИИН encodes.
    ///
    /// **What it checks.** Item 4 against digit 7 of a valid ИИН (odd male, even female).
    ///
    /// **Legal basis.** Item 4 and the ИИН the pilot identifies the patient by.
    ///
    /// **Example.** `"sex": "male"` with a woman's ИИН.
    SEX_MISMATCH = "SL-007", Error, High,
    citation: "Joint order No. 160 of 31.10.2023, appendix item 4 «Пол» and the patient's ИИН (algorithm p. 6 ru / p. 5 kk), whose 7th digit gives the sex (Law No. 223-III of 12.01.2007; Government decree No. 406 of 22.05.2007)",
    ru: "пол (пункт 4) не совпадает с полом, закодированным в 7-й цифре ИИН",
    kk: "жынысы (4-тармақ) ЖСН-нің 7-цифрында көрсетілген жынысқа сәйкес келмейді",
    en: "the sex (item 4) does not agree with the sex encoded in digit 7 of the IIN",
}

rule! {
    /// `SL-008`: the age of item 7 is not the age by the ИИН's birth date on the issue date.
    ///
    /// **What it checks.** Item 7 equals `Iin::age_on(issue date)` (full years; a birthday
    /// completes the year).
    ///
    /// **Legal basis.** The form's age in full years and the ИИН.
    ///
    /// **Example.** `"age": 40` for a person born 1990-01-01 on a sheet of 2024-01-15.
    AGE_MISMATCH = "SL-008", Error, High,
    citation: "Form of the sheet (order ҚР ДСМ-198/2020): age in full years; joint order No. 160 of 31.10.2023, appendix items 6–7 and the patient's ИИН (algorithm p. 6 ru / p. 5 kk), whose digits 1–7 give the birth date",
    ru: "возраст {age} (пункт 7) не совпадает с датой рождения по ИИН: на дату выдачи {date} полных лет {expected}",
    kk: "жасы {age} (7-тармақ) ЖСН бойынша туған күнге сәйкес келмейді: берілген күні {date} толық жасы {expected}",
    en: "age {age} (item 7) does not agree with the birth date in the IIN: {expected} full years on the issue date {date}",
}

rule! {
    /// `SL-009`: a series and number already seen in the batch.
    ///
    /// **What it checks.** The key (series upper-cased, number, both trimmed) against the
    /// batch's set; reported on the later record. Its cross-sheet checks are then skipped.
    ///
    /// **Legal basis.** Item 1 identifies the sheet; the form prints one number per sheet.
    ///
    /// **Example.** Two records with `"series": "АА", "number": "0000001"`.
    DUPLICATE_NUMBER = "SL-009", Error, High,
    citation: "Joint order No. 160 of 31.10.2023, appendix item 1 «Номер и серия больничного листа»; form of the sheet (order ҚР ДСМ-198/2020): «Серия № 0000000», one number per sheet",
    ru: "лист {number} уже встречался в этом пакете (запись {record})",
    kk: "{number} парағы осы топтамада бұрын кездесті ({record}-жазба)",
    en: "sheet {number} already appeared in this batch (record {record})",
}

rule! {
    /// `SL-010`: the maternity leave over a chain of sheets matches no case of the Labour Code.
    ///
    /// **What it checks.** The calendar days of release of a chain of maternity sheets (the
    /// primary and its continuations) when its last sheet is closed without a new sheet: one of
    /// `law::MATERNITY_CASES` (126, 140, 170, 184; 70, 56, 93, 79); for a chain still open,
    /// more than the longest case. Judged on the record that completes or lengthens the chain.
    ///
    /// **Legal basis.** Labour Code art. 99 p. 2.
    ///
    /// **Example.** One closed maternity sheet of 120 days.
    MATERNITY_LENGTH = "SL-010", Error, High,
    citation: "Labour Code of RK No. 414-V of 23.11.2015, art. 99 p. 2 (ru): 70 + 56, 70 + 70, 91 + 79, 91 + 93 calendar days; 70, 56, 93, 79 days after a birth at 22–29 weeks; only the days after birth when applied after the birth",
    ru: "отпуск по беременности и родам по цепочке листов составляет {days} календарных дней, что не соответствует ни одному случаю ст. 99 Трудового кодекса ({cases})",
    kk: "парақтар тізбегі бойынша жүктілік пен босану демалысы {days} күнтізбелік күн, бұл Еңбек кодексінің 99-бабындағы бірде-бір жағдайға сәйкес келмейді ({cases})",
    en: "maternity leave over the chain of sheets is {days} calendar days, which matches no case of Labour Code art. 99 ({cases})",
}

rule! {
    /// `SL-011`: status, kind or outcome holds a value Ereje does not know.
    ///
    /// **What it checks.** Item 2 is `open`, `extended`, `closed`; item 13 one of
    /// `IncapacityKind`; `outcome` one of `ClosingOutcome`. The rules that depend on the item
    /// do not run.
    ///
    /// **Legal basis.** Derived: the act names items 2 and 13 but not their values.
    ///
    /// **Example.** `"kind": "flu"`.
    VALUE_UNKNOWN = "SL-011", Warning, Derived,
    citation: "derived from appendix items 2 and 13 (joint order No. 160 of 31.10.2023), whose values the act does not list: status as the events of the Е-қызмет service (algorithm p. 6 ru / p. 5 kk), kind as the grounds of order ҚР ДСМ-198/2020 in secondary sources; outcome is an Ereje field",
    ru: "значение «{value}» поля {field} не из известных: {expected}; правила, зависящие от него, не проверены",
    kk: "{field} өрісінің «{value}» мәні белгілі мәндердің қатарында жоқ: {expected}; оған тәуелді ережелер тексерілмеді",
    en: "value `{value}` of {field} is not one of the known values: {expected}; the rules that depend on it were not checked",
}

rule! {
    /// `SL-012`: a sheet of type closure whose status is not closed.
    ///
    /// **Legal basis.** Derived from items 2 and 3.
    ///
    /// **Example.** `"type": "closure", "status": "open"`.
    TYPE_STATUS_MISMATCH = "SL-012", Warning, Derived,
    citation: "derived from appendix items 2 and 3 (joint order No. 160 of 31.10.2023): a sheet of type «закрытие» is closed",
    ru: "тип листа «закрытие», а статус {status}",
    kk: "парақтың түрі «жабылуы», ал мәртебесі {status}",
    en: "the sheet's type is closure but its status is {status}",
}

rule! {
    /// `SL-013`: a continuation that names no previous sheet.
    ///
    /// **Legal basis.** Derived from item 3 and the paper form's «продолжение листка №».
    ///
    /// **Example.** `"type": "continuation"` without `continues`.
    CONTINUATION_WITHOUT_PREVIOUS = "SL-013", Warning, Derived,
    citation: "derived from appendix item 3 (joint order No. 160 of 31.10.2023) and the paper form's «Первичный – продолжение листка №» (order ҚР ДСМ-198/2020)",
    ru: "лист-продолжение не указывает номер продолжаемого листа (continues)",
    kk: "жалғасы парағы жалғастырылатын парақтың нөмірін көрсетпейді (continues)",
    en: "a continuation sheet does not name the sheet it continues (continues)",
}

rule! {
    /// `SL-014`: a closed sheet that does not state how it closed.
    ///
    /// **What it checks.** A closed sheet (status `closed` or type `closure`) has item 34, item
    /// 35 or `outcome`.
    ///
    /// **Legal basis.** Derived from items 34–35 and 24–28.
    CLOSED_WITHOUT_OUTCOME = "SL-014", Warning, Derived,
    citation: "derived from appendix items 24–28, 34 and 35 (joint order No. 160 of 31.10.2023): a closed sheet states how it closed",
    ru: "закрытый лист не указывает исход: приступить к работе (пункт 34), выдан новый лист (пункт 35) или outcome (инвалидность, смерть, иное)",
    kk: "жабылған парақ нәтижені көрсетпейді: жұмысқа кірісу (34-тармақ), жаңа парақ берілді (35-тармақ) немесе outcome (мүгедектік, қайтыс болу, басқа)",
    en: "a closed sheet does not state how it closed: return to work (item 34), new sheet issued (item 35) or outcome (disability, death, other)",
}

rule! {
    /// `SL-015`: a closed sheet that states two incompatible outcomes.
    ///
    /// **What it checks.** The outcomes stated by `outcome`, item 34 (return to work) and item
    /// 35 (new sheet) are one, or exactly return to work and disability (a person with a
    /// disability group may work).
    ///
    /// **Legal basis.** Derived from items 34–35.
    CLOSED_INCOMPATIBLE_OUTCOMES = "SL-015", Warning, Derived,
    citation: "derived from appendix items 24–28, 34 and 35 (joint order No. 160 of 31.10.2023): one way of closing",
    ru: "закрытый лист указывает несовместимые исходы: {outcomes}",
    kk: "жабылған парақта бір-бірімен үйлеспейтін нәтижелер көрсетілген: {outcomes}",
    en: "a closed sheet states incompatible outcomes: {outcomes}",
}

rule! {
    /// `SL-016`: a closed sheet without the final ICD-10 code.
    ///
    /// **Legal basis.** Derived from item 12.
    CLOSED_WITHOUT_FINAL_ICD = "SL-016", Warning, Derived,
    citation: "derived from appendix item 12 «Заключительный код МКБ-10» (joint order No. 160 of 31.10.2023): the final code is known when the sheet closes",
    ru: "в закрытом листе нет заключительного кода МКБ-10 (пункт 12)",
    kk: "жабылған парақта АХЖ-10 қорытынды коды жоқ (12-тармақ)",
    en: "a closed sheet has no final ICD-10 code (item 12)",
}

rule! {
    /// `SL-017`: a closed sheet that does not name the doctor who closed it.
    ///
    /// **Legal basis.** Derived from items 36–37.
    CLOSED_WITHOUT_CLOSING_DOCTOR = "SL-017", Warning, Derived,
    citation: "derived from appendix items 36–37 (joint order No. 160 of 31.10.2023): position and name of the doctor who closes the sheet",
    ru: "в закрытом листе не указан закрывший его врач: пункт {item}",
    kk: "жабылған парақта оны жапқан дәрігер көрсетілмеген: {item}-тармақ",
    en: "a closed sheet does not name the doctor who closed it: item {item}",
}

rule! {
    /// `SL-018`: a period that ends before it starts.
    ///
    /// **What it checks.** Items 17, 21, 22 and each row of item 29.
    ///
    /// **Legal basis.** Derived.
    PERIOD_REVERSED = "SL-018", Warning, Derived,
    citation: "derived from appendix items 17, 21, 22 and 29 (joint order No. 160 of 31.10.2023): a period's last day is not before its first",
    ru: "период заканчивается ({to}) раньше, чем начинается ({from})",
    kk: "кезең басталғаннан ({from}) бұрын аяқталады ({to})",
    en: "the period ends ({to}) before it starts ({from})",
}

rule! {
    /// `SL-019`: release periods out of order, overlapping, or with gaps.
    ///
    /// **What it checks.** Each row of item 29 starts the day after the previous row ends.
    ///
    /// **Legal basis.** Derived from item 29; periods are in calendar days.
    RELEASE_PERIODS_NOT_CONTIGUOUS = "SL-019", Warning, Derived,
    citation: "derived from appendix item 29 (joint order No. 160 of 31.10.2023): release periods follow one another in calendar days",
    ru: "период освобождения {n} начинается {from}, а период {prev} закончился {prev_to}: периоды идут по порядку, без перерывов и наложений",
    kk: "{n}-босату кезеңі {from} басталады, ал {prev}-кезең {prev_to} аяқталды: кезеңдер ретімен, үзіліссіз және қабаттаспай жүруі керек",
    en: "release period {n} starts on {from} but period {prev} ended on {prev_to}: periods follow one another in order, with no gap or overlap",
}

rule! {
    /// `SL-020`: the return-to-work date is not the day after the last release day.
    ///
    /// **What it checks.** Item 34 is the day after the last day of item 29 or, with
    /// `return_to_work = next_working_day` (the default), the first working day after it.
    ///
    /// **Legal basis.** Derived from items 29 and 34.
    RETURN_TO_WORK_DATE = "SL-020", Warning, Derived,
    citation: "derived from appendix items 29 and 34 (joint order No. 160 of 31.10.2023): work resumes the day after the last release day (parameter return_to_work: or the first working day after it)",
    ru: "дата «приступить к работе» {date} не следует за последним днём освобождения {last}: ожидается {expected}",
    kk: "«жұмысқа кірісу» күні {date} соңғы босату күнінен ({last}) кейін келмейді: {expected} күтіледі",
    en: "return-to-work date {date} does not follow the last release day {last}: expected {expected}",
}

rule! {
    /// `SL-021`: the inpatient stay lies outside the release from work.
    ///
    /// **Legal basis.** Derived from items 21 and 29.
    INPATIENT_OUTSIDE_INCAPACITY = "SL-021", Warning, Derived,
    citation: "derived from appendix items 21 and 29 (joint order No. 160 of 31.10.2023): the inpatient stay lies within the release from work",
    ru: "период нахождения в стационаре {from} – {to} выходит за период нетрудоспособности {first} – {last}",
    kk: "стационарда болу кезеңі {from} – {to} еңбекке жарамсыздық кезеңінен {first} – {last} шығып кетеді",
    en: "the inpatient stay {from} – {to} lies outside the incapacity {first} – {last}",
}

rule! {
    /// `SL-022`: an inpatient stay on a sheet whose regime is not inpatient.
    ///
    /// **Legal basis.** Derived from items 18 and 21.
    INPATIENT_REGIME = "SL-022", Warning, Derived,
    citation: "derived from appendix items 18 and 21 (joint order No. 160 of 31.10.2023): an inpatient stay means the inpatient regime",
    ru: "указан период нахождения в стационаре, а режим — {regime}",
    kk: "стационарда болу кезеңі көрсетілген, ал режим — {regime}",
    en: "an inpatient stay is given but the regime is {regime}",
}

rule! {
    /// `SL-023`: a referral to МСЭ without the referring doctor or the referral date.
    ///
    /// **Legal basis.** Derived from items 24–25.
    MSE_REFERRAL_INCOMPLETE = "SL-023", Warning, Derived,
    citation: "derived from appendix items 24–25 (joint order No. 160 of 31.10.2023): a referral to МСЭ names the referring doctor and its date",
    ru: "лист направлен на МСЭ, но не заполнено: пункт {item} ({field})",
    kk: "парақ МӘС-ке жіберілген, бірақ толтырылмаған: {item}-тармақ ({field})",
    en: "referred to МСЭ, but item {item} ({field}) is missing",
}

rule! {
    /// `SL-024`: the МСЭ examination is dated before the referral.
    ///
    /// **Legal basis.** Derived from items 24 and 26.
    MSE_EXAMINED_BEFORE_REFERRAL = "SL-024", Warning, Derived,
    citation: "derived from appendix items 24 and 26 (joint order No. 160 of 31.10.2023): the examination follows the referral",
    ru: "дата освидетельствования {exam} раньше даты направления на МСЭ {referral}",
    kk: "куәландыру күні {exam} МӘС-ке жіберілген күннен {referral} бұрын",
    en: "the examination date {exam} is before the referral to МСЭ {referral}",
}

rule! {
    /// `SL-025`: an МСЭ examination without an expert conclusion.
    ///
    /// **Legal basis.** Derived from items 26–27.
    MSE_EXAMINED_WITHOUT_CONCLUSION = "SL-025", Warning, Derived,
    citation: "derived from appendix items 26–27 (joint order No. 160 of 31.10.2023): an examination ends with an expert conclusion",
    ru: "указана дата освидетельствования, но нет экспертного заключения (пункт 27)",
    kk: "куәландыру күні көрсетілген, бірақ сараптамалық қорытынды жоқ (27-тармақ)",
    en: "an examination date is given but no expert conclusion (item 27)",
}

rule! {
    /// `SL-026`: care of a sick child without the child's age or disease.
    ///
    /// **Legal basis.** Derived from items 13–15.
    CHILD_CARE_ITEMS_MISSING = "SL-026", Warning, Derived,
    citation: "derived from appendix items 13–15 (joint order No. 160 of 31.10.2023): the sick child's age and disease describe the care of a sick child",
    ru: "уход за больным ребёнком, но не заполнен пункт {item} ({field})",
    kk: "науқас баланы күту, бірақ {item}-тармақ толтырылмаған ({field})",
    en: "care of a sick child, but item {item} ({field}) is missing",
}

rule! {
    /// `SL-027`: a quarantine concerning a child without the child's age or disease.
    ///
    /// **What it checks.** A quarantine sheet with item 14 or 16 (so it concerns a child) has
    /// both.
    ///
    /// **Legal basis.** Derived from items 13, 14 and 16.
    QUARANTINE_CHILD_ITEMS_MISSING = "SL-027", Warning, Derived,
    citation: "derived from appendix items 13, 14 and 16 (joint order No. 160 of 31.10.2023): a quarantine of a child gives the child's age and disease at quarantine",
    ru: "карантин касается ребёнка, но не заполнен пункт {item} ({field})",
    kk: "карантин балаға қатысты, бірақ {item}-тармақ толтырылмаған ({field})",
    en: "the quarantine concerns a child, but item {item} ({field}) is missing",
}

rule! {
    /// `SL-028`: after-care in a sanatorium without the voucher's dates.
    ///
    /// **Legal basis.** Derived from items 13 and 17.
    SANATORIUM_DATES_MISSING = "SL-028", Warning, Derived,
    citation: "derived from appendix items 13 and 17 (joint order No. 160 of 31.10.2023): after-care in a sanatorium gives the voucher's first and last day",
    ru: "долечивание в санатории, но не указана дата путёвки (пункт 17): {field}",
    kk: "санаторийде емделуді жалғастыру, бірақ жолдама күні көрсетілмеген (17-тармақ): {field}",
    en: "after-care in a sanatorium, but a voucher date (item 17) is missing: {field}",
}

rule! {
    /// `SL-029`: a pregnancy and childbirth sheet for a man.
    ///
    /// **What it checks.** Kind `maternity` with the ИИН's sex (or item 4 when the ИИН is not
    /// valid) male.
    ///
    /// **Legal basis.** Derived from items 4 and 13; Labour Code art. 99 p. 2.
    MATERNITY_MALE = "SL-029", Warning, Derived,
    citation: "derived from appendix items 4 and 13 (joint order No. 160 of 31.10.2023): leave for pregnancy and childbirth is a woman's (Labour Code art. 99 p. 2)",
    ru: "лист по беременности и родам выдан лицу мужского пола",
    kk: "жүктілік пен босану бойынша парақ ер адамға берілген",
    en: "a pregnancy and childbirth sheet is issued to a male person",
}

rule! {
    /// `SL-030`: a maternity sheet issued before the 30th week of pregnancy.
    ///
    /// **What it checks.** Only when `gestational_weeks` is given (not one of the 38 items): on a
    /// maternity sheet that is not only post-natal (56, 70, 79, 93 days), the week is at least
    /// 30, or 27 for a sheet of 170 or more days (territories affected by nuclear tests).
    ///
    /// **Legal basis.** Secondary source (medium): see `law::ISSUE_WEEK_CITATION`.
    MATERNITY_BEFORE_ISSUE_WEEK = "SL-030", Warning, Medium,
    citation: crate::law::ISSUE_WEEK_CITATION,
    ru: "лист по беременности и родам выдан на {weeks}-й неделе беременности, раньше {threshold}-й",
    kk: "жүктілік пен босану бойынша парақ жүктіліктің {weeks}-аптасында, {threshold}-аптадан бұрын берілген",
    en: "the pregnancy and childbirth sheet is issued at week {weeks} of pregnancy, before week {threshold}",
}

rule! {
    /// `SL-031`: `gestational_weeks` is not a number of weeks.
    ///
    /// **Legal basis.** Derived: an Ereje field read by `SL-030`.
    GESTATIONAL_WEEKS_INVALID = "SL-031", Warning, Derived,
    citation: "derived: gestational_weeks is an Ereje field (not among the 38 items of joint order No. 160 of 31.10.2023) read by the 30th-week rule; 1–45 weeks",
    ru: "gestational_weeks: «{value}» не является сроком беременности в неделях (целое число от 1 до 45); правило 30-й недели не проверено",
    kk: "gestational_weeks: «{value}» апталармен көрсетілген жүктілік мерзімі емес (1-ден 45-ке дейінгі бүтін сан); 30-апта ережесі тексерілмеді",
    en: "gestational_weeks: `{value}` is not a gestational age in weeks (a whole number 1–45); the 30th-week rule was not checked",
}

rule! {
    /// `SL-032`: a continuation that does not start the day after the sheet it continues.
    ///
    /// **What it checks.** Across the batch: the first release day of a continuation is the day
    /// after the last release day of the sheet named in `continues` (same person); reported on
    /// the later record in input order.
    ///
    /// **Legal basis.** Derived from items 3, 29 and 35.
    CHAIN_NOT_CONTIGUOUS = "SL-032", Warning, Derived,
    citation: "derived from appendix items 3, 29 and 35 (joint order No. 160 of 31.10.2023) and the paper form's «продолжение листка №»: a continuation starts the day after the continued sheet's last release day",
    ru: "лист {sheet} продолжает лист {previous}, последний день освобождения которого {last}, но начинается {first}: ожидается {expected}",
    kk: "{sheet} парағы соңғы босату күні {last} болған {previous} парағын жалғастырады, бірақ {first} басталады: {expected} күтіледі",
    en: "sheet {sheet} continues sheet {previous}, whose last release day is {last}, but starts on {first}: expected {expected}",
}

rule! {
    /// `SL-033`: two sheets of one person cover the same days.
    ///
    /// **What it checks.** Across the batch (within the look-back window): the release periods
    /// of two sheets of one ИИН that are not a sheet and its continuation share a day;
    /// reported on the later record.
    ///
    /// **Legal basis.** Derived from item 29.
    SHEETS_OVERLAP = "SL-033", Warning, Derived,
    citation: "derived from appendix item 29 (joint order No. 160 of 31.10.2023): a person is released from work by one sheet for any day",
    ru: "периоды освобождения листа {sheet} пересекаются с листом {other} того же лица: {from} – {to}",
    kk: "{sheet} парағының босату кезеңдері сол адамның {other} парағымен қабаттасады: {from} – {to}",
    en: "the release periods of sheet {sheet} overlap sheet {other} of the same person: {from} – {to}",
}

rule! {
    /// `SL-034`: a sheet whose continuation came earlier in the input.
    ///
    /// **What it checks.** The expected input order is by issue date, a continued sheet before
    /// its continuation; a predecessor found later is reported on itself.
    ///
    /// **Legal basis.** Derived from item 3 (Ereje's input order).
    PREDECESSOR_AFTER_CONTINUATION = "SL-034", Warning, Derived,
    citation: "derived from appendix item 3 (joint order No. 160 of 31.10.2023): a continued sheet is issued before its continuation; Ereje expects input in order of issue",
    ru: "лист {sheet} продолжен листом {next}, который встретился раньше во входных данных (запись {record}); ожидается порядок по дате выдачи",
    kk: "{sheet} парағы {next} парағымен жалғастырылған, ол кіріс деректерде бұрынырақ кездесті ({record}-жазба); берілген күні бойынша рет күтіледі",
    en: "sheet {sheet} is continued by sheet {next}, which came earlier in the input (record {record}); the expected order is by issue date",
}

rule! {
    /// `SL-035`: the continued sheet names another sheet as its new sheet.
    ///
    /// **Legal basis.** Derived from item 35.
    NEW_SHEET_MISMATCH = "SL-035", Warning, Derived,
    citation: "derived from appendix item 35 «Выдан новый лист» (joint order No. 160 of 31.10.2023): the new sheet named is the continuation",
    ru: "лист {previous} указывает новым листом {named}, а его продолжает лист {sheet}",
    kk: "{previous} парағы жаңа парақ ретінде {named} көрсетеді, ал оны {sheet} парағы жалғастырады",
    en: "sheet {previous} names {named} as its new sheet, but sheet {sheet} continues it",
}

rule! {
    /// `SL-036`: the first release period starts before the issue date.
    ///
    /// **Legal basis.** None found: no Kazakh norm on issue for past days was read (the
    /// «one day back» rule seen on the web is Kyrgyz); information only.
    RETROACTIVE_ISSUE = "SL-036", Info, Derived,
    citation: "derived from appendix items 6 and 29 (joint order No. 160 of 31.10.2023); no norm of order ҚР ДСМ-198/2020 on issue for past days was found",
    ru: "первый период освобождения начинается {from}, раньше даты выдачи {issued} (выдача задним числом)",
    kk: "бірінші босату кезеңі {from} басталады, берілген күнінен {issued} бұрын (өткен күнмен беру)",
    en: "the first release period starts on {from}, before the issue date {issued} (issued retroactively)",
}

/// The rules of the `sick-leave` subject, in id order.
pub static RULES: &[&Rule] = &[
    &REQUIRED_ITEM_MISSING,
    &IIN_INVALID,
    &DATE_INVALID,
    &ICD_MALFORMED,
    &VALUE_NOT_ALLOWED,
    &AGE_NOT_WHOLE,
    &SEX_MISMATCH,
    &AGE_MISMATCH,
    &DUPLICATE_NUMBER,
    &MATERNITY_LENGTH,
    &VALUE_UNKNOWN,
    &TYPE_STATUS_MISMATCH,
    &CONTINUATION_WITHOUT_PREVIOUS,
    &CLOSED_WITHOUT_OUTCOME,
    &CLOSED_INCOMPATIBLE_OUTCOMES,
    &CLOSED_WITHOUT_FINAL_ICD,
    &CLOSED_WITHOUT_CLOSING_DOCTOR,
    &PERIOD_REVERSED,
    &RELEASE_PERIODS_NOT_CONTIGUOUS,
    &RETURN_TO_WORK_DATE,
    &INPATIENT_OUTSIDE_INCAPACITY,
    &INPATIENT_REGIME,
    &MSE_REFERRAL_INCOMPLETE,
    &MSE_EXAMINED_BEFORE_REFERRAL,
    &MSE_EXAMINED_WITHOUT_CONCLUSION,
    &CHILD_CARE_ITEMS_MISSING,
    &QUARANTINE_CHILD_ITEMS_MISSING,
    &SANATORIUM_DATES_MISSING,
    &MATERNITY_MALE,
    &MATERNITY_BEFORE_ISSUE_WEEK,
    &GESTATIONAL_WEEKS_INVALID,
    &CHAIN_NOT_CONTIGUOUS,
    &SHEETS_OVERLAP,
    &PREDECESSOR_AFTER_CONTINUATION,
    &NEW_SHEET_MISMATCH,
    &RETROACTIVE_ISSUE,
];

/// The common rules (declared by the foundation crates) this validator also reports.
pub static COMMON_RULES: &[&Rule] = &[
    &ereje_id::ID_LENGTH,
    &ereje_id::ID_NON_DIGIT,
    &ereje_id::ID_CENTURY,
    &ereje_id::ID_DATE,
    &ereje_id::ID_CHECK_DIGIT,
    &ereje_id::ID_NEVER_ISSUED,
    &ereje_icd10::ICD_CYRILLIC,
    &ereje_icd10::ICD_UNKNOWN,
    &ereje_calendar::CAL_UNKNOWN_YEAR,
    &ereje_calendar::CAL_PROVISIONAL,
];

#[cfg(test)]
mod tests {
    use super::*;
    use ereje_findings::check_catalogue;

    #[test]
    fn catalogue_is_consistent() {
        check_catalogue(RULES.iter().copied()).unwrap_or_else(|e| panic!("{e}"));
        check_catalogue(RULES.iter().chain(COMMON_RULES).copied())
            .unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn ids_are_numbered_in_order_and_derived_rules_say_so() {
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.id, format!("SL-{:03}", i + 1));
            assert_eq!(r.subject, "sick-leave");
            if r.confidence == Confidence::Derived {
                assert!(r.citation.starts_with("derived"), "{}", r.id);
            }
            if r.severity == Severity::Error {
                assert_eq!(r.confidence, Confidence::High, "{}", r.id);
            }
        }
    }

    #[test]
    fn messages_have_the_same_placeholders_in_every_language() {
        fn placeholders(s: &str) -> Vec<&str> {
            let mut out: Vec<&str> =
                s.split('{').skip(1).filter_map(|p| p.split('}').next()).collect();
            out.sort_unstable();
            out
        }
        for r in RULES {
            let ru = placeholders(r.message.ru);
            assert_eq!(ru, placeholders(r.message.kk), "{}", r.id);
            assert_eq!(ru, placeholders(r.message.en), "{}", r.id);
        }
    }
}
