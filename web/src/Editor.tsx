// The code editor: CodeMirror 6 with the language's highlighting, the app's theme, compile-error lines
// marked, and the page's shortcuts (Ctrl/Cmd+Enter runs, Ctrl/Cmd+' submits) taking precedence over
// CodeMirror's own bindings. The code is only ever sent to the API, never run here.

import { cpp } from '@codemirror/lang-cpp';
import { java } from '@codemirror/lang-java';
import { python } from '@codemirror/lang-python';
import { Compartment, EditorState, type Extension, Prec, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { Decoration, type DecorationSet, EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'preact/hooks';

import type { EditorMode } from './lib/judge';

const setErrorLines = StateEffect.define<number[]>();
const errorLine = Decoration.line({ class: 'cm-error-line', attributes: { title: 'compile error' } });

const errorLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setErrorLines)) continue;
      const builder = new RangeSetBuilder<Decoration>();
      for (const n of effect.value) {
        if (n >= 1 && n <= tr.state.doc.lines) {
          const line = tr.state.doc.line(n);
          builder.add(line.from, line.from, errorLine);
        }
      }
      next = builder.finish();
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The CSP nonce the proxy put into index.html: CodeMirror's <style> element must carry it. */
function cspNonce(): string {
  const value = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
  return /^[A-Za-z0-9+/=_-]+$/.test(value) && value !== '__CSP_NONCE__' ? value : '';
}

function modeExtension(mode: EditorMode): Extension {
  return mode === 'cpp' ? cpp() : mode === 'python' ? python() : mode === 'java' ? java() : [];
}

interface Props {
  /** Which document this is (problem and language): a new key loads `value`, edits never come back in. */
  docKey: string;
  value: string;
  mode: EditorMode;
  dark: boolean;
  label: string;
  errorLines: number[];
  onChange: (code: string) => void;
  onRun: () => void;
  onSubmit: () => void;
}

export function CodeEditor(props: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const language = useRef(new Compartment());
  const theme = useRef(new Compartment());

  useEffect(() => {
    const shortcuts = Prec.highest(
      keymap.of([
        { key: 'Mod-Enter', run: () => (latest.current.onRun(), true) },
        { key: "Mod-'", run: () => (latest.current.onSubmit(), true) },
      ]),
    );
    view.current = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: props.value,
        extensions: [
          shortcuts,
          EditorView.cspNonce.of(cspNonce()),
          basicSetup,
          errorLines,
          language.current.of(modeExtension(props.mode)),
          theme.current.of(props.dark ? oneDark : []),
          EditorView.contentAttributes.of({ 'aria-label': props.label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    return () => view.current?.destroy();
  }, []);

  // A new language or problem replaces the document (drafts are kept per language by the page). The
  // editor owns its text otherwise: feeding each edit back in would race with typing.
  const shownKey = useRef(props.docKey);
  useEffect(() => {
    const v = view.current;
    if (v && shownKey.current !== props.docKey) {
      shownKey.current = props.docKey;
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: props.value } });
    }
  }, [props.docKey]);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(modeExtension(props.mode)) });
  }, [props.mode]);

  useEffect(() => {
    view.current?.dispatch({ effects: theme.current.reconfigure(props.dark ? oneDark : []) });
  }, [props.dark]);

  useEffect(() => {
    view.current?.dispatch({ effects: setErrorLines.of(props.errorLines) });
  }, [props.errorLines.join(',')]);

  return <div class="editor" ref={host} data-testid="editor" />;
}
