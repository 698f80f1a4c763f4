"""A real SMTP server for tests (aiosmtpd), on a free port, that keeps what it receives.

It can answer some recipients with a temporary (4xx) or permanent (5xx) refusal, and can
hold the Nth message before answering, so a test can kill the sender at that moment.
"""

import asyncio
import threading
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller

from tests.services import free_port


class Recorder:
    def __init__(self):
        self.messages = []
        self.refuse_temporarily = {}  # address -> how many more times to answer 451
        self.refuse_permanently = set()
        self.hold_at = None  # hold the Nth message before answering 250
        self.held = threading.Event()
        self.release = threading.Event()
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        address = address.lower()
        if address in self.refuse_permanently:
            return "550 5.1.1 No such user here"
        if self.refuse_temporarily.get(address, 0) > 0:
            self.refuse_temporarily[address] -= 1
            return "451 4.7.1 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
            count = len(self.messages)
        if self.hold_at is not None and count == self.hold_at:
            self.held.set()
            while not self.release.is_set():
                await asyncio.sleep(0.01)
        return "250 Message accepted"

    def recipients(self) -> list[str]:
        return [str(message["To"]).lower() for message in self.messages]


class SMTPServer:
    def __init__(self):
        self.port = free_port()
        self.recorder = Recorder()
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.recorder.release.set()
        self.controller.stop()

    @property
    def messages(self):
        return self.recorder.messages

    def settings(self) -> dict[str, str]:
        """The environment a worker process needs to send through this server."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.port),
        }
