"""Events of the citizen space that other parts react to (the emails of notifications).

Services call `emit(name, **payload)` once their transaction is committed; a listener registers
with `@listen(name)` (in its `AppConfig.ready`). Until one does, an event is only logged.
Payloads carry ids, never model instances, so that a listener may queue a task with them.
"""

import logging
from collections import defaultdict
from collections.abc import Callable

logger = logging.getLogger(__name__)

ACTION_REQUEST_CREATED = "action_request_created"  # action_request_id
ACTION_REQUEST_ANSWERED = "action_request_answered"  # action_request_id
MESSAGE_POSTED = "message_posted"  # message_id

_listeners: dict[str, list[Callable[..., None]]] = defaultdict(list)


def listen(event_name: str) -> Callable:
    """Decorator: call the function with the payload each time `event_name` is emitted."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        if function not in _listeners[event_name]:
            _listeners[event_name].append(function)
        return function

    return register


def emit(event_name: str, **payload) -> None:
    logger.info("Event %s %s", event_name, payload)
    for listener in _listeners[event_name]:
        listener(**payload)
