"""Community models, one module per concept, re-exported here.

Dependencies inside flow one way: users -> privacy, organisations -> calls -> ideas -> reviews.
"""

from .privacy import Consent, DataExport, PrivacyPolicyVersion
from .users import SPOKEN_LANGUAGE_CODES, ProfileVisibility, User, UserManager

__all__ = [
    "SPOKEN_LANGUAGE_CODES",
    "Consent",
    "DataExport",
    "PrivacyPolicyVersion",
    "ProfileVisibility",
    "User",
    "UserManager",
]
