"""The command line: a thin Typer layer over the services, queries and engines."""
