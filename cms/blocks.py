"""The shared library of StreamField blocks; every block has an icon, a template, a preview."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

BLOCK_TEMPLATES = "components/streamfield/blocks/"


class LinkStructValue(blocks.StructValue):
    """Resolves a link that may point at a page or an external URL, so templates need no logic."""

    def url(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("external_url") or ""

    def link_text(self):
        """The editor's button text, else the page's title in the reader's language, else the URL.

        Not the block's "text": that is the paragraph shown above the button.
        """
        if self.get("button_text"):
            return self.get("button_text")
        page = self.get("page")
        return page.localized.title if page else self.get("external_url", "")


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = BLOCK_TEMPLATES + "rich_text_block.html"
        preview_value = "<p>Social innovation grows where people meet.</p>"
        description = _("Paragraphs, headings, lists and links.")
        features = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it; leave empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    attribution = blocks.CharBlock(label=_("Credit"), required=False)

    class Meta:
        icon = "image"
        template = BLOCK_TEMPLATES + "image_block.html"
        preview_value = {"caption": "Co-design workshop in Pula"}
        description = _("An image with a caption and credit.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False)
    role = blocks.CharBlock(label=_("Their role"), required=False)

    class Meta:
        icon = "openquote"
        template = BLOCK_TEMPLATES + "quote_block.html"
        preview_value = {
            "quote": "Open data made our cooperative visible to the region.",
            "attribution": "A pilot participant",
        }
        description = _("A highlighted quotation.")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("External link"), required=False)
    button_text = blocks.CharBlock(label=_("Button text"), required=False)

    class Meta:
        icon = "pick"
        template = BLOCK_TEMPLATES + "call_to_action_block.html"
        value_class = LinkStructValue
        preview_value = {
            "heading": "Join the network",
            "text": "Share your pilot action with the community.",
            "external_url": "https://example.org/",
            "button_text": "Get involved",
        }
        description = _("A heading, a short text and a button.")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Choose either a page or an external link, not both or neither.")
                    )
                }
            )
        return value


class EmbedVideoBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Video or media URL"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "media"
        template = BLOCK_TEMPLATES + "embed_block.html"
        preview_value = {"caption": "Webinar recording"}
        description = _("A video or other media embedded from its URL.")


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), required=False)
    description = blocks.CharBlock(label=_("Description"), required=False)


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    documents = blocks.ListBlock(DocumentItemBlock(), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        template = BLOCK_TEMPLATES + "document_list_block.html"
        preview_value = {"heading": "Downloads", "documents": []}
        description = _("A list of documents to download.")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=30)
    label = blocks.CharBlock(label=_("What it counts"))


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "table"
        template = BLOCK_TEMPLATES + "key_figures_block.html"
        preview_value = {
            "heading": "In numbers",
            "figures": [
                {"value": "8", "label": "countries"},
                {"value": "7", "label": "pilot actions"},
            ],
        }
        description = _("A row of headline figures.")


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question or title"))
    answer = blocks.RichTextBlock(
        label=_("Answer"), features=["bold", "italic", "ol", "ul", "link", "document-link"]
    )


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = BLOCK_TEMPLATES + "accordion_block.html"
        preview_value = {
            "heading": "Questions",
            "items": [{"question": "Who can join?", "answer": "<p>Anyone in the network.</p>"}],
        }
        description = _("Questions and answers that open one at a time (FAQ).")


class BodyBlock(blocks.StreamBlock):
    """The one body used by every content page."""

    heading = blocks.CharBlock(
        label=_("Section heading"),
        form_classname="title",
        icon="title",
        template=BLOCK_TEMPLATES + "heading_block.html",
        preview_value="Our approach",
        description=_("A section heading (level 2)."),
    )
    paragraph = RichTextBlock(label=_("Rich text"))
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
    embed = EmbedVideoBlock(label=_("Embed"))
    documents = DocumentListBlock(label=_("Document list"))
    key_figures = KeyFiguresBlock(label=_("Key figures"))
    accordion = AccordionBlock(label=_("Accordion / FAQ"))


class TimelineItemBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(label=_("Title"))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "date"
        template = BLOCK_TEMPLATES + "timeline_item_block.html"
        preview_value = {"date": "2020-02-01", "title": "Kick-off meeting"}
        description = _("A dated step in an activities timeline.")


class RecommendationBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Recommendation"))
    detail = blocks.TextBlock(label=_("Detail"), required=False)

    class Meta:
        icon = "tick"
        template = BLOCK_TEMPLATES + "recommendation_block.html"
        preview_value = {"title": "Reserve public contracts for inclusion enterprises"}
        description = _("A key policy recommendation.")


# The transfer kit of a pilot action (cms.models.pilot_actions): what another territory needs
# to adapt it. Every text is a string segment for wagtail-localize; helix and documents are
# synchronised.


# The helix choices of cms.models.choices.Helix (importing it here would import cms.models).
KIT_HELIXES = [
    ("academia", _("Academia and research")),
    ("business", _("Business and social enterprise")),
    ("public", _("Public administration")),
    ("civil-society", _("Civil society")),
]


class KitPartnerValue(blocks.StructValue):
    def helix_label(self):
        return dict(KIT_HELIXES).get(self.get("helix"), self.get("helix"))


class KitPartnerBlock(blocks.StructBlock):
    helix = blocks.ChoiceBlock(label=_("Helix"), choices=KIT_HELIXES)
    role = blocks.TextBlock(label=_("What this partner does"))

    class Meta:
        icon = "group"
        template = BLOCK_TEMPLATES + "kit_partner_block.html"
        preview_value = {"helix": "public", "role": "Lends the premises and signs the agreement."}
        description = _("A partner the pilot needs, by helix.")
        value_class = KitPartnerValue


class KitStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"))
    description = blocks.TextBlock(label=_("What to do"), required=False)

    class Meta:
        icon = "list-ol"
        template = BLOCK_TEMPLATES + "kit_step_block.html"
        preview_value = {"title": "Map the empty premises", "description": "With the city."}
        description = _("One step of the pilot, in order.")


class KitDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    note = blocks.CharBlock(label=_("What it is for"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # The page names the language of each document it knows (PilotActionPage.get_context).
        languages = (parent_context or {}).get("kit_document_languages") or {}
        document = value.get("document")
        context["document_language"] = languages.get(document.pk, "") if document else ""
        return context

    class Meta:
        icon = "doc-full"
        template = BLOCK_TEMPLATES + "kit_document_block.html"
        description = _("A document another territory can reuse.")


class KitRiskBlock(blocks.StructBlock):
    risk = blocks.CharBlock(label=_("Risk met"))
    mitigation = blocks.TextBlock(label=_("How it was handled"), required=False)

    class Meta:
        icon = "warning"
        template = BLOCK_TEMPLATES + "kit_risk_block.html"
        preview_value = {"risk": "Partners leave", "mitigation": "Sign a letter of intent early."}
        description = _("A risk the pilot met and how it was handled.")
