"""The agents' back office: inbox and request pages in the Wagtail admin, exports, internal
notes, assignment, the access log, and the security of staff sessions."""
