"""``handout serve``: check the config and the host, start the warm build processes, and
run the app under uvicorn (a production ASGI server) until stopped.

The log goes to standard error: start-up lines and one line per request (method, path
without query string, status, time). uvicorn's own access log is off: it would print query
strings, and this layer never needs them.
"""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from .config import WebConfig, check_host, default_config, load_config

log = logging.getLogger("handout.serve")

LOG_CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(message)s", "datefmt": "%H:%M:%S"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        "handout.serve": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


def prepare(config_file: Path | None, host: str) -> WebConfig:
    """The checked config; a HandoutError (one line) if it or the host is wrong."""
    config = load_config(config_file) if config_file else default_config(Path.cwd())
    check_host(config, host)
    return config


def serve(host: str, port: int, config_file: Path | None) -> None:
    """Serve the clinic web page until interrupted."""
    import logging.config

    import uvicorn

    from .app import create_app

    config = prepare(config_file, host)
    logging.config.dictConfig(LOG_CONFIG)
    tls = config.tls_certificate is not None
    count = config.worker_count()
    log.info("starting %d build process%s ...", count, "" if count == 1 else "es")
    app, pool = create_app(config, host, tls=tls)
    gc.collect()
    gc.freeze()  # the catalogue, templates and app live as long as the server: never rescanned
    scheme = "https" if tls else "http"
    shown = f"[{host}]" if ":" in host else host
    log.info("the clinic web page is at %s://%s:%d/ (Ctrl-C to stop)", scheme, shown, port)
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host=host,
            port=port,
            log_config=LOG_CONFIG,
            access_log=False,
            server_header=False,
            limit_concurrency=64,
            timeout_keep_alive=5,
            h11_max_incomplete_event_size=16 * 1024,
            ssl_certfile=config.tls_certificate,
            ssl_keyfile=config.tls_key,
            lifespan="on",
        )
    )
    try:
        server.run()
    finally:
        pool.close()
    if not server.started:
        sys.exit(1)
