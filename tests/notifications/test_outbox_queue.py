"""The outbox's one INSERT: each notification once, the push only to an active webhook."""

import pytest

from citizen_space.models import Submission
from citizen_space.notifications.models import Notification, PushWebhook
from citizen_space.notifications.outbox import notification_queue

pytestmark = pytest.mark.django_db

ACKNOWLEDGEMENT = Notification.Event.ACKNOWLEDGEMENT


def queue_again(request) -> list[Notification]:
    return notification_queue(
        event=ACKNOWLEDGEMENT,
        submission=request,
        about=f"request:{request.pk}",
        data={"status": request.status},
    )


def test_queuing_the_same_event_again_inserts_nothing_and_delivers_nothing(
    commune_a, make_sent_request, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks() as callbacks:
        request = make_sent_request(commune_a)
    assert len(callbacks) == 1
    first = Notification.objects.get(submission=request)
    # The submit loaded the collectivity's webhook with the request: the INSERT alone.
    with django_capture_on_commit_callbacks() as callbacks, django_assert_num_queries(1):
        assert queue_again(request) == []
    assert callbacks == []
    assert list(Notification.objects.filter(submission=request)) == [first]


def test_only_the_rows_really_inserted_are_returned_and_delivered(
    commune_a, make_sent_request, django_capture_on_commit_callbacks
):
    request = make_sent_request(commune_a)
    PushWebhook.objects.create(collectivity=commune_a, url="https://app.example.fr/evenements")
    request = Submission.objects.select_related("user").get(pk=request.pk)
    with django_capture_on_commit_callbacks() as callbacks:
        created = queue_again(request)
    assert [(n.channel, n._state.adding) for n in created] == [("push", False)]
    assert created[0] == Notification.objects.get(key=f"acknowledgement:request:{request.pk}:push")
    assert len(callbacks) == 1
    assert Notification.objects.filter(submission=request).count() == 2


@pytest.mark.parametrize(
    ("webhook", "channels"),
    [(None, ["email"]), (False, ["email"]), (True, ["email", "push"])],
    ids=["no webhook", "inactive webhook", "active webhook"],
)
@pytest.mark.parametrize("loaded", [True, False], ids=["webhook loaded", "webhook queried"])
def test_the_push_goes_only_to_an_active_webhook(
    commune_a, make_sent_request, webhook, channels, loaded, django_assert_num_queries
):
    request = make_sent_request(commune_a)
    Notification.objects.all().delete()
    if webhook is not None:
        PushWebhook.objects.create(collectivity=commune_a, url="https://a.fr/e", active=webhook)
    requests = Submission.objects.select_related("user", "collectivity")
    if loaded:
        requests = requests.select_related("collectivity__push_webhook")
    request = requests.get(pk=request.pk)
    with django_assert_num_queries(1 if loaded else 2):
        created = queue_again(request)
    assert sorted(n.channel for n in created) == channels


def test_a_sent_request_with_an_active_webhook_has_both_rows(commune_a, make_sent_request):
    PushWebhook.objects.create(collectivity=commune_a, url="https://app.example.fr/evenements")
    request = make_sent_request(commune_a)
    assert sorted(request.notifications.values_list("channel", flat=True)) == ["email", "push"]
