"""Alembic migrations, shipped inside the package so an installed Herald can migrate itself."""
