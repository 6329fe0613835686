"""Files that citizens attach to their requests, kept in the private storage."""

import uuid

from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def private_storage():
    """The storage no URL maps to (settings.STORAGES["private"])."""
    return storages["private"]


def generated_path(instance, filename: str) -> str:
    """A path made of the date and a random name: the citizen's file name never reaches the disk."""
    return f"requests/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class Upload(models.Model):
    """One file given for a field of a request's form (a field may take several), or attached
    to the answer of an action request or to a message (then `field_name` is empty).

    Served only through `citizen_space.views.uploads.upload_download`, after the check of
    `citizen_space.permissions`.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    submission = models.ForeignKey(
        "citizen_space.Submission",
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="uploads",
    )
    field_name = models.CharField(_("field"), max_length=100, blank=True)
    action_request = models.ForeignKey(
        "citizen_space.ActionRequest",
        verbose_name=_("action request"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="uploads",
    )
    message = models.ForeignKey(
        "citizen_space.Message",
        verbose_name=_("message"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="uploads",
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=generated_path)
    original_name = models.CharField(
        _("file name"), max_length=255, help_text=_("As given by the citizen, sanitised.")
    )
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("uploaded file")
        verbose_name_plural = _("uploaded files")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["submission", "field_name"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action_request__isnull=True) | models.Q(message__isnull=True),
                name="citizen_space_upload_one_owner",
            )
        ]

    def __str__(self):
        return self.original_name

    def as_answer(self) -> dict:
        """How a file question's answer lists this file (the form engine's file dicts)."""
        return {
            "id": str(self.pk),
            "name": self.original_name,
            "size": self.size,
            "content_type": self.content_type,
        }
