"""persons: see the modules."""
