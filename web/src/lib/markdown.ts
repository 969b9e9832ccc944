// Problem statements: Markdown (marked) with $math$ (KaTeX), then DOMPurify. Statements are written by
// staff, but a package is still input: nothing from it runs in the page.

import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import markedKatex from 'marked-katex-extension';

const marked = new Marked(markedKatex({ throwOnError: false, nonStandard: true }));

export function renderMarkdown(source: string): string {
  const html = marked.parse(source ?? '', { async: false, gfm: true, breaks: false }) as string;
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true, mathMl: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    FORBID_ATTR: ['srcset'],
  });
}
