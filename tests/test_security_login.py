"""Admin sign-in throttling with django-axes (issue 11, point 7).

After AXES_FAILURE_LIMIT (5) wrong passwords a username, and the address they came from, are
refused, even with the right password, with a page that says so; others are not; staff unlock by
deleting the access attempts in the admin or with `manage.py axes_reset`.
"""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
INDEX = reverse("admin:index")
PASSWORD = "harbour-desk-7"


@pytest.fixture
def mara():
    return User.objects.create_user("mara", password=PASSWORD, is_staff=True)


def sign_in(client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password, "next": INDEX}, REMOTE_ADDR=address)


def fail(client, username: str, times: int, address: str = "203.0.113.7") -> list[int]:
    """`times` wrong passwords; the status of each answer."""
    return [sign_in(client, username, "wrong-password", address).status_code for _ in range(times)]


def assert_locked_out(response, username: str = "mara") -> None:
    assert response.status_code == 429
    page = response.content.decode()
    assert "Sign-in locked" in page
    assert f"the account <strong>{username}</strong> and the address you are signing in from" in page
    assert "Try again in 1\xa0hour" in page
    assert "ask an administrator to unlock your account" in page
    assert "Content-Security-Policy" in response.headers  # the lockout page is a page like any other
    assert "_auth_user_id" not in response.wsgi_request.session


def test_settings_lock_after_five_failures_for_an_hour_per_username_and_per_address():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == 1
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]


def test_five_wrong_passwords_then_the_right_one_is_refused_with_the_lockout_page(client, mara):
    assert fail(client, "mara", 4) == [200] * 4  # the login form again, with its error
    assert sign_in(client, "mara", PASSWORD).status_code == 302  # four failures: still let in
    client.logout()

    assert_locked_out(sign_in(client, "mara", "wrong-password"))  # the fifth locks at once
    response = sign_in(client, "mara", PASSWORD)
    assert_locked_out(response)
    assert client.get(INDEX).status_code == 302  # not signed in: sent to the login page


def test_the_username_is_locked_from_another_address_too(client, mara):
    fail(client, "mara", 5, address="203.0.113.7")
    assert_locked_out(sign_in(client, "mara", PASSWORD, address="198.51.100.20"))


def test_the_address_is_locked_for_another_username_too(client, mara):
    User.objects.create_user("ines", password="ferry-timetable-2", is_staff=True)
    fail(client, "mara", 5, address="203.0.113.7")
    assert_locked_out(sign_in(client, "ines", "ferry-timetable-2", address="203.0.113.7"), username="ines")


def test_another_user_from_another_address_is_not_locked(client, mara):
    User.objects.create_user("ines", password="ferry-timetable-2", is_staff=True)
    fail(client, "mara", 5, address="203.0.113.7")
    response = sign_in(client, "ines", "ferry-timetable-2", address="198.51.100.20")
    assert response.status_code == 302 and response["Location"] == INDEX
    assert client.get(INDEX).status_code == 200


def test_deleting_the_attempts_in_the_admin_unlocks(client, mara):
    fail(client, "mara", 5)
    assert_locked_out(sign_in(client, "mara", PASSWORD))

    # An administrator, signed in from elsewhere, finds the attempts and deletes them.
    admin_client = Client()
    User.objects.create_superuser("editor-in-chief", password="night-desk-3")
    assert sign_in(admin_client, "editor-in-chief", "night-desk-3", address="192.0.2.50").status_code == 302
    changelist = reverse("admin:axes_accessattempt_changelist")
    listing = admin_client.get(changelist + "?q=mara")
    assert listing.status_code == 200 and "mara" in listing.content.decode()
    attempts = list(AccessAttempt.objects.filter(username="mara").values_list("pk", flat=True))
    assert attempts
    response = admin_client.post(
        changelist, {"action": "delete_selected", "_selected_action": attempts, "post": "yes"}, follow=True
    )
    assert response.status_code == 200
    assert not AccessAttempt.objects.filter(username="mara").exists()

    mara_again = Client()
    response = sign_in(mara_again, "mara", PASSWORD)
    assert response.status_code == 302 and response["Location"] == INDEX


def test_axes_reset_unlocks(client, mara, capsys):
    fail(client, "mara", 5)
    assert_locked_out(sign_in(client, "mara", PASSWORD))
    call_command("axes_reset")
    assert "attempts removed" in capsys.readouterr().out
    response = sign_in(client, "mara", PASSWORD)
    assert response.status_code == 302 and response["Location"] == INDEX
