"""Which publications and news belong with which pilot action: written once, shown both ways
(a pilot's related resources; a publication's or news item's pilot actions)."""

# pilot action key -> keys of publications and news items about it
PILOT_RELATED = {
    "istria": ["white-paper", "final-conference"],
    "croatia": ["white-paper", "final-conference"],
    "slovenia": ["brief-urban-labs", "white-paper", "final-conference"],
    "veneto": ["brief-skills", "mestre-meetings", "white-paper", "final-conference"],
    "brindisi": ["brief-urban-labs", "white-paper", "final-conference"],
    "aragon": ["brief-procurement", "white-paper", "final-conference"],
    "marseille": ["white-paper", "final-conference"],
}

RELATED_PILOTS_HEADING = {"en": "Pilot actions", "it": "Azioni pilota"}


def pilots_related_to(key):
    """The pilot action keys that list the publication or news item `key`, in pilot order."""
    return [pilot for pilot, related in PILOT_RELATED.items() if key in related]
