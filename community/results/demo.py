"""Demo results: what became of the two ideas the 3DI call selected, with milestones, in
English and Italian (wagtail-localize translations). Idempotent: a rerun finds each result by
its slug and changes nothing new. Runs after the idea calls' demo."""

import datetime
import json
from pathlib import Path

from wagtail.models import Locale

from cms.demo.builder import synchronise_language_trees
from cms.demo.localize import sync_localized_page
from cms.demo.sync import UNCHANGED, stable_key, sync_page
from cms.models import Country, Organisation
from community.ideas.models import Idea, IdeaCallPage
from community.results.models import IdeaResultPage

__all__ = ["build_results_demo"]

DATA = Path(__file__).with_name("demo.json")


def _milestones(rows):
    return [{**row, "date": datetime.date.fromisoformat(row["date"])} for row in rows]


def _values(texts, common):
    return {
        "title": texts["title"],
        "summary": texts["summary"],
        "description": texts["description"],
        "milestones": _milestones(texts["milestones"]),
        **common,
    }


def build_results_demo():
    """The demo results; returns them (source-language pages)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    default = Locale.get_default()
    call = IdeaCallPage.objects.filter(slug=data["call_slug"], locale=default).first()
    if call is None:
        return []
    italian = Locale.objects.filter(language_code="it").first()
    results = []
    for item in data["results"]:
        idea = Idea.objects.filter(call=call, title=item["idea"]).first()
        if idea is None:
            continue
        country = Country.objects.filter(code=item["country"], locale=default).first()
        # The idea's organisation, else the one the result names (the call's organiser).
        organisations = [idea.organisation] if idea.organisation else []
        if not organisations:
            key = stable_key("organisation", item["organisation"])
            organisations = list(Organisation.objects.filter(translation_key=key, locale=default))
        common = {
            "idea": idea,
            "status": item["status"],
            "progress": item["progress"],
            "country": country,
            "organisations": organisations,
        }
        result, status = sync_page(
            call, IdeaResultPage, item["slug"], _values(item["en"], common), key=item["key"]
        )
        if italian is not None and call.get_translation_or_none(italian) is not None:
            sync_localized_page(
                result,
                italian,
                _values(item["it"], {}),
                source_changed=status != UNCHANGED,
            )
        results.append(result)
    # The other languages get their place (an alias with a notice), as for every page.
    synchronise_language_trees()
    return results
