"""``[http] per_host`` across every worker: a per-host semaphore in Redis.

Inside one task, fetches are limited per host by
:func:`aggregator.toolkit.scheduling.run_per_host`; but a task is one source,
and many workers fetch sources of one host at once. With a broker, every
fetch first takes one of its host's slots here, shared by all workers of the
project (the key carries the project's queue name, one per store).

A host's slots are a sorted set: a member per slot taken, scored by the time
the slot lapses. One Lua script, atomic in Redis, drops the lapsed slots and
takes one if fewer than the limit are held; the fetch gives it back when it
ends. A slot lapses ``hold`` seconds after it was taken (``[http]
total_timeout`` + 10 s: no fetch outlives its deadline, which covers every
redirect and the body), so a worker killed mid-fetch gives its slot back by
then. Times are the Redis server's, the one clock every worker shares; the
key itself expires when its last slot could lapse, so no host is left behind.

A fetch may wait long for a slot when many workers fetch one host; its
task's lease on the source must not lapse meanwhile, or another worker
would take the source and fetch it too. :meth:`HostSlots.for_task` gives a
task's fetches a limiter that calls back (to renew the lease) while they wait.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from ..toolkit.scheduling import host_key

TAKE = """
local clock = redis.call('TIME')
local now = clock[1] * 1000 + math.floor(clock[2] / 1000)
local hold = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + hold, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], hold)
  return 1
end
return 0
"""

FIRST_WAIT = 0.02
"""Seconds before a waiting fetch asks again; doubled each time up to :data:`MOST_WAIT`."""
MOST_WAIT = 0.25


class HostSlots:
    """At most ``limit`` fetches from one host at once, among every worker that uses
    the same Redis and ``prefix``. Thread-safe (a redis-py client is)."""

    def __init__(self, client: Any, prefix: str, limit: int, hold: float) -> None:
        self.client = client
        self.prefix = prefix
        self.limit = limit
        self.hold_ms = max(1, round(hold * 1000))
        self.take = client.register_script(TAKE)

    def key(self, url: str) -> str:
        return f"{self.prefix}:host:{host_key(url)}"

    @contextmanager
    def __call__(self, url: str, while_waiting: Callable[[], None] | None = None) -> Iterator[None]:
        """Hold one of ``url``'s host's slots, waiting for one to come free and calling
        ``while_waiting`` between tries."""
        key, token = self.key(url), uuid.uuid4().hex
        wait = FIRST_WAIT
        while not self.take(keys=[key], args=[self.limit, self.hold_ms, token]):
            if while_waiting is not None:
                while_waiting()
            time.sleep(wait * (0.5 + random.random()))
            wait = min(MOST_WAIT, wait * 2)
        try:
            yield
        finally:
            self.client.zrem(key, token)

    def for_task(
        self, while_waiting: Callable[[], None]
    ) -> Callable[[str], AbstractContextManager[None]]:
        """The limiter for one task's fetches: ``while_waiting`` runs (from the fetching
        thread) while one of them waits for a slot."""

        def hold(url: str) -> AbstractContextManager[None]:
            return self(url, while_waiting)

        return hold


def host_slots(broker: str, prefix: str, limit: int, hold: float) -> HostSlots:
    import redis

    return HostSlots(redis.Redis.from_url(broker), prefix, limit, hold)
