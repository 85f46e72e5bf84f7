"""Webinars: speakers, a join link for confirmed registrants only, recording and transcripts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import DocumentItemBlock
from events.pages.models.base import EventPage
from events.pages.vtt import Cue, WebVTTError, parse_webvtt

__all__ = ["WebinarPage", "WebinarTranscript"]

MAX_TRANSCRIPT_BYTES = 2 * 1024 * 1024


class WebinarPage(EventPage):
    speakers = ParentalManyToManyField(
        "cms.Person", verbose_name=_("speakers"), blank=True, related_name="+"
    )
    join_url = models.URLField(
        _("join link"),
        blank=True,
        max_length=500,
        help_text=_("Shown only to confirmed registrants, on the page and in their emails."),
    )
    recording_url = models.URLField(
        _("recording link"), blank=True, help_text=_("Where the recording can be watched.")
    )
    recording_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("recording file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A stored video (MP4 or WebM), played on the page with its captions."),
    )
    slides = StreamField(
        [("document", DocumentItemBlock(label=_("Slides")))],
        blank=True,
        verbose_name=_("slides"),
    )

    content_panels = [
        *EventPage.content_panels[: -len(EventPage.about_panels)],
        FieldPanel("speakers"),
        *EventPage.about_panels,
        MultiFieldPanel(
            [FieldPanel("join_url")],
            heading=_("Joining"),
        ),
        MultiFieldPanel(
            [FieldPanel("recording_url"), FieldPanel("recording_file"), FieldPanel("slides")],
            heading=_("After the event"),
        ),
        InlinePanel("transcripts", label=_("Captions and transcripts (WebVTT)")),
    ]
    search_fields = [
        *EventPage.search_fields,
        # The transcript in the page's own language: a phrase spoken in the webinar finds it.
        index.SearchField("transcript_search_text"),
    ]
    api_fields = [
        *EventPage.api_fields,
        APIField("speakers"),
        APIField("recording_url"),
        APIField("slides"),
    ]
    override_translatable_fields = [
        *EventPage.override_translatable_fields,
        *[
            SynchronizedField(name)
            for name in ("speakers", "join_url", "recording_url", "recording_file", "slides")
        ],
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("webinar")
        verbose_name_plural = _("webinars")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The search index is written on post_save, before the cluster saves its transcripts:
        # write it again so that the words spoken in the webinar are found.
        if self.pk and self.transcripts.exists():
            index.insert_or_update_object(self)

    def transcript_for(self, language):
        """The transcript in `language`, else None."""
        for transcript in self.transcripts.all():
            if transcript.language == language:
                return transcript
        return None

    def transcript_search_text(self):
        transcript = self.transcript_for(self.locale.language_code)
        return transcript.plain_text() if transcript else ""

    def has_recording(self):
        return bool(self.recording_url or self.recording_file_id)


class WebinarTranscript(Orderable):
    """Captions of the recording in one language, uploaded as WebVTT and read into cues."""

    page = ParentalKey(WebinarPage, on_delete=models.CASCADE, related_name="transcripts")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(
        _("WebVTT file"),
        upload_to="events/transcripts/",
        validators=[FileExtensionValidator(["vtt"])],
    )
    cues = models.JSONField(default=list, editable=False)

    panels = [FieldPanel("language"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("transcript")
        verbose_name_plural = _("transcripts")

    def clean(self):
        super().clean()
        if self.file and not self.cues_from_file_checked():
            raise ValidationError({"file": _("This is not a WebVTT file with timed captions.")})

    def cues_from_file_checked(self):
        """Read the uploaded file into cues; False when it is not valid WebVTT."""
        try:
            if self.file.size > MAX_TRANSCRIPT_BYTES:
                return False
            self.file.open("rb")
            self.file.seek(0)
            text = self.file.read().decode("utf-8")
            self.file.seek(0)
            cues = parse_webvtt(text)
        except (UnicodeDecodeError, WebVTTError, OSError):
            return False
        if not cues:
            return False
        self.cues = [cue.as_dict() for cue in cues]
        return True

    def save(self, *args, **kwargs):
        if self.file:
            # Re-read on every save: a replaced file must not keep the old captions.
            self.cues_from_file_checked()
        super().save(*args, **kwargs)

    def cue_list(self):
        return [Cue(**row) for row in self.cues]

    def plain_text(self):
        return " ".join(row["text"] for row in self.cues)
