"""Dates, numbers and file sizes follow the reader's language."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Locale

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
        ("it", "01 Giugno 2021", "1,2\xa0MB"),
        ("el", "01/06/2021", "1,2\xa0MB"),
        ("ar", "1 يونيو، 2021", "1,2\xa0م.ب"),
    ],
)
def test_publication_date_and_file_size_are_formatted_for_the_reader(
    client, white_paper, code, date, size
):
    html = client.get(f"/{code}/publications/{white_paper.slug}/").content.decode()
    assert date in html
    assert size in html
