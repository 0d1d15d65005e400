import pytest

from storedesk.core.ratelimit import RateLimit, RateLimited, check, hit

RULE = RateLimit("test-rule", limit=3, window=60)


def test_hits_up_to_the_limit_pass_and_the_next_one_waits_for_the_window() -> None:
    verdicts = [hit(RULE, "visitor-1", now=1_200_010.0) for _ in range(4)]

    assert [v.allowed for v in verdicts] == [True, True, True, False]
    assert [v.remaining for v in verdicts] == [2, 1, 0, 0]
    assert verdicts[-1].retry_after == 50  # the window started at 1,200,000


def test_a_new_window_counts_afresh() -> None:
    for _ in range(3):
        hit(RULE, "visitor-1", now=1_200_010.0)

    assert hit(RULE, "visitor-1", now=1_200_060.0).allowed


def test_keys_and_rules_are_counted_apart() -> None:
    for _ in range(3):
        hit(RULE, "visitor-1", now=1_200_010.0)

    assert hit(RULE, "visitor-2", now=1_200_010.0).allowed
    assert hit(RateLimit("other-rule", 3, 60), "visitor-1", now=1_200_010.0).allowed


def test_check_raises_with_the_seconds_to_wait() -> None:
    strict = RateLimit("strict", limit=1, window=30)
    check(strict, "k", message="slow down")

    with pytest.raises(RateLimited) as raised:
        check(strict, "k", message="slow down")

    assert (raised.value.code, raised.value.status, raised.value.message) == (
        "rate_limited", 429, "slow down",
    )  # fmt: skip
    assert 1 <= raised.value.retry_after <= 30
    assert raised.value.details == {"retry_after": raised.value.retry_after}
