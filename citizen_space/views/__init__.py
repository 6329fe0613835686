"""Views of "My space" (space, actions, conversation, consent, account), the request flow
(flow) and the downloads (files)."""
