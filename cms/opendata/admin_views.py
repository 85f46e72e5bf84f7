"""Admin views of directory CSV imports: upload (queued as a background task), list, report."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from cms.models import DirectoryImport

from .tasks import run_directory_import

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def can_import(user):
    """Editors who may add entities and premises may import them."""
    return user.has_perm("cms.add_socialeconomyentity") and user.has_perm("cms.add_premises")


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What to import"), choices=DirectoryImport.Kind.choices)
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, comma- or semicolon-separated, with a header row (see the columns)."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB: split it."))
        raw = upload.read()
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                upload.text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        if not upload.text.strip():
            raise forms.ValidationError(_("The file is empty."))
        return upload


def _check(request):
    if not can_import(request.user):
        raise PermissionDenied


def import_list(request):
    _check(request)
    return TemplateResponse(
        request,
        "cms/admin/directory_imports.html",
        {"imports": DirectoryImport.objects.all()[:50], "form": ImportForm()},
    )


def import_new(request):
    _check(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = DirectoryImport.objects.create(
            kind=form.cleaned_data["kind"],
            file_name=upload.name[:255],
            content=upload.text,
            created_by=request.user,
        )
        transaction.on_commit(lambda: run_directory_import.enqueue(job.pk))
        return redirect("directory_import", pk=job.pk)
    return TemplateResponse(
        request,
        "cms/admin/directory_imports.html",
        {"imports": DirectoryImport.objects.all()[:50], "form": form},
    )


OUTCOME_LABELS = {
    "created": _("Created"),
    "updated": _("Updated"),
    "unchanged": _("Unchanged"),
    "rejected": _("Rejected"),
    "note": _("Note"),
}


def import_detail(request, pk):
    _check(request)
    job = get_object_or_404(DirectoryImport, pk=pk)
    rows = [
        {**row, "outcome_label": OUTCOME_LABELS.get(row["outcome"], row["outcome"])}
        for row in job.report
    ]
    return TemplateResponse(request, "cms/admin/directory_import.html", {"job": job, "rows": rows})
