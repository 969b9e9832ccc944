"""Django project configuration of the code manager: settings, URLs, WSGI entry and gunicorn config."""
