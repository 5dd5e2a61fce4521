"""NetSuite as the project system: the sync worker's sender (projects.py), the project-system
port (system.py) and the project record the sender writes (job.py)."""

SYSTEM = "netsuite"  # the sync queue's name for NetSuite
