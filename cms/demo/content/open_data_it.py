"""Italian texts of the knowledge base, the tools and the Veneto Open Data Lab course.

Each text has the shape of its English original in open_data.py (the same blocks, paragraphs
and inline formatting, answers in the same order), because the demo imports them into
wagtail-localize segment by segment (cms.demo.localize): a paragraph more or less is refused.
"""

ARTICLES_IT = {
    "kb-aragon-register": {
        "title": "Pubblicare un registro dei fornitori dell’economia sociale",
        "summary": "Come l’azione pilota aragonese ha trasformato un elenco di fornitori del "
        "terzo settore in dati aperti che le stazioni appaltanti possono cercare per codice CPV.",
        "body": [
            (
                "paragraph",
                "<p>La legge spagnola chiede che ogni bando di gara riservi una quota dei "
                "contratti ai centri speciali per l’impiego e alle imprese di inserimento "
                "lavorativo. Spesso però chi acquista non sa chi può fornire che cosa. L’azione "
                "pilota aragonese si è proposta di censire gli enti del terzo settore e i "
                "servizi e i prodotti che offrono.</p>",
            ),
            ("heading", "Una riga per fornitore, un codice per servizio"),
            (
                "paragraph",
                "<p>Ogni fornitore è una riga con un riferimento stabile, il tipo di ente, la "
                "regione e i codici CPV di ciò che fornisce. I codici CPV sono il vocabolario "
                "europeo degli appalti: chi cerca 9091 trova tutti i servizi di pulizia, "
                "qualunque parola abbia usato il fornitore.</p>",
            ),
            ("heading", "Aperto fin dall’inizio"),
            (
                "paragraph",
                "<p>Il registro è pubblicato con licenza CC BY 4.0, in formato CSV, con i "
                "metadati in DCAT-AP perché il portale nazionale possa raccoglierlo. Gli "
                "aggiornamenti si importano di nuovo dallo stesso file: le righe vengono "
                "abbinate per riferimento, quindi nulla viene duplicato.</p>",
            ),
        ],
    },
    "kb-maribor-premises": {
        "title": "Mappare gli spazi per gli innovatori sociali",
        "summary": "L’azione pilota di Maribor e il Comune hanno censito gli spazi che gli "
        "innovatori sociali potrebbero usare e li hanno riportati su una mappa.",
        "body": [
            (
                "paragraph",
                "<p>La Fondazione PRIZMA ha lavorato con il Comune di Maribor a una strategia "
                "per l’imprenditoria sociale. Una delle conclusioni è stata mappare ogni spazio "
                "che potesse essere messo a disposizione degli innovatori sociali e di un "
                "futuro polo per l’innovazione sociale.</p>",
            ),
            (
                "paragraph",
                "<p>Per ogni spazio il registro riporta indirizzo, superficie, condizioni d’uso "
                "e periodo in cui è libero. Le coordinate lo trasformano in una mappa; gli "
                "stessi dati si possono scaricare in CSV perché chiunque li riutilizzi.</p>",
            ),
        ],
    },
    "kb-skills-data": {
        "title": "Leggere il disallineamento delle competenze con i dati aperti",
        "summary": "Una guida dall’Open Data Lab del Veneto: quali dati pubblici descrivono "
        "domanda e offerta di competenze, e come combinarli.",
        "body": [
            (
                "paragraph",
                "<p>Il disallineamento delle competenze è la distanza tra le competenze che le "
                "imprese cercano e quelle che le persone possiedono. L’azione pilota veneta ha "
                "costruito una comunità di pratica su questo tema e ha organizzato un Open Data "
                "Lab per partecipanti che non avevano mai lavorato con i dati aperti.</p>",
            ),
            ("heading", "Dove si trovano i dati"),
            (
                "paragraph",
                "<p>Gli osservatori regionali sul mercato del lavoro pubblicano posti vacanti e "
                "assunzioni per professione; gli istituti di statistica pubblicano i livelli di "
                "istruzione per territorio; gli enti di formazione pubblicano i loro corsi. "
                "Ognuno è una tabella con un luogo e un periodo: messe una accanto all’altra, "
                "mostrano dove domanda e offerta si allontanano.</p>",
            ),
        ],
    },
    "kb-glossary": {
        "title": "Glossario dei dati aperti",
        "summary": "Le parole dei dati aperti, spiegate in modo semplice.",
        "body": [
            (
                "paragraph",
                "<p><b>Licenza aperta</b>: il permesso per chiunque di riutilizzare i dati, "
                "per qualsiasi scopo, a volte a condizione di citare la fonte (CC BY 4.0).</p>",
            ),
            (
                "paragraph",
                "<p><b>CSV</b>: una tabella in testo semplice, un record per riga, con i valori "
                "separati da virgole; qualsiasi strumento è in grado di leggerla.</p>",
            ),
            (
                "paragraph",
                "<p><b>DCAT-AP</b>: il modo europeo di descrivere i dataset, perché i portali "
                "possano raccogliere (harvesting) gli uni i cataloghi degli altri.</p>",
            ),
            (
                "paragraph",
                "<p><b>Codice CPV</b>: un codice di otto cifre del Vocabolario comune per gli "
                "appalti pubblici che indica che cosa acquista un contratto pubblico.</p>",
            ),
            (
                "paragraph",
                "<p><b>GeoJSON</b>: un formato per punti, linee e aree su una mappa; le "
                "coordinate si scrivono con la longitudine per prima.</p>",
            ),
        ],
    },
}

TOOLS_INDEX_IT = {
    "title": "Strumenti per i dati aperti",
    "summary": "Strumenti liberi e aperti per trovare, pulire, mappare e pubblicare dati.",
    "introduction": "<p>Gli strumenti usati dalle azioni pilota, con la loro licenza, il "
    "livello richiesto e le lingue dell’interfaccia.</p>",
}

# By the tool's name (a brand, the same in every language): what changes in Italian.
TOOLS_IT = {
    "OpenRefine": {
        "purpose": "Pulire tabelle disordinate: correggere la grafia, dividere le colonne, "
        "riconciliare i nomi con i registri, con ogni passaggio registrato e ripetibile.",
    },
    "QGIS": {
        "purpose": "Sistema informativo geografico per il computer: collegare tabelle ai "
        "luoghi, realizzare mappe tematiche, esportare in GeoJSON.",
    },
    "uMap": {
        "purpose": "Disegnare una mappa su OpenStreetMap nel browser e condividerla o "
        "incorporarla in un sito, importando file CSV o GeoJSON.",
    },
    "CKAN": {
        "purpose": "Gestire un portale di dati aperti: pubblicare dataset con i loro metadati "
        "e un catalogo DCAT che altri portali possono raccogliere.",
    },
    "Datawrapper": {
        "purpose": "Trasformare una tabella in un grafico o in una mappa accessibile in pochi "
        "passaggi.",
        "licence": "Proprietario, piano gratuito",
    },
}

# Lessons by slug; each answer is (text, feedback), in the English order (which is correct
# comes from the English course).
COURSE_IT = {
    "title": "Dati aperti sulle competenze: trovare, pulire, mappare",
    "summary": "L’Open Data Lab del Veneto in forma di breve corso: tre lezioni, ciascuna con "
    "un quiz.",
    "introduction": "<p>Nato dall’Open Data Lab dell’azione pilota veneta. Troverai dati "
    "pubblici sulle competenze, pulirai una tabella e la porterai su una mappa. Non serve "
    "alcuna esperienza.</p>",
    "duration": "Circa 3 ore",
    "lessons": {
        "finding-open-data-on-skills": {
            "title": "Trovare dati aperti sulle competenze",
            "body": "<p>Parti dalla domanda, non dai dati: quali professioni sono difficili da "
            "trovare nel tuo territorio? Poi cerca le tabelle che rispondono: posti vacanti e "
            "assunzioni per professione dall’osservatorio regionale sul lavoro, livelli di "
            "istruzione dall’istituto di statistica, corsi dagli enti di formazione.</p><p>Prima "
            "di usare una tabella controlla tre cose: la licenza (puoi riutilizzarla?), il "
            "formato (riesci ad aprirla?) e la data (è abbastanza recente?).</p>",
            "quiz": [
                (
                    "Quale licenza ti permette di riutilizzare i dati a condizione di citare la "
                    "fonte?",
                    [
                        ("CC BY 4.0", "Esatto: citare la fonte è l’unica condizione."),
                        (
                            "Tutti i diritti riservati",
                            "No: vieta il riutilizzo senza un permesso.",
                        ),
                    ],
                ),
                (
                    "Che cosa controlli per prima cosa in una tabella che hai trovato?",
                    [
                        ("I colori", "L’aspetto non conta: conta la licenza."),
                        (
                            "La licenza, il formato e la data",
                            "Sì: puoi riutilizzarla, aprirla, fidarti?",
                        ),
                    ],
                ),
            ],
        },
        "cleaning-a-table": {
            "title": "Pulire una tabella",
            "body": "<p>Le tabelle reali sono disordinate: una riga di intestazione di troppo, "
            "date scritte in tre modi diversi, lo stesso comune scritto in modi diversi. Pulisci "
            "con passaggi che puoi ripetere: una sola riga di intestazione, un solo tipo di "
            "valore per colonna, codici al posto dei nomi dove un codice esiste (ISO per i "
            "paesi, CPV per i servizi).</p><p>OpenRefine registra ogni passaggio, così il file "
            "dell’anno prossimo si pulisce con un clic.</p>",
            "quiz": [
                (
                    "Quale formato mantiene una tabella semplice e aperta?",
                    [
                        ("PDF", "Una tabella dentro un PDF è difficile da riutilizzare."),
                        ("CSV", "Sì: qualsiasi strumento legge il CSV."),
                        ("La foto della tabella", "L’immagine di una tabella non è un dato."),
                    ],
                ),
                (
                    "Perché in una colonna è meglio un codice che un nome?",
                    [
                        (
                            "I codici sono più corti",
                            "Non è questo il punto: i codici non sono ambigui.",
                        ),
                        (
                            "Un codice significa la stessa cosa in ogni lingua e in ogni file",
                            "Esatto: è questo che permette di unire le tabelle.",
                        ),
                    ],
                ),
            ],
        },
        "putting-it-on-a-map": {
            "title": "Portare i dati su una mappa",
            "body": "<p>Dai un luogo a ogni riga: un indirizzo trasformato in coordinate "
            "(geocodifica) oppure un codice di regione collegato al suo confine. Salva il "
            "risultato in GeoJSON, ricordando che GeoJSON scrive la longitudine prima della "
            "latitudine.</p><p>uMap la disegna nel browser; QGIS permette di fare di più. "
            "Pubblica sempre la tabella accanto alla mappa, per chi non usa le mappe.</p>",
            "quiz": [
                (
                    "In GeoJSON, quale coordinata viene per prima?",
                    [
                        (
                            "La latitudine",
                            "No: GeoJSON segue l’ordine x, y, quindi prima la longitudine.",
                        ),
                        ("La longitudine", "Esatto: [longitudine, latitudine]."),
                    ],
                ),
            ],
        },
    },
}
