"""Countries, topics and authors (organisations are in organisations.py)."""

COUNTRIES = [
    # (ISO 3166 code, name)
    ("IT", {"en": "Italy", "it": "Italia"}),
    ("FR", {"en": "France", "it": "Francia"}),
    ("ES", {"en": "Spain", "it": "Spagna"}),
    ("PT", {"en": "Portugal", "it": "Portogallo"}),
    ("GR", {"en": "Greece", "it": "Grecia"}),
    ("HR", {"en": "Croatia", "it": "Croazia"}),
    ("SI", {"en": "Slovenia", "it": "Slovenia"}),
    ("AL", {"en": "Albania", "it": "Albania"}),
    ("BE", {"en": "Belgium", "it": "Belgio"}),
]

TOPICS = [
    # (slug, name, description)
    (
        "social-innovation",
        {"en": "Social innovation", "it": "Innovazione sociale"},
        {
            "en": "New ideas, services and models that meet social needs and build new relations.",
            "it": "Idee, servizi e modelli nuovi che rispondono a bisogni sociali.",
        },
    ),
    (
        "social-economy",
        {"en": "Social economy", "it": "Economia sociale"},
        {
            "en": "Cooperatives, social enterprises, associations and foundations.",
            "it": "Cooperative, imprese sociali, associazioni e fondazioni.",
        },
    ),
    (
        "open-data",
        {"en": "Open data", "it": "Open data"},
        {
            "en": "Public data anyone can reuse, and the tools to work with it.",
            "it": "Dati pubblici riutilizzabili da chiunque e strumenti per usarli.",
        },
    ),
    (
        "social-entrepreneurship",
        {"en": "Social entrepreneurship", "it": "Imprenditorialità sociale"},
        {
            "en": "Starting and growing businesses whose purpose is social impact.",
            "it": "Avviare e far crescere imprese che hanno come scopo l'impatto sociale.",
        },
    ),
    (
        "skills-employment",
        {"en": "Skills and employment", "it": "Competenze e occupazione"},
        {
            "en": "Matching the skills companies need with the people looking for work.",
            "it": "Far incontrare le competenze richieste dalle imprese e chi cerca lavoro.",
        },
    ),
    (
        "public-procurement",
        {"en": "Socially responsible procurement", "it": "Appalti socialmente responsabili"},
        {
            "en": "Social clauses and reserved contracts in public tenders.",
            "it": "Clausole sociali e appalti riservati nelle gare pubbliche.",
        },
    ),
    (
        "urban-regeneration",
        {"en": "Urban regeneration", "it": "Rigenerazione urbana"},
        {
            "en": "Giving new community uses to buildings and neighbourhoods.",
            "it": "Dare nuovi usi comunitari a edifici e quartieri.",
        },
    ),
    (
        "food-access",
        {"en": "Access to quality food", "it": "Accesso a cibo di qualità"},
        {
            "en": "Food deserts and how neighbourhoods get fresh, affordable food.",
            "it": "I deserti alimentari e come i quartieri accedono a cibo fresco.",
        },
    ),
    (
        "youth-research",
        {"en": "Youth and research", "it": "Giovani e ricerca"},
        {
            "en": "Young people doing research on their own towns and regions.",
            "it": "Giovani che fanno ricerca sulle proprie città e regioni.",
        },
    ),
    (
        "sustainable-tourism",
        {"en": "Sustainable tourism", "it": "Turismo sostenibile"},
        {
            "en": "Tourism that supports local communities and inclusive jobs.",
            "it": "Un turismo che sostiene le comunità locali e il lavoro inclusivo.",
        },
    ),
    (
        "cohesion-policy",
        {"en": "Cohesion policy", "it": "Politica di coesione"},
        {
            "en": "EU regional funds and the policies that steer them.",
            "it": "I fondi regionali dell'UE e le politiche che li orientano.",
        },
    ),
]

# Fictional authors for the demo publications (the real authors are not in our sources).
FICTIONAL_BIO = {
    "en": "A fictional person created for the demo site; replace with the real authors.",
    "it": "Persona fittizia creata per il sito dimostrativo; sostituire con gli autori reali.",
}
PEOPLE = [
    {
        "key": "chiara-moretti",
        "name": "Chiara Moretti",
        "role": {"en": "Policy analyst", "it": "Analista delle politiche"},
        "organisation": None,
    },
    {
        "key": "pau-ferrer",
        "name": "Pau Ferrer",
        "role": {"en": "Social economy researcher", "it": "Ricercatore di economia sociale"},
        "organisation": None,
    },
    {
        "key": "maja-kovac",
        "name": "Maja Kovač",
        "role": {"en": "Civil-society programme officer", "it": "Responsabile di programma"},
        "organisation": None,
    },
]
