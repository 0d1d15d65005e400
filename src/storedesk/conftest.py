"""Fixtures shared by every app's tests: stores, staff of each role, API clients, the task
queue, the prepared databases that tests running real server processes start from, and the
browser of the browser tests."""

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from channels.layers import channel_layers
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import transaction
from django.tasks.base import TaskResultStatus
from django.test import Client
from django.utils import translation

from storedesk.accounts.actions.tokens import do_create_api_token
from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.accounts.tests.factories import MembershipFactory, StoreFactory, UserFactory
from storedesk.core.events import Event, subscribe
from storedesk.core.models import Store
from storedesk.core.runner import new_task_worker
from storedesk.core.tests.clients import logged_in
from storedesk.core.tests.processes import (
    copy_data_dir,
    environment,
    run_storedesk,
    serving,
    shared_lock,
)
from storedesk.livechat.models import ChatWidget
from storedesk.livechat.tests.factories import ChatWidgetFactory

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# Debian's Chromium: `playwright install` downloads a browser of its own, which fails here.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("browser") and not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Argon2 is what production uses; tests that are not about hashing need not pay for it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache_and_channel_layer() -> Iterator[None]:
    # Every test client request comes from 127.0.0.1, and rate-limit counters (and typing
    # state) live in the cache: the failed sign-ins or invalid tokens of one test must not
    # throttle the next. Socket groups live in the in-memory channel layer, which outlives
    # a test as well.
    cache.clear()
    channel_layers.backends.clear()
    yield
    cache.clear()
    channel_layers.backends.clear()


@pytest.fixture(autouse=True)
def _english_by_default() -> Iterator[None]:
    # A request answered in Turkish leaves Turkish active on the thread; the next test in the
    # same worker must start from the source language, as a new request would.
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def store(db: None) -> Store:
    return StoreFactory(name="Moda Çarşı", slug="moda")


@pytest.fixture
def other_store(db: None) -> Store:
    return StoreFactory(
        name="Sklep Łódź",
        slug="lodz",
        default_currency="PLN",
        languages=["pl"],
        default_language="pl",
        timezone="Europe/Warsaw",
        country="PL",
    )


@pytest.fixture
def make_staff(db: None) -> Callable[..., User]:
    def make(store: Store, role: Role = Role.AGENT, **fields: Any) -> User:
        user = UserFactory(**fields)
        MembershipFactory(store=store, user=user, role=role.value)
        return user

    return make


@pytest.fixture
def agent(store: Store, make_staff: Callable[..., User]) -> User:
    return make_staff(store, Role.AGENT, email="agent@moda.example")


@pytest.fixture
def admin(store: Store, make_staff: Callable[..., User]) -> User:
    return make_staff(store, Role.ADMIN, email="admin@moda.example", name="Emily Carter")


@pytest.fixture
def viewer(store: Store, make_staff: Callable[..., User]) -> User:
    return make_staff(store, Role.VIEWER, email="viewer@moda.example")


@pytest.fixture
def agent_client(agent: User) -> Client:
    """The agent UI as the store's agent sees it."""
    return logged_in(agent)


@pytest.fixture
def admin_client(admin: User) -> Client:
    """The agent UI as the store's admin sees it."""
    return logged_in(admin)


@pytest.fixture
def viewer_client(viewer: User) -> Client:
    """The agent UI as a viewer of the store sees it."""
    return logged_in(viewer)


@pytest.fixture
def team(store: Store, agent: User) -> Team:
    """The store's team, with the agent in it, at work Monday to Friday 09:00-18:00."""
    team = Team.objects.create(
        store=store,
        name="Europe",
        timezone="Europe/Istanbul",
        working_hours={str(day): [["09:00", "18:00"]] for day in range(1, 6)},
    )
    team.members.add(agent)
    return team


@pytest.fixture
def widget(store: Store) -> ChatWidget:
    """The store's website chat widget."""
    return ChatWidgetFactory(store=store)


@pytest.fixture
def agent_actor(store: Store, agent: User) -> Actor:
    return Actor(store=store, user=agent, role=Role.AGENT, permissions=ROLE_PERMISSIONS[Role.AGENT])


@pytest.fixture
def api_client(store: Store) -> Client:
    """A client authenticated with an integration token of ``store``."""
    _, raw = do_create_api_token(store, name="Platform sync")
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def other_api_client(other_store: Store) -> Client:
    _, raw = do_create_api_token(other_store, name="Other platform")
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def captured_events() -> Iterator[list[Event]]:
    """Every event delivered while the test runs; wrap the action in
    ``django_capture_on_commit_callbacks(execute=True)`` so that commits deliver them."""
    events: list[Event] = []
    unsubscribe = subscribe(events.append)
    yield events
    unsubscribe()


@pytest.fixture
def run_queued_tasks(db: None) -> Callable[[], list[str]]:
    """Runs the tasks waiting in the database queue the way ``storedesk worker`` does: each
    is claimed from the queue, run and marked done. Returns the names of the tasks run, and
    fails the test when one of them failed."""
    from django_tasks_db.models import DBTaskResult

    worker = new_task_worker("test", interval=0, batch=True)

    def run() -> list[str]:
        ran: list[str] = []
        while True:
            # Not Worker.run(): it closes the database connection between tasks, which
            # would end the test's transaction.
            with transaction.atomic():
                queued = DBTaskResult.objects.ready().get_locked()
                if queued is None:
                    return ran
                queued.claim(worker.worker_id)
            worker.run_task(queued)
            queued.refresh_from_db()
            if queued.status == TaskResultStatus.FAILED:
                pytest.fail(f"The task {queued.task_path} failed:\n{queued.traceback}")
            ran.append(queued.task_path)

    return run


def _session_temp(factory: pytest.TempPathFactory) -> Path:
    base = factory.getbasetemp()
    # Each xdist worker has a folder of its own inside the session's: share the session's,
    # so the workers prepare each database once between them.
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def migrated_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose SQLite database is migrated and empty, made once per session.
    Copy it (``core.tests.processes.copy_data_dir``) for a server of your own."""
    root = _session_temp(tmp_path_factory) / "prepared"
    prepared = root / "migrated"
    with shared_lock(root / "migrated.lock"):
        if not (root / "migrated.done").exists():
            shutil.rmtree(prepared, ignore_errors=True)
            run_storedesk(environment(prepared), "migrate", "--no-input", "-v0")
            (root / "migrated.done").touch()
    return prepared


@pytest.fixture(scope="session")
def demo_data_dir(tmp_path_factory: pytest.TempPathFactory, migrated_data_dir: Path) -> Path:
    """A data folder with the demo store loaded (``storedesk demo --no-serve``), made once
    per session. Copy it for a server of your own."""
    root = _session_temp(tmp_path_factory) / "prepared"
    prepared = root / "demo"
    with shared_lock(root / "demo.lock"):
        if not (root / "demo.done").exists():
            shutil.rmtree(prepared, ignore_errors=True)
            shutil.copytree(migrated_data_dir, prepared)
            run_storedesk(environment(prepared), "demo", "--no-serve")
            (root / "demo.done").touch()
    return prepared


@pytest.fixture
def demo_url(demo_data_dir: Path, tmp_path: Path) -> Iterator[str]:
    """``storedesk demo`` serving a private copy of the demo store loaded once per session:
    the command migrates and finds the store as on any later start, without the minute a
    busy machine takes to load it from scratch."""
    data = copy_data_dir(demo_data_dir, tmp_path / "data")
    with serving(environment(data), tmp_path / "demo.log", "demo") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator["Browser"]:
    """Headless Chromium, shared by the tests of one module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()
