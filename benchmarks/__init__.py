"""Benchmarks of the SDK against raw httpx, measured side by side on loopback.

Run ``python -m benchmarks`` (``--quick`` for a short smoke run); see ``README.md``.
"""
