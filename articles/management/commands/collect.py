import logging
import signal
import threading

from django.core.management.base import BaseCommand

from articles.collect import logger, run_worker


class Command(BaseCommand):
    help = (
        "Poll the feeds subscribed to in the admin as they fall due, storing new entries (articles/collect.py), and "
        "run the jobs staff queue in the admin: a pasted URL, a re-tag, a re-extraction (articles/jobs.py). "
        "Run one or several, on one machine or several: they never fetch the same feed or run the same job at once. "
        "Stops after the poll or job under way on SIGINT or SIGTERM (a re-extraction at its next saved batch)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Poll every feed and run every job due now, then exit.")

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
            self.stdout.write(f"collect: {polls} polls and jobs.")
