import { createApp } from "./app";

const port = Number(process.env.PORT ?? 3000);
const server = createApp().listen(port, () => console.log(`todo-api listening on ${port}`));

// docker stop sends SIGTERM: close the server instead of being killed after the grace period.
process.on("SIGTERM", () => server.close(() => process.exit(0)));
