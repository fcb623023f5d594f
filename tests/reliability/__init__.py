"""Reliability: fault campaigns, fuzzed answers, secrets and the retry policy."""
