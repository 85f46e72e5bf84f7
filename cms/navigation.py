"""The main menu: the home page's children shown in menus, grouped when there are many.

A handful of sections fit on one line; a dozen wrap into a block that fills a phone's first
screen. Past `FLAT_MENU_LIMIT` items the menu shows a few named groups, each a disclosure.
Which group a page joins is a property of its type (`menu_group` on the page class, so every
app places its own section types without this module importing them); editors still choose
which pages are in the menu and in what order.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

FLAT_MENU_LIMIT = 6

# Key -> label, in the order the groups appear.
MENU_GROUPS = {
    "project": _("Project"),
    "resources": _("Resources"),
    "social-economy": _("Social economy"),
    "take-part": _("Take part"),
}
DEFAULT_GROUP = "project"


@dataclass
class MenuGroup:
    key: str
    label: str
    items: list = field(default_factory=list)

    @property
    def single(self):
        """A group of one is shown as its link, not as a disclosure."""
        return len(self.items) == 1


def menu_group_of(page):
    """The group key declared by the page's type (pages in menus are generic Page rows)."""
    specific_class = page.specific_class or type(page)
    key = getattr(specific_class, "menu_group", DEFAULT_GROUP)
    return key if key in MENU_GROUPS else DEFAULT_GROUP


def group_menu(items, flat_up_to=FLAT_MENU_LIMIT):
    """The menu's groups in their fixed order, empty ones left out; None when the menu is
    short enough to show flat."""
    items = list(items)
    if len(items) <= flat_up_to:
        return None
    groups = {key: MenuGroup(key, label) for key, label in MENU_GROUPS.items()}
    for item in items:
        groups[menu_group_of(item)].items.append(item)
    return [group for group in groups.values() if group.items]
