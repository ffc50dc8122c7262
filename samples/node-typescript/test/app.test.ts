import { test } from "node:test";
import assert from "node:assert/strict";
import { AddressInfo } from "node:net";
import { createApp } from "../src/app";

test("the API adds a to-do and lists it", async () => {
  const server = createApp().listen(0);
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const created = await fetch(`${base}/todos`, { method: "POST", body: JSON.stringify({ title: "ship it" }) });
    assert.equal(created.status, 201);
    const list = await (await fetch(`${base}/todos`)).json();
    assert.deepEqual(list, [{ id: 1, title: "ship it", done: false }]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test("the API answers 400 to a body that is not JSON", async () => {
  const server = createApp().listen(0);
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const response = await fetch(`${base}/todos`, { method: "POST", body: "not json" });
    assert.equal(response.status, 400);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
