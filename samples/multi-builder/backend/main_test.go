package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func serve(t *testing.T, path string) *http.Response {
	t.Helper()
	www := http.FS(fstest.MapFS{"index.html": {Data: []byte("<h1>Status</h1>")}})
	checks := func() []Check { return []Check{{Name: "db", OK: false}} }
	recorder := httptest.NewRecorder()
	newMux(www, checks).ServeHTTP(recorder, httptest.NewRequest(http.MethodGet, path, nil))
	return recorder.Result()
}

func TestChecksAreServedAsJSON(t *testing.T) {
	var checks []Check
	if err := json.NewDecoder(serve(t, "/api/checks").Body).Decode(&checks); err != nil {
		t.Fatal(err)
	}
	if len(checks) != 1 || checks[0] != (Check{Name: "db", OK: false}) {
		t.Errorf("GET /api/checks = %+v, want [{db false}]", checks)
	}
}

func TestTheFrontendIsServedFromItsFolder(t *testing.T) {
	body, _ := io.ReadAll(serve(t, "/").Body)
	if !strings.Contains(string(body), "<h1>Status</h1>") {
		t.Errorf("GET / = %q, want the frontend's index.html", body)
	}
}
