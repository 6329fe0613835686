"""Views of the appointments: the citizen's (`citizen`) and the agents' (`agents`, admin)."""
