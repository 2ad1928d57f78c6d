/**
 * Kubernetes terms in Japanese, spelt as the Japanese Kubernetes documentation spells them
 * (kubernetes.io/ja/docs: ロードバランサー, サーバー, ...). Every Japanese text of the app and the
 * lessons is checked against it (glossary.test.ts): a term written any other way is a mistake.
 */
export interface GlossaryTerm {
  en: string;
  ja: string;
  /** Spellings met in the wild that the docs do not use; matched as written. */
  not: readonly RegExp[];
}

export const glossary: readonly GlossaryTerm[] = [
  // A long vowel mark ends these loanwords in the Japanese docs (JIS Z 8301 leaves it optional; the docs write it).
  { en: "load balancer", ja: "ロードバランサー", not: [/ロードバランサ(?!ー)/] },
  { en: "server", ja: "サーバー", not: [/サーバ(?!ー)/] },
  { en: "controller", ja: "コントローラー", not: [/コントローラ(?!ー)/] },
  { en: "user", ja: "ユーザー", not: [/ユーザ(?!ー)/] },
  { en: "cluster", ja: "クラスター", not: [/クラスタ(?!ー)/] },
  { en: "container", ja: "コンテナ", not: [/コンテナー/] },
  { en: "proxy", ja: "プロキシ", not: [/プロキシー/] },
  { en: "namespace", ja: "Namespace", not: [/ネームスペース/] },
];

/** The glossary's findings in one Japanese text: each wrong spelling with the term it should be. */
export function misspelledTerms(text: string): string[] {
  const found: string[] = [];
  for (const term of glossary)
    for (const wrong of term.not) {
      const match = wrong.exec(text);
      if (match) found.push(`"${match[0]}" should be "${term.ja}" (${term.en})`);
    }
  return found;
}
