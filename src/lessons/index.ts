import { podsLesson } from "./01-pods/lesson.ts";
import { servicesLesson } from "./02-services/lesson.ts";
import { clusterIPLesson } from "./03-clusterip/lesson.ts";
import { externalIPLesson } from "./04-externalip/lesson.ts";
import { nodePortLesson } from "./05-nodeport/lesson.ts";
import { loadBalancerLesson } from "./06-loadbalancer/lesson.ts";
import { headlessLesson } from "./07-headless/lesson.ts";
import { externalNameLesson } from "./08-externalname/lesson.ts";
import { noSelectorLesson } from "./09-no-selector/lesson.ts";
import { summaryLesson } from "./10-summary/lesson.ts";
import { ingressLesson } from "./11-ingress/lesson.ts";
import { failoverLesson } from "./12-failover/lesson.ts";
import { gatewayApiLesson } from "./13-gateway-api/lesson.ts";
import { loadBalancerProvidersLesson } from "./14-lb-providers/lesson.ts";
import type { Lesson } from "./types.ts";

/**
 * The course, in the chapter's order, then what came after it (Gateway API). A lesson is one folder
 * and one entry here.
 */
export const lessons: readonly Lesson[] = [
  podsLesson,
  servicesLesson,
  clusterIPLesson,
  externalIPLesson,
  nodePortLesson,
  loadBalancerLesson,
  headlessLesson,
  externalNameLesson,
  noSelectorLesson,
  summaryLesson,
  ingressLesson,
  failoverLesson,
  gatewayApiLesson,
  loadBalancerProvidersLesson,
];

export function lessonById(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}

/**
 * Where a lesson's request bar starts: its first request's source and destination, both things of
 * this lesson's cluster. A destination the cluster allocates (a placeholder such as
 * `{clusterIP:svc/default/web}`) is left empty: finding that address is the learner's task.
 */
export function startingRequest(lesson: Lesson): { from: string; to: string } {
  for (const step of lesson.steps)
    for (const command of step.solution)
      if (command.id === "send" || command.id === "sendMany")
        return { from: command.from, to: command.to.includes("{") ? "" : command.to };
  return { from: "client/external", to: "" };
}

export type { Goal } from "./goals.ts";
export { goalMet } from "./goals.ts";
export { fillPlaceholders } from "./placeholders.ts";
export type { DnsLookupRecord, SentRequest, SessionRecord, SimulationRecord } from "./session.ts";
export type { Lesson, LessonCommand, LessonLanguage, LessonStep, LessonText, StepText } from "./types.ts";
