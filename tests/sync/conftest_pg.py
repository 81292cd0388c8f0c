"""PostgreSQL fixtures for the hub tests (import them into a test module): one throwaway cluster per
run, a fresh database per test. Skipped, with the reason, only when the server programs are absent.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pg_cluster import ClusterUnavailable, LocalCluster, find_bin_dir


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[LocalCluster]:
    """A PostgreSQL server on a free port of 127.0.0.1, stopped and deleted at the end of the run."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[hub]')")
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL server programs (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or on "
            "PATH; `make test` installs the postgresql package as root"
        )
    cluster = LocalCluster(bin_dir)
    try:
        cluster.start()
    except ClusterUnavailable:
        cluster.stop()
        raise
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_url(pg_cluster: LocalCluster) -> str:
    """The URL of one database made for the whole run (tests that only read or check)."""
    return pg_cluster.new_hub_url("onestop_test")


@pytest.fixture
def pg_hub_url(pg_cluster: LocalCluster) -> str:
    """The URL of a new, empty database: a new PostgreSQL hub for this test."""
    return pg_cluster.new_hub_url()
