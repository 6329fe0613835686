"""What the citizen is told, and how: one email per event (text and HTML, in the request's
language), none for what they did themself, none that they turned off; the push only where
the collectivity has an app."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_q.models import Schedule

from citizen_space.models import NotificationPreference
from citizen_space.notifications.models import Notification
from citizen_space.notifications.outbox import reminder_at
from citizen_space.notifications.tasks import deliver_notification, remind_action_request
from citizen_space.services.action_requests import action_request_answer, action_request_create
from citizen_space.services.conversation import message_post
from citizen_space.services.status import submission_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(commune_a, make_procedure):
    return make_procedure(commune_a)


@pytest.fixture
def agent(commune_a, make_agent):
    return make_agent(commune_a)


@pytest.fixture
def sent(procedure, make_request, django_capture_on_commit_callbacks):
    """A request sent in English, its acknowledgement delivered."""
    with django_capture_on_commit_callbacks(execute=True):
        request = make_request(procedure)
    return request


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_the_acknowledgement_is_sent_once_with_the_receipt(sent, citizen):
    [message] = mail.outbox
    assert message.to == [citizen.email]
    assert message.subject == f"Your request {sent.reference} has been received"
    assert sent.reference in message.body and sent.reference in html_of(message)
    [(filename, content, mimetype)] = message.attachments
    assert filename == f"accuse-reception-{sent.reference}.pdf" and content.startswith(b"%PDF")
    assert message.extra_headers["Content-Language"] == "en"
    assert '<html lang="en">' in html_of(message)
    assert f"/mon-espace/demandes/{sent.pk}/" in message.body

    notification = Notification.objects.get(submission=sent)
    assert (notification.event, notification.channel, notification.state) == (
        "acknowledgement",
        "email",
        "sent",
    )
    assert deliver_notification(str(notification.pk)) == "skipped"
    assert len(mail.outbox) == 1


@pytest.fixture
def french_portal(settings):
    """The portal's language: French addresses have no prefix, English ones /en/."""
    settings.LANGUAGE_CODE = "fr"


def test_emails_speak_the_language_the_request_was_made_in(
    french_portal, procedure, make_request, make_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        french = make_request(procedure, language="fr")
        english = make_request(procedure, user=make_user("sam@example.org"), language="en")
    in_french, in_english = mail.outbox
    assert in_french.extra_headers["Content-Language"] == "fr"
    assert '<html lang="fr">' in html_of(in_french)
    assert f"portal.localhost:8000/mon-espace/demandes/{french.pk}/" in in_french.body
    assert in_english.extra_headers["Content-Language"] == "en"
    assert '<html lang="en">' in html_of(in_english)
    assert f"portal.localhost:8000/en/mon-espace/demandes/{english.pk}/" in in_english.body


def test_an_agent_s_status_change_is_told_with_its_comment(
    sent, agent, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submission_transition(submission=sent, to="in_progress", actor=agent)
        submission_transition(
            submission=sent, to="rejected", actor=agent, comment="Le justificatif a expiré."
        )
    in_progress, rejected = mail.outbox
    assert in_progress.subject == f"Your request {sent.reference} is now “In progress”"
    assert rejected.subject == f"Your request {sent.reference} is now “Rejected”"
    assert "Le justificatif a expiré." in rejected.body
    assert "Le justificatif a expiré." in html_of(rejected)


def test_an_action_request_is_told_once_and_reminded_once_before_its_due_date(
    sent, agent, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    due = timezone.localdate() + datetime.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        action = action_request_create(
            submission=sent,
            agent=agent,
            kind="document",
            explanation="Merci d'envoyer une facture de moins de trois mois.",
            due_date=due,
        )
    # Entering "action required" is told by the action request's own email, not twice.
    [message] = mail.outbox
    assert message.subject == f"Action needed on your request {sent.reference}"
    assert "Merci d'envoyer une facture de moins de trois mois." in message.body
    assert f"/mon-espace/actions/{action.pk}/" in message.body
    schedule = Schedule.objects.get(name=f"action-reminder-{action.pk}")
    assert schedule.func == "citizen_space.notifications.tasks.remind_action_request"
    assert schedule.next_run == reminder_at(due)
    local = timezone.localtime(schedule.next_run)
    assert (local.date(), local.hour) == (due - datetime.timedelta(days=2), 9)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_action_request(action.pk) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_action_request(action.pk) == 0  # a schedule run twice: still one email
    [reminder] = mail.outbox
    assert reminder.subject == f"Reminder: action needed on your request {sent.reference}"


def test_no_reminder_once_answered_and_no_email_for_the_citizen_s_own_answer(
    sent, agent, citizen, django_capture_on_commit_callbacks
):
    due = timezone.localdate() + datetime.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        action = action_request_create(
            submission=sent, agent=agent, kind="information", explanation="Date ?", due_date=due
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        action_request_answer(action_request=action, user=citizen, text="Le 3 mai.", files=[])
    sent.refresh_from_db()
    assert sent.status == "in_progress"  # back in the agents' queue
    assert sent.status_changes.last().role == "citizen"
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_action_request(action.pk) == 0
    assert mail.outbox == []


def test_a_due_date_too_close_has_no_reminder(sent, agent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        action = action_request_create(
            submission=sent,
            agent=agent,
            kind="document",
            explanation="Votre RIB.",
            due_date=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert not Schedule.objects.filter(name=f"action-reminder-{action.pk}").exists()


def test_messages_from_the_town_hall_are_told_without_their_content(
    sent, agent, citizen, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message_post(
            submission=sent, author=agent, body="Rendez-vous mardi.", files=[], from_citizen=False
        )
        message_post(submission=sent, author=citizen, body="Merci !", files=[], from_citizen=True)
    [email] = mail.outbox
    assert email.subject == f"New message about your request {sent.reference}"
    assert "Rendez-vous mardi." not in email.body + html_of(email)


def test_the_citizen_s_choices_turn_emails_off_but_never_the_acknowledgement(
    procedure, make_request, agent, citizen, webhook, django_capture_on_commit_callbacks
):
    for event in NotificationPreference.Event.values:
        NotificationPreference.objects.create(user=citizen, event=event, email=False)
    with django_capture_on_commit_callbacks(execute=True):
        request = make_request(procedure)
        submission_transition(submission=request, to="in_progress", actor=agent)
        message_post(submission=request, author=agent, body="Bonjour", files=[], from_citizen=False)
    assert [m.subject for m in mail.outbox] == [
        f"Your request {request.reference} has been received"
    ]
    # The commune's app still gets every event (its own settings govern its notifications).
    assert list(
        Notification.objects.filter(channel="push")
        .order_by("created_at")
        .values_list("event", flat=True)
    ) == ["acknowledgement", "status_changed", "message_received"]


def test_push_only_where_the_collectivity_has_an_active_app(
    procedure, make_request, webhook, django_capture_on_commit_callbacks
):
    webhook.active = False
    webhook.save()
    with django_capture_on_commit_callbacks(execute=True):
        request = make_request(procedure)
    assert list(Notification.objects.values_list("channel", flat=True)) == ["email"]
    assert request.notifications.get().state == "sent"
