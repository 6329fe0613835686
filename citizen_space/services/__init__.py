"""Write operations of the citizen space: views, admin and tasks call them, never re-implement."""
