"""Background jobs of the website chat; each loads by id and calls one action."""

import logging
import smtplib
from datetime import timedelta

from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)

# A mail server that is down for a while still gets the transcript: 2, 4, 8, 16 minutes.
MAX_ATTEMPTS = 5


@task()
def send_transcript(*, conversation_id: int, email: str, language: str, attempt: int = 1) -> bool:
    """Email a chat transcript; a failed delivery is tried again later."""
    # Imported here: the actions module enqueues this task, so it imports this module.
    from storedesk.livechat.actions import do_send_transcript

    try:
        return do_send_transcript(conversation_id=conversation_id, email=email, language=language)
    except (smtplib.SMTPException, OSError):
        if attempt >= MAX_ATTEMPTS:
            logger.exception("Giving up on the transcript of conversation %s", conversation_id)
            raise
        send_transcript.using(run_after=timezone.now() + timedelta(minutes=2**attempt)).enqueue(
            conversation_id=conversation_id, email=email, language=language, attempt=attempt + 1
        )
        raise
