"""The private PostgreSQL cluster: started on demand, reused, stopped, explained when impossible."""

import os
import shutil
import tempfile
from pathlib import Path

import psycopg2
import pytest

from newsarchive import pgcluster
from newsarchive.pgcluster import Cluster, ClusterError


@pytest.fixture
def cluster_root():
    # Not pytest's tmp_path: under root the server runs as `nobody`, who can't enter a 0700 folder.
    folder = Path(tempfile.mkdtemp(prefix="na-pg-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder / "pg"
    Cluster(folder / "pg").stop()
    shutil.rmtree(folder, ignore_errors=True)


def server_pid(cluster: Cluster) -> int:
    return int((cluster.data_dir / "postmaster.pid").read_text().split()[0])


def alive(pid: int) -> bool:
    """Running, and not merely a zombie waiting for its parent to reap it."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def test_start_reuse_and_stop(cluster_root):
    cluster = Cluster(cluster_root)
    cluster.start()
    assert cluster.is_running()
    # Unix socket only: no TCP listener, so a system server on 5432 is never in the way.
    assert "listen_addresses = ''" in (cluster.data_dir / "postgresql.conf").read_text()
    connection = psycopg2.connect(
        host=str(cluster.socket_dir), port=pgcluster.PORT, user=pgcluster.DB_USER, dbname=pgcluster.DB_NAME
    )
    with connection, connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('listen_addresses')")
        assert cursor.fetchone() == ("",)
    connection.close()
    pid = server_pid(cluster)

    cluster.start()  # a second run reuses the running server
    assert server_pid(cluster) == pid

    assert cluster.stop() is True
    assert not cluster.is_running()
    assert not alive(pid)
    assert cluster.stop() is False  # stopping again is harmless

    cluster.start()  # and it comes back with its data
    assert cluster.is_running()


def test_missing_server_binaries_name_the_package_to_install(monkeypatch):
    monkeypatch.delenv("PG_BINDIR", raising=False)
    monkeypatch.setattr(pgcluster.shutil, "which", lambda name: None)
    monkeypatch.setattr(pgcluster.glob, "glob", lambda pattern: [])
    with pytest.raises(ClusterError) as exc:
        pgcluster.find_bindir()
    assert "sudo apt install postgresql" in str(exc.value)
    assert "brew install postgresql@16" in str(exc.value)


def test_command_line_reports_errors_in_one_line(monkeypatch, capsys):
    monkeypatch.setattr(pgcluster, "find_bindir", lambda: (_ for _ in ()).throw(ClusterError(pgcluster.INSTALL_HINT)))
    assert pgcluster.main(["pgcluster", "start"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: PostgreSQL server binaries") and err.count("\n") == 1
