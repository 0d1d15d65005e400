"""What the sign-in security tests share: a fixed moment, and a member with two-factor on,
set up as the security page does it, with real codes from pyotp."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pyotp
import time_machine

from storedesk.accounts.actions.two_factor import check_confirm_two_factor, do_begin_two_factor
from storedesk.accounts.models import User

# Ten seconds into a 30-second code step, and five minutes into a 15-minute throttling
# window, so a test never straddles either.
NOW = datetime(2026, 11, 20, 9, 5, 10, tzinfo=UTC)
ADDRESS = "203.0.113.7"


def code_at(secret: str, moment: datetime) -> str:
    """The code an authenticator app with ``secret`` shows at ``moment``."""
    return pyotp.TOTP(secret).at(moment)


@dataclass(frozen=True)
class Enrolment:
    secret: str
    recovery_codes: list[str]

    def code(self, moment: datetime = NOW) -> str:
        return code_at(self.secret, moment)


def enrol(user: User) -> Enrolment:
    """Turn two-factor on for ``user`` with a code from a minute before NOW, so that every
    code from NOW on is still unused."""
    earlier = NOW - timedelta(minutes=1)
    with time_machine.travel(earlier, tick=False):
        device = do_begin_two_factor(user)
        codes = check_confirm_two_factor(
            user, code=code_at(device.secret, earlier), address="192.0.2.1"
        )
    return Enrolment(device.secret, codes)
