"""Command handlers: plain functions that take a Context and return a neutral Reply."""
