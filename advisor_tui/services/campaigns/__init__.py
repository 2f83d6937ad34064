"""Phone campaigns (Telefonaktion): build a call list from a filter, step through it."""
