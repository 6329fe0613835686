"""Run the demo: the web server and a django-q2 worker side by side, until Ctrl+C."""

import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from commune_sites.models import Collectivity


class Command(BaseCommand):
    help = "Runs the development web server and a django-q2 worker (the demo)."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        scheme = settings.PORTAL_SCHEME
        self.stdout.write(self.style.SUCCESS("Portail citoyen – démo"))
        self.stdout.write(f"  Annuaire des communes : {scheme}://{settings.PORTAL_DOMAIN}/")
        self.stdout.write(f"  Administration       : {scheme}://{settings.PORTAL_DOMAIN}/admin/")
        for collectivity in Collectivity.objects.select_related("site").exclude(site=None):
            site = collectivity.site
            self.stdout.write(f"  {collectivity.name:<20} : {site.root_url}/")
        worker = subprocess.Popen([sys.executable, "manage.py", "qcluster"])
        try:
            subprocess.call([sys.executable, "manage.py", "runserver", addrport, "--noreload"])
        except KeyboardInterrupt:
            pass
        finally:
            worker.terminate()
            worker.wait(timeout=10)
