"""BLAS thread limit for the ranking engine.

The engine's BLAS work is small (L-BFGS's internal linear algebra, Cholesky of at most `DENSE_LIMIT`
methods), where OpenBLAS's thread hand-offs cost more than they save: on a 2-core VM a 300 x 300 Cholesky
took 160 ms threaded and 1.5 ms single-threaded. So ranking runs with one BLAS thread when threadpoolctl is
installed, and leaves the process untouched when it is not.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Limit BLAS to one thread inside the block, or as a decorator (no-op without threadpoolctl)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # the engine is correct without it, only slower on some machines
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield
