"""Pilot actions in Italy: Veneto and Brindisi."""

from .pilot_actions_east import FINAL_CONFERENCE_STEP, PROJECT_END

VENETO = {
    "key": "veneto",
    "slug": "veneto-community-of-practice-skill-mismatch",
    "title": {
        "en": "A community of practice on skill mismatch (Veneto)",
        "it": "Una comunità di pratica sul mismatch di competenze (Veneto)",
    },
    "summary": {
        "en": "Companies, labour-market actors, training providers and the social economy "
        "co-create open-data-based answers to the gap between skills wanted and skills offered.",
        "it": "Imprese, attori del mercato del lavoro, enti di formazione ed economia sociale "
        "co-creano risposte basate sugli open data al divario tra competenze richieste e offerte.",
    },
    "region": {"en": "Veneto", "it": "Veneto"},
    "place": {"en": "Venice-Mestre", "it": "Venezia-Mestre"},
    "country": "IT",
    "latitude": "45.490400",
    "longitude": "12.242800",
    "status": "completed",
    "start_date": "2020-03-04",
    "end_date": PROJECT_END,
    "macro_scenario": "social-inclusion",
    "sectors": ["education", "digital", "social-services"],
    "topics": ["skills-employment", "open-data", "social-innovation", "cohesion-policy"],
    "lead_partner": "veneto-region",
    "partners": ["veneto-lavoro", "vega-park"],
    "objectives": {
        "en": "<p>Find a new way to produce and implement social innovation at regional level: "
        "co-created, based on open data and consistent with existing policies. A community of "
        "practice of 4-helix actors acts as a “generator” of ideas and services on skill "
        "mismatch, learning together and sharing responsibility.</p>",
        "it": "<p>Trovare un modo nuovo di produrre e attuare innovazione sociale a livello "
        "regionale: co-creata, basata sugli open data e coerente con le politiche esistenti. Una "
        "comunità di pratica di attori della quadrupla elica fa da “generatore” di idee e "
        "servizi sul mismatch di competenze, imparando insieme e condividendo le "
        "responsabilità.</p>",
    },
    "body": [
        ("heading", {"en": "The problem", "it": "Il problema"}),
        (
            "paragraph",
            {
                "en": "<p>Skill mismatch is the gap between the skills and profiles companies ask "
                "for and those the people looking for work can offer. It hits hardest the "
                "workers most at risk of social and economic exclusion.</p>",
                "it": "<p>Il mismatch di competenze è il divario tra le competenze e i profili "
                "richiesti dalle imprese e quelli offerti da chi cerca lavoro. Colpisce "
                "soprattutto i lavoratori più esposti all'esclusione sociale ed economica.</p>",
            },
        ),
        ("heading", {"en": "What the pilot did", "it": "Che cosa ha fatto il progetto pilota"}),
        (
            "paragraph",
            {
                "en": "<p>After mapping, analysing and engaging the stakeholders, the community "
                "was set up through two focus groups on 4 and 5 March 2020: the first with "
                "companies and the labour market, the second with the social economy and "
                "vocational training providers.</p><p>An Open Data Lab followed, with hands-on "
                "sessions in which people new to open data tried using data in their daily "
                "work.</p><p>In January 2022 two days of meetings at the VEGA science park in "
                "Mestre, also online, brought the results to labour-market actors and "
                "socially-minded companies, as input to the Veneto regional programmes "
                "2021-2027 for ESF+ and ERDF.</p>",
                "it": "<p>Dopo la mappatura, l'analisi e il coinvolgimento degli stakeholder, la "
                "comunità è nata con due focus group il 4 e 5 marzo 2020: il primo con imprese e "
                "mercato del lavoro, il secondo con economia sociale ed enti di formazione "
                "professionale.</p><p>È seguito un Open Data Lab, con attività pratiche in cui "
                "chi non usava gli open data ha provato a impiegarli nel proprio lavoro "
                "quotidiano.</p><p>Nel gennaio 2022 due giornate di incontri al parco "
                "scientifico VEGA di Mestre, anche online, hanno portato i risultati agli "
                "attori del mercato del lavoro e alle imprese attente all'impatto sociale, come "
                "contributo ai programmi regionali 2021-2027 FSE+ e FESR.</p>",
            },
        ),
    ],
    "timeline": [
        {
            "date": "2020-03-04",
            "title": {
                "en": "Focus group: companies and the labour market",
                "it": "Focus group: imprese e mercato del lavoro",
            },
            "description": "",
        },
        {
            "date": "2020-03-05",
            "title": {
                "en": "Focus group: social economy and training providers",
                "it": "Focus group: economia sociale ed enti di formazione",
            },
            "description": "",
        },
        {
            "date": "2022-01-17",
            "title": {
                "en": "Mestre: open data and skill mismatch in the new EU programming",
                "it": "Mestre: open data e mismatch nella nuova programmazione europea",
            },
            "description": {
                "en": "VEGA science park and online, 9.45-17.00.",
                "it": "Parco VEGA e online, 9.45-17.00.",
            },
        },
        {
            "date": "2022-01-18",
            "title": {
                "en": "Mestre: companies and the Just Transition Mechanism",
                "it": "Mestre: le imprese e il Meccanismo per una transizione giusta",
            },
            "description": {
                "en": "VEGA science park and online, 9.00-13.00.",
                "it": "Parco VEGA e online, 9.00-13.00.",
            },
        },
        FINAL_CONFERENCE_STEP,
    ],
    "stakeholders": [
        (
            "business",
            {
                "en": "Companies, especially those attentive to their social impact.",
                "it": "Imprese, soprattutto quelle attente al proprio impatto sociale.",
            },
        ),
        (
            "public",
            {
                "en": "Labour-market actors and the regional labour agency Veneto Lavoro.",
                "it": "Attori del mercato del lavoro e l'agenzia regionale Veneto Lavoro.",
            },
        ),
        (
            "academia",
            {
                "en": "Vocational training providers and universities.",
                "it": "Enti di formazione professionale e università.",
            },
        ),
        (
            "civil-society",
            {
                "en": "Social economy organisations, third-sector bodies and social partners.",
                "it": "Organizzazioni dell'economia sociale, enti del terzo settore e parti "
                "sociali.",
            },
        ),
    ],
    "indicators": [
        {
            "label": {"en": "Focus groups (March 2020)", "it": "Focus group (marzo 2020)"},
            "value": "2",
            "unit": {"en": "focus groups", "it": "focus group"},
        },
        {
            "label": {
                "en": "Capitalisation meeting days in Mestre (January 2022)",
                "it": "Giornate di capitalizzazione a Mestre (gennaio 2022)",
            },
            "value": "2",
            "unit": {"en": "days", "it": "giornate"},
        },
    ],
    "outcomes": {
        "en": "<p>A regional community of practice on skill mismatch, an Open Data Lab format "
        "for newcomers to data, and proposals for the 2021-2027 regional programmes.</p>",
        "it": "<p>Una comunità di pratica regionale sul mismatch, un formato di Open Data Lab "
        "per chi si avvicina ai dati e proposte per i programmi regionali 2021-2027.</p>",
    },
}

BRINDISI = {
    "key": "brindisi",
    "slug": "brindisi-palazzo-guerrieri-urban-lab",
    "title": {
        "en": "Palazzo Guerrieri urban lab (Brindisi)",
        "it": "Laboratorio urbano Palazzo Guerrieri (Brindisi)",
    },
    "summary": {
        "en": "ANCI and the Municipality of Brindisi study how a regenerated historic building "
        "works as community hub, co-working space and start-up incubator.",
        "it": "ANCI e il Comune di Brindisi studiano come funziona un edificio storico "
        "rigenerato come hub di comunità, coworking e incubatore di start-up.",
    },
    "region": {"en": "Apulia", "it": "Puglia"},
    "place": {"en": "Brindisi", "it": "Brindisi"},
    "country": "IT",
    "latitude": "40.638000",
    "longitude": "17.943000",
    "status": "completed",
    "start_date": "2021-01-01",
    "end_date": PROJECT_END,
    "macro_scenario": "territorial",
    "sectors": ["cultural-creative", "social-services"],
    "topics": ["urban-regeneration", "social-innovation", "social-entrepreneurship"],
    "lead_partner": "anci",
    "partners": ["municipality-brindisi", "ifel"],
    "objectives": {
        "en": "<ul><li>Support social innovation and urban regeneration in Brindisi.</li><li>Give "
        "the local administration research and monitoring on the results of the Palazzo "
        "Guerrieri lab, to adapt and plan what comes next.</li><li>Feed the debate on how "
        "municipalities can start new sustainable development policies.</li></ul>",
        "it": "<ul><li>Sostenere innovazione sociale e rigenerazione urbana a Brindisi.</li>"
        "<li>Offrire all'amministrazione locale ricerca e monitoraggio sui risultati del "
        "laboratorio Palazzo Guerrieri, per adattare e programmare le azioni future.</li>"
        "<li>Contribuire al dibattito su come i Comuni possono avviare nuove politiche di "
        "sviluppo sostenibile.</li></ul>",
    },
    "body": [
        (
            "heading",
            {"en": "A historic building, a new use", "it": "Un edificio storico, un nuovo uso"},
        ),
        (
            "paragraph",
            {
                "en": "<p>In 2019 the Municipality of Brindisi opened the Palazzo Guerrieri urban "
                "lab to support young and innovative entrepreneurs, reusing a historic building "
                "in the city centre as a community hub, co-working space and start-up "
                "incubator.</p><p>ANCI supported the Municipality with research and monitoring, "
                "at a time when the pandemic was putting local economies under great strain. "
                "Through the “Valore Comune” project of IFEL, the work was also compared with "
                "other municipalities active in social innovation, before being shared with the "
                "+RESILIENT network.</p>",
                "it": "<p>Nel 2019 il Comune di Brindisi ha attivato il laboratorio urbano "
                "Palazzo Guerrieri per sostenere giovani imprenditori innovativi, riutilizzando "
                "un edificio storico del centro come hub di comunità, coworking e incubatore di "
                "start-up.</p><p>ANCI ha affiancato il Comune con attività di ricerca e "
                "monitoraggio, in una fase in cui la pandemia metteva in grande difficoltà le "
                "economie locali. Grazie al progetto “Valore Comune” di IFEL, il lavoro è stato "
                "confrontato con altri Comuni impegnati nell'innovazione sociale, prima di "
                "essere condiviso con la rete +RESILIENT.</p>",
            },
        ),
    ],
    "timeline": [
        {
            "date": "2021-10-01",
            "title": {
                "en": "Research and monitoring results presented",
                "it": "Presentati i risultati della ricerca e del monitoraggio",
            },
            "description": {
                "en": "October 2021: ANCI presents what the Palazzo Guerrieri lab achieved and "
                "shares it with the +RESILIENT network and other municipalities.",
                "it": "Ottobre 2021: ANCI presenta i risultati del laboratorio Palazzo "
                "Guerrieri e li condivide con la rete +RESILIENT e con altri Comuni.",
            },
        },
        FINAL_CONFERENCE_STEP,
    ],
    "stakeholders": [
        (
            "public",
            {
                "en": "ANCI, the Municipality of Brindisi, and other municipalities met through "
                "IFEL's “Valore Comune” project.",
                "it": "ANCI, il Comune di Brindisi e gli altri Comuni incontrati con il progetto "
                "“Valore Comune” di IFEL.",
            },
        ),
        (
            "business",
            {
                "en": "Young, innovative entrepreneurs and start-ups using the lab.",
                "it": "Giovani imprenditori innovativi e start-up che usano il laboratorio.",
            },
        ),
    ],
    "indicators": [
        {
            "label": {
                "en": "Historic buildings reused as community hub and incubator",
                "it": "Edifici storici riutilizzati come hub di comunità e incubatore",
            },
            "value": "1",
            "unit": {"en": "building", "it": "edificio"},
        },
    ],
    "outcomes": {
        "en": "<p>Evidence for the Municipality on what the urban lab achieves, and an exchange "
        "with other municipalities on social innovation policies.</p>",
        "it": "<p>Elementi di valutazione per il Comune sui risultati del laboratorio urbano e "
        "uno scambio con altri Comuni sulle politiche di innovazione sociale.</p>",
    },
}

PILOT_ACTIONS_ITALY = [VENETO, BRINDISI]
