"""Demo data: ten days or more of BestPack support work, told through the domain's commands.

`python -m scripts.demo_data [--database-url URL] [--days 10] [--force]` (or `make demo`)
fills the embedded database with tickets from intake to closure: late acknowledgements,
waits on customers and parts, escalations with their RCCA, quotes and orders, on-site service
(billable and awaiting approval), KB articles, reopens, and a few tickets still open or overdue.
"""

from scripts.demo_data.fill import fill
from scripts.demo_data.summary import DemoSummary, existing_content, summarize

__all__ = ["DemoSummary", "existing_content", "fill", "summarize"]
