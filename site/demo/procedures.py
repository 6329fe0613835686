"""The demo's procedures and which collectivity offers each of them.

A procedure made at the counter is made at the town hall of the collectivity that offers it:
its place and hours are taken from the collectivity's contact details.
"""

from collections.abc import Callable
from dataclasses import dataclass

from . import forms


@dataclass(frozen=True)
class DemoProcedure:
    slug: str
    title: str
    summary: str
    rubrics: tuple[str, ...]
    eligibility: str  # HTML
    documents: tuple[tuple[str, str], ...]  # (document, details)
    processing_time: str
    form: Callable[[], list[dict]] | None = None  # None: made at the counter
    counter_hours: str = ""  # at the counter: when, if not the collectivity's opening hours
    is_incident_report: bool = False

    @property
    def online(self) -> bool:
        return self.form is not None


PASSPORT = DemoProcedure(
    slug="rendez-vous-passeport-carte-identite",
    title="Rendez-vous pour un passeport ou une carte d’identité",
    summary="Demandez un rendez-vous en mairie pour déposer votre demande de passeport ou de carte "
    "nationale d’identité, après avoir fait votre pré-demande en ligne.",
    rubrics=("etat-civil", "rendez-vous"),
    eligibility="<p>Toute personne, quelle que soit sa commune de résidence. Un mineur est "
    "accompagné d’une personne qui exerce l’autorité parentale.</p>",
    documents=(
        ("Numéro de pré-demande", "À faire sur le site de l’ANTS avant le rendez-vous"),
        ("Photo d’identité", "De moins de 6 mois, conforme aux normes"),
        ("Justificatif de domicile", "De moins d’un an"),
        ("Ancien titre", "Pour un renouvellement"),
        ("Timbre fiscal", "Pour un passeport, ou une carte d’identité perdue ou volée"),
    ),
    processing_time="Rendez-vous proposé sous 3 semaines environ",
    form=forms.passport_appointment,
)

BIRTH_CERTIFICATE = DemoProcedure(
    slug="copie-acte-de-naissance",
    title="Demande de copie d’acte de naissance",
    summary="Recevez une copie intégrale ou un extrait d’acte de naissance d’une personne née "
    "dans la commune, par courrier ou à retirer en mairie.",
    rubrics=("etat-civil",),
    eligibility="<p>La personne concernée, ses parents, grands-parents, enfants, son conjoint ou "
    "partenaire de Pacs. Toute personne peut demander un extrait sans filiation.</p>",
    documents=(
        ("Identité de la personne concernée", "Nom de naissance, prénoms et date de naissance"),
        ("Noms de ses parents", "Pour une copie intégrale ou un extrait avec filiation"),
    ),
    processing_time="Envoi sous 5 jours ouvrés ; service gratuit",
    form=forms.birth_certificate,
)

ROAD_INCIDENT = DemoProcedure(
    slug="signalement-incident-voirie",
    title="Signaler un incident sur la voirie",
    summary="Nid-de-poule, éclairage public en panne, panneau abîmé, dépôt sauvage : signalez un "
    "problème sur la voie publique pour que les services techniques interviennent.",
    rubrics=("voirie",),
    eligibility="<p>Tout usager de la voie publique.</p>",
    documents=(("Une photo du problème", "Facultative, elle aide les services à intervenir"),),
    processing_time="Prise en compte sous 48 heures ; intervention selon l’urgence",
    form=forms.road_incident,
    is_incident_report=True,
)

URBAN_PLANNING_CERTIFICATE = DemoProcedure(
    slug="certificat-urbanisme",
    title="Demande de certificat d’urbanisme",
    summary="Connaissez les règles d’urbanisme qui s’appliquent à un terrain, ou vérifiez "
    "qu’un projet de construction y est réalisable.",
    rubrics=("urbanisme",),
    eligibility="<p>Toute personne, propriétaire ou non du terrain : notaire, acquéreur, "
    "vendeur…</p>",
    documents=(
        ("Plan de situation du terrain", "Au format PDF"),
        ("Plan du terrain et note descriptive du projet", "Pour un certificat opérationnel"),
        ("Références cadastrales", "Indiquées sur le relevé de propriété ou sur cadastre.gouv.fr"),
    ),
    processing_time="1 mois pour un certificat d’information, 2 mois pour un certificat "
    "opérationnel",
    form=forms.urban_planning_certificate,
)

SCHOOL_REGISTRATION = DemoProcedure(
    slug="inscription-scolaire",
    title="Inscription scolaire",
    summary="Inscrivez votre enfant dans une école maternelle ou élémentaire publique de la "
    "commune pour la prochaine rentrée.",
    rubrics=("enfance",),
    eligibility="<p>Les parents ou responsables légaux d’un enfant qui a 3 ans dans l’année ou "
    "plus, domiciliés dans la commune.</p>",
    documents=(
        ("Livret de famille ou acte de naissance de l’enfant", ""),
        ("Justificatif de domicile", "De moins de 3 mois"),
        ("Carnet de santé", "Pages des vaccinations obligatoires"),
        ("Jugement de séparation ou de divorce", "S’il y a lieu"),
    ),
    processing_time="Réponse sous 3 semaines ; le certificat d’inscription vous est envoyé",
    form=forms.school_registration,
)

PUBLIC_SPACE = DemoProcedure(
    slug="occupation-domaine-public",
    title="Autorisation d’occupation du domaine public",
    summary="Terrasse, échafaudage, benne, déménagement : demandez l’autorisation d’occuper "
    "temporairement le trottoir ou la chaussée.",
    rubrics=("voirie", "urbanisme"),
    eligibility="<p>Les particuliers et les professionnels (commerçants, entreprises du "
    "bâtiment, déménageurs).</p>",
    documents=(
        ("Plan de l’emplacement", "Avec les dimensions de l’espace occupé"),
        ("Attestation d’assurance responsabilité civile", ""),
        ("Numéro SIRET", "Pour un professionnel"),
    ),
    processing_time="Faites la demande au moins 15 jours avant le début de l’occupation",
    form=forms.public_space_occupation,
)

ELECTORAL_ROLL = DemoProcedure(
    slug="inscription-listes-electorales",
    title="Inscription sur les listes électorales",
    summary="Inscrivez-vous sur la liste électorale de la commune pour voter, après un "
    "déménagement ou à votre majorité.",
    rubrics=("citoyennete",),
    eligibility="<p>Les Français majeurs, et les citoyens de l’Union européenne pour les "
    "élections municipales et européennes, qui ont une attache avec la commune : domicile, "
    "résidence ou impôts locaux.</p>",
    documents=(
        ("Pièce d’identité", "En cours de validité ou expirée depuis moins de 5 ans"),
        ("Justificatif de domicile", "De moins de 3 mois"),
    ),
    processing_time="Confirmation sous 5 jours ; possible jusqu’au 6e vendredi avant un scrutin",
    form=forms.electoral_roll,
)

MARRIAGE = DemoProcedure(
    slug="dossier-mariage",
    title="Dépôt d’un dossier de mariage",
    summary="Déposez en mairie, en présence des deux futurs époux, le dossier de mariage au "
    "moins deux mois avant la date souhaitée.",
    rubrics=("etat-civil",),
    eligibility="<p>Les futurs époux, dont l’un au moins a un lien durable avec la commune : "
    "domicile ou résidence de l’un d’eux ou de l’un de leurs parents.</p>",
    documents=(
        ("Copie intégrale d’acte de naissance de chaque futur époux", "De moins de 3 mois"),
        ("Pièce d’identité de chaque futur époux", ""),
        ("Justificatif de domicile", "De moins de 3 mois"),
        ("Identité des témoins", "Nom, prénoms, date et lieu de naissance, adresse"),
    ),
    processing_time="Publication des bans au moins 10 jours avant la cérémonie",
    counter_hours="Sur rendez-vous, du lundi au vendredi",
)

CANTEEN = DemoProcedure(
    slug="inscription-restauration-scolaire",
    title="Inscription à la cantine scolaire",
    summary="Inscrivez votre enfant au restaurant scolaire pour l’année, tous les jours ou "
    "certains jours de la semaine.",
    rubrics=("enfance",),
    eligibility="<p>Les familles dont l’enfant est scolarisé dans une école publique de la "
    "commune.</p>",
    documents=(
        ("Attestation de quotient familial", "Délivrée par la CAF, pour le tarif adapté"),
        ("Projet d’accueil individualisé (PAI)", "En cas d’allergie alimentaire"),
    ),
    processing_time="Inscription effective sous 5 jours ouvrés",
    form=forms.canteen_registration,
)

RESIDENCE_CERTIFICATE = DemoProcedure(
    slug="certificat-de-residence",
    title="Demande de certificat de résidence",
    summary="Obtenez un certificat de résidence, demandé par certaines administrations "
    "étrangères ou caisses de retraite.",
    rubrics=("citoyennete",),
    eligibility="<p>Les personnes qui résident dans la commune.</p>",
    documents=(
        ("Pièce d’identité", "En cours de validité"),
        ("Justificatif de domicile", "De moins de 3 mois"),
    ),
    processing_time="Certificat envoyé sous 5 jours ouvrés",
    form=forms.residence_certificate,
)

NOISE = DemoProcedure(
    slug="signalement-nuisances-sonores",
    title="Signaler des nuisances sonores",
    summary="Aboiements, travaux hors des horaires autorisés, musique la nuit : signalez un "
    "bruit de voisinage répété à la police municipale.",
    rubrics=("voirie",),
    eligibility="<p>Toute personne gênée par un bruit de voisinage dans la commune.</p>",
    documents=(
        ("Dates et heures des nuisances", "Notez-les pendant quelques jours"),
        ("Courrier à l’auteur du bruit", "Si vous avez déjà tenté une démarche amiable"),
    ),
    processing_time="Prise de contact de la police municipale sous 1 semaine",
    form=forms.noise_complaint,
)

HALL_BOOKING = DemoProcedure(
    slug="reservation-salle-des-fetes",
    title="Réservation de la salle des fêtes",
    summary="Réservez la salle des fêtes pour une fête de famille ou un événement associatif.",
    rubrics=("associations",),
    eligibility="<p>Les habitants de la commune et les associations qui y ont leur siège.</p>",
    documents=(
        ("Attestation d’assurance", "Responsabilité civile pour la durée de la location"),
        ("Chèque de caution", "Remis à la signature de la convention"),
    ),
    processing_time="Réponse sous 10 jours selon les disponibilités",
    form=forms.hall_booking,
)

SOCIAL_HELP = DemoProcedure(
    slug="demande-aide-sociale-ccas",
    title="Demande d’aide sociale auprès du CCAS",
    summary="Vous traversez une difficulté passagère ? Le centre communal d’action sociale "
    "peut vous accorder une aide alimentaire ou une aide au paiement d’une facture.",
    rubrics=("solidarites",),
    eligibility="<p>Les personnes qui résident dans la commune, seules ou en famille, et "
    "traversent une difficulté financière ou sociale.</p>",
    documents=(
        ("Justificatifs de ressources", "Des 3 derniers mois : salaires, allocations, pensions"),
        ("Dernier avis d’imposition", ""),
        ("Facture ou échéancier concerné", "Pour une aide au paiement"),
    ),
    processing_time="Un travailleur social vous contacte sous 10 jours",
    form=forms.social_help,
)

CENSUS = DemoProcedure(
    slug="recensement-citoyen",
    title="Recensement citoyen obligatoire",
    summary="À 16 ans, faites-vous recenser en mairie : l’attestation de recensement est "
    "demandée pour s’inscrire aux examens et au permis de conduire.",
    rubrics=("citoyennete",),
    eligibility="<p>Les jeunes Français dans les 3 mois qui suivent leur 16e anniversaire, ou "
    "leur représentant légal.</p>",
    documents=(
        ("Pièce d’identité", "Carte d’identité ou passeport"),
        ("Livret de famille", "À jour"),
    ),
    processing_time="Attestation remise sur place",
)

WASTE_BADGE = DemoProcedure(
    slug="badge-acces-decheteries",
    title="Badge d’accès aux déchèteries",
    summary="Demandez le badge gratuit qui vous ouvre l’accès aux déchèteries du Pays "
    "Voironnais ; il vous est envoyé par courrier.",
    rubrics=("dechets",),
    eligibility="<p>Les particuliers qui habitent l’une des communes du Pays Voironnais.</p>",
    documents=(
        ("Justificatif de domicile", "De moins de 3 mois"),
        ("Carte grise du véhicule", "Le badge est lié à son immatriculation"),
    ),
    processing_time="Badge envoyé sous 15 jours",
    form=forms.waste_badge,
)

COMPOSTER = DemoProcedure(
    slug="demande-composteur",
    title="Demande de composteur",
    summary="Réduisez vos déchets : le Pays Voironnais vous fournit un composteur en bois, "
    "à retirer lors d’une distribution.",
    rubrics=("dechets",),
    eligibility="<p>Les habitants du Pays Voironnais qui ont un jardin, ou dont la copropriété "
    "accepte un composteur partagé.</p>",
    documents=(("Accord du syndic ou du bailleur", "Pour un composteur en pied d’immeuble"),),
    processing_time="Invitation à une distribution sous 1 à 2 mois",
    form=forms.composter,
)

WASTE_BIN = DemoProcedure(
    slug="bac-ordures-menageres",
    title="Demande ou remplacement de bac de collecte",
    summary="Nouvel arrivant, bac cassé ou volé, foyer qui s’agrandit : demandez un bac à "
    "ordures ménagères ou à emballages.",
    rubrics=("dechets",),
    eligibility="<p>Les habitants du Pays Voironnais en habitat individuel.</p>",
    documents=(("Photo du bac cassé", "Pour un remplacement"),),
    processing_time="Livraison sous 3 semaines",
    form=forms.waste_bin,
)

# By collectivity slug: the procedures it offers.
OFFERS = {
    "pays-voironnais": [WASTE_BADGE, COMPOSTER, WASTE_BIN],
    "voiron": [
        PASSPORT,
        BIRTH_CERTIFICATE,
        ROAD_INCIDENT,
        URBAN_PLANNING_CERTIFICATE,
        SCHOOL_REGISTRATION,
        PUBLIC_SPACE,
        ELECTORAL_ROLL,
        MARRIAGE,
    ],
    "saint-etienne-de-crossey": [
        CANTEEN,
        RESIDENCE_CERTIFICATE,
        NOISE,
        HALL_BOOKING,
        ELECTORAL_ROLL,
    ],
    "saint-laurent-du-pont": [
        SOCIAL_HELP,
        BIRTH_CERTIFICATE,
        ROAD_INCIDENT,
        RESIDENCE_CERTIFICATE,
        CENSUS,
    ],
}
