from datetime import UTC, datetime

import pytest

from storedesk.core.errors import ValidationFailed
from storedesk.core.models import Store
from storedesk.core.pagination import paginate
from storedesk.orders.models import Order
from storedesk.orders.tests.factories import OrderFactory

pytestmark = pytest.mark.django_db


def test_pages_follow_ties_in_the_first_field_by_id(store: Store) -> None:
    same_time = datetime(2026, 11, 20, tzinfo=UTC)
    orders = [OrderFactory(customer__store=store, placed_at=same_time) for _ in range(5)]
    later = OrderFactory(customer__store=store, placed_at=datetime(2026, 11, 21, tzinfo=UTC))
    pages = []
    cursor = None

    while True:
        rows, cursor = paginate(
            Order.objects.all(), ordering=("-placed_at", "-id"), cursor=cursor, limit=2
        )
        pages.append([row.pk for row in rows])
        if cursor is None:
            break

    assert pages == [
        [later.pk, orders[4].pk],
        [orders[3].pk, orders[2].pk],
        [orders[1].pk, orders[0].pk],
    ]


@pytest.mark.parametrize(
    "cursor",
    [
        "!!!",
        "bm90IGpzb24",
        "WzFd",
        "WyJub3QgYSBkYXRlIiwgMV0",
        "WyIyMDI2LTExLTIwIiwgIngiXQ",
        "WzUsIDNd",  # [5, 3]: a number where a time belongs
        "WyIyMDI2LTExLTIwVDEwOjAwOjAwIiwgMV0",  # a time without its zone
    ],
)
def test_a_forged_cursor_is_a_validation_error(store: Store, cursor: str) -> None:
    with pytest.raises(ValidationFailed, match="cursor is not valid"):
        paginate(Order.objects.all(), ordering=("-placed_at", "-id"), cursor=cursor, limit=2)


def test_ascending_pages_walk_forward(store: Store) -> None:
    orders = [
        OrderFactory(customer__store=store, placed_at=datetime(2026, 11, d, tzinfo=UTC))
        for d in (3, 1, 2)
    ]
    first, cursor = paginate(
        Order.objects.all(), ordering=("placed_at", "id"), cursor=None, limit=2
    )
    second, last = paginate(
        Order.objects.all(), ordering=("placed_at", "id"), cursor=cursor, limit=2
    )

    assert [o.pk for o in first + second] == [orders[1].pk, orders[2].pk, orders[0].pk]
    assert last is None


def test_mixed_directions_are_refused() -> None:
    with pytest.raises(ValueError, match="same direction"):
        paginate(Order.objects.none(), ordering=("placed_at", "-id"), cursor=None, limit=2)
