"""Issuing Open311 keys: printed once, only their hash kept."""

import io

import pytest
from django.core.management import CommandError, call_command

from citizen_space.open311.models import Open311Client
from citizen_space.open311.services import client_authenticate, key_hash

pytestmark = pytest.mark.django_db


def test_the_command_prints_the_key_once_and_keeps_its_hash(commune):
    out = io.StringIO()
    call_command("open311_issue_key", commune.slug, "Signalements Pilat", stdout=out)
    key = out.getvalue().strip().splitlines()[-1]
    client = Open311Client.objects.get()
    assert client.collectivity == commune
    assert client.key_hash == key_hash(key)
    assert key not in {client.key_hash, client.key_prefix}
    assert key.startswith(client.key_prefix)
    assert client_authenticate(key=key) == client


def test_an_unknown_collectivity(commune):
    with pytest.raises(CommandError, match="No collectivity"):
        call_command("open311_issue_key", "nowhere", "App")


def test_two_clients_of_a_collectivity_have_different_names(commune):
    call_command("open311_issue_key", commune.slug, "App", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("open311_issue_key", commune.slug, "App", stdout=io.StringIO())
