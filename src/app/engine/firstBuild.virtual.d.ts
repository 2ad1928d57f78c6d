// Written by vite.config.ts (firstBuild) when the app is built or served.
declare module "virtual:svclab/first-build" {
  const known: import("./firstBuild.ts").KnownBuild | null;
  export default known;
}
