"""`manage.py create_collectivity`: provision a commune or an intercommunality."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from commune_sites.models import Collectivity
from commune_sites.services import collectivity_provision

CONTACT_OPTIONS = ("address", "phone", "email", "opening_hours", "website", "custom_hostname")


class Command(BaseCommand):
    help = (
        "Create a collectivity with its site, page tree and groups, then print its address. "
        "Running it again for the same code repairs what is missing and changes nothing else."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=Collectivity.Kind.values)
        parser.add_argument("--name", required=True)
        parser.add_argument(
            "--code", required=True, help="INSEE code (commune) or SIREN (intercommunality)."
        )
        parser.add_argument(
            "--slug", help="Sub-domain of the portal; made from the name if left out."
        )
        parser.add_argument("--postal-codes", default="", help='For example "42000 42100".')
        parser.add_argument(
            "--intercommunality", metavar="SIREN", help="Code of the commune's intercommunality."
        )
        for option in CONTACT_OPTIONS:
            parser.add_argument(f"--{option.replace('_', '-')}", default="")

    def handle(self, *args, **options):
        intercommunality = None
        if options["intercommunality"]:
            intercommunality = Collectivity.objects.filter(
                code=options["intercommunality"].strip().upper()
            ).first()
            if intercommunality is None:
                raise CommandError(
                    f"No collectivity has the code {options['intercommunality']}: create the "
                    "intercommunality first."
                )
        try:
            collectivity = collectivity_provision(
                kind=options["kind"],
                name=options["name"],
                code=options["code"],
                slug=options["slug"],
                postal_codes=options["postal_codes"],
                intercommunality=intercommunality,
                **{option: options[option] for option in CONTACT_OPTIONS},
            )
        except ValidationError as error:
            raise CommandError(_describe(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{collectivity.name} ({collectivity.code}): {collectivity.site.root_url}/"
            )
        )


def _describe(error: ValidationError) -> str:
    """'field: message' lines for a refused collectivity."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    return "\n".join(
        f"{field}: {message}" if field != "__all__" else message
        for field, messages in error.message_dict.items()
        for message in messages
    )
