/**
 * Whether the console runs a lesson's command: kubectl (but not an apply of a URL, which needs the
 * network, nor logs, which the simulator does not keep), curl and shell variables. docker, gcloud, helm
 * and shell loops belong to a real cluster's machines. Small and alone, for the lesson panel.
 */
export function runnable(line: string): boolean {
  const [program = "", verb = ""] = line.trim().split(/\s+/);
  if (/^[A-Za-z_]\w*=/.test(program) || program === "curl") return true;
  if (program !== "kubectl" && program !== "k") return false;
  return verb !== "logs" && !/\s-f\s+https?:\/\//.test(line);
}
