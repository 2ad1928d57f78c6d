import { describe, expect, it } from "vitest";
import { lessons } from "./index.ts";
import { lessonIds, lessonSteps, lessonTitle } from "./outline.ts";
import { courseTexts } from "./testing.ts";
import { parseLessonText } from "./text.ts";

const texts = await courseTexts();

describe("lesson markdown", () => {
  it("reads title, summary, intro, steps with their hints, and the try section", () => {
    const text = parseLessonText(
      "x/en.md",
      "# Title\n\nFirst paragraph.\n\nSecond.\n\n<!-- step: a -->\n## Do A\n\nWhy A.\n\n<!-- hint -->\nHint 1.\n\n<!-- hint -->\nHint 2.\n\n<!-- try -->\nOn a cluster.\n",
    );
    expect(text).toEqual({
      title: "Title",
      summary: "First paragraph.",
      intro: "First paragraph.\n\nSecond.",
      steps: { a: { title: "Do A", body: "Why A.", hints: ["Hint 1.", "Hint 2."] } },
      tryIt: "On a cluster.",
    });
  });

  it("names the file when the layout is broken", () => {
    expect(() => parseLessonText("x/ja.md", "no title")).toThrow("x/ja.md");
    expect(() =>
      parseLessonText("x/ja.md", "# T\n\nIntro.\n\n<!-- step: a -->\nno heading\n<!-- try -->\n"),
    ).toThrow("step a");
    expect(() => parseLessonText("x/ja.md", "# T\n\nIntro.\n")).toThrow("try");
  });
});

describe("the lesson list's outline", () => {
  it("lists the course's lessons in its order, before their manifests and goals are fetched", () => {
    expect(lessonIds).toEqual(lessons.map((l) => l.id));
  });
});

describe.each(lessons.map((l) => [l.id, l] as const))("lesson %s", (_id, lesson) => {
  it("has text in English and Japanese for exactly its steps, each with a hint", () => {
    const ids = lesson.steps.map((s) => s.id);
    for (const language of ["en", "ja"] as const) {
      const text = texts.get(lesson.id)?.[language];
      if (!text) throw new Error(`${lesson.id}: no ${language} text`);
      expect(Object.keys(text.steps), language).toEqual(ids);
      for (const id of ids) expect(text.steps[id]?.hints.length, `${language} ${id}`).toBeGreaterThan(0);
      expect(text.tryIt, language).not.toBe("");
    }
  });

  it("gives the lesson list its title and steps, read while the app is built, in both languages", () => {
    for (const language of ["en", "ja"] as const)
      expect(lessonTitle(lesson.id, language), language).toBe(texts.get(lesson.id)?.[language].title);
    expect(lessonSteps(lesson.id)).toEqual(lesson.steps.map((s) => s.id));
  });

  it("writes its Japanese in Japanese", () => {
    const ja = texts.get(lesson.id)?.ja;
    if (!ja) throw new Error(`${lesson.id}: no Japanese text`);
    for (const block of [
      ja.title,
      ja.intro,
      ...Object.values(ja.steps).flatMap((s) => [s.title, s.body, ...s.hints]),
    ]) {
      expect(block).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it("ends with kubectl commands to try on a real cluster", () => {
    expect(lesson.tryIt.length).toBeGreaterThan(0);
    expect(lesson.tryIt.some((c) => c.startsWith("kubectl "))).toBe(true);
  });

  it("has unique step ids and a folder-shaped id", () => {
    expect(lesson.id).toMatch(/^\d\d-[a-z-]+$/);
    expect(new Set(lesson.steps.map((s) => s.id)).size).toBe(lesson.steps.length);
  });
});

it("the course's ids are unique and in order", () => {
  const ids = lessons.map((l) => l.id);
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
});
