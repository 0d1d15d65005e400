"""One-time links for a member of staff to choose a password: the first owner of a new
store, and anyone who forgot theirs. Django's token generator signs the user's password hash
and last sign-in into the token, so a link stops working once it has been used."""

from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from storedesk.accounts.models import User


def password_set_path(user: User) -> str:
    """The path of the page where ``user`` sets a new password; valid for
    ``PASSWORD_RESET_TIMEOUT`` seconds and once."""
    return reverse(
        "password-set",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
