"""The judge worker as a Django app: it only contributes the `judge_worker` management command."""

from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "rce_engine.worker"
    label = "rce_worker"
