"""`manage.py anonymize_expired`: anonymise the requests past their retention period and
delete the abandoned drafts, as the daily task does, with a progress bar; `--dry-run` counts."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from citizen_space.retention import selectors
from citizen_space.retention.services import BATCH_SIZE, anonymize_expired


class ProgressBar:
    """`[#######-------]  50 %  1000/2000` redrawn in place on a terminal stream."""

    WIDTH = 40

    def __init__(self, total: int, stream):
        self.total, self.done, self.stream = total, 0, stream
        self._draw()

    def advance(self, count: int) -> None:
        self.done += count
        self._draw()

    def close(self) -> None:
        self.stream.write("")

    def _draw(self) -> None:
        share = self.done / self.total if self.total else 1
        filled = round(share * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {share:4.0%}  {self.done}/{self.total}", ending="")
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Anonymise the requests whose retention period has passed and delete the drafts "
        "abandoned for DRAFT_RETENTION_DAYS, in batches. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would change, per collectivity, and change nothing.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Requests per transaction (default {BATCH_SIZE}).",
        )

    def handle(self, *args, dry_run: bool, batch_size: int, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        now = timezone.now()
        if dry_run:
            self._print_counts(selectors.expiry_counts(now=now))
            anonymize_expired(now=now, batch_size=batch_size, dry_run=True)
            self.stdout.write("Dry run: nothing was changed.")
            return
        total = (
            selectors.expired_requests(now=now).count() + selectors.expired_drafts(now=now).count()
        )
        bar = ProgressBar(total, self.stderr)
        run = anonymize_expired(now=now, batch_size=batch_size, progress=bar.advance)
        bar.close()
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.requests_anonymised} requests anonymised, {run.drafts_deleted} drafts "
                f"deleted, {run.files_deleted} files deleted in {run.duration}."
            )
        )

    def _print_counts(self, counts: list[dict]) -> None:
        width = max([len("Collectivity"), *(len(row["name"]) for row in counts)])
        self.stdout.write(f"{'Collectivity':<{width}}  requests to anonymise  drafts to delete")
        for row in counts:
            self.stdout.write(f"{row['name']:<{width}}  {row['requests']:>21}  {row['drafts']:>16}")
        requests = sum(row["requests"] for row in counts)
        drafts = sum(row["drafts"] for row in counts)
        self.stdout.write(f"{'Total':<{width}}  {requests:>21}  {drafts:>16}")
