"""Background jobs of accounts; each loads by id and calls one action."""

import logging
import smtplib
from datetime import timedelta

from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)

# A mail server that is down for a while still gets the mail: 2, 4, 8, 16 minutes.
MAX_ATTEMPTS = 5


@task()
def send_password_reset_email(*, user_id: int, attempt: int = 1) -> bool:
    """Email a member of staff the link to choose a new password; a failed delivery is tried
    again later."""
    # Imported here: the actions module enqueues this task, so it imports this module.
    from storedesk.accounts.actions.passwords import do_send_password_reset_email

    try:
        return do_send_password_reset_email(user_id=user_id)
    except (smtplib.SMTPException, OSError):
        if attempt >= MAX_ATTEMPTS:
            logger.exception("Giving up on the password reset email of user %s", user_id)
            raise
        send_password_reset_email.using(
            run_after=timezone.now() + timedelta(minutes=2**attempt)
        ).enqueue(user_id=user_id, attempt=attempt + 1)
        raise
