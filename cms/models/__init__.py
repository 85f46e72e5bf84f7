"""Editorial models of the site.

One module per concept; dependencies flow one way:
choices -> snippets -> base -> content/pilot_actions/publications/news -> home.
"""

from .base import BasePage
from .choices import Helix, MacroScenario, OrganisationKind, PilotStatus, PolicyLevel, Sector
from .content import ContentPage
from .courses import CoursePage, LessonPage, LessonProgress
from .datasets import DatasetDistribution, DatasetIndexPage, DatasetPage, DatasetTheme
from .directory import (
    DirectoryImport,
    EntityCpvCode,
    EntitySector,
    Premises,
    SocialEconomyEntity,
)
from .home import HomePage
from .knowledge import (
    KnowledgeArticlePage,
    KnowledgeBasePage,
    OpenDataTool,
    OpenDataToolIndexPage,
)
from .maps import DirectoryPage, MapPage, PremisesRegisterPage
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
    "CoursePage",
    "DatasetDistribution",
    "DatasetIndexPage",
    "DatasetPage",
    "DatasetTheme",
    "DirectoryImport",
    "DirectoryPage",
    "EntityCpvCode",
    "EntitySector",
    "FooterText",
    "Helix",
    "HomePage",
    "KnowledgeArticlePage",
    "KnowledgeBasePage",
    "LessonPage",
    "LessonProgress",
    "MacroScenario",
    "MapPage",
    "NewsIndexPage",
    "NewsPage",
    "OpenDataTool",
    "OpenDataToolIndexPage",
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
    "Premises",
    "PremisesRegisterPage",
    "PublicationAuthor",
    "PublicationDocument",
    "PublicationIndexPage",
    "PublicationPage",
    "Sector",
    "SiteSettings",
    "SocialEconomyEntity",
    "Topic",
    "WhitePaperPage",
]
