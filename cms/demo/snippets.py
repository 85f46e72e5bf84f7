"""Builds the demo snippets (countries, topics, organisations, people, the footer text) and their
translations."""

from cms.models import Country, FooterText, Organisation, OrganisationKind, Person, Topic

from .content import load
from .content.translations import EXTRA_LANGUAGES
from .sync import localize, sync_snippet, sync_snippet_translation

# Countries, topics, organisations and the footer text exist in every site language; people
# (named only on publications, written in en and it) in en and it.
TRANSLATED_LANGUAGES = ("it", *EXTRA_LANGUAGES)
SNIPPETS = load("snippets")
ORGANISATIONS = load("organisations")


def _both(ctx, kind, model, lookup, values_for, key=None, languages=("it",)):
    """Sync the English snippet and its translations; return {"en": obj, "it": obj, ...}."""
    en_obj, status = sync_snippet(
        model, lookup, values_for("en"), locale=ctx.locales["en"], key=key
    )
    ctx.count(kind, status)
    objects = {"en": en_obj}
    for language in languages:
        objects[language], status = sync_snippet_translation(
            en_obj, ctx.locales[language], values_for(language)
        )
        ctx.count(kind, status)
    return objects


def build_countries(ctx):
    for code, name in SNIPPETS["countries"]:
        ctx.countries[code] = _both(
            ctx,
            "countries",
            Country,
            {"code": code},
            lambda lang, n=name: {"name": localize(n, lang)},
            languages=TRANSLATED_LANGUAGES,
        )


def build_topics(ctx):
    for slug, name, description in SNIPPETS["topics"]:

        def values(lang, name=name, description=description):
            return {"name": localize(name, lang), "description": localize(description, lang)}

        ctx.topics[slug] = _both(
            ctx, "topics", Topic, {"slug": slug}, values, languages=TRANSLATED_LANGUAGES
        )


def _organisation_values(ctx, item, kind):
    def values(lang):
        text = localize(item, lang)
        return {
            "name": text["name"],
            "short_name": text.get("short_name", ""),
            "kind": kind,
            "helix": text["helix"],
            "country": ctx.countries[text["country"]][lang],
            "city": text["city"],
            "website": text["website"],
            "description": text.get("description", ""),
            # Consent to partner suggestions: the demo opts some organisations in.
            "open_to_partnering": bool(item.get("open_to_partnering")),
        }

    return values


def build_organisations(ctx):
    rows = [(item, OrganisationKind.PARTNER) for item in ORGANISATIONS["partners"]]
    rows += [(item, OrganisationKind.STAKEHOLDER) for item in ORGANISATIONS["stakeholders"]]
    for item, kind in rows:
        key = item["key"]
        ctx.organisations[key] = _both(
            ctx,
            "organisations",
            Organisation,
            {"translation_key": ctx.key("organisation", key)},
            _organisation_values(ctx, item, kind),
            key=key,
            languages=TRANSLATED_LANGUAGES,
        )


def build_people(ctx):
    for item in SNIPPETS["people"]:

        def values(lang, item=item):
            text = localize(item, lang)
            organisation = text["organisation"]
            return {
                "name": text["name"],
                "role": text["role"],
                "bio": SNIPPETS["fictional_bio"][lang],
                "organisation": ctx.organisations[organisation][lang] if organisation else None,
                # The demo's kit contacts agreed to be contacted about their pilots.
                "contactable": bool(item.get("contactable")),
            }

        ctx.people[item["key"]] = _both(
            ctx,
            "people",
            Person,
            {"translation_key": ctx.key("person", item["key"])},
            values,
            key=item["key"],
        )


def build_footer_text(ctx):
    # One footer text per language: the English one is found by its locale alone.
    _both(
        ctx,
        "footer_text",
        FooterText,
        {},
        lambda lang: localize(load("pages")["footer_text"], lang),
        key="footer",
        languages=TRANSLATED_LANGUAGES,
    )


def build_snippets(ctx):
    build_countries(ctx)
    build_topics(ctx)
    build_organisations(ctx)
    build_people(ctx)
    build_footer_text(ctx)
