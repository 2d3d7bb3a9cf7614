"""The extraction pool (parallel._Pool): multiprocessing's Pool less its busy wait on the result pipe."""

from __future__ import annotations

from multiprocessing import get_all_start_methods, get_context
from multiprocessing.pool import Pool

import pytest

from leaderboard.parallel import _Pool


def test_the_hook_it_overrides_is_still_pools() -> None:
    assert "_get_sentinels" in vars(Pool)  # a Python whose Pool lost it would make the override dead code
    assert _Pool._get_sentinels is not Pool._get_sentinels


@pytest.mark.skipif("fork" not in get_all_start_methods(), reason="a forked pool starts in milliseconds")
def test_the_pool_wakes_on_its_change_notifier_only_and_still_works() -> None:
    pool = _Pool(2, context=get_context("fork"))
    try:
        assert pool._get_sentinels() == [pool._change_notifier._reader]  # not the result pipe's reader
        assert pool.map(abs, [-3, 4, -5]) == [3, 4, 5]
        assert pool.apply_async(divmod, (17, 5)).get(timeout=30) == (3, 2)
    finally:
        pool.terminate()
        pool.join()
