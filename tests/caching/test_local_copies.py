from caching.local_copies import LocalCopies


def test_copies_stay_within_their_budget_dropping_the_least_recently_used():
    """A process keeps the most recently used copies up to its byte budget."""
    copies = LocalCopies(megabytes=10_000 / 1024 / 1024)
    copies.set_many({f"card:{number}": "x" * 1_000 for number in range(8)})
    assert copies.get_many(["card:0"]) == {"card:0": "x" * 1_000}  # now the most recent
    copies.set_many({"article:1": {"head": "h" * 1_000, "main": "m" * 3_000}})
    assert copies.used <= 10_000
    kept = copies.get_many([f"card:{number}" for number in range(8)])
    assert set(kept) == {"card:0", "card:3", "card:4", "card:5", "card:6", "card:7"}
    assert copies.get_many(["article:1"])["article:1"]["main"] == "m" * 3_000
    copies.set_many({"article:1": "small"})  # replacing a copy counts only the new one
    assert copies.used == 6 * 1_000 + len("small")


def test_a_page_larger_than_the_budget_is_not_kept():
    copies = LocalCopies(megabytes=1 / 1024)
    copies.set_many({"page": (1, 200, [], b"x" * 2_000)})
    assert copies.get_many(["page"]) == {}
    assert copies.used == 0
