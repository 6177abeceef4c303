# Writes questionnaire.json: the example education client-satisfaction
# questionnaire (lt, en, ru) used by the demo and the consumer tests.
# Run: python3 examples/make-questionnaire.py
import json, os

def t(lt, en, ru):
    return {"lt": lt, "en": en, "ru": ru}

likert = {
    "points": [
        {"value": 1, "label": t("Labai nepatenkintas", "Very dissatisfied", "Совсем не удовлетворён")},
        {"value": 2, "label": t("Nepatenkintas", "Dissatisfied", "Не удовлетворён")},
        {"value": 3, "label": t("Nei patenkintas, nei nepatenkintas", "Neither satisfied nor dissatisfied", "Ни да, ни нет")},
        {"value": 4, "label": t("Patenkintas", "Satisfied", "Удовлетворён")},
        {"value": 5, "label": t("Labai patenkintas", "Very satisfied", "Полностью удовлетворён")},
    ],
    "notApplicable": {"value": 9, "label": t("Nežinau / neturiu nuomonės", "Don't know / no opinion", "Затрудняюсь ответить")},
}
importance = {
    "points": [
        {"value": 1, "label": t("Visai nesvarbu", "Not at all important", "Совсем не важно")},
        {"value": 2, "label": t("Nesvarbu", "Not important", "Не важно")},
        {"value": 3, "label": t("Vidutiniškai svarbu", "Moderately important", "Умеренно важно")},
        {"value": 4, "label": t("Svarbu", "Important", "Важно")},
        {"value": 5, "label": t("Labai svarbu", "Very important", "Очень важно")},
    ]
}
rows = [
    ("info_available", "information", t("Informacijos apie paslaugas prieinamumas", "Availability of information about services", "Доступность информации об услугах")),
    ("info_clear", "information", t("Informacijos aiškumas ir suprantamumas", "Clarity of information", "Понятность информации")),
    ("staff_competence", "staff", t("Darbuotojų kompetencija", "Staff competence", "Компетентность персонала")),
    ("staff_politeness", "staff", t("Darbuotojų mandagumas", "Staff politeness", "Вежливость персонала")),
    ("staff_confidentiality", "staff", t("Konfidencialumo užtikrinimas", "Confidentiality", "Соблюдение конфиденциальности")),
    ("time_waiting", "timeliness", t("Laukimo trukmė", "Waiting time", "Время ожидания")),
    ("time_deadlines", "timeliness", t("Terminų laikymasis", "Keeping to deadlines", "Соблюдение сроков")),
    ("access_channels", "accessibility", t("Kreipimosi būdų įvairovė", "Choice of contact channels", "Разнообразие способов обращения")),
    ("access_hours", "accessibility", t("Darbo laiko patogumas", "Convenient opening hours", "Удобство графика работы")),
    ("access_disability", "accessibility", t("Pritaikymas žmonėms su negalia", "Accessibility for people with disabilities", "Доступность для людей с инвалидностью")),
    ("env_premises", "environment", t("Patalpų tvarka ir jaukumas", "Condition and comfort of premises", "Состояние и комфорт помещений")),
    ("outcome", "outcome", t("Paslaugos rezultatas", "The result of the service", "Результат услуги")),
]
dims = [
    ("imp_information", "information", t("Informacija", "Information", "Информация")),
    ("imp_staff", "staff", t("Darbuotojai", "Staff", "Персонал")),
    ("imp_timeliness", "timeliness", t("Laikas ir terminai", "Time and deadlines", "Сроки")),
    ("imp_accessibility", "accessibility", t("Prieinamumas", "Accessibility", "Доступность")),
    ("imp_environment", "environment", t("Aplinka", "Environment", "Обстановка")),
    ("imp_outcome", "outcome", t("Paslaugos rezultatas", "The result of the service", "Результат услуги")),
]
institutions = [
    ("gimnazija-a", t("Gimnazija A", "Gymnasium A", "Гимназия А")),
    ("progimnazija-b", t("Progimnazija B", "Progymnasium B", "Прогимназия Б")),
    ("darzelis-c", t("Lopšelis-darželis C", "Kindergarten C", "Детский сад В")),
    ("muzikos-d", t("Muzikos mokykla D", "Music school D", "Музыкальная школа Г")),
    ("svietimo-skyrius", t("Švietimo skyrius", "Education department", "Отдел образования")),
]
q = {
    "id": "edu-satisfaction-example",
    "version": "2026-1",
    "title": t("Švietimo paslaugų vartotojų pasitenkinimo apklausa", "Satisfaction with education services", "Удовлетворённость образовательными услугами"),
    "description": t(
        "Anoniminė apklausa. Jūsų atsakymai padės gerinti paslaugas.",
        "An anonymous survey. Your answers help us improve the services.",
        "Анонимный опрос. Ваши ответы помогут улучшить услуги.",
    ),
    "locales": ["lt", "en", "ru"],
    "defaultLocale": "lt",
    "sections": [
        {
            "id": "respondent",
            "title": t("Apie jus", "About you", "О вас"),
            "questions": [
                {"id": "group", "kind": "single", "role": "segment", "required": True,
                 "text": t("Jūs esate", "You are", "Вы"),
                 "options": [
                     {"value": "parent", "label": t("Tėvai / globėjai", "Parent or guardian", "Родитель / опекун")},
                     {"value": "pupil", "label": t("Mokinys", "Pupil", "Ученик")},
                     {"value": "staff", "label": t("Darbuotojas", "Staff member", "Сотрудник")},
                     {"value": "other", "label": t("Kita", "Other", "Другое")},
                 ]},
                {"id": "institution", "kind": "single", "role": "segment", "required": True,
                 "text": t("Įstaiga", "Institution", "Учреждение"),
                 "options": [{"value": v, "label": l} for v, l in institutions]},
                {"id": "service", "kind": "single", "role": "segment",
                 "text": t("Kokia paslauga naudojotės?", "Which service did you use?", "Какой услугой вы пользовались?"),
                 "options": [
                     {"value": "preschool", "label": t("Ikimokyklinis ugdymas", "Pre-school education", "Дошкольное образование")},
                     {"value": "general", "label": t("Bendrasis ugdymas", "General education", "Общее образование")},
                     {"value": "nonformal", "label": t("Neformalusis švietimas", "Non-formal education", "Дополнительное образование")},
                     {"value": "admin", "label": t("Administracinės paslaugos", "Administrative services", "Административные услуги")},
                 ]},
            ],
        },
        {
            "id": "satisfaction",
            "title": t("Pasitenkinimas paslaugomis", "Satisfaction with the services", "Удовлетворённость услугами"),
            "questions": [
                {"id": "grid", "kind": "matrix", "role": "satisfaction",
                 "text": t("Kaip vertinate…", "How satisfied are you with…", "Насколько вы удовлетворены…"),
                 "scale": likert,
                 "rows": [{"id": i, "dimension": d, "text": x} for i, d, x in rows]},
                {"id": "overall", "kind": "scale", "role": "overall", "required": True,
                 "text": t("Bendrai, kaip vertinate paslaugas?", "Overall, how satisfied are you with the services?", "В целом, насколько вы удовлетворены услугами?"),
                 "scale": likert},
                {"id": "recommend", "kind": "nps",
                 "text": t("Ar rekomenduotumėte šią įstaigą pažįstamiems?", "How likely are you to recommend this institution to a friend?", "Порекомендовали бы вы это учреждение знакомым?"),
                 "minLabel": t("Tikrai ne", "Not at all likely", "Точно нет"),
                 "maxLabel": t("Tikrai taip", "Extremely likely", "Обязательно")},
            ],
        },
        {
            "id": "importance",
            "title": t("Kas jums svarbiausia", "What matters to you", "Что для вас важно"),
            "questions": [
                {"id": "importance_grid", "kind": "matrix", "role": "importance",
                 "text": t("Kiek jums svarbu…", "How important to you is…", "Насколько для вас важно…"),
                 "scale": importance,
                 "rows": [{"id": i, "dimension": d, "importanceOf": d, "text": x} for i, d, x in dims]},
            ],
        },
        {
            "id": "comments",
            "title": t("Pasiūlymai", "Suggestions", "Предложения"),
            "questions": [
                {"id": "improve", "kind": "text", "multiline": True, "maxLength": 2000,
                 "visibleIf": "{overall} <= 3",
                 "text": t("Ką turėtume pagerinti?", "What should we improve?", "Что нам следует улучшить?")},
            ],
        },
    ],
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "questionnaire.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(q, f, ensure_ascii=False, indent=2)
    f.write("\n")
