"""Models of the citizen space: profiles, requests (drafts included), files, reference counters."""

from .profile import CitizenProfile
from .reference import ReferenceCounter
from .submission import Submission
from .upload import Upload

__all__ = ["CitizenProfile", "ReferenceCounter", "Submission", "Upload"]
