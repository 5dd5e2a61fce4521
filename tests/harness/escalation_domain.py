"""Process 4's records as the domain tests use them: a complete handoff and a complete RCCA."""

from services.escalations import Handoff

HANDOFF = Handoff(
    symptoms="E42 after 20 cases",
    steps_tried="- Reseated the infeed sensor cable",
    machine_model="BP-500",
    serial_number="SN-12345",
    software_versions="PLC 2.14, HMI 5.2",
    suspected_cause="Failing prox sensor",
    containment="Running at half speed",
    help_needed="Review the PLC logic around E42",
    urgency="high",
)
RCCA = {
    "root_cause": "Sensor bracket vibrates loose",
    "corrective_action": "New bracket, sensor re-aimed",
    "preventive_action": "Locking bracket on every BP-500",
}
