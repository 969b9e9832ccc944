// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders Markdown, code blocks and math', () => {
    const html = renderMarkdown('# Sqrt(x)\n\nCompute $\\lfloor\\sqrt{x}\\rfloor$.\n\n```\n4\n```');
    expect(html).toContain('<h1');
    expect(html).toContain('<pre><code>4');
    expect(html).toContain('class="katex"');
  });

  it('drops scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror="alert(2)"><iframe src="//evil"></iframe>\n\n[x](javascript:alert(3))',
    );
    expect(html).not.toMatch(/<script|onerror|href="javascript:|<iframe/i);
    expect(html).toContain('<img src="x">');
  });
});
