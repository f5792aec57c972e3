"""All-or-nothing batches of service calls (imports, score grids): every item is tried in
its own savepoint so that every bad item is reported, then everything is rolled back when
one failed."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import transaction

from bienche.core.errors import BiencheError


def all_or_nothing[T](
    items: Iterable[T], call: Callable[[T], object]
) -> list[tuple[T, BiencheError]]:
    """Call ``call`` on each item; return the failures (nothing is kept if there is one)."""
    failures: list[tuple[T, BiencheError]] = []
    with transaction.atomic():
        for item in items:
            try:
                with transaction.atomic():
                    call(item)
            except BiencheError as exc:
                failures.append((item, exc))
        if failures:
            transaction.set_rollback(True)
    return failures
