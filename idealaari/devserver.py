"""`make run`: serve the demo on the development server and end its start-up with one clear
line that says where the demo is and how to log in.

Production runs under gunicorn (README.md); this is only for trying Idealaari out.
"""

from __future__ import annotations

import argparse
import logging

from werkzeug.serving import run_simple

from idealaari import create_app

DEMO_LOGIN = "admin@idealaari.example.fi"
DEMO_PASSWORD = "idealaari-demo"


class _StartupLines(logging.Filter):
    """Werkzeug's start-up lines (a warning and three addresses) make way for our own line,
    printed once the server listens; request lines pass unchanged."""

    def __init__(self, ready_line: str):
        super().__init__()
        self.ready_line = ready_line

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "Press CTRL+C to quit" in message:
            print(self.ready_line, flush=True)
            return False
        return not ("Running on" in message or "development server" in message)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args(argv)

    app = create_app()
    logging.getLogger("werkzeug").addFilter(
        _StartupLines(
            f"Idealaari is served on http://{args.host}:{args.port}/ - log in as {DEMO_LOGIN} "
            f"with the password {DEMO_PASSWORD} (more demo logins in README.md). "
            "Stop with Ctrl+C."
        )
    )
    run_simple(args.host, args.port, app, threaded=True)


if __name__ == "__main__":
    main()
