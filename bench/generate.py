"""Realistic generated content for benchmarks: Jekyll postings, jobs pages, FAQs, news.

    python bench/generate.py OUTDIR -n 10000 --seed 1          # write the files
    python bench/generate.py OUTDIR -n 10000 --seed 1 --measure   # and time the loader on them

``generate(n, seed)`` yields ``(relative path, bytes)`` in memory. The mix follows the real
sites Herald reads (METRO's job board, DataCite's and IIIF's posts and pages, a DH job archive):
about 2-6 KB each, many phrasings of deadline, remote work, salary and contacts, some pages with
several openings, FAQs and fee pages, hire announcements and calls that are not openings, and a
few files with broken front matter, mojibake, Liquid tags or CRLF line ends. All wording is our
own, assembled from the pools below.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

ORGS = (
    ("DataCite", "datacite.org", "Hannover, Germany"),
    ("IIIF Consortium", "iiif.io", "Washington, DC"),
    ("Wikimedia Foundation", "wikimedia.org", "San Francisco, CA"),
    ("CLIR", "clir.org", "Washington, DC"),
    ("Metropolitan New York Library Council", "metro.org", "New York, NY"),
    ("Europeana Foundation", "europeana.eu", "The Hague, Netherlands"),
    ("Digital Library Federation", "diglib.org", "Arlington, VA"),
    ("Brooklyn Heritage Library", "heritage-library.org", "Brooklyn, NY"),
    ("Queens Digital Archive", "qda.org", "Queens, NY"),
    ("University of Lakeside Libraries", "lib.lakeside.edu", "Lakeside, MI"),
    ("Hudson Valley Museum of Maps", "hvmm.org", "Poughkeepsie, NY"),
    ("Northfield College", "northfield.edu", "Northfield, MN"),
    ("Westbridge Public Library", "westbridgelibrary.org", "Westbridge, NJ"),
    ("Institute for Sound Heritage", "soundheritage.eu", "Utrecht, Netherlands"),
    ("Atlantic Research Data Alliance", "ardalliance.org", "Halifax, Canada"),
    ("Riverside Historical Society", "riversidehistory.org", "Riverside, CA"),
)
ROLES = (
    "Technical Community Manager", "Application Developer", "Digital Archivist",
    "Metadata Librarian", "Managing Director", "Community & Communications Officer",
    "Program Officer, GLAM Partnerships", "Research Data Specialist", "Frontend Developer",
    "Digital Humanities Project Manager", "Reference and Outreach Librarian",
    "Systems Librarian", "Collections Registrar", "Digitization Technician",
    "Head of Electronic & Access Services", "Support Specialist", "Product Designer",
    "Curator of Photographs", "Scholarly Communication Librarian", "Data Engineer",
)  # fmt: skip
REGIONS = ("Europe", "North America", "the Americas", "Africa", "an EMEA timezone", "Canada")
PEOPLE = ("Helena Ortiz", "Martin Blake", "Sarala Wim", "Karen Miller", "Joshua Carl", "Ana Silva")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
VERBS = (
    "Coordinate", "Develop", "Maintain", "Lead", "Support", "Document", "Evaluate", "Plan",
    "Design", "Review", "Promote", "Organize", "Improve", "Monitor", "Advise on",
)  # fmt: skip
OBJECTS = (
    "the metadata workflows of member institutions", "our persistent identifier services",
    "training for new adopters of the specifications", "the annual community conference",
    "digitisation projects with partner museums", "the public API and its documentation",
    "outreach to libraries, archives and museums", "the migration of legacy catalogue records",
    "usability testing of the discovery interface", "grant-funded research collaborations",
    "the preservation of born-digital collections", "community calls and working groups",
    "reporting on usage metrics and citations", "the open source code base",
)  # fmt: skip
QUALITIES = (
    "Experience with {x} is a plus.", "Familiarity with {x}.", "Demonstrated knowledge of {x}.",
    "At least three years of work with {x}.", "Strong interest in {x}.",
)  # fmt: skip
SKILLS = (
    "XML and JSON data structures", "linked open data", "Python or JavaScript",
    "library management systems", "archival description standards", "Git and GitHub",
    "project management", "web accessibility guidelines", "research data management",
    "image interoperability standards", "community management", "SQL databases",
)  # fmt: skip
INTROS = (
    "{org} is a community-led organisation that connects research, collections and people. "
    "We work with members in many countries to make cultural heritage and research outputs "
    "easier to find, cite and reuse, and we keep our services open and sustainable.",
    "Founded more than a decade ago, {org} supports libraries, archives and museums in sharing "
    "their collections online. Our small team works closely with volunteers, partner "
    "institutions and funders, and values openness, care and collaboration.",
    "{org} serves a growing community of institutions, developers and scholars. The team is "
    "distributed across several countries and works in the open, with public road maps, "
    "community calls and shared documentation.",
)  # fmt: skip


class Writer:
    """Builds one document from the pools; every choice goes through one seeded RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def day(self, start: date) -> date:
        return start + timedelta(days=self.rng.randint(0, 3650))

    def filler(self, org: str, paragraphs: int) -> str:
        out = [self.pick(INTROS).format(org=org)]
        for _ in range(paragraphs - 1):
            sentences = [
                f"The team will {self.pick(VERBS).lower()} {self.pick(OBJECTS)}."
                for _ in range(self.rng.randint(4, 7))
            ]
            out.append(" ".join(sentences))
        return "\n\n".join(out)

    def bullets(self, count: int, marker: str = "- ") -> str:
        lines = [f"{marker}{self.pick(VERBS)} {self.pick(OBJECTS)}" for _ in range(count)]
        return "\n".join(lines)

    def qualifications(self, count: int) -> str:
        return "\n".join(
            f"- {self.pick(QUALITIES).format(x=self.pick(SKILLS))}" for _ in range(count)
        )

    # ------------------------------------------------------------ fact phrasings

    def deadline(self, posted: date) -> str:
        d = posted + timedelta(days=self.rng.randint(14, 70))
        month = MONTHS[d.month - 1]
        forms = [
            f"Applications are due by {month} {d.day}, {d.year}.",
            f"Deadline to apply is {WEEKDAYS[d.weekday()]}, {month} {d.day} at 5pm.",
            f"Please send your application by the {_ordinal(d.day)} of {month} {d.year}.",
            f"This posting will be open through {month} {d.day}, {d.year}.",
            f"Closing date: {d.day:02d}.{d.month:02d}.{d.year}",
            f"Extended Application Receipt Deadline: {month} {d.day}, {d.year}",
            f"Applications received by no later than {month} {d.day}, {d.year} will be given "
            "full consideration.",
            f"Send a cover letter and CV on or before the closing date of {d.day} {month} "
            f"{d.year}.",
            f"Contact us by {month} {d.day} if you are interested in the position.",
            f"Application deadline: {d.isoformat()}",
            "Review of applications will begin immediately and continue until the position is "
            "filled.",
            f"Interviews will start on {month} {d.day}.",
            "The position will remain open until filled.",
            "",
        ]
        return self.rng.choice(forms)

    def remote(self, city: str) -> tuple[str, str]:
        """(location line, remote sentence)."""
        region = self.pick(REGIONS)
        forms = [
            (city, ""),
            (city, "This role is on-site; remote work is not possible."),
            (f"{city} or Remote", ""),
            ("Remote", "This is a fully remote position."),
            (city, f"Remote work (from somewhere in {region}) is possible."),
            ("Virtual, USA", "The position can be remote/virtual based."),
            (
                f"{city} (hybrid)",
                "The schedule is hybrid: 2 days at the office and 3 days remote.",
            ),
            ("", f"Candidates may be located anywhere in {region}."),
            (city, "You will work in a fast-paced, deadline-driven environment."),
        ]
        return self.rng.choice(forms)

    def salary(self) -> str:
        low = self.rng.randint(35, 110) * 1000
        high = low + self.rng.randint(5, 30) * 1000
        forms = [
            f"Salary: Range ${low:,} - ${high:,}",
            f"Minimum salary for this role will be USD${low:,} or local equivalent.",
            f"The salary is {low // 1000}.{low % 1000:03d}€ – {high // 1000}.{high % 1000:03d}€ "
            "per year.",
            f"£{low:,} per annum, plus pension.",
            f"Hourly rate up to ${self.rng.randint(18, 40)}",
            "Competitive local salary.",
            "Salary commensurate with experience.",
            "",
        ]
        return self.rng.choice(forms)

    def contacts(self, domain: str) -> tuple[str, str]:
        person = self.pick(PEOPLE)
        email = f"{person.split()[0].lower()}@{domain}"
        url = f"https://jobs.{domain}/openings/{self.rng.randint(1000, 99999)}"
        forms = [
            (f"Please send a resume and statement of interest to {person} ({email}).", email),
            (f"Details on how to apply can be found on the [job posting]({url}).", url),
            (f"Apply online at <{url}> or write to <{email}> with questions.", f"{email} {url}"),
            (f"Email your resume to {email}.", email),
        ]
        return self.rng.choice(forms)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text).upper().split())


# ---------------------------------------------------------------- document kinds


def metro_job(w: Writer, n: int) -> tuple[str, str]:
    org, domain, city = w.rng.choice(ORGS)
    role = w.pick(ROLES)
    posted = w.day(date(2012, 1, 1))
    location, remote = w.remote(city)
    contact, _ = w.contacts(domain)
    closer = "###" if w.rng.random() < 0.3 else "   "
    sections = [
        f"### Description{closer}\n\n{w.filler(org, w.rng.randint(2, 5))}\n\n{remote}\n\n"
        f"{w.deadline(posted)}",
        f"### Responsibilities{closer}\n\n{w.bullets(w.rng.randint(5, 12))}",
        f"### Qualifications{closer}\n\n{w.qualifications(w.rng.randint(4, 10))}",
        f"### Company Information{closer}\n\n{w.filler(org, w.rng.randint(1, 3))}",
    ]
    salary = w.salary()
    if salary:
        sections.append(f"### Compensation{closer}\n\n{salary}")
    if location:
        sections.append(f"### Location{closer}\n\n{location}")
    sections.append(f"### To Apply{closer}\n\n{contact}")
    excerpt = w.filler(org, 1)[:180].replace('"', "'")
    front = (
        f'---\nlayout: post\ntitle:  "{role} - {org}"\ndate:   {posted.isoformat()}\n'
        f'excerpt: "{excerpt}..."\ntag: job\n---\n\n'
    )
    name = f"postings/{posted.isoformat()}-{_slug(role)}-{_slug(org)}-{n}.markdown"
    return name, front + "\n\n\n".join(sections) + "\n"


def blog_job(w: Writer, n: int) -> tuple[str, str]:
    org, domain, city = w.rng.choice(ORGS)
    role = w.pick(ROLES)
    posted = w.day(date(2014, 1, 1))
    _, remote = w.remote(city)
    contact, _ = w.contacts(domain)
    theme = w.rng.random() < 0.3
    verb = w.pick(("is Hiring a", "Hiring a", "Seeks a", "is looking for a"))
    parts = [
        f"We have a new job posting for the role of {role} at {org}. See below for details.",
        "{{ theme.block-start }}" if theme else "",
        w.filler(org, w.rng.randint(3, 6)) + ("READMORE" if w.rng.random() < 0.3 else ""),
        "**Specific duties include:**",
        w.bullets(w.rng.randint(5, 12), "* "),
        "**Relevant Skills & Experience**",
        w.qualifications(w.rng.randint(3, 8)),
        f"{remote} {w.salary()}".strip(),
        f"{w.deadline(posted)} {contact}".strip(),
        "{{ theme.block-end }}" if theme else "",
    ]
    front = (
        f"---\ntitle: {org} {verb} {role}\nauthor: {w.pick(PEOPLE)}\ndate: {posted.isoformat()}\n"
        f"tags: [{w.pick(('jobs', 'announcements', 'staff'))}]\nlayout: post\n---\n"
    )
    name = f"posts/{posted.isoformat()}-{_slug(role).lower()}-{n}.md"
    return name, front + "\n\n".join(p for p in parts if p) + "\n"


def listing_job(w: Writer, n: int) -> tuple[str, str]:
    org, domain, city = w.rng.choice(ORGS)
    role = w.pick(ROLES)
    posted = w.day(date(2010, 1, 1))
    closes = posted + timedelta(days=w.rng.randint(10, 60))
    body = (
        "# {{ page.title}}\n\n{% include map.html %}\n\n* [Original Link]({{ page.link}})\n\n"
        f"## Summary:\n{w.filler(org, w.rng.randint(4, 7))}\n\n"
        f"Open until filled; for greatest consideration apply by **{MONTHS[closes.month - 1]} "
        f"{closes.day}, {closes.year}**\n\n"
        f"* {w.salary() or 'Salary: DOE'}\n* Work Schedule: 8:00 a.m. - 5:00 p.m., M-F\n"
        f"{w.bullets(w.rng.randint(4, 10), '* ')}\n"
    )
    front = (
        f"---\nlayout: listing\ntitle: {org} {role}\n"
        f"link: https://careers.{domain}/job/{w.rng.randint(100, 9999)}\n"
        f"postdate: {posted.isoformat()}\nclosedate: {closes.isoformat()}\npublished: true\n"
        f"location:\n    name: {city}\n    latitude: 40.7\n    longitude: -73.9\n"
        f"institution: {org}\nposition: {role}\n---\n\n"
    )
    return f"archive/{posted.isoformat()}-{_slug(role)}-{n}.markdown", front + body


def multi_job(w: Writer, n: int) -> tuple[str, str]:
    org, domain, city = w.rng.choice(ORGS)
    roles = w.rng.sample(ROLES, w.rng.randint(2, 3))
    listing = "\n".join(f"- [{role}](#head{i})" for i, role in enumerate(roles, 1))
    sections = []
    for i, role in enumerate(roles, 1):
        _, remote = w.remote(city)
        contact, _ = w.contacts(domain)
        sections.append(
            f'# <a name="head{i}"></a>{role}\n\n{w.filler(org, 3)}\n\n'
            f"Your responsibilities\n---\n{w.bullets(w.rng.randint(4, 8))}\n\n"
            f"Required skills\n---\n{w.qualifications(w.rng.randint(3, 6))}\n\n"
            f"Why work for us\n---\n- {remote or 'Flexible working hours.'}\n- {w.salary()}\n\n"
            f"### To apply\n\n{contact} {w.deadline(date(2022, 1, 1))}\n"
        )
    front = f"---\ntitle: {org} - Job opportunities\nlayout: service\n---\n"
    body = f"## Current Openings\n\n{listing}\n\n" + "\n".join(sections)
    return f"pages/jobs-{_slug(org).lower()}-{n}.md", front + body


def faq_page(w: Writer, n: int) -> tuple[str, str]:
    org, domain, _ = w.rng.choice(ORGS)
    fee = w.rng.randint(2, 20) * 1000
    questions = [
        (f"What is {org}?", f"* {w.filler(org, 1)}\n* See the [memorandum][mou] for details."),
        (
            "How much does membership cost?",
            f"* Membership requires a signed agreement and a ${fee:,} annual fee.\n"
            f"* Fees support {w.pick(OBJECTS)}.",
        ),
        (
            "How can my institution join?",
            f" * Send an email to join@{domain}. You will receive an invoice for ${fee:,}.",
        ),
        (
            "Why join?",
            "* Members enjoy these benefits:\n"
            + "\n".join(f"   * {w.pick(VERBS)} {w.pick(OBJECTS)}" for _ in range(4)),
        ),
        (
            "Which institutions are members?",
            "<ul>\n{% for i in site.data.members %}\n  <li>{{ i.name }}</li>\n{% endfor %}\n</ul>",
        ),
    ]
    extra = [
        (f"What about {w.pick(OBJECTS)}?", w.filler(org, 2)) for _ in range(w.rng.randint(2, 6))
    ]
    body = "\n\n".join(f"## {q}\n\n{a}" for q, a in questions + extra)
    front = f"---\ntitle: {org} Frequently Asked Questions (FAQs)\nlayout: spec\n---\n\n"
    return f"faq/{_slug(org).lower()}-{n}.md", front + body + "\n\n[mou]: /community/mou/\n"


def fee_page(w: Writer, n: int) -> tuple[str, str]:
    org, _, _ = w.rng.choice(ORGS)
    rows = "\n".join(
        f"<tr><td>Tier {t}</td><td>{t * 500}€</td>"
        f"<td>{t},{w.rng.randint(10, 99)}€ per DOI</td></tr>"
        for t in range(1, w.rng.randint(4, 8))
    )
    body = (
        f"# {org} - Fee Model\n\n## Membership Fee\n\n{w.filler(org, w.rng.randint(2, 4))}\n\n"
        f'<div class="row">Annual Membership Fee: {w.rng.randint(1, 5)}.000€</div>\n\n'
        "## Service Fees\n\n<table>\n<thead><tr><th>Tier</th><th>Organization Fee</th>"
        f"<th>DOI Fee</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n\n"
        f"## Payment\n\n{w.filler(org, w.rng.randint(2, 4))}\n"
    )
    front = f"---\ntitle: {org} - Fee Model {w.rng.randint(2018, 2025)}\nlayout: service\n---\n\n"
    return f"pages/fees-{_slug(org).lower()}-{n}.md", front + body


def hire_news(w: Writer, n: int) -> tuple[str, str]:
    org, _, city = w.rng.choice(ORGS)
    role = w.pick(ROLES)
    person = w.pick(PEOPLE)
    posted = w.day(date(2014, 1, 1))
    title = w.pick(
        (f"{org} {role} Hired", f"Welcome to the {org} Team, {person.split()[0]}!",
         f"{person} Appointed {role}")
    )  # fmt: skip
    body = (
        f"{person} has been appointed the new {role} of {org}; the job at {org} starts "
        f"in {MONTHS[posted.month - 1]}.\n\n{w.filler(org, w.rng.randint(4, 7))}\n\n"
        f"## What interested you in the position?\n\n{w.filler(org, 2)}\n"
    )
    front = (
        f"---\nlayout: post\ntitle: '{title}'\ndate: '{posted.isoformat()}'\n"
        f"tags:\n  - news\nlocation: '{city}'\n---\n"
    )
    return f"news/{posted.isoformat()}-welcome-{n}.md", front + body


def call_news(w: Writer, n: int) -> tuple[str, str]:
    org, domain, city = w.rng.choice(ORGS)
    posted = w.day(date(2014, 1, 1))
    due = posted + timedelta(days=45)
    body = (
        f"# Call for proposals now open\n\nThe annual conference will be held in {city}. "
        f"{w.filler(org, w.rng.randint(4, 7))}\n\n"
        f"Submissions are due by {MONTHS[due.month - 1]} {due.day}, {due.year}.\n\n"
        "### Questions?\n\n"
        f"Please contact [staff@{domain}](mailto:staff@{domain}).\n"
    )
    front = (
        f"---\ntitle: Now Accepting Proposals for the {posted.year + 1} {org} Conference\n"
        f"date: {posted.isoformat()}\ntags: [announcements]\nlayout: post\n---\n"
    )
    return f"news/{posted.isoformat()}-call-{n}.md", front + body


def other_page(w: Writer, n: int) -> tuple[str, str]:
    org, domain, _ = w.rng.choice(ORGS)
    if w.rng.random() < 0.5:
        front = "---\ntitle: Jobs\npermalink: /jobs/\nlayout: jobposts\nuse_tag: job\n---\n\n"
        body = (
            f"{org}'s jobs page lists positions in libraries, archives and museums. To post "
            f'your position, please complete <a href="https://forms.{domain}/post">this form</a>.'
            f"\n\n<hr />\n\n{w.filler(org, w.rng.randint(3, 6))}\n"
        )
        return f"pages/jobs-board-{n}.md", front + body
    front = "---\ntitle: Global Access Fund\nlayout: service\n---\n"
    body = (
        f"# Global Access Fund\n\n{w.filler(org, w.rng.randint(4, 7))}\n\n"
        "## Eligibility (Who can apply):\n\n"
        f"- Organizations based in {w.pick(REGIONS)} can apply.\n\n## Timeline\n"
        f"- Application due date: October 15, {w.rng.randint(2019, 2026)}.\n"
    )
    return f"pages/fund-{n}.md", front + body


def broken_front_matter(w: Writer, n: int) -> tuple[str, str]:
    name, text = metro_job(w, n)
    head, _, rest = text.partition("\n---\n\n")
    title_line = next(line for line in head.splitlines() if line.startswith("title:"))
    bare = title_line.replace('"', "").replace("title:  ", "title: Job: ")
    broken = head.replace(title_line, bare + "\n  badly: indented: [")
    return name.replace(".markdown", "-broken.markdown"), broken + "\n---\n\n" + rest


KINDS: tuple[tuple[Callable[[Writer, int], tuple[str, str]], float], ...] = (
    (metro_job, 0.32),
    (blog_job, 0.18),
    (listing_job, 0.10),
    (multi_job, 0.06),
    (faq_page, 0.08),
    (fee_page, 0.03),
    (hire_news, 0.10),
    (call_news, 0.05),
    (other_page, 0.05),
    (broken_front_matter, 0.03),
)


def _mangle(w: Writer, text: str) -> str:
    """Some files show mojibake, Windows line ends or curly apostrophes."""
    roll = w.rng.random()
    if roll < 0.05:
        text = text.replace("'s ", "’s ", 3)
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if "’" in line:
                lines[i] = line.encode("utf-8").decode("cp1252", errors="replace")
        text = "\n".join(lines)
    elif roll < 0.08:
        text = text.replace("\n", "\r\n")
    elif roll < 0.3:
        text = text.replace("'s ", "’s ")
    return text


def generate(n: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """``n`` documents as (path relative to the content root, UTF-8 bytes); deterministic."""
    rng = random.Random(seed)
    writer = Writer(rng)
    makers = [maker for maker, _ in KINDS]
    weights = [weight for _, weight in KINDS]
    for i in range(n):
        maker = rng.choices(makers, weights)[0]
        name, text = maker(writer, i)
        yield name, _mangle(writer, text).encode("utf-8")


def measure(docs: list[tuple[str, bytes]], rounds: int = 3) -> None:
    """CPU time per document: python-frontmatter alone, then the full loader.

    Best of ``rounds`` interleaved rounds of process time, so other work on the machine
    (which only ever adds time) disturbs the figures as little as possible.
    """
    import frontmatter

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bot.content import parse_bytes
    from bot.domain import ContentError

    def floor() -> int:
        for _, data in docs:
            try:
                frontmatter.loads(data.decode("utf-8", "replace"))
            except Exception:  # the floor counts the attempt only
                continue
        return 0

    def full() -> int:
        failed = 0
        for name, data in docs:
            try:
                parse_bytes(name, data)
            except ContentError:
                failed += 1
        return failed

    for name, data in docs[:200]:  # warm imports outside the timing
        parse_bytes(name, data)
    floors, fulls = [], []
    failed = 0
    for _ in range(rounds):
        started = time.process_time()
        floor()
        floors.append(time.process_time() - started)
        started = time.process_time()
        failed = full()
        fulls.append(time.process_time() - started)
    count = len(docs)
    size = sum(len(d) for _, d in docs) / count / 1024
    best_floor, best_full = min(floors), min(fulls)
    print(f"{count} documents, {size:.1f} KB average, {failed} refused; best of {rounds} rounds")
    print(f"python-frontmatter only: {best_floor / count * 1000:.3f} ms/doc")
    print(
        f"parse_bytes:             {best_full / count * 1000:.3f} ms/doc "
        f"({count / best_full:,.0f} docs/s, {best_full / best_floor:.1f}x python-frontmatter)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--measure", action="store_true", help="also time the loader")
    args = parser.parse_args()
    docs = list(generate(args.n, args.seed))
    for name, data in docs:
        path = args.outdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"wrote {len(docs)} files under {args.outdir}")
    if args.measure:
        measure(docs)


if __name__ == "__main__":
    main()
