"""Writes on appointments: views, the request flow, admin views and tasks call them."""
