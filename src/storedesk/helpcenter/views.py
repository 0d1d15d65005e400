"""The public help center and contact page: thin views over helpcenter.selectors.public and
helpcenter.actions, rendered in the shopper's language without any JavaScript needed."""

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from django.conf import settings as django_settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from storedesk.accounts.models import Team
from storedesk.accounts.selectors.teams import team_holidays
from storedesk.core.csp import hosts_the_chat_widget
from storedesk.core.errors import NotFound, ValidationFailed
from storedesk.core.models import Store
from storedesk.core.ratelimit import RateLimited
from storedesk.helpcenter.actions.contact import (
    CONTACT_PER_ADDRESS,
    check_contact_allowed,
    check_submit_contact_form,
)
from storedesk.helpcenter.actions.feedback import do_record_feedback, visitor_hash
from storedesk.helpcenter.forms import MAX_QUERY_LENGTH, ContactForm, FeedbackForm
from storedesk.helpcenter.selectors.public import (
    article_url,
    get_feedback_counts,
    get_help_center_settings,
    get_public_article,
    get_public_category,
    get_published_article_id,
    get_support_team,
    get_visitor_feedback,
    list_public_categories,
    list_sitemap_articles,
    list_sitemap_categories,
)
from storedesk.livechat.selectors import get_widget_for_store
from storedesk.publicsite.site import (
    footer_links,
    public_context,
    public_language,
    public_page,
    public_store,
    render_public,
    store_languages,
)
from storedesk.search.selectors import SearchHit, search_documents

SEARCH_RESULTS = 20
_SESSION_MARK = "help_visitor"


def _not_found(request: HttpRequest, store: Store, language: str) -> HttpResponse:
    context = public_context(request, store, language, alternates={})
    return render_public(
        request, "helpcenter/public/not_found.html", context, language=language, status=404
    )


@require_safe
@vary_on_headers("Accept-Language")
def root(request: HttpRequest) -> HttpResponse:
    """/help/: the store language the visitor's browser prefers, else the default."""
    store = public_store(request)
    languages = store_languages(store)
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header[:500]):
        code = code.lower()
        for candidate in (code, code.split("-")[0]):
            if candidate in languages:
                return redirect("help-home", candidate)
    return redirect("help-home", store.default_language)


@require_safe
@public_page
def home(request: HttpRequest, store: Store, page_language: str) -> HttpResponse:
    context = public_context(request, store, page_language)
    context["categories"] = list_public_categories(store, page_language)
    return render_public(request, "helpcenter/public/home.html", context, language=page_language)


@require_safe
@public_page
def category(
    request: HttpRequest, store: Store, page_language: str, category_slug: str
) -> HttpResponse:
    try:
        found = get_public_category(store, page_language, category_slug)
    except NotFound:
        return _not_found(request, store, page_language)
    context = public_context(request, store, page_language)
    context["category"] = found
    return render_public(
        request, "helpcenter/public/category.html", context, language=page_language
    )


def _visitor(request: HttpRequest) -> str | None:
    key = request.session.session_key
    return visitor_hash(key) if key else None


@require_safe
@public_page
def article(
    request: HttpRequest, store: Store, page_language: str, category_slug: str, article_slug: str
) -> HttpResponse:
    try:
        found = get_public_article(store, page_language, article_slug)
    except NotFound:
        return _not_found(request, store, page_language)
    if found.category.slug != category_slug:
        # The article moved to another category: keep old links working.
        return redirect(
            article_url(page_language, found.category.slug, article_slug), permanent=True
        )
    shown_in = {
        code: article_url(code, found.category.slug, article_slug)
        for code in store_languages(store)
        if code in found.languages
    }
    visitor = _visitor(request)
    answer = get_visitor_feedback(store, found.article, visitor) if visitor else None
    context = public_context(
        request,
        store,
        page_language,
        alternates=shown_in,
        # A page showing the default language's text is a copy of that page.
        canonical=shown_in.get(found.language),
    )
    context.update(
        {
            "article": found,
            "feedback_answer": answer,
            "feedback_counts": get_feedback_counts(store, found.article)
            if answer is not None
            else None,
            "feedback_url": reverse(
                "help-article-feedback", args=[page_language, found.category.slug, article_slug]
            ),
        }
    )
    return render_public(request, "helpcenter/public/article.html", context, language=page_language)


@require_POST
def feedback(
    request: HttpRequest, language: str, category_slug: str, article_slug: str
) -> HttpResponse:
    store = public_store(request)
    page_language, _fell_back = public_language(store, language)
    try:
        article_id = get_published_article_id(store, article_slug)
    except NotFound:
        return _not_found(request, store, page_language)
    form = FeedbackForm(request.POST)
    back = article_url(page_language, category_slug, article_slug) + "#feedback"
    if not form.is_valid():
        return HttpResponseRedirect(back, status=303)
    if not request.session.session_key:
        # The answer is counted per browser session; a first-time visitor gets one now.
        request.session[_SESSION_MARK] = True
        request.session.save()
    visitor = _visitor(request)
    assert visitor is not None  # the session was saved just above
    do_record_feedback(
        store,
        article_id=article_id,
        language=page_language,
        helpful=form.cleaned_data["helpful"],
        visitor=visitor,
    )
    return HttpResponseRedirect(back, status=303)


def _search_documents(store: Store, language: str, query: str) -> list[SearchHit]:
    return search_documents(store, language=language, query=query, limit=SEARCH_RESULTS)


@require_safe
@public_page
def search(request: HttpRequest, store: Store, page_language: str) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    context = public_context(request, store, page_language)
    context["query"] = query
    status = 200
    if len(query) > MAX_QUERY_LENGTH:
        with translation.override(page_language):
            context["error"] = _("Please search for at most %(limit)d characters.") % {
                "limit": MAX_QUERY_LENGTH
            }
        context["query"] = query[:MAX_QUERY_LENGTH]
        status = 400
    elif query:
        context["results"] = _search_documents(store, page_language, query)
    return render_public(
        request, "helpcenter/public/search.html", context, language=page_language, status=status
    )


# --- Contact page ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Interval:
    start: datetime
    end: datetime
    start_text: str
    end_text: str


@dataclass(frozen=True, slots=True)
class HoursRow:
    weekday: str
    day: date
    intervals: tuple[Interval, ...]


@dataclass(frozen=True, slots=True)
class WorkingHours:
    zone: str
    rows: tuple[HoursRow, ...]


def _clock(value: str) -> tuple[time, int] | None:
    """'HH:MM' as a time and a day offset ('24:00' is midnight of the next day)."""
    match = re.fullmatch(r"(\d{2}):(\d{2})", value)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    if (hour, minute) == (24, 0):
        return time(0, 0), 1
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute), 0


def working_hours(team: Team | None, *, now: datetime | None = None) -> WorkingHours | None:
    """The team's weekly hours as moments of the current week in the team's time zone, so
    the page can name the zone and a browser can convert them to its own; a day of the week
    that is one of the team's holidays has none."""
    if team is None or not team.working_hours:
        return None
    try:
        zone = ZoneInfo(team.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    today = timezone.localtime(now or timezone.now(), zone).date()
    monday = today - timedelta(days=today.weekday())
    days_off = {holiday.day for holiday in team_holidays(team)}
    rows = []
    for weekday in range(1, 8):
        day: date = monday + timedelta(days=weekday - 1)
        intervals = []
        # A holiday of this week shows as closed.
        for pair in [] if day in days_off else team.working_hours.get(str(weekday), []):
            if not isinstance(pair, list | tuple) or len(pair) != 2:
                continue
            start, end = _clock(str(pair[0])), _clock(str(pair[1]))
            if start is None or end is None:
                continue
            intervals.append(
                Interval(
                    start=datetime.combine(day + timedelta(days=start[1]), start[0], zone),
                    end=datetime.combine(day + timedelta(days=end[1]), end[0], zone),
                    start_text=str(pair[0]),
                    end_text=str(pair[1]),
                )
            )
        rows.append(
            HoursRow(weekday=str(WEEKDAYS[weekday - 1]), day=day, intervals=tuple(intervals))
        )
    return WorkingHours(zone=team.timezone, rows=tuple(rows))


def response_time_text(hours: int) -> str:
    """What the confirmation promises, in the active language."""
    if hours < 24:
        return ngettext(
            "We usually answer within %(count)d working hour.",
            "We usually answer within %(count)d working hours.",
            hours,
        ) % {"count": hours}
    days = math.ceil(hours / 24)
    return ngettext(
        "We usually answer within %(count)d working day.",
        "We usually answer within %(count)d working days.",
        days,
    ) % {"count": days}


def _contact_context(
    request: HttpRequest, store: Store, language: str, form: ContactForm | None
) -> dict[str, Any]:
    settings = get_help_center_settings(store)
    context = public_context(request, store, language)
    widget = get_widget_for_store(store) if settings.chat_enabled else None
    with translation.override(language):
        context.update(
            {
                "chat_widget_key": widget.key if widget is not None else "",
                "email": settings.contact_email,
                "whatsapp_url": _whatsapp_url(settings.whatsapp_number),
                "phone": settings.phone_number,
                "phone_display": _phone_display(settings.phone_number),
                "hours": working_hours(get_support_team(store, settings)),
                "form": form if settings.contact_form_enabled else None,
            }
        )
    return context


def client_address(request: HttpRequest) -> str:
    """The shopper's address: behind ``PROXY_COUNT`` reverse proxies, the one the outermost
    proxy saw (entries further left in X-Forwarded-For are the client's to forge)."""
    proxies: int = getattr(django_settings, "AXES_IPWARE_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.headers.get("X-Forwarded-For", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return str(request.META.get("REMOTE_ADDR", ""))


def _phone_display(number: str) -> str:
    """An E.164 number grouped for reading (+90 212 555 01 01)."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _whatsapp_url(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return f"https://wa.me/{digits}" if digits else ""


@require_http_methods(["GET", "POST"])
@hosts_the_chat_widget
@public_page
def contact(request: HttpRequest, store: Store, page_language: str) -> HttpResponse:
    if request.method != "POST":
        context = _contact_context(request, store, page_language, ContactForm())
        return render_public(
            request, "helpcenter/public/contact.html", context, language=page_language
        )
    form = ContactForm(request.POST)
    status = 400
    with translation.override(page_language):
        try:
            if not get_help_center_settings(store).contact_form_enabled:
                return _not_found(request, store, page_language)
            check_contact_allowed(store, client_address=client_address(request))
            if form.is_valid():
                if not form.is_bot:
                    data = form.cleaned_data
                    check_submit_contact_form(
                        store,
                        name=data["name"],
                        email=data["email"],
                        subject=data["subject"],
                        message=data["message"],
                        order_number=data["order_number"],
                        language=page_language,
                    )
                # A bot that filled the honeypot sees the same success as a person.
                return HttpResponseRedirect(
                    reverse("help-contact-sent", args=[page_language]), status=303
                )
        except RateLimited as error:
            form.add_error(None, error.message)
            status = 429
        except ValidationFailed as error:
            form.add_error(None, error.message)
    context = _contact_context(request, store, page_language, form)
    response = render_public(
        request, "helpcenter/public/contact.html", context, language=page_language, status=status
    )
    if status == 429:
        response.headers["Retry-After"] = str(CONTACT_PER_ADDRESS.window)
    return response


@require_safe
@public_page
def contact_sent(request: HttpRequest, store: Store, page_language: str) -> HttpResponse:
    context = public_context(request, store, page_language)
    with translation.override(page_language):
        context["response_time"] = response_time_text(
            context["help_settings"].expected_response_hours
        )
    return render_public(
        request, "helpcenter/public/contact_sent.html", context, language=page_language
    )


# --- Sitemap --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    location: str
    last_modified: datetime | None
    alternates: tuple[tuple[str, str], ...]


def _entries(
    request: HttpRequest, paths: dict[str, str], last_modified: datetime | None = None
) -> list[SitemapEntry]:
    """One entry per language of a page, each listing every language's URL."""
    alternates = tuple((code, request.build_absolute_uri(path)) for code, path in paths.items())
    return [SitemapEntry(url, last_modified, alternates) for _code, url in alternates]


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    store = public_store(request)
    languages = store_languages(store)
    entries = _entries(request, {code: reverse("help-home", args=[code]) for code in languages})
    for slug, shown in list_sitemap_categories(store).items():
        entries += _entries(
            request, {code: reverse("help-category", args=[code, slug]) for code in shown}
        )
    for item in list_sitemap_articles(store):
        entries += _entries(
            request,
            {
                code: article_url(code, item.category_slug, item.slug)
                for code in languages
                if code in item.languages
            },
            item.last_modified,
        )
    policies: dict[str, dict[str, str]] = {}
    for code in languages:
        for link in footer_links(store, code):
            policies.setdefault(link.slug, {})[code] = link.url
    for paths in policies.values():
        entries += _entries(request, paths)
    return render_public(
        request,
        "helpcenter/public/sitemap.xml",
        {"entries": entries},
        language=store.default_language,
        content_type="application/xml; charset=utf-8",
    )
