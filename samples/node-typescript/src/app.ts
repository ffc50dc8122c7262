import { IncomingMessage, ServerResponse, createServer, Server } from "node:http";
import { TodoList } from "./todos";

/** The API: GET /todos, POST /todos {"title": "..."}, POST /todos/:id/done, GET /healthz. */
export function createApp(todos = new TodoList()): Server {
  return createServer(async (request, response) => {
    try {
      await route(todos, request, response);
    } catch (error) {
      send(response, error instanceof RangeError || error instanceof SyntaxError ? 400 : 500, { error: String(error) });
    }
  });
}

async function route(todos: TodoList, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  const done = /^\/todos\/(\d+)\/done$/.exec(path);
  if (request.method === "GET" && path === "/healthz") return send(response, 200, { status: "ok" });
  if (request.method === "GET" && path === "/todos") return send(response, 200, todos.all());
  if (request.method === "POST" && path === "/todos") {
    const body = JSON.parse(await readBody(request));
    return send(response, 201, todos.add(body.title));
  }
  if (request.method === "POST" && done) {
    const todo = todos.complete(Number(done[1]));
    return todo ? send(response, 200, todo) : send(response, 404, { error: "no such to-do" });
  }
  send(response, 404, { error: "not found" });
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 64 * 1024) throw new RangeError("body too large");
  }
  return body;
}

function send(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(value));
}
