import logging
import signal
import threading

from django.core.management.base import BaseCommand

from articles.collect import logger, run_worker


class Command(BaseCommand):
    help = (
        "Poll the feeds subscribed to in the admin as they fall due, storing new entries (articles/collect.py). "
        "Run one or several, on one machine or several: they never fetch the same feed at once. "
        "Stops after the poll under way on SIGINT or SIGTERM."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Poll every feed due now, then exit.")

    def handle(self, *args, once: bool = False, verbosity: int = 1, **options):
        if verbosity >= 1 and logger.level == logging.NOTSET:
            logger.setLevel(logging.INFO)  # a line per poll, whatever LOG_LEVEL says for the rest
        stop = threading.Event()
        # Put back afterwards: a process that forks later (call_command in tests, extraction pools) must not
        # leave its children deaf to SIGTERM.
        previous = {signum: signal.signal(signum, lambda *_: stop.set()) for signum in (signal.SIGINT, signal.SIGTERM)}
        try:
            polls = run_worker(stop=stop, once=once)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        if verbosity >= 1:
            self.stdout.write(f"collect: {polls} polls.")
