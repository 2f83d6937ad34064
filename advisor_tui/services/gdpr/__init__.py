"""gdpr: see the modules."""
