"""gunicorn settings for the API: threaded workers so that waiting result checks never block a submit.

A result check may hold its thread for up to RESULT_WAIT_SECONDS; threads are cheap while they wait on an
event, so each worker gets many (docs/adr/0040-non-blocking-result-wait.md).
"""

import os

bind = os.environ.get("CODE_MANAGER_BIND", "127.0.0.1:8001")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "128"))
worker_connections = 1000
timeout = 30
graceful_timeout = 10
keepalive = 5
accesslog = "-"
# gunicorn 27's control socket defaults to one path in $HOME shared by every gunicorn on the machine.
control_socket_disable = True
# Connections to MongoDB, Redis and RabbitMQ are opened lazily in each worker, after the fork.
preload_app = False
