"""Handlers for the caller's team: invitations, seats, and accepting an invitation."""

from __future__ import annotations

import uuid

from ._call import Call, Reply
from ._errors import access_denied, conflict, not_found, validation_error
from ._model import ROLES, Membership
from ._validation import MISSING, Missing
from ._views import member_view

__all__ = [
    "accept_invitation",
    "get_member",
    "invite_member",
    "list_members",
    "remove_member",
    "resend_invitation",
    "update_member",
]


def _own_seat(call: Call) -> Membership:
    seat = call.store.membership(call.account.id, call.int_id)
    if seat is None:
        raise not_found("Team member not found.")
    return seat


def _invite(call: Call, seat: Membership) -> None:
    call.store.send_email(seat.email, "team_invitation", str(seat.invitation_id))


def list_members(call: Call) -> Reply:
    """``GET /teams``: members and pending invitations."""
    seats = call.store.memberships_of(call.account.id)
    return Reply([member_view(s, call.store) for s in seats])


def invite_member(call: Call) -> Reply:
    """``POST /teams``: 201 with a pending seat, and an invitation email to the invitee."""
    body, store, account = call.body, call.store, call.account
    email = body.required_email()
    role = body.choice("role", ROLES)
    permissions = body.text_list("permissions")
    body.check()
    if email.casefold() == account.email.casefold():
        raise validation_error({"email": ["You cannot invite yourself to your own team."]})
    if store.membership_by_email(account.id, email) is not None:
        raise conflict("This email address has already been invited to the team.")
    seat = store.add_membership(
        account,
        email,
        role="member" if role is MISSING else role,
        permissions=[] if isinstance(permissions, Missing) else permissions,
    )
    _invite(call, seat)
    return Reply(member_view(seat, store), status=201)


def get_member(call: Call) -> Reply:
    """``GET /teams/{id}``."""
    return Reply(member_view(_own_seat(call), call.store))


def update_member(call: Call) -> Reply:
    """``PUT /teams/{id}``: change ``role`` and/or ``permissions``."""
    seat = _own_seat(call)
    role = call.body.choice("role", ROLES)
    permissions = call.body.text_list("permissions")
    call.body.check()
    if isinstance(role, str):
        seat.role = role
    if isinstance(permissions, list):
        seat.permissions = permissions
    return Reply(member_view(seat, call.store))


def remove_member(call: Call) -> Reply:
    """``DELETE /teams/{id}``: also ends the member's switched-account tokens."""
    call.store.remove_membership(_own_seat(call))
    return Reply()


def resend_invitation(call: Call) -> Reply:
    """``POST /teams/{id}/resend-invite``: pending seats only; the same invitation id."""
    seat = _own_seat(call)
    if seat.status != "pending":
        raise conflict("This invitation has already been accepted.")
    _invite(call, seat)
    return Reply()


def accept_invitation(call: Call) -> Reply:
    """``POST /teams/invitations/{id}/accept``, with the invitee's own token.

    Accepting again is a no-op success, so that a retried request is harmless.
    """
    try:
        invitation_id = uuid.UUID(call.path_id or "")
    except ValueError:
        raise not_found("Invitation not found.") from None
    seat = call.store.membership_by_invitation(invitation_id)
    if seat is None:
        raise not_found("Invitation not found.")
    account = call.account
    if seat.email.casefold() != account.email.casefold():
        raise access_denied("This invitation was sent to a different email address.")
    seat.status = "accepted"
    seat.member_id = account.id
    return Reply()
