"""Tests of the evaluation harness (medcite.eval)."""
