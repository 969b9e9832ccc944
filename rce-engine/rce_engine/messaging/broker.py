"""The judge's broker client: connection parameters, topology declaration, result publishing.

The only module besides `consumer` that imports pika. Results are published with confirms, as persistent
JSON, `mandatory` so an unbound results exchange is an error instead of a silent drop.
"""

from __future__ import annotations

import pika
from pika.adapters.blocking_connection import BlockingChannel

from algocode_contracts import (
    RESULTS_EXCHANGE,
    RESULTS_ROUTING_KEY,
    SubmissionJudged,
    declare,
)

JSON = "application/json"


def connection_parameters(url: str) -> pika.URLParameters:
    params = pika.URLParameters(url)
    params.connection_attempts = 1
    params.blocked_connection_timeout = 30
    return params


def declare_topology(channel: BlockingChannel, languages: tuple[str, ...]) -> None:
    declare(channel, languages)


def publish_result(channel: BlockingChannel, result: SubmissionJudged) -> None:
    """Publish on a channel in confirm mode; returns once the broker confirmed (raises otherwise)."""
    channel.basic_publish(
        RESULTS_EXCHANGE,
        RESULTS_ROUTING_KEY,
        result.model_dump_json(by_alias=True).encode(),
        properties=pika.BasicProperties(
            content_type=JSON,
            delivery_mode=pika.DeliveryMode.Persistent,
            message_id=f"{result.submission_id}/{result.attempt}",
            type=result.schema_,
        ),
        mandatory=True,
    )
