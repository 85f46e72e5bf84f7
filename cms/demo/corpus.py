"""`load_demo --scale N`: a large corpus of pages in every language, written in bulk.

N synthetic pilot actions, N publications (white papers and policy briefs in turn) and N news
items in English; each is copied into every other language of the site: a third of the copies
are translated pages (text in the language, so search stems it as such), the others are
aliases of the English page, as wagtail-localize makes them. So N gives 3 × N × (number of
languages) pages: `--scale 1852` gives 50,004 pages with nine languages.

Saving pages one by one (treebeard's add_child, a revision, publish, the index updates) costs
tens of milliseconds a page; here each step is one statement per batch:

- the tree paths, depth and url_path are computed here, after the parent's last child, and
  each parent's numchild is raised once;
- the page rows go in with one INSERT per table of the model's inheritance chain
  (`bulk_create` refuses multi-table models, so `_insert` is called per table, as bulk_create
  does for a single table);
- non-alias pages get one revision each, live and latest (aliases have none, as in Wagtail);
- search entries are written per batch through the search backend's `add_bulk`, which is what
  the index update task does one object at a time;
- the reference index is not written: the pages refer to nothing but their parents (no image,
  no snippet, no link); `manage.py rebuild_references_index` fills it if ever needed.

Slugs end in the item number and are the same in every language; running it again makes only
the numbers not yet there (in every language at once), so a second run with the same N writes
nothing.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from modelsearch.backends import get_search_backend
from wagtail.models import Locale, Page, Revision

from cms.models import (
    NewsPage,
    PilotActionPage,
    PilotStatus,
    PolicyBriefPage,
    PolicyLevel,
    WhitePaperPage,
)

from .progress import reporter

__all__ = ["KINDS", "build_corpus", "corpus_size"]

BATCH = 500

# (key of the English index page in the demo, slug prefix)
KINDS = {
    "pilot-actions": "synthetic-pilot-action-",
    "publications": "synthetic-publication-",
    "news": "synthetic-news-",
}

# Every third copy (by item and language) is a translated page; the others are aliases.
TRANSLATED_SHARE = 3

# Words of the corpus, a few per language: common ones (in most pages) and the kind's name.
# The same ideas in each language, so a query finds pages in several languages.
WORDS = {
    "en": {
        "pilot": "Pilot action",
        "publication": "Publication",
        "news": "News",
        "common": "cooperative community social innovation network citizens housing energy "
        "care food mobility inclusion training employment neighbourhood volunteers "
        "partnership economy culture health youth",
    },
    "it": {
        "pilot": "Azione pilota",
        "publication": "Pubblicazione",
        "news": "Notizia",
        "common": "cooperativa comunità innovazione sociale rete cittadini abitare energia "
        "cura cibo mobilità inclusione formazione lavoro quartiere volontari "
        "partenariato economia cultura salute giovani",
    },
    "fr": {
        "pilot": "Action pilote",
        "publication": "Publication",
        "news": "Actualité",
        "common": "coopérative communauté innovation sociale réseau citoyens logement énergie "
        "soins alimentation mobilité inclusion formation emploi quartier bénévoles "
        "partenariat économie culture santé jeunesse",
    },
    "es": {
        "pilot": "Acción piloto",
        "publication": "Publicación",
        "news": "Noticia",
        "common": "cooperativa comunidad innovación social red ciudadanos vivienda energía "
        "cuidados alimentación movilidad inclusión formación empleo barrio voluntarios "
        "colaboración economía cultura salud juventud",
    },
    "pt": {
        "pilot": "Ação piloto",
        "publication": "Publicação",
        "news": "Notícia",
        "common": "cooperativa comunidade inovação social rede cidadãos habitação energia "
        "cuidados alimentação mobilidade inclusão formação emprego bairro voluntários "
        "parceria economia cultura saúde juventude",
    },
    "el": {
        "pilot": "Πιλοτική δράση",
        "publication": "Δημοσίευση",
        "news": "Νέα",
        "common": "συνεταιρισμός κοινότητα κοινωνική καινοτομία δίκτυο πολίτες στέγαση ενέργεια "
        "φροντίδα τροφή κινητικότητα ένταξη κατάρτιση απασχόληση γειτονιά εθελοντές "
        "συνεργασία οικονομία πολιτισμός υγεία νεολαία",
    },
    "hr": {
        "pilot": "Pilot-aktivnost",
        "publication": "Publikacija",
        "news": "Vijest",
        "common": "zadruga zajednica socijalna inovacija mreža građani stanovanje energija "
        "skrb hrana mobilnost uključivanje obuka zapošljavanje susjedstvo volonteri "
        "partnerstvo ekonomija kultura zdravlje mladi",
    },
    "sl": {
        "pilot": "Pilotna akcija",
        "publication": "Publikacija",
        "news": "Novica",
        "common": "zadruga skupnost socialna inovacija mreža državljani stanovanje energija "
        "oskrba hrana mobilnost vključevanje usposabljanje zaposlovanje soseska prostovoljci "
        "partnerstvo gospodarstvo kultura zdravje mladi",
    },
    "ar": {
        "pilot": "إجراء تجريبي",
        "publication": "منشور",
        "news": "خبر",
        "common": "تعاونية مجتمع ابتكار اجتماعي شبكة مواطنون سكن طاقة رعاية غذاء تنقل إدماج "
        "تدريب عمل حي متطوعون شراكة اقتصاد ثقافة صحة شباب",
    },
}

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "re",
    "sa",
    "tu",
    "ve",
    "no",
    "da",
    "pi",
    "ri",
    "zo",
    "me",
    "la",
    "fu",
    "ne",
    "bo",
    "si",
]


def codename(i):
    """A made-up word for item i, found in its pages only: the corpus's rare words."""
    word, n = [], i
    for _ in range(4):
        word.append(SYLLABLES[n % len(SYLLABLES)])
        n //= len(SYLLABLES)
    return "".join(word).capitalize()


def _text(language, i, words=12):
    """A sentence of common words of the language, the same for an item in every language."""
    vocabulary = WORDS.get(language, WORDS["en"])["common"].split()
    rng = random.Random(i)  # noqa: S311 - repeatable filler text, not a secret
    # Skewed towards the first words, so some words are in most pages and others in few.
    picks = [vocabulary[min(int(rng.expovariate(0.25)), len(vocabulary) - 1)] for _ in range(words)]
    return " ".join(picks)


def _fields(kind, language, i):
    """The model and the field values of item i of a kind in a language."""
    words = WORDS.get(language, WORDS["en"])
    name = codename(i)
    summary = f"{name}: {_text(language, i)}."
    if kind == "pilot-actions":
        return PilotActionPage, {
            "title": f"{words['pilot']} {i} {name}",
            "summary": summary,
            "region": "Synthetic region",
            "place": f"{name} {i}",
            "latitude": f"{35 + (i * 7) % 11}.{i % 1000:03d}",
            "longitude": f"{-5 + (i * 13) % 40}.{(i * 7) % 1000:03d}",
            "status": PilotStatus.values[i % len(PilotStatus.values)],
            "objectives": f"<p>{_text(language, i + 1, 30)}</p>",
        }
    if kind == "publications":
        model, extra = WhitePaperPage, {}
        if i % 2 == 0:
            model = PolicyBriefPage
            extra["policy_level"] = PolicyLevel.values[i % len(PolicyLevel.values)]
        return model, {
            "title": f"{words['publication']} {i} {name}",
            "summary": summary,
            "publication_date": datetime.date(2019, 1, 1) + datetime.timedelta(days=i % 2000),
            "abstract": f"<p>{_text(language, i + 2, 40)}</p>",
            **extra,
        }
    return NewsPage, {
        "title": f"{words['news']} {i} {name}",
        "summary": summary,
        "date": datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 2000),
        "introduction": _text(language, i + 3, 30),
    }


def corpus_size(count, languages):
    """How many pages `build_corpus(…, count)` makes in all with that many languages."""
    return count * len(KINDS) * languages


class _Children:
    """The next tree paths under one parent: after its last child, whatever the batch."""

    def __init__(self, parent):
        self.parent = parent
        last = parent.get_last_child()
        self.next_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        self.added = 0

    def place(self, page):
        page.path = Page._get_path(self.parent.path, self.parent.depth + 1, self.next_step)
        page.depth = self.parent.depth + 1
        page.numchild = 0
        page.url_path = f"{self.parent.url_path}{page.slug}/"
        self.next_step += 1
        self.added += 1


def _chain(model):
    """The concrete models of a page type, Page first, the page type last."""
    return [*reversed(model._meta.get_parent_list()), model]


def _insert(pages):
    """Insert pages of one type: one INSERT per table of the inheritance chain."""
    model = type(pages[0])
    chain = _chain(model)
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    rows = Page._base_manager._insert(
        pages, fields=page_fields, returning_fields=Page._meta.db_returning_fields
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = row[0]
        for table_model in chain[1:]:
            for link in table_model._meta.parents.values():
                setattr(page, link.attname, page.id)
        page._state.adding = False
        page._state.db = "default"
    for table_model in chain[1:]:
        table_model._base_manager._insert(pages, fields=table_model._meta.local_concrete_fields)


def _no_related_objects(page):
    """Tell modelcluster the new page has no inline rows and no many-to-many links, so its
    revision content is serialised without a query per relation (they are all empty)."""
    model = type(page)
    names = [rel.get_accessor_name() for rel in get_all_child_relations(model)]
    names += [field.name for field in get_all_child_m2m_relations(model)]
    page._cluster_related_objects = {name: [] for name in names}


def _revise(pages, when):
    """One revision per page, live and latest, as publishing would leave it."""
    page_type = ContentType.objects.get_for_model(Page)
    for page in pages:
        _no_related_objects(page)
    revisions = [
        Revision(
            content_type_id=page.content_type_id,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=when,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = page.live_revision_id = revision.pk
    Page._base_manager.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=BATCH)


def _existing_numbers(parent, prefix):
    slugs = parent.get_children().filter(slug__startswith=prefix).values_list("slug", flat=True)
    return {int(slug[len(prefix) :]) for slug in slugs if slug[len(prefix) :].isdigit()}


def _index_in_every_language(index, locales):
    """The index page of each locale: its translation or alias in that tree."""
    found = {
        page.locale_id: page
        for page in Page.objects.filter(translation_key=index.translation_key, locale__in=locales)
    }
    missing = [locale.language_code for locale in locales if locale.pk not in found]
    if missing:
        raise ValueError(
            f"{index.title!r} has no page in {', '.join(missing)}: synchronise the trees first."
        )
    return {locale.language_code: found[locale.pk] for locale in locales}


def build_corpus(indexes, count, progress=None):
    """Items 1..count of each kind under `indexes` ({kind: English index page}), in every
    language of the site; only the numbers not there yet. Returns how many pages were made."""
    if count <= 0:
        return 0
    say = reporter(progress)
    locales = list(Locale.objects.order_by("pk"))
    english = next(locale for locale in locales if locale.language_code == "en")
    others = [locale for locale in locales if locale.pk != english.pk]
    backend = get_search_backend()
    now = timezone.now()
    made = 0
    for kind, prefix in KINDS.items():
        parents = _index_in_every_language(indexes[kind], locales)
        done = _existing_numbers(parents["en"], prefix)
        numbers = [i for i in range(1, count + 1) if i not in done]
        if not numbers:
            continue
        places = {code: _Children(parent) for code, parent in parents.items()}
        for start in range(0, len(numbers), BATCH):
            with transaction.atomic():
                made += _build_batch(
                    kind,
                    prefix,
                    numbers[start : start + BATCH],
                    english,
                    others,
                    places,
                    backend,
                    now,
                )
            say(f"corpus: {kind} {min(start + BATCH, len(numbers))} of {len(numbers)}")
        for place in places.values():
            Page._base_manager.filter(pk=place.parent.pk).update(
                numchild=F("numchild") + place.added
            )
    return made


def _build_batch(kind, prefix, numbers, english, others, places, backend, now):
    by_model = {}  # page type -> pages, for the inserts and the search entries
    sources, revised = [], []
    for i in numbers:
        model, values = _fields(kind, "en", i)
        published = now - datetime.timedelta(minutes=i)
        common = {
            "slug": f"{prefix}{i}",
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": published,
            "last_published_at": published,
            "latest_revision_created_at": published,
        }
        source = model(
            **values,
            **common,
            draft_title=values["title"],
            locale=english,
            translation_key=uuid.uuid4(),
            content_type=ContentType.objects.get_for_model(model),
        )
        places["en"].place(source)
        sources.append(source)
        by_model.setdefault(model, []).append(source)
    for models_pages in list(by_model.values()):
        _insert(models_pages)
    revised.extend(sources)

    copies = {}
    for source, i in zip(sources, numbers, strict=True):
        for n, locale in enumerate(others):
            code = locale.language_code
            translated = (i + n) % TRANSLATED_SHARE == 0
            model, values = _fields(kind, code if translated else "en", i)
            copy = model(
                **values,
                slug=source.slug,
                live=True,
                has_unpublished_changes=False,
                first_published_at=source.first_published_at,
                last_published_at=source.last_published_at,
                latest_revision_created_at=source.first_published_at if translated else None,
                draft_title=values["title"],
                locale=locale,
                translation_key=source.translation_key,
                alias_of=None if translated else source,
                content_type=source.content_type,
            )
            places[code].place(copy)
            copies.setdefault(model, []).append(copy)
            if translated:
                revised.append(copy)
    for model, pages in copies.items():
        _insert(pages)
        by_model.setdefault(model, []).extend(pages)
    _revise(revised, now)
    for model, pages in by_model.items():
        backend.add_bulk(model, pages)
    return sum(len(pages) for pages in by_model.values())
