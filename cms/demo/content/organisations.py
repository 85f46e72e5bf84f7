"""The +RESILIENT partnership and the other organisations the pilot actions worked with."""

# Helix labels written into page bodies (the choice labels themselves come from gettext).
HELIX_LABELS = {
    "academia": {"en": "Academia and research", "it": "Università e ricerca"},
    "business": {"en": "Business and social enterprise", "it": "Imprese e impresa sociale"},
    "public": {"en": "Public administration", "it": "Pubblica amministrazione"},
    "civil-society": {"en": "Civil society", "it": "Società civile"},
}

# The +RESILIENT partnership: the lead partner first. Websites only where certain.
PARTNERS = [
    {
        "key": "veneto-region",
        "name": {"en": "Veneto Region", "it": "Regione del Veneto"},
        "short_name": "Veneto Region",
        "helix": "public",
        "country": "IT",
        "city": {"en": "Venice", "it": "Venezia"},
        "website": "https://www.regione.veneto.it/",
        "description": {
            "en": "Lead partner of +RESILIENT; it coordinated the project through its labour "
            "agency, Veneto Lavoro, and ran the Veneto pilot action on skill mismatch.",
            "it": "Capofila di +RESILIENT; ha coordinato il progetto tramite l'agenzia "
            "regionale Veneto Lavoro e ha condotto l'azione pilota veneta sul mismatch.",
        },
    },
    {
        "key": "cciaa-treviso-belluno",
        "name": {
            "en": "Chamber of Commerce of Treviso-Belluno",
            "it": "Camera di Commercio di Treviso-Belluno",
        },
        "short_name": "CCIAA Treviso-Belluno",
        "helix": "business",
        "country": "IT",
        "city": {"en": "Treviso", "it": "Treviso"},
        "website": "https://www.tb.camcom.it/",
        "description": {
            "en": "Worked on new business models and skills that involve vulnerable groups, "
            "with a focus on tourism in the Belluno mountains.",
            "it": "Ha lavorato su nuovi modelli di business e competenze che coinvolgono le "
            "categorie deboli, con attenzione al turismo nella montagna bellunese.",
        },
    },
    {
        "key": "anci",
        "name": {
            "en": "National Association of Italian Municipalities (ANCI)",
            "it": "Associazione Nazionale Comuni Italiani (ANCI)",
        },
        "short_name": "ANCI",
        "helix": "public",
        "country": "IT",
        "city": {"en": "Rome", "it": "Roma"},
        "website": "https://www.anci.it/",
        "description": {
            "en": "Led the Italian pilot action on social innovation and urban regeneration "
            "with the Municipality of Brindisi.",
            "it": "Ha guidato l'azione pilota italiana su innovazione sociale e rigenerazione "
            "urbana con il Comune di Brindisi.",
        },
    },
    {
        "key": "amu",
        "name": {"en": "Aix-Marseille University", "it": "Università di Aix-Marseille"},
        "short_name": "AMU",
        "helix": "academia",
        "country": "FR",
        "city": {"en": "Marseille", "it": "Marsiglia"},
        "website": "https://www.univ-amu.fr/",
        "description": {
            "en": "Ran the French pilot action within the Opération Désert Alimentaire in "
            "Marseille.",
            "it": "Ha condotto l'azione pilota francese nell'ambito dell'Opération Désert "
            "Alimentaire a Marsiglia.",
        },
    },
    {
        "key": "itainnova",
        "name": {
            "en": "Aragon Institute of Technology (ITAINNOVA)",
            "it": "Istituto Tecnologico di Aragona (ITAINNOVA)",
        },
        "short_name": "ITAINNOVA",
        "helix": "academia",
        "country": "ES",
        "city": {"en": "Zaragoza", "it": "Saragozza"},
        "website": "https://www.ita.es/",
        "description": {
            "en": "Public technology centre of Aragon; partner for the Aragon pilot action.",
            "it": "Centro tecnologico pubblico dell'Aragona; partner dell'azione pilota aragonese.",
        },
    },
    {
        "key": "barcelona-activa",
        "name": {"en": "Barcelona Activa", "it": "Barcelona Activa"},
        "short_name": "Barcelona Activa",
        "helix": "public",
        "country": "ES",
        "city": {"en": "Barcelona", "it": "Barcellona"},
        "website": "https://www.barcelonactiva.cat/",
        "description": {
            "en": "Local development agency of Barcelona City Council.",
            "it": "Agenzia di sviluppo locale del Comune di Barcellona.",
        },
    },
    {
        "key": "uoc",
        "name": {
            "en": "Open University of Catalonia (UOC)",
            "it": "Università Aperta della Catalogna (UOC)",
        },
        "short_name": "UOC",
        "helix": "academia",
        "country": "ES",
        "city": {"en": "Barcelona", "it": "Barcellona"},
        "website": "https://www.uoc.edu/",
        "description": {
            "en": "Coordinated the study on skills and capabilities for social innovation in "
            "socially responsive enterprises.",
            "it": "Ha coordinato lo studio su competenze e capacità per l'innovazione sociale "
            "nelle imprese socialmente responsabili.",
        },
    },
    {
        "key": "rcdi",
        "name": {
            "en": "RCDI – Development and Innovation Network",
            "it": "RCDI – Rete per lo sviluppo e l'innovazione",
        },
        "short_name": "RCDI",
        "helix": "civil-society",
        "country": "PT",
        "city": "",
        "website": "",
        "description": {"en": "Portuguese partner of the network.", "it": "Partner portoghese."},
    },
    {
        "key": "remth",
        "name": {
            "en": "Region of East Macedonia and Thrace – Regional Development Fund",
            "it": "Regione di Macedonia orientale e Tracia – Fondo di sviluppo regionale",
        },
        "short_name": "REMTH",
        "helix": "public",
        "country": "GR",
        "city": {"en": "Komotini", "it": "Comotini"},
        "website": "",
        "description": {"en": "Greek regional partner.", "it": "Partner regionale greco."},
    },
    {
        "key": "gfoss",
        "name": {
            "en": "Greek Free/Open Source Software Society (GFOSS)",
            "it": "Società greca per il software libero e open source (GFOSS)",
        },
        "short_name": "GFOSS",
        "helix": "civil-society",
        "country": "GR",
        "city": {"en": "Athens", "it": "Atene"},
        "website": "https://gfoss.eu/",
        "description": {
            "en": "Brought open data and open-source know-how to the partnership.",
            "it": "Ha portato nel partenariato competenze su open data e software libero.",
        },
    },
    {
        "key": "region-of-istria",
        "name": {"en": "Region of Istria", "it": "Regione Istriana"},
        "short_name": "Istria",
        "helix": "public",
        "country": "HR",
        "city": {"en": "Pazin", "it": "Pisino"},
        "website": "https://www.istra-istria.hr/",
        "description": {
            "en": "Its regional coordinator for European programmes and funds ran the pilot "
            "action “Innovations for Sustainable Regional Development”.",
            "it": "Il suo coordinatore regionale per i programmi e i fondi europei ha condotto "
            "l'azione pilota “Innovazioni per lo sviluppo regionale sostenibile”.",
        },
    },
    {
        "key": "foundation-civil-society-istria",
        "name": {
            "en": "Foundation for Partnership and Civil Society Development",
            "it": "Fondazione per il partenariato e lo sviluppo della società civile",
        },
        "short_name": "Foundation (Pula)",
        "helix": "civil-society",
        "country": "HR",
        "city": {"en": "Pula", "it": "Pola"},
        "website": "https://www.civilnodrustvo-istra.hr/",
        "description": {
            "en": "Istrian foundation that ran the 3DI call for social innovation ideas.",
            "it": "Fondazione istriana che ha promosso il bando 3DI per idee di innovazione "
            "sociale.",
        },
    },
    {
        "key": "prizma",
        "name": {"en": "PRIZMA Foundation", "it": "Fondazione PRIZMA"},
        "short_name": "PRIZMA",
        "helix": "civil-society",
        "country": "SI",
        "city": {"en": "Maribor", "it": "Maribor"},
        "website": "",
        "description": {
            "en": "Foundation for improving employment opportunities; ran the Slovenian pilot "
            "action with the Municipality of Maribor.",
            "it": "Fondazione per il miglioramento delle opportunità di lavoro; ha condotto "
            "l'azione pilota slovena con il Comune di Maribor.",
        },
    },
    {
        "key": "uccial",
        "name": {
            "en": "Union of Chambers of Commerce and Industry of Albania",
            "it": "Unione delle Camere di commercio e dell'industria dell'Albania",
        },
        "short_name": "UCCIAL",
        "helix": "business",
        "country": "AL",
        "city": {"en": "Tirana", "it": "Tirana"},
        "website": "",
        "description": {
            "en": "Albanian partner, funded through the IPA instrument.",
            "it": "Partner albanese, finanziato tramite lo strumento IPA.",
        },
    },
]

# Organisations the pilot actions worked with (kind=stakeholder).
STAKEHOLDERS = [
    {
        "key": "veneto-lavoro",
        "name": {"en": "Veneto Lavoro", "it": "Veneto Lavoro"},
        "helix": "public",
        "country": "IT",
        "city": {"en": "Venice", "it": "Venezia"},
        "website": "https://www.venetolavoro.it/",
    },
    {
        "key": "vega-park",
        "name": {
            "en": "VEGA Science and Technology Park",
            "it": "VEGA Parco Scientifico e Tecnologico",
        },
        "helix": "academia",
        "country": "IT",
        "city": {"en": "Venice", "it": "Venezia"},
        "website": "",
    },
    {
        "key": "municipality-brindisi",
        "name": {"en": "Municipality of Brindisi", "it": "Comune di Brindisi"},
        "helix": "public",
        "country": "IT",
        "city": {"en": "Brindisi", "it": "Brindisi"},
        "website": "",
    },
    {
        "key": "ifel",
        "name": {
            "en": "IFEL – Institute for Local Finance and Economy",
            "it": "IFEL – Istituto per la Finanza e l'Economia Locale",
        },
        "helix": "public",
        "country": "IT",
        "city": {"en": "Rome", "it": "Roma"},
        "website": "",
    },
    {
        "key": "municipality-maribor",
        "name": {"en": "Municipality of Maribor", "it": "Comune di Maribor"},
        "helix": "public",
        "country": "SI",
        "city": {"en": "Maribor", "it": "Maribor"},
        "website": "https://www.maribor.si/",
    },
    {
        "key": "hgk-pula",
        "name": {
            "en": "Croatian Chamber of Economy – Pula",
            "it": "Camera dell'economia croata – Pola",
        },
        "helix": "business",
        "country": "HR",
        "city": {"en": "Pula", "it": "Pola"},
        "website": "https://www.hgk.hr/",
    },
    {
        "key": "unipu-fet",
        "name": {
            "en": "Faculty of Economics and Tourism “Dr. Mijo Mirković”, University of Pula",
            "it": "Facoltà di economia e turismo “Dr. Mijo Mirković”, Università di Pola",
        },
        "helix": "academia",
        "country": "HR",
        "city": {"en": "Pula", "it": "Pola"},
        "website": "https://www.unipu.hr/",
    },
]
