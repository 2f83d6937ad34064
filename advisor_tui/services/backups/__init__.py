"""backups: see the modules."""
