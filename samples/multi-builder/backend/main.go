// Command status serves a status page: the compiled frontend from a folder, and the checks it shows at /api/checks.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"
)

// Check is one thing the status page reports on.
type Check struct {
	Name string `json:"name"`
	OK   bool   `json:"ok"`
}

func main() {
	addr := flag.String("addr", ":8080", "address to listen on")
	www := flag.String("www", "www", "folder of the compiled frontend")
	flag.Parse()
	log.Printf("serving %s on %s", *www, *addr)
	log.Fatal(http.ListenAndServe(*addr, newMux(http.Dir(*www), currentChecks)))
}

func currentChecks() []Check {
	return []Check{{Name: "api", OK: true}, {Name: "frontend", OK: true}}
}

func newMux(www http.FileSystem, checks func() []Check) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(www))
	mux.HandleFunc("/api/checks", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(checks())
	})
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("ok\n"))
	})
	return mux
}
