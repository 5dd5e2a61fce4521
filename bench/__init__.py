"""Benchmarks: the project's bot against a stock botbuilder baseline, over loopback HTTP."""
