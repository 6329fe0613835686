"""Views of "My space" (space), the request flow (flow) and the downloads (files)."""
