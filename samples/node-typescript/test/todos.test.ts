import { test } from "node:test";
import assert from "node:assert/strict";
import { TodoList } from "../src/todos";

test("a new to-do is open and numbered from 1", () => {
  const todos = new TodoList();
  assert.deepEqual(todos.add("  write the sample "), { id: 1, title: "write the sample", done: false });
});

test("a blank title is refused", () => {
  assert.throws(() => new TodoList().add("   "), RangeError);
});

test("completing a to-do marks it done, and an unknown id finds nothing", () => {
  const todos = new TodoList();
  todos.add("gate the image");
  assert.equal(todos.complete(1)?.done, true);
  assert.equal(todos.complete(2), undefined);
});
