"""Every editor- or member-written text a template prints is isolated from its neighbours.

On an Arabic page a Latin name that ends on a neutral character ("RESILIENT+", "S.p.A.",
"Interreg MED (2014-2020)") is laid out by the bidi algorithm with that character on the wrong
side, unless the name is an isolate. Page titles set the rule (cms/bidi.py, bidi_tags); this
test holds every other output of the same kind of text to it, across all the project's
templates.

What counts as editor- or member-written: an output whose variable ends on one of `WRITTEN`
(`{{ page.title }}`, `{{ partner.name }}`, `{{ thread.author.get_display_name }}`), or a
component's bare variable of that name (`{{ title }}`, which its callers fill with a title).
Texts the project writes itself (`get_status_display`, `field.label`, a status's `label`,
`help_text`, language names such as `name_local`) and values that are not prose (urls, codes,
dates, numbers) are not in the list. A bare `{{ label }}` is a loop's choice label or a
translated one, so only a dotted `x.label` counts.

Such an output passes when:
- a bidi filter isolates it (`isolate`, `isolate_for`, `isolate_html` for rich text,
  `isolate_plain` where no markup may go), or a filter turns it into something that is not
  laid out as text (`length`, `urlencode`, `json_script`, ...);
- it sits inside a `<bdi>` (the form blocktranslate sentences use: `<bdi>{{ name }}</bdi>`);
- it is an attribute value (`alt`, `content`, `aria-label`, `value`): no markup can go there,
  and the value is read on its own (a tooltip, a screen reader's name, a search engine's
  snippet), not laid out inside a sentence of the page;
- it is inside `<script>` or `<style>` (data, not text), or is an `<option>`'s text (no markup
  can go there; each option is laid out on its own line of the list);
- it is in a plain-text template (`.txt`, the emails' text part): no markup can go there; a
  mail client lays out each line on its own.

An element marked with `content_lang_attrs` / `lang_attrs` is NOT enough by itself: those
print nothing when the text is in the reader's language, which is exactly the case of an
Arabic translation keeping a Latin brand name. The text still needs `|isolate` (harmless inside
an element already marked left-to-right).

In `<title>` (also the `title`, `head_title` and `titletag` blocks, which base templates put
there) the output must use `isolate_plain`, as no `<bdi>` can go there.

An `{% include %}` of a third party's template (Wagtail's admin header) must get written text
already isolated, as that template prints it as it is.

Aliases are followed: `{% blocktranslate with name=org.name %}` or `{% with name=org.name %}`
make `{{ name }}` an output of `org.name` until the block ends.
"""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
FOLDERS = ("templates", "cms", "events", "community")

# The last name of a variable that holds text an editor or a member wrote.
WRITTEN = frozenset(
    {
        # titles and names
        "title",
        "seo_title",
        "get_admin_display_title",
        "name",
        "short_name",
        "display_name",
        "get_display_name",
        "full_name",
        "get_full_name",
        "member_name",
        "sender_name",
        "contact_name",
        "organisation",
        "author",
        "speaker",
        "venue_name",
        "heading",
        "subtitle",
        "kicker",
        "hero_heading",
        "marker_title",
        "link_text",
        "subject",
        "label",
        "role",
        # prose
        "text",
        "summary",
        "intro",
        "introduction",
        "caption",
        "bio",
        "body",
        "statement",
        "funding_statement",
        "description",
        "abstract",
        "hero_text",
        "question",
        "answer",
        "quote",
        "credit",
        "attribution",
        "citation",
        "problem",
        "solution",
        "impact",
        "motivation",
        "objectives",
        "outcomes",
        "challenge",
        "lesson",
        "eligibility",
        "conditions",
        "offer",
        "purpose",
        "target_group",
        "team",
        "message",
        "detail",
        "feedback",
        "location_text",
        "venue_address",
        "address",
        "city",
        "place",
        "region",
    }
)
# Labels the project writes (a form field's, a status choice's), though named like an editor's.
PROJECT_LABELS = ("field.label", "status.label")
# Filters that isolate the text.
ISOLATING = frozenset({"isolate", "isolate_for", "isolate_html", "isolate_plain"})
# Filters whose result is not laid out as text of the page.
NOT_TEXT = frozenset(
    {"length", "urlencode", "iriencode", "json_script", "escapejs", "slugify", "wordcount"}
)
# Blocks that base templates put inside <title>.
TITLE_BLOCKS = ("title", "head_title", "titletag")

# Outputs this test does not hold to the rule, each with its reason: "path:expression".
ALLOWED = {
    # Django's messages: sentences the views compose with gettext; the scan cannot see into them.
    "templates/base.html:message": "a sentence the project writes",
    # The callers pass a translated label ("List of pilot actions"), never an editor's text.
    "templates/components/listing_results.html:heading": "a translated label",
    # A language's name from settings.LANGUAGES, already in a span with that language's `lang`.
    "templates/components/publication_detail.html:name": "a language name",
    # The language of the issue (Locale.get_display_name), a name Django provides.
    "community/newsletter/templates/community/newsletter/admin/issue.html:"
    "page.locale.get_display_name": "a language name",
    # What the member typed, given back inside its <textarea>: isolate marks would become part
    # of the text they send.
    "community/partnering/templates/community/partnering/suggestions.html:contact_form.data.body": (
        "a form value"
    ),
}

_COMMENTS = re.compile(r"{%\s*comment\b.*?{%\s*endcomment\s*%}|{#.*?#}", re.S)
_TEMPLATE_SYNTAX = re.compile(r"{{.*?}}|{%.*?%}", re.S)
_OUTPUT = re.compile(r"{{\s*(.*?)\s*}}", re.S)
_TAG = re.compile(r"{%\s*(\w+)(.*?)%}", re.S)
_ALIAS = re.compile(r"(\w+)=((?:\"[^\"]*\"|'[^']*'|[^\s\"'])+)")


def _blank(match):
    return re.sub(r"[^\n]", " ", match.group())


def _reads_written_text(expression):
    """Whether `expression` (a variable and its filters) shows editor-written text as text."""
    variable, *filters = expression.split("|")
    names = {f.split(":")[0].strip() for f in filters}
    if names & ISOLATING or names & NOT_TEXT:
        return False
    path = variable.strip()
    if path.endswith(PROJECT_LABELS):
        return False
    last = path.split(".")[-1]
    # `localized_name` gives a snippet's name or a page's title in the reader's language.
    return last in WRITTEN or "localized_name" in names


def _inside(masked, position, opening, closing):
    before = masked[:position].lower()
    return len(re.findall(opening, before)) > len(re.findall(closing, before))


def _in_attribute(masked, position):
    return masked.rfind("<", 0, position) > masked.rfind(">", 0, position)


def _project_template(include_arguments):
    """Whether an `{% include "name" ... %}` names one of the project's templates (scanned
    themselves), rather than a third party's."""
    quoted = re.match(r"""\s*["']([^"']+)["']""", include_arguments)
    if not quoted:
        return True  # a variable: the project's own components are passed this way
    name = quoted.group(1)
    return (ROOT / "templates" / name).exists() or any(
        True for folder in FOLDERS[1:] for _path in (ROOT / folder).glob(f"**/templates/{name}")
    )


def offenders(source, plain_text=False):
    """(line, expression, why) for each output of editor-written text that is not isolated."""
    if plain_text:
        return []
    source = _COMMENTS.sub(_blank, source)
    masked = _TEMPLATE_SYNTAX.sub(_blank, source)
    found = []
    aliases = []  # a stack of (end tag, {alias: expression}) for with / blocktranslate
    title_blocks = []  # a stack of block names, to know when we are inside a title block
    for match in re.finditer(r"{{.*?}}|{%.*?%}", source, re.S):
        position = match.start()
        text = match.group()
        tag = _TAG.match(text)
        if tag:
            name, rest = tag.group(1), tag.group(2)
            if name in ("with", "blocktranslate", "blocktrans"):
                bound = dict(_ALIAS.findall(rest))
                aliases.append(("end" + name, bound))
            elif name in ("endwith", "endblocktranslate", "endblocktrans") and aliases:
                aliases.pop()
            elif name == "include" and " with " in rest and not _project_template(rest):
                # A third-party template (Wagtail's admin header) prints what it is given as
                # it is: a written text must be isolated on its way in.
                line = source.count("\n", 0, position) + 1
                for alias, value in _ALIAS.findall(rest.split(" with ", 1)[1]):
                    # A bare name is the parent's own variable (`{% translate "x" as title %}`).
                    bare = "." not in value.split("|")[0]
                    if _reads_written_text(value) and not (bare and "|" not in value):
                        found.append((line, value, f"passed as {alias} to a third-party template"))
            elif name == "block":
                title_blocks.append(rest.split()[0] if rest.split() else "")
            elif name == "endblock" and title_blocks:
                title_blocks.pop()
            continue
        expression = _OUTPUT.match(text).group(1)
        variable = expression.split("|")[0].strip()
        for _end, bound in reversed(aliases):
            if variable in bound:
                # The alias's own filters count too: `{% with t=page.title %}{{ t|isolate }}`.
                expression = "|".join([bound[variable], *expression.split("|")[1:]])
                break
        else:
            # A bare `label` is a loop's choice label or a translated one, not an editor's.
            if "." not in variable and (variable not in WRITTEN or variable == "label"):
                continue
        in_title = any(block in TITLE_BLOCKS for block in title_blocks) or _inside(
            masked, position, r"<title\b", r"</title\b"
        )
        line = source.count("\n", 0, position) + 1
        if in_title:
            if "isolate_plain" not in expression and _reads_written_text(expression):
                found.append((line, expression, "in <title> without |isolate_plain"))
            continue
        if not _reads_written_text(expression):
            continue
        if _in_attribute(masked, position):
            continue
        if _inside(masked, position, r"<(?:script|style|option)\b", r"</(?:script|style|option)\b"):
            continue
        if _inside(masked, position, r"<bdi\b", r"</bdi\b"):
            continue
        found.append((line, expression, "not isolated"))
    return found


def project_templates():
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".html", ".txt") and "templates" in path.parts:
                yield path


def test_the_scan_finds_a_bare_title_and_accepts_an_isolated_one():
    assert offenders("<h2>{{ page.title }}</h2>") == [(1, "page.title", "not isolated")]
    assert offenders("<h2>{{ page.title|isolate }}</h2>") == []
    assert offenders("<p>{{ org.name|truncatechars:40|isolate }}</p>") == []
    assert offenders("<p>{{ page.body|richtext|isolate_html }}</p>") == []
    assert offenders("<p>{{ page.body|richtext }}</p>") == [
        (1, "page.body|richtext", "not isolated")
    ]


def test_the_scan_accepts_attributes_bdi_scripts_and_plain_text():
    assert offenders('<img alt="{{ image.title }}" src="x">') == []
    assert offenders('<a title="{% if a > b %}x{% endif %}{{ page.title }}">') == []
    assert offenders("<p><bdi>{{ person.name }}</bdi></p>") == []
    assert offenders("{{ page.title }}", plain_text=True) == []
    assert offenders("<p>{{ page.url }} {{ event.get_status_display }}</p>") == []


def test_the_scan_follows_blocktranslate_and_with_aliases():
    source = "{% blocktranslate with name=org.name %}By {{ name }}{% endblocktranslate %}"
    assert offenders(source) == [(1, "org.name", "not isolated")]
    source = "{% blocktranslate with name=org.name %}<bdi>{{ name }}</bdi>{% endblocktranslate %}"
    assert offenders(source) == []
    source = "{% blocktranslate with name=org.name|isolate %}By {{ name }}{% endblocktranslate %}"
    assert offenders(source) == []
    assert offenders("{% with t=page.title %}<h1>{{ t }}</h1>{% endwith %}") == [
        (1, "page.title", "not isolated")
    ]
    assert offenders("{% with t=page.title %}<h1>{{ t|isolate }}</h1>{% endwith %}") == []


def test_the_scan_wants_isolate_plain_in_a_title():
    assert offenders("<title>{{ page.title }}</title>") == [
        (1, "page.title", "in <title> without |isolate_plain")
    ]
    assert offenders("{% block title %}{{ page.title }}{% endblock title %}") == [
        (1, "page.title", "in <title> without |isolate_plain")
    ]
    assert offenders("{% block title %}{{ page.title|isolate_plain }}{% endblock %}") == []


def test_the_scan_wants_text_isolated_before_it_goes_to_a_third_party_template():
    source = '{% include "wagtailadmin/shared/header.html" with title=idea.title icon="pick" %}'
    assert offenders(source) == [(1, "idea.title", "passed as title to a third-party template")]
    source = '{% include "wagtailadmin/shared/header.html" with title=idea.title|isolate %}'
    assert offenders(source) == []
    assert offenders('{% include "components/card.html" with title=page.title %}') == []


def test_the_scan_skips_comments():
    assert offenders("{% comment %}{{ page.title }}{% endcomment %}{# {{ page.title }} #}") == []


def test_every_template_isolates_editor_written_text():
    problems = []
    for path in project_templates():
        relative = path.relative_to(ROOT)
        for line, expression, why in offenders(path.read_text(), plain_text=path.suffix == ".txt"):
            if f"{relative}:{expression}" in ALLOWED:
                continue
            problems.append(f"{relative}:{line}: {{{{ {expression} }}}} {why}")
    assert not problems, f"{len(problems)} outputs of editor-written text:\n" + "\n".join(problems)
