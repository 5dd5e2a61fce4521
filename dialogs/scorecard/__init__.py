"""The weekly scorecard: on request and posted each week."""
