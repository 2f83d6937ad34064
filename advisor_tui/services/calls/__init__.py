"""calls: see the modules."""
