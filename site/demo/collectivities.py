"""The demo's collectivities: an intercommunality, two of its communes and a commune on its own.

Names and official codes are real (the SIREN is made up, with a right check digit); phone
numbers are in the 04 65 71 range that ARCEP sets aside for fiction.
"""

from dataclasses import dataclass

from pages.icons import Icon

OPENING_HOURS = (
    "Du lundi au vendredi : 8 h 30 – 12 h et 13 h 30 – 17 h\n"
    "Samedi : 9 h – 12 h (état civil uniquement)"
)


@dataclass(frozen=True)
class DemoCollectivity:
    kind: str
    name: str
    slug: str
    code: str
    address: str
    phone: str
    opening_hours: str
    postal_codes: str = ""
    intercommunality: str = ""  # slug of the intercommunality it belongs to
    # Slugs of its procedures shown on its home page.
    highlighted: tuple[str, ...] = ()

    @property
    def email(self) -> str:
        return f"mairie@{self.slug}.example.fr"

    @property
    def website(self) -> str:
        return f"https://www.{self.slug}.example.fr/"


PAYS_VOIRONNAIS = DemoCollectivity(
    kind="intercommunality",
    name="Communauté d’agglomération du Pays Voironnais",
    slug="pays-voironnais",
    code="200044279",
    address="40 rue Mainssieux\nCS 80363\n38516 Voiron Cedex",
    phone="04 65 71 00 10",
    opening_hours="Du lundi au vendredi : 8 h 30 – 12 h et 13 h 30 – 17 h",
    highlighted=("badge-acces-decheteries", "demande-composteur", "bac-ordures-menageres"),
)

COLLECTIVITIES = [
    PAYS_VOIRONNAIS,
    DemoCollectivity(
        kind="commune",
        name="Voiron",
        slug="voiron",
        code="38563",
        postal_codes="38500",
        intercommunality=PAYS_VOIRONNAIS.slug,
        address="Hôtel de ville\nPlace Jacques-Antoine Gau\n38500 Voiron",
        phone="04 65 71 00 20",
        opening_hours=OPENING_HOURS,
        highlighted=(
            "rendez-vous-passeport-carte-identite",
            "copie-acte-de-naissance",
            "signalement-incident-voirie",
            "inscription-scolaire",
        ),
    ),
    DemoCollectivity(
        kind="commune",
        name="Saint-Étienne-de-Crossey",
        slug="saint-etienne-de-crossey",
        code="38386",
        postal_codes="38960",
        intercommunality=PAYS_VOIRONNAIS.slug,
        address="Mairie\n1 place de la Mairie\n38960 Saint-Étienne-de-Crossey",
        phone="04 65 71 00 30",
        opening_hours=(
            "Lundi, mardi, jeudi et vendredi : 8 h 30 – 12 h\nMercredi : 14 h – 18 h 30"
        ),
        highlighted=(
            "inscription-restauration-scolaire",
            "signalement-nuisances-sonores",
            "reservation-salle-des-fetes",
        ),
    ),
    DemoCollectivity(
        kind="commune",
        name="Saint-Laurent-du-Pont",
        slug="saint-laurent-du-pont",
        code="38412",
        postal_codes="38380",
        address="Mairie\n2 place de la Mairie\n38380 Saint-Laurent-du-Pont",
        phone="04 65 71 00 40",
        opening_hours=OPENING_HOURS,
        highlighted=(
            "demande-aide-sociale-ccas",
            "copie-acte-de-naissance",
            "signalement-incident-voirie",
        ),
    ),
]

# A rubric the default ones lack, given to every commune: (slug, name, description, icon).
EXTRA_RUBRICS = [
    (
        "solidarites",
        "Solidarités",
        "Aide sociale, centre communal d’action sociale (CCAS), accompagnement des aînés",
        Icon.FAMILY,
    ),
]
