"""Appointment agendas of a collectivity: opening hours, closures, slots and bookings.

The slot-picker block (forms_builder) and the link from a booking to a request (citizen_space)
live above; they call `selectors.free_slots` and the services, and identify the citizen and the
request with the opaque `holder` and `reference` strings of a booking.
"""
