"""Attention: flags with history, their suggestions and the "needs attention" list."""
