/** Placeholder until the page lands (being written now). */
export function TriageProtocolsPage() {
  return null;
}
