"""The one-process channel layer."""

import time

from channels.layers import InMemoryChannelLayer


class LocalChannelLayer(InMemoryChannelLayer):  # type: ignore[misc]  # channels is untyped
    """Channels' in-memory layer, with its expiry sweep run at most once a second.

    The stock layer walks every channel and every group member on each send and receive
    to drop expired messages; with a thousand open chats that walk, not the message,
    becomes the cost of each delivery. Expiry is measured in seconds (``expiry``,
    ``group_expiry``), so sweeping once a second changes nothing a client can see.
    """

    SWEEP_INTERVAL = 1.0
    _swept_at = 0.0

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now - self._swept_at < self.SWEEP_INTERVAL:
            return
        self._swept_at = now
        super()._clean_expired()
