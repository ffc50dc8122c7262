/** One thing to do. */
export interface Todo {
  id: number;
  title: string;
  done: boolean;
}

/** An in-memory to-do list: the API's whole state. */
export class TodoList {
  private readonly items: Todo[] = [];

  all(): Todo[] {
    return this.items.map((item) => ({ ...item }));
  }

  /** Adds a to-do; a title must have some text and at most 200 characters. */
  add(title: unknown): Todo {
    if (typeof title !== "string" || title.trim() === "" || title.length > 200) {
      throw new RangeError("title must be a non-blank string of at most 200 characters");
    }
    const todo = { id: this.items.length + 1, title: title.trim(), done: false };
    this.items.push(todo);
    return { ...todo };
  }

  /** Marks a to-do done; undefined when there is no such id. */
  complete(id: number): Todo | undefined {
    const todo = this.items.find((item) => item.id === id);
    if (todo) todo.done = true;
    return todo && { ...todo };
  }
}
