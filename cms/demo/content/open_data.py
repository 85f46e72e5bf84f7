# ruff: noqa: E501 -- demo texts and tables, one entry per line
"""English demo content of the open-data sections: datasets, knowledge articles, tools, the
Veneto Open Data Lab course, and the (fictional) directory entries and premises the map shows.

The entities and premises are invented for the demo (their descriptions say so); their places,
sectors and CPV codes are realistic, so the filters and the clustering have something to show.
"""

# (city, region, country ISO code, latitude, longitude, how many entities)
ENTITY_PLACES = [
    ("Zaragoza", "Aragon", "ES", 41.6488, -0.8891, 22),
    ("Huesca", "Aragon", "ES", 42.1361, -0.4087, 5),
    ("Teruel", "Aragon", "ES", 40.3456, -1.1065, 4),
    ("Calatayud", "Aragon", "ES", 41.3536, -1.6432, 3),
    ("Padova", "Veneto", "IT", 45.4064, 11.8768, 7),
    ("Verona", "Veneto", "IT", 45.4384, 10.9916, 5),
    ("Treviso", "Veneto", "IT", 45.6669, 12.2430, 4),
    ("Vicenza", "Veneto", "IT", 45.5455, 11.5354, 3),
    ("Pula", "Istria", "HR", 44.8666, 13.8496, 5),
    ("Pazin", "Istria", "HR", 45.2403, 13.9367, 2),
    ("Maribor", "Podravje", "SI", 46.5547, 15.6459, 8),
    ("Ptuj", "Podravje", "SI", 46.4200, 15.8700, 2),
]

# What a supplier offers: (offer, sector, CPV codes)
ACTIVITIES = [
    ("Cleaning of offices and public buildings", "social-services", ["90910000", "90911200"]),
    ("Catering and canteen services", "agrifood", ["55520000", "55523100"]),
    ("Gardening and upkeep of parks", "green", ["77310000", "77311000"]),
    ("Laundry for hospitals and care homes", "health", ["98310000"]),
    ("Printing and binding", "cultural-creative", ["79810000"]),
    ("Collection and recycling of waste", "green", ["90500000", "90511000"]),
    ("Data entry, digitisation and IT support", "digital", ["72000000", "72512000"]),
    ("Small building repairs and refurbishment", "public-procurement", ["45453000"]),
    ("Courier and delivery by cargo bike", "green", ["64120000"]),
    ("Textile workshop: uniforms and repairs", "cultural-creative", ["39500000"]),
]

KIND_CYCLE = [
    "work-integration",
    "special-employment-centre",
    "cooperative",
    "social-enterprise",
    "association",
]

NAME_PATTERNS = {
    "ES": {
        "work-integration": "Empresa de Inserción {name}",
        "special-employment-centre": "Centro Especial de Empleo {name}",
        "cooperative": "Cooperativa {name}",
        "social-enterprise": "{name} Empresa Social",
        "association": "Asociación {name}",
    },
    "IT": {
        "work-integration": "Cooperativa sociale di tipo B {name}",
        "special-employment-centre": "Laboratorio protetto {name}",
        "cooperative": "Cooperativa {name}",
        "social-enterprise": "Impresa sociale {name}",
        "association": "Associazione {name}",
    },
    "HR": {
        "work-integration": "Integracijska radionica {name}",
        "special-employment-centre": "Zaštitna radionica {name}",
        "cooperative": "Socijalna zadruga {name}",
        "social-enterprise": "Socijalno poduzeće {name}",
        "association": "Udruga {name}",
    },
    "SI": {
        "work-integration": "Zaposlitveni center {name}",
        "special-employment-centre": "Invalidsko podjetje {name}",
        "cooperative": "Zadruga {name}",
        "social-enterprise": "Socialno podjetje {name}",
        "association": "Društvo {name}",
    },
}

NAME_WORDS = {
    "ES": ["Ebro", "Moncayo", "Cierzo", "Aljafería", "Pilar", "Huerva", "Gállego", "Somontano",
           "Mudéjar", "Matarraña", "Jalón", "Cinca", "Ribagorza", "Maestrazgo", "Almozara",
           "Delicias", "Torrero", "Arrabal", "Tranvía", "Puente", "Albada", "Semilla", "Trébol",
           "Olivo", "Encina", "Retama", "Lavanda", "Romero", "Azafrán", "Alcaraván",
           "Mirador", "Faro", "Camino", "Raíces"],
    "IT": ["Brenta", "Bacchiglione", "Piave", "Adige", "Colli Euganei", "Sile", "Berici",
           "Lessinia", "Astico", "Laguna", "Arcobaleno", "Girasole", "Quercia", "Rondine",
           "Ponte", "Filo d'Erba", "Sentiero", "Mosaico", "Radici"],
    "HR": ["Arena", "Kaštel", "Učka", "Mirna", "Raša", "Brijuni", "Maslina"],
    "SI": ["Drava", "Pohorje", "Lent", "Kalvarija", "Stara trta", "Mariborski otok",
           "Drevored", "Sonce", "Most", "Vinograd"],
}  # fmt: skip

# (name, address, city, region, country, latitude, longitude, m², availability, conditions)
PREMISES = [
    ("Former shop on Gosposka ulica", "Gosposka ulica 12", "Maribor", 46.5581, 15.6450, 65),
    ("Ground floor on Glavni trg", "Glavni trg 7", "Maribor", 46.5572, 15.6453, 110),
    ("Studio in the Lent quarter", "Usnjarska ulica 4", "Maribor", 46.5553, 15.6440, 40),
    ("Old boiler house, Tabor", "Ljubljanska ulica 28", "Maribor", 46.5480, 15.6380, 320),
    ("Classroom wing, former school", "Tomšičeva ulica 10", "Maribor", 46.5640, 15.6500, 180),
    ("Workshop by the Drava", "Pristan 3", "Maribor", 46.5545, 15.6485, 95),
    ("Shared office, Pobrežje", "Cesta XIV. divizije 5", "Maribor", 46.5460, 15.6690, 55),
    ("Community hall, Studenci", "Engelsova ulica 2", "Maribor", 46.5560, 15.6190, 140),
    ("Attic rooms, Rotovški trg", "Rotovški trg 9", "Maribor", 46.5577, 15.6470, 75),
    ("Warehouse, Tezno", "Ptujska cesta 115", "Maribor", 46.5330, 15.6670, 600),
    ("Kiosk in the city park", "Mestni park 1", "Maribor", 46.5650, 15.6440, 15),
    ("Gallery room, Slomškov trg", "Slomškov trg 15", "Maribor", 46.5590, 15.6430, 50),
    ("Ground floor, Koroška cesta", "Koroška cesta 40", "Maribor", 46.5600, 15.6330, 85),
    ("Former bank branch, Partizanska", "Partizanska cesta 20", "Maribor", 46.5610, 15.6520, 130),
    ("Garden plot with shed, Radvanje", "Radvanjska cesta 70", "Maribor", 46.5380, 15.6260, 400),
    ("Co-working floor, Melje", "Meljska cesta 30", "Maribor", 46.5620, 15.6620, 210),
    ("Ground floor, Minoritski trg", "Minoritska ulica 2", "Ptuj", 46.4195, 15.8690, 90),
    ("Vaulted cellar, Slovenski trg", "Slovenski trg 5", "Ptuj", 46.4205, 15.8705, 120),
    ("Former customs house", "Riva 8", "Pula", 44.8720, 13.8430, 160),
    ("Rooms above the market", "Narodni trg 9", "Pula", 44.8690, 13.8480, 70),
    ("Workshop in Uljanik's old halls", "Flaciusova 1", "Pula", 44.8740, 13.8390, 450),
]  # fmt: skip

TOOLS = [
    {
        "name": "OpenRefine",
        "purpose": "Clean messy tables: fix spellings, split columns, reconcile names with "
        "registers, with every step recorded and repeatable.",
        "url": "https://openrefine.org/",
        "licence": "BSD-3-Clause",
        "skill_level": "introductory",
        "languages": "en, it, fr, es, pt, el, hr, sl",
    },
    {
        "name": "QGIS",
        "purpose": "Desktop geographic information system: join tables to places, make "
        "thematic maps, export GeoJSON.",
        "url": "https://qgis.org/",
        "licence": "GPL-2.0-or-later",
        "skill_level": "advanced",
        "languages": "en, it, fr, es, pt, el, hr, sl, ar",
    },
    {
        "name": "uMap",
        "purpose": "Draw a map on OpenStreetMap in the browser and share or embed it, "
        "importing CSV or GeoJSON.",
        "url": "https://umap-project.org/",
        "licence": "WTFPL",
        "skill_level": "introductory",
        "languages": "en, it, fr, es, pt, el, hr, sl, ar",
    },
    {
        "name": "CKAN",
        "purpose": "Run an open-data portal: publish datasets with their metadata and "
        "DCAT catalogue for harvesting.",
        "url": "https://ckan.org/",
        "licence": "AGPL-3.0",
        "skill_level": "advanced",
        "languages": "en, it, fr, es, pt, el, hr, sl, ar",
    },
    {
        "name": "Datawrapper",
        "purpose": "Turn a table into an accessible chart or map in a few steps.",
        "url": "https://www.datawrapper.de/",
        "licence": "Proprietary, free plan",
        "skill_level": "introductory",
        "languages": "en, it, fr, es, pt",
    },
]

ARTICLES = [
    {
        "key": "kb-aragon-register",
        "slug": "publishing-a-register-of-social-economy-suppliers",
        "title": "Publishing a register of social-economy suppliers",
        "summary": "How the Aragon pilot turned a list of third-sector suppliers into open "
        "data public buyers can search by CPV code.",
        "kind": "case-study",
        "reading_level": "intermediate",
        "body": [
            (
                "paragraph",
                "<p>Spanish law asks every public call for tenders to reserve a share "
                "of contracts for special employment centres and work-integration enterprises. "
                "Buyers often do not know who can supply what. The Aragon pilot action set out to "
                "list the entities of the third sector and the services and products they offer.</p>",
            ),
            ("heading", "One row per supplier, one code per service"),
            (
                "paragraph",
                "<p>Each supplier is one row with a stable reference, its kind of "
                "entity, its region and the CPV codes of what it supplies. CPV codes are the EU "
                "procurement vocabulary: a buyer who searches for 9091 finds every cleaning "
                "service, whatever words the supplier used.</p>",
            ),
            ("heading", "Open by default"),
            (
                "paragraph",
                "<p>The register is published under CC BY 4.0, as CSV, with its "
                "metadata in DCAT-AP so the national portal can harvest it. Updates are imported "
                "again from the same file: rows are matched by reference, so nothing is duplicated.</p>",
            ),
        ],
    },
    {
        "key": "kb-maribor-premises",
        "slug": "mapping-premises-for-social-innovators",
        "title": "Mapping premises for social innovators",
        "summary": "The Maribor pilot and the municipality listed spaces social innovators "
        "could use, and put them on a map.",
        "kind": "case-study",
        "reading_level": "introductory",
        "body": [
            (
                "paragraph",
                "<p>Foundation PRIZMA worked with the Municipality of Maribor on a "
                "strategy for social entrepreneurship. One conclusion was to map every space that "
                "could be available to social innovators and to a future Social Innovation Hub.</p>",
            ),
            (
                "paragraph",
                "<p>For each space the register records its address, size, "
                "conditions of use and when it is free. Coordinates make it a map; the same data "
                "is downloadable as CSV for anyone to reuse.</p>",
            ),
        ],
    },
    {
        "key": "kb-skills-data",
        "slug": "reading-skill-mismatch-with-open-data",
        "title": "Reading skill mismatch with open data",
        "summary": "A guide from the Veneto Open Data Lab: which public data describe the "
        "demand and supply of skills, and how to combine them.",
        "kind": "guide",
        "reading_level": "introductory",
        "body": [
            (
                "paragraph",
                "<p>Skill mismatch is the gap between the skills companies look for "
                "and those people have. The Veneto pilot built a community of practice around it "
                "and ran an Open Data Lab for participants who had never worked with open data.</p>",
            ),
            ("heading", "Where the data are"),
            (
                "paragraph",
                "<p>Regional labour-market observatories publish job vacancies and "
                "hirings by occupation; statistical offices publish education levels by area; "
                "training providers publish their courses. Each is a table with a place and a time: "
                "put side by side, they show where demand and supply drift apart.</p>",
            ),
        ],
    },
    {
        "key": "kb-glossary",
        "slug": "open-data-glossary",
        "title": "Open-data glossary",
        "summary": "The words of open data, in plain language.",
        "kind": "glossary",
        "reading_level": "introductory",
        "body": [
            (
                "paragraph",
                "<p><b>Open licence</b>: permission for anyone to reuse data, for "
                "any purpose, sometimes on condition of naming the source (CC BY 4.0).</p>",
            ),
            (
                "paragraph",
                "<p><b>CSV</b>: a plain-text table, one row per line, values "
                "separated by commas; every tool reads it.</p>",
            ),
            (
                "paragraph",
                "<p><b>DCAT-AP</b>: the European way to describe datasets so that "
                "portals can collect (harvest) each other's catalogues.</p>",
            ),
            (
                "paragraph",
                "<p><b>CPV code</b>: an eight-digit code of the Common Procurement "
                "Vocabulary naming what a public contract buys.</p>",
            ),
            (
                "paragraph",
                "<p><b>GeoJSON</b>: a format for points, lines and areas on a map; "
                "coordinates are written longitude first.</p>",
            ),
        ],
    },
]

COURSE = {
    "title": "Open data on skills: find, clean and map",
    "summary": "The Veneto Open Data Lab as a short course: three lessons and a quiz each.",
    "introduction": "<p>Built from the Open Data Lab of the Veneto pilot action. You will find "
    "public data on skills, clean a table and put it on a map. No experience needed.</p>",
    "duration": "About 3 hours",
    "lessons": [
        {
            "slug": "finding-open-data-on-skills",
            "title": "Finding open data on skills",
            "body": "<p>Start from the question, not the data: which occupations are hard to "
            "fill in your area? Then look for tables that answer it: vacancies and hirings by "
            "occupation from the regional labour observatory, education levels from the "
            "statistical office, courses from training providers.</p><p>Check three things "
            "before you use a table: its licence (can you reuse it?), its format (can you open "
            "it?) and its date (is it recent enough?).</p>",
            "video_url": "https://www.youtube.com/results?search_query=open+data+skills",
            "quiz": [
                (
                    "Which licence lets you reuse data as long as you name the source?",
                    [
                        ("CC BY 4.0", True, "Right: attribution is the only condition."),
                        (
                            "All rights reserved",
                            False,
                            "No: that forbids reuse without permission.",
                        ),
                    ],
                ),
                (
                    "What do you check first in a table you found?",
                    [
                        ("Its colours", False, "Looks do not matter: the licence does."),
                        (
                            "Its licence, format and date",
                            True,
                            "Yes: can you reuse it, open it, trust it?",
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "cleaning-a-table",
            "title": "Cleaning a table",
            "body": "<p>Real tables are messy: one header row too many, dates written three "
            "ways, the same town spelt differently. Clean in steps you can repeat: keep one "
            "header row, one kind of value per column, codes instead of names where a code "
            "exists (ISO for countries, CPV for services).</p><p>OpenRefine records every "
            "step, so next year's file is cleaned in one click.</p>",
            "material": True,
            "quiz": [
                (
                    "Which format keeps a table plain and open?",
                    [
                        ("PDF", False, "A table in a PDF is hard to reuse."),
                        ("CSV", True, "Yes: any tool can read CSV."),
                        ("A photo of the table", False, "A picture of a table is not data."),
                    ],
                ),
                (
                    "Why prefer a code to a name in a column?",
                    [
                        ("Codes are shorter", False, "Not the point: codes are unambiguous."),
                        (
                            "Codes mean the same in every language and file",
                            True,
                            "Right: that is what lets tables be joined.",
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "putting-it-on-a-map",
            "title": "Putting it on a map",
            "body": "<p>Give each row a place: an address turned into coordinates "
            "(geocoding), or a region code joined to its boundary. Save the result as "
            "GeoJSON, remembering that GeoJSON writes longitude before latitude.</p><p>uMap "
            "draws it in the browser; QGIS does more. Always publish the table beside the "
            "map, for readers who do not use maps.</p>",
            "quiz": [
                (
                    "In GeoJSON, which coordinate comes first?",
                    [
                        ("Latitude", False, "No: GeoJSON follows x, y, so longitude first."),
                        ("Longitude", True, "Right: [longitude, latitude]."),
                    ],
                ),
            ],
        },
    ],
}

# Italian texts of the datasets (the demo writes every dataset in English and Italian).
DATASETS_IT = {
    "dataset-aragon-register": {
        "title": "Registro dei fornitori dell’economia sociale in Aragona",
        "summary": "Centri speciali per l’impiego, imprese di inserimento lavorativo e cooperative in Aragona, con i codici CPV di ciò che forniscono.",
        "description": "L’elenco costruito dall’azione pilota aragonese perché le stazioni appaltanti possano riservare contratti al terzo settore: una riga per fornitore, con tipo, comune, settori e codici CPV. Le righe della demo sono organizzazioni immaginarie in comuni reali.",
        "keywords": "economia sociale, appalti riservati, CPV, fornitori",
        "spatial_coverage": "Aragona, Spagna",
        "contact_name": "Sportello open data",
    },
    "dataset-maribor-premises": {
        "title": "Spazi per innovatori sociali a Maribor",
        "summary": "Gli spazi che l’azione pilota di Maribor e il Comune hanno censito per gli innovatori sociali, con superficie, condizioni e disponibilità.",
        "description": "Indirizzi, superficie, condizioni d’uso e disponibilità degli spazi di Maribor e Ptuj che gli innovatori sociali possono usare. Le righe della demo sono spazi immaginari a indirizzi reali.",
        "keywords": "spazi, innovazione sociale, Maribor",
        "spatial_coverage": "Podravje, Slovenia",
        "contact_name": "Sportello del polo per l’innovazione sociale",
    },
    "dataset-veneto-portal": {
        "title": "Dati aperti del Veneto usati nell’Open Data Lab",
        "summary": "Il portale regionale dove i partecipanti all’Open Data Lab hanno trovato dati su competenze, lavoro e formazione.",
        "description": "L’Open Data Lab dell’azione pilota veneta ha lavorato con i dataset del portale open data della Regione del Veneto su mercato del lavoro e istruzione. Questa scheda rimanda al portale; i dati restano presso chi li pubblica.",
        "keywords": "competenze, mercato del lavoro, formazione, Veneto",
        "spatial_coverage": "Veneto, Italia",
    },
}
