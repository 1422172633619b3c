// The parts of CodeMirror 6 the rule editor uses, bundled by build.sh into codemirror.js.
export { EditorState, StateField, StateEffect } from "@codemirror/state";
export {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars
} from "@codemirror/view";
export { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
export { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
export { syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching } from "@codemirror/language";
export { javascriptLanguage } from "@codemirror/lang-javascript";
export { lintGutter, setDiagnostics, lintKeymap } from "@codemirror/lint";
