"""Database triggers that keep the audit trail append-only even outside the ORM.

The model and its queryset already refuse updates and deletes; these triggers make the database
refuse them too, so a hand-written SQL statement or a future bug cannot quietly rewrite history.
One change stays allowed: setting ``actor_id`` or ``circle_id`` to NULL, which is what Django
does when an account or a whole circle is erased (``on_delete=SET_NULL``).

Installed after every ``migrate`` (``post_migrate``), so they survive squashed migrations.
SQLite gets the UPDATE trigger only: Django empties test databases with ``DELETE FROM`` there
(PostgreSQL uses ``TRUNCATE``, which row triggers do not see), and the ORM guard covers deletes.
"""

from __future__ import annotations

from typing import Any

from django.db import connections

TABLE = "circles_auditevent"

# Columns that may never change; the two foreign keys may only become NULL.
_FIXED = ("id", "at", "action", "target", "ip")

_SQLITE_UPDATE = f"""
CREATE TRIGGER IF NOT EXISTS {TABLE}_append_only_update
BEFORE UPDATE ON {TABLE}
WHEN NOT ({" AND ".join(f"NEW.{c} IS OLD.{c}" for c in _FIXED)}
      AND (NEW.actor_id IS OLD.actor_id OR NEW.actor_id IS NULL)
      AND (NEW.circle_id IS OLD.circle_id OR NEW.circle_id IS NULL))
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END
"""

_POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TABLE}_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit events are append-only';
  END IF;
  IF {" OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in _FIXED)}
     OR (NEW.actor_id IS DISTINCT FROM OLD.actor_id AND NEW.actor_id IS NOT NULL)
     OR (NEW.circle_id IS DISTINCT FROM OLD.circle_id AND NEW.circle_id IS NOT NULL) THEN
    RAISE EXCEPTION 'audit events are append-only';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql
"""

# DROP + CREATE rather than CREATE OR REPLACE TRIGGER, which needs PostgreSQL 14.
_POSTGRES_TRIGGER = (
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    f"""CREATE TRIGGER {TABLE}_append_only
BEFORE UPDATE OR DELETE ON {TABLE}
FOR EACH ROW EXECUTE FUNCTION {TABLE}_append_only()""",
)


def install(using: str = "default", **kwargs: Any) -> None:
    """Create the triggers on database ``using`` (idempotent). A ``post_migrate`` receiver."""
    connection = connections[using]
    if TABLE not in connection.introspection.table_names():
        return  # migrating backwards, or the circles tables are not there yet
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(_SQLITE_UPDATE)
        elif connection.vendor == "postgresql":
            cursor.execute(_POSTGRES_FUNCTION)
            for statement in _POSTGRES_TRIGGER:
                cursor.execute(statement)
