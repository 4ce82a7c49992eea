"""Signals the lower domains send so that higher ones can act without being imported.

`content_published(sender, kind=TargetKind, item=row, author=User)`: an idea was published or a
comment posted. Moderation listens, to hold a new member's first post for approval.
"""

from blinker import Namespace

_signals = Namespace()

content_published = _signals.signal("content-published")
