"""Downloads: the PDF receipt of a request and the files given with it.

Always sent as attachments, with `X-Content-Type-Options: nosniff`, after the permission check
(`citizen_space.permissions`, through the selectors); anything else is a 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache

from .. import selectors
from ..receipts import receipt_filename, receipt_pdf


def attachment_response(response: HttpResponse, filename: str) -> HttpResponse:
    """`response` as a download named `filename` that browsers never render (also used by the
    back office)."""
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@never_cache
@login_required
def receipt_download(request, pk: int):
    submission = selectors.submission_get_visible(user=request.user, pk=pk)
    if submission is None or submission.is_draft:
        raise Http404
    response = HttpResponse(receipt_pdf(submission), content_type="application/pdf")
    return attachment_response(response, receipt_filename(submission))


@never_cache
@login_required
def upload_download(request, upload_id):
    upload = selectors.upload_get_downloadable(user=request.user, upload_id=upload_id)
    if upload is None:
        raise Http404
    response = FileResponse(upload.file.open("rb"), content_type=upload.content_type)
    return attachment_response(response, upload.original_name)
