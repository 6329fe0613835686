"""The demo's accounts: a superuser, an editor and an agent per collectivity, a citizen with a
filled profile.

The username is the email address, so the same identifier signs in to the Wagtail admin and
to the portal. Passwords are set only when an account is created.
"""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoAccount:
    role: str  # shown in the printed list of logins
    email: str
    password: str
    first_name: str
    last_name: str
    superuser: bool = False
    editor_of: str = ""  # slug of the collectivity whose editors group the account joins
    agent_of: str = ""  # slug of the collectivity whose agents group the account joins
    profile: dict = field(default_factory=dict)  # CitizenProfile fields


SUPERUSER = DemoAccount(
    role="Super-administrateur",
    email="admin@portal.example.fr",
    password="demo-admin-2026",
    first_name="Alex",
    last_name="Administrateur",
    superuser=True,
)

EDITOR_PASSWORD = "demo-editeur-2026"
EDITOR_NAMES = {
    "pays-voironnais": ("Julien", "Roux"),
    "voiron": ("Claire", "Fontaine"),
    "saint-etienne-de-crossey": ("Nadia", "Benali"),
    "saint-laurent-du-pont": ("Pierre", "Girard"),
}
AGENT_PASSWORD = "demo-agent-2026"
AGENT_NAMES = {
    "pays-voironnais": ("Sophie", "Lambert"),
    "voiron": ("Karim", "Haddad"),
    "saint-etienne-de-crossey": ("Élodie", "Marchand"),
    "saint-laurent-du-pont": ("Thomas", "Vidal"),
}


def editor(slug: str, name: str) -> DemoAccount:
    return _staff(
        f"Éditeur – {name}",
        f"communication@{slug}.example.fr",
        EDITOR_PASSWORD,
        EDITOR_NAMES[slug],
        editor_of=slug,
    )


def agent(slug: str, name: str) -> DemoAccount:
    return _staff(
        f"Agent – {name}",
        f"agent@{slug}.example.fr",
        AGENT_PASSWORD,
        AGENT_NAMES[slug],
        agent_of=slug,
    )


def _staff(role: str, email: str, password: str, names: tuple[str, str], **group) -> DemoAccount:
    first_name, last_name = names
    return DemoAccount(
        role=role,
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        **group,
    )


CITIZEN = DemoAccount(
    role="Citoyenne",
    email="camille.martin@example.fr",
    password="demo-citoyen-2026",
    first_name="Camille",
    last_name="Martin",
    profile={
        "civility": "mme",
        "first_name": "Camille",
        "last_name": "Martin",
        "birth_date": datetime.date(1988, 4, 12),
        "birth_place": "Grenoble (Isère)",
        "phone": "+33612345678",
        "street": "12 rue de la République",
        "postal_code": "38500",
        "city": "Voiron",
    },
)
