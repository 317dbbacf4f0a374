import { useRef } from "react";
import type { FieldProblem } from "../api/http";

/**
 * The YAML editor: a textarea over a highlighted copy of the text (keys, comments, `${...}`
 * expressions), with a gutter that marks each line a problem is on. Clicking a problem puts the
 * cursor at its line and column.
 */
export function Editor({ value, onChange, problems }: { value: string; onChange: (v: string) => void; problems: FieldProblem[] }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const lines = value.split("\n");
  const bad = new Set(problems.map((p) => p.line));
  const jump = (p: FieldProblem) => {
    const el = area.current;
    if (!el || !p.line) return;
    const offset = lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + (p.column ?? 1) - 1;
    el.focus();
    el.setSelectionRange(offset, offset);
  };
  return (
    <div className="runbook-editor">
      <div className="editor-frame">
        <ol className="gutter" aria-hidden="true">
          {lines.map((_, i) => (
            <li key={i} className={bad.has(i + 1) ? "bad" : undefined}>
              {i + 1}
            </li>
          ))}
        </ol>
        <div className="editor-stack">
          <pre className="highlight" aria-hidden="true">
            {lines.map((l, i) => (
              <div key={i} className={bad.has(i + 1) ? "bad" : undefined}>
                {highlight(l)}
                {"\n"}
              </div>
            ))}
          </pre>
          <textarea
            ref={area}
            aria-label="Runbook YAML"
            spellCheck={false}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            rows={Math.max(12, lines.length + 1)}
          />
        </div>
      </div>
      {problems.length > 0 && (
        <ul className="problems" aria-label="Problems">
          {problems.map((p, i) => (
            <li key={i}>
              <button type="button" className="link-button" onClick={() => jump(p)}>
                {p.line ?? "?"}:{p.column ?? "?"}
              </button>{" "}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Simple highlighting: a comment, a key before its colon, and `${...}` parts. */
function highlight(line: string): React.ReactNode[] {
  const out: React.ReactNode[] = [];
  const comment = line.match(/^(\s*)#.*/);
  if (comment) return [<span key="c" className="tok-comment">{line}</span>];
  const key = line.match(/^(\s*-?\s*)([A-Za-z_][\w-]*)(:)(.*)$/);
  let rest = line;
  if (key) {
    out.push(key[1], <span key="k" className="tok-key">{key[2]}</span>, key[3]);
    rest = key[4];
  }
  rest.split(/(\$\{[^}]*\})/).forEach((part, i) =>
    out.push(part.startsWith("${") ? <span key={`e${i}`} className="tok-expr">{part}</span> : part),
  );
  return out;
}
