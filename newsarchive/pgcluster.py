"""A private PostgreSQL cluster in var/pg, for running and testing without any set-up.

Used when DATABASE_URL is unset: `make db` (and so `make run` and `make test`) call
`python -m newsarchive.pgcluster start`, `make stop` calls `... stop`. The server listens
only on a Unix socket inside its own folder, so it never clashes with a system server on
port 5432, and settings find that socket by themselves.

initdb and postgres refuse to run as root, so under root the cluster runs as the
unprivileged user `nobody`.
"""

from __future__ import annotations

import glob
import hashlib
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_ROOT = BASE_DIR / "var" / "pg"
DB_NAME = "newsarchive"
DB_USER = "newsarchive"
PORT = 5432  # only names the socket file (.s.PGSQL.5432); no TCP port is opened
RUN_AS_WHEN_ROOT = "nobody"

INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found. Install them "
    "(Debian/Ubuntu: `sudo apt install postgresql`; macOS: `brew install postgresql@16`), "
    "put their folder on PATH or in PG_BINDIR, or set DATABASE_URL to an existing database."
)

# Tuned for a developer laptop and for the 1M-article benchmark, not for durability:
# this cluster is a local working copy; production uses DATABASE_URL. Memory is sized from the
# machine at each start (memory_options), so an existing cluster follows the machine it is on.
SERVER_SETTINGS = """
# --- added by newsarchive.pgcluster ---
listen_addresses = ''
work_mem = 32MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
synchronous_commit = off
random_page_cost = 1.1
jit = off
"""


def memory_options() -> str:
    """shared_buffers at a quarter of the machine's memory (128 MB to 4 GB, the usual advice) and
    effective_cache_size at three quarters. With 512 MB, a 1M-article archive's search index and
    recent articles did not stay in PostgreSQL's own cache: a common word with an outlet filter
    took 150 ms cold against 39 ms warm."""
    try:
        total_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    except (ValueError, OSError, AttributeError):
        total_mb = 2048
    shared = min(max(total_mb // 4, 128), 4096)
    return f"-c shared_buffers={shared}MB -c effective_cache_size={max(total_mb * 3 // 4, 512)}MB"


class ClusterError(Exception):
    """Something the person running the command has to fix; the message says what."""


def find_bindir() -> Path:
    """The folder holding initdb, pg_ctl and postgres, newest version first."""
    candidates: list[str] = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(os.environ["PG_BINDIR"])
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(str(Path(on_path).resolve().parent))
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=10)
            candidates.append(out.stdout.strip())
        except (OSError, subprocess.SubprocessError):
            pass

    def version_key(path: str) -> float:
        for part in Path(path).parts:
            digits = part.rsplit("@", 1)[-1]
            if digits.replace(".", "").isdigit():
                return float(digits.split(".")[0])
        return 0.0

    patterns = [
        "/usr/lib/postgresql/*/bin",  # Debian and Ubuntu
        "/usr/pgsql-*/bin",  # RHEL, Fedora (PGDG)
        "/opt/homebrew/opt/postgresql@*/bin",  # Homebrew on Apple silicon
        "/usr/local/opt/postgresql@*/bin",  # Homebrew on Intel
        "/Applications/Postgres.app/Contents/Versions/*/bin",
    ]
    for pattern in patterns:
        candidates.extend(sorted(glob.glob(pattern), key=version_key, reverse=True))
    for folder in candidates:
        if folder and all((Path(folder) / tool).exists() for tool in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    raise ClusterError(INSTALL_HINT)


def _traversable_by_others(path: Path) -> bool:
    """Whether an unprivileged user can reach `path` (every parent folder is o+x)."""
    for parent in [path, *path.parents]:
        if parent.exists() and not os.stat(parent).st_mode & 0o001:
            return False
    return True


class Cluster:
    def __init__(self, root: Path = DEFAULT_ROOT) -> None:
        self.root = Path(root)

    # The cluster lives in root/, or, when root's parents are closed to the unprivileged
    # user we must run as, in a /tmp folder that root/ is a symlink to.
    @property
    def home(self) -> Path:
        return self.root.resolve() if self.root.is_symlink() else self.root

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def socket_dir(self) -> Path:
        return self.home

    @property
    def socket_file(self) -> Path:
        return self.socket_dir / f".s.PGSQL.{PORT}"

    @property
    def log_file(self) -> Path:
        return self.home / "postgres.log"

    def _run_as(self) -> dict:
        if os.geteuid() != 0:
            return {}
        try:
            entry = pwd.getpwnam(RUN_AS_WHEN_ROOT)
        except KeyError as exc:
            raise ClusterError(
                f"Running as root, but there is no unprivileged user {RUN_AS_WHEN_ROOT!r} to run "
                "PostgreSQL as. Run as a normal user, or set DATABASE_URL."
            ) from exc
        return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}

    def _run(self, args: list[str], **kwargs) -> subprocess.CompletedProcess:
        env = dict(os.environ, LC_ALL="C", LANG="C")
        return subprocess.run(args, capture_output=True, text=True, env=env, cwd=self.home, **self._run_as(), **kwargs)

    def _prepare_home(self) -> None:
        if self.root.exists() or self.root.is_symlink():
            if not self.home.exists():
                raise ClusterError(f"{self.root} points to {self.home}, which is gone: remove {self.root}")
            return
        self.root.parent.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0 and not _traversable_by_others(self.root.parent):
            digest = hashlib.sha1(str(self.root).encode()).hexdigest()[:10]
            home = Path(tempfile.gettempdir()) / f"newsarchive-pg-{digest}"
            home.mkdir(exist_ok=True)
            self.root.symlink_to(home)
        else:
            self.root.mkdir()
        run_as = self._run_as()
        if run_as:
            os.chown(self.home, run_as["user"], run_as["group"])
        os.chmod(self.home, 0o700)

    def is_initialised(self) -> bool:
        return (self.data_dir / "PG_VERSION").exists()

    def is_running(self) -> bool:
        if not self.is_initialised():
            return False
        bindir = find_bindir()
        result = self._run([str(bindir / "pg_ctl"), "status", "-D", str(self.data_dir)])
        return result.returncode == 0

    def start(self) -> None:
        """Create the cluster if needed, start it if stopped, and make sure the database exists."""
        bindir = find_bindir()
        if len(str(self.socket_file)) > 100:
            raise ClusterError(
                f"The socket path {self.socket_file} is too long for a Unix socket; "
                "clone the project into a shorter path or set DATABASE_URL."
            )
        self._prepare_home()
        if not self.is_initialised():
            result = self._run(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(self.data_dir),
                    "-U",
                    DB_USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--locale-provider=icu",
                    "--icu-locale=und",
                ]
            )
            if result.returncode != 0:
                raise ClusterError(f"initdb failed in {self.data_dir}: {result.stderr.strip()}")
            with open(self.data_dir / "postgresql.conf", "a") as conf:
                conf.write(SERVER_SETTINGS)
        if not self.is_running():
            result = self._run(
                [
                    str(bindir / "pg_ctl"),
                    "start",
                    "-w",
                    "-t",
                    "60",
                    "-D",
                    str(self.data_dir),
                    "-l",
                    str(self.log_file),
                    "-o",
                    f"-k {self.socket_dir} -p {PORT} {memory_options()}",
                ]
            )
            if result.returncode != 0:
                tail = (
                    self.log_file.read_text(errors="replace").strip().splitlines()[-3:]
                    if self.log_file.exists()
                    else []
                )
                raise ClusterError(
                    f"PostgreSQL did not start in {self.data_dir}: {' / '.join(tail) or result.stderr.strip()}"
                )
        self._ensure_database(bindir)

    def _ensure_database(self, bindir: Path) -> None:
        psql = [
            str(bindir / "psql"),
            "-h",
            str(self.socket_dir),
            "-p",
            str(PORT),
            "-U",
            DB_USER,
            "-d",
            "postgres",
            "-tAc",
        ]
        exists = self._run([*psql, f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'"])
        if exists.returncode != 0:
            raise ClusterError(f"Cannot query the private cluster: {exists.stderr.strip()}")
        if exists.stdout.strip() != "1":
            created = self._run([*psql, f'CREATE DATABASE "{DB_NAME}"'])
            if created.returncode != 0:
                raise ClusterError(f"Cannot create database {DB_NAME}: {created.stderr.strip()}")

    def stop(self) -> bool:
        """Stop the server if it runs; True when it was running."""
        if not self.is_initialised() or not self.is_running():
            return False
        bindir = find_bindir()
        result = self._run([str(bindir / "pg_ctl"), "stop", "-w", "-m", "fast", "-D", str(self.data_dir)])
        if result.returncode != 0:
            raise ClusterError(f"pg_ctl stop failed: {result.stderr.strip()}")
        return True


def main(argv: list[str]) -> int:
    action = argv[1] if len(argv) > 1 else "status"
    cluster = Cluster()
    try:
        if action == "start":
            cluster.start()
            print(f"PostgreSQL is running for NewsArchive (socket in {cluster.socket_dir}).")
        elif action == "stop":
            print("PostgreSQL stopped." if cluster.stop() else "PostgreSQL was not running.")
        elif action == "status":
            print("running" if cluster.is_running() else "stopped")
        else:
            print(f"usage: python -m newsarchive.pgcluster start|stop|status (not {action!r})", file=sys.stderr)
            return 2
    except ClusterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
