"""``python -m aggregator``: the same as the ``aggregator`` command."""

from .cli import main

main()
