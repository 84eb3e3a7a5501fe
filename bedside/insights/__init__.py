"""What helps: a pure-Python analysis of one care circle's log (numpy and scipy, no Django).

``analyze(events)`` takes the circle's interchange events and returns an :class:`Analysis` with
one :class:`Finding` per technique × outcome × window it examined; see ``engine.py`` for the
decision rules and ``model.py`` for the model.
"""

from .engine import Analysis, Finding, analyze

__all__ = ["Analysis", "Finding", "analyze"]
