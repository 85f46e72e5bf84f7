"""Dates, times with their time zone, numbers (grouped, with the reader's decimal mark) and file
sizes follow the reader's language."""

import datetime
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Locale, Page

from cms import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def white_paper(home):
    index = f.PublicationIndexPageFactory(parent=home)
    document = f.DocumentFactory(title="Paper")
    document.file.save("paper.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 1_250_000), save=True)
    page = f.WhitePaperPageFactory(
        parent=index,
        title="Social clusters",
        publication_date=datetime.date(2021, 6, 1),
        documents={"en": document},
    )
    for code in ("it", "el", "ar"):
        locale = Locale.objects.get(language_code=code)
        page.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    return page


@pytest.mark.parametrize(
    ("code", "date", "size"),
    [
        ("en", "June 1, 2021", "1.2\xa0MB"),
        ("it", "1 giugno 2021", "1,2\xa0MB"),
        ("el", "1 Ιουνίου 2021", "1,2\xa0MB"),
        ("ar", "1 يونيو، 2021", "1,2\xa0م.ب"),
    ],
)
def test_publication_date_and_file_size_are_formatted_for_the_reader(
    client, white_paper, code, date, size
):
    html = client.get(f"/{code}/publications/{white_paper.slug}/").content.decode()
    assert date in html
    assert size in html


@pytest.fixture
def news_item(home):
    index = f.NewsIndexPageFactory(parent=home)
    page = f.NewsPageFactory(parent=index, title="Venice final conference")
    for code in ("it", "el", "ar"):
        locale = Locale.objects.get(language_code=code)
        page.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    return page


# 13:05 UTC in winter is 14:05 in Rome (CET); 10:30 UTC in summer is 12:30 (CEST).
WINTER = datetime.datetime(2026, 1, 15, 13, 5, tzinfo=datetime.UTC)
SUMMER = datetime.datetime(2026, 7, 1, 10, 30, tzinfo=datetime.UTC)
LAST_UPDATED = {
    "en": "Last updated:",
    "it": "Ultimo aggiornamento:",
    "el": "Τελευταία ενημέρωση:",
    "ar": "آخر تحديث:",
}


@pytest.mark.parametrize(
    ("published", "code", "shown"),
    [
        (WINTER, "en", "Jan. 15, 2026, 2:05 p.m. CET"),
        (WINTER, "it", "15 gennaio 2026, 14:05 CET"),
        (WINTER, "el", "15 Ιανουαρίου 2026, 14:05 CET"),
        (WINTER, "ar", "15 يناير، 2026، 14:05 CET"),
        (SUMMER, "en", "July 1, 2026, 12:30 p.m. CEST"),
        (SUMMER, "it", "1 luglio 2026, 12:30 CEST"),
    ],
)
def test_last_update_time_is_shown_in_the_readers_language_with_its_time_zone(
    client, news_item, published, code, shown
):
    Page.objects.filter(translation_key=news_item.translation_key).update(
        last_published_at=published
    )
    html = client.get(f"/{code}/{news_item.get_parent().slug}/{news_item.slug}/").content.decode()
    stamp = re.search(r'class="page-updated">\s*(.*?)\s*<time datetime="(.*?)">(.*?)</time>', html)
    assert stamp.group(1) == LAST_UPDATED[code]
    assert stamp.group(2) == published.astimezone(ZoneInfo("Europe/Rome")).isoformat()
    # The time and its zone sit in one left-to-right isolate (tests/e2e/test_bidi.py).
    assert re.sub(r"<[^>]+>", "", stamp.group(3)) == shown


@pytest.mark.parametrize(
    ("code", "value", "ratio"),
    [
        ("en", "12,500.50", "3.20"),
        ("it", "12.500,50", "3,20"),
        ("el", "12.500,50", "3,20"),
        ("ar", "12.500,50", "3,20"),
    ],
)
def test_indicator_values_are_grouped_and_use_the_readers_decimal_mark(
    client, home, code, value, ratio
):
    index = f.PilotActionIndexPageFactory(parent=home)
    page = f.PilotActionPageFactory(parent=index)
    page.indicators.create(label="People reached", value=Decimal("12500.50"), unit="people")
    page.indicators.create(label="SROI ratio", value=Decimal("3.20"), is_sroi=True)
    page.save_revision().publish()
    if code != "en":
        page.copy_for_translation(
            Locale.objects.get(language_code=code), copy_parents=True
        ).save_revision().publish()
    html = client.get(f"/{code}/{index.slug}/{page.slug}/").content.decode()
    cells = re.findall(r'<td class="numeric">(.*?)</td>', html)
    assert cells == [value, ratio]
