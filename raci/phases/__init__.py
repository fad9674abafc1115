"""Phases as a capability: who holds each activity phase by phase (the side-by-side view
of ``raci matrix`` and the report), and the comparison of two phases (``raci diff
--phases``). Each takes a checked model and returns data."""
