"""Header synonyms per canonical column, for files no profile knows.

Languages: English, Norwegian (bokmål), Danish, Swedish, German, Polish and Chinese (simplified),
plus a few Dutch/French/Spanish words where they are common in exports. Synonyms are written
lower-case and compared after `normalise`, so "Opprettet dato", "opprettet_dato" and
"OPPRETTET-DATO" are the same header.

A header matches a synonym exactly (strong evidence) or contains it as whole words (weaker);
Chinese synonyms match as substrings because Chinese headers have no spaces.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.schema import TableKind

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@lru_cache(maxsize=4096)
def normalise(header: str) -> str:
    """The compare form of a header ("TicketID", "ticket_id" -> "ticket id").

    BOM stripped, camelCase split, case-folded, runs of punctuation -> one space. A header
    made only of punctuation ("#") keeps its stripped text so it can still be matched.
    """
    text = header.replace("\ufeff", "").strip()
    out = _NON_WORD.sub(" ", _CAMEL.sub(" ", text).casefold()).strip()
    return out or text


def words(text: str) -> tuple[str, ...]:
    """Synonyms written as one "a | b | c" string, normalised."""
    return tuple(normalise(w) for w in text.split("|"))


# -- shared vocabularies ------------------------------------------------------------------------

TICKET_ID = words(
    "ticket id | ticket | ticket number | ticket no | ticket nr | ticket # | "
    "case number | case id | issue key | issue id | incident number | conversation id | "
    "request id | saksnummer | sak id | sak | henvendelse id | billett id | billettnummer | "
    "sagsnummer | sags id | "
    "sag | ärendenummer | ärende id | ärende | ticketnummer | vorgangsnummer | vorgangsschlüssel | "
    "fallnummer | numer zgłoszenia | id zgłoszenia | nr zgłoszenia | zgłoszenie | 工单号 | "
    "工单编号 | 工单id | 单号 | 案例编号 | "
    # French and Spanish, as helpdesks localise them
    "id du ticket | numéro du ticket | numéro de ticket | n° de ticket | nº de ticket | "
    "id de ticket | número de ticket | clave de incidencia | id de la incidencia"
)
CUSTOMER_ID = words(
    "customer id | customer | customer email | requester | requester id | "
    "requester email | contact id | contact email | contact | email | e mail | "
    "email address | client id | reporter | kunde id | kundenummer | kundenr | kunde nr | kunde | "
    "kunde e post | "
    "e post | epost | kund id | kundnummer | kund | kunden id | kundennummer | klient | autor | "
    "anforderer | e mail des anforderers | "
    "id klienta | numer klienta | adres e mail | 客户id | 客户编号 | 客户 | "
    "客户邮箱 | 邮箱 | 用户id"
)
TEAM = words(
    "group | team | department | queue | assignment group | support group | gruppe | "
    "avdeling | kø | afdeling | grupp | avdelning | kö | abteilung | warteschlange | "
    "grupa | zespół | dział | kolejka | 组 | 团队 | 部门 | 小组 | 技能组"
)
AGENT = words(
    "assignee | agent | owner | assigned to | handled by | responsible | agent name | "
    "ticket owner | case owner | saksbehandler | ansvarlig | tildelt | behandler | sakseier | "
    "sagsbehandler | medarbejder | "
    "handläggare | ansvarig | tilldelad | bearbeiter | zuständig | zugewiesen an | ticketinhaber | "
    "zugewiesener mitarbeiter | "
    "bearbeitet von | agent konsultant | konsultant | przypisany do | "
    "osoba odpowiedzialna | opiekun | przypisane do | przypisany do | przypisany | "
    "处理人 | 客服 | 负责人 | 受理人 | 坐席 | agente | asignado a | responsable du ticket | "
    "assigné à"
)
CHANNEL = words(
    "channel | via | source | origin | medium | contact type | kanal | kilde | källa | über | "
    "saksopprinnelse | opprinnelse | "
    "quelle | kanał | źródło | 渠道 | 来源"
)
ORGANIZATION = words(
    "organization | organisation | company | account | account name | company name | "
    "organisasjon | firma | selskap | virksomhed | företag | unternehmen | kontonavn | kontoname | "
    "kundenavn | kundens navn | firmanavn | kundnamn | kundenname | nazwa klienta | "
    "nazwa firmy | organizacja | 公司 | 组织 | 企业 | 客户名称 | 公司名称"
)
COUNTRY = words("country | region | market | land | kraj | 国家 | 地区")
COMMENT = words(
    "comment | comments | feedback | remark | reason | verbatim | kommentar | "
    "kommentarer | tilbakemelding | tilbagemelding | återkoppling | anmerkung | "
    "rückmeldung | komentarz | uwagi | opinia | 评论 | 备注 | 意见 | 反馈"
)
_DATE = words("date | dato | datum | data | timestamp | tidsstempel | zeitstempel | 日期")

TICKETS: dict[str, tuple[str, ...]] = {
    "ticket_id": (*TICKET_ID, *words("id | number | nummer | numer | 编号")),
    "created_at": (
        *words(
            "created | created at | created date | creation date | date created | "
            "created time | create date | opened | opened at | date opened | open date | "
            "submitted | submitted at | received at | opprettet | opprettet dato | "
            "opprettelsesdato | opprettet tid | oprettet | oprettet dato | oprettelsesdato | "
            "skapad | skapat | skapad datum | registrerad | erstellt | erstellt am | "
            "erstellungsdatum | angelegt am | eröffnet | data utworzenia | utworzono | "
            "data zgłoszenia | data otwarcia | utworzony | erstellungszeit | åpnet | 创建时间 | "
            "创建日期 | 提交时间 | erstelldatum | "
            "heure de création | date de création | créé le | créé | ouvert le | "
            "fecha de creación | creado | creada | hora de creación"
        ),
        *_DATE,
    ),
    "first_response_at": words(
        "first response | first response at | first response date | first reply | "
        "first reply at | "
        "first replied at | first reply date | first agent reply at | first responded at | "
        "første svar | første svar dato | tidspunkt for første svar | første respons | "
        "första svar | första svar datum | erste antwort | erste antwort am | "
        "datum erste antwort | pierwsza odpowiedź | data pierwszej odpowiedzi | 首次回复时间 | "
        "heure de réponse initiale | première réponse | date de première réponse | "
        "primera respuesta | fecha de primera respuesta"
    ),
    "resolved_at": words(
        "resolved | resolved at | resolved date | resolution date | date resolved | "
        "solved | solved at | closed | closed at | closed date | date closed | close date | "
        "completed at | archived at | løst | løst dato | lukket | lukket dato | avsluttet | "
        "afsluttet | "
        "löst | löst datum | stängd | stängt | avslutad | gelöst | gelöst am | "
        "geschlossen | geschlossen am | erledigt | erledigt am | abschlusszeit | abschlussdatum | "
        "schließdatum | rozwiązano | data rozwiązania | "
        "zamknięto | data zamknięcia | zamknięty | 解决时间 | 关闭时间 | 解决日期 | 关闭日期 | "
        "heure de résolution | date de résolution | résolu le | fermé le | date de clôture | "
        "fecha de resolución | resuelto | resuelta | fecha de cierre | cerrado | cerrada"
    ),
    "status": words(
        "status | state | ticket status | ticketstatus | saksstatus | vorgangsstatus | tilstand | "
        "tillstånd | stan | zustand | 状态"
    ),
    "channel": CHANNEL,
    "team": TEAM,
    "agent": AGENT,
    "priority": words("priority | prioritet | priorität | priorytet | 优先级"),
    "customer_id": CUSTOMER_ID,
    "organization": ORGANIZATION,
    "country": COUNTRY,
    "product": words(
        "product | category | type | ticket type | request type | issue type | topic | "
        "produkt | kategori | sakstype | sagstype | typ | kategorie | vorgangstyp | tickettyp | "
        "kategoria | 产品 | 类别 | "
        "分类 | 类型"
    ),
    "tags": words(
        "tags | labels | tag | etiketter | stikkord | tagger | schlagwörter | stichwörter | "
        "schlagworte | etykiety | tagi | 标签"
    ),
    "agent_replies": words(
        "replies | agent replies | number of replies | agent interactions | antall svar | "
        "antal svar | agentinteraksjoner | antworten | anzahl antworten | agenteninteraktionen | "
        "liczba odpowiedzi | 回复次数 | 回复数"
    ),
    "reopens": words(
        "reopens | reopened | reopen count | times reopened | gjenåpnet | "
        "antall gjenåpninger | genåbnet | återöppnad | wiedereröffnet | erneut geöffnet | "
        "wieder geöffnet | ponownie otwarte | "
        "liczba ponownych otwarć | 重开次数 | 重新打开次数"
    ),
    "is_escalated": words(
        "escalated | escalation | eskalert | eskaleret | eskalerad | eskaliert | "
        "eskalowane | eskalacja | 升级 | 已升级"
    ),
    "is_fcr": words(
        "fcr | first contact resolution | resolved on first contact | one touch | "
        "løst ved første kontakt | löst vid första kontakt | erstlösung | "
        "rozwiązane przy pierwszym kontakcie | 首次解决"
    ),
    "sla_met": words(
        "sla | sla met | sla status | resolution sla | within sla | sla overholdt | "
        "sla oppfylt | sla opfyldt | sla uppfyllt | sla eingehalten | sla spełnione | "
        "resolution status | løsningsstatus | lösungsstatus | "
        "sla达成"
    ),
    "first_response_sla_met": words(
        "first response sla | frt sla | first response sla met | first response status | "
        "status for første svar | status der ersten antwort"
    ),
    "first_response_minutes": words(
        "first response time | first reply time | time to first response | "
        "time to first reply | frt | response time | reply time | svartid | første svartid | "
        "responstid | reaktionszeit | erste antwortzeit | antwortzeit | "
        "czas pierwszej odpowiedzi | czas odpowiedzi | 首次响应时长 | 首次响应用时 | 响应时长"
    ),
    "resolution_minutes": words(
        "resolution time | time to resolution | time to resolve | time to close | "
        "løsningstid | lösningstid | lösungszeit | czas rozwiązania | 解决时长 | 解决用时"
    ),
    "handle_minutes": words(
        "handle time | handling time | time spent | time tracked | time worked | aht | "
        "behandlingstid | tidsbruk | tidsforbrug | bearbeitungszeit | czas obsługi | 处理时长 | "
        "工时"
    ),
}

SURVEYS: dict[str, tuple[str, ...]] = {
    "response_id": words(
        "response id | respondent id | survey response id | svar id | besvarelse id | "
        "antwort id | id odpowiedzi | 答卷编号 | 回复id"
    ),
    "ticket_id": TICKET_ID,
    "customer_id": (*CUSTOMER_ID, *words("respondent")),
    "responded_at": (
        *words(
            "responded at | response date | answered at | submitted at | submitted | rated at | "
            "survey date | completed | created | created at | besvart | dato besvart | svardato | "
            "besvaret | "
            "besvarelsesdato | besvarad | svarsdatum | beantwortet am | antwortdatum | "
            "data odpowiedzi | 提交时间 | 评价时间 | 创建时间"
        ),
        *_DATE,
    ),
    "score": words(
        "csat | csat score | satisfaction | satisfaction score | satisfaction rating | "
        "customer satisfaction | rating | score | nps | nps score | ces | customer effort | "
        "effort score | happiness rating | survey results | survey result | tilfredshet | "
        "kundetilfredshet | fornøydhet | fornøyd | hvor fornøyd var du | karakter | "
        "resultater av undersøkelse | "
        "vurdering | tilfredshed | kundetilfredshed | bedømmelse | nöjdhet | kundnöjdhet | "
        "betyg | zufriedenheit | kundenzufriedenheit | bewertung | zufriedenheitsbewertung | "
        "umfrageergebnis | zadowolenie | ocena | "
        "satysfakcja | zadowolenie klienta | 满意度 | 评分 | 评价 | 满意度评分 | "
        "satisfacción | calificación de satisfacción | calificación | valoración | "
        "satisfaction client | résultats de l'enquête | résultat de l'enquête | évaluation"
    ),
    "comment": COMMENT,
    "survey_type": words(
        "survey type | question type | undersøkelsestype | undersøgelsestype | enkättyp | "
        "umfragetyp | typ ankiety | 调查类型"
    ),
    "channel": CHANNEL,
    "team": TEAM,
    "agent": AGENT,
}

REVIEWS: dict[str, tuple[str, ...]] = {
    "review_id": words(
        "review id | evaluation id | vurdering id | bedømmelse id | granskning id | "
        "bewertungs id | id oceny | 评审编号 | 质检编号"
    ),
    "ticket_id": (*TICKET_ID, *words("conversation external id | external id")),
    "reviewed_at": (
        *words(
            "reviewed at | review date | date reviewed | evaluated at | evaluation date | "
            "created | created at | review created | vurdert | vurderingsdato | bedømt | "
            "bedømmelsesdato | "
            "granskad | granskningsdatum | bewertet am | bewertungsdatum | data oceny | "
            "data przeglądu | 质检时间 | 评审时间"
        ),
        *_DATE,
    ),
    "score": words(
        "iqs | review score | qa score | quality score | internal quality score | rating | "
        "score | total score | evaluation score | kvalitetsscore | kvalitetspoeng | "
        "kvalitetspoint | kvalitetspoäng | qualitätsbewertung | qualitätspunktzahl | "
        "ocena jakości | wynik | wynik oceny | 质检分数 | 质检得分 | 得分"
    ),
    "reviewer": words(
        "reviewer | evaluator | assessor | graded by | reviewed by | vurdert av | "
        "bedømmer | bedømt af | granskare | prüfer | bewertet von | oceniający | "
        "recenzent | 质检员 | 评审人"
    ),
    "agent": (*words("reviewee | evaluated agent | reviewed agent | 被质检人"), *AGENT),
    "scorecard": words(
        "scorecard | rubric | evaluation form | scorekort | vurderingsskjema | "
        "bedømmelsesskema | bedömningsmall | bewertungsbogen | karta oceny | "
        "formularz oceny | 评分表 | 质检表"
    ),
    "review_type": words(
        "review type | vurderingstype | granskningstyp | bewertungsart | typ oceny | 评审类型"
    ),
    "team": TEAM,
}

ACCOUNTS: dict[str, tuple[str, ...]] = {
    "customer_id": (*words("account id | account | user id | kunde id"), *CUSTOMER_ID),
    "started_at": words(
        "signup date | sign up date | signed up | start date | started | started at | "
        "contract start | customer since | subscription start | created | created at | "
        "registrert | startdato | kunde siden | registreringsdato | startdatum | "
        "kund sedan | registrerad | vertragsbeginn | kunde seit | registriert am | "
        "data rozpoczęcia | data rejestracji | klient od | 注册时间 | 开始日期 | 签约日期"
    ),
    "churned_at": words(
        "churn date | churned | churned at | cancelled | canceled | cancellation date | "
        "cancel date | cancelled at | end date | ended at | contract end | terminated | "
        "oppsagt | oppsigelsesdato | sluttdato | opsagt | opsigelsesdato | slutdato | "
        "uppsagd | uppsägningsdatum | slutdatum | gekündigt | kündigungsdatum | "
        "vertragsende | enddatum | data rezygnacji | data anulowania | data zakończenia | "
        "流失日期 | 取消日期 | 结束日期"
    ),
    "plan": words(
        "plan | tier | subscription | package | abonnement | pakke | prenumeration | "
        "abonnemang | paket | tarif | plan taryfowy | pakiet | 套餐 | 计划 | 等级"
    ),
    "value": words(
        "mrr | arr | revenue | monthly revenue | recurring revenue | value | amount | "
        "contract value | omsetning | månedlig inntekt | beløp | omsætning | beløb | "
        "intäkt | belopp | umsatz | betrag | wert | przychód | wartość | kwota | 月收入 | 金额 | "
        "收入"
    ),
    "country": COUNTRY,
    "organization": ORGANIZATION,
}

SYNONYMS: dict[TableKind, dict[str, tuple[str, ...]]] = {
    TableKind.TICKETS: TICKETS,
    TableKind.SURVEYS: SURVEYS,
    TableKind.REVIEWS: REVIEWS,
    TableKind.ACCOUNTS: ACCOUNTS,
}

# How much a matched canonical column says "this file is of this kind" (unlisted: 0.5).
KIND_EVIDENCE: dict[TableKind, dict[str, float]] = {
    TableKind.TICKETS: {
        "resolved_at": 2,
        "first_response_at": 2,
        "first_response_minutes": 2,
        "resolution_minutes": 2,
        "handle_minutes": 1.5,
        "priority": 1.5,
        "status": 1,
        "channel": 1,
        "team": 1,
        "agent": 1,
        "ticket_id": 1,
        "created_at": 1,
        "reopens": 2,
        "agent_replies": 2,
        "sla_met": 2,
        "first_response_sla_met": 2,
        "is_escalated": 1.5,
        "tags": 1,
    },
    TableKind.SURVEYS: {"score": 2.5, "comment": 1, "survey_type": 2, "response_id": 2},
    TableKind.REVIEWS: {
        "score": 1,
        "reviewer": 3,
        "scorecard": 3,
        "review_id": 2,
        "review_type": 2,
    },
    TableKind.ACCOUNTS: {"churned_at": 3, "value": 3, "plan": 2, "started_at": 1.5},
}
