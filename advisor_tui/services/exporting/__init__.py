"""exporting: see the modules."""
