"""Copies of cached values in this process's memory, for values that never change.

A value stored under a key that names its version (a piece of a page, a page of
one content version) can be copied into memory and served from there without
asking the shared cache again: only the current version has to be read from it.
"""

import threading
from collections import OrderedDict


def size_of(value) -> int:
    """Roughly how many bytes a value holds: its text, or a small fixed size for the rest."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, dict):
        return sum(size_of(part) for part in value.values())
    if isinstance(value, tuple):
        return sum(size_of(part) for part in value)
    return 64


# Every store of copies in this process, so they can all be emptied at once (clear_all).
EVERY_STORE: list["LocalCopies"] = []


def clear_all() -> None:
    """Empty every store of copies in this process: after its shared cache was emptied."""
    for store in EVERY_STORE:
        store.clear()


class LocalCopies:
    """The most recently used values, up to a budget in bytes, dropping the least recent."""

    def __init__(self, megabytes: float):
        self.budget, self.used = int(megabytes * 1024 * 1024), 0
        self.values, self.lock = OrderedDict(), threading.Lock()
        EVERY_STORE.append(self)

    def get_many(self, keys) -> dict:
        with self.lock:
            found = {key: self.values[key][0] for key in keys if key in self.values}
            for key in found:
                self.values.move_to_end(key)
        return found

    def set_many(self, values: dict) -> None:
        with self.lock:
            for key, value in values.items():
                if key in self.values:
                    self.used -= self.values.pop(key)[1]
                size = size_of(value)
                self.values[key] = (value, size)
                self.used += size
            while self.used > self.budget and self.values:
                self.used -= self.values.popitem(last=False)[1][1]

    def clear(self) -> None:
        with self.lock:
            self.values.clear()
            self.used = 0
