"""What a new collectivity's portal starts with: rubrics, synonyms, home and FAQ sections.

This is page content, written in the portal's default language (French) and edited afterwards
in the Wagtail admin; it is not interface text and so is not marked for translation.
Rubric slugs are the same on every portal: a commune's catalogue filters its
intercommunality's procedures by them.
"""

from .icons import Icon

RUBRICS = [
    # (slug, name, description, icon)
    (
        "etat-civil",
        "État civil",
        "Actes de naissance, de mariage et de décès, papiers d’identité",
        Icon.IDENTITY,
    ),
    (
        "citoyennete",
        "Élections et citoyenneté",
        "Listes électorales, recensement citoyen, attestations",
        Icon.DOCUMENT,
    ),
    (
        "urbanisme",
        "Urbanisme",
        "Permis de construire, déclarations préalables, certificats d’urbanisme",
        Icon.HOUSE,
    ),
    (
        "voirie",
        "Voirie et signalements",
        "Signaler un incident sur la voie publique, occuper le domaine public",
        Icon.ROAD,
    ),
    (
        "enfance",
        "Enfance et scolarité",
        "Inscriptions scolaires, restauration scolaire, accueil périscolaire",
        Icon.SCHOOL,
    ),
    ("dechets", "Déchets et environnement", "Collecte, déchèterie, encombrants", Icon.WASTE),
    ("associations", "Vie associative", "Subventions, prêt de salles et de matériel", Icon.PEOPLE),
    ("rendez-vous", "Rendez-vous", "Prendre rendez-vous avec la mairie", Icon.CALENDAR),
]

SYNONYMS = [
    # (term, expansions, both ways)
    ("CNI", ["carte nationale d'identité", "carte d'identité"], False),
    ("RDV", ["rendez-vous"], False),
    ("passeport", ["titre d'identité"], True),
    ("PC", ["permis de construire"], False),
    ("DP", ["déclaration préalable"], False),
    ("CU", ["certificat d'urbanisme"], False),
    ("acte de naissance", ["extrait de naissance"], True),
    ("mairie", ["hôtel de ville"], True),
    ("poubelle", ["déchets", "ordures ménagères"], False),
    ("nid de poule", ["voirie", "chaussée"], False),
    ("cantine", ["restauration scolaire"], False),
]

HOME_WELCOME_TITLE = "Bienvenue"
HOME_WELCOME_TEXT = "Connectez-vous pour gérer vos démarches administratives en ligne !"


def home_sections() -> list[tuple[str, dict]]:
    """StreamField blocks of a new home page: a procedure search, the portal's strengths."""
    features = [
        (
            "Accessibilité",
            "Accédez à toutes les démarches administratives de la commune, n’importe quand "
            "et à n’importe quelle heure, depuis la même plateforme.",
            Icon.CLOCK,
        ),
        (
            "Services en ligne",
            "Prise de rendez-vous avec la mairie, demande de passeport et de CNI, signalement "
            "d’un incident sur la voirie… Vous accédez à tous les services disponibles dans "
            "la collectivité directement sur le portail citoyen.",
            Icon.LAPTOP,
        ),
        (
            "Visibilité",
            "Suivez l’avancement de vos demandes et les actions que vous devez réaliser sur "
            "vos demandes en cours depuis le portail citoyen.",
            Icon.EYE,
        ),
        (
            "Interaction",
            "Échangez simplement avec la mairie depuis le portail pour compléter votre "
            "dossier administratif.",
            Icon.CHAT,
        ),
        (
            "Automatique",
            "Vos données sont pré-enregistrées afin de vous faire gagner du temps lors de "
            "l’envoi de vos demandes.",
            Icon.BOLT,
        ),
    ]
    return [
        ("procedure_search", {"heading": "Trouver une démarche"}),
        (
            "features",
            {
                "heading": "Le portail qui centralise toutes les démarches en ligne de votre "
                "commune",
                "intro": "Simplifiez vos démarches quotidiennes : envoyez des documents, prenez "
                "rendez-vous avec la mairie, faites vos demandes d’urbanisme, signalez un "
                "incident…",
                "features": [
                    {"title": title, "text": text, "icon": icon.value}
                    for title, text, icon in features
                ],
            },
        ),
    ]


FAQ = [
    (
        "Accéder au portail",
        [
            (
                "Comment accéder au portail de démarches de ma commune ?",
                "Depuis l’annuaire du portail, recherchez votre commune par son nom ou son code "
                "postal. Dans la plupart des cas, vous pouvez aussi y accéder directement depuis "
                "le site de votre commune.",
            ),
            (
                "Comment créer mon compte ?",
                "Pour faire une demande auprès de votre commune, vous devez créer un compte avec "
                "votre adresse email.",
            ),
            (
                "J’ai déjà un compte : puis-je faire une demande auprès d’une autre commune ?",
                "Oui, tout à fait. Lors de votre première démarche auprès d’une nouvelle commune, "
                "la plateforme vous demande l’autorisation de lui donner accès aux données de "
                "votre compte.",
            ),
        ],
    ),
    (
        "Démarches et demandes",
        [
            (
                "Comment trouver une démarche ?",
                "Recherchez une démarche par son nom dans la zone de recherche, ou par rubrique : "
                "les boutons des rubriques, sous la zone de recherche, filtrent les résultats.",
            ),
            (
                "Comment savoir si une démarche est proposée par ma commune ou par ma "
                "communauté de communes ?",
                "Le portail vous propose les démarches de votre territoire de vie (commune et "
                "communauté de communes). Chaque démarche indique la collectivité qui la propose.",
            ),
            (
                "Comment savoir si ma demande a bien été reçue ?",
                "Vous recevez un accusé de réception qui garantit que la collectivité a bien reçu "
                "votre demande. Pendant son traitement, un email vous informe de chaque "
                "changement de statut (clôture, rejet…).",
            ),
            (
                "Comment savoir si j’ai une action à faire sur une demande ?",
                "Vous recevez une notification par email. Connectez-vous au portail de votre "
                "commune et ouvrez « Mes actions à faire ».",
            ),
        ],
    ),
    (
        "Mon compte",
        [
            (
                "Comment modifier mon adresse email ?",
                "Une fois connecté, choisissez « Modifier mon email » dans le menu utilisateur. "
                "Pour sécuriser l’opération, un email est envoyé à votre adresse actuelle.",
            ),
            (
                "Que se passe-t-il si je supprime mon compte ?",
                "Votre compte est supprimé pour toutes les communes. Vos demandes sont conservées "
                "par les collectivités pendant la durée de conservation qu’elles ont définie.",
            ),
            (
                "Combien de temps mes demandes sont-elles conservées ?",
                "Chaque collectivité définit la durée de conservation de ses demandes, "
                "conformément à la réglementation. Passé ce délai, les demandes sont anonymisées : "
                "toute information à caractère personnel est supprimée.",
            ),
        ],
    ),
]


def faq_sections() -> list[tuple[str, dict]]:
    """StreamField blocks of a new FAQ page."""
    return [
        (
            "section",
            {
                "title": title,
                "questions": [
                    {"question": question, "answer": f"<p>{answer}</p>"}
                    for question, answer in questions
                ],
            },
        )
        for title, questions in FAQ
    ]
