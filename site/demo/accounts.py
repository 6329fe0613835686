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


@dataclass(frozen=True)
class StaffRole:
    """The demo accounts of one staff role, one per collectivity."""

    label: str
    mailbox: str  # the address is <mailbox>@<slug>.example.fr
    password: str
    group: str  # the DemoAccount field naming the collectivity whose group they join
    names: dict[str, tuple[str, str]]  # first and last name, by collectivity slug

    def account(self, slug: str, name: str) -> DemoAccount:
        first_name, last_name = self.names[slug]
        return DemoAccount(
            role=f"{self.label} – {name}",
            email=f"{self.mailbox}@{slug}.example.fr",
            password=self.password,
            first_name=first_name,
            last_name=last_name,
            **{self.group: slug},
        )


EDITOR = StaffRole(
    label="Éditeur",
    mailbox="communication",
    password="demo-editeur-2026",
    group="editor_of",
    names={
        "pays-voironnais": ("Julien", "Roux"),
        "voiron": ("Claire", "Fontaine"),
        "saint-etienne-de-crossey": ("Nadia", "Benali"),
        "saint-laurent-du-pont": ("Pierre", "Girard"),
    },
)
AGENT = StaffRole(
    label="Agent",
    mailbox="agent",
    password="demo-agent-2026",
    group="agent_of",
    names={
        "pays-voironnais": ("Sophie", "Lambert"),
        "voiron": ("Karim", "Haddad"),
        "saint-etienne-de-crossey": ("Élodie", "Marchand"),
        "saint-laurent-du-pont": ("Thomas", "Vidal"),
    },
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
