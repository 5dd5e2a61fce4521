"""BP Search: a machine, customer or sales order looked up across the installed base (NetSuite
or the bot's database), the CRM (HubSpot) and the bot's own tickets and service visits.

`BPSearch.lookup` classifies typed text (query.py) and answers with findings or candidates
(model.py); every outside call goes through one cache and timeout (sources.py), and a source
that does not answer is named on the answer with what stands in for it and its age.
`BPSearch.machine_history` gives the triage and ticket cards their two lines (history.py).
"""

from services.bp_search.history import MachineHistory
from services.bp_search.model import (
    Answer,
    Candidate,
    Finding,
    Gap,
    TicketHistory,
    TicketLine,
    Visit,
)
from services.bp_search.query import MAX_QUERY, USAGE, Kind, Query, QueryError, classify
from services.bp_search.service import BPSearch
from services.bp_search.sources import Sources

__all__ = [
    "MAX_QUERY",
    "USAGE",
    "Answer",
    "BPSearch",
    "Candidate",
    "Finding",
    "Gap",
    "Kind",
    "MachineHistory",
    "Query",
    "QueryError",
    "Sources",
    "TicketHistory",
    "TicketLine",
    "Visit",
    "classify",
]
