"""Who may do what in the admin: the site's roles, defined here and applied on every `migrate`.

Roles (Django groups):

- **Editors** edit, publish, schedule and translate every page type; manage partners, people,
  topics, countries, the footer text and the site settings; upload images and documents.
- **Contributors** write and edit pages, but publish only through the "Editorial review"
  workflow, whose approval task belongs to the Editors.
- **Moderators** moderate members' posts. They have no right on pages: Wagtail's migration
  gives its own "Moderators" group site-wide publish rights (which include changing a page's
  privacy), which this module takes away.
- **Reviewers** enter the admin to score the ideas of the calls they are assigned to.
- **Administrators** are superusers; only they change the privacy (view restrictions) of the
  site's pages: see `SitePagePermissionTester`.

Why a function run after `migrate` rather than a data migration: permissions and content types
only exist once Django's own post-migrate step has run, a new snippet or page type then needs only
a line here, and the same function brings an existing database back to the definition (it is
idempotent: a second run changes nothing).
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.models.pages import PagePermissionTester

__all__ = [
    "EDITORIAL_WORKFLOW",
    "ROLES",
    "Role",
    "SitePagePermissionTester",
    "ensure_roles",
]

EDITORIAL_WORKFLOW = "Editorial review"
EDITORIAL_TASK = "Editors' approval"

# Snippets and settings editors manage: (app_label, model_name).
_EDITOR_MODELS = [
    ("cms", "organisation"),
    ("cms", "person"),
    ("cms", "topic"),
    ("cms", "country"),
    ("cms", "footertext"),
]


@dataclass(frozen=True)
class Role:
    name: str
    # Django permissions, "app_label.codename".
    permissions: tuple = ()
    # Page permissions on the whole tree (Wagtail codenames: add, change, publish, ...).
    page_permissions: tuple = ()
    # Image and document permissions on the root collection.
    media_permissions: tuple = field(default=())


def _model_permissions(actions, models):
    return tuple(f"{app}.{action}_{model}" for app, model in models for action in actions)


ROLES = (
    Role(
        "Editors",
        permissions=(
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "cms.change_sitesettings",
            *_model_permissions(("add", "change", "delete", "view"), _EDITOR_MODELS),
        ),
        page_permissions=("add", "change", "publish", "lock", "unlock"),
        media_permissions=("add", "change", "delete", "choose"),
    ),
    Role(
        "Contributors",
        permissions=("wagtailadmin.access_admin",),
        page_permissions=("add", "change", "lock"),
        media_permissions=("add", "choose"),
    ),
    # Moderators enter the admin for the moderation queue (community/moderation/admin.py),
    # which lists only the discussion spaces they moderate.
    Role("Moderators", permissions=("wagtailadmin.access_admin",)),
    # Reviewers score ideas in the admin's "Idea review" section (community/ideas/admin_views.py);
    # which calls and ideas they see is decided there, per call.
    Role("Reviewers", permissions=("wagtailadmin.access_admin",)),
)


class SitePagePermissionTester(PagePermissionTester):
    """Wagtail lets whoever may publish a page change its privacy; here only administrators
    may, because a view restriction on one page hides it in every language and channel."""

    def can_set_view_restrictions(self):
        return self.user.is_active and self.user.is_superuser


def _permission(label):
    app_label, codename = label.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist as error:
        raise LookupError(f"Role permission {label!r} does not exist.") from error


def _media_permissions(actions):
    return [
        _permission(f"{app}.{action}_{model}")
        for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
        for action in actions
    ]


def _managed(permission):
    """Permissions of Wagtail, cms and auth are defined here; those of the apps above cms
    (events, community: moderating posts, reviewing ideas) are theirs to grant and are kept."""
    app_label = permission.content_type.app_label
    return app_label.startswith("wagtail") or app_label in ("cms", "auth")


def _apply(role, root_page, root_collection):
    group, _created = Group.objects.get_or_create(name=role.name)
    kept = [p for p in group.permissions.select_related("content_type") if not _managed(p)]
    group.permissions.set([*kept, *(_permission(label) for label in role.permissions)])

    wanted = {_permission(f"wagtailcore.{codename}_page").pk for codename in role.page_permissions}
    GroupPagePermission.objects.filter(group=group).exclude(
        page=root_page, permission_id__in=wanted
    ).delete()
    for permission_id in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission_id=permission_id
        )

    media = {permission.pk for permission in _media_permissions(role.media_permissions)}
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root_collection, permission_id__in=media
    ).delete()
    for permission_id in media:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission_id=permission_id
        )
    return group


def _editorial_workflow(root_page, editors):
    """Pages go through the Editors' approval when a contributor submits them. Wagtail's own
    "Moderators approval" workflow is switched off: moderators do not review pages."""
    task = GroupApprovalTask.objects.filter(name=EDITORIAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=EDITORIAL_TASK)
    task.groups.set([editors])
    workflow, _created = Workflow.objects.get_or_create(name=EDITORIAL_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    Workflow.objects.exclude(pk=workflow.pk).filter(
        workflow_tasks__task__groupapprovaltask__groups__name="Moderators"
    ).update(active=False)


def _ensure_submit_translation_permission(using):
    """wagtail-localize creates this permission in a data migration (0006), not from a model, so
    Django's post-migrate step never recreates it after a flush (the browser tests flush the
    database between tests); make it the way that migration does."""
    content_type, _created = ContentType.objects.db_manager(using).get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.db_manager(using).get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )


def ensure_roles(using="default"):
    """Create or correct the groups, their permissions and the editorial workflow."""
    # Permissions of every app, in case this runs before Django's own post-migrate step has
    # reached an app listed after cms.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    _ensure_submit_translation_permission(using)
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is None or root_collection is None:
        return {}
    with transaction.atomic(using=using):
        groups = {role.name: _apply(role, root_page, root_collection) for role in ROLES}
        _editorial_workflow(root_page, groups["Editors"])
    return groups


def ensure_roles_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver (connected in CmsConfig.ready)."""
    ensure_roles(using=using)
