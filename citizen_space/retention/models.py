"""What the retention job did, and the files it still has to delete."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AnonymisationRun(models.Model):
    """One run of `services.anonymize_expired`: written when it starts, completed when it ends
    (a run that crashed keeps no `finished_at`). A dry run counts what a run would do."""

    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    now = models.DateTimeField(
        _("expiry reference"), help_text=_("Periods are counted up to this moment.")
    )
    dry_run = models.BooleanField(_("dry run"), default=False)
    batch_size = models.PositiveIntegerField(_("batch size"))
    requests_anonymised = models.PositiveIntegerField(_("requests anonymised"), default=0)
    drafts_deleted = models.PositiveIntegerField(_("drafts deleted"), default=0)
    files_deleted = models.PositiveIntegerField(_("files deleted"), default=0)

    class Meta:
        verbose_name = _("anonymisation run")
        verbose_name_plural = _("anonymisation runs")
        ordering = ["-started_at", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M}"

    @property
    def duration(self):
        return self.finished_at - self.started_at if self.finished_at else None


class PendingFileDeletion(models.Model):
    """A file of the private storage whose upload row is gone: recorded in the transaction
    that deleted the row, removed from the storage after it commits (every run first removes
    those a crash left behind)."""

    name = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("file to delete")
        verbose_name_plural = _("files to delete")
        default_permissions = ()

    def __str__(self):
        return self.name
