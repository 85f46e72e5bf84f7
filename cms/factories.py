"""Factories for the editorial models, used by the tests and by `load_demo --scale`."""

import datetime
import string

import factory
import wagtail_factories
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale, Page, Site

from cms import models


def default_locale():
    return Locale.get_default()


class ImageFactory(wagtail_factories.ImageFactory):
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.django.ImageField(width=640, height=360, color="#1f6f8b")


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="document.pdf", data=b"%PDF-1.4\n%%EOF\n")


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = models.Topic


# ISO 3166's user-assigned codes (XA-XZ, QM-QZ): a generated country never takes the code of a
# real one that a test names ("IT" was the 228th generated code, so a test's own Italy could
# collide with a country some earlier test's factories had made).
GENERATED_COUNTRY_CODES = [f"X{letter}" for letter in string.ascii_uppercase] + [
    f"Q{letter}" for letter in "MNOPQRSTUVWXYZ"
]


class CountryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Country {n}")
    code = factory.Sequence(lambda n: GENERATED_COUNTRY_CODES[n % len(GENERATED_COUNTRY_CODES)])
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = models.Country
        django_get_or_create = ("code", "locale")


class OrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = models.OrganisationKind.PARTNER
    helix = models.Helix.PUBLIC
    country = factory.SubFactory(CountryFactory)
    website = "https://example.org/"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = models.Organisation


class PersonFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ana Author{n}")
    role = "Researcher"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = models.Person


class FooterTextFactory(DjangoModelFactory):
    address = "Piazza Santo Stefano 15\n32100 Belluno"
    funding_statement = "Co-financed by the European Regional Development Fund."
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = models.FooterText


class BasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.title}.")

    class Meta:
        abstract = True
        # Post-generation hooks that change the page save it themselves.
        skip_postgeneration_save = True


class HomePageFactory(BasePageFactory):
    title = "Home"
    hero_heading = "Social innovation across the Mediterranean"
    parent = factory.LazyFunction(lambda: Page.get_first_root_node())

    class Meta:
        model = models.HomePage


class ContentPageFactory(BasePageFactory):
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = models.ContentPage


class PilotActionIndexPageFactory(BasePageFactory):
    title = "Pilot actions"
    slug = "pilot-actions"

    class Meta:
        model = models.PilotActionIndexPage


class PilotActionPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Pilot action {n}")
    region = "Istria"
    place = "Pula"
    country = factory.SubFactory(CountryFactory)
    latitude = "44.866600"
    longitude = "13.849600"
    status = models.PilotStatus.RUNNING
    start_date = datetime.date(2020, 2, 1)
    end_date = datetime.date(2021, 12, 31)
    objectives = "<p>Boost research potential of young people.</p>"

    class Meta:
        model = models.PilotActionPage

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):
        for order, sector in enumerate(extracted or []):
            models.PilotActionSector.objects.create(page=obj, sector=sector, sort_order=order)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            obj.save()


class PublicationIndexPageFactory(BasePageFactory):
    title = "Publications"
    slug = "publications"

    class Meta:
        model = models.PublicationIndexPage


class _PublicationFactory(BasePageFactory):
    publication_date = datetime.date(2021, 6, 1)
    abstract = "<p>What the network learned.</p>"

    class Meta:
        abstract = True

    @factory.post_generation
    def authors(obj, create, extracted, **kwargs):
        if extracted:
            for person in extracted:
                models.PublicationAuthor.objects.create(page=obj, person=person)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            obj.save()

    @factory.post_generation
    def countries(obj, create, extracted, **kwargs):
        if extracted:
            obj.countries.set(extracted)
            obj.save()

    @factory.post_generation
    def documents(obj, create, extracted, **kwargs):
        """documents={"en": <Document>, "it": <Document>}"""
        for language, document in (extracted or {}).items():
            models.PublicationDocument.objects.create(
                page=obj, language=language, document=document
            )


class WhitePaperPageFactory(_PublicationFactory):
    title = factory.Sequence(lambda n: f"White paper {n}")

    class Meta:
        model = models.WhitePaperPage


class PolicyBriefPageFactory(_PublicationFactory):
    title = factory.Sequence(lambda n: f"Policy brief {n}")
    policy_level = models.PolicyLevel.REGIONAL

    class Meta:
        model = models.PolicyBriefPage


class NewsIndexPageFactory(BasePageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = models.NewsIndexPage


class NewsPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    date = datetime.date(2022, 3, 10)
    introduction = "Something happened in the network."

    class Meta:
        model = models.NewsPage

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            obj.save()


def make_site(hostname="localhost", port=80):
    """A home page set as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        # Site.root_page cascades on delete: move the site off the welcome page first.
        site.root_page = root
        site.save()
    # The welcome page holds the slug "home" under the root; it is a plain Page with no children.
    plain_page = ContentType.objects.get_for_model(Page)
    for page in root.get_children().filter(content_type=plain_page, numchild=0):
        page.delete()
    home = HomePageFactory()
    if site is None:
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True
        )
    else:
        site.root_page = home
        site.save()
    return home
