/** One check as the backend's /api/checks reports it. */
export interface Check {
  name: string;
  ok: boolean;
}

/** The page's headline: "All 3 checks pass", or which ones fail. */
export function summarize(checks: Check[]): string {
  if (checks.length === 0) return "No checks reported";
  const failing = checks.filter((check) => !check.ok).map((check) => check.name);
  if (failing.length === 0) return `All ${checks.length} checks pass`;
  return `${failing.length} of ${checks.length} checks fail: ${failing.sort().join(", ")}`;
}
