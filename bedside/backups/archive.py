"""Whole-instance backups: one file that holds every row, and a restore that checks it first.

The file is portable between databases (a backup of the SQLite default restores into
PostgreSQL and back): gzip-compressed JSON holding a manifest and the rows in Django's own
serialisation, primary keys kept so that links between rows survive. The manifest says which
database changes (migrations) the rows were written under, how many rows each table holds and
a SHA-256 of the rows, so a damaged, truncated or hand-edited file is refused before anything
is written.

What is left out is what a restored instance must not inherit: signed-in sessions (a restore
must not sign anybody back in), recent failed sign-ins, and the content-type and permission
tables that ``migrate`` creates itself.

Restoring never overwrites: it needs a database that holds no accounts yet (a new SQLite file or
an empty PostgreSQL database), migrates it, loads every row in one transaction and checks the
counts. One bad row and nothing is kept. The audit trail is append-only, which is one more
reason a restore goes into a fresh database rather than over an old one.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.core.serializers import python
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = "bedside-backup"
VERSION = 1
SUFFIX = ".json.gz"

# Rows a restored instance must not inherit, and tables ``migrate`` fills by itself.
LEFT_OUT = {
    "sessions.session",
    "circles.loginfailure",
    "contenttypes.contenttype",
    "auth.permission",
}


class BackupError(Exception):
    """A backup cannot be written, read or restored; the message says why, for a person."""


@dataclass(frozen=True)
class Manifest:
    created_at: str
    database: str
    migrations: dict[str, list[str]]  # app label → applied leaf migrations
    counts: dict[str, int]  # "app.model" → rows
    sha256: str

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


@dataclass
class Backup:
    manifest: Manifest
    objects: list[dict[str, Any]] = field(repr=False)


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def backed_up_models() -> list[type[models.Model]]:
    """Every table with data of its own, parents before children where natural keys need it."""
    chosen = [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and _label(model) not in LEFT_OUT
    ]
    app_list: dict[Any, list[type[models.Model]]] = {}
    for model in chosen:
        app_list.setdefault(model._meta.app_config, []).append(model)
    return serializers.sort_dependencies(list(app_list.items()), allow_cycles=True)


class _Encoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a backup keeps them whole."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def digest(document: dict[str, Any]) -> str:
    """SHA-256 of everything in the file but the checksum itself, in a canonical form."""
    rest = {k: v for k, v in document.items() if k != "sha256"}
    text = json.dumps(rest, sort_keys=True, separators=(",", ":"), cls=_Encoder)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def applied_leaves(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    """The last applied migration of each app (its leaf nodes in the applied graph)."""
    loader = MigrationLoader(connections[using])
    applied = set(loader.applied_migrations)
    leaves: dict[str, list[str]] = {}
    for app_label, name in sorted(applied):
        key = (app_label, name)
        if key not in loader.graph.nodes:
            continue
        children = loader.graph.node_map[key].children
        if not any(child.key in applied and child.key[0] == app_label for child in children):
            leaves.setdefault(app_label, []).append(name)
    return leaves


@contextmanager
def _read_transaction(using: str) -> Iterator[None]:
    """One transaction that sees a single moment of the database and blocks no one's writes.

    PostgreSQL: REPEATABLE READ. SQLite: Bedside's connections begin IMMEDIATE transactions
    (so two writers queue instead of failing), which would hold the write lock for the whole
    backup; a DEFERRED one only reads, and in WAL mode writers carry on beside it.
    """
    connection = connections[using]
    connection.ensure_connection()  # connecting sets the mode from the settings: connect first
    previous = getattr(connection, "transaction_mode", None)
    if connection.vendor == "sqlite":
        connection.transaction_mode = "DEFERRED"
    try:
        with transaction.atomic(using=using):
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield
    finally:
        if connection.vendor == "sqlite":
            connection.transaction_mode = previous


def _snapshot(using: str) -> dict[str, Any]:
    """Read every row inside one transaction: a consistent picture even while people log."""
    connection = connections[using]
    with _read_transaction(using):
        objects: list[dict[str, Any]] = []
        counts: dict[str, int] = {}
        for model in backed_up_models():
            rows = model._base_manager.using(using).order_by("pk")
            serialised = serializers.serialize("python", rows.iterator())
            _name_left_out_links(model, serialised, using)
            counts[_label(model)] = len(serialised)
            objects.extend(serialised)
        migrations = applied_leaves(using)
    # The python serialiser leaves dates and decimals as objects: make them JSON text now so the
    # digest is computed over exactly what the file will hold.
    objects = json.loads(json.dumps(objects, cls=_Encoder))
    document = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(timespec="seconds"),
        "database": connection.vendor,
        "migrations": migrations,
        "counts": counts,
        "objects": objects,
    }
    document["sha256"] = digest(document)
    return document


def _manifest(document: dict[str, Any]) -> Manifest:
    return Manifest(
        created_at=str(document["created_at"]),
        database=str(document["database"]),
        migrations={str(k): [str(n) for n in v] for k, v in document["migrations"].items()},
        counts={str(k): int(v) for k, v in document["counts"].items()},
        sha256=str(document["sha256"]),
    )


def _name_left_out_links(
    model: type[models.Model], serialised: list[dict[str, Any]], using: str
) -> None:
    """Links to permissions and content types by name: ``migrate`` numbers those anew.

    Every other link keeps its number, because every other row keeps its primary key.
    """
    for link in model._meta.get_fields():
        target = getattr(link, "related_model", None)
        if link.auto_created or target is None or _label(target) not in LEFT_OUT:
            continue
        names = {obj.pk: list(obj.natural_key()) for obj in target._base_manager.using(using).all()}
        for row in serialised:
            value = row["fields"].get(link.name)
            if isinstance(value, list):
                row["fields"][link.name] = [names[pk] for pk in value]
            elif value is not None:
                row["fields"][link.name] = names[value]


def write_backup(path: Path, *, using: str = DEFAULT_DB_ALIAS) -> Manifest:
    """Write a backup to ``path``, readable by its owner only, and never as a half file.

    The rows go to a temporary file beside ``path`` that is renamed into place once complete,
    so a full disk or a crash leaves the previous backups as they were.
    """
    document = _snapshot(using)
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".backup-", dir=path.parent)
    except OSError as error:
        raise BackupError(
            _("Cannot write %(file)s: %(reason)s") % {"file": path, "reason": error.strerror}
        ) from error
    try:
        os.fchmod(fd, 0o600)  # health data: readable by the owner only
        with os.fdopen(fd, "wb") as raw:
            with gzip.GzipFile(fileobj=raw, mode="wb") as handle:
                handle.write(json.dumps(document, ensure_ascii=False).encode("utf-8"))
            # On disk before it takes the real name: a crash must not leave a half backup there.
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise BackupError(
            _("Cannot write %(file)s: %(reason)s") % {"file": path, "reason": error.strerror}
        ) from error
    return _manifest(document)


def read_backup(path: Path) -> Backup:
    """Open and check a backup file: format, version, row counts and checksum."""
    try:
        with gzip.open(path, "rb") as handle:
            document = json.loads(handle.read().decode("utf-8"))
    except FileNotFoundError as error:
        raise BackupError(_("There is no file %(file)s.") % {"file": path}) from error
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(
            _("%(file)s is not a Bedside backup, or it is damaged or cut short.") % {"file": path}
        ) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(_("%(file)s is not a Bedside backup.") % {"file": path})
    if document.get("version") != VERSION:
        raise BackupError(
            _("%(file)s was written in backup format %(version)s, which this Bedside cannot read.")
            % {"file": path, "version": document.get("version")}
        )
    try:
        manifest = _manifest(document)
        objects = document["objects"]
        if not isinstance(objects, list):
            raise TypeError
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BackupError(
            _("%(file)s is damaged: its summary is incomplete.") % {"file": path}
        ) from error
    if digest(document) != manifest.sha256:
        raise BackupError(
            _("%(file)s is damaged: it does not match the checksum written with it.")
            % {"file": path}
        )
    found: dict[str, int] = {}
    for row in objects:
        label = row.get("model") if isinstance(row, dict) else None
        found[str(label)] = found.get(str(label), 0) + 1
    if {k: v for k, v in manifest.counts.items() if v} != found:
        raise BackupError(
            _("%(file)s is damaged: it does not hold the rows its summary lists.") % {"file": path}
        )
    return Backup(manifest, objects)


def _plan_migrations(manifest: Manifest, using: str) -> list[tuple[str, str]]:
    """The migration targets that recreate the database the backup was written from."""
    loader = MigrationLoader(connections[using], ignore_no_migrations=True)
    targets: list[tuple[str, str]] = []
    unknown: list[str] = []
    for app_label, names in sorted(manifest.migrations.items()):
        for name in names:
            if (app_label, name) in loader.graph.nodes:
                targets.append((app_label, name))
            else:
                unknown.append(f"{app_label}.{name}")
    if unknown:
        raise BackupError(
            _(
                "This backup was written by a newer Bedside (it knows database changes this one "
                "does not: %(changes)s). Upgrade Bedside, then restore."
            )
            % {"changes": ", ".join(unknown[:5])}
        )
    return targets


def database_is_empty(using: str = DEFAULT_DB_ALIAS) -> bool:
    """True when the database holds no accounts or circles (tables may or may not exist)."""
    connection = connections[using]
    tables = set(connection.introspection.table_names())
    for model in backed_up_models():
        if model._meta.db_table in tables and model._base_manager.using(using).exists():
            return False
    return True


def _migrate(targets: Iterable[tuple[str, str]] | None, using: str) -> Any:
    """Bring the database to ``targets`` (None: this version's migrations); return its models.

    The models returned are the historical ones at those migrations, so rows from an older
    backup are loaded into the tables as they were then, and later migrations carry them on.
    """
    connection = connections[using]
    executor = MigrationExecutor(connection)
    chosen = list(targets) if targets is not None else executor.loader.graph.leaf_nodes()
    plan = executor.migration_plan(chosen)
    if plan:
        executor.migrate(chosen, plan=plan)
        executor.loader.build_graph()
    # ``migrate`` sends post_migrate; the executor alone does not, and the audit triggers and
    # content types hang on it.
    emit_post_migrate_signal(0, False, using)
    return executor.loader.project_state(chosen, at_end=True).apps


class _HistoricalDeserializer(python.Deserializer):  # type: ignore[misc]
    """Django's deserializer, reading models from a migration state instead of today's code."""

    def __init__(self, objects: list[dict[str, Any]], *, registry: Any, **options: Any) -> None:
        super().__init__(objects, **options)
        self.registry = registry

    def _get_model_from_node(self, model_identifier: str) -> type[models.Model]:
        try:
            model: type[models.Model] = self.registry.get_model(model_identifier)
        except (LookupError, TypeError, ValueError) as error:
            raise DeserializationError(f"Invalid model identifier: {model_identifier}") from error
        return model

    def _handle_m2m_field_node(self, field: Any, field_value: Any) -> Any:
        if _label(field.remote_field.model) in LEFT_OUT:
            return [self._left_out_pk(field, name) for name in field_value]
        return super()._handle_m2m_field_node(field, field_value)

    def _handle_fk_field_node(self, field: Any, field_value: Any) -> Any:
        if _label(field.remote_field.model) in LEFT_OUT and field_value is not None:
            return self._left_out_pk(field, field_value)
        return super()._handle_fk_field_node(field, field_value)

    def _left_out_pk(self, field: Any, name: list[str]) -> Any:
        """A permission or content type by name, looked up in today's tables (migrate made them)."""
        model = apps.get_model(_label(field.remote_field.model))
        return model._default_manager.db_manager(self.using).get_by_natural_key(*name).pk


def restore_backup(backup: Backup, *, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Load a checked backup into an empty database; all rows or none. Returns rows per table.

    The database is first brought to the backup's own migrations, so the rows meet the tables
    they were written from, and then on to this version's, so older backups come forward.
    """
    if not database_is_empty(using):
        raise BackupError(
            _(
                "This database already holds accounts or circles. A restore never overwrites: "
                "restore into a new, empty database (see “Backups” in the README)."
            )
        )
    targets = _plan_migrations(backup.manifest, using)
    registry = _migrate(targets, using)
    connection = connections[using]
    loaded: dict[type[models.Model], int] = {}
    try:
        with transaction.atomic(using=using):
            with connection.constraint_checks_disabled():
                deferred = []
                for item in _HistoricalDeserializer(
                    backup.objects, registry=registry, using=using, handle_forward_references=True
                ):
                    item.save(using=using)
                    if item.deferred_fields:
                        deferred.append(item)
                    model = type(item.object)
                    loaded[model] = loaded.get(model, 0) + 1
                for item in deferred:
                    item.save_deferred_fields(using=using)
            connection.check_constraints(table_names=[m._meta.db_table for m in loaded])
            _reset_sequences(list(loaded), using)
            counts = {_label(m): n for m, n in loaded.items()}
            expected = {k: v for k, v in backup.manifest.counts.items() if v}
            if counts != expected:
                raise BackupError(_("The restored rows do not match the backup's summary."))
    except BackupError:
        raise
    except Exception as error:  # a row that does not fit: name it, keep nothing
        raise BackupError(
            _("The backup could not be restored; nothing was kept. The database said: %(error)s")
            % {"error": error}
        ) from error
    _migrate(None, using)
    return counts


def _reset_sequences(model_list: list[type[models.Model]], using: str) -> None:
    """After rows arrive with their own ids, new rows must be numbered after them (PostgreSQL)."""
    connection = connections[using]
    statements = connection.ops.sequence_reset_sql(no_style(), model_list)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def default_name(now: dt.datetime | None = None) -> str:
    moment = timezone.localtime(now or timezone.now())
    return f"bedside-{moment:%Y%m%d-%H%M%S}{SUFFIX}"


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups named by :func:`default_name` in ``folder``."""
    found = sorted(folder.glob(f"bedside-*{SUFFIX}"))
    doomed = found[:-keep] if keep > 0 else []
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed
