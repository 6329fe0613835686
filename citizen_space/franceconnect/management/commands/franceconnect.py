"""`manage.py franceconnect enable|disable <slug>`: FranceConnect on a collectivity's portal."""

import os

from django.core.management.base import BaseCommand, CommandError

from commune_sites.models import Collectivity

from ...provider import ACR_LEVELS, SANDBOX_BASE_URL
from ...services import franceconnect_disable, franceconnect_enable


class Command(BaseCommand):
    help = "Enable or disable FranceConnect on a collectivity's portal."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["enable", "disable"])
        parser.add_argument("slug", help="The collectivity's slug.")
        parser.add_argument("--client-id", help="Client id given by FranceConnect.")
        parser.add_argument(
            "--secret",
            default=os.environ.get("FRANCECONNECT_CLIENT_SECRET"),
            help="Client secret given by FranceConnect (default: $FRANCECONNECT_CLIENT_SECRET).",
        )
        parser.add_argument(
            "--base-url",
            default=SANDBOX_BASE_URL,
            help="FranceConnect's v2 API address (default: the sandbox).",
        )
        parser.add_argument(
            "--acr", default=ACR_LEVELS[0], choices=ACR_LEVELS, help="Required eIDAS level."
        )

    def handle(self, *args, action, slug, client_id, secret, base_url, acr, **options):
        collectivity = Collectivity.objects.filter(slug=slug).first()
        if collectivity is None:
            raise CommandError(f"No collectivity has the slug {slug!r}.")
        if action == "disable":
            franceconnect_disable(collectivity=collectivity)
            self.stdout.write(f"FranceConnect is disabled on {collectivity}'s portal.")
            return
        if not (client_id and secret):
            raise CommandError("--client-id and --secret are required to enable FranceConnect.")
        franceconnect_enable(
            collectivity=collectivity,
            client_id=client_id,
            secret=secret,
            base_url=base_url,
            acr_values=acr,
        )
        self.stdout.write(f"FranceConnect is enabled on {collectivity}'s portal.")
