/**
 * "Step one hop" and "Step back" act on the packets being drawn, which live outside React state (as
 * the packet clock does): the packet layer attaches its animator here while it is mounted, and the
 * step actions call it, so a step is an action the store performs, not a counter a watcher compares.
 */
export interface PacketStepper {
  step(): void;
  stepBack(): void;
}

let attached: PacketStepper | null = null;

export const packetSteps = {
  /** The packet layer, while mounted; returns the detach. */
  attach(stepper: PacketStepper): () => void {
    attached = stepper;
    return () => {
      if (attached === stepper) attached = null;
    };
  },
  step: () => attached?.step(),
  stepBack: () => attached?.stepBack(),
};
