"""SqlStorage: Bot Framework state (conversation, user, dialog) in the bot_state table."""

from collections.abc import Iterable, Mapping
from typing import Any

from botbuilder.core import Storage
from jsonpickle.pickler import Pickler
from jsonpickle.unpickler import Unpickler

from services.db.database import Database
from services.db.state import EtagConflict, StateRepository

E_TAG = "e_tag"


class StorageEtagConflict(KeyError):
    """A write carried an e_tag that is no longer stored (a KeyError, like MemoryStorage's)."""

    def __init__(self, message: str) -> None:
        """Keep the message readable: KeyError would otherwise print it quoted, as a key."""
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        """The message itself."""
        return self.message


class SqlStorage(Storage):
    """botbuilder Storage over StateRepository, with the semantics of MemoryStorage and Cosmos.

    Items are flattened with jsonpickle, as botbuilder-azure's storages do, so the objects
    dialogs keep in state (DialogState, DialogInstance, PromptOptions, Activity) come back as
    themselves after a restart. Read items carry "e_tag"; writing one back is then conditional
    on it, while a missing e_tag (None) or "*" overwrites.
    """

    def __init__(self, state: Database | StateRepository) -> None:
        """Store in the database's bot_state table (through a StateRepository)."""
        self._state = StateRepository(state) if isinstance(state, Database) else state

    async def read(self, keys: Iterable[str] | None) -> dict[str, Any]:
        """The stored items for the keys that exist, each with its current "e_tag"."""
        if not keys:
            return {}
        stored = await self._state.read(keys)
        return {key: _restore(data, e_tag) for key, (data, e_tag) in stored.items()}

    async def write(self, changes: Mapping[str, Any] | None) -> None:
        """Store dicts or objects, all or none; a stale e_tag raises StorageEtagConflict."""
        if changes is None:
            raise ValueError("Changes are required when writing")
        if not changes:
            return
        documents: dict[str, tuple[dict[str, Any], str | None]] = {}
        for key, item in changes.items():
            e_tag = _e_tag_of(item)
            if e_tag == "":
                raise ValueError(f"SqlStorage.write(): etag missing for {key!r}")
            documents[key] = (_flatten(key, item), e_tag)
        try:
            new_tags = await self._state.write_many(documents)
        except EtagConflict as conflict:
            raise StorageEtagConflict(f"Etag conflict. {conflict}") from conflict
        for key, item in changes.items():
            # A conditional writer gets the new e_tag, so saving the same state again in this
            # turn stays conditional instead of failing against its own first write.
            if documents[key][1] not in (None, "*"):
                _set_e_tag(item, new_tags[key])

    async def delete(self, keys: Iterable[str] | None) -> None:
        """Remove the items under these keys; unknown keys are ignored."""
        await self._state.delete(keys or ())


def _e_tag_of(item: Any) -> str | None:
    if isinstance(item, dict):
        return item.get(E_TAG)
    return getattr(item, E_TAG, None)


def _set_e_tag(item: Any, e_tag: str) -> None:
    if isinstance(item, dict):
        item[E_TAG] = e_tag
    else:
        setattr(item, E_TAG, e_tag)


def _flatten(key: str, item: Any) -> dict[str, Any]:
    document = Pickler().flatten(item)
    if not isinstance(document, dict):
        raise TypeError(f"SqlStorage stores dicts and objects; {key!r} is {type(item).__name__}")
    # The e_tag lives in its own column; a copy inside the document would go stale.
    document.pop(E_TAG, None)
    return document


def _restore(document: dict[str, Any], e_tag: str) -> Any:
    # Set before restoring so that objects (StoreItem and the like) get it as an attribute.
    # safe=True: never eval() a py/repr entry, whatever ends up in the table.
    return Unpickler(safe=True).restore({**document, E_TAG: e_tag})
