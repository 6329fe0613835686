"""Open311 GeoReport v2 (`/open311/v2/`): reporting apps file incident reports as requests."""
