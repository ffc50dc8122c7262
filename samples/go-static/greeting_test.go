package main

import (
	"io"
	"net/http/httptest"
	"testing"
)

func TestGreetingNamesThePerson(t *testing.T) {
	if got := Greeting("Ada"); got != "Hello, Ada!" {
		t.Errorf(`Greeting("Ada") = %q, want "Hello, Ada!"`, got)
	}
}

func TestGreetingWithoutANameGreetsTheWorld(t *testing.T) {
	if got := Greeting("  "); got != "Hello, world!" {
		t.Errorf(`Greeting("  ") = %q, want "Hello, world!"`, got)
	}
}

func TestGreetEndpointAnswersWithTheGreeting(t *testing.T) {
	server := httptest.NewServer(newMux())
	defer server.Close()

	response, err := server.Client().Get(server.URL + "/greet?name=Grace")
	if err != nil {
		t.Fatal(err)
	}
	defer response.Body.Close()
	body, _ := io.ReadAll(response.Body)
	if response.StatusCode != 200 || string(body) != "Hello, Grace!\n" {
		t.Errorf("GET /greet?name=Grace = %d %q, want 200 \"Hello, Grace!\\n\"", response.StatusCode, body)
	}
}
