"""Signing a member in for a browser journey whose subject is not the login form itself.

The session is made on the server (Django's test client) and handed to the browser as its
cookie: staff and editors' form login asks for an authenticator code, and the login form has
journeys of its own (test_two_factor.py, test_visitor_journeys.py).
"""

from django.test import Client


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
