"""Appointments of requests: the slot chosen in a procedure's form, held then booked.

An appointment question (`forms_builder`) stores an agenda id; this app is the slot source that
gives it the agendas and their free slots (registered in `AppointmentsConfig.ready`), holds the
slot when the step is saved, books it when the request is sent, and lets the citizen move or
cancel it from "My space". It sends the confirmation (with an .ics file), the reminder the day
before, gives agents their day and week views, and talks with the ANTS for passports and
identity cards (`ants/`).
"""
