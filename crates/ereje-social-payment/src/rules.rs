//! The catalogue rules of the `social-payment` subject (`SP-001` …).
//!
//! Where a rule rests on the 2019 law it comes in two dated variants: the law's own text (high,
//! an error) for 01.01.2020–30.06.2023, and the Social Code period (medium: the Code's text was
//! not read, its rules are taken to be the law's; at most a warning) from 01.07.2023. The check
//! picks the variant in force on the date the rules are taken at (`as_of`).

use ereje_findings::{Confidence, Effective, Rule, Severity, Text};

use crate::params::{LAW_2019_END, LAW_2019_START, SOCIAL_CODE_START, date};

const SUBJECT: &str = "social-payment";
const LAW_PERIOD: Effective = Effective::between(LAW_2019_START, LAW_2019_END);
const CODE_PERIOD: Effective = Effective::since(SOCIAL_CODE_START);

/// `SP-001`: the risk is missing or is not one of the six.
///
/// **What it checks.** `risk` is one of `loss_of_working_capacity`, `loss_of_breadwinner`,
/// `job_loss`, `maternity`, `adoption`, `childcare`. Without it nothing else about the
/// application can be judged.
///
/// **Legal basis.** Law No. 286-VI, art. 1 sp. 8 (the social risks), arts. 20–24.
///
/// **Example.** `"risk": "disability"`.
pub static RISK_UNKNOWN: Rule = Rule {
    id: "SP-001",
    subject: SUBJECT,
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Law No. 286-VI of 26.12.2019 «Об обязательном социальном страховании», art. 1 sp. 8 (the social risks), arts. 20–24",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "вид социального риска не указан или неизвестен: {value}",
        kk: "әлеуметтік тәуекел түрі көрсетілмеген немесе белгісіз: {value}",
        en: "the social risk is missing or unknown: {value}",
    },
};

/// `SP-002`: a value cannot be read as its type (a date, a month, an amount, a whole number, a
/// channel, a relation) or is outside the range the type allows.
///
/// **What it checks.** Dates are `YYYY-MM-DD`, months `YYYY-MM`, amounts decimals from 0 to
/// 10¹⁵ tenge, counts whole numbers; the channel is one of the documented names.
///
/// **Legal basis.** The input record of `ereje-check social-payment` (docs/social-payment.md).
///
/// **Example.** `"registration_date": "15.03.2026"`.
pub static VALUE_UNREADABLE: Rule = Rule {
    id: "SP-002",
    subject: SUBJECT,
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Ereje interface contract: the input record of the social-payment subject (docs/social-payment.md, «Input record»)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "значение поля {field} не прочитано: {reason}",
        kk: "{field} өрісінің мәні оқылмады: {reason}",
        en: "the value of {field} cannot be read: {reason}",
    },
};

/// `SP-003`: data the risk's payment depends on is missing.
///
/// **What it checks.** Every application: `registration_date`, `right_arises`, `channel`,
/// `contributions`. Loss of working capacity: `degree_percent`, `participation_months`. Loss of
/// breadwinner: at least one of `dependants`, `participation_months`. Job loss:
/// `participation_months`. Maternity and adoption: `sheet_days`. Childcare: `birth_order`.
///
/// **Legal basis.** Law No. 286-VI, art. 19 pp. 7–8 (the right's date, the application's date),
/// art. 12 p. 1 (channels), art. 20 p. 4, art. 21 pp. 7–8, art. 22 pp. 2–3, art. 23 p. 3, art. 24
/// p. 4 (what each formula multiplies).
///
/// **Example.** A job-loss application without `participation_months`.
pub static REQUIRED_MISSING: Rule = Rule {
    id: "SP-003",
    subject: SUBJECT,
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Law No. 286-VI, art. 19 pp. 7–8, art. 12 p. 1, and the formula of the risk: art. 20 p. 4, art. 21 pp. 7–8, art. 22 pp. 2–3, art. 23 p. 3, art. 24 p. 4",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "для риска {risk} не указано обязательное поле {field}",
        kk: "{risk} тәуекелі үшін міндетті {field} өрісі көрсетілмеген",
        en: "{field} is required for the risk {risk}",
    },
};

/// `SP-004`: the application was registered before the right arose.
///
/// **What it checks.** `registration_date` ≥ `right_arises`.
///
/// **Legal basis.** Art. 19 p. 7 part 1: payments are assigned from the day the right arises;
/// the law says nothing of an earlier application (derived).
///
/// **Example.** Registered 2026-03-01 for a right arising 2026-03-10.
pub static REGISTERED_BEFORE_RIGHT: Rule = Rule {
    id: "SP-004",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "Law No. 286-VI, art. 19 p. 7 part 1 (payments are assigned from the day the right arises); derived: no rule on an earlier application",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "заявление зарегистрировано {registration}, раньше даты возникновения права {right}",
        kk: "өтініш {registration} тіркелген, бұл төлемге құқық туындаған {right} күнінен бұрын",
        en: "the application was registered on {registration}, before the right arose on {right}",
    },
};

const DEADLINE_MESSAGE: Text = Text {
    ru: "срок обращения пропущен: право возникло {right}, обратиться можно было по {last_day} включительно ({months} мес.), заявление зарегистрировано {registration}",
    kk: "өтініш беру мерзімі өткен: құқық {right} туындады, {last_day} қоса алғанда ({months} ай) жүгіну керек еді, өтініш {registration} тіркелген",
    en: "the deadline for applying was missed: the right arose on {right}, the last day was {last_day} ({months} months), the application was registered on {registration}",
};

/// `SP-005`: the deadline for applying was missed (2019 law).
///
/// **What it checks.** Job loss, maternity and adoption: registered within 12 months from the
/// day the right arises; childcare: 18 months. The last day is the same date 12 (18) months
/// later (a month-end date carries to the last day of a shorter month).
///
/// **Legal basis.** Law No. 286-VI, art. 19 p. 7 part 3 (edition from 01.01.2023); judged at the
/// registration date (art. 19 p. 8: the application's date is its registration). The 18 months
/// are applied to childcare before 2023 too (earlier editions not read; lenient).
///
/// **Example.** Job loss: right 2022-02-01, registered 2023-02-02.
pub static DEADLINE_MISSED: Rule = Rule {
    id: "SP-005",
    subject: SUBJECT,
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Law No. 286-VI, art. 19 p. 7 part 3 (12 months: job loss, pregnancy and childbirth, adoption; 18 months: childcare), art. 19 p. 8 part 1 (the application's date is its registration)",
    since: "0.1.0",
    effective: LAW_PERIOD,
    message: DEADLINE_MESSAGE,
};

/// `SP-006`: the deadline for applying was missed (Social Code period).
///
/// **What it checks.** As `SP-005`, from 01.07.2023.
///
/// **Legal basis.** The Social Code (text not read), taken to keep art. 19 p. 7 of the 2019 law;
/// the 18 months for childcare are confirmed by the Fund's pages (medium).
///
/// **Example.** Childcare: birth 2024-01-10, registered 2025-07-11.
pub static DEADLINE_MISSED_CODE: Rule = Rule {
    id: "SP-006",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Social Code of 20.04.2023 No. 224-VII (text not read): the deadlines of Law No. 286-VI art. 19 p. 7, taken as kept (docs/domain/social-payments.md §3, medium)",
    since: "0.1.0",
    effective: CODE_PERIOD,
    message: DEADLINE_MESSAGE,
};

const BREADWINNER_DEADLINE_MESSAGE: Text = Text {
    ru: "срок обращения пропущен: на дату регистрации {registration} всем указанным детям (братьям, сестрам, внукам) исполнилось {age} лет, и ни у кого нет инвалидности, установленной до 18 лет",
    kk: "өтініш беру мерзімі өткен: {registration} тіркелген күні көрсетілген барлық балаларға (бауырларға, немерелерге) {age} жас толған, және ешқайсысына 18 жасқа дейін мүгедектік белгіленбеген",
    en: "the deadline for applying was missed: on the registration date {registration} every child (sibling, grandchild) listed was {age} or older, and none was disabled before 18",
};

/// `SP-007`: loss of breadwinner applied for after every dependant child turned 23 (2019 law).
///
/// **What it checks.** At least one dependant with relation `child`, `sibling`, `grandchild` (or
/// no relation given) is under 23 on the registration date, or was disabled before 18. Not judged
/// when a birth date is missing or no such dependant is listed.
///
/// **Legal basis.** Law No. 286-VI, art. 19 p. 7 part 4.
///
/// **Example.** One dependant child born 2000-01-01, registered 2023-02-01.
pub static BREADWINNER_DEADLINE_MISSED: Rule = Rule {
    id: "SP-007",
    subject: SUBJECT,
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Law No. 286-VI, art. 19 p. 7 part 4 (until the dependant children, siblings, grandchildren turn 23, except those disabled before 18)",
    since: "0.1.0",
    effective: LAW_PERIOD,
    message: BREADWINNER_DEADLINE_MESSAGE,
};

/// `SP-008`: as `SP-007`, Social Code period.
///
/// **What it checks.** As `SP-007`, from 01.07.2023.
///
/// **Legal basis.** The Social Code (text not read), taken to keep art. 19 p. 7 part 4 (medium).
///
/// **Example.** As `SP-007`, registered 2024-02-01.
pub static BREADWINNER_DEADLINE_MISSED_CODE: Rule = Rule {
    id: "SP-008",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Social Code of 20.04.2023 No. 224-VII (text not read): Law No. 286-VI art. 19 p. 7 part 4, taken as kept (medium)",
    since: "0.1.0",
    effective: CODE_PERIOD,
    message: BREADWINNER_DEADLINE_MESSAGE,
};

const JOB_LOSS_MESSAGE: Text = Text {
    ru: "социальная выплата на случай потери работы не назначается: стаж участия {months} мес. (после вычета {deducted} мес. за ранее полученные выплаты), нужно не менее {minimum}",
    kk: "жұмысынан айырылу жағдайына әлеуметтік төлем тағайындалмайды: қатысу өтілі {months} ай (бұрын алынған төлемдер үшін {deducted} ай шегерілгеннен кейін), кемінде {minimum} ай қажет",
    en: "no job-loss payment: participation is {months} months (after deducting {deducted} for earlier payments); at least {minimum} are needed",
};

/// `SP-009`: job loss with less than six months of participation (2019 law).
///
/// **What it checks.** Months of participation, less 12 for every month of job-loss payment
/// received before, are at least 6: the duration table starts at six.
///
/// **Legal basis.** Law No. 286-VI, art. 22 p. 3 (the table from 6 months), p. 4 (the repeat
/// claim).
///
/// **Example.** 5 months of participation; or 30 months with 2 months paid before (30 − 24 = 6
/// is enough, 3 months before is not).
pub static JOB_LOSS_PARTICIPATION_SHORT: Rule = Rule {
    id: "SP-009",
    subject: SUBJECT,
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Law No. 286-VI, art. 22 p. 3 (payment from 6 months of contributions), p. 4 (12 months subtracted per month paid before)",
    since: "0.1.0",
    effective: LAW_PERIOD,
    message: JOB_LOSS_MESSAGE,
};

/// `SP-010`: as `SP-009`, Social Code period.
///
/// **What it checks.** As `SP-009`, from 01.07.2023.
///
/// **Legal basis.** gfss.kz: "at least 6 months of participation" (medium), the Code's text not
/// read.
///
/// **Example.** As `SP-009`.
pub static JOB_LOSS_PARTICIPATION_SHORT_CODE: Rule = Rule {
    id: "SP-010",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Social Code of 20.04.2023 No. 224-VII (text not read); gfss.kz: at least 6 months of participation, 1 to 6 months of payment (docs/domain/social-payments.md §3.3, medium)",
    since: "0.1.0",
    effective: CODE_PERIOD,
    message: JOB_LOSS_MESSAGE,
};

const DEGREE_MESSAGE: Text = Text {
    ru: "степень утраты общей трудоспособности {degree}% вне диапазона 30–100%",
    kk: "жалпы еңбек ету қабілетінен айырылу дәрежесі {degree}% 30–100% аралығынан тыс",
    en: "the degree of loss of general working capacity {degree}% is outside 30–100%",
};

/// `SP-011`: the degree of loss of working capacity is outside 30–100 % (2019 law).
///
/// **What it checks.** `degree_percent` is 30–100.
///
/// **Legal basis.** Law No. 286-VI, art. 20 p. 4: the coefficient equals the degree set, "от 30
/// процентов до 100 процентов".
///
/// **Example.** `"degree_percent": 25`.
pub static DEGREE_OUT_OF_RANGE: Rule = Rule {
    id: "SP-011",
    subject: SUBJECT,
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Law No. 286-VI, art. 20 p. 4 (коэффициент утраты трудоспособности: the degree set, 30 to 100 %)",
    since: "0.1.0",
    effective: LAW_PERIOD,
    message: DEGREE_MESSAGE,
};

/// `SP-012`: as `SP-011`, Social Code period.
///
/// **What it checks.** As `SP-011`, from 01.07.2023.
///
/// **Legal basis.** gfss.kz «on-disability» (the same formula, medium).
///
/// **Example.** As `SP-011`.
pub static DEGREE_OUT_OF_RANGE_CODE: Rule = Rule {
    id: "SP-012",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Social Code of 20.04.2023 No. 224-VII (text not read); gfss.kz «on-disability»: КУТ 30–100 % (docs/domain/social-payments.md §3.1, medium)",
    since: "0.1.0",
    effective: CODE_PERIOD,
    message: DEGREE_MESSAGE,
};

/// `SP-013`: the days on the maternity or adoption sheet are not a leave length of the Labour
/// Code.
///
/// **What it checks.** Pregnancy and childbirth: 126, 140, 170 or 184 days (the whole leave) or
/// 56, 70, 79 or 93 (the leave after birth alone, or a birth at 22–29 weeks). Adoption: 1 to 56
/// days (from the adoption to the 56th day after the birth). A recalculation sheet (complicated
/// birth after a first sheet) is not modelled.
///
/// **Legal basis.** Labour Code of 23.11.2015 No. 414-V, art. 99 p. 2 (edition of 2021) and
/// p. 3; Law No. 286-VI, art. 23 p. 2 (paid for the whole period on the sheet).
///
/// **Example.** `"sheet_days": 127`.
pub static SHEET_DAYS_NOT_A_LEAVE_LENGTH: Rule = Rule {
    id: "SP-013",
    subject: SUBJECT,
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Labour Code of 23.11.2015 No. 414-V, art. 99 p. 2 (70 + 56, 70 + 70, 91 + 79, 91 + 93 days; after birth only 56, 70, 79, 93) and p. 3 (adoption: to the 56th day after birth); Law No. 286-VI, art. 23 p. 2",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "в листе о временной нетрудоспособности {days} дн., а Трудовой кодекс (ст. 99) допускает: {allowed}",
        kk: "уақытша еңбекке жарамсыздық парағында {days} күн, ал Еңбек кодексі (99-бап) рұқсат ететіні: {allowed}",
        en: "the sheet gives {days} days; the Labour Code (art. 99) allows {allowed}",
    },
};

/// `SP-014`: where seed 003 applies, the channel does not accept the risk.
///
/// **What it checks.** For an application from Aktobe city or its districts within the seed's
/// effective window (a parameter, `seed003.from` / `seed003.to`; the rule's `effective` shows
/// the default), the channel is one para 1 lists for the risk.
///
/// **Legal basis.** Seed 003 (regulation of the service «Назначение социальных выплат на
/// случаи социальных рисков…», Aktobe city and districts), para 1 part 2 sub-paras 1)–4).
///
/// **Example.** Loss of breadwinner through the egov portal.
pub static CHANNEL_NOT_IN_SEED: Rule = Rule {
    id: "SP-014",
    subject: SUBJECT,
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Seed 003_*.txt: regulation of the state service «Мынадай әлеуметтік тәуекелдер жағдайларына әлеуметтік төлемдер тағайындау…» (Aktobe city and districts), para 1 part 2 sub-paras 1)–4); applies in its territory and effective window (a parameter: docs/social-payment.md)",
    since: "0.1.0",
    effective: Effective::between(date(2016, 1, 21), date(2021, 4, 9)),
    message: Text {
        ru: "по регламенту (п. 1) канал {channel} не принимает заявления по риску {risk}; допустимо: {allowed}",
        kk: "регламент бойынша (1-т.) {channel} арнасы {risk} тәуекелі бойынша өтініш қабылдамайды; рұқсат етілгені: {allowed}",
        en: "under the regulation (para 1) the channel {channel} does not accept {risk} applications; allowed: {allowed}",
    },
};

const CONDITION_MESSAGE: Text = Text {
    ru: "канал {channel} принимает заявления по риску {risk} только при {field} = {expected}",
    kk: "{channel} арнасы {risk} тәуекелі бойынша өтінішті тек {field} = {expected} болғанда қабылдайды",
    en: "the channel {channel} accepts {risk} applications only when {field} = {expected}",
};

/// `SP-015`: where seed 003 applies, the channel's condition for the risk is not met.
///
/// **What it checks.** The State Corporation takes loss of working capacity only if the degree
/// is already set at application (`degree_first_set = false`) and job loss only with the
/// certificate of registration as unemployed (`unemployed_registered = true`); the employment
/// departments take job loss on receiving the unemployed status; the МСЭ units take loss of
/// working capacity when the degree is first set (`degree_first_set = true`). Not judged when
/// the field is not given.
///
/// **Legal basis.** Seed 003, para 1 part 2 sub-paras 1)–3).
///
/// **Example.** Job loss at the State Corporation with `unemployed_registered: false`.
pub static CHANNEL_CONDITION_SEED: Rule = Rule {
    id: "SP-015",
    subject: SUBJECT,
    severity: Severity::Error,
    confidence: Confidence::High,
    citation: "Seed 003_*.txt (Aktobe regulation), para 1 part 2 sub-paras 1)–3): the conditions of the State Corporation, the employment departments and the МСЭ units",
    since: "0.1.0",
    effective: Effective::between(date(2016, 1, 21), date(2021, 4, 9)),
    message: CONDITION_MESSAGE,
};

/// `SP-016`: outside seed 003, the channel is not one the law (or, from 01.07.2023, the Fund's
/// pages) lists for the risk.
///
/// **What it checks.** The channel appears for the risk in the national table in force on the
/// rules' date: Law No. 286-VI art. 12 p. 1 and the proactive service (2020 – 30.06.2023), the
/// Fund's and egov pages (from 01.07.2023).
///
/// **Legal basis.** Law No. 286-VI, art. 12 p. 1, art. 19 p. 1 part 2; gfss.kz (medium). A
/// warning in every period, as the issue asks.
///
/// **Example.** Maternity through the egov portal.
pub static CHANNEL_NOT_LISTED: Rule = Rule {
    id: "SP-016",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Law No. 286-VI, art. 12 p. 1 and art. 19 p. 1 part 2 (to 30.06.2023); from 01.07.2023 the channels on gfss.kz and egov.kz (docs/domain/social-payments.md §1, medium)",
    since: "0.1.0",
    effective: Effective::since(LAW_2019_START),
    message: Text {
        ru: "канал {channel} не указан для риска {risk}; указаны: {allowed}",
        kk: "{channel} арнасы {risk} тәуекелі үшін көрсетілмеген; көрсетілгендері: {allowed}",
        en: "the channel {channel} is not listed for {risk}; listed: {allowed}",
    },
};

/// `SP-017`: outside seed 003, the channel's condition (law or the Fund's pages) is not met.
///
/// **What it checks.** As `SP-015`, on the national table: the МСЭ unit at the first setting of
/// the degree, the State Corporation when it is already set; job loss through the State
/// Corporation, the career centre, the egov portal and «Электронная биржа труда» with
/// registration as unemployed (2019 law; from 01.07.2023 only the State Corporation's condition
/// is stated).
///
/// **Legal basis.** Law No. 286-VI, art. 12 p. 1 sp. 1) and 3); gfss.kz (medium).
///
/// **Example.** Loss of working capacity at the МСЭ unit with `degree_first_set: false`.
pub static CHANNEL_CONDITION_NATIONAL: Rule = Rule {
    id: "SP-017",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::Medium,
    citation: "Law No. 286-VI, art. 12 p. 1 sp. 1) and 3) (to 30.06.2023); gfss.kz «on-disability» and the job-loss FAQ (from 01.07.2023; docs/domain/social-payments.md §1, medium)",
    since: "0.1.0",
    effective: Effective::since(LAW_2019_START),
    message: CONDITION_MESSAGE,
};

/// `SP-018`: the average income does not exceed half the minimum wage, so the loss of working
/// capacity or breadwinner payment is 0.
///
/// **What it checks.** СМД − 0.5 × МЗП > 0.
///
/// **Legal basis.** Art. 20 p. 4, art. 21 p. 7 subtract 50 % of the МЗП; no rule for a result
/// below zero was found, so 0 is assumed (derived; to verify in Rules No. 238/239 of 2023).
///
/// **Example.** СМД 40,000 with МЗП 85,000.
pub static INCOME_BELOW_HALF_MZP: Rule = Rule {
    id: "SP-018",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "Law No. 286-VI, art. 20 p. 4, art. 21 p. 7 (minus 50 % of the МЗП); derived: no floor rule found, 0 assumed (docs/domain/social-payments.md §5)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "среднемесячный доход {average} не превышает 50% МЗП ({deduction}): размер выплаты 0 (норма о минимуме не найдена)",
        kk: "орташа айлық табыс {average} ЕТЖ-ның 50%-ынан ({deduction}) аспайды: төлем мөлшері 0 (ең төменгі мөлшер туралы норма табылмады)",
        en: "the average monthly income {average} does not exceed 50% of the minimum wage ({deduction}): the payment is 0 (no floor rule was found)",
    },
};

/// `SP-019`: no contributions in the window: the average income is 0.
///
/// **What it checks.** At least one contribution falls in the window.
///
/// **Legal basis.** Art. 20 p. 4 part 2 (the sum over the window ÷ 24, gaps included); a payment
/// of 0 (or the childcare floor) is what the formula gives (derived).
///
/// **Example.** Contributions only for months before the window.
pub static NO_CONTRIBUTIONS: Rule = Rule {
    id: "SP-019",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "Law No. 286-VI, art. 20 p. 4 part 2, art. 23 p. 3 part 2 (gaps count as zero); derived",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "за расчетный период {first} – {last} социальных отчислений нет: среднемесячный доход равен 0",
        kk: "{first} – {last} есептік кезеңінде әлеуметтік аударымдар жоқ: орташа айлық табыс 0-ге тең",
        en: "no social contributions in the window {first} – {last}: the average monthly income is 0",
    },
};

/// `SP-020`: a parameter needed at the date of the right is not in Ereje's data, so the amount
/// was not computed.
///
/// **What it checks.** МЗП and МРП (and the law's values) are known on the date the right
/// arises. The МЗП and МРП from 2027, and the childcare allowance multiples before 2023, are
/// not in Ereje's data: give them with `--set mzp.YYYY=…`, `--set mrp.YYYY=…`,
/// `--set childcare_allowance_mrp.YYYY=a,b,c,d`.
///
/// **Legal basis.** The budget law of each year sets МЗП and МРП; Ereje's parameter data
/// (docs/social-payment.md, «Parameters»).
///
/// **Example.** Childcare with the right arising 2021-05-01 (no allowance multiples before
/// 2023), or loss of working capacity with the right arising in 2027.
pub static PARAMETER_UNKNOWN: Rule = Rule {
    id: "SP-020",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "Ereje parameter data (docs/social-payment.md, «Parameters»): МЗП and МРП are set each year by the law on the republican budget; values not in the project's sources are absent",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "параметра {key} на {date} нет в данных Ereje: размер выплаты не рассчитан (значение можно задать через --set, см. docs/social-payment.md)",
        kk: "{key} параметрі {date} күніне Ereje деректерінде жоқ: төлем мөлшері есептелмеді (мәнін --set арқылы беруге болады, docs/social-payment.md қараңыз)",
        en: "parameter {key} for {date} is not in Ereje's data: the amount was not computed (a value can be given with --set, see docs/social-payment.md)",
    },
};

/// `SP-021`: the 7 МЗП cap could not be verified for some window months: their bases were taken
/// as reported.
///
/// **What it checks.** The МЗП is known for every window month that has contributions.
///
/// **Legal basis.** Art. 15 p. 5 (cap per payer, 7 МЗП of the financial year); months before
/// 2020 fall under the 2003 law, whose cap is not in Ereje's data.
///
/// **Example.** A right arising in 2021: its window reaches back into 2019.
pub static CAP_NOT_VERIFIED: Rule = Rule {
    id: "SP-021",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::Derived,
    citation: "Law No. 286-VI, art. 15 p. 5 (monthly base from one payer ≤ 7 МЗП); Ereje's parameter data lacks the МЗП of these months (docs/social-payment.md)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "МЗП за месяцы {months} нет в данных Ereje: предел 7 МЗП не проверен, доход взят как указан (задайте --set mzp.ГГГГ=…)",
        kk: "{months} айларының ЕТЖ Ereje деректерінде жоқ: 7 ЕТЖ шегі тексерілмеді, табыс көрсетілгендей алынды (--set mzp.ЖЖЖЖ=… беріңіз)",
        en: "the minimum wage of {months} is not in Ereje's data: the 7 МЗП cap was not verified and the bases were taken as reported (give --set mzp.YYYY=…)",
    },
};

/// `SP-022`: a contribution lies outside the window and is not counted.
///
/// **What it checks.** Each contribution's month is in the window.
///
/// **Legal basis.** Art. 20 p. 4 part 2, art. 23 p. 3 part 2 (the last 24 / 12 calendar months
/// before the month of the right).
///
/// **Example.** A contribution for the month the right arises.
pub static CONTRIBUTION_OUTSIDE_WINDOW: Rule = Rule {
    id: "SP-022",
    subject: SUBJECT,
    severity: Severity::Info,
    confidence: Confidence::Derived,
    citation: "Law No. 286-VI, art. 20 p. 4 part 2, art. 23 p. 3 part 2 (the calendar months before the month the right arises)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "отчисления за {month} вне расчетного периода {first} – {last} и не учитываются",
        kk: "{month} айының аударымдары {first} – {last} есептік кезеңінен тыс және есепке алынбайды",
        en: "the contribution for {month} is outside the window {first} – {last} and is not counted",
    },
};

/// `SP-023`: the right arose before 01.01.2020, under the 2003 law, which Ereje does not model.
///
/// **What it checks.** `right_arises` ≥ 2020-01-01 for an amount to be computed.
///
/// **Legal basis.** Law No. 286-VI, art. 40 p. 1 (in force 01.01.2020; the 2003 law No. 405-II
/// before).
///
/// **Example.** `"right_arises": "2019-11-05"`.
pub static RIGHT_BEFORE_2019_LAW: Rule = Rule {
    id: "SP-023",
    subject: SUBJECT,
    severity: Severity::Warning,
    confidence: Confidence::High,
    citation: "Law No. 286-VI, art. 40 p. 1 (in force from 01.01.2020; before it the Law of 25.04.2003 No. 405-II, not modelled)",
    since: "0.1.0",
    effective: Effective::ALWAYS,
    message: Text {
        ru: "право возникло {right}, до 01.01.2020: действовал Закон 2003 г. № 405-II, который Ereje не моделирует; размер не рассчитан",
        kk: "құқық {right} туындады, 01.01.2020 дейін: 2003 жылғы № 405-II Заң қолданылды, Ereje оны модельдемейді; мөлшер есептелмеді",
        en: "the right arose on {right}, before 01.01.2020, under the 2003 Law No. 405-II, which Ereje does not model; no amount computed",
    },
};

/// `SP-024`: the right arose under the Social Code: the amount uses the 2019 law's rules, which
/// the Code is taken to keep.
///
/// **What it checks.** Informs that the amount of a right arising from 01.07.2023 rests on
/// medium-confidence sources.
///
/// **Legal basis.** The Social Code of 20.04.2023 No. 224-VII (text not read); gfss.kz pages
/// confirm the formulas (docs/domain/social-payments.md, medium).
///
/// **Example.** Any right arising in 2025.
pub static SOCIAL_CODE_PERIOD: Rule = Rule {
    id: "SP-024",
    subject: SUBJECT,
    severity: Severity::Info,
    confidence: Confidence::Medium,
    citation: "Social Code of 20.04.2023 No. 224-VII, in force 01.07.2023 (text not read): the 2019 law's formulas, confirmed by gfss.kz (docs/domain/social-payments.md, medium)",
    since: "0.1.0",
    effective: CODE_PERIOD,
    message: Text {
        ru: "право возникло {right}, в период Социального кодекса: размер рассчитан по правилам Закона 2019 г., которые Кодекс, по данным ГФСС, сохранил",
        kk: "құқық {right} туындады, Әлеуметтік кодекс кезеңінде: мөлшер 2019 жылғы Заңның ережелерімен есептелді, МӘСҚ деректері бойынша Кодекс оларды сақтаған",
        en: "the right arose on {right}, under the Social Code: the amount uses the 2019 law's rules, which the Code kept according to the Fund",
    },
};

/// The rules of this subject, by id. (The check also reports `ID-*` findings of `ereje-id` for
/// the ИИН and БИН it meets.)
pub static RULES: &[&Rule] = &[
    &RISK_UNKNOWN,
    &VALUE_UNREADABLE,
    &REQUIRED_MISSING,
    &REGISTERED_BEFORE_RIGHT,
    &DEADLINE_MISSED,
    &DEADLINE_MISSED_CODE,
    &BREADWINNER_DEADLINE_MISSED,
    &BREADWINNER_DEADLINE_MISSED_CODE,
    &JOB_LOSS_PARTICIPATION_SHORT,
    &JOB_LOSS_PARTICIPATION_SHORT_CODE,
    &DEGREE_OUT_OF_RANGE,
    &DEGREE_OUT_OF_RANGE_CODE,
    &SHEET_DAYS_NOT_A_LEAVE_LENGTH,
    &CHANNEL_NOT_IN_SEED,
    &CHANNEL_CONDITION_SEED,
    &CHANNEL_NOT_LISTED,
    &CHANNEL_CONDITION_NATIONAL,
    &INCOME_BELOW_HALF_MZP,
    &NO_CONTRIBUTIONS,
    &PARAMETER_UNKNOWN,
    &CAP_NOT_VERIFIED,
    &CONTRIBUTION_OUTSIDE_WINDOW,
    &RIGHT_BEFORE_2019_LAW,
    &SOCIAL_CODE_PERIOD,
];

/// The variant of a dated rule pair in force on `date`: the law's (2020 – 30.06.2023), the
/// Code's (from 01.07.2023), or none before 2020.
pub(crate) fn pick(
    law: &'static Rule,
    code: &'static Rule,
    on: chrono::NaiveDate,
) -> Option<&'static Rule> {
    [law, code].into_iter().find(|r| r.in_force(on))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_consistent() {
        ereje_findings::check_catalogue(RULES.iter().copied()).unwrap();
    }

    #[test]
    fn ids_are_sequential() {
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.id, format!("SP-{:03}", i + 1));
            assert_eq!(r.subject, "social-payment");
        }
    }

    #[test]
    fn dated_pairs_cover_every_day_from_2020_once() {
        let pairs = [
            (&DEADLINE_MISSED, &DEADLINE_MISSED_CODE),
            (&BREADWINNER_DEADLINE_MISSED, &BREADWINNER_DEADLINE_MISSED_CODE),
            (&JOB_LOSS_PARTICIPATION_SHORT, &JOB_LOSS_PARTICIPATION_SHORT_CODE),
            (&DEGREE_OUT_OF_RANGE, &DEGREE_OUT_OF_RANGE_CODE),
        ];
        for (law, code) in pairs {
            assert_eq!(pick(law, code, date(2019, 12, 31)), None);
            assert_eq!(pick(law, code, date(2020, 1, 1)).map(|r| r.id), Some(law.id));
            assert_eq!(pick(law, code, date(2023, 6, 30)).map(|r| r.id), Some(law.id));
            assert_eq!(pick(law, code, date(2023, 7, 1)).map(|r| r.id), Some(code.id));
            assert_eq!(law.message, code.message);
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        fn keys(s: &str) -> Vec<&str> {
            let mut out: Vec<&str> =
                s.split('{').skip(1).filter_map(|p| p.split('}').next()).collect();
            out.sort_unstable();
            out
        }
        for r in RULES {
            let en = keys(r.message.en);
            assert_eq!(keys(r.message.ru), en, "{} ru", r.id);
            assert_eq!(keys(r.message.kk), en, "{} kk", r.id);
        }
    }
}
