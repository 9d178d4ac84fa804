"""A real ``herald run`` process serves the endpoints: on Slack's port in HTTP mode, on a port
of its own in Socket Mode; Slack is the recording fake of the Web API on loopback."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import feedparser
import icalendar
import pytest
from conftest import Response, fetch
from prometheus_client.parser import text_string_to_metric_families
from slackfakes import APP_TOKEN, FakeSlack, LoopThread, post, signed_headers, slash_body
from slackload import HERALD, free_port, herald_env
from webworld import POSTINGS, write_content

from bot import feeds

pytestmark = pytest.mark.slow

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def fake(loop: LoopThread) -> Iterator[FakeSlack]:
    slack = FakeSlack()
    loop.run(slack.start())
    yield slack
    loop.run(slack.stop())


class Running:
    def __init__(self, env: dict[str, str], workdir: Path) -> None:
        self.port = int(env["HERALD_HTTP_PORT"])
        self.log = workdir / "herald.log"
        self._file = self.log.open("wb")
        self.process = subprocess.Popen(
            [str(HERALD), "run"], env=env, cwd=workdir, stdout=self._file, stderr=subprocess.STDOUT
        )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str) -> Response:
        return fetch(self.base + path)

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"herald run exited:\n{self.output()[-3000:]}")
            try:
                if self.get("/healthz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"no healthy /healthz within {timeout} s:\n{self.output()[-3000:]}")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        finally:
            self._file.close()

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def start(tmp_path: Path, fake: FakeSlack) -> Iterator[Callable[..., Running]]:
    started: list[Running] = []

    def run(**extra: str) -> Running:
        content = write_content(tmp_path / "content")
        env = herald_env(f"sqlite:///{tmp_path / 'herald.db'}", content, fake.api_url)
        env.update({"HERALD_HTTP_PORT": str(free_port()), **extra})
        running = Running(env, tmp_path)
        started.append(running)
        running.wait_healthy()
        return running

    yield run
    for running in started:
        running.stop()


def test_http_mode_serves_feeds_health_and_metrics_beside_slack_events(
    start: Callable[..., Running],
) -> None:
    herald = start()
    atom = herald.get("/feeds/jobs.atom")
    assert atom.status == 200
    parsed = feedparser.parse(atom.body)
    assert not parsed.bozo
    links = [entry.link for entry in parsed.entries]
    assert feeds.link(POSTINGS["developer"][6]) in links
    assert feeds.link(POSTINGS["expired"][6]) not in links
    calendar = icalendar.Calendar.from_ical(herald.get("/feeds/deadlines.ics?q=remote").body)
    assert [str(e["URL"]) for e in calendar.walk("VEVENT")] == [
        feeds.link(POSTINGS["developer"][6])
    ]

    # Slack's events are on the same port, signatures checked
    events = herald.base + "/slack/events"
    body = slash_body("/jobs", "remote", "http://127.0.0.1:9/unused")
    assert post(events, body, {"Content-Type": FORM})[0] == 401
    assert post(events, body, signed_headers(body, FORM))[0] == 200

    deadline = time.monotonic() + 20
    counted = 0.0
    while time.monotonic() < deadline and not counted:
        for family in text_string_to_metric_families(herald.get("/metrics").text):
            for sample in family.samples:
                if sample.name == "herald_requests_total" and sample.labels["intent"] == "jobs":
                    counted = sample.value
        time.sleep(0.1)
    assert counted == 1
    assert herald.stop() == 0


def test_socket_mode_serves_the_endpoints_on_a_port_of_their_own(
    start: Callable[..., Running],
) -> None:
    herald = start(SLACK_APP_TOKEN=APP_TOKEN)
    body = herald.get("/healthz")
    assert body.status == 200
    assert '"dialect": "sqlite"' in body.text
    assert herald.get("/slack/events").status == 404  # no Slack server here: Socket Mode
    assert herald.get("/metrics").status == 200
    assert herald.stop() == 0
