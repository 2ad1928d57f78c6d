/**
 * Finds English left in a Japanese screen (issue 14: "no Latin-script sentence appears ...
 * Kubernetes names, fields and commands excepted"). What Kubernetes itself spells stays Latin in
 * Japanese too (object names and refs, field paths, kinds, commands, addresses, rule and chain
 * names), so those are stripped first; what is left must hold no run of English words.
 */

/** What stays as written in any language: each pattern is removed before looking for English. */
const KEPT_AS_WRITTEN: readonly RegExp[] = [
  // The API server's NotFound, as it prints it: namespaces "shop" not found.
  /\b[a-z]+ "[^"]*" not found\b/g,
  // Anything quoted as code or as a literal: commands, annotation values, kube-proxy comments.
  /`[^`]*`/g,
  // A command line, from its program to the end of the line or an explanation in brackets.
  /\b(?:kubectl|curl|dig|nslookup|iptables-save|ipvsadm|nft|svclab|gcloud|minikube|helm)\b[^\n（(]*/g,
  // What a program or a product prints or is called: an HTTP status with its reason phrase
  // (404 Not Found), nft's numgen expression, ipset flags (dst,dst,src), products' names.
  /\b\d{3}(?: [A-Z][A-Za-z]*)+/g,
  /\bnumgen random mod\b/g,
  /\b[a-z]+(?:,[a-z]+)+\b/g,
  /\b(?:Google Front End|Docker Desktop)\b/g,
  /"[^"]*"/g,
  /「[^」]*」/g,
  // URLs, refs and paths: http://shop.example/cart, pod/default/web-0, svc/NS/NAME, /api.
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi,
  /\b[\w.-]+(?:\/[\w.*-]+)+/g,
  /(?<![\w/])\/[\w./*-]*/g,
  // Addresses, ports and CIDRs: 10.96.0.10:53, 10.244.1.0/24, 80/TCP.
  /\b\d{1,3}(?:\.\d{1,3}){3}(?:[:/]\d+)?\b/g,
  // Field paths and host names: spec.ports[0].targetPort, web.default.svc.cluster.local.
  /\b[\w-]+(?:\[\d+\])?(?:\.[\w-]+(?:\[\d+\])?)+\.?/g,
  // Identifiers: camelCase and PascalCase with an inner capital (externalTrafficPolicy, ClusterIP,
  // NodePort), ALL-CAPS (KUBE-SERVICES, DNAT, NXDOMAIN), kebab-case (kube-proxy, ingress-nginx,
  // web-0), and anything holding a digit or an underscore.
  /\b[a-z]+[A-Z][A-Za-z]*\b/g,
  /\b[A-Z][a-z]*[A-Z][A-Za-z]*\b/g,
  /\b[A-Z][A-Z0-9_-]+\b/g,
  /\b\w+(?:-\w+)+\b/g,
  /\b\w*[\d_]\w*\b/g,
];

/**
 * Words that only a sentence of English uses (articles, pronouns, prepositions, auxiliaries): a
 * run of Latin words with one of them is English prose, not a list of Kubernetes names.
 */
const ENGLISH_GLUE = new Set(
  (
    "a an the is are was were be been has have had does do did not no nothing none any every " +
    "to of in on at by for from with without into out over via than then and or but so because " +
    "it its this that these those there here which who what when where while as if only also " +
    "can cannot will would may might must should answers answer sends sent goes reaches lost " +
    "until after before each all one"
  ).split(" "),
);

/** The text with every Kubernetes name, field, ref, address and command taken out. */
export function prose(text: string): string {
  return KEPT_AS_WRITTEN.reduce((left, pattern) => left.replace(pattern, " "), text);
}

/**
 * The English in a text, as the runs of Latin words left once names are taken out: three or more
 * words in a row (spaces and light punctuation between them), two with an English function word
 * ("no endpoints"), or a lone word of `words` (outcome words such as "timeout", "delivered"). Empty
 * when none is left.
 */
export function englishIn(text: string, words: readonly string[] = []): string[] {
  const left = prose(text);
  const found: string[] = [];
  for (const match of left.matchAll(/[A-Za-z]+(?:[ ,;:'’()-]+[A-Za-z]+)*/g)) {
    const run = match[0].replace(/\s+/g, " ");
    const parts = run.split(/[^A-Za-z]+/).filter((w) => w !== "");
    const lower = parts.map((w) => w.toLowerCase());
    if (parts.length >= 3 || (parts.length === 2 && lower.some((w) => ENGLISH_GLUE.has(w)))) found.push(run);
    else if (lower.some((w) => words.includes(w))) found.push(run);
  }
  return found;
}
