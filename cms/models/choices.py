"""Vocabularies shared by pages, filters and exports. Stored values are stable English slugs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Helix(models.TextChoices):
    ACADEMIA = "academia", _("Academia and research")
    BUSINESS = "business", _("Business and social enterprise")
    PUBLIC = "public", _("Public administration")
    CIVIL_SOCIETY = "civil-society", _("Civil society")


class Sector(models.TextChoices):
    GREEN = "green", _("Green economy")
    BLUE = "blue", _("Blue economy")
    CULTURAL_CREATIVE = "cultural-creative", _("Cultural and creative industries")
    TOURISM = "tourism", _("Sustainable tourism")
    SOCIAL_SERVICES = "social-services", _("Social services and inclusion")
    EDUCATION = "education", _("Education and skills")
    HEALTH = "health", _("Health and care")
    PUBLIC_PROCUREMENT = "public-procurement", _("Public procurement")
    AGRIFOOD = "agrifood", _("Agri-food")
    DIGITAL = "digital", _("Digital and open data")


class PilotStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")


class MacroScenario(models.TextChoices):
    SOCIAL_INCLUSION = "social-inclusion", _("Social inclusion and employment")
    SOCIAL_ECONOMY = "social-economy", _("Strengthening the social economy")
    SKILLS_INNOVATION = "skills-innovation", _("Skills, research and innovation")
    TERRITORIAL = "territorial", _("Territorial and community development")


class OrganisationKind(models.TextChoices):
    PARTNER = "partner", _("Project partner")
    SOCIAL_ECONOMY = "social-economy", _("Social-economy entity")
    STAKEHOLDER = "stakeholder", _("Stakeholder")


class PolicyLevel(models.TextChoices):
    EU = "eu", _("European Union")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    LOCAL = "local", _("Local")
