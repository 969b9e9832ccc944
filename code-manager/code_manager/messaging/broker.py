"""Connection parameters, and the topology declared with `algocode_contracts.declare()`.

Both services declare the same durable topology with the same arguments (RabbitMQ refuses a re-declaration
whose arguments differ), so whichever starts first creates it.
"""

from __future__ import annotations

import pika
from django.conf import settings
from pika.adapters.blocking_connection import BlockingChannel

from algocode_contracts import declare

JSON_CONTENT_TYPE = "application/json"


def connection_parameters(url: str | None = None) -> pika.URLParameters:
    params = pika.URLParameters(url or settings.AMQP_URL)
    # Fail fast: a submit waiting on a dead broker answers 503 rather than hanging the request.
    params.connection_attempts = 1
    params.socket_timeout = 3
    params.stack_timeout = 5
    params.blocked_connection_timeout = 10
    return params


def declare_topology(channel: BlockingChannel) -> None:
    declare(channel)
