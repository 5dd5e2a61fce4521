"""Drive the Microsoft 365 Agents Playground from Python, the way its web UI does.

The playground (npm `@microsoft/m365agentsplayground`, checked against 0.2.28) is a local Teams
emulator: a mocked Bot Connector the bot replies to, plus a web UI. There is no browser here, so
this module speaks the UI's own protocol. Every endpoint below was read in the playground's
bundle and tried against the running tool:

- `GET  /_internal/v1/testConfig`: the mock tenant (`currentUser`, five `users`, bot, chat ids).
  The UI calls `/_internal/v1/config`, the same answer after waiting up to 15 s for the bot.
- `WS   /_ws_conversation/v1/conversations/stream`: what the chat panes show, as
  `{"action": "createMessage" | "updateMessage" | "typing", "actionConversationId", "message"}`.
- `WS   /_ws/log/stream`: the log panel, `{"logAction": "appendLog", "log": {...}}`, one entry
  per HTTP exchange with the bot, written when the exchange ends. An entry "Microsoft 365
  Agents Playground" -> "User Application" therefore means the bot finished that turn.
- `POST /_conversation/v1/conversations/{id}/messages` with
  `{"type": "text", "text", "textFormat": "plain", "from": {"id"}}`: the user types. The
  playground always sends it to the bot as `currentUser`; `from.id` is only checked for
  membership. In a group chat or channel the bot only gets it when the message @mentions it.
- `POST /_conversation/v1/invoke` with `{"name": "adaptiveCard/action", "value": {"action":
  {"type": "Action.Execute", "title", "verb", "data"}}, "from": {"id"}, "conversation": {"id"},
  "replyToId": <card message id>}`: an Action.Execute click. Answers the bot's invoke response
  `{"type", "value"}`. Here `from.id` is honoured: any member of the conversation may click.
  The UI, not the server, puts a replacement card in place of the clicked one: no chat frame
  says so (`InvokeResult.activity` is the message as the UI then shows it).
- `POST /_conversation/v1/submit` with `{"conversation": {"id"}, "replyToId", "value": <data>,
  "from": {"id"}}`: an Action.Submit click; the bot gets a message whose `value` is the data.
  The playground does not turn `{"msteams": {"type": "imBack"}}` data into typed text as Teams
  does: the bot receives the raw `value` and no text.
- `GET  /_internal/v1/customActivities/template?conversationId=...` and `POST
  /_internal/v1/customActivities` (the UI's "Mock an Activity"): any activity, sent to the bot
  as given. This is the only way to have someone other than `currentUser` type.
- `POST /_connector/v3/conversations` with `{"isGroup": false, "members": [{"id"}]}`: the mocked
  Bot Connector's createConversation, which a bot calls in Teams to open a 1:1 chat. For any
  mock user it makes (once; later calls answer the same id) their personal chat with the bot:
  the only way someone other than `currentUser` gets one. The UI never shows those chats: its
  chat stream leaves out every message in another user's chat, so what the bot sends there is
  seen in the log stream only (`logged_messages`).

Mock users come from `.m365agentsplayground.yml` in the playground's working directory, or the
file named by `M365_AGENTS_PLAYGROUND_CONFIG_PATH` (the repository's `.m365agentsplayground.yml`).
`currentUser` owns the personal chat; the group chat and the team hold all six people. So
`say(..., as_user="Kevin")` speaks in the group chat, where the bot can look Kevin up, and
`install_app("Kevin")` gives Kevin a personal chat the bot can reach, as installing the app does.

Run `python -m scripts.playground [--as Kevin]` with the bot and the playground running.

Layout: `model` (constants, the error, `User`, `InvokeResult`), `cards` (reading cards, building
clicks), `client` (`Playground`: the REST session and its lifecycle) with its parts `tenant`
(the mock users and chats), `chat` (typing, installing), `clicks` (card buttons) and `streams`
(the chat and log websockets), and `__main__` (the command line).
"""

from .cards import card_title, cards, describe
from .client import Playground
from .model import (
    ADAPTIVE_CARD,
    BOT_LABEL,
    DEFAULT_URL,
    PLAYGROUND_LABEL,
    SETTLE_SECONDS,
    Activity,
    InvokeResult,
    PlaygroundError,
    User,
)

__all__ = [
    "ADAPTIVE_CARD",
    "BOT_LABEL",
    "DEFAULT_URL",
    "PLAYGROUND_LABEL",
    "SETTLE_SECONDS",
    "Activity",
    "InvokeResult",
    "Playground",
    "PlaygroundError",
    "User",
    "card_title",
    "cards",
    "describe",
]
