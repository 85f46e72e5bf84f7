"""The white paper and policy briefs, each with a PDF per language drawn at load time.

The project did publish a white paper and a series of policy briefs; their texts are not in our
sources, so these summaries are written from the pilot actions and events, and the authors are
fictional (see snippets.PEOPLE).
"""

DOCUMENT_SUBTITLE = {
    "white-paper": {"en": "White paper", "it": "Libro bianco"},
    "policy-brief": {"en": "Policy brief", "it": "Policy brief"},
}

PUBLICATIONS = [
    {
        "key": "white-paper",
        "kind": "white-paper",
        "slug": "white-paper-social-innovation-through-transitions",
        "publication_date": "2022-04-20",
        "publisher": "veneto-region",
        "authors": ["chiara-moretti", "pau-ferrer"],
        "topics": ["social-innovation", "cohesion-policy", "open-data"],
        "countries": ["IT", "FR", "ES", "PT", "GR", "HR", "SI", "AL"],
        "title": {
            "en": "Through transitions: the +RESILIENT white paper on social innovation",
            "it": "Attraverso le transizioni: il libro bianco +RESILIENT sull'innovazione sociale",
        },
        "summary": {
            "en": "Why social innovation matters to many policy fields at once, and what seven "
            "pilot actions in the Mediterranean teach policy makers.",
            "it": "Perché l'innovazione sociale riguarda molti ambiti politici insieme e che cosa "
            "insegnano ai decisori sette azioni pilota nel Mediterraneo.",
        },
        "abstract": {
            "en": "<p>Social innovation is a cross-cutting theme: it touches employment, "
            "education, urban policy, procurement and regional development, at local, regional, "
            "national and EU level. This white paper brings together the joint work of the "
            "+RESILIENT partnership in eight Mediterranean countries and the lessons of its "
            "seven pilot actions. It was the starting point of the high-level policy event at "
            "the European Parliament in Brussels on 20 April 2022.</p>",
            "it": "<p>L'innovazione sociale è un tema trasversale: riguarda lavoro, istruzione, "
            "politiche urbane, appalti e sviluppo regionale, a livello locale, regionale, "
            "nazionale ed europeo. Questo libro bianco raccoglie il lavoro comune del "
            "partenariato +RESILIENT in otto paesi del Mediterraneo e le lezioni delle sue sette "
            "azioni pilota. È stato il punto di partenza dell'evento politico di alto livello "
            "al Parlamento europeo di Bruxelles del 20 aprile 2022.</p>",
        },
        "body": [
            (
                "heading",
                {"en": "What the pilots show", "it": "Che cosa mostrano i progetti pilota"},
            ),
            (
                "paragraph",
                {
                    "en": "<ul><li>Young people can produce research that regions use "
                    "(Istria).</li><li>Calls for ideas need training in creativity and pitching "
                    "to bear fruit (Pula).</li><li>Cities can open premises to social innovators "
                    "(Maribor, Brindisi).</li><li>Open data helps match skills and jobs "
                    "(Veneto).</li><li>Procurement rules create demand for the social economy "
                    "(Aragon).</li><li>Residents co-design answers to food deserts "
                    "(Marseille).</li></ul>",
                    "it": "<ul><li>I giovani possono produrre ricerca utile alle regioni "
                    "(Istria).</li><li>I bandi per idee danno frutti se accompagnati da "
                    "formazione su creatività e presentazione (Pola).</li><li>Le città possono "
                    "aprire spazi agli innovatori sociali (Maribor, Brindisi).</li><li>Gli open "
                    "data aiutano a far incontrare competenze e lavoro (Veneto).</li><li>Le "
                    "regole sugli appalti creano domanda per l'economia sociale (Aragona).</li>"
                    "<li>Gli abitanti co-progettano risposte ai deserti alimentari "
                    "(Marsiglia).</li></ul>",
                },
            ),
        ],
    },
    {
        "key": "brief-procurement",
        "kind": "policy-brief",
        "slug": "policy-brief-social-clauses-public-procurement",
        "publication_date": "2021-12-14",
        "publisher": "itainnova",
        "authors": ["pau-ferrer"],
        "topics": ["public-procurement", "social-economy"],
        "countries": ["ES"],
        "policy_level": "national",
        "title": {
            "en": "Public procurement for inclusion: social clauses and reserved contracts",
            "it": "Appalti pubblici per l'inclusione: clausole sociali e appalti riservati",
        },
        "summary": {
            "en": "How contracting authorities and bidders can find the social-economy entities "
            "that social clauses call for.",
            "it": "Come stazioni appaltanti e imprese possono trovare gli enti dell'economia "
            "sociale richiesti dalle clausole sociali.",
        },
        "abstract": {
            "en": "<p>Tenders increasingly carry social obligations, and in Spain every public "
            "tender must reserve a minimum share for special employment centres. Drawing on the "
            "Aragon pilot action, this brief argues that a clear, open view of third-sector "
            "entities and what they offer is what turns these rules into real work for "
            "inclusion companies.</p>",
            "it": "<p>Le gare pubbliche contengono sempre più obblighi sociali e in Spagna ogni "
            "gara deve riservare una quota minima ai centri speciali per l'impiego. Partendo "
            "dall'azione pilota aragonese, questa nota sostiene che una visione chiara e aperta "
            "degli enti del terzo settore e della loro offerta è ciò che trasforma queste regole "
            "in lavoro reale per le imprese di inserimento.</p>",
        },
        "key_recommendations": [
            {
                "title": {
                    "en": "Publish an open directory of inclusion companies",
                    "it": "Pubblicare un elenco aperto delle imprese di inserimento",
                },
                "detail": {
                    "en": "List third-sector entities, special employment centres and their "
                    "products and services as open data that bidders can search.",
                    "it": "Censire enti del terzo settore, centri speciali per l'impiego e i loro "
                    "prodotti e servizi come open data consultabili da chi partecipa alle gare.",
                },
            },
            {
                "title": {
                    "en": "Make social clauses easy to meet",
                    "it": "Rendere le clausole sociali facili da rispettare",
                },
                "detail": {
                    "en": "Use standard wording and state reserved shares clearly in every call.",
                    "it": "Usare formulazioni standard e indicare con chiarezza le quote "
                    "riservate in ogni bando.",
                },
            },
            {
                "title": {
                    "en": "Measure the social return of reserved contracts",
                    "it": "Misurare il ritorno sociale degli appalti riservati",
                },
                "detail": {
                    "en": "Track jobs and inclusion outcomes with an SROI approach.",
                    "it": "Monitorare occupazione e inclusione con un approccio SROI.",
                },
            },
        ],
    },
    {
        "key": "brief-skills",
        "kind": "policy-brief",
        "slug": "policy-brief-skills-mismatch-open-data",
        "publication_date": "2022-01-18",
        "publisher": "veneto-region",
        "authors": ["chiara-moretti", "maja-kovac"],
        "topics": ["skills-employment", "open-data", "cohesion-policy"],
        "countries": ["IT"],
        "policy_level": "regional",
        "title": {
            "en": "Closing the skills gap with open data and communities of practice",
            "it": "Ridurre il divario di competenze con open data e comunità di pratica",
        },
        "summary": {
            "en": "Lessons from Veneto for regional ESF+ and ERDF programmes 2021-2027.",
            "it": "Lezioni dal Veneto per i programmi regionali FSE+ e FESR 2021-2027.",
        },
        "abstract": {
            "en": "<p>The Veneto pilot brought companies, labour-market actors, training "
            "providers and the social economy into one community of practice on skill "
            "mismatch, and taught newcomers to use open data. This brief turns that experience "
            "into proposals for the 2021-2027 regional programmes and the Just Transition "
            "Mechanism.</p>",
            "it": "<p>L'azione pilota veneta ha riunito imprese, attori del mercato del lavoro, "
            "enti di formazione ed economia sociale in una comunità di pratica sul mismatch di "
            "competenze e ha insegnato a usare gli open data a chi non li conosceva. Questa nota "
            "trasforma l'esperienza in proposte per i programmi regionali 2021-2027 e per il "
            "Meccanismo per una transizione giusta.</p>",
        },
        "key_recommendations": [
            {
                "title": {
                    "en": "Fund communities of practice across the four helixes",
                    "it": "Finanziare comunità di pratica della quadrupla elica",
                },
                "detail": {
                    "en": "Give companies, trainers, public bodies and the social economy a "
                    "standing place to design services together.",
                    "it": "Dare a imprese, formatori, enti pubblici ed economia sociale uno "
                    "spazio stabile per progettare servizi insieme.",
                },
            },
            {
                "title": {
                    "en": "Teach open data to the people who need it",
                    "it": "Insegnare gli open data a chi ne ha bisogno",
                },
                "detail": {
                    "en": "Open Data Labs make labour-market data usable in daily work.",
                    "it": "Gli Open Data Lab rendono i dati sul lavoro utilizzabili ogni giorno.",
                },
            },
            {
                "title": {
                    "en": "Put people at the centre of the green transition",
                    "it": "Mettere le persone al centro della transizione ecologica",
                },
                "detail": {
                    "en": "Link just-transition funding to inclusive skills for the workers most "
                    "at risk.",
                    "it": "Collegare i fondi per la transizione giusta a competenze inclusive per "
                    "i lavoratori più a rischio.",
                },
            },
        ],
    },
    {
        "key": "brief-urban-labs",
        "kind": "policy-brief",
        "slug": "policy-brief-urban-labs-municipalities",
        "publication_date": "2022-02-22",
        "publisher": "anci",
        "authors": ["maja-kovac"],
        "topics": ["urban-regeneration", "social-entrepreneurship"],
        "countries": ["IT", "SI"],
        "policy_level": "local",
        "title": {
            "en": "Urban labs and social innovation hubs: a guide for municipalities",
            "it": "Laboratori urbani e hub per l'innovazione sociale: una guida per i Comuni",
        },
        "summary": {
            "en": "What Brindisi and Maribor teach about opening public buildings to social "
            "innovators.",
            "it": "Che cosa insegnano Brindisi e Maribor sull'apertura di edifici pubblici agli "
            "innovatori sociali.",
        },
        "abstract": {
            "en": "<p>Brindisi turned a historic building into a community hub, co-working "
            "space and incubator; Maribor set out to map premises for social innovators and a "
            "hub. This brief draws practical lessons for municipalities that want to do the "
            "same, and on how to monitor the results.</p>",
            "it": "<p>Brindisi ha trasformato un edificio storico in hub di comunità, coworking "
            "e incubatore; Maribor ha deciso di mappare gli spazi per innovatori sociali e per "
            "un hub. Questa nota ricava lezioni pratiche per i Comuni che vogliono fare lo "
            "stesso e su come monitorarne i risultati.</p>",
        },
        "key_recommendations": [
            {
                "title": {
                    "en": "Map the public premises you could open",
                    "it": "Mappare gli spazi pubblici che si possono aprire",
                },
                "detail": {
                    "en": "Start from an inventory shared with social innovators.",
                    "it": "Partire da un inventario condiviso con gli innovatori sociali.",
                },
            },
            {
                "title": {
                    "en": "Monitor from day one",
                    "it": "Monitorare dal primo giorno",
                },
                "detail": {
                    "en": "Research and monitoring let the administration adapt the lab.",
                    "it": "Ricerca e monitoraggio permettono all'amministrazione di adattare il "
                    "laboratorio.",
                },
            },
        ],
    },
]
