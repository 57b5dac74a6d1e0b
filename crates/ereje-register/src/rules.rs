//! The catalogue rules of the `register` subject (`REG-001` …), each with its citation and the
//! confidence of its source.
//!
//! The primary source is the Kazakh text of the Rules for accounting of human resources in
//! healthcare (maintaining the professional register), approved by order of the Minister of
//! Health No. ҚР ДСМ-253/2020 of 11.12.2020 (MoJ registration No. 21773); paras 1, 2, 6, 8 and 9
//! are in the wording of order No. 66 of 16.07.2025 (the amendment notes of the text), paras 7
//! and 14 carry no amendment note. The Code «On public health and the healthcare system» of
//! 07.07.2020 adds art. 266 p. 3 (a certificate is valid only if registered), art. 27 p. 2
//! (validity confirmed every five years) and art. 271 p. 1 sp. 6 (every medical and pharmaceutical
//! worker is registered).

use chrono::NaiveDate;
use ereje_findings::{Confidence, Effective, Rule, Severity, Text};

/// The day the wording of order No. 66 enters into force with the default publication date
/// (an assumption, see [`Params::publication_date`](crate::Params::publication_date)).
const DEFAULT_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2025, 8, 1) {
    Some(d) => d,
    None => panic!("2025-08-01 is a date"),
};

/// The 2025 wording, in force (with the default publication date) from 1 August 2025.
const WORDING_2025: Effective = Effective::since(DEFAULT_IN_FORCE);

/// `REG-001`: an item of para 8 (or a required part of it) is not filled in.
///
/// **What it checks.** Items 1–13 of para 8 are present (items 14 and 15 only if the worker has a
/// certificate or advanced training); within an item, its required parts: surname and name;
/// identity document kind and number; education document number and organisation; workplace
/// name and БИН; certificate specialty, number, issue date and validity end; advanced training
/// title and completion date. An empty or blank text counts as missing.
///
/// **Legal basis.** Rules para 8 sp. 1–15 (kk text, wording of order No. 66 of 16.07.2025).
///
/// **Example.** A snapshot without `birthplace` → `REG-001` at `/birthplace`.
pub static REG_ITEM_MISSING: Rule = Rule {
    id: "REG-001",
    subject: "register",
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Order ҚР ДСМ-253/2020 of 11.12.2020, Rules for accounting of human resources in healthcare, para 8 sp. 1–15 (kk text, wording of order No. 66 of 16.07.2025): the data entered about each worker",
    since: "0.1.0",
    effective: WORDING_2025,
    message: Text {
        ru: "подпункт {item}) пункта 8: не заполнено {field}",
        kk: "8-тармақтың {item}) тармақшасы: {field} толтырылмаған",
        en: "item {item}) of para 8: {field} is not filled in",
    },
};

/// `REG-002`: a value that cannot be read as what its field holds.
///
/// **What it checks.** Dates are `YYYY-MM-DD`, date-times `YYYY-MM-DDTHH:MM[:SS]` (local time)
/// or RFC 3339 with an offset, the sex `male` or `female`, hours a whole number ≥ 0.
///
/// **Legal basis.** Rules para 8 (the item must be given); the shapes are those of the Ereje
/// register record (`docs/register.md`).
///
/// **Example.** `"birth_date": "31.12.1990"` → `REG-002` at `/birth_date`.
pub static REG_VALUE_UNREADABLE: Rule = Rule {
    id: "REG-002",
    subject: "register",
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Order ҚР ДСМ-253/2020, Rules para 8 (kk text, wording of order No. 66 of 16.07.2025): the item must be given; value shapes: Ereje register record format (docs/register.md)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "значение {field} не читается: «{value}», ожидается {expected}",
        kk: "{field} мәні оқылмайды: «{value}», күтілетін пішім: {expected}",
        en: "the value of {field} cannot be read: `{value}`, expected {expected}",
    },
};

/// `REG-003`: item 1 is not a valid ИИН.
///
/// **What it checks.** The worker's ИИН is a valid individual identification number; the
/// reasons are reported as `ID-*` findings (warnings) next to this one.
///
/// **Legal basis.** Rules para 8 sp. 1 requires the ИИН (high); what makes a number an ИИН is
/// the structure of Government decree No. 406 of 22.05.2007 (see `docs/identifiers.md`).
///
/// **Example.** `"iin": "900101400014"` (wrong check digit).
pub static REG_IIN_INVALID: Rule = Rule {
    id: "REG-003",
    subject: "register",
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Order ҚР ДСМ-253/2020, Rules para 8 sp. 1 (kk text, wording of order No. 66 of 16.07.2025): the worker's individual identification number (ИИН); structure: see the ID-* rules",
    since: "0.1.0",
    effective: WORDING_2025,
    message: Text {
        ru: "подпункт 1) пункта 8: значение не является действительным ИИН (причины — в замечаниях ID-*)",
        kk: "8-тармақтың 1) тармақшасы: мән жарамды ЖСН емес (себептері ID-* ескертулерінде)",
        en: "item 1) of para 8: the value is not a valid IIN (the ID-* findings say why)",
    },
};

/// `REG-004`: the sex or the date of birth disagrees with the one encoded in the ИИН.
///
/// **What it checks.** Item 3 (sex) equals the sex of ИИН digit 7; item 4 (date of birth) equals
/// the date of digits 1–6 with the century of digit 7.
///
/// **Legal basis.** Rules para 8 sp. 1, 3, 4 give the three items; that the ИИН encodes the other
/// two rests on Government decree No. 406 of 22.05.2007, whose text was not read (medium).
///
/// **Example.** ИИН of a woman born 1990-01-01 with `"sex": "male"`.
pub static REG_IIN_MISMATCH: Rule = Rule {
    id: "REG-004",
    subject: "register",
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Order ҚР ДСМ-253/2020, Rules para 8 sp. 1, 3, 4 (kk text, wording of order No. 66 of 16.07.2025); the ИИН encodes the birth date and the sex: Government decree No. 406 of 22.05.2007 (text not read; structure agreed by independent implementations, see docs/identifiers.md)",
    since: "0.1.0",
    effective: WORDING_2025,
    message: Text {
        ru: "{field} в записи ({given}) не совпадает с закодированным в ИИН ({encoded})",
        kk: "жазбадағы {field} ({given}) ЖСН-да көрсетілгенмен ({encoded}) сәйкес келмейді",
        en: "the {field} in the record ({given}) differs from the one encoded in the IIN ({encoded})",
    },
};

/// `REG-005`: the workplace's number is not a valid БИН.
///
/// **What it checks.** Item 12's business identification number is a valid БИН (`kind` says
/// whether the value is an ИИН or invalid; the reasons of an invalid number are `ID-*` findings).
///
/// **Legal basis.** Rules para 8 sp. 12: the workplace's name with its БИН (high); the
/// structure of a БИН: Government decree No. 406 of 22.05.2007.
///
/// **Example.** `"workplace": {"name": "…", "bin": "900101400013"}` (an ИИН).
pub static REG_BIN_INVALID: Rule = Rule {
    id: "REG-005",
    subject: "register",
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Order ҚР ДСМ-253/2020, Rules para 8 sp. 12 (kk text, wording of order No. 66 of 16.07.2025): the workplace's name with its business identification number (БИН); structure: see the ID-* rules",
    since: "0.1.0",
    effective: WORDING_2025,
    message: Text {
        ru: "подпункт 12) пункта 8: номер места работы не является действительным БИН ({kind})",
        kk: "8-тармақтың 12) тармақшасы: жұмыс орнының нөмірі жарамды БСН емес ({kind})",
        en: "item 12) of para 8: the workplace's number is not a valid BIN ({kind})",
    },
};

/// `REG-006`: the workplace's БИН is not that of a legal entity.
///
/// **What it checks.** БИН digit 5 is 4 (resident) or 5 (non-resident legal entity), not 6 (an
/// individual entrepreneur in joint entrepreneurship).
///
/// **Legal basis.** Rules para 8 sp. 12 names organisations providing medical services; the type
/// digit rests on Government decree No. 406 of 22.05.2007, text not read (medium).
///
/// **Example.** A БИН with digit 5 = 6.
pub static REG_BIN_NOT_LEGAL_ENTITY: Rule = Rule {
    id: "REG-006",
    subject: "register",
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Order ҚР ДСМ-253/2020, Rules para 8 sp. 12 (kk text, wording of order No. 66 of 16.07.2025): the workplace is an organisation providing medical services; БИН digit 5 = type: Government decree No. 406 of 22.05.2007 (text not read; structure agreed by independent implementations)",
    since: "0.1.0",
    effective: WORDING_2025,
    message: Text {
        ru: "БИН места работы принадлежит индивидуальному предпринимателю в совместном предпринимательстве (5-я цифра {digit}), а не юридическому лицу",
        kk: "жұмыс орнының БСН-ы заңды тұлғаға емес, бірлескен кәсіпкерліктегі жеке кәсіпкерге тиесілі (5-ші цифры {digit})",
        en: "the workplace BIN belongs to an individual entrepreneur in joint entrepreneurship (digit 5 is {digit}), not to a legal entity",
    },
};

/// `REG-007`: a new worker's data were entered later than three working days after hiring.
///
/// **What it checks.** The date the data were entered is at most `add(hire date, 3)` on the
/// working-day calendar: the term starts on the day after hiring (the general reading of the
/// Civil Code). A transfer to another organisation (another БИН) is a hire by that
/// organisation (Labour Code art. 49 sp. 4: the contract ends with the transfer to another
/// employer), so the same term applies.
///
/// **Legal basis.** Rules para 8 (kk text, wording of order No. 66 of 16.07.2025): «жұмысқа
/// қабылдаған күннен бастап үш жұмыс күні ішінде».
///
/// **Example.** Hired Friday 28.11.2025, entered Thursday 04.12.2025 (due Wednesday 03.12.2025).
pub static REG_HIRE_ENTERED_LATE: Rule = Rule {
    id: "REG-007",
    subject: "register",
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Order ҚР ДСМ-253/2020, Rules para 8 (kk text, wording of order No. 66 of 16.07.2025): the data are entered within three working days from the day of hiring (counted from the next day, Civil Code general rule); a transfer to another employer is a hire by it (Labour Code art. 49 sp. 4)",
    since: "0.1.0",
    effective: WORDING_2025,
    message: Text {
        ru: "данные нового работника (приём {hired}) внесены {entered}, позже трёх рабочих дней (срок истёк {due})",
        kk: "жаңа қызметкердің деректері (жұмысқа қабылданған күні {hired}) {entered} енгізілді, үш жұмыс күнінен кеш (мерзім {due} аяқталды)",
        en: "the new worker's data (hired {hired}) were entered on {entered}, after the three working days (the term ended {due})",
    },
};

/// `REG-008`: a change was entered long after it happened.
///
/// **What it checks.** The number of calendar days from a change (data change, transfer within the
/// organisation, dismissal, certificate, advanced training) to its entry is at most the
/// parameter `change.max_delay_days` (default 30).
///
/// **Legal basis.** Rules para 9 (changes and additions are entered, no term set) and para 13
/// (register data are updated in time). The limit is Ereje's parameter, not the act's: at most a
/// warning.
///
/// **Example.** A dismissal of 01.09.2025 entered on 15.10.2025 (44 days).
pub static REG_CHANGE_ENTERED_LATE: Rule = Rule {
    id: "REG-008",
    subject: "register",
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "Order ҚР ДСМ-253/2020, Rules para 9 (kk text, wording of order No. 66 of 16.07.2025: changes and additions are entered, no term set) and para 13 (data are updated in time); the limit is the Ereje parameter change.max_delay_days, not the act's",
    since: "0.1.0",
    effective: WORDING_2025,
    message: Text {
        ru: "изменение от {changed} внесено {entered}, через {days} дн.; пункт 9 срока не устанавливает, предел Ereje — {max} дн. (параметр change.max_delay_days)",
        kk: "{changed} күнгі өзгеріс {entered} енгізілді, {days} күннен кейін; 9-тармақ мерзім белгілемейді, Ereje шегі — {max} күн (change.max_delay_days параметрі)",
        en: "the change of {changed} was entered on {entered}, {days} days later; para 9 sets no term, Ereje's limit is {max} days (parameter change.max_delay_days)",
    },
};

/// `REG-009`: a date before the 2025 wording entered into force: the earlier wording is not
/// modelled.
///
/// **What it checks.** The rules of paras 8 and 9 (`REG-001`, `REG-003`–`REG-008`) are applied to
/// a record as of a date, or to a hire or change on a date, from the day order No. 66 enters into
/// force: the eleventh day after its first official publication (P + 11). Before it, this
/// finding says the rules were not checked.
///
/// **Legal basis.** The amendment notes of the kk text: order No. 66 of 16.07.2025 enters into
/// force ten calendar days after its first official publication. The publication date is the
/// parameter `order66.publication_date`; its default is an assumption.
///
/// **Example.** A record checked as of 01.06.2025.
pub static REG_EARLIER_WORDING: Rule = Rule {
    id: "REG-009",
    subject: "register",
    severity: Severity::Info,
    confidence: Confidence::High,
    citation: "Order No. 66 of 16.07.2025 amending order ҚР ДСМ-253/2020 (amendment notes to paras 1, 2, 6, 8, 9 of the kk text): in force ten calendar days after its first official publication; the publication date is the parameter order66.publication_date (default an assumption)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "{date} — до вступления в силу редакции приказа № 66 от 16.07.2025 ({in_force}); прежняя редакция пунктов 6, 8, 9 не моделируется, проверки по ним не выполнены",
        kk: "{date} — 16.07.2025 № 66 бұйрықтың редакциясы қолданысқа енгізілгенге дейін ({in_force}); 6, 8, 9-тармақтардың бұрынғы редакциясы модельденбейді, олар бойынша тексеру жүргізілмеді",
        en: "{date} is before the wording of order No. 66 of 16.07.2025 entered into force ({in_force}); the earlier wording of paras 6, 8, 9 is not modelled and was not checked",
    },
};

/// `REG-010`: a certificate's validity ends within two months: the notice is due.
///
/// **What it checks.** As of the check date, the certificate's last valid day is at most two
/// months away: the date is on or after the notice date (the last valid day minus two months,
/// clamped to the end of a shorter month: 30 April and 29 April give the last day of February)
/// and on or before the last valid day. The worker is in service (not dismissed).
///
/// **Legal basis.** Rules para 14 sp. 4 (kk text, no amendment note): the register notifies the
/// user 2 (two) months before the end of the certificate's validity.
///
/// **Example.** Valid until 30.04.2026, checked on 28.02.2026 or later.
pub static REG_NOTICE_DUE: Rule = Rule {
    id: "REG-010",
    subject: "register",
    severity: Severity::Info,
    confidence: Confidence::High,
    citation: "Order ҚР ДСМ-253/2020, Rules para 14 sp. 4 (kk text): notice to the user 2 (two) months before the end of the certificate's validity; notice date = last valid day minus two months, clamped to the month's end",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "срок действия сертификата {number} ({specialty}) истекает {valid_until}: с {notice_date} пользователь должен быть уведомлён (за два месяца)",
        kk: "{number} сертификатының ({specialty}) қолданылу мерзімі {valid_until} аяқталады: {notice_date} бастап пайдаланушы хабардар етілуі тиіс (екі ай бұрын)",
        en: "certificate {number} ({specialty}) is valid until {valid_until}: the user is to be notified from {notice_date} (two months before)",
    },
};

/// `REG-011`: a certificate has expired: the account must be blocked.
///
/// **What it checks.** As of the check date, a current certificate (the latest of its specialty)
/// of a worker in service is past its last valid day; the account is to be blocked from the first
/// day after it.
///
/// **Legal basis.** Rules para 14 sp. 5 (kk text, no amendment note): the account of a worker
/// whose certificate has expired is blocked, to prevent fraud; Code art. 27 p. 4 (no clinical
/// practice without a certificate). A warning: the act asks the register to act, and the record
/// does not show whether it did.
///
/// **Example.** Valid until 31.03.2026, checked on 01.04.2026: blocked from 01.04.2026.
pub static REG_BLOCK_REQUIRED: Rule = Rule {
    id: "REG-011",
    subject: "register",
    severity: Severity::Warning,
    confidence: Confidence::High,
    citation: "Order ҚР ДСМ-253/2020, Rules para 14 sp. 5 (kk text): the account of a worker whose certificate has expired is blocked; Code of 07.07.2020 No. 360-VI art. 27 p. 4",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "сертификат {number} ({specialty}) действовал по {valid_until}: учётная запись должна быть заблокирована с {block_from}",
        kk: "{number} сертификаты ({specialty}) {valid_until} дейін қолданылды: есептік жазба {block_from} бастап бұғатталуы тиіс",
        en: "certificate {number} ({specialty}) was valid until {valid_until}: the account must be blocked from {block_from}",
    },
};

/// `REG-012`: a certificate of the external certificate list is not in the register.
///
/// **What it checks.** Runs only when a certificate list is given: every certificate the list
/// holds for the worker's ИИН (and still valid on the check date) is in the worker's record, by
/// number.
///
/// **Legal basis.** Code of 07.07.2020 No. 360-VI art. 266 p. 3: holders of a specialist
/// certificate are registered, and a certificate is valid only if registered; art. 271 p. 1 sp. 6.
///
/// **Example.** The list holds certificate `KZ-2024-001` for the worker; the record does not.
pub static REG_CERTIFICATE_NOT_REGISTERED: Rule = Rule {
    id: "REG-012",
    subject: "register",
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Code «On public health and the healthcare system» of 07.07.2020 No. 360-VI art. 266 p. 3: a specialist certificate is valid only if registered in the national system; art. 271 p. 1 sp. 6",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "сертификат {number} из списка сертификатов отсутствует в регистре: без регистрации он недействителен",
        kk: "сертификаттар тізіміндегі {number} сертификаты тіркелімде жоқ: тіркелмесе, ол жарамсыз",
        en: "certificate {number} from the certificate list is not in the register: unregistered, it is not valid",
    },
};

/// `REG-013`: a certificate's validity ends before its issue date.
///
/// **What it checks.** `valid_until` ≥ `issued_on`.
///
/// **Legal basis.** Follows from the certificate itself (derived): at most a warning.
///
/// **Example.** Issued 01.03.2025, valid until 28.02.2025.
pub static REG_CERTIFICATE_DATES_REVERSED: Rule = Rule {
    id: "REG-013",
    subject: "register",
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "Order ҚР ДСМ-253/2020, Rules para 8 sp. 14 (certificate data); derived: a validity cannot end before the certificate is issued",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "сертификат {number}: срок действия ({valid_until}) заканчивается раньше даты выдачи ({issued_on})",
        kk: "{number} сертификаты: қолданылу мерзімі ({valid_until}) берілген күнінен ({issued_on}) бұрын аяқталады",
        en: "certificate {number}: its validity ({valid_until}) ends before its issue date ({issued_on})",
    },
};

/// `REG-014`: a certificate's validity runs more than five years from its issue or last
/// confirmation.
///
/// **What it checks.** `valid_until` ≤ `issued_on` + 5 years (the issue date being that of the
/// issue or of the last confirmation).
///
/// **Legal basis.** Code art. 27 p. 2: the specialist certificate's validity is confirmed every
/// five years; that no validity may run longer is Ereje's reading (derived).
///
/// **Example.** Issued 01.03.2020, valid until 01.03.2026.
pub static REG_CERTIFICATE_OVER_FIVE_YEARS: Rule = Rule {
    id: "REG-014",
    subject: "register",
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "Code of 07.07.2020 No. 360-VI art. 27 p. 2: the specialist certificate's validity is confirmed every five years; derived: a validity longer than five years from issue or confirmation",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "сертификат {number}: срок действия до {valid_until} превышает пять лет с {issued_on}, а подтверждение требуется каждые пять лет",
        kk: "{number} сертификаты: {valid_until} дейінгі қолданылу мерзімі {issued_on} бастап бес жылдан асады, ал растау әр бес жыл сайын талап етіледі",
        en: "certificate {number}: validity until {valid_until} is more than five years from {issued_on}, but the validity is to be confirmed every five years",
    },
};

/// `REG-015`: an event of an unknown kind.
///
/// **What it checks.** `event` is one of `hire`, `data_change`, `transfer`, `dismissal`,
/// `certificate_issued`, `certificate_confirmed`, `professional_development`.
///
/// **Legal basis.** The Ereje register event format (`docs/register.md`), which follows the
/// events of Code art. 266 p. 1 (registration, accounting, migration, outflow) and Rules
/// paras 8, 9. The event cannot be applied.
///
/// **Example.** `"event": "promotion"`.
pub static REG_EVENT_KIND: Rule = Rule {
    id: "REG-015",
    subject: "register",
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Ereje register event format (docs/register.md), after Code art. 266 p. 1 and Rules paras 8, 9: the kinds of event",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "неизвестный вид события «{kind}» (ожидается hire, data_change, transfer, dismissal, certificate_issued, certificate_confirmed, professional_development)",
        kk: "«{kind}» оқиға түрі белгісіз (hire, data_change, transfer, dismissal, certificate_issued, certificate_confirmed, professional_development күтіледі)",
        en: "unknown kind of event `{kind}` (expected hire, data_change, transfer, dismissal, certificate_issued, certificate_confirmed, professional_development)",
    },
};

/// `REG-016`: a term could not be checked: a date it needs is not given.
///
/// **What it checks.** The hire date, the date-time an item was entered, are given where a term
/// is counted from or to them.
///
/// **Legal basis.** None of its own (derived): the terms of paras 8 and 9 need both ends.
///
/// **Example.** A snapshot without `hire_date`.
pub static REG_TERM_NOT_CHECKED: Rule = Rule {
    id: "REG-016",
    subject: "register",
    severity: Severity::Info,
    confidence: Confidence::Derived,
    citation: "Order ҚР ДСМ-253/2020, Rules paras 8, 9: a term is counted from the hire or change to the entry; derived: without both dates it cannot be checked",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "срок не проверен: не указано {field}",
        kk: "мерзім тексерілмеді: {field} көрсетілмеген",
        en: "the term was not checked: {field} is not given",
    },
};

/// `REG-017`: a key of the `entered` map that is not an item of para 8.
///
/// **What it checks.** The keys of `entered` are the 15 item names (`iin`, `full_name`, …,
/// `professional_development`).
///
/// **Legal basis.** The Ereje register record format (`docs/register.md`) (derived).
///
/// **Example.** `"entered": {"salary": {…}}`.
pub static REG_UNKNOWN_ITEM: Rule = Rule {
    id: "REG-017",
    subject: "register",
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "Ereje register record format (docs/register.md): the entry date-times are given per item of para 8",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "«{key}» не является подпунктом пункта 8 (ожидается одно из 15 имён)",
        kk: "«{key}» 8-тармақтың тармақшасы емес (15 атаудың бірі күтіледі)",
        en: "`{key}` is not an item of para 8 (one of the 15 item names is expected)",
    },
};

/// `REG-018`: a field an event needs is missing.
///
/// **What it checks.** Every event has `iin`, `event_date`, `entered_at`, and the payload of its
/// kind: `worker` (hire, data change), `transfer`, `certificate` (issued, confirmed),
/// `professional_development`.
///
/// **Legal basis.** The Ereje register event format (`docs/register.md`). The event cannot be
/// applied.
///
/// **Example.** `{"event": "certificate_issued", …}` without `certificate`.
pub static REG_EVENT_FIELD_MISSING: Rule = Rule {
    id: "REG-018",
    subject: "register",
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Ereje register event format (docs/register.md): the fields every event and each kind of event carries",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "событию «{kind}» нужно поле {field}, его нет: событие не применено",
        kk: "«{kind}» оқиғасына {field} өрісі қажет, ол жоқ: оқиға қолданылмады",
        en: "an event `{kind}` needs the field {field}, which is missing: the event was not applied",
    },
};

/// The rules of this crate, in id order.
pub static RULES: &[&Rule] = &[
    &REG_ITEM_MISSING,
    &REG_VALUE_UNREADABLE,
    &REG_IIN_INVALID,
    &REG_IIN_MISMATCH,
    &REG_BIN_INVALID,
    &REG_BIN_NOT_LEGAL_ENTITY,
    &REG_HIRE_ENTERED_LATE,
    &REG_CHANGE_ENTERED_LATE,
    &REG_EARLIER_WORDING,
    &REG_NOTICE_DUE,
    &REG_BLOCK_REQUIRED,
    &REG_CERTIFICATE_NOT_REGISTERED,
    &REG_CERTIFICATE_DATES_REVERSED,
    &REG_CERTIFICATE_OVER_FIVE_YEARS,
    &REG_EVENT_KIND,
    &REG_TERM_NOT_CHECKED,
    &REG_UNKNOWN_ITEM,
    &REG_EVENT_FIELD_MISSING,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_consistent() {
        ereje_findings::check_catalogue(RULES.iter().copied()).unwrap();
    }

    #[test]
    fn ids_are_numbered_in_order_and_belong_to_the_subject() {
        for (k, r) in RULES.iter().enumerate() {
            assert_eq!(r.id, format!("REG-{:03}", k + 1));
            assert_eq!(r.subject, "register");
        }
    }

    #[test]
    fn placeholders_agree_across_languages() {
        fn keys(s: &str) -> Vec<&str> {
            let mut out: Vec<&str> =
                s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(k, _)| k)).collect();
            out.sort_unstable();
            out
        }
        for r in RULES {
            assert_eq!(keys(r.message.ru), keys(r.message.en), "{}", r.id);
            assert_eq!(keys(r.message.kk), keys(r.message.en), "{}", r.id);
        }
    }

    #[test]
    fn the_2025_wording_starts_with_the_default_publication_date() {
        let p = crate::Params::default();
        assert_eq!(p.in_force(), DEFAULT_IN_FORCE);
    }
}
