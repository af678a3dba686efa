"""Search of the archive, behind one function: search(SearchRequest) -> SearchResult.

Where things are:
- quotes.py: search_quotes(QuoteSearchRequest) -> QuoteSearchResult: quotation search (/quotes/), over
  the quotations' own words, bounded and time-limited as search() is; facets by speaker and outlet.
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
from articles.search.quotes import QUOTE_SORTS, QuoteSearchRequest, QuoteSearchResult, search_quotes
from articles.search.text import clean_query
from articles.search.time_limit import statement_cancelled

__all__ = [
    "QUOTE_SORTS",
    "SORTS",
    "BoundedPaginator",
    "Hit",
    "QuoteSearchRequest",
    "QuoteSearchResult",
    "SearchRequest",
    "SearchResult",
    "clean_query",
    "mark_quotes",
    "paginate",
    "search",
    "search_quotes",
    "statement_cancelled",
]
