"""The events of the citizen space that notify the citizen (see `citizen_space.events`)."""

from citizen_space import events

from .outbox import notify_action_requested, notify_message_posted


@events.listen(events.ACTION_REQUEST_CREATED)
def on_action_request_created(*, action_request_id: int) -> None:
    notify_action_requested(action_request_id=action_request_id)


@events.listen(events.MESSAGE_POSTED)
def on_message_posted(*, message_id: int) -> None:
    notify_message_posted(message_id=message_id)
