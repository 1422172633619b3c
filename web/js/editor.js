// The rule editor: CodeMirror 6 (vendor/codemirror.js) with JavaScript highlighting, line numbers,
// and the server's validation problems shown at their line (gutter marker, underline, marked line).
import {
  EditorState, StateField, StateEffect, EditorView, Decoration, keymap, lineNumbers, highlightActiveLine,
  highlightActiveLineGutter, drawSelection, highlightSpecialChars, defaultKeymap, history, historyKeymap,
  searchKeymap, highlightSelectionMatches, syntaxHighlighting, defaultHighlightStyle, indentOnInput,
  bracketMatching, javascriptLanguage, lintGutter, setDiagnostics, lintKeymap,
} from "../vendor/codemirror.js";

const setProblemLines = StateEffect.define();

/** Whole-line marks for the lines with problems; they move with edits until the next check. */
const problemLines = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) if (e.is(setProblemLines)) deco = e.value;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/**
 * createEditor(parent, {source, label, onChange, readOnly}) → {view, getValue, setValue, setProblems, goToLine}
 * Tab is left to move focus (no keyboard trap); indentation keys are CodeMirror's Mod-] / Mod-[.
 */
export function createEditor(host, { source = "", label = "Rule source", describedBy, onChange, readOnly = false } = {}) {
  // CodeMirror styles itself at run time. In a document it would add a <style> element, which the
  // Content-Security-Policy (style-src 'self') refuses; in a shadow root it uses a constructed
  // style sheet instead, which CSP allows. Our own editor styles come from /editor.css.
  const shadow = host.shadowRoot || host.attachShadow({ mode: "open" });
  const sheet = document.createElement("link");
  sheet.rel = "stylesheet";
  sheet.href = "/editor.css";
  const parent = document.createElement("div");
  parent.className = "host";
  shadow.replaceChildren(sheet, parent);
  const attrs = { "aria-label": label, "aria-multiline": "true", spellcheck: "false", autocorrect: "off", autocapitalize: "off" };
  if (describedBy) attrs["aria-describedby"] = describedBy;
  const view = new EditorView({
    parent,
    root: shadow,
    state: EditorState.create({
      doc: source,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        javascriptLanguage,
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        lintGutter(),
        problemLines,
        EditorState.tabSize.of(2),
        EditorView.contentAttributes.of(attrs),
        // read-only (a job's rule as it ran): selectable and searchable, not editable
        EditorState.readOnly.of(readOnly),
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
        EditorView.updateListener.of((u) => { if (u.docChanged && onChange) onChange(); }),
      ],
    }),
  });

  function position(doc, line, column) {
    const l = doc.line(Math.min(Math.max(line || 1, 1), doc.lines));
    const from = Math.min(l.from + Math.max((column || 1) - 1, 0), l.to);
    return { l, from };
  }

  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    /** problems: [{line, column, message}] from the API; [] clears them. */
    setProblems(problems) {
      const doc = view.state.doc;
      const diagnostics = [];
      const lines = [];
      const seen = new Set();
      for (const p of problems) {
        const { l, from } = position(doc, p.line, p.column);
        diagnostics.push({ from, to: Math.max(from, Math.min(l.to, from + 1)), severity: "error", message: p.message });
        if (seen.has(l.number)) continue;
        seen.add(l.number);
        lines.push(Decoration.line({
          attributes: { class: "cm-problem-line", "data-problem-line": String(l.number), title: p.message },
        }).range(l.from));
      }
      lines.sort((a, b) => a.from - b.from);
      view.dispatch(setDiagnostics(view.state, diagnostics));
      view.dispatch({ effects: setProblemLines.of(Decoration.set(lines)) });
    },
    goToLine(line, column) {
      const { from } = position(view.state.doc, line, column);
      view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}
