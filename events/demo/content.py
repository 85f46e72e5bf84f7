"""The demo events: the network's real past events and upcoming ones to try registration on.

Texts are bilingual leaves {"en": ..., "it": ...} resolved by cms.demo.sync.localize. Past
events have fixed dates; upcoming ones are placed weeks ahead when first built (see demo.py).
"""

INDEX_TITLES = {
    "en": "Events",
    "it": "Eventi",
    "fr": "Événements",
    "es": "Eventos",
    "pt": "Eventos",
    "el": "Εκδηλώσεις",
    "hr": "Događanja",
    "sl": "Dogodki",
    "ar": "الفعاليات",
}

INDEX = {
    "summary": {
        "en": "Webinars, focus groups, meetings and conferences of the network: take part, "
        "or catch up with recordings and outcomes.",
        "it": "Webinar, focus group, incontri e conferenze della rete: partecipa, oppure "
        "recupera registrazioni e risultati.",
    },
    "introduction": {
        "en": "<p>Register in one click, join the waiting list when seats run out, and add "
        "any event to your calendar.</p>",
        "it": "<p>Iscriviti con un clic, entra in lista d'attesa quando i posti finiscono e "
        "aggiungi ogni evento al tuo calendario.</p>",
    },
}

# kind: webinar | meeting | focusgroup. Times are wall-clock in the event's zone.
EVENTS = [
    {
        "key": "event-webinar-tourism-2021",
        "slug": "webinar-social-innovation-and-tourism-2021",
        "kind": "webinar",
        "start": "2021-03-22T10:00",
        "end": "2021-03-22T12:00",
        "attendance": "online",
        "languages": ["it", "en"],
        "organisations": ["cciaa-treviso-belluno"],
        "topics": ["sustainable-tourism", "social-innovation", "skills-employment"],
        "countries": ["IT"],
        "transcripts": {"en": "webinar-2021-03-22.en.vtt", "it": "webinar-2021-03-22.it.vtt"},
        "recording_url": "https://opensocialclusters.eu/"
        "5thtransfer-webinar-social-innovation-and-tourism/",
        "title": {
            "en": "Fifth transfer webinar: social innovation and tourism",
            "it": "Quinto webinar di trasferimento: innovazione sociale e turismo",
        },
        "summary": {
            "en": "New business models and skills that give vulnerable groups a bigger role in "
            "mountain tourism, from the Chamber of Commerce of Treviso-Belluno.",
            "it": "Nuovi modelli di business e competenze che danno più spazio alle categorie "
            "deboli nel turismo di montagna, dalla Camera di Commercio di Treviso-Belluno.",
        },
        "introduction": {
            "en": "<p>Stories of doing business in the mountains of Belluno in times of "
            "resilience: a user manual and a cooperation model for clusters with a strong "
            "social vocation.</p>",
            "it": "<p>Testimonianze sul fare impresa nella montagna bellunese in tempi di "
            "resilienza: un manuale d'uso e un modello di cooperazione per cluster ad alta "
            "vocazione sociale.</p>",
        },
    },
    {
        "key": "event-mestre-2022",
        "slug": "mestre-skills-open-data-just-transition",
        "kind": "meeting",
        "start": "2022-01-17T09:45",
        "end": "2022-01-18T13:00",
        "attendance": "hybrid",
        "venue_name": "VEGA science park",
        "venue_address": "Via delle Industrie 15, 30175 Venezia Marghera",
        "latitude": "45.4772",
        "longitude": "12.2502",
        "languages": ["it"],
        "organisations": ["veneto-region", "vega-park"],
        "topics": ["skills-employment", "open-data", "cohesion-policy"],
        "countries": ["IT"],
        "title": {
            "en": "Mestre meetings: skills, open data and a just transition",
            "it": "Incontri di Mestre: competenze, open data e transizione giusta",
        },
        "summary": {
            "en": "Two days at the VEGA science park and online for labour-market actors and "
            "companies that care about social impact.",
            "it": "Due giornate al parco VEGA e online per gli attori del mercato del lavoro e "
            "le imprese attente all'impatto sociale.",
        },
        "introduction": {
            "en": "<p>Capitalising on +RESILIENT to help the Veneto regional programmes "
            "2021-2027 tackle the mismatch between labour demand and supply.</p>",
            "it": "<p>Capitalizzare +RESILIENT per aiutare i programmi regionali veneti "
            "2021-2027 ad affrontare il mismatch tra domanda e offerta di lavoro.</p>",
        },
    },
    {
        "key": "event-final-conference-2022",
        "slug": "final-conference-venice-2022",
        "kind": "meeting",
        "start": "2022-03-10T09:30",
        "end": "2022-03-10T13:30",
        "attendance": "hybrid",
        "venue_name": "Palazzo Balbi",
        "venue_address": "Dorsoduro 3901, 30123 Venezia",
        "latitude": "45.4343",
        "longitude": "12.3262",
        "languages": ["en", "it"],
        "organisations": ["veneto-region"],
        "topics": ["social-innovation", "social-economy", "cohesion-policy"],
        "countries": ["IT"],
        "title": {"en": "Final conference in Venice", "it": "Conferenza finale a Venezia"},
        "summary": {
            "en": "Partners, social innovation experts and Interreg MED projects on the "
            "results and the next steps of +RESILIENT.",
            "it": "Partner, esperti di innovazione sociale e progetti Interreg MED sui "
            "risultati e sui prossimi passi di +RESILIENT.",
        },
        "introduction": {
            "en": "<p>How to keep social innovation and the social economy at the heart of "
            "the 2021-2027 programmes.</p>",
            "it": "<p>Come mantenere innovazione sociale ed economia sociale al centro dei "
            "programmi 2021-2027.</p>",
        },
    },
    {
        "key": "event-brussels-2022",
        "slug": "through-transitions-brussels-2022",
        "kind": "meeting",
        "start": "2022-04-20T14:00",
        "end": "2022-04-20T17:00",
        "time_zone": "Europe/Brussels",
        "attendance": "hybrid",
        "venue_name": "European Parliament",
        "venue_address": "Rue Wiertz 60, 1047 Bruxelles",
        "latitude": "50.8387",
        "longitude": "4.3755",
        "languages": ["en"],
        "organisations": ["veneto-region"],
        "topics": ["cohesion-policy", "social-innovation"],
        "countries": ["BE"],
        "title": {
            "en": "Through transitions with +RESILIENT: policy event in Brussels",
            "it": "Attraverso le transizioni con +RESILIENT: evento a Bruxelles",
        },
        "summary": {
            "en": "Experts and policy makers on how EU policy can help social innovations "
            "last in times of transition.",
            "it": "Esperti e decisori sul modo in cui le politiche UE possono far durare le "
            "innovazioni sociali in tempi di transizione.",
        },
        "introduction": {"en": "", "it": ""},
    },
    {
        "key": "event-veneto-focus-groups-2020",
        "slug": "veneto-focus-groups-skill-mismatch",
        "kind": "focusgroup",
        "start": "2020-03-04T09:30",
        "end": "2020-03-05T13:00",
        "attendance": "in-person",
        "venue_name": "Regione del Veneto",
        "venue_address": "Fondamenta Santa Lucia, Cannaregio 23, 30121 Venezia",
        "latitude": "45.4408",
        "longitude": "12.3210",
        "capacity": 24,
        "languages": ["it"],
        "target_helixes": ["academia", "business", "public", "civil-society"],
        "organisations": ["veneto-region", "veneto-lavoro"],
        "topics": ["skills-employment", "social-economy"],
        "countries": ["IT"],
        "title": {
            "en": "Veneto focus groups on skill mismatch",
            "it": "Focus group veneti sul mismatch di competenze",
        },
        "summary": {
            "en": "Two mornings with training bodies, employers, the regional administration "
            "and the third sector on the skills companies look for and cannot find.",
            "it": "Due mattinate con enti di formazione, imprese, amministrazione regionale e "
            "terzo settore sulle competenze che le imprese cercano e non trovano.",
        },
        "question": {
            "en": "Why do vacancies stay open while people look for work, and what can "
            "social innovation change?",
            "it": "Perché restano posti vacanti mentre le persone cercano lavoro, e cosa può "
            "cambiare l'innovazione sociale?",
        },
        "outcomes": {
            "en": "<ul><li>The mismatch is sharpest for technical profiles in small "
            "companies and for care work.</li><li>Short, modular courses designed with "
            "employers work better than long generic ones.</li><li>Social cooperatives can "
            "bridge people far from the labour market to companies.</li><li>The group "
            "asked the Region for open data on vacancies by district.</li></ul>",
            "it": "<ul><li>Il mismatch è più forte per i profili tecnici nelle piccole "
            "imprese e per il lavoro di cura.</li><li>Corsi brevi e modulari progettati con "
            "le imprese funzionano meglio di quelli lunghi e generici.</li><li>Le cooperative "
            "sociali possono avvicinare alle imprese le persone lontane dal lavoro.</li><li>Il "
            "gruppo ha chiesto alla Regione open data sui posti vacanti per distretto.</li></ul>",
        },
    },
    {
        "key": "event-upcoming-webinar",
        "slug": "webinar-open-data-for-social-enterprises",
        "kind": "webinar",
        "weeks_ahead": 3,
        "time": ("11:00", "12:30"),
        "attendance": "online",
        "capacity": 5,
        "languages": ["en"],
        "organisations": ["gfoss"],
        "topics": ["open-data", "social-entrepreneurship"],
        "countries": ["GR", "IT"],
        "join_url": "https://meet.example.org/osc-open-data-webinar",
        "register": ["member@example.org", "member2@example.org"],
        "title": {
            "en": "Webinar: open data for social enterprises",
            "it": "Webinar: open data per le imprese sociali",
        },
        "summary": {
            "en": "Five seats, an hour and a half: find, clean and map open data about your "
            "territory.",
            "it": "Cinque posti, un'ora e mezza: trovare, pulire e mappare open data sul tuo "
            "territorio.",
        },
        "introduction": {
            "en": "<p>A hands-on session for social enterprises with the GFOSS team.</p>",
            "it": "<p>Una sessione pratica per imprese sociali con il team di GFOSS.</p>",
        },
    },
    {
        "key": "event-upcoming-workshop",
        "slug": "balanced-workshop-social-procurement",
        "kind": "meeting",
        "weeks_ahead": 5,
        "time": ("09:30", "16:30"),
        "attendance": "in-person",
        "venue_name": "VEGA science park",
        "venue_address": "Via delle Industrie 15, 30175 Venezia Marghera",
        "latitude": "45.4772",
        "longitude": "12.2502",
        "capacity": 20,
        "allow_guests": True,
        "caps": [
            ("stakeholder_type", "business", 40, {"en": "Business", "it": "Imprese"}),
            ("stakeholder_type", "public", 40, {"en": "Public administration", "it": "PA"}),
        ],
        "languages": ["it", "en"],
        "organisations": ["veneto-region"],
        "topics": ["public-procurement", "social-economy"],
        "countries": ["IT"],
        "title": {
            "en": "Workshop: social clauses in public procurement",
            "it": "Laboratorio: clausole sociali negli appalti pubblici",
        },
        "summary": {
            "en": "A day of work in mixed tables: no group takes more than 40 % of the seats.",
            "it": "Una giornata di lavoro a tavoli misti: nessun gruppo supera il 40 % dei posti.",
        },
        "introduction": {
            "en": "<p>Buyers, social enterprises, researchers and citizens' groups draft "
            "together the social clauses of a real tender.</p>",
            "it": "<p>Stazioni appaltanti, imprese sociali, ricercatori e gruppi di cittadini "
            "scrivono insieme le clausole sociali di una gara reale.</p>",
        },
    },
    {
        "key": "event-upcoming-focus-group",
        "slug": "focus-group-youth-and-research",
        "kind": "focusgroup",
        "weeks_ahead": 7,
        "time": ("15:00", "17:30"),
        "attendance": "hybrid",
        "venue_name": "University of Rijeka",
        "venue_address": "Trg braće Mažuranića 10, 51000 Rijeka",
        "capacity": 12,
        "languages": ["en", "hr"],
        "target_helixes": ["academia", "civil-society"],
        "organisations": ["rcdi"],
        "topics": ["youth-research", "social-innovation"],
        "countries": ["HR"],
        "title": {
            "en": "Focus group: young researchers and social innovation",
            "it": "Focus group: giovani ricercatori e innovazione sociale",
        },
        "summary": {
            "en": "Twelve places for researchers and civil-society groups: apply with a few "
            "lines on what you would bring.",
            "it": "Dodici posti per ricercatori e società civile: candidati con poche righe su "
            "ciò che porteresti.",
        },
        "question": {
            "en": "How can young researchers work with civil society on local problems?",
            "it": "Come possono i giovani ricercatori lavorare con la società civile sui "
            "problemi locali?",
        },
        "guidance": {
            "en": "Tell us your field and a local problem you would like to work on.",
            "it": "Indica il tuo ambito e un problema locale su cui vorresti lavorare.",
        },
    },
]
