"""Pilot actions in Spain and France: Aragon and Marseille."""

from .pilot_actions_east import FINAL_CONFERENCE_STEP, PROJECT_END

ARAGON = {
    "key": "aragon",
    "slug": "aragon-social-clauses-public-procurement",
    "title": {
        "en": "Social clauses in public procurement (Aragon)",
        "it": "Clausole sociali negli appalti pubblici (Aragona)",
    },
    "summary": {
        "en": "A directory of third-sector entities and what they offer, so that tenders with "
        "social clauses and reserved contracts reach inclusion companies.",
        "it": "Un elenco degli enti del terzo settore e di ciò che offrono, perché le gare con "
        "clausole sociali e appalti riservati raggiungano le imprese di inserimento.",
    },
    "region": {"en": "Aragon", "it": "Aragona"},
    "place": {"en": "Zaragoza", "it": "Saragozza"},
    "country": "ES",
    "latitude": "41.648800",
    "longitude": "-0.889100",
    "status": "completed",
    "start_date": "2020-02-01",
    "end_date": PROJECT_END,
    "macro_scenario": "social-economy",
    "sectors": ["public-procurement", "social-services"],
    "topics": ["public-procurement", "social-economy", "open-data"],
    "lead_partner": "itainnova",
    "partners": [],
    "objectives": {
        "en": "<p>Within the macro-scenario “support to SMEs with social vocation and "
        "responsiveness”, list the third-sector entities and the services and products they "
        "offer, so that the right ones can be found and asked for an offer.</p>",
        "it": "<p>Nel macro-scenario “sostegno alle PMI a vocazione e sensibilità sociale”, "
        "censire gli enti del terzo settore con i servizi e i prodotti che offrono, perché si "
        "possano trovare quelli giusti e chiedere loro un'offerta.</p>",
    },
    "body": [
        ("heading", {"en": "Why it matters", "it": "Perché è importante"}),
        (
            "paragraph",
            {
                "en": "<p>Rules on public subcontracting keep getting stricter, and the EU "
                "encourages social clauses in calls for tender: social obligations for the "
                "companies that bid. One such clause reserves a share of a contract for "
                "inclusion companies. In Spain every public tender must set a minimum share of "
                "participation for special employment centres.</p><p>Bidders therefore need to "
                "know which social-economy entities exist and what they can supply. The Aragon "
                "pilot set out to build that knowledge.</p>",
                "it": "<p>Le regole sul subappalto pubblico sono sempre più rigorose e l'UE "
                "incoraggia le clausole sociali nei bandi di gara, cioè obblighi sociali per le "
                "imprese che partecipano. Una di queste riserva una quota dell'appalto alle "
                "imprese di inserimento. In Spagna ogni gara pubblica deve fissare una quota "
                "minima di partecipazione dei centri speciali per l'impiego.</p><p>Chi partecipa "
                "alle gare deve quindi sapere quali enti dell'economia sociale esistono e che "
                "cosa possono fornire: è ciò che l'azione pilota aragonese si è proposta di "
                "costruire.</p>",
            },
        ),
    ],
    "timeline": [
        {
            "date": "2020-02-01",
            "title": {
                "en": "Listing third-sector entities and their offer",
                "it": "Censimento degli enti del terzo settore e della loro offerta",
            },
            "description": {
                "en": "February 2020: the pilot starts listing the entities of the third sector"
                " with the services and products they can offer in public tenders.",
                "it": "Febbraio 2020: il progetto pilota inizia a censire gli enti del terzo "
                "settore con i servizi e i prodotti che possono offrire nelle gare "
                "pubbliche.",
            },
        },
        FINAL_CONFERENCE_STEP,
    ],
    "stakeholders": [
        (
            "public",
            {
                "en": "Contracting authorities that include social clauses in their tenders.",
                "it": "Stazioni appaltanti che inseriscono clausole sociali nelle gare.",
            },
        ),
        (
            "business",
            {
                "en": "Companies bidding for public contracts, inclusion companies and special "
                "employment centres.",
                "it": "Imprese che partecipano alle gare, imprese di inserimento e centri "
                "speciali per l'impiego.",
            },
        ),
        (
            "civil-society",
            {
                "en": "Third-sector entities and the services and products they offer.",
                "it": "Enti del terzo settore con i loro servizi e prodotti.",
            },
        ),
    ],
    "indicators": [],
    "outcomes": {
        "en": "<p>A list of third-sector entities and their offer, to connect tenders that carry "
        "social clauses with the organisations able to answer them.</p>",
        "it": "<p>Un elenco degli enti del terzo settore e della loro offerta, per collegare le "
        "gare con clausole sociali alle organizzazioni in grado di rispondere.</p>",
    },
}

MARSEILLE = {
    "key": "marseille",
    "slug": "marseille-food-deserts",
    "title": {
        "en": "Mapping food deserts in Marseille",
        "it": "Mappare i deserti alimentari a Marsiglia",
    },
    "summary": {
        "en": "Aix-Marseille University joins the Opération Désert Alimentaire to map the "
        "neighbourhoods where quality food is hard to find, and co-designs answers with them.",
        "it": "L'Università di Aix-Marseille partecipa all'Opération Désert Alimentaire per "
        "mappare i quartieri dove è difficile trovare cibo di qualità e co-progettare risposte.",
    },
    "region": {"en": "Provence-Alpes-Côte d'Azur", "it": "Provenza-Alpi-Costa Azzurra"},
    "place": {"en": "Marseille", "it": "Marsiglia"},
    "country": "FR",
    "latitude": "43.296500",
    "longitude": "5.369800",
    "status": "completed",
    "start_date": "2020-02-01",
    "end_date": PROJECT_END,
    "macro_scenario": "territorial",
    "sectors": ["agrifood", "social-services", "digital"],
    "topics": ["food-access", "open-data", "social-innovation"],
    "lead_partner": "amu",
    "partners": [],
    "objectives": {
        "en": "<ul><li>Identify and map the areas of Marseille where access to quality food is "
        "scarce.</li><li>Co-design answers with enterprises, stakeholders and the inhabitants "
        "of those areas.</li></ul>",
        "it": "<ul><li>Individuare e mappare le zone di Marsiglia in cui l'accesso a cibo di "
        "qualità è scarso.</li><li>Co-progettare risposte con imprese, stakeholder e abitanti "
        "di quelle zone.</li></ul>",
    },
    "body": [
        ("heading", {"en": "Co-design in two steps", "it": "Co-progettazione in due tempi"}),
        (
            "paragraph",
            {
                "en": "<p>The pilot is part of a larger project, the Opération Désert "
                "Alimentaire. Aix-Marseille University held a coordination meeting with the "
                "actors involved, local authorities among them, to prepare two co-design "
                "workshops: the first on the role that professional enterprises and "
                "stakeholders can play, the second for the inhabitants of the areas "
                "identified.</p>",
                "it": "<p>L'azione pilota fa parte di un progetto più ampio, l'Opération Désert "
                "Alimentaire. L'Università di Aix-Marseille ha riunito gli attori coinvolti, "
                "tra cui le autorità locali, per preparare due laboratori di co-progettazione: "
                "il primo sul ruolo che imprese e stakeholder possono avere, il secondo dedicato "
                "agli abitanti delle zone individuate.</p>",
            },
        ),
    ],
    "timeline": [
        {
            "date": "2020-02-01",
            "title": {
                "en": "Coordination meeting with local actors and authorities",
                "it": "Riunione di coordinamento con attori e autorità locali",
            },
            "description": {
                "en": "February 2020: Aix-Marseille University and the local authorities "
                "prepare two co-design workshops, one with enterprises and one with "
                "residents.",
                "it": "Febbraio 2020: l'Università di Aix-Marseille e le autorità locali "
                "preparano due laboratori di co-progettazione, uno con le imprese e uno "
                "con gli abitanti.",
            },
        },
        FINAL_CONFERENCE_STEP,
    ],
    "stakeholders": [
        (
            "academia",
            {"en": "Aix-Marseille University.", "it": "Università di Aix-Marseille."},
        ),
        (
            "public",
            {"en": "Local authorities of Marseille.", "it": "Autorità locali di Marsiglia."},
        ),
        (
            "business",
            {
                "en": "Professional enterprises and stakeholders of the food sector.",
                "it": "Imprese e operatori del settore alimentare.",
            },
        ),
        (
            "civil-society",
            {
                "en": "Inhabitants of the neighbourhoods identified as food deserts.",
                "it": "Abitanti dei quartieri individuati come deserti alimentari.",
            },
        ),
    ],
    "indicators": [
        {
            "label": {
                "en": "Co-design workshops (planned)",
                "it": "Laboratori di co-progettazione (previsti)",
            },
            "value": "2",
            "unit": {"en": "workshops", "it": "laboratori"},
        },
    ],
    "outcomes": {
        "en": "<p>A shared picture of where quality food is missing in Marseille, and ideas for "
        "change that come from enterprises and residents alike.</p>",
        "it": "<p>Un quadro condiviso di dove manca cibo di qualità a Marsiglia e idee di "
        "cambiamento che vengono sia dalle imprese sia dagli abitanti.</p>",
    },
}

PILOT_ACTIONS_WEST = [ARAGON, MARSEILLE]
