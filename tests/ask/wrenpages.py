"""The pages of the Wren Image Alliance (an FAQ, a hire's news, a call for talks, a fund),
shared by the modules that ask them about joining and about pages named by their title;
each module adds the page it needs beside them (imported by name, as ``pagestore``)."""

from __future__ import annotations

WREN_PAGES = {
    "wren-faq.md": """---
title: Wren Image Alliance FAQ
organization: Wren Image Alliance
layout: page
---

## What is the Wren Image Alliance?

The Wren Image Alliance is a group of galleries and libraries that share image tools.

## How can my gallery join the Wren Image Alliance?

Galleries join by signing the alliance agreement; write to hello@wren-alliance.org to start.

## Why join?

Benefits of joining the alliance include:

- a vote on the technical roadmap
- reduced fees at the yearly meeting
- help from the community team

## Does the alliance hire staff?

The alliance has a small staff; open posts are listed on our jobs page.
""",
    "news/2026-10-03-wren-hire.md": """---
title: "Wren Image Alliance hires a community lead"
date: 2026-10-03
tags: [news]
---
The Wren Image Alliance has hired Tomas Quill as community lead.
Tomas will help museums become alliance-compatible and will run the yearly meeting.
""",
    "events/2026-09-10-wren-meeting-cfp.md": """---
title: "Wren yearly meeting 2027: call for talks"
date: 2026-09-10
tags: [conference]
---
The Wren yearly meeting 2027 takes place in Lyon on 12-14 May 2027.

We invite talks of 15 minutes and lightning talks of 5 minutes.
Submissions are due by 31 January 2027 through the meeting's form.
""",
    "wren-fund.md": """---
title: Wren Open Images Fund
organization: Wren Image Alliance
layout: page
---

The Wren Open Images Fund helps small galleries publish their images openly.
Each grant is worth up to €8.000, and the fund awards twelve grants a year.

Applications are read by a panel of three members.
""",
}
