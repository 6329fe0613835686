"""Headless access to the portal pages.

- `/api/v1/`: the public catalogue API (django-ninja, OpenAPI schema at `/api/v1/openapi.json`):
  directory, procedures, rubrics and FAQ of each collectivity; read-only, cacheable, open to
  every origin, rate-limited.
- `/api/v2/`: Wagtail's API v2 for pages, images and documents, each site seeing its own.
- `/d/<page_id>/`: the stable link of a procedure, redirecting to its current address.
"""
