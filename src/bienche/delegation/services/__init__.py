"""Writes of the delegation register: every one keyword-only, in one transaction, audited.

* ``documents``: the legal documents transfers cite (``legal_document_ensure``).
* ``powers``: the catalogue of competences (``power_create``, ``powers_create``).
* ``checks``: the rules a transfer must satisfy, checked in memory for a whole batch.
* ``transfers``: ``transfers_create`` (all-or-nothing), ``transfer_update``, ``transfer_revoke``.
* ``reviews``: ``review_record`` (keep, amend, revoke, institutionalize; a steering task).
* ``reorg``: the org hook carrying transfers over to successor units, or flagging them.
"""
