/** What a packet is drawn as: on its way (a request, a DNS question), or ended. */
export type Look = "request" | "dns" | "delivered" | "failed";

/** Each look's colours, shared by the packets on the canvas and the graph's legend. */
export const LOOKS: Record<Look, { dot: string; ring: string; fill: string; ink: string }> = {
  request: { dot: "#f59e0b", ring: "#b45309", fill: "#fffbeb", ink: "#78350f" },
  dns: { dot: "#a855f7", ring: "#6b21a8", fill: "#faf5ff", ink: "#581c87" },
  delivered: { dot: "#10b981", ring: "#047857", fill: "#ecfdf5", ink: "#065f46" },
  failed: { dot: "#ef4444", ring: "#991b1b", fill: "#fef2f2", ink: "#991b1b" },
};
