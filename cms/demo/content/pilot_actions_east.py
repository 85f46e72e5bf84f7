"""Pilot actions in Croatia and Slovenia: Region of Istria, the Istrian foundation, Maribor.

Dates are ISO strings; where the sources give a month only, the first of the month is used.
End dates are the project's end (31 January 2022). Indicators count only what the sources state.
"""

PROJECT_END = "2022-01-31"

FINAL_CONFERENCE_STEP = {
    "date": "2022-03-10",
    "title": {
        "en": "Results shared at the final conference in Venice",
        "it": "Risultati condivisi alla conferenza finale di Venezia",
    },
    "description": {
        "en": "Partners, stakeholders and Interreg MED representatives discussed the results "
        "and how to carry them forward.",
        "it": "Partner, stakeholder e rappresentanti di Interreg MED hanno discusso i risultati "
        "e come portarli avanti.",
    },
}

ISTRIA = {
    "key": "istria",
    "slug": "istria-innovations-for-sustainable-regional-development",
    "title": {
        "en": "Innovations for Sustainable Regional Development (Istria)",
        "it": "Innovazioni per lo sviluppo regionale sostenibile (Istria)",
    },
    "summary": {
        "en": "Istrian high-school students turn urban challenges into research ideas, "
        "written up as papers and published in open databases.",
        "it": "Gli studenti delle scuole superiori istriane trasformano le sfide urbane in idee "
        "di ricerca, scritte come articoli e pubblicate in banche dati aperte.",
    },
    "region": {"en": "Istria", "it": "Istria"},
    "place": {"en": "Pula", "it": "Pola"},
    "country": "HR",
    "latitude": "44.866600",
    "longitude": "13.849600",
    "status": "completed",
    "start_date": "2020-02-01",
    "end_date": PROJECT_END,
    "macro_scenario": "skills-innovation",
    "sectors": ["education", "digital", "health"],
    "topics": ["youth-research", "social-innovation", "open-data"],
    "lead_partner": "region-of-istria",
    "partners": [],
    "objectives": {
        "en": "<p>Boost the research potential of young people through innovative research and "
        "development initiatives on urban topics:</p><ul><li>developing social "
        "entrepreneurship</li><li>e-health</li><li>public transport</li><li>sustainable use of "
        "urban infrastructure</li><li>innovative models of education</li><li>protecting the "
        "environment</li></ul>",
        "it": "<p>Rafforzare il potenziale di ricerca dei giovani con iniziative innovative di "
        "ricerca e sviluppo su temi urbani:</p><ul><li>sviluppo dell'imprenditorialità "
        "sociale</li><li>sanità digitale</li><li>trasporto pubblico</li><li>uso sostenibile "
        "delle infrastrutture urbane</li><li>modelli innovativi di istruzione</li><li>tutela "
        "dell'ambiente</li></ul>",
    },
    "body": [
        ("heading", {"en": "How it started", "it": "Come è iniziata"}),
        (
            "paragraph",
            {
                "en": "<p>The Region of Istria's regional coordinator for European programmes "
                "and funds began the preparatory work in February 2020. Principals and teachers "
                "of Istrian high schools were invited to a motivational meeting in Pula, where "
                "the activities and goals of the pilot were presented.</p><p>Students then work "
                "on their own research and development ideas. The ideas are written up as "
                "scientific papers, presented and tested, and published in open databases so "
                "that others can build on them.</p>",
                "it": "<p>Il coordinatore regionale della Regione Istriana per i programmi e i "
                "fondi europei ha avviato le attività preparatorie nel febbraio 2020. Presidi e "
                "docenti delle scuole superiori istriane sono stati invitati a un incontro "
                "motivazionale a Pola, dove sono stati presentati attività e obiettivi.</p>"
                "<p>Gli studenti sviluppano poi le proprie idee di ricerca e sviluppo, che "
                "diventano articoli scientifici presentati, verificati e pubblicati in banche "
                "dati aperte, perché altri possano riutilizzarli.</p>",
            },
        ),
    ],
    "timeline": [
        {
            "date": "2020-02-01",
            "title": {
                "en": "Preparatory activities and motivational meeting in Pula",
                "it": "Attività preparatorie e incontro motivazionale a Pola",
            },
            "description": {
                "en": "February 2020: high-school principals and teachers learn about the pilot.",
                "it": "Febbraio 2020: presidi e docenti delle scuole superiori conoscono il "
                "progetto pilota.",
            },
        },
        FINAL_CONFERENCE_STEP,
    ],
    "stakeholders": [
        (
            "public",
            {
                "en": "The Region of Istria's regional coordinator for European programmes and "
                "funds, who designed and ran the pilot.",
                "it": "Il coordinatore regionale della Regione Istriana per i programmi e i "
                "fondi europei, che ha progettato e condotto l'azione pilota.",
            },
        ),
        (
            "academia",
            {
                "en": "Principals, teachers and students of Istrian high schools.",
                "it": "Presidi, docenti e studenti delle scuole superiori istriane.",
            },
        ),
    ],
    "indicators": [
        {
            "label": {
                "en": "Motivational meetings with school principals and teachers",
                "it": "Incontri motivazionali con presidi e docenti",
            },
            "value": "1",
            "unit": {"en": "meeting", "it": "incontro"},
        },
    ],
    "outcomes": {
        "en": "<p>The pilot was designed to produce innovative ideas from young people in the "
        "form of scientific papers, presented, tested and openly published.</p>",
        "it": "<p>L'azione pilota è pensata per produrre idee innovative dei giovani sotto forma "
        "di articoli scientifici presentati, verificati e pubblicati in modo aperto.</p>",
    },
}

CROATIA = {
    "key": "croatia",
    "slug": "istria-3di-social-innovation-ideas",
    "title": {
        "en": "Sparking social innovation ideas in Istria (3DI)",
        "it": "Idee di innovazione sociale in Istria (3DI)",
    },
    "summary": {
        "en": "A public call for social innovation ideas, lectures, workshops and a round table "
        "on social entrepreneurship in Istria.",
        "it": "Un bando pubblico per idee di innovazione sociale, lezioni, laboratori e una "
        "tavola rotonda sull'imprenditorialità sociale in Istria.",
    },
    "region": {"en": "Istria", "it": "Istria"},
    "place": {"en": "Pula", "it": "Pola"},
    "country": "HR",
    "latitude": "44.868600",
    "longitude": "13.848100",
    "status": "completed",
    "start_date": "2019-11-01",
    "end_date": PROJECT_END,
    "macro_scenario": "skills-innovation",
    "sectors": ["education", "social-services"],
    "topics": ["social-innovation", "social-entrepreneurship"],
    "lead_partner": "foundation-civil-society-istria",
    "partners": ["hgk-pula", "unipu-fet"],
    "objectives": {
        "en": "<ul><li>Find new, innovative solutions to the needs of society through a public "
        "call for ideas.</li><li>Support social entrepreneurship in Istria in a systematic "
        "way.</li><li>Strengthen the skills people need to come up with ideas and turn them "
        "into projects.</li></ul>",
        "it": "<ul><li>Trovare soluzioni nuove e innovative ai bisogni della società con un "
        "bando pubblico per idee.</li><li>Sostenere in modo sistematico l'imprenditorialità "
        "sociale in Istria.</li><li>Rafforzare le capacità necessarie per generare idee e "
        "trasformarle in progetti.</li></ul>",
    },
    "body": [
        ("heading", {"en": "From ideas to projects", "it": "Dalle idee ai progetti"}),
        (
            "paragraph",
            {
                "en": "<p>In November 2019 the Foundation for Partnership and Civil Society "
                "Development opened “3DI”, a public call for social innovation ideas.</p><p>With "
                "the Croatian Chamber of Economy in Pula it held a round table on social "
                "entrepreneurship in Istria, which produced concrete proposals for supporting "
                "the sector. With the Faculty of Economics and Tourism “Dr. Mijo Mirković” it "
                "organised six short lectures on new ways of thinking about how society "
                "develops.</p><p>Because good ideas are the scarce ingredient of social "
                "innovation, Ranko Rajović led a workshop on methods that train thinking, link "
                "information and support creativity and teamwork. Two further workshops covered "
                "crowdfunding, and pitching and branding a project.</p>",
                "it": "<p>Nel novembre 2019 la Fondazione per il partenariato e lo sviluppo "
                "della società civile ha aperto “3DI”, un bando pubblico per idee di innovazione "
                "sociale.</p><p>Con la Camera dell'economia croata di Pola ha organizzato una "
                "tavola rotonda sull'imprenditorialità sociale in Istria, da cui sono emerse "
                "proposte concrete per sostenere il settore. Con la Facoltà di economia e "
                "turismo “Dr. Mijo Mirković” ha proposto sei brevi lezioni su nuovi modi di "
                "pensare lo sviluppo della società.</p><p>Poiché le buone idee sono l'ingrediente "
                "più raro dell'innovazione sociale, Ranko Rajović ha condotto un laboratorio su "
                "metodi che allenano il pensiero, collegano le informazioni e favoriscono "
                "creatività e lavoro di squadra. Altri due laboratori hanno trattato il "
                "crowdfunding e come presentare e comunicare un progetto.</p>",
            },
        ),
    ],
    "timeline": [
        {
            "date": "2019-11-01",
            "title": {"en": "3DI call for ideas opens", "it": "Apertura del bando 3DI"},
            "description": {
                "en": "November 2019: the Foundation invites ideas that answer society's needs.",
                "it": "Novembre 2019: la Fondazione raccoglie idee che rispondono ai bisogni "
                "della società.",
            },
        },
        FINAL_CONFERENCE_STEP,
    ],
    "stakeholders": [
        (
            "civil-society",
            {
                "en": "The Foundation for Partnership and Civil Society Development, and the "
                "people who answered the call with their ideas.",
                "it": "La Fondazione per il partenariato e lo sviluppo della società civile e "
                "chi ha risposto al bando con le proprie idee.",
            },
        ),
        (
            "business",
            {
                "en": "The Croatian Chamber of Economy in Pula, co-organiser of the round table.",
                "it": "La Camera dell'economia croata di Pola, coorganizzatrice della tavola "
                "rotonda.",
            },
        ),
        (
            "academia",
            {
                "en": "The Faculty of Economics and Tourism “Dr. Mijo Mirković”, which hosted the "
                "lecture series.",
                "it": "La Facoltà di economia e turismo “Dr. Mijo Mirković”, che ha ospitato il "
                "ciclo di lezioni.",
            },
        ),
    ],
    "indicators": [
        {
            "label": {"en": "Public calls for ideas", "it": "Bandi pubblici per idee"},
            "value": "1",
            "unit": {"en": "call", "it": "bando"},
        },
        {
            "label": {"en": "Short lectures held", "it": "Brevi lezioni tenute"},
            "value": "6",
            "unit": {"en": "lectures", "it": "lezioni"},
        },
        {
            "label": {"en": "Workshops held", "it": "Laboratori svolti"},
            "value": "3",
            "unit": {"en": "workshops", "it": "laboratori"},
        },
        {
            "label": {"en": "Round tables", "it": "Tavole rotonde"},
            "value": "1",
            "unit": {"en": "round table", "it": "tavola rotonda"},
        },
    ],
    "outcomes": {
        "en": "<p>Concrete suggestions from the round table on how to support social "
        "entrepreneurship systematically, and a pool of ideas from the 3DI call.</p>",
        "it": "<p>Proposte concrete dalla tavola rotonda su come sostenere in modo sistematico "
        "l'imprenditorialità sociale, e un insieme di idee raccolte con il bando 3DI.</p>",
    },
}

SLOVENIA = {
    "key": "slovenia",
    "slug": "maribor-social-innovation-hub",
    "title": {
        "en": "Towards a social innovation hub in Maribor",
        "it": "Verso un hub per l'innovazione sociale a Maribor",
    },
    "summary": {
        "en": "The PRIZMA Foundation and the Municipality of Maribor lay the foundations of a "
        "city strategy for social entrepreneurship and map premises for social innovators.",
        "it": "La Fondazione PRIZMA e il Comune di Maribor gettano le basi di una strategia "
        "cittadina per l'imprenditorialità sociale e mappano spazi per gli innovatori sociali.",
    },
    "region": {"en": "Podravje", "it": "Podravje"},
    "place": {"en": "Maribor", "it": "Maribor"},
    "country": "SI",
    "latitude": "46.554700",
    "longitude": "15.645900",
    "status": "completed",
    "start_date": "2020-02-01",
    "end_date": PROJECT_END,
    "macro_scenario": "social-economy",
    "sectors": ["social-services", "digital"],
    "topics": ["social-entrepreneurship", "social-innovation", "urban-regeneration"],
    "lead_partner": "prizma",
    "partners": ["municipality-maribor"],
    "objectives": {
        "en": "<ul><li>Build, with the Municipality, a strategy for social entrepreneurship in "
        "Maribor.</li><li>Test the first three phases of the social innovation process.</li>"
        "<li>Map premises that could host social innovators and entrepreneurs, and a Social "
        "Innovation Hub.</li></ul>",
        "it": "<ul><li>Costruire con il Comune una strategia per l'imprenditorialità sociale a "
        "Maribor.</li><li>Sperimentare le prime tre fasi del processo di innovazione sociale."
        "</li><li>Mappare gli spazi che potrebbero ospitare innovatori e imprenditori sociali e "
        "un hub per l'innovazione sociale.</li></ul>",
    },
    "body": [
        ("heading", {"en": "Working with the city", "it": "Insieme alla città"}),
        (
            "paragraph",
            {
                "en": "<p>The PRIZMA Foundation brought the Municipality of Maribor into the pilot "
                "as its key stakeholder. Three meetings with the stakeholders laid the "
                "groundwork for a city strategy on social entrepreneurship, which then served as "
                "the building block for the first three phases of the social innovation process "
                "tested in the pilot.</p><p>Together with the Municipality, the partners agreed "
                "to map every space that could be made available to social innovators and "
                "entrepreneurs, and to the Social Innovation Hub they set out to establish.</p>",
                "it": "<p>La Fondazione PRIZMA ha coinvolto il Comune di Maribor come "
                "interlocutore principale. Tre incontri con gli stakeholder hanno posto le basi "
                "di una strategia cittadina per l'imprenditorialità sociale, punto di partenza "
                "delle prime tre fasi del processo di innovazione sociale sperimentato.</p>"
                "<p>Con il Comune si è deciso di mappare tutti gli spazi che potrebbero essere "
                "messi a disposizione di innovatori e imprenditori sociali e dell'hub per "
                "l'innovazione sociale che si vuole avviare.</p>",
            },
        ),
    ],
    "timeline": [
        {
            "date": "2020-02-01",
            "title": {
                "en": "Three meetings with stakeholders, the Municipality of Maribor among them",
                "it": "Tre incontri con gli stakeholder, tra cui il Comune di Maribor",
            },
            "description": {
                "en": "February 2020: the meetings lay the foundation of the city's strategy "
                "for social entrepreneurship and lead to mapping the premises open to "
                "social innovators.",
                "it": "Febbraio 2020: gli incontri pongono le basi della strategia cittadina "
                "per l'imprenditoria sociale e portano a mappare gli spazi aperti agli "
                "innovatori sociali.",
            },
        },
        FINAL_CONFERENCE_STEP,
    ],
    "stakeholders": [
        (
            "civil-society",
            {
                "en": "The PRIZMA Foundation, which ran the pilot.",
                "it": "La Fondazione PRIZMA, che ha condotto l'azione pilota.",
            },
        ),
        (
            "public",
            {
                "en": "The Municipality of Maribor, key stakeholder and co-author of the strategy.",
                "it": "Il Comune di Maribor, interlocutore principale e coautore della strategia.",
            },
        ),
        (
            "business",
            {
                "en": "Social innovators and entrepreneurs looking for premises.",
                "it": "Innovatori e imprenditori sociali in cerca di spazi.",
            },
        ),
    ],
    "indicators": [
        {
            "label": {
                "en": "Stakeholder meetings, including the Municipality",
                "it": "Incontri con gli stakeholder, Comune compreso",
            },
            "value": "3",
            "unit": {"en": "meetings", "it": "incontri"},
        },
    ],
    "outcomes": {
        "en": "<p>The foundations of a social entrepreneurship strategy for Maribor, and a "
        "shared decision to map available premises for social innovators and a future hub.</p>",
        "it": "<p>Le basi di una strategia per l'imprenditorialità sociale a Maribor e la "
        "decisione condivisa di mappare gli spazi disponibili per innovatori sociali e per un "
        "futuro hub.</p>",
    },
}

PILOT_ACTIONS_EAST = [ISTRIA, CROATIA, SLOVENIA]
