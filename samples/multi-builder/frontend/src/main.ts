import { Check, summarize } from "./checks.js";

async function show(): Promise<void> {
  const checks: Check[] = await (await fetch("/api/checks")).json();
  document.getElementById("summary")!.textContent = summarize(checks);
  const list = document.getElementById("checks")!;
  for (const check of checks) {
    const item = document.createElement("li");
    item.textContent = `${check.ok ? "✔" : "✘"} ${check.name}`;
    list.append(item);
  }
}

show().catch((error) => {
  document.getElementById("summary")!.textContent = `Could not load the checks: ${error}`;
});
