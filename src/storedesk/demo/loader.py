"""The demo store: a realistic multilingual shop, generated from a seed in a few seconds.

Atlas Store sells clothing, shoes and electronics to customers in Turkey, Poland, Germany,
France, Spain, the United States and the United Kingdom. Its orders are in every status and
its shipments tell every kind of tracking story: delivered, in transit, late, stuck without
a scan, failed attempts, pickup points and exceptions. Its inbox (see demo/inbox.py) holds
the conversations of the last few days about those orders. The same seed always gives the
same store; times are relative to the moment it is loaded, so the demo always looks current.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial
from itertools import islice

import phonenumbers
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from storedesk.accounts.actions.staff import do_add_member
from storedesk.accounts.actions.teams import do_create_team, do_set_role_authority
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.catalog.models import (
    Category,
    CategoryTranslation,
    Product,
    ProductTranslation,
    Variant,
)
from storedesk.core.actions import do_create_store
from storedesk.core.models import Store
from storedesk.core.money import quantize
from storedesk.core.text import search_key
from storedesk.customers.models import (
    ConsentChannel,
    ConsentSource,
    Customer,
    MarketingConsent,
    Tag,
)
from storedesk.customers.selectors import customer_search_key
from storedesk.demo import vocabulary as words
from storedesk.demo.helpcenter import has_demo_help_center, load_demo_help_center
from storedesk.demo.inbox import has_demo_inbox, load_demo_inbox
from storedesk.orders.models import (
    FinancialStatus,
    FulfillmentStatus,
    LineItem,
    Order,
    Shipment,
    ShipmentEvent,
    ShipmentStatus,
)

STORE_SLUG = "atlas"
STORE_NAME = "Atlas Store"
PASSWORD = "storedesk-demo"  # noqa: S105  (the published demo password)
FEATURED_EMAIL = "elif.yildiz@example.com"

STAFF = (
    # email, name, language, time zone, role, team
    ("owner@atlas.example", "Deniz Aksoy", "en", "Europe/Istanbul", Role.OWNER, None),
    ("ayse@atlas.example", "Ayşe Demir", "tr", "Europe/Istanbul", Role.AGENT, "Istanbul"),
    ("piotr@atlas.example", "Piotr Nowak", "pl", "Europe/Warsaw", Role.AGENT, "Istanbul"),
    ("emily@atlas.example", "Emily Carter", "en", "America/New_York", Role.ADMIN, "New York"),
    ("lucas@atlas.example", "Lucas Martin", "fr", "America/New_York", Role.AGENT, "New York"),
)
TEAMS = {
    "Istanbul": ("Europe/Istanbul", {str(d): [["09:00", "18:00"]] for d in range(1, 7)}),
    "New York": ("America/New_York", {str(d): [["09:00", "17:00"]] for d in range(1, 6)}),
}
SHIPPING_FEES = {
    "TRY": (Decimal("89.90"), Decimal("1500")),
    "PLN": (Decimal("14.99"), Decimal("200")),
    "EUR": (Decimal("4.95"), Decimal("60")),
    "USD": (Decimal("6.95"), Decimal("75")),
    "GBP": (Decimal("3.95"), Decimal("50")),
}
US_SALES_TAX = Decimal("0.08875")
BATCH = 500


@dataclass(frozen=True)
class DemoSummary:
    created: bool
    store_name: str
    customers: int
    orders: int
    password: str
    logins: list[tuple[str, str]]
    store_slug: str = STORE_SLUG
    featured_customer_email: str = FEATURED_EMAIL


def load_demo(*, seed: int = 2026, customers: int = 200, orders: int = 1000) -> DemoSummary:
    """Load the demo store once; when it exists already, change nothing and say so."""
    store = Store.objects.filter(slug=STORE_SLUG).first()
    created = store is None
    if store is None:
        with transaction.atomic():
            store = _DemoBuilder(random.Random(seed), now=_load_moment()).build(
                customers=customers, orders=orders
            )
            load_demo_inbox(store, seed=seed, now=timezone.now(), featured_email=FEATURED_EMAIL)
            # After the orders: the policies take effect from the first order's date.
            load_demo_help_center(store)
    else:
        # A demo store loaded by an earlier version gets what it did not have.
        if not has_demo_inbox(store):
            with transaction.atomic():
                load_demo_inbox(store, seed=seed, now=timezone.now(), featured_email=FEATURED_EMAIL)
        if not has_demo_help_center(store):
            load_demo_help_center(store)
    return DemoSummary(
        created=created,
        store_name=store.name,
        customers=Customer.objects.filter(store=store).count(),
        orders=Order.objects.filter(store=store).count(),
        password=PASSWORD,
        logins=[(email, role.value) for email, _, _, _, role, _ in STAFF],
    )


def _load_moment() -> datetime:
    return timezone.now().replace(minute=0, second=0, microsecond=0)


@dataclass
class _Sku:
    variant: Variant
    titles: dict[str, str]
    price_eur: Decimal


@dataclass
class _Plan:
    """An order about to be written, with its lines and shipment story."""

    order: Order
    lines: list[LineItem] = field(default_factory=list)
    shipment: Shipment | None = None
    events: list[ShipmentEvent] = field(default_factory=list)


class _DemoBuilder:
    def __init__(self, rng: random.Random, *, now: datetime) -> None:
        self.rng = rng
        self.now = now
        self.skus: list[_Sku] = []
        self.tracking_serial = 0

    def build(self, *, customers: int, orders: int) -> Store:
        store = do_create_store(
            name=STORE_NAME,
            slug=STORE_SLUG,
            default_currency="EUR",
            languages=list(words.LANGUAGES),
            default_language="en",
            timezone="Europe/Istanbul",
            country="TR",
        )
        self.store = store
        self._staff()
        self._catalog()
        people = self._customers(customers)
        self._orders(people, orders)
        return store

    # Staff ---------------------------------------------------------------------------
    def _staff(self) -> None:
        password_hash = make_password(PASSWORD)
        users = {}
        for email, name, language, zone, role, _ in STAFF:
            user = User.objects.create(
                email=email, name=name, language=language, timezone=zone, password=password_hash
            )
            do_add_member(self.store, user=user, role=role)
            users[email] = user
        for team_name, (zone, hours) in TEAMS.items():
            members = [users[email] for email, *_, team in STAFF if team == team_name]
            do_create_team(
                self.store, name=team_name, timezone=zone, working_hours=hours, members=members
            )
        for role, refund, discount, gift in (
            (Role.AGENT, "150", "15", "50"),
            (Role.ADMIN, "1000", "50", "250"),
            (Role.OWNER, "100000", "100", "10000"),
        ):
            do_set_role_authority(
                self.store,
                role=role,
                currency="EUR",
                max_refund=Decimal(refund),
                max_discount_percent=Decimal(discount),
                max_gift_card=Decimal(gift),
            )

    # Catalog -------------------------------------------------------------------------
    def _catalog(self) -> None:
        categories = {}
        for slug, names in words.CATEGORIES.items():
            category = Category.objects.create(store=self.store, slug=slug)
            CategoryTranslation.objects.bulk_create(
                CategoryTranslation(category=category, language=lang, name=name)
                for lang, name in names.items()
            )
            categories[slug] = category
        for handle, category_slug, price, titles in words.PRODUCTS:
            product = Product.objects.create(
                store=self.store,
                handle=handle,
                category=categories[category_slug],
                external_id=f"gid://atlas/Product/{len(self.skus) + 1001}",
            )
            ProductTranslation.objects.bulk_create(
                ProductTranslation(
                    product=product,
                    language=lang,
                    title=title,
                    description=words.DESCRIPTIONS[lang],
                )
                for lang, title in titles.items()
            )
            for options in self._variant_options(category_slug):
                suffix = "-".join(v.upper() for v in options.values()) or "ONE"
                variant = Variant.objects.create(
                    store=self.store,
                    product=product,
                    sku=f"{handle.upper()}-{suffix}",
                    options=options,
                    price=Decimal(price),
                    currency="EUR",
                    stock=self.rng.choice((0, 3, 12, 40, 120)),
                )
                self.skus.append(
                    _Sku(variant, self._variant_titles(titles, options), Decimal(price))
                )

    def _variant_options(self, category: str) -> list[dict[str, str]]:
        if category in {"tops", "bottoms", "outerwear", "dresses"}:
            return [{"colour": c, "size": s} for c in words.COLOURS for s in words.CLOTHING_SIZES]
        if category == "shoes":
            return [{"colour": "black", "size": s} for s in words.SHOE_SIZES]
        if category == "electronics":
            return [{"colour": c} for c in words.COLOURS]
        return [{}]

    def _variant_titles(self, titles: dict[str, str], options: dict[str, str]) -> dict[str, str]:
        result = {}
        for lang, title in titles.items():
            parts = []
            if "colour" in options:
                parts.append(words.COLOURS[options["colour"]][lang])
            if "size" in options:
                parts.append(options["size"])
            result[lang] = f"{title} ({', '.join(parts)})" if parts else title
        return result

    # Customers -----------------------------------------------------------------------
    def _customers(self, count: int) -> list[tuple[Customer, words.Market]]:
        rng = self.rng
        turkey = words.MARKETS[0]
        people: list[tuple[Customer, words.Market]] = [
            (self._customer(turkey, "Elif", "Yıldız", FEATURED_EMAIL, "İstanbul"), turkey)
        ]
        weights = [m.weight for m in words.MARKETS]
        seen_emails = {FEATURED_EMAIL}
        while len(people) < count:
            market = rng.choices(words.MARKETS, weights=weights)[0]
            first, last = rng.choice(market.first_names), rng.choice(market.last_names)
            email = self._email(first, last, market, len(people))
            if email in seen_emails:
                continue
            seen_emails.add(email)
            city = rng.choice(market.cities)[0]
            people.append((self._customer(market, first, last, email, city), market))
        Customer.objects.bulk_create([c for c, _ in people], batch_size=BATCH)
        self._tags(people)
        self._consents(people)
        return people

    def _customer(
        self, market: words.Market, first: str, last: str, email: str, city: str
    ) -> Customer:
        rng = self.rng
        customer = Customer(
            store=self.store,
            first_name=first,
            last_name=last,
            email=email,
            phone=self._phone(market),
            language=market.language,
            timezone=market.timezone,
            country=market.country,
            external_id=f"gid://atlas/Customer/{rng.randrange(10**8, 10**9)}",
            birthday=date(rng.randrange(1955, 2006), rng.randrange(1, 13), rng.randrange(1, 29))
            if rng.random() < 0.7
            else None,
            notes=rng.choice(words.NOTES) if rng.random() < 0.1 else "",
        )
        if email == FEATURED_EMAIL:
            customer.birthday = date(1991, 4, 23)
            customer.notes = f"Lives in {city}. Prefers WhatsApp for delivery questions."
        customer.search_key = customer_search_key(customer)
        return customer

    def _email(self, first: str, last: str, market: words.Market, serial: int) -> str:
        local = f"{search_key(first)}.{search_key(last)}".replace(" ", "").replace("'", "")
        return f"{local}{serial}@example.com"

    def _phone(self, market: words.Market) -> str:
        while True:
            digits = "".join(str(self.rng.randrange(10)) for _ in range(market.phone_digits))
            number = phonenumbers.parse(market.phone_prefix + digits)
            if phonenumbers.is_valid_number(number):
                return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def _tags(self, people: list[tuple[Customer, words.Market]]) -> None:
        tags = {
            name: Tag.objects.create(store=self.store, name=name, key=search_key(name))
            for name in ("VIP", "first-time buyer", "wholesale", "newsletter")
        }
        through = Customer.tags.through
        links = []
        for index, (customer, _) in enumerate(people):
            names = ["VIP"] if index == 0 else []
            roll = self.rng.random()
            if index and roll < 0.12:
                names.append("VIP")
            elif index and roll < 0.35:
                names.append("first-time buyer")
            if self.rng.random() < 0.04:
                names.append("wholesale")
            links += [through(customer_id=customer.pk, tag_id=tags[n].pk) for n in names]
        through.objects.bulk_create(links, batch_size=BATCH)

    def _consents(self, people: list[tuple[Customer, words.Market]]) -> None:
        records = []
        email_consent = partial(MarketingConsent, store=self.store, channel=ConsentChannel.EMAIL)
        for customer, market in people:
            if self.rng.random() > 0.6:
                continue
            granted_at = self.now - timedelta(days=self.rng.randrange(30, 540))
            records.append(
                email_consent(
                    customer=customer,
                    granted=True,
                    source=ConsentSource.CHECKOUT,
                    wording=words.CONSENT_WORDING[market.language],
                    recorded_at=granted_at,
                )
            )
            if self.rng.random() < 0.15:
                withdrawn_at = granted_at + timedelta(days=self.rng.randrange(5, 25))
                records.append(
                    email_consent(
                        customer=customer,
                        granted=False,
                        source=ConsentSource.FORM,
                        recorded_at=withdrawn_at,
                    )
                )
        MarketingConsent.objects.bulk_create(records, batch_size=BATCH)

    # Orders --------------------------------------------------------------------------
    def _orders(self, people: list[tuple[Customer, words.Market]], count: int) -> None:
        featured, turkey = people[0]
        plans = [
            self._plan(featured, turkey, "completed", story="delivered", days_ago=41),
            self._plan(featured, turkey, "open", story="in_transit_featured", days_ago=3),
            self._plan(featured, turkey, "open", story="unfulfilled", days_ago=0),
        ]
        # A few loyal customers order often; most order once or twice.
        weights = [1 + (self.rng.random() < 0.1) * 8 for _ in people[1:]]
        while len(plans) < count:
            customer, market = self.rng.choices(people[1:], weights=weights)[0]
            plans.append(self._random_plan(customer, market))
        plans.sort(key=lambda p: p.order.placed_at)
        for number, plan in enumerate(plans, start=10001):
            plan.order.number = str(number)
            plan.order.external_id = f"gid://atlas/Order/{number}"
        self._write(plans)

    def _random_plan(self, customer: Customer, market: words.Market) -> _Plan:
        roll = self.rng.random()
        if roll < 0.03:
            return self._plan(
                customer, market, "draft", story="none", days_ago=self.rng.randrange(0, 10)
            )
        if roll < 0.09:
            return self._plan(
                customer, market, "cancelled", story="none", days_ago=self.rng.randrange(1, 500)
            )
        if roll < 0.40:
            story = self.rng.choice(
                (
                    "unfulfilled",
                    "packed",
                    "pending_label",
                    "info_received",
                    "in_transit",
                    "in_transit",
                    "in_transit",
                    "out_for_delivery",
                    "delayed",
                    "stuck",
                    "exception",
                    "attempt_fail",
                    "available_for_pickup",
                    "partial",
                )
            )
            return self._plan(customer, market, "open", story=story, days_ago=None)
        story = self.rng.choices(("delivered", "returned", "expired"), weights=(90, 7, 3))[0]
        return self._plan(
            customer, market, "completed", story=story, days_ago=self.rng.randrange(12, 540)
        )

    def _plan(
        self,
        customer: Customer,
        market: words.Market,
        status: str,
        *,
        story: str,
        days_ago: int | None,
    ) -> _Plan:
        rng = self.rng
        events = self._story_events(story, market)
        if days_ago is None:
            days_ago = 0 if not events else (self.now - events[0][2]).days
        placed_at = self.now - timedelta(
            days=days_ago, hours=rng.randrange(1, 20), minutes=rng.randrange(60)
        )
        if events and days_ago >= 10:
            events = self._shift(events, placed_at + timedelta(hours=rng.randrange(14, 40)))
        order = Order(
            store=self.store,
            customer=customer,
            status=status,
            currency=market.currency,
            placed_at=placed_at,
            promised_delivery_date=(placed_at + timedelta(days=5)).date(),
            payment_method=rng.choice(market.payment_methods),
            shipping_address=self._address(customer, market),
            **self._statuses(status, story),
        )
        if story == "delayed":
            order.promised_delivery_date = (self.now - timedelta(days=2)).date()
        plan = _Plan(order=order, lines=self._lines(market))
        self._totals(plan, market)
        if events or story == "pending_label":
            self._shipment(plan, market, events, story)
        return plan

    def _statuses(self, status: str, story: str) -> dict[str, str]:
        rng = self.rng
        if status == "draft":
            return {
                "financial_status": FinancialStatus.PENDING,
                "fulfillment_status": FulfillmentStatus.UNFULFILLED,
            }
        if status == "cancelled":
            return {
                "financial_status": rng.choice((FinancialStatus.VOIDED, FinancialStatus.REFUNDED)),
                "fulfillment_status": FulfillmentStatus.UNFULFILLED,
            }
        if status == "completed":
            if story == "returned":
                return {
                    "financial_status": FinancialStatus.REFUNDED,
                    "fulfillment_status": FulfillmentStatus.RETURNED,
                }
            return {
                "financial_status": rng.choices(
                    (FinancialStatus.PAID, FinancialStatus.PARTIALLY_REFUNDED), weights=(92, 8)
                )[0],
                "fulfillment_status": FulfillmentStatus.FULFILLED,
            }
        if story == "unfulfilled":
            return {
                "financial_status": rng.choice(
                    (
                        FinancialStatus.PENDING,
                        FinancialStatus.AUTHORIZED,
                        FinancialStatus.PAID,
                        FinancialStatus.PARTIALLY_PAID,
                    )
                ),
                "fulfillment_status": FulfillmentStatus.UNFULFILLED,
            }
        fulfillment = {
            "packed": FulfillmentStatus.PACKED,
            "partial": FulfillmentStatus.PARTIALLY_FULFILLED,
        }.get(story, FulfillmentStatus.FULFILLED)
        return {"financial_status": FinancialStatus.PAID, "fulfillment_status": fulfillment}

    def _address(self, customer: Customer, market: words.Market) -> dict[str, str]:
        city, postal_code = self.rng.choice(market.cities)
        if customer.email == FEATURED_EMAIL:
            city, postal_code = "İstanbul", "34710"
        return {
            "name": customer.full_name,
            "line1": f"{self.rng.choice(market.streets)} {self.rng.randrange(1, 180)}",
            "city": city,
            "postal_code": postal_code,
            "country": market.country,
            "phone": customer.phone,
        }

    def _lines(self, market: words.Market) -> list[LineItem]:
        lines = []
        rate = words.RATES[market.currency]
        for sku in self.rng.sample(
            self.skus, k=self.rng.choices((1, 2, 3, 4), weights=(50, 30, 14, 6))[0]
        ):
            lines.append(
                LineItem(
                    store=self.store,
                    variant=sku.variant,
                    sku=sku.variant.sku,
                    title=sku.titles[market.language],
                    quantity=self.rng.choices((1, 2, 3), weights=(85, 12, 3))[0],
                    unit_price=quantize(sku.price_eur * rate),
                    currency=market.currency,
                )
            )
        return lines

    def _totals(self, plan: _Plan, market: words.Market) -> None:
        order = plan.order
        items = sum((line.unit_price * line.quantity for line in plan.lines), Decimal(0))
        fee, free_from = SHIPPING_FEES[market.currency]
        order.items_total = quantize(items)
        order.shipping_total = Decimal(0) if items >= free_from else fee
        order.discount_total = (
            quantize(items * Decimal("0.10")) if self.rng.random() < 0.15 else Decimal(0)
        )
        order.tax_total = (
            quantize((items - order.discount_total) * US_SALES_TAX)
            if market.country == "US"
            else Decimal(0)
        )

    # Shipments -----------------------------------------------------------------------
    def _story_events(self, story: str, market: words.Market) -> list[tuple[str, str, datetime]]:
        """(status, scan kind, time) of a shipment's scans, ending at or before now."""
        rng = self.rng
        # Every parcel is labelled, picked up and scanned at a hub; most then reach a branch.
        at_hub = ["info_received", "picked_up", "hub"]
        at_branch = [*at_hub, "branch"]
        delivered = [*at_branch, "out_for_delivery", "delivered"]
        path = {
            "info_received": ["info_received"],
            "in_transit": at_hub + (["branch"] * rng.randrange(2)),
            "in_transit_featured": at_branch,
            "partial": at_hub,
            "out_for_delivery": [*at_branch, "out_for_delivery"],
            "delayed": [*at_hub, "hub"],
            "stuck": at_hub,
            "exception": [*at_hub, rng.choice(("damaged", "address", "customs"))],
            "attempt_fail": [*at_branch, "out_for_delivery", "attempt_fail"],
            "available_for_pickup": [*at_branch, "available_for_pickup"],
            "delivered": delivered,
            "returned": delivered,
            "expired": [*at_hub, "expired"],
        }.get(story, [])
        if not path:
            return []
        last = self.now - timedelta(hours=rng.randrange(1, 20))
        if story == "stuck":
            last = self.now - timedelta(days=rng.randrange(6, 10))
        if story == "delayed":
            last = self.now - timedelta(hours=rng.randrange(20, 40))
        times = [last]
        for _ in path[1:]:
            times.append(times[-1] - timedelta(hours=rng.randrange(6, 30)))
        if story == "delayed":
            times[-1] -= timedelta(days=5)
        return [
            (self._status_of(kind), kind, at)
            for kind, at in zip(path, reversed(times), strict=True)
        ]

    def _shift(
        self, events: list[tuple[str, str, datetime]], start: datetime
    ) -> list[tuple[str, str, datetime]]:
        offset = start - events[0][2]
        return [(status, kind, at + offset) for status, kind, at in events]

    def _status_of(self, kind: str) -> str:
        return {
            "picked_up": ShipmentStatus.IN_TRANSIT,
            "hub": ShipmentStatus.IN_TRANSIT,
            "branch": ShipmentStatus.IN_TRANSIT,
            "damaged": ShipmentStatus.EXCEPTION,
            "address": ShipmentStatus.EXCEPTION,
            "customs": ShipmentStatus.EXCEPTION,
        }.get(kind, kind)

    def _shipment(
        self, plan: _Plan, market: words.Market, events: list[tuple[str, str, datetime]], story: str
    ) -> None:
        carrier, url = self.rng.choice(market.carriers)
        self.tracking_serial += 1
        number = f"{market.country}{7300000000 + self.tracking_serial * 7919}"
        city = plan.order.shipping_address["city"]
        hubs = words.HUBS[market.country]
        records: list[ShipmentEvent] = []
        for status, kind, at in events:
            location = (
                city
                if kind
                in {
                    "branch",
                    "out_for_delivery",
                    "delivered",
                    "attempt_fail",
                    "available_for_pickup",
                }
                else self.rng.choice(hubs)
            )
            records.append(
                ShipmentEvent(
                    store=self.store,
                    status=status,
                    message=words.SCANS[kind][market.language],
                    location=location,
                    occurred_at=at,
                    external_id=f"{number}-{len(records) + 1}",
                    sub_status={
                        "damaged": "damaged",
                        "address": "address_problem",
                        "customs": "customs_hold",
                        "attempt_fail": "recipient_absent",
                    }.get(kind, ""),
                )
            )
        placed = plan.order.placed_at
        estimate = datetime.combine(
            plan.order.promised_delivery_date or placed.date(),
            datetime.min.time(),
            tzinfo=placed.tzinfo,
        ) + timedelta(hours=18)
        latest = records[-1] if records else None
        shipped = next(
            (
                e.occurred_at
                for e in records
                if e.status not in {ShipmentStatus.PENDING, ShipmentStatus.INFO_RECEIVED}
            ),
            None,
        )
        plan.shipment = Shipment(
            store=self.store,
            carrier=carrier,
            tracking_number=number,
            tracking_url=url.format(number=number),
            status=latest.status if latest else ShipmentStatus.PENDING,
            sub_status=latest.sub_status if latest else "",
            estimated_delivery_at=estimate,
            shipped_at=shipped,
            delivered_at=latest.occurred_at if latest and latest.status == "delivered" else None,
            last_event_at=latest.occurred_at if latest else None,
        )
        plan.events = records
        if story == "in_transit_featured":
            plan.shipment.estimated_delivery_at = self.now + timedelta(days=1, hours=6)

    # Writing -------------------------------------------------------------------------
    def _write(self, plans: list[_Plan]) -> None:
        for chunk in _chunks(plans, BATCH):
            Order.objects.bulk_create([p.order for p in chunk])
            lines = []
            shipments = []
            for plan in chunk:
                for line in plan.lines:
                    line.order = plan.order
                    lines.append(line)
                if plan.shipment is not None:
                    plan.shipment.order = plan.order
                    shipments.append(plan.shipment)
            LineItem.objects.bulk_create(lines)
            Shipment.objects.bulk_create(shipments)
            events = []
            for plan in chunk:
                for event in plan.events:
                    assert plan.shipment is not None
                    event.shipment = plan.shipment
                    events.append(event)
            ShipmentEvent.objects.bulk_create(events)


def _chunks(items: list[_Plan], size: int) -> list[list[_Plan]]:
    iterator = iter(items)
    chunks = []
    while chunk := list(islice(iterator, size)):
        chunks.append(chunk)
    return chunks
