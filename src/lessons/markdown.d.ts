// A lesson's title, read from its markdown while the app is built (scripts/lessonTitles.ts).
declare module "*.md?title" {
  const title: string;
  export default title;
}
