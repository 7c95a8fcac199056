"""Benchmarks: the service against a minimal relay baseline (see docs/benchmarks.md)."""
