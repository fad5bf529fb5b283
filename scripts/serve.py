#!/usr/bin/env python3
"""Serves the built site (target/site/, from scripts/build-web.sh) on 127.0.0.1
with the right MIME type for .wasm, no caching (so a rebuild shows on reload)
and the security headers README.md asks a host to send. Prints the URL once
it is listening.

    python3 scripts/serve.py [--port N] [--root DIR]

Port 0 picks a free port (the end-to-end tests use it and read the URL).
"""
import argparse
import functools
import http.server
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "site")


# The Content-Security-Policy README.md asks a host to send. No inline script
# or style and no eval: WebAssembly needs 'wasm-unsafe-eval' only. The page
# fetches only its own files (connect-src 'self' is the engine), starts only
# its own simulation workers (worker-src 'self'), and sends nothing anywhere.
CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
])
# Any site may frame the iframe embeds; the calculator's own pages only itself.
FRAME_ANCESTORS = {"/embed.html": "*", "/summary-embed.html": "*", "/map-embed.html": "*"}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
        ".json": "application/json",
    }

    def end_headers(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        ancestors = FRAME_ANCESTORS.get(path, "'self'")
        self.send_header("Content-Security-Policy", f"{CSP}; frame-ancestors {ancestors}")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        # Public, credential-free files, which other sites' pages load for
        # the <sfpc-calculator> element.
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cross-Origin-Resource-Policy", "cross-origin")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("SFPC_SERVE_QUIET") != "1":
            super().log_message(fmt, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", default=ROOT)
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=os.path.abspath(args.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"Serving the SFPC calculator at http://127.0.0.1:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
