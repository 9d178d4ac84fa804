"""Admins manage postings from chat: add, edit, close, reopen, remove, restore, audit.

The parts, each importable on its own (this package imports none of them)::

    bot.admin.permissions   is_admin / require_admin: who may
    bot.admin.fields        the fields, field=value parsing, validation with usable messages
    bot.admin.writeback     the posting file after a change (front matter + a Herald block)
    bot.admin.preview       preview_fields / preview_markdown: what Herald would store (pure)
    bot.admin.service       Admin: propose → confirm, edit, close, reopen, remove, restore,
                            reload, audit, status; the conflict rule is in its docstring
    bot.admin.files         write-back folder, atomic writes
    bot.admin.records       Actor, AuditEntry, Pending, Refused …
    bot.admin.repository    AdminStore: audit rows, previews and edits, one transaction each

Example (what a Slack modal submission does)::

    from bot.admin.service import Admin
    proposal = Admin(store, settings).propose_fields(values, Actor("slack", "U1"), now)
    if proposal.token: ...show proposal.preview, then Admin(...).confirm(proposal.token, …)
"""
