"""Process-wide settings for a short command-line run."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Keep the cyclic garbage collector out of the way while we build large documents.

    Nothing we build here is cyclic, and the collector's passes over millions of new
    containers would otherwise cost as much as parsing them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
