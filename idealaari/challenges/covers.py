"""A challenge's cover image: checked by its content, re-encoded, stored under the instance.

An upload is opened with Pillow, never trusted by its name or declared type: only JPEG, PNG and
WebP are read, with limits on the bytes and the pixels (a small file can decode into a huge
image). It is turned upright by its EXIF orientation, scaled down, stripped of all metadata
(EXIF with its GPS and camera data) and written anew as WebP, with a smaller copy for the list
cards. The stored name is random and carries the size ("<token>-<w>x<h>.webp"), so pages can
give width and height without reading the file, and a new image always gets a new URL (which
is why the files can be cached for a year).

Files follow the database: a replaced or removed image is deleted after the commit, and the
files written in a transaction that rolls back are deleted with it.
"""

from __future__ import annotations

import io
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import event
from sqlalchemy.orm import Session

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # below Pillow's own bomb warning (about 89 million pixels)
MAX_SIDE = 1600
THUMB_SIDE = 480
ALT_MAX = 300
FORMATS = ("JPEG", "PNG", "WEBP")
MIMETYPE = "image/webp"
HELP = _l("A JPEG, PNG or WebP image of at most 5 MB. A wide picture works best.")

_NAME = re.compile(r"^([0-9a-f]{32})-([1-9][0-9]{0,4})x([1-9][0-9]{0,4})(\.thumb)?\.webp$")
_WRITTEN = "idealaari.challenge_covers.written"
_OBSOLETE = "idealaari.challenge_covers.obsolete"


class CoverError(ValueError):
    """An upload that is not a usable cover image; the message is shown on the field."""

    def __init__(self, message: str, *, field: str = "cover"):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class PreparedCover:
    """A checked, re-encoded image, not yet stored."""

    image: bytes
    thumbnail: bytes
    width: int
    height: int


def prepare(upload) -> PreparedCover:
    """Read an upload (a file storage or any binary stream) and re-encode it, or raise
    CoverError saying what is wrong with it."""
    stream = getattr(upload, "stream", upload)
    data = stream.read(MAX_BYTES + 1)
    if not data:
        raise CoverError(_("The file is empty. Choose the image again."))
    if len(data) > MAX_BYTES:
        raise CoverError(_("The image is larger than 5 MB. Make it smaller and try again."))
    try:
        with Image.open(io.BytesIO(data), formats=FORMATS) as original:
            if original.width * original.height > MAX_PIXELS:
                raise CoverError(_("The image has too many pixels. Make it smaller and try again."))
            original.load()
            image = ImageOps.exif_transpose(original)
        image = image.convert("RGBA" if _has_alpha(image) else "RGB")
    except CoverError:
        raise
    except UnidentifiedImageError:
        raise CoverError(_("The file is not a JPEG, PNG or WebP image.")) from None
    except Image.DecompressionBombError:
        raise CoverError(
            _("The image has too many pixels. Make it smaller and try again.")
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise CoverError(
            _("The image file is damaged or incomplete. Save it again and try again.")
        ) from None
    image.info = {}  # no EXIF, XMP, ICC or comments survive into the stored file
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    thumbnail = image.copy()
    thumbnail.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    return PreparedCover(
        image=_encode(image), thumbnail=_encode(thumbnail), width=image.width, height=image.height
    )


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def _encode(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "WEBP", quality=82, method=4, exif=b"", xmp=b"")
    return out.getvalue()


# --------------------------------------------------------------------------- storage


def folder() -> Path:
    """Where cover files live: IDEALAARI_UPLOAD_DIR, or uploads/ in the instance folder."""
    base = current_app.config.get("IDEALAARI_UPLOAD_DIR") or Path(current_app.instance_path) / (
        "uploads"
    )
    return Path(base) / "challenges"


def parse_name(name: str | None) -> tuple[int, int] | None:
    """The (width, height) of a stored name; None for anything that is not one."""
    match = _NAME.match(name or "")
    return (int(match[2]), int(match[3])) if match else None


def thumbnail_name(name: str) -> str:
    return name.removesuffix(".webp") + ".thumb.webp"


def file_names(challenge) -> tuple[str, ...]:
    """The names this challenge's cover is served under (the image and its thumbnail)."""
    if parse_name(challenge.cover_image) is None:
        return ()
    return challenge.cover_image, thumbnail_name(challenge.cover_image)


def path_of(name: str) -> Path | None:
    """The file of a stored name; None when the name is not one (no path ever leaves the
    folder)."""
    if parse_name(name) is None:
        return None
    return folder() / name


def _session() -> Session:
    from idealaari.extensions import db

    return db.session()


def store(cover: PreparedCover) -> str:
    """Write the image and its thumbnail; return the name to keep on the challenge."""
    name = f"{secrets.token_hex(16)}-{cover.width}x{cover.height}.webp"
    where = folder()
    where.mkdir(parents=True, exist_ok=True)
    written = _session().info.setdefault(_WRITTEN, [])
    for file_name, data in ((name, cover.image), (thumbnail_name(name), cover.thumbnail)):
        path = where / file_name
        written.append(path)
        temporary = path.with_suffix(".part")
        temporary.write_bytes(data)
        temporary.replace(path)
    return name


def discard(name: str | None) -> None:
    """Delete a cover's files once the change that drops it is committed."""
    if parse_name(name) is None:
        return
    obsolete = _session().info.setdefault(_OBSOLETE, [])
    obsolete += [folder() / name, folder() / thumbnail_name(name)]


def apply(challenge, *, cover: PreparedCover | None, alt: str, remove: bool) -> None:
    """Set, replace, keep or remove the challenge's cover and its alt text."""
    alt = " ".join((alt or "").split())
    if len(alt) > ALT_MAX:
        raise CoverError(_("Write at most %(max)d characters.", max=ALT_MAX), field="cover_alt")
    keeps = cover is not None or (challenge.cover_image and not remove)
    if keeps and not alt:
        raise CoverError(_("Describe the image for those who cannot see it."), field="cover_alt")
    if cover is not None:
        discard(challenge.cover_image)
        challenge.cover_image = store(cover)
    elif remove and challenge.cover_image:
        discard(challenge.cover_image)
        challenge.cover_image = None
    challenge.cover_alt = alt if challenge.cover_image else ""


@event.listens_for(Session, "after_commit")
def _delete_obsolete(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a SAVEPOINT was released; the real commit comes later
    session.info.pop(_WRITTEN, None)
    for path in session.info.pop(_OBSOLETE, []):
        path.unlink(missing_ok=True)


@event.listens_for(Session, "after_soft_rollback")
def _delete_written(session: Session, previous_transaction) -> None:
    if previous_transaction.nested or previous_transaction.parent is not None:
        return
    session.info.pop(_OBSOLETE, None)
    for path in session.info.pop(_WRITTEN, []):
        path.unlink(missing_ok=True)


# --------------------------------------------------------------------------- pages


def cover_url(challenge, *, thumbnail: bool = False) -> str | None:
    """The URL of the cover (or its thumbnail); None when the challenge has none."""
    names = file_names(challenge)
    if not names:
        return None
    return url_for(
        "challenges.cover", challenge_id=challenge.id, name=names[1] if thumbnail else names[0]
    )


def cover_size(challenge, *, thumbnail: bool = False) -> tuple[int, int]:
    """Width and height of the cover (or its thumbnail), for the img attributes."""
    width, height = parse_name(challenge.cover_image) or (1, 1)
    if thumbnail and max(width, height) > THUMB_SIDE:
        scale = THUMB_SIDE / max(width, height)
        width, height = max(1, round(width * scale)), max(1, round(height * scale))
    return width, height
