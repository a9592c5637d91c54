"""The help pages: the required topics in both languages, real content, working links, facts.

Qt-free: reads the files through `app.help_topics` (importlib.resources) and the standard
library's HTML parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from app import help_topics
from app.errors import REGISTRY, WARNINGS
from app.resources import resource

LANGUAGES = ["en", "it"]

# The topics issue 10 asks for besides one per error and warning code.
GENERAL_TOPICS = {
    "index",  # contents
    "microsoft_changes",  # what changed at Microsoft, and when
    "prerequisites",
    "enable_smtp_auth",  # admin centers, PowerShell, security defaults
    "who_signs_in",  # roles and the consent for the organization
    "device_code_sign_in",  # step by step
    "manual_web_config",
    "check_status_on_printer",  # panel and network status sheet
    "fax_server",
    "scan_to_my_email",  # Epson Print Admin Serverless
    "job_error_codes",  # 360, 361, 370
    "must_sign_in_message",
    "idle_expiry",  # 90 days
    "aadsts",  # every AADSTS answer
    "smtp_answers",  # every SMTP 5.7.x answer
    "mailbox_check",
    "register_app",
    "glossary",
}

# Every AADSTS code and SMTP answer of ../shared/facts/microsoft.md.
AADSTS_CODES = [
    "70016", "70019", "70018", "53003", "530035", "50076", "50079", "50105", "65001",
    "90094", "65004", "700016", "7000218", "50020", "500208", "50126", "50053", "50057",
    "50055", "700082", "50173", "70043",
]  # fmt: skip
SMTP_CODES = ["5.7.139", "5.7.3", "5.7.30", "5.7.57", "5.7.60"]
SMTP_SENTENCES = [
    "SmtpClientAuthentication is disabled for the Tenant",
    "SmtpClientAuthentication is disabled for the Mailbox",
    "security defaults policy",
    "did not meet the criteria to be authenticated successfully",
    "Authentication unsuccessful",
    "Basic authentication is not supported for Client Submission",
    "Client not authenticated to send mail",
]

MIN_BODY_CHARACTERS = 400
EMBEDDING_TAGS = {"script", "img", "iframe", "object", "embed", "link", "audio", "video", "source"}


class Page(HTMLParser):
    """What a test needs to know about one page."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.anchors: set[str] = set()
        self.hrefs: list[str] = []
        self.lang = ""
        self.charset = ""
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        self.attributes += [(tag, name, value) for name, value in attrs]
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag == "meta" and values.get("charset"):
            self.charset = values["charset"].lower()
        for key in ("id", "name"):
            if values.get(key) and (key == "id" or tag == "a"):
                self.anchors.add(values[key])
        if tag == "a" and values.get("href") is not None:
            self.hrefs.append(values["href"])


def page(language: str, topic: str) -> Page:
    return Page(help_topics.html(language, topic))


def all_pages() -> list[tuple[str, str]]:
    return [(language, topic) for language in LANGUAGES for topic in help_topics.topic_ids("en")]


def test_both_languages_have_the_same_file_names() -> None:
    assert help_topics.languages() == LANGUAGES
    names = {
        language: sorted(node.name for node in resource("help", language).iterdir())
        for language in LANGUAGES
    }
    assert names["en"] == names["it"]
    assert all(name.endswith(".html") for name in names["en"])


def test_every_required_topic_exists() -> None:
    required = GENERAL_TOPICS | set(REGISTRY) | set(WARNINGS)
    for language in LANGUAGES:
        assert required - set(help_topics.topic_ids(language)) == set(), language


@pytest.mark.parametrize("code", sorted(REGISTRY) + sorted(WARNINGS))
def test_every_error_and_warning_code_opens_its_own_topic(code: str) -> None:
    assert help_topics.topic_for_error(code) == code
    for language in LANGUAGES:
        assert f"<code>{code}</code>" in help_topics.html(language, code)


def test_contents_page_lists_every_topic() -> None:
    for language in LANGUAGES:
        listed = [topic for _, ids in help_topics.sections(language) for topic in ids]
        assert sorted([*listed, "index"]) == help_topics.topic_ids(language)
        assert all(heading for heading, _ in help_topics.sections(language))
        assert help_topics.topics(language)[0][0] == "index"


@pytest.mark.parametrize(("language", "topic"), all_pages())
def test_page_has_real_content(language: str, topic: str) -> None:
    parsed = page(language, topic)
    assert parsed.lang == language
    assert parsed.charset == "utf-8"
    assert help_topics.title(language, topic), "no <title>"
    assert parsed.tags.count("h1") == 1
    assert "h2" in parsed.tags, "no section heading"
    has_list = bool({"ol", "ul", "dl"} & set(parsed.tags))
    assert has_list or parsed.tags.count("h3") >= 3, "neither a list nor sub-sections"
    body = " ".join(help_topics.text(language, topic).split())
    assert len(body) >= MIN_BODY_CHARACTERS, f"{len(body)} characters of text"


@pytest.mark.parametrize(("language", "topic"), all_pages())
def test_page_loads_nothing_and_links_only_inside_the_help(language: str, topic: str) -> None:
    source = help_topics.html(language, topic)
    parsed = page(language, topic)
    assert EMBEDDING_TAGS & set(parsed.tags) == set()
    assert [a for a in parsed.attributes if a[1] in {"src", "srcset", "background"}] == []
    assert [a for a in parsed.attributes if a[1].startswith("on")] == []  # no JavaScript
    assert "url(" not in source.lower()
    assert "@import" not in source.lower()
    for href in parsed.hrefs:
        assert not re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE), href
        assert not href.startswith("//"), href


@pytest.mark.parametrize(("language", "topic"), all_pages())
def test_every_internal_link_resolves_to_a_file_and_anchor(language: str, topic: str) -> None:
    known = set(help_topics.topic_ids(language))
    for href in page(language, topic).hrefs:
        target, _, anchor = href.partition("#")
        if target:
            assert target.endswith(".html"), href
            assert target[: -len(".html")] in known, f"{topic}: {href}"
        if anchor:
            linked = target[: -len(".html")] if target else topic
            assert anchor in page(language, linked).anchors, f"{topic}: {href}"


@pytest.mark.parametrize("topic", help_topics.topic_ids("en"))
def test_italian_page_is_a_translation_not_a_copy(topic: str) -> None:
    english, italian = help_topics.text("en", topic), help_topics.text("it", topic)
    assert english != italian
    assert help_topics.title("en", topic) != help_topics.title("it", topic)

    def count(text: str, words: set[str]) -> int:
        return sum(word in words for word in re.findall(r"[a-zà-ù']+", text.lower()))

    italian_words = {"il", "la", "di", "che", "per", "non", "della", "una", "è", "con", "le"}
    english_words = {"the", "and", "of", "to", "is", "with", "for", "this", "it", "not"}
    assert count(italian, italian_words) > count(italian, english_words)
    # Same structure: the same sections and anchors, so links and F1 land alike.
    assert page("en", topic).anchors == page("it", topic).anchors
    assert page("en", topic).tags.count("h2") == page("it", topic).tags.count("h2")


def test_every_aadsts_code_is_findable_and_has_an_anchor() -> None:
    anchors = page("en", "aadsts").anchors
    for code in AADSTS_CODES:
        assert f"aadsts{code}" in anchors, code
        for language in LANGUAGES:
            found = [topic for topic, _ in help_topics.search(language, f"AADSTS{code}")]
            assert "aadsts" in found, (language, code)


def test_every_smtp_answer_is_findable() -> None:
    for language in LANGUAGES:
        for code in SMTP_CODES:
            found = [topic for topic, _ in help_topics.search(language, code)]
            assert "smtp_answers" in found, (language, code)
        for sentence in SMTP_SENTENCES:
            found = [topic for topic, _ in help_topics.search(language, sentence)]
            assert "smtp_answers" in found, (language, sentence)


def test_search_finds_the_smtp_auth_topics_for_5_7_139() -> None:
    found = [topic for topic, _ in help_topics.search("en", "5.7.139")]
    for topic in (
        "smtp_answers",
        "enable_smtp_auth",
        "smtp_auth_disabled_tenant",
        "smtp_auth_disabled_mailbox",
        "security_defaults",
        "mfa_or_policy",
    ):
        assert topic in found
    assert "index" not in found  # the contents page matches by its title only


def test_search_is_case_and_accent_insensitive_and_needs_every_word() -> None:
    assert [t for t, _ in help_topics.search("it", "INATTIVITA")] == [
        t for t, _ in help_topics.search("it", "inattività")
    ]
    assert "idle_expiry" in [t for t, _ in help_topics.search("it", "inattivita")]
    assert help_topics.search("en", "printer zzzznotaword") == []
    assert help_topics.search("en", "   ") == []
    # A title hit ranks first.
    assert help_topics.search("en", "glossary")[0][0] == "glossary"


def test_language_fallback_and_topic_paths() -> None:
    assert help_topics.normalize_language("it_IT") == "it"
    assert help_topics.normalize_language("it-IT") == "it"
    assert help_topics.normalize_language("fr") == "en"
    assert help_topics.normalize_language(None) == "en"
    assert help_topics.path("fr", "glossary").read_text(encoding="utf-8") == (
        help_topics.html("en", "glossary")
    )
    assert help_topics.topics("de") == help_topics.topics("en")
    for bad in ("../README", "nope", "", "index.html"):
        with pytest.raises(KeyError):
            help_topics.path("en", bad)
    assert help_topics.topic_for_error("no_such_code") == "index"


# --- facts the pages must carry (../shared/facts/, the device's own words per language) ----


DEVICE_WORDS = {
    ("en", "manual_web_config"): [
        "Network</strong> tab &gt; <strong>Email Server</strong> &gt;\n<strong>Basic",
        "Authentication Method",
        "Email Service",
        "Sign in with Microsoft",
        "Current Status",
        "Signed\nin",
    ],
    ("it", "manual_web_config"): [
        "Rete</strong> &gt; <strong>Server e-mail</strong> &gt;\n<strong>Di base",
        "Metodo autenticazione",
        "Servizio e-mail",
        "Accedi con Microsoft",
        "Stato corrente",
        "Accesso effettuato",
        "Indirizzo e-mail mittente",
    ],
    ("en", "check_status_on_printer"): [
        "Settings &gt; General Settings &gt; Network Settings &gt;\nNetwork Status &gt; "
        "Email Server Status",
    ],
    ("it", "check_status_on_printer"): [
        "Impostazioni &gt; Impostazioni generali &gt;\nImpostazioni di rete &gt; Stato rete "
        "&gt; Stato server e-mail",
        "Foglio di stato",
    ],
    ("en", "fax_server"): ["Fax &gt; Fax Server &gt; Email Server Settings"],
    ("it", "fax_server"): ["Fax &gt; Server fax &gt; Impostazioni server e-mail"],
    ("it", "scan_to_my_email"): ["Su La mia\ne-mail", "Accetta per conto"],
    ("en", "who_signs_in"): ["Consent on behalf of your organization", "Cloud Application"],
    ("it", "who_signs_in"): ["Acconsento per conto\ndell'organizzazione"],
    ("it", "must_sign_in_message"): ["Per utilizzare questa funzione, è necessario accedere"],
    ("it", "job_error_codes"): ["Stato del lavoro &gt; Stato del\nlavoro"],
    ("en", "enable_smtp_auth"): [
        "Set-CASMailbox -Identity",
        "-SmtpClientAuthenticationDisabled $false",
        "Set-TransportConfig -SmtpClientAuthenticationDisabled $false",
        "Authenticated SMTP",
        "Turn off SMTP AUTH protocol for your organization",
        "Manage security defaults",
    ],
    ("en", "microsoft_changes"): ["16 September 2024", "End of December 2026", "2027"],
    ("it", "microsoft_changes"): ["16 settembre 2024", "Fine dicembre 2026", "2027"],
    ("en", "register_app"): [
        "Allow public client\nflows",
        "delegated",
        "SMTP.Send",
        "supported account types",
    ],
    ("en", "device_code_sign_in"): [
        "https://microsoft.com/devicelogin",
        "https://www.microsoft.com/link",
        "15 minutes",
    ],
    ("en", "idle_expiry"): ["90 days without use", "AADSTS700082"],
    ("en", "job_error_codes"): ["360", "361", "370"],
}


@pytest.mark.parametrize(("language", "topic"), sorted(DEVICE_WORDS))
def test_pages_use_the_facts_and_the_devices_own_words(language: str, topic: str) -> None:
    source = help_topics.html(language, topic)
    for words in DEVICE_WORDS[(language, topic)]:
        assert words in source, words


def test_no_page_carries_a_client_id() -> None:
    guid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
    for language, topic in all_pages():
        found = set(guid.findall(help_topics.html(language, topic)))
        assert found <= {"00000000-0000-0000-0000-000000000000"}, (language, topic, found)
