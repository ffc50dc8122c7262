import { test } from "node:test";
import assert from "node:assert/strict";
import { summarize } from "../src/checks.js";

test("every check passing says so", () => {
  assert.equal(summarize([{ name: "api", ok: true }, { name: "db", ok: true }]), "All 2 checks pass");
});

test("failing checks are named, in order", () => {
  const checks = [{ name: "queue", ok: false }, { name: "api", ok: true }, { name: "db", ok: false }];
  assert.equal(summarize(checks), "2 of 3 checks fail: db, queue");
});

test("no checks is not all passing", () => {
  assert.equal(summarize([]), "No checks reported");
});
