"""Search of the archive, behind one function: search(SearchRequest) -> SearchResult.

Where things are:
- api.py: SearchRequest, SearchResult and search(): the entry point, its time limit and the
  cheaper pass behind it, the person card and suggestions.
- planner.py: which pass fetches the first CAP + 1 matches, chosen from PostgreSQL's estimates.
- plans.py: those passes, as SQL (from the GIN index, walks by date, a person's mentions…).
- estimates.py: what the PostgreSQL planner knows (EXPLAIN estimates, the spread of dates).
- facets.py: counts by outlet, person, topic and year over the bounded matches.
- highlight.py: the snippets' <mark>s (ts_headline made safe), and quotations marked on the article page.
- pagination.py: counts and pages that never read past the cap, for every list of the site.
- text.py: the words as searched (clean_query()), and whether they hold anything to look for.
- time_limit.py: a statement timeout for one transaction, and telling its cancellation apart.
"""

from articles.search.api import SORTS, Hit, SearchRequest, SearchResult, search
from articles.search.highlight import mark_quotes
from articles.search.pagination import BoundedPaginator, paginate
from articles.search.text import clean_query
from articles.search.time_limit import statement_cancelled

__all__ = [
    "SORTS",
    "BoundedPaginator",
    "Hit",
    "SearchRequest",
    "SearchResult",
    "clean_query",
    "mark_quotes",
    "paginate",
    "search",
    "statement_cancelled",
]
