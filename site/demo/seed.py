"""Writes the demo data, creating only what is missing.

Objects are looked up by stable keys: a collectivity by its official code, a rubric by its slug,
a procedure by its slug in the catalogue, a home page's highlighted procedures by block type,
an account by its email address. What exists is left as it is: a second run adds no row, no
page revision and changes no password.
"""

import logging
from collections import Counter
from dataclasses import dataclass
from functools import cache

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from citizen_space.models import CitizenProfile
from commune_sites.models import Collectivity
from commune_sites.services import collectivity_provision
from pages import defaults
from pages.models import CataloguePage, CommuneHomePage, ProcedurePage, Rubric
from pages.services import portal_directory_ensure

from .accounts import AGENT, CITIZEN, EDITOR, SUPERUSER, DemoAccount
from .agendas import PASSPORT_AGENDA, agenda_ensure, meeting_point_ensure
from .collectivities import COLLECTIVITIES, EXTRA_RUBRICS, DemoCollectivity
from .history import history_ensure
from .procedures import OFFERS, PASSPORT, DemoProcedure

logger = logging.getLogger(__name__)

HIGHLIGHTED_HEADING = "Démarches les plus demandées"


@dataclass(frozen=True)
class SeedResult:
    collectivities: list[Collectivity]
    accounts: list[DemoAccount]
    created: Counter  # how many objects of each kind (in French) this run created


@transaction.atomic
def demo_seed() -> SeedResult:
    """Create the demo data that is missing: directory, collectivities, procedures, accounts,
    past requests."""
    created = Counter()
    portal_directory_ensure()
    by_slug: dict[str, Collectivity] = {}
    for demo in COLLECTIVITIES:
        by_slug[demo.slug] = _collectivity(demo, by_slug, created)
    passport_agenda = agenda_ensure(PASSPORT_AGENDA, created)  # before the forms that book it
    for demo in COLLECTIVITIES:
        collectivity = by_slug[demo.slug]
        if collectivity.is_commune:
            _extra_rubrics(collectivity, created)
        pages = {p.slug: _procedure(collectivity, p, created) for p in OFFERS[demo.slug]}
        _highlight(collectivity, [pages[slug] for slug in demo.highlighted], created)
        if demo.slug == PASSPORT_AGENDA.collectivity:
            meeting_point_ensure(passport_agenda, pages[PASSPORT.slug], created)
    agents = [AGENT.account(demo.slug, demo.name) for demo in COLLECTIVITIES]
    editors = [EDITOR.account(demo.slug, demo.name) for demo in COLLECTIVITIES]
    accounts = [SUPERUSER, *editors, *agents, CITIZEN]
    users = {account.email: _account(account, by_slug, created) for account in accounts}
    for account in agents:  # past requests, decided by the collectivity's agent
        history_ensure(by_slug[account.agent_of], users[account.email], created)
    return SeedResult(list(by_slug.values()), accounts, created)


def _collectivity(
    demo: DemoCollectivity, by_slug: dict[str, Collectivity], created: Counter
) -> Collectivity:
    if not Collectivity.objects.filter(code=demo.code).exists():
        created["collectivités"] += 1
    # Idempotent: an existing collectivity only gets the parts it misses (site, groups…).
    return collectivity_provision(
        kind=demo.kind,
        name=demo.name,
        code=demo.code,
        slug=demo.slug,
        postal_codes=demo.postal_codes,
        intercommunality=by_slug.get(demo.intercommunality),
        address=demo.address,
        phone=demo.phone,
        email=demo.email,
        opening_hours=demo.opening_hours,
        website=demo.website,
    )


def _extra_rubrics(collectivity: Collectivity, created: Counter) -> None:
    existing = set(collectivity.rubrics.values_list("slug", flat=True))
    for order, (slug, name, description, icon) in enumerate(EXTRA_RUBRICS, len(defaults.RUBRICS)):
        if slug in existing:
            continue
        rubric = Rubric(
            collectivity=collectivity,
            slug=slug,
            name=name,
            description=description,
            icon=icon,
            sort_order=order,
        )
        rubric.full_clean()
        rubric.save()
        created["rubriques"] += 1


def _procedure(collectivity: Collectivity, demo: DemoProcedure, created: Counter) -> int:
    """The id of the procedure page `demo.slug` of the collectivity's catalogue, made if missing."""
    catalogue = CataloguePage.objects.child_of(collectivity.site.root_page).get()
    existing = catalogue.get_children().filter(slug=demo.slug).values_list("pk", flat=True)
    if existing:
        logger.debug("Procedure %s of %s exists: skipped.", demo.slug, collectivity)
        return existing[0]
    page = ProcedurePage(
        title=demo.title,
        slug=demo.slug,
        summary=demo.summary,
        eligibility=demo.eligibility,
        documents=[
            {"type": "document", "value": {"name": name, "details": details}}
            for name, details in demo.documents
        ],
        processing_time=demo.processing_time,
        online=demo.online,
        counter_place="" if demo.online else collectivity.address,
        counter_hours="" if demo.online else demo.counter_hours or collectivity.opening_hours,
        is_incident_report=demo.is_incident_report,
        form=_checked_form(demo),
    )
    page.rubrics = list(collectivity.rubrics.filter(slug__in=demo.rubrics))
    catalogue.add_child(instance=page)
    page.save_revision().publish()
    created["démarches"] += 1
    return page.pk


def _checked_form(demo: DemoProcedure):
    """The form's StreamField value, validated as the admin does before publishing."""
    if demo.form is None:
        return []
    block = ProcedurePage._meta.get_field("form").stream_block
    return block.clean(block.to_python(demo.form()))


def _highlight(collectivity: Collectivity, procedure_ids: list[int], created: Counter) -> None:
    """Put the procedures forward on the home page, below the search, unless it already does."""
    home = collectivity.site.root_page.specific
    if not isinstance(home, CommuneHomePage) or any(
        child.block_type == "highlighted_procedures" for child in home.body
    ):
        return
    block = home.body.stream_block.child_blocks["highlighted_procedures"]
    value = block.to_python({"heading": HIGHLIGHTED_HEADING, "procedures": procedure_ids})
    types = [child.block_type for child in home.body]
    position = types.index("procedure_search") + 1 if "procedure_search" in types else 0
    home.body.insert(position, ("highlighted_procedures", value))
    home.save_revision().publish()
    created["pages d’accueil"] += 1


def _account(account: DemoAccount, by_slug: dict[str, Collectivity], created: Counter):
    """The account's user, made if missing, in its groups."""
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=account.email).first()
    if user is None:
        user = user_model(
            username=account.email,
            email=account.email,
            first_name=account.first_name,
            last_name=account.last_name,
            is_staff=account.superuser,
            is_superuser=account.superuser,
        )
        user.password = _password_hash(account.password)
        user.save()
        created["comptes"] += 1
    if account.editor_of:
        user.groups.add(by_slug[account.editor_of].editors_group)
    if account.agent_of:
        user.groups.add(by_slug[account.agent_of].agents_group)
    if not EmailAddress.objects.filter(user=user, email__iexact=account.email).exists():
        has_primary = EmailAddress.objects.filter(user=user, primary=True).exists()
        EmailAddress.objects.create(
            user=user, email=account.email, verified=True, primary=not has_primary
        )
    if account.profile:
        CitizenProfile.objects.get_or_create(user=user, defaults=account.profile)
    return user


@cache
def _password_hash(password: str) -> str:
    """Hashed once per password: the editors share theirs, and each hash takes a while."""
    return make_password(password)
