"""ANTS (passports and identity cards): the editor endpoints that the national search site calls,
and the client of the coordination API that de-duplicates bookings."""
