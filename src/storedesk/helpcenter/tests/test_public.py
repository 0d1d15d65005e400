import re
from typing import Any
from xml.etree import ElementTree

import pytest
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import ngettext

from storedesk.core.models import Store
from storedesk.helpcenter import views
from storedesk.helpcenter.models import Article, ArticleFeedback
from storedesk.helpcenter.tests.factories import (
    ArticleTranslationFactory,
    HelpCenterSettingsFactory,
    make_article,
    make_category,
)
from storedesk.search.actions import do_index_document

pytestmark = pytest.mark.django_db

SIZE_CHART = """Our shirts run true to size.

| Size | Chest (cm) |
|------|-----------:|
| S    | 88–94      |
| M    | 96–102     |
"""


@pytest.fixture
def returns(store: Store) -> Article:
    category = make_category(store, "returns", {"tr": "İade ve değişim", "en": "Returns"})
    return make_article(
        category,
        "return-policy",
        published={
            "tr": ("İade politikası", "Ürünleri **14 gün** içinde iade edebilirsiniz."),
            "en": ("Return policy", "You can return items within **14 days**."),
        },
    )


@pytest.fixture
def size_chart(returns: Article) -> Article:
    # Published in Turkish only: English readers see the Turkish text with a note.
    return make_article(
        returns.category, "size-chart", published={"tr": ("Beden tablosu", SIZE_CHART)}
    )


def test_root_redirects_to_the_browsers_language(client: Client, store: Store) -> None:
    response = client.get("/help/", headers={"accept-language": "de-DE,en-US;q=0.8,en;q=0.5"})

    assert response.status_code == 302
    assert response["Location"] == "/help/en/"
    assert "Accept-Language" in response["Vary"]


def test_root_redirects_to_the_default_language_without_a_match(
    client: Client, store: Store
) -> None:
    response = client.get("/help/", headers={"accept-language": "ja"})

    assert response["Location"] == "/help/tr/"


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/help/xx/", "/help/tr/"),
        ("/help/zz-ZZ/", "/help/tr/"),
        ("/help/pl/returns/return-policy/", "/help/tr/returns/return-policy/"),
        ("/help/xx/search/?q=iade", "/help/tr/search/?q=iade"),
    ],
)
def test_unknown_language_redirects_to_the_default(
    client: Client, returns: Article, path: str, target: str
) -> None:
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == target


def test_home_lists_categories_and_articles_in_the_language(
    client: Client, size_chart: Article
) -> None:
    response = client.get("/help/tr/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="tr">' in html
    assert "İade ve değişim" in html
    assert 'href="/help/tr/returns/return-policy/"' in html
    assert "İade politikası" in html
    assert "Beden tablosu" in html
    assert 'href="/help/tr/contact/"' in html
    assert response["Content-Language"] == "tr"


def test_home_shows_fallback_titles_marked_with_their_language(
    client: Client, size_chart: Article
) -> None:
    html = client.get("/help/en/").content.decode()

    assert "Return policy" in html
    assert "İade politikası" not in html
    assert 'hreflang="tr" lang="tr">Beden tablosu</a>' in html


def test_article_is_shown_in_the_requested_language(client: Client, returns: Article) -> None:
    response = client.get("/help/en/returns/return-policy/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Return policy</h1>" in html
    assert "<strong>14 days</strong>" in html
    assert "not available" not in html


def test_article_falls_back_to_the_default_language_with_a_note(
    client: Client, size_chart: Article
) -> None:
    response = client.get("/help/en/returns/size-chart/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "This article is not available in English yet; showing Turkish." in html
    assert "<h1>Beden tablosu</h1>" in html
    assert "<table>" in html
    assert '<article lang="tr">' in html
    # The fallback page is a copy of the Turkish one.
    assert '<link rel="canonical" href="http://testserver/help/tr/returns/size-chart/">' in html


def test_hreflang_and_canonical_links(client: Client, returns: Article) -> None:
    html = client.get("/help/tr/returns/return-policy/").content.decode()

    assert '<link rel="canonical" href="http://testserver/help/tr/returns/return-policy/">' in html
    assert (
        '<link rel="alternate" hreflang="tr" href="http://testserver/help/tr/returns/return-policy/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/help/en/returns/return-policy/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="x-default" '
        'href="http://testserver/help/tr/returns/return-policy/">' in html
    )


def test_article_hreflang_lists_only_published_languages(
    client: Client, size_chart: Article
) -> None:
    html = client.get("/help/tr/returns/size-chart/").content.decode()

    assert 'hreflang="tr" href=' in html
    assert 'hreflang="en" href=' not in html


def test_draft_article_is_not_found_in_the_public_layout(client: Client, returns: Article) -> None:
    make_article(returns.category, "secret-sale", drafts={"tr": ("Gizli indirim", "Yakında")})

    response = client.get("/help/tr/returns/secret-sale/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Moda Çarşı" in html
    assert "Gizli indirim" not in html


def test_draft_translation_is_not_shown_and_falls_back(client: Client, store: Store) -> None:
    category = make_category(store, "shipping", {"tr": "Kargo"})
    make_article(
        category,
        "delivery",
        published={"tr": ("Teslimat", "1-3 iş günü")},
        drafts={"en": ("Delivery (draft)", "unfinished")},
    )

    html = client.get("/help/en/shipping/delivery/").content.decode()

    assert "Delivery (draft)" not in html
    assert "Teslimat" in html


def test_edited_draft_does_not_change_the_published_copy(client: Client, returns: Article) -> None:
    translation = returns.translations.get(language="en")
    translation.title = "Half-written title"
    translation.save()

    html = client.get("/help/en/returns/return-policy/").content.decode()

    assert "Return policy" in html
    assert "Half-written" not in html


def test_unknown_article_and_category_are_not_found(client: Client, returns: Article) -> None:
    assert client.get("/help/tr/returns/nope/").status_code == 404
    assert client.get("/help/tr/nope/").status_code == 404


def test_article_in_a_wrong_category_redirects_to_its_address(
    client: Client, returns: Article
) -> None:
    make_category(returns.store, "shipping", {"tr": "Kargo"})

    response = client.get("/help/tr/shipping/return-policy/")

    assert response.status_code == 301
    assert response["Location"] == "/help/tr/returns/return-policy/"


def test_category_page_lists_its_articles(client: Client, size_chart: Article) -> None:
    response = client.get("/help/tr/returns/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>İade ve değişim</h1>" in html
    assert "Beden tablosu" in html


def test_related_articles_are_the_chosen_ones(client: Client, returns: Article) -> None:
    other = make_category(returns.store, "shipping", {"tr": "Kargo"})
    delivery = make_article(other, "delivery", published={"tr": ("Teslimat süresi", "1-3 gün")})
    make_article(returns.category, "exchange", published={"tr": ("Değişim", "...")})
    returns.related.add(delivery)

    html = client.get("/help/tr/returns/return-policy/").content.decode()

    assert "Teslimat süresi" in html
    assert "Değişim" not in html


def test_related_articles_default_to_the_same_category(
    client: Client, returns: Article, size_chart: Article
) -> None:
    html = client.get("/help/tr/returns/return-policy/").content.decode()

    related = html.split("Related articles")[-1]
    assert "Beden tablosu" in related


def test_malicious_markdown_puts_no_script_on_the_page(client: Client, store: Store) -> None:
    category = make_category(store, "about", {"tr": "Hakkımızda"})
    make_article(
        category,
        "about-us",
        published={
            "tr": (
                "Biz kimiz",
                "<script>alert(1)</script>\n\n[tıkla](javascript:alert(2))\n\n"
                '<img src=x onerror="alert(3)">',
            )
        },
    )

    html = client.get("/help/tr/about/about-us/").content.decode()

    body = html.split('<div class="article-body">')[1].split("</div>")[0]
    assert "<script" not in body
    assert 'href="javascript:' not in body
    assert "<img" not in body
    assert "&lt;script&gt;" in body


def test_other_stores_article_is_not_reachable_through_this_host(
    client: Client, store: Store, other_store: Store, settings: Any
) -> None:
    settings.ALLOWED_HOSTS = ["help.moda.example", "help.lodz.example"]
    HelpCenterSettingsFactory(store=store, public_host="help.moda.example")
    HelpCenterSettingsFactory(store=other_store, public_host="help.lodz.example")
    category = make_category(other_store, "zwroty", {"pl": "Zwroty"})
    make_article(category, "zwrot-pieniedzy", published={"pl": ("Zwrot pieniędzy", "14 dni")})

    own = client.get("/help/pl/zwroty/zwrot-pieniedzy/", headers={"host": "help.lodz.example"})
    foreign = client.get("/help/tr/zwroty/zwrot-pieniedzy/", headers={"host": "help.moda.example"})

    assert own.status_code == 200
    assert "Zwrot pieniędzy" in own.content.decode()
    assert foreign.status_code == 404
    assert "Zwrot pieniędzy" not in foreign.content.decode()


def test_unknown_host_of_a_multi_store_installation_is_not_found(
    client: Client, store: Store, other_store: Store
) -> None:
    assert client.get("/help/tr/").status_code == 404


def test_sitemap_lists_published_pages_with_alternates(client: Client, size_chart: Article) -> None:
    make_article(size_chart.category, "draft-only", drafts={"tr": ("Taslak", "...")})

    response = client.get("/help/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    base = "http://testserver/help"
    assert locations == [
        f"{base}/tr/",
        f"{base}/en/",
        f"{base}/tr/returns/",
        f"{base}/en/returns/",
        f"{base}/tr/returns/return-policy/",
        f"{base}/en/returns/return-policy/",
        f"{base}/tr/returns/size-chart/",
    ]
    policy = root.findall("s:url", ns)[4]
    alternates = {link.get("hreflang"): link.get("href") for link in policy.findall("x:link", ns)}
    assert alternates == {
        "tr": f"{base}/tr/returns/return-policy/",
        "en": f"{base}/en/returns/return-policy/",
    }
    assert policy.find("s:lastmod", ns) is not None


def _csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match is not None
    return match[1]


def test_feedback_counts_once_per_visitor_and_shows_counts(
    client: Client, returns: Article
) -> None:
    page = "/help/en/returns/return-policy/"
    url = page + "feedback/"
    html = client.get(page).content.decode()
    assert "Was this helpful?" in html
    assert 'name="helpful" value="yes"' in html

    first = client.post(url, {"helpful": "yes"})
    second = client.post(url, {"helpful": "no"})
    Client().post(url, {"helpful": "no"})

    assert first.status_code == 303
    assert first["Location"] == page + "#feedback"
    assert second.status_code == 303
    rows = ArticleFeedback.objects.filter(article=returns).order_by("id")
    assert [(row.helpful, row.language, row.store_id) for row in rows] == [
        (True, "en", returns.store_id),
        (False, "en", returns.store_id),
    ]
    html = client.get(page).content.decode()
    assert 'name="helpful"' not in html
    assert "1 of 2 people found this helpful." in html


def test_feedback_needs_a_csrf_token(returns: Article) -> None:
    client = Client(enforce_csrf_checks=True)
    page = "/help/en/returns/return-policy/"

    refused = client.post(page + "feedback/", {"helpful": "yes"})
    assert refused.status_code == 403
    assert not ArticleFeedback.objects.exists()

    token = _csrf_token(client.get(page).content.decode())
    accepted = client.post(page + "feedback/", {"helpful": "yes", "csrfmiddlewaretoken": token})
    assert accepted.status_code == 303
    assert ArticleFeedback.objects.count() == 1


def test_feedback_on_a_draft_or_with_a_bad_answer_stores_nothing(
    client: Client, returns: Article
) -> None:
    make_article(returns.category, "secret", drafts={"tr": ("Gizli", "...")})

    draft = client.post("/help/tr/returns/secret/feedback/", {"helpful": "yes"})
    bad = client.post("/help/tr/returns/return-policy/feedback/", {"helpful": "maybe"})
    get = client.get("/help/tr/returns/return-policy/feedback/")

    assert draft.status_code == 404
    assert bad.status_code == 303
    assert get.status_code == 405
    assert not ArticleFeedback.objects.exists()


def test_search_without_query_shows_the_form_only(client: Client, returns: Article) -> None:
    html = client.get("/help/tr/search/").content.decode()

    assert 'role="search"' in html
    assert '<ol class="results">' not in html
    assert "Nothing found" not in html


def test_search_with_an_over_long_query_says_so(client: Client, returns: Article) -> None:
    response = client.get("/help/en/search/", {"q": "x" * 201})

    assert response.status_code == 400
    assert "Please search for at most 200 characters." in response.content.decode()


def test_search_shows_hits_escaped(
    client: Client, returns: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Hit:
        kind = "article"
        key = "return-policy"
        language = "tr"
        title = "İade politikası"
        url = "/help/tr/returns/return-policy/"
        snippet = "<b>iade</b> <script>x</script>"
        score = 1.0

    seen: list[tuple[str, str]] = []

    def fake_search(store: Store, language: str, query: str) -> list[Any]:
        seen.append((language, query))
        return [Hit()]

    monkeypatch.setattr(views, "_search_documents", fake_search)

    html = client.get("/help/tr/search/", {"q": " İADE "}).content.decode()

    assert seen == [("tr", "İADE")]
    assert 'href="/help/tr/returns/return-policy/"' in html
    assert "&lt;script&gt;" in html
    assert "<script>x" not in html


def test_home_query_count(
    client: Client, size_chart: Article, django_assert_max_num_queries: Any
) -> None:
    for n in range(5):
        make_article(size_chart.category, f"more-{n}", published={"tr": (f"Makale {n}", "...")})

    with django_assert_max_num_queries(8):
        response = client.get("/help/tr/")

    assert response.status_code == 200


def test_article_query_count(
    client: Client, returns: Article, size_chart: Article, django_assert_max_num_queries: Any
) -> None:
    client.post("/help/tr/returns/return-policy/feedback/", {"helpful": "yes"})

    with django_assert_max_num_queries(12):
        response = client.get("/help/tr/returns/return-policy/")

    assert response.status_code == 200
    with translation.override("tr"):
        counts = ngettext(
            "%(helpful)s of %(counter)s person found this helpful.",
            "%(helpful)s of %(counter)s people found this helpful.",
            1,
        ) % {"helpful": 1, "counter": 1}
    assert counts in response.content.decode()


def test_article_query_count_does_not_grow_with_articles(client: Client, returns: Article) -> None:
    from django.db import connection

    with CaptureQueriesContext(connection) as few:
        client.get("/help/tr/returns/return-policy/")
    for n in range(10):
        ArticleTranslationFactory(
            article__category=returns.category,
            article__store=returns.store,
            language="tr",
            published=True,
        )
        del n
    with CaptureQueriesContext(connection) as many:
        client.get("/help/tr/returns/return-policy/")

    assert len(many) == len(few)


def _result_links(html: str) -> list[str]:
    results = html.split('<ol class="results">')[1].split("</ol>")[0]
    return re.findall(r'<a href="([^"]+)"', results)


def test_search_finds_articles_regardless_of_turkish_case(client: Client, returns: Article) -> None:
    do_index_document(
        returns.store,
        kind="article",
        key=str(returns.pk),
        language="tr",
        title="İade politikası",
        body="Ürünleri 14 gün içinde iade edebilirsiniz.",
        url="/help/tr/returns/return-policy/",
    )

    lower = client.get("/help/tr/search/", {"q": "iade"}).content.decode()
    upper = client.get("/help/tr/search/", {"q": "İADE"}).content.decode()

    assert _result_links(lower) == ["/help/tr/returns/return-policy/"]
    assert _result_links(upper) == _result_links(lower)
    assert "İade politikası" in lower


def test_polish_search_without_diacritics_finds_the_article(
    client: Client, other_store: Store
) -> None:
    category = make_category(other_store, "zwroty", {"pl": "Zwroty"})
    article = make_article(
        category, "zwrot-pieniedzy", published={"pl": ("Zwrot pieniędzy", "W ciągu 14 dni.")}
    )
    do_index_document(
        other_store,
        kind="article",
        key=str(article.pk),
        language="pl",
        title="Zwrot pieniędzy",
        body="W ciągu 14 dni.",
        url="/help/pl/zwroty/zwrot-pieniedzy/",
    )

    html = client.get("/help/pl/search/", {"q": "zwrot pieniedzy"}).content.decode()

    assert _result_links(html) == ["/help/pl/zwroty/zwrot-pieniedzy/"]
