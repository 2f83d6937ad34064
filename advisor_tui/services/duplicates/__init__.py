"""duplicates: see the modules."""
