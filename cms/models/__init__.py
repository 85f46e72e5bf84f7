"""Editorial models of the site.

One module per concept; dependencies flow one way:
choices -> snippets -> base -> content/pilot_actions/publications/news -> home.
"""

from .base import BasePage
from .choices import Helix, MacroScenario, OrganisationKind, PilotStatus, PolicyLevel, Sector
from .content import ContentPage
from .datasets import DatasetDistribution, DatasetIndexPage, DatasetPage, DatasetTheme
from .home import HomePage
from .news import NewsIndexPage, NewsPage
from .pilot_actions import (
    PilotActionIndexPage,
    PilotActionIndicator,
    PilotActionPage,
    PilotActionSector,
    PilotActionStakeholder,
)
from .publications import (
    PolicyBriefPage,
    PublicationAuthor,
    PublicationDocument,
    PublicationIndexPage,
    PublicationPage,
    WhitePaperPage,
)
from .site_settings import FooterText, SiteSettings
from .snippets import Country, Organisation, Person, Topic

__all__ = [
    "BasePage",
    "ContentPage",
    "Country",
    "DatasetDistribution",
    "DatasetIndexPage",
    "DatasetPage",
    "DatasetTheme",
    "FooterText",
    "Helix",
    "HomePage",
    "MacroScenario",
    "NewsIndexPage",
    "NewsPage",
    "Organisation",
    "OrganisationKind",
    "Person",
    "PilotActionIndexPage",
    "PilotActionIndicator",
    "PilotActionPage",
    "PilotActionSector",
    "PilotActionStakeholder",
    "PilotStatus",
    "PolicyBriefPage",
    "PolicyLevel",
    "PublicationAuthor",
    "PublicationDocument",
    "PublicationIndexPage",
    "PublicationPage",
    "Sector",
    "SiteSettings",
    "Topic",
    "WhitePaperPage",
]
