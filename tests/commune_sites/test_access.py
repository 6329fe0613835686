"""The collectivity of a request, and who edits or serves which collectivity."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from wagtail.models import Site

from commune_sites.context_processors import collectivity as collectivity_context
from commune_sites.permissions import (
    user_can_create_collectivity,
    user_can_edit_collectivity,
    user_can_serve_collectivity,
)
from commune_sites.selectors import (
    collectivities_edited_by,
    collectivities_served_by,
    collectivity_for_request,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(make_collectivity):
    return make_collectivity(), make_collectivity(name="Firminy", code="42095")


def _request(host):
    return RequestFactory().get("/", HTTP_HOST=host)


def test_collectivity_for_request(two, django_assert_num_queries):
    a, b = two
    request = _request("firminy.portal.localhost:8000")
    with django_assert_num_queries(1):
        found = collectivity_for_request(request)
        assert found == b
        assert found.site.hostname == "firminy.portal.localhost"
        assert found.logo is None
    with django_assert_num_queries(0):
        assert collectivity_for_request(request) == b
        # Wagtail finds the Site of the request without looking it up again.
        assert Site.find_for_request(request) == b.site


def test_each_host_is_looked_up_once_until_its_site_or_collectivity_changes(
    two, django_assert_num_queries
):
    a, b = two
    collectivity_for_request(_request("firminy.portal.localhost:8000"))
    with django_assert_num_queries(0):
        assert collectivity_for_request(_request("firminy.portal.localhost:8000")) == b
    b.phone = "04 77 00 00 00"
    b.save()
    found = collectivity_for_request(_request("firminy.portal.localhost:8000"))
    assert found.phone == "04 77 00 00 00"
    site = b.site
    site.hostname = "firminy.example.fr"
    site.save()
    assert collectivity_for_request(_request("firminy.portal.localhost:8000")) != b


def test_no_collectivity_on_the_portal_directory(two):
    Site.objects.filter(is_default_site=True).update(hostname="portal.localhost", port=8000)
    request = _request("portal.localhost:8000")
    assert collectivity_for_request(request) is None


def test_context_processor_is_lazy(two, django_assert_num_queries):
    request = _request("saint-etienne.portal.localhost:8000")
    with django_assert_num_queries(0):
        context = collectivity_context(request)
    template = Template("{% if collectivity %}{{ collectivity.name }}{% else %}none{% endif %}")
    assert template.render(Context(context)) == "Saint-Étienne"
    rendered = Template("{{ collectivity.name }}").render(RequestContext(request))
    assert rendered == "Saint-Étienne"


def test_editors_and_agents(two, make_user, superuser):
    a, b = two
    editor = make_user("editor@a.fr", groups=[a.editors_group])
    agent = make_user("agent@b.fr", groups=[b.agents_group])
    citizen = make_user("citizen@example.org")
    inactive = make_user("gone@a.fr", groups=[a.editors_group], is_active=False)

    assert list(collectivities_edited_by(editor)) == [a]
    assert list(collectivities_served_by(editor)) == []
    assert list(collectivities_served_by(agent)) == [b]
    assert list(collectivities_edited_by(agent)) == []
    assert list(collectivities_edited_by(citizen)) == []
    assert list(collectivities_edited_by(inactive)) == []
    assert list(collectivities_edited_by(AnonymousUser())) == []
    assert set(collectivities_edited_by(superuser)) == {a, b}
    assert set(collectivities_served_by(superuser)) == {a, b}

    assert user_can_edit_collectivity(editor, a)
    assert not user_can_edit_collectivity(editor, b)
    assert not user_can_edit_collectivity(inactive, a)
    assert not user_can_edit_collectivity(AnonymousUser(), a)
    assert user_can_serve_collectivity(agent, b)
    assert not user_can_serve_collectivity(agent, a)
    assert not user_can_serve_collectivity(editor, a)
    assert user_can_edit_collectivity(superuser, b)
    assert user_can_create_collectivity(superuser)
    assert not user_can_create_collectivity(editor)
