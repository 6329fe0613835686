"""`manage.py open311_issue_key <collectivity slug> <client name>`: a key for a reporting app."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from commune_sites.models import Collectivity

from ...services import client_issue


class Command(BaseCommand):
    help = (
        "Issue an Open311 API key to a client application of a collectivity. The key is "
        "printed once: only its hash is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The collectivity's slug.")
        parser.add_argument("name", help="Name of the client application.")

    def handle(self, *args, slug, name, **options):
        collectivity = Collectivity.objects.filter(slug=slug).first()
        if collectivity is None:
            raise CommandError(f"No collectivity has the slug {slug!r}.")
        try:
            client, key = client_issue(collectivity=collectivity, name=name)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"Open311 client “{client.name}” of {collectivity}.")
        self.stdout.write("Its API key, shown only now (keep it secret):")
        self.stdout.write(key)
