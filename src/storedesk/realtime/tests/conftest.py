from collections.abc import Iterator

import pytest
from channels.layers import channel_layers
from django.core.cache import cache


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def _fresh_counters_and_layer() -> Iterator[None]:
    # Rate-limit counters and typing state live in the cache, groups in the in-memory
    # channel layer; both outlive a test unless reset.
    cache.clear()
    channel_layers.backends.clear()
    yield
    cache.clear()
    channel_layers.backends.clear()
