"""WSGI entry point: gunicorn 'wsgi:app'."""

from idealaari import create_app

app = create_app()
