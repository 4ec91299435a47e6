/** The Markdown story format and its converters to and from Lexical editor state. */
export {
  parseStoryMarkdown,
  parseStoryMarkdownOrThrow,
  printStoryMarkdown,
  StoryFormatError,
} from './story-markdown.ts';
export {
  lexicalJsonToMarkdown,
  lexicalJsonToPlainText,
  LexicalJsonError,
  markdownToLexicalJson,
  paragraphsToLexicalJson,
} from './lexical-json.ts';
