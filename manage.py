#!/usr/bin/env python
"""Django's command-line utility, with one friendly line for an unreachable database."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except OperationalError as exc:
        if getattr(exc.__cause__, "pgcode", None):
            raise  # the server answered with an error of its own (a timeout, a failed migration): show it as it is
        # Unreachable (no server code): a wall of traceback hides the one thing to do, so say it in one line.
        from newsarchive.settings import database_help

        sys.stderr.write(database_help(exc) + "\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
