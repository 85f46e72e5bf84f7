"""Home, About, the index pages and the site settings.

Bodies are lists of (block type, value); a call to action's "page" names another demo page
by its key, resolved to that page in the same language.
"""

SITE_SETTINGS = {"contact_email": "contact@example.org"}

# The footer's words, in all nine languages (fr, es, ... through translations/).
FOOTER_TEXT = {
    "address": {
        "en": "Chamber of Commerce of Treviso-Belluno – Belluno office\n"
        "Piazza Santo Stefano 15\n32100 Belluno\nItaly",
        "it": "Camera di Commercio di Treviso-Belluno – Sede di Belluno\n"
        "Piazza Santo Stefano 15\n32100 Belluno\nItalia",
    },
    "funding_statement": {
        "en": "+RESILIENT was co-financed by the European Regional Development Fund (ERDF) and "
        "the Instrument for Pre-accession Assistance (IPA) through the Interreg MED 2014-2020 "
        "programme.",
        "it": "+RESILIENT è stato cofinanziato dal Fondo europeo di sviluppo regionale (FESR) e "
        "dallo Strumento di assistenza preadesione (IPA) attraverso il programma Interreg MED "
        "2014-2020.",
    },
}

HOME = {
    "title": {"en": "OpenSocialCluster", "it": "OpenSocialCluster"},
    "summary": {
        "en": "The community of practice of the +RESILIENT network: social innovation, social "
        "economy and open data across eight Mediterranean countries.",
        "it": "La comunità di pratica della rete +RESILIENT: innovazione sociale, economia "
        "sociale e open data in otto paesi del Mediterraneo.",
    },
    "hero_heading": {
        "en": "Social innovation across the Mediterranean",
        "it": "Innovazione sociale in tutto il Mediterraneo",
    },
    "hero_text": {
        "en": "Regions, universities, social enterprises and civil society working together "
        "on pilot actions, open data and better policies for socially responsive enterprises.",
        "it": "Regioni, università, imprese sociali e società civile insieme per azioni "
        "pilota, open data e politiche migliori per le imprese socialmente responsabili.",
    },
    "body": [
        (
            "key_figures",
            {
                "heading": {"en": "The network in numbers", "it": "La rete in cifre"},
                "figures": [
                    {"value": "8", "label": {"en": "Mediterranean countries", "it": "paesi MED"}},
                    {"value": "14", "label": {"en": "partner organisations", "it": "partner"}},
                    {"value": "7", "label": {"en": "pilot actions", "it": "azioni pilota"}},
                    {
                        "value": "4",
                        "label": {"en": "helixes", "it": "componenti della quadrupla elica"},
                    },
                ],
            },
        ),
        (
            "call_to_action",
            {
                "heading": {"en": "What is +RESILIENT?", "it": "Che cos'è +RESILIENT?"},
                "text": {
                    "en": "An Interreg MED project (2018-2022) that tested open-data and "
                    "social-innovation services with the people who use them.",
                    "it": "Un progetto Interreg MED (2018-2022) che ha sperimentato servizi di "
                    "innovazione sociale e open data con chi li usa.",
                },
                "page": "about",
                "button_text": {"en": "About the project", "it": "Il progetto"},
            },
        ),
    ],
}

ABOUT = {
    "slug": "about",
    "title": {"en": "About +RESILIENT", "it": "Il progetto +RESILIENT"},
    "summary": {
        "en": "Mediterranean Open REsouRcEs for Social Innovation of SociaLly ResponsIve "
        "ENTerprises: an Interreg MED project, February 2018 to January 2022.",
        "it": "Mediterranean Open REsouRcEs for Social Innovation of SociaLly ResponsIve "
        "ENTerprises: un progetto Interreg MED, da febbraio 2018 a gennaio 2022.",
    },
    "body": [
        ("heading", {"en": "Why the project", "it": "Perché il progetto"}),
        (
            "paragraph",
            {
                "en": "<p><b>+RESILIENT</b> (Mediterranean Open REsouRcEs for Social Innovation "
                "of SociaLly ResponsIve ENTerprises) brought together regions, universities, "
                "chambers of commerce, social enterprises and civil-society groups from eight "
                "Mediterranean countries. Their shared goal: more innovation, so that small "
                "and medium-sized enterprises compete while staying socially responsive, and "
                "more jobs, above all in the social economy.</p>"
                "<p>Clusters with a strong social vocation and responsiveness (SVRC) usually "
                "exist only at local level. The project linked them across borders so they "
                "could reach a critical mass, open horizontal opportunities for SMEs, support "
                "mobility and employability, and feed what works into Cohesion Policy after "
                "2020.</p>",
                "it": "<p><b>+RESILIENT</b> (Mediterranean Open REsouRcEs for Social Innovation "
                "of SociaLly ResponsIve ENTerprises) ha riunito regioni, università, camere di "
                "commercio, imprese sociali e organizzazioni della società civile di otto paesi "
                "del Mediterraneo, con un obiettivo comune: più innovazione, perché le piccole "
                "e medie imprese siano competitive restando socialmente responsabili, e più "
                "lavoro, soprattutto nell'economia sociale.</p>"
                "<p>I cluster ad alta vocazione e sensibilità sociale (SVRC) sono di solito "
                "riconosciuti solo a livello locale. Il progetto li ha messi in rete oltre i "
                "confini per raggiungere una massa critica, aprire nuove opportunità alle PMI, "
                "favorire mobilità e occupabilità e portare ciò che funziona nella politica di "
                "coesione dopo il 2020.</p>",
            },
        ),
        (
            "key_figures",
            {
                "heading": {"en": "Key facts", "it": "In sintesi"},
                "figures": [
                    {
                        "value": {"en": "€3.28 million", "it": "3,28 milioni di €"},
                        "label": {"en": "total budget", "it": "valore complessivo"},
                    },
                    {
                        "value": {"en": "€2.67 million", "it": "2,67 milioni di €"},
                        "label": {"en": "ERDF co-financing", "it": "cofinanziamento FESR"},
                    },
                    {
                        "value": {"en": "€119,100", "it": "119.100 €"},
                        "label": {"en": "IPA funds", "it": "fondi IPA"},
                    },
                    {"value": "8", "label": {"en": "MED countries", "it": "paesi MED"}},
                    {"value": "48", "label": {"en": "months", "it": "mesi"}},
                ],
            },
        ),
        ("heading", {"en": "Programme and priority", "it": "Programma e priorità"}),
        (
            "paragraph",
            {
                "en": "<ul><li>Programme: Interreg MED 2014-2020</li>"
                "<li>Priority axis 1: promoting Mediterranean innovation capacities to develop "
                "smart and sustainable growth</li>"
                "<li>Investment priority 1b: developing the transnational activity of innovative "
                "clusters and networks of key sectors of the MED area</li>"
                "<li>Duration: 1 February 2018 to 31 January 2022</li></ul>",
                "it": "<ul><li>Programma: Interreg MED 2014-2020</li>"
                "<li>Asse prioritario 1: promuovere le capacità di innovazione del "
                "Mediterraneo per una crescita intelligente e sostenibile</li>"
                "<li>Priorità d'investimento 1b: sviluppare l'attività transnazionale di "
                "cluster innovativi e settori chiave dell'area MED</li>"
                "<li>Durata: dal 1° febbraio 2018 al 31 gennaio 2022</li></ul>",
            },
        ),
        ("heading", {"en": "Objectives", "it": "Obiettivi"}),
        (
            "paragraph",
            {
                "en": "<ol><li>Start a change of regional policy in the partner areas and carry "
                "the successful elements into the new Cohesion Policy.</li>"
                "<li>Improve the structural elements of the policies that govern SVRC, using "
                "technology, open data and proven models with social impact.</li>"
                "<li>Build socially responsive value chains at transnational level.</li>"
                "<li>Bring an inclusive approach based on social return on investment (SROI) to "
                "the programme's strategic sectors: green and blue economy, and cultural and "
                "creative industries.</li>"
                "<li>Study existing initiatives, adapt and test them in pilot actions, then "
                "capitalise on them across the MED area.</li></ol>",
                "it": "<ol><li>Avviare un cambiamento delle politiche regionali nei territori "
                "partner e portare gli elementi di successo nella nuova politica di coesione."
                "</li><li>Migliorare gli elementi strutturali delle politiche che regolano gli "
                "SVRC, con tecnologia, open data e modelli collaudati a impatto sociale.</li>"
                "<li>Creare catene del valore socialmente responsabili a livello "
                "transnazionale.</li><li>Portare un approccio inclusivo basato sul ritorno "
                "sociale dell'investimento (SROI) nei settori strategici del programma: "
                "economia verde e blu, industrie culturali e creative.</li>"
                "<li>Studiare le iniziative esistenti, adattarle e sperimentarle con azioni "
                "pilota, poi capitalizzarle in tutta l'area MED.</li></ol>",
            },
        ),
        (
            "quote",
            {
                "quote": {
                    "en": "Towards a climate-neutral economy, leaving no one behind.",
                    "it": "Verso un'economia climaticamente neutra, senza lasciare indietro "
                    "nessuno.",
                },
                "attribution": {
                    "en": "Theme of the +RESILIENT meeting on the Just Transition Mechanism",
                    "it": "Tema dell'incontro +RESILIENT sul Meccanismo per una transizione giusta",
                },
                "role": {"en": "Mestre, 18 January 2022", "it": "Mestre, 18 gennaio 2022"},
            },
        ),
        (
            "accordion",
            {
                "heading": {"en": "Frequently asked questions", "it": "Domande frequenti"},
                "items": [
                    {
                        "question": {"en": "What is an SVRC?", "it": "Che cos'è un SVRC?"},
                        "answer": {
                            "en": "<p>A cluster with a high social vocation and responsiveness: "
                            "enterprises, public bodies and organisations of one territory "
                            "that create economic value while answering social needs.</p>",
                            "it": "<p>Un cluster ad alta vocazione e sensibilità sociale: "
                            "imprese, enti pubblici e organizzazioni di un territorio che "
                            "creano valore economico rispondendo a bisogni sociali.</p>",
                        },
                    },
                    {
                        "question": {
                            "en": "What does “4-helix” mean?",
                            "it": "Che cosa significa “quadrupla elica”?",
                        },
                        "answer": {
                            "en": "<p>Four kinds of actors working together: academia and "
                            "research, business, public administration and civil society.</p>",
                            "it": "<p>Quattro tipi di attori che lavorano insieme: università e "
                            "ricerca, imprese, pubblica amministrazione e società civile.</p>",
                        },
                    },
                    {
                        "question": {
                            "en": "What is social return on investment (SROI)?",
                            "it": "Che cos'è il ritorno sociale dell'investimento (SROI)?",
                        },
                        "answer": {
                            "en": "<p>A way of measuring the social, environmental and economic "
                            "value an activity creates, compared with what was invested.</p>",
                            "it": "<p>Un metodo per misurare il valore sociale, ambientale ed "
                            "economico creato da un'attività rispetto a quanto investito.</p>",
                        },
                    },
                    {
                        "question": {
                            "en": "Who funded the project?",
                            "it": "Chi ha finanziato il progetto?",
                        },
                        "answer": {
                            "en": "<p>The Interreg MED 2014-2020 programme, with €2,667,650.20 "
                            "from the European Regional Development Fund and €119,100.13 of "
                            "IPA funds, out of a total of €3,278,529.80.</p>",
                            "it": "<p>Il programma Interreg MED 2014-2020, con 2.667.650,20 € "
                            "del Fondo europeo di sviluppo regionale e 119.100,13 € di fondi "
                            "IPA, su un totale di 3.278.529,80 €.</p>",
                        },
                    },
                    {
                        "question": {
                            "en": "Where are the webinars and training materials?",
                            "it": "Dove trovo webinar e materiali formativi?",
                        },
                        "answer": {
                            "en": "<p>On this platform: open data and open-data tools, "
                            "e-courses, a knowledge base, a map of the social economy and the "
                            "recordings of the webinars on open data, social entrepreneurship, "
                            "social responsibility and the evaluation of social innovation.</p>",
                            "it": "<p>Su questa piattaforma: open data e strumenti, corsi "
                            "online, una knowledge base, la mappatura dell'economia sociale e "
                            "le registrazioni dei webinar su open data, imprenditorialità "
                            "sociale, responsabilità sociale e valutazione dell'innovazione "
                            "sociale.</p>",
                        },
                    },
                ],
            },
        ),
        (
            "call_to_action",
            {
                "heading": {
                    "en": "Seven pilot actions, seven territories",
                    "it": "Sette azioni pilota, sette territori",
                },
                "text": {
                    "en": "From high schools in Istria to food deserts in Marseille: see what "
                    "the partners tested and what they learned.",
                    "it": "Dalle scuole superiori dell'Istria ai deserti alimentari di "
                    "Marsiglia: che cosa hanno sperimentato i partner e che cosa hanno imparato.",
                },
                "page": "pilot-actions",
                "button_text": {"en": "Explore the pilot actions", "it": "Scopri le azioni pilota"},
            },
        ),
    ],
}

PARTNERS_PAGE = {
    "slug": "partners",
    "title": {"en": "Partners", "it": "Partner"},
    "summary": {
        "en": "Fourteen organisations from eight Mediterranean countries, from all four helixes.",
        "it": "Quattordici organizzazioni di otto paesi del Mediterraneo, da tutte e quattro le "
        "componenti della quadrupla elica.",
    },
    "intro": {
        "en": "<p>The partnership joins regional and local governments, universities and "
        "research centres, chambers of commerce and civil-society foundations. The Veneto "
        "Region led the project.</p>",
        "it": "<p>Il partenariato unisce governi regionali e locali, università e centri di "
        "ricerca, camere di commercio e fondazioni della società civile. La Regione del Veneto "
        "è stata capofila del progetto.</p>",
    },
    "by_country": {"en": "Partners by country", "it": "Partner per paese"},
    "lead": {"en": "lead partner", "it": "capofila"},
    "figures_heading": {"en": "The partnership", "it": "Il partenariato"},
    "figures": [
        ("14", {"en": "partners", "it": "partner"}),
        ("8", {"en": "countries", "it": "paesi"}),
        ("4", {"en": "helixes", "it": "componenti della quadrupla elica"}),
    ],
    "stakeholders_heading": {"en": "Who else took part", "it": "Hanno partecipato anche"},
}

INDEXES = {
    "pilot-actions": {
        "title": {"en": "Pilot actions", "it": "Azioni pilota"},
        "summary": {
            "en": "Seven experiments in social innovation, tested with local stakeholders.",
            "it": "Sette sperimentazioni di innovazione sociale con gli attori locali.",
        },
        "introduction": {
            "en": "<p>Each partner tested services based on open data and new schemes for "
            "skills, finance and technology with the stakeholders of its territory, in the "
            "sectors chosen in the project's use-case scenarios.</p>",
            "it": "<p>Ogni partner ha sperimentato con gli attori del proprio territorio servizi "
            "basati sugli open data e nuovi schemi per competenze, finanza e tecnologia, nei "
            "settori individuati dagli scenari del progetto.</p>",
        },
    },
    "publications": {
        "title": {"en": "Publications", "it": "Pubblicazioni"},
        "summary": {
            "en": "The white paper and policy briefs of the +RESILIENT network.",
            "it": "Il libro bianco e i policy brief della rete +RESILIENT.",
        },
        "introduction": {
            "en": "<p>What the partnership learned, written for policy makers and "
            "practitioners. Each document can be downloaded in every language it exists in.</p>",
            "it": "<p>Che cosa ha imparato il partenariato, scritto per decisori pubblici e "
            "operatori. Ogni documento si scarica in tutte le lingue disponibili.</p>",
        },
    },
    "news": {
        "title": {"en": "News", "it": "Notizie"},
        "summary": {
            "en": "Events, webinars and milestones of the network.",
            "it": "Eventi, webinar e tappe della rete.",
        },
        "introduction": {
            "en": "<p>From the project's start to the final events in Venice and Brussels.</p>",
            "it": "<p>Dall'avvio del progetto agli eventi finali di Venezia e Bruxelles.</p>",
        },
    },
}
