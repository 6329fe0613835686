"""`manage.py seed_demo`: the demo's collectivities, procedures, forms and accounts; run twice."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from wagtail.models import Revision

from citizen_space.models import CitizenProfile, StatusChange, Submission
from citizen_space.statistics.selectors import collectivity_statistics
from citizen_space.workflow import DECIDED, Status
from commune_sites.models import Collectivity
from forms_builder.blocks import form_problems
from forms_builder.engine import build_step_form
from forms_builder.snapshot import form_snapshot, step_count
from pages.models import FaqPage, ProcedurePage
from portal.demo.history import RESIDENTS, resident_email

pytestmark = pytest.mark.django_db

CATALOGUE = "/demarches/"
LOGINS = [
    ("admin@portal.example.fr", "demo-admin-2026"),
    ("communication@voiron.example.fr", "demo-editeur-2026"),
    ("communication@saint-etienne-de-crossey.example.fr", "demo-editeur-2026"),
    ("communication@saint-laurent-du-pont.example.fr", "demo-editeur-2026"),
    ("communication@pays-voironnais.example.fr", "demo-editeur-2026"),
    ("agent@voiron.example.fr", "demo-agent-2026"),
    ("agent@saint-etienne-de-crossey.example.fr", "demo-agent-2026"),
    ("agent@saint-laurent-du-pont.example.fr", "demo-agent-2026"),
    ("agent@pays-voironnais.example.fr", "demo-agent-2026"),
    ("camille.martin@example.fr", "demo-citoyen-2026"),
]


def host(slug: str) -> str:
    return f"{slug}.portal.localhost:8000"


def procedure(collectivity_slug: str, slug: str) -> ProcedurePage:
    return ProcedurePage.objects.get(collectivity__slug=collectivity_slug, slug=slug)


def snapshot_of(collectivity_slug: str, slug: str) -> dict:
    return form_snapshot(procedure(collectivity_slug, slug).form)


def test_four_collectivities_with_their_sites_and_one_intercommunality(demo):
    collectivities = {c.slug: c for c in Collectivity.objects.select_related("site")}
    assert sorted(collectivities) == [
        "pays-voironnais",
        "saint-etienne-de-crossey",
        "saint-laurent-du-pont",
        "voiron",
    ]
    assert all(c.site.hostname == f"{slug}.portal.localhost" for slug, c in collectivities.items())
    intercommunality = collectivities["pays-voironnais"]
    assert intercommunality.kind == Collectivity.Kind.INTERCOMMUNALITY
    members = intercommunality.members.order_by("slug").values_list("name", flat=True)
    assert list(members) == ["Saint-Étienne-de-Crossey", "Voiron"]
    assert collectivities["saint-laurent-du-pont"].intercommunality is None
    voiron = collectivities["voiron"]
    assert (voiron.code, voiron.postal_codes, voiron.email) == (
        "38563",
        "38500",
        "mairie@voiron.example.fr",
    )


def test_procedures_are_live_and_spread_over_the_collectivities(demo):
    live = ProcedurePage.objects.live()
    assert live.count() >= 12
    per_collectivity = {
        c.slug: live.filter(collectivity=c).count() for c in Collectivity.objects.all()
    }
    assert all(count >= 3 for count in per_collectivity.values()), per_collectivity
    waste = live.filter(collectivity__slug="pays-voironnais").values_list("title", flat=True)
    assert {"Badge d’accès aux déchèteries", "Demande de composteur"} <= set(waste)
    marriage = procedure("voiron", "dossier-mariage")
    assert not marriage.online
    assert "Place Jacques-Antoine Gau" in marriage.counter_place


def test_procedures_are_filed_under_their_collectivity_rubrics(demo):
    for page in ProcedurePage.objects.prefetch_related("rubrics"):
        rubrics = list(page.rubrics.all())
        assert rubrics, f"{page.slug} of {page.collectivity} has no rubric"
        assert {r.collectivity_id for r in rubrics} == {page.collectivity_id}
    help_ = procedure("saint-laurent-du-pont", "demande-aide-sociale-ccas")
    assert [r.name for r in help_.rubrics.all()] == ["Solidarités"]


def test_every_collectivity_has_a_faq_of_at_least_eight_questions(demo):
    faqs = FaqPage.objects.live()
    assert faqs.count() == 4
    for faq in faqs:
        questions = [q for section in faq.body for q in section.value["questions"]]
        assert len(questions) >= 8, faq.collectivity


def test_home_pages_put_procedures_forward(demo, client):
    response = client.get("/", HTTP_HOST=host("voiron"))
    assert response.status_code == 200
    assert "Démarches les plus demandées" in response.text
    assert "Demande de copie d’acte de naissance" in response.text


def test_a_member_commune_catalogue_lists_the_intercommunality_procedures(demo, client):
    member = client.get(CATALOGUE, HTTP_HOST=host("voiron"))
    assert member.status_code == 200
    assert "Badge" in member.text
    outsider = client.get(CATALOGUE, HTTP_HOST=host("saint-laurent-du-pont"))
    assert outsider.status_code == 200
    assert "Badge" not in outsider.text


def test_every_procedure_form_builds_step_by_step(demo):
    online = ProcedurePage.objects.filter(online=True)
    assert online.count() >= 12
    for page in online:
        assert form_problems(page.form) == [], page.slug
        snapshot = form_snapshot(page.form)
        for index in range(step_count(snapshot)):
            form = build_step_form(snapshot, index)
            assert form.fields, f"step {index + 1} of {page.slug} asks nothing"


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def test_school_registration_has_three_steps_and_asks_allergies_for_the_canteen(demo):
    snapshot = snapshot_of("voiron", "inscription-scolaire")
    titles = [step["title"] for step in snapshot["steps"]]
    assert titles == ["L’enfant", "Les responsables légaux", "École et options"]
    data = {"level": "cp", "school_choice": "sector", "after_school": "no", "allergies": "Arachide"}

    def last_step(**answers):
        files = MultiValueDict({"residence_proof": [pdf("a.pdf")], "family_record": [pdf("b.pdf")]})
        form = build_step_form(snapshot, 2, data={**data, **answers}, files=files)
        assert form.is_valid(), form.errors
        return form.answers

    assert last_step(canteen="no")["allergies"] is None
    assert last_step(canteen="yes", canteen_days=["monday"])["allergies"] == "Arachide"


def test_birth_certificate_asks_a_postal_address_only_for_delivery_by_post(demo):
    snapshot = snapshot_of("voiron", "copie-acte-de-naissance")
    data = {
        "relationship": "self",
        "last_name": "Martin",
        "first_names": "Camille",
        "birth_date": "1988-04-12",
        "document": "extract",
        "copies": "1",
    }
    at_counter = build_step_form(snapshot, 0, data={**data, "delivery": "counter"}, files={})
    assert at_counter.is_valid(), at_counter.errors
    by_post = build_step_form(snapshot, 0, data={**data, "delivery": "post"}, files={})
    assert not by_post.is_valid()
    assert "postal_address-street" in by_post.errors
    prefilled = [item for item in snapshot["steps"][0]["items"] if item.get("prefill")]
    assert {item["prefill"] for item in prefilled} >= {"last_name", "first_name", "birth_date"}


def test_incident_and_urban_planning_forms_take_the_right_files(demo):
    incident = snapshot_of("voiron", "signalement-incident-voirie")
    items = {item["name"]: item for item in incident["steps"][0]["items"] if "name" in item}
    assert items["place"]["type"] == "location"
    assert items["photo"]["kinds"] == ["jpeg", "png"]
    assert procedure("voiron", "signalement-incident-voirie").is_incident_report
    planning = snapshot_of("voiron", "certificat-urbanisme")
    plans = next(item for item in planning["steps"][0]["items"] if item.get("name") == "plans")
    assert (plans["kinds"], plans["multiple"]) == (["pdf"], True)


def test_accounts_editors_agents_and_a_verified_citizen(demo):
    users = {user.email: user for user in get_user_model().objects.prefetch_related("groups")}
    residents = {resident_email(*name) for name in RESIDENTS}
    assert set(users) == {email for email, _password in LOGINS} | residents
    assert not any(users[email].has_usable_password() for email in residents)
    assert users["admin@portal.example.fr"].is_superuser
    voiron = Collectivity.objects.get(slug="voiron")
    assert list(users["communication@voiron.example.fr"].groups.all()) == [voiron.editors_group]
    assert list(users["agent@voiron.example.fr"].groups.all()) == [voiron.agents_group]
    citizen = users["camille.martin@example.fr"]
    assert citizen.check_password("demo-citoyen-2026")
    address = EmailAddress.objects.get(user=citizen)
    assert (address.email, address.verified, address.primary) == (citizen.email, True, True)
    profile = CitizenProfile.objects.get(user=citizen)
    assert (profile.first_name, profile.postal_code, profile.city) == ("Camille", "38500", "Voiron")


def test_past_requests_decided_over_more_than_a_year_for_the_statistics(demo):
    sent = Submission.objects.exclude(status=Status.DRAFT)
    assert set(sent.values_list("collectivity__slug", flat=True)) == {
        "pays-voironnais",
        "voiron",
        "saint-etienne-de-crossey",
        "saint-laurent-du-pont",
    }
    decided = sent.filter(status__in=DECIDED)
    assert decided.count() > 0.8 * sent.count() > 400
    assert not decided.filter(processing_time__isnull=True).exists()
    months = {
        timezone.localtime(at).strftime("%Y-%m")
        for at in sent.values_list("submitted_at", flat=True)
    }
    assert len(months) >= 12
    voiron = Collectivity.objects.get(slug="voiron")
    stats = collectivity_statistics(collectivity=voiron)
    assert all(month.count for month in stats.per_month)
    assert timedelta(days=1) < stats.median_processing_time < timedelta(days=30)
    agent = get_user_model().objects.get(email="agent@voiron.example.fr")
    last = StatusChange.objects.filter(submission__collectivity=voiron, to_status__in=DECIDED)
    assert set(last.values_list("actor", flat=True)) == {agent.pk}


def test_the_urls_and_logins_are_printed(demo):
    output = demo.first_output
    for url in (
        "http://portal.localhost:8000/",
        "http://portal.localhost:8000/admin/",
        "http://voiron.portal.localhost:8000/",
        "http://saint-etienne-de-crossey.portal.localhost:8000/",
    ):
        assert url in output
    for email, password in LOGINS:
        assert f"{email} / {password}" in output


def test_a_second_run_changes_nothing_and_prints_the_same_logins(demo):
    assert demo.rows_after_second == demo.rows_after_first
    assert demo.rows_after_first["wagtailcore.Revision"] > 0
    assert Revision.objects.count() == demo.rows_after_first["wagtailcore.Revision"]
    assert demo.passwords_after_second == demo.passwords_after_first
    assert "rien à créer" in demo.second_output
    logins = demo.first_output.split("Comptes de démonstration")[1]
    assert demo.second_output.split("Comptes de démonstration")[1] == logins
