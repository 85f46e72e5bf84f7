"""A member's profile: editing their own, the directory, and one member's public page."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cms.models.base import paginate
from community.members import profile_actions
from community.members.directory import DirectoryFilters, directory_listing, directory_options
from community.members.permissions import can_see_profile
from community.members.profile_forms import ProfileForm
from community.members.services import save_profile

DIRECTORY_PAGE_SIZE = 24


@login_required
def edit_profile(request):
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        save_profile(form)
        messages.success(request, _("Your profile has been saved."))
        return redirect("community:profile_edit")
    return render(request, "community/members/profile_form.html", {"form": form})


def directory(request):
    filters = DirectoryFilters.from_query(request.GET)
    results = paginate(directory_listing(filters, request.user), filters.page, DIRECTORY_PAGE_SIZE)
    return render(
        request,
        "community/members/directory.html",
        {"filters": filters, "results": results, "options": directory_options()},
    )


def profile(request, pk):
    member = get_object_or_404(
        get_user_model().objects.select_related("country", "organisation"), pk=pk
    )
    if not can_see_profile(member, request.user):
        raise Http404
    return render(
        request,
        "community/members/profile_detail.html",
        {
            "member": member,
            "is_own": member.pk == request.user.pk,
            "actions": profile_actions.for_profile(member, request.user),
        },
    )
