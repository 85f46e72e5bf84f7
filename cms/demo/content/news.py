"""News items: the project's start, the tourism webinar, Mestre, Venice and Brussels."""

NEWS = [
    {
        "key": "project-start",
        "slug": "resilient-project-starts",
        "date": "2018-02-01",
        "topics": ["social-innovation", "cohesion-policy"],
        "countries": ["IT", "FR", "ES", "PT", "GR", "HR", "SI", "AL"],
        "title": {
            "en": "+RESILIENT starts: eight Mediterranean countries team up",
            "it": "Parte +RESILIENT: otto paesi del Mediterraneo insieme",
        },
        "summary": {
            "en": "A four-year Interreg MED project on social innovation, open data and "
            "socially responsive enterprises begins on 1 February 2018.",
            "it": "Il 1° febbraio 2018 inizia un progetto Interreg MED di quattro anni su "
            "innovazione sociale, open data e imprese socialmente responsabili.",
        },
        "introduction": {
            "en": "Regions, universities, chambers of commerce and civil-society organisations "
            "from eight countries start working together on 1 February 2018.",
            "it": "Il 1° febbraio 2018 regioni, università, camere di commercio e organizzazioni "
            "della società civile di otto paesi iniziano a lavorare insieme.",
        },
        "body": [
            (
                "paragraph",
                {
                    "en": "<p>+RESILIENT runs until 31 January 2022 with a budget of "
                    "€3,278,529.80, co-financed by the ERDF and the IPA instrument through the "
                    "Interreg MED programme. The Veneto Region leads a partnership from Italy, "
                    "France, Spain, Portugal, Greece, Croatia, Slovenia and Albania.</p><p>The "
                    "partners will study existing social innovation initiatives, test them in "
                    "pilot actions and bring what works into regional policy.</p>",
                    "it": "<p>+RESILIENT durerà fino al 31 gennaio 2022 con un valore di "
                    "3.278.529,80 €, cofinanziato dal FESR e dallo strumento IPA attraverso il "
                    "programma Interreg MED. La Regione del Veneto guida un partenariato di "
                    "Italia, Francia, Spagna, Portogallo, Grecia, Croazia, Slovenia e Albania."
                    "</p><p>I partner studieranno le iniziative di innovazione sociale esistenti, "
                    "le sperimenteranno con azioni pilota e porteranno ciò che funziona nelle "
                    "politiche regionali.</p>",
                },
            ),
            (
                "call_to_action",
                {
                    "heading": {"en": "About the project", "it": "Il progetto"},
                    "text": {
                        "en": "Objectives, budget and priorities.",
                        "it": "Obiettivi, budget e priorità.",
                    },
                    "page": "about",
                    "button_text": {"en": "Read more", "it": "Approfondisci"},
                },
            ),
        ],
    },
    {
        "key": "webinar-tourism",
        "slug": "webinar-social-innovation-and-tourism",
        "date": "2021-03-22",
        "topics": ["sustainable-tourism", "social-innovation", "skills-employment"],
        "countries": ["IT"],
        "title": {
            "en": "Webinar: social innovation and tourism in the Belluno mountains",
            "it": "Webinar: innovazione sociale e turismo nella montagna bellunese",
        },
        "summary": {
            "en": "On 22 March 2021 the Chamber of Commerce of Treviso-Belluno presented new "
            "business models and skills that give vulnerable groups a bigger role.",
            "it": "Il 22 marzo 2021 la Camera di Commercio di Treviso-Belluno ha presentato "
            "nuovi modelli di business e competenze che danno più spazio alle categorie deboli.",
        },
        "introduction": {
            "en": "Stories of doing business in the mountains of Belluno in times of "
            "resilience, and what tourism can do for social innovation.",
            "it": "Testimonianze sul fare impresa nella montagna bellunese in tempi di "
            "resilienza e sul ruolo del turismo per l'innovazione sociale.",
        },
        "body": [
            (
                "paragraph",
                {
                    "en": "<p>The fifth transfer webinar of +RESILIENT, organised by the Chamber "
                    "of Commerce of Treviso-Belluno, presented the results of its work on new "
                    "business models and professional skills able to involve vulnerable groups "
                    "more.</p><p>Two outputs were presented: a user manual and a cooperation "
                    "model. Study visits, pilot actions and local focus groups had helped to "
                    "identify the key actors who support social innovation, and showed the role "
                    "tourism can play in promoting it and in clusters with a strong social "
                    "vocation.</p>",
                    "it": "<p>Il quinto webinar di trasferimento di +RESILIENT, organizzato "
                    "dalla Camera di Commercio di Treviso-Belluno, ha presentato i risultati del "
                    "lavoro su nuovi modelli di business e competenze professionali capaci di "
                    "coinvolgere di più le categorie deboli.</p><p>Sono stati presentati due "
                    "prodotti: un manuale d'uso e un modello di cooperazione. Visite di studio, "
                    "azioni pilota e focus group locali hanno permesso di individuare gli attori "
                    "chiave dell'innovazione sociale e di capire il ruolo del turismo nel "
                    "promuoverla e nei cluster ad alta vocazione sociale.</p>",
                },
            ),
            (
                "call_to_action",
                {
                    "heading": {"en": "Watch the recording", "it": "Rivedi la registrazione"},
                    "text": {
                        "en": "The webinar recording is on the project platform.",
                        "it": "La registrazione è disponibile sulla piattaforma del progetto.",
                    },
                    "external_url": "https://opensocialclusters.eu/"
                    "5thtransfer-webinar-social-innovation-and-tourism/",
                    "button_text": {"en": "Watch", "it": "Guarda"},
                },
            ),
            (
                "call_to_action",
                {
                    "heading": {"en": "The event page", "it": "La pagina dell'evento"},
                    "text": {
                        "en": "Date, place, programme and a calendar file.",
                        "it": "Data, luogo, programma e file per il calendario.",
                    },
                    # An events-app page, found by its stable key once events/demo.py built it.
                    "page": "event-webinar-tourism-2021",
                    "button_text": {"en": "See the event", "it": "Vai all'evento"},
                },
            ),
        ],
    },
    {
        "key": "mestre-meetings",
        "slug": "mestre-meetings-skills-open-data-just-transition",
        "date": "2022-01-17",
        "topics": ["skills-employment", "open-data", "cohesion-policy"],
        "countries": ["IT"],
        "title": {
            "en": "Mestre, 17-18 January 2022: skills, open data and a just transition",
            "it": "Mestre, 17-18 gennaio 2022: competenze, open data e transizione giusta",
        },
        "summary": {
            "en": "Two days at the VEGA science park and online for labour-market actors and "
            "companies that care about social impact.",
            "it": "Due giornate al parco scientifico VEGA e online per gli attori del mercato "
            "del lavoro e le imprese attente all'impatto sociale.",
        },
        "introduction": {
            "en": "Capitalising on +RESILIENT to help the Veneto regional programmes 2021-2027 "
            "tackle the mismatch between labour demand and supply.",
            "it": "Capitalizzare +RESILIENT per aiutare i programmi regionali veneti 2021-2027 "
            "ad affrontare il mismatch tra domanda e offerta di lavoro.",
        },
        "body": [
            (
                "paragraph",
                {
                    "en": "<p>The meetings were meant for training bodies, social partners, "
                    "universities, third-sector organisations and companies, to work out "
                    "together answers to the skills mismatch and to contribute to the regional "
                    "plans for ESF+ and ERDF. A second theme: the role of people in combining "
                    "technological and social innovation in the green transition.</p>",
                    "it": "<p>Gli incontri erano rivolti a enti di formazione, parti sociali, "
                    "università, enti del terzo settore e imprese, per costruire insieme "
                    "risposte al mismatch di competenze e contribuire ai piani regionali FSE+ e "
                    "FESR. Un secondo tema: il ruolo delle persone nel coniugare innovazione "
                    "tecnologica e sociale nella transizione ecologica.</p>",
                },
            ),
            (
                "accordion",
                {
                    "heading": {"en": "Programme", "it": "Programma"},
                    "items": [
                        {
                            "question": {
                                "en": "Monday 17 January, 9.45-17.00",
                                "it": "Lunedì 17 gennaio, 9.45-17.00",
                            },
                            "answer": {
                                "en": "<p>Building synergies between actors, and the potential "
                                "of open data against the skills mismatch, in the new European "
                                "programming period.</p>",
                                "it": "<p>Sinergie tra gli attori e potenzialità degli open data "
                                "contro il mismatch domanda-offerta nella nuova programmazione "
                                "europea.</p>",
                            },
                        },
                        {
                            "question": {
                                "en": "Tuesday 18 January, 9.00-13.00",
                                "it": "Martedì 18 gennaio, 9.00-13.00",
                            },
                            "answer": {
                                "en": "<p>The Just Transition Mechanism: how companies can help "
                                "reach a climate-neutral economy without leaving anyone "
                                "behind.</p>",
                                "it": "<p>Il Meccanismo per una transizione giusta: come le "
                                "imprese possono contribuire a un'economia climaticamente neutra "
                                "senza lasciare indietro nessuno.</p>",
                            },
                        },
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "heading": {"en": "The event page", "it": "La pagina dell'evento"},
                    "text": {
                        "en": "Date, place, programme and a calendar file.",
                        "it": "Data, luogo, programma e file per il calendario.",
                    },
                    # An events-app page, found by its stable key once events/demo.py built it.
                    "page": "event-mestre-2022",
                    "button_text": {"en": "See the event", "it": "Vai all'evento"},
                },
            ),
        ],
    },
    {
        "key": "final-conference",
        "slug": "final-conference-venice",
        "date": "2022-03-10",
        "topics": ["social-innovation", "social-entrepreneurship"],
        "countries": ["IT"],
        "title": {
            "en": "Final conference in Venice",
            "it": "Conferenza finale a Venezia",
        },
        "summary": {
            "en": "On 10 March 2022 partners, social innovation experts and Interreg MED "
            "representatives met in Venice to present the results and plan what comes next.",
            "it": "Il 10 marzo 2022 partner, esperti di innovazione sociale e rappresentanti di "
            "Interreg MED si sono riuniti a Venezia per presentare i risultati e i passi futuri.",
        },
        "introduction": {
            "en": "Results, next steps, and how to keep social innovation and social "
            "entrepreneurship growing in the MED area.",
            "it": "Risultati, prossimi passi e come far crescere ancora innovazione e "
            "imprenditorialità sociale nell'area MED.",
        },
        "body": [
            (
                "paragraph",
                {
                    "en": "<p>The conference set out how to capitalise on and transfer the "
                    "+RESILIENT activities, and how partners will continue local work that "
                    "promotes social innovation and social entrepreneurship. The day combined "
                    "three round tables with the project partners and three interactive "
                    "workshops.</p>",
                    "it": "<p>La conferenza ha definito come capitalizzare e trasferire le "
                    "attività di +RESILIENT e come i partner proseguiranno il lavoro locale per "
                    "l'innovazione e l'imprenditorialità sociale. La giornata ha alternato tre "
                    "tavole rotonde con i partner e tre seminari interattivi.</p>",
                },
            ),
            (
                "key_figures",
                {
                    "heading": "",
                    "figures": [
                        {"value": "3", "label": {"en": "round tables", "it": "tavole rotonde"}},
                        {
                            "value": "3",
                            "label": {"en": "interactive workshops", "it": "seminari interattivi"},
                        },
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "heading": {"en": "The event page", "it": "La pagina dell'evento"},
                    "text": {
                        "en": "Date, place, programme and a calendar file.",
                        "it": "Data, luogo, programma e file per il calendario.",
                    },
                    # An events-app page, found by its stable key once events/demo.py built it.
                    "page": "event-final-conference-2022",
                    "button_text": {"en": "See the event", "it": "Vai all'evento"},
                },
            ),
        ],
    },
    {
        "key": "brussels-event",
        "slug": "high-level-policy-event-brussels",
        "date": "2022-04-20",
        "topics": ["cohesion-policy", "social-innovation"],
        "countries": ["BE"],
        "title": {
            "en": "Through transitions with +RESILIENT: high-level policy event in Brussels",
            "it": "Through transitions with +RESILIENT: evento politico di alto livello a "
            "Bruxelles",
        },
        "summary": {
            "en": "On 20 April 2022, at the European Parliament, experts and policy makers "
            "discussed the project's white paper and policy briefs.",
            "it": "Il 20 aprile 2022, al Parlamento europeo, esperti e decisori politici hanno "
            "discusso il libro bianco e i policy brief del progetto.",
        },
        "introduction": {
            "en": "How EU policy can help social innovations last in times of transition and "
            "of Next Generation EU.",
            "it": "Come le politiche dell'UE possono rendere durature le innovazioni sociali in "
            "tempi di transizione e di Next Generation EU.",
        },
        "body": [
            (
                "paragraph",
                {
                    "en": "<p>In its final phase the partnership wrote a series of policy briefs "
                    "and a white paper on the policy relevance of its joint work. Social "
                    "innovation cuts across many policy fields and levels of government.</p>"
                    "<p>Starting from the white paper, the event gave the floor to experts and "
                    "policy makers to place the project's results in a wider policy framework, "
                    "explore the EU's strategic direction on these themes, and identify the EU "
                    "instruments that can help innovations grow and last.</p>",
                    "it": "<p>Nella fase finale il partenariato ha prodotto una serie di policy "
                    "brief e un libro bianco sulla rilevanza politica del lavoro comune. "
                    "L'innovazione sociale attraversa molti ambiti politici e livelli di "
                    "governo.</p><p>A partire dal libro bianco, l'evento ha dato la parola a "
                    "esperti e decisori per inserire i risultati in un quadro politico più "
                    "ampio, esplorare gli orientamenti strategici dell'UE su questi temi e "
                    "individuare gli strumenti europei che aiutano le innovazioni a crescere e "
                    "durare.</p>",
                },
            ),
            (
                "call_to_action",
                {
                    "heading": {"en": "Read the publications", "it": "Leggi le pubblicazioni"},
                    "text": {
                        "en": "The white paper and the policy briefs, in English and Italian.",
                        "it": "Il libro bianco e i policy brief, in inglese e italiano.",
                    },
                    "page": "publications",
                    "button_text": {"en": "Publications", "it": "Pubblicazioni"},
                },
            ),
            (
                "call_to_action",
                {
                    "heading": {"en": "The event page", "it": "La pagina dell'evento"},
                    "text": {
                        "en": "Date, place, programme and a calendar file.",
                        "it": "Data, luogo, programma e file per il calendario.",
                    },
                    # An events-app page, found by its stable key once events/demo.py built it.
                    "page": "event-brussels-2022",
                    "button_text": {"en": "See the event", "it": "Vai all'evento"},
                },
            ),
        ],
    },
]
