"""The shipped catalogs are compiled, the agent UI is complete in Turkish and Polish, and
everything a shopper reads is translated in every language the chat speaks."""

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from storedesk.accounts.models import Team
from storedesk.core.models import Store
from storedesk.core.templatetags.storedesk import status_label
from storedesk.inbox.models import AgentStatus, Presence
from storedesk.livechat.models import ChatWidget
from storedesk.livechat.selectors import get_availability, launcher_label, widget_greeting
from storedesk.livechat.tests.factories import ChatWidgetFactory

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
# The agent UI is complete in these; the others may leave agent strings to English.
COMPLETE_LANGUAGES = ("tr", "pl")
# Every language a shopper may be answered in, besides the English source.
SHOPPER_LANGUAGES = ("tr", "pl", "de", "fr", "es")
SHIPPED_CATALOGS = tuple(sorted(SHOPPER_LANGUAGES))
# Where the sentences a shopper reads come from: the chat server's answers and errors, the
# transcript email, the chat preview page and the help center.
SHOPPER_FACING_SOURCES = (
    "livechat/selectors.py",
    "livechat/actions.py",
    "livechat/api.py",
    "livechat/consumers.py",
    "livechat/site.py",
    "livechat/templates/livechat/transcript_email.txt",
    "livechat/templates/livechat/preview.html",
    # The public help center, contact page and policy pages, and the answers the policy
    # service gives in the shopper's language.
    "publicsite/site.py",
    "publicsite/templates/publicsite/*",
    "helpcenter/site.py",
    "helpcenter/views.py",
    "helpcenter/forms.py",
    "helpcenter/actions/contact.py",
    "helpcenter/actions/feedback.py",
    "helpcenter/templates/helpcenter/public/*",
    "policies/site.py",
    "policies/views.py",
    "policies/selectors.py",
    "policies/templates/policies/public/*",
    # What canned replies tell a customer about their order, in the reply's language.
    "inbox/order_status_text.py",
)

needs_msgfmt = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed"
)
needs_msggrep = pytest.mark.skipif(
    shutil.which("msggrep") is None or shutil.which("msgfmt") is None,
    reason="GNU gettext's msggrep and msgfmt are not installed",
)


def _catalog(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def _statistics(po_text: str) -> str:
    """What ``msgfmt --statistics`` says of a catalog: "12 translated messages, 1 fuzzy…"."""
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", "-"],  # noqa: S607
        input=po_text,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr


@needs_msgfmt
@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_every_ui_string_is_translated(language: str) -> None:
    statistics = _statistics(_catalog(language).read_text(encoding="utf-8"))

    assert "untranslated" not in statistics
    assert "fuzzy" not in statistics


@needs_msggrep
@pytest.mark.parametrize("language", SHOPPER_LANGUAGES)
def test_every_shopper_facing_string_is_translated(language: str) -> None:
    locations = [argument for source in SHOPPER_FACING_SOURCES for argument in ("-N", source)]
    shopper_facing = subprocess.run(  # noqa: S603
        ["msggrep", *locations, str(_catalog(language))],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    statistics = _statistics(shopper_facing)

    # The greeting, the launcher, the availability sentences, the rate limits, the
    # transcript email and the preview page at the least.
    assert int(statistics.split()[0]) >= 20, statistics
    assert "untranslated" not in statistics
    assert "fuzzy" not in statistics


@needs_msgfmt
@pytest.mark.parametrize("language", SHIPPED_CATALOGS)
def test_the_compiled_catalog_matches_its_source(language: str, tmp_path: Path) -> None:
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    compiled = tmp_path / "django.mo"

    subprocess.run(  # noqa: S603
        ["msgfmt", "-o", str(compiled), str(folder / "django.po")],  # noqa: S607
        check=True,
    )

    assert compiled.read_bytes() == (folder / "django.mo").read_bytes()


def test_every_shopper_language_ships_a_catalog() -> None:
    offered = {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}

    assert offered == set(SHOPPER_LANGUAGES)
    for language in SHOPPER_LANGUAGES:
        assert (LOCALE_DIR / language / "LC_MESSAGES" / "django.mo").is_file()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "In transit"), ("tr", "Yolda"), ("pl", "W drodze")],
)
def test_shipment_statuses_speak_the_agents_language(language: str, expected: str) -> None:
    with translation.override(language):
        assert status_label("in_transit") == expected


# What the chat widget's shopper reads ---------------------------------------------------

# Friday 20:30 in Istanbul: the team below is back on Monday at 09:00.
FRIDAY_EVENING = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)
# Monday 08:00 in Istanbul: the team is back today at 09:00.
MONDAY_MORNING = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)
# Tuesday 11:00 in Istanbul: within the team's working hours.
TUESDAY_MIDDAY = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)

GREETINGS = {
    "tr": "Merhaba! Bugün size nasıl yardımcı olabiliriz?",
    "pl": "Dzień dobry! W czym możemy dziś pomóc?",
    "de": "Hallo! Wie können wir Ihnen heute helfen?",
    "fr": "Bonjour\u202f! Comment pouvons-nous vous aider aujourd’hui\u202f?",
    "es": "¡Hola! ¿En qué podemos ayudarle hoy?",
}
# The same words as the widget's own launcher button (livechat/static/livechat/widget.js).
LAUNCHER_LABELS = {
    "tr": "Bize yazın",
    "pl": "Czat z nami",
    "de": "Schreiben Sie uns",
    "fr": "Écrivez-nous",
    "es": "Escríbanos",
}
BACK_ON_MONDAY = {
    "de": "Unser Team ist gerade nicht erreichbar und ab Montag, 09:00 Uhr wieder da "
    "(Zeitzone Europe/Istanbul). Hinterlassen Sie Ihre E-Mail-Adresse, dann antworten wir "
    "Ihnen dort.",
    "fr": "Notre équipe est absente pour le moment et sera de retour lundi à 09:00 (heure de "
    "Europe/Istanbul). Laissez-nous votre adresse e-mail et nous vous y répondrons.",
    "es": "Nuestro equipo no está disponible en este momento y vuelve el lunes a las 09:00 "
    "(hora de Europe/Istanbul). Déjenos su correo electrónico y le responderemos allí.",
}


@pytest.fixture
def widget(store: Store) -> ChatWidget:
    # No greeting of the store's own: the widget greets with the translated default.
    return ChatWidgetFactory(store=store, greeting={})


def _shopper_sentences(widget: ChatWidget, language: str) -> dict[str, str]:
    """Every sentence the chat server sends a shopper's widget, in ``language``."""

    def expected_reply(now: datetime, *, team: Team | None) -> str:
        widget.team = team
        return get_availability(widget, language=language, now=now).expected_reply

    team = Team.objects.get(store=widget.store)
    AgentStatus.objects.filter(store=widget.store).delete()
    nobody_online = expected_reply(TUESDAY_MIDDAY, team=None)
    back_on_monday = expected_reply(FRIDAY_EVENING, team=team)
    back_today = expected_reply(MONDAY_MORNING, team=team)
    AgentStatus.objects.update_or_create(
        store=widget.store,
        user=team.members.get(),
        defaults={"presence": Presence.ONLINE, "last_seen_at": TUESDAY_MIDDAY},
    )
    live = expected_reply(TUESDAY_MIDDAY, team=team)
    return {
        "greeting": widget_greeting(widget, language),
        "launcher": launcher_label(language),
        "nobody_online": nobody_online,
        "back_on_monday": back_on_monday,
        "back_today": back_today,
        "live": live,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", SHOPPER_LANGUAGES)
def test_the_chat_server_speaks_the_shoppers_language(
    widget: ChatWidget, team: Team, language: str
) -> None:
    english = _shopper_sentences(widget, "en")

    translated = _shopper_sentences(widget, language)

    assert english["greeting"] == "Hi! How can we help you today?"
    assert english["back_on_monday"].startswith("Our team is away right now and back on Monday")
    assert english["back_today"].startswith("Our team is away right now and back today at 09:00")
    assert english["live"] == "We usually answer within a few minutes."
    for kind, sentence in translated.items():
        assert sentence, kind
        assert sentence != english[kind], kind
    assert translated["greeting"] == GREETINGS[language]
    assert translated["launcher"] == LAUNCHER_LABELS[language]
    assert "09:00" in translated["back_on_monday"]
    assert "09:00" in translated["back_today"]
    assert "Europe/Istanbul" in translated["back_today"]
    if language in BACK_ON_MONDAY:
        assert translated["back_on_monday"] == BACK_ON_MONDAY[language]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "opening", "times"),
    [
        ("tr", "Moda Çarşı ile yaptığınız konuşma aşağıdadır.", "Saatler"),
        ("pl", "Oto Państwa rozmowa ze sklepem Moda Çarşı.", "Godziny"),
        ("de", "Hier ist Ihre Unterhaltung mit Moda Çarşı.", "Zeitangaben"),
        ("fr", "Voici votre conversation avec Moda Çarşı.", "Les heures"),
        ("es", "Esta es su conversación con Moda Çarşı.", "Las horas"),
    ],
)
def test_the_transcript_email_speaks_the_shoppers_language(
    store: Store, language: str, opening: str, times: str
) -> None:
    with translation.override(language):
        body = render_to_string(
            "livechat/transcript_email.txt",
            {"store": store, "messages": [], "zone": "Europe/Istanbul"},
        )

    assert body.startswith(opening)
    assert times in body
    assert "Europe/Istanbul" in body
