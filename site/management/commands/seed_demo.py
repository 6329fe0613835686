"""Seed the demo: collectivities, procedures and their forms, accounts. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.demo.seed import demo_seed


class Command(BaseCommand):
    help = (
        "Creates the demo data that is missing (directory, three communes and their "
        "intercommunality, procedures with forms, demo accounts, 18 months of past requests) "
        "and prints the URLs and logins."
    )

    def handle(self, *args, **options):
        result = demo_seed()
        if result.created:
            done = ", ".join(f"{count} {kind}" for kind, count in result.created.items())
            self.stdout.write(self.style.SUCCESS(f"Données de démonstration créées : {done}."))
        else:
            self.stdout.write("Données de démonstration déjà en place : rien à créer.")
        portal = f"{settings.PORTAL_SCHEME}://{settings.PORTAL_DOMAIN}"
        self.stdout.write("\nAdresses")
        self.stdout.write(f"  Annuaire des communes : {portal}/")
        self.stdout.write(f"  Administration : {portal}/admin/")
        for collectivity in result.collectivities:
            self.stdout.write(f"  {collectivity.name} : {collectivity.site.root_url}/")
        self.stdout.write("\nComptes de démonstration (mot de passe donné à la création du compte)")
        for account in result.accounts:
            self.stdout.write(f"  {account.role} : {account.email} / {account.password}")
