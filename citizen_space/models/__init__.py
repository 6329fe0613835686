"""Models of the citizen space: profiles, requests (drafts included), files, reference counters,
consents, action requests, messages and notification preferences."""

from .action_request import ActionRequest
from .consent import Consent, ConsentEvent
from .conversation import Message
from .preferences import NotificationPreference
from .profile import CitizenProfile
from .reference import ReferenceCounter
from .status_change import StatusChange
from .submission import Submission
from .upload import Upload

__all__ = [
    "ActionRequest",
    "CitizenProfile",
    "Consent",
    "ConsentEvent",
    "Message",
    "NotificationPreference",
    "ReferenceCounter",
    "StatusChange",
    "Submission",
    "Upload",
]
