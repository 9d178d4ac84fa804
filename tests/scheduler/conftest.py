"""The scheduler tests import their fakes (``schedfakes``) and, for the process-level tests,
the recording fake of the Web API (``tests/slack/slackfakes.py``), reused as is."""

from __future__ import annotations

import sys
from pathlib import Path

SLACK_TESTS = Path(__file__).resolve().parents[1] / "slack"
if str(SLACK_TESTS) not in sys.path:
    sys.path.append(str(SLACK_TESTS))
