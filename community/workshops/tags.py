"""The co-design workshop's space on its page: what the reader may do and read, in a fixed
number of queries whatever the number of contributions."""

from django import template
from django.urls import reverse

from community.workshops.forms import CommentForm, ContributionForm, GroupForm, SynthesisForm
from community.workshops.models import ContributionGroup
from community.workshops.permissions import access_for
from community.workshops.services import space_contributions

register = template.Library()


@register.simple_tag(takes_context=True)
def workshop_space(context, page):
    request = context["request"]
    user = request.user
    access = access_for(user, page)
    source = page.workshop_source()
    synthesis = page.synthesis()
    space = {
        "access": access,
        "synthesis": synthesis,
        "contributions": [],
        "groups": [],
        "ungrouped": [],
    }
    if access.synthesise:
        space["synthesis_form"] = context.get("synthesis_form") or SynthesisForm(
            initial={"text": synthesis.text if synthesis else ""}
        )
        space["synthesis_url"] = reverse("community:workshop_synthesis", args=[page.pk])
    if not access.read:
        # What a reader outside the space can do instead depends on whether they can still
        # register: the space says so rather than ask them to register when they cannot.
        space["registration_state"] = page.registration_state()
        space["events_url"] = page.get_parent().get_url(request)
        return space
    contributions = list(space_contributions(source, user, access))
    groups = list(ContributionGroup.objects.filter(workshop=source))
    failed_comment = context.get("comment_form")
    failed_for = context.get("comment_form_for")
    labels = {phase.code: phase.label for phase in page.phases.all()}
    for contribution in contributions:
        contribution.phase_name = labels.get(contribution.phase) or (
            contribution.get_phase_display() if contribution.phase else ""
        )
        contribution.can_support = access.support and contribution.author_id != user.pk
        if access.comment:
            contribution.comment_form = (
                failed_comment
                if failed_for == contribution.pk
                else CommentForm(prefix=f"c{contribution.pk}")
            )
    by_group = {group.pk: [] for group in groups}
    for contribution in contributions:
        if contribution.group_id in by_group:
            by_group[contribution.group_id].append(contribution)
        else:
            space["ungrouped"].append(contribution)
    space["contributions"] = contributions
    space["groups"] = [(group, by_group[group.pk]) for group in groups]
    if access.contribute:
        space["contribution_form"] = context.get("contribution_form") or ContributionForm(
            workshop=page
        )
        space["contribute_url"] = reverse("community:workshop_contribute", args=[page.pk])
    if access.group:
        space["group_form"] = context.get("group_form") or GroupForm()
        space["group_url"] = reverse("community:workshop_group_new", args=[page.pk])
    return space
