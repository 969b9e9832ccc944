"""Names on the broker and the topology itself, as plain data both services declare identically.

RabbitMQ refuses a re-declaration whose arguments differ (PRECONDITION_FAILED), so the arguments live here,
once; `declare(channel)` walks `declarations()` on the channel each service opens with its own client.
"""

from dataclasses import dataclass, field
from typing import Any, Final

from algocode_contracts.languages import LANGUAGES  # each is a routing key and has its own job queue

JOBS_EXCHANGE: Final = "algocode.jobs"  # durable direct exchange, routing key = language
RESULTS_EXCHANGE: Final = "algocode.results"  # durable direct exchange
RESULTS_QUEUE: Final = "algocode.results"  # durable quorum queue consumed by the code manager
RESULTS_ROUTING_KEY: Final = "judged"
DEAD_LETTER_EXCHANGE: Final = "algocode.dlx"  # durable fanout exchange
DEAD_LETTER_QUEUE: Final = "algocode.dead-letters"  # durable queue an operator inspects
USERS_EXCHANGE: Final = "algocode.users"  # durable fanout exchange: user.deactivated/v1 from auth
USERS_QUEUE: Final = "code-manager.users"  # durable quorum queue: the code manager's token deny-list

# RabbitMQ 3.10 quorum queues have no default delivery limit: a job that crashes the worker every
# time would be redelivered forever. After this many deliveries it is dead-lettered.
JOB_DELIVERY_LIMIT: Final = 5
RESULT_DELIVERY_LIMIT: Final = 10
USERS_DELIVERY_LIMIT: Final = 10


def job_queue_name(language: str) -> str:
    return f"algocode.jobs.{language}"


@dataclass(frozen=True)
class Exchange:
    name: str
    type: str  # "direct" | "fanout"


@dataclass(frozen=True)
class Queue:
    name: str
    arguments: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Binding:
    queue: str
    exchange: str
    routing_key: str


Declaration = Exchange | Queue | Binding


def _quorum(delivery_limit: int) -> dict[str, Any]:
    return {
        "x-queue-type": "quorum",
        "x-delivery-limit": delivery_limit,
        "x-dead-letter-exchange": DEAD_LETTER_EXCHANGE,
    }


def declarations(languages: tuple[str, ...] = LANGUAGES) -> list[Declaration]:
    """Everything durable on the broker, in declaration order (exchanges before their bindings)."""
    items: list[Declaration] = [
        Exchange(DEAD_LETTER_EXCHANGE, "fanout"),
        Queue(DEAD_LETTER_QUEUE, {"x-queue-type": "quorum"}),
        Binding(DEAD_LETTER_QUEUE, DEAD_LETTER_EXCHANGE, ""),
        Exchange(JOBS_EXCHANGE, "direct"),
        Exchange(RESULTS_EXCHANGE, "direct"),
        Queue(RESULTS_QUEUE, _quorum(RESULT_DELIVERY_LIMIT)),
        Binding(RESULTS_QUEUE, RESULTS_EXCHANGE, RESULTS_ROUTING_KEY),
        Exchange(USERS_EXCHANGE, "fanout"),
        Queue(USERS_QUEUE, _quorum(USERS_DELIVERY_LIMIT)),
        Binding(USERS_QUEUE, USERS_EXCHANGE, ""),
    ]
    for language in languages:
        items.append(Queue(job_queue_name(language), _quorum(JOB_DELIVERY_LIMIT)))
        items.append(Binding(job_queue_name(language), JOBS_EXCHANGE, language))
    return items


def declare(channel: Any, languages: tuple[str, ...] = LANGUAGES) -> None:
    """Declare `declarations(languages)` on an AMQP channel, idempotently (every service, at start).

    `channel` is any client channel with pika's `exchange_declare`, `queue_declare` and `queue_bind`
    (contracts imports no client library; each service hands in its own).
    """
    for item in declarations(languages):
        if isinstance(item, Exchange):
            channel.exchange_declare(item.name, exchange_type=item.type, durable=True)
        elif isinstance(item, Queue):
            channel.queue_declare(item.name, durable=True, arguments=item.arguments)
        elif isinstance(item, Binding):
            channel.queue_bind(item.queue, item.exchange, routing_key=item.routing_key)
