// A lesson's outline, read from its markdown while the app is built (scripts/lessonOutlines.ts).
declare module "*.md?outline" {
  const outline: import("./outline.ts").LessonOutline;
  export default outline;
}
