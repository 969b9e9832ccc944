"""Names on the broker: exchanges, queues, routing keys. Declared by the services' messaging modules."""

from typing import Final

# Languages the platform judges; each is a routing key and has its own job queue.
LANGUAGES: Final = ("cpp", "c", "python", "java")

JOBS_EXCHANGE: Final = "algocode.jobs"  # durable direct exchange, routing key = language
RESULTS_EXCHANGE: Final = "algocode.results"  # durable direct exchange
RESULTS_QUEUE: Final = "algocode.results"  # durable quorum queue consumed by the code manager
RESULTS_ROUTING_KEY: Final = "judged"
DEAD_LETTER_EXCHANGE: Final = "algocode.dlx"  # durable fanout exchange
DEAD_LETTER_QUEUE: Final = "algocode.dead-letters"  # durable queue an operator inspects

# RabbitMQ 3.10 quorum queues have no default delivery limit: a job that crashes the worker every
# time would be redelivered forever. After this many deliveries it is dead-lettered.
JOB_DELIVERY_LIMIT: Final = 5


def job_queue_name(language: str) -> str:
    return f"algocode.jobs.{language}"
