"""Who may see or act on requests and their files: the one place that decides.

Views, file downloads and (later) the agents' back office and the API call these. An object that
a user may not see is answered with 404, never 403, so its existence is not disclosed.
"""

from django.db.models import QuerySet

from .models import ActionRequest, Submission, Upload


def submissions_visible_to(user) -> QuerySet[Submission]:
    """The requests (drafts included) that `user` may see: for now, a citizen's own."""
    if not user.is_authenticated:
        return Submission.objects.none()
    return user.submissions.all()  # `submission.user` is then `user`, without a join


def can_view_submission(user, submission: Submission) -> bool:
    return user.is_authenticated and submission.user_id == user.pk


def can_download_upload(user, upload: Upload) -> bool:
    return can_view_submission(user, upload.submission)


def is_request_citizen(user, submission: Submission) -> bool:
    """`user` is the citizen who made the (sent) request: they may answer and write on it."""
    return user.is_authenticated and not submission.is_draft and submission.user_id == user.pk


def can_view_action_request(user, action_request: ActionRequest) -> bool:
    return can_view_submission(user, action_request.submission)


def can_answer_action_request(user, action_request: ActionRequest) -> bool:
    return action_request.is_open and is_request_citizen(user, action_request.submission)
