"""'Was this helpful?' answers from shoppers: one per visitor and article."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.crypto import salted_hmac

from storedesk.core.models import Store
from storedesk.helpcenter.models import ArticleFeedback

_SALT = "storedesk.helpcenter.feedback"


def visitor_hash(session_key: str) -> str:
    """A keyed hash of the visitor's session: counts once per visitor, stores no session."""
    return salted_hmac(
        _SALT, session_key, secret=settings.SECRET_KEY, algorithm="sha256"
    ).hexdigest()


def do_record_feedback(
    store: Store, *, article_id: int, language: str, helpful: bool, visitor: str
) -> bool:
    """Record the visitor's answer; False when they had already answered (kept as it was)."""
    try:
        with transaction.atomic():
            ArticleFeedback.objects.create(
                store=store,
                article_id=article_id,
                language=language,
                helpful=helpful,
                visitor_hash=visitor,
            )
    except IntegrityError:
        return False
    return True
