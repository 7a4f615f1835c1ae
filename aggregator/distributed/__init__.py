"""The distributed runner: sources as Celery tasks over Redis, PostgreSQL as the shared store.

``claims`` says which source is whose (claimed in the database with a lease),
``queue`` holds stored items waiting to be clustered in input order,
``work`` runs one source and clusters the queue, ``celery_app`` and
``coordinator`` connect them to a broker. Only ``celery_app`` imports Celery.
"""
