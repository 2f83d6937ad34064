"""demo: see the modules."""
