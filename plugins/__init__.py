"""The built-in plugins, installed as ``aggregator.plugins``.

Each module is one plugin with one concern, written exactly as a third-party
plugin would be: it imports only the public ``aggregator`` API and
implements hooks with ``@hookimpl``. Modules whose names start with an
underscore are helpers, not plugins.
"""
