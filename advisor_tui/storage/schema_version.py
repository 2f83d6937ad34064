"""The newest migration's revision, known without importing Alembic.

`advisor who` must start fast; Alembic costs ~0.2 s to import just to learn
that nothing needs doing. A test keeps this equal to Alembic's own head.
"""

HEAD_REVISION = "0015"
