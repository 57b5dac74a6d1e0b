//! The rule catalogue of subject `mse`: one `static` per rule, ids `MSE-001`…, with severity,
//! confidence, citation (Russian numbering of the joint order), effective dates and messages in
//! ru, kk and en.

use chrono::NaiveDate;
use ereje_findings::{Confidence, Effective, Rule, Severity, Text};

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("a valid constant date"),
    }
}

/// The day the last minister signed the joint order (MoH No. 56 of 11.06.2025): no pilot rule
/// can be in force earlier. The actual start is `order.published` + 11 days (see
/// [`Params`](crate::Params)), decided by [`pilot_applies`](crate::pilot_applies).
pub const ORDER_SIGNED: NaiveDate = date(2025, 6, 11);

const PILOT: Effective = Effective::since(ORDER_SIGNED);

/// The basis of the rules about the form's data, for which no act was read.
macro_rules! form_data {
    ($rest:literal) => {
        concat!("form 031/у (order ҚР ДСМ-175/2020 of 30.10.2020, registry No. 21579) as the pilot uses it: ", $rest)
    };
}

macro_rules! rule {
    ($name:ident, $id:literal, $sev:ident, $conf:ident, $eff:expr, $cit:expr, $ru:literal, $kk:literal, $en:literal) => {
        #[doc = concat!("`", $id, "`: ", $en)]
        pub static $name: Rule = Rule {
            id: $id,
            subject: "mse",
            severity: Severity::$sev,
            confidence: Confidence::$conf,
            citation: $cit,
            since: "0.1.0",
            effective: $eff,
            message: Text { ru: $ru, kk: $kk, en: $en },
        };
    };
}

rule!(
    MSE_MISSING_FIELD,
    "MSE-001",
    Warning,
    Derived,
    Effective::ALWAYS,
    form_data!(
        "the field is needed by the pilot's algorithm (Appendix 2 to the joint order, paras 3–9); the form's own field list was not read"
    ),
    "не заполнено поле {field}",
    "{field} өрісі толтырылмаған",
    "the field {field} is missing"
);

rule!(
    MSE_UNREADABLE,
    "MSE-002",
    Warning,
    Derived,
    Effective::ALWAYS,
    form_data!(
        "a value the pilot's algorithm relies on must be readable (docs/mse.md lists the accepted values)"
    ),
    "значение поля {field} не распознано: «{value}» (ожидается {expected})",
    "{field} өрісінің мәні танылмады: «{value}» (күтілетіні: {expected})",
    "the value of {field} cannot be read: \"{value}\" (expected {expected})"
);

rule!(
    MSE_BIRTH_DATE_MISMATCH,
    "MSE-003",
    Warning,
    Derived,
    Effective::ALWAYS,
    "Law No. 223-III of 12.01.2007 «On national registers of identification numbers» and Government decree No. 406 of 22.05.2007: the ИИН encodes the date of birth (derived: the form repeats it)",
    "дата рождения {birth_date} не совпадает с датой в ИИН ({iin_date}); используется дата из ИИН",
    "туған күні {birth_date} ЖСН-дағы күнге ({iin_date}) сәйкес келмейді; ЖСН-дағы күн қолданылады",
    "the birth date {birth_date} differs from the one in the ИИН ({iin_date}); the ИИН's date is used"
);

rule!(
    MSE_SEX_MISMATCH,
    "MSE-004",
    Warning,
    Derived,
    Effective::ALWAYS,
    "Law No. 223-III of 12.01.2007 and Government decree No. 406 of 22.05.2007: digit 7 of the ИИН encodes the sex (derived: the form repeats it)",
    "пол {sex} не совпадает с полом в ИИН ({iin_sex})",
    "жынысы {sex} ЖСН-дағы жынысқа ({iin_sex}) сәйкес келмейді",
    "the sex {sex} differs from the one in the ИИН ({iin_sex})"
);

rule!(
    MSE_EXAM_MISSING,
    "MSE-005",
    Error,
    High,
    PILOT,
    order!(", Appendix 2 (Algorithm) para 3 part 2 and para 4; Appendix 2 to the Algorithm"),
    "нет обязательного обследования {exam} для нозологии «{nosology}» (приложение 2 к Алгоритму, пункт {item}, подпункт 1), строка {line}): МИС показывает ошибку, председатель ВКК не может подписать форму № 031/у",
    "«{nosology}» нозологиясы үшін міндетті {exam} тексеруі жоқ (Алгоритмге 2-қосымша, {item}-тармақ, 1) тармақша, {line}-жол): МАЖ қате көрсетеді, ДКК төрағасы № 031/е нысанына қол қоя алмайды",
    "mandatory examination {exam} for \"{nosology}\" is missing (Appendix 2 to the Algorithm, item {item} sub-item 1), line {line}): the MIS shows an error and the ВКК chair cannot sign form 031/у"
);

rule!(
    MSE_NOT_PILOT_NOSOLOGY,
    "MSE-006",
    Info,
    High,
    PILOT,
    order!(", Appendix 2 (Algorithm) para 3 part 2; Appendix 1 to the Algorithm"),
    "основной диагноз {icd10} не входит в перечень нозологий пилотного проекта: проверка обязательных обследований не проводилась",
    "негізгі диагноз {icd10} пилоттық жоба нозологияларының тізбесіне кірмейді: міндетті тексерулер тексерілмеді",
    "the main diagnosis {icd10} is not in the pilot's list of nosologies: the mandatory examinations were not checked"
);

rule!(
    MSE_NEAR_MISS,
    "MSE-007",
    Info,
    High,
    PILOT,
    order!(", Appendix 1 to the Algorithm: codes listed one by one are taken literally"),
    "код {icd10} близок к перечню «{group}» ({nosology}), но не входит в него: пилотный проект не применяется, проверка обязательных обследований не проводилась",
    "{icd10} коды «{group}» тізбесіне ({nosology}) жақын, бірақ оған кірмейді: пилоттық жоба қолданылмайды, міндетті тексерулер тексерілмеді",
    "the code {icd10} is close to the list \"{group}\" ({nosology}) but not in it: the pilot does not apply and the mandatory examinations were not checked"
);

rule!(
    MSE_ADULT_MPS,
    "MSE-008",
    Info,
    High,
    PILOT,
    order!(", Appendix 1 to the Algorithm, item 3 («Мукополисахаридоз у детей»)"),
    "мукополисахаридоз ({icd10}) у пациента {age} лет на {date}: пилотный проект охватывает только детей, проверка обязательных обследований не проводилась",
    "{date} күні {age} жастағы пациентте мукополисахаридоз ({icd10}): пилоттық жоба тек балаларды қамтиды, міндетті тексерулер тексерілмеді",
    "mucopolysaccharidosis ({icd10}) in a patient aged {age} on {date}: the pilot covers children only, the mandatory examinations were not checked"
);

rule!(
    MSE_AGE_UNKNOWN,
    "MSE-009",
    Info,
    Derived,
    PILOT,
    order!(
        ", Appendix 1 to the Algorithm, item 3: the age decides, and the form gives no usable birth date"
    ),
    "мукополисахаридоз ({icd10}), но возраст пациента на {date} неизвестен: проверка обязательных обследований не проводилась",
    "мукополисахаридоз ({icd10}), бірақ пациенттің {date} күнгі жасы белгісіз: міндетті тексерулер тексерілмеді",
    "mucopolysaccharidosis ({icd10}), but the patient's age on {date} is unknown: the mandatory examinations were not checked"
);

rule!(
    MSE_NO_DIAGNOSIS,
    "MSE-010",
    Info,
    Derived,
    PILOT,
    order!(
        ", Appendix 2 (Algorithm) para 3 part 2: the nosology is decided by the main diagnosis's ICD-10 code"
    ),
    "нет распознанного основного диагноза: нозология не определена, проверка обязательных обследований не проводилась",
    "танылған негізгі диагноз жоқ: нозология анықталмады, міндетті тексерулер тексерілмеді",
    "no readable main diagnosis: the nosology is unknown and the mandatory examinations were not checked"
);

rule!(
    MSE_OUTSIDE_SCHEDULE,
    "MSE-011",
    Info,
    Medium,
    PILOT,
    order!(
        ", para 1, para 8 and Appendix 1 (launch schedule); the row-to-date mapping is a documented reading (docs/mse.md)"
    ),
    "на {date} пилотный проект для этой медицинской организации не действует (прочтение графика {reading}: действует с {from} по {to}); проверка обязательных обследований не проводилась",
    "{date} күні пилоттық жоба бұл медициналық ұйым үшін қолданылмайды (кесте оқылымы {reading}: {from} бастап {to} дейін); міндетті тексерулер тексерілмеді",
    "on {date} the pilot does not apply to this medical organisation (schedule reading {reading}: in force from {from} to {to}); the mandatory examinations were not checked"
);

rule!(
    MSE_SCHEDULE_KEY_UNKNOWN,
    "MSE-012",
    Info,
    Derived,
    PILOT,
    order!(
        ", Appendix 1 (launch schedule): the wave is keyed on the organisation's region or MIS (docs/mse.md)"
    ),
    "график запуска применить нельзя: поле {field} не заполнено или не распознано (прочтение графика {reading}); проверка обязательных обследований не проводилась",
    "іске қосу кестесін қолдану мүмкін емес: {field} өрісі толтырылмаған немесе танылмаған (кестенің {reading} оқылымы); міндетті тексерулер тексерілмеді",
    "the launch schedule cannot be applied: the field {field} is missing or unknown (schedule reading {reading}); the mandatory examinations were not checked"
);

rule!(
    MSE_NO_DATE,
    "MSE-013",
    Info,
    Derived,
    PILOT,
    "ereje-check contract: mse rules are taken at the ВКК signing date, else the creation date, else --as-of",
    "нет даты, на которую применяются правила (подписание, создание формы, --as-of): проверка обязательных обследований не проводилась",
    "ережелер қолданылатын күн жоқ (қол қою, нысанды құру, --as-of): міндетті тексерулер тексерілмеді",
    "no date to take the rules at (signing, creation, --as-of): the mandatory examinations were not checked"
);

rule!(
    MSE_FORM_EXPIRED,
    "MSE-014",
    Warning,
    Medium,
    Effective::ALWAYS,
    "gov.kz life situation «Установление инвалидности» (situations/189/562): form 031/у is valid for no more than one month from signing (secondary source; the 2023 MSE Rules, order No. 260, were not read); the month ends on the same date of the next month, or its last day (Ereje reading, docs/mse.md)",
    "форма № 031/у подписана {signed} и действительна по {until}, а {at} — {judged}",
    "№ 031/е нысанына {signed} қол қойылған және {until} дейін жарамды, ал {at} — {judged}",
    "form 031/у was signed on {signed} and is valid until {until}, but {at} is {judged}"
);

rule!(
    MSE_DATE_ORDER,
    "MSE-015",
    Warning,
    Derived,
    Effective::ALWAYS,
    order!(
        ", Appendix 2 (Algorithm) paras 3–9: the form is created, signed, sent, distributed and decided in that order"
    ),
    "{later_field} ({later}) раньше, чем {earlier_field} ({earlier})",
    "{later_field} ({later}) {earlier_field} ({earlier}) уақытынан бұрын",
    "{later_field} ({later}) is before {earlier_field} ({earlier})"
);

rule!(
    MSE_SENT_UNSIGNED,
    "MSE-016",
    Warning,
    High,
    PILOT,
    order!(", Appendix 2 (Algorithm) para 5: the form is sent after the ЭЦП of the ВКК chair"),
    "форма отправлена ({sent}) без подписи председателя ВКК",
    "нысан ДКК төрағасының қолынсыз жіберілген ({sent})",
    "the form was sent ({sent}) without the ВКК chair's signature"
);

rule!(
    MSE_EXAM_EMPTY,
    "MSE-017",
    Warning,
    Derived,
    PILOT,
    order!(
        ", Appendix 2 (Algorithm) para 3 part 2: the data of the examinations are displayed on the form"
    ),
    "обследование {kind} без заключения и без ссылки на документ: не учитывается",
    "{kind} тексеруі қорытындысыз және құжатқа сілтемесіз: есепке алынбайды",
    "the examination {kind} has neither a conclusion nor a document reference: it is not counted"
);

rule!(
    MSE_EXAM_AFTER_FORM,
    "MSE-018",
    Warning,
    Derived,
    Effective::ALWAYS,
    form_data!("an examination written on the form cannot postdate the form's own date"),
    "обследование {kind} датировано {exam_date}, позже даты формы {form_date}",
    "{kind} тексеруінің күні {exam_date}, нысан күнінен ({form_date}) кейін",
    "the examination {kind} is dated {exam_date}, after the form's date {form_date}"
);

rule!(
    MSE_SURGICAL_UNKNOWN,
    "MSE-019",
    Warning,
    Derived,
    PILOT,
    order!(
        ", Appendix 2 to the Algorithm, item 1 sub-item 1) line 5: insert sheet 10 only «при хирургической ампутации»"
    ),
    "в форме не указано, была ли ампутация хирургической: наличие вкладного листа 10 к форме № 001/у не проверено",
    "нысанда ампутацияның хирургиялық болғаны көрсетілмеген: № 001/е нысанына 10-қосымша парақтың болуы тексерілмеді",
    "the form does not say whether the amputation was surgical: insert sheet 10 to form 001/у was not checked"
);

rule!(
    MSE_EXPERT_LATE,
    "MSE-020",
    Warning,
    High,
    PILOT,
    order!(
        ", Appendix 2 (Algorithm) para 9: one working day from receipt, from the next working day after 16:00"
    ),
    "экспертное заключение вынесено {concluded}, позже срока {due} (проект акта поступил {received})",
    "сараптамалық қорытынды {concluded} шығарылған, {due} мерзімінен кеш (акт жобасы {received} түскен)",
    "the expert conclusion was issued {concluded}, after the term {due} (draft act received {received})"
);

rule!(
    MSE_EXPERT_OVERDUE,
    "MSE-021",
    Warning,
    High,
    PILOT,
    order!(
        ", Appendix 2 (Algorithm) para 9: one working day from receipt, from the next working day after 16:00"
    ),
    "на {as_of} экспертного заключения нет, срок истёк {due} (проект акта поступил {received})",
    "{as_of} күні сараптамалық қорытынды жоқ, мерзім {due} өтті (акт жобасы {received} түскен)",
    "as of {as_of} there is no expert conclusion and the term ended {due} (draft act received {received})"
);

rule!(
    MSE_SECONDARY_PILOT_CODE,
    "MSE-022",
    Info,
    Derived,
    PILOT,
    order!(
        ", Appendix 2 (Algorithm) para 3 part 2: the nosology is read from the main diagnosis (Ereje's reading, docs/mse.md)"
    ),
    "неосновной диагноз {icd10} входит в перечень нозологий («{nosology}»), а основной диагноз — нет: пилотный проект определяется по основному диагнозу",
    "негізгі емес {icd10} диагнозы нозологиялар тізбесіне («{nosology}») кіреді, ал негізгі диагноз кірмейді: пилоттық жоба негізгі диагноз бойынша анықталады",
    "the secondary diagnosis {icd10} is a pilot nosology (\"{nosology}\") but the main diagnosis is not: the pilot is decided by the main diagnosis"
);

rule!(
    MSE_SUB_FORM_WITHOUT_AMPUTATION,
    "MSE-023",
    Warning,
    Derived,
    PILOT,
    order!(
        ", Appendix 1 to the Algorithm, item 1: the named sub-forms belong to the amputation codes"
    ),
    "указана форма ампутации {sub_form}, но основной диагноз {icd10} не относится к ампутациям пилотного проекта",
    "{sub_form} ампутация түрі көрсетілген, бірақ {icd10} негізгі диагнозы пилоттық жобаның ампутацияларына жатпайды",
    "the amputation sub-form {sub_form} is given but the main diagnosis {icd10} is not a pilot amputation code"
);

/// The rules of subject `mse`, in id order.
pub static RULES: &[&Rule] = &[
    &MSE_MISSING_FIELD,
    &MSE_UNREADABLE,
    &MSE_BIRTH_DATE_MISMATCH,
    &MSE_SEX_MISMATCH,
    &MSE_EXAM_MISSING,
    &MSE_NOT_PILOT_NOSOLOGY,
    &MSE_NEAR_MISS,
    &MSE_ADULT_MPS,
    &MSE_AGE_UNKNOWN,
    &MSE_NO_DIAGNOSIS,
    &MSE_OUTSIDE_SCHEDULE,
    &MSE_SCHEDULE_KEY_UNKNOWN,
    &MSE_NO_DATE,
    &MSE_FORM_EXPIRED,
    &MSE_DATE_ORDER,
    &MSE_SENT_UNSIGNED,
    &MSE_EXAM_EMPTY,
    &MSE_EXAM_AFTER_FORM,
    &MSE_SURGICAL_UNKNOWN,
    &MSE_EXPERT_LATE,
    &MSE_EXPERT_OVERDUE,
    &MSE_SECONDARY_PILOT_CODE,
    &MSE_SUB_FORM_WITHOUT_AMPUTATION,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_consistent() {
        ereje_findings::check_catalogue(RULES.iter().copied()).unwrap_or_else(|e| panic!("{e}"));
        // ids are MSE-001… in order, without gaps
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.id, format!("MSE-{:03}", i + 1));
            assert_eq!(r.subject, "mse");
        }
        // the foundation rules the check also reports do not collide
        let all = RULES
            .iter()
            .chain(ereje_calendar::RULES)
            .chain(ereje_icd10::RULES)
            .chain(ereje_id::RULES)
            .copied();
        ereje_findings::check_catalogue(all).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn placeholders_are_the_same_in_every_language() {
        fn names(s: &str) -> Vec<&str> {
            let mut out: Vec<&str> =
                s.split('{').skip(1).filter_map(|p| p.split('}').next()).collect();
            out.sort_unstable();
            out
        }
        for r in RULES {
            let ru = names(r.message.ru);
            assert_eq!(ru, names(r.message.kk), "{} kk", r.id);
            assert_eq!(ru, names(r.message.en), "{} en", r.id);
        }
    }
}
