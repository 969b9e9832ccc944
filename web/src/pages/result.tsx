// A verdict on screen: the summary, compile output with its lines, the run's I/O, and the per-test
// table. Whatever the API leaves out (redacted hidden tests: verdict and ordinal only) shows as "—".

import { compileErrorLines, formatMemory, formatTime, type Result, VERDICTS, verdictClass } from '../lib/judge';

export function ResultView({ result }: { result: Result }) {
  const label = result.status || VERDICTS[result.verdict] || result.verdict;
  const lines = result.verdict === 'CE' ? compileErrorLines(result.compile_output ?? '') : [];
  return (
    <div class="result" data-testid="result">
      <p class={verdictClass(result.verdict)} data-testid="verdict">
        <strong>{label}</strong>
        {result.kind === 'submit' && result.total ? (
          <span data-testid="passed">
            {' '}
            {result.passed ?? 0}/{result.total}
          </span>
        ) : null}
      </p>
      <p class="muted">
        {result.kind === 'run' ? 'Custom run' : `Submission, attempt ${result.attempt ?? 1}`} · {result.lang} · time{' '}
        {formatTime(result.max_time_ms)} · memory {formatMemory(result.max_memory_kib)}
      </p>
      {result.message && result.message !== label && <p>{result.message}</p>}
      {result.verdict === 'CE' && (
        <div class="compile">
          <h3>Compiler output{lines.length ? ` (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})` : ''}</h3>
          <pre data-testid="compile-output">{result.compile_output || '(no output)'}</pre>
        </div>
      )}
      {result.io && (
        <div class="io">
          {result.io.input !== undefined && (
            <div>
              <h4>Input{result.io.test ? ` (${result.io.test})` : ''}</h4>
              <pre>{result.io.input}</pre>
            </div>
          )}
          <div>
            <h4>Your output</h4>
            <pre data-testid="actual">{result.io.actual ?? ''}</pre>
          </div>
          {result.io.expected !== undefined && (
            <div>
              <h4>Expected{result.kind === 'run' ? ' (reference solution)' : ''}</h4>
              <pre data-testid="expected">{result.io.expected}</pre>
            </div>
          )}
          {result.io.stderr ? (
            <div>
              <h4>Standard error</h4>
              <pre>{result.io.stderr}</pre>
            </div>
          ) : null}
          {result.io.truncated && <p class="muted">Output truncated.</p>}
        </div>
      )}
      {result.tests && result.tests.length > 0 && (
        <table class="tests">
          <caption class="sr-only">Tests</caption>
          <thead>
            <tr>
              <th scope="col">Test</th>
              <th scope="col">Verdict</th>
              <th scope="col">Time</th>
              <th scope="col">Memory</th>
            </tr>
          </thead>
          <tbody>
            {result.tests.map((t, i) => (
              <tr>
                <td>{t.name ?? `#${t.ordinal ?? i + 1}`}</td>
                <td>
                  <span class={verdictClass(t.verdict)}>{t.verdict}</span>
                </td>
                <td>{formatTime(t.time_ms)}</td>
                <td>{formatMemory(t.memory_kib)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
