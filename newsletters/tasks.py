"""Background tasks (the Django Tasks API, run by `manage.py worker`)."""

from django_tasks import TaskResultStatus, task


@task()
def send_issue(issue_id: int) -> None:
    """Send what is left of an issue; come back later for deliveries waiting for a retry."""
    from newsletters import sending, services

    retry_at = sending.send_deliveries(issue_id)
    if retry_at is not None:
        services.enqueue_send(issue_id, run_after=retry_at)


@task()
def signup(email: str, newsletter_ids: list[int]) -> None:
    """A sign-up's confirmation email (or reminder), away from the reader's request."""
    from newsletters import services

    services.request_signup(email=email, newsletter_ids=newsletter_ids)


class WorkerStopped(Exception):
    """The worker running a task stopped mid-way (killed, or its machine went down)."""


def close_abandoned(task_id: str, *, resumed_by: str) -> None:
    """A task whose worker stopped is recorded as failed, naming the task that took over.

    Otherwise its record would say "running" for ever (the worker never came back to it).
    """
    from django_tasks_db.models import DBTaskResult

    abandoned = DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).first()
    if abandoned is not None:
        abandoned.set_failed(WorkerStopped(f"Its worker stopped; task {resumed_by} took over."))
