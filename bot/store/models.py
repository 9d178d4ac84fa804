"""Table rows. They never leave ``bot.store``: the repository converts them to domain values.

The schema itself is created by the Alembic migration (which also adds the full-text index the
ORM does not know about); these classes only describe what queries read and write.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.store.types import JSONType, Money, UTCDateTime


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    """One content file, kept after it disappears (status ``withdrawn``) so history survives."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text, unique=True)
    content_hash: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(Text)
    posted: Mapped[date | None]
    url: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list[str]] = mapped_column(JSONType)
    status: Mapped[str] = mapped_column(String(16))  # present | withdrawn
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    updated: Mapped[datetime] = mapped_column(UTCDateTime)
    origin: Mapped[str] = mapped_column(String(300))  # the named source (bot.store.keys)

    __table_args__ = (
        Index("ix_documents_status", "status"),
        Index("ix_documents_origin_status", "origin", "status"),
    )


class PostingRow(Base):
    """One opening. ``pk`` is internal (the full-text index needs an integer rowid that never
    changes); ``id`` is the public, typable id."""

    __tablename__ = "postings"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(120), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    remote: Mapped[bool | None]
    deadline: Mapped[date | None]
    deadline_inferred: Mapped[bool]
    open_until_filled: Mapped[bool]
    closed: Mapped[bool]
    salary: Mapped[str | None] = mapped_column(Text)
    salary_min: Mapped[Decimal | None] = mapped_column(Money)
    salary_currency: Mapped[str | None] = mapped_column(Text)
    contacts: Mapped[list[str]] = mapped_column(JSONType)
    posted: Mapped[date | None]
    body: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    status: Mapped[str] = mapped_column(String(16))  # active | withdrawn | removed
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    updated: Mapped[datetime] = mapped_column(UTCDateTime)
    salary_max: Mapped[Decimal | None] = mapped_column(Money)
    salary_period: Mapped[str | None] = mapped_column(Text)
    employment_type: Mapped[str | None] = mapped_column(Text)
    remote_regions: Mapped[list[str] | None] = mapped_column(JSONType)
    page_url: Mapped[str | None] = mapped_column(Text)  # on the published site
    file_url: Mapped[str | None] = mapped_column(Text)  # in the repository

    __table_args__ = (
        UniqueConstraint("document_id", "position", name="uq_postings_document_position"),
        Index("ix_postings_status_deadline", "status", "deadline"),
    )


class PassageRow(Base):
    """One answer passage. Question and page title are copied in so the full-text index (and
    PostgreSQL's generated column) can cover them without a join; a changed page rewrites
    all its passages, so the copies cannot drift."""

    __tablename__ = "faq_passages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    section: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text)
    anchor: Mapped[str | None] = mapped_column(Text)
    page_title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_faq_passages_document", "document_id", "position"),)


class QuestionRow(Base):
    """A plain question as asked (normalised, never with who asked it), how often, whether
    Herald could answer it and what people said of the answers: what to write next."""

    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(String(500), unique=True)
    intent: Mapped[str] = mapped_column(String(16))
    answered: Mapped[bool]
    asked: Mapped[int] = mapped_column(Integer)
    helpful: Mapped[int] = mapped_column(Integer)
    unhelpful: Mapped[int] = mapped_column(Integer)
    first_asked: Mapped[datetime] = mapped_column(UTCDateTime)
    last_asked: Mapped[datetime] = mapped_column(UTCDateTime)
