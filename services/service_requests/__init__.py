"""Process 6, service request & scheduling: requests, approval, who goes, the project port.

Pure workflow commands (services.service_requests.workflow) decide; ServiceRequestRepository
stores; a ProjectSystem (embedded: EmbeddedProjectSystem) numbers the project of approved work.
"""

from services.service_requests.errors import ServiceRuleError, StaleRequest
from services.service_requests.model import (
    Billing,
    Dispatch,
    Notice,
    NoticeVia,
    RequestStatus,
    ServiceDraft,
    ServiceRequest,
)
from services.service_requests.projects import (
    EmbeddedProjectSystem,
    Project,
    ProjectOrder,
    ProjectSystem,
)
from services.service_requests.providers import dispatch_for
from services.service_requests.repository import ServiceRequestRepository

__all__ = [
    "Billing",
    "Dispatch",
    "EmbeddedProjectSystem",
    "Notice",
    "NoticeVia",
    "Project",
    "ProjectOrder",
    "ProjectSystem",
    "RequestStatus",
    "ServiceDraft",
    "ServiceRequest",
    "ServiceRequestRepository",
    "ServiceRuleError",
    "StaleRequest",
    "dispatch_for",
]
