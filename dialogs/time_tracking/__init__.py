"""Time worked on tickets: `time <ticket> <duration> [note]`, and Harvest's refusals told."""
