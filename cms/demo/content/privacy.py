"""The privacy notice of the community platform (a sensible starting point to adapt)."""


def _section(heading, en, it):
    return [("heading", heading), ("paragraph", {"en": en, "it": it})]


PRIVACY = {
    "slug": "privacy-policy",
    "title": {"en": "Privacy policy", "it": "Informativa sulla privacy"},
    "summary": {
        "en": "What personal data the platform keeps, why, for how long, and your rights.",
        "it": "Quali dati personali conserva la piattaforma, perché, per quanto tempo e quali "
        "sono i tuoi diritti.",
    },
    "body": [
        (
            "paragraph",
            {
                "en": "<p><i>Demo text: the operator of a real installation must complete and "
                "check this notice.</i></p><p>This notice explains how OpenSocialCluster "
                "handles personal data under the EU General Data Protection Regulation "
                "(GDPR). You can reach us at the contact address shown at the bottom of every "
                "page.</p>",
                "it": "<p><i>Testo dimostrativo: il gestore di un'installazione reale deve "
                "completarlo e verificarlo.</i></p><p>Questa informativa spiega come "
                "OpenSocialCluster tratta i dati personali ai sensi del Regolamento generale "
                "sulla protezione dei dati (GDPR). Puoi contattarci all'indirizzo indicato in "
                "fondo a ogni pagina.</p>",
            },
        ),
        *_section(
            {"en": "What we collect", "it": "Quali dati raccogliamo"},
            "<ul><li>Account: email address, password (stored only as a hash), display name, "
            "preferred language.</li><li>Profile, if you fill it in: organisation, helix, "
            "country, languages, topics of interest.</li><li>What you do on the platform: "
            "event registrations, focus-group applications, ideas and attachments you submit, "
            "posts and reports in discussions, notification settings.</li><li>Newsletter: "
            "your email address and the date you confirmed the subscription.</li><li>Technical "
            "data: server logs with IP address and browser, kept for security.</li></ul>",
            "<ul><li>Account: indirizzo email, password (conservata solo come hash), nome "
            "visualizzato, lingua preferita.</li><li>Profilo, se lo compili: organizzazione, "
            "elica, paese, lingue, temi di interesse.</li><li>Le tue attività: iscrizioni agli "
            "eventi, candidature ai focus group, idee e allegati inviati, messaggi e "
            "segnalazioni nelle discussioni, preferenze di notifica.</li><li>Newsletter: "
            "indirizzo email e data di conferma dell'iscrizione.</li><li>Dati tecnici: log "
            "del server con indirizzo IP e browser, conservati per sicurezza.</li></ul>",
        ),
        *_section(
            {"en": "Why, and on what legal basis", "it": "Perché e su quale base giuridica"},
            "<ul><li>To provide the account and the services you ask for (contract, art. 6(1)(b) "
            "GDPR).</li><li>To send the newsletter, only after you confirm your address "
            "(consent, art. 6(1)(a)); you can unsubscribe from any issue.</li><li>To keep the "
            "platform safe and moderate discussions (legitimate interest, art. 6(1)(f)).</li>"
            "</ul>",
            "<ul><li>Per fornire l'account e i servizi che richiedi (contratto, art. 6.1.b "
            "GDPR).</li><li>Per inviare la newsletter, solo dopo la conferma dell'indirizzo "
            "(consenso, art. 6.1.a); puoi disiscriverti da ogni numero.</li><li>Per la "
            "sicurezza della piattaforma e la moderazione delle discussioni (legittimo "
            "interesse, art. 6.1.f).</li></ul>",
        ),
        *_section(
            {"en": "Cookies", "it": "Cookie"},
            "<p>We use only the cookies the site needs to work: the session, the protection "
            "against cross-site request forgery and your language choice. No advertising or "
            "third-party tracking cookies.</p>",
            "<p>Usiamo solo i cookie necessari al funzionamento: sessione, protezione contro "
            "le richieste falsificate e scelta della lingua. Nessun cookie pubblicitario o di "
            "tracciamento di terze parti.</p>",
        ),
        *_section(
            {"en": "Who sees your data", "it": "Chi vede i tuoi dati"},
            "<p>Other members see your display name and what you choose to publish. Event "
            "organisers see the registrations to their events; reviewers see the ideas "
            "submitted to their calls. Our hosting and email providers process data on our "
            "behalf under contract. We never sell personal data.</p>",
            "<p>Gli altri membri vedono il tuo nome visualizzato e ciò che scegli di pubblicare. "
            "Gli organizzatori vedono le iscrizioni ai propri eventi; i valutatori vedono le "
            "idee presentate ai loro bandi. I fornitori di hosting e di posta trattano i dati "
            "per nostro conto, con contratto. Non vendiamo mai dati personali.</p>",
        ),
        *_section(
            {"en": "How long we keep it", "it": "Per quanto tempo li conserviamo"},
            "<p>Account data for as long as the account exists; server logs for 90 days; "
            "newsletter data until you unsubscribe. When you delete your account, your profile "
            "is erased and your public posts are anonymised.</p>",
            "<p>I dati dell'account finché l'account esiste; i log del server per 90 giorni; i "
            "dati della newsletter fino alla disiscrizione. Quando cancelli l'account, il "
            "profilo viene eliminato e i messaggi pubblici resi anonimi.</p>",
        ),
        (
            "accordion",
            {
                "heading": {"en": "Your rights", "it": "I tuoi diritti"},
                "items": [
                    {
                        "question": {
                            "en": "See and download your data",
                            "it": "Accedere ai dati e scaricarli",
                        },
                        "answer": {
                            "en": "<p>Your account page lets you download all your data in a "
                            "machine-readable file.</p>",
                            "it": "<p>Dalla pagina del tuo account puoi scaricare tutti i tuoi "
                            "dati in un file leggibile da macchina.</p>",
                        },
                    },
                    {
                        "question": {
                            "en": "Correct or delete it",
                            "it": "Correggerli o cancellarli",
                        },
                        "answer": {
                            "en": "<p>Edit your profile at any time, or delete your account "
                            "from your account page.</p>",
                            "it": "<p>Puoi modificare il profilo in ogni momento o cancellare "
                            "l'account dalla tua pagina.</p>",
                        },
                    },
                    {
                        "question": {
                            "en": "Object or complain",
                            "it": "Opporti o presentare reclamo",
                        },
                        "answer": {
                            "en": "<p>Write to us to object to processing or to withdraw "
                            "consent. You may also complain to your data protection "
                            "authority.</p>",
                            "it": "<p>Scrivici per opporti al trattamento o revocare il "
                            "consenso. Puoi anche presentare reclamo all'autorità di "
                            "controllo.</p>",
                        },
                    },
                ],
            },
        ),
    ],
}
