"""SLA alerts: not one of the 8 processes of The BestPack Support Way but the clock they all
run on (process 1 acknowledges within an hour; processes 3 and 8 answer and resolve in time).
Scheduled, no conversation: people hear when a deadline is close or has passed.

States of one (ticket, deadline, threshold), each reached once across restarts and replicas:
    RUNNING    the deadline is unmet and its thresholds are still ahead; the ticket's
               next_sla_check_at says when the sweep looks again (none while paused)
    WARNED     warn_before_breach_minutes are left → the assignee is told, or triage when the
               ticket has nobody yet
    BREACHED   the due time passed unmet → the assignee first, then triage and the engineering
               manager are told how late
    MET        acknowledged / first public note / resolved → no more alerts for that deadline
A sweep tells one card per ticket and threshold, naming every deadline at it (acknowledgement
and first response missed together are one breach card).
Triage is the triage channel when the profile names one and the bot can post there; otherwise
each triager's chat.

Commands: none. Card verbs on the alert: ticket.refresh (Open ticket), ticket.reassign
(process 2's assignment choice).
Scheduled job: sla_sweep (every minute).
"""
