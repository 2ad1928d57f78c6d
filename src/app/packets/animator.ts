import type { Outcome } from "../../engine/index.ts";
import { frameAt, nextStepEnd, type PacketPlan } from "./plan.ts";

export interface PacketSpec {
  id: number;
  plan: PacketPlan;
  outcome: Outcome;
  /** Milliseconds (at speed 1) to wait before setting off: a batch leaves one packet after another. */
  delay: number;
  /** Accessible name of the packet's button. */
  name: string;
}

interface Flight {
  spec: PacketSpec;
  element: HTMLButtonElement;
  label: HTMLSpanElement;
  elapsed: number;
  step: number;
  shown: string;
  finished: boolean;
  waiting: boolean;
}

export interface AnimatorHooks {
  onSelect(id: number): void;
  /** The text a finished packet shows: the reason it failed, or that it was delivered. */
  describe(outcome: Outcome): string;
}

/**
 * Moves packets every animation frame by writing transforms to DOM elements, outside React: React
 * renders the layer once and never hears about positions (RECIPE.md: the table-driven loop with
 * the layer on its own compositor layer holds 59 fps at 300 packets).
 */
export class PacketAnimator {
  private flights = new Map<number, Flight>();
  private playing = true;
  private speed = 1;
  private frame: number | null = null;
  private last = 0;
  private selected: number | null = null;

  constructor(
    private readonly layer: HTMLElement,
    private readonly hooks: AnimatorHooks,
  ) {}

  add(spec: PacketSpec): void {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "packet";
    element.dataset.testid = "packet";
    element.dataset.request = String(spec.id);
    element.setAttribute("aria-label", spec.name);
    element.tabIndex = -1;
    const label = document.createElement("span");
    label.className = "packet-label";
    element.append(label);
    element.addEventListener("click", (event) => {
      event.stopPropagation();
      this.hooks.onSelect(spec.id);
    });
    const flight: Flight = {
      spec,
      element,
      label,
      elapsed: -spec.delay,
      step: -1,
      shown: "",
      finished: false,
      waiting: false,
    };
    this.flights.set(spec.id, flight);
    this.layer.append(element);
    this.draw(flight);
    this.schedule();
  }

  /** Takes away packets that have arrived or failed, leaving those still on their way. */
  removeFinished(): void {
    for (const [id, flight] of this.flights) {
      if (!flight.finished) continue;
      flight.element.remove();
      this.flights.delete(id);
    }
  }

  clear(): void {
    for (const flight of this.flights.values()) flight.element.remove();
    this.flights.clear();
  }

  setPlaying(playing: boolean): void {
    this.playing = playing;
    this.schedule();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
  }

  /** Advances every packet in flight to the end of its next hop, and holds it there. */
  step(): void {
    for (const flight of this.flights.values()) {
      if (flight.finished) continue;
      flight.elapsed = flight.elapsed < 0 ? 0 : nextStepEnd(flight.spec.plan, flight.elapsed);
      this.draw(flight);
    }
  }

  select(id: number | null): void {
    this.flights.get(this.selected ?? -1)?.element.classList.remove("packet-selected");
    this.selected = id;
    this.flights.get(id ?? -1)?.element.classList.add("packet-selected");
  }

  destroy(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.clear();
  }

  private schedule(): void {
    if (this.frame !== null || !this.playing) return;
    this.last = performance.now();
    this.frame = requestAnimationFrame(this.tick);
  }

  private readonly tick = (now: number): void => {
    this.frame = null;
    if (!this.playing) return;
    const dt = Math.min(now - this.last, 100) * this.speed;
    this.last = now;
    let moving = false;
    for (const flight of this.flights.values()) {
      if (flight.finished) continue;
      flight.elapsed += dt;
      this.draw(flight);
      moving ||= !flight.finished;
    }
    if (moving) {
      this.frame = requestAnimationFrame(this.tick);
    }
  };

  private draw(flight: Flight): void {
    const { element, spec } = flight;
    const waiting = flight.elapsed < 0;
    // Only changed values are written: every style write invalidates the packet's style.
    if (waiting !== flight.waiting) {
      flight.waiting = waiting;
      element.style.visibility = waiting ? "hidden" : "";
    }
    if (waiting) return;
    const frame = frameAt(spec.plan, flight.elapsed, flight.step);
    element.style.transform = `translate(${frame.x}px, ${frame.y}px)`;
    if (frame.step !== flight.step) {
      flight.step = frame.step;
      element.dataset.hop = String(frame.step);
      element.dataset.phase = spec.plan.steps[frame.step]?.phase ?? "request";
    }
    const text = frame.done ? this.hooks.describe(spec.outcome) : frame.label;
    if (text !== flight.shown) {
      flight.shown = text;
      flight.label.textContent = text;
    }
    if (frame.done && !flight.finished) {
      flight.finished = true;
      element.dataset.outcome = spec.outcome;
      element.classList.add(spec.outcome === "delivered" ? "packet-delivered" : "packet-failed");
    }
  }
}
