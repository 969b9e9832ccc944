"""The result consumer: the results queue wired to the submission service's handler."""

from __future__ import annotations

import threading

from django.conf import settings

from algocode_contracts import RESULTS_QUEUE
from code_manager.common.mongo import get_db
from code_manager.messaging.consumer import consume_forever
from code_manager.submissions.services import result_message_handle


def results_consume(*, stop: threading.Event | None = None, ready: threading.Event | None = None) -> None:
    get_db()  # ensures the indexes before the first message (unique submission id)
    consume_forever(
        RESULTS_QUEUE,
        result_message_handle,
        prefetch=settings.RESULT_CONSUMER_PREFETCH,
        stop=stop,
        ready=ready,
    )
