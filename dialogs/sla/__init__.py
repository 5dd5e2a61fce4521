"""SLA alerts: warnings and breaches told to the right people, once each."""
