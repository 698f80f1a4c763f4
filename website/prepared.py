"""Querysets compiled to SQL once per process and run with new values.

Django builds and compiles a queryset's SQL anew on every run; for the few queries
every reader page makes (the article, Read more, Most Popular) that is most of the
time the query costs, not PostgreSQL. A prepared query is built once per connection
and set of fixed inputs, with a Param where a value changes from one request to the
next (now, the edition's language, the article), and then run with the values alone.

Only what is baked in at build time may be an input (e.g. a LIMIT); the time, the
language and the ids must be Params, or the first request's values would be kept.
"""

from collections.abc import Callable
from weakref import WeakKeyDictionary

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.models import (
    BooleanField,
    CharField,
    DateTimeField,
    Expression,
    F,
    Func,
    IntegerField,
    QuerySet,
    prefetch_related_objects,
)
from django.db.models.query import (
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
    get_related_populators,
)
from django.http import Http404
from django.utils import timezone

from website import editions


class Param(Expression):
    """A value given when the query runs: compiled as a placeholder, named by `name`."""

    def __init__(self, name: str, output_field):
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [self]


def any_of(field: str, name: str) -> Func:
    """`field = ANY(%s)`, with the list of ids given when the query runs, for filter().
    (An `__in` list is written into the SQL one placeholder per id.)"""
    ids = Param(name, ArrayField(IntegerField()))
    return Func(
        F(field),
        ids,
        template="%(expressions)s)",
        arg_joiner=" = ANY(",
        output_field=BooleanField(),
    )


# What changes from one reader request to the next in most prepared queries.
NOW = Param("now", DateTimeField())
LANGUAGE = Param("language", CharField())


def reading(**values) -> dict:
    """A prepared query's values as a reader sees it: now, in the edition being rendered."""
    return {"now": timezone.now(), "language": editions.current(), **values}


# What each kind of queryset gives: models, values() dicts or values_list() tuples.
ROWS = {ModelIterable: "models", ValuesIterable: "dicts", ValuesListIterable: "tuples"}


class Compiled:
    """One queryset's SQL, with Params among its parameters, and how its rows become models,
    dicts or tuples: what Django's ModelIterable, ValuesIterable and ValuesListIterable do
    with a compiler, done once."""

    def __init__(self, queryset: QuerySet, connection):
        iterable = queryset._iterable_class
        if iterable not in ROWS or queryset._known_related_objects:
            raise ValueError("only querysets of models, values() or values_list() are prepared")
        compiler = queryset.query.get_compiler(connection=connection)
        self.sql, self.params = compiler.as_sql()
        self.compiler = compiler
        self.width = compiler.col_count if compiler.has_extra_select else None
        self.prefetches = queryset._prefetch_related_lookups
        self.rows = ROWS[iterable]
        if self.rows == "dicts":
            query = queryset.query
            self.names = [*query.extra_select, *query.values_select, *query.annotation_select]
        if self.rows == "models":
            select, klass_info = compiler.select, compiler.klass_info
            self.model = klass_info["model"]
            fields = klass_info["select_fields"]
            self.start, self.end = fields[0], fields[-1] + 1
            self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
            self.populators = get_related_populators(klass_info, select, connection.alias)
            self.annotations = compiler.annotation_col_map

    def run(self, connection, values: dict) -> list:
        params = [values[p.name] if isinstance(p, Param) else p for p in self.params]
        # Queries being logged (DEBUG, a test counting them) are shown with their values,
        # which a prepared statement's run does not give Django.
        if settings.PREPARED_STATEMENTS and not connection.queries_logged:
            cursor = preparing_cursor(connection)
        else:
            cursor = connection.cursor()
        with cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.width is not None:
            rows = [row[: self.width] for row in rows]
        rows = self.compiler.results_iter([rows], tuple_expected=self.rows == "tuples")
        if self.rows == "tuples":
            return list(rows)
        if self.rows == "dicts":
            return [dict(zip(self.names, row, strict=True)) for row in rows]
        found = []
        for row in rows:
            item = self.model.from_db(connection.alias, self.init_list, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, item)
            for name, position in self.annotations.items():
                setattr(item, name, row[position])
            found.append(item)
        if self.prefetches:
            prefetch_related_objects(found, *self.prefetches)
        return found


# psycopg's default: a query run this often on a connection is prepared (PreparingCursor
# prepares its queries on their first run).
PREPARE_THRESHOLD = 5


class PreparingCursor(ServerBindingCursor):
    """A cursor that sends the values apart from the SQL (Django's own cursors write them
    into it) and runs it as a statement prepared on its connection: PostgreSQL plans a
    prepared query once per connection rather than on every run, and planning these
    queries took twice as long as running them (5 ms of the article page's 8).

    psycopg names and keeps the statements per connection (at most prepared_max), so a
    new connection prepares them again. Behind a pooler in transaction mode, that needs
    one that keeps protocol-level prepared statements (PgBouncer 1.21 and later)."""

    def execute(self, query, params=None, *, prepare=True, binary=None):
        return super().execute(query, params, prepare=prepare, binary=binary)


def preparing_cursor(connection):
    """A PreparingCursor of a Django connection, wrapped as connection.cursor() wraps its
    own (database errors become Django's)."""
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:
        # Django turns psycopg's prepared statements off (None); only server-bound cursors
        # such as this one ever prepare, so turning them back on leaves its own alone.
        raw.prepare_threshold = PREPARE_THRESHOLD
    with connection.wrap_database_errors:
        return connection._prepare_cursor(PreparingCursor(raw))


def prefetched(instance, **related: list) -> None:
    """Gives `instance` related objects read by prepared queries, as prefetch_related()
    would have: `instance.<name>.all()` then reads nothing. Each name is a reverse foreign
    key's or a many-to-many's accessor, which is what prefetch_related() keys them by."""
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    for name, items in related.items():
        manager = getattr(instance, name)
        if hasattr(manager, "field"):  # a reverse foreign key: each item knows its instance
            for item in items:
                setattr(item, manager.field.name, instance)
        queryset = manager.get_queryset()
        queryset._result_cache = list(items)
        queryset._prefetch_done = True
        cache[name] = queryset


def one_or_404(found: list):
    """The first of a prepared query's rows, or a 404 when it found none."""
    if not found:
        raise Http404("Nothing matches the given query.")
    return found[0]


class Prepared:
    """A queryset builder, compiled once per connection and fixed inputs.

    Called as prepared(*inputs, **values): the inputs (hashable, few: a count) are
    passed to the builder, the values fill its Params. Returns the rows as a list (of
    models, or dicts or tuples for a values() or values_list() queryset).
    """

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        # Per connection: a thread's connection compiles for itself (its converters
        # and cursor are its own).
        self.compiled = WeakKeyDictionary()

    def __call__(self, *inputs, **values) -> list:
        connection = connections[DEFAULT_DB_ALIAS]
        per_connection = self.compiled.setdefault(connection, {})
        if inputs not in per_connection:
            per_connection[inputs] = Compiled(self.build(*inputs), connection)
        return per_connection[inputs].run(connection, values)


def prepared(build: Callable[..., QuerySet]) -> Prepared:
    """Decorator: `build` returns a queryset with Params; see Prepared."""
    return Prepared(build)
