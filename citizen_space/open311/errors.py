"""GeoReport v2 errors: a JSON list of `{"code", "description"}`, with the HTTP status."""

import json

from django.core.exceptions import ValidationError
from django.http import HttpResponse


class GeoReportError(Exception):
    """A refusal to answer in the GeoReport format (400 bad request, 403 bad key, 404…)."""

    def __init__(self, status: int, *descriptions: str):
        super().__init__(*descriptions)
        self.status = status
        self.descriptions = descriptions

    @classmethod
    def from_validation(cls, error: ValidationError) -> "GeoReportError":
        """One description per message, "field: message" for the errors about a field."""
        if hasattr(error, "error_dict"):
            descriptions = [
                f"{field}: {message}" if field != "__all__" else message
                for field, errors in error.message_dict.items()
                for message in errors
            ]
        else:
            descriptions = error.messages
        return cls(400, *descriptions)

    def response(self) -> HttpResponse:
        return georeport_errors(self.status, *self.descriptions)


def georeport_errors(status: int, *descriptions: str) -> HttpResponse:
    body = [{"code": status, "description": description} for description in descriptions]
    return HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type="application/json; charset=utf-8",
    )
