"""The broker topology both services declare: every job queue is bounded and dead-lettered."""

from algocode_contracts import (
    DEAD_LETTER_EXCHANGE,
    JOBS_EXCHANGE,
    LANGUAGES,
    USERS_EXCHANGE,
    USERS_QUEUE,
    Binding,
    Exchange,
    Queue,
    declarations,
    job_queue_name,
)


def test_every_language_has_a_bounded_dead_lettered_quorum_queue():
    items = declarations()
    queues = {q.name: q for q in items if isinstance(q, Queue)}
    for language in LANGUAGES:
        args = queues[job_queue_name(language)].arguments
        assert args["x-queue-type"] == "quorum"
        assert args["x-delivery-limit"] > 0
        assert args["x-dead-letter-exchange"] == DEAD_LETTER_EXCHANGE
        assert Binding(job_queue_name(language), JOBS_EXCHANGE, language) in items


def test_exchanges_are_declared_before_their_bindings():
    items = declarations(("cpp",))
    declared: set[str] = set()
    for item in items:
        if isinstance(item, Exchange):
            declared.add(item.name)
        if isinstance(item, Binding):
            assert item.exchange in declared


def test_user_events_fan_out_to_a_bounded_dead_lettered_code_manager_queue():
    items = declarations()
    assert Exchange(USERS_EXCHANGE, "fanout") in items
    queues = {q.name: q for q in items if isinstance(q, Queue)}
    args = queues[USERS_QUEUE].arguments
    assert args["x-queue-type"] == "quorum"
    assert args["x-delivery-limit"] > 0
    assert args["x-dead-letter-exchange"] == DEAD_LETTER_EXCHANGE
    assert Binding(USERS_QUEUE, USERS_EXCHANGE, "") in items


def test_every_language_has_extensions_and_file_names_pick_one() -> None:
    from algocode_contracts import EXTENSIONS, LANGUAGES, language_for_filename

    assert tuple(EXTENSIONS) == LANGUAGES
    assert len(LANGUAGES) == 14
    assert language_for_filename("x.cpp") == "cpp"  # the first language listing .cpp
    assert language_for_filename("x.CPP20.CPP") == "cpp20"
    assert language_for_filename("x.py") == "python3"
    assert language_for_filename("x.pypy3.py") == "pypy3"
    assert language_for_filename("x.go.py") == "python3"  # go does not use .py: not a variant
    assert language_for_filename("x.python.py") == "python3"  # an alias names its id here too
    assert language_for_filename("Main.java") == "java"
    assert language_for_filename("x.kt") is None
    assert language_for_filename("Makefile") is None


def test_python_is_an_alias_of_python3_and_never_an_id():
    from algocode_contracts import LANGUAGE_ALIASES, LANGUAGES, canonical_language, job_queue_name

    assert "python3" in LANGUAGES
    assert "python" not in LANGUAGES
    assert LANGUAGE_ALIASES == {"python": "python3"}
    assert canonical_language("python") == "python3"
    assert canonical_language(" Python3 ") == "python3"
    assert canonical_language("cpp") == "cpp"
    assert canonical_language("python2") is None
    assert canonical_language("") is None
    assert job_queue_name("python3") == "algocode.jobs.python3"
    queues = {item.name for item in declarations() if isinstance(item, Queue)}
    assert "algocode.jobs.python3" in queues
    assert "algocode.jobs.python" not in queues


def test_declare_walks_the_declarations_in_order_on_any_channel() -> None:
    from algocode_contracts import declare

    calls: list[tuple[str, str]] = []

    class Recorder:  # a stand-in for a pika channel: only the three methods `declare` uses
        def exchange_declare(self, name: str, exchange_type: str, durable: bool) -> None:
            assert durable
            calls.append(("exchange", name))

        def queue_declare(self, name: str, durable: bool, arguments: dict) -> None:
            assert durable
            calls.append(("queue", name))

        def queue_bind(self, queue: str, exchange: str, routing_key: str) -> None:
            calls.append(("bind", f"{exchange}->{queue}"))

    declare(Recorder(), ("cpp",))
    expected = [
        (
            {Exchange: "exchange", Queue: "queue", Binding: "bind"}[type(item)],
            f"{item.exchange}->{item.queue}" if isinstance(item, Binding) else item.name,
        )
        for item in declarations(("cpp",))
    ]
    assert calls == expected
    assert ("queue", "algocode.jobs.cpp") in calls
