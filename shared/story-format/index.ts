/** The Markdown story format and its converters to and from Lexical editor state. */
export {
  parseStoryMarkdown,
  parseStoryMarkdownOrThrow,
  printStoryMarkdown,
  sectionMarkdown,
  StoryFormatError,
  type StoryFormatProblem,
  type StoryParseResult,
} from './story-markdown.ts';
export {
  blocksToEditorState,
  editorStateToBlocks,
  lexicalJsonToMarkdown,
  lexicalJsonToPlainText,
  LexicalJsonError,
  markdownToLexicalJson,
  paragraphsToLexicalJson,
  TEXT_FORMAT_BOLD,
  TEXT_FORMAT_ITALIC,
  type SerializedEditorState,
} from './lexical-json.ts';
export { parseBody, printBody } from './markdown-body.ts';
export type { Block, Inline, ListBlock, ListItem, Paragraph, TextRun } from './blocks.ts';
