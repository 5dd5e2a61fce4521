"""Process 5, parts & quotes: requests to the parts owner, their answers, and the order system.

Pure checks (services.parts.forms) decide; PartsRepository stores requests; OrderSystem is the
port to the order system (EmbeddedOrderSystem; NetSuiteOrderSystem in services.parts.netsuite
reads a sales order's status from NetSuite).
"""

from services.parts.forms import Checked, check_answer, check_request
from services.parts.model import (
    ORDER_STATUS_LABELS,
    REQUEST_TYPE_LABELS,
    Order,
    OrderSource,
    OrderStatus,
    PartsAnswer,
    PartsDraft,
    PartsRequest,
    PartsRuleError,
    QuoteLine,
    RequestStatus,
    RequestType,
)
from services.parts.orders import EmbeddedOrderSystem, OrderSystem, Quote
from services.parts.repository import PartsRepository

__all__ = [
    "ORDER_STATUS_LABELS",
    "REQUEST_TYPE_LABELS",
    "Checked",
    "EmbeddedOrderSystem",
    "Order",
    "OrderSource",
    "OrderStatus",
    "OrderSystem",
    "PartsAnswer",
    "PartsDraft",
    "PartsRepository",
    "PartsRequest",
    "PartsRuleError",
    "Quote",
    "QuoteLine",
    "RequestStatus",
    "RequestType",
    "check_answer",
    "check_request",
]
