"""importing: see the modules."""
