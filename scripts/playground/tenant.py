"""The mock tenant a playground presents: its users, its bot, its chats."""

from __future__ import annotations

from typing import Any

from .model import PlaygroundError, User


class Tenant:
    """Part of `Playground` (client.py), which reads `config` from the playground."""

    config: dict[str, Any]

    @property
    def me(self) -> User:
        """The configured `currentUser`: the only person who can type in the UI."""
        return User.from_config(self.config["currentUser"])

    @property
    def users(self) -> list[User]:
        """Everyone in the mock tenant, `currentUser` first."""
        return [self.me, *(User.from_config(u) for u in self.config["users"])]

    @property
    def bot(self) -> dict[str, str]:
        """The bot's id and name as the playground presents them."""
        return self.config["bot"]

    @property
    def personal_chat_id(self) -> str:
        """The conversation id of `currentUser`'s 1:1 chat with the bot."""
        return self.config["personalChat"]["id"]

    @property
    def group_chat_id(self) -> str:
        """The conversation id of the group chat holding all six users and the bot."""
        return self.config["groupChats"][0]["id"]

    def user(self, who: str | User | None) -> User:
        """A mock user by id, name, first name, e-mail or UPN; None means `currentUser`."""
        if who is None:
            return self.me
        if isinstance(who, User):
            return who
        for candidate in self.users:
            if candidate.matches(who):
                return candidate
        known = ", ".join(u.name for u in self.users)
        raise PlaygroundError(f"no mock user {who!r} in the playground's config (has: {known})")
