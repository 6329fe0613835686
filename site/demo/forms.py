"""The procedures' forms, as raw `FormFieldsBlock` data built from `forms_builder` block types.

Each form is a function returning fresh data (Wagtail adds block ids to the raw data it saves).
Every question has an explicit machine name: answers and conditions never depend on labels.
"""

from .agendas import passport_agenda_id

# --- Building blocks


def question(kind: str, name: str, label: str, *, required=True, help_text="", when=None, **rest):
    """A question block (`short_text`, `date`, `file`…); `when` is its display condition."""
    value = {"name": name, "label": label, "required": required, "help_text": help_text, **rest}
    if when:
        value["condition"] = when
    return {"type": kind, "value": value}


def choice(name: str, label: str, options: list[tuple[str, str]], *, multiple=False, **rest):
    """A single (or multiple) choice; `options` are (machine value, label) pairs."""
    kind = "multiple_choice" if multiple else "single_choice"
    rest["options"] = [{"value": value, "label": text} for value, text in options]
    return question(kind, name, label, **rest)


def files(name: str, label: str, kinds: list[str], *, multiple=False, max_size_mb=10, **rest):
    return question(
        "file", name, label, kinds=kinds, multiple=multiple, max_size_mb=max_size_mb, **rest
    )


def when(field: str, *values: str) -> dict:
    """Show only when the answer to `field` is one of `values`."""
    operator = "one_of" if len(values) > 1 else "equals"
    return {"field": field, "operator": operator, "values": list(values)}


def group(title: str, condition: dict, *fields: dict) -> dict:
    value = {"title": title, "condition": condition, "fields": list(fields)}
    return {"type": "group", "value": value}


def appointment(name: str, label: str, agenda_id: int, *, application_ids=False, **rest) -> dict:
    """A slot to pick in an agenda (`application_ids`: ask each person's ANTS number)."""
    return question(
        "appointment", name, label, agenda=str(agenda_id), application_ids=application_ids, **rest
    )


def step(title: str) -> dict:
    return {"type": "step_break", "value": {"title": title}}


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text}}


def help_text(html: str) -> dict:
    return {"type": "help_text", "value": {"text": html}}


def warning(html: str) -> dict:
    return {"type": "warning", "value": {"text": html}}


DOCUMENT_KINDS = ["pdf", "jpeg", "png"]
PHOTO_KINDS = ["jpeg", "png"]

SCHOOL_LEVELS = [
    ("ps", "Petite section"),
    ("ms", "Moyenne section"),
    ("gs", "Grande section"),
    ("cp", "CP"),
    ("ce1", "CE1"),
    ("ce2", "CE2"),
    ("cm1", "CM1"),
    ("cm2", "CM2"),
]
SCHOOL_DAYS = [
    ("monday", "Lundi"),
    ("tuesday", "Mardi"),
    ("thursday", "Jeudi"),
    ("friday", "Vendredi"),
]


def own_identity(*, prefix="", birth=True) -> list[dict]:
    """Last name, first names and (optionally) birth date and place, prefilled from the profile."""
    fields = [
        question("short_text", f"{prefix}last_name", "Nom de naissance", prefill="last_name"),
        question("short_text", f"{prefix}first_names", "Prénoms", prefill="first_name"),
    ]
    if birth:
        fields += [
            question(
                "date",
                f"{prefix}birth_date",
                "Date de naissance",
                period="past",
                prefill="birth_date",
            ),
            question(
                "short_text",
                f"{prefix}birth_place",
                "Lieu de naissance",
                prefill="birth_place",
                help_text="Commune et département, ou pays si vous êtes né(e) à l’étranger.",
            ),
        ]
    return fields


def home_address(label="Votre adresse") -> dict:
    return question("address", "home_address", label, prefill="address")


def contact_phone(required=True) -> dict:
    return question(
        "phone",
        "phone",
        "Téléphone",
        prefill="phone",
        required=required,
        help_text="Pour vous joindre si le service a besoin d’une précision.",
    )


def residence_proof() -> dict:
    return files(
        "residence_proof",
        "Justificatif de domicile",
        DOCUMENT_KINDS,
        help_text="Facture d’énergie, d’eau ou de téléphone, avis d’imposition… "
        "de moins de 3 mois.",
    )


# --- The forms


def passport_appointment() -> list[dict]:
    return [
        help_text(
            "<p>Avant de demander un rendez-vous, faites votre pré-demande en ligne sur le site de "
            "l’ANTS : elle vous fait gagner du temps au guichet.</p>"
        ),
        appointment(
            "appointment",
            "Choisissez votre rendez-vous",
            passport_agenda_id(),
            application_ids=True,
            help_text="Chaque personne, même mineure, doit être présente au rendez-vous.",
        ),
        step("Votre demande"),
        choice(
            "document",
            "Quel titre demandez-vous ?",
            [
                ("passport", "Un passeport"),
                ("identity_card", "Une carte nationale d’identité"),
                ("both", "Les deux"),
            ],
        ),
        choice(
            "reason",
            "Motif de la demande",
            [
                ("first", "Première demande"),
                ("renewal", "Renouvellement"),
                ("loss_theft", "Perte ou vol"),
            ],
        ),
        contact_phone(),
    ]


def birth_certificate() -> list[dict]:
    return [
        choice(
            "relationship",
            "Vous êtes",
            [
                ("self", "La personne concernée par l’acte"),
                ("parent", "Son père ou sa mère"),
                ("child", "Son fils ou sa fille"),
                ("spouse", "Son conjoint ou partenaire de Pacs"),
                ("grandparent", "Son grand-parent ou petit-enfant"),
                ("other", "Une autre personne"),
            ],
        ),
        heading("La personne concernée par l’acte"),
        help_text(
            "<p>Nous avons prérempli ces champs avec votre profil : modifiez-les si l’acte "
            "concerne une autre personne.</p>"
        ),
        *own_identity(birth=False),
        question("date", "birth_date", "Date de naissance", period="past", prefill="birth_date"),
        choice(
            "document",
            "Document demandé",
            [
                ("full_copy", "Copie intégrale"),
                ("extract_filiation", "Extrait avec filiation"),
                ("extract", "Extrait sans filiation"),
            ],
        ),
        warning(
            "<p>Une copie intégrale ou un extrait avec filiation n’est délivré qu’à la personne "
            "concernée, à ses ascendants, descendants, conjoint ou partenaire de Pacs.</p>"
        ),
        group(
            "Filiation",
            when("document", "full_copy", "extract_filiation"),
            question("short_text", "parent1_name", "Nom et prénoms du premier parent"),
            question(
                "short_text", "parent2_name", "Nom et prénoms du second parent", required=False
            ),
        ),
        question("number", "copies", "Nombre d’exemplaires", min_value=1, max_value=5),
        choice(
            "delivery",
            "Mode de remise",
            [("post", "Par courrier"), ("counter", "À retirer à l’accueil de la mairie")],
        ),
        question(
            "address",
            "postal_address",
            "Adresse d’envoi",
            prefill="address",
            when=when("delivery", "post"),
        ),
    ]


def road_incident() -> list[dict]:
    return [
        warning("<p>En cas de danger immédiat, appelez le 112 ou la police municipale.</p>"),
        choice(
            "category",
            "Type d’incident",
            [
                ("pothole", "Nid-de-poule ou chaussée dégradée"),
                ("lighting", "Éclairage public en panne"),
                ("signage", "Signalisation ou panneau abîmé"),
                ("dumping", "Dépôt sauvage"),
                ("vegetation", "Végétation gênante"),
                ("other", "Autre"),
            ],
            widget="select",
        ),
        question(
            "long_text",
            "description",
            "Description",
            max_length=2000,
            help_text="Décrivez le problème et, s’il y a lieu, le danger qu’il représente.",
        ),
        question(
            "location",
            "place",
            "Où se situe le problème ?",
            help_text="Indiquez l’adresse ou un repère proche, ou placez le point sur la carte.",
        ),
        files("photo", "Photo", PHOTO_KINDS, required=False),
    ]


def urban_planning_certificate() -> list[dict]:
    return [
        choice(
            "certificate_type",
            "Type de certificat",
            [
                ("information", "Certificat d’information (règles applicables au terrain)"),
                ("operational", "Certificat opérationnel (faisabilité d’un projet)"),
            ],
        ),
        choice(
            "applicant_quality",
            "Vous êtes",
            [
                ("owner", "Propriétaire du terrain"),
                ("buyer", "Futur acquéreur"),
                ("notary", "Notaire"),
                ("other", "Autre"),
            ],
        ),
        heading("Le terrain"),
        question("address", "land_address", "Adresse du terrain"),
        question(
            "short_text",
            "cadastral_reference",
            "Références cadastrales",
            max_length=100,
            help_text="Section et numéro de chaque parcelle, par exemple : AB 123, AB 124.",
        ),
        question("number", "land_area", "Superficie du terrain (m²)", required=False, min_value=1),
        question(
            "long_text",
            "project_description",
            "Description du projet",
            help_text="Construction envisagée, surface de plancher, destination des bâtiments…",
            when=when("certificate_type", "operational"),
        ),
        files(
            "plans",
            "Plans du terrain",
            ["pdf"],
            multiple=True,
            max_size_mb=20,
            help_text="Plan de situation, et pour un certificat opérationnel plan du terrain.",
        ),
    ]


def school_registration() -> list[dict]:
    return [
        step("L’enfant"),
        question("short_text", "child_last_name", "Nom de l’enfant"),
        question("short_text", "child_first_names", "Prénoms de l’enfant"),
        question("date", "child_birth_date", "Date de naissance de l’enfant", period="past"),
        question("short_text", "child_birth_place", "Lieu de naissance de l’enfant"),
        step("Les responsables légaux"),
        heading("Premier responsable légal"),
        *own_identity(prefix="parent1_", birth=False),
        question("email", "parent1_email", "Adresse e-mail", prefill="email"),
        question("phone", "parent1_phone", "Téléphone", prefill="phone"),
        home_address("Adresse de l’enfant"),
        question(
            "yes_no", "second_parent", "Souhaitez-vous indiquer un second responsable légal ?"
        ),
        group(
            "Second responsable légal",
            when("second_parent", "yes"),
            question("short_text", "parent2_last_name", "Nom"),
            question("short_text", "parent2_first_names", "Prénoms"),
            question("phone", "parent2_phone", "Téléphone", required=False),
            question("email", "parent2_email", "Adresse e-mail", required=False),
        ),
        step("École et options"),
        choice("level", "Niveau à la rentrée", SCHOOL_LEVELS, widget="select"),
        choice(
            "school_choice",
            "École demandée",
            [("sector", "L’école de notre secteur"), ("exemption", "Une autre école (dérogation)")],
        ),
        group(
            "Demande de dérogation",
            when("school_choice", "exemption"),
            question("short_text", "wished_school", "École souhaitée"),
            question("long_text", "exemption_reason", "Motif de la demande de dérogation"),
        ),
        question("yes_no", "canteen", "Votre enfant mangera-t-il à la cantine ?"),
        group(
            "Restauration scolaire",
            when("canteen", "yes"),
            choice("canteen_days", "Jours de cantine", SCHOOL_DAYS, multiple=True),
            question(
                "long_text",
                "allergies",
                "Allergies ou régime alimentaire",
                required=False,
                help_text="En cas d’allergie, un projet d’accueil individualisé (PAI) sera mis en "
                "place avec le médecin scolaire.",
            ),
        ),
        question("yes_no", "after_school", "Votre enfant ira-t-il à l’accueil périscolaire ?"),
        residence_proof(),
        files(
            "family_record",
            "Livret de famille ou acte de naissance de l’enfant",
            DOCUMENT_KINDS,
            multiple=True,
        ),
    ]


def public_space_occupation() -> list[dict]:
    return [
        choice(
            "occupation_type",
            "Objet de l’occupation",
            [
                ("terrace", "Terrasse ou étalage"),
                ("scaffolding", "Échafaudage"),
                ("skip", "Benne ou dépôt de matériaux"),
                ("moving", "Véhicule de déménagement"),
                ("other", "Autre"),
            ],
        ),
        choice(
            "applicant_kind",
            "Vous faites la demande en tant que",
            [("private", "Particulier"), ("professional", "Professionnel")],
        ),
        group(
            "Votre entreprise",
            when("applicant_kind", "professional"),
            question("short_text", "company_name", "Raison sociale"),
            question("short_text", "siret", "Numéro SIRET", max_length=14),
        ),
        question("location", "place", "Emplacement"),
        question("number", "area", "Surface occupée (m²)", min_value=1, max_value=500),
        question("date", "start_date", "Premier jour d’occupation", period="future"),
        question("date", "end_date", "Dernier jour d’occupation", period="future"),
        files("location_plan", "Plan de l’emplacement", DOCUMENT_KINDS),
        files("insurance", "Attestation d’assurance responsabilité civile", ["pdf"]),
    ]


def electoral_roll() -> list[dict]:
    return [
        *own_identity(),
        question("short_text", "usage_name", "Nom d’usage", required=False),
        choice(
            "nationality",
            "Nationalité",
            [("french", "Française"), ("eu", "D’un autre pays de l’Union européenne")],
        ),
        home_address(),
        choice(
            "attachment",
            "Votre lien avec la commune",
            [
                ("home", "J’y habite"),
                ("residence", "J’y réside depuis au moins 6 mois"),
                ("taxpayer", "J’y paie des impôts locaux depuis au moins 2 ans"),
            ],
        ),
        files(
            "identity_document",
            "Pièce d’identité",
            DOCUMENT_KINDS,
            help_text="En cours de validité ou expirée depuis moins de 5 ans.",
        ),
        residence_proof(),
    ]


def residence_certificate() -> list[dict]:
    return [
        *own_identity(),
        home_address(),
        question(
            "short_text",
            "purpose",
            "À quoi servira le certificat ?",
            help_text="Par exemple : dossier de retraite, démarche auprès d’un consulat.",
        ),
        files("identity_document", "Pièce d’identité", DOCUMENT_KINDS),
        residence_proof(),
    ]


def noise_complaint() -> list[dict]:
    return [
        warning(
            "<p>Pour un tapage nocturne en cours, appelez la police ou la gendarmerie (17).</p>"
        ),
        choice(
            "noise_type",
            "Type de bruit",
            [
                ("animals", "Aboiements ou cris d’animaux"),
                ("works", "Travaux ou bricolage"),
                ("music", "Musique ou fête"),
                ("business", "Commerce ou activité professionnelle"),
                ("other", "Autre"),
            ],
        ),
        question("location", "place", "D’où vient le bruit ?"),
        choice(
            "periods",
            "À quels moments ?",
            [("day", "En journée"), ("evening", "En soirée"), ("night", "La nuit (22 h – 7 h)")],
            multiple=True,
        ),
        choice(
            "frequency",
            "Fréquence",
            [
                ("daily", "Tous les jours"),
                ("weekly", "Plusieurs fois par semaine"),
                ("occasional", "Occasionnellement"),
            ],
        ),
        question(
            "long_text",
            "description",
            "Description",
            help_text="Depuis quand, à quelles heures, ce que vous avez déjà tenté…",
        ),
        question("yes_no", "amicable_attempt", "Avez-vous déjà tenté une démarche amiable ?"),
    ]


def hall_booking() -> list[dict]:
    return [
        choice(
            "organiser",
            "Vous êtes",
            [("resident", "Un habitant de la commune"), ("association", "Une association")],
        ),
        question(
            "short_text",
            "association_name",
            "Nom de l’association",
            when=when("organiser", "association"),
        ),
        question("date", "event_date", "Date de l’événement", period="future"),
        question("short_text", "event", "Nature de l’événement"),
        question("number", "guests", "Nombre de personnes attendues", min_value=1, max_value=250),
        choice(
            "equipment",
            "Matériel souhaité",
            [("tables", "Tables et chaises"), ("sound", "Sonorisation"), ("kitchen", "Office")],
            multiple=True,
            required=False,
        ),
        contact_phone(),
    ]


def canteen_registration() -> list[dict]:
    return [
        question("short_text", "child_last_name", "Nom de l’enfant"),
        question("short_text", "child_first_names", "Prénoms de l’enfant"),
        question("date", "child_birth_date", "Date de naissance de l’enfant", period="past"),
        choice("level", "Classe", SCHOOL_LEVELS, widget="select"),
        choice("days", "Jours de cantine", SCHOOL_DAYS, multiple=True),
        choice("menu", "Menu", [("standard", "Menu standard"), ("meatless", "Menu sans viande")]),
        question("yes_no", "allergy", "Votre enfant a-t-il une allergie alimentaire ?"),
        group(
            "Allergie",
            when("allergy", "yes"),
            question("long_text", "allergies", "Précisez les allergies"),
            files("pai", "Projet d’accueil individualisé (PAI)", ["pdf"], required=False),
        ),
        files(
            "family_quotient",
            "Attestation de quotient familial (CAF)",
            DOCUMENT_KINDS,
            required=False,
            help_text="Sans attestation, le tarif le plus élevé s’applique.",
        ),
    ]


def social_help() -> list[dict]:
    return [
        choice(
            "help_type",
            "Quelle aide demandez-vous ?",
            [
                ("food", "Aide alimentaire"),
                ("bills", "Aide au paiement d’une facture (énergie, eau, loyer)"),
                ("housing", "Accompagnement pour le logement"),
                ("other", "Autre besoin"),
            ],
        ),
        question(
            "long_text",
            "situation",
            "Votre situation",
            help_text="Expliquez en quelques lignes ce qui vous amène : ces informations restent "
            "confidentielles.",
        ),
        question(
            "number", "household_size", "Nombre de personnes au foyer", min_value=1, max_value=15
        ),
        question(
            "number",
            "monthly_income",
            "Ressources mensuelles du foyer (€)",
            min_value=0,
            decimal_places=2,
        ),
        contact_phone(),
        files(
            "resources",
            "Justificatifs de ressources des 3 derniers mois",
            DOCUMENT_KINDS,
            multiple=True,
        ),
    ]


def waste_badge() -> list[dict]:
    return [
        choice(
            "reason",
            "Motif de la demande",
            [
                ("first", "Première demande"),
                ("lost", "Badge perdu ou abîmé"),
                ("moving", "Changement d’adresse"),
            ],
        ),
        home_address(),
        question(
            "short_text",
            "plate",
            "Immatriculation du véhicule",
            max_length=12,
            help_text="Par exemple : AB-123-CD.",
        ),
        residence_proof(),
    ]


def composter() -> list[dict]:
    return [
        choice("housing", "Type de logement", [("house", "Maison"), ("flat", "Appartement")]),
        warning(
            "<p>En appartement, le compostage se fait en pied d’immeuble : demandez d’abord "
            "l’accord de votre syndic ou bailleur.</p>"
        ),
        choice(
            "size",
            "Taille du composteur",
            [
                ("small", "300 litres (jardin jusqu’à 500 m²)"),
                ("large", "600 litres (grand jardin)"),
            ],
        ),
        home_address(),
        contact_phone(),
    ]


def waste_bin() -> list[dict]:
    return [
        choice(
            "reason",
            "Motif de la demande",
            [
                ("new", "Nouvel arrivant"),
                ("broken", "Bac cassé"),
                ("stolen", "Bac volé"),
                ("size", "Changement de taille"),
            ],
        ),
        choice(
            "bin_type",
            "Type de bac",
            [("household", "Ordures ménagères"), ("recycling", "Emballages et papiers")],
        ),
        question(
            "number", "household_size", "Nombre de personnes au foyer", min_value=1, max_value=15
        ),
        files("photo", "Photo du bac cassé", PHOTO_KINDS, when=when("reason", "broken")),
        home_address(),
    ]
