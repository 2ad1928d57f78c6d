import { describe, expect, it } from "vitest";
import { ariaKeys, commandForKey, getCommand, registerCommands } from "./registry.ts";

registerCommands([
  { id: "test-a", label: "command.send", keys: ["x"], run: () => {} },
  { id: "test-b", label: "command.sendMany", keys: ["shift+x"], run: () => {} },
]);

const press = (key: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("command registry", () => {
  it("finds a command by its key, telling Shift apart", () => {
    expect(commandForKey(press("x"))?.id).toBe("test-a");
    expect(commandForKey(press("X", { shiftKey: true }))?.id).toBe("test-b");
  });

  it("leaves key presses with Ctrl to the browser", () => {
    expect(commandForKey(press("x", { ctrlKey: true }))).toBeUndefined();
  });

  it("refuses a second command with the same id", () => {
    expect(() =>
      registerCommands([{ id: "test-a", label: "command.send", keys: [], run: () => {} }]),
    ).toThrow();
  });

  it("writes shortcuts in aria-keyshortcuts form", () => {
    const b = getCommand("test-b");
    expect(b && ariaKeys(b)).toBe("Shift+X");
  });
});
