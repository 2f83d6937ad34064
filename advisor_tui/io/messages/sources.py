"""Which files an import of messages reads, in which format, and reading them.

`plan` looks at every path before anything is stored: a path that does not
exist, is no regular file (a FIFO or device is refused, never opened for
reading), is too large or holds no known format stops the import with one
sentence (`PlanError`). Folders are walked: a Maildir (cur/new) is read as
mail, other files are recognised by their content (extension as a hint);
files of other kinds inside a folder (a chat export's pictures) are counted
and passed over.

`read_source` then reads one planned file and yields its items; a file that
fails while being read ends with a `Skipped` naming the reason.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path, PurePath

from advisor_tui.io.contact_record import decode_bytes
from advisor_tui.io.input_files import InputFileError, check_regular, read_input_bytes
from advisor_tui.io.messages import mail, sms_backup, whatsapp
from advisor_tui.io.messages.items import Found, Item, Skipped, excerpt, is_own

# The formats, and the channel each belongs to (`--channel` picks a channel).
FORMATS = {
    "eml": "email",
    "maildir": "email",
    "mbox": "email",
    "sms": "sms",
    "whatsapp": "whatsapp",
    "whatsapp_zip": "whatsapp",
}
# With --channel and a file of unclear content, the format to try.
_DEFAULT_FORMAT = {"email": "eml", "sms": "sms", "whatsapp": "whatsapp"}
HEAD_BYTES = 64 * 1024
# Streamed formats (mbox, SMS backups full of pictures) may be large; read-whole ones less so.
MAX_STREAMED_BYTES = 8 * 1024 * 1024 * 1024
MAX_CHAT_BYTES = 256 * 1024 * 1024


class PlanError(Exception):
    """A path the import cannot take: `key`/`params` for the catalog (`msgimport.err.*`)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Source:
    """One file to read, in a known format; `thread` names a WhatsApp chat."""

    path: Path
    format: str
    size: int = 0
    thread: str = ""

    @property
    def channel(self) -> str:
        return FORMATS[self.format]


@dataclass
class Plan:
    sources: list[Source] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # folders and odd files passed over
    other_files: int = 0  # files of other kinds inside walked folders

    @property
    def total_bytes(self) -> int:
        return sum(s.size for s in self.sources)


def _head(path: Path) -> bytes:
    check_regular(path)
    with path.open("rb") as handle:
        return handle.read(HEAD_BYTES)


def _zip_chats(path: Path) -> list[str]:
    """The chat texts inside a WhatsApp export zip (`_chat.txt` or `WhatsApp Chat mit ….txt`)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [i.filename for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    return [n for n in names if n.lower().endswith(".txt") and "/" not in n.strip("/")]


def sniff(path: Path, head: bytes) -> str | None:
    """The format of a file from its first bytes (and its name as a hint), or None."""
    suffix = path.suffix.lower()
    body = head.lstrip(b"\xef\xbb\xbf")
    if suffix == ".zip" and _zip_chats(path):
        return "whatsapp_zip"
    if mail.looks_like_mbox(body):
        return "mbox"
    text = decode_bytes(body[:16384]) if body else ""
    if sms_backup.looks_like_backup(text):
        return "sms"
    if whatsapp.looks_like_chat(text):
        return "whatsapp"
    if mail.looks_like_mail(body) or suffix == ".eml":
        return "eml"
    if suffix == ".mbox":
        return "mbox"
    return None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _check_size(path: Path, fmt: str, size: int) -> None:
    limit = MAX_STREAMED_BYTES if fmt in {"mbox", "sms", "whatsapp_zip"} else MAX_CHAT_BYTES
    if size > limit:
        raise PlanError(
            "msgimport.err.too_large", path=str(path), size=size // 2**20, limit=limit // 2**20
        )


def _allowed(fmt: str | None, channel: str) -> bool:
    return fmt is not None and (channel == "auto" or FORMATS[fmt] == channel)


def _source(path: Path, fmt: str) -> Source:
    size = _size(path)
    _check_size(path, fmt, size)
    if fmt == "whatsapp":
        return Source(path, fmt, size, whatsapp.chat_name(path))
    if fmt == "whatsapp_zip":
        return Source(path, fmt, size, whatsapp.chat_name(PurePath(path.name).with_suffix("")))
    return Source(path, fmt, size)


def _plan_maildir(folder: Path, plan: Plan) -> None:
    read, skipped = mail.maildir_folders(folder)
    for sub in skipped:
        plan.skipped.append(Skipped(str(sub), 0, "folder_skipped", sub.name))
    for sub in read:
        for file in mail.maildir_files(sub):
            plan.sources.append(Source(file, "maildir", _size(file)))


def _plan_folder(folder: Path, channel: str, plan: Plan) -> None:
    if mail.is_maildir(folder):
        if channel in ("auto", "email"):
            _plan_maildir(folder, plan)
        return
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs.sort()
        for name in list(dirs):
            sub = here / name
            if name.startswith("."):
                dirs.remove(name)
            elif mail.is_maildir(sub):
                dirs.remove(name)
                if channel in ("auto", "email"):
                    _plan_maildir(sub, plan)
        for name in sorted(files):
            if name.startswith("."):
                continue
            file = here / name
            try:
                fmt = sniff(file, _head(file))
            except InputFileError as exc:
                kind = str(exc.params.get("kind", ""))
                plan.skipped.append(Skipped(str(file), 0, "not_regular", kind))
                continue
            except OSError as exc:
                plan.skipped.append(Skipped(str(file), 0, "unreadable", exc.strerror or ""))
                continue
            if _allowed(fmt, channel):
                assert fmt is not None
                plan.sources.append(_source(file, fmt))
            else:
                plan.other_files += 1


def plan(paths: list[Path], channel: str = "auto") -> Plan:
    """Every file to read, by format; raises PlanError for a path that cannot be imported."""
    result = Plan()
    for path in paths:
        if not path.exists():
            raise PlanError("msgimport.err.not_found", path=str(path))
        if path.is_dir():
            before = len(result.sources)
            _plan_folder(path, channel, result)
            if len(result.sources) == before:
                raise PlanError("msgimport.err.empty_folder", path=str(path))
            continue
        try:
            head = _head(path)
        except InputFileError as exc:
            raise PlanError("msgimport.err.file", message=str(exc)) from exc
        except OSError as exc:
            raise PlanError(
                "msgimport.err.unreadable", path=str(path), reason=exc.strerror or str(exc)
            ) from exc
        fmt = sniff(path, head)
        if fmt is None and channel != "auto":
            fmt = _DEFAULT_FORMAT[channel]
        if fmt is None:
            raise PlanError("msgimport.err.unknown_format", path=str(path))
        if not _allowed(fmt, channel):
            raise PlanError(
                "msgimport.err.wrong_channel", path=str(path), found=FORMATS[fmt], channel=channel
            )
        result.sources.append(_source(path, fmt))
    return result


def _read_zip(source: Source, tz: tzinfo, me: tuple[str, ...]) -> Iterator[Item]:
    with zipfile.ZipFile(source.path) as archive:
        for name in _zip_chats(source.path):
            info = archive.getinfo(name)
            if info.file_size > MAX_CHAT_BYTES:
                yield Skipped(f"{source.path}:{name}", 0, "too_large", str(info.file_size))
                continue
            with archive.open(info) as member:
                data = member.read(MAX_CHAT_BYTES + 1)[:MAX_CHAT_BYTES]
            yield from whatsapp.read_chat(
                decode_bytes(data),
                source=f"{source.path}:{name}",
                thread=source.thread,
                me=me,
                tz=tz,
            )


def _items(source: Source, tz: tzinfo, me: tuple[str, ...]) -> Iterator[Item]:
    path = source.path
    if source.format in ("eml", "maildir"):
        data = read_input_bytes(path)
        fallback = mail.maildir_time(path) if source.format == "maildir" else None
        if fallback is None:
            fallback = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        yield mail.read_message(mail.parse_bytes(data), str(path), fallback_at=fallback)
    elif source.format == "mbox":
        check_regular(path)
        yield from mail.read_mbox(path)
    elif source.format == "sms":
        check_regular(path)
        with path.open("rb") as stream:
            yield from sms_backup.read_backup(stream, str(path))
    elif source.format == "whatsapp":
        text = decode_bytes(read_input_bytes(path, max_bytes=MAX_CHAT_BYTES))
        yield from whatsapp.read_chat(text, source=str(path), thread=source.thread, me=me, tz=tz)
    elif source.format == "whatsapp_zip":
        yield from _read_zip(source, tz, me)


def read_source(
    source: Source, *, me: tuple[str, ...] = (), tz: tzinfo | None = None
) -> Iterator[Item]:
    """The items of one planned file; the advisor's own messages (`me`) come as outgoing."""
    zone = tz or whatsapp.zone()
    try:
        for item in _items(source, zone, me):
            if isinstance(item, Found) and is_own(
                me, item.message.sender, item.message.sender_name
            ):
                yield Skipped(item.source, item.line, "outgoing", excerpt(item.message.text))
            else:
                yield item
    except OSError as exc:
        yield Skipped(str(source.path), 0, "unreadable", exc.strerror or str(exc))
    except zipfile.BadZipFile as exc:
        yield Skipped(str(source.path), 0, "unreadable", str(exc))
