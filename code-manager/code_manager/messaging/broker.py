"""Connection parameters and topology declaration, walked from `algocode_contracts.declarations()`.

Both services declare the same durable topology with the same arguments (RabbitMQ refuses a re-declaration
whose arguments differ), so whichever starts first creates it.
"""

from __future__ import annotations

import pika
from django.conf import settings
from pika.adapters.blocking_connection import BlockingChannel

from algocode_contracts import Binding, Exchange, Queue, declarations

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
    for item in declarations():
        if isinstance(item, Exchange):
            channel.exchange_declare(item.name, exchange_type=item.type, durable=True)
        elif isinstance(item, Queue):
            channel.queue_declare(item.name, durable=True, arguments=item.arguments)
        elif isinstance(item, Binding):
            channel.queue_bind(item.queue, item.exchange, routing_key=item.routing_key)
