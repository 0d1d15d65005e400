import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client


def test_healthz_answers_without_touching_the_database(client: Client) -> None:
    # No django_db mark: any database access in the view would fail the test.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_ready_when_every_migration_is_applied(client: Client) -> None:
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db(transaction=True)
def test_readyz_is_unavailable_while_a_migration_is_pending(client: Client) -> None:
    recorder = MigrationRecorder(connection)
    app, name = next(
        node for node in MigrationLoader(connection).graph.leaf_nodes() if node[0] == "orders"
    )
    recorder.record_unapplied(app, name)
    try:
        response = client.get("/readyz")
    finally:
        recorder.record_applied(app, name)

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "ok",
        "pending_migrations": 1,
    }
