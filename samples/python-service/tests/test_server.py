from http.server import ThreadingHTTPServer
from urllib.error import HTTPError
from urllib.request import urlopen
import json
import threading

import pytest

from quotes.server import QuoteHandler


@pytest.fixture
def base_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), QuoteHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_quote_is_answered_as_json(base_url):
    with urlopen(f"{base_url}/quote?weight_kg=2.5&zone=eu") as response:
        assert json.load(response) == {"price_eur": "14.40"}


def test_a_bad_quote_is_a_400_that_says_why(base_url):
    with pytest.raises(HTTPError) as error:
        urlopen(f"{base_url}/quote?weight_kg=1&zone=moon")
    assert error.value.code == 400
    assert "unknown zone" in json.load(error.value)["error"]
