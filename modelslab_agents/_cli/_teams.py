"""``modelslab-agents teams``: team members and invitations."""

from __future__ import annotations

import uuid

import click

from ._batch import run_batch
from ._options import CHECK_EMAIL, CHECK_ID, CHECK_INVITATION_ID, json_option
from ._output import Column
from ._state import AppState, pass_state

__all__ = ["teams"]

_COLUMNS = (
    Column.attr("id"),
    Column.attr("email"),
    Column.attr("name"),
    Column.attr("role"),
    Column.attr("status"),
    Column.attr("permissions"),
)


@click.group(short_help="Team members and invitations.")
def teams() -> None:
    """Your team: invite people, list, change roles, remove; accept an invitation.

    \b
    Inviting a teammate, end to end:
      modelslab-agents teams invite friend@example.com        # you
      modelslab-agents teams accept INVITATION_ID             # them, logged in as
                                                              # themselves
      modelslab-agents tokens switch-account YOUR_USERNAME    # them, to act as the team
    The invitation id is in the invitation email (the emulator prints its emails).
    """


@teams.command("list")
@json_option
@pass_state
def list_members(state: AppState) -> None:
    """List team members and pending invitations."""
    state.output.table(state.client().teams.list(), _COLUMNS, empty="No team members.")


@teams.command()
@click.argument("emails", metavar="EMAIL...", nargs=-1, required=True, callback=CHECK_EMAIL)
@click.option("--role", help="Role of the new members, e.g. admin, member, viewer.")
@json_option
@pass_state
def invite(state: AppState, emails: tuple[str, ...], role: str | None) -> None:
    """Invite people to your team by email, concurrently.

    Each gets an invitation email with the id they pass to `teams accept`.
    Prints one line per email; exits non-zero if any failed.
    """
    client = state.client()
    # The client's own method runs natively concurrent on its loop; a wrapper
    # (needed only to pass --role) runs in worker threads instead.
    run_batch(
        state,
        client,
        client.teams.invite if role is None else (lambda e: client.teams.invite(e, role=role)),
        list(dict.fromkeys(emails)),
        label=lambda e: e,
        success=lambda e, m: f"invited {e} (member id {m.id}, {m.status})",
    )


@teams.command()
@click.argument("member_id", metavar="ID", callback=CHECK_ID)
@json_option
@pass_state
def get(state: AppState, member_id: int) -> None:
    """Show the team member with this ID."""
    state.output.record(state.client().teams.get(member_id))


@teams.command()
@click.argument("member_id", metavar="ID", callback=CHECK_ID)
@click.option("--role", help="New role, e.g. admin, member, viewer.")
@click.option(
    "--permission",
    "permissions",
    multiple=True,
    metavar="NAME",
    help="Set the member's permissions to these (repeatable).",
)
@click.option("--clear-permissions", is_flag=True, help="Remove every permission.")
@json_option
@pass_state
def update(
    state: AppState,
    member_id: int,
    role: str | None,
    permissions: tuple[str, ...],
    clear_permissions: bool,
) -> None:
    """Change the role or permissions of the team member with this ID."""
    if permissions and clear_permissions:
        raise click.UsageError("--permission and --clear-permissions exclude each other")
    fields: dict[str, object] = {}
    if role is not None:
        fields["role"] = role
    if permissions or clear_permissions:
        fields["permissions"] = list(permissions)
    if not fields:
        raise click.UsageError(
            "nothing to change: pass --role, --permission or --clear-permissions"
        )
    state.output.record(state.client().teams.update(member_id, **fields))  # type: ignore[arg-type]


@teams.command()
@click.argument("member_ids", metavar="ID...", nargs=-1, required=True, callback=CHECK_ID)
@json_option
@pass_state
def remove(state: AppState, member_ids: tuple[int, ...]) -> None:
    """Remove team members (or withdraw invitations) by id, concurrently."""
    client = state.client()
    run_batch(
        state,
        client,
        client.teams.remove,
        list(dict.fromkeys(member_ids)),
        label=lambda i: f"member {i}",
        success=lambda i, _: f"removed member {i}",
    )


@teams.command("resend-invite")
@click.argument("member_ids", metavar="ID...", nargs=-1, required=True, callback=CHECK_ID)
@json_option
@pass_state
def resend_invite(state: AppState, member_ids: tuple[int, ...]) -> None:
    """Send pending invitations again, by member id."""
    client = state.client()
    run_batch(
        state,
        client,
        client.teams.resend_invite,
        list(dict.fromkeys(member_ids)),
        label=lambda i: f"member {i}",
        success=lambda i, _: f"invitation to member {i} sent again",
    )


@teams.command()
@click.argument("invitation_id", metavar="INVITATION_ID", callback=CHECK_INVITATION_ID)
@json_option
@pass_state
def accept(state: AppState, invitation_id: uuid.UUID) -> None:
    """Accept a team invitation, as the invited account.

    Log in as the invited email first; INVITATION_ID is the id from the
    invitation email. Then `tokens switch-account OWNER_USERNAME` gives a
    token acting as the team account.
    """
    state.client().teams.accept_invite(invitation_id)
    state.output.done(f"Invitation {invitation_id} accepted.", invitation_id=str(invitation_id))
