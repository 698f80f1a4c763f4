"""Newsletter send benchmark: one issue to 5,000 subscribers through a local SMTP server.

Seeds its own database (BENCH_DATABASE_URL, by default newsroom_newsletter_bench on the
local PostgreSQL, created if missing) with a newsletter, its subscribers and an issue of
eight stories, starts an aiosmtpd server in a process of its own, and runs the real worker
(`manage.py worker --batch`, production settings, no rate limit) until the issue is sent.
Prints emails a second (from the first to the last delivery's time) and the worker's peak
memory (VmHWM), and checks that the server got each email exactly once.

    .venv/bin/python -m bench.newsletter_send [--subscribers 5000]
"""

import argparse
import asyncio
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/newsroom_newsletter_bench"


def smtp_sink(port: int, count, ready) -> None:
    """An SMTP server that counts what it accepts (and the recipients, to find doubles)."""
    from aiosmtpd.controller import Controller

    class Counter:
        async def handle_DATA(self, server, session, envelope):
            with count.get_lock():
                count.value += 1
            return "250 OK"

    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    try:
        asyncio.run(asyncio.sleep(3600))
    finally:
        controller.stop()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(url: str, port: int) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DATABASE_URL=url,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="newsletter-bench-" + "k" * 40,
        DJANGO_LOG_FORMAT="plain",
        DJANGO_LOG_LEVEL="WARNING",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        NEWSLETTER_EMAILS_PER_SECOND="0",
    )
    return env


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def seed(subscribers: int):
    """A fresh newsletter, its subscribers and a composed issue; the send is started."""
    import django

    django.setup()
    from django.utils import timezone

    from articles.models import Article, Section
    from newsletters import services
    from newsletters.models import Issue, IssueItem, Newsletter, Subscriber, Subscription

    Issue.objects.filter(newsletter__slug="bench").delete()
    Newsletter.objects.filter(slug="bench").delete()
    Subscriber.objects.filter(email__endswith="@bench.example").delete()
    newsletter = Newsletter.objects.create(name="Bench Daily", slug="bench")
    section, _ = Section.objects.get_or_create(slug="bench", defaults={"name": "Bench"})
    now = timezone.now()
    articles = [
        Article.objects.get_or_create(
            slug=f"bench-story-{n}",
            defaults={
                "title": f"Bench story {n}: a headline of a usual length for the briefing",
                "standfirst": "A standfirst of two lines or so, as the editors write them. " * 2,
                "body": "<p>Body.</p>",
                "section": section,
                "status": "published",
                "publish_at": now,
            },
        )[0]
        for n in range(8)
    ]
    people = Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n}@bench.example", confirmed_at=now) for n in range(subscribers)
    )
    Subscription.objects.bulk_create(
        Subscription(subscriber=s, newsletter=newsletter, confirmed_at=now) for s in people
    )
    issue = Issue.objects.create(newsletter=newsletter, subject="Bench Daily")
    IssueItem.objects.bulk_create(
        IssueItem(issue=issue, article=article, position=n) for n, article in enumerate(articles)
    )
    services.send_now(issue=issue)
    return issue.pk


def peak_memory_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=5000)
    options = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DATABASE_URL)
    ensure_database(url)
    port = free_port()
    env = environment(url, port)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=BASE_DIR,
                   env=env, check=True)  # fmt: skip
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(BASE_DIR))

    count, ready = multiprocessing.Value("i", 0), multiprocessing.Event()
    sink = multiprocessing.Process(target=smtp_sink, args=(port, count, ready), daemon=True)
    sink.start()
    ready.wait(30)
    try:
        issue_id = seed(options.subscribers)
        started = time.monotonic()
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--batch", "--interval", "0"],
            cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        peak = worker_cpu = 0
        sink_cpu_before = cpu_seconds(sink.pid)
        while worker.poll() is None:
            peak = max(peak, peak_memory_kb(worker.pid))
            worker_cpu = max(worker_cpu, cpu_seconds(worker.pid))
            time.sleep(0.2)
        wall = time.monotonic() - started
        sink_cpu = cpu_seconds(sink.pid) - sink_cpu_before
    finally:
        sink.terminate()

    from django.db.models import Max, Min

    from newsletters.models import Delivery, Issue

    deliveries = Delivery.objects.filter(issue_id=issue_id)
    sent = deliveries.filter(status=Delivery.Status.SENT)
    span = sent.aggregate(first=Min("sent_at"), last=Max("sent_at"))
    seconds = (span["last"] - span["first"]).total_seconds() if sent.exists() else 0
    status = Issue.objects.get(pk=issue_id).status
    print(f"subscribers {options.subscribers}, issue {status}, sent {sent.count()}, "
          f"received by the SMTP server {count.value}")  # fmt: skip
    print(f"emails a second (first to last delivery): {sent.count() / max(seconds, 1e-9):.0f}")
    print(f"worker wall time (start-up included): {wall:.1f} s")
    print(f"worker peak memory (VmHWM): {peak / 1024:.0f} MiB")
    # The machine may be shared: CPU time per email says what an idle machine could do.
    per_email = worker_cpu / max(sent.count(), 1) * 1000
    print(f"worker CPU per email: {per_email:.2f} ms (at least {worker_cpu:.1f} s in all), "
          f"SMTP server CPU per email: {sink_cpu / max(count.value, 1) * 1000:.2f} ms, "
          f"load average at the end: {os.getloadavg()[0]:.1f}")  # fmt: skip
    if count.value != sent.count() or sent.count() != options.subscribers:
        sys.exit("FAILED: not every subscriber got exactly one email")


if __name__ == "__main__":
    main()
