"""The HTTP front: GET /quote?weight_kg=2.5&zone=eu answers {"price_eur": "14.40"}; GET /healthz answers ok."""

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse
import json
import os
import signal

from .pricing import QuoteError, quote


class QuoteHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/healthz":
            return self._send(200, {"status": "ok"})
        if url.path != "/quote":
            return self._send(404, {"error": "not found"})
        query = parse_qs(url.query)
        try:
            weight = float(query.get("weight_kg", [""])[0])
            price = quote(weight, query.get("zone", [""])[0])
        except (ValueError, QuoteError) as error:
            return self._send(400, {"error": str(error)})
        self._send(200, {"price_eur": str(price)})

    def _send(self, status, body):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def main():
    server = ThreadingHTTPServer(("", int(os.environ.get("PORT", "8000"))), QuoteHandler)
    # docker stop sends SIGTERM; exit at once instead of waiting out the grace period.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    print(f"quotes listening on {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
